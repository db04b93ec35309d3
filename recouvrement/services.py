"""The common ground of the recovery's services: the claim's file opened on
demand for a debtor's line taken in charge, and the journal of the acts
(`Acte`). The acts themselves are in `amiable`, `contentieux`, `surveillance`."""

from __future__ import annotations

import datetime
from decimal import Decimal

from core.exceptions import TransitionInterdite
from recettes.models import LigneOrdreRecette, Nature, OrdreRecette
from recouvrement.models import Acte, Creance, Debiteur

# Recovered by the directeur from the start (D253-16 al. 1; circ. 93/82 §2.0).
NATURES_DU_DIRECTEUR = frozenset({Nature.COTISATION, Nature.MAJORATION})

ETATS_SUIVIS = (OrdreRecette.Etat.PRIS_EN_CHARGE,)


def debiteur_de(ligne: LigneOrdreRecette) -> Debiteur:
    """The debtor of a line: its order's third-party account and its name (cut
    to the ledger's 120 characters, as `restes_par_debiteur` keys it)."""
    debiteur, _ = Debiteur.objects.get_or_create(
        compte_id=ligne.ordre.compte_tiers_id,
        nom=ligne.debiteur[:120],
        defaults={"qualite": ligne.qualite[:120]},
    )
    return debiteur


def creance_de(ligne: LigneOrdreRecette, le: datetime.date) -> Creance:
    """The recovery file of a debtor's line, opened the first time it is
    needed (locked for the act that asks). Only a claim taken in charge is
    recovered (D253-16 al. 2); cotisations and majorations are the
    directeur's from the start, the other claims are first the agent
    comptable's (D253-16 al. 1; circ. 93/82 §2.0.5)."""
    if ligne.ordre.etat not in ETATS_SUIVIS:
        raise TransitionInterdite(
            f"L'ordre de recette n° {ligne.ordre.reference} n'est pas pris en charge : "
            "il n'y a rien à recouvrer (article D253-16)."
        )
    creance = Creance.objects.select_for_update().filter(ligne=ligne).first()
    if creance is None:
        directeur = ligne.ordre.nature in NATURES_DU_DIRECTEUR
        creance = Creance.objects.create(
            ligne=ligne,
            debiteur=debiteur_de(ligne),
            responsable=(
                Creance.Responsable.DIRECTEUR if directeur else Creance.Responsable.COMPTABLE
            ),
            ouverte_le=le,
        )
        creance = Creance.objects.select_for_update().get(pk=creance.pk)
    return creance


def journaliser(
    *,
    debiteur: Debiteur,
    creance: Creance | None,
    type: str,
    le: datetime.date,
    libelle: str,
    auteur,
    qualite: str,
    resultat: str = "",
    montant: Decimal | None = None,
    ecriture=None,
) -> Acte:
    """One row of the journal of the acts, within the caller's transaction."""
    return Acte.objects.create(
        debiteur=debiteur,
        creance=creance,
        type=type,
        le=le,
        libelle=libelle[:255],
        resultat=resultat,
        montant=montant,
        auteur=auteur,
        qualite=qualite[:255],
        ecriture=ecriture,
    )
