"""The état nominatif semestriel (annexe art. 13 al. 7): debtors by kind of
procedure engaged, as at 30 June and 31 December, due by the first day of the
second month after (1 August, 1 February), sent once, after the half-year,
guarded by PostgreSQL."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from core.exceptions import DroitInsuffisant, TransitionInterdite
from recouvrement.a_echoir import COMPTABLE, DIRECTEUR, a_echoir
from recouvrement.etat_nominatif import (
    Semestre,
    etat_au,
    etat_csv,
    etat_nominatif_adresser,
)
from recouvrement.models_surveillance import EnvoiEtatNominatif
from recouvrement.services import creance_de, journaliser
from tests.recouvrement.conftest import ordre_pris_en_charge
from tests.recouvrement.surveillance_outils import en_contentieux
from tests.savepoint import refus_sql
from tresorerie import services as t

pytestmark = pytest.mark.django_db

TRENTE_JUIN = datetime.date(2026, 6, 30)


def _etats(le):
    return [e for e in a_echoir(le, DIRECTEUR) if e.nature == "État nominatif semestriel"]


@pytest.fixture
def contentieux(ordre_loyer, ordre_cotisation, directrice):
    """M. Petit's rent handed to the directeur, then a bailiff act on 20 June;
    Société Orion's cotisations under a mise en demeure on 10 June."""
    loyer = en_contentieux(ordre_loyer, directrice, datetime.date(2026, 6, 5))
    en_contentieux(
        ordre_loyer,
        directrice,
        datetime.date(2026, 6, 20),
        type="acte_huissier",
        libelle="Commandement de payer, Me Durand",
    )
    cotisation = en_contentieux(
        ordre_cotisation, directrice, datetime.date(2026, 6, 10), libelle="Mise en demeure LR"
    )
    return loyer, cotisation


def test_le_semestre_et_ses_echeances():
    s1, s2 = Semestre(2026, 1), Semestre(2026, 2)
    assert (s1.arrete_au, s1.limite) == (TRENTE_JUIN, datetime.date(2026, 8, 1))
    assert (s2.arrete_au, s2.limite) == (datetime.date(2026, 12, 31), datetime.date(2027, 2, 1))


def test_l_etat_est_ventile_par_nature_de_procedure_a_la_date(contentieux, directrice, horloge):
    loyer, _ = contentieux
    # An act after 30 June does not change the état arrêté au 30 juin.
    en_contentieux(
        loyer.ligne.ordre,
        directrice,
        datetime.date(2026, 7, 2),
        type="procedure_collective",
        libelle="Redressement judiciaire",
    )
    etat = etat_au(TRENTE_JUIN)
    assert [(g.procedure, [ligne.debiteur for ligne in g.lignes]) for g in etat.groupes] == [
        ("mise_en_demeure", ["Société Orion"]),
        ("recouvrement_force", ["M. Petit"]),
    ]
    assert etat.debiteurs == 2 and etat.reste == Decimal("3000.00")
    [petit] = etat.groupes[1].lignes
    assert petit.dernier_acte_le == datetime.date(2026, 6, 20)
    assert "Commandement de payer" in petit.dernier_acte
    # The orders were taken in charge on 15 June: nothing was owed before.
    assert etat_au(datetime.date(2026, 6, 14)).lignes == []
    # As at 31 December, the collective proceeding of 2 July.
    horloge(datetime.date(2027, 1, 5))
    groupes = {g.procedure: g for g in etat_au(datetime.date(2026, 12, 31)).groupes}
    assert [ligne.debiteur for ligne in groupes["procedure_collective"].lignes] == ["M. Petit"]


def test_le_csv_de_l_etat(contentieux):
    csv = etat_csv(etat_au(TRENTE_JUIN))
    lignes = csv.splitlines()
    assert lignes[0] == "État nominatif des débiteurs arrêté au 30/06/2026"
    assert lignes[1].startswith("Procédure engagée;Débiteur;Compte")
    assert any(
        ligne.startswith("Mise en demeure (délai de trente jours);Société Orion;4111;employeur;")
        and ";2400,00;2400,00;" in ligne
        for ligne in lignes
    )
    assert lignes[-1].startswith("Total;2 débiteur(s);") and lignes[-1].endswith(";3000,00")


