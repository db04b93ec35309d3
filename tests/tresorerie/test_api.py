"""The treasury's API: reading for every function, acts by the agent comptable,
refusals in French with nothing changed (same services as the pages)."""

import datetime
import importlib.util
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from ledger.models import Ecriture, Ligne
from ledger.services import LigneSaisie, ecriture_passer
from recettes import services as r
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_recette, ordre_vise
from tresorerie import releves as camt
from tresorerie import services as t
from tresorerie.models import (
    Affectation,
    ArreteCaisse,
    Carnet,
    Encaissement,
    LotPaiement,
    Quittance,
    Rapprochement,
    Releve,
)
from tresorerie.sepa import valider_pain001

pytestmark = pytest.mark.django_db

URL = "/api/tresorerie"


@pytest.fixture
def api():
    return APIClient()


def instantane():
    """Everything an act of the treasury may create."""
    return (
        Ecriture.objects.count(),
        Encaissement.objects.count(),
        Affectation.objects.count(),
        Quittance.objects.count(),
        LotPaiement.objects.count(),
        Releve.objects.count(),
        Rapprochement.objects.count(),
        ArreteCaisse.objects.count(),
        list(Carnet.objects.order_by("pk").values_list("dernier_utilise", "clos_le")),
    )


def encaisser(api, **donnees):
    corps = {
        "compte": "BANQUE",
        "moyen": "virement",
        "montant": "100.00",
        "payeur": "Société Orion",
        "objet": "Virement",
    }
    corps.update(donnees)
    return api.post(f"{URL}/encaissements/", corps, format="json")


def solde(numero, tiers=None):
    lignes = Ligne.objects.filter(compte__numero=numero)
    if tiers is not None:
        lignes = lignes.filter(tiers=tiers)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0"))


# --- Encaissements --------------------------------------------------------------------


