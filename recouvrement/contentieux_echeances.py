"""What falls due to the directeur in his contentious recovery (annexe art.
13 al. 1 to 4): the end of the thirty days of a mise en demeure, the month of
the commission de recours amiable, the bailiffs' half-yearly visits, the
declaration of a claim in a collective proceeding. Re-exported by
`recouvrement.contentieux`, imported at startup (`recouvrement.a_echoir`)."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse

from core.money import ZERO, format_euros
from recettes.selectors import restes_par_ligne
from recouvrement import contentieux_huissiers, contentieux_procedures
from recouvrement.a_echoir import DIRECTEUR, AEchoir, fournisseur
from recouvrement.contentieux_communs import des_cotisations
from recouvrement.models import Debiteur
from recouvrement.models_contentieux import (
    AvisCaisse,
    MiseEnDemeureCreance,
    Poursuite,
    RecoursAmiable,
)
from recouvrement.models_procedures import ProcedureCollective


@fournisseur
def echeances_contentieux(le: datetime.date) -> list[AEchoir]:
    """What falls due to the directeur: the end of the thirty days (compulsory
    recovery, or the avis à la caisse for the cotisations of the régime
    volontaire, due the day after), the month of the commission, the bailiffs'
    half-yearly visits, the declaration of a claim in a collective proceeding.

    Read in a fixed number of queries whatever the years of mises en demeure:
    only those still waiting for something are fetched (no réclamation
    reconnue fondée; the commission's month; a claim neither pursued nor
    signalled to the caisse, outside an open collective proceeding), and
    their restes in one `restes_par_ligne` query."""
    resultat: list[AEchoir] = []
    commission = (
        RecoursAmiable.objects.filter(
            decision="", fin_commission__gte=le, mise_en_demeure__fin_delai__isnull=False
        )
        .select_related("mise_en_demeure__debiteur")
        .annotate(
            ligne_id=Subquery(
                MiseEnDemeureCreance.objects.filter(mise_en_demeure=OuterRef("mise_en_demeure"))
                .order_by("id")
                .values("creance__ligne_id")[:1]
            )
        )
    )
    for recours in commission:
        mise = recours.mise_en_demeure
        resultat.append(
            AEchoir(
                le=recours.fin_commission,
                quoi=(
                    f"La commission de recours amiable statue sur la réclamation contre la "
                    f"mise en demeure n° {mise.reference} au plus tard ce jour"
                ),
                qui=DIRECTEUR,
                nature="Commission de recours amiable",
                debiteur=mise.debiteur.nom,
                url=reverse("recouvrement:contentieux_creance", args=[recours.ligne_id]),
            )
        )
    lignes = list(
        MiseEnDemeureCreance.objects.filter(mise_en_demeure__fin_delai__isnull=False)
        .exclude(mise_en_demeure__recours__decision=RecoursAmiable.Decision.FONDEE)
        .exclude(
            mise_en_demeure__recours__decision="",
            mise_en_demeure__recours__fin_commission__gte=le,
        )
        .exclude(
            Exists(
                Poursuite.objects.filter(
                    creance=OuterRef("creance"), mise_en_demeure=OuterRef("mise_en_demeure")
                )
            )
        )
        .exclude(Exists(AvisCaisse.objects.filter(creance=OuterRef("creance"))))
        .exclude(
            Exists(
                ProcedureCollective.objects.filter(
                    debiteur=OuterRef("creance__debiteur"), issue_le__isnull=True
                )
            )
        )
        .select_related("mise_en_demeure__debiteur", "creance__ligne__ordre__exercice")
        .order_by("mise_en_demeure_id", "id")
    )
    restes = dict(
        restes_par_ligne()
        .filter(pk__in=[x.creance.ligne_id for x in lignes])
        .values_list("pk", "reste")
    )
    for ligne in lignes:
        mise, creance = ligne.mise_en_demeure, ligne.creance
        if restes.get(creance.ligne_id, ZERO) <= ZERO:
            continue  # paid since: nothing to recover
        ordre = creance.ligne.ordre
        avis = mise.debiteur.regime == Debiteur.Regime.VOLONTAIRE and des_cotisations(creance.ligne)
        quoi = (
            f"Aviser la caisse du défaut de paiement des cotisations (ordre n° "
            f"{ordre.reference}, {format_euros(ligne.montant)})"
            if avis
            else (
                f"Fin du délai de trente jours de la mise en demeure n° {mise.reference} : "
                f"recouvrement forcé de l'ordre n° {ordre.reference} "
                f"({format_euros(ligne.montant)})"
            )
        )
        resultat.append(
            AEchoir(
                le=mise.fin_delai + datetime.timedelta(days=1),
                quoi=quoi,
                qui=DIRECTEUR,
                nature="Avis à la caisse" if avis else "Recouvrement forcé",
                debiteur=mise.debiteur.nom,
                url=reverse("recouvrement:contentieux_creance", args=[creance.ligne_id]),
            )
        )
    resultat += contentieux_huissiers.visites_a_faire(le)
    resultat += contentieux_procedures.declarations_a_faire(le)
    return resultat
