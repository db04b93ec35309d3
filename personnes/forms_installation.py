from django import forms
from django.contrib.auth import get_user_model

from core.formulaires import ChampDate
from personnes.forms import DATE
from personnes.models import Mandat


class InstallationForm(forms.Form):
    agent_comptable = forms.ModelChoiceField(
        label="Agent comptable installé",
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name"),
    )
    installe_le = ChampDate(label="Installé le", widget=DATE)
    solde_caisse = forms.CharField(label="Solde de la caisse remis", max_length=24)
    solde_banque = forms.CharField(label="Solde des comptes bancaires remis", max_length=24)
    observations = forms.CharField(
        max_length=4000,
        label="Observations du procès-verbal",
        required=False,
        widget=forms.Textarea,
    )
    mot_de_passe_entrant = forms.CharField(
        max_length=256,
        label="Mot de passe de l'agent comptable entrant (signature)",
        widget=forms.PasswordInput,
        strip=False,
    )
    mot_de_passe_sortant = forms.CharField(
        max_length=256,
        label="Mot de passe de l'agent comptable sortant (signature ; vide s'il n'y en a pas)",
        widget=forms.PasswordInput,
        strip=False,
        required=False,
    )
    mot_de_passe_titulaire = forms.CharField(
        max_length=256,
        label="Mot de passe de l'ancien agent comptable titulaire (signature si l'intérimaire "
        "installé exerce un intérim partiel ; sinon vide)",
        widget=forms.PasswordInput,
        strip=False,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent_comptable"].label_from_instance = lambda u: (
            u.get_full_name() or u.username
        )


class ReserveForm(forms.Form):
    formulee_le = ChampDate(label="Formulée le", widget=DATE)
    objet = forms.CharField(max_length=500, label="Objet de la réserve", widget=forms.Textarea)


class ProrogationForm(forms.Form):
    demandee_le = ChampDate(label="Demandée le", widget=DATE)
    accordee_le = ChampDate(label="Accordée le", widget=DATE)
    accordee_par = forms.CharField(label="Accordée par (autorité, référence)", max_length=200)
    nouvelle_limite = ChampDate(label="Nouvelle limite", widget=DATE)


class MandatForm(forms.Form):
    mandataire = forms.ModelChoiceField(
        label="Mandataire",
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name"),
    )
    objet = forms.ChoiceField(label="Objet du mandat", choices=Mandat.Objet.choices)
    precisions = forms.CharField(label="Précisions (facultatif)", required=False, max_length=300)
    debut = ChampDate(label="Du", widget=DATE)
    fin = ChampDate(label="Au", widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mandataire"].label_from_instance = lambda u: u.get_full_name() or u.username