def test_un_encaissement_par_api_solde_l_ordre_et_donne_sa_quittance(
    api, directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    api.force_authenticate(comptable)
    reponse = encaisser(
        api,
        compte="CAISSE",
        moyen="numeraire",
        montant="1250.40",
        objet="Règlement de l'ordre",
        repartitions=[{"ligne": ordre.lignes.get().pk, "montant": "1250.40"}],
    )
    assert reponse.status_code == 201, reponse.json()
    enc = reponse.json()
    assert (enc["montant"], enc["excedent"], enc["etat"]) == ("1250.40", "0.00", "enregistre")
    [affectation] = enc["affectations"]
    assert (affectation["ordre_reference"], affectation["montant"]) == (ordre.reference, "1250.40")
    [quittance] = enc["documents"]
    assert (quittance["nature"], quittance["numero"], quittance["montant"]) == (
        "quittance",
        1,
        "1250.40",
    )

    relu = api.get(f"/api/ordres-recette/{ordre.pk}/").json()
    assert relu["reste_a_recouvrer"] == "0.00"
    assert api.get(f"{URL}/encaissements/{enc['id']}/").json() == enc
    liste = api.get(f"{URL}/encaissements/", {"compte": "CAISSE"}).json()
    assert [e["id"] for e in liste["results"]] == [enc["id"]]
    assert (
        api.get(f"{URL}/quittances/{quittance['id']}/").json()["reference"]
        == (quittance["reference"])
    )
    comptes_api = {c["code"]: c for c in api.get(f"{URL}/comptes/").json()["results"]}
    assert comptes_api["CAISSE"]["solde_comptable"] == "1250.40"
    assert comptes_api["CAISSE"]["compte"] == "531"
    assert comptes_api["BANQUE"]["solde_comptable"] == "0.00"


def test_affecter_plus_que_l_encaissement_est_refuse_sans_rien_creer(
    api, directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    ligne = ordre.lignes.get()
    api.force_authenticate(comptable)
    avant = instantane()
    refus = encaisser(api, repartitions=[{"ligne": ligne.pk, "montant": "150.00"}])
    assert refus.status_code == 400
    assert refus.json()["code"] == "donnee_invalide"
    assert "affecter" in refus.json()["message"]
    assert instantane() == avant

    # An excess waits in 4711; allocating more than it is refused the same way.
    enc = encaisser(api, montant="600.00", repartitions=[{"ligne": ligne.pk, "montant": "500.00"}])
    assert enc.status_code == 201 and enc.json()["excedent"] == "100.00"
    pk = enc.json()["id"]
    avant = instantane()
    refus = api.post(
        f"{URL}/encaissements/{pk}/affecter/",
        {"ligne": ligne.pk, "montant": "100.01"},
        format="json",
    )
    assert refus.status_code == 400 and "affecter" in refus.json()["message"]
    assert instantane() == avant

    affecte = api.post(
        f"{URL}/encaissements/{pk}/affecter/",
        {"ligne": ligne.pk, "montant": "60.00"},
        format="json",
    )
    assert affecte.status_code == 201, affecte.json()
    assert affecte.json()["excedent"] == "40.00" and len(affecte.json()["affectations"]) == 2
    assert api.get(f"/api/ordres-recette/{ordre.pk}/").json()["reste_a_recouvrer"] == "690.40"
    rembourse = api.post(
        f"{URL}/encaissements/{pk}/rembourser/",
        {"compte": "BANQUE", "montant": "40.00"},
        format="json",
    )
    assert rembourse.status_code == 201 and rembourse.json()["excedent"] == "0.00"
    assert rembourse.json()["affectations"][-1]["remboursement"] is True
    assert solde("4711") == Decimal("0.00")
    non_soldes = api.get(f"{URL}/encaissements/", {"a_affecter": "1"}).json()
    assert non_soldes["count"] == 0


def test_recu_puis_annulation_par_un_nouveau_document(api, comptable, comptes):
    api.force_authenticate(comptable)
    pk = encaisser(api, moyen="cheque", montant="80.00", reference="CHQ 1234567").json()["id"]
    recu = api.post(f"{URL}/encaissements/{pk}/recu/")
    assert recu.status_code == 201, recu.json()
    [document] = recu.json()["documents"]
    assert document["nature"] == "recu" and document["carnet"].startswith("R")
    deux_fois = api.post(f"{URL}/encaissements/{pk}/recu/")
    assert deux_fois.status_code == 409 and "duplicata" in deux_fois.json()["message"]

    sans_motif = api.post(f"{URL}/encaissements/{pk}/annuler/", {}, format="json")
    assert sans_motif.status_code == 400
    assert "motif" in sans_motif.json()["details"]
    annule = api.post(
        f"{URL}/encaissements/{pk}/annuler/", {"motif": "Chèque sans provision"}, format="json"
    )
    assert annule.status_code == 200, annule.json()
    assert annule.json()["etat"] == "annule" and annule.json()["excedent"] == "0.00"
    recu_doc, annulation = sorted(annule.json()["documents"], key=lambda d: d["numero"])
    assert annulation["nature"] == "annulation" and annulation["annule"] == recu_doc["reference"]
    assert recu_doc["annulee_par"] == annulation["reference"]
    encore = api.post(f"{URL}/encaissements/{pk}/annuler/", {"motif": "x"}, format="json")
    assert encore.status_code == 409 and "déjà annulé" in encore.json()["message"]
    documents = api.get(f"{URL}/quittances/", {"encaissement": pk}).json()
    assert documents["count"] == 2


@pytest.mark.parametrize(
    "corps, champ, message",
    [
        ({"compte": "INCONNU"}, "compte", "n'existe pas"),
        ({"compte": 99999}, "compte", "n'existe pas"),
        ({"moyen": "troc"}, "moyen", "valide"),
        ({"montant": None}, "montant", "nul"),
        ({"repartitions": [{"ligne": "abc", "montant": "1.00"}]}, "repartitions", "entier"),
        ({"recu": "peut-être"}, "recu", "booléen"),
        ({"date": "31/12/2026"}, "date", "AAAA-MM-JJ"),
    ],
)
def test_une_saisie_invalide_repond_400_en_francais_sans_rien_changer(
    api, comptable, comptes, corps, champ, message
):
    api.force_authenticate(comptable)
    avant = instantane()
    reponse = encaisser(api, **corps)
    assert reponse.status_code == 400
    erreur = reponse.json()
    assert erreur["message"].startswith(f"Champ « {champ}")  # the field's own error
    assert message in str(erreur["details"][champ])
    assert instantane() == avant


def test_refus_du_service_en_francais_sans_rien_changer(api, directrice, comptable, comptes):
    ordre = ordre_recette(directrice, comptable)
    api.force_authenticate(comptable)
    avant = instantane()
    cas = [
        ({"repartitions": [{"ligne": 999999, "montant": "1.00"}]}, 400, "n'existe pas"),
        ({"montant": "12.345"}, 400, "décimales"),
        ({"montant": "-5"}, 400, "négatif"),
        ({"compte": "CAISSE"}, 400, "virement se reçoit sur un compte bancaire"),
        ({"moyen": "numeraire"}, 400, "Le numéraire s'encaisse à la caisse"),
        (
            {"repartitions": [{"ligne": ordre.lignes.get().pk, "montant": "60.00"}] * 2},
            400,
            "deux fois",
        ),
        ({"date": (AUJOURD_HUI + datetime.timedelta(days=1)).isoformat()}, 400, "futur"),
    ]
    for corps, statut, message in cas:
        reponse = encaisser(api, **corps)
        assert reponse.status_code == statut, (corps, reponse.json())
        assert message in reponse.json()["message"], (corps, reponse.json())
    absent = api.post(f"{URL}/encaissements/999999/annuler/", {"motif": "x"}, format="json")
    assert absent.status_code == 404
    assert absent.json()["message"] == "L'encaissement n° 999999 n'existe pas."
    assert api.get(f"{URL}/quittances/999999/").status_code == 404
    assert "n'existe pas" in api.get(f"{URL}/rapprochement/999999/").json()["message"]
    assert instantane() == avant


def test_le_regisseur_encaisse_a_sa_regie_et_nulle_part_ailleurs(api, regisseur, comptes):
    api.force_authenticate(regisseur)
    regie = encaisser(api, compte="REGIE", moyen="numeraire", montant="35.00", objet="Duplicata")
    assert regie.status_code == 201, regie.json()
    assert regie.json()["documents"][0]["qualite"] == "Régisseur de recettes"
    avant = instantane()
    caisse = encaisser(api, compte="CAISSE", moyen="numeraire")
    assert caisse.status_code == 403 and "régisseur" in caisse.json()["message"]
    arrete = api.post(f"{URL}/arretes/", {"compte": "REGIE", "comptage": {}}, format="json")
    assert arrete.status_code == 403 and "agent comptable" in arrete.json()["message"]
    assert instantane() == avant


def test_le_regisseur_ne_liste_que_les_encaissements_de_sa_regie(
    api, comptable, auditeur, regisseur, comptes
):
    # given a receipt at the régie and two elsewhere
    api.force_authenticate(regisseur)
    regie = encaisser(api, compte="REGIE", moyen="numeraire", montant="35.00", payeur="À la régie")
    assert regie.status_code == 201, regie.json()
    api.force_authenticate(comptable)
    caisse = encaisser(api, compte="CAISSE", moyen="numeraire", payeur="À la caisse").json()
    banque = encaisser(api, compte="BANQUE", payeur="À la banque").json()

    # when the régisseur lists the receipts, their documents and the cash
    api.force_authenticate(regisseur)
    liste = api.get(f"{URL}/encaissements/").json()
    # then he sees his régie's only, even when he names another account
    assert [e["payeur"] for e in liste["results"]] == ["À la régie"]
    assert api.get(f"{URL}/encaissements/", {"compte": "CAISSE"}).json()["count"] == 0
    assert api.get(f"{URL}/encaissements/{caisse['id']}/").status_code == 404
    assert api.get(f"{URL}/encaissements/{regie.json()['id']}/").status_code == 200
    quittances = api.get(f"{URL}/quittances/").json()["results"]
    assert {q["encaissement"] for q in quittances} == {regie.json()["id"]}
    autre = caisse["documents"][0]["id"]
    assert api.get(f"{URL}/quittances/{autre}/").status_code == 404
    assert [c["code"] for c in api.get(f"{URL}/comptes/").json()["results"]] == ["REGIE"]
    assert api.get(f"{URL}/lots/").json()["count"] == 0
    restes = api.get(f"{URL}/restes/")
    assert restes.status_code == 403 and "régisseur" in restes.json()["message"]

    # and the agent comptable and the auditor see every receipt of the fund
    for lecteur in (comptable, auditeur):
        api.force_authenticate(lecteur)
        payeurs = {e["payeur"] for e in api.get(f"{URL}/encaissements/").json()["results"]}
        assert payeurs == {"À la régie", "À la caisse", "À la banque"}, lecteur
        assert api.get(f"{URL}/encaissements/{banque['id']}/").status_code == 200
        assert api.get(f"{URL}/quittances/").json()["count"] == 2


# --- Lecture par tous, actes par l'agent comptable --------------------------------------


def test_l_auditeur_lit_tout_et_ne_peut_rien_faire(
    api, directrice, comptable, auditeur, comptes, credits
):
    ordre = ordre_recette(directrice, comptable)
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="1250.40",
        payeur="Société Orion",
        objet="Règlement",
        repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
    )
    lot = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits)],
        compte=comptes["EXECUTION"],
    )
    arrete = t.arrete_caisse(
        acting_user=comptable, compte=comptes["CAISSE"], comptage={"500": 2, "200": 1, "50": 1}
    )
    carnet = Carnet.objects.filter(clos_le__isnull=True).first()
    quittance = enc.quittances.get()
    lectures = [
        "/comptes/",
        "/carnets/",
        "/encaissements/",
        f"/encaissements/{enc.pk}/",
        "/quittances/",
        f"/quittances/{quittance.pk}/",
        "/restes/",
        "/lots/",
        f"/lots/{lot.pk}/",
        f"/lots/{lot.pk}/pain001/",
        "/releves/",
        f"/rapprochement/{comptes['BANQUE'].pk}/",
        "/arretes/",
    ]
    for lecteur in (auditeur, directrice):
        api.force_authenticate(lecteur)
        for chemin in lectures:
            assert api.get(URL + chemin).status_code == 200, (lecteur, chemin)
    assert api.get(f"{URL}/arretes/").json()["results"][0]["id"] == arrete.pk

    api.force_authenticate(auditeur)
    avant = instantane()
    actes = [
        ("/encaissements/", {"compte": "BANQUE", "moyen": "virement", "montant": "1.00",
                             "payeur": "X", "objet": "Y"}),
        (f"/encaissements/{enc.pk}/annuler/", {"motif": "Essai"}),
        (f"/encaissements/{enc.pk}/recu/", {}),
        ("/encaissements-sans-titre/", {}),
        ("/carnets/", {"type": "recu", "compte": "BANQUE", "serie": "X1"}),
        (f"/carnets/{carnet.pk}/clore/", {}),
        ("/lots/", {"ordres": [1], "compte": "EXECUTION"}),
        ("/arretes/", {"compte": "CAISSE", "comptage": {"500": 1}}),
        ("/releves/", {}),
        ("/lignes-releve/1/rapprocher/", {"lignes": [1]}),
        ("/rapprochements/1/defaire/", {}),
    ]  # fmt: skip
    for chemin, corps in actes:
        reponse = api.post(URL + chemin, corps, format="json")
        assert reponse.status_code == 403, (chemin, reponse.json())
        assert "agent comptable" in reponse.json()["message"], chemin
    assert instantane() == avant
    assert api.get(URL + "/comptes/").status_code == 200
    api.logout()
    assert api.get(URL + "/comptes/").status_code in (401, 403)


