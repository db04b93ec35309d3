"""The recovery file of a claim: who recovers it from the start (D253-16 al. 1),
only a claim taken in charge, and the journal of the acts PostgreSQL keeps
append-only (annexe art. 13 al. 5: the situation individuelle lists every act)."""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction

from core.exceptions import TransitionInterdite
from recettes import services as r
from recouvrement.models import Creance
from recouvrement.services import creance_de, journaliser
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

LE = datetime.date(2026, 3, 2)


def test_un_loyer_est_recouvre_a_l_amiable_par_l_agent_comptable(ordre_loyer):
    with transaction.atomic():
        creance = creance_de(ordre_loyer.lignes.get(), LE)
    assert creance.responsable == Creance.Responsable.COMPTABLE
    assert creance.stade == Creance.Stade.PRISE_EN_CHARGE
    assert (creance.debiteur.nom, creance.debiteur.compte.numero) == ("M. Petit", "4671")
    with transaction.atomic():
        assert creance_de(ordre_loyer.lignes.get(), LE).pk == creance.pk


def test_les_cotisations_sont_recouvrees_par_le_directeur_des_l_origine(ordre_cotisation):
    with transaction.atomic():
        creance = creance_de(ordre_cotisation.lignes.get(), LE)
    assert creance.responsable == Creance.Responsable.DIRECTEUR


def test_un_ordre_non_pris_en_charge_n_a_rien_a_recouvrer(directrice, exercice):
    ordre = r.ordre_recette_creer(
        acting_user=directrice,
        saisie=r.SaisieOrdre(
            nature="loyer",
            objet="Loyer de mars",
            bases_liquidation="Bail du 1er janvier",
            compte_imputation="752",
            compte_tiers="4671",
            date_fait=LE,
            dates={"liquidation": LE, "echeance": LE},
            lignes=[r.LigneDebiteur("M. Petit", "locataire", "600.00")],
            type="individuel",
            pieces_references="Bail",
        ),
    )
    with pytest.raises(TransitionInterdite, match="n'est pas pris en charge"):
        creance_de(ordre.lignes.get(), LE)
    assert not Creance.objects.exists()


def test_le_journal_des_actes_ne_se_modifie_ni_ne_se_supprime(ordre_loyer, comptable):
    with transaction.atomic():
        creance = creance_de(ordre_loyer.lignes.get(), LE)
        acte = journaliser(
            debiteur=creance.debiteur,
            creance=creance,
            type="relance",
            le=LE,
            libelle="Première relance",
            auteur=comptable,
            qualite="agent comptable",
        )
    message = "Un acte de recouvrement enregistré ne se modifie ni ne se supprime"
    refus_sql(lambda c: c.execute("UPDATE recouvrement_acte SET libelle = 'x'"), message)
    refus_sql(lambda c: c.execute("DELETE FROM recouvrement_acte"), message)
    acte.refresh_from_db()
    assert acte.libelle == "Première relance"


def test_une_creance_relancee_puis_payee_se_lit_soldee(ordre_loyer, comptable, comptes, horloge):
    from recouvrement import amiable
    from recouvrement.situation import situation
    from tresorerie import services as t

    horloge(datetime.date(2026, 6, 16))
    ligne = ordre_loyer.lignes.get()
    amiable.relances_envoyer(acting_user=comptable, lignes=[ligne])
    creance = Creance.objects.get(ligne=ligne)
    assert creance.stade_lu(Decimal("600.00")) == "relancée"
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="600.00",
        payeur="M. Petit",
        objet="Loyer de mars",
        reference="VIR-0616",
        repartitions=[t.Repartition(ligne, "600.00")],
    )
    creance.refresh_from_db()
    # The stage reached stays in the file; what the pages read says it is paid.
    assert creance.stade == Creance.Stade.RELANCE
    lu = situation(creance.debiteur).creances[0]
    assert (lu.reste, lu.stade) == (Decimal("0.00"), "soldée")


