"""The act of D133-2 al. 2 as pages and the API see it: the directeur defers
the payment of a small arrear of benefits to the end of the exercise."""

from __future__ import annotations

from django import forms

from core.actes import Acte
from depenses.differe import REFUS_DIRECTEUR, paiement_differer
from depenses.models import PaiementDiffere
from personnes.droits import droit
from personnes.models import Fonction

__all__ = ["DIFFERER", "DIFFERER_DROIT"]

DIFFERER_DROIT = droit("depenses.paiement_differer", {Fonction.DIRECTEUR}, REFUS_DIRECTEUR)


class DiffererForm(forms.Form):
    motif = forms.ChoiceField(
        label="La créance provient d'une", choices=PaiementDiffere.Motif.choices
    )


DIFFERER = Acte(
    "depenses.paiement_differer",
    lambda utilisateur, ordre, d: paiement_differer(
        acting_user=utilisateur, ordre=ordre, motif=d["motif"]
    ),
    DIFFERER_DROIT,
    lambda ordre, _d: (
        f"Paiement de l'ordre de dépense n° {ordre.reference} différé : il est à payer au plus "
        f"tard le 31/12/{ordre.exercice.annee} (article D133-2)."
    ),
)
