"""Returns after the prober's findings (issue 15): the services run under the
application's role, the return's transaction is named with the server run
(a restored dump restarts transaction ids), an IBAN the bank returned for a
reason about the account receives no other transfer, an unknown state filter
is refused."""

import html
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, TransitionInterdite
from core.models import JournalAudit
from oppositions.banque import formater_iban
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tresorerie import services as t
from tresorerie.models import CorrectionCoordonnees, Paiement

pytestmark = pytest.mark.django_db

NOUVEL_IBAN = "FR7630004000031234567890143"
IBAN_ARCADES = "FR7610011000201234567890188"
ARCADES = "SCI Les Arcades"


@pytest.fixture
def role_applicatif():
    """Run what follows as the application's role (no UPDATE on append-only tables)."""

    def entrer():
        with connection.cursor() as cur:
            cur.execute("SET ROLE caisse_app")

    yield entrer
    with connection.cursor() as cur:
        cur.execute("RESET ROLE")


@pytest.fixture
def paye(directrice, comptable, comptes, credits):
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    return ordre, lot.paiements.get()


def test_retour_correction_et_nouveau_paiement_sous_le_role_applicatif(
    comptable, comptes, paye, role_applicatif
):
    ordre, paiement = paye
    role_applicatif()
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    correction = t.coordonnees_corriger(
        acting_user=comptable,
        retour=retour,
        iban=NOUVEL_IBAN,
        justification="RIB reçu par courrier le 12 juin",
    )
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    with connection.cursor() as cur:
        cur.execute("SELECT current_user")
        assert cur.fetchone()[0] == "caisse_app"
    assert correction.retour_id == retour.pk
    assert (lot.paiements.get().iban, lot.total) == (NOUVEL_IBAN, Decimal("1200.00"))
    ordre.refresh_from_db()
    assert ordre.etat == "paye"


def _vieillir(retour) -> None:
    """What a restored dump could one day produce: a return whose transaction
    id is the current transaction's, written by another server run."""
    with connection.cursor() as cur:
        # As the superuser, the append-only trigger set aside for this one row.
        cur.execute("SET session_replication_role = replica")
        cur.execute(
            "UPDATE tresorerie_retour SET tx_serveur = '-infinity' WHERE id = %s", [retour.pk]
        )
        cur.execute("SET session_replication_role = origin")


def test_un_retour_d_une_autre_execution_du_serveur_ne_depaie_pas(comptable, comptes, paye):
    ordre, paiement = paye
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    with connection.cursor() as cur:
        cur.execute(
            "SELECT transaction = txid_current(), tx_serveur = pg_postmaster_start_time()"
            " FROM tresorerie_retour WHERE id = %s",
            [retour.pk],
        )
        assert cur.fetchone() == (True, True)
    t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"], moyen="cheque")
    _vieillir(retour)

    def depayer(cur):
        cur.execute("SET ROLE caisse_app")
        cur.execute(
            "UPDATE depenses_ordredepense SET etat = 'vise', paye_le = NULL, paiement_moyen = '',"
            " paiement_reference = '', paye_par_id = NULL WHERE id = %s",
            [ordre.pk],
        )

    refus_sql(depayer, "il ne revient « visé » que si la banque a retourné un de ses virements")

    def depayer_credit(cur):
        cur.execute("SET ROLE caisse_app")
        cur.execute(
            "INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)"
            " SELECT id, 'paiement', -1200, %s, %s FROM budget_credit WHERE chapitre = '6064'",
            ["retour:" + paiement.bout_en_bout, comptable.pk],
        )

    refus_sql(depayer_credit, "ne s'annule que pour un virement retourné par la banque")
    ordre.refresh_from_db()
    assert ordre.etat == "paye"


@pytest.fixture
def arcades(directrice, comptable, comptes, credits):
    """SCI Les Arcades: one order paid by transfer and returned AC04 (compte
    clos), another visaed to the same IBAN."""
    premier = ordre_vise(
        directrice,
        comptable,
        credits,
        montant="800.00",
        creancier=ARCADES,
        identifiant="38899977700015",
        iban=IBAN_ARCADES,
        bic="PSSTFRPPXXX",
    )
    lot = t.lot_payer(acting_user=comptable, ordres=[premier], compte=comptes["BANQUE"])
    retour = t.paiement_retourner(acting_user=comptable, paiement=lot.paiements.get(), motif="AC04")
    second = ordre_vise(
        directrice,
        comptable,
        credits,
        montant="450.00",
        creancier=ARCADES,
        identifiant="38899977700015",
        iban=IBAN_ARCADES,
        bic="PSSTFRPPXXX",
    )
    return premier, retour, second


