"""Benchmarks of the ledger (posting, bulk import, balance générale) and of the
treasury (quittance PDFs, a batch of 10,000 transfers).

Each figure is compared with a raw limit measured in the same run, on the same
database (`caisse_bench`, dropped and recreated at every run). Run them with
`python -m bench.tout` (see `docs/benchmarks.md`). Timings never go into the
pass/fail tests.
"""
