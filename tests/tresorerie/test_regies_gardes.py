"""Régies, remaining defects (issue 13, point 6): the cheques the régisseur
holds counted in his arrêté and in the control report; PostgreSQL keeps the
expenses, statements of expenses and remittances as recorded (LG375-LG377,
and the application's role); the account follows the régie's régisseur, and
is closed with it; the agent comptable opens the account of a new régie."""

import datetime
import html
from decimal import Decimal

import pytest
from django.db import connection
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant
from core.models import JournalAudit
from ledger.models import Compte
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI
from tests.tresorerie.test_regies import (  # noqa: F401 (fixture)
    creer_regie,
    encaisser,
    regie_avances,
)
from tests.tresorerie.test_regies_pages import texte_pdf
from tresorerie import services as t
from tresorerie.models import (
    CompteDisponibilite,
    DepenseRegie,
    EtatDepensesRegie,
    Regie,
    VersementRegie,
)
from tresorerie.services import regies as sr
from tresorerie.services import regies_caisse as rc

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def regie(directrice, comptable, comptes):
    return creer_regie(directrice, comptable, comptes["REGIE"])


def api(utilisateur) -> APIClient:
    client = APIClient()
    client.force_authenticate(utilisateur)
    return client


def liste(reponse) -> list:
    assert reponse.status_code == 200, reponse.content
    donnees = reponse.json()
    return donnees["results"] if isinstance(donnees, dict) else donnees


def cheque(regisseur, regie, montant="50.00", payeur="M. Caron"):
    return rc.regie_encaisser(
        acting_user=regisseur,
        regie=regie,
        operation=regie.operations.filter(sens="recette").order_by("libelle")[0],
        montant=montant,
        payeur=payeur,
        objet="Duplicatas",
        moyen="cheque",
        reference="Chèque n° 7654321",
    )


# --- 1. Les chèques détenus se comptent ---------------------------------------------------


def test_un_cheque_compte_exactement_ne_fait_pas_de_deficit(client, regisseur, regie):
    encaisser(regisseur, regie, "40.00")
    cheque(regisseur, regie, "50.00")
    assert [(c.encaissement.payeur, c.montant) for c in sr.cheques_non_verses(regie)] == [
        ("M. Caron", Decimal("50.00"))
    ]
    arrete = rc.regie_arreter(
        acting_user=regisseur, regie=regie, comptage={"20": 2}, cheques="50,00"
    )
    assert (arrete.total_compte, arrete.cheques_comptes, arrete.cheques_non_verses) == (
        Decimal("40.00"),
        Decimal("50.00"),
        Decimal("50.00"),
    )
    assert (arrete.encaisse_theorique, arrete.ecart, arrete.nature_ecart) == (
        Decimal("90.00"),
        Decimal("0.00"),
        "concordance",
    )
    client.force_login(regisseur)
    texte = texte_pdf(client.get(f"/tresorerie/regies/arretes/{arrete.pk}/pdf/").content)
    assert "Chèques détenus" in texte and "M. Caron" in texte and "Chèque n° 7654321" in texte
    assert "Total des chèques comptés" in texte
    assert "Chèques comptés 50,00 €" in texte and "Total compté (espèces et 90,00 €" in texte
    assert "Écart (compté − théorique) 0,00 €" in texte
    csv = client.get(f"/tresorerie/regies/{regie.pk}/arretes.csv").content.decode()
    assert "Journée;Espèces comptées;Chèques comptés;Encaisse théorique;Écart;Nature" in csv
    assert "40,00;50,00;90,00;0,00;concordance" in csv


def test_un_cheque_non_compte_se_montre_en_manquant(regisseur, regie):
    encaisser(regisseur, regie, "40.00")
    cheque(regisseur, regie, "50.00")
    arrete = rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={"20": 2})
    assert (arrete.cheques_comptes, arrete.cheques_non_verses, arrete.ecart) == (
        Decimal("0.00"),
        Decimal("50.00"),
        Decimal("-50.00"),
    )
    assert arrete.nature_ecart == "manquant"


