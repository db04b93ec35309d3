"""How a creditor of the fund is recognised on an opposition and on an ordre de dépense.

Circ. 93/82 §2.1.5: an opposition stops the payment of the sums the fund owes
to its creditor, "avant que la mention de paiement soit portée sur l'ordre de
dépense". The agent comptable must therefore find every line of an order that
pays that creditor, however the identifier was typed: "123 456 789 00012",
"123.456.789.00012" and "12345678900012" are one SIRET.

One rule, written once in SQL (`migrations/sql/0003_rapprochement.sql`) and
read by the Python code through the expressions below, so that the matching
of a payment batch, the database's guard on payments and the controls at visa
can never disagree:

- `oppositions_identifiant_normal(texte)`: the identifier as it is stored,
  letters and digits only, in upper case (spaces, dots, dashes, slashes
  dropped). `normaliser_identifiant` below is the same rule for the input
  forms; a trigger refuses an opposition whose stored identifier is
  not in that form.
- `oppositions_cle_identifiant(texte)`: the key creditors are matched on. A
  SIRET (14 digits) is reduced to its SIREN (its first 9 digits): the
  establishment has no legal personality, the debt and the seizure are the
  company's, so an opposition on one SIRET or on the SIREN catches the lines
  of every establishment of that company. A NIR with its key (15 characters,
  Corsica's 2A/2B included) is reduced to its 13 characters, so that a NIR
  typed with or without its key is the same person. Any other identifier is
  compared in its normal form.
- `oppositions_cle_nom(texte)`: a name compared without case, accents,
  punctuation, word order, legal forms (SARL, SAS…) or civilities (M., Mme,
  Maître…): "SARL Transports Martin" and "transports  MARTIN sarl" agree.

IBANs are compared in the compact form `oppositions.banque.verifier_iban`
stores on both sides.
"""

from __future__ import annotations

import re

from django.db.models import CharField, Func

_NON_ALPHANUMERIQUE = re.compile(r"[^0-9A-Za-z]+")


def normaliser_identifiant(identifiant: str | None) -> str:
    """`"123.456.789 00012"` → `"12345678900012"`: letters and digits, upper case.

    The same rule as the SQL function `oppositions_identifiant_normal`
    (tests/oppositions/test_identifiants.py checks that they agree)."""
    return _NON_ALPHANUMERIQUE.sub("", str(identifiant or "")).upper()


class CleIdentifiant(Func):
    """SQL: the matching key of an identifier (SIRET → SIREN, NIR without its key)."""

    function = "oppositions_cle_identifiant"
    output_field = CharField()


class CleNom(Func):
    """SQL: a name without case, accents, punctuation, word order, legal form, civility."""

    function = "oppositions_cle_nom"
    output_field = CharField()


class IdentifiantNormal(Func):
    """SQL: the identifier in its stored form (letters and digits, upper case)."""

    function = "oppositions_identifiant_normal"
    output_field = CharField()