def test_l_echeance_du_1er_aout_puis_le_retard(contentieux, directrice, horloge):
    assert _etats(TRENTE_JUIN) == []  # the half-year has not ended
    horloge(datetime.date(2026, 7, 1))
    [item] = _etats(datetime.date(2026, 7, 1))
    assert item.le == datetime.date(2026, 8, 1) and item.jours(datetime.date(2026, 7, 1)) == 31
    assert "30/06/2026" in item.quoi
    assert [
        e for e in a_echoir(datetime.date(2026, 7, 1), COMPTABLE) if "nominatif" in e.quoi
    ] == []
    horloge(datetime.date(2026, 8, 1))
    [item] = _etats(datetime.date(2026, 8, 1))
    assert item.jours(datetime.date(2026, 8, 1)) == 0
    horloge(datetime.date(2026, 8, 2))
    [item] = _etats(datetime.date(2026, 8, 2))
    assert item.jours(datetime.date(2026, 8, 2)) == -1  # en retard d'un jour

    envoi = etat_nominatif_adresser(
        acting_user=directrice,
        annee=2026,
        semestre=1,
        envoye_le=datetime.date(2026, 8, 2),
        reference="CN-2026-S1",
    )

    assert envoi.en_retard and envoi.debiteurs == 2 and envoi.montant == Decimal("3000.00")
    assert "Société Orion" in envoi.contenu
    assert _etats(datetime.date(2026, 8, 2)) == []


def test_l_echeance_du_1er_fevrier_pour_le_second_semestre(contentieux, directrice, horloge):
    horloge(datetime.date(2026, 7, 20))
    etat_nominatif_adresser(
        acting_user=directrice,
        annee=2026,
        semestre=1,
        envoye_le=datetime.date(2026, 7, 20),
        reference="CN-2026-S1",
    )
    horloge(datetime.date(2027, 2, 1))
    [item] = _etats(datetime.date(2027, 2, 1))
    assert item.le == datetime.date(2027, 2, 1) and "31/12/2026" in item.quoi
    horloge(datetime.date(2027, 2, 2))
    [item] = _etats(datetime.date(2027, 2, 2))
    assert item.jours(datetime.date(2027, 2, 2)) == -1


def test_l_etat_ne_s_adresse_qu_apres_le_semestre_et_une_fois(contentieux, directrice, horloge):
    with pytest.raises(TransitionInterdite, match="ne s'adresse qu'après la fin du semestre"):
        etat_nominatif_adresser(
            acting_user=directrice,
            annee=2026,
            semestre=1,
            envoye_le=datetime.date(2026, 6, 15),
            reference="x",
        )
    horloge(datetime.date(2026, 7, 10))
    etat_nominatif_adresser(
        acting_user=directrice,
        annee=2026,
        semestre=1,
        envoye_le=datetime.date(2026, 7, 10),
        reference="CN-1",
    )
    with pytest.raises(TransitionInterdite, match="déjà adressé à la caisse .le 10/07/2026"):
        etat_nominatif_adresser(
            acting_user=directrice,
            annee=2026,
            semestre=1,
            envoye_le=datetime.date(2026, 7, 10),
            reference="CN-2",
        )
    assert EnvoiEtatNominatif.objects.count() == 1


def test_seul_le_directeur_adresse_l_etat(contentieux, comptable, horloge):
    horloge(datetime.date(2026, 7, 10))
    with pytest.raises(DroitInsuffisant, match="Seul le directeur peut adresser"):
        etat_nominatif_adresser(
            acting_user=comptable,
            annee=2026,
            semestre=1,
            envoye_le=datetime.date(2026, 7, 10),
            reference="x",
        )


