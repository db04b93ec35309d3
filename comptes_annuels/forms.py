"""The form of the mapping's edit (the agent comptable's)."""

from __future__ import annotations

from django import forms

from comptes_annuels.models import Rubrique
from core.formulaires import ChampDate, saisie_date


class CorrespondanceForm(forms.Form):
    prefixe = forms.CharField(label="Préfixe de compte", max_length=12)
    rubrique = forms.ChoiceField(label="Rubrique")
    valable_du = ChampDate(label="Valable du", widget=saisie_date())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rubrique"].choices = [
            (r.code, f"{r.code} {r.libelle} ({r.get_etat_display()})")
            for r in Rubrique.objects.all()
        ]


class CompteFinancierForm(forms.Form):
    commission_le = ChampDate(
        label="Réunion de la commission de contrôle le",
        widget=saisie_date(),
    )
    rapport = forms.FileField(
        label="Rapport de la commission de contrôle (PDF, 10 Mo au plus)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
