"""The demo fund shows a whole year-end (issue 11 point 8): built on the
suite's day in June, N−1 is closed with its inventory, its balances sent, its
result, the board's arrêté, its à-nouveaux in N and its comptes annuels
approved with quitus; built in mid-January, N−2 is the closed exercise and
N−1 is in its période complémentaire, its inventory in progress."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db.models import Sum

from accueil.demo import charger_demo
from accueil.demo.precedent import annees_precedentes, fin_des_delais
from accueil.views import _chiffres_cles
from comptes_annuels.defaut import charger_correspondances
from comptes_annuels.models import Correspondance, Rubrique
from core import horloge
from depenses.models import OrdreDepense
from inventaire.models import ArticleEtat, EtatInventaire
from ledger.integrite import verifier_integrite
from ledger.models import (
    ArreteComptes,
    BalanceFigee,
    Compte,
    Ecriture,
    EnvoiBalance,
    Exercice,
    Ligne,
    LigneBalanceFigee,
)
from ledger.services.cloture import soldes_de_gestion
from tresorerie.selectors import solde_comptable

D = datetime.date
Nature = BalanceFigee.Nature


def _soldes_a_nouveaux(annee: int) -> dict[str, Decimal]:
    """Debit balance per account of the à-nouveaux entry of `annee`."""
    soldes: dict[str, Decimal] = defaultdict(Decimal)
    lignes = Ligne.objects.filter(
        ecriture__exercice__annee=annee, ecriture__journal__a_nouveaux=True
    ).select_related("compte")
    for ligne in lignes:
        soldes[ligne.compte.numero] += ligne.debit - ligne.credit
    return {numero: solde for numero, solde in soldes.items() if solde}


def _verifier_a_nouveaux(exercice: Exercice) -> Decimal:
    """The à-nouveaux of the next exercise equal the balance après inventaire
    of `exercice` for classes 1 to 5, the result (classes 7 − 6 of that
    balance) on 110 or 119; return the result."""
    balance = BalanceFigee.objects.get(exercice=exercice, nature=Nature.APRES_INVENTAIRE)
    attendus: dict[str, Decimal] = defaultdict(Decimal)
    resultat = Decimal(0)
    for ligne in LigneBalanceFigee.objects.filter(balance=balance):
        solde = ligne.solde_debit - ligne.solde_credit
        if ligne.classe in (6, 7):
            resultat -= solde
        elif solde:
            attendus[ligne.numero] += solde
    attendus["110" if resultat > 0 else "119"] -= resultat
    assert resultat != 0
    assert _soldes_a_nouveaux(exercice.annee + 1) == dict(attendus)
    return resultat


def test_sur_la_demo_de_juin_l_exercice_precedent_est_clos_avec_toute_sa_fin_d_exercice(
    caisse_demo,
):
    annee = horloge.aujourdhui().year
    assert dict(Exercice.objects.values_list("annee", "etat")) == {
        annee - 1: Exercice.Etat.CLOS,
        annee: Exercice.Etat.OUVERT,
    }
    precedent = Exercice.objects.get(annee=annee - 1)

    # The five inventory operations, each with its numbered état and its entry
    # on the inventory journal dated 31 December.
    etats = list(EtatInventaire.objects.filter(exercice=precedent).order_by("numero"))
    assert [e.nature for e in etats] == [
        "produits_a_recevoir",
        "creances_douteuses",
        "provisions_depreciation",
        "charges_a_payer",
        "provisions_risques",
    ]
    assert all(e.ecriture.journal.code == "IN" and e.ecriture.date == precedent.fin for e in etats)
    # The visaed order left unpaid on 31 December is listed for memory on the
    # état of the charges à payer, and was paid in N.
    memoire = ArticleEtat.objects.get(etat=etats[3], pour_memoire=True)
    ordre = OrdreDepense.objects.get(exercice=precedent, objet__startswith="Charges locatives")
    assert ordre.reference in memoire.libelle
    assert ordre.etat == OrdreDepense.Etat.PAYE and ordre.paye_le.year == annee

    # Both balances frozen and sent to the DRASS and the trésorier-payeur général.
    envois = set(
        EnvoiBalance.objects.filter(balance__exercice=precedent).values_list(
            "balance__nature", "destinataire"
        )
    )
    assert envois == {
        (nature, destinataire)
        for nature in (Nature.AVANT_INVENTAIRE, Nature.APRES_INVENTAIRE)
        for destinataire in ("drass", "tpg")
    }

    # The result posted, the board's arrêté, the à-nouveaux of N.
    assert soldes_de_gestion(precedent) == []
    arrete = ArreteComptes.objects.get(exercice=precedent)
    assert fin_des_delais(precedent.annee) < arrete.arrete_le <= horloge.aujourdhui()
    resultat = _verifier_a_nouveaux(precedent)
    assert resultat > 0  # an excédent, in report à nouveau créditeur
    # The produits à recevoir and charges à payer reversed on 1 January N.
    contrepassation = Ecriture.objects.get(
        exercice__annee=annee, journal__code="IN", date=D(annee, 1, 1)
    )
    assert contrepassation.lignes.aggregate(t=Sum("debit"))["t"] == (
        etats[0].total + etats[3].total
    )

    rapport = verifier_integrite()
    assert rapport.intact, rapport.anomalies


def test_les_comptes_annuels_de_la_demo_sont_approuves_avec_quitus(caisse_demo):
    from comptes_annuels.models_cycle import Approbation, Quitus, TransmissionComptes
    from comptes_annuels.selectors import compte_financier_de

    precedent = Exercice.objects.get(annee=horloge.aujourdhui().year - 1)
    arrete = ArreteComptes.objects.get(exercice=precedent)
    transmission = TransmissionComptes.objects.get(exercice=precedent)
    approbation = Approbation.objects.get(exercice=precedent)
    quitus = {q.beneficiaire.username: q for q in Quitus.objects.filter(exercice=precedent)}
    assert set(quitus) == {"comptable", "fonde"}
    assert arrete.arrete_le <= transmission.transmis_le <= transmission.limite
    assert transmission.transmis_le <= approbation.approuve_le <= quitus["comptable"].donne_le
    assert approbation.autorite == "drass"
    # The fondé de pouvoir's quitus rests on the agent comptable's favourable avis.
    assert quitus["fonde"].avis.favorable
    assert compte_financier_de(precedent) is not None


@pytest.mark.parametrize(
    ("jour", "clos", "en_cours"),
    [
        (D(2026, 1, 15), 2024, 2025),
        (D(2026, 2, 28), 2024, 2025),
        (D(2026, 3, 1), 2025, None),
        (D(2026, 11, 30), 2025, None),
    ],
)
def test_l_exercice_clos_de_la_demo_suit_la_fin_des_delais(db, jour, clos, en_cours):
    # With today's rules the longest délai of 2025 ends on 28 February 2026
    # (D253-17-1: two months for the cotisations of a fund of D253-1).
    assert fin_des_delais(2025) == D(2026, 2, 28)
    assert annees_precedentes(jour) == (clos, en_cours)


def test_en_janvier_la_demo_montre_n_moins_2_clos_et_n_moins_1_en_inventaire(db, horloge):
    charger_correspondances(Rubrique, Correspondance)
    jour = D(2026, 1, 15)
    horloge(jour)
    assert charger_demo(aujourd_hui=jour) > 0
    assert dict(Exercice.objects.values_list("annee", "etat")) == {
        2024: Exercice.Etat.CLOS,
        2025: Exercice.Etat.COMPLEMENTAIRE,
        2026: Exercice.Etat.OUVERT,
    }
    _verifier_a_nouveaux(Exercice.objects.get(annee=2024))

    # 2025: the balance avant inventaire frozen and sent, the first two états,
    # the rest of the inventory to do; no à-nouveaux in 2026 yet.
    en_cours = Exercice.objects.get(annee=2025)
    assert list(BalanceFigee.objects.filter(exercice=en_cours).values_list("nature")) == [
        (Nature.AVANT_INVENTAIRE,)
    ]
    assert EnvoiBalance.objects.filter(balance__exercice=en_cours).count() == 2
    assert list(
        EtatInventaire.objects.filter(exercice=en_cours).values_list("numero", "nature")
    ) == [(1, "produits_a_recevoir"), (2, "creances_douteuses")]
    assert not ArreteComptes.objects.filter(exercice=en_cours).exists()
    assert _soldes_a_nouveaux(2026) == {}
    # The home page's cash carries on from 2025 until the à-nouveaux, as the
    # treasury reads it (it showed 2026's movements alone, below zero).
    chiffres = _chiffres_cles(Exercice.objects.get(annee=2026))
    tresorerie = sum(
        (solde_comptable(c.numero, jour) for c in Compte.objects.filter(classe=5)), Decimal(0)
    )
    assert chiffres["disponibilites"] == tresorerie > 0
    # Its visaed order of December waits for its payment.
    assert OrdreDepense.objects.filter(exercice=en_cours, etat=OrdreDepense.Etat.VISE).count() == 1
    rapport = verifier_integrite()
    assert rapport.intact, rapport.anomalies


def test_les_dates_proposees_par_les_formulaires_de_fin_d_exercice_s_affichent():
    """A date input shows only an ISO value: the arrêté's and the sending's
    forms propose today's date, which the browser showed empty (and the
    arrêté, a required field, could not be sent as proposed)."""
    from ledger.actes_balances import EnvoiForm
    from ledger.actes_cloture import ArreteForm

    jour = D(2026, 3, 12)
    assert 'value="2026-03-12"' in str(ArreteForm(initial={"arrete_le": jour})["arrete_le"])
    assert 'value="2026-03-12"' in str(EnvoiForm(initial={"envoyee_le": jour})["envoyee_le"])
