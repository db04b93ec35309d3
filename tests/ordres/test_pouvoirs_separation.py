"""Separation of ordonnateur and comptable on every act (issue 10, point 3;
circ. 93/82 §2.4.0, §1.1.1): whoever signed an ordre de dépense never pays it,
whoever took an ordre de recette in charge never signs its reduction, even
after changing function; PostgreSQL refuses the same; a check over every
order of the database finds anyone on both sides."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from core import horloge
from core.exceptions import SeparationDesFonctions
from depenses.models import OrdreDepense
from ledger.models import Ecriture
from personnes.models import Affectation, Fonction
from recettes import services as r
from recettes.models import OrdreRecette, Reduction
from tests.factories import MOT_DE_PASSE, AffectationFactory, UtilisateurFactory
from tests.personnes.conftest import sans_gardes
from tests.savepoint import curseur_en_savepoint, refus_sql
from tests.tresorerie.conftest import comptes, credits, ordre_recette, ordre_vise, regisseur
from tresorerie import services as t
from tresorerie.models import LotPaiement, Paiement
from tresorerie.separation import cumuls_de_fonctions

pytestmark = pytest.mark.django_db

__all__ = ["comptes", "credits", "regisseur"]  # fixtures of the treasury's tests

AUJOURD_HUI = horloge.aujourdhui()
SEPARATION = "(séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1)"


def nommee(login, prenom, nom, fonction):
    personne = UtilisateurFactory(username=login, first_name=prenom, last_name=nom)
    AffectationFactory(utilisateur=personne, fonction=fonction)
    return personne


def change_de_cote(personne, fonction: str) -> None:
    """The person leaves his function yesterday and takes `fonction` today."""
    Affectation.objects.filter(utilisateur=personne).update(
        fin=AUJOURD_HUI - datetime.timedelta(days=1)
    )
    AffectationFactory(utilisateur=personne, fonction=fonction, debut=AUJOURD_HUI)


# --- Whoever signed an ordre de dépense never pays it --------------------------------------


@pytest.fixture
def ancien_directeur(db):
    return nommee("ancien", "Hervé", "Lemoine", Fonction.DIRECTEUR)


@pytest.fixture
def signe_par_l_ancien(ancien_directeur, comptable, credits):
    """An order the directeur signed, visaed by the agent comptable; the
    directeur is then named agent comptable."""
    ordre = ordre_vise(ancien_directeur, comptable, credits)
    change_de_cote(ancien_directeur, Fonction.AGENT_COMPTABLE)
    return ordre


def test_le_signataire_devenu_agent_comptable_ne_paie_pas_l_ordre(
    ancien_directeur, comptable, comptes, signe_par_l_ancien
):
    ordre = signe_par_l_ancien
    ecritures = Ecriture.objects.count()

    with pytest.raises(SeparationDesFonctions) as erreur:
        t.lot_payer(acting_user=ancien_directeur, ordres=[ordre], compte=comptes["BANQUE"])

    assert erreur.value.message == (
        f"Hervé Lemoine a signé l'ordre de dépense n° {ordre.reference} comme ordonnateur : une "
        f"même personne ne peut pas aussi le payer (séparation des fonctions, circulaire 93/82 "
        "§2.4.0 et §1.1.1)."
    )
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "vise"
    assert (LotPaiement.objects.count(), Paiement.objects.count()) == (0, 0)
    assert Ecriture.objects.count() == ecritures
    # Another agent comptable pays it.
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    assert OrdreDepense.objects.get(pk=ordre.pk).paye_par == comptable and lot.nombre == 1


def test_postgresql_refuse_la_mention_de_paiement_au_signataire(
    ancien_directeur, comptable, signe_par_l_ancien
):
    ordre = signe_par_l_ancien
    ecrire_payeur = "UPDATE depenses_ordredepense SET paye_par_id = %s WHERE id = %s"

    refus = refus_sql(
        lambda cur: cur.execute(ecrire_payeur, [ancien_directeur.pk, ordre.pk]),
        "Hervé Lemoine a signé l'ordre de dépense n° "
        f"{ordre.reference} comme ordonnateur : une même personne ne peut pas aussi le payer",
    )

    assert refus.sqlstate == "LG230"
    assert OrdreDepense.objects.get(pk=ordre.pk).paye_par_id is None
    # The same statement naming someone who did not sign passes this guard.
    with curseur_en_savepoint() as cur:
        cur.execute(ecrire_payeur, [comptable.pk, ordre.pk])
    assert OrdreDepense.objects.get(pk=ordre.pk).paye_par_id == comptable.pk


def test_postgresql_refuse_la_mention_de_paiement_a_qui_a_emis_l_ordre(
    directrice, comptable, credits, comptes
):
    # given an order signed by the directrice, issued (as data of an older
    # database) by someone now agent comptable
    ordre = ordre_vise(directrice, comptable, credits)
    emetteur = nommee("emetteur", "Marc", "Vidal", Fonction.AGENT_COMPTABLE)
    with sans_gardes():
        OrdreDepense.objects.filter(pk=ordre.pk).update(cree_par=emetteur)

    refus = refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_ordredepense SET paye_par_id = %s WHERE id = %s",
            [emetteur.pk, ordre.pk],
        ),
        f"Marc Vidal a émis l'ordre de dépense n° {ordre.reference} comme ordonnateur",
    )
    assert refus.sqlstate == "LG230"
    # and the service says the same first
    with pytest.raises(SeparationDesFonctions, match="Marc Vidal a émis l'ordre de dépense"):
        t.lot_payer(acting_user=emetteur, ordres=[ordre], compte=comptes["BANQUE"])
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "vise"


def test_l_api_refuse_le_paiement_au_signataire(ancien_directeur, comptes, signe_par_l_ancien):
    ordre = signe_par_l_ancien
    api = APIClient()
    api.force_authenticate(ancien_directeur)

    reponse = api.post(
        "/api/tresorerie/lots/", {"ordres": [ordre.pk], "compte": "BANQUE"}, format="json"
    )

    assert reponse.status_code == 403, reponse.json()
    assert reponse.json()["code"] == "separation_des_fonctions"
    assert reponse.json()["message"].startswith(
        f"Hervé Lemoine a signé l'ordre de dépense n° {ordre.reference} comme ordonnateur"
    )
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "vise"
    assert not LotPaiement.objects.exists()


# --- Whoever took an ordre de recette in charge never signs its reduction -------------------


@pytest.fixture
def ancien_comptable(db):
    return nommee("passe", "Claire", "Roussel", Fonction.AGENT_COMPTABLE)


@pytest.fixture
def pris_par_l_ancien(directrice, ancien_comptable, exercice):
    """An ordre de recette the agent comptable took in charge; she is then
    named directeur."""
    ordre = ordre_recette(directrice, ancien_comptable)
    change_de_cote(ancien_comptable, Fonction.DIRECTEUR)
    return ordre


def _reduire(utilisateur, ordre):
    return r.ordre_recette_reduire(
        acting_user=utilisateur,
        ordre=ordre,
        type="reduction",
        montant_reduction="100.00",
        motif="Erreur de liquidation",
        nouvelles_bases="Convention rectifiée",
        mot_de_passe=MOT_DE_PASSE,
    )


def test_le_comptable_devenu_directeur_ne_signe_pas_la_reduction_de_l_ordre(
    directrice, ancien_comptable, pris_par_l_ancien
):
    ordre = pris_par_l_ancien

    with pytest.raises(SeparationDesFonctions) as erreur:
        _reduire(ancien_comptable, ordre)

    assert erreur.value.message == (
        "Claire Roussel a pris cet ordre en charge pour l'agent comptable : une même personne ne "
        f"peut pas aussi en signer la réduction comme ordonnateur {SEPARATION}."
    )
    assert not Reduction.objects.exists()
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "pris_en_charge"
    # The directrice, who never acted for the agent comptable on it, signs it.
    assert _reduire(directrice, ordre).signataire == directrice


def test_l_api_refuse_la_reduction_a_qui_a_pris_l_ordre_en_charge(
    ancien_comptable, pris_par_l_ancien
):
    api = APIClient()
    api.force_authenticate(ancien_comptable)

    reponse = api.post(
        f"/api/ordres-recette/{pris_par_l_ancien.pk}/reduire/",
        {
            "type": "reduction",
            "montant": "100.00",
            "motif": "Erreur de liquidation",
            "nouvelles_bases": "Convention rectifiée",
            "mot_de_passe": MOT_DE_PASSE,
        },
        format="json",
    )

    assert reponse.status_code == 403, reponse.json()
    assert reponse.json()["message"] == (
        "Claire Roussel a pris cet ordre en charge pour l'agent comptable : une même personne ne "
        f"peut pas aussi en signer la réduction comme ordonnateur {SEPARATION}."
    )
    assert not Reduction.objects.exists()


def test_postgresql_refuse_la_reduction_signee_par_qui_a_pris_l_ordre_en_charge(
    directrice, ancien_comptable, pris_par_l_ancien
):
    ordre = pris_par_l_ancien
    inserer = (
        "INSERT INTO recettes_reduction (ordre_id, type, montant, motif, nouvelles_bases, etat,"
        " signataire_id, qualite, signee_le) VALUES (%s, 'reduction', 100, 'x', 'y', 'signee',"
        " %s, 'Directeur', now())"
    )

    refus = refus_sql(
        lambda cur: cur.execute(inserer, [ordre.pk, ancien_comptable.pk]),
        "Claire Roussel a pris cet ordre en charge pour l'agent comptable",
    )

    assert refus.sqlstate == "LG130"
    assert not Reduction.objects.exists()


def test_postgresql_refuse_la_prise_en_charge_d_une_reduction_par_son_signataire(
    directrice, ancien_comptable, pris_par_l_ancien
):
    reduction = _reduire(directrice, pris_par_l_ancien)

    refus = refus_sql(
        lambda cur: cur.execute(
            "UPDATE recettes_reduction SET pris_en_charge_par_id = %s WHERE id = %s",
            [directrice.pk, reduction.pk],
        ),
        "a signé cette réduction comme ordonnateur : une même personne ne peut pas aussi la "
        "prendre en charge",
    )

    assert refus.sqlstate == "LG131"
    assert Reduction.objects.get(pk=reduction.pk).pris_en_charge_par is None


# --- The check over every order --------------------------------------------------------------


def test_le_controle_ne_trouve_personne_des_deux_cotes_puis_trouve_la_ligne_corrompue(
    directrice, comptable, credits, capsys
):
    ordre = ordre_vise(directrice, comptable, credits)
    ordre_recette(directrice, comptable)
    assert cumuls_de_fonctions() == []
    call_command("controle_separation")
    assert "Séparation des fonctions respectée" in capsys.readouterr().out

    # Someone with SQL access records a control of the order in the signer's name.
    with curseur_en_savepoint() as cur:
        cur.execute(
            "INSERT INTO depenses_controledepense (ordre_id, controle, automatique, conforme,"
            " detail, par_id, le) VALUES (%s, 'imputation', false, true, '', %s, now())",
            [ordre.pk, directrice.pk],
        )

    [cumul] = cumuls_de_fonctions()
    with pytest.raises(CommandError, match="1 cumul"):
        call_command("controle_separation")

    assert (cumul.sorte, cumul.reference, cumul.utilisateur_id) == (
        "ordre de dépense",
        ordre.reference,
        directrice.pk,
    )
    assert cumul.ordonnateur == ("a attesté le service fait", "a émis l'ordre", "l'a signé")
    assert cumul.comptable == ("l'a contrôlé",)
    assert f"Ordre de dépense n° {ordre.reference}" in capsys.readouterr().out


def test_le_controle_de_la_demo_ne_trouve_aucun_cumul(caisse_demo):
    assert cumuls_de_fonctions() == []
