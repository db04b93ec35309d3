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

A batch that runs past its deadline is refused with a French message and its
pool is retired: the batches that use it at the same time (other threads of a
gunicorn worker) finish on it, and its processes, the stuck one among them, are
stopped when the last of them is done; the next batch starts a new pool. A
rendering process that dies (killed for memory, crashed) breaks the pool for
every batch on it, without saying whose page killed it: each batch then renders
its packets not yet done once more on a new pool, and is refused only if that
one breaks too. No request waits forever, and one batch's failure is not
another's.
"""

from __future__ import annotations

import io
import math
import multiprocessing
import os
import threading
import time
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from core import pdf_travailleur
from core.exceptions import ApplicationError
from core.pdf_travailleur import Page

# Seconds a batch may take: a fixed part, plus this much per document and process.
DELAI_FIXE = 30.0
DELAI_PAR_DOCUMENT = 2.0
# Packets per process: enough to balance uneven documents, few enough round trips.
PAQUETS_PAR_PROCESSUS = 4

_verrou = threading.Lock()


@dataclass(eq=False)
class _Pool:
    """A process pool and the batches using it. A retired pool takes no new batch;
    it is stopped when its last batch is done."""

    executeur: ProcessPoolExecutor
    taille: int
    lots: int = 0
    retire: bool = False


_pool: _Pool | None = None


class RenduPdfImpossible(ApplicationError):
    code = "rendu_pdf_impossible"
    statut_http = 503
    message_defaut = (
        "Les PDF n'ont pas pu être produits : un processus de rendu s'est arrêté. "
        "Réessayez ; si l'échec se répète, prévenez l'administrateur."
    )


class _EnRetard(RenduPdfImpossible):
    """A batch past its deadline: its pool may hold a stuck process."""


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


def _prendre(taille: int) -> _Pool:
    """The shared pool of `taille` processes, counted as used by one more batch
    (a pool of another size is retired, never stopped under its batches)."""
    global _pool
    with _verrou:
        ancien = None
        if _pool is None or _pool.taille != taille:
            ancien, _pool = _pool, _Pool(_nouvel_executeur(taille), taille)
            if ancien is not None:
                ancien.retire = True
        _pool.lots += 1
        pool = _pool
        a_stopper = ancien is not None and ancien.lots == 0
    if a_stopper:
        _stopper(ancien)
    return pool


def _lacher(pool: _Pool, *, retirer: bool = False) -> None:
    """A batch is done with `pool`; `retirer`: it broke or is late, the next batches
    get a new one. A retired pool is stopped when no batch uses it any more."""
    global _pool
    with _verrou:
        pool.lots -= 1
        if retirer:
            pool.retire = True
            if _pool is pool:
                _pool = None
        a_stopper = pool.retire and pool.lots == 0
    if a_stopper:
        _stopper(pool)


def _nouvel_executeur(taille: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=taille,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=pdf_travailleur.initialiser,
    )


def _stopper(pool: _Pool, *, attendre: bool = False) -> None:
    """Stops a pool no batch uses: its processes are terminated (one may be stuck)."""
    for processus in list((getattr(pool.executeur, "_processes", None) or {}).values()):
        if processus.is_alive():
            processus.terminate()
    pool.executeur.shutdown(wait=attendre, cancel_futures=True)


def arreter() -> None:
    """Stops the pool (tests, end of a benchmark), at once if no batch uses it,
    else when its last batch is done; the next batch starts a new one."""
    global _pool
    with _verrou:
        pool, _pool = _pool, None
        if pool is not None:
            pool.retire = True
        a_stopper = pool is not None and pool.lots == 0
    if a_stopper:
        _stopper(pool, attendre=True)


def executer(fonction, *arguments, delai: float = DELAI_FIXE, processus: int | None = None):
    """Runs `fonction(*arguments)` in a process of the pool (used by the tests to look
    inside a worker, or to kill one or hang one); refused as a batch is."""
    pool = _prendre(processus or processus_utilisables())
    retirer = False
    try:
        futur = pool.executeur.submit(fonction, *arguments)
        return futur.result(timeout=delai)
    except BrokenProcessPool as erreur:
        retirer = True
        raise RenduPdfImpossible() from erreur
    except TimeoutError as erreur:
        retirer = True
        futur.cancel()
        raise RenduPdfImpossible(
            f"Le processus de rendu n'a pas répondu dans le délai ({round(delai)} s)."
        ) from erreur
    finally:
        _lacher(pool, retirer=retirer)


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
    longueur = math.ceil(nombre / min(nombre, taille * PAQUETS_PAR_PROCESSUS))
    delai = DELAI_FIXE + DELAI_PAR_DOCUMENT * nombre / taille
    fin = time.monotonic() + delai
    pool: _Pool | None = _prendre(taille)
    retirer = False
    try:
        paquets: list[list[Page]] = []
        futurs: list[Future | None] = []
        try:
            for paquet in _paquets(pages, longueur):
                paquets.append(paquet)
                futurs.append(_soumettre(pool, paquet))
        except BaseException:  # building a page failed: what was sent is not wanted
            _annuler(futurs)
            raise
        resultats, retirer = _attendre(futurs, fin, delai)
        a_refaire = [rang for rang, pdfs in enumerate(resultats) if pdfs is None]
        if a_refaire:
            # The pool broke (a process died, maybe on another batch's page): this
            # batch's packets not done go once more to a new pool.
            ancien, pool = pool, None
            _lacher(ancien, retirer=True)
            pool = _prendre(taille)
            retirer = False
            refaits, retirer = _attendre(
                [_soumettre(pool, paquets[rang]) for rang in a_refaire], fin, delai
            )
            if any(pdfs is None for pdfs in refaits):
                retirer = True
                raise RenduPdfImpossible()
            for rang, pdfs in zip(a_refaire, refaits, strict=True):
                resultats[rang] = pdfs
        return [pdf for pdfs in resultats for pdf in pdfs]
    except _EnRetard:
        retirer = True
        raise
    finally:
        if pool is not None:
            _lacher(pool, retirer=retirer)


def _soumettre(pool: _Pool, paquet: list[Page]) -> Future | None:
    """The packet's future on the pool, None when the pool is broken."""
    try:
        return pool.executeur.submit(pdf_travailleur.rendre_paquet, paquet)
    except BrokenProcessPool:
        return None


