"""The ordres de recette on the ordonnateur's parapheur (`ordres.parapheur`).

`RECETTES` is their kind, registered by `RecettesConfig.ready`; the parapheur
signs it with `parapheur_signer` beside the other kinds registered (the
ordres de dépense). `parapheur_transmettre` sends the orders signed and not
yet transmitted, each in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.db.models import Prefetch

from core.exceptions import ApplicationError, erreur_base
from ordres.parapheur import Issue, ResultatParapheur, Rubrique, parapheur_signer
from recettes import services
from recettes.models import OrdreRecette, PieceJustificative

__all__ = [
    "RECETTES",
    "Issue",
    "ResultatParapheur",
    "parapheur_signer",
    "parapheur_transmettre",
]


def brouillons():
    return (
        OrdreRecette.objects.filter(etat=OrdreRecette.Etat.BROUILLON)
        .select_related("exercice", "compte_imputation", "compte_tiers")
        .prefetch_related("lignes", "pieces")
        .order_by("exercice__annee", "numero")
    )


def brouillons_affiches():
    """The drafts as the parapheur page shows them: the columns of its table and
    the pièces' names (no lines, accounts nor other columns)."""
    return (
        OrdreRecette.objects.filter(etat=OrdreRecette.Etat.BROUILLON)
        .select_related("exercice")
        .only(
            "numero",
            "nature",
            "objet",
            "pieces_references",
            "montant",
            "limite_emission",
            "exercice__annee",
        )
        .prefetch_related(
            Prefetch("pieces", queryset=PieceJustificative.objects.only("ordre_id", "nom"))
        )
        .order_by("exercice__annee", "numero")
    )


def _signer_lot(*, acting_user, ordres, mot_de_passe):
    lot = services.ordre_recette_signer_lot(
        acting_user=acting_user, ordres=ordres, mot_de_passe=mot_de_passe
    )
    return lot.signes, lot.refus


def _contexte() -> dict:
    """The orders signed and not transmitted, and those rejected, read in one query."""
    ordres = list(
        OrdreRecette.objects.filter(etat__in=[OrdreRecette.Etat.SIGNE, OrdreRecette.Etat.REJETE])
        .select_related("exercice")
        .only("numero", "etat", "motif_rejet", "exercice__annee")
        .order_by("exercice__annee", "numero")
    )
    return {
        "signes": [o for o in ordres if o.etat == OrdreRecette.Etat.SIGNE],
        "rejetes": [o for o in ordres if o.etat == OrdreRecette.Etat.REJETE],
    }


RECETTES = Rubrique(
    cle="ordres",
    nom="Ordre",
    pluriel="ordre(s)",
    a_signer=brouillons,
    signer_lot=_signer_lot,
    transmettre=services.ordre_recette_transmettre,
    gabarit="recettes/_parapheur.html",
    rang=0,
    contexte=_contexte,
    a_afficher=brouillons_affiches,
)


@dataclass
class Transmission:
    transmis: list[OrdreRecette] = field(default_factory=list)
    refus: list[tuple[OrdreRecette, str]] = field(default_factory=list)


def parapheur_transmettre(*, acting_user) -> Transmission:
    """Send every order signed and not yet transmitted to the agent comptable
    (D253-16 al. 2), each in its own transaction: one refused never stops the
    others, and each refusal keeps its French message."""
    resultat = Transmission()
    for ordre in OrdreRecette.objects.filter(etat=OrdreRecette.Etat.SIGNE).order_by(
        "exercice__annee", "numero"
    ):
        try:
            with transaction.atomic():
                resultat.transmis.append(
                    services.ordre_recette_transmettre(acting_user=acting_user, ordre=ordre)
                )
        except ApplicationError as erreur:
            resultat.refus.append((ordre, erreur.message))
        except DatabaseError as exc:
            traduite = erreur_base(exc)
            if traduite is None:
                raise
            resultat.refus.append((ordre, traduite.message))
    return resultat
