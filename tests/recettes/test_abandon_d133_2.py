"""D133-2: the abandon of a small overpaid benefit reads the indu as it was
issued (its line's amount: the order's for an individual order, each assuré's
on a collective order of indus) against the threshold in force today, not what
is left of it; a large indu partly recovered is not abandoned under the
threshold."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core import horloge
from core.exceptions import DonneeInvalide
from core.jetons import CHAMP, emettre
from core.models import JournalAudit
from recettes import services as r
from recettes.models import OrdreRecette, Reduction
from reglementation.models import Parametre
from tests.factories import MOT_DE_PASSE
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)
from tresorerie import services as t

pytestmark = pytest.mark.django_db
AUJOURD_HUI = horloge.aujourdhui()


def indu(
    directrice, comptable, montant: str, nature="recuperation_indu", autres=()
) -> OrdreRecette:
    """An overpaid benefit issued for `montant`, signed, transmitted, taken in
    charge; `autres` adds the indus of other assurés (a collective order)."""
    ordre = r.ordre_recette_creer(
        acting_user=directrice,
        saisie=r.SaisieOrdre(
            nature=nature,
            objet="Trop-perçu d'indemnités journalières",
            bases_liquidation="Arrêt de travail du 2 au 9 mars, payé deux fois",
            compte_imputation="7585",
            compte_tiers="413",
            date_fait=AUJOURD_HUI,
            dates={"reglement": AUJOURD_HUI, "liquidation": AUJOURD_HUI},
            lignes=[
                r.LigneDebiteur("Mme Martin", "assurée (NIR 2800575123456)", montant),
                *(r.LigneDebiteur(nom, "assuré", somme) for nom, somme in autres),
            ],
            type="collectif" if autres else "individuel",
            pieces_references="Décompte d'indemnités n° 4471",
        ),
    )
    r.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    controles = [r.ControleSaisi(p, True) for p in r.controles_requis(ordre).points]
    return r.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=controles
    )


def recouvrer(comptable, fonds, ordre, montant: str) -> None:
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=fonds["BANQUE"],
        moyen="virement",
        montant=montant,
        payeur="Mme Martin",
        objet="Remboursement partiel de l'indu",
        repartitions=[t.Repartition(ordre.lignes.get(), montant)],
    )


def abandonner(directrice, ordre, montant, ligne=None):
    return r.ordre_recette_reduire(
        acting_user=directrice,
        ordre=ordre,
        type="abandon_indu",
        montant_reduction=montant,
        motif="Indu inférieur au seuil",
        nouvelles_bases="Néant",
        mot_de_passe=MOT_DE_PASSE,
        ligne=ligne,
    )


def photo(ordre):
    """What a refused abandon must leave as it was."""
    return (
        r.reste_a_recouvrer(ordre),
        list(Reduction.objects.filter(ordre=ordre).values_list("type", "montant")),
        JournalAudit.objects.count(),
        OrdreRecette.objects.get(pk=ordre.pk).etat,
    )


MESSAGE_GROS = (
    "s'élevait à 40,00\xa0€ à son émission : il n'est pas inférieur au seuil de 15,24\xa0€ de "
    f"l'article D133-2 en vigueur le {AUJOURD_HUI:%d/%m/%Y}"
)


def test_un_gros_indu_en_partie_recouvre_n_est_pas_abandonne_sous_le_seuil(
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    ordre = indu(directrice, comptable, "40.00")
    recouvrer(comptable, comptes, ordre, "30.00")
    assert r.reste_a_recouvrer(ordre) == Decimal("10.00")
    avant = photo(ordre)

    with pytest.raises(DonneeInvalide, match=re.escape(MESSAGE_GROS)) as refus:
        abandonner(directrice, ordre, "10.00")

    assert "son reste de 10,00\xa0€ ne peut être abandonné" in str(refus.value)
    assert photo(ordre) == avant


def test_un_petit_indu_s_abandonne_en_entier_et_seulement_en_entier(
    directrice, comptable, exercice
):
    ordre = indu(directrice, comptable, "12.00")
    avant = photo(ordre)
    with pytest.raises(DonneeInvalide, match="porte sur tout le reste à recouvrer de l'indu"):
        abandonner(directrice, ordre, "5.00")
    assert photo(ordre) == avant

    reduction = abandonner(directrice, ordre, "12.00")
    r.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)

    assert (reduction.type, reduction.montant) == ("abandon_indu", Decimal("12.00"))
    assert r.reste_a_recouvrer(ordre) == Decimal("0.00")
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "annule"


def test_sur_un_ordre_collectif_d_indus_le_seuil_se_lit_indu_par_indu(
    directrice, comptable, exercice
):
    """Three assurés on one order of 92,00 €: Mme Martin's indu of 12,00 € is
    under the threshold though the order is not; M. Durand's of 40,00 € is not,
    whatever is left of it. Each abandon takes its line's whole remainder."""
    ordre = indu(
        directrice, comptable, "12.00", autres=[("M. Durand", "40.00"), ("M. Petit", "40.00")]
    )
    martin, durand = ordre.lignes.get(debiteur="Mme Martin"), ordre.lignes.get(debiteur="M. Durand")
    avant = photo(ordre)

    with pytest.raises(DonneeInvalide) as refus:
        abandonner(directrice, ordre, "40.00", durand)
    assert (
        f"L'indu de M. Durand sur l'ordre n° {ordre.reference} s'élevait à 40,00\xa0€ à son "
        "émission : il n'est pas inférieur au seuil de 15,24\xa0€"
    ) in refus.value.message
    assert refus.value.details["montant"] == "40.00"
    with pytest.raises(DonneeInvalide, match="porte sur tout le reste à recouvrer de l'indu"):
        abandonner(directrice, ordre, "5.00", martin)
    assert photo(ordre) == avant

    reduction = abandonner(directrice, ordre, "12.00", martin)
    r.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)

    assert (reduction.ligne, reduction.montant) == (martin, Decimal("12.00"))
    assert r.reste_a_recouvrer(ordre) == Decimal("80.00")
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "pris_en_charge"


