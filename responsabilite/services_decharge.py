"""The décharge de responsabilité and the remise gracieuse of the agent
comptable (circ. 93/82 §6.2).

- the agent comptable requests, on his own débet and only him
  (`demande_deposer`): a décharge, total or partial, founded on
  considerations of law — the force majeure « ne se présume pas » and is
  proven by a pièce (a PDF, its magic bytes checked, kept under its
  SHA-256) —; then, only if the décharge is not granted, a remise gracieuse
  on personal grounds (« situation de famille, situation patrimoniale »);
- the directeur records the board's decision (`decision_conseil_enregistrer`:
  date, délibération, amount granted, 0 for a refusal); when the débet
  exceeds the amount set by arrêté (the dated setting
  `seuil_approbation_decharge`, read on the day of the decision) it waits
  for the approval of the ministers of social security and of the budget;
- the directeur records that approval (`approbation_enregistrer`): approved,
  the board's decision stands; not approved, nothing is granted. It is
  recorded only once the DRASS file transmitted to the minister is
  (`services_drass.dossier_drass_transmettre`: revenues, property, copies of
  the contrat de cautionnement and of the insurance).

Each act is one transaction with its audit row; PostgreSQL keeps the same
rules (`migrations/sql/0004_demandes.sql`, LG895).
"""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import format_euros
from core.pieces import controler_fichier
from core.verrous import verrouiller
from responsabilite.models import Demande, OrdreDebet
from responsabilite.models_drass import DossierDrass
from responsabilite.services import _date, _exiger_directeur, _montant
from responsabilite.seuil import CLE_SEUIL, seuil_approbation  # noqa: F401

REFUS_DEMANDEUR = (
    "Seul l'agent comptable à l'encontre duquel l'ordre de recette est émis demande la "
    "décharge de responsabilité ou la remise gracieuse de son débet (circulaire 93/82 §6.2)."
)
REFUS_SANS_DOSSIER = (
    "L'approbation des ministres s'enregistre après la transmission au ministre chargé de la "
    "sécurité sociale du dossier de la DRASS (circulaire 93/82 §6.2), qui manque : les revenus "
    "de l'agent comptable sur la période en cause, l'évaluation de ses biens immobiliers, la "
    "copie de son contrat de cautionnement et celle de son contrat d'assurance responsabilité "
    "civile."
)


@transaction.atomic
def demande_deposer(
    *,
    acting_user,
    ordre: OrdreDebet,
    nature: str,
    motifs: str,
    montant=None,
    force_majeure: bool = False,
    piece_nom: str = "",
    piece: bytes | None = None,
) -> Demande:
    """The agent comptable requests a décharge or, once it is refused, a
    remise gracieuse of (part of) his débet."""
    ordre = verrouiller(OrdreDebet, ordre.pk)
    if acting_user.pk != ordre.agent_comptable_id:
        raise DroitInsuffisant(REFUS_DEMANDEUR)
    if nature not in Demande.Nature.values:
        raise DonneeInvalide("Indiquez s'il s'agit d'une décharge ou d'une remise gracieuse.")
    existante = Demande.objects.filter(ordre=ordre, nature=nature).first()
    if existante is not None:
        raise TransitionInterdite(
            f"La {existante.get_nature_display()} de l'ordre {ordre.reference} a déjà été "
            f"demandée le {existante.demande_le:%d/%m/%Y} ({existante.get_etat_display()})."
        )
    if nature == Demande.Nature.REMISE:
        if not Demande.objects.filter(
            ordre=ordre, nature=Demande.Nature.DECHARGE, etat=Demande.Etat.REFUSEE
        ).exists():
            raise TransitionInterdite(
                "La remise gracieuse ne se demande que si la décharge de responsabilité n'est "
                "pas accordée (circulaire 93/82 §6.2) : demandez d'abord la décharge ; la "
                "remise ne se demande qu'après son refus."
            )
        force_majeure = False
    motifs = (motifs or "").strip()
    if not motifs:
        raise DonneeInvalide(
            "Indiquez les motifs de la demande : considérations de droit pour la décharge, "
            "faits personnels pour la remise gracieuse."
        )
    montant = ordre.montant if montant in (None, "") else _montant(montant)
    if montant > ordre.montant:
        raise DonneeInvalide(
            f"La demande ne peut dépasser le montant de l'ordre ({format_euros(ordre.montant)})."
        )
    demande = Demande(
        ordre=ordre,
        nature=nature,
        demande_le=horloge.aujourdhui(),
        motifs=motifs,
        montant_demande=montant,
        force_majeure=bool(force_majeure),
    )
    if force_majeure:
        if not piece:
            raise DonneeInvalide(
                "La force majeure ne se présume pas : joignez la pièce qui la prouve "
                "(incendie, inondation, vol… ; circulaire 93/82 §6.2), en PDF."
            )
        if controler_fichier(piece_nom or "piece.pdf", piece) != "application/pdf":
            raise DonneeInvalide(f"La pièce « {piece_nom} » doit être un PDF.")
        demande.piece_sha256 = hashlib.sha256(piece).hexdigest()
        demande.piece_nom = (piece_nom or "piece.pdf")[:200]
        demande.piece.save(f"{demande.piece_sha256}.pdf", ContentFile(piece), save=False)
    demande.save()
    audit(
        acting_user,
        f"responsabilite.{nature}_demande",
        demande,
        apres={
            "ordre": ordre.reference,
            "montant": montant,
            "force_majeure": demande.force_majeure,
            "piece_sha256": demande.piece_sha256,
        },
    )
    return demande


