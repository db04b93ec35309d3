"""What PostgreSQL cannot hold becomes a French refusal, not a server error:
a total past numeric(18,2), a text past its column, a NUL character."""

import pytest
from django.db import DatabaseError, connection, transaction

from core.exceptions import DEPASSEMENT_MONTANT, DonneeInvalide, MontantInvalide, erreur_base
from core.money import MAXIMUM, montant

pytestmark = pytest.mark.django_db


def _refus(sql, parametres=()):
    with pytest.raises(DatabaseError) as erreur, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, parametres)
    return erreur_base(erreur.value)


def test_un_total_qui_depasse_la_capacite_des_comptes_est_un_montant_refuse():
    traduite = _refus("SELECT (9999999999999999.99 + 1)::numeric(18, 2)")
    assert isinstance(traduite, MontantInvalide)
    assert traduite.message == DEPASSEMENT_MONTANT
    assert traduite.statut_http == 400


def test_un_texte_trop_long_pour_sa_colonne_est_refuse_en_francais():
    traduite = _refus(
        "INSERT INTO django_content_type (app_label, model) VALUES (repeat('x', 300), 'x')"
    )
    assert isinstance(traduite, DonneeInvalide)
    assert traduite.message == "Un texte dépasse la longueur admise : rien n'a été enregistré."


def test_un_caractere_nul_refuse_par_psycopg_est_refuse_en_francais():
    traduite = _refus("SELECT %s::text", ["a\x00b"])
    assert isinstance(traduite, DonneeInvalide)
    assert "caractère nul" in traduite.message


def test_un_montant_seul_reste_loin_de_la_capacite_des_colonnes():
    """Ten thousand amounts at the maximum still fit a numeric(18,2) total."""
    assert MAXIMUM * 10_000 < 10**16
    with pytest.raises(MontantInvalide) as refus:
        montant("1000000000000")
    assert refus.value.message == (
        "Le montant dépasse le maximum admis (999\u00a0999\u00a0999\u00a0999,99\u00a0€)."
    )
