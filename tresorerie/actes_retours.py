"""The act of correcting a returned transfer's bank details, for pages and API."""

from __future__ import annotations

from core.actes import Acte
from oppositions.banque import formater_iban
from tresorerie.actes import PAYER_DROIT
from tresorerie.services.retours_coordonnees import coordonnees_corriger

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