def test_carnets_ouvrir_et_clore(api, comptable, regisseur, comptes):
    api.force_authenticate(comptable)
    deja = api.post(
        f"{URL}/carnets/", {"type": "quittance", "compte": "CAISSE", "serie": "Q-B"}, format="json"
    )
    assert deja.status_code == 409 and "déjà un carnet" in deja.json()["message"]
    ouvert = Carnet.objects.get(type="quittance", compte=comptes["CAISSE"], clos_le__isnull=True)
    clos = api.post(f"{URL}/carnets/{ouvert.pk}/clore/")
    assert clos.status_code == 200 and clos.json()["ouvert"] is False
    assert clos.json()["clos_par"] == comptable.username
    assert api.post(f"{URL}/carnets/{ouvert.pk}/clore/").status_code == 409
    nouveau = api.post(
        f"{URL}/carnets/",
        {
            "type": "quittance",
            "compte": "CAISSE",
            "serie": "Q-B",
            "premier_numero": 501,
            "dernier_numero": 1000,
        },
        format="json",
    )
    assert nouveau.status_code == 201, nouveau.json()
    assert (nouveau.json()["titulaire"], nouveau.json()["dernier_utilise"]) == (
        comptable.username,
        500,
    )
    mauvais = api.post(
        f"{URL}/carnets/",
        {"type": "quittance", "compte": "BANQUE", "serie": "Q-C", "titulaire": "regisseur"},
        format="json",
    )
    assert mauvais.status_code == 400 and "caisse ou à une régie" in mauvais.json()["message"]
    inconnu = api.post(
        f"{URL}/carnets/",
        {"type": "recu", "compte": "BANQUE", "serie": "R-X", "titulaire": "personne"},
        format="json",
    )
    assert inconnu.status_code == 400 and "n'existe pas" in str(inconnu.json()["details"])
    ouverts = api.get(f"{URL}/carnets/", {"ouverts": "1", "compte": "CAISSE"}).json()
    assert [c["serie"] for c in ouverts["results"]] == ["Q-B"]


