"""What the directeur's contentious acts share: who may act (the directeur,
or a délégué within a delegation on the ordres de recette valid that day for
the claim's account and amount; never whoever acts for the agent comptable:
separation of duties), the claims he recovers, the dates typed, the month
of the commission, the reste of a claim."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core import horloge
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from personnes.permissions import Capacite, exiger_pouvoir_ordonnateur
from recettes.models import LigneOrdreRecette
from recettes.selectors import restes_par_ligne
from recouvrement.models import Creance
from recouvrement.models_contentieux import MiseEnDemeure
from recouvrement.models_procedures import ProcedureCollective
from recouvrement.services import NATURES_DU_DIRECTEUR, creance_de

SOURCE = "annexe art. 13 ; circulaire 93/82 §2.0.5 : le directeur est seul chargé du recouvrement contentieux"
NATURE_DELEGATION = "ordre_recette"
QUALITE_JOURNAL = 255


def exiger_directeur(
    utilisateur,
    acte: str,
    *,
    le: datetime.date,
    montant: Decimal | None = None,
    comptes: list[str] | None = None,
) -> Capacite:
    """The directeur, or a délégué whose delegation on the ordres de recette
    covers that day, the account and the amount (`personnes.permissions`);
    the agent comptable and his fondés de pouvoir are refused (circ. 93/82
    §2.4.0), as the tutelle is."""
    capacite = exiger_pouvoir_ordonnateur(
        utilisateur,
        acte=acte,
        source=SOURCE,
        nature=NATURE_DELEGATION,
        montant=montant,
        comptes=comptes or [],
        le=le,
    )
    return capacite


def aujourdhui() -> datetime.date:
    return horloge.aujourdhui()


def date_saisie(
    valeur,
    quoi: str,
    *,
    aujourdhui: datetime.date,
    au_plus_tot: datetime.date | None = None,
    avant: str = "",
    futur: bool = False,
) -> datetime.date:
    """A date typed for an act: given, not in the future (unless `futur`), not
    before `au_plus_tot` (`avant` says what that date is)."""
    if not isinstance(valeur, datetime.date):
        raise DonneeInvalide(f"Indiquez la date {quoi}.")
    if isinstance(valeur, datetime.datetime):
        valeur = valeur.date()
    if not futur and valeur > aujourdhui:
        raise DonneeInvalide(
            f"La date {quoi} ({valeur:%d/%m/%Y}) ne peut être postérieure à aujourd'hui "
            f"({aujourdhui:%d/%m/%Y})."
        )
    if au_plus_tot is not None and valeur < au_plus_tot:
        raise DonneeInvalide(
            f"La date {quoi} ({valeur:%d/%m/%Y}) ne peut précéder le {au_plus_tot:%d/%m/%Y}"
            + (f" ({avant})." if avant else ".")
        )
    return valeur


def texte(valeur, quoi: str, longueur: int | None = None) -> str:
    valeur = (valeur or "").strip()
    if not valeur:
        raise DonneeInvalide(f"Indiquez {quoi}.")
    return valeur[:longueur] if longueur else valeur


def un_mois_apres(le: datetime.date) -> datetime.date:
    """The same day a month later, or the month's last day (as PostgreSQL's
    `date + interval '1 month'`, which the guard uses)."""
    annee, mois = (le.year + 1, 1) if le.month == 12 else (le.year, le.month + 1)
    return datetime.date(annee, mois, min(le.day, calendar.monthrange(annee, mois)[1]))


def fin_semestre(le: datetime.date) -> datetime.date:
    """The last day of `le`'s half-year: 30 June or 31 December."""
    return datetime.date(le.year, 6, 30) if le.month <= 6 else datetime.date(le.year, 12, 31)


def debut_semestre(le: datetime.date) -> datetime.date:
    return datetime.date(le.year, 1, 1) if le.month <= 6 else datetime.date(le.year, 7, 1)


def reste_de(ligne: LigneOrdreRecette) -> Decimal:
    """What the debtor still owes on his line (`recettes.selectors`)."""
    annotee = restes_par_ligne([ligne.ordre_id]).filter(pk=ligne.pk).first()
    return annotee.reste if annotee is not None else ZERO


