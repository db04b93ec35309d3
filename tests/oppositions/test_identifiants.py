"""A creditor is recognised however his identifier was typed (circ. 93/82 §2.1.5):
one rule, in PostgreSQL, read by the opposition's register, the payment and the
database's guards (oppositions/identifiants.py, oppositions/rapprochement.py)."""

import pytest
from django.db import connection

from core.exceptions import DonneeInvalide
from oppositions import services
from oppositions.identifiants import normaliser_identifiant
from oppositions.models import Opposition
from oppositions.rapprochement import APPLIQUER, LEVER, Index, oppositions_en_vigueur
from tests.oppositions.conftest import AUJOURD_HUI, IBAN_CREANCIER, enregistrer
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

SAISIES = [
    "123 456 789 00012",
    "123.456.789.00012",
    "123-456-789-00012",
    " 12345678900012 ",
    "123 456 789 / 00012",
    "123\u00a0456\u00a0789\u00a000012",
]


def sql(fonction: str, valeur: str) -> str:
    with connection.cursor() as curseur:
        curseur.execute(f"SELECT {fonction}(%s)", [valeur])
        return curseur.fetchone()[0]


@pytest.mark.parametrize("saisie", [*SAISIES, "1 85 05 78 006 084 36", "2a-123", "", "fr ab"])
def test_la_forme_normale_est_la_meme_en_python_et_dans_postgresql(saisie):
    assert normaliser_identifiant(saisie) == sql("oppositions_identifiant_normal", saisie)


@pytest.mark.parametrize(
    ("saisie", "cle"),
    [
        *[(s, "123456789") for s in SAISIES],  # a SIRET is matched on its SIREN
        ("123 456 789", "123456789"),  # the SIREN itself
        ("123 456 789 00099", "123456789"),  # another establishment of the company
        ("1 85 05 78 006 084 36", "1850578006084"),  # a NIR loses its key
        ("1850578006084", "1850578006084"),  # ... and without it, the same person
        ("2 85 05 2A 006 084 36", "285052A006084"),  # Corsica
        ("W751234567", "W751234567"),  # any other identifier: its normal form
    ],
)
def test_la_cle_de_rapprochement(saisie, cle):
    assert sql("oppositions_cle_identifiant", saisie) == cle


def test_le_nom_se_compare_sans_casse_accents_ordre_des_mots_forme_sociale_ni_civilite():
    formes = [
        "Transports Martin SARL",
        "SARL TRANSPORTS MARTIN",
        "transports  martin",
        "Martin, Transports",
    ]
    assert {sql("oppositions_cle_nom", f) for f in formes} == {"martin transports"}
    assert sql("oppositions_cle_nom", "Mme Hélène Dupré-Cœur") == sql(
        "oppositions_cle_nom", "DUPRE COEUR Helene"
    )
    assert sql("oppositions_cle_nom", "Transports Martin") != sql(
        "oppositions_cle_nom", "Transports Martinez"
    )


def test_l_identifiant_saisi_avec_points_est_enregistre_en_lettres_et_chiffres(comptable):
    opposition = enregistrer(comptable, creancier_identifiant="123.456.789-00012")
    relue = Opposition.objects.get(pk=opposition.pk)
    assert (relue.creancier_identifiant, relue.creancier_cle) == ("12345678900012", "123456789")


@pytest.mark.parametrize(
    "identifiant_de_l_ordre",
    [*SAISIES, "123 456 789", "12345678900099"],
)
def test_une_opposition_attrape_le_creancier_quelle_que_soit_la_saisie_de_son_siret(
    comptable, identifiant_de_l_ordre
):
    opposition = enregistrer(comptable, creancier_identifiant="12345678900012")
    assert services.oppositions_opposables(
        creancier_identifiant=identifiant_de_l_ordre, le=AUJOURD_HUI
    ) == [opposition]


def test_une_opposition_sur_le_siren_attrape_tous_les_siret_mais_pas_une_autre_entreprise(
    comptable,
):
    opposition = enregistrer(comptable, creancier_identifiant="123 456 789")
    for siret in ("12345678900012", "123.456.789.00099"):
        assert services.oppositions_opposables(creancier_identifiant=siret, le=AUJOURD_HUI) == [
            opposition
        ]
    assert (
        services.oppositions_opposables(creancier_identifiant="98765432100019", le=AUJOURD_HUI)
        == []
    )


def test_le_registre_se_cherche_par_n_importe_quelle_saisie_de_l_identifiant(comptable):
    from oppositions.selectors import oppositions_registre

    opposition = enregistrer(comptable, creancier_identifiant="12345678900012")
    for recherche in ("123.456.789.00012", "123 456 789", "12345678900077"):
        assert list(oppositions_registre(recherche=recherche)) == [opposition]


