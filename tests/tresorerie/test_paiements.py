"""Payments of visaed ordres de dépense, oppositions first, pain.001 (circ. §2.1.5, §2.1.6)."""

import threading
from decimal import Decimal

import pytest
from django.db import connections
from lxml import etree

from budget import services as budget
from budget.selectors import situation
from core.exceptions import (
    ApplicationError,
    DonneeInvalide,
    DroitInsuffisant,
    TransitionInterdite,
)
from depenses.models import OrdreDepense
from ledger.models import Ecriture, Ligne
from oppositions.services import opposition_enregistrer
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tresorerie import sepa
from tresorerie import services as t
from tresorerie.models import LotPaiement, Paiement

pytestmark = pytest.mark.django_db
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"}  # the default version


def solde(numero, tiers=None):
    lignes = Ligne.objects.filter(compte__numero=numero)
    if tiers is not None:
        lignes = lignes.filter(tiers=tiers)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0"))


def test_un_lot_de_deux_ordres_est_paye_et_son_fichier_sepa_est_valide(
    directrice, comptable, comptes, credits
):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(
        directrice,
        comptable,
        credits,
        montant="845.30",
        identifiant="38899977700015",
        creancier="Maître Dupuis, huissier",
        iban="FR7630004000031234567890143",
        bic="BNPAFRPPXXX",
    )
    banque_avant = solde("5122")
    lot = t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])
    assert (lot.nombre, lot.total) == (2, Decimal("2045.30"))
    assert solde("5122") - banque_avant == Decimal("-2045.30")
    assert solde("401") == Decimal("0.00")
    for o in (a, b):
        o.refresh_from_db()
        assert (o.etat, o.paye_le, o.paiement_moyen) == ("paye", AUJOURD_HUI, "virement")
        assert o.paiement_reference == lot.message_id
    fichier = bytes(lot.fichier)
    sepa.valider_pain001(fichier)
    doc = etree.fromstring(fichier)
    assert doc.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "2"
    assert doc.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) == "2045.30"
    assert doc.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=NS) == comptes["BANQUE"].iban
    # The credits record the payment.
    assert situation(
        credit=budget.credit_pour(exercice=credits, compte_numero="6064")
    ).paye == Decimal("2045.30")


def test_payer_deux_fois_un_ordre_est_refuse_et_ne_change_rien(
    directrice, comptable, comptes, credits
):
    a = ordre_vise(directrice, comptable, credits)
    t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    avant = (Ecriture.objects.count(), Paiement.objects.count(), LotPaiement.objects.count())
    with pytest.raises(TransitionInterdite, match="déjà payé"):
        t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    assert (
        Ecriture.objects.count(),
        Paiement.objects.count(),
        LotPaiement.objects.count(),
    ) == avant


def test_deux_paiements_simultanes_du_meme_ordre_ne_le_paient_qu_une_fois(
    directrice, comptable, comptes, credits, transactional_db
):
    a = ordre_vise(directrice, comptable, credits)
    resultats = []

    def payer():
        try:
            resultats.append(
                t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
            )
        except ApplicationError as exc:
            resultats.append(exc)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=payer) for _ in range(4)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    lots = [r for r in resultats if isinstance(r, LotPaiement)]
    refus = [r for r in resultats if isinstance(r, ApplicationError)]
    assert len(lots) == 1 and len(refus) == 3
    assert all("déjà payé" in r.message for r in refus)
    assert Paiement.objects.filter(ordre=a).count() == 1
    assert solde("401") == Decimal("0.00")


def test_la_base_refuse_un_paiement_au_dela_du_montant_de_l_ordre(
    directrice, comptable, comptes, credits
):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits, montant="10.00")],
        compte=comptes["BANQUE"],
    )
    ligne = a.lignes.get()
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO tresorerie_paiement (lot_id, ordre_id, ligne_id, beneficiaire, iban, bic,"
            " montant, bout_en_bout)"
            " VALUES (%s, %s, %s, 'x', '', '', 1200.01, 'BRUT-1')",
            [lot.pk, a.pk, ligne.pk],
        ),
        "au-delà de son montant",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_ordredepense SET etat = 'paye', paye_le = current_date, paye_par_id = %s"
            " WHERE id = %s",
            [comptable.pk, a.pk],
        ),
        "des paiements égaux à son montant",
    )
    a.refresh_from_db()
    assert a.etat == "vise"


