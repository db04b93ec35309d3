from django import forms
from django.contrib.auth import get_user_model

from core.formulaires import ChampDate, saisie_date
from personnes.models import Delegation

DATE = saisie_date()


class DelegationForm(forms.Form):
    delegataire = forms.ModelChoiceField(
        label="Bénéficiaire",
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name"),
    )
    type = forms.ChoiceField(label="Type", choices=Delegation.Type.choices)
    nature = forms.ChoiceField(label="Nature des opérations", choices=Delegation.Nature.choices)
    classes_comptes = forms.CharField(
        label="Comptes (débuts de numéro, séparés par des virgules ; vide : tous)",
        required=False,
        max_length=200,
    )
    montant_max = forms.CharField(
        label="Plafond par ordre (vide : sans plafond)", required=False, max_length=24
    )
    debut = ChampDate(label="Du", widget=DATE)
    fin = ChampDate(label="Au", widget=DATE)
    specimen_signature = forms.CharField(
        label="Spécimen de la signature et du paraphe", max_length=500
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegataire"].label_from_instance = lambda u: u.get_full_name() or u.username


class ProcurationForm(forms.Form):
    fonde = forms.ModelChoiceField(
        label="Fondé de pouvoir",
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name"),
    )
    debut = ChampDate(label="Du", widget=DATE)
    fin = ChampDate(label="Au (vide : sans terme)", widget=DATE, required=False)
    agreee_le = ChampDate(label="Agréée par le conseil d'administration le", widget=DATE)
    deliberation = forms.CharField(label="Délibération", max_length=100)
    actes = forms.CharField(
        label="Actes permis (codes séparés par des virgules ; vide : tous)",
        required=False,
        max_length=500,
    )
    montant_max = forms.CharField(
        label="Plafond par acte (vide : sans plafond)", required=False, max_length=24
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fonde"].label_from_instance = lambda u: u.get_full_name() or u.username