def _annuler(futurs: Iterable[Future | None]) -> None:
    for futur in futurs:
        if futur is not None:
            futur.cancel()


def _attendre(
    futurs: list[Future | None], fin: float, delai: float
) -> tuple[list[list[bytes] | None], bool]:
    """Each packet's PDFs (None for a packet that the broken pool did not render),
    and whether the pool is to be retired (it broke). Raises the French refusal
    when a page cannot be rendered, or when the deadline passes (the batch's
    packets not started are cancelled; its pool is then retired by the caller,
    since a process may be stuck)."""
    envoyes = [f for f in futurs if f is not None]
    faits, en_cours = wait(
        envoyes, timeout=max(0.0, fin - time.monotonic()), return_when=FIRST_EXCEPTION
    )
    erreurs = [f.exception() for f in faits if f.exception() is not None]
    casse = any(isinstance(e, BrokenProcessPool) for e in erreurs)
    if en_cours and casse:
        # A broken pool fails every future it holds, at once: collect them all.
        faits, en_cours = wait(envoyes, timeout=max(0.0, fin - time.monotonic()))
    autre = next((e for e in erreurs if not isinstance(e, BrokenProcessPool)), None)
    if autre is not None:
        _annuler(en_cours)
        raise RenduPdfImpossible(
            f"Un document n'a pas pu être rendu en PDF ({type(autre).__name__})."
        ) from autre
    if en_cours:
        _annuler(en_cours)
        raise _EnRetard(
            f"Les PDF n'ont pas été produits dans le délai ({round(delai)} s) : "
            "réessayez avec moins de documents."
        )
    resultats = [None if f is None or f.exception() is not None else f.result() for f in futurs]
    return resultats, casse or None in futurs


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
