"""The permission catalogue: every act names a droit of it, every droit refuses
in French, and the API's edge refuses with the catalogue's sentence before
the service runs (nothing changes)."""

import datetime
import importlib
import io
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from budget import actes as actes_budget
from budget.models import Credit, ModificationCredit
from budget.services import credit_ouvrir
from core import horloge as horloge_caisse
from core.actes import Acte
from core.models import JournalAudit
from ledger import actes as actes_ledger
from ledger.models import Exercice
from personnes import actes as actes_personnes
from personnes.droits import CATALOGUE
from personnes.models import Delegation, Fonction
from personnes.services import delegation_creer
from tests.factories import personne


def _modules_actes() -> list[str]:
    """Every app's `actes` module (a file or a package), core's mechanism aside."""
    racine = settings.BASE_DIR
    noms = {chemin.parent.name for chemin in racine.glob("*/actes.py")}
    noms |= {chemin.parent.parent.name for chemin in racine.glob("*/actes/__init__.py")}
    return sorted(f"{nom}.actes" for nom in noms - {"core"})


def _actes() -> list[tuple[str, str, Acte]]:
    trouves = []
    for nom_module in _modules_actes():
        module = importlib.import_module(nom_module)
        for nom, valeur in vars(module).items():
            if isinstance(valeur, Acte):
                trouves.append((nom_module, nom, valeur))
    return trouves


# Importing every actes module fills the catalogue before it is read below.
ACTES = _actes()


def test_chaque_application_qui_agit_declare_ses_actes():
    modules = _modules_actes()
    assert {"ledger.actes", "budget.actes", "personnes.actes", "oppositions.actes"} <= set(modules)
    assert {"ledger.actes", "budget.actes", "personnes.actes"} <= {m for m, _n, _a in ACTES}


@pytest.mark.parametrize(
    ("module", "nom", "acte"), ACTES, ids=lambda v: v if isinstance(v, str) else ""
)
def test_chaque_acte_nomme_un_droit_du_catalogue(module, nom, acte):
    assert acte.droit is not None, f"{module}.{nom} n'a pas de droit"
    assert CATALOGUE.get(acte.droit.code) is acte.droit
    assert acte.droit.fonctions <= set(Fonction.values)
    assert acte.droit.fonctions, f"{acte.droit.code} n'est accordé à personne"


MOTS_FRANCAIS = re.compile(r"\b(le|la|les|l'|un|une|des|du|de|d'|ces|cet|cette|à)\b", re.I)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_chaque_refus_est_une_phrase_francaise(code):
    refus = CATALOGUE[code].refus
    assert refus[0].isupper(), refus
    assert refus.endswith("."), refus
    assert len(refus.split()) >= 4, refus
    assert MOTS_FRANCAIS.search(refus), refus
    assert "  " not in refus, refus


def test_les_codes_des_droits_disent_l_objet_et_l_acte():
    for code, entree in CATALOGUE.items():
        assert entree.code == code
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", code), code


# --- The edge of the API refuses with the catalogue's sentence -----------------


def _api(utilisateur) -> APIClient:
    client = APIClient()
    client.force_authenticate(utilisateur)
    return client


@pytest.mark.django_db
def test_l_api_du_grand_livre_refuse_la_cloture_a_la_directrice(directrice, exercice):
    # given an open exercise and the directeur, who keeps no books
    audit_avant = JournalAudit.objects.count()

    # when she asks the API to close it
    reponse = _api(directrice).post(
        reverse("api_exercice_clore", args=[exercice.annee]), format="json"
    )

    # then the edge refuses, with the catalogue's sentence, before the service
    assert reponse.status_code == 403
    assert reponse.json() == {
        "code": "permission_denied",
        "message": actes_ledger.CLORE_DROIT.refus,
        "details": {},
    }
    assert reponse.json()["message"].startswith(
        "Seul l'agent comptable (ou son fondé de pouvoir) peut clore un exercice"
    )
    assert Exercice.objects.get(pk=exercice.pk).etat == Exercice.Etat.OUVERT
    assert JournalAudit.objects.count() == audit_avant


@pytest.mark.django_db
def test_l_api_des_credits_refuse_une_modification_au_comptable(comptable, directrice, exercice):
    # given a credit of 1 200,00 opened by the directrice
    credit = credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures administratives",
        montant_initial=Decimal("1200.00"),
    )
    audit_avant = JournalAudit.objects.count()

    # when the agent comptable asks for a décision modificative
    reponse = _api(comptable).post(
        reverse("api_credit_modifier", args=[credit.pk]),
        {"montant": "500,00", "motif": "DM n° 2"},
        format="json",
    )

    # then the edge refuses with the catalogue's sentence; the credit is unchanged
    assert reponse.status_code == 403
    assert reponse.json()["code"] == "permission_denied"
    assert reponse.json()["message"] == actes_budget.MODIFIER_DROIT.refus
    assert reponse.json()["message"] == (
        "Seul le directeur ouvre et modifie les crédits : il exécute le budget de gestion "
        "administrative (circulaire 93/82 §2.1)."
    )
    assert not ModificationCredit.objects.exists()
    assert Credit.objects.get(pk=credit.pk).ouvert == Decimal("1200.00")
    assert JournalAudit.objects.count() == audit_avant


@pytest.mark.django_db
def test_la_page_du_registre_refuse_le_retrait_au_comptable(client, comptable, directrice):
    # the delegations have no API: their page's edge says the catalogue's sentence
    jour = horloge_caisse.aujourdhui()
    delegation = delegation_creer(
        acting_user=directrice,
        delegataire=personne("delegue", Fonction.DELEGUE),
        type=Delegation.Type.SIGNATURE,
        nature=Delegation.Nature.ORDRE_RECETTE,
        debut=jour,
        fin=jour + datetime.timedelta(days=90),
        specimen_signature="P. G.",
    )
    audit_avant = JournalAudit.objects.count()
    client.force_login(comptable)

    reponse = client.post(reverse("personnes:retirer", args=[delegation.pk]), follow=True)

    assert reponse.redirect_chain[-1][0] == reverse("personnes:delegations")
    assert [str(m) for m in reponse.context["messages"]] == [actes_personnes.RETIRER_DROIT.refus]
    delegation.refresh_from_db()
    assert delegation.retiree_le is None
    assert JournalAudit.objects.count() == audit_avant


def test_la_commande_droits_donne_le_tableau_de_la_documentation():
    sortie = io.StringIO()
    call_command("droits", "--application", "budget", stdout=sortie)
    lignes = sortie.getvalue().splitlines()
    assert lignes[:2] == ["| droit | application | fonctions | refus |", "|---|---|---|---|"]
    assert lignes[2:] == [
        f"| `credit.modifier` | budget | directeur | {actes_budget.MODIFIER_DROIT.refus} |",
        f"| `credit.ouvrir` | budget | directeur | {actes_budget.OUVRIR_DROIT.refus} |",
    ]
    documentation = (settings.BASE_DIR / "docs" / "api.md").read_text()
    assert all(ligne in documentation for ligne in lignes)


def test_la_documentation_de_l_api_donne_tous_les_droits_de_la_responsabilite():
    sortie = io.StringIO()
    call_command("droits", "--application", "responsabilite", stdout=sortie)
    lignes = [ligne for ligne in sortie.getvalue().splitlines()[2:] if ligne.strip()]
    assert len(lignes) >= 12
    documentation = (settings.BASE_DIR / "docs" / "api.md").read_text()
    assert [ligne for ligne in lignes if ligne not in documentation] == []
