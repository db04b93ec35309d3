from decimal import Decimal

import pytest

from core.exceptions import MontantInvalide
from core.money import en_lettres, format_euros, montant


@pytest.mark.parametrize(
    ("valeur", "attendu"),
    [
        ("1234.56", "mille deux cent trente-quatre euros et cinquante-six centimes"),
        ("1.00", "un euro"),
        ("0.50", "cinquante centimes"),
        ("0.01", "un centime"),
        ("80000", "quatre-vingt mille euros"),
        ("2000000.01", "deux millions d'euros et un centime"),
        ("71.80", "soixante et onze euros et quatre-vingts centimes"),
        ("0", "zéro euro"),
    ],
)
def test_les_montants_s_ecrivent_en_lettres(valeur, attendu):
    assert en_lettres(Decimal(valeur)) == attendu


def test_format_francais():
    assert format_euros(Decimal("1234567.5")) == "1\u00a0234\u00a0567,50\u00a0€"
    assert format_euros(Decimal("-12")) == "-12,00\u00a0€"


@pytest.mark.parametrize(
    ("saisie", "attendu"),
    [("1 234,56", Decimal("1234.56")), ("12.5", Decimal("12.50")), (7, Decimal("7.00"))],
)
def test_montant_lit_les_saisies_francaises(saisie, attendu):
    assert montant(saisie) == attendu


@pytest.mark.parametrize(
    ("saisie", "message"),
    [
        (0.1, "flottant"),
        ("1,234", "plus de deux décimales"),
        ("-3", "négatif"),
        ("abc", "n'est pas un nombre"),
        ("0", "strictement positif"),
        ("1e30", "n'est pas un montant"),
        ("12345678901234567", "dépasse le maximum"),
    ],
)
def test_montant_refuse_en_francais(saisie, message):
    with pytest.raises(MontantInvalide, match=message):
        montant(saisie)


@pytest.mark.parametrize(
    ("valeur", "attendu"),
    [
        (Decimal("12.30"), Decimal("12.30")),
        (Decimal("0.00"), None),
        (Decimal("-1.00"), None),
        (Decimal("99999999999999999.00"), None),
    ],
)
def test_le_chemin_rapide_ne_laisse_passer_que_les_montants_valides(valeur, attendu):
    if attendu is None:
        with pytest.raises(MontantInvalide):
            montant(valeur)
    else:
        assert montant(valeur) == attendu
