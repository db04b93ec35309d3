"""`repartir_paiement`: opposing parties first, in order of service; the creditor gets the rest."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.exceptions import DonneeInvalide, MontantInvalide
from oppositions.models import Opposition
from oppositions.services import Part, repartir_paiement
from tests.oppositions.conftest import (
    BIC_CREANCIER,
    BIC_OPPOSANT,
    BIC_OPPOSANT_2,
    IBAN_CREANCIER,
    IBAN_OPPOSANT,
    IBAN_OPPOSANT_2,
    SIRET,
)

JOUR = datetime.date(2026, 3, 1)


def opposition(
    pk,
    montant,
    *,
    deja="0.00",
    signifiee_le=JOUR,
    opposant=None,
    iban=IBAN_OPPOSANT,
    bic=BIC_OPPOSANT,
):
    """An opposition as `oppositions_opposables` returns it (with what was already paid)."""
    o = Opposition(
        pk=pk,
        creancier_nom="Transports Martin SARL",
        creancier_identifiant=SIRET,
        opposant=opposant or f"Opposant {pk}",
        opposant_iban=iban,
        opposant_bic=bic,
        nature=Opposition.Nature.SAISIE_ATTRIBUTION,
        montant=Decimal(montant),
        signifiee_le=signifiee_le,
    )
    o.montant_impute = Decimal(deja)
    return o


def repartir(montant, oppositions):
    return repartir_paiement(
        montant=Decimal(montant),
        creancier_nom="Transports Martin SARL",
        creancier_iban=IBAN_CREANCIER,
        creancier_bic=BIC_CREANCIER,
        oppositions=oppositions,
    )


def creancier(montant) -> Part:
    return Part("Transports Martin SARL", IBAN_CREANCIER, BIC_CREANCIER, Decimal(montant), None)


def test_une_opposition_plus_petite_que_le_paiement_partage_le_paiement():
    parts = repartir("1500.00", [opposition(1, "400.00", opposant="Trésor public")])
    assert parts == [
        Part("Trésor public", IBAN_OPPOSANT, BIC_OPPOSANT, Decimal("400.00"), 1),
        creancier("1100.00"),
    ]


def test_une_opposition_plus_grande_que_le_paiement_prend_tout():
    parts = repartir("250.00", [opposition(1, "400.00", opposant="Trésor public")])
    assert parts == [
        Part("Trésor public", IBAN_OPPOSANT, BIC_OPPOSANT, Decimal("250.00"), 1),
        creancier("0.00"),
    ]


def test_ce_qui_a_deja_ete_verse_a_l_opposant_est_deduit():
    parts = repartir("1000.00", [opposition(1, "400.00", deja="350.00")])
    assert [(p.opposition_id, p.montant) for p in parts] == [
        (1, Decimal("50.00")),
        (None, Decimal("950.00")),
    ]


def test_deux_oppositions_sont_payees_dans_l_ordre_de_signification():
    premiere = opposition(
        7,
        "300.00",
        signifiee_le=datetime.date(2026, 1, 10),
        iban=IBAN_OPPOSANT_2,
        bic=BIC_OPPOSANT_2,
    )
    seconde = opposition(3, "500.00", signifiee_le=datetime.date(2026, 2, 20))
    # Given in the wrong order: the date of service decides, not the list.
    parts = repartir("600.00", [seconde, premiere])
    assert [(p.opposition_id, p.iban, p.montant) for p in parts] == [
        (7, IBAN_OPPOSANT_2, Decimal("300.00")),
        (3, IBAN_OPPOSANT, Decimal("300.00")),
        (None, IBAN_CREANCIER, Decimal("0.00")),
    ]


def test_a_date_egale_l_opposition_enregistree_la_premiere_passe_avant():
    parts = repartir("100.00", [opposition(9, "80.00"), opposition(4, "80.00")])
    assert [(p.opposition_id, p.montant) for p in parts] == [
        (4, Decimal("80.00")),
        (9, Decimal("20.00")),
        (None, Decimal("0.00")),
    ]


def test_sans_opposition_tout_va_au_creancier():
    assert repartir("1234.56", []) == [creancier("1234.56")]


def test_une_opposition_soldee_ne_recoit_rien():
    parts = repartir("100.00", [opposition(1, "400.00", deja="400.00")])
    assert parts == [creancier("100.00")]


def test_le_creancier_paye_par_cheque_n_a_pas_d_iban():
    parts = repartir_paiement(
        montant=Decimal("100.00"),
        creancier_nom="Mme Durand",
        creancier_iban="",
        creancier_bic="",
        oppositions=[opposition(1, "30.00")],
    )
    assert parts[-1] == Part("Mme Durand", "", "", Decimal("70.00"), None)


def test_le_paiement_doit_etre_un_montant_exact_et_positif():
    with pytest.raises(MontantInvalide, match="plus de deux décimales"):
        repartir("10.001", [])
    with pytest.raises(MontantInvalide, match="strictement positif"):
        repartir("0", [])


def test_l_iban_du_creancier_est_verifie():
    with pytest.raises(DonneeInvalide, match="La clé de l'IBAN"):
        repartir_paiement(
            montant=Decimal("10.00"),
            creancier_nom="X",
            creancier_iban="FR7630006000011234567890188",
            creancier_bic="",
            oppositions=[],
        )


def test_une_opposition_donnee_deux_fois_est_refusee():
    o = opposition(1, "30.00")
    with pytest.raises(DonneeInvalide, match="donnée deux fois"):
        repartir("100.00", [o, o])


def test_les_oppositions_choisies_se_paient_dans_l_ordre_de_signification_quel_que_soit_leur_identifiant():
    # Which oppositions apply is the matching's choice (oppositions.rapprochement):
    # one served under another identifier may have been applied to this line by
    # the agent comptable's decision; the split pays each in order of service.
    autre = opposition(2, "30.00", signifiee_le=JOUR - datetime.timedelta(days=1))
    autre.creancier_identifiant = "98765432100019"
    parts = repartir("100.00", [opposition(1, "30.00"), autre])
    assert [(p.opposition_id, p.montant) for p in parts] == [
        (2, Decimal("30.00")),
        (1, Decimal("30.00")),
        (None, Decimal("40.00")),
    ]


centimes = st.integers(min_value=1, max_value=10**9).map(lambda c: Decimal(c) / 100)


@st.composite
def oppositions_quelconques(draw):
    nombre = draw(st.integers(min_value=0, max_value=6))
    resultat = []
    for pk in range(1, nombre + 1):
        montant = draw(centimes)
        deja = draw(st.integers(min_value=0, max_value=int(montant * 100))) / Decimal(100)
        jour = JOUR + datetime.timedelta(days=draw(st.integers(min_value=0, max_value=5)))
        resultat.append(opposition(pk, montant, deja=deja, signifiee_le=jour))
    return draw(st.permutations(resultat))


# The machine running the suite may be shared: how fast inputs are drawn is not
# what this test checks.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(montant=centimes, oppositions=oppositions_quelconques())
def test_les_parts_font_le_paiement_au_centime_et_suivent_l_ordre_de_signification(
    montant, oppositions
):
    parts = repartir(montant, oppositions)

    assert sum(p.montant for p in parts) == montant
    assert all(p.montant == p.montant.quantize(Decimal("0.01")) for p in parts)
    assert parts[-1].opposition_id is None and parts[-1].montant >= 0
    assert all(p.opposition_id is not None and p.montant > 0 for p in parts[:-1])

    restes = {o.pk: o.montant - o.montant_impute for o in oppositions}
    ordre = [
        o.pk for o in sorted(oppositions, key=lambda o: (o.signifiee_le, o.pk)) if restes[o.pk]
    ]
    servies = [p.opposition_id for p in parts[:-1]]
    # The first ones in order of service, each paid in full but the last one served.
    assert servies == ordre[: len(servies)]
    for part in parts[:-2]:
        assert part.montant == restes[part.opposition_id]
    if len(parts) > 1:
        assert parts[-2].montant <= restes[parts[-2].opposition_id]
    # The creditor is paid only once every opposition is satisfied.
    assert parts[-1].montant == max(Decimal("0.00"), montant - sum(restes.values()))
