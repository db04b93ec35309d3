"""The surveillance's acts as pages and the API see them (`core.actes`): their
droits in the catalogue, their forms, and the call of each service.

Reading — the situations individuelles, the état nominatif, the lists, what
falls due — is open to the directeur, the agent comptable and the tutelle
(annexe art. 13 al. 6: « consultables à tout moment » by the caisse); the
tutelle changes nothing.
"""

from __future__ import annotations

from django import forms

from core.actes import Acte
from core.formulaires import ChampDate, ChampMontant, saisie_date
from personnes.droits import droit
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES
from recouvrement import (
    etat_nominatif,
    surveillance_contrats,
    surveillance_garanties,
    surveillance_listes,
)
from recouvrement.models_surveillance import ContratConserve, Garantie, Liste

__all__ = [
    "CONTRAT",
    "CONTRAT_DROIT",
    "ETAT_NOMINATIF_DROIT",
    "GARANTIE_DROIT",
    "LISTE_DROIT",
    "PERIODICITE_DROIT",
    "SIGNALER_DROIT",
    "SURVEILLANCE_LIRE_DROIT",
    "ETAT_NOMINATIF",
    "GARANTIE",
    "INFORMER",
    "LISTE",
    "MAINLEVEE",
    "PERIODICITE",
    "RENOUVELER",
    "SIGNALER",
]

LECTEURS = {
    Fonction.DIRECTEUR,
    Fonction.DELEGUE,
    Fonction.AGENT_COMPTABLE,
    Fonction.FONDE_DE_POUVOIR,
    Fonction.AUDITEUR,
}

LIRE_DROIT = droit(
    "recouvrement.surveillance_lire",
    LECTEURS,
    "Les situations individuelles et les états du recouvrement se lisent par le directeur, "
    "l'agent comptable et la tutelle (annexe art. 13).",
)
SURVEILLANCE_LIRE_DROIT = LIRE_DROIT
GARANTIE_DROIT = droit(
    surveillance_garanties.CODE_GARANTIE,
    {Fonction.DIRECTEUR, *FONCTIONS_COMPTABLES},
    "Seuls le directeur, en recouvrement contentieux, et l'agent comptable enregistrent les "
    "garanties et sûretés (circulaire 93/82 §2.0.4 ; annexe art. 13).",
)
SIGNALER_DROIT = droit(
    surveillance_garanties.CODE_SIGNALER,
    FONCTIONS_COMPTABLES,
    "Seul l'agent comptable signale au directeur la péremption des inscriptions hypothécaires "
    "(circulaire 93/82 §2.0.4).",
)
CONTRAT_DROIT = droit(
    surveillance_contrats.CODE_CONTRAT,
    FONCTIONS_COMPTABLES,
    "Seul l'agent comptable tient le registre des baux, contrats et titres qu'il conserve et "
    "en signale l'expiration au directeur (circulaire 93/82 §2.0.4).",
)
LISTE_DROIT = droit(
    surveillance_listes.CODE_LISTE,
    FONCTIONS_COMPTABLES,
    "Seul l'agent comptable adresse au directeur la liste des débiteurs défaillants et celle "
    "des créances irrécouvrées (circulaire 93/82 §2.0.4, §2.0.5).",
)
PERIODICITE_DROIT = droit(
    "recouvrement.periodicite_fixer",
    {Fonction.DIRECTEUR},
    "Seul le directeur fixe la périodicité des listes que l'agent comptable lui adresse "
    "(circulaire 93/82 §2.0.5).",
)
ETAT_NOMINATIF_DROIT = droit(
    "recouvrement.etat_nominatif_adresser",
    {Fonction.DIRECTEUR},
    "Seul le directeur enregistre l'envoi à la caisse de l'état nominatif semestriel "
    "(annexe art. 13).",
)

_DATE = {"widget": saisie_date()}


class GarantieForm(forms.Form):
    nature = forms.ChoiceField(label="Nature", choices=Garantie.Nature.choices)
    objet = forms.CharField(label="Bien grevé, garant ou droit", max_length=255)
    montant = ChampMontant(label="Montant garanti (€)")
    prise_le = ChampDate(label="Prise le", **_DATE)
    creance = forms.IntegerField(label="Créance garantie (facultatif)", required=False, min_value=1)
    inscrite_le = ChampDate(label="Hypothèque : inscrite le", required=False, **_DATE)
    bureau = forms.CharField(
        max_length=200, label="Hypothèque : bureau de l'inscription", required=False
    )
    peremption_le = ChampDate(label="Hypothèque : inscription périmée le", required=False, **_DATE)


class SignalerForm(forms.Form):
    signalee_le = ChampDate(label="Signalé au directeur le", **_DATE)


class RenouvelerForm(forms.Form):
    renouvelee_le = ChampDate(label="Inscription renouvelée le", **_DATE)
    peremption_le = ChampDate(label="Nouvelle date de péremption", **_DATE)


class MainleveeForm(forms.Form):
    mainlevee_le = ChampDate(label="Mainlevée le", **_DATE)
    motif = forms.CharField(label="Motif", max_length=255)


