"""Acts on ordres de recette: each one service, atomic, checked, audited.

Rules and their sources are in the docstring of `recettes/models.py`. What an
ordre de recette shares with an ordre de dépense (lock, hash, signature,
parapheur, transmission, creation with pièces) is written once in
`ordres.services`; the modules here follow the acts:

- `communs`: sources, the kind of order (`SORTE`), its content hash, its lock,
  the emission deadline;
- `emission`: draft with its pièces, correction, signature, parapheur,
  transmission, taking back, abandonment;
- `prise_en_charge`: the plan de contrôle, prise en charge, rejection;
- `reductions`: reductions and cancellations, and their prise en charge.

The reste à recouvrer is read in `recettes.selectors`. Every public name is
re-exported here: `from recettes import services`.
"""

from ordres.services import ResultatLot
from recettes.models import OrdreRecette  # read by callers as services.OrdreRecette
from recettes.selectors import reste_a_recouvrer
from recettes.services.communs import (
    NATURE_DELEGATION,
    SORTE,
    SOURCE,
    derniere_signature,
    empreinte_contenu,
    verifier_delai_emission,
)
from recettes.services.emission import (
    DATES,
    LigneDebiteur,
    SaisieOrdre,
    ordre_recette_abandonner,
    ordre_recette_creer,
    ordre_recette_joindre_piece,
    ordre_recette_modifier,
    ordre_recette_reprendre,
    ordre_recette_signer,
    ordre_recette_signer_lot,
    ordre_recette_transmettre,
)
from recettes.services.prise_en_charge import (
    ControleSaisi,
    ControlesRequis,
    controles_requis,
    ordre_recette_prendre_en_charge,
    ordre_recette_rejeter,
    plans_de_controle,
)
from recettes.services.reductions import (
    COMPTES_REDUCTION,
    ordre_recette_reduire,
    reduction_prendre_en_charge,
)

__all__ = [
    "COMPTES_REDUCTION",
    "ControleSaisi",
    "ControlesRequis",
    "DATES",
    "LigneDebiteur",
    "NATURE_DELEGATION",
    "OrdreRecette",
    "ResultatLot",
    "SORTE",
    "SOURCE",
    "SaisieOrdre",
    "controles_requis",
    "plans_de_controle",
    "derniere_signature",
    "empreinte_contenu",
    "ordre_recette_abandonner",
    "ordre_recette_creer",
    "ordre_recette_joindre_piece",
    "ordre_recette_modifier",
    "ordre_recette_prendre_en_charge",
    "ordre_recette_reduire",
    "ordre_recette_rejeter",
    "ordre_recette_reprendre",
    "ordre_recette_signer",
    "ordre_recette_signer_lot",
    "ordre_recette_transmettre",
    "reduction_prendre_en_charge",
    "reste_a_recouvrer",
    "verifier_delai_emission",
]
