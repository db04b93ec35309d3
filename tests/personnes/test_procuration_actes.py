"""A fondé de pouvoir acts only within the procuration the board approved
(circ. 93/82 §1.1.1, issue 12 point 1): the acts it names, up to its ceiling.
Every act of the agent comptable asks it through `exiger_comptable`."""

import contextlib
import pathlib
import re
from decimal import Decimal

import pytest

from core import acte_courant
from core.exceptions import DroitInsuffisant
from core.money import format_euros
from depenses.models import OrdreDepense
from ledger.models import Ecriture
from ledger.services import LigneSaisie, ecriture_passer
from personnes.droits import CATALOGUE
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from tests.factories import fonde_de_pouvoir, personne
from tests.tresorerie.conftest import ordre_vise
from tresorerie import services as t
from tresorerie.demo import creer_tresorerie_demo
from tresorerie.models import ArreteCaisse, Encaissement, LotPaiement

pytestmark = pytest.mark.django_db

RACINE = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def comptes(comptable, exercice):
    """The demo's accounts; the bank may go overdrawn (the suite funds nothing)."""
    comptes = creer_tresorerie_demo(
        comptable=comptable,
        regisseur=personne("regisseur", Fonction.REGISSEUR),
        debut=exercice.debut,
    )
    comptes["BANQUE"].decouvert_autorise = Decimal("100000.00")
    comptes["BANQUE"].save(update_fields=["decouvert_autorise"])
    return comptes


@pytest.fixture
def credits(directrice, exercice):
    from budget import services as budget

    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures administratives",
        montant_initial=Decimal("300000.00"),
    )
    return exercice


def _cheque(fonde, comptes, montant="100.00"):
    return t.encaissement_enregistrer(
        acting_user=fonde,
        compte=comptes["BANQUE"],
        moyen="cheque",
        montant=montant,
        payeur="M. Girard",
        objet="Chèque reçu par courrier",
    )


def _virer(fonde, comptes, montant):
    return t.virement_interne(
        acting_user=fonde, de=comptes["BANQUE"], vers=comptes["CAISSE"], montant=montant
    )


def test_le_fonde_sans_procuration_est_refuse(comptable, comptes):
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    avant = (Ecriture.objects.count(), Encaissement.objects.count())
    with pytest.raises(DroitInsuffisant, match="sans procuration en vigueur agréée") as refus:
        _cheque(fonde, comptes)
    assert refus.value.details["regle"] == "sans_procuration"
    assert (Ecriture.objects.count(), Encaissement.objects.count()) == avant


def test_le_fonde_agit_dans_sa_procuration_et_pas_au_dela_de_ses_actes(comptable, comptes):
    fonde = fonde_de_pouvoir(actes="tresorerie.encaisser")
    p = fonde.procurations.get()

    # the act it names: the encaissement and its posting (which names no act) pass
    encaissement = _cheque(fonde, comptes)
    assert encaissement.recu_par == fonde and encaissement.ecriture.passee_par == fonde

    # another act of the catalogue: refused, nothing recorded
    avant = Ecriture.objects.count()
    with pytest.raises(DroitInsuffisant) as refus:
        t.arrete_caisse(acting_user=fonde, compte=comptes["CAISSE"], comptage={"100": 0})
    assert refus.value.message == (
        f"Votre procuration n° {p.pk} (délibération délibération n° 1 du "
        f"{p.agreee_le:%d/%m/%Y}) ne vous permet que les actes tresorerie.encaisser : pas "
        "« tresorerie.arrete_caisse » (circulaire 93/82 §1.1.1)."
    )
    assert not ArreteCaisse.objects.exists()

    # an act naming no code (a manual entry by the service): refused, its phrase named
    with pytest.raises(DroitInsuffisant, match=re.escape("pas « passer une écriture »")):
        ecriture_passer(
            acting_user=fonde,
            exercice=encaissement.exercice,
            journal="OD",
            date=encaissement.date,
            libelle="Frais",
            lignes=[LigneSaisie("627", debit="1.00"), LigneSaisie("5122", credit="1.00")],
        )
    assert Ecriture.objects.count() == avant


def test_un_acte_sans_code_suit_l_acte_que_la_page_ou_l_api_execute(comptable, jour):
    fonde = fonde_de_pouvoir(actes="ordre_depense.viser")
    with pytest.raises(DroitInsuffisant, match="pas « viser un ordre de dépense »"):
        exiger_comptable(fonde, jour, "viser un ordre de dépense")
    with acte_courant.en_cours("tresorerie.payer"), pytest.raises(DroitInsuffisant):
        exiger_comptable(fonde, jour, "viser un ordre de dépense")
    # (once allowed, the act covers what it calls in the same block: last here)
    with acte_courant.en_cours("ordre_depense.viser", "ordre_depense.viser"):
        exiger_comptable(fonde, jour, "viser un ordre de dépense")


