"""Forms of the oppositions pages; they work without JavaScript."""

from __future__ import annotations

from django import forms

from core.exceptions import DonneeInvalide
from core.formulaires import ChampDate
from core.money import montant
from oppositions.banque import verifier_bic, verifier_iban
from oppositions.models import Opposition
from oppositions.selectors import ETATS

DATE = {"format": "%Y-%m-%d", "attrs": {"type": "date"}}


class FiltreForm(forms.Form):
    etat = forms.ChoiceField(label="Oppositions", choices=list(ETATS.items()), required=False)
    recherche = forms.CharField(
        label="Créancier, identifiant, opposant ou acte", max_length=200, required=False
    )


class OppositionForm(forms.Form):
    """An opposition as the agent comptable reads it on the act served on him."""

    creancier_nom = forms.CharField(label="Créancier de la caisse (nom)", max_length=200)
    creancier_identifiant = forms.CharField(
        label="Identifiant du créancier",
        max_length=60,
        help_text="SIRET, SIREN, NIR ou autre identifiant, avec ou sans espaces ni points : "
        "un SIRET vaut pour toute l'entreprise (son SIREN).",
    )
    creancier_iban = forms.CharField(
        label="IBAN du créancier (facultatif)",
        max_length=50,
        required=False,
        help_text="S'il est connu : les ordres qui ne donnent pas l'identifiant du créancier lui "
        "sont rattachés par son nom et cet IBAN ; en cas de doute, le paiement attend votre "
        "décision.",
    )
    nature = forms.ChoiceField(label="Nature de l'acte", choices=Opposition.Nature.choices)
    reference_acte = forms.CharField(label="Référence de l'acte", max_length=120, required=False)
    signifiee_le = ChampDate(
        label="Signifiée à l'agent comptable le",
        widget=forms.DateInput(**DATE),
        help_text="Une opposition faite à toute autre personne que l'agent comptable est nulle.",
    )
    montant = forms.CharField(
        label="Montant porté sur l'acte (euros)",
        max_length=24,
        help_text="Par exemple 1234,56 : l'opposition ne vaut qu'à concurrence de ce montant.",
    )
    opposant = forms.CharField(label="Opposant (créancier saisissant)", max_length=200)
    opposant_iban = forms.CharField(label="IBAN de l'opposant", max_length=50)
    opposant_bic = forms.CharField(label="BIC de l'opposant", max_length=20)

    def clean_montant(self):
        try:
            return montant(self.cleaned_data["montant"], libelle="Le montant de l'opposition")
        except DonneeInvalide as erreur:
            raise forms.ValidationError(erreur.message) from None

    def clean_creancier_iban(self):
        valeur = self.cleaned_data.get("creancier_iban", "")
        if not valeur.strip():
            return ""
        try:
            return verifier_iban(valeur)
        except DonneeInvalide as erreur:
            raise forms.ValidationError(erreur.message) from None

    def clean_opposant_iban(self):
        try:
            return verifier_iban(self.cleaned_data["opposant_iban"])
        except DonneeInvalide as erreur:
            raise forms.ValidationError(erreur.message) from None

    def clean(self):
        donnees = super().clean()
        iban = donnees.get("opposant_iban")
        bic = donnees.get("opposant_bic")
        if bic:
            try:
                donnees["opposant_bic"] = verifier_bic(bic, iban=iban)
            except DonneeInvalide as erreur:
                self.add_error("opposant_bic", erreur.message)
        return donnees


class MainleveeForm(forms.Form):
    le = ChampDate(
        label="Mainlevée à compter du",
        widget=forms.DateInput(**DATE),
        error_messages={
            "required": "Indiquez la date à laquelle la mainlevée a été reçue.",
            "invalid": "Indiquez la date à laquelle la mainlevée a été reçue.",
        },
    )
