from django import forms
from django.contrib.auth import get_user_model

from core.formulaires import ChampDate, saisie_date
from personnes.models import Interim

DATE = saisie_date()


class InterimForm(forms.Form):
    """The interim of the agent comptable (circ. 93/82 §1.1.2), as the board
    or the law gives it."""

    utilisateur = forms.ModelChoiceField(
        label="Qui assure l'intérim",
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name"),
    )
    nature = forms.ChoiceField(label="Nature", choices=Interim.Nature.choices)
    debut = ChampDate(label="Du", widget=DATE)
    fin = ChampDate(label="Au", widget=DATE)
    portee = forms.ChoiceField(
        label="Portée (présumée générale si l'acte de nomination ne restreint pas les "
        "attributions)",
        choices=Interim.Portee.choices,
        initial=Interim.Portee.GENERAL,
    )
    attributions = forms.CharField(
        label="Attributions d'un intérim partiel (codes d'actes séparés par des virgules ; "
        "vide pour un intérim général)",
        required=False,
        max_length=500,
    )
    nomme_le = ChampDate(
        label="Nommé par le conseil d'administration le (agent comptable intérimaire)",
        widget=DATE,
        required=False,
    )
    deliberation = forms.CharField(
        label="Délibération du conseil d'administration", required=False, max_length=100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["utilisateur"].label_from_instance = lambda u: u.get_full_name() or u.username
