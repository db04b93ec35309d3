"""Defects of the régies found by a walk through the pages (issue 13, point 6):
the directrice told how to get a free régie account, the régisseur's receipts
against ordres de recette held to his régie's natures, nothing remitted after
the arrêté of the day, a control report that does not contradict itself, the
page after the arrêté, who is sent straight to his régie, the API's answers."""

import datetime
import html
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, TransitionInterdite
from ledger.models import Compte
from recettes.models import LigneOrdreRecette
from tests.recouvrement.conftest import ordre_pris_en_charge
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import ordre_recette
from tests.tresorerie.test_regies import creer_regie, encaisser
from tests.tresorerie.test_regies_pages import texte_pdf
from tresorerie import services as t
from tresorerie.models import (
    ControleRegie,
    DepenseRegie,
    Encaissement,
    Regie,
    VersementRegie,
)
from tresorerie.services import regies as sr
from tresorerie.services import regies_caisse as rc
from tresorerie.services.encaissements import Repartition

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def regie(directrice, comptable, comptes):
    return creer_regie(directrice, comptable, comptes["REGIE"])


def api(utilisateur) -> APIClient:
    client = APIClient()
    client.force_authenticate(utilisateur)
    return client


def compte_5412(comptable, exercice, regisseur=None):
    Compte.objects.create(
        numero="5412",
        libelle="Régie d'avances de l'antenne",
        classe=5,
        parent=Compte.objects.get(numero="541"),
        sens_normal="D",
    )
    return t.compte_disponibilite_ouvrir(
        acting_user=comptable,
        code="ANTENNE",
        libelle="Régie d'avances de l'antenne",
        nature="regie",
        compte_numero="5412",
        ouvert_le=D(exercice.annee, 1, 1),
        regisseur=regisseur,
    )


# --- 1. Le compte de la régie ------------------------------------------------------------


def test_sans_compte_de_regie_libre_la_page_dit_comment_en_obtenir_un(
    client, directrice, comptable, regie, exercice
):
    client.force_login(directrice)
    page = html.unescape(client.get("/tresorerie/regies/").content.decode())
    assert 'id="sans-compte"' in page
    assert "Aucun compte de régie (541x) n'est libre" in page
    assert "L'agent comptable ouvre d'abord le compte de la nouvelle régie" in page
    assert 'href="/tresorerie/"' in page
    assert "subdivision du compte 541, par exemple 5412" in page  # the field's help
    compte_5412(comptable, exercice)
    page = html.unescape(client.get("/tresorerie/regies/").content.decode())
    assert 'id="sans-compte"' not in page
    assert "Régie d'avances de l'antenne" in page


def test_l_api_accepte_le_numero_du_compte_que_l_aide_indique(
    directrice, comptable, regisseur, comptes, regie, exercice
):
    compte_5412(comptable, exercice)
    corps = {
        "libelle": "Régie de recettes de l'antenne",
        "type": "recettes",
        "regisseur": "regisseur",
        "plafond_encaisse": "300",
        "operations": [{"sens": "recette", "libelle": "Frais de duplicata", "compte": "771"}],
    }
    refus = api(directrice).post(
        "/api/tresorerie/regies/", {**corps, "compte": "5419"}, format="json"
    )
    assert refus.status_code == 400
    assert "Aucun compte de disponibilités de régie ne porte le numéro ou le code « 5419 »" in str(
        refus.json()
    )
    assert Regie.objects.count() == 1
    reponse = api(directrice).post(
        "/api/tresorerie/regies/", {**corps, "compte": "5412"}, format="json"
    )
    assert reponse.status_code == 201, reponse.json()
    assert (reponse.json()["compte"], reponse.json()["compte_code"]) == ("5412", "ANTENNE")
    # the existing régie shows its account number as the pages do, its code apart
    lue = api(directrice).get(f"/api/tresorerie/regies/{regie.pk}/").json()
    assert (lue["compte"], lue["compte_code"]) == ("541", "REGIE")


# --- 2. Les natures permises valent aussi pour les ordres de recette --------------------------


def test_le_regisseur_n_encaisse_pas_un_ordre_d_une_nature_non_permise(
    directrice, comptable, regisseur, regie
):
    loyer = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="M. Petit",
        qualite="locataire",
        montant="600.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
    )
    ligne = LigneOrdreRecette.objects.get(ordre=loyer)
    with pytest.raises(DonneeInvalide) as refus:
        t.encaissement_enregistrer(
            acting_user=regisseur,
            compte=regie.compte,
            moyen="numeraire",
            montant="100.00",
            payeur="Société Orion",
            objet="Loyer de juin",
            repartitions=[Repartition(ligne, "100.00")],
        )
    message = str(refus.value)
    assert f"L'ordre de recette n° {loyer.reference} est de nature « loyers »" in message
    assert "la régie « Régie de recettes de l'accueil » ne permet pas" in message
    assert "natures permises : autre recette, récupération d'indus" in message
    assert not Encaissement.objects.exists()
    # an ordre of a nature the acte constitutif allows is cashed
    autre = ordre_recette(directrice, comptable, nature="autre")
    recu = t.encaissement_enregistrer(
        acting_user=regisseur,
        compte=regie.compte,
        moyen="numeraire",
        montant="100.00",
        payeur="Société Orion",
        objet="Frais de dossier, acompte",
        repartitions=[Repartition(LigneOrdreRecette.objects.get(ordre=autre), "100.00")],
    )
    assert recu.montant == Decimal("100.00")