def test_une_opposition_partage_le_paiement(directrice, comptable, comptes, credits):
    opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant="55210055400013",
        opposant="Société Générale de Recouvrement",
        opposant_iban="FR7630003000301234567890118",
        opposant_bic="SOGEFRPPXXX",
        nature="saisie_attribution",
        montant=Decimal("500.00"),
        signifiee_le=AUJOURD_HUI,
        reference_acte="PV de saisie-attribution",
    )
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    parts = [(p.beneficiaire, p.montant, p.opposition_id is not None) for p in lot.paiements.all()]
    assert parts == [
        ("Société Générale de Recouvrement", Decimal("500.00"), True),
        ("Papeterie Centrale", Decimal("700.00"), False),
    ]
    doc = etree.fromstring(bytes(lot.fichier))
    assert doc.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "2"
    # A second order of the same creditor: the opposition is exhausted.
    b = ordre_vise(directrice, comptable, credits, montant="300.00")
    lot2 = t.lot_payer(acting_user=comptable, ordres=[b], compte=comptes["BANQUE"])
    assert [(p.beneficiaire, p.montant) for p in lot2.paiements.all()] == [
        ("Papeterie Centrale", Decimal("300.00"))
    ]


def test_le_compte_special_d_encaissement_ne_paie_pas(directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits)
    with pytest.raises(DonneeInvalide, match="aucun paiement n'en part"):
        t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["ENCAISSEMENT"])
    a.refresh_from_db()
    assert a.etat == "vise"


def test_seul_l_agent_comptable_paie(directrice, auditeur, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits)
    for intrus in (directrice, auditeur):
        with pytest.raises(
            DroitInsuffisant,
            match=r"Seul l'agent comptable \(ou son fondé de pouvoir\) peut payer un ordre "
            r"de dépense : la tenue de la comptabilité lui est réservée",
        ):
            t.lot_payer(acting_user=intrus, ordres=[a], compte=comptes["BANQUE"])
    a.refresh_from_db()
    assert a.etat == "vise"


def test_un_ordre_non_vise_ne_se_paie_pas(directrice, comptable, comptes, credits):
    vise = ordre_vise(directrice, comptable, credits)
    transmis = ordre_vise(directrice, comptable, credits, montant="300.00", viser=False)
    avant = (Ecriture.objects.count(), LotPaiement.objects.count(), Paiement.objects.count())
    for ordres in ([transmis], [vise, transmis]):
        with pytest.raises(
            TransitionInterdite,
            match=rf"L'ordre de dépense n° {transmis.reference} n'est pas visé "
            r"\(transmis à l'agent comptable\) : seul un ordre visé se paie",
        ):
            t.lot_payer(acting_user=comptable, ordres=ordres, compte=comptes["BANQUE"])
    # Nothing was paid, not even the visaed order asked for with it.
    apres = (Ecriture.objects.count(), LotPaiement.objects.count(), Paiement.objects.count())
    assert apres == avant
    etats = dict(OrdreDepense.objects.values_list("pk", "etat"))
    assert (etats[vise.pk], etats[transmis.pk]) == ("vise", "transmis")


def test_le_paiement_des_ordres_est_ensembliste_et_audite_ordre_par_ordre(
    directrice, comptable, comptes, credits
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.models import JournalAudit

    def payer(nombre):
        ordres = [
            ordre_vise(directrice, comptable, credits, montant="10.00", identifiant="")
            for _ in range(nombre)
        ]
        with CaptureQueriesContext(connection) as requetes:
            t.lot_payer(acting_user=comptable, ordres=ordres, compte=comptes["BANQUE"])
        return ordres, len(requetes)

    _, pour_deux = payer(2)
    ordres, pour_cinq = payer(5)
    # No query per order: five orders cost what two do.
    assert pour_cinq <= pour_deux
    audits = JournalAudit.objects.filter(
        acte="ordre_depense.paye", objet_id__in=[str(o.pk) for o in ordres]
    )
    assert audits.count() == 5
    assert {a.apres["etat"] for a in audits} == {"paye"}
    assert set(
        OrdreDepense.objects.filter(pk__in=[o.pk for o in ordres]).values_list("etat", flat=True)
    ) == {"paye"}
