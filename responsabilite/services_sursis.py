"""The sursis de versement of the agent comptable (circ. 93/82 §6.2): « L'agent
comptable peut demander le sursis de versement sauf en cas de fraude ou de
détournement. Ce sursis est limité à un an, éventuellement prolongé si l'agent
comptable a demandé une décharge de responsabilité. »

- the agent comptable requests it on his own débet, and only him
  (`sursis_demander`), never when the mise en cause involves fraud or
  embezzlement;
- the directeur records the decision of the competent authority on it
  (`sursis_decider`: granted or refused, its date and its reference; the
  circulaire does not name that authority, so the decision's reference says
  who took it); granted, it ends one year at most after the decision;
- while a décharge request is pending, the sursis lasts on past that end
  (`selectors.sursis_echeance`).

Each act is one transaction with its audit row; PostgreSQL keeps the same
rules (`migrations/sql/0003_sursis.sql`, LG894).
"""

from __future__ import annotations

import datetime

from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.verrous import verrouiller
from responsabilite.models import MiseEnCause, OrdreDebet, Sursis
from responsabilite.services import _date, _exiger_directeur

REFUS_DEMANDEUR = (
    "Seul l'agent comptable à l'encontre duquel l'ordre de recette est émis peut demander le "
    "sursis de versement de son débet (circulaire 93/82 §6.2)."
)
REFUS_FRAUDE = (
    "Le sursis de versement ne peut être demandé en cas de fraude ou de détournement "
    "(circulaire 93/82 §6.2)."
)


def un_an_apres(jour: datetime.date) -> datetime.date:
    """The same day one year later (28 February for a 29 February), as
    PostgreSQL's `jour + interval '1 year'`: the sursis' latest end."""
    try:
        return jour.replace(year=jour.year + 1)
    except ValueError:
        return jour.replace(year=jour.year + 1, day=28)


@transaction.atomic
def sursis_demander(*, acting_user, ordre: OrdreDebet, motifs: str) -> OrdreDebet:
    """The agent comptable asks for a sursis de versement of his débet (§6.2)."""
    ordre = verrouiller(OrdreDebet, ordre.pk)
    if acting_user.pk != ordre.agent_comptable_id:
        raise DroitInsuffisant(REFUS_DEMANDEUR)
    if MiseEnCause.objects.filter(pk=ordre.mise_en_cause_id, fraude=True).exists():
        raise TransitionInterdite(REFUS_FRAUDE)
    if ordre.sursis_etat:
        raise TransitionInterdite(
            f"Le sursis de versement de l'ordre {ordre.reference} a déjà été demandé le "
            f"{ordre.sursis_demande_le:%d/%m/%Y} ({ordre.get_sursis_etat_display()})."
        )
    motifs = (motifs or "").strip()
    if not motifs:
        raise DonneeInvalide("Indiquez les motifs de la demande de sursis de versement.")
    ordre.sursis_etat = Sursis.DEMANDE
    ordre.sursis_demande_le = horloge.aujourdhui()
    ordre.sursis_motifs = motifs
    ordre.save(update_fields=["sursis_etat", "sursis_demande_le", "sursis_motifs"])
    audit(
        acting_user,
        "responsabilite.sursis_demande",
        ordre,
        apres={"le": ordre.sursis_demande_le, "motifs": motifs},
    )
    return ordre


@transaction.atomic
def sursis_decider(
    *,
    acting_user,
    ordre: OrdreDebet,
    accorde: bool,
    decide_le: datetime.date,
    decision: str,
    fin_le: datetime.date | None = None,
) -> OrdreDebet:
    """The directeur records the decision on the sursis: granted (until
    `fin_le`, one year after the decision when not given, never later) or
    refused, with the decision's date and reference."""
    ordre = verrouiller(OrdreDebet, ordre.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=ordre.agent_comptable)
    if ordre.sursis_etat != Sursis.DEMANDE:
        raise TransitionInterdite(
            f"Aucune demande de sursis de versement n'attend de décision sur l'ordre "
            f"{ordre.reference}."
        )
    decide_le = _date(
        decide_le, "de la décision", au_plus_tot=ordre.sursis_demande_le, aujourdhui=aujourdhui
    )
    decision = (decision or "").strip()
    if not decision:
        raise DonneeInvalide("Indiquez la référence de la décision sur le sursis de versement.")
    limite = un_an_apres(decide_le)
    if not accorde:
        fin_le = None
    elif fin_le is None:
        fin_le = limite
    elif not isinstance(fin_le, datetime.date) or fin_le <= decide_le:
        raise DonneeInvalide("Le sursis de versement prend fin après la date de la décision.")
    elif fin_le > limite:
        raise DonneeInvalide(
            f"Le sursis de versement est limité à un an (circulaire 93/82 §6.2) : au plus "
            f"jusqu'au {limite:%d/%m/%Y}, non au {fin_le:%d/%m/%Y}."
        )
    ordre.sursis_etat = Sursis.ACCORDE if accorde else Sursis.REFUSE
    ordre.sursis_decide_le = decide_le
    ordre.sursis_decision = decision[:120]
    ordre.sursis_fin_le = fin_le
    ordre.save(
        update_fields=["sursis_etat", "sursis_decide_le", "sursis_decision", "sursis_fin_le"]
    )
    audit(
        acting_user,
        "responsabilite.sursis_decision",
        ordre,
        apres={
            "accorde": bool(accorde),
            "decide_le": decide_le,
            "decision": ordre.sursis_decision,
            "fin_le": fin_le,
        },
    )
    return ordre