def test_les_cheques_deja_verses_ne_sont_plus_detenus(regisseur, regie, horloge):
    encaisser(regisseur, regie, "40.00")
    cheque(regisseur, regie, "50.00")
    # the cash goes out in the order it came in: the 40 € first, then 20 € of the cheque
    rc.regie_verser(acting_user=regisseur, regie=regie, montant="60.00")
    assert [c.montant for c in sr.cheques_non_verses(regie)] == [Decimal("30.00")]
    with pytest.raises(DonneeInvalide, match="Le total des chèques comptés"):
        rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={}, cheques="-3")
    arrete = rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={}, cheques="30")
    assert (arrete.encaisse_theorique, arrete.ecart) == (Decimal("30.00"), Decimal("0.00"))


def test_le_controle_compte_les_cheques_sur_une_ligne_a_part(client, regisseur, regie, comptable):
    encaisser(regisseur, regie, "40.00")
    cheque(regisseur, regie, "50.00")
    with pytest.raises(DonneeInvalide) as refus:
        rc.regie_controler(
            acting_user=comptable, regie=regie, especes_comptees="40", conclusion="conforme"
        )
    assert "Les espèces et les chèques comptés (40,00" in str(refus.value)
    controle = rc.regie_controler(
        acting_user=comptable,
        regie=regie,
        especes_comptees="40",
        cheques_comptes="50",
        conclusion="conforme",
    )
    assert (controle.especes_comptees, controle.cheques_comptes, controle.ecart) == (
        Decimal("40.00"),
        Decimal("50.00"),
        Decimal("0.00"),
    )
    assert controle.cheques_non_verses == Decimal("50.00")
    client.force_login(comptable)
    page = html.unescape(client.get(f"/tresorerie/regies/{regie.pk}/").content.decode())
    assert "Chèques détenus par le régisseur, comptés (€)" in page
    assert "Chèques encaissés et non encore versés, selon les écritures" in page
    texte = texte_pdf(client.get(f"/tresorerie/regies/controles/{controle.pk}/pdf/").content)
    assert "Chèques comptés" in texte and "M. Caron" in texte
    reponse = api(comptable).post(
        f"/api/tresorerie/regies/{regie.pk}/controler/",
        {"especes_comptees": "40", "cheques_comptes": "50", "conclusion": "conforme"},
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    assert (reponse.json()["cheques_comptes"], reponse.json()["ecart"]) == ("50.00", "0.00")


def test_l_arrete_par_les_pages_et_l_api_compte_les_cheques(client, regisseur, regie):
    cheque(regisseur, regie, "50.00")
    reponse = api(regisseur).post(
        f"/api/tresorerie/regies/{regie.pk}/arreter/",
        {"comptage": {}, "cheques": "50.00"},
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    assert (reponse.json()["cheques_comptes"], reponse.json()["ecart"]) == ("50.00", "0.00")


def test_le_formulaire_d_arrete_liste_les_cheques_detenus(client, regisseur, regie):
    cheque(regisseur, regie, "50.00")
    client.force_login(regisseur)
    page = html.unescape(client.get(f"/tresorerie/regies/{regie.pk}/").content.decode())
    assert "Total des chèques détenus, comptés (€)" in page
    assert "M. Caron" in page and "Chèque n° 7654321" in page


# --- 2. La base fige les dépenses, les états et les versements -----------------------------


def _depenses_et_etat(regie, comptable, comptes):
    collegue = regie.regisseur
    rc.regie_avance(acting_user=comptable, regie=regie, montant="200.00", source=comptes["CAISSE"])
    timbres = regie.operations.get(libelle="Timbres")
    for montant in ("45.00", "10.00"):
        rc.regie_depenser(
            acting_user=collegue,
            regie=regie,
            operation=timbres,
            montant=montant,
            beneficiaire="La Poste",
            objet="Timbres",
            piece=f"Ticket {montant}",
        )
    return rc.regie_etat_depenses(acting_user=collegue, regie=regie)


def test_la_base_fige_les_depenses_et_l_etat_des_depenses(regie_avances, comptable, comptes):  # noqa: F811
    etat = _depenses_et_etat(regie_avances, comptable, comptes)
    assert DepenseRegie.objects.filter(etat_depenses=etat).count() == 2
    refus_sql(
        lambda cur: cur.execute("UPDATE tresorerie_depenseregie SET montant = 1"),
        "Une dépense payée par le régisseur ne se modifie pas",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE tresorerie_depenseregie SET piece = 'autre'"),
        "Une dépense payée par le régisseur ne se modifie pas",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM tresorerie_depenseregie"),
        "Une dépense payée par le régisseur ne se supprime pas",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE tresorerie_depenseregie SET etat_depenses_id = NULL"),
        "Une dépense portée sur un état des dépenses y reste",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE tresorerie_etatdepensesregie SET total = 1"),
        "Un état des dépenses de régie ne se modifie pas",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_etatdepensesregie SET admis_le = %s", [D(2026, 6, 15)]
        ),
        "L'admission d'un état des dépenses porte sa date, l'agent comptable",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM tresorerie_etatdepensesregie"),
        "Un état des dépenses de régie ne se supprime pas",
    )
    rc.regie_etat_admettre(acting_user=comptable, etat=etat, observations="Pièces vues")
    refus_sql(
        lambda cur: cur.execute("UPDATE tresorerie_etatdepensesregie SET observations = 'x'"),
        "L'état des dépenses a été admis le 15/06/2026 : son admission ne se modifie plus",
    )
    autre = rc.regie_depenser(
        acting_user=regie_avances.regisseur,
        regie=regie_avances,
        operation=regie_avances.operations.get(libelle="Timbres"),
        montant="5.00",
        beneficiaire="La Poste",
        objet="Timbre",
        piece="Ticket 5",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_depenseregie SET etat_depenses_id = %s WHERE id = %s",
            [etat.pk, autre.pk],
        ),
        "Une dépense ne se porte que sur un état des dépenses de sa régie, pas encore admis.",
    )
    etat.refresh_from_db()
    assert (etat.total, etat.admis_par, etat.observations) == (
        Decimal("55.00"),
        comptable,
        "Pièces vues",
    )


