"""Forms of the treasury pages. They only shape what was typed: amounts are
checked with `core.money.montant` so a bad figure is refused in French beside
its field; every rule of the treasury stays in `tresorerie.services`."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from core import horloge
from core.exceptions import ApplicationError
from core.formulaires import ChampDate, saisie_date
from core.money import format_nombre
from core.money import montant as montant_valide
from ledger.models import Compte
from oppositions.models import Opposition
from oppositions.rapprochement import DECISIONS
from personnes.models import Affectation as AffectationFonction
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES
from recettes.models import Nature as NatureRecette
from tresorerie import services
from tresorerie.models import (
    Carnet,
    CompteDisponibilite,
    Encaissement,
    FormatVirements,
    LotPaiement,
)

DATE = saisie_date()


def _montant(valeur: str, libelle: str, *, obligatoire: bool = True) -> Decimal | None:
    """A typed amount, or the French reason it is refused (as a field error)."""
    if not (valeur or "").strip():
        if obligatoire:
            raise forms.ValidationError(f"{libelle} est obligatoire.")
        return None
    try:
        return montant_valide(valeur, libelle=libelle)
    except ApplicationError as erreur:
        raise forms.ValidationError(erreur.message) from None


class ChoixCompte(forms.ModelChoiceField):
    def label_from_instance(self, obj: CompteDisponibilite) -> str:
        return f"{obj.libelle} ({obj.compte.numero})"


def comptes_actifs(**filtre):
    return CompteDisponibilite.objects.filter(actif=True, **filtre).select_related("compte")


# --- Carnets --------------------------------------------------------------------------


class ChoixPersonne(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class VirementForm(forms.Form):
    """Funds moved between the fund's accounts (circ. 93/82 §2.2.0)."""

    de = ChoixCompte(label="Du compte", queryset=comptes_actifs())
    vers = ChoixCompte(label="Vers le compte", queryset=comptes_actifs())
    montant = forms.CharField(label="Montant viré (€)", max_length=24)
    date = ChampDate(label="Date du virement", widget=DATE, required=False)
    libelle = forms.CharField(label="Libellé (facultatif)", max_length=255, required=False)

    def clean_montant(self):
        return _montant(self.cleaned_data["montant"], "Le montant viré")


