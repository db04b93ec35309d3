"""A person named in an API body by login or number: a number only in ASCII
digits (« ² » and « ١٢ » are digits to Python's str.isdigit, not to PostgreSQL,
and made a server error), any other text an unknown person (a 400 of the field)."""

import pytest
from rest_framework import serializers

from personnes.api import PersonneField


@pytest.mark.parametrize("valeur", ["²", "١٢", "99999999999999999999999", "-1"])
def test_un_numero_hors_des_chiffres_ascii_designe_une_personne_inconnue(comptable, valeur):
    with pytest.raises(serializers.ValidationError) as refus:
        PersonneField().to_internal_value(valeur)

    assert "n'existe pas" in str(refus.value.detail[0])


def test_une_personne_se_designe_par_son_identifiant_ou_son_numero(comptable):
    assert PersonneField().to_internal_value("comptable") == comptable
    assert PersonneField().to_internal_value(str(comptable.pk)) == comptable
    assert PersonneField().to_internal_value(comptable.pk) == comptable
