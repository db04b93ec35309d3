"""Bank details of the parties the fund pays by transfer: IBAN and BIC.

Circ. 93/82 §2.1.6 lets the agent comptable pay "par virement bancaire sur le
compte bancaire ou d'épargne indiqué par le créancier"; a wrong account number
pays the wrong person and does not discharge the fund. So every IBAN is
checked before it is stored: its country, its length for that country, its
ISO 13616 check digits and, where the country has one (the French clé RIB),
the national check digits of the BBAN.

Why `schwifty`: it carries the SWIFT IBAN registry (length and structure of
every country's BBAN), the national checksum algorithms and the ISO 9362 BIC
rules, is released several times a year as the registries change, is typed
and tested, and has no heavy dependency (pycountry). Writing those tables by
hand would mean keeping them up to date by hand.
"""

from __future__ import annotations

import gettext
import warnings

from schwifty import BIC, IBAN
from schwifty import exceptions as erreurs_schwifty

from core.exceptions import DonneeInvalide

REGLE_VIREMENT = (
    "paiement par virement sur le compte indiqué par le créancier, circulaire 93/82 §2.1.6"
)

# Territories that have their own ISO country code, hence their own BIC
# country, but whose accounts carry the IBAN of the state they belong to
# (SWIFT IBAN registry: the French overseas departments and collectivities
# use FR IBANs; Jersey, Guernsey and the Isle of Man use GB IBANs).
TERRITOIRES = {
    "FR": {"FR", "GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"},
    "GB": {"GB", "JE", "GG", "IM"},
}

# Warning emitted (since 2025) for countries without a national check algorithm.
_CLE_NATIONALE_NON_VERIFIEE = getattr(erreurs_schwifty, "NationalChecksumNotVerified", None)

try:  # pycountry, which recent schwifty releases depend on, has French country names
    import pycountry

    _noms_pays = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True
    )
except ImportError:  # pragma: no cover - older schwifty
    pycountry = None


def _pays(code: str) -> str:
    """The country's French name and code ("Allemagne, DE"), or its code when unknown."""
    pays = pycountry.countries.get(alpha_2=code) if pycountry is not None else None
    return f"{_noms_pays.gettext(pays.name)}, {code}" if pays is not None else code


def _compacter(valeur: str) -> str:
    return "".join(str(valeur or "").split()).replace("-", "").upper()


def _longueur_iban(texte: str) -> int | None:
    """Length of the IBANs of the country `texte` starts with; None where IBANs are not used.

    Read from schwifty's registry, whose entries were dicts before 2025 and are
    `IBANSpec` objects since.
    """
    try:
        specification = IBAN(texte, allow_invalid=True).spec
    except (erreurs_schwifty.SchwiftyException, KeyError):
        return None
    if isinstance(specification, dict):
        return specification.get("iban_length")
    return getattr(specification, "iban_length", None)


