"""A payment batch on the statement: booked as one entry carrying our PmtInfId,
or transfer by transfer; and the batch the bank booked for another amount."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from lxml import etree

from core.money import format_euros
from tests.tresorerie.camt_outils import modifier
from tests.tresorerie.conftest import ordre_vise
from tests.tresorerie.releves_outils import fichier, importer, lignes_du_lot, mode
from tresorerie import services as t
from tresorerie.models import Rapprochement
from tresorerie.releves import EntreeGroupee
from tresorerie.selectors import etat_rapprochement
from tresorerie.selectors_releves import suites

pytestmark = pytest.mark.django_db


@pytest.fixture
def lot(directrice, comptable, comptes, credits):
    ordres = [
        ordre_vise(directrice, comptable, credits, montant="1200.00"),
        ordre_vise(directrice, comptable, credits, montant="99.90", identifiant=""),
        ordre_vise(directrice, comptable, credits, montant="45.10", identifiant=""),
    ]
    return t.lot_payer(acting_user=comptable, ordres=ordres, compte=comptes["BANQUE"])


def test_un_lot_comptabilise_en_une_entree_sans_detail_se_rapproche_d_un_coup(
    comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    entree = EntreeGroupee(
        lignes=tuple(lignes_du_lot(lot)),
        reference_lot=lot.message_id,
        details=False,
        libelle="Remise de virements",
    )
    releve = importer(comptable, banque, fichier([entree], banque.iban))

    seule = releve.lignes.get()
    assert (seule.reference_lot, seule.nombre_operations) == (lot.message_id, 3)
    assert seule.montant == lot.total == Decimal("1345.00")
    assert seule.rapprochement.mode == Rapprochement.Mode.AUTOMATIQUE
    livre = seule.rapprochement.lignes_ecriture.get()
    assert (livre.ecriture_id, livre.credit) == (lot.ecriture_id, Decimal("1345.00"))
    assert etat_rapprochement(banque).ecart == Decimal("0.00")


def test_un_lot_en_une_entree_avec_le_detail_de_chaque_virement_se_rapproche(
    comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    entree = EntreeGroupee(lignes=tuple(lignes_du_lot(lot)), reference_lot=lot.message_id)
    releve = importer(comptable, banque, fichier([entree], banque.iban))

    lignes = list(releve.lignes.all())
    assert len(lignes) == 3 and {lg.reference_lot for lg in lignes} == {lot.message_id}
    assert [mode(lg) for lg in lignes] == ["automatique"] * 3
    assert etat_rapprochement(banque).ecritures_non_rapprochees == []


def test_un_lot_comptabilise_virement_par_virement_se_rapproche_virement_par_virement(
    comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    releve = importer(comptable, banque, fichier(lignes_du_lot(lot), banque.iban))

    lignes = list(releve.lignes.all())
    assert [lg.reference for lg in lignes] == [p.bout_en_bout for p in lot.paiements.all()]
    assert [mode(lg) for lg in lignes] == ["automatique"] * 3
    assert etat_rapprochement(banque).ecart == Decimal("0.00")


def test_un_lot_debite_d_un_autre_montant_n_est_pas_rapproche_et_l_ecart_est_explique(
    comptable, comptes, lot
):
    """A transfer of the batch rejected before booking: the bank debits less."""
    banque = comptes["BANQUE"]
    rejete = lignes_du_lot(lot)[2]
    entree = EntreeGroupee(
        lignes=tuple(lignes_du_lot(lot)[:2]),
        reference_lot=lot.message_id,
        details=False,
        nombre_operations=2,
    )
    releve = importer(comptable, banque, fichier([entree], banque.iban))

    seule = releve.lignes.get()
    assert seule.montant == Decimal("1299.90") and mode(seule) is None
    suite = suites([seule], banque)[seule.pk]
    assert suite.proposition == (
        f"Lot {lot.reference} ({lot.message_id}, 3 virement(s), {format_euros(lot.total)}) : "
        f"la banque a débité {format_euros(seule.montant)}, écart de "
        f"{format_euros(rejete.montant)} ; un virement du lot a-t-il été rejeté avant d'être "
        "comptabilisé ?"
    )
    assert format_euros(rejete.montant) == "45,10\u00a0€"
    assert "Rien n'a été rapproché automatiquement" in suite.texte
    etat = etat_rapprochement(banque)
    assert [lg.pk for lg in etat.releve_non_rapproche] == [seule.pk]


def test_la_page_de_rapprochement_montre_le_lot_et_l_ecart(client, comptable, comptes, lot):
    banque = comptes["BANQUE"]
    entree = EntreeGroupee(
        lignes=tuple(lignes_du_lot(lot)[:2]), reference_lot=lot.message_id, details=False
    )
    importer(comptable, banque, fichier([entree], banque.iban))
    client.force_login(comptable)

    page = client.get(reverse("tresorerie:rapprochement", args=[banque.pk])).content.decode()
    assert f"lot {lot.message_id}" in page
    assert "Explication proposée : « Lot " in page
    assert f"écart de {format_euros(Decimal('45.10'))}" in page
    csv = client.get(reverse("tresorerie:rapprochement_csv", args=[banque.pk])).content.decode(
        "utf-8-sig"
    )
    entete, premiere = csv.splitlines()[:2]
    assert "référence du lot;opérations du lot;contre-passation;motif de retour" in entete
    assert f";{lot.message_id};2;" in premiere
    # The amount as a spreadsheet reads a number (no thousands space, no €).
    assert re.fullmatch(r"-\d+,\d\d", premiere.split(";")[10])
    assert f"écart de {format_euros(Decimal('45.10'))}" in premiere


def test_la_proposition_d_explication_s_applique_d_un_clic(client, comptable, comptes, lot):
    banque = comptes["BANQUE"]
    entree = EntreeGroupee(
        lignes=tuple(lignes_du_lot(lot)[:2]), reference_lot=lot.message_id, details=False
    )
    seule = importer(comptable, banque, fichier([entree], banque.iban)).lignes.get()
    proposition = suites([seule], banque)[seule.pk].proposition
    client.force_login(comptable)
    url = reverse("tresorerie:rapprochement", args=[banque.pk])
    page = client.get(url).content.decode()
    assert f'form="proposition-{seule.pk}"' in page and f'id="proposition-{seule.pk}"' in page

    reponse = client.post(
        url, {"acte": "expliquer", "ligne_releve": seule.pk, "explication": proposition}
    )

    assert reponse.status_code == 302
    seule.refresh_from_db()
    assert seule.rapprochement.mode == "explique"
    # Typed text is kept with ordinary spaces.
    assert seule.rapprochement.explication == proposition.replace("\u00a0", " ")


def test_un_lot_dont_seuls_les_details_portent_notre_pmtinfid_se_rapproche_d_un_coup(
    comptable, comptes, lot
):
    """PostFinance, Nordea: Btch gives only NbOfTxs, each TxDtls carries Refs/PmtInfId
    (here without amount nor EndToEndId: the batch is known by its reference only)."""
    banque = comptes["BANQUE"]
    entree = EntreeGroupee(lignes=tuple(lignes_du_lot(lot)), reference_lot=lot.message_id)
    ecrit = fichier([entree], banque.iban, version="camt.053.001.02")

    def pmtinfid_dans_les_details(document, ns):
        for reference in document.iterfind(".//c:Btch/c:PmtInfId", ns):
            reference.getparent().remove(reference)
        for detail in document.iterfind(".//c:TxDtls", ns):
            bout_en_bout = detail.find("c:Refs/c:EndToEndId", ns)
            lot_tx = etree.Element(etree.QName(ns["c"], "PmtInfId"))
            lot_tx.text = lot.message_id
            bout_en_bout.addprevious(lot_tx)
            bout_en_bout.text = "NOTPROVIDED"
            detail.remove(detail.find("c:AmtDtls", ns))

    releve = importer(comptable, banque, modifier(ecrit, pmtinfid_dans_les_details))

    seule = releve.lignes.get()
    assert (seule.reference, seule.reference_lot, seule.nombre_operations) == (
        "",
        lot.message_id,
        3,
    )
    assert mode(seule) == "automatique"
    livre = seule.rapprochement.lignes_ecriture.get()
    assert (livre.ecriture_id, livre.credit) == (lot.ecriture_id, Decimal("1345.00"))
    assert etat_rapprochement(banque).ecart == Decimal("0.00")


def test_un_virement_en_double_ne_remplace_pas_un_virement_manquant_du_lot(
    directrice, comptable, comptes, credits
):
    """Transfer by transfer, the batch matches when each of its EndToEndIds is on the
    statement once: a line twice never makes up for a missing one of the same amount."""
    banque = comptes["BANQUE"]
    ordres = [
        ordre_vise(directrice, comptable, credits, montant="50.00"),
        ordre_vise(directrice, comptable, credits, montant="50.00", identifiant=""),
    ]
    lot = t.lot_payer(acting_user=comptable, ordres=ordres, compte=banque)
    premier, _ = lignes_du_lot(lot)
    releve = importer(comptable, banque, fichier([premier, premier], banque.iban))

    assert [mode(lg) for lg in releve.lignes.all()] == [None, None]
    livre = etat_rapprochement(banque).ecritures_non_rapprochees
    assert [lg.ecriture_id for lg in livre] == [lot.ecriture_id]