def test_la_base_ne_supprime_ni_ne_modifie_un_versement(regisseur, regie, comptable, comptes):
    encaisser(regisseur, regie, "40.00")
    versement = rc.regie_verser(acting_user=regisseur, regie=regie)
    refus_sql(
        lambda cur: cur.execute("DELETE FROM tresorerie_versementregie"),
        "Le versement d'une régie ne se supprime pas",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE tresorerie_versementregie SET montant = 1"),
        "Le versement remis par le régisseur ne se modifie pas",
    )
    rc.regie_versement_recevoir(
        acting_user=comptable, versement=versement, destination=comptes["CAISSE"]
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM tresorerie_versementregie"),
        "Le versement d'une régie ne se supprime pas",
    )
    assert VersementRegie.objects.get().montant == Decimal("40.00")


def test_sous_le_role_applicatif_les_actes_passent_et_rien_ne_change(
    regie_avances,  # noqa: F811
    regisseur,
    regie,
    comptable,
    comptes,
):
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        etat = _depenses_et_etat(regie_avances, comptable, comptes)
        rc.regie_etat_admettre(acting_user=comptable, etat=etat)
        encaisser(regisseur, regie, "40.00")
        cheque(regisseur, regie, "50.00")
        versement = rc.regie_verser(acting_user=regisseur, regie=regie, montant="40.00")
        rc.regie_versement_recevoir(
            acting_user=comptable, versement=versement, destination=comptes["CAISSE"]
        )
        rc.regie_controler(
            acting_user=comptable,
            regie=regie,
            especes_comptees="0",
            cheques_comptes="50",
            conclusion="conforme",
        )
        rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={}, cheques="50")
        for sql in (
            "UPDATE tresorerie_depenseregie SET montant = 1",
            "DELETE FROM tresorerie_depenseregie",
            "UPDATE tresorerie_etatdepensesregie SET total = 1",
            "DELETE FROM tresorerie_etatdepensesregie",
            "UPDATE tresorerie_versementregie SET montant = 1",
            "DELETE FROM tresorerie_versementregie",
            "TRUNCATE tresorerie_versementregie CASCADE",
        ):
            refus_sql(lambda cur, sql=sql: cur.execute(sql), "permission denied")
        # the columns it may set are still held by the triggers
        refus_sql(
            lambda cur: cur.execute("UPDATE tresorerie_etatdepensesregie SET observations = 'x'"),
            "son admission ne se modifie plus",
        )
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    assert EtatDepensesRegie.objects.get().admis_par == comptable
    assert VersementRegie.objects.get().etat == VersementRegie.Etat.RECU
    assert sorted(DepenseRegie.objects.values_list("montant", flat=True)) == [
        Decimal("10.00"),
        Decimal("45.00"),
    ]


