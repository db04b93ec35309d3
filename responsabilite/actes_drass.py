"""The ministers' part as pages and the API see it (`services_drass`, circ.
93/82 §6.2): the directeur records the DRASS file transmitted to the minister
on a request waiting for the ministers' approval, and the avis of the
ministers on a mise en cause by the tutelle above the amount set by arrêté."""

from __future__ import annotations

from django import forms

from core.actes import Acte
from core.formulaires import ChampDate, ChampMontant, saisie_date
from personnes.droits import droit
from personnes.models import Fonction
from responsabilite import services_drass

DRASS_DROIT = droit(
    "responsabilite.drass",
    {Fonction.DIRECTEUR},
    "Seul le directeur enregistre le dossier transmis par la DRASS au ministre et l'avis des "
    "ministres sur la mise en cause de l'agent comptable (circulaire 93/82 §6.2).",
)

_DATE = {"widget": saisie_date()}
_PDF = {"widget": forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"})}


class DossierDrassForm(forms.Form):
    transmis_le = ChampDate(label="Transmis au ministre le", **_DATE)
    revenus = ChampMontant(
        label="Revenus de l'agent comptable sur la période en cause (€)", zero_admis=True
    )
    biens_immobiliers = ChampMontant(
        label="Évaluation de ses biens immobiliers (€, 0 s'il n'en a pas)", zero_admis=True
    )
    cautionnement = forms.FileField(
        label="Copie du contrat de cautionnement (PDF, 10 Mo au plus)", **_PDF
    )
    assurance = forms.FileField(
        label="Copie du contrat d'assurance responsabilité civile (PDF, 10 Mo au plus)", **_PDF
    )


class AvisMinistresForm(forms.Form):
    transmis_le = ChampDate(label="Transmise pour avis aux ministres le", **_DATE)
    avis_le = ChampDate(label="Avis des ministres du", **_DATE)
    reference = forms.CharField(label="Référence de l'avis", max_length=120)
    favorable = forms.TypedChoiceField(
        label="Sens de l'avis",
        choices=[("1", "favorable"), ("0", "défavorable")],
        coerce=lambda v: v in ("1", True, "true", "True"),
    )


def _fichier(d, champ):
    f = d.get(champ)
    return (f.read(), f.name) if f else (None, "")


def _dossier(utilisateur, demande, d):
    cautionnement, cautionnement_nom = _fichier(d, "cautionnement")
    assurance, assurance_nom = _fichier(d, "assurance")
    return services_drass.dossier_drass_transmettre(
        acting_user=utilisateur,
        demande=demande,
        transmis_le=d["transmis_le"],
        revenus=d["revenus"],
        biens_immobiliers=d["biens_immobiliers"],
        cautionnement=cautionnement,
        cautionnement_nom=cautionnement_nom,
        assurance=assurance,
        assurance_nom=assurance_nom,
    )


def _avis(utilisateur, mise, d):
    return services_drass.avis_ministres_enregistrer(
        acting_user=utilisateur,
        mise_en_cause=mise,
        transmis_le=d["transmis_le"],
        avis_le=d["avis_le"],
        reference=d["reference"],
        favorable=d["favorable"],
    )


DOSSIER_DRASS = Acte(
    "responsabilite.dossier_drass",
    _dossier,
    DRASS_DROIT,
    lambda objet, _d: (
        f"Dossier de la DRASS transmis au ministre enregistré : {getattr(objet, 'demande', objet)}"
        " ; la décision des ministres peut être enregistrée."
    ),
)
AVIS_MINISTRES = Acte(
    "responsabilite.avis_ministres",
    _avis,
    DRASS_DROIT,
    lambda _objet, d: (
        f"Avis {'favorable' if d['favorable'] else 'défavorable'} des ministres sur la mise en "
        "cause enregistré."
    ),
)
