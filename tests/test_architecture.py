"""The layers of the house (pyproject.toml, [tool.importlinter]), checked by import-linter.

grimp, import-linter's engine, reads every import statement, those inside
functions too: an import hidden in a function to dodge a cycle is still a
dependency, and breaks the contract like any other.
"""

import subprocess
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.mark.parametrize("contrat", ["noyau", "couches"])
def test_les_imports_respectent_le_contrat(contrat):
    resultat = subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--no-logo", "--contract", contrat],
        cwd=RACINE,
        capture_output=True,
        text=True,
        check=False,
    )
    if resultat.returncode != 0:
        # The contract's own report names each forbidden import, file and line.
        pytest.fail(resultat.stdout + resultat.stderr, pytrace=False)
