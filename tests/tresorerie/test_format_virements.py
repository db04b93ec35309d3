"""The pain.001 version of each bank account (issue 15): the agent comptable chooses it
(service, page, API), lot_payer writes the file in it and records it on the batch, the
download's name says it."""

import pytest
from django.utils.html import escape
from lxml import etree
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant
from core.models import JournalAudit
from tests.tresorerie.conftest import ordre_vise
from tresorerie import sepa
from tresorerie import services as t
from tresorerie.models import CompteDisponibilite

pytestmark = pytest.mark.django_db


def espace(fichier):
    return etree.QName(etree.fromstring(bytes(fichier))).namespace


def test_un_lot_s_ecrit_en_09_par_defaut_et_en_03_quand_le_compte_le_demande(
    directrice, comptable, comptes, credits
):
    banque = comptes["BANQUE"]
    assert banque.format_virements == "pain.001.001.09"
    premier = t.lot_payer(
        acting_user=comptable, ordres=[ordre_vise(directrice, comptable, credits)], compte=banque
    )
    assert premier.format == "pain.001.001.09"
    assert espace(premier.fichier) == "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"
    assert sepa.valider_pain001(bytes(premier.fichier)) == "pain.001.001.09"
    document = etree.fromstring(bytes(premier.fichier))
    n = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"}
    # The fund's structured address, from the settings (demo values).
    assert document.xpath("//p:Dbtr/p:PstlAdr/*/text()", namespaces=n) == [
        "Rue de la Solidarite",
        "12",
        "76540",
        "Valmont",
        "FR",
    ]
    assert document.xpath("//p:PmtInf/p:PmtInfId/text()", namespaces=n) == [premier.message_id]

    t.compte_format_virements_fixer(
        acting_user=comptable, compte=banque, format="pain.001.001.03", motif="Banque X"
    )
    second = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits, montant="80.00")],
        compte=banque,
    )
    assert second.format == "pain.001.001.03"
    assert espace(second.fichier) == "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
    assert sepa.valider_pain001(bytes(second.fichier)) == "pain.001.001.03"
    premier.refresh_from_db()
    assert premier.format == "pain.001.001.09"  # a paid batch keeps its version


def test_un_lot_par_cheque_n_a_pas_de_format(directrice, comptable, comptes, credits):
    lot = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits)],
        compte=comptes["BANQUE"],
        moyen="cheque",
    )
    assert (lot.format, bytes(lot.fichier or b"")) == ("", b"")


def test_le_choix_est_de_l_agent_comptable_sur_un_compte_a_iban_et_audite(
    directrice, comptable, comptes
):
    banque, caisse = comptes["BANQUE"], comptes["CAISSE"]
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        t.compte_format_virements_fixer(
            acting_user=directrice, compte=banque, format="pain.001.001.03"
        )
    with pytest.raises(DonneeInvalide) as erreur:
        t.compte_format_virements_fixer(
            acting_user=comptable, compte=caisse, format="pain.001.001.03"
        )
    assert erreur.value.message == (
        f"« {caisse.libelle} » n'a pas d'IBAN : aucun fichier de virements n'en part, il n'a "
        "pas de format de virements."
    )
    with pytest.raises(DonneeInvalide, match="« pain.001.001.10 » n'existe pas"):
        t.compte_format_virements_fixer(
            acting_user=comptable, compte=banque, format="pain.001.001.10"
        )
    assert CompteDisponibilite.objects.get(pk=banque.pk).format_virements == "pain.001.001.09"
    assert not JournalAudit.objects.filter(acte="tresorerie.format_virements_fixe").exists()
    t.compte_format_virements_fixer(
        acting_user=comptable, compte=banque, format="pain.001.001.03", motif="Courrier du 2 juin"
    )
    assert CompteDisponibilite.objects.get(pk=banque.pk).format_virements == "pain.001.001.03"
    trace = JournalAudit.objects.get(acte="tresorerie.format_virements_fixe")
    assert (trace.avant, trace.apres) == (
        {"format_virements": "pain.001.001.09"},
        {"format_virements": "pain.001.001.03", "motif": "Courrier du 2 juin"},
    )


