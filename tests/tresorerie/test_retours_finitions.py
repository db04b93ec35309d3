"""Returns, after a browser walk (issue 15): the correction form keeps what was
typed after a refusal and starts from the current details; the return is dated
the bank's booking day, its counter-entry the day it is recorded; a rejection
« before booking » of a transfer the bank debited is refused; the list's
« Corriger » link, the corrections' IBANs, the batch page's short options."""

import dataclasses
import datetime
import html
import types
from decimal import Decimal

import pytest
from django.urls import reverse

from core.exceptions import TransitionInterdite
from oppositions.banque import formater_iban
from tests.tresorerie.conftest import ordre_vise
from tests.tresorerie.releves_outils import fichier, importer, ligne, lignes_du_lot
from tresorerie import releves
from tresorerie import services as t
from tresorerie.models import CorrectionCoordonnees, Retour
from tresorerie.services.retour_manuel import virement_retourne_enregistrer
from tresorerie.services.retours import date_du_retour

pytestmark = pytest.mark.django_db

NOUVEL_IBAN = "FR7630004000031234567890143"
MAUVAISE_CLE = "FR7630004000031234567890144"
JOUR = datetime.date(2026, 6, 15)


def page(reponse) -> str:
    return html.unescape(reponse.content.decode()).replace("\xa0", " ")


@pytest.fixture
def lot(directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90", identifiant="")
    return t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])


def _retour(comptable, lot, motif="MS03"):
    return t.paiement_retourner(
        acting_user=comptable, paiement=lot.paiements.get(montant="1200.00"), motif=motif
    )


def test_un_refus_reaffiche_le_formulaire_avec_la_saisie_et_le_message(client, comptable, lot):
    retour = _retour(comptable, lot, motif="AC04")
    client.force_login(comptable)
    saisie = {"iban": MAUVAISE_CLE, "bic": "BNPAFRPPXXX", "justification": "RIB reçu le 12 juin"}

    reponse = client.post(reverse("tresorerie:retour_corriger", args=[retour.pk]), saisie)

    assert reponse.status_code == 400
    texte = page(reponse)
    assert f"La clé de l'IBAN « {MAUVAISE_CLE} » est fausse" in texte
    assert f'value="{MAUVAISE_CLE}"' in texte and 'value="BNPAFRPPXXX"' in texte
    assert "RIB reçu le 12 juin</textarea>" in texte
    assert "Enregistrer la correction" in texte and 'name="jeton_formulaire"' in texte
    assert not CorrectionCoordonnees.objects.exists()
    # The form sent again, corrected, is recorded.
    saisie["iban"] = NOUVEL_IBAN
    reponse = client.post(reverse("tresorerie:retour_corriger", args=[retour.pk]), saisie)
    assert reponse.status_code == 302
    assert CorrectionCoordonnees.objects.get().iban == NOUVEL_IBAN


def test_un_champ_manquant_reaffiche_aussi_la_saisie(client, comptable, lot):
    retour = _retour(comptable, lot, motif="AC04")
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:retour_corriger", args=[retour.pk]),
        {"iban": NOUVEL_IBAN, "bic": "BNPAFRPPXXX", "justification": ""},
    )
    assert reponse.status_code == 400
    texte = page(reponse)
    assert "D'où viennent ces coordonnées" in texte and "obligatoire" in texte
    assert f'value="{NOUVEL_IBAN}"' in texte
    assert not CorrectionCoordonnees.objects.exists()


def test_le_formulaire_part_des_coordonnees_actuelles_et_confirmer_garde_le_bic(
    client, comptable, lot
):
    retour = _retour(comptable, lot, motif="MS03")
    paiement = retour.paiement
    assert paiement.bic
    client.force_login(comptable)
    texte = page(client.get(reverse("tresorerie:retour", args=[retour.pk])))
    assert f'value="{formater_iban(paiement.iban)}"' in texte
    assert f'value="{paiement.bic}"' in texte

    client.post(
        reverse("tresorerie:retour_corriger", args=[retour.pk]),
        {
            "iban": formater_iban(paiement.iban),
            "bic": paiement.bic,
            "justification": "La banque confirme le compte par téléphone le 16 juin.",
        },
    )
    correction = CorrectionCoordonnees.objects.get()
    assert (correction.iban, correction.bic) == (paiement.iban, paiement.bic)

    # Then the form starts from the last correction.
    client.post(
        reverse("tresorerie:retour_corriger", args=[retour.pk]),
        {"iban": NOUVEL_IBAN, "bic": "BNPAFRPPXXX", "justification": "Nouveau RIB reçu."},
    )
    texte = page(client.get(reverse("tresorerie:retour", args=[retour.pk])))
    assert f'value="{formater_iban(NOUVEL_IBAN)}"' in texte and 'value="BNPAFRPPXXX"' in texte
    # The corrections' table groups the IBANs by four, as the rest of the page.
    assert f'<td class="empreinte">{formater_iban(NOUVEL_IBAN)}</td>' in texte
    assert f'<td class="empreinte">{NOUVEL_IBAN}</td>' not in texte


