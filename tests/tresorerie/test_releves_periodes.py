"""The days a statement may speak of: passed, while the account was open, and
on no other statement of the account unless it continues it balance for
balance (a bank may cut one day in several statements); a UTF-16 file is
named as such."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide
from tests.tresorerie.conftest import AUJOURD_HUI
from tests.tresorerie.releves_outils import importer, ligne
from tresorerie import releves
from tresorerie.models import Releve

pytestmark = pytest.mark.django_db

JOUR = datetime.timedelta(days=1)


def releve(iban, identifiant, du, au, ouverture, lignes=()):
    mouvement = sum(
        (lg.montant if lg.sens == "credit" else -lg.montant for lg in lignes), Decimal("0.00")
    )
    lignes = tuple(dataclasses.replace(lg, date_operation=du, date_valeur=du) for lg in lignes)
    lu = releves.Releve(
        format="camt.053",
        identifiant=identifiant,
        iban=iban,
        date_debut=du,
        date_fin=au,
        solde_ouverture=Decimal(ouverture),
        solde_cloture=Decimal(ouverture) + mouvement,
        lignes=lignes,
        version="camt.053.001.08",
    )
    return releves.ecrire_camt(lu, message_id=f"MSG-{identifiant}")


def test_un_releve_qui_va_au_dela_d_aujourd_hui_est_refuse(comptable, comptes):
    banque = comptes["BANQUE"]
    demain = AUJOURD_HUI + JOUR
    with pytest.raises(DonneeInvalide) as refus:
        importer(comptable, banque, releve(banque.iban, "FUTUR", AUJOURD_HUI, demain, "0.00"))
    assert str(refus.value) == (
        f"Le relevé « FUTUR » va jusqu'au {demain:%d/%m/%Y}, après aujourd'hui "
        f"({AUJOURD_HUI:%d/%m/%Y}) : une banque ne relève que des jours passés. Vérifiez la "
        "date du fichier."
    )
    assert not Releve.objects.exists()


def test_un_releve_d_avant_l_ouverture_du_compte_est_refuse(comptable, comptes):
    banque = comptes["BANQUE"]
    avant = banque.ouvert_le - JOUR
    with pytest.raises(DonneeInvalide) as refus:
        importer(comptable, banque, releve(banque.iban, "ANCIEN", avant, avant, "1000.00"))
    assert (
        f"commence le {avant:%d/%m/%Y}, avant l'ouverture du compte « {banque.libelle} » le "
        f"{banque.ouvert_le:%d/%m/%Y}." in str(refus.value)
    )
    assert not Releve.objects.exists()


def test_un_releve_qui_en_chevauche_un_autre_est_refuse(comptable, comptes):
    banque = comptes["BANQUE"]
    avant, hier = AUJOURD_HUI - 2 * JOUR, AUJOURD_HUI - JOUR
    importer(comptable, banque, releve(banque.iban, "S1", avant, AUJOURD_HUI, "0.00"))
    autre = releve(banque.iban, "S2", hier, hier, "0.00")
    with pytest.raises(DonneeInvalide) as refus:
        importer(comptable, banque, autre, "s2.xml")
    assert str(refus.value).startswith(
        f"Le relevé « S2 » (du {hier:%d/%m/%Y} au {hier:%d/%m/%Y}) chevauche le relevé « S1 » "
        f"déjà importé (du {avant:%d/%m/%Y} au {AUJOURD_HUI:%d/%m/%Y}) : un même jour ne figure "
        "que sur un relevé du compte, sauf le jour où l'un finit et l'autre commence."
    )
    assert list(Releve.objects.values_list("identifiant", flat=True)) == ["S1"]


def test_deux_releves_du_meme_jour_qui_se_suivent_sont_acceptes_et_chaines(comptable, comptes):
    banque = comptes["BANQUE"]
    credit = ligne("250.00", "credit", "VIR-1")
    importer(comptable, banque, releve(banque.iban, "J-1", AUJOURD_HUI, AUJOURD_HUI, "0.00"))
    second = importer(
        comptable,
        banque,
        releve(banque.iban, "J-2", AUJOURD_HUI, AUJOURD_HUI, "0.00", [credit]),
        "j2.xml",
    )
    assert second.solde_cloture == Decimal("250.00")
    # A third of the same day must follow the second, not the first.
    with pytest.raises(DonneeInvalide) as refus:
        importer(
            comptable, banque, releve(banque.iban, "J-3", AUJOURD_HUI, AUJOURD_HUI, "0.00"), "j3"
        )
    assert str(refus.value) == (
        "Le solde d'ouverture du relevé (0,00\u00a0€) ne suit pas le solde de clôture du relevé "
        "précédent J-2 (250,00\u00a0€) : un relevé manque-t-il ?"
    )
    troisieme = importer(
        comptable, banque, releve(banque.iban, "J-3", AUJOURD_HUI, AUJOURD_HUI, "250.00"), "j3"
    )
    assert troisieme.solde_ouverture == Decimal("250.00")
    assert Releve.objects.count() == 3


def test_un_fichier_en_utf16_est_nomme_comme_tel(comptable, comptes):
    banque = comptes["BANQUE"]
    texte = releve(banque.iban, "U16", AUJOURD_HUI, AUJOURD_HUI, "0.00").decode("utf-8")
    contenu = texte.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    with pytest.raises(DonneeInvalide) as refus:
        importer(comptable, banque, contenu)
    assert str(refus.value).startswith(
        "Ce fichier est encodé en UTF-16 : un relevé camt se lit en UTF-8, l'encodage des "
        "messages ISO 20022."
    )
    assert not Releve.objects.exists()


def test_un_releve_qui_ne_mene_pas_au_releve_suivant_est_refuse(comptable, comptes):
    """Two days covered, then a statement overlapping them on the boundary days:
    it follows the previous one but does not lead to the next one."""
    banque = comptes["BANQUE"]
    j2, j1 = AUJOURD_HUI - 2 * JOUR, AUJOURD_HUI - JOUR
    importer(comptable, banque, releve(banque.iban, "R-J2", j2, j2, "100.00"))
    credit = ligne("50.00", "credit", "VIR-9")
    importer(comptable, banque, releve(banque.iban, "R-J", AUJOURD_HUI, AUJOURD_HUI, "100.00"))
    intrus = releve(banque.iban, "R-INTRUS", j2, AUJOURD_HUI, "100.00", [credit])
    with pytest.raises(DonneeInvalide) as refus:
        importer(comptable, banque, intrus, "intrus.xml")
    assert str(refus.value) == (
        f"Le relevé « R-INTRUS » (du {j2:%d/%m/%Y} au {AUJOURD_HUI:%d/%m/%Y}) se clôt sur "
        "150,00\u00a0€, alors que le relevé suivant déjà importé, R-J (du "
        f"{AUJOURD_HUI:%d/%m/%Y} au {AUJOURD_HUI:%d/%m/%Y}), s'ouvre sur 100,00\u00a0€ : il ne "
        "prend pas place entre les relevés du compte."
    )
    # A statement of the missing day that leads from one to the other fills the gap.
    manquant = importer(comptable, banque, releve(banque.iban, "R-J1", j1, j1, "100.00"), "j1")
    assert manquant.solde_cloture == Decimal("100.00")
    assert Releve.objects.count() == 3
