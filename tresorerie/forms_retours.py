"""The forms of returned transfers: recording one by hand, correcting the bank details."""

from __future__ import annotations

from django import forms

from tresorerie.services.retours import MOTIFS_RETOUR


class RetourManuelForm(forms.Form):
    motif = forms.ChoiceField(
        label="Motif (code de retour ISO 20022)",
        choices=[("", "— choisir —")]
        + [(code, f"{code} — {libelle}") for code, libelle in MOTIFS_RETOUR.items()],
    )
    motif_info = forms.CharField(label="Information de la banque", max_length=255, required=False)
    ligne_releve = forms.IntegerField(label="Ligne du relevé", required=False, min_value=1)


class CorrectionCoordonneesForm(forms.Form):
    iban = forms.CharField(label="Nouvel IBAN", max_length=50)
    bic = forms.CharField(label="BIC (facultatif)", max_length=20, required=False)
    justification = forms.CharField(
        label="D'où viennent ces coordonnées",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Courrier ou RIB du créancier reçu le…, appel confirmé par…",
    )
