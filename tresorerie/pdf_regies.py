"""Documents of the régies as PDFs: the bordereau of a remittance, the
régisseur's arrêté, the agent comptable's control report, and the lists
(régies, remittances, controls) for download."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from core.money import en_lettres
from tresorerie.models import (
    ArreteRegie,
    ControleRegie,
    Encaissement,
    Quittance,
    VersementRegie,
)
from tresorerie.pdf import _pdf, _titre_comptable, libelle_coupure
from tresorerie.services.regies import cheques_non_verses


@dataclass(frozen=True)
class RecetteVersee:
    """A receipt of the régie that a remittance carries, wholly or in part."""

    encaissement: Encaissement
    quittances: str
    montant: Decimal  # the part of the receipt this remittance carries

    @property
    def en_partie(self) -> bool:
        return self.montant != self.encaissement.montant


def recettes_versees(versement: VersementRegie) -> list[RecetteVersee]:
    """The receipts a remittance carries: the régisseur's cash goes out in the
    order it came in, so the remittances so far, one after the other, carry
    the receipts in the order they were recorded (the oldest first); a receipt
    split between two remittances shows in both, with the part each carries."""
    if not versement.regie.recettes:
        return []
    avant = versement.regie.versements.filter(numero__lt=versement.numero).aggregate(
        s=Sum("montant")
    )["s"] or Decimal("0")
    jusqu_a = avant + versement.montant
    resultat, cumul = [], Decimal("0")
    encaissements = (
        Encaissement.objects.filter(compte_id=versement.regie.compte_id)
        .exclude(etat=Encaissement.Etat.ANNULE)
        .prefetch_related("quittances__carnet")
        .order_by("recu_le", "id")
    )
    for e in encaissements:
        debut, cumul = cumul, cumul + e.montant
        part = min(cumul, jusqu_a) - max(debut, avant)
        if part > 0:
            quittances = ", ".join(
                q.reference for q in e.quittances.all() if q.nature == Quittance.Nature.QUITTANCE
            )
            resultat.append(RecetteVersee(e, quittances, part))
        if cumul >= jusqu_a:
            break
    return resultat


def bordereau_pdf(versement: VersementRegie) -> bytes:
    """The régisseur's remittance slip to the agent comptable, with the
    receipts it carries and the split between cash and cheques."""
    recettes = recettes_versees(versement)
    par_moyen = defaultdict(lambda: Decimal("0.00"))
    for r in recettes:
        par_moyen[r.encaissement.moyen] += r.montant
    return _pdf(
        "tresorerie/regies/bordereau_pdf.html",
        {
            "v": versement,
            "en_lettres": en_lettres(versement.montant),
            "titre_comptable": _titre_comptable(),
            "recettes": recettes,
            "numeraire": par_moyen[Encaissement.Moyen.NUMERAIRE],
            "cheques": par_moyen[Encaissement.Moyen.CHEQUE],
            "total_recettes": sum((r.montant for r in recettes), Decimal("0.00")),
        },
    )


def arrete_regie_pdf(arrete: ArreteRegie) -> bytes:
    """The régisseur's daily arrêté of his régie."""
    lignes = [
        (libelle_coupure(c), n, (n * Decimal(c)).quantize(Decimal("0.01")))
        for c, n in sorted(arrete.comptage.items(), key=lambda kv: -Decimal(kv[0]))
    ]
    return _pdf(
        "tresorerie/regies/arrete_pdf.html",
        {"a": arrete, "lignes": lignes, "cheques": cheques_non_verses(arrete.regie, arrete.date)},
    )


def controle_pdf(controle: ControleRegie) -> bytes:
    """The agent comptable's control report of a régie."""
    return _pdf(
        "tresorerie/regies/controle_pdf.html",
        {
            "c": controle,
            "titre_comptable": _titre_comptable(),
            "cheques": cheques_non_verses(controle.regie, controle.date),
        },
    )


def liste_pdf(titre: str, entetes: list[str], lignes: list[list[str]]) -> bytes:
    """A list of the régies' pages as a PDF table (the same rows as the CSV)."""
    return _pdf(
        "tresorerie/regies/liste_pdf.html",
        {"titre": titre, "entetes": entetes, "lignes": lignes},
    )