class ContratForm(forms.Form):
    nature = forms.ChoiceField(label="Nature", choices=ContratConserve.Nature.choices)
    objet = forms.CharField(label="Objet", max_length=255)
    cocontractant = forms.CharField(label="Cocontractant", max_length=200)
    debut = ChampDate(label="Prend effet le", **_DATE)
    expire_le = ChampDate(label="Expire le", **_DATE)
    preavis_mois = forms.IntegerField(
        label="Informer le directeur … mois avant l'expiration",
        min_value=1,
        max_value=24,
        initial=6,
    )
    original = forms.CharField(label="Référence de l'original conservé", max_length=200)


class InformerForm(forms.Form):
    informe_le = ChampDate(label="Directeur informé le", **_DATE)


class PeriodiciteForm(forms.Form):
    liste = forms.ChoiceField(label="Liste", choices=Liste.choices)
    mois = forms.IntegerField(label="Tous les … mois", min_value=1, max_value=12)
    a_compter_du = ChampDate(label="À compter du", **_DATE)


class ListeForm(forms.Form):
    liste = forms.ChoiceField(label="Liste", choices=Liste.choices)
    le = ChampDate(label="Adressée le", **_DATE)


class EtatNominatifForm(forms.Form):
    envoye_le = ChampDate(label="Adressé à la caisse le", **_DATE)
    reference = forms.CharField(label="Référence de l'envoi", max_length=120)


def _garantie(utilisateur, debiteur, d):
    from recouvrement.models import Creance

    creance = None
    if d.get("creance"):
        creance = Creance.objects.filter(pk=d["creance"]).first()
        if creance is None:
            from core.exceptions import DonneeInvalide

            raise DonneeInvalide(f"La créance n° {d['creance']} n'existe pas.")
    return surveillance_garanties.garantie_prendre(
        acting_user=utilisateur,
        debiteur=debiteur,
        creance=creance,
        nature=d["nature"],
        montant=d["montant"],
        objet=d["objet"],
        prise_le=d["prise_le"],
        inscrite_le=d.get("inscrite_le"),
        bureau=d.get("bureau") or "",
        peremption_le=d.get("peremption_le"),
    )


GARANTIE = Acte(
    "recouvrement.garantie_prendre",
    _garantie,
    GARANTIE_DROIT,
    lambda g, _d: f"Garantie enregistrée : {g}.",
)
SIGNALER = Acte(
    "recouvrement.peremption_signaler",
    lambda u, g, d: surveillance_garanties.peremption_signaler(
        acting_user=u, garantie=g, signalee_le=d["signalee_le"]
    ),
    SIGNALER_DROIT,
    lambda g, _d: (
        f"Péremption au {g.peremption_le:%d/%m/%Y} de l'inscription « {g.objet} » signalée au "
        "directeur."
    ),
)
RENOUVELER = Acte(
    "recouvrement.garantie_renouveler",
    lambda u, g, d: surveillance_garanties.garantie_renouveler(
        acting_user=u,
        garantie=g,
        renouvelee_le=d["renouvelee_le"],
        peremption_le=d["peremption_le"],
    ),
    GARANTIE_DROIT,
    lambda g, _d: f"Inscription « {g.objet} » renouvelée : périmée le {g.peremption_le:%d/%m/%Y}.",
)
MAINLEVEE = Acte(
    "recouvrement.garantie_lever",
    lambda u, g, d: surveillance_garanties.garantie_lever(
        acting_user=u, garantie=g, mainlevee_le=d["mainlevee_le"], motif=d["motif"]
    ),
    GARANTIE_DROIT,
    lambda g, _d: f"Mainlevée enregistrée : {g}.",
)
CONTRAT = Acte(
    "recouvrement.contrat_enregistrer",
    lambda u, _o, d: surveillance_contrats.contrat_enregistrer(acting_user=u, **d),
    CONTRAT_DROIT,
    lambda c, _d: f"{c} enregistré au registre : expire le {c.expire_le:%d/%m/%Y}.",
)
INFORMER = Acte(
    "recouvrement.directeur_informer",
    lambda u, c, d: surveillance_contrats.directeur_informer(
        acting_user=u, contrat=c, informe_le=d["informe_le"]
    ),
    CONTRAT_DROIT,
    lambda c, _d: f"Information du directeur sur l'expiration de {c} enregistrée.",
)
PERIODICITE = Acte(
    "recouvrement.periodicite_fixer",
    lambda u, _o, d: surveillance_listes.periodicite_fixer(acting_user=u, **d),
    PERIODICITE_DROIT,
    lambda p, _d: f"Périodicité fixée : {p}.",
)
LISTE = Acte(
    "recouvrement.liste_adresser",
    lambda u, _o, d: surveillance_listes.liste_adresser(acting_user=u, **d),
    LISTE_DROIT,
    lambda e, _d: f"{e.get_liste_display().capitalize()} adressée au directeur le {e.le:%d/%m/%Y}.",
)
ETAT_NOMINATIF = Acte(
    "recouvrement.etat_nominatif_adresser",
    lambda u, _o, d: etat_nominatif.etat_nominatif_adresser(acting_user=u, **d),
    ETAT_NOMINATIF_DROIT,
    lambda e, _d: (
        f"Envoi à la caisse de l'état nominatif arrêté au {e.arrete_au:%d/%m/%Y} enregistré"
        f"{' (après le délai)' if e.en_retard else ''}."
    ),
)