def est_du_directeur(creance: Creance) -> bool:
    """The directeur recovers the cotisations and majorations from the start,
    and the other claims once the agent comptable handed them over (D253-16
    al. 1; circ. 93/82 §2.0.5)."""
    return creance.responsable == Creance.Responsable.DIRECTEUR and (
        creance.transmise_le is not None or creance.ligne.ordre.nature in NATURES_DU_DIRECTEUR
    )


def creance_du_directeur(ligne: LigneOrdreRecette, le: datetime.date) -> Creance:
    """The claim's file, locked; refused when it is still the agent comptable's."""
    creance = creance_de(ligne, le)
    if not est_du_directeur(creance):
        raise TransitionInterdite(
            f"La créance de {ligne.debiteur} sur l'ordre n° {ligne.ordre.reference} est recouvrée "
            "à l'amiable par l'agent comptable : elle n'entre au recouvrement contentieux du "
            "directeur que lorsque l'agent comptable lui rend compte de l'échec de ses tentatives "
            "(circulaire 93/82 §2.0.5)."
        )
    return creance


def montant_lisible(valeur) -> str:
    return format_euros(valeur)


def echeance_de(ligne: LigneOrdreRecette) -> datetime.date:
    """When the claim falls due: the order's échéance, or the day it was taken
    in charge when the order states none."""
    ordre = ligne.ordre
    if ordre.date_echeance is not None:
        return ordre.date_echeance
    if ordre.pris_en_charge_le is not None:
        return timezone.localdate(ordre.pris_en_charge_le)
    return ordre.date_fait


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


def stade_de(
    creances: Iterable[Creance], stade: str, *, depuis: Iterable[str] | None = None
) -> None:
    """Moves the claims to `stade` (only those at a stage of `depuis` when
    given), never a claim at the stage « procédure collective » while a
    proceeding of its debtor is open: it is followed there."""
    qs = Creance.objects.filter(pk__in=[c.pk for c in creances]).exclude(
        Q(stade=Creance.Stade.PROCEDURE_COLLECTIVE)
        & Exists(
            ProcedureCollective.objects.filter(debiteur=OuterRef("debiteur"), issue_le__isnull=True)
        )
    )
    if depuis is not None:
        qs = qs.filter(stade__in=list(depuis))
    qs.update(stade=stade)


def des_cotisations(ligne: LigneOrdreRecette) -> bool:
    """A claim of cotisations or majorations, which annexe art. 13 al. 2 (the
    régime volontaire: « le défaut de paiement des cotisations ») concerns."""
    return ligne.ordre.nature in NATURES_DU_DIRECTEUR


def exiger_hors_procedure_collective(creance: Creance, *, quoi: str) -> None:
    """Refused while a collective proceeding of the claim's debtor is open:
    the claim is followed in it (annexe art. 13 al. 3), by its declaration."""
    procedure = (
        ProcedureCollective.objects.filter(debiteur_id=creance.debiteur_id, issue_le__isnull=True)
        .order_by("-jugement_le", "-id")
        .first()
    )
    if procedure is None:
        return
    declaration = procedure.declarations.filter(creances=creance).order_by("le", "id").first()
    declaree = (
        f"la créance y a été déclarée le {declaration.le:%d/%m/%Y}"
        if declaration is not None
        else (
            f"la créance n'y est pas encore déclarée (au plus tard le "
            f"{procedure.limite_declaration:%d/%m/%Y})"
        )
    )
    raise TransitionInterdite(
        f"{creance.debiteur.nom} fait l'objet d'une procédure de "
        f"{procedure.get_type_display()} ouverte par jugement du "
        f"{procedure.jugement_le:%d/%m/%Y} ({procedure.tribunal}) ; {declaree}. Tant que cette "
        f"procédure est en cours, la créance y est suivie : {quoi} n'est pas possible "
        f"(annexe art. 13 al. 3)."
    )


def mise_en_demeure_de(creance: Creance) -> MiseEnDemeure | None:
    ligne = creance.mises_en_demeure.select_related("mise_en_demeure").first()
    return ligne.mise_en_demeure if ligne is not None else None
