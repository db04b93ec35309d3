"""Benchmark 2: bulk import of two-line entries through `ecritures_importer`.

The module moves as it was into `bench.import_masse.rapport`; the next commit
splits it by what it measures.
"""

from bench.import_masse.rapport import _reserver, executer, importer, saisies

__all__ = ["_reserver", "executer", "importer", "saisies"]
