"""Reads of the transfers returned by the bank: the « Virements revenus » list,
its state per return, and the returns shown on an ordre de dépense."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef

from core.money import ZERO
from oppositions.banque import formater_iban
from tresorerie.models import Paiement
from tresorerie.models_retours import CorrectionCoordonnees, Retour
from tresorerie.services.retours_coordonnees import ETATS_RETOUR


@dataclass(frozen=True)
class LigneRetour:
    retour: Retour
    etat: str  # a_corriger / corrige / repaye
    correction: CorrectionCoordonnees | None

    @property
    def etat_libelle(self) -> str:
        return ETATS_RETOUR[self.etat]

    @property
    def iban_retourne(self) -> str:
        return formater_iban(self.retour.paiement.iban) if self.retour.paiement.iban else ""

    @property
    def iban_corrige(self) -> str:
        return formater_iban(self.correction.iban) if self.correction else ""


def message_etat_inconnu(etat: str) -> str:
    valeurs = ", ".join(f"« {code} » ({libelle})" for code, libelle in ETATS_RETOUR.items())
    return f"L'état « {etat} » n'existe pas : les valeurs admises sont {valeurs}."


def retours(*, etat: str = "", pk: int | None = None) -> list[LigneRetour]:
    """Every return (or the one `pk`), newest first, with its state (two
    queries whatever the count)."""
    plus_tard = Paiement.objects.filter(
        ligne_id=OuterRef("paiement__ligne_id"), pk__gt=OuterRef("paiement_id")
    )
    qs = (
        Retour.objects.select_related(
            "paiement__lot", "ordre__exercice", "ecriture__journal", "par", "ligne_releve"
        )
        .annotate(
            repaye_creancier=Exists(plus_tard.filter(opposition__isnull=True)),
            repaye_opposant=Exists(
                plus_tard.filter(opposition_id=OuterRef("paiement__opposition_id"))
            ),
        )
        .order_by("-date", "-id")
    )
    corrections = CorrectionCoordonnees.objects.filter(retour__isnull=False).order_by("id")
    if pk is not None:
        qs, corrections = qs.filter(pk=pk), corrections.filter(retour_id=pk)
    dernieres: dict[int, CorrectionCoordonnees] = {}
    for c in corrections:
        dernieres[c.retour_id] = c
    lignes = []
    for r in qs:
        repaye = r.repaye_opposant if r.paiement.opposition_id else r.repaye_creancier
        correction = dernieres.get(r.pk)
        e = "repaye" if repaye else ("corrige" if correction else "a_corriger")
        if etat and e != etat:
            continue
        lignes.append(LigneRetour(r, e, correction))
    return lignes


def total(lignes: list[LigneRetour]) -> Decimal:
    return sum((lg.retour.montant for lg in lignes), ZERO)


def retours_de_l_ordre(ordre) -> list[Retour]:
    """The returns of an ordre de dépense's transfers, newest first (its page)."""
    return list(Retour.objects.filter(ordre=ordre).select_related("paiement").order_by("-id"))
