"""« Enregistrer un virement retourné ou rejeté »: the agent comptable records by
hand a return the statement import did not recognise, by the batch's page and
by the API; the statement line given is matched with the counter-entry; a
batch debited short (a transfer rejected before booking) is then reconciled
by hand (issue 15)."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from ledger.models import Ligne
from tests.tresorerie.conftest import ordre_vise
from tests.tresorerie.releves_outils import fichier, importer, ligne, lignes_du_lot, mode
from tresorerie import releves
from tresorerie import services as t
from tresorerie.models import Retour
from tresorerie.selectors import etat_rapprochement
from tresorerie.services.retour_manuel import virement_retourne_enregistrer

pytestmark = pytest.mark.django_db


def page(reponse) -> str:
    return html.unescape(reponse.content.decode()).replace("\xa0", " ")


@pytest.fixture
def lot(directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90", identifiant="")
    return t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])


def _etranger(lot, comptable, banque):
    """The batch booked, and a return of 1 200,00 whose reference the bank lost:
    the import leaves it unmatched, the order stays paid."""
    retour = ligne("1200.00", "credit", "REF-PERDUE", "Retour virement", motif_retour="AC04")
    releve = importer(comptable, banque, fichier([*lignes_du_lot(lot), retour], banque.iban))
    return releve.lignes.get(sens="credit")


def test_par_la_page_du_lot_le_retour_est_enregistre_et_la_ligne_rapprochee(
    client, comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    credit = _etranger(lot, comptable, banque)
    paiement = lot.paiements.get(montant="1200.00")
    assert mode(credit) is None and paiement.ordre.etat == "paye"
    client.force_login(comptable)
    avant = page(client.get(reverse("tresorerie:lot", args=[lot.pk])))
    assert avant.count("<summary>Enregistrer un retour<") == 2
    assert f"ligne n° {credit.pk} : " in avant and ">15/06/2026 — 1 200,00 € — REL-1<" in avant

    reponse = client.post(
        reverse("tresorerie:paiement_retourner", args=[paiement.pk]),
        {"motif": "AC04", "motif_info": "Compte clos", "ligne_releve": credit.pk},
        follow=True,
    )

    retour = Retour.objects.get()
    texte = page(reponse)
    assert f"Virement {paiement.bout_en_bout} à Papeterie Centrale enregistré comme retourné" in (
        texte
    )
    assert "Ligne du relevé rapprochée." in texte
    assert (retour.paiement, retour.motif, retour.motif_info, retour.ligne_releve) == (
        paiement,
        "AC04",
        "Compte clos",
        credit,
    )
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "vise"
    assert mode(credit) == "manuel"
    livre = credit.rapprochement.lignes_ecriture.get()
    assert (livre.ecriture_id, livre.compte.numero, livre.debit) == (
        retour.ecriture_id,
        "5122",
        Decimal("1200.00"),
    )
    assert etat_rapprochement(banque).ecart == Decimal("0.00")
    assert JournalAudit.objects.filter(acte="tresorerie.virement_retourne").count() == 1
    apres = page(client.get(reverse("tresorerie:lot", args=[lot.pk])))
    assert "retourné le 15/06/2026</strong> (AC04 compte clos)" in apres
    assert reverse("tresorerie:retour", args=[retour.pk]) in apres
    assert apres.count("<summary>Enregistrer un retour<") == 1
    fiche = page(client.get(reverse("tresorerie:retour", args=[retour.pk])))
    assert (
        f'<a href="{reverse("tresorerie:releve", args=[credit.releve_id])}">relevé de compte '
        f"REL-1</a>, ligne n° {credit.pk} du 15/06/2026 (1 200,00 €)"
    ) in fiche


def test_l_auditeur_voit_le_retour_sur_le_lot_sans_formulaire(
    client, comptable, auditeur, comptes, lot
):
    paiement = lot.paiements.get(montant="99.90")
    virement_retourne_enregistrer(acting_user=comptable, paiement=paiement, motif="AC04")
    client.force_login(auditeur)
    texte = page(client.get(reverse("tresorerie:lot", args=[lot.pk])))
    assert "retourné le 15/06/2026</strong> (AC04 compte clos)" in texte
    assert "Enregistrer un virement retourné ou rejeté" not in texte
    refus = client.post(
        reverse("tresorerie:paiement_retourner", args=[lot.paiements.get(montant="1200.00").pk]),
        {"motif": "AC04"},
    )
    assert refus.status_code == 403
    assert "peut enregistrer un virement retourné ou rejeté" in page(refus)
    assert Retour.objects.count() == 1


def test_l_api_enregistre_le_retour_et_refuse_le_deuxieme(comptable, auditeur, comptes, lot):
    paiement = lot.paiements.get(montant="99.90")
    api = APIClient()
    api.force_authenticate(auditeur)
    adresse = f"/api/tresorerie/paiements/{paiement.pk}/retourner/"
    interdit = api.post(adresse, {"motif": "AC04"}, format="json")
    assert interdit.status_code == 403
    assert interdit.json()["message"].startswith(
        "Seul l'agent comptable (ou son fondé de pouvoir) peut enregistrer un virement "
        "retourné ou rejeté"
    )
    api.force_authenticate(comptable)
    inconnu = api.post(adresse, {"motif": "XX99"}, format="json")
    assert inconnu.status_code == 400
    assert "« XX99 » n'en est pas un" in inconnu.json()["message"]

    fait = api.post(
        adresse,
        {"motif": "ms03", "motif_info": "Rejet avant comptabilisation"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="retour-manuel-1",
    )
    assert fait.status_code == 200, fait.json()
    corps = fait.json()
    assert (corps["motif"], corps["montant"], corps["etat"], corps["bout_en_bout"]) == (
        "MS03",
        "99.90",
        "a_corriger",
        paiement.bout_en_bout,
    )
    assert corps["ecriture"].startswith("TR-")
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "vise"
    audit = JournalAudit.objects.get(acte="tresorerie.virement_retourne")
    assert (audit.acteur, audit.apres["motif"], audit.apres["ligne_releve"]) == (
        comptable,
        "MS03",
        None,
    )
    rejoue = api.post(
        adresse,
        {"motif": "ms03", "motif_info": "Rejet avant comptabilisation"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="retour-manuel-1",
    )
    assert rejoue.status_code == 200 and rejoue.json() == corps
    encore = api.post(adresse, {"motif": "AC04"}, format="json")
    assert encore.status_code == 409, encore.json()
    assert (
        "est déjà enregistré comme retourné le 15/06/2026 (motif MS03)"
        in (encore.json()["message"])
    )
    assert Retour.objects.count() == 1


def test_les_refus_ne_changent_rien(directrice, comptable, comptes, credits, lot):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    autre_montant = ligne("1190.00", "credit", "R-1", "Retour partiel", contre_passation=True)
    debit = ligne("5.00", "debit", "", "Frais")
    releve = importer(
        comptable,
        banque,
        fichier([*lignes_du_lot(lot), autre_montant, debit], banque.iban),
    )
    with pytest.raises(DroitInsuffisant, match="enregistrer un virement retourné ou rejeté"):
        virement_retourne_enregistrer(acting_user=directrice, paiement=paiement, motif="AC04")
    with pytest.raises(DonneeInvalide, match="porte sur 1\xa0190,00\xa0€ alors que le virement"):
        virement_retourne_enregistrer(
            acting_user=comptable,
            paiement=paiement,
            motif="AC04",
            ligne_releve=releve.lignes.get(montant="1190.00"),
        )
    with pytest.raises(DonneeInvalide, match="est un débit : un virement retourné revient"):
        virement_retourne_enregistrer(
            acting_user=comptable,
            paiement=paiement,
            motif="AC04",
            ligne_releve=releve.lignes.get(montant="5.00"),
        )
    caisse_ordre = ordre_vise(directrice, comptable, credits, montant="30.00", identifiant="")
    cheque = t.lot_payer(
        acting_user=comptable, ordres=[caisse_ordre], compte=banque, moyen="cheque"
    ).paiements.get()
    with pytest.raises(DonneeInvalide, match="seul un virement est retourné par la banque"):
        virement_retourne_enregistrer(acting_user=comptable, paiement=cheque, motif="AC04")
    assert not Retour.objects.exists()
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "paye"


def test_une_ligne_d_un_autre_compte_est_refusee(comptable, comptes, lot):
    paiement = lot.paiements.get(montant="1200.00")
    postal = comptes["EXECUTION"]
    releve = importer(
        comptable,
        postal,
        fichier([ligne("1200.00", "credit", "X-1", "Retour")], postal.iban, "REL-CCP"),
    )
    with pytest.raises(DonneeInvalide, match="porte sur le compte"):
        virement_retourne_enregistrer(
            acting_user=comptable,
            paiement=paiement,
            motif="AC04",
            ligne_releve=releve.lignes.get(),
        )
    assert not Retour.objects.exists()


def test_une_ligne_deja_rapprochee_est_refusee(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    credit = _etranger(lot, comptable, banque)
    t.expliquer(acting_user=comptable, ligne_releve=credit, explication="Erreur de la banque")
    with pytest.raises(TransitionInterdite, match="est déjà rapprochée ou expliquée"):
        virement_retourne_enregistrer(
            acting_user=comptable,
            paiement=lot.paiements.get(montant="1200.00"),
            motif="AC04",
            ligne_releve=credit,
        )
    assert not Retour.objects.exists()


def test_un_lot_debite_d_un_virement_en_moins_se_rapproche_a_la_main(comptable, comptes, lot):
    # The bank rejected the 99,90 transfer before booking: it debits the batch
    # as one entry of 1 200,00 (its reference, one transaction).
    banque = comptes["BANQUE"]
    garde = lot.paiements.get(montant="1200.00")
    rejete = lot.paiements.get(montant="99.90")
    entree = releves.EntreeGroupee(
        lignes=(ligne("1200.00", "debit", garde.bout_en_bout, "Virement"),),
        reference_lot=lot.message_id,
    )
    releve = importer(comptable, banque, fichier([entree], banque.iban))
    debit = releve.lignes.get()
    assert mode(debit) is None  # 1 200,00 against the batch's 1 299,90

    retour = virement_retourne_enregistrer(
        acting_user=comptable, paiement=rejete, motif="MS03", motif_info="Rejet"
    )
    rejete.ordre.refresh_from_db()
    assert rejete.ordre.etat == "vise" and retour.ligne_releve is None
    du_lot = Ligne.objects.get(ecriture=lot.ecriture, compte__numero="5122")
    contre = Ligne.objects.get(ecriture=retour.ecriture, compte__numero="5122")
    assert (du_lot.credit, contre.debit) == (Decimal("1299.90"), Decimal("99.90"))

    t.rapprocher(acting_user=comptable, ligne_releve=debit, lignes=[du_lot, contre])

    assert mode(debit) == "manuel"
    etat = etat_rapprochement(banque)
    assert etat.ecritures_non_rapprochees == [] and etat.ecart == Decimal("0.00")