def test_la_date_du_retour_est_bornee():
    lot = types.SimpleNamespace(date=datetime.date(2026, 6, 10))
    paiement = types.SimpleNamespace(lot=lot)
    ligne_du = types.SimpleNamespace
    assert date_du_retour(paiement, None, JOUR) == JOUR
    assert date_du_retour(paiement, ligne_du(date_operation=datetime.date(2026, 6, 12)), JOUR) == (
        datetime.date(2026, 6, 12)
    )
    assert date_du_retour(paiement, ligne_du(date_operation=datetime.date(2026, 6, 20)), JOUR) == (
        JOUR
    )
    assert date_du_retour(paiement, ligne_du(date_operation=datetime.date(2026, 6, 1)), JOUR) == (
        datetime.date(2026, 6, 10)
    )


def _releve_du(jour, lignes, iban) -> bytes:
    datees = [dataclasses.replace(lg, date_operation=jour, date_valeur=jour) for lg in lignes]
    mouvement = sum(
        (lg.montant if lg.sens == "credit" else -lg.montant for lg in datees), Decimal("0.00")
    )
    releve = releves.Releve(
        format="camt.053",
        identifiant="REL-17",
        iban=iban,
        date_debut=jour,
        date_fin=jour,
        solde_ouverture=Decimal("0.00"),
        solde_cloture=mouvement,
        lignes=tuple(datees),
        version="camt.053.001.08",
        nature=releves.RELEVE,
    )
    return releves.ecrire_camt(releve, message_id="MSG-REL-17", version="camt.053.001.08")


def test_le_retour_lu_sur_un_releve_est_date_du_jour_de_la_banque(
    client, comptable, comptes, lot, horloge
):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    horloge(datetime.date(2026, 6, 20))
    retour_banque = ligne(
        "1200.00", "credit", paiement.bout_en_bout, "Retour de virement", motif_retour="AC04"
    )
    importer(
        comptable,
        banque,
        _releve_du(datetime.date(2026, 6, 17), [*lignes_du_lot(lot), retour_banque], banque.iban),
    )

    retour = Retour.objects.select_related("ecriture__journal").get()
    assert retour.date == datetime.date(2026, 6, 17)
    assert retour.ecriture.date == datetime.date(2026, 6, 20)
    client.force_login(comptable)
    texte = page(client.get(reverse("tresorerie:retour", args=[retour.pk])))
    assert (
        "retourné par la banque le 17/06/2026, enregistré le 20/06/2026 (contre-écriture "
        f"TR-{retour.ecriture.numero})"
    ) in texte
    assert "17/06/2026" in page(client.get(reverse("tresorerie:retours")))


def test_un_rejet_avant_comptabilisation_d_un_virement_debite_est_refuse(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    importer(comptable, banque, fichier(lignes_du_lot(lot), banque.iban))
    paiement = lot.paiements.get(montant="1200.00")

    with pytest.raises(TransitionInterdite) as refus:
        virement_retourne_enregistrer(acting_user=comptable, paiement=paiement, motif="AC04")

    assert refus.value.message == (
        f"Le virement {paiement.bout_en_bout} à {paiement.beneficiaire} a été débité par la "
        "banque (relevé REL-1, ligne du 15/06/2026) : il n'a pas été rejeté avant "
        "comptabilisation ; enregistrez son retour avec la ligne de crédit du relevé qui le rend."
    )
    assert not Retour.objects.exists()
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "paye"


def test_un_rejet_avant_comptabilisation_reste_possible_sans_debit_au_releve(comptable, lot):
    paiement = lot.paiements.get(montant="99.90")
    retour = virement_retourne_enregistrer(acting_user=comptable, paiement=paiement, motif="AC04")
    assert retour.date == JOUR and retour.ligne_releve is None


def test_le_lien_corriger_de_la_liste_n_est_montre_qu_a_qui_corrige(
    client, comptable, auditeur, lot
):
    retour = _retour(comptable, lot, motif="AC04")
    client.force_login(auditeur)
    texte = page(client.get(reverse("tresorerie:retours")))
    assert "à corriger" in texte and ">Corriger<" not in texte
    assert "Enregistrer la correction" not in page(
        client.get(reverse("tresorerie:retour", args=[retour.pk]))
    )
    client.force_login(comptable)
    assert ">Corriger<" in page(client.get(reverse("tresorerie:retours")))


def test_les_options_des_lignes_du_releve_sont_courtes(client, comptable, comptes, lot):
    banque = comptes["BANQUE"]
    credit = ligne("1200.00", "credit", "REF-PERDUE", "Retour virement " + "x" * 80)
    importer(comptable, banque, fichier([*lignes_du_lot(lot), credit], banque.iban))
    client.force_login(comptable)
    texte = page(client.get(reverse("tresorerie:lot", args=[lot.pk])))
    assert ">15/06/2026 — 1 200,00 € — REL-1</option>" in texte
    assert ">aucune : rejeté avant comptabilisation</option>" in texte
