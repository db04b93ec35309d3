"""What the surveillance's acts share: who acts (the directeur, the agent
comptable, never the tutelle, who reads and changes nothing) and the date of
an act (not after today, not before a given day)."""

from __future__ import annotations

import datetime

from core.exceptions import DonneeInvalide, DroitInsuffisant
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_exercees_le

QUALITE_DIRECTEUR = "directeur"
QUALITE_COMPTABLE = "agent comptable"

REFUS_TUTELLE = (
    "La tutelle consulte à tout moment les situations individuelles et les états du "
    "recouvrement (annexe art. 13) mais ne modifie rien."
)


def refus_directeur(acte: str, source: str) -> str:
    return f"Seul le directeur peut {acte} ({source})."


def exiger_tutelle_non(utilisateur, jour: datetime.date) -> set[str]:
    """The functions exercised that day; the tutelle is refused every act."""
    fonctions = set(fonctions_exercees_le(utilisateur, jour))
    if Fonction.AUDITEUR in fonctions and not fonctions - {Fonction.AUDITEUR}:
        raise DroitInsuffisant(REFUS_TUTELLE)
    return fonctions


def exiger_directeur(utilisateur, jour: datetime.date, acte: str, source: str) -> str:
    """The directeur's act: returns the quality printed in the journal."""
    fonctions = exiger_tutelle_non(utilisateur, jour)
    if Fonction.DIRECTEUR not in fonctions:
        raise DroitInsuffisant(refus_directeur(acte, source))
    return QUALITE_DIRECTEUR


def exiger_agent_comptable(utilisateur, jour: datetime.date, acte: str, code: str) -> str:
    """The agent comptable's act (or his fondé de pouvoir's within his procuration)."""
    exiger_tutelle_non(utilisateur, jour)
    exiger_comptable(utilisateur, jour, acte, code=code)
    return QUALITE_COMPTABLE


def directeur_ou_comptable(
    utilisateur, jour: datetime.date, acte: str, code: str, *, directeur: bool
) -> str:
    """An act of the directeur (when `directeur` allows it) or of the agent comptable."""
    fonctions = exiger_tutelle_non(utilisateur, jour)
    if Fonction.DIRECTEUR in fonctions:
        if directeur:
            return QUALITE_DIRECTEUR
        raise DroitInsuffisant(
            f"Seuls le directeur, en recouvrement contentieux, et l'agent comptable peuvent "
            f"{acte} : ce débiteur n'est pas recouvré par le directeur, l'agent comptable en a "
            "le recouvrement amiable (circulaire 93/82 §2.0.4, §2.0.5)."
        )
    if fonctions & FONCTIONS_COMPTABLES:
        return exiger_agent_comptable(utilisateur, jour, acte, code)
    raise DroitInsuffisant(
        f"Seuls le directeur, en recouvrement contentieux, et l'agent comptable peuvent {acte} "
        "(circulaire 93/82 §2.0.4)."
    )


def date_acte(
    le, quoi: str, *, aujourdhui: datetime.date, au_plus_tot: datetime.date | None = None
) -> datetime.date:
    if not isinstance(le, datetime.date):
        raise DonneeInvalide(f"Indiquez la date {quoi}.")
    if le > aujourdhui:
        raise DonneeInvalide(
            f"La date {quoi} ({le:%d/%m/%Y}) ne peut être postérieure à aujourd'hui."
        )
    if au_plus_tot is not None and le < au_plus_tot:
        raise DonneeInvalide(
            f"La date {quoi} ({le:%d/%m/%Y}) ne peut précéder le {au_plus_tot:%d/%m/%Y}."
        )
    return le


def plus_mois(le: datetime.date, mois: int) -> datetime.date:
    """The same day `mois` months later (the month's last day when it has none)."""
    total = le.year * 12 + le.month - 1 + mois
    annee, m = divmod(total, 12)
    for jour in (le.day, 30, 29, 28):
        try:
            return datetime.date(annee, m + 1, jour)
        except ValueError:
            continue
    raise AssertionError(le)