def test_postgresql_garde_l_envoi(contentieux, directrice, horloge):
    horloge(datetime.date(2026, 7, 10))
    envoi = etat_nominatif_adresser(
        acting_user=directrice,
        annee=2026,
        semestre=1,
        envoye_le=datetime.date(2026, 7, 10),
        reference="CN-1",
    )
    refus_sql(
        lambda c: c.execute("UPDATE recouvrement_envoietatnominatif SET reference = 'x'"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda c: c.execute("DELETE FROM recouvrement_envoietatnominatif"),
        "ne se modifie ni ne se supprime",
    )
    colonnes = (
        "annee, semestre, arrete_au, envoye_le, reference, par_id, qualite, debiteurs, montant, "
        "contenu, en_retard, enregistre_le"
    )

    def inserer(semestre, arrete, envoye):
        return lambda c: c.execute(
            f"INSERT INTO recouvrement_envoietatnominatif ({colonnes}) VALUES "
            "(2026, %s, %s, %s, 'y', %s, 'directeur', 0, 0, '', false, now())",
            [semestre, arrete, envoye, directrice.pk],
        )

    refus_sql(inserer(1, TRENTE_JUIN, datetime.date(2026, 7, 11)), "déjà adressé à la caisse")
    refus_sql(
        inserer(2, datetime.date(2026, 12, 31), datetime.date(2026, 12, 31)),
        "ne s'adresse qu'après la fin du semestre",
    )
    refus_sql(
        inserer(2, datetime.date(2026, 11, 30), datetime.date(2027, 1, 2)),
        "arrêté au 30 juin ou au 31 décembre",
    )
    envoi.refresh_from_db()
    assert envoi.reference == "CN-1"


def test_un_paiement_apres_le_30_juin_ne_change_pas_l_etat_au_30_juin(
    contentieux, comptable, comptes, horloge
):
    from tresorerie import services as t

    loyer, _ = contentieux
    horloge(datetime.date(2026, 7, 3))
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="250.00",
        payeur="M. Petit",
        objet="Acompte",
        reference="VIR",
        repartitions=[t.Repartition(loyer.ligne, "250.00")],
    )
    au_30_juin = {ligne.debiteur: ligne.reste for ligne in etat_au(TRENTE_JUIN).lignes}
    assert au_30_juin["M. Petit"] == Decimal("600.00")
    au_3_juillet = {
        ligne.debiteur: ligne.reste for ligne in etat_au(datetime.date(2026, 7, 3)).lignes
    }
    assert au_3_juillet["M. Petit"] == Decimal("350.00")


def test_un_debiteur_solde_n_est_plus_sur_l_etat(contentieux, comptable, comptes, horloge):
    from tresorerie import services as t

    loyer, _ = contentieux
    horloge(datetime.date(2026, 7, 3))
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="600.00",
        payeur="M. Petit",
        objet="Solde",
        reference="VIR",
        repartitions=[t.Repartition(loyer.ligne, "600.00")],
    )
    assert [ligne.debiteur for ligne in etat_au(datetime.date(2026, 7, 3)).lignes] == [
        "Société Orion"
    ]


def test_un_ordre_pris_en_charge_le_1er_juillet_a_0_h_30_n_est_pas_dans_l_etat_du_30_juin(
    contentieux, directrice, comptable, horloge
):
    """1 July 00:30 in Paris is 30 June 22:30 UTC: the fund's day is 1 July."""
    loyer, _ = contentieux
    journaliser(
        debiteur=loyer.debiteur,
        creance=None,
        type="procedure_collective",
        le=datetime.date(2026, 6, 25),
        libelle="Redressement judiciaire de M. Petit",
        auteur=directrice,
        qualite="directeur",
    )
    horloge(datetime.datetime(2026, 7, 1, 0, 30))
    juillet = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="M. Petit",
        qualite="locataire",
        montant="450.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
        objet="Loyer de juillet",
        le=datetime.date(2026, 7, 1),
    )
    with transaction.atomic():
        creance_de(juillet.lignes.get(), datetime.date(2026, 7, 1))
    juillet.refresh_from_db()
    assert juillet.pris_en_charge_le.astimezone(datetime.UTC).date() == TRENTE_JUIN
    [petit] = [ligne for ligne in etat_au(TRENTE_JUIN).lignes if ligne.debiteur == "M. Petit"]
    assert petit.ordres == [loyer.ligne.ordre.reference]
    assert petit.reste == Decimal("600.00")
    horloge(datetime.date(2026, 7, 2))
    [petit] = [
        ligne for ligne in etat_au(datetime.date(2026, 7, 1)).lignes if ligne.debiteur == "M. Petit"
    ]
    assert petit.reste == Decimal("1050.00")


def test_l_etat_ne_lit_que_le_dernier_acte_des_debiteurs_encore_redevables(
    contentieux, directrice, comptable, comptes, horloge
):
    """Société Orion paid everything on 20 June: its acts are not read for the état
    of 30 June; for the others, one act per claim (DISTINCT ON), not the whole journal."""
    _, cotisation = contentieux
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="2400.00",
        payeur="Société Orion",
        objet="Cotisations",
        reference="VIR",
        repartitions=[t.Repartition(cotisation.ligne, "2400.00")],
    )
    with CaptureQueriesContext(connection) as requetes:
        etat = etat_au(TRENTE_JUIN)
    assert [ligne.debiteur for ligne in etat.lignes] == ["M. Petit"]
    lectures = [
        q["sql"]
        for q in requetes.captured_queries
        if q["sql"].split(" FROM ", 1)[-1].startswith('"recouvrement_acte"')
    ]
    # The last act per claim still owed, the last per debtor naming no claim.
    assert len(lectures) == 2 and all(sql.startswith("SELECT DISTINCT ON") for sql in lectures)
