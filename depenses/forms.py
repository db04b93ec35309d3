from __future__ import annotations

import datetime

from django import forms

from core.exceptions import DonneeInvalide
from core.formulaires import ChampDate, ChampFichiers, saisie_date
from core.money import format_euros
from core.saisie import borne, verifier_date
from depenses.models import Controle, Engagement, Gestion, Nature, OrdreDepense, Suspension
from depenses.services import LigneCreancier, SaisieDepense
from ordres.formulaires import LignesOrdreForm, lire_mot_de_passe, lire_motif

DATE = saisie_date()
COMPTES_PAR_NATURE = {
    Nature.PRESTATION: ("6561", "412"),
    Nature.FOURNITURES: ("6064", "401"),
    Nature.TRAVAUX: ("615", "401"),
    Nature.LOYER: ("613", "401"),
    Nature.INTERETS: ("661", "401"),
    Nature.CONDAMNATION: ("671", "4672"),
    Nature.TRANSACTION: ("671", "4672"),
    Nature.RESTITUTION: ("673", "4672"),
    Nature.ACQUISITION_IMMEUBLE: ("213", "404"),
}


class OrdreDepenseForm(LignesOrdreForm):
    LIGNES = 6
    COLONNES = (
        ("creancier", "Créancier", 200),
        ("qualite", "Qualité", 120),
        ("identifiant", "SIRET ou NIR", 40),
        ("iban", "IBAN", 42),
        ("bic", "BIC", 11),
        ("montant", "Montant", 24),
    )
    type = forms.ChoiceField(label="Type d'ordre", choices=OrdreDepense.Type.choices)
    gestion = forms.ChoiceField(
        label="Gestion", choices=Gestion.choices, initial=Gestion.BUDGETAIRE
    )
    nature = forms.ChoiceField(label="Nature", choices=Nature.choices, initial=Nature.FOURNITURES)
    engagement = forms.ModelChoiceField(
        label="Engagement (gestion budgétaire)",
        required=False,
        queryset=Engagement.objects.select_related("exercice").order_by("-id"),
    )
    objet = forms.CharField(label="Objet", max_length=255)
    bases_liquidation = forms.CharField(
        max_length=4000, label="Bases de liquidation", widget=forms.Textarea(attrs={"rows": 2})
    )
    compte_imputation = forms.CharField(
        label="Compte d'imputation (charge)",
        required=False,
        max_length=12,
        help_text="Vide : celui de l'engagement, ou le compte usuel de la nature.",
    )
    compte_tiers = forms.CharField(
        label="Compte du créancier",
        required=False,
        max_length=12,
        help_text="Vide : 401 fournisseurs, 412 pour les prestations…",
    )
    date_fait = ChampDate(label="Date du fait générateur", widget=DATE)
    date_service_fait = ChampDate(label="Service fait le", required=False, widget=DATE)
    date_liquidation = ChampDate(label="Liquidée le", required=False, widget=DATE)
    date_reception = ChampDate(label="Réception le", required=False, widget=DATE)
    date_echeance = ChampDate(label="Échéance du terme", required=False, widget=DATE)
    pieces_references = forms.CharField(
        max_length=4000,
        label="Références des pièces justificatives",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Obligatoires si les pièces ne sont pas jointes : l'ordre ne se signe pas "
        "sans ses pièces ni leurs références (circulaire 93/82 §2.1.3).",
    )
    pieces = ChampFichiers(
        label="Pièces justificatives à joindre (PDF, PNG, JPEG ; 10 Mo au plus)", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["engagement"].label_from_instance = lambda e: (
            f"n° {e.pk} — {e.objet} ({e.compte_imputation.numero}, {format_euros(e.montant)})"
        )

    def saisie(self) -> SaisieDepense:
        d = self.cleaned_data
        engagement = d.get("engagement")
        imputation, tiers = COMPTES_PAR_NATURE.get(d["nature"], ("", "401"))
        if engagement is not None:
            imputation = engagement.compte_imputation.numero
        lignes = [LigneCreancier(**ligne) for ligne in self.lignes_saisies()]
        return SaisieDepense(
            gestion=d["gestion"],
            nature=d["nature"],
            objet=d["objet"],
            bases_liquidation=d["bases_liquidation"],
            compte_imputation=d.get("compte_imputation") or imputation,
            compte_tiers=d.get("compte_tiers") or tiers,
            date_fait=d["date_fait"],
            lignes=lignes,
            type=d["type"],
            engagement=engagement,
            dates={
                c: d.get(f"date_{c}")
                for c in ("service_fait", "liquidation", "reception", "echeance")
            },
            pieces_references=d.get("pieces_references", ""),
        )


class EngagementForm(forms.Form):
    gestion = forms.ChoiceField(
        label="Gestion", choices=Gestion.choices, initial=Gestion.BUDGETAIRE
    )
    objet = forms.CharField(label="Objet", max_length=255)
    creancier = forms.CharField(label="Créancier", max_length=200)
    compte_imputation = forms.CharField(label="Compte de charge", max_length=12)
    montant = forms.CharField(label="Montant engagé", max_length=24)


class SuspensionForm(forms.Form):
    motif = forms.ChoiceField(label="Motif", choices=Suspension.Motif.choices)
    explication = forms.CharField(
        max_length=4000, label="Explication", widget=forms.Textarea(attrs={"rows": 2})
    )


# What the one-button acts of the order's page read; the services check the
# values themselves (a wrong password, an empty motive) and say why in French.


def lire_requisition(request) -> dict:
    return {**lire_motif(request), **lire_mot_de_passe(request)}


def lire_refus_de_deferer(request) -> dict:
    return {
        "cas": borne(request.POST.get("cas", ""), "Le cas", longueur=50),
        "explication": borne(request.POST.get("explication", ""), "L'explication", longueur=4000),
    }


def lire_reimputation(request) -> dict:
    return {
        "nouveau_compte": request.POST.get("nouveau_compte", "").strip(),
        **lire_motif(request),
        **lire_mot_de_passe(request),
    }


def lire_suspension(request) -> dict:
    return {
        "motif": borne(request.POST.get("motif", ""), "Le motif", longueur=50),
        "explication": borne(request.POST.get("explication", ""), "L'explication", longueur=4000),
    }


def lire_service_fait(request) -> dict:
    try:
        le = datetime.date.fromisoformat(request.POST.get("le", ""))
    except ValueError as exc:
        raise DonneeInvalide("Indiquez la date du service fait.") from exc
    verifier_date(le, "La date du service fait")
    observation = borne(request.POST.get("observation", ""), "L'observation", longueur=1000)
    return {"le": le, "observation": observation}


def lire_complement(request) -> dict:
    le = request.POST.get("service_fait_le") or None
    try:
        le = datetime.date.fromisoformat(le) if le else None
    except ValueError as exc:
        raise DonneeInvalide("La date du service fait est invalide.") from exc
    if le is not None:
        verifier_date(le, "La date du service fait")
    complement = borne(request.POST.get("complement", ""), "Le complément", longueur=1000)
    return {"complement": complement, "service_fait_le": le}


def lire_appreciations(request) -> dict:
    """The agent comptable's judgement on the two checks he appreciates
    (`controle_<check>`: conforme or anomalie, `commentaire_<check>`)."""
    appreciations = {}
    for controle in (Controle.IMPUTATION, Controle.VALIDITE):
        valeur = request.POST.get(f"controle_{controle}")
        if valeur in ("conforme", "anomalie"):
            appreciations[controle] = (
                valeur == "conforme",
                request.POST.get(f"commentaire_{controle}", ""),
            )
    return {"appreciations": appreciations}
