"""Lists of act codes (codes of the droits catalogue, `personnes.droits.CATALOGUE`)
that a procuration allows (circ. 93/82 §1.1.1) or a partial interim gives its
holder (§1.1.2): written as codes separated by commas."""

from __future__ import annotations

import re

from core.exceptions import DonneeInvalide

_CODE = re.compile(r"^[a-z_.]+$")


def normaliser_actes(actes) -> str:
    """`" caisse.arreter , paiement.payer "` → `"caisse.arreter,paiement.payer"`."""
    if isinstance(actes, str):
        actes = actes.split(",")
    codes = [str(c).strip() for c in actes or () if str(c).strip()]
    for code in codes:
        if not _CODE.match(code):
            raise DonneeInvalide(
                f"« {code} » n'est pas un code d'acte : indiquez des codes du catalogue des droits "
                "(par exemple « caisse.arreter ») séparés par des virgules, ou rien pour tous les "
                "actes de l'agent comptable."
            )
    return ",".join(dict.fromkeys(codes))
