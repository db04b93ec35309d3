"""Bilan, compte de résultat and annexe (circ. 93/82 §IV) on a small ledger:
actif = passif, résultat = produits − charges = classes 7 − 6, N−1 column,
the mapping's edit, its refusals, PostgreSQL's guards."""

import datetime
from decimal import Decimal

import pytest

from comptes_annuels import selectors
from comptes_annuels.models import Correspondance
from comptes_annuels.services import correspondance_fixer
from core.exceptions import DonneeInvalide, DroitInsuffisant
from core.models import JournalAudit
from ledger.selectors import balance_generale
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date


def montants(postes) -> dict:
    return {p.code: (p.n, p.n1) for p in postes if p.n or p.n1}


def test_le_bilan_est_equilibre_avec_la_colonne_n_moins_1(livres):
    bilan = selectors.bilan(livres)
    assert montants(bilan.gauche) == {
        "AK": (Decimal("2245.67"), Decimal("1000")),  # 4111 net of 491
        "AL": (Decimal("1010000"), Decimal("0")),
    }
    assert montants(bilan.droite) == {
        "PD": (Decimal("1000000"), Decimal("0")),
        "PP": (Decimal("50"), Decimal("0")),
        "PF": (Decimal("250.10"), Decimal("200")),
        "R": (Decimal("11945.57"), Decimal("800")),
    }
    assert bilan.total_gauche.n == bilan.total_droite.n == Decimal("1012245.67")
    assert bilan.total_gauche.n1 == bilan.total_droite.n1 == Decimal("1000")
    assert bilan.equilibre
    assert bilan.provisoire and "balance générale" in bilan.source.lower()


def test_le_resultat_egale_les_classes_7_moins_6(livres):
    cr = selectors.compte_de_resultat(livres)
    assert montants(cr.gauche) == {
        "CT": (Decimal("100"), Decimal("0")),
        "CC": (Decimal("300.10"), Decimal("200")),
    }
    assert montants(cr.droite) == {"RT": (Decimal("12345.67"), Decimal("1000"))}
    balance = balance_generale(exercice=livres)
    classes_7_moins_6 = sum(
        (
            ligne.solde_credit - ligne.solde_debit
            for ligne in balance.lignes
            if ligne.classe in (6, 7)
        ),
        Decimal(0),
    )
    assert cr.resultat.n == classes_7_moins_6 == Decimal("11945.57")
    assert cr.resultat.n1 == Decimal("800")
    assert selectors.resultat_verifie(cr)


def test_l_annexe_montre_provisions_et_engagements(livres):
    annexe = selectors.annexe(livres)
    provisions = {
        m.numero: (m.ouverture, m.dotations, m.reprises, m.cloture) for m in annexe.provisions
    }
    assert provisions == {
        "151": (0, Decimal("50"), 0, Decimal("50")),
        "491": (0, Decimal("100"), 0, Decimal("100")),
    }
    assert {m.numero: m.cloture for m in annexe.engagements} == {
        "801": Decimal("500"),
        "802": Decimal("-500"),
    }
    assert annexe.etats == []
    assert any("D253-17-4" in r for r in annexe.regles)


def test_une_correspondance_nouvelle_deplace_un_compte_sans_toucher_n_moins_1(comptable, livres):
    c = correspondance_fixer(
        acting_user=comptable, prefixe="6064", rubrique="CE", valable_du=D(livres.annee, 1, 1)
    )
    cr = selectors.compte_de_resultat(livres)
    assert montants(cr.gauche) == {
        "CT": (Decimal("100"), Decimal("0")),
        "CC": (Decimal("50"), Decimal("200")),  # N−1 keeps the mapping of its year
        "CE": (Decimal("250.10"), Decimal("0")),
    }
    assert selectors.resultat_verifie(cr)
    assert JournalAudit.objects.filter(
        acte="comptes_annuels.correspondance_fixer", objet_id=str(c.pk)
    ).exists()


@pytest.mark.parametrize(
    ("prefixe", "rubrique", "message"),
    [
        ("6x", "CC", "n'est pas un début de numéro de compte"),
        ("6064", "AL", "les classes 6 et 7 au compte de résultat"),
        ("801", "PO", "la classe 8 en annexe"),
        ("512", "ZZ", "La rubrique « ZZ » n'existe pas."),
        ("5", "AD", "prend déjà effet le 01/01/1900"),
    ],
)
def test_correspondance_invalide_refusee(comptable, exercice, prefixe, rubrique, message):
    avant = Correspondance.objects.count()
    valable_du = D(1900, 1, 1) if prefixe == "5" else D(2026, 1, 1)
    with pytest.raises(DonneeInvalide, match=message):
        correspondance_fixer(
            acting_user=comptable, prefixe=prefixe, rubrique=rubrique, valable_du=valable_du
        )
    assert Correspondance.objects.count() == avant


def test_seul_l_agent_comptable_fixe_la_correspondance(directrice, auditeur, exercice):
    for personne in (directrice, auditeur):
        with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
            correspondance_fixer(
                acting_user=personne, prefixe="6064", rubrique="CE", valable_du=D(2026, 1, 1)
            )
    assert not Correspondance.objects.filter(fixee_par__isnull=False).exists()


def test_postgresql_garde_les_correspondances(exercice):
    refus_sql(
        lambda cur: cur.execute("UPDATE comptes_annuels_correspondance SET prefixe = '7'"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM comptes_annuels_correspondance"),
        "ne se modifie ni ne se supprime",
    )
    rubrique = Correspondance.objects.first().rubrique_id
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO comptes_annuels_correspondance (prefixe, rubrique_id, valable_du) "
            "VALUES ('9x', %s, '2026-01-01')",
            [rubrique],
        ),
        "correspondance_prefixe_chiffres",
    )
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO comptes_annuels_rubrique (code, libelle, etat, gestion, ordre) "
            "VALUES ('AX', 'Actif technique', 'actif', 'technique', 99)"
        ),
        "rubrique_gestion_selon_etat",
    )