def verifier_iban(iban: str) -> str:
    """The IBAN without spaces, in upper case, or `DonneeInvalide` saying what is wrong."""
    texte = _compacter(iban)
    if not texte:
        raise DonneeInvalide(f"L'IBAN est obligatoire ({REGLE_VIREMENT}).")
    if len(texte) < 5 or not texte.isalnum() or not texte.isascii():
        raise DonneeInvalide(
            f"L'IBAN « {iban} » n'a pas la forme d'un IBAN : deux lettres du pays, deux chiffres "
            "de clé, puis le numéro de compte (lettres et chiffres seulement, norme ISO 13616)."
        )
    pays = texte[:2]
    longueur = _longueur_iban(texte)
    if longueur is None:
        raise DonneeInvalide(
            f"L'IBAN « {iban} » commence par « {pays} », qui n'est pas le code d'un pays où "
            "l'IBAN est en usage : vérifiez les deux premières lettres (norme ISO 13616)."
        )
    if len(texte) != longueur:
        raise DonneeInvalide(
            f"L'IBAN « {iban} » compte {len(texte)} caractères, alors qu'un IBAN de ce pays "
            f"({_pays(pays)}) en compte {longueur} : un caractère manque ou "
            "est en trop (norme ISO 13616)."
        )
    try:
        with warnings.catch_warnings():
            # No national algorithm for this country: the ISO check digits still hold.
            if _CLE_NATIONALE_NON_VERIFIEE is not None:
                warnings.simplefilter("ignore", _CLE_NATIONALE_NON_VERIFIEE)
            resultat = IBAN(texte, validate_bban=True)
    except erreurs_schwifty.InvalidChecksumDigits:
        raise DonneeInvalide(
            f"La clé de l'IBAN « {iban} » est fausse : les chiffres de contrôle ne correspondent "
            "pas au numéro de compte, une erreur de frappe est probable (norme ISO 13616)."
        ) from None
    except erreurs_schwifty.InvalidBBANChecksum:
        cle = "clé RIB" if pays == "FR" else "clé nationale"
        raise DonneeInvalide(
            f"La {cle} du compte de l'IBAN « {iban} » est fausse : le numéro de compte "
            "contient une erreur de frappe."
        ) from None
    except erreurs_schwifty.SchwiftyException:
        raise DonneeInvalide(
            f"L'IBAN « {iban} » ne suit pas le format des comptes de ce pays ({_pays(pays)}) : "
            "un caractère est à une place où il n'est pas admis (norme ISO 13616)."
        ) from None
    return str(resultat.compact)


def verifier_bic(bic: str, *, iban: str | None = None) -> str:
    """The BIC without spaces, in upper case, or `DonneeInvalide`.

    With an IBAN of the SEPA zone (French accounts included), the bank's
    country in the BIC must be the account's country; a French overseas bank
    (BIC in RE, GP, MQ...) holds FR IBANs, so they count as France.
    """
    texte = _compacter(bic)
    if not texte:
        raise DonneeInvalide(f"Le BIC est obligatoire ({REGLE_VIREMENT}).")
    try:
        resultat = BIC(texte)
    except erreurs_schwifty.InvalidLength:
        raise DonneeInvalide(
            f"Le BIC « {bic} » compte {len(texte)} caractères, alors qu'un BIC en compte 8 ou 11 "
            "(banque, pays, localité, agence : norme ISO 9362)."
        ) from None
    except erreurs_schwifty.InvalidCountryCode:
        raise DonneeInvalide(
            f"Le BIC « {bic} » porte le code pays « {texte[4:6]} », qui n'existe pas "
            "(5e et 6e caractères, norme ISO 9362)."
        ) from None
    except erreurs_schwifty.SchwiftyException:
        raise DonneeInvalide(
            f"Le BIC « {bic} » n'a pas la forme d'un BIC : quatre lettres pour la banque, deux "
            "pour le pays, puis deux et éventuellement trois lettres ou chiffres (norme ISO 9362)."
        ) from None
    if iban is not None:
        compte = IBAN(verifier_iban(iban))
        pays_compte = compte.country_code
        pays_banque = resultat.country_code
        admis = TERRITOIRES.get(pays_compte, {pays_compte})
        if compte.in_sepa_zone and pays_banque not in admis:
            raise DonneeInvalide(
                f"Le BIC « {texte} » et l'IBAN « {formater_iban(compte.compact)} » ne désignent "
                f"pas le même pays (banque : {_pays(pays_banque)} ; compte : "
                f"{_pays(pays_compte)}) : pour un compte français ou de la zone SEPA, le BIC "
                f"est celui de la banque qui tient le compte, dans le pays de l'IBAN "
                f"({REGLE_VIREMENT}).",
                details={"pays_bic": pays_banque, "pays_iban": pays_compte},
            )
    return str(resultat.compact)


def formater_iban(iban: str) -> str:
    """`FR7630006000011234567890189` → `FR76 3000 6000 0112 3456 7890 189` (for display)."""
    texte = _compacter(iban)
    return " ".join(texte[i : i + 4] for i in range(0, len(texte), 4))
