"""Late orders go to the current exercise, they are not refused (D253-17,
D253-17-1, D253-19, D253-19-1; circ. 93/82 §2.0.7, §2.1.7): the délai of the
période complémentaire decides which exercise an order belongs to, it does
not extinguish the claim or the debt. The order says under which rule, on
its page, its PDF and through the API."""

from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from budget import services as budget
from core.exceptions import DonneeInvalide, ExerciceInvalide
from depenses import services as depenses
from depenses.models import OrdreDepense
from ledger.models import Exercice
from ledger.services import exercice_ouvrir_periode_complementaire
from recettes import services as recettes
from recettes.models import OrdreRecette
from tests.depenses.test_services import IBAN
from tests.factories import MOT_DE_PASSE
from tests.ledger.cloture_outils import clore
from tests.ordres.test_pieces import saisie_depense
from tests.recettes.test_services import saisie, tous_conformes

pytestmark = pytest.mark.django_db

D = datetime.date


def _annee_suivante(horloge, comptable, exercice, jour: datetime.date) -> Exercice:
    """Exercise `exercice` in its période complémentaire (the next one opened),
    the clock on `jour` of the next year."""
    horloge(D(exercice.annee + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    horloge(jour)
    return Exercice.objects.get(annee=exercice.annee + 1)


def _indu(directrice, regle_le: datetime.date) -> OrdreRecette:
    """An overpaid benefit to recover, paid on `regle_le` (circ. §2.0.7 6°)."""
    return recettes.ordre_recette_creer(
        acting_user=directrice,
        saisie=saisie(
            nature="recuperation_indu",
            objet="Indu d'indemnités journalières",
            bases_liquidation="Arrêt de travail repris le 2 septembre, IJ payées jusqu'au 15",
            compte_imputation="7585",
            compte_tiers="413",
            date_fait=regle_le,
            dates={"reglement": regle_le},
            lignes=[recettes.LigneDebiteur("Mme Martin", "assurée", "312.40")],
        ),
    )


def _prestation(directrice, service_fait_le: datetime.date, **modifs) -> OrdreDepense:
    """A benefit whose rights opened on `service_fait_le` (D253-19-1)."""
    return depenses.ordre_depense_creer(
        acting_user=directrice,
        saisie=saisie_depense(
            date_fait=service_fait_le, dates={"service_fait": service_fait_le}, **modifs
        ),
    )


def test_un_indu_paye_en_n_et_constate_en_mars_n_plus_1_est_emis_sur_n_plus_1(
    horloge, directrice, comptable, exercice
):
    # given an indu paid on 15 September, found in March of the next year
    n = exercice.annee
    suivant = _annee_suivante(horloge, comptable, exercice, D(n + 1, 3, 15))
    # when the directrice issues the order
    ordre = _indu(directrice, D(n, 9, 15))
    # then it goes to the current exercise, saying why
    assert ordre.exercice == suivant
    assert ordre.motif_rattachement == (
        f"Rattaché à l'exercice {n + 1} : émis le 15/03/{n + 1}, après la fin de la période "
        f"complémentaire de l'exercice {n} le 10/01/{n + 1} ({ordre.article_rattachement}). "
        f"La date de règlement des sommes indûment réglées (15/09/{n}) le rattachait à "
        f"l'exercice {n}."
    )
    assert "§2.0.7 6°" in ordre.article_rattachement
    assert "D253-17" in ordre.article_rattachement
    assert ordre.limite_emission == D(n + 2, 1, 10)
    assert ordre.numero == 1  # the first order of the new exercise
    # and it is signed, taken in charge and posted there
    recettes.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    recettes.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    ordre = recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    assert ordre.etat == "pris_en_charge" and ordre.ecriture.exercice == suivant
    assert ordre.empreinte_contenu == recettes.empreinte_contenu(ordre)
    assert not OrdreRecette.objects.filter(exercice=exercice).exists()


def test_dans_la_periode_complementaire_l_indu_reste_sur_son_exercice(
    horloge, directrice, comptable, exercice
):
    n = exercice.annee
    _annee_suivante(horloge, comptable, exercice, D(n + 1, 1, 10))  # its last day
    ordre = _indu(directrice, D(n, 12, 20))
    assert ordre.exercice == exercice
    assert ordre.motif_rattachement == ""
    assert ordre.limite_emission == D(n + 1, 1, 10)


def test_une_prestation_reclamee_tard_va_a_l_exercice_courant(
    horloge, directrice, comptable, exercice
):
    # given rights opened on 20 November, the benefit claimed in March
    n = exercice.annee
    suivant = _annee_suivante(horloge, comptable, exercice, D(n + 1, 3, 15))
    ordre = _prestation(directrice, D(n, 11, 20))
    assert ordre.exercice == suivant
    assert ordre.motif_rattachement.startswith(
        f"Rattaché à l'exercice {n + 1} : émis le 15/03/{n + 1}, après la fin de la période "
        f"complémentaire de l'exercice {n} le 10/01/{n + 1} (D253-19-1"
    )
    assert ordre.motif_rattachement.endswith(
        f"La date du service fait ou de l'ouverture des droits (20/11/{n}) le rattachait à "
        f"l'exercice {n}."
    )
    depenses.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "signe"


def test_un_exercice_clos_renvoie_l_ordre_a_l_exercice_courant(
    horloge, directrice, comptable, exercice
):
    n = exercice.annee
    suivant = _annee_suivante(horloge, comptable, exercice, D(n + 1, 1, 5))
    clore(exercice, comptable)
    ordre = _indu(directrice, D(n, 12, 20))  # still within the 10 days
    assert ordre.exercice == suivant
    assert ordre.motif_rattachement.startswith(
        f"Rattaché à l'exercice {n + 1} : émis le 05/01/{n + 1}, l'exercice {n} est clos ("
    )
    assert ordre.limite_emission == D(n + 2, 1, 10)


def test_l_exercice_courant_doit_etre_ouvert(horloge, directrice, comptable, exercice):
    # given the next exercise never opened, the clock in March of the next year
    n = exercice.annee
    horloge(D(n + 1, 3, 15))
    with pytest.raises(ExerciceInvalide) as refus:
        _indu(directrice, D(n, 9, 15))
    assert refus.value.message.startswith(
        f"L'ordre relève de l'exercice {n} (circulaire DSS/F 93/82 §2.0.7 6°"
    )
    assert refus.value.message.endswith(
        f"émis le 15/03/{n + 1}, après la fin de la période complémentaire de l'exercice {n} "
        f"le 10/01/{n + 1}, il se rattache à l'exercice {n + 1}, qui n'est pas ouvert : "
        "l'agent comptable doit d'abord l'ouvrir."
    )
    assert not OrdreRecette.objects.exists()


def test_un_brouillon_de_n_ne_se_signe_plus_apres_le_delai_et_se_reemet_sur_n_plus_1(
    horloge, directrice, comptable, exercice
):
    n = exercice.annee
    suivant = _annee_suivante(horloge, comptable, exercice, D(n + 1, 1, 8))
    brouillon = _prestation(directrice, D(n, 12, 20))
    assert brouillon.exercice == exercice
    horloge(D(n + 1, 1, 11))
    with pytest.raises(ExerciceInvalide) as refus:
        depenses.ordre_depense_signer(
            acting_user=directrice, ordre=brouillon, mot_de_passe=MOT_DE_PASSE
        )
    assert refus.value.message.endswith(
        f"sa période complémentaire s'est achevée le 10/01/{n + 1}, il ne peut plus être émis "
        "dans cet exercice. Abandonnez ce brouillon et émettez l'ordre de nouveau : il sera "
        "rattaché à l'exercice en cours."
    )
    assert OrdreDepense.objects.get(pk=brouillon.pk).etat == "brouillon"
    nouveau = _prestation(directrice, D(n, 12, 20))
    assert nouveau.exercice == suivant and nouveau.motif_rattachement


def test_une_depense_budgetaire_tardive_s_engage_sur_l_exercice_courant(
    horloge, directrice, comptable, exercice
):
    # given an engagement on last year's credits, the invoice received in December
    n = exercice.annee
    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures",
        montant_initial="1000.00",
    )
    engagement = depenses.engagement_creer(
        acting_user=directrice,
        exercice=exercice,
        gestion="budgetaire",
        objet="Ramettes",
        creancier="Papeterie Centrale",
        compte_imputation="6064",
        montant_engage="200.00",
    )
    _annee_suivante(horloge, comptable, exercice, D(n + 1, 3, 15))
    # when the order comes in March, it belongs to the current exercise
    with pytest.raises(DonneeInvalide) as refus:
        depenses.ordre_depense_creer(
            acting_user=directrice,
            saisie=saisie_depense(
                gestion="budgetaire",
                nature="fournitures",
                objet="Ramettes",
                compte_imputation="6064",
                compte_tiers="401",
                date_fait=D(n, 12, 10),
                dates={"reception": D(n, 12, 10)},
                engagement=engagement,
                lignes=[depenses.LigneCreancier("Papeterie Centrale", "fournisseur", IBAN, "200")],
            ),
        )
    # then last year's engagement cannot carry it, and the message says where to engage
    assert refus.value.message.startswith(
        "L'ordre doit porter sur l'exercice et le compte de son engagement. "
        f"Rattaché à l'exercice {n + 1} : émis le 15/03/{n + 1}"
    )
    assert refus.value.message.endswith(
        f"Engagez la dépense sur les crédits de l'exercice {n + 1}."
    )
    assert not OrdreDepense.objects.exists()


# --- The page, the PDF and the API say under which rule -----------------------------------


def test_l_api_la_page_et_le_pdf_disent_le_motif_du_rattachement(
    client, horloge, directrice, comptable, exercice, tmp_path
):
    n = exercice.annee
    _annee_suivante(horloge, comptable, exercice, D(n + 1, 3, 15))
    api = APIClient()
    api.force_authenticate(directrice)
    cree = api.post(
        "/api/ordres-recette/creer/",
        {
            "nature": "recuperation_indu",
            "objet": "Indu d'indemnités journalières",
            "bases_liquidation": "IJ payées après la reprise du travail",
            "compte_imputation": "7585",
            "compte_tiers": "413",
            "date_fait": D(n, 9, 15).isoformat(),
            "dates": {"reglement": D(n, 9, 15).isoformat()},
            "lignes": [{"debiteur": "Mme Martin", "qualite": "assurée", "montant": "312.40"}],
            "pieces_references": "Attestation de reprise du travail",
        },
        format="json",
    )
    assert cree.status_code == 201, cree.json()
    corps = cree.json()
    assert corps["exercice"] == n + 1
    assert corps["motif_rattachement"].startswith(f"Rattaché à l'exercice {n + 1} : émis le")
    prestation = _prestation(directrice, D(n, 11, 20))
    lue = api.get(f"/api/ordres-depense/{prestation.pk}/").json()
    assert lue["exercice"] == n + 1
    assert lue["motif_rattachement"] == prestation.motif_rattachement
    assert lue["critere_rattachement"].endswith(f": 20/11/{n}")

    client.force_login(comptable)
    for url in (
        reverse("recettes:detail", args=[corps["id"]]),
        reverse("depenses:detail", args=[prestation.pk]),
    ):
        page = client.get(url).content.decode().replace("&#x27;", "'")
        assert "Motif du rattachement" in page
        assert f"après la fin de la période complémentaire de l'exercice {n}" in page
    if shutil.which("pdftotext"):
        for url in (
            reverse("recettes:pdf", args=[corps["id"]]),
            reverse("depenses:pdf", args=[prestation.pk]),
        ):
            fichier = tmp_path / "ordre.pdf"
            fichier.write_bytes(client.get(url).content)
            texte = subprocess.run(
                ["pdftotext", str(fichier), "-"], capture_output=True, text=True, check=True
            ).stdout
            texte = " ".join(texte.split())
            assert f"Rattaché à l'exercice {n + 1}" in texte.replace("’", "'")