def test_restes_a_recouvrer_par_debiteur(api, directrice, comptable, auditeur, comptes):
    ordre = ordre_recette(
        directrice,
        comptable,
        [
            r.LigneDebiteur("Mme Martin", "assurée", "312.40"),
            r.LigneDebiteur("M. Dubois", "assuré", "88.10"),
        ],
    )
    api.force_authenticate(comptable)
    encaisser(
        api,
        compte="CAISSE",
        moyen="numeraire",
        payeur="Mme Martin",
        repartitions=[{"ligne": ordre.lignes.get(debiteur="Mme Martin").pk, "montant": "100.00"}],
    )
    api.force_authenticate(auditeur)
    etat = api.get(f"{URL}/restes/", {"exercice": AUJOURD_HUI.year}).json()
    assert {d["debiteur"]: d["reste"] for d in etat["debiteurs"]} == {
        "Mme Martin": "212.40",
        "M. Dubois": "88.10",
    }
    assert etat["totaux"]["reste"] == "300.50" and etat["totaux"]["recouvre"] == "100.00"
    assert etat["totaux"]["ecart_comptable"] == "0.00"
    assert api.get(f"{URL}/restes/", {"exercice": "1900"}).status_code == 400


# --- Paiements --------------------------------------------------------------------------


def test_un_lot_de_deux_ordres_payes_par_api(api, directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(
        directrice,
        comptable,
        credits,
        montant="310.55",
        creancier="Imprimerie du Centre",
        identifiant="",
    )
    api.force_authenticate(comptable)
    reponse = api.post(
        f"{URL}/lots/", {"ordres": [a.pk, b.pk], "compte": "EXECUTION"}, format="json"
    )
    assert reponse.status_code == 201, reponse.json()
    lot = reponse.json()
    assert (lot["nombre"], lot["total"], lot["moyen"]) == (2, "1510.55", "virement")
    assert {p["ordre"] for p in lot["paiements"]} == {a.pk, b.pk}
    for ordre in (a, b):
        assert api.get(f"/api/ordres-depense/{ordre.pk}/").json()["etat"] == "paye"
    assert solde("5121") == Decimal("-1510.55")

    fichier = api.get(lot["pain001"])
    assert fichier.status_code == 200 and fichier["Content-Type"] == "application/xml"
    assert lot["message_id"] in fichier["Content-Disposition"]
    valider_pain001(fichier.content)
    assert b'<InstdAmt Ccy="EUR">310.55</InstdAmt>' in fichier.content
    assert api.get(f"{URL}/lots/{lot['id']}/").json() == lot

    avant = instantane()
    encore = api.post(f"{URL}/lots/", {"ordres": [b.pk], "compte": "EXECUTION"}, format="json")
    assert encore.status_code == 409, encore.json()
    assert "déjà payé" in encore.json()["message"]
    vide = api.post(f"{URL}/lots/", {"ordres": [], "compte": "EXECUTION"}, format="json")
    assert vide.status_code == 400 and "au moins" in str(vide.json()["details"]["ordres"])
    inconnu = api.post(f"{URL}/lots/", {"ordres": [999999], "compte": "EXECUTION"}, format="json")
    assert inconnu.status_code == 400 and "n'existe pas" in inconnu.json()["message"]
    assert instantane() == avant


def test_un_lot_par_cheque_n_a_pas_de_fichier(api, directrice, comptable, comptes, credits):
    ordre = ordre_vise(directrice, comptable, credits)
    api.force_authenticate(comptable)
    interdit = api.post(
        f"{URL}/lots/", {"ordres": [ordre.pk], "compte": "ENCAISSEMENT"}, format="json"
    )
    assert interdit.status_code == 400 and "compte spécial" in interdit.json()["message"]
    lot = api.post(
        f"{URL}/lots/", {"ordres": [ordre.pk], "compte": "BANQUE", "moyen": "cheque"}, format="json"
    ).json()
    assert lot["pain001"] is None
    absent = api.get(f"{URL}/lots/{lot['id']}/pain001/")
    assert absent.status_code == 404 and "pas de fichier" in absent.json()["message"]


# --- Arrêté de caisse --------------------------------------------------------------------


def test_un_arrete_avec_un_manquant_met_un_debet_au_429(api, comptable, comptes):
    api.force_authenticate(comptable)
    encaisser(api, compte="CAISSE", moyen="numeraire", montant="100.00")
    avant = instantane()
    for comptage, message in (
        ({"abc": 1}, "n'est pas une coupure"),
        ({"sNaN": 1}, "n'est pas une coupure"),
        ({"7": 1}, "n'est pas une coupure"),
        ({"50": -1}, "négatif"),
        ({"50": "deux"}, "entier"),
    ):
        refus = api.post(
            f"{URL}/arretes/", {"compte": "CAISSE", "comptage": comptage}, format="json"
        )
        assert refus.status_code == 400, refus.json()
        assert message in str(refus.json()), refus.json()
    assert instantane() == avant

    reponse = api.post(
        f"{URL}/arretes/",
        {
            "compte": "CAISSE",
            "comptage": {"50": 1, "20": 2, "5": 1, "0.50": 3},
            "observations": "Comptage contradictoire",
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    arrete = reponse.json()
    assert (arrete["total_compte"], arrete["solde_comptable"], arrete["ecart"]) == (
        "96.50",
        "100.00",
        "-3.50",
    )
    assert arrete["nature_ecart"] == "manquant"
    [debet] = Ligne.objects.filter(compte__numero="4722")
    assert (debet.debit, debet.ecriture_id) == (Decimal("3.50"), arrete["ecriture"])
    assert "agent comptable" in debet.tiers
    assert solde("531") == Decimal("96.50")
    comptes_api = {c["code"]: c for c in api.get(f"{URL}/comptes/").json()["results"]}
    assert comptes_api["CAISSE"]["solde_comptable"] == "96.50"
    deux_fois = api.post(
        f"{URL}/arretes/", {"compte": "CAISSE", "comptage": {"50": 1}}, format="json"
    )
    assert deux_fois.status_code == 409 and "déjà arrêtée" in deux_fois.json()["message"]


# --- Relevés et rapprochement -------------------------------------------------------------


def releve_des_livres(compte_numero, *, iban, identifiant, en_plus=()):
    """The bank's view of the book lines of an account: each transfer of a batch
    on its own line, each other book line as it is; opening balance zero."""
    lignes = []
    for lg in (
        Ligne.objects.filter(compte__numero=compte_numero).select_related("ecriture").order_by("id")
    ):
        lot = LotPaiement.objects.filter(ecriture=lg.ecriture_id).first()
        if lot is not None:
            lignes += [
                camt.LigneReleve(
                    date_operation=lg.ecriture.date,
                    date_valeur=None,
                    montant=p.montant,
                    sens="debit",
                    libelle=f"Virement {p.beneficiaire}",
                    reference=p.bout_en_bout,
                    reference_banque=f"B{p.pk}",
                    contrepartie=p.beneficiaire,
                )
                for p in lot.paiements.all()
            ]
            continue
        lignes.append(
            camt.LigneReleve(
                date_operation=lg.ecriture.date,
                date_valeur=None,
                montant=lg.debit or lg.credit,
                sens="credit" if lg.debit else "debit",
                libelle=lg.ecriture.libelle[:140],
                reference=lg.ecriture.piece[:35],
                reference_banque=f"E{lg.pk}",
                contrepartie="",
            )
        )
    lignes += list(en_plus)
    cloture = sum(
        (lg.montant if lg.sens == "credit" else -lg.montant for lg in lignes), Decimal("0.00")
    )
    return camt.ecrire_camt053(
        camt.Releve(
            format="camt.053",
            identifiant=identifiant,
            iban=iban,
            date_debut=AUJOURD_HUI,
            date_fin=AUJOURD_HUI,
            solde_ouverture=Decimal("0.00"),
            solde_cloture=cloture,
            lignes=tuple(lignes),
        ),
        message_id=f"MSG-{identifiant}",
    )


def test_un_releve_importe_se_rapproche_des_livres(
    api, directrice, comptable, auditeur, comptes, credits
):
    banque = comptes["BANQUE"]
    api.force_authenticate(comptable)
    encaisser(api, montant="5000.00", payeur="SARL Dupré", reference="VIR-0012")
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90", identifiant="")
    api.post(f"{URL}/lots/", {"ordres": [a.pk, b.pk], "compte": "BANQUE"}, format="json")
    frais = camt.LigneReleve(
        date_operation=AUJOURD_HUI,
        date_valeur=None,
        montant=Decimal("12.30"),
        sens="debit",
        libelle="Frais de tenue de compte",
        reference="",
        reference_banque="FRAIS-1",
        contrepartie="",
    )
    contenu = releve_des_livres("5122", iban=banque.iban, identifiant="REL-1", en_plus=[frais])

    reponse = api.post(
        f"{URL}/releves/",
        {"compte": "BANQUE", "fichier": SimpleUploadedFile("releve.xml", contenu)},
        format="multipart",
    )
    assert reponse.status_code == 201, reponse.json()
    releve = reponse.json()
    assert (releve["nombre_lignes"], releve["lignes_rapprochees"]) == (4, 3)
    etats = {lg["reference_banque"]: lg for lg in releve["lignes"]}
    assert etats.pop("FRAIS-1")["etat"] == "a_rapprocher"
    assert {lg["etat"] for lg in etats.values()} == {"rapprochee"}
    assert {lg["rapprochement"]["mode"] for lg in etats.values()} == {"automatique"}
    assert releve["solde_cloture"] == "3687.80"

    explique = api.post(
        f"{URL}/lignes-releve/{_ligne(releve, 'FRAIS-1')['id']}/expliquer/",
        {"explication": "Frais à passer en écriture"},
        format="json",
    )
    assert explique.status_code == 201 and explique.json()["etat"] == "expliquee"

    api.force_authenticate(auditeur)
    etat = api.get(f"{URL}/rapprochement/{banque.pk}/").json()
    assert etat["releve"]["identifiant"] == "REL-1"
    assert (etat["solde_comptable"], etat["solde_bancaire"], etat["ecart"]) == (
        "3700.10",
        "3687.80",
        "0.00",
    )
    assert etat["ecritures_non_rapprochees"] == []
    assert [lg["reference_banque"] for lg in etat["releve_explique"]] == ["FRAIS-1"]
    detail = api.get(f"{URL}/releves/{releve['id']}/").json()
    assert sorted(lg["etat"] for lg in detail["lignes"]) == ["expliquee"] + ["rapprochee"] * 3

    # Undo the receipt's match, then match it again by hand.
    api.force_authenticate(comptable)
    recette = next(lg for lg in releve["lignes"] if lg["sens"] == "credit")
    defait = api.post(f"{URL}/rapprochements/{recette['rapprochement']['id']}/defaire/")
    assert defait.status_code == 200 and defait.json()["etat"] == "a_rapprocher"
    ecart = api.get(f"{URL}/rapprochement/{banque.pk}/").json()
    assert [lg["debit"] for lg in ecart["ecritures_non_rapprochees"]] == ["5000.00"]
    assert ecart["ecart"] == "0.00"
    livre = Ligne.objects.get(compte__numero="5122", debit=Decimal("5000.00"))
    autre = Ligne.objects.filter(ecriture=livre.ecriture).exclude(pk=livre.pk).first()
    avant = instantane()
    faux = api.post(
        f"{URL}/lignes-releve/{recette['id']}/rapprocher/", {"lignes": [autre.pk]}, format="json"
    )
    assert faux.status_code == 400 and "ne porte pas sur le compte 5122" in faux.json()["message"]
    assert instantane() == avant
    refait = api.post(
        f"{URL}/lignes-releve/{recette['id']}/rapprocher/", {"lignes": [livre.pk]}, format="json"
    )
    assert refait.status_code == 201, refait.json()
    assert refait.json()["rapprochement"]["mode"] == "manuel"
    assert refait.json()["rapprochement"]["lignes_ecriture"] == [livre.pk]
    deux_fois = api.post(
        f"{URL}/lignes-releve/{recette['id']}/rapprocher/", {"lignes": [livre.pk]}, format="json"
    )
    assert deux_fois.status_code == 409 and "déjà rapprochée" in deux_fois.json()["message"]

    encore = api.post(
        f"{URL}/releves/",
        {"compte": "BANQUE", "fichier": SimpleUploadedFile("releve.xml", contenu)},
        format="multipart",
    )
    assert encore.status_code == 409 and "déjà été importé" in encore.json()["message"]
    assert api.get(f"{URL}/releves/", {"compte": "BANQUE"}).json()["count"] == 1


def _ligne(releve, reference_banque):
    return next(lg for lg in releve["lignes"] if lg["reference_banque"] == reference_banque)


def test_un_fichier_qui_n_est_pas_un_releve_est_refuse_en_francais(
    api, directrice, comptable, comptes, credits
):
    api.force_authenticate(comptable)
    ordre = ordre_vise(directrice, comptable, credits)
    lot = api.post(f"{URL}/lots/", {"ordres": [ordre.pk], "compte": "BANQUE"}, format="json")
    pain = api.get(lot.json()["pain001"]).content
    avant = instantane()
    for nom, contenu, solde_ouverture in (
        ("virements.xml", pain, ""),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "0.00"),
        ("releve.csv", b"", "0.00"),
    ):
        reponse = api.post(
            f"{URL}/releves/",
            {
                "compte": "BANQUE",
                "fichier": SimpleUploadedFile(nom, contenu),
                "solde_ouverture": solde_ouverture,
            },
            format="multipart",
        )
        assert reponse.status_code == 400, (nom, reponse.json())
        erreur = reponse.json()
        assert erreur["message"] and erreur["code"] in ("donnee_invalide", "montant_invalide")
        texte = erreur["message"] + str(erreur["details"])
        assert any(mot in texte for mot in ("relevé", "fichier", "vide")), texte
    sans_fichier = api.post(f"{URL}/releves/", {"compte": "BANQUE"}, format="multipart")
    assert sans_fichier.status_code == 400 and "fichier" in sans_fichier.json()["details"]
    caisse = api.post(
        f"{URL}/releves/",
        {"compte": "CAISSE", "fichier": SimpleUploadedFile("r.xml", pain)},
        format="multipart",
    )
    assert caisse.status_code == 400 and "pas un compte bancaire" in caisse.json()["message"]
    assert instantane() == avant


# --- Encaissements sans titre et régularisation -----------------------------------------


def test_encaissement_sans_titre_puis_regularisation_par_la_directrice(
    api, directrice, comptable, comptes
):
    api.force_authenticate(comptable)
    reponse = api.post(
        f"{URL}/encaissements-sans-titre/",
        {
            "compte": "BANQUE",
            "moyen": "virement",
            "montant": "650.00",
            "payeur": "M. Lefèvre",
            "objet": "Loyer du logement de fonction",
            "compte_produit": "7585",
            "nature_recette": "autre",
            "reference": "LOYER-03",
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    assert reponse.json()["sans_titre"] is True and reponse.json()["compte_produit"] == "7585"
    assert solde("4713", "M. Lefèvre") == Decimal("-650.00")

    periode = {"annee": AUJOURD_HUI.year, "mois": AUJOURD_HUI.month}
    refus = api.post(f"{URL}/regularisations/", periode, format="json")
    assert refus.status_code == 403, refus.json()
    assert refus.json()["message"] == (
        "Seul l'ordonnateur prépare l'ordre de recette qui régularise les encaissements sans titre."
    )

    # The edge asks the droit first; the directrice's bad month is then refused.
    api.force_authenticate(directrice)
    assert api.post(f"{URL}/regularisations/", {"annee": 2026, "mois": 13}, format="json").json()[
        "details"
    ]["mois"] == ["Le mois va de 1 à 12."]
    prepare = api.post(f"{URL}/regularisations/", periode, format="json")
    assert prepare.status_code == 201, prepare.json()
    [ordre] = prepare.json()
    assert (ordre["etat"], ordre["montant"], ordre["compte_tiers"]) == (
        "brouillon",
        "650.00",
        "4713",
    )
    assert Encaissement.objects.get().regularise_par_id == ordre["id"]
    encore = api.post(f"{URL}/regularisations/", periode, format="json")
    assert encore.status_code == 409 and "Aucun encaissement" in encore.json()["message"]


# --- Quittance en PDF, schéma ---------------------------------------------------------------


@pytest.mark.skipif(
    importlib.util.find_spec("tresorerie.pdf") is None, reason="tresorerie.pdf pas encore écrit"
)
def test_la_quittance_en_pdf(api, comptable, auditeur, comptes):
    api.force_authenticate(comptable)
    enc = encaisser(api, compte="CAISSE", moyen="numeraire", montant="35.00").json()
    api.force_authenticate(auditeur)
    pdf = api.get(enc["documents"][0]["pdf"])
    assert pdf.status_code == 200, pdf.content[:200]
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_le_schema_openapi_decrit_la_tresorerie(api, auditeur):
    api.force_authenticate(auditeur)
    chemins = api.get("/api/schema/", {"format": "json"}).json()["paths"]
    for chemin in (
        "comptes/",
        "carnets/",
        "carnets/{id}/clore/",
        "encaissements/",
        "encaissements/{id}/",
        "encaissements/{id}/affecter/",
        "encaissements/{id}/rembourser/",
        "encaissements/{id}/recu/",
        "encaissements/{id}/annuler/",
        "encaissements-sans-titre/",
        "regularisations/",
        "quittances/",
        "quittances/{id}/",
        "quittances/{id}/pdf/",
        "restes/",
        "lots/",
        "lots/{id}/",
        "lots/{id}/pain001/",
        "releves/",
        "releves/{id}/",
        "lignes-releve/{id}/rapprocher/",
        "lignes-releve/{id}/expliquer/",
        "rapprochements/{id}/defaire/",
        "rapprochement/{compte_pk}/",
        "arretes/",
    ):
        assert f"{URL}/{chemin}" in chemins, chemin


def test_virement_interne_et_frais_du_compte_special_par_api(
    api, comptable, auditeur, comptes, exercice
):
    api.force_authenticate(auditeur)
    avant = instantane()
    refus = api.post(
        "/api/tresorerie/virements/",
        {"de": "ENCAISSEMENT", "vers": "CDC", "montant": "10.00"},
        format="json",
    )
    assert refus.status_code == 403 and instantane() == avant
    api.force_authenticate(comptable)
    # the compte spécial holds nothing yet: no money leaves it
    vide = api.post(
        "/api/tresorerie/virements/",
        {"de": "ENCAISSEMENT", "vers": "CDC", "montant": "10.00"},
        format="json",
    )
    assert vide.status_code == 409 and vide.json()["code"] == "solde_insuffisant"
    assert vide.json()["message"].startswith(
        "Le compte « Compte spécial d'encaissement des cotisations » (5123) ne peut pas payer ce "
        "virement : solde comptable 0,00\u00a0€, virement 10,00\u00a0€."
    )
    assert instantane() == avant
    # once cotisations are received on it, its nivellement to the Caisse des dépôts goes
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="TR",
        date=AUJOURD_HUI,
        libelle="Cotisations reçues en attente d'affectation",
        lignes=[
            LigneSaisie("5123", debit=Decimal("25.00")),
            LigneSaisie("4711", credit=Decimal("25.00")),
        ],
    )
    reponse = api.post(
        "/api/tresorerie/virements/",
        {"de": "ENCAISSEMENT", "vers": "CDC", "montant": "10.00"},
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    assert reponse.json()["ecriture"].startswith("TR-")
    assert solde("515") == Decimal("10.00") and solde("5123") == Decimal("15.00")
    refus = api.post(
        "/api/tresorerie/virements/",
        {"de": "BANQUE", "vers": "ENCAISSEMENT", "montant": "10.00"},
        format="json",
    )
    assert refus.status_code == 400 and "cotisations" in refus.json()["message"]
    frais = api.post(
        "/api/tresorerie/frais/",
        {"compte": "ENCAISSEMENT", "montant": "3.20", "libelle": "Commission"},
        format="json",
    )
    assert frais.status_code == 201
    assert solde("627") == Decimal("3.20") and solde("5122") == Decimal("-3.20")
