"""Forms of the credits page. Amounts stay text: the services parse them
(French `1 234,56` or `1234.56`) and refuse them with a French message."""

from __future__ import annotations

from django import forms

from budget.models import Credit
from core import horloge
from core.formulaires import ChampDate, saisie_date
from ledger.models import Exercice


class ChoixExerciceForm(forms.Form):
    exercice = forms.TypedChoiceField(label="Exercice", coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        annees = Exercice.objects.order_by("-annee").values_list("annee", flat=True)
        self.fields["exercice"].choices = [(a, str(a)) for a in annees]
        self.fields["exercice"].error_messages["invalid_choice"] = (
            "L'exercice %(value)s n'existe pas."
        )


class CreditOuvrirForm(forms.Form):
    exercice = forms.IntegerField(widget=forms.HiddenInput)
    chapitre = forms.CharField(
        label="Chapitre (préfixe de compte)",
        max_length=12,
        help_text="Par exemple 606 ou 6064 : un compte relève du chapitre le plus long qui le préfixe.",
    )
    libelle = forms.CharField(label="Libellé", max_length=200)
    montant_initial = forms.CharField(
        label="Crédits initiaux (€)",
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "ouvrir_%s")  # the page also has the exercise chooser
        super().__init__(*args, **kwargs)


class CreditModifierForm(forms.Form):
    credit = forms.ModelChoiceField(label="Crédit", queryset=Credit.objects.none())
    montant = forms.CharField(
        label="Montant (€)",
        max_length=30,
        help_text="Positif pour ouvrir des crédits, négatif (par exemple -1 000,00) pour en retirer.",
    )
    motif = forms.CharField(
        max_length=1000,
        label="Motif (décision modificative, virement)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    le = ChampDate(label="Décidée le", widget=saisie_date())

    def __init__(self, *args, exercice: Exercice | None = None, **kwargs):
        kwargs.setdefault("auto_id", "modifier_%s")
        super().__init__(*args, **kwargs)
        self.fields["credit"].queryset = (
            Credit.objects.filter(exercice=exercice).order_by("chapitre")
            if exercice is not None
            else Credit.objects.select_related("exercice").order_by("-exercice__annee", "chapitre")
        )
        self.fields["credit"].label_from_instance = lambda c: f"{c.chapitre} {c.libelle}"
        self.fields["credit"].error_messages["invalid_choice"] = "Ce crédit n'existe pas."
        self.initial.setdefault("le", horloge.aujourdhui())
