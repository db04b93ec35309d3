"""Documents of the régies as PDFs: the bordereau of a remittance, the
régisseur's arrêté, the agent comptable's control report, and the lists
(régies, remittances, controls) for download."""

from __future__ import annotations

from decimal import Decimal

from core.money import en_lettres
from tresorerie.models import ArreteRegie, ControleRegie, VersementRegie
from tresorerie.pdf import _pdf, _titre_comptable, libelle_coupure


def bordereau_pdf(versement: VersementRegie) -> bytes:
    """The régisseur's remittance slip to the agent comptable."""
    return _pdf(
        "tresorerie/regies/bordereau_pdf.html",
        {
            "v": versement,
            "en_lettres": en_lettres(versement.montant),
            "titre_comptable": _titre_comptable(),
        },
    )


def arrete_regie_pdf(arrete: ArreteRegie) -> bytes:
    """The régisseur's daily arrêté of his régie."""
    lignes = [
        (libelle_coupure(c), n, (n * Decimal(c)).quantize(Decimal("0.01")))
        for c, n in sorted(arrete.comptage.items(), key=lambda kv: -Decimal(kv[0]))
    ]
    return _pdf("tresorerie/regies/arrete_pdf.html", {"a": arrete, "lignes": lignes})


def controle_pdf(controle: ControleRegie) -> bytes:
    """The agent comptable's control report of a régie."""
    return _pdf(
        "tresorerie/regies/controle_pdf.html",
        {"c": controle, "titre_comptable": _titre_comptable()},
    )


def liste_pdf(titre: str, entetes: list[str], lignes: list[list[str]]) -> bytes:
    """A list of the régies' pages as a PDF table (the same rows as the CSV)."""
    return _pdf(
        "tresorerie/regies/liste_pdf.html",
        {"titre": titre, "entetes": entetes, "lignes": lignes},
    )