def test_l_iban_du_creancier_est_verifie_et_enregistre_compact(comptable):
    opposition = enregistrer(comptable, creancier_iban="de89 3704 0044 0532 0130 00")
    assert Opposition.objects.get(pk=opposition.pk).creancier_iban == IBAN_CREANCIER
    avant = Opposition.objects.count()
    with pytest.raises(DonneeInvalide, match="IBAN du créancier : La clé de l'IBAN"):
        enregistrer(comptable, creancier_iban="DE89370400440532013001")
    assert Opposition.objects.count() == avant


def test_la_base_refuse_un_identifiant_qui_n_est_pas_sous_sa_forme_normale(opposition):
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE oppositions_opposition SET creancier_identifiant = '123.456.789.00012'"
            " WHERE id = %s",
            [opposition.pk],
        ),
        "s'écrit en lettres et chiffres seulement (« 12345678900012 »)",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE oppositions_opposition SET creancier_iban = 'de89 3704' WHERE id = %s",
            [opposition.pk],
        ),
        "s'écrit sans espaces, en majuscules",
    )
    # The key is generated by PostgreSQL from the identifier: nobody writes it.
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE oppositions_opposition SET creancier_cle = '999999999' WHERE id = %s",
            [opposition.pk],
        ),
        "creancier_cle",
    )
    relue = Opposition.objects.get(pk=opposition.pk)
    assert (relue.creancier_identifiant, relue.creancier_cle) == ("12345678900012", "123456789")


# --- The four rules of oppositions.rapprochement ---------------------------------------


def lire(cle="", nom_cle="", iban="", decisions=None):
    return Index(oppositions_en_vigueur(AUJOURD_HUI)).rapprocher(
        cle=cle, nom_cle=nom_cle, iban=iban, decisions=decisions
    )


def test_regle_1_l_identifiant_de_la_ligne_suffit(comptable):
    opposition = enregistrer(comptable)
    resultat = lire(cle="123456789", nom_cle="", iban="FR7630004000031234567890143")
    assert (resultat.appliquees, resultat.doutes) == ([opposition], [])


def test_regle_2_sans_identifiant_le_nom_et_l_iban_ensemble_appliquent_l_opposition(comptable):
    opposition = enregistrer(comptable, creancier_iban=IBAN_CREANCIER)
    resultat = lire(nom_cle="martin transports", iban=IBAN_CREANCIER)
    assert (resultat.appliquees, resultat.doutes) == ([opposition], [])


def test_regle_2_sans_identifiant_le_nom_seul_met_le_paiement_en_attente(comptable):
    opposition = enregistrer(comptable)
    resultat = lire(nom_cle="martin transports", iban="FR7630004000031234567890143")
    assert resultat.appliquees == [] and resultat.en_attente
    (doute,) = resultat.doutes
    assert doute.opposition == opposition
    assert doute.motif == (
        f"le créancier porte le nom de celui de l'opposition n° {opposition.pk} "
        "(Transports Martin SARL) mais l'ordre ne donne pas son identifiant"
    )


def test_regle_3_l_iban_du_creancier_sous_un_autre_nom_met_le_paiement_en_attente(comptable):
    opposition = enregistrer(comptable, creancier_iban=IBAN_CREANCIER)
    for cle, nom_cle in (("", "societe nouvelle"), ("987654321", "")):
        resultat = lire(cle=cle, nom_cle=nom_cle, iban=IBAN_CREANCIER)
        assert resultat.appliquees == []
        assert [d.opposition for d in resultat.doutes] == [opposition]
        assert "sous un autre nom ou un autre identifiant" in resultat.doutes[0].motif


def test_regle_4_un_autre_creancier_n_est_pas_concerne(comptable):
    enregistrer(comptable, creancier_iban=IBAN_CREANCIER)
    resultat = lire(cle="987654321", iban="FR7630004000031234567890143")
    assert (resultat.appliquees, resultat.doutes) == ([], [])
    # A namesake with another identifier: the identifier decides.
    resultat = lire(cle="987654321", nom_cle="martin transports", iban="")
    assert (resultat.appliquees, resultat.doutes) == ([], [])


def test_la_decision_de_l_agent_comptable_tranche_le_doute(comptable):
    opposition = enregistrer(comptable)
    appliquee = lire(nom_cle="martin transports", decisions={opposition.pk: APPLIQUER})
    assert (appliquee.appliquees, appliquee.doutes) == ([opposition], [])
    levee = lire(nom_cle="martin transports", decisions={opposition.pk: LEVER})
    assert (levee.appliquees, levee.doutes) == ([], [])
