"""The terms of an interim of the agent comptable (circ. 93/82 §1.1.2), read
by `personnes.services.interim_designer` before anything is recorded.

« L'intérim est présumé général si l'acte de nomination de l'intérimaire ne
restreint pas explicitement ses attributions. » A partial interim lists the
acts it gives (codes of the droits catalogue, as a procuration does,
`personnes.codes_actes`); its holder does those only
(`personnes.permissions_comptable.exiger_comptable`). The agent comptable
intérimaire is named by the board: the date of its decision and the
délibération are part of the act; the fondé de pouvoir assumes the functions
by right (R122-4 as the circulaire quotes it) and needs none.
PostgreSQL refuses the same (personnes 0012).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core import horloge
from core.exceptions import DonneeInvalide
from personnes.codes_actes import normaliser_actes
from personnes.models import Interim

CIRCULAIRE = "circulaire 93/82 §1.1.2"


@dataclass(frozen=True)
class TermesInterim:
    portee: str
    attributions: str
    nomme_le: datetime.date | None
    deliberation: str

    def audit(self) -> dict:
        return {
            "portee": self.portee,
            "attributions": self.attributions,
            "nomme_le": self.nomme_le,
            "deliberation": self.deliberation,
        }


def termes_interim(
    *, nature: str, debut: datetime.date, portee, attributions, nomme_le, deliberation
) -> TermesInterim:
    portee = portee or Interim.Portee.GENERAL
    if portee not in Interim.Portee.values:
        raise DonneeInvalide(
            f"Portée d'intérim inconnue : « {portee} » (general ou partiel) ; l'intérim est "
            f"présumé général si l'acte de nomination ne restreint pas ses attributions "
            f"({CIRCULAIRE})."
        )
    attributions = normaliser_actes(attributions or "")
    if portee == Interim.Portee.PARTIEL and not attributions:
        raise DonneeInvalide(
            "Un intérim partiel énumère les attributions que l'acte de nomination donne à "
            "l'intérimaire (codes d'actes séparés par des virgules) ; sinon l'intérim est "
            f"présumé général ({CIRCULAIRE})."
        )
    if portee == Interim.Portee.GENERAL and attributions:
        raise DonneeInvalide(
            f"Un intérim général n'énumère pas d'attributions ({attributions}) : si l'acte de "
            "nomination restreint explicitement les attributions de l'intérimaire, l'intérim "
            f"est partiel ({CIRCULAIRE})."
        )
    deliberation = (deliberation or "").strip()
    if nomme_le is not None and (
        not isinstance(nomme_le, datetime.date) or isinstance(nomme_le, datetime.datetime)
    ):
        raise DonneeInvalide(
            "La date de la décision du conseil d'administration doit être une date."
        )
    if nature == Interim.Nature.INTERIMAIRE and (nomme_le is None or not deliberation):
        raise DonneeInvalide(
            "L'agent comptable intérimaire est nommé par le conseil d'administration : "
            "indiquez la date de sa décision et la délibération qui le nomme "
            f"(article R122-4, {CIRCULAIRE})."
        )
    if (nomme_le is None) != (not deliberation):
        raise DonneeInvalide(
            "Une décision du conseil d'administration se cite par sa date et sa délibération : "
            "indiquez les deux, ou aucune pour le fondé de pouvoir qui assure les fonctions de "
            f"droit ({CIRCULAIRE})."
        )
    if nomme_le is not None:
        if nomme_le > horloge.aujourdhui():
            raise DonneeInvalide(
                f"La décision du conseil d'administration du {nomme_le:%d/%m/%Y} n'est pas encore "
                "prise : on enregistre un intérim déjà décidé."
            )
        if nomme_le > debut:
            raise DonneeInvalide(
                f"L'intérim commence le {debut:%d/%m/%Y}, avant la décision du conseil "
                f"d'administration du {nomme_le:%d/%m/%Y} qui nomme l'intérimaire ({CIRCULAIRE})."
            )
    return TermesInterim(portee, attributions, nomme_le, deliberation)
