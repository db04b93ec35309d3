"""Money: Decimal with two places, never float; French display `1 234,56 €`."""

from __future__ import annotations

import re
from decimal import Decimal

from num2words import num2words

from core.exceptions import MontantInvalide

MAX_DIGITS = 18
DECIMAL_PLACES = 2
CENTIME = Decimal("0.01")
ZERO = Decimal("0.00")
# One amount: below a thousand billion euros (a fund's whole budget fits); the
# columns (numeric(18,2)) keep room for the totals and running balances.
MAXIMUM = Decimal("999999999999.99")
CHIFFRES_MAX = 12
ESPACE_INSECABLE = "\u00a0"
ESPACE_FINE_INSECABLE = "\u202f"
# What a person or a client may write: ASCII digits, at most twelve before the
# separator (a comma or a point) and two after it; nothing else (no exponent,
# sign, underscore, other scripts' digits).
FORME_MONTANT = re.compile(rf"[0-9]{{1,{CHIFFRES_MAX}}}(?:[.,][0-9]{{1,2}})?", re.ASCII)
LONGUEUR_MAX_TEXTE = 40


def montant(
    valeur: object, *, libelle: str = "Le montant", strictement_positif: bool = True
) -> Decimal:
    """Parse an amount typed by a person or given by the API, or refuse it in French.

    Accepts Decimal, int or a string of ASCII digits with a comma or a point
    (« 1 234,56 € » as a person types it: spaces and a trailing euro sign
    dropped); refuses floats (binary rounding), exponents, signs, underscores,
    other scripts' digits, more than two decimals and absurd sizes.
    """
    # Fast path (bulk imports): an exact Decimal in cents, within bounds.
    if (
        type(valeur) is Decimal
        and valeur.is_finite()
        and valeur.as_tuple().exponent == -2
        and (ZERO < valeur <= MAXIMUM or (valeur == ZERO and not strictement_positif))
    ):
        return valeur
    if isinstance(valeur, (bool, float)):
        raise MontantInvalide(
            f"{libelle} doit être donné en décimal exact, pas en nombre flottant."
        )
    if isinstance(valeur, str):
        valeur = _lire_texte(valeur, libelle)
    elif isinstance(valeur, int):
        valeur = Decimal(valeur)
    if not isinstance(valeur, Decimal) or not valeur.is_finite():
        raise MontantInvalide(f"{libelle} n'est pas un nombre.")
    if abs(valeur) > MAXIMUM:
        raise MontantInvalide(f"{libelle} dépasse le maximum admis ({MAXIMUM_LU}).")
    if valeur != valeur.quantize(CENTIME):
        raise MontantInvalide(
            f"{libelle} a plus de deux décimales ({valeur}) : le centime est l'unité."
        )
    if valeur < 0:
        raise MontantInvalide(
            f"{libelle} ne peut pas être négatif ({str(valeur).replace('.', ',')})."
        )
    if strictement_positif and valeur == 0:
        raise MontantInvalide(f"{libelle} doit être strictement positif.")
    if valeur > MAXIMUM:
        raise MontantInvalide(f"{libelle} dépasse le maximum admis ({MAXIMUM_LU}).")
    return valeur.quantize(CENTIME)


def _lire_texte(valeur: str, libelle: str) -> Decimal:
    """The amount a string writes, read strictly (`FORME_MONTANT`) or refused in French."""
    if len(valeur) > LONGUEUR_MAX_TEXTE:
        raise MontantInvalide(f"{libelle} est trop long pour un montant.")
    texte = valeur.strip(" \t\r\n")
    if texte.endswith("€"):
        texte = texte[:-1]
    for espace in (" ", ESPACE_INSECABLE, ESPACE_FINE_INSECABLE):
        texte = texte.replace(espace, "")
    if FORME_MONTANT.fullmatch(texte):
        return Decimal(texte.replace(",", "."))
    montre = valeur if valeur.isprintable() else repr(valeur)
    if not texte:
        raise MontantInvalide(f"{libelle} est vide.")
    if texte[0] == "-" and FORME_MONTANT.fullmatch(texte[1:]):
        raise MontantInvalide(f"{libelle} ne peut pas être négatif ({montre}).")
    if texte[0] in "+-":
        raise MontantInvalide(
            f"{libelle} « {montre} » ne prend pas de signe : écrivez les chiffres seuls."
        )
    if any(c.isdigit() and not c.isascii() for c in texte):
        raise MontantInvalide(f"{libelle} « {montre} » s'écrit avec les chiffres 0 à 9.")
    entier, _, decimales = texte.replace(",", ".").partition(".")
    if entier.isdigit() and decimales.isdigit() and len(decimales) > 2 and entier.isascii():
        raise MontantInvalide(
            f"{libelle} a plus de deux décimales ({montre}) : le centime est l'unité."
        )
    if entier.isdigit() and entier.isascii() and len(entier) > CHIFFRES_MAX:
        raise MontantInvalide(f"{libelle} dépasse le maximum admis ({MAXIMUM_LU}).")
    if not any(c.isdigit() for c in texte):
        raise MontantInvalide(f"{libelle} « {montre} » n'est pas un nombre.")
    raise MontantInvalide(
        f"{libelle} « {montre} » n'est pas un montant : des chiffres, puis au plus "
        "deux décimales après une virgule ou un point (par exemple 1234,56)."
    )


def format_nombre(valeur: Decimal | int | None, *, vide_si_zero: bool = False) -> str:
    """`1234.5` → `1 234,50` (non-breaking space as thousands separator)."""
    if valeur is None:
        return ""
    valeur = Decimal(valeur).quantize(CENTIME)
    if vide_si_zero and valeur == 0:
        return ""
    return f"{valeur:,.2f}".replace(",", ESPACE_INSECABLE).replace(".", ",")


def format_euros(valeur: Decimal | int | None) -> str:
    """`1234.56` → `1 234,56 €`."""
    if valeur is None:
        return ""
    return f"{format_nombre(valeur)}{ESPACE_INSECABLE}€"


def en_lettres(valeur: Decimal) -> str:
    """The amount in French words, as written on orders and quittances.

    num2words gives the cardinal numbers; the currency wording is ours, since
    its currency mode writes "et zéro centimes" and "deux millions euros".
    """
    valeur = Decimal(valeur).quantize(CENTIME)
    if valeur < 0:
        raise MontantInvalide("Un montant négatif ne s'écrit pas en lettres sur un titre.")
    euros = int(valeur)
    centimes = int((valeur - euros) * 100)
    parties = []
    if euros:
        mots = num2words(euros, lang="fr")
        if mots.endswith(("million", "millions", "milliard", "milliards")):
            unite = "d'euros"
        else:
            unite = "euro" if euros == 1 else "euros"
        parties.append(f"{mots} {unite}")
    if centimes:
        parties.append(f"{num2words(centimes, lang='fr')} centime{'s' if centimes > 1 else ''}")
    return " et ".join(parties) if parties else "zéro euro"


MAXIMUM_LU = format_euros(MAXIMUM)  # « 999 999 999 999,99 € », in the refusals
