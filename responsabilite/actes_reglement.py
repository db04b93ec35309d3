"""The acts of article D253-81 as pages and the API see them
(`services_reglement`): the agent comptable, who keeps the books, records his
payment, posts the sums the fund bears (décharge, remise, non-valeur) and
pays him back what he had paid of a sum granted, records the recoveries and
pays his share back; the directeur records the
board's non-valeur and the minister's notice to the association de
cautionnement mutuel. Re-exported by `responsabilite.actes`."""

from __future__ import annotations

from django import forms

from core.actes import Acte
from core.formulaires import ChampDate, ChampMontant, saisie_date
from core.money import format_euros
from personnes.droits import droit
from personnes.models import Fonction
from responsabilite import services_reglement as reg
from responsabilite import services_remboursement
from responsabilite.droits import COMPTABILISER_DROIT
from responsabilite.models import Demande

DIRECTEUR = {Fonction.DIRECTEUR}

NON_VALEUR_DROIT = droit(
    "responsabilite.non_valeur",
    DIRECTEUR,
    "Seul le directeur enregistre la décision du conseil d'administration admettant le débet "
    "en non-valeur (article D253-81).",
)
ASSOCIATION_DROIT = droit(
    "responsabilite.notification_association",
    DIRECTEUR,
    "Seul le directeur enregistre la notification du débet par le ministre à l'association de "
    "cautionnement mutuel (article D253-81).",
)

_DATE = {"widget": saisie_date()}


def _montant(libelle: str = "Montant (€)") -> ChampMontant:
    return ChampMontant(label=libelle)


def _compte(libelle: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=libelle, choices=reg.comptes_disponibles)


class VersementForm(forms.Form):
    montant = _montant("Montant versé par l'agent comptable sur ses deniers (€)")
    compte = _compte("Versé à")


class NonValeurForm(forms.Form):
    conseil_le = ChampDate(label="Décision du conseil du", **_DATE)
    deliberation = forms.CharField(label="Délibération", max_length=120)
    montant = _montant("Montant admis en non-valeur (€)")


class AssociationForm(forms.Form):
    le = ChampDate(label="Notifiée le", **_DATE)
    association = forms.CharField(label="Association de cautionnement mutuel", max_length=200)
    reference = forms.CharField(label="Référence de la notification du ministre", max_length=120)


class RecouvrementForm(forms.Form):
    le = ChampDate(label="Recouvré le", **_DATE)
    debiteur = forms.CharField(label="Débiteur", max_length=200)
    montant = _montant("Montant recouvré (€)")
    compte = _compte("Encaissé sur")


class ReversementForm(forms.Form):
    compte = _compte("Reversé depuis")


class RemboursementForm(forms.Form):
    compte = _compte("Remboursé depuis")


def _versement(utilisateur, ordre, d):
    return reg.versement_enregistrer(
        acting_user=utilisateur, ordre=ordre, montant=d["montant"], compte=d["compte"]
    )


def _prise_en_charge(utilisateur, demande, _d):
    return reg.prise_en_charge_comptabiliser(acting_user=utilisateur, demande=demande)


def _non_valeur(utilisateur, ordre, d):
    return reg.non_valeur_enregistrer(
        acting_user=utilisateur,
        ordre=ordre,
        conseil_le=d["conseil_le"],
        deliberation=d["deliberation"],
        montant=d["montant"],
    )


def _non_valeur_comptabiliser(utilisateur, nv, _d):
    return reg.non_valeur_comptabiliser(acting_user=utilisateur, non_valeur=nv)


def _association(utilisateur, ordre, d):
    return reg.notification_association_enregistrer(
        acting_user=utilisateur,
        ordre=ordre,
        le=d["le"],
        association=d["association"],
        reference=d["reference"],
    )


def _recouvrement(utilisateur, ordre, d):
    return reg.recouvrement_enregistrer(
        acting_user=utilisateur,
        ordre=ordre,
        le=d["le"],
        debiteur=d["debiteur"],
        montant=d["montant"],
        compte=d["compte"],
    )


def _reversement(utilisateur, recouvrement, d):
    return reg.reversement_enregistrer(
        acting_user=utilisateur, recouvrement=recouvrement, compte=d["compte"]
    )


def _remboursement(utilisateur, demande, d):
    return services_remboursement.remboursement_enregistrer(
        acting_user=utilisateur, demande=demande, compte=d["compte"]
    )


def _pris_en_charge(demande, _d) -> str:
    demande = Demande.objects.select_related("ordre").get(pk=demande.pk)  # as the act left it
    message = f"Prise en charge par l'organisme comptabilisée : {demande} (compte 6712)"
    if demande.prise_agent:
        message += (
            f", dont {format_euros(demande.prise_agent)} que l'agent comptable avait payés, à "
            "lui rembourser (compte 4672)"
        )
    return message + "."


def _rembourse(demande, _d) -> str:
    demande = Demande.objects.select_related("ordre").get(pk=demande.pk)
    return (
        f"{format_euros(demande.prise_agent)} remboursés à l'agent comptable depuis le compte "
        f"{demande.rembourse_compte} : {demande} (compte 4672)."
    )


def _parts(ordre, d) -> str:
    r = ordre.recouvrements.order_by("-id").first()
    return (
        f"Recouvrement de {format_euros(r.montant)} enregistré sur l'ordre {ordre.reference} : "
        f"{format_euros(r.part_debet)} au débet, {format_euros(r.part_organisme)} à "
        f"l'organisme, {format_euros(r.part_agent)} à l'agent comptable."
    )


VERSEMENT = Acte(
    "responsabilite.versement",
    _versement,
    COMPTABILISER_DROIT,
    lambda ordre, d: (
        f"Versement de {format_euros(d['montant'])} de l'agent comptable sur ses deniers "
        f"enregistré sur l'ordre {ordre.reference}."
    ),
)
PRISE_EN_CHARGE = Acte(
    "responsabilite.prise_en_charge", _prise_en_charge, COMPTABILISER_DROIT, _pris_en_charge
)
NON_VALEUR = Acte(
    "responsabilite.non_valeur",
    _non_valeur,
    NON_VALEUR_DROIT,
    lambda ordre, d: (
        f"Admission en non-valeur de {format_euros(d['montant'])} enregistrée sur l'ordre "
        f"{ordre.reference}."
    ),
)
NON_VALEUR_COMPTABILISER = Acte(
    "responsabilite.non_valeur_comptabiliser",
    _non_valeur_comptabiliser,
    COMPTABILISER_DROIT,
    lambda nv, _d: f"{nv} comptabilisée (compte 6541).",
)
ASSOCIATION = Acte(
    "responsabilite.notification_association",
    _association,
    ASSOCIATION_DROIT,
    "Notification du débet {ref} à l'association de cautionnement mutuel enregistrée.",
)
RECOUVREMENT = Acte("responsabilite.recouvrement", _recouvrement, COMPTABILISER_DROIT, _parts)
REVERSEMENT = Acte(
    "responsabilite.reversement",
    _reversement,
    COMPTABILISER_DROIT,
    lambda r, _d: (
        f"Part de l'agent comptable ({format_euros(r.part_agent)}) du recouvrement du "
        f"{r.le:%d/%m/%Y} reversée."
    ),
)
REMBOURSEMENT = Acte(
    "responsabilite.remboursement", _remboursement, COMPTABILISER_DROIT, _rembourse
)
