"""The acts of the agent comptable's liability as pages and the API see
them (`responsabilite.services`, circ. 93/82 §6.0, §6.1), each with its
droit: the directeur records the mise en cause, issues the ordre de recette
against the agent comptable, records the avis de réception and the board's
information; the agent comptable posts the débet. The acts of article D253-81
are in `actes_reglement`, re-exported at the end."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from core.actes import Acte
from core.exceptions import DonneeInvalide
from core.formulaires import ChampDate, ChampMontant, saisie_date
from personnes.models import Fonction, nom_de
from responsabilite import selectors, services, services_decharge, services_sursis
from responsabilite.droits import (  # noqa: F401 (the pages and the API read them here)
    COMPTABILISER_DROIT,
    DEMANDE_DECIDER_DROIT,
    DEMANDE_DROIT,
    DIRECTEUR,
    EMETTRE_DROIT,
    LIRE_DROIT,
    MISE_EN_CAUSE_DROIT,
    SUIVRE_DROIT,
    SURSIS_DECIDER_DROIT,
    SURSIS_DEMANDER_DROIT,
)
from responsabilite.models import Demande, MiseEnCause

_DATE = {"widget": saisie_date()}


class _FondeChoix(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{nom_de(obj)}, fondé de pouvoir"


def fondes_de_pouvoir():
    """Whoever holds or held an affectation of fondé de pouvoir: the ones a
    mise en cause may name (the service checks he held it on the day of the facts)."""
    return (
        get_user_model()
        .objects.filter(affectations__fonction=Fonction.FONDE_DE_POUVOIR)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class MiseEnCauseForm(forms.Form):
    auteur = forms.ChoiceField(label="Mise en cause par", choices=MiseEnCause.Auteur.choices)
    decide_le = ChampDate(label="Décision du", **_DATE)
    faits_le = ChampDate(label="Date des faits", **_DATE)
    personne = _FondeChoix(
        label="Comptable mis en cause",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="l'agent comptable en fonction à la date des faits",
    )
    motifs = forms.CharField(
        max_length=4000, label="Motifs", widget=forms.Textarea(attrs={"rows": 3})
    )
    montant = ChampMontant(label="Montant (€)")
    fraude = forms.BooleanField(label="Fraude ou détournement", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personne"].queryset = fondes_de_pouvoir()


class EmettreForm(forms.Form):
    compte = forms.CharField(label="Compte du manquant", max_length=20, initial="531")
    montant = ChampMontant(label="Montant (€, celui de la mise en cause si vide)", required=False)


class ManquantForm(forms.Form):
    auteur = forms.ChoiceField(
        label="Mise en cause par",
        choices=[
            (v, libelle)
            for v, libelle in MiseEnCause.Auteur.choices
            if v != MiseEnCause.Auteur.CONSEIL_FRAUDE
        ],
    )
    decide_le = ChampDate(label="Décision du", **_DATE)


class DateForm(forms.Form):
    le = ChampDate(label="Le", **_DATE)


class SursisDemandeForm(forms.Form):
    motifs = forms.CharField(
        max_length=4000,
        label="Motifs de la demande de sursis",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SursisDecisionForm(forms.Form):
    accorde = forms.TypedChoiceField(
        label="Décision",
        choices=[("1", "sursis accordé"), ("0", "sursis refusé")],
        coerce=lambda v: v == "1",
    )
    decide_le = ChampDate(label="Décision du", **_DATE)
    decision = forms.CharField(label="Référence de la décision", max_length=120)
    fin_le = ChampDate(
        label="Accordé jusqu'au (un an au plus après la décision ; un an si vide)",
        required=False,
        **_DATE,
    )


class DemandeForm(forms.Form):
    nature = forms.ChoiceField(label="Demande", choices=Demande.Nature.choices)
    motifs = forms.CharField(
        max_length=4000,
        label="Motifs (considérations de droit pour la décharge, faits personnels pour la "
        "remise gracieuse)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    montant = ChampMontant(label="Montant (€, tout le débet si vide)", required=False)
    force_majeure = forms.BooleanField(label="Force majeure invoquée", required=False)
    piece = forms.FileField(
        label="Pièce prouvant la force majeure (PDF, 10 Mo au plus)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class ConseilForm(forms.Form):
    conseil_le = ChampDate(label="Décision du conseil du", **_DATE)
    deliberation = forms.CharField(label="Délibération", max_length=120)
    montant = ChampMontant(label="Montant accordé (€, 0 pour un refus)", zero_admis=True)


class ApprobationForm(forms.Form):
    approuvee = forms.TypedChoiceField(
        label="Décision des ministres",
        choices=[("1", "approuvée"), ("0", "non approuvée")],
        coerce=lambda v: v == "1",
    )
    le = ChampDate(label="Du", **_DATE)
    reference = forms.CharField(label="Référence", max_length=120)


def _demande(utilisateur, ordre, d):
    piece = d.get("piece")
    return services_decharge.demande_deposer(
        acting_user=utilisateur,
        ordre=ordre,
        nature=d["nature"],
        motifs=d["motifs"],
        montant=d.get("montant"),
        force_majeure=d.get("force_majeure", False),
        piece_nom=piece.name if piece else "",
        piece=piece.read() if piece else None,
    )


def _conseil_demande(utilisateur, demande, d):
    return services_decharge.decision_conseil_enregistrer(
        acting_user=utilisateur,
        demande=demande,
        conseil_le=d["conseil_le"],
        deliberation=d["deliberation"],
        montant=d["montant"],
    )


def _approbation(utilisateur, demande, d):
    return services_decharge.approbation_enregistrer(
        acting_user=utilisateur,
        demande=demande,
        approuvee=d["approuvee"],
        le=d["le"],
        reference=d["reference"],
    )


def _etat(demande) -> str:
    """The state after the act (the page's object was read before it)."""
    return Demande.objects.get(pk=demande.pk).get_etat_display()


def _sursis_demander(utilisateur, ordre, d):
    return services_sursis.sursis_demander(acting_user=utilisateur, ordre=ordre, motifs=d["motifs"])


def _sursis_decider(utilisateur, ordre, d):
    return services_sursis.sursis_decider(
        acting_user=utilisateur,
        ordre=ordre,
        accorde=d["accorde"],
        decide_le=d["decide_le"],
        decision=d["decision"],
        fin_le=d.get("fin_le"),
    )


def _personne(valeur):
    """The person named by the page (a user) or the API (his login or his id)."""
    if valeur in (None, "") or not isinstance(valeur, str | int):
        return valeur or None
    utilisateurs = get_user_model().objects
    trouve = utilisateurs.filter(username=str(valeur)).first()
    if trouve is None and str(valeur).isdigit():
        trouve = utilisateurs.filter(pk=int(valeur)).first()
    if trouve is None:
        raise DonneeInvalide(f"Aucun utilisateur « {valeur} » : indiquez son identifiant.")
    return trouve


def _mise(utilisateur, _objet, d):
    d = {**d, "personne": _personne(d.get("personne"))}
    return services.mise_en_cause_enregistrer(acting_user=utilisateur, **d)


def _emettre(utilisateur, mise, d):
    return services.ordre_debet_emettre(
        acting_user=utilisateur, mise_en_cause=mise, compte=d["compte"], montant=d.get("montant")
    )


def _manquant(utilisateur, arrete, d):
    return services.ordre_debet_sur_manquant(
        acting_user=utilisateur, arrete=arrete, auteur=d["auteur"], decide_le=d["decide_le"]
    )


def _ar(utilisateur, ordre, d):
    return services.accuse_reception_enregistrer(acting_user=utilisateur, ordre=ordre, le=d["le"])


def _conseil(utilisateur, ordre, d):
    return services.conseil_informe_enregistrer(acting_user=utilisateur, ordre=ordre, le=d["le"])


def _comptabiliser(utilisateur, ordre, _d):
    return services.ordre_debet_comptabiliser(acting_user=utilisateur, ordre=ordre)


MISE_EN_CAUSE = Acte(
    "responsabilite.mise_en_cause",
    _mise,
    MISE_EN_CAUSE_DROIT,
    lambda m, _d: (
        "Mise en cause "
        + (
            "du fondé de pouvoir de l'agent comptable"
            if selectors.qualite_mise(m) == selectors.QUALITE_FONDE
            else "de l'agent comptable"
        )
        + f" enregistrée : {m}."
    ),
)
EMETTRE = Acte(
    "responsabilite.ordre_emettre",
    _emettre,
    EMETTRE_DROIT,
    lambda objet, _d: (
        f"Ordre de recette {getattr(objet, 'ordre', objet).reference} émis à l'encontre de "
        "l'agent comptable : notifiez-le par la lettre recommandée avec demande d'avis de "
        "réception."
    ),
)
MANQUANT = Acte(
    "responsabilite.ordre_sur_manquant",
    _manquant,
    EMETTRE_DROIT,
    lambda objet, _d: (
        f"Ordre de recette {getattr(objet, 'mise_en_cause', objet).ordre.reference} émis à "
        "l'encontre de l'agent comptable en fonction le jour du manquant : notifiez-le par la "
        "lettre recommandée avec demande d'avis de réception."
    ),
)
ACCUSE_RECEPTION = Acte(
    "responsabilite.accuse_reception",
    _ar,
    SUIVRE_DROIT,
    "Avis de réception de l'ordre {ref} enregistré.",
)
CONSEIL_INFORME = Acte(
    "responsabilite.conseil_informe",
    _conseil,
    SUIVRE_DROIT,
    "Information du conseil d'administration sur l'ordre {ref} enregistrée.",
)
COMPTABILISER = Acte(
    "responsabilite.comptabiliser",
    _comptabiliser,
    COMPTABILISER_DROIT,
    "Ordre {ref} comptabilisé au compte 429, débet des comptables.",
)
SURSIS_DEMANDER = Acte(
    "responsabilite.sursis_demander",
    _sursis_demander,
    SURSIS_DEMANDER_DROIT,
    "Demande de sursis de versement de l'ordre {ref} enregistrée.",
)
SURSIS_DECIDER = Acte(
    "responsabilite.sursis_decider",
    _sursis_decider,
    SURSIS_DECIDER_DROIT,
    lambda ordre, d: (
        f"Décision sur le sursis de versement de l'ordre {ordre.reference} enregistrée : "
        f"sursis {'accordé' if d['accorde'] else 'refusé'}."
    ),
)
DEMANDE = Acte(
    "responsabilite.demande_deposer",
    _demande,
    DEMANDE_DROIT,
    lambda ordre, d: (
        f"Demande de {Demande.Nature(d['nature']).label} sur l'ordre {ordre.reference} enregistrée."
    ),
)
DEMANDE_CONSEIL = Acte(
    "responsabilite.demande_conseil",
    _conseil_demande,
    DEMANDE_DECIDER_DROIT,
    lambda demande, _d: f"Décision du conseil enregistrée : {demande}, {_etat(demande)}.",
)
DEMANDE_APPROBATION = Acte(
    "responsabilite.demande_approbation",
    _approbation,
    DEMANDE_DECIDER_DROIT,
    lambda demande, _d: f"Décision des ministres enregistrée : {demande}, {_etat(demande)}.",
)

# The acts of article D253-81 (payment, prise en charge, non-valeur, notice,
# recoveries) and the ministers' part (§6.2: the DRASS file, the ministers'
# avis), declared in modules of their own.
from responsabilite.actes_drass import (  # noqa: E402, F401
    AVIS_MINISTRES,
    DOSSIER_DRASS,
    DRASS_DROIT,
)
from responsabilite.actes_reglement import (  # noqa: E402, F401
    ASSOCIATION,
    ASSOCIATION_DROIT,
    NON_VALEUR,
    NON_VALEUR_COMPTABILISER,
    NON_VALEUR_DROIT,
    PRISE_EN_CHARGE,
    RECOUVREMENT,
    REVERSEMENT,
    VERSEMENT,
)
