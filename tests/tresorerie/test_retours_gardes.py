"""PostgreSQL keeps returned transfers honest (tresorerie 0016, LG380-LG387):
the application's role cannot « unpay » an order without a recorded return,
nor pay a line twice, nor restore an opposition or a credit out of thin air."""

from decimal import Decimal

import pytest
from django.db import connection

from tests.savepoint import refus_sql
from tests.tresorerie.conftest import ordre_vise
from tresorerie import services as t
from tresorerie.models import Paiement, Retour

pytestmark = pytest.mark.django_db


def _refus(sql, message, parametres=(), role="caisse_app"):
    def faire(cur):
        if role:
            cur.execute(f"SET ROLE {role}")
        cur.execute(sql, parametres)

    return refus_sql(faire, message)


@pytest.fixture
def paye(directrice, comptable, comptes, credits):
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    return ordre, lot.paiements.get()


DEPAYER = (
    "UPDATE depenses_ordredepense SET etat = 'vise', paye_le = NULL, paiement_moyen = '',"
    " paiement_reference = '', paye_par_id = NULL WHERE id = %s"
)


def test_un_ordre_paye_ne_revient_pas_vise_sans_retour(paye):
    ordre, _ = paye
    _refus(
        DEPAYER,
        "il ne revient « visé » que si la banque a retourné un de ses virements",
        [ordre.pk],
    )
    _refus(
        "UPDATE depenses_ordredepense SET paye_le = NULL WHERE id = %s",
        "est portée : elle ne change plus",
        [ordre.pk],
    )
    ordre.refresh_from_db()
    assert ordre.etat == "paye"


def test_une_ligne_ne_se_paie_pas_deux_fois(comptable, paye):
    ordre, paiement = paye
    t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    inserer = (
        "INSERT INTO tresorerie_paiement (lot_id, ordre_id, ligne_id, beneficiaire, iban, bic,"
        " montant, bout_en_bout) VALUES (%s, %s, %s, 'Papeterie Centrale', '', '', 600, 'X-1'),"
        " (%s, %s, %s, 'Papeterie Centrale', '', '', 600, 'X-2')"
    )
    args = [paiement.lot_id, ordre.pk, paiement.ligne_id] * 2
    _refus(inserer, "serait payé deux fois à Papeterie Centrale", args)
    # The returned payment no longer counts; a live one does.
    _refus(
        inserer.replace("600", "700"),
        "serait payé au-delà de son montant : 1400.00 € pour une ligne de 1200.00 €",
        args,
    )


def test_un_retour_reprend_le_montant_du_paiement(comptable, paye):
    ordre, paiement = paye
    _refus(
        "INSERT INTO tresorerie_retour (paiement_id, ordre_id, montant, motif, motif_libelle,"
        " motif_info, ecriture_id, date, mention, par_id) VALUES"
        " (%s, %s, 1, 'AC04', 'compte clos', '', %s, CURRENT_DATE, '{}', %s)",
        "il en reprend l'ordre et le montant",
        [paiement.pk, ordre.pk, paiement.lot.ecriture_id, comptable.pk],
    )
    _refus(
        "INSERT INTO tresorerie_retour (paiement_id, ordre_id, montant, motif, motif_libelle,"
        " motif_info, ecriture_id, date, mention, par_id) VALUES"
        " (%s, %s, 1200, 'AC04', 'compte clos', '', %s, CURRENT_DATE, '{}', %s)",
        "s'inscrit par une contre-écriture de 1\u00a0200,00\u00a0€",
        [paiement.pk, ordre.pk, paiement.lot.ecriture_id, comptable.pk],
    )


def test_retours_et_corrections_ne_se_modifient_pas(comptable, paye):
    _, paiement = paye
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    _refus("UPDATE tresorerie_retour SET motif = 'TECH'", "permission denied")
    _refus("DELETE FROM tresorerie_retour", "permission denied")
    # Even the owner of the tables (the migrations' role) meets the trigger.
    _refus(
        "UPDATE tresorerie_retour SET motif = 'TECH'", "ne se modifie ni ne se supprime", role=None
    )
    assert Retour.objects.get().motif == retour.motif


def test_ni_opposition_ni_credit_ne_se_retablissent_sans_retour(comptable, paye, credits):
    ordre, paiement = paye
    from oppositions.services import opposition_enregistrer
    from tests.tresorerie.conftest import AUJOURD_HUI

    opposition = opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Autre créancier",
        creancier_identifiant="38899977700015",
        opposant="Huissier",
        opposant_iban="FR7630003000301234567890118",
        opposant_bic="SOGEFRPPXXX",
        nature="saisie_attribution",
        montant=Decimal("500.00"),
        signifiee_le=AUJOURD_HUI,
    )
    _refus(
        "INSERT INTO oppositions_imputation (opposition_id, montant, reference, le, par_id)"
        " VALUES (%s, -100, 'retour:rien', CURRENT_DATE, %s)",
        "ne se rétablit que pour un virement à l'opposant retourné par la banque",
        [opposition.pk, comptable.pk],
    )
    _refus(
        "INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)"
        " SELECT id, 'paiement', -1200, %s, %s FROM budget_credit WHERE chapitre = '6064'",
        "ne s'annule que pour un virement retourné par la banque",
        ["retour:" + paiement.bout_en_bout, comptable.pk],
    )


@pytest.mark.django_db(transaction=True)
def test_un_retour_ancien_ne_depaie_pas_le_nouveau_paiement(
    directrice, comptable, comptes, credits
):
    """The return allows the passage payé → visé in its own transaction only:
    once the order is paid again, an old return does not unpay it."""
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    t.paiement_retourner(acting_user=comptable, paiement=lot.paiements.get(), motif="AC04")
    t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"], moyen="cheque")
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
        try:
            with pytest.raises(Exception, match="ne revient « visé » que si la banque"):
                cur.execute(DEPAYER, [ordre.pk])
        finally:
            cur.execute("RESET ROLE")
    ordre.refresh_from_db()
    assert ordre.etat == "paye"
    assert Paiement.objects.filter(ordre=ordre).count() == 2
