"""A signature requires typing the password again: counted and locked like a
login (`personnes.authentification`), so that a session left open does not
let anyone try passwords without limit."""

from __future__ import annotations

from core.exceptions import DroitInsuffisant
from personnes.authentification import (
    SIGNATURE,
    adresse_courante,
    enregistrer_echec,
    hors_de_l_acte,
    refuser_si_bloque,
    remettre_a_zero,
)

REFUS = "Mot de passe incorrect : la signature exige de ressaisir votre mot de passe."


def verifier_mot_de_passe(
    utilisateur, mot_de_passe: str, *, refus: str = REFUS, canal: str = SIGNATURE
) -> None:
    """Refuse a wrong password (DroitInsuffisant with `refus`), or any while
    the person's login or address is locked (TropDeTentatives, 429). The
    failure is recorded where the act's refusal does not undo it."""
    identifiant = utilisateur.get_username()
    adresse = adresse_courante()
    refuser_si_bloque(identifiant, adresse, canal, acteur=utilisateur)
    if not mot_de_passe or not utilisateur.check_password(mot_de_passe):
        hors_de_l_acte(lambda: enregistrer_echec(identifiant, adresse, canal, acteur=utilisateur))
        raise DroitInsuffisant(refus)
    remettre_a_zero(identifiant)
