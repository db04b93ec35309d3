"""Paying back to the agent comptable the part of a sum granted in décharge
or remise gracieuse that he had already paid (article D253-81 al. 2 « Les
sommes allouées en décharge de responsabilité ou en remise gracieuse sont
supportées par le budget de l'organisme »).

The prise en charge (`services_reglement.prise_en_charge_comptabiliser`)
credits 429 with what the order still leaves there and the rest to him on
4672 (`Demande.prise_agent`); this act pays that rest out, 4672 / 531 or
512x, once per request, by whoever keeps the books, with its audit row.
PostgreSQL refuses a second paying back and one of nothing
(`migrations/sql/0007_remboursement_decharge.sql`, LG896).
"""

from __future__ import annotations

from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import TransitionInterdite
from core.money import format_euros
from core.verrous import verrouiller
from ledger.services import LigneSaisie
from personnes.models import nom_de
from personnes.permissions import exiger_comptable
from responsabilite.models import Demande, OrdreDebet
from responsabilite.services_reglement import (
    CODE_COMPTABILISER,
    COMPTE_AGENT,
    _compte,
    _passer,
    _tiers,
)


@transaction.atomic
def remboursement_enregistrer(*, acting_user, demande: Demande, compte: str) -> Demande:
    """Pay the agent comptable back the part of the sum granted that he had
    paid (4672 / compte, 531 or 512x), once."""
    aujourdhui = horloge.aujourdhui()
    exiger_comptable(
        acting_user,
        aujourdhui,
        "rembourser à l'agent comptable la somme accordée qu'il avait payée",
        code=CODE_COMPTABILISER,
        montant=demande.prise_agent or None,
    )
    ordre = verrouiller(OrdreDebet.objects.select_related("agent_comptable"), demande.ordre_id)
    demande = verrouiller(Demande, demande.pk)
    nature = demande.get_nature_display()
    if demande.ecriture_id is None:
        raise TransitionInterdite(
            f"La prise en charge de la {nature} de l'ordre {ordre.reference} n'est pas encore "
            "comptabilisée : comptabilisez-la d'abord."
        )
    if not demande.prise_agent:
        raise TransitionInterdite(
            f"La {nature} de l'ordre {ordre.reference} a été imputée en entier au compte 429 : "
            "l'agent comptable n'en avait rien payé, rien ne lui est à rembourser."
        )
    if demande.rembourse_ecriture_id is not None:
        raise TransitionInterdite(
            f"La part de la {nature} de l'ordre {ordre.reference} que l'agent comptable avait "
            f"payée ({format_euros(demande.prise_agent)}) lui a déjà été remboursée le "
            f"{demande.rembourse_le:%d/%m/%Y}."
        )
    compte = _compte(compte)
    montant = demande.prise_agent
    demande.rembourse_ecriture = _passer(
        acting_user,
        "TR",
        f"Remboursement à {nom_de(ordre.agent_comptable)} de la {nature} accordée qu'il avait "
        f"payée, débet {ordre.reference} (article D253-81)",
        [
            LigneSaisie(COMPTE_AGENT, debit=montant, tiers=_tiers(ordre)),
            LigneSaisie(compte, credit=montant),
        ],
        f"debet:{ordre.reference}",
    )
    demande.rembourse_le = aujourdhui
    demande.rembourse_compte = compte
    demande.save(update_fields=["rembourse_ecriture", "rembourse_le", "rembourse_compte"])
    audit(
        acting_user,
        "responsabilite.remboursement",
        demande,
        apres={
            "ordre": ordre.reference,
            "montant": montant,
            "compte": compte,
            "ecriture": demande.rembourse_ecriture.numero,
        },
    )
    return demande
