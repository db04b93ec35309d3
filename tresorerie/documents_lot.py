"""Documents in batch: every mandat of a payment batch, every quittance of a day,
as one merged PDF or a ZIP of one PDF each.

The HTML of each document is built here, in the request's process (which holds
the database connection); `core.pdf_lot` renders them on every core. Who may
download a batch is who may download each of its documents: the pages and the
API check it before calling (the auditor reads; a régisseur sees his régies'
quittances only). Like the single downloads, a batch download writes no audit row:
it changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from core import pdf_lot
from core.exceptions import DonneeInvalide
from depenses import selectors as selectors_depenses
from depenses.pdf import BASE_URL, ordre_depense_html
from tresorerie import selectors
from tresorerie.models import LotPaiement, Quittance
from tresorerie.pdf import quittance_html

# Documents per download: beyond, the batch comes in parts (`partie`), so that a
# download stays well within the server's request timeout.
LIMITE_DOCUMENTS = 500
FORMES = ("pdf", "zip")


@dataclass
class Telechargement:
    contenu: bytes
    type_mime: str
    nom: str
    documents: int


def nombre_parties(nombre_documents: int) -> int:
    return max(1, -(-nombre_documents // LIMITE_DOCUMENTS))


def _partie(elements: list, partie: int) -> list:
    parties = nombre_parties(len(elements))
    if not 1 <= partie <= parties:
        raise DonneeInvalide(
            f"La partie {partie} n'existe pas : ce lot en compte {parties} "
            f"(au plus {LIMITE_DOCUMENTS} documents chacune)."
        )
    return elements[(partie - 1) * LIMITE_DOCUMENTS : partie * LIMITE_DOCUMENTS]


def _forme(forme: str) -> str:
    if forme not in FORMES:
        raise DonneeInvalide(f"Forme inconnue « {forme} » : « pdf » ou « zip ».")
    return forme


def _assembler(noms: list[str], pages: Iterator[tuple[str, str | None]], forme: str, nom: str):
    """Renders the pages (a generator: built while the pool renders the previous ones)."""
    pdfs = pdf_lot.rendre(pages, nombre=len(noms))
    if forme == "zip":
        contenu = pdf_lot.archive_zip(list(zip(noms, pdfs, strict=True)))
        return Telechargement(contenu, "application/zip", f"{nom}.zip", len(pdfs))
    contenu = pdfs[0] if len(pdfs) == 1 else pdf_lot.fusionner(pdfs)
    return Telechargement(contenu, "application/pdf", f"{nom}.pdf", len(pdfs))


def _suffixe(partie: int, total: int) -> str:
    return f"_partie-{partie}-sur-{total}" if total > 1 else ""


def ordres_du_lot(lot: LotPaiement) -> list[int]:
    """The ids of the batch's orders, each once (an order split by an opposition is
    paid twice in one batch), in the order of their first payment."""
    vus: dict[int, None] = {}
    for ordre_id in lot.paiements.order_by("id").values_list("ordre_id", flat=True):
        vus.setdefault(ordre_id, None)
    return list(vus)


def mandats_du_lot(lot: LotPaiement, *, forme: str = "pdf", partie: int = 1) -> Telechargement:
    """Every mandat paid by the batch: one PDF (a mandat after the other) or a ZIP."""
    forme = _forme(forme)
    identifiants = ordres_du_lot(lot)
    if not identifiants:
        raise DonneeInvalide(f"Le lot {lot.reference} ne contient aucun mandat.")
    nom = f"mandats_{lot.reference}{_suffixe(partie, nombre_parties(len(identifiants)))}"
    return mandats_des_ordres(_partie(identifiants, partie), forme=forme, nom=nom)


def mandats_des_ordres(identifiants: list[int], *, forme: str, nom: str) -> Telechargement:
    """The mandats of these orders, in this order (the caller checked the rights)."""
    ordres = selectors_depenses.ordre_depense_detail().in_bulk(identifiants)
    noms = [f"mandat_{ordres[pk].reference}.pdf" for pk in identifiants]
    pages = ((ordre_depense_html(ordres[pk]), BASE_URL) for pk in identifiants)
    return _assembler(noms, pages, _forme(forme), nom)


def quittances_du_jour(
    utilisateur,
    jour: datetime.date,
    *,
    compte: int | None = None,
    forme: str = "pdf",
    partie: int = 1,
) -> Telechargement:
    """Every quittance, reçu and cancellation issued on `jour` that the user may read
    (of one account of funds when `compte` is given), by carnet and number."""
    forme = _forme(forme)
    identifiants = identifiants_quittances(utilisateur, jour, compte=compte)
    if not identifiants:
        raise DonneeInvalide(
            f"Aucune quittance ni aucun reçu délivré le {jour:%d/%m/%Y} que vous puissiez lire."
        )
    choisis = _partie(identifiants, partie)
    quittances = quittances_chargees(choisis)
    noms = [f"{quittances[pk].nature}_{quittances[pk].reference}.pdf" for pk in choisis]
    pages = ((quittance_html(quittances[pk]), None) for pk in choisis)
    nom = f"quittances_{jour:%Y-%m-%d}{_suffixe(partie, nombre_parties(len(identifiants)))}"
    return _assembler(noms, pages, forme, nom)


def identifiants_quittances(utilisateur, jour: datetime.date, *, compte: int | None = None):
    """The ids of the documents issued on `jour` the user may read, by carnet and number."""
    qs = Quittance.objects.filter(emise_le__date=jour)
    if compte is not None:
        qs = qs.filter(encaissement__compte_id=compte)
    qs = selectors.quittances_visibles(utilisateur, qs)
    return list(qs.order_by("carnet__serie", "numero", "id").values_list("pk", flat=True))


def quittances_chargees(identifiants: list[int]) -> dict[int, Quittance]:
    return Quittance.objects.select_related(
        "carnet", "encaissement__compte", "encaissement__exercice", "annule__carnet"
    ).in_bulk(identifiants)