def test_le_regisseur_ne_lit_pas_le_recouvrement(
    ordre_loyer, ordre_cotisation, comptable, regisseur, client, horloge
):
    """The régisseur holds a function but no part in recovery: neither the
    pages nor the API of the debtors' files open to him (annexe art. 13 al. 6
    names who reads them)."""
    from rest_framework.test import APIClient

    from recouvrement import amiable

    horloge(datetime.date(2026, 6, 16))
    ligne = ordre_loyer.lignes.get()
    amiable.relances_envoyer(acting_user=comptable, lignes=[ligne])
    creance = Creance.objects.get(ligne=ligne)
    client.force_login(regisseur)
    for url in (
        "/recouvrement/amiable/",
        f"/recouvrement/amiable/creances/{ligne.pk}/",
        f"/recouvrement/amiable/creances/{ligne.pk}/dossier.pdf",
        "/recouvrement/contentieux/",
        f"/recouvrement/contentieux/debiteurs/{creance.debiteur_id}/",
        "/recouvrement/huissiers/",
        f"/recouvrement/situations/{creance.debiteur_id}/",
    ):
        assert client.get(url).status_code == 403, url
    api = APIClient()
    api.force_authenticate(regisseur)
    for url in (
        "/api/recouvrement/amiable/creances/",
        f"/api/recouvrement/amiable/creances/{ligne.pk}/",
        "/api/recouvrement/contentieux/creances/",
        "/api/recouvrement/huissiers/",
    ):
        reponse = api.get(url)
        assert reponse.status_code == 403, url
        assert "se lisent par le directeur, l'agent comptable et la tutelle" in str(reponse.data)
    # The agent comptable still reads them.
    client.force_login(comptable)
    assert client.get(f"/recouvrement/amiable/creances/{ligne.pk}/").status_code == 200


def test_un_refus_de_page_se_lit_en_francais(regisseur, client):
    client.force_login(regisseur)
    reponse = client.get("/recouvrement/amiable/")
    page = reponse.content.decode()
    assert reponse.status_code == 403
    assert "<h1>Accès refusé</h1>" in page
    assert "se lisent par le directeur, l&#x27;agent comptable et la tutelle" in page
    assert "Forbidden" not in page


def test_un_refus_garde_le_nom_du_debiteur_tel_qu_il_s_ecrit(directrice, comptable, exercice):
    from recouvrement import amiable
    from tests.recouvrement.conftest import ordre_pris_en_charge

    ordre = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="Mme Durand",
        qualite="locataire",
        montant="480.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
    )
    with pytest.raises(TransitionInterdite) as refus:
        amiable.relances_envoyer(acting_user=comptable, lignes=[ordre.lignes.get()])
    assert str(refus.value).startswith(
        f"La créance de Mme Durand sur l'ordre de recette n° {ordre.reference} (loyers) n'est "
        "pas encore exigible impayée"
    )


def test_le_bouton_de_signalement_ne_vise_pas_les_hypotheques_des_cotisations(
    ordre_loyer, ordre_cotisation, comptable, directrice, client
):
    """Circ. 93/82 §2.0.4: the agent comptable signals the lapse of mortgages
    « sauf en matière de cotisations »; the page offers him the act only there."""
    from recouvrement.surveillance_garanties import garantie_prendre

    with transaction.atomic():
        loyer = creance_de(ordre_loyer.lignes.get(), LE)
        cotisation = creance_de(ordre_cotisation.lignes.get(), LE)
    for acteur, creance, objet in (
        (comptable, loyer, "Local commercial, 2 rue Neuve"),
        (directrice, cotisation, "Entrepôt, zone des Prés"),
    ):
        garantie_prendre(
            acting_user=acteur,
            debiteur=creance.debiteur,
            creance=creance,
            nature="hypotheque",
            montant="600.00",
            objet=objet,
            prise_le=LE,
            inscrite_le=LE,
            bureau="Service de la publicité foncière de Valmont",
            peremption_le=datetime.date(2026, 9, 1),
        )
    client.force_login(comptable)
    page = client.get("/recouvrement/garanties/").content.decode()
    assert "Local commercial, 2 rue Neuve" in page and "Entrepôt, zone des Prés" in page
    assert page.count("Signaler la péremption au directeur</button>") == 1


@pytest.mark.django_db(transaction=True)
def test_un_lot_de_relances_par_l_api_est_une_transaction(ordre_loyer, comptable, horloge):
    """Outside any transaction of the test, as a served request runs: the act
    opens its own (the service locks rows), and a batch sent again the same
    day is refused with its message, not a server error."""
    from rest_framework.test import APIClient

    horloge(datetime.date(2026, 6, 16))
    api = APIClient()
    api.force_authenticate(comptable)
    ligne = ordre_loyer.lignes.get().pk
    reponse = api.post("/api/recouvrement/amiable/relances/", {"lignes": [ligne]}, format="json")
    assert reponse.status_code == 201, reponse.content
    assert reponse.json()["reference"] == "2026-0001"
    reponse = api.post("/api/recouvrement/amiable/relances/", {"lignes": [ligne]}, format="json")
    assert reponse.status_code == 409
    assert "a déjà été relancée aujourd'hui (16/06/2026)" in reponse.json()["message"]
