"""What the acts of amicable recovery share (circ. 93/82 §2.0.5; D253-16 al. 1):
their transaction, who may act on a claim and in which capacity, the claim
due and unpaid, the running delay honoured that protects it."""

from __future__ import annotations

import datetime
from decimal import Decimal

from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    TransitionInterdite,
    atomique,
)
from core.money import ZERO, format_euros
from core.verrous import verrouiller
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_exercees_le, fonctions_le, interim_le
from recettes.models import LigneOrdreRecette
from recouvrement import amiable_lecture as lecture
from recouvrement.models import (
    Creance,
)
from reglementation.selectors import titre_agent_comptable

CIRC = "circulaire 93/82 §2.0.5"
D253_16 = "article D253-16"
ORDONNATEUR = frozenset({Fonction.DIRECTEUR, Fonction.DELEGUE})
COMPTABLES = frozenset({Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR})


_atomique = atomique  # the shared wrapper of core.exceptions


def qualite_de(utilisateur, le: datetime.date, creance: Creance) -> str:
    """The capacity in which one acts on the claim that day."""
    if creance.responsable == Creance.Responsable.DIRECTEUR:
        return "Directeur"
    interim = interim_le(utilisateur, le)
    if interim is not None:
        return interim.get_nature_display().capitalize()
    fonctions = fonctions_exercees_le(utilisateur, le)
    if Fonction.AGENT_COMPTABLE in fonctions:
        return titre_agent_comptable(le).capitalize()
    return "Fondé de pouvoir de l'agent comptable"


def majuscule(texte: str) -> str:
    """The first letter up, the rest as written (str.capitalize would lower
    « Mme Durand » to « mme durand »)."""
    return texte[:1].upper() + texte[1:]


def _designation(creance: Creance) -> str:
    ordre = creance.ligne.ordre
    return (
        f"la créance de {creance.debiteur.nom} sur l'ordre de recette n° {ordre.reference} "
        f"({ordre.get_nature_display()})"
    )


def exiger_acteur(utilisateur, creance: Creance, le: datetime.date, acte: str, code: str) -> str:
    """Who may do an amicable act on the claim that day; returns his capacity.

    A claim handed over is refused to everyone here (contentious recovery);
    the agent comptable's claims are his alone; the directeur's (cotisations,
    majorations) are the directeur's."""
    if creance.transmise_le is not None:
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} a été transmise au directeur le "
            f"{creance.transmise_le:%d/%m/%Y}, seul chargé du recouvrement contentieux : on ne "
            f"peut plus {acte} ({CIRC}).",
            details={"creance": creance.pk, "transmise_le": creance.transmise_le.isoformat()},
        )
    if creance.stade in Creance.STADES_CONTENTIEUX:
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} est en recouvrement contentieux (stade : "
            f"{creance.get_stade_display()}) : on ne peut plus {acte} ({CIRC} ; annexe, "
            "article 13).",
            details={"creance": creance.pk, "stade": creance.stade},
        )
    fonctions = set(fonctions_le(utilisateur, le)) | set(fonctions_exercees_le(utilisateur, le))
    if creance.responsable == Creance.Responsable.DIRECTEUR:
        if Fonction.DIRECTEUR not in fonctions:
            raise DroitInsuffisant(
                f"Les cotisations et les majorations de retard sont recouvrées par le directeur "
                f"({D253_16}, alinéa 1) : seul le directeur peut {acte} sur "
                f"{_designation(creance)}.",
                details={"creance": creance.pk, "responsable": creance.responsable},
            )
        return "Directeur"
    if fonctions & ORDONNATEUR:
        raise DroitInsuffisant(
            f"Le recouvrement amiable de {_designation(creance)} appartient à l'agent comptable "
            f"({D253_16}, alinéa 1 ; {CIRC}) : le directeur ne peut {acte} ; il reçoit la "
            "créance lorsque l'agent comptable lui transmet l'échec du recouvrement amiable.",
            details={"creance": creance.pk, "responsable": creance.responsable},
        )
    exiger_comptable(utilisateur, le, acte, code=code)
    return qualite_de(utilisateur, le, creance)


def _ligne(ligne) -> LigneOrdreRecette:
    pk = getattr(ligne, "pk", ligne)
    try:
        return verrouiller(LigneOrdreRecette.objects.select_related("ordre"), pk)
    except LigneOrdreRecette.DoesNotExist:
        raise DonneeInvalide(f"La ligne d'ordre de recette n° {pk} n'existe pas.") from None


def _exiger_exigible_impayee(creance: Creance, le: datetime.date, acte: str) -> Decimal:
    """The claim is due before `le` and not paid; returns its reste."""
    ligne = creance.ligne
    exigible = lecture.exigible_le(ligne)
    if exigible is None:
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} n'a pas de date d'exigibilité : on ne peut "
            f"{acte} qu'une créance prise en charge et échue.",
            details={"creance": creance.pk},
        )
    if exigible >= le:
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} n'est pas encore exigible impayée : "
            f"son échéance est le {exigible:%d/%m/%Y} ; on ne peut {acte} qu'à compter du "
            "lendemain.",
            details={"creance": creance.pk, "echeance": exigible and exigible.isoformat()},
        )
    reste = lecture.reste_de(ligne)
    if reste <= ZERO:
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} est entièrement recouvrée (reste à recouvrer "
            f"nul) : on ne peut plus {acte}.",
            details={"creance": creance.pk},
        )
    return reste


def _exiger_pas_sous_delai(creance: Creance, le: datetime.date, acte: str) -> None:
    delai = lecture.delai_en_cours(creance)
    if delai is None:
        return
    etat = lecture.suivi(delai, le)
    if etat.respecte:
        prochaine = etat.prochaine
        suite = (
            f" ; prochaine échéance le {prochaine.le:%d/%m/%Y} ({format_euros(prochaine.manque)})"
            if prochaine
            else ""
        )
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} bénéficie d'un délai de paiement accordé le "
            f"{delai.accorde_le:%d/%m/%Y} dont les échéances sont honorées{suite} : on ne peut "
            f"{acte} ({CIRC}).",
            details={"creance": creance.pk, "delai": delai.pk},
        )


def _stade(creance: Creance, stade: str) -> None:
    creance.stade = stade
    creance.save(update_fields=["stade"])