def test_l_api_montre_le_format_en_lecture_et_le_change_par_l_acte(comptable, auditeur, comptes):
    banque, caisse = comptes["BANQUE"], comptes["CAISSE"]
    api = APIClient()
    api.force_authenticate(auditeur)
    lus = {c["code"]: c for c in api.get("/api/tresorerie/comptes/").json()["results"]}
    assert lus["BANQUE"]["format_virements"] == "pain.001.001.09"
    url = f"/api/tresorerie/comptes/{banque.pk}/format-virements/"
    refus = api.post(url, {"format": "pain.001.001.03"}, format="json")
    assert refus.status_code == 403
    assert "Seul l'agent comptable" in refus.json()["message"]
    api.force_authenticate(comptable)
    sans_iban = api.post(
        f"/api/tresorerie/comptes/{caisse.pk}/format-virements/",
        {"format": "pain.001.001.03"},
        format="json",
    )
    assert sans_iban.status_code == 400
    assert "n'a pas d'IBAN" in sans_iban.json()["message"]
    choisi = api.post(url, {"format": "pain.001.001.03", "motif": "Banque"}, format="json")
    assert choisi.status_code == 200
    assert choisi.json()["format_virements"] == "pain.001.001.03"
    # Read-only in the account's serializer: no other way to change it.
    assert CompteDisponibilite.objects.get(pk=banque.pk).format_virements == "pain.001.001.03"


def test_la_page_des_comptes_montre_et_change_le_format_et_le_fichier_porte_sa_version(
    client, directrice, comptable, auditeur, comptes, credits
):
    banque = comptes["BANQUE"]
    client.force_login(auditeur)
    lu = client.get("/tresorerie/").content.decode()
    assert "Virements : pain.001.001.09" in lu
    assert 'name="format"' not in lu  # no act offered to the auditor
    refus = client.post(
        f"/tresorerie/comptes/{banque.pk}/format-virements/", {"format": "pain.001.001.03"}
    )
    assert refus.status_code == 403
    client.force_login(comptable)
    page = client.get("/tresorerie/").content.decode()
    assert f'action="/tresorerie/comptes/{banque.pk}/format-virements/"' in page
    choisi = client.post(
        f"/tresorerie/comptes/{banque.pk}/format-virements/",
        {"format": "pain.001.001.03", "motif": "Demande de la banque"},
        follow=True,
    )
    assert (
        escape(
            f"Les fichiers de virements de « {banque.libelle} » seront écrits en pain.001.001.03."
        )
        in choisi.content.decode()
    )
    assert "Virements : pain.001.001.03" in choisi.content.decode()
    lot = t.lot_payer(
        acting_user=comptable, ordres=[ordre_vise(directrice, comptable, credits)], compte=banque
    )
    fichier = client.get(f"/tresorerie/paiements/{lot.pk}/pain001.xml")
    assert fichier["Content-Disposition"] == (
        f'attachment; filename="pain.001.001.03-{lot.message_id}.xml"'
    )
    assert espace(fichier.content) == "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"


def test_l_api_du_lot_donne_sa_version_et_nomme_le_fichier_d_apres_elle(
    directrice, comptable, comptes, credits
):
    lot = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits)],
        compte=comptes["BANQUE"],
    )
    api = APIClient()
    api.force_authenticate(comptable)
    lu = api.get(f"/api/tresorerie/lots/{lot.pk}/").json()
    assert lu["format"] == "pain.001.001.09"
    fichier = api.get(lu["pain001"])
    assert fichier["Content-Disposition"] == (
        f'attachment; filename="pain.001.001.09-{lot.message_id}.xml"'
    )
    assert sepa.valider_pain001(fichier.content) == "pain.001.001.09"
