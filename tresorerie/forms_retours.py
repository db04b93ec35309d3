"""The form correcting the bank details of a returned transfer."""

from __future__ import annotations

from django import forms


class CorrectionCoordonneesForm(forms.Form):
    iban = forms.CharField(label="Nouvel IBAN", max_length=50)
    bic = forms.CharField(label="BIC (facultatif)", max_length=20, required=False)
    justification = forms.CharField(
        label="D'où viennent ces coordonnées",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Courrier ou RIB du créancier reçu le…, appel confirmé par…",
    )
