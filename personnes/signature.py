"""A signature requires typing the password again — and, for a person who
enrolled one, the code of the second factor (`personnes.second_facteur`):
counted and locked like a login (`personnes.authentification`), so that a
session left open does not let anyone try passwords without limit."""

from __future__ import annotations

from core.exceptions import DroitInsuffisant
from personnes.authentification import (
    SIGNATURE,
    adresse_courante,
    code_courant,
    enregistrer_echec,
    hors_de_l_acte,
    refuser_si_bloque,
    remettre_a_zero,
    verrouiller_signature,
)
from personnes.second_facteur import REFUS_CODE, code_valide, exigence

REFUS = "Mot de passe incorrect : la signature exige de ressaisir votre mot de passe."


def verifier_mot_de_passe(
    utilisateur,
    mot_de_passe: str,
    *,
    refus: str = REFUS,
    canal: str = SIGNATURE,
    second_facteur: bool | None = None,
    code: str | None = None,
) -> None:
    """Refuse a wrong password (DroitInsuffisant with `refus`), a missing or
    wrong code of the person's second factor, or any while the person's login
    or address is locked (TropDeTentatives, 429). Each failure is recorded
    where the act's refusal does not undo it; the checks of one login take
    turns (`verrouiller_signature`), so that parallel guesses cannot pass the
    limit before their failures are counted.

    The code is asked on signatures (`second_facteur` None: when `canal` is a
    signature); it is `code`, or the one the request carries (the form's
    `code_signature`, the API's `X-Code-Signature`)."""
    identifiant = utilisateur.get_username()
    adresse = adresse_courante()
    liberer = verrouiller_signature(identifiant)  # the login's checks take turns
    try:
        refuser_si_bloque(identifiant, adresse, canal, acteur=utilisateur)
        if second_facteur is None:
            second_facteur = canal == SIGNATURE
        facteur = exigence(utilisateur) if second_facteur else None

        def echec(message: str):
            hors_de_l_acte(
                lambda: enregistrer_echec(identifiant, adresse, canal, acteur=utilisateur)
            )
            return DroitInsuffisant(message)

        if not mot_de_passe or not utilisateur.check_password(mot_de_passe):
            raise echec(refus)
        if facteur is not None and not code_valide(facteur, code or code_courant()):
            raise echec(REFUS_CODE)
    except BaseException:
        hors_de_l_acte(liberer)  # once the failure is recorded, not before
        raise
    liberer()
    remettre_a_zero(identifiant)