def test_une_regie_d_avances_ne_recoit_aucun_encaissement(
    directrice, comptable, regisseur, comptes, exercice
):
    collegue = regisseur
    compte = compte_5412(comptable, exercice, regisseur=collegue)
    avances = creer_regie(
        directrice,
        comptable,
        compte,
        type="avances",
        libelle="Régie d'avances de l'antenne",
        regisseur=collegue,
        plafond="300.00",
        plafond_depense="50.00",
        operations=[sr.OperationSaisie("depense", "Timbres", "626")],
    )
    t.carnet_ouvrir(
        acting_user=comptable,
        type="quittance",
        compte=compte,
        titulaire=collegue,
        serie="Q2026-Z",
        premier_numero=1,
        dernier_numero=50,
    )
    with pytest.raises(DonneeInvalide, match="« Régie d'avances de l'antenne » est une régie "):
        t.encaissement_enregistrer(
            acting_user=collegue,
            compte=avances.compte,
            moyen="numeraire",
            montant="10.00",
            payeur="M. Petit",
            objet="Frais",
        )
    assert not Encaissement.objects.exists()


# --- 3. Rien après l'arrêté du jour ------------------------------------------------------------


def test_ni_versement_ni_depense_apres_l_arrete_du_jour(
    directrice, comptable, regisseur, comptes, exercice
):
    compte = compte_5412(comptable, exercice, regisseur=regisseur)
    avances = creer_regie(
        directrice,
        comptable,
        compte,
        type="avances",
        libelle="Régie d'avances de l'antenne",
        regisseur=regisseur,
        plafond="300.00",
        plafond_depense="50.00",
        operations=[sr.OperationSaisie("depense", "Timbres", "626")],
    )
    rc.regie_avance(acting_user=comptable, regie=avances, montant="100", source=comptes["CAISSE"])
    rc.regie_arreter(acting_user=regisseur, regie=avances, comptage={"50": 2})
    with pytest.raises(TransitionInterdite, match="la dépense attendra le jour ouvré suivant"):
        rc.regie_depenser(
            acting_user=regisseur,
            regie=avances,
            operation=avances.operations.get(),
            montant="12",
            beneficiaire="La Poste",
            objet="Timbres",
            piece="Ticket 7",
        )
    with pytest.raises(TransitionInterdite, match="le versement attendra le jour ouvré suivant"):
        rc.regie_verser(acting_user=regisseur, regie=avances, montant="10")
    assert not DepenseRegie.objects.exists() and not VersementRegie.objects.exists()


def test_la_base_refuse_un_versement_du_jour_arrete(regisseur, regie, horloge):
    encaisser(regisseur, regie, "40.00")
    rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={"20": 2})
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO tresorerie_versementregie (regie_id, numero, remis_le, remis_par_id, "
            "montant, observations, etat) VALUES (%s, 1, %s, %s, 40, '', 'remis')",
            [regie.pk, D(2026, 6, 15), regisseur.pk],
        ),
        "Le régisseur a arrêté sa régie pour la journée du 15/06/2026 : aucun versement",
    )
    assert not VersementRegie.objects.exists()


# --- 4. Un rapport de contrôle cohérent ----------------------------------------------------


def test_pas_de_conclusion_conforme_quand_la_caisse_ne_concorde_pas(regisseur, regie, comptable):
    encaisser(regisseur, regie, "40.00")
    encaisser(regisseur, regie, "10.00", rang=1)
    with pytest.raises(DonneeInvalide) as refus:
        rc.regie_controler(
            acting_user=comptable, regie=regie, especes_comptees="45", conclusion="conforme"
        )
    assert (
        "Les espèces et les chèques comptés (45,00\u00a0€) diffèrent de l'encaisse théorique (50,00\u00a0€)"
        in (str(refus.value).replace(" €", "\u00a0€"))
    )
    with pytest.raises(DonneeInvalide) as refus:
        rc.regie_controler(
            acting_user=comptable,
            regie=regie,
            especes_comptees="50",
            conclusion="conforme",
            quittance_du=1,
            quittance_au=5,
        )
    assert "La dernière quittance délivrée sur les carnets de la régie" in str(refus.value)
    assert "porte le n° 2 : on ne vérifie pas les quittances jusqu'au n° 5" in str(refus.value)
    assert not ControleRegie.objects.exists()
    controle = rc.regie_controler(
        acting_user=comptable,
        regie=regie,
        especes_comptees="45",
        conclusion="reserves",
        quittance_du=1,
        quittance_au=2,
        observations="Manquant de 5 € à expliquer.",
    )
    assert controle.ecart == Decimal("-5.00")