# --- 3. Le compte suit le régisseur de la régie, et se ferme avec elle ----------------------


def test_la_decision_audite_le_regisseur_donne_au_compte(directrice, comptable, regisseur, comptes):
    compte = comptes["REGIE"]
    CompteDisponibilite.objects.filter(pk=compte.pk).update(regisseur=None)
    compte.refresh_from_db()
    regie = creer_regie(directrice, comptable, compte, regisseur=regisseur)
    compte.refresh_from_db()
    assert compte.regisseur == regisseur
    ligne = JournalAudit.objects.get(acte="tresorerie.compte_regisseur")
    assert (ligne.acteur, ligne.objet_id) == (directrice, str(compte.pk))
    assert ligne.avant == {"regisseur": None}
    assert ligne.apres["regisseur"] == "regisseur" and ligne.apres["regie"] == regie.pk


def test_la_fin_de_la_regie_ferme_son_compte_et_l_ancien_regisseur_ne_le_voit_plus(
    client, directrice, comptable, regisseur, regie, comptes
):
    encaisser(regisseur, regie, "40.00")
    versement = rc.regie_verser(acting_user=regisseur, regie=regie)
    rc.regie_versement_recevoir(
        acting_user=comptable, versement=versement, destination=comptes["CAISSE"]
    )
    client.force_login(regisseur)
    assert "Mme Durand" in client.get("/tresorerie/encaissements/").content.decode()
    assert len(liste(api(regisseur).get("/api/tresorerie/encaissements/"))) == 1
    assert [c["code"] for c in liste(api(regisseur).get("/api/tresorerie/comptes/"))] == ["REGIE"]
    sr.regie_fermer(acting_user=directrice, regie=regie, le=AUJOURD_HUI, reference="D-2026-30")
    compte = CompteDisponibilite.objects.get(pk=comptes["REGIE"].pk)
    assert (compte.regisseur, compte.actif) == (None, False)
    ligne = JournalAudit.objects.get(acte="tresorerie.compte_regie_clos")
    assert ligne.avant == {"regisseur": "regisseur", "actif": True}
    assert ligne.apres["reference"] == "D-2026-30"
    assert client.get("/tresorerie/encaissements/").status_code == 403
    assert liste(api(regisseur).get("/api/tresorerie/encaissements/")) == []
    assert liste(api(regisseur).get("/api/tresorerie/comptes/")) == []


# --- 4. L'agent comptable ouvre le compte d'une nouvelle régie -----------------------------


