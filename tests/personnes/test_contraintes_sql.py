"""The tables' CHECKs hold even for SQL written around the services."""

import pytest
from django.db import IntegrityError, connection, transaction

pytestmark = pytest.mark.django_db


def _inserer(sql: str, parametres: list) -> str | None:
    """Run one INSERT; return the name of the constraint PostgreSQL refused it with."""
    try:
        with transaction.atomic(), connection.cursor() as curseur:
            curseur.execute(sql, parametres)
    except IntegrityError as erreur:
        return erreur.__cause__.diag.constraint_name
    return None


def _interim(utilisateur, nature: str, debut: str, fin: str) -> str | None:
    return _inserer(
        "INSERT INTO personnes_interim (utilisateur_id, nature, debut, fin, nomme_le, deliberation, cree_le)"
        " SELECT v.u, v.n, v.d, v.f, CASE WHEN v.n = 'interimaire' THEN v.d END,"
        " CASE WHEN v.n = 'interimaire' THEN 'CA n° 12' ELSE '' END, now()"
        " FROM (VALUES (%s::bigint, %s::varchar, %s::date, %s::date)) v(u, n, d, f)",
        [utilisateur.pk, nature, debut, fin],
    )


def _delegation(delegant, delegataire, **champs) -> str | None:
    valeurs = {
        "type": "signature",
        "nature": "ordre_recette",
        "classes_comptes": "",
        "montant_max": "50000.00",
        "debut": "2025-01-01",
        "fin": "2025-12-31",
        "specimen_signature": "P. Girard",
    }
    valeurs.update(champs)
    colonnes = ", ".join(valeurs)
    marques = ", ".join(["%s"] * len(valeurs))
    return _inserer(
        f"INSERT INTO personnes_delegation (delegant_id, delegataire_id, creee_le, {colonnes})"
        f" VALUES (%s, %s, now(), {marques})",
        [delegant.pk, delegataire.pk, *valeurs.values()],
    )


@pytest.mark.parametrize(
    ("nature", "debut", "fin", "refus"),
    [
        ("fonde_de_pouvoir", "2025-01-01", "2025-03-31", None),
        ("fonde_de_pouvoir", "2025-01-01", "2025-04-01", "interim_duree_legale"),
        ("fonde_de_pouvoir", "2025-01-31", "2025-04-29", None),
        ("fonde_de_pouvoir", "2025-01-31", "2025-04-30", "interim_duree_legale"),
        ("interimaire", "2025-01-01", "2025-06-30", None),
        ("interimaire", "2025-01-01", "2025-07-01", "interim_duree_legale"),
        ("interimaire", "2025-08-01", "2026-01-31", None),
        ("interimaire", "2025-03-01", "2025-02-28", "interim_periode_ordonnee"),
        ("remplacant", "2025-01-01", "2025-01-31", "interim_duree_legale"),
    ],
)
def test_postgresql_borne_la_duree_de_l_interim(fonde, nature, debut, fin, refus):
    assert _interim(fonde, nature, debut, fin) == refus


@pytest.mark.parametrize(
    ("champs", "refus"),
    [
        ({}, None),
        ({"montant_max": None, "classes_comptes": "75,76"}, None),
        ({"debut": "2025-06-01", "fin": "2025-05-31"}, "delegation_periode_ordonnee"),
        ({"montant_max": "0.00"}, "delegation_plafond_positif"),
        ({"montant_max": "-10.00"}, "delegation_plafond_positif"),
        ({"type": "procuration"}, "delegation_type_connu"),
        ({"nature": "ordre_paiement"}, "delegation_nature_connue"),
        ({"classes_comptes": "7a"}, "delegation_classes_comptes_format"),
        ({"classes_comptes": "75, 76"}, "delegation_classes_comptes_format"),
        ({"classes_comptes": "75,"}, "delegation_classes_comptes_format"),
        ({"specimen_signature": "  \n "}, "delegation_specimen_obligatoire"),
    ],
)
def test_postgresql_garde_la_forme_de_la_delegation(directrice, delegue, champs, refus):
    assert _delegation(directrice, delegue, **champs) == refus


def test_postgresql_refuse_qu_on_se_delegue_a_soi_meme(directrice):
    assert _delegation(directrice, directrice) == "delegation_pas_a_soi_meme"
