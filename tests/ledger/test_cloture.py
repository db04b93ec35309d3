"""The year-end after the inventory (issue 11 point 4): the result of N, the
board's arrêté, the closing, the à-nouveaux of N+1 (ledger.services.cloture)."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum

from core.exceptions import DroitInsuffisant, ExerciceClos, TransitionInterdite
from core.models import JournalAudit
from ledger.models import ArreteComptes, Ecriture, Exercice, Ligne
from ledger.services import (
    LigneSaisie,
    a_nouveaux_passer,
    arrete_enregistrer,
    balance_figer,
    ecriture_passer,
    exercice_clore,
    exercice_ouvrir_periode_complementaire,
    resultat_passer,
)
from ledger.services.cloture import etapes
from tests.ledger.sql_brut import inserer_ecriture
from tests.savepoint import curseur_en_savepoint, refus_sql
from tresorerie.selectors import solde_comptable

pytestmark = pytest.mark.django_db

D = datetime.date


def passer(comptable, exercice, jour, journal, debit, credit, montant, tiers=""):
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal=journal,
        date=jour,
        libelle="Opération",
        lignes=[
            LigneSaisie(debit, debit=montant, tiers=tiers),
            LigneSaisie(credit, credit=montant, tiers=tiers),
        ],
    )


@pytest.fixture
def livres(comptable, exercice):
    """N: 1 000 of cotisations, 600 of them cashed, 300 of supplies unpaid."""
    a = exercice.annee
    passer(comptable, exercice, D(a, 2, 1), "RE", "4111", "7511", "1000", tiers="C1")
    passer(comptable, exercice, D(a, 3, 1), "TR", "5122", "4111", "600", tiers="C1")
    passer(comptable, exercice, D(a, 4, 1), "DE", "6064", "401", "300", tiers="F1")
    return exercice


@pytest.fixture
def en_janvier(horloge, livres, comptable):
    """31 December is past: the période complémentaire is open."""
    horloge(D(livres.annee + 1, 1, 20))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=livres)
    livres.refresh_from_db()
    return livres


def figer(comptable, exercice):
    for nature in ("avant_inventaire", "apres_inventaire"):
        balance_figer(acting_user=comptable, exercice=exercice, nature=nature)


def _soldes(**filtre) -> dict[str, Decimal]:
    lignes = Ligne.objects.filter(**filtre).values("compte__numero")
    sommes = lignes.annotate(d=Sum("debit"), c=Sum("credit"))
    return {s["compte__numero"]: s["d"] - s["c"] for s in sommes if s["d"] != s["c"]}


def test_le_resultat_attend_la_balance_apres_inventaire_et_se_passe_une_fois(
    comptable, directrice, livres, horloge
):
    with pytest.raises(TransitionInterdite, match="que pendant sa période complémentaire"):
        resultat_passer(acting_user=comptable, exercice=livres)
    horloge(D(livres.annee + 1, 1, 20))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=livres)
    with pytest.raises(TransitionInterdite, match="balance après inventaire .* n'est pas figée"):
        resultat_passer(acting_user=comptable, exercice=livres)
    figer(comptable, livres)
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        resultat_passer(acting_user=directrice, exercice=livres)
    gestion = _soldes(ecriture__exercice=livres, compte__classe__in=[6, 7])
    attendu = -sum(gestion.values())  # classes 7 − 6
    assert attendu == Decimal("700.00")

    ecriture = resultat_passer(acting_user=comptable, exercice=livres)

    assert (ecriture.journal.code, ecriture.date) == ("OD", livres.fin)
    lignes = {lg.compte.numero: (lg.debit, lg.credit) for lg in ecriture.lignes.all()}
    assert lignes == {
        "7511": (Decimal("1000.00"), Decimal("0.00")),
        "6064": (Decimal("0.00"), Decimal("300.00")),
        "120": (Decimal("0.00"), attendu),
    }
    assert _soldes(ecriture__exercice=livres, compte__classe__in=[6, 7]) == {}
    assert etapes(livres).resultat == attendu and etapes(livres).resultat_passe
    assert JournalAudit.objects.filter(acte="exercice.resultat").count() == 1
    with pytest.raises(TransitionInterdite, match="le résultat est déjà passé"):
        resultat_passer(acting_user=comptable, exercice=livres)
    assert Ecriture.objects.filter(piece=f"resultat:{livres.annee}").count() == 1


def test_un_deficit_va_en_129(comptable, exercice, horloge):
    passer(comptable, exercice, D(exercice.annee, 5, 1), "DE", "6064", "401", "80")
    horloge(D(exercice.annee + 1, 1, 20))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    figer(comptable, exercice)
    ecriture = resultat_passer(acting_user=comptable, exercice=exercice)
    assert ecriture.lignes.get(compte__numero="129").debit == Decimal("80.00")
    assert etapes(exercice).libelle_resultat == "déficit de 80,00\xa0€"


def test_la_cloture_est_refusee_avant_chaque_etape(comptable, directrice, en_janvier, horloge):
    n = en_janvier.annee
    with pytest.raises(TransitionInterdite, match="balance après inventaire"):
        exercice_clore(acting_user=comptable, exercice=en_janvier)
    figer(comptable, en_janvier)
    with pytest.raises(TransitionInterdite, match=f"Le résultat de l'exercice {n} n'est pas passé"):
        exercice_clore(acting_user=comptable, exercice=en_janvier)
    with pytest.raises(TransitionInterdite, match="dont le résultat est déterminé"):
        arrete_enregistrer(
            acting_user=directrice, exercice=en_janvier, arrete_le=D(n + 1, 1, 19), deliberation="1"
        )
    resultat_passer(acting_user=comptable, exercice=en_janvier)
    with pytest.raises(TransitionInterdite, match="n'est pas enregistré : l'exercice n'est clos"):
        exercice_clore(acting_user=comptable, exercice=en_janvier)
    with pytest.raises(DroitInsuffisant, match="Seul le directeur enregistre"):
        arrete_enregistrer(
            acting_user=comptable, exercice=en_janvier, arrete_le=D(n + 1, 1, 19), deliberation="1"
        )
    with pytest.raises(Exception, match="au plus tard aujourd'hui"):
        arrete_enregistrer(
            acting_user=directrice, exercice=en_janvier, arrete_le=D(n + 1, 2, 1), deliberation="1"
        )
    assert not ArreteComptes.objects.exists()

    arrete = arrete_enregistrer(
        acting_user=directrice,
        exercice=en_janvier,
        arrete_le=D(n + 1, 1, 19),
        deliberation="CA du 19 janvier, n° 4",
    )
    assert arrete.affectation == ArreteComptes.Affectation.REPORT_A_NOUVEAU
    with pytest.raises(TransitionInterdite, match="déjà enregistré"):
        arrete_enregistrer(
            acting_user=directrice, exercice=en_janvier, arrete_le=D(n + 1, 1, 19), deliberation="2"
        )
    # Orders of N may be issued until the last délai of the période complémentaire.
    horloge(D(n + 1, 2, 28))
    with pytest.raises(TransitionInterdite) as refus:
        exercice_clore(acting_user=comptable, exercice=en_janvier)
    assert str(refus.value) == (
        f"La période complémentaire de l'exercice {n} court jusqu'au 28/02/{n + 1} (2 mois pour "
        "cotisation, majoration de retard, pénalité ; D253-17-1 al. 1 (rédaction du 22 mars "
        f"1997)) : l'exercice ne se clôt qu'à partir du 01/03/{n + 1}."
    )
    assert Exercice.objects.get(pk=en_janvier.pk).etat == Exercice.Etat.COMPLEMENTAIRE
    horloge(D(n + 1, 3, 1))
    exercice_clore(acting_user=comptable, exercice=en_janvier)
    assert Exercice.objects.get(pk=en_janvier.pk).etat == Exercice.Etat.CLOS
    assert JournalAudit.objects.filter(acte="exercice.arrete_comptes").count() == 1


@pytest.fixture
def clos(comptable, directrice, en_janvier, horloge):
    figer(comptable, en_janvier)
    resultat_passer(acting_user=comptable, exercice=en_janvier)
    arrete_enregistrer(
        acting_user=directrice,
        exercice=en_janvier,
        arrete_le=D(en_janvier.annee + 1, 1, 19),
        deliberation="CA n° 4",
    )
    horloge(D(en_janvier.annee + 1, 3, 1))  # the délais of the période complémentaire are over
    return exercice_clore(acting_user=comptable, exercice=en_janvier)


def test_les_a_nouveaux_reprennent_les_soldes_de_bilan(comptable, directrice, clos):
    n = clos.annee
    suivant = Exercice.objects.get(annee=n + 1)
    banque_au_31 = solde_comptable("5122", D(n, 12, 31))
    assert banque_au_31 == Decimal("600.00")

    ecriture = a_nouveaux_passer(acting_user=comptable, exercice=clos)

    assert (ecriture.exercice_id, ecriture.journal.code) == (suivant.pk, "AN")
    assert ecriture.date == D(n + 1, 1, 1)
    cloture = _soldes(ecriture__exercice=clos, compte__classe__lte=5)
    cloture["110"] = cloture.pop("120")  # the result, carried as report à nouveau
    assert _soldes(ecriture__exercice=suivant, ecriture__journal__code="AN") == cloture
    assert cloture == {
        "4111": Decimal("400.00"),
        "5122": Decimal("600.00"),
        "401": Decimal("-300.00"),
        "110": Decimal("-700.00"),
    }
    # the auxiliary ledgers keep their tiers
    assert ecriture.lignes.get(compte__numero="4111").tiers == "C1"
    # the treasury counts the cash once, through the à-nouveaux
    assert solde_comptable("5122", D(n + 1, 1, 2)) == banque_au_31
    assert etapes(clos).a_nouveaux
    with pytest.raises(TransitionInterdite, match=f"à-nouveaux de l'exercice {n + 1} sont déjà"):
        a_nouveaux_passer(acting_user=comptable, exercice=clos)
    with pytest.raises(DroitInsuffisant):
        a_nouveaux_passer(acting_user=directrice, exercice=clos)


def test_les_a_nouveaux_attendent_la_cloture(comptable, en_janvier):
    with pytest.raises(TransitionInterdite, match="une fois qu'il est clos"):
        a_nouveaux_passer(acting_user=comptable, exercice=en_janvier)
    assert not Ecriture.objects.filter(journal__code="AN").exists()


# --- PostgreSQL guards the same rules (raw SQL) --------------------------------


def test_la_base_refuse_une_ecriture_dans_l_exercice_clos(comptable, clos):
    with pytest.raises(Exception) as refus, curseur_en_savepoint() as cur:
        inserer_ecriture(
            cur,
            exercice_id=clos.pk,
            user_id=comptable.pk,
            date=clos.fin,
            lignes=[("531", "10.00", "0"), ("5122", "0", "10.00")],
        )
    assert f"L'exercice {clos.annee} est clos" in str(refus.value)
    assert (
        not Ecriture.objects.filter(exercice=clos, date=clos.fin, journal__code="OD")
        .exclude(piece=f"resultat:{clos.annee}")
        .exists()
    )


def test_la_base_garde_l_arrete_des_comptes(directrice, clos):
    # an arrêté inserted for an exercise that is not in its période complémentaire
    suivant = Exercice.objects.get(annee=clos.annee + 1)
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO ledger_arretecomptes (exercice_id, arrete_le, deliberation, affectation,"
            " enregistre_par_id, enregistre_le) VALUES (%s, %s, 'CA', 'report_a_nouveau', %s, now())",
            [suivant.pk, D(clos.annee + 1, 1, 19), directrice.pk],
        ),
        "s'enregistre pendant la période complémentaire",
    )
    # the recorded arrêté never changes
    refus_sql(
        lambda cur: cur.execute("UPDATE ledger_arretecomptes SET deliberation = 'autre'"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM ledger_arretecomptes"),
        "ne se modifie ni ne se supprime",
    )
    assert ArreteComptes.objects.get(exercice=clos).deliberation == "CA n° 4"


def test_apres_la_balance_apres_inventaire_seul_le_resultat_se_passe(comptable, en_janvier):
    """Once the balance après inventaire is frozen, the books of N are final:
    the service and PostgreSQL refuse any entry but the result's, so that the
    comptes annuels and the à-nouveaux are that balance."""
    n = en_janvier.annee
    figer(comptable, en_janvier)
    with pytest.raises(ExerciceClos) as refus:
        passer(comptable, en_janvier, D(n, 12, 31), "IN", "418", "7511", "40")
    assert str(refus.value) == (
        f"La balance après inventaire de l'exercice {n} est figée : ses comptes sont arrêtés et "
        "seule l'écriture de résultat s'y passe encore (circulaire 93/82 §3.2) ; une opération "
        f"nouvelle se rattache à l'exercice {n + 1}."
    )
    with pytest.raises(Exception) as refus, curseur_en_savepoint() as cur:
        inserer_ecriture(
            cur,
            exercice_id=en_janvier.pk,
            user_id=comptable.pk,
            date=en_janvier.fin,
            lignes=[("418", "40.00", "0"), ("7511", "0", "40.00")],
        )
    assert f"La balance après inventaire de l'exercice {n} est figée" in str(refus.value)
    assert not Ecriture.objects.filter(exercice=en_janvier, date=en_janvier.fin).exists()
    ecriture = resultat_passer(acting_user=comptable, exercice=en_janvier)
    assert ecriture.piece == f"resultat:{n}"
