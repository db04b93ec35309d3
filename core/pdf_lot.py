"""Many PDFs at once, on every core: a pool of processes that only run WeasyPrint.

The caller (a request's process, which holds the database connection) builds
each document's HTML; the pool's processes (`core.pdf_travailleur`, spawn
context: no inherited connection, no Django imported there) turn it into PDF
bytes. The pool is created at the first batch and kept for the next ones; its
size is `CAISSE_PDF_PROCESSUS`, or the cores this process may use. One
document is rendered in the caller's process (the pool's round trip would cost
more than it saves).

Under gunicorn each worker process gets its own pool, created only when it
serves a batch: with W gunicorn workers and C cores, at most W x C rendering
processes exist, and a batch uses at most C of them; when several batches run
at once the kernel shares the cores between them (they queue, nothing fails).
Setting `CAISSE_PDF_PROCESSUS` to C / W bounds the total; 1 disables the pool.

A rendering process that dies (killed for memory, crashed) breaks the pool:
the batch is refused with a French message and the next batch starts a new
pool; a batch that runs past its deadline has its processes stopped the same
way. No request waits forever.
"""

from __future__ import annotations

import io
import math
import multiprocessing
import os
import threading
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from core import pdf_travailleur
from core.exceptions import ApplicationError
from core.pdf_travailleur import Page

# Seconds a batch may take: a fixed part, plus this much per document and process.
DELAI_FIXE = 30.0
DELAI_PAR_DOCUMENT = 2.0
# Packets per process: enough to balance uneven documents, few enough round trips.
PAQUETS_PAR_PROCESSUS = 4

_verrou = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_taille_pool = 0


class RenduPdfImpossible(ApplicationError):
    code = "rendu_pdf_impossible"
    statut_http = 503
    message_defaut = (
        "Les PDF n'ont pas pu être produits : un processus de rendu s'est arrêté. "
        "Réessayez ; si l'échec se répète, prévenez l'administrateur."
    )


def processus_utilisables() -> int:
    """The pool's size: the setting, or the cores this process may run on."""
    from django.conf import settings

    voulu = int(getattr(settings, "CAISSE_PDF_PROCESSUS", 0) or 0)
    if voulu > 0:
        return voulu
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _pool_partage(taille: int) -> ProcessPoolExecutor:
    global _pool, _taille_pool
    with _verrou:
        if _pool is None or _taille_pool != taille:
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            _pool = ProcessPoolExecutor(
                max_workers=taille,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=pdf_travailleur.initialiser,
            )
            _taille_pool = taille
        return _pool


def _abandonner(pool: ProcessPoolExecutor) -> None:
    """Stops a broken or late pool's processes and forgets it: the next batch starts anew."""
    global _pool
    with _verrou:
        if _pool is pool:
            _pool = None
    for processus in list((getattr(pool, "_processes", None) or {}).values()):
        if processus.is_alive():
            processus.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def arreter() -> None:
    """Stops the pool (tests, end of a benchmark); the next batch starts a new one."""
    global _pool
    with _verrou:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def executer(fonction, *arguments, delai: float = DELAI_FIXE):
    """Runs `fonction(*arguments)` in a process of the pool (used by the tests to look
    inside a worker, or to kill one)."""
    pool = _pool_partage(processus_utilisables())
    futur = pool.submit(fonction, *arguments)
    try:
        return futur.result(timeout=delai)
    except BrokenProcessPool as erreur:
        _abandonner(pool)
        raise RenduPdfImpossible() from erreur
    except TimeoutError as erreur:
        _abandonner(pool)
        raise RenduPdfImpossible(
            f"Le processus de rendu n'a pas répondu dans le délai ({round(delai)} s)."
        ) from erreur


def rendre(
    pages: Iterable[Page], *, nombre: int | None = None, processus: int | None = None
) -> list[bytes]:
    """Every page as a PDF, in order. With one page, or one process, the caller's
    process renders them; otherwise the pool does, in packets. `pages` may be a
    generator (then give `nombre`): each packet goes to the pool as soon as its HTML
    is built, so the caller builds the next ones while the workers render."""
    if nombre is None:
        pages = list(pages)
        nombre = len(pages)
    if nombre == 0:
        return []
    taille = processus or processus_utilisables()
    if nombre == 1 or taille <= 1:
        return [pdf_travailleur.rendre_page(html, base) for html, base in pages]
    pool = _pool_partage(taille)
    longueur = math.ceil(nombre / min(nombre, taille * PAQUETS_PAR_PROCESSUS))
    delai = DELAI_FIXE + DELAI_PAR_DOCUMENT * nombre / taille
    futurs = []
    try:
        for paquet in _paquets(pages, longueur):
            futurs.append(pool.submit(pdf_travailleur.rendre_paquet, paquet))
    except BrokenProcessPool as erreur:  # broken since the last batch
        _abandonner(pool)
        raise RenduPdfImpossible() from erreur
    except BaseException:  # building a page failed: what was sent is not wanted
        for futur in futurs:
            futur.cancel()
        raise
    faits, en_cours = wait(futurs, timeout=delai, return_when=FIRST_EXCEPTION)
    erreur = next((f.exception() for f in faits if f.exception() is not None), None)
    if erreur is None and en_cours:
        _abandonner(pool)
        raise RenduPdfImpossible(
            f"Les PDF n'ont pas été produits dans le délai ({round(delai)} s) : "
            "réessayez avec moins de documents."
        )
    if erreur is not None:
        for futur in en_cours:
            futur.cancel()
        if isinstance(erreur, BrokenProcessPool):
            _abandonner(pool)
            raise RenduPdfImpossible() from erreur
        raise RenduPdfImpossible(
            f"Un document n'a pas pu être rendu en PDF ({type(erreur).__name__})."
        ) from erreur
    return [pdf for futur in futurs for pdf in futur.result()]


def _paquets(pages: Iterable[Page], longueur: int) -> Iterator[list[Page]]:
    paquet: list[Page] = []
    for html, base in pages:
        # Plain str: Django's SafeString would be pickled as itself, importing Django there.
        paquet.append((str.__str__(html), base))
        if len(paquet) == longueur:
            yield paquet
            paquet = []
    if paquet:
        yield paquet


def fusionner(pdfs: list[bytes]) -> bytes:
    """One PDF made of the given ones, in order (pypdf: the documents rendered in
    parallel are merged without being laid out again)."""
    from pypdf import PdfWriter

    ecrivain = PdfWriter()
    for contenu in pdfs:
        ecrivain.append(io.BytesIO(contenu))
    sortie = io.BytesIO()
    ecrivain.write(sortie)
    return sortie.getvalue()


def archive_zip(fichiers: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of the named PDFs (stored, not compressed: a PDF's streams already are)."""
    sortie = io.BytesIO()
    with zipfile.ZipFile(sortie, "w", compression=zipfile.ZIP_STORED) as archive:
        for nom, contenu in fichiers:
            archive.writestr(nom, contenu)
    return sortie.getvalue()