def test_un_iban_retourne_pour_compte_clos_ne_recoit_plus_de_virement(comptable, comptes, arcades):
    premier, retour, second = arcades
    ligne = second.lignes.get()
    with pytest.raises(DonneeInvalide) as refus:
        t.lot_payer(acting_user=comptable, ordres=[second], compte=comptes["BANQUE"])
    message = refus.value.message
    assert message == (
        f"Le virement de 450,00\xa0€ à {ARCADES} (ordre de dépense n° {second.reference}) irait "
        "sur le compte FR76 1001 1000 2012 3456 7890 188, que la banque a retourné le "
        f"{AUJOURD_HUI:%d/%m/%Y} (motif AC04 — compte clos, virement de l'ordre de dépense "
        f"n° {premier.reference}, retour n° {retour.pk}) : aucun virement ne part plus vers ce "
        f"compte. Payez cet ordre par chèque, ou obtenez de {ARCADES} de nouvelles coordonnées "
        "bancaires et enregistrez-les pour cette ligne (« Corriger les coordonnées », "
        f"/tresorerie/paiements/lignes/{ligne.pk}/coordonnees/)."
    )
    assert refus.value.details["comptes_retournes"][0]["retour"] == retour.pk
    assert not Paiement.objects.filter(ordre=second).exists()
    second.refresh_from_db()
    assert second.etat == "vise"
    cheque = t.lot_payer(
        acting_user=comptable, ordres=[second], compte=comptes["BANQUE"], moyen="cheque"
    )
    assert cheque.total == Decimal("450.00")
    second.refresh_from_db()
    assert second.etat == "paye"


