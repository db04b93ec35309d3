"""XML read safely, and checked against an XSD, for the bank files we read and
write (camt statements, pain.001 transfers).

- `parseur`: neither expands entities nor reaches the network (no XXE), no DTD
  loaded. One per call: lxml parsers are not meant to be shared between threads.
- `schema`: an XSD shipped in a Python package (ours or a library's), loaded
  once per process with that parser.
- `erreurs`: the errors of a document against a schema. A schema's error log
  belongs to the schema object, so validations are serialised: two threads
  never read each other's errors.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources

from lxml import etree


def parseur(*, sans_commentaires: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=sans_commentaires,
    )


@cache
def schema(paquet: str, dossier: str, nom: str) -> etree.XMLSchema:
    """The XSD `dossier/nom.xsd` of the Python package `paquet`, loaded once."""
    chemin = resources.files(paquet).joinpath(dossier).joinpath(f"{nom}.xsd")
    with resources.as_file(chemin) as fichier:
        return etree.XMLSchema(etree.parse(str(fichier), parseur()))


_VERROU_VALIDATION = threading.Lock()


def erreurs(xsd: etree.XMLSchema, document: etree._Element) -> list[etree._LogEntry]:
    """The errors of `document` against `xsd` (empty when valid)."""
    with _VERROU_VALIDATION:
        if xsd.validate(document):
            return []
        return list(xsd.error_log)
