"""Pages of the treasury: thin, the services decide.

Who sees what: anyone holding a function in the fund reads these pages (the
directeur and the auditor read, they are shown no form); only the agent
comptable or his fondé de pouvoir acts (any other POST is refused with 403).
A régisseur who holds no other function sees the receipts of his own régie
only, and records them there. The directeur prepares the monthly
regularisation of receipts cashed without ordre de recette.
"""

from __future__ import annotations

from tresorerie.views.caisse import arrete_pdf, caisse
from tresorerie.views.encaissements import (
    encaissement,
    encaissement_annuler,
    encaissements,
    excedent_affecter,
    excedent_rembourser,
    lignes_a_recouvrer,
    quittance_pdf,
    recu_delivrer,
)
from tresorerie.views.paiements import (
    decouvert_fixer,
    format_virements_fixer,
    lot,
    opposition_decider,
    paiements,
    pain001,
)
from tresorerie.views.releves import (
    rapprochement,
    rapprochement_csv,
    rapprochement_pdf,
    releve,
    releves,
)
from tresorerie.views.restes import restes
from tresorerie.views.sans_titre import regularisation_preparer, sans_titre
from tresorerie.views.tableau import carnet_clore, tableau

__all__ = [
    "tableau",
    "carnet_clore",
    "lignes_a_recouvrer",
    "encaissements",
    "encaissement",
    "excedent_affecter",
    "excedent_rembourser",
    "recu_delivrer",
    "encaissement_annuler",
    "quittance_pdf",
    "sans_titre",
    "regularisation_preparer",
    "restes",
    "paiements",
    "lot",
    "pain001",
    "opposition_decider",
    "decouvert_fixer",
    "format_virements_fixer",
    "releves",
    "releve",
    "rapprochement_csv",
    "rapprochement",
    "rapprochement_pdf",
    "caisse",
    "arrete_pdf",
]