def test_l_agent_comptable_ouvre_le_compte_d_une_regie_au_numero_suivant(
    directrice, comptable, regisseur, regie, comptes
):
    assert not Compte.objects.filter(numero="5411").exists()
    compte = t.compte_regie_ouvrir(acting_user=comptable, libelle="Régie de l'antenne")
    assert (compte.compte.numero, compte.code, compte.nature, compte.regisseur) == (
        "5411",
        "REGIE-5411",
        "regie",
        None,
    )
    assert compte.compte.parent.numero == "541" and compte.compte.classe == 5
    assert compte.ouvert_le == AUJOURD_HUI and compte.actif
    assert JournalAudit.objects.filter(
        acte="tresorerie.compte_regie_au_plan", objet_id=str(compte.compte.pk)
    ).exists()
    assert JournalAudit.objects.filter(acte="tresorerie.compte_ouvert", objet_id=str(compte.pk))
    suivant = t.compte_regie_ouvrir(acting_user=comptable, libelle="Régie du site nord")
    assert suivant.compte.numero == "5412"
    # the directrice draws a régie up on it
    nouvelle = creer_regie(
        directrice, comptable, compte, regisseur=regisseur, libelle="Régie de l'antenne"
    )
    assert nouvelle.etat == Regie.Etat.CREEE
    assert CompteDisponibilite.objects.get(pk=compte.pk).regisseur == regisseur


def test_l_ouverture_du_compte_d_une_regie_refusee(directrice, regisseur, comptable, comptes):
    for qui in (directrice, regisseur):
        with pytest.raises(DroitInsuffisant, match="ouvrir le compte d'une régie"):
            t.compte_regie_ouvrir(acting_user=qui, libelle="Régie X")
    for numero in ("531", "541", "5421", "54a"):
        with pytest.raises(DonneeInvalide, match="est une subdivision du compte 541"):
            t.compte_regie_ouvrir(acting_user=comptable, libelle="Régie X", numero=numero)
    t.compte_regie_ouvrir(acting_user=comptable, libelle="Régie X", numero="5415")
    with pytest.raises(DonneeInvalide, match="Le compte 5415 est déjà le compte de disponibilit"):
        t.compte_regie_ouvrir(acting_user=comptable, libelle="Régie Y", numero="5415")
    assert CompteDisponibilite.objects.filter(compte__numero="5415").count() == 1
    # numbered after the last 541x
    assert t.compte_regie_ouvrir(acting_user=comptable, libelle="Régie Z").compte.numero == "5416"


def test_l_ouverture_par_la_page_et_par_l_api(client, directrice, comptable, regisseur, comptes):
    client.force_login(directrice)
    page = html.unescape(client.get("/tresorerie/regies/").content.decode())
    assert 'id="titre-compte-regie"' not in page
    assert "par l'acte « Ouvrir le compte d'une régie » de la page des régies" in page  # help
    assert client.post("/tresorerie/regies/compte/", {"libelle": "X"}).status_code == 403
    client.force_login(comptable)
    page = html.unescape(client.get("/tresorerie/regies/").content.decode())
    assert 'id="titre-compte-regie"' in page and 'for="id_compte_libelle"' in page
    reponse = client.post(
        "/tresorerie/regies/compte/",
        {"libelle": "Régie de l'antenne", "numero": "5412"},
        follow=True,
    )
    assert "Compte de régie 5412 « Régie de l'antenne » ouvert" in html.unescape(
        reponse.content.decode()
    )
    assert CompteDisponibilite.objects.filter(compte__numero="5412", nature="regie").exists()
    refus = api(directrice).post("/api/tresorerie/regies-comptes/", {"libelle": "Y"}, format="json")
    assert refus.status_code == 403
    assert "ouvrir le compte d'une régie" in str(refus.json())
    reponse = api(comptable).post(
        "/api/tresorerie/regies-comptes/", {"libelle": "Régie du site nord"}, format="json"
    )
    assert reponse.status_code == 201, reponse.json()
    assert (reponse.json()["code"], reponse.json()["nature"]) == ("REGIE-5413", "regie")
    refus = api(comptable).post(
        "/api/tresorerie/regies-comptes/", {"libelle": "Z", "numero": "5412"}, format="json"
    )
    assert refus.status_code == 400
    assert "Le compte 5412 est déjà le compte de disponibilités" in str(refus.json())
