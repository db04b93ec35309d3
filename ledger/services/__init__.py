"""Writes to the ledger: one function per act, each atomic and audited.

The database refuses whatever breaks an invariant (see `ledger/models.py`);
these services check the same rules first so that the person acting reads a
precise French message, then let PostgreSQL have the last word. One module
per family of acts: entries, exercises, bulk import.
"""

from ledger.services.balances import balance_envoyer, balance_figer
from ledger.services.cloture import a_nouveaux_passer, arrete_enregistrer, resultat_passer
from ledger.services.ecritures import (
    EMPREINTE_INITIALE,
    EcritureSaisie,
    LigneSaisie,
    ecriture_contrepasser,
    ecriture_passer,
    empreinte_ecriture,
    valider_file,
    verifier_compte_special_encaissement,
    verifier_date_dans_exercice,
    verrouiller_ecritures,
)
from ledger.services.enregistrement import (
    ecriture_enregistrer,
    file_attente,
    rejets,
    suivi_enregistrement,
)
from ledger.services.exercices import (
    exercice_clore,
    exercice_ouvrir,
    exercice_ouvrir_periode_complementaire,
)
from ledger.services.importation import TAILLE_PAQUET, ecritures_importer

__all__ = [
    "a_nouveaux_passer",
    "arrete_enregistrer",
    "resultat_passer",
    "EMPREINTE_INITIALE",
    "TAILLE_PAQUET",
    "balance_envoyer",
    "balance_figer",
    "EcritureSaisie",
    "LigneSaisie",
    "ecriture_contrepasser",
    "ecriture_enregistrer",
    "file_attente",
    "rejets",
    "suivi_enregistrement",
    "valider_file",
    "ecriture_passer",
    "ecritures_importer",
    "empreinte_ecriture",
    "exercice_clore",
    "exercice_ouvrir",
    "exercice_ouvrir_periode_complementaire",
    "verifier_compte_special_encaissement",
    "verifier_date_dans_exercice",
    "verrouiller_ecritures",
]
