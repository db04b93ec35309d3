"""Acts of the treasury: each one checks who acts, changes state, posts to the
ledger and writes an audit row, in one transaction (see models.py for the rules).

One module per family of acts; this package re-exports their public names, so
that `from tresorerie import services` keeps working for pages, API, tests,
the benchmark and the demo.
"""

from __future__ import annotations

from tresorerie.services.caisse import (
    COMPTE_DEBETS,
    COMPTE_EXCEDENTS,
    COMPTE_MANQUANTS,
    COUPURES,
    arrete_caisse,
)
from tresorerie.services.commun import (
    CIRC_ENCAISSEMENT,
    CIRC_REGLEMENT,
    CIRC_TRESORERIE,
    COMPTE_A_REGULARISER,
    COMPTE_ATTENTE,
    _aujourd_hui,
    comptable_en_titre,
    exercice_du,
    nom_complet,
    settings_titre_comptable,
)
from tresorerie.services.comptes import (
    carnet_clore,
    carnet_de,
    carnet_ouvrir,
    compte_decouvert_fixer,
    compte_disponibilite_ouvrir,
    compte_format_virements_fixer,
    compte_regie_ouvrir,
)
from tresorerie.services.decisions import (
    PaiementEnAttente,
    lignes_en_attente,
    opposition_decider,
)
from tresorerie.services.documents import (
    recu_delivrer,
)
from tresorerie.services.encaissements import (
    Repartition,
    encaissement_annuler,
    encaissement_enregistrer,
    encaissement_sans_titre,
    excedent,
    excedent_affecter,
    excedent_rembourser,
    reste_sur_ligne,
)
from tresorerie.services.paiements import (
    SoldeInsuffisant,
    date_du_paiement,
    exiger_solde,
    lot_payer,
)
from tresorerie.services.regularisation import (
    regularisation_preparer,
)
from tresorerie.services.releves import (
    FENETRE_RAPPROCHEMENT,
    expliquer,
    rapprochement_defaire,
    rapprocher,
    releve_importer,
    resume_import,
)
from tresorerie.services.retours import libelle_motif, paiement_retourner
from tresorerie.services.retours_coordonnees import (
    coordonnees_corriger,
    coordonnees_corriger_ligne,
)
from tresorerie.services.virements import (
    frais_bancaires,
    virement_interne,
)

__all__ = [
    "CIRC_ENCAISSEMENT",
    "CIRC_REGLEMENT",
    "CIRC_TRESORERIE",
    "COMPTE_ATTENTE",
    "COMPTE_A_REGULARISER",
    "_aujourd_hui",
    "exercice_du",
    "nom_complet",
    "comptable_en_titre",
    "settings_titre_comptable",
    "compte_disponibilite_ouvrir",
    "compte_regie_ouvrir",
    "carnet_ouvrir",
    "carnet_clore",
    "carnet_de",
    "recu_delivrer",
    "Repartition",
    "encaissement_enregistrer",
    "encaissement_sans_titre",
    "excedent",
    "excedent_affecter",
    "excedent_rembourser",
    "reste_sur_ligne",
    "encaissement_annuler",
    "lot_payer",
    "paiement_retourner",
    "coordonnees_corriger",
    "coordonnees_corriger_ligne",
    "libelle_motif",
    "date_du_paiement",
    "exiger_solde",
    "SoldeInsuffisant",
    "PaiementEnAttente",
    "lignes_en_attente",
    "opposition_decider",
    "compte_decouvert_fixer",
    "compte_format_virements_fixer",
    "releve_importer",
    "resume_import",
    "FENETRE_RAPPROCHEMENT",
    "rapprocher",
    "expliquer",
    "rapprochement_defaire",
    "COUPURES",
    "COMPTE_DEBETS",
    "COMPTE_MANQUANTS",
    "COMPTE_EXCEDENTS",
    "arrete_caisse",
    "regularisation_preparer",
    "virement_interne",
    "frais_bancaires",
]