def test_une_procuration_sans_liste_d_actes_les_couvre_tous(comptable, jour):
    fonde = fonde_de_pouvoir()
    exiger_comptable(fonde, jour, "viser un ordre de dépense")
    exiger_comptable(fonde, jour, "clore un exercice", code="exercice.clore")


def test_au_dela_du_plafond_le_virement_est_refuse_en_deca_il_passe(comptable, comptes):
    fonde = fonde_de_pouvoir(montant_max=Decimal("500.00"))
    avant = Ecriture.objects.count()
    with pytest.raises(DroitInsuffisant) as refus:
        _virer(fonde, comptes, "600.00")
    assert (
        f"Le montant de {format_euros(Decimal('600'))} dépasse le plafond de "
        f"{format_euros(Decimal('500'))} de votre procuration n° {fonde.procurations.get().pk}"
    ) in refus.value.message
    assert refus.value.details["regle"] == "plafond"
    assert Ecriture.objects.count() == avant
    ecriture = _virer(fonde, comptes, "500.00")
    assert ecriture.passee_par == fonde


def test_au_dela_du_plafond_l_encaissement_est_refuse_en_deca_il_passe(comptable, comptes):
    fonde = fonde_de_pouvoir(montant_max=Decimal("500.00"))
    avant = (Ecriture.objects.count(), Encaissement.objects.count())
    with pytest.raises(DroitInsuffisant) as refus:
        _cheque(fonde, comptes, "500.01")
    assert refus.value.details["regle"] == "plafond"
    assert "dépasse le plafond de 500,00" in refus.value.message.replace("\u00a0", " ")
    assert (Ecriture.objects.count(), Encaissement.objects.count()) == avant
    assert _cheque(fonde, comptes, "500.00").recu_par == fonde


def test_au_dela_du_plafond_le_paiement_est_refuse_en_deca_il_passe(
    directrice, comptable, comptes, credits
):
    fonde = fonde_de_pouvoir(actes="tresorerie.payer", montant_max=Decimal("1000.00"))
    gros = ordre_vise(directrice, comptable, credits, montant="1200.00")
    petit = ordre_vise(
        directrice, comptable, credits, montant="800.00", identifiant="40483304800022"
    )

    with pytest.raises(
        DroitInsuffisant, match=re.escape(f"Le montant de {format_euros(gros.montant)} dépasse")
    ):
        t.lot_payer(acting_user=fonde, ordres=[gros], compte=comptes["BANQUE"])
    gros.refresh_from_db()
    assert gros.etat == OrdreDepense.Etat.VISE and not LotPaiement.objects.exists()

    # within the ceiling, the payment and what it posts and moves (credits) pass
    lot = t.lot_payer(acting_user=fonde, ordres=[petit], compte=comptes["BANQUE"])
    petit.refresh_from_db()
    assert (lot.total, petit.etat, petit.paye_par) == (Decimal("800.00"), "paye", fonde)


def test_le_fonde_faisant_fonction_n_a_pas_besoin_de_procuration(comptable, directrice, jour):
    from personnes.models import Interim

    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    Interim.objects.create(
        utilisateur=fonde, nature=Interim.Nature.FONDE_DE_POUVOIR, debut=jour, fin=jour
    )
    exiger_comptable(fonde, jour, "clore un exercice", code="exercice.clore")
    with pytest.raises(DroitInsuffisant, match="sans procuration"):
        exiger_comptable(fonde, jour.replace(day=jour.day + 1), "clore un exercice")


def test_chaque_code_passe_aux_gardes_est_au_catalogue():
    """The codes the acts hand `exiger_comptable` are those a procuration lists."""
    import importlib

    from django.apps import apps

    for app in apps.get_app_configs():
        with contextlib.suppress(ModuleNotFoundError):
            importlib.import_module(f"{app.name}.actes")
    appel = re.compile(r"exiger_comptable\((?:[^()]|\([^()]*\))*?code=\"([a-z_.]+)\"", re.S)
    codes = {
        code
        for chemin in RACINE.glob("*/**/*.py")
        if ".venv" not in chemin.parts and "tests" not in chemin.parts
        for code in appel.findall(chemin.read_text())
    }
    assert len(codes) > 20
    assert codes - set(CATALOGUE) == set()


def test_le_plafond_est_verifie_sur_un_montant_valide_seulement(comptable, jour):
    fonde = fonde_de_pouvoir(montant_max=Decimal("10.00"))
    # an amount the act refuses itself is left to it
    exiger_comptable(
        fonde, jour, "virer des fonds", code="tresorerie.virement_interne", montant="x"
    )
