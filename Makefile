# Two commands do everything: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installe

# System libraries: WeasyPrint's (Pango, HarfBuzz subsetting, fonts) for the
# PDFs; chromium and hledger for the test suite. Installed only when run as
# root and missing; otherwise we say what is missing.
PAQUETS_PDF := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
PAQUETS_TEST := chromium hledger poppler-utils

.PHONY: run test setup setup-test lint bench clean-db base-tests

run: setup
	$(PY) manage.py demarrer $(DEMARRER)

# The suite runs on as many workers as the machine has cores, two at least and
# four at most (each worker's test database is copied from the migrated schema
# of tests/gabarit/base.sql; the demo is loaded once for all of them).
TRAVAILLEURS ?= $(shell $(PYTHON) -c 'import os; print(max(2, min(4, len(os.sched_getaffinity(0)))))')

test: setup-test
	$(PY) -m pytest -n $(TRAVAILLEURS) --dist loadfile --no-loadscope-reorder

# The migrated schema the test databases are copied from (tests/gabarit.py):
# produced again after adding or changing a migration.
base-tests: setup
	$(PY) -m tests.gabarit

setup: $(STAMP) systeme-pdf

setup-test: setup systeme-test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $(STAMP)

systeme-pdf:
	@bash scripts/paquets-systeme.sh $(PAQUETS_PDF)

systeme-test:
	@bash scripts/paquets-systeme.sh $(PAQUETS_TEST)

lint: setup-test
	$(VENV)/bin/ruff check .

bench: setup
	$(PY) -m bench.tout

.PHONY: systeme-pdf systeme-test
