"""The act of correcting a returned transfer's bank details, for pages and API."""

from __future__ import annotations

from core.actes import Acte
from oppositions.banque import formater_iban
from tresorerie.actes import PAYER_DROIT
from tresorerie.services.retours_coordonnees import (
    coordonnees_corriger,
    coordonnees_corriger_ligne,
)

# Correcting where the money goes belongs to who pays: the same droit.
COORDONNEES_CORRIGER = Acte(
    "tresorerie.coordonnees_corriger",
    lambda utilisateur, retour, d: coordonnees_corriger(
        acting_user=utilisateur,
        retour=retour,
        iban=d["iban"],
        bic=d.get("bic", ""),
        justification=d["justification"],
    ),
    PAYER_DROIT,
    lambda cible, d: (
        f"Coordonnées de {getattr(cible, 'retour', cible).paiement.beneficiaire} corrigées : le "
        f"prochain virement ira sur {formater_iban(d['iban'])}."
    ),
)

# The creditor of an order's line, whose IBAN the bank returned on another
# transfer for a reason about the account: the same droit.
COORDONNEES_LIGNE_CORRIGER = Acte(
    "tresorerie.coordonnees_ligne_corriger",
    lambda utilisateur, ligne, d: coordonnees_corriger_ligne(
        acting_user=utilisateur,
        ligne=ligne,
        iban=d["iban"],
        bic=d.get("bic", ""),
        justification=d["justification"],
    ),
    PAYER_DROIT,
    lambda cible, d: (
        f"Coordonnées de {cible.creancier} corrigées : le prochain virement de cette ligne ira "
        f"sur {formater_iban(d['iban'])}."
    ),
)
