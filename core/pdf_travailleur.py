"""What a PDF rendering process runs: WeasyPrint on HTML it is given, nothing else.

Imported by the processes of `core.pdf_lot`'s pool (spawn context): this module
must import neither Django nor the ORM nor any app, so that a worker holds no
database connection and starts in the time WeasyPrint takes to import. The
parent builds every document's HTML; a worker only turns it into PDF bytes.
"""

from __future__ import annotations

import os
import sys
import threading

# A page to render: its HTML and the base URL its relative links resolve against.
Page = tuple[str, str | None]

_local = threading.local()


def configuration_polices():
    """WeasyPrint's font configuration, built once per thread (Pango's font map is
    not shared between threads): building it costs about a third of a quittance."""
    polices = getattr(_local, "polices", None)
    if polices is None:
        from weasyprint.text.fonts import FontConfiguration

        polices = _local.polices = FontConfiguration()
    return polices


def oublier_polices() -> None:
    """Drop this thread's font configuration: the next document builds its own."""
    _local.__dict__.pop("polices", None)


def rendre_page(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(font_config=configuration_polices())


def initialiser() -> None:
    """Run once in each worker: WeasyPrint imported and the fonts configured before
    the first document, so that the first batch does not pay for it."""
    configuration_polices()


def rendre_paquet(pages: list[Page]) -> list[bytes]:
    """A packet of pages, in order (one task of the pool: fewer round trips)."""
    return [rendre_page(html, base_url) for html, base_url in pages]


def etat_du_processus() -> tuple[int, bool]:
    """The worker's pid and whether Django was imported there (the tests check it is not)."""
    return os.getpid(), any(nom == "django" or nom.startswith("django.") for nom in sys.modules)


def attendre(secondes: float, signal: str | None = None) -> None:  # pragma: no cover - worker
    """Hangs the worker for a while (for the tests of the deadline); first writes its
    pid into the file `signal`, if given, to say it is hanging now."""
    import time

    if signal is not None:
        with open(signal, "w") as fichier:
            fichier.write(str(os.getpid()))
    time.sleep(secondes)


def mourir() -> None:  # pragma: no cover - runs in a worker, which it kills
    """Ends the worker abruptly, as an out-of-memory kill would (for the tests)."""
    os._exit(1)