# --- 5. Pages et API ------------------------------------------------------------------------


def test_l_auditeur_lit_la_liste_le_regisseur_va_a_sa_regie(client, auditeur, regisseur, regie):
    client.force_login(auditeur)
    reponse = client.get("/tresorerie/regies/")
    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "/tresorerie/regies/liste.csv" in page and "/tresorerie/regies/liste.pdf" in page
    assert "Projeter une régie" not in page
    client.force_login(regisseur)
    reponse = client.get("/tresorerie/regies/")
    assert reponse.status_code == 302 and reponse.url == f"/tresorerie/regies/{regie.pk}/"


def test_l_auditeur_recoit_403_et_non_404_sur_l_admission(
    auditeur, directrice, comptable, regisseur, comptes, exercice
):
    compte = compte_5412(comptable, exercice, regisseur=regisseur)
    avances = creer_regie(
        directrice,
        comptable,
        compte,
        type="avances",
        libelle="Régie d'avances de l'antenne",
        regisseur=regisseur,
        plafond="300.00",
        plafond_depense="50.00",
        operations=[sr.OperationSaisie("depense", "Timbres", "626")],
    )
    rc.regie_avance(acting_user=comptable, regie=avances, montant="100", source=comptes["CAISSE"])
    rc.regie_depenser(
        acting_user=regisseur,
        regie=avances,
        operation=avances.operations.get(),
        montant="12",
        beneficiaire="La Poste",
        objet="Timbres",
        piece="Ticket 7",
    )
    etat = rc.regie_etat_depenses(acting_user=regisseur, regie=avances)
    for pk in (etat.pk, etat.pk + 1000):
        reponse = api(auditeur).post(f"/api/tresorerie/regies-etats/{pk}/admettre/", {})
        assert reponse.status_code == 403, (pk, reponse.json())
    etat.refresh_from_db()
    assert etat.admis_le is None


def test_la_quittance_est_etablie(client, comptable, regisseur, regie):
    recu = encaisser(regisseur, regie, "40.00")
    client.force_login(comptable)
    quittance = recu.quittances.get()
    texte = texte_pdf(client.get(f"/tresorerie/quittances/{quittance.pk}/pdf/").content)
    assert f"N° {quittance.reference} — établie le" in texte


# --- 6. Le bordereau détaille les recettes versées -------------------------------------------


def test_le_bordereau_liste_les_quittances_et_separe_numeraire_et_cheques(
    client, regisseur, regie, comptable
):
    encaisser(regisseur, regie, "40.00")
    rc.regie_encaisser(
        acting_user=regisseur,
        regie=regie,
        operation=regie.operations.filter(sens="recette").order_by("libelle")[1],
        montant="25.50",
        payeur="M. Caron",
        objet="Duplicatas",
        moyen="cheque",
        reference="Chèque n° 1234567",
    )
    premier = rc.regie_verser(acting_user=regisseur, regie=regie, montant="50.00")
    second = rc.regie_verser(acting_user=regisseur, regie=regie)
    client.force_login(comptable)
    texte = texte_pdf(client.get(f"/tresorerie/regies/versements/{premier.pk}/pdf/").content)
    assert "Recettes versées" in texte
    assert "Q2026-R-0001" in texte and "Mme Durand" in texte and "40,00 €" in texte
    assert "M. Caron" in texte and "10,00 € (sur 25,50 €)" in texte
    assert "dont numéraire 40,00 €" in texte and "dont chèques 10,00 €" in texte
    texte = texte_pdf(client.get(f"/tresorerie/regies/versements/{second.pk}/pdf/").content)
    assert "Mme Durand" not in texte and "15,50 € (sur 25,50 €)" in texte
    assert "dont numéraire 0,00 €" in texte and "dont chèques 15,50 €" in texte


def test_apres_l_arrete_l_accueil_du_regisseur_ne_propose_plus_ses_actes(client, regisseur, regie):
    client.force_login(regisseur)
    assert "encaisser une recette" in client.get("/").content.decode()
    rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={})
    page = html.unescape(client.get("/").content.decode())
    assert "Votre régie est arrêtée pour aujourd'hui" in page
    for acte in ("encaisser une recette", "verser à l'agent comptable", "arrêter ma régie"):
        assert acte not in page
    assert "lire les rapports de contrôle" in page
