"""Which exercise an order belongs to, on both sides of 22 March 1997 (seed 002)."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide
from reglementation import selectors
from reglementation.models import CODES_CRITERES, RegleRattachement
from reglementation.selectors import (
    CRITERES,
    NATURES_DEPENSE,
    NATURES_RECETTE,
    Rattachement,
    parametre,
    rattachement,
    regime_organisme,
    seuil_d133_2,
    titre_agent_comptable,
)

pytestmark = pytest.mark.django_db

D = datetime.date
AVANT = D(1997, 3, 21)  # last day of the earlier wording
APRES = D(1997, 3, 22)  # first day of the wording of décret n° 97-266


# Cotisations, majorations de retard, pénalités (D253-17, D253-17-1).


def test_avant_1997_une_cotisation_d_un_organisme_d253_1_suit_les_droits_acquis():
    # given a cotisation due for November 1996, cashed in January 1997
    dates = {"droits_acquis": D(1996, 11, 15), "encaissement": D(1997, 1, 20)}

    # when a fund of D253-1 attaches it under the earlier wording
    r = rattachement(
        sens="recette",
        nature="cotisation",
        date_fait=D(1996, 11, 15),
        dates=dates,
        regime="general",
    )

    # then it belongs to 1996, with two months to record it
    assert r.annee == 1996
    assert r.critere == "droits_acquis"
    assert r.date_critere == D(1996, 11, 15)
    assert r.limite_emission == D(1997, 2, 28)
    assert (
        r.article == "D253-17-1 al. 1 et 2 ; D253-17 al. 4 (rédaction antérieure au 22 mars 1997)"
    )


def test_avant_1997_une_cotisation_d_un_autre_organisme_suit_l_encaissement():
    dates = {"droits_acquis": D(1996, 11, 15), "encaissement": D(1997, 1, 20)}

    r = rattachement(
        sens="recette",
        nature="cotisation",
        date_fait=D(1996, 11, 15),
        dates=dates,
        regime="autre",
    )

    assert r.annee == 1997
    assert r.critere == "encaissement"
    assert r.critere_libelle == "date d'encaissement"
    assert r.limite_emission == D(1998, 1, 10)
    assert r.article == "D253-17 al. 1 et 3 (rédaction antérieure au 22 mars 1997)"


def test_avant_1997_une_penalite_d_un_autre_organisme_est_une_autre_recette():
    # The first alinéa names only "cotisations et majorations de retard" (seed 002).
    dates = {"liquidation": D(1996, 12, 30), "encaissement": D(1997, 2, 3)}

    r = rattachement(
        sens="recette", nature="penalite", date_fait=D(1996, 12, 1), dates=dates, regime="autre"
    )

    assert r.annee == 1996
    assert r.critere == "liquidation"
    assert r.limite_emission == D(1997, 1, 10)
    assert r.article == "D253-17 al. 2 et 3 (rédaction antérieure au 22 mars 1997)"


def test_depuis_1997_une_cotisation_d_un_organisme_d253_1_a_deux_mois():
    dates = {"droits_acquis": D(2026, 12, 15), "encaissement": D(2027, 1, 20)}

    r = rattachement(
        sens="recette",
        nature="cotisation",
        date_fait=D(2026, 12, 15),
        dates=dates,
        regime="general",
    )

    assert r.annee == 2026
    assert r.limite_emission == D(2027, 2, 28)
    assert r.article == "D253-17-1 al. 1 (rédaction du 22 mars 1997)"
    assert r.critere_libelle == "date d'acquisition des droits"


def test_depuis_1997_une_cotisation_d_un_autre_organisme_suit_les_droits_acquis_avec_un_mois():
    dates = {"droits_acquis": D(2026, 12, 15), "encaissement": D(2027, 1, 20)}

    r = rattachement(
        sens="recette",
        nature="majoration",
        date_fait=D(2026, 12, 15),
        dates=dates,
        regime="autre",
    )

    assert r.annee == 2026
    assert r.critere == "droits_acquis"
    assert r.limite_emission == D(2027, 1, 31)
    assert r.article == "D253-17-1 al. 1 et 2 (rédaction du 22 mars 1997)"


def test_deux_mois_apres_un_exercice_finissent_le_29_fevrier_d_une_annee_bissextile():
    r = rattachement(
        sens="recette",
        nature="penalite",
        date_fait=D(2027, 6, 1),
        dates={"droits_acquis": D(2027, 6, 1)},
        regime="general",
    )

    assert r.annee == 2027
    assert r.limite_emission == D(2028, 2, 29)


@pytest.mark.parametrize(
    ("date_fait", "annee", "critere", "article"),
    [
        (AVANT, 1997, "encaissement", "D253-17 al. 1 et 3 (rédaction antérieure au 22 mars 1997)"),
        (APRES, 1996, "droits_acquis", "D253-17-1 al. 1 et 2 (rédaction du 22 mars 1997)"),
    ],
)
def test_la_veille_et_le_jour_du_22_mars_1997_la_regle_change(date_fait, annee, critere, article):
    # given the same cotisation, acquired in 1996 and cashed in 1997
    dates = {"droits_acquis": D(1996, 12, 20), "encaissement": D(1997, 1, 6)}

    # when the generating fact falls on either side of the new wording
    r = rattachement(
        sens="recette", nature="cotisation", date_fait=date_fait, dates=dates, regime="autre"
    )

    # then the wording in force that day decides
    assert (r.annee, r.critere, r.article) == (annee, critere, article)


def test_sans_regime_donne_celui_de_l_organisme_s_applique():
    # The demo fund is a CPAM: "general" (D253-1).
    r = rattachement(
        sens="recette",
        nature="cotisation",
        date_fait=D(2026, 5, 1),
        dates={"droits_acquis": D(2026, 5, 1)},
    )

    assert regime_organisme(D(2026, 5, 1)) == "general"
    assert r.limite_emission == D(2027, 2, 28)
    assert r.article == "D253-17-1 al. 1 (rédaction du 22 mars 1997)"


# Other recettes (D253-17) and the special dates of circ. 93/82 §2.0.7.


@pytest.mark.parametrize(
    ("date_fait", "article"),
    [
        (AVANT, "D253-17 al. 2 et 3 (rédaction antérieure au 22 mars 1997)"),
        (APRES, "D253-17 al. 1 et 2 (rédaction du 22 mars 1997)"),
    ],
)
@pytest.mark.parametrize("regime", ["general", "autre"])
def test_une_autre_recette_suit_sa_liquidation_avec_dix_jours(date_fait, article, regime):
    r = rattachement(
        sens="recette",
        nature="autre",
        date_fait=date_fait,
        dates={"liquidation": D(1997, 12, 31)},
        regime=regime,
    )

    assert r.annee == 1997
    assert r.critere == "liquidation"
    assert r.limite_emission == D(1998, 1, 10)
    assert r.article == article


def test_un_loyer_echu_le_1er_janvier_2027_appartient_a_2026():
    r = rattachement(
        sens="recette",
        nature="loyer",
        date_fait=D(2026, 12, 1),
        dates={"echeance": D(2027, 1, 1)},
    )

    assert r.annee == 2026
    assert r.date_critere == D(2026, 12, 31)
    assert r.critere_libelle == "veille de l'échéance"
    assert r.limite_emission == D(2027, 1, 10)
    assert (
        r.article == "circulaire DSS/F 93/82 §2.0.7 2° ; D253-17 al. 2 (rédaction du 22 mars 1997)"
    )


@pytest.mark.parametrize(
    ("nature", "cle", "jour", "annee", "numero"),
    [
        ("vente", "contrat", D(2026, 12, 30), 2026, "1°"),
        ("loyer", "echeance", D(2026, 1, 1), 2025, "2°"),
        ("travaux_fournitures", "reception", D(2027, 1, 2), 2027, "3°"),
        ("interets", "echeance", D(2027, 1, 1), 2026, "4°"),
        ("condamnation", "decision", D(2026, 7, 14), 2026, "5°"),
        ("recuperation_indu", "reglement", D(2025, 11, 30), 2025, "6°"),
    ],
)
def test_les_dates_particulieres_des_recettes(nature, cle, jour, annee, numero):
    # given an order that also carries a liquidation date in another year
    dates = {cle: jour, "liquidation": D(2030, 6, 1)}

    r = rattachement(sens="recette", nature=nature, date_fait=D(2026, 6, 1), dates=dates)

    # then the special date of circ. 93/82 §2.0.7 decides, not the liquidation
    assert r.annee == annee
    assert r.limite_emission == D(annee + 1, 1, 10)
    assert r.article == (
        f"circulaire DSS/F 93/82 §2.0.7 {numero} ; D253-17 al. 2 (rédaction du 22 mars 1997)"
    )


def test_avant_1997_une_date_particuliere_cite_l_alinea_3_de_d253_17():
    r = rattachement(
        sens="recette",
        nature="vente",
        date_fait=D(1995, 3, 1),
        dates={"contrat": D(1995, 3, 1)},
        regime="autre",
    )

    assert r.annee == 1995
    assert r.limite_emission == D(1996, 1, 10)
    assert r.article == (
        "circulaire DSS/F 93/82 §2.0.7 1° ; D253-17 al. 3 (rédaction antérieure au 22 mars 1997)"
    )


# Dépenses (D253-19, D253-19-1, circ. 93/82 §2.1.7).

DATES_PRESTATION = {"service_fait": D(1996, 12, 20), "paiement": D(1997, 1, 8)}


@pytest.mark.parametrize(
    ("date_fait", "regime", "annee", "critere", "limite", "article"),
    [
        (
            AVANT,
            "general",
            1996,
            "service_fait",
            D(1997, 1, 10),
            "D253-19-1 al. 1 et 2 ; D253-19 al. 4 (rédaction antérieure au 22 mars 1997)",
        ),
        (
            AVANT,
            "autre",
            1997,
            "paiement",
            D(1997, 12, 31),
            "D253-19 al. 1 (rédaction antérieure au 22 mars 1997)",
        ),
        (
            APRES,
            "general",
            1996,
            "service_fait",
            D(1997, 1, 10),
            "D253-19-1 al. 1 (rédaction du 22 mars 1997)",
        ),
        (
            APRES,
            "autre",
            1996,
            "service_fait",
            D(1997, 1, 31),
            "D253-19-1 al. 3 (rédaction du 22 mars 1997)",
        ),
    ],
)
def test_une_prestation_selon_la_redaction_et_l_organisme(
    date_fait, regime, annee, critere, limite, article
):
    r = rattachement(
        sens="depense",
        nature="prestation",
        date_fait=date_fait,
        dates=DATES_PRESTATION,
        regime=regime,
    )

    assert (r.annee, r.critere, r.limite_emission, r.article) == (annee, critere, limite, article)


@pytest.mark.parametrize(
    ("nature", "cle", "jour", "annee", "numero"),
    [
        ("acquisition_immeuble", "contrat", D(2026, 3, 3), 2026, "1°"),
        ("loyer", "echeance", D(2027, 1, 1), 2026, "2°"),
        ("travaux", "reception", D(2026, 12, 31), 2026, "3°"),
        ("fournitures", "reception", D(2027, 1, 5), 2027, "3°"),
        ("interets", "echeance", D(2026, 7, 1), 2026, "4°"),
        ("subvention", "deliberation", D(2026, 10, 15), 2026, "5°"),
        ("transaction", "transaction", D(2025, 12, 24), 2025, "6°"),
        ("condamnation", "decision", D(2026, 2, 2), 2026, "7°"),
        ("restitution", "encaissement", D(2025, 6, 30), 2025, "8°"),
    ],
)
def test_les_dates_particulieres_des_depenses_budgetaires(nature, cle, jour, annee, numero):
    dates = {cle: jour, "liquidation": D(2030, 6, 1)}

    r = rattachement(sens="depense", nature=nature, date_fait=D(2026, 6, 1), dates=dates)

    assert r.annee == annee
    assert r.limite_emission == D(annee + 1, 1, 10)
    assert r.article == (
        f"circulaire DSS/F 93/82 §2.1.7 {numero} ; D253-19 al. 2 (rédaction du 22 mars 1997)"
    )


@pytest.mark.parametrize(
    ("date_fait", "article"),
    [
        (AVANT, "D253-19 al. 2 et 3 (rédaction antérieure au 22 mars 1997)"),
        (APRES, "D253-19 al. 1 et 2 (rédaction du 22 mars 1997)"),
    ],
)
def test_une_autre_depense_budgetaire_suit_sa_liquidation(date_fait, article):
    r = rattachement(
        sens="depense",
        nature="autre",
        date_fait=date_fait,
        dates={"liquidation": D(1997, 1, 9)},
        regime="autre",
    )

    assert r.annee == 1997
    assert r.critere_libelle == "date de liquidation"
    assert r.limite_emission == D(1998, 1, 10)
    assert r.article == article


# Refusals, in French.


def test_une_date_manquante_est_nommee_avec_son_article():
    with pytest.raises(DonneeInvalide) as erreur:
        rattachement(
            sens="recette",
            nature="travaux_fournitures",
            date_fait=D(2026, 4, 1),
            dates={"liquidation": D(2026, 4, 1), "reception": None},
        )

    assert erreur.value.message == (
        "La date de réception est nécessaire : pour une recette de nature « travaux ou "
        "fournitures », l'exercice est déterminé par la date de réception — circulaire DSS/F "
        "93/82 §2.0.7 3° ; D253-17 al. 2 (rédaction du 22 mars 1997)."
    )
    assert erreur.value.details["date_manquante"] == "reception"


def test_un_loyer_sans_echeance_est_refuse():
    with pytest.raises(DonneeInvalide) as erreur:
        rattachement(sens="depense", nature="loyer", date_fait=D(2026, 4, 1), dates={})

    assert erreur.value.message.startswith("La date d'échéance est nécessaire")
    assert "§2.1.7 2°" in erreur.value.message


def test_une_nature_inconnue_est_refusee():
    with pytest.raises(DonneeInvalide) as erreur:
        rattachement(sens="recette", nature="prestation", date_fait=D(2026, 4, 1), dates={})

    assert (
        erreur.value.message == "La nature « prestation » n'est pas une nature de recette connue."
    )


def test_sans_regle_en_vigueur_le_refus_dit_la_date():
    with pytest.raises(DonneeInvalide) as erreur:
        rattachement(
            sens="depense",
            nature="loyer",
            date_fait=D(1900, 1, 1),
            dates={"echeance": D(1900, 1, 1)},
            regime="general",
        )

    assert erreur.value.message == (
        "Aucune règle de rattachement à l'exercice n'est en vigueur le 01/01/1900 pour une "
        "dépense de nature « loyer » (organismes visés à l'article D253-1)."
    )


def test_une_regle_cloturee_laisse_place_a_la_suivante():
    # given the law changes on 1 January 2030: the open rule is closed, a new row starts
    RegleRattachement.objects.filter(
        sens="recette", nature="cotisation", regime="general", fin__isnull=True
    ).update(fin=D(2029, 12, 31))
    nouvelle = RegleRattachement.objects.create(
        sens="recette",
        nature="cotisation",
        regime="general",
        debut=D(2030, 1, 1),
        critere="encaissement",
        delai_jours=20,
        article="article fictif du test",
        libelle="Règle de test.",
    )
    dates = {"droits_acquis": D(2029, 12, 1), "encaissement": D(2030, 1, 15)}

    # when facts fall on either side
    avant = rattachement(
        sens="recette",
        nature="cotisation",
        date_fait=D(2029, 12, 31),
        dates=dates,
        regime="general",
    )
    apres = rattachement(
        sens="recette", nature="cotisation", date_fait=D(2030, 1, 1), dates=dates, regime="general"
    )

    # then each is judged by its own row, with no code change
    assert (avant.annee, avant.article) == (2029, "D253-17-1 al. 1 (rédaction du 22 mars 1997)")
    assert (apres.annee, apres.limite_emission, apres.regle_id) == (
        2030,
        D(2031, 1, 20),
        nouvelle.pk,
    )


# Dated parameters.


def test_le_seuil_d133_2_vaut_100_francs_en_euros():
    assert seuil_d133_2(D(2026, 1, 1)) == Decimal("15.24")
    assert seuil_d133_2(D(1997, 3, 21)) == Decimal("15.24")
    assert isinstance(seuil_d133_2(D(2026, 1, 1)), Decimal)


@pytest.mark.parametrize(
    ("le", "titre"),
    [
        (D(1997, 3, 22), "agent comptable"),
        (D(2022, 12, 31), "agent comptable"),
        (D(2023, 1, 1), "directeur comptable et financier"),
        (D(2026, 11, 23), "directeur comptable et financier"),
    ],
)
def test_le_titre_du_comptable_change_le_1er_janvier_2023(le, titre):
    assert titre_agent_comptable(le) == titre


def test_un_parametre_inconnu_est_refuse_en_francais():
    with pytest.raises(DonneeInvalide) as erreur:
        parametre("taux_inexistant", D(2026, 1, 1))

    assert erreur.value.message == (
        "Aucune valeur du paramètre réglementaire « taux_inexistant » n'est en vigueur le "
        "01/01/2026."
    )


# The loaded data covers every question.


@pytest.mark.parametrize("le", [AVANT, APRES, D(2026, 11, 23)])
@pytest.mark.parametrize("regime", ["general", "autre"])
def test_chaque_nature_a_une_regle_a_chaque_epoque(le, regime):
    questions = [("recette", n) for n, _ in NATURES_RECETTE] + [
        ("depense", n) for n, _ in NATURES_DEPENSE
    ]
    for sens, nature in questions:
        regle = selectors.regle_applicable(sens=sens, nature=nature, date_fait=le, regime=regime)
        attendu = "antérieure au 22 mars 1997" if le < APRES else "du 22 mars 1997"
        assert attendu in regle.article, (sens, nature, regle.article)
        assert regle.libelle


def test_les_criteres_sont_ceux_que_la_base_accepte():
    assert set(CRITERES) == set(CODES_CRITERES)
    assert set(selectors.NOMS_DES_DATES) == set(selectors.DATE_DU_CRITERE.values())


def test_le_resultat_est_immuable():
    r = rattachement(
        sens="recette",
        nature="autre",
        date_fait=D(2026, 1, 1),
        dates={"liquidation": D(2026, 1, 1)},
    )
    assert isinstance(r, Rattachement)
    with pytest.raises(AttributeError):
        r.annee = 2000  # type: ignore[misc]
