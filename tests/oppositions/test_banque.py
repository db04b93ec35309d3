"""IBAN and BIC checks, with the French messages the agent comptable reads."""

import pytest

from core.exceptions import DonneeInvalide
from oppositions.banque import formater_iban, verifier_bic, verifier_iban


@pytest.mark.parametrize(
    ("saisi", "attendu"),
    [
        ("FR7630006000011234567890189", "FR7630006000011234567890189"),
        ("fr76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
        (" FR14 2004 1010 0505 0001 3M02 606 ", "FR1420041010050500013M02606"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("GB33BUKB20201555555555", "GB33BUKB20201555555555"),
    ],
)
def test_un_iban_valide_est_rendu_compact_et_en_majuscules(saisi, attendu):
    assert verifier_iban(saisi) == attendu


@pytest.mark.parametrize(
    ("saisi", "message"),
    [
        (
            "FR7630006000011234567890188",
            "La clé de l'IBAN « FR7630006000011234567890188 » est fausse",
        ),
        (
            "FR76300060000112345678901",
            "compte 25 caractères, alors qu'un IBAN de ce pays (France, FR) en compte 27",
        ),
        ("XX7630006000011234567890189", "commence par « XX », qui n'est pas le code d'un pays"),
        ("US7630006000011234567890189", "commence par « US », qui n'est pas le code d'un pays"),
        # Good ISO check digits, wrong clé RIB: only the national check finds it.
        ("FR0630006000011234567890188", "La clé RIB du compte"),
        (
            "FR763000600001123456789018X",
            "ne suit pas le format des comptes de ce pays (France, FR)",
        ),
        ("FR76-3000-6000-0112-3456-7890-18%", "n'a pas la forme d'un IBAN"),
        ("", "L'IBAN est obligatoire"),
    ],
)
def test_un_iban_invalide_est_refuse_en_francais(saisi, message):
    with pytest.raises(DonneeInvalide) as erreur:
        verifier_iban(saisi)
    assert message in erreur.value.message


@pytest.mark.parametrize(
    ("saisi", "attendu"),
    [("BNPAFRPPXXX", "BNPAFRPPXXX"), ("bnpa fr pp", "BNPAFRPP"), ("COBADEFFXXX", "COBADEFFXXX")],
)
def test_un_bic_valide_est_rendu_compact_et_en_majuscules(saisi, attendu):
    assert verifier_bic(saisi) == attendu


@pytest.mark.parametrize(
    ("saisi", "message"),
    [
        ("BNPA", "compte 4 caractères, alors qu'un BIC en compte 8 ou 11"),
        ("BNPAFRPPXX", "compte 10 caractères"),
        ("BNPAXXPP", "porte le code pays « XX », qui n'existe pas"),
        ("BNP@FRPP", "n'a pas la forme d'un BIC"),
        ("", "Le BIC est obligatoire"),
    ],
)
def test_un_bic_invalide_est_refuse_en_francais(saisi, message):
    with pytest.raises(DonneeInvalide) as erreur:
        verifier_bic(saisi)
    assert message in erreur.value.message


def test_le_bic_d_un_compte_francais_doit_etre_celui_d_une_banque_francaise():
    with pytest.raises(DonneeInvalide) as erreur:
        verifier_bic("DEUTDEFFXXX", iban="FR7630006000011234567890189")
    assert erreur.value.message.startswith(
        "Le BIC « DEUTDEFFXXX » et l'IBAN « FR76 3000 6000 0112 3456 7890 189 » ne désignent "
        "pas le même pays (banque : Allemagne, DE ; compte : France, FR) : pour un compte "
        "français ou de la zone SEPA"
    )
    assert erreur.value.details == {"pays_bic": "DE", "pays_iban": "FR"}


def test_le_bic_d_un_compte_allemand_ne_peut_etre_francais():
    with pytest.raises(DonneeInvalide, match="banque : France, FR ; compte : Allemagne, DE"):
        verifier_bic("BNPAFRPPXXX", iban="DE89370400440532013000")


def test_le_bic_et_l_iban_du_meme_pays_sont_admis_ensemble():
    assert verifier_bic("bnpafrpp", iban="FR76 3000 6000 0112 3456 7890 189") == "BNPAFRPP"


def test_une_banque_d_outre_mer_tient_des_comptes_en_iban_francais():
    # BFC Océan Indien, La Réunion: BIC country RE, account IBAN FR.
    assert verifier_bic("BFCORERXXXX", iban="FR7630006000011234567890189") == "BFCORERXXXX"


def test_un_iban_invalide_donne_avec_le_bic_est_refuse_pour_l_iban():
    with pytest.raises(DonneeInvalide, match="La clé de l'IBAN"):
        verifier_bic("BNPAFRPPXXX", iban="FR7630006000011234567890188")


def test_formater_iban_groupe_par_quatre():
    assert formater_iban("FR7630006000011234567890189") == "FR76 3000 6000 0112 3456 7890 189"
    assert formater_iban("fr76 3000 6000 0112 3456 7890 189") == (
        "FR76 3000 6000 0112 3456 7890 189"
    )