def test_seul_un_indu_de_prestation_s_abandonne(directrice, comptable, exercice):
    ordre = indu(directrice, comptable, "12.00", nature="autre")
    avant = photo(ordre)
    with pytest.raises(DonneeInvalide, match="ne vaut que pour un indu de prestation"):
        abandonner(directrice, ordre, "12.00")
    assert photo(ordre) == avant


def test_le_seuil_est_celui_en_vigueur_le_jour_de_l_abandon(directrice, comptable, exercice):
    """A new value of the threshold from today on (a rule as data, with its dates)
    decides: an indu of 40,00 € is under a threshold of 50,00 €."""
    ancien = Parametre.objects.get(cle="seuil_d133_2", fin__isnull=True)
    ancien.fin = AUJOURD_HUI - datetime.timedelta(days=1)
    ancien.save()
    Parametre.objects.create(
        cle="seuil_d133_2",
        valeur="50.00",
        debut=AUJOURD_HUI,
        article="D133-2",
        libelle="Valeur d'essai",
    )
    ordre = indu(directrice, comptable, "40.00")

    assert abandonner(directrice, ordre, "40.00").montant == Decimal("40.00")


def test_l_api_refuse_l_abandon_d_un_gros_indu_en_partie_recouvre(
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    ordre = indu(directrice, comptable, "40.00")
    recouvrer(comptable, comptes, ordre, "30.00")
    avant = photo(ordre)
    api = APIClient()
    api.force_authenticate(directrice)

    reponse = api.post(
        f"/api/ordres-recette/{ordre.pk}/reduire/",
        {
            "type": "abandon_indu",
            "montant": "10.00",
            "motif": "Indu inférieur au seuil",
            "nouvelles_bases": "Néant",
            "mot_de_passe": MOT_DE_PASSE,
        },
        format="json",
    )

    assert reponse.status_code == 400
    assert MESSAGE_GROS in reponse.json()["message"]
    assert reponse.json()["details"]["montant"] == "40.00"
    assert photo(ordre) == avant


def test_la_page_refuse_l_abandon_d_un_gros_indu_en_partie_recouvre(
    client,
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    ordre = indu(directrice, comptable, "40.00")
    recouvrer(comptable, comptes, ordre, "30.00")
    avant = photo(ordre)
    client.force_login(directrice)

    reponse = client.post(
        reverse("recettes:reduire", args=[ordre.pk]),
        {
            "type": "abandon_indu",
            "montant": "10,00",
            "motif": "Indu inférieur au seuil",
            "nouvelles_bases": "Néant",
            "mot_de_passe": MOT_DE_PASSE,
            CHAMP: emettre(directrice),
        },
        follow=True,
    )

    assert any(MESSAGE_GROS in str(m) for m in reponse.context["messages"])
    assert photo(ordre) == avant
