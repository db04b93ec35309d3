"""Acts on ordres de dépense: each one service, atomic, checked, audited.

Rules and sources: docstring of `depenses/models.py` (circ. 93/82 §2.1). What
an ordre de dépense shares with an ordre de recette (lock, hash, signature,
parapheur, transmission, creation with pièces) is written once in
`ordres.services`; the modules here follow the acts:

- `communs`: sources, the kind of order (`SORTE`), its content hash, its lock;
- `engagements`: engagement and what remains of it;
- `ordonnancement`: creation, pièces, service fait, signature, parapheur, transmission;
- `controles`: the six checks, the plan de contrôle, the visa;
- `suspensions`: suspension, completion, withdrawal, réquisition;
- `requisitions`: the agent comptable's answer to a réquisition (visa, refusal);
- `duplicata`: certificate of non-payment, duplicata;
- `reimputation`: the directeur's certificate of réimputation, its prise en
  charge or rejection by the agent comptable;
- `sans_ordonnancement`: direct debits paid before any order, their regularisation;
- `situation`: engaged, ordered, visaed on an account.

Every public name is re-exported here: `from depenses import services`.
"""

from depenses.selectors import engage_restant
from depenses.services.communs import (
    AUTOMATIQUES,
    DATES,
    NATURE_DELEGATION,
    SORTE,
    SOURCE,
    CreditsInsuffisantsPourRequisition,
    derniere_signature,
    empreinte_contenu,
)
from depenses.services.controles import (
    PlanApplicable,
    ResultatControle,
    controles_automatiques,
    ordre_depense_viser,
    plan_applicable,
)
from depenses.services.duplicata import (
    certificat_non_paiement_delivrer,
    ordre_depense_dupliquer,
)
from depenses.services.engagements import (
    engagement_creer,
)
from depenses.services.ordonnancement import (
    LigneCreancier,
    SaisieDepense,
    ordre_depense_attester_service_fait,
    ordre_depense_creer,
    ordre_depense_joindre_piece,
    ordre_depense_signer,
    ordre_depense_signer_lot,
    ordre_depense_transmettre,
)
from depenses.services.reimputation import (
    certificat_reimputation_etablir,
    certificat_reimputation_prendre_en_charge,
    certificat_reimputation_rejeter,
    imputation_actuelle,
)
from depenses.services.requisitions import (
    cas_de_refus,
    ordre_depense_refuser_de_deferer,
    ordre_depense_viser_sur_requisition,
)
from depenses.services.sans_ordonnancement import (
    EtatRegularisation,
    depense_sans_ordonnancement_enregistrer,
    limite_regularisation,
    regularisations,
)
from depenses.services.situation import (
    SituationBudgetaire,
    depenses_du_compte,
)
from depenses.services.suspensions import (
    REFUS_REQUISITION,
    cas_constates,
    motifs_de_refus_requisition,
    ordre_depense_completer,
    ordre_depense_requerir,
    ordre_depense_retirer,
    ordre_depense_suspendre,
)

__all__ = [
    "AUTOMATIQUES",
    "CreditsInsuffisantsPourRequisition",
    "DATES",
    "EtatRegularisation",
    "LigneCreancier",
    "NATURE_DELEGATION",
    "PlanApplicable",
    "REFUS_REQUISITION",
    "ResultatControle",
    "SORTE",
    "SOURCE",
    "SaisieDepense",
    "SituationBudgetaire",
    "cas_constates",
    "cas_de_refus",
    "certificat_non_paiement_delivrer",
    "certificat_reimputation_etablir",
    "certificat_reimputation_prendre_en_charge",
    "certificat_reimputation_rejeter",
    "controles_automatiques",
    "depense_sans_ordonnancement_enregistrer",
    "depenses_du_compte",
    "derniere_signature",
    "empreinte_contenu",
    "engage_restant",
    "engagement_creer",
    "imputation_actuelle",
    "limite_regularisation",
    "motifs_de_refus_requisition",
    "ordre_depense_attester_service_fait",
    "ordre_depense_completer",
    "ordre_depense_creer",
    "ordre_depense_dupliquer",
    "ordre_depense_joindre_piece",
    "ordre_depense_refuser_de_deferer",
    "ordre_depense_requerir",
    "ordre_depense_retirer",
    "ordre_depense_signer",
    "ordre_depense_signer_lot",
    "ordre_depense_suspendre",
    "ordre_depense_transmettre",
    "ordre_depense_viser",
    "ordre_depense_viser_sur_requisition",
    "plan_applicable",
    "regularisations",
]