def test_un_retour_sans_rapport_avec_le_compte_ne_bloque_pas_l_iban(
    directrice, comptable, comptes, credits
):
    premier = ordre_vise(directrice, comptable, credits, montant="100.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[premier], compte=comptes["BANQUE"])
    t.paiement_retourner(acting_user=comptable, paiement=lot.paiements.get(), motif="MS03")
    second = ordre_vise(directrice, comptable, credits, montant="50.00")
    with pytest.raises(
        DonneeInvalide, match="La banque n'a retourné aucun virement au compte FR76"
    ):
        t.coordonnees_corriger_ligne(
            acting_user=comptable,
            ligne=second.lignes.get(),
            iban=NOUVEL_IBAN,
            justification="RIB",
        )
    lot = t.lot_payer(acting_user=comptable, ordres=[second], compte=comptes["BANQUE"])
    assert lot.paiements.get().iban == premier.lignes.get().iban


def test_la_ligne_corrigee_se_paie_vers_le_nouveau_compte(comptable, comptes, arcades):
    premier, retour, second = arcades
    ligne = second.lignes.get()
    with pytest.raises(DonneeInvalide, match="aussi retourné un virement au compte FR76 1001"):
        t.coordonnees_corriger_ligne(
            acting_user=comptable, ligne=ligne, iban=IBAN_ARCADES, justification="RIB"
        )
    with pytest.raises(DonneeInvalide, match="justification de la correction est obligatoire"):
        t.coordonnees_corriger_ligne(
            acting_user=comptable, ligne=ligne, iban=NOUVEL_IBAN, justification=" "
        )
    # The returned order itself is corrected through its return, not its line.
    with pytest.raises(DonneeInvalide, match="corrigez ses coordonnées depuis ce retour"):
        t.coordonnees_corriger_ligne(
            acting_user=comptable,
            ligne=premier.lignes.get(),
            iban=NOUVEL_IBAN,
            justification="RIB",
        )
    correction = t.coordonnees_corriger_ligne(
        acting_user=comptable,
        ligne=ligne,
        iban="fr76 3000 4000 0312 3456 7890 143",
        bic="BNPAFRPPXXX",
        justification="Nouveau RIB de la SCI reçu le 14 juin",
    )
    assert (correction.retour_id, correction.ligne_id, correction.iban) == (
        None,
        ligne.pk,
        NOUVEL_IBAN,
    )
    assert JournalAudit.objects.filter(acte="tresorerie.coordonnees_ligne_corrigees").count() == 1
    lot = t.lot_payer(acting_user=comptable, ordres=[second], compte=comptes["BANQUE"])
    paiement = lot.paiements.get()
    assert (paiement.iban, paiement.bic, paiement.montant) == (
        NOUVEL_IBAN,
        "BNPAFRPPXXX",
        Decimal("450.00"),
    )
    assert NOUVEL_IBAN.encode() in bytes(lot.fichier)
    with pytest.raises(TransitionInterdite, match="ne se corrigent qu'avant son paiement"):
        t.coordonnees_corriger_ligne(
            acting_user=comptable, ligne=ligne, iban=NOUVEL_IBAN, justification="RIB"
        )


def test_la_correction_d_un_retour_refuse_un_autre_compte_retourne(
    directrice, comptable, comptes, credits, arcades
):
    ordre = ordre_vise(directrice, comptable, credits, montant="70.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    retour = t.paiement_retourner(acting_user=comptable, paiement=lot.paiements.get(), motif="MS03")
    with pytest.raises(DonneeInvalide, match="aucun virement ne part plus vers ce compte"):
        t.coordonnees_corriger(
            acting_user=comptable, retour=retour, iban=IBAN_ARCADES, justification="RIB"
        )
    assert not CorrectionCoordonnees.objects.filter(retour=retour).exists()


def test_la_ligne_se_corrige_par_page_et_par_api_et_sous_le_role(
    client, comptable, auditeur, comptes, arcades, role_applicatif
):
    _, retour, second = arcades
    ligne = second.lignes.get()
    client.force_login(comptable)
    adresse = reverse("tresorerie:ligne_coordonnees", args=[ligne.pk])
    fiche_retour = client.get(reverse("tresorerie:retour", args=[retour.pk])).content.decode()
    assert "Autres ordres visés vers ce compte" in fiche_retour
    assert f'href="{adresse}"' in fiche_retour and second.reference in fiche_retour
    fiche = client.get(adresse).content.decode()
    assert "aucun virement ne part plus vers ce compte" in fiche
    assert "Enregistrer la correction" in fiche
    reponse = client.post(
        reverse("tresorerie:ligne_coordonnees_corriger", args=[ligne.pk]),
        {"iban": NOUVEL_IBAN, "justification": "RIB reçu le 14 juin"},
    )
    assert (reponse.status_code, reponse["Location"]) == (302, adresse)
    api = APIClient()
    api.force_authenticate(auditeur)
    chemin = f"/api/tresorerie/lignes-depense/{ligne.pk}/corriger-coordonnees/"
    saisie = {"iban": "FR7630001007941234567890185", "justification": "Second RIB"}
    assert api.post(chemin, saisie, format="json").status_code == 403
    api.force_authenticate(comptable)
    role_applicatif()
    fait = api.post(chemin, saisie, format="json")
    assert fait.status_code == 200, fait.json()
    assert (fait.json()["iban"], fait.json()["ordre"]) == (saisie["iban"], second.reference)
    assert CorrectionCoordonnees.objects.filter(ligne=ligne).count() == 2


def test_un_etat_inconnu_est_refuse_en_francais(client, auditeur, paye):
    api = APIClient()
    api.force_authenticate(auditeur)
    reponse = api.get("/api/tresorerie/retours/", {"etat": "bidon"})
    assert reponse.status_code == 400
    assert reponse.json()["message"] == (
        "L'état « bidon » n'existe pas : les valeurs admises sont « a_corriger » (à corriger), "
        "« corrige » (corrigé), « repaye » (repayé)."
    )
    assert api.get("/api/tresorerie/retours/", {"etat": "a_corriger"}).status_code == 200
    client.force_login(auditeur)
    page = client.get(reverse("tresorerie:retours"), {"etat": "bidon"})
    assert page.status_code == 400
    assert "les valeurs admises sont « a_corriger »" in page.content.decode()


def test_la_page_de_la_ligne_reaffiche_la_saisie_refusee(client, comptable, arcades):
    _, _retour, second = arcades
    ligne = second.lignes.get()
    client.force_login(comptable)
    fiche = html.unescape(
        client.get(reverse("tresorerie:ligne_coordonnees", args=[ligne.pk])).content.decode()
    )
    # The form starts from the line's details.
    assert f'value="{formater_iban(IBAN_ARCADES)}"' in fiche
    mauvaise_cle = "FR7630004000031234567890144"
    reponse = client.post(
        reverse("tresorerie:ligne_coordonnees_corriger", args=[ligne.pk]),
        {"iban": mauvaise_cle, "bic": "BNPAFRPPXXX", "justification": "RIB reçu le 14 juin"},
    )
    assert reponse.status_code == 400
    texte = html.unescape(reponse.content.decode())
    assert f"La clé de l'IBAN « {mauvaise_cle} » est fausse" in texte
    assert f'value="{mauvaise_cle}"' in texte and 'value="BNPAFRPPXXX"' in texte
    assert "RIB reçu le 14 juin</textarea>" in texte
    assert not CorrectionCoordonnees.objects.filter(ligne=ligne).exists()
