"""Benchmark 4: the treasury (quittance PDFs, a batch of 10,000 transfers).

The module moves as it was into `bench.tresorerie.lot`; the next commit splits
it by what it measures.
"""

from bench.tresorerie.lot import executer

__all__ = ["executer"]
