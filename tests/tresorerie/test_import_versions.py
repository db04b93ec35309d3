"""Import of camt.053 statements of each version and of camt.054 notifications,
written from our own payments: matched (statements) or kept aside (notifications),
and the refusals that name what is wrong."""

from decimal import Decimal

import pytest
from django.urls import reverse
from lxml import etree

from core.exceptions import DonneeInvalide, DroitInsuffisant
from tests.tresorerie.conftest import ordre_vise
from tests.tresorerie.releves_outils import fichier, importer, ligne, lignes_du_lot, mode
from tresorerie import services as t
from tresorerie.models import Releve
from tresorerie.selectors import etat_rapprochement
from tresorerie.services.releves import _nombre_operations

pytestmark = pytest.mark.django_db


@pytest.fixture
def lot(directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90", identifiant="")
    return t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])


@pytest.mark.parametrize("version", ["camt.053.001.02", "camt.053.001.04", "camt.053.001.08"])
def test_un_releve_de_chaque_version_se_rapproche_virement_par_virement(
    comptable, comptes, lot, version
):
    banque = comptes["BANQUE"]
    releve = importer(comptable, banque, fichier(lignes_du_lot(lot), banque.iban, version=version))

    assert (releve.version, releve.nature, releve.format) == (version, "releve", "camt.053")
    assert releve.solde_cloture == Decimal("-1299.90")
    lignes = list(releve.lignes.all())
    assert len(lignes) == 2 and [mode(lg) for lg in lignes] == ["automatique"] * 2
    etat = etat_rapprochement(banque)
    assert etat.ecritures_non_rapprochees == [] and etat.releve_non_rapproche == []
    assert etat.ecart == Decimal("0.00")


def test_un_avis_camt054_est_garde_sans_rapprochement_ni_effet_sur_l_etat(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    contenu = fichier(lignes_du_lot(lot), banque.iban, "AVIS-1", version="camt.054.001.08")
    avis = importer(comptable, banque, contenu, "avis.xml")

    assert (avis.nature, avis.version) == (Releve.Nature.AVIS, "camt.054.001.08")
    assert avis.solde_ouverture is None and avis.solde_cloture is None
    assert avis.lignes.count() == 2
    assert not avis.lignes.filter(rapprochement__isnull=False).exists()
    assert t.resume_import(avis).startswith("Avis AVIS-1 importé : 2 ligne(s), non rapprochées")
    etat = etat_rapprochement(banque)
    assert etat.releve is None and etat.releve_non_rapproche == []
    # The statement that follows matches the same movements; the notification
    # is not compared with it (no balance to follow).
    releve = importer(comptable, banque, fichier(lignes_du_lot(lot), banque.iban, "REL-2"))
    assert releve.lignes.filter(rapprochement__mode="automatique").count() == 2


def test_le_releve_d_un_autre_de_nos_comptes_est_refuse_en_le_nommant(comptable, comptes, lot):
    banque, autre = comptes["BANQUE"], comptes["ENCAISSEMENT"]
    contenu = fichier(lignes_du_lot(lot), autre.iban)
    with pytest.raises(DonneeInvalide) as refus:
        importer(comptable, banque, contenu)
    message = str(refus.value)
    assert f"celui du compte {autre.iban}" in message
    assert f"pas de « {banque.libelle} » ({banque.iban})" in message
    assert f"c'est l'IBAN de notre compte « {autre.libelle} » ({autre.compte.numero})" in message
    assert not Releve.objects.exists()


def test_le_releve_d_un_compte_inconnu_est_refuse_sans_lister_nos_comptes(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    inconnu = "DE89370400440532013000"
    with pytest.raises(DonneeInvalide) as refus:
        importer(comptable, banque, fichier(lignes_du_lot(lot), inconnu))
    message = str(refus.value)
    assert message == (
        f"Ce relevé est celui du compte {inconnu}, pas de « {banque.libelle} » ({banque.iban}) : "
        "cet IBAN n'est celui d'aucun des comptes de l'organisme."
    )
    assert comptes["ENCAISSEMENT"].iban not in message


def test_seul_le_comptable_importe_un_releve(directrice, comptes, lot):
    banque = comptes["BANQUE"]
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        importer(directrice, banque, fichier(lignes_du_lot(lot), banque.iban))
    assert not Releve.objects.exists()


def test_les_ecarts_toleres_sont_gardes_et_montres(client, comptable, comptes):
    banque = comptes["BANQUE"]
    contenu = fichier([ligne("12.30", "debit", libelle="Frais")], banque.iban)
    document = etree.fromstring(contenu)
    for element in document.iter("{*}AddtlNtryInf"):
        element.text = "Frais de tenue de compte " + "x" * 600
    contenu = etree.tostring(document, xml_declaration=True, encoding="UTF-8")

    releve = importer(comptable, banque, contenu)

    assert len(releve.ecarts) == 1 and "le schéma en admet 500 au plus" in releve.ecarts[0]
    assert releve.lignes.get().libelle.startswith("Frais de tenue de compte xxx")
    client.force_login(comptable)
    liste = client.get(reverse("tresorerie:releves")).content.decode()
    assert "camt.053.001.08" in liste and "1 écart(s) au schéma toléré(s)" in liste
    page = client.get(reverse("tresorerie:releve", args=[releve.pk])).content.decode()
    assert "Écarts au schéma tolérés" in page
    assert "« Stmt/Ntry/AddtlNtryInf » compte" in page


def test_un_nombre_d_operations_hors_de_la_colonne_est_garde_inconnu():
    assert [_nombre_operations(n) for n in (None, 0, 3, 2_147_483_647, 10**14)] == [
        None,
        0,
        3,
        2_147_483_647,
        None,
    ]
