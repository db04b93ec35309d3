"""The API's strict input fields: an amount, a date (issue 14, point 4).

An amount travels as a JSON string of ASCII digits with at most two decimals
(`"1234.56"`), never a JSON number (a float rounds in binary, a client's
`1.1` is not the euro amount it meant): read by `core.money.montant`, whose
French refusals the client gets. A date is `AAAA-MM-JJ` within the admitted
years (`core.saisie.DATE_MIN`–`DATE_MAX`). Both answer as the fields they
replace (`DecimalField` with two decimals as a string, `DateField` in ISO).
"""

from __future__ import annotations

import datetime
import re

from drf_spectacular.drainage import get_override, set_override
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.exceptions import DonneeInvalide
from core.money import DECIMAL_PLACES, FORME_MONTANT, MAX_DIGITS, montant
from core.saisie import DATE_MAX, DATE_MIN, verifier_date

MOTIF_MONTANT = f"^{FORME_MONTANT.pattern}$"  # the schema says the very form core.money reads
MOTIF_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_FORME_DATE = re.compile(MOTIF_DATE, re.ASCII)

MESSAGE_NOMBRE_JSON = (
    'Le montant doit être une chaîne de chiffres, par exemple "1234.56", pas un nombre JSON.'
)


@extend_schema_field(
    {
        "type": "string",
        "format": "decimal",
        "pattern": MOTIF_MONTANT,
        "example": "1234.56",
        "description": "Montant en euros : chaîne de chiffres ASCII, au plus deux décimales "
        "après un point ou une virgule.",
    }
)
class ChampMontantApi(serializers.DecimalField):
    """An amount in euros: a JSON string read by `core.money.montant` (0 admitted
    here; a service refuses it where the act needs a positive amount)."""

    def __init__(self, *args, allow_blank: bool = False, **kwargs):
        self.allow_blank = allow_blank  # "" kept as "" (a service reads it as « none »)
        if allow_blank:  # the schema admits the "" the field keeps (its pattern otherwise not)
            schema = get_override(self, "field")
            set_override(self, "field", {**schema, "pattern": f"^$|{schema['pattern']}"})
        kwargs.setdefault("max_digits", MAX_DIGITS)
        kwargs.setdefault("decimal_places", DECIMAL_PLACES)
        kwargs.setdefault("coerce_to_string", True)
        super().__init__(*args, **kwargs)

    def to_internal_value(self, data):
        if self.allow_blank and data == "":
            return ""
        if isinstance(data, bool) or not isinstance(data, str):
            if isinstance(data, int | float):
                raise serializers.ValidationError(MESSAGE_NOMBRE_JSON, code="montant_invalide")
            raise serializers.ValidationError(
                'Le montant doit être une chaîne de chiffres, par exemple "1234.56".',
                code="montant_invalide",
            )
        try:
            return montant(data, strictement_positif=False)
        except DonneeInvalide as refus:
            raise serializers.ValidationError(refus.message, code="montant_invalide") from None


@extend_schema_field(
    {
        "type": "string",
        "format": "date",
        "description": f"Date AAAA-MM-JJ, du {DATE_MIN.isoformat()} au {DATE_MAX.isoformat()}.",
    }
)
class ChampDateApi(serializers.DateField):
    """A date: a JSON string `AAAA-MM-JJ` (ASCII digits) within the admitted years."""

    def to_internal_value(self, value):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            lue = value
        else:
            if not isinstance(value, str) or not _FORME_DATE.fullmatch(value.strip()):
                raise serializers.ValidationError(
                    "La date doit s'écrire AAAA-MM-JJ, par exemple 2026-11-30.",
                    code="date_invalide",
                )
            try:
                lue = datetime.date.fromisoformat(value.strip())
            except ValueError:
                raise serializers.ValidationError(
                    f"La date « {value.strip()} » n'existe pas au calendrier.",
                    code="date_invalide",
                ) from None
        try:
            return verifier_date(lue)
        except DonneeInvalide as refus:
            raise serializers.ValidationError(refus.message, code="date_invalide") from None


@extend_schema_field(
    {
        "type": "string",
        "format": "decimal",
        "pattern": f"^-?{FORME_MONTANT.pattern}$",
        "example": "-1500.00",
        "description": "Montant signé en euros : un signe moins facultatif, puis des chiffres "
        "ASCII, au plus deux décimales après un point ou une virgule.",
    }
)
class ChampMontantSigneApi(ChampMontantApi):
    """A signed amount (a décision modificative: `-1500.00` withdraws credits):
    a leading minus, then what `ChampMontantApi` reads."""

    def to_internal_value(self, data):
        if isinstance(data, str) and data.strip().startswith(("-", "\u2212")):
            return -super().to_internal_value(data.strip()[1:])
        return super().to_internal_value(data)
