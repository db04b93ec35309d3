"""Inventory operations (D253-17-2 to D253-17-4, D253-19-2, D253-19-3): each by
the agent comptable, in the période complémentaire of N, posted on the IN
journal on 31 December N and justified by its numbered état; the reversal of
the produits à recevoir and charges à payer in N+1 on 1 January."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, DroitInsuffisant, ExerciceInvalide, TransitionInterdite
from core.models import JournalAudit
from inventaire import selectors
from inventaire import services as s
from inventaire.models import EtatInventaire
from ledger.models import Exercice
from recettes import services as recettes
from tests.depenses.test_reimputation import _vise
from tests.factories import MOT_DE_PASSE
from tests.ordres.test_plan_controle_tirage import cotisations, tous_conformes

pytestmark = pytest.mark.django_db

D = datetime.date
A = s.Article


def lignes(etat):
    return sorted(
        (lg.compte.numero, lg.debit, lg.credit, lg.tiers) for lg in etat.ecriture.lignes.all()
    )


def par(comptable, periode, **modifs):
    return s.produits_a_recevoir_constater(
        acting_user=comptable,
        exercice=periode,
        explication=modifs.pop("explication", "Moyenne des trois dernières DSN de décembre"),
        articles=modifs.pop(
            "articles", [A("Cotisations de décembre non déclarées", "12500.00", compte="7511")]
        ),
        mot_de_passe=MOT_DE_PASSE,
        **modifs,
    )


def test_produits_a_recevoir_418_7xx_au_31_decembre_avec_son_etat(comptable, periode):
    etat = par(comptable, periode)
    n = periode.annee
    assert etat.numero == 1 and etat.reference == f"{n}-001"
    assert etat.nature == "produits_a_recevoir" and etat.total == Decimal("12500.00")
    assert etat.ecriture.journal.code == "IN" and etat.ecriture.date == D(n, 12, 31)
    assert etat.ecriture.exercice == periode and etat.ecriture.piece == f"etat_inventaire:{n}-001"
    assert lignes(etat) == [
        ("418", Decimal("12500.00"), 0, ""),
        ("7511", 0, Decimal("12500.00"), ""),
    ]
    assert len(etat.empreinte) == 64 and etat.etabli_par == comptable
    assert JournalAudit.objects.filter(acte="inventaire.produits_a_recevoir").count() == 1


def test_les_etats_se_numerotent_sans_interruption(comptable, periode):
    assert [par(comptable, periode).numero for _ in range(3)] == [1, 2, 3]


def test_refuse_hors_periode_complementaire(comptable, exercice):
    with pytest.raises(ExerciceInvalide, match="pendant sa période complémentaire"):
        par(comptable, exercice)
    assert not EtatInventaire.objects.exists()


def test_refuse_a_qui_n_est_pas_agent_comptable(directrice, periode):
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        par(directrice, periode)
    assert not EtatInventaire.objects.exists()


def test_refuse_un_produit_hors_classe_7_et_un_etat_sans_methode(comptable, periode):
    with pytest.raises(DonneeInvalide, match="le produit doit être un compte 7"):
        par(comptable, periode, articles=[A("Erreur", "10", compte="6061")])
    with pytest.raises(DonneeInvalide, match="méthode d'évaluation"):
        par(comptable, periode, explication=" ")
    assert not EtatInventaire.objects.exists()


def _cotisant(directrice, comptable, debiteur="Boulangerie Morel"):
    ordre = cotisations(directrice, debiteur)
    return recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )


def test_creance_douteuse_du_411_au_416_dans_la_limite_du_reste(
    horloge, directrice, comptable, exercice
):
    _cotisant(directrice, comptable)
    horloge(D(exercice.annee + 1, 1, 2))
    from ledger.services import exercice_ouvrir_periode_complementaire

    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    proposees = selectors.creances_proposees(exercice)
    assert [(r.compte, r.debiteur, r.reste) for r in proposees] == [
        ("4111", "Boulangerie Morel", Decimal("2500.00"))
    ]
    etat = s.creances_douteuses_transferer(
        acting_user=comptable,
        exercice=exercice,
        explication="Redressement judiciaire ouvert le 3 décembre",
        articles=[A("Cotisations de mai", "2000.00", compte="4111", tiers="Boulangerie Morel")],
        mot_de_passe=MOT_DE_PASSE,
    )
    assert lignes(etat) == [
        ("4111", 0, Decimal("2000.00"), "Boulangerie Morel"),
        ("416", Decimal("2000.00"), 0, "Boulangerie Morel"),
    ]
    with pytest.raises(DonneeInvalide, match="ne doit plus que 500,00"):
        s.creances_douteuses_transferer(
            acting_user=comptable,
            exercice=exercice,
            explication="Idem",
            articles=[A("Reste", "600.00", compte="4111", tiers="Boulangerie Morel")],
            mot_de_passe=MOT_DE_PASSE,
        )
    assert selectors.creances_proposees(exercice)[0].reste == Decimal("500.00")


def test_provision_forfaitaire_par_anciennete_6817_491(comptable, periode):
    etat = s.provisions_depreciation_constituer(
        acting_user=comptable,
        exercice=periode,
        methode="forfaitaire",
        explication="Taux de non-recouvrement observé par ancienneté",
        population="Créances de cotisations des employeurs de moins de 10 salariés",
        articles=[
            A("Créances de 1 à 2 ans", base="10000.00", taux="25"),
            A("Créances de plus de 2 ans", base="3333.33", taux="60"),
        ],
        mot_de_passe=MOT_DE_PASSE,
    )
    assert etat.total == Decimal("4500.00")  # 2 500,00 + 2 000,00 (1 999,998 rounded)
    assert lignes(etat) == [
        ("491", 0, Decimal("2000.00"), ""),
        ("491", 0, Decimal("2500.00"), ""),
        ("6817", Decimal("2000.00"), 0, ""),
        ("6817", Decimal("2500.00"), 0, ""),
    ]
    assert etat.fondement.startswith("Créances de cotisations")


def test_provision_forfaitaire_sans_population_de_reference_refusee(comptable, periode):
    with pytest.raises(DonneeInvalide, match="population"):
        s.provisions_depreciation_constituer(
            acting_user=comptable,
            exercice=periode,
            methode="forfaitaire",
            explication="Taux",
            articles=[A("Créances anciennes", base="100", taux="50")],
            mot_de_passe=MOT_DE_PASSE,
        )


def test_provision_individuelle_par_debiteur(comptable, periode):
    etat = s.provisions_depreciation_constituer(
        acting_user=comptable,
        exercice=periode,
        methode="individuelle",
        explication="Situation de chaque débiteur",
        articles=[A("Liquidation", "800.00", tiers="SARL Dupuis")],
        mot_de_passe=MOT_DE_PASSE,
    )
    assert lignes(etat) == [
        ("491", 0, Decimal("800.00"), "SARL Dupuis"),
        ("6817", Decimal("800.00"), 0, "SARL Dupuis"),
    ]


def test_charges_a_payer_avec_les_ordres_vises_non_payes_pour_memoire(
    horloge, directrice, comptable, credits
):
    ordre = _vise(directrice, comptable, credits, montant="700.00")
    horloge(D(credits.annee + 1, 1, 2))
    from ledger.services import exercice_ouvrir_periode_complementaire

    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=credits)
    etat = s.charges_a_payer_constater(
        acting_user=comptable,
        exercice=credits,
        explication="Consommations de décembre, facture non parvenue",
        articles=[
            A("Électricité de décembre", "1500.00", compte="6061", tiers="EDF"),
            A("Heures supplémentaires de décembre", "300.00", compte="641", contrepartie="4286"),
        ],
        mot_de_passe=MOT_DE_PASSE,
    )
    assert etat.total == Decimal("1800.00")
    assert lignes(etat) == [
        ("408", 0, Decimal("1500.00"), "EDF"),
        ("4286", 0, Decimal("300.00"), ""),
        ("6061", Decimal("1500.00"), 0, "EDF"),
        ("641", Decimal("300.00"), 0, ""),
    ]
    memoire = etat.articles.get(pour_memoire=True)
    assert memoire.montant == Decimal("700.00") and ordre.reference in memoire.libelle


def test_provision_pour_risques_6815_151_avec_donnees_historiques(comptable, periode):
    with pytest.raises(DonneeInvalide, match="données historiques"):
        s.provisions_risques_constituer(
            acting_user=comptable,
            exercice=periode,
            explication="Litige",
            donnees_historiques="",
            articles=[A("Litige", "100")],
            mot_de_passe=MOT_DE_PASSE,
        )
    etat = s.provisions_risques_constituer(
        acting_user=comptable,
        exercice=periode,
        explication="Contentieux prud'homal en cours",
        donnees_historiques="Sur 2019-2024, 40 % des demandes accordées, 12 000 € en moyenne",
        articles=[A("Prud'hommes, M. Petit", "4800.00")],
        mot_de_passe=MOT_DE_PASSE,
    )
    assert lignes(etat) == [("151", 0, Decimal("4800.00"), ""), ("6815", Decimal("4800.00"), 0, "")]


def test_la_balance_apres_inventaire_figee_contrepasse_l_inventaire_d_elle_meme(comptable, periode):
    """The inventory of N is final once its balance après inventaire is frozen:
    its produits à recevoir are reversed into N+1 in the same act."""
    from ledger.services import balance_figer

    n = periode.annee
    balance_figer(acting_user=comptable, exercice=periode, nature="avant_inventaire")
    etat = par(comptable, periode)
    assert selectors.contrepassation(periode) is None
    balance_figer(acting_user=comptable, exercice=periode, nature="apres_inventaire")
    contre = selectors.contrepassation(periode)
    assert contre.ecriture.exercice.annee == n + 1 and contre.ecriture.date == D(n + 1, 1, 1)
    assert etat.reference in contre.ecriture.libelle
    assert sorted(
        (lg.compte.numero, lg.debit, lg.credit) for lg in contre.ecriture.lignes.all()
    ) == [
        ("418", 0, Decimal("12500.00")),
        ("7511", Decimal("12500.00"), 0),
    ]
    assert JournalAudit.objects.filter(acte="inventaire.contrepasse").count() == 1


def test_contrepassation_en_n_plus_1_au_1er_janvier_une_fois(comptable, periode):
    etat = par(comptable, periode)
    contre = s.inventaire_contrepasser(acting_user=comptable, exercice=periode)
    n = periode.annee
    ecriture = contre.ecriture
    assert ecriture.exercice == Exercice.objects.get(annee=n + 1)
    assert ecriture.date == D(n + 1, 1, 1) and ecriture.journal.code == "IN"
    assert sorted((lg.compte.numero, lg.debit, lg.credit) for lg in ecriture.lignes.all()) == [
        ("418", 0, Decimal("12500.00")),
        ("7511", Decimal("12500.00"), 0),
    ]
    assert etat.reference in ecriture.libelle
    with pytest.raises(TransitionInterdite, match="déjà été contrepassés"):
        s.inventaire_contrepasser(acting_user=comptable, exercice=periode)
    assert (
        s.inventaire_contrepasser(acting_user=comptable, exercice=periode, si_deja_fait="rendre")
        == contre
    )
    # and a produit à recevoir after the reversal would never be reversed
    with pytest.raises(TransitionInterdite, match="déjà été contrepassés"):
        par(comptable, periode)
