"""The acts of the comptes annuels' life after the board, as pages and the
API see them (`comptes_annuels.services_cycle`): the directeur records the
board's and the tutelle's decisions, the agent comptable his avis on the
fondés de pouvoir (circ. 93/82 §IV; D613-41). Each with its droit."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from comptes_annuels import services_cycle as services
from comptes_annuels.models_cycle import (
    Approbation,
    AvisCodec,
    AvisFonde,
    Quitus,
    RenvoiMinistre,
    TransmissionComptes,
)
from core.actes import Acte
from core.formulaires import ChampDate, saisie_date
from personnes.droits import droit
from personnes.models import Fonction

DIRECTEUR = {Fonction.DIRECTEUR}


def _droit_directeur(code: str):
    return droit(f"comptes_annuels.{code}", DIRECTEUR, services.REFUS_DIRECTEUR)


TRANSMISSION_DROIT = _droit_directeur("transmission")
AVIS_CODEC_DROIT = _droit_directeur("avis_codec")
RENVOI_DROIT = _droit_directeur("renvoi_ministre")
APPROBATION_DROIT = _droit_directeur("approbation")
QUITUS_DROIT = _droit_directeur("quitus")
AVIS_FONDE_DROIT = droit(
    "comptes_annuels.avis_fonde", {Fonction.AGENT_COMPTABLE}, services.REFUS_AGENT_COMPTABLE
)

_DATE = {"widget": saisie_date()}
_SENS = [("oui", "favorable"), ("non", "défavorable")]


class TransmissionForm(forms.Form):
    le = ChampDate(label="Transmis le", **_DATE)
    reference = forms.CharField(label="Référence de l'envoi", max_length=200)


class AvisCodecForm(forms.Form):
    le = ChampDate(label="Avis rendu le", **_DATE)
    favorable = forms.ChoiceField(label="Avis", choices=_SENS)
    observations = forms.CharField(
        max_length=4000,
        label="Observations du comité",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RenvoiForm(forms.Form):
    le = ChampDate(label="Transmis au ministre le", **_DATE)
    reference = forms.CharField(label="Référence", max_length=200)


class ApprobationForm(forms.Form):
    autorite = forms.ChoiceField(label="Approuvés par", choices=Approbation.Autorite.choices)
    le = ChampDate(label="Approuvés le", **_DATE)
    reference = forms.CharField(label="Référence de la décision", max_length=200)


class _Personne(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class QuitusForm(forms.Form):
    beneficiaire = _Personne(
        label="Bénéficiaire",
        queryset=get_user_model().objects.all(),
        required=False,
        empty_label="l'agent comptable en fonction pendant l'exercice",
    )
    le = ChampDate(label="Quitus donné par le conseil le", **_DATE)
    deliberation = forms.CharField(label="Délibération (référence)", max_length=200)


class AvisFondeForm(forms.Form):
    fonde = _Personne(label="Fondé de pouvoir", queryset=get_user_model().objects.all())
    favorable = forms.ChoiceField(label="Avis", choices=_SENS)
    texte = forms.CharField(
        max_length=4000, label="Motifs", widget=forms.Textarea(attrs={"rows": 3})
    )
    le = ChampDate(label="Avis rendu le", **_DATE)


def restreindre(formulaire, personnes) -> None:
    """Offer only the people the act may name (the page's list; the service checks)."""
    champ = "fonde" if "fonde" in formulaire.fields else "beneficiaire"
    formulaire.fields[champ].queryset = get_user_model().objects.filter(
        pk__in=[p.pk for p in personnes]
    )


def _oui(valeur) -> bool:
    return valeur is True or valeur == "oui"


def _produit(modele, objet):
    """What the act recorded: the page hands its message the exercise acted on
    (the latest row of `modele` for it is the one just recorded), the API the row."""
    if isinstance(objet, modele):
        return objet
    return modele.objects.filter(exercice=objet).order_by("-id").first()


def _nom(utilisateur) -> str:
    return utilisateur.get_full_name() or utilisateur.get_username()


def _message_transmission(objet, _d) -> str:
    t = _produit(TransmissionComptes, objet)
    suite = (
        f", en retard : le dernier jour était le {t.limite:%d/%m/%Y}."
        if t.en_retard
        else ", dans le délai."
    )
    return f"Transmission des comptes annuels {t.exercice.annee} enregistrée{suite}"


def _message_approbation(objet, _d) -> str:
    a = _produit(Approbation, objet)
    return (
        f"Comptes annuels {a.exercice.annee} approuvés par {a.get_autorite_display()} "
        f"le {a.approuve_le:%d/%m/%Y}."
    )


def _message_quitus(objet, _d) -> str:
    q = _produit(Quitus, objet)
    return (
        f"Quitus de l'exercice {q.exercice.annee} donné à {_nom(q.beneficiaire)} "
        f"({q.get_qualite_display()})."
    )


def _message_avis_fonde(objet, _d) -> str:
    a = _produit(AvisFonde, objet)
    sens = "favorable" if a.favorable else "défavorable"
    return f"Avis {sens} sur le quitus de {_nom(a.fonde)} enregistré."


TRANSMISSION = Acte(
    "comptes_annuels.transmission",
    lambda u, exercice, d: services.transmission_enregistrer(
        acting_user=u, exercice=exercice, le=d["le"], reference=d["reference"]
    ),
    TRANSMISSION_DROIT,
    _message_transmission,
)
AVIS_CODEC = Acte(
    "comptes_annuels.avis_codec",
    lambda u, exercice, d: services.avis_codec_enregistrer(
        acting_user=u,
        exercice=exercice,
        le=d["le"],
        favorable=_oui(d["favorable"]),
        observations=d.get("observations", ""),
    ),
    AVIS_CODEC_DROIT,
    lambda o, _d: (
        f"Avis du comité d'examen sur les comptes {_produit(AvisCodec, o).exercice.annee} "
        "enregistré."
    ),
)
RENVOI = Acte(
    "comptes_annuels.renvoi_ministre",
    lambda u, exercice, d: services.renvoi_ministre_enregistrer(
        acting_user=u, exercice=exercice, le=d["le"], reference=d["reference"]
    ),
    RENVOI_DROIT,
    lambda o, _d: (
        f"Transmission des comptes {_produit(RenvoiMinistre, o).exercice.annee} au ministre "
        "enregistrée."
    ),
)
APPROBATION = Acte(
    "comptes_annuels.approbation",
    lambda u, exercice, d: services.approbation_enregistrer(
        acting_user=u,
        exercice=exercice,
        autorite=d["autorite"],
        le=d["le"],
        reference=d["reference"],
    ),
    APPROBATION_DROIT,
    _message_approbation,
)
QUITUS = Acte(
    "comptes_annuels.quitus",
    lambda u, exercice, d: services.quitus_donner(
        acting_user=u,
        exercice=exercice,
        le=d["le"],
        deliberation=d["deliberation"],
        beneficiaire=d.get("beneficiaire"),
    ),
    QUITUS_DROIT,
    _message_quitus,
)
AVIS_FONDE = Acte(
    "comptes_annuels.avis_fonde",
    lambda u, exercice, d: services.avis_fonde_enregistrer(
        acting_user=u,
        exercice=exercice,
        fonde=d["fonde"],
        favorable=_oui(d["favorable"]),
        texte=d["texte"],
        le=d.get("le"),
    ),
    AVIS_FONDE_DROIT,
    _message_avis_fonde,
)

# By the slug of their URL (pages and API).
ACTES = {
    "transmission": (TRANSMISSION, TransmissionForm),
    "avis-codec": (AVIS_CODEC, AvisCodecForm),
    "renvoi-ministre": (RENVOI, RenvoiForm),
    "approbation": (APPROBATION, ApprobationForm),
    "quitus": (QUITUS, QuitusForm),
    "avis-fonde": (AVIS_FONDE, AvisFondeForm),
}