class CarnetOuvrirForm(forms.Form):
    type = forms.ChoiceField(label="Type de carnet", choices=Carnet.Type.choices)
    compte = ChoixCompte(label="Compte de disponibilités", queryset=comptes_actifs())
    titulaire = ChoixPersonne(label="Titulaire", queryset=get_user_model().objects.none())
    serie = forms.CharField(label="Série", max_length=20)
    premier_numero = forms.IntegerField(label="Premier numéro", min_value=1, initial=1)
    dernier_numero = forms.IntegerField(label="Dernier numéro", min_value=1, initial=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The agent comptable, his fondés de pouvoir and the régisseurs hold carnets.
        today = horloge.aujourdhui()
        en_fonction = (
            AffectationFonction.objects.filter(
                fonction__in=[*FONCTIONS_COMPTABLES, Fonction.REGISSEUR], debut__lte=today
            )
            .filter(Q(fin__isnull=True) | Q(fin__gte=today))
            .values("utilisateur_id")
        )
        self.fields["titulaire"].queryset = (
            get_user_model()
            .objects.filter(pk__in=en_fonction)
            .order_by("last_name", "first_name", "username")
        )


# --- Encaissements --------------------------------------------------------------------


class EncaissementForm(forms.Form):
    """A receipt and its allocation to debtors' lines of ordres de recette."""

    REPARTITIONS = 3

    compte = ChoixCompte(label="Compte de disponibilités", queryset=comptes_actifs())
    moyen = forms.ChoiceField(label="Moyen de paiement", choices=Encaissement.Moyen.choices)
    montant = forms.CharField(label="Montant encaissé (€)", max_length=24)
    payeur = forms.CharField(label="Partie versante", max_length=200)
    objet = forms.CharField(label="Objet du versement", max_length=255)
    date = ChampDate(label="Reçu le", widget=DATE)
    reference = forms.CharField(
        label="Référence du moyen de paiement (n° de chèque, de virement…)",
        max_length=120,
        required=False,
    )
    recu = forms.BooleanField(
        label="Délivrer un reçu (chèque, virement : à la demande de la partie versante)",
        required=False,
    )

    def __init__(self, *args, comptes=None, moyens=None, lignes=(), **kwargs):
        super().__init__(*args, **kwargs)
        if comptes is not None:
            self.fields["compte"].queryset = comptes
        if moyens is not None:
            self.fields["moyen"].choices = moyens
        self.fields["date"].initial = horloge.aujourdhui()
        choix = [("", "— aucun —")] + [
            (str(ligne.pk), f"{ligne.ordre.reference} — {ligne.debiteur} — reste "
             f"{format_nombre(reste)} €")
            for ligne, reste in lignes
        ]  # fmt: skip
        for n in range(1, self.REPARTITIONS + 1):
            self.fields[f"ligne_{n}"] = forms.ChoiceField(
                label=f"Ordre de recette et débiteur, répartition {n}",
                choices=choix,
                required=False,
            )
            self.fields[f"montant_{n}"] = forms.CharField(
                label=f"Montant affecté, répartition {n} (€)", max_length=24, required=False
            )

    def clean_montant(self):
        return _montant(self.cleaned_data.get("montant", ""), "Le montant encaissé")

    def clean(self):
        donnees = super().clean()
        for n in range(1, self.REPARTITIONS + 1):
            ligne, somme = donnees.get(f"ligne_{n}"), donnees.get(f"montant_{n}") or ""
            if not ligne and not somme.strip():
                continue
            if not ligne:
                self.add_error(f"ligne_{n}", f"Répartition {n} : choisissez l'ordre de recette.")
                continue
            try:
                donnees[f"montant_{n}"] = _montant(somme, f"Répartition {n} : le montant")
            except forms.ValidationError as erreur:
                self.add_error(f"montant_{n}", erreur)
        return donnees

    def rangees(self):
        return [
            (n, self[f"ligne_{n}"], self[f"montant_{n}"]) for n in range(1, self.REPARTITIONS + 1)
        ]

    def repartitions(self) -> list[services.Repartition]:
        d = self.cleaned_data
        return [
            services.Repartition(int(d[f"ligne_{n}"]), d[f"montant_{n}"])
            for n in range(1, self.REPARTITIONS + 1)
            if d.get(f"ligne_{n}")
        ]


class SansTitreForm(forms.Form):
    """A receipt on a contract kept by the agent comptable, regularised monthly."""

    compte = ChoixCompte(
        label="Compte de disponibilités", queryset=comptes_actifs().exclude(nature="encaissement")
    )
    moyen = forms.ChoiceField(label="Moyen de paiement", choices=Encaissement.Moyen.choices)
    montant = forms.CharField(label="Montant encaissé (€)", max_length=24)
    payeur = forms.CharField(label="Partie versante", max_length=200)
    objet = forms.CharField(label="Objet du versement (contrat, échéance)", max_length=255)
    compte_produit = forms.ModelChoiceField(
        label="Compte de produit",
        queryset=Compte.objects.filter(classe=7, imputable=True).order_by("numero"),
        to_field_name="numero",
    )
    nature_recette = forms.ChoiceField(label="Nature de la recette", choices=NatureRecette.choices)
    date = ChampDate(label="Reçu le", widget=DATE)
    reference = forms.CharField(
        label="Référence du moyen de paiement", max_length=120, required=False
    )
    recu = forms.BooleanField(label="Délivrer un reçu", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = horloge.aujourdhui()
        self.fields["compte_produit"].label_from_instance = lambda c: f"{c.numero} {c.libelle}"

    def clean_montant(self):
        return _montant(self.cleaned_data.get("montant", ""), "Le montant encaissé")


class RegularisationForm(forms.Form):
    annee = forms.IntegerField(label="Année", min_value=2000, max_value=2100)
    mois = forms.TypedChoiceField(
        label="Mois",
        coerce=int,
        choices=[
            (n, nom)
            for n, nom in enumerate(
                (
                    "janvier",
                    "février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "décembre",
                ),
                start=1,
            )
        ],  # fmt: skip
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        aujourd_hui = horloge.aujourdhui()
        self.fields["annee"].initial = aujourd_hui.year
        self.fields["mois"].initial = aujourd_hui.month


# --- Paiements ------------------------------------------------------------------------


class PaiementForm(forms.Form):
    compte = ChoixCompte(
        label="Compte qui paie",
        queryset=comptes_actifs().exclude(nature=CompteDisponibilite.Nature.ENCAISSEMENT),
    )
    moyen = forms.ChoiceField(
        label="Moyen de paiement",
        choices=LotPaiement.Moyen.choices,
        initial=LotPaiement.Moyen.VIREMENT,
    )
    # No date: a payment is dated the day it is recorded (circ. 93/82 §2.1.5;
    # tresorerie.services.paiements.date_du_paiement refuses any other).

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The daily draw through the compte spécial d'exécution feeds the compte
        # externe de disponibilités (circ. 93/82 §2.2.0.0), which pays: offered
        # first; the execution account when the fund has no external account.
        ordre = {CompteDisponibilite.Nature.EXTERNE: 0, CompteDisponibilite.Nature.EXECUTION: 1}
        proposes = CompteDisponibilite.objects.filter(actif=True, nature__in=ordre).values_list(
            "pk", "nature"
        )
        proposes = sorted(proposes, key=lambda c: (ordre[c[1]], c[0]))
        self.fields["compte"].initial = proposes[0][0] if proposes else None


# --- Relevés --------------------------------------------------------------------------


class ReleveForm(forms.Form):
    compte = forms.ModelChoiceField(
        queryset=comptes_actifs().exclude(iban=""), widget=forms.HiddenInput
    )
    fichier = forms.FileField(label="Fichier du relevé (camt.053 ou CSV)")
    solde_ouverture = forms.CharField(
        label="Solde d'ouverture (relevé CSV seulement, négatif si débiteur)",
        max_length=24,
        required=False,
    )


# --- Arrêté de caisse -----------------------------------------------------------------


def nom_champ_coupure(coupure: str) -> str:
    return "coupure_" + coupure.replace(".", "_")


def libelle_coupure(coupure: str) -> str:
    valeur = Decimal(coupure)
    if valeur >= 5:
        return f"Billets de {int(valeur)} €"
    texte = str(int(valeur)) if valeur == int(valeur) else coupure.replace(".", ",")
    return f"Pièces de {texte} €"


class ArreteForm(forms.Form):
    compte = ChoixCompte(
        label="Caisse ou régie",
        queryset=comptes_actifs(nature__in=["caisse", "regie"]),
    )
    date = ChampDate(label="Arrêté du", widget=DATE)
    observations = forms.CharField(
        max_length=4000,
        label="Observations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = horloge.aujourdhui()
        self.fields["compte"].empty_label = None
        self.fields["compte"].initial = (
            self.fields["compte"]
            .queryset.filter(nature="caisse")
            .values_list("pk", flat=True)
            .first()
        )
        for coupure in services.COUPURES:
            self.fields[nom_champ_coupure(coupure)] = forms.IntegerField(
                label=libelle_coupure(coupure),
                min_value=0,
                required=False,
                widget=forms.NumberInput(attrs={"min": "0", "step": "1", "size": "6"}),
                error_messages={
                    "invalid": f"{libelle_coupure(coupure)} : indiquez un nombre entier.",
                    "min_value": f"{libelle_coupure(coupure)} : le nombre ne peut être négatif.",
                },
            )

    def coupures(self):
        return [self[nom_champ_coupure(c)] for c in services.COUPURES]

    def comptage(self) -> dict[str, int]:
        return {
            c: self.cleaned_data.get(nom_champ_coupure(c)) or 0
            for c in services.COUPURES
            if self.cleaned_data.get(nom_champ_coupure(c))
        }


# --- Oppositions et découvert (issue 10) -------------------------------------------------


class DecisionOppositionForm(forms.Form):
    """The agent comptable's decision on a line held for an opposition (circ. 93/82 §2.1.5)."""

    opposition = forms.ModelChoiceField(
        queryset=Opposition.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Cette opposition n'existe pas."},
    )
    decision = forms.ChoiceField(
        label="Décision",
        choices=list(DECISIONS.items()),
        error_messages={
            "invalid_choice": "Choisissez d'appliquer l'opposition ou de lever le doute."
        },
    )
    motif = forms.CharField(
        label="Motif de la décision",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Le motif de la décision est obligatoire."},
    )


class FormatVirementsForm(forms.Form):
    """The pain.001 version an account's transfer files are written in."""

    format = forms.ChoiceField(
        label="Format des fichiers de virements",
        choices=FormatVirements.choices,
        error_messages={
            "invalid_choice": "Choisissez pain.001.001.09 ou pain.001.001.03.",
            "required": "Choisissez le format des fichiers de virements.",
        },
    )
    motif = forms.CharField(label="Demande de la banque, référence", max_length=500, required=False)


class DecouvertForm(forms.Form):
    """The overdraft authorised on an account of funds (0: none)."""

    montant = forms.CharField(
        label="Découvert autorisé (euros)",
        max_length=24,
        help_text="0 : aucun découvert ; un paiement ne mène jamais le solde au-delà.",
    )
    motif = forms.CharField(
        label="Décision de la banque, référence", max_length=500, required=False
    )

    def clean_montant(self):
        try:
            return montant_valide(
                self.cleaned_data["montant"],
                libelle="Le découvert autorisé",
                strictement_positif=False,
            )
        except ApplicationError as erreur:
            raise forms.ValidationError(erreur.message) from None