@transaction.atomic
def decision_conseil_enregistrer(
    *, acting_user, demande: Demande, conseil_le: datetime.date, deliberation: str, montant
) -> Demande:
    """The board's decision, recorded by the directeur: the amount granted
    (0: refused). Above the amount set by arrêté it waits for the ministers."""
    demande = verrouiller(Demande.objects.select_related("ordre"), demande.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=demande.ordre.agent_comptable)
    if demande.etat != Demande.Etat.DEMANDEE:
        raise TransitionInterdite(
            f"La décision du conseil sur la {demande.get_nature_display()} de l'ordre "
            f"{demande.ordre.reference} est déjà enregistrée."
        )
    conseil_le = _date(
        conseil_le,
        "de la décision du conseil",
        au_plus_tot=demande.demande_le,
        aujourdhui=aujourdhui,
    )
    deliberation = (deliberation or "").strip()
    if not deliberation:
        raise DonneeInvalide("Indiquez la référence de la délibération du conseil.")
    montant = Decimal("0.00") if montant in (None, "", 0, "0") else _montant(montant)
    if montant > demande.montant_demande:
        raise DonneeInvalide(
            f"Le conseil ne peut accorder plus que le montant demandé "
            f"({format_euros(demande.montant_demande)})."
        )
    seuil = seuil_approbation(conseil_le)
    if demande.ordre.montant > seuil:
        etat = Demande.Etat.APPROBATION
    else:
        etat = Demande.Etat.ACCORDEE if montant > 0 else Demande.Etat.REFUSEE
    demande.etat = etat
    demande.conseil_le = conseil_le
    demande.deliberation = deliberation[:120]
    demande.montant_accorde = montant
    demande.seuil = seuil
    demande.save(update_fields=["etat", "conseil_le", "deliberation", "montant_accorde", "seuil"])
    audit(
        acting_user,
        f"responsabilite.{demande.nature}_conseil",
        demande,
        apres={
            "conseil_le": conseil_le,
            "deliberation": demande.deliberation,
            "montant": montant,
            "seuil": seuil,
            "etat": etat,
        },
    )
    return demande


@transaction.atomic
def approbation_enregistrer(
    *, acting_user, demande: Demande, approuvee: bool, le: datetime.date, reference: str
) -> Demande:
    """The ministers' decision on the board's decision, recorded by the directeur."""
    demande = verrouiller(Demande.objects.select_related("ordre"), demande.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=demande.ordre.agent_comptable)
    if demande.etat != Demande.Etat.APPROBATION:
        raise TransitionInterdite(
            f"La {demande.get_nature_display()} de l'ordre {demande.ordre.reference} n'attend "
            "pas d'approbation ministérielle."
        )
    if not DossierDrass.objects.filter(demande=demande).exists():
        raise TransitionInterdite(REFUS_SANS_DOSSIER)
    le = _date(le, "de l'approbation", au_plus_tot=demande.conseil_le, aujourdhui=aujourdhui)
    reference = (reference or "").strip()
    if not reference:
        raise DonneeInvalide("Indiquez la référence de la décision des ministres.")
    accordee = bool(approuvee) and demande.montant_accorde > 0
    demande.etat = Demande.Etat.ACCORDEE if accordee else Demande.Etat.REFUSEE
    demande.approbation_le = le
    demande.approbation_reference = reference[:120]
    demande.approuvee = bool(approuvee)
    demande.save(update_fields=["etat", "approbation_le", "approbation_reference", "approuvee"])
    audit(
        acting_user,
        f"responsabilite.{demande.nature}_approbation",
        demande,
        apres={"approuvee": bool(approuvee), "le": le, "reference": demande.approbation_reference},
    )
    return demande
