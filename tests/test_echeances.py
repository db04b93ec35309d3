"""The deadlines of the période complémentaire on the home page: in January
N+1, each délai still running with the orders of N left to sign, transmit,
take in charge or visa; on 15 June, nothing (D253-17, D253-17-1, D253-19,
D253-19-1; circ. 93/82 §2.0.7, §2.1.7)."""

from __future__ import annotations

import datetime
import html
import re

import pytest

from accueil.echeances import echeances_en_cours
from depenses import services as depenses
from ledger.services import exercice_ouvrir_periode_complementaire
from recettes import services as recettes
from tests.factories import MOT_DE_PASSE
from tests.ordres.test_pieces import saisie_depense
from tests.recettes.test_services import saisie

pytestmark = pytest.mark.django_db

D = datetime.date


def _page(client, utilisateur) -> str:
    client.force_login(utilisateur)
    reponse = client.get("/")
    assert reponse.status_code == 200
    texte = re.sub(r"<[^>]+>", " ", reponse.content.decode())
    return " ".join(html.unescape(texte).replace("\xa0", " ").split())


@pytest.fixture
def janvier(horloge, comptable, directrice, exercice):
    """Exercise N in its période complémentaire on 5 January N+1, with two
    ordres de recette and two ordres de dépense of N: one draft of each, one
    of each transmitted to the agent comptable."""
    n = exercice.annee
    horloge(D(n + 1, 1, 5))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    fait = D(n, 12, 20)

    def recette(montant):
        return recettes.ordre_recette_creer(
            acting_user=directrice,
            saisie=saisie(
                date_fait=fait,
                dates={"liquidation": fait},
                lignes=[recettes.LigneDebiteur("Société Orion", "débiteur", montant)],
            ),
        )

    def depense(montant):
        return depenses.ordre_depense_creer(
            acting_user=directrice,
            saisie=saisie_depense(
                date_fait=fait,
                dates={"service_fait": fait},
                lignes=[
                    depenses.LigneCreancier(
                        "Mme Martin", "assurée", "FR7630006000011234567890189", montant
                    )
                ],
            ),
        )

    recette("1250.40")
    transmise = recette("100.00")
    recettes.ordre_recette_signer(
        acting_user=directrice, ordre=transmise, mot_de_passe=MOT_DE_PASSE
    )
    recettes.ordre_recette_transmettre(acting_user=directrice, ordre=transmise)
    depense("312.40")
    transmise = depense("2000.00")
    depenses.ordre_depense_signer(
        acting_user=directrice, ordre=transmise, mot_de_passe=MOT_DE_PASSE
    )
    depenses.ordre_depense_transmettre(acting_user=directrice, ordre=transmise)
    return exercice


def test_les_delais_en_cours_et_ce_qui_reste_a_faire(janvier):
    n = janvier.annee
    echeances = echeances_en_cours(D(n + 1, 1, 5))
    resume = [
        (
            e.exercice,
            e.delai.sens,
            e.delai.limite,
            e.jours_restants,
            [(r.libelle, r.nombre, str(r.montant), r.qui) for r in e.restes],
        )
        for e in echeances
    ]
    assert resume == [
        (
            n,
            "recette",
            D(n + 1, 1, 10),
            5,
            [
                ("ordres de recette en brouillon, à signer", 1, "1250.40", "ordonnateur"),
                ("ordres de recette transmis, à prendre en charge", 1, "100.00", "comptable"),
            ],
        ),
        (
            n,
            "depense",
            D(n + 1, 1, 10),
            5,
            [
                ("ordres de dépense en brouillon, à signer", 1, "312.40", "ordonnateur"),
                ("ordres de dépense transmis, à viser", 1, "2000.00", "comptable"),
            ],
        ),
        (n, "recette", D(n + 1, 2, 28), 54, []),
    ]
    # The last day of the ten days still counts; the next day only the
    # cotisations' two months run, until their own last day.
    assert [e.jours_restants for e in echeances_en_cours(D(n + 1, 1, 10))] == [0, 0, 49]
    apres = echeances_en_cours(D(n + 1, 1, 11))
    assert [(e.delai.limite, e.delai.natures) for e in apres] == [
        (D(n + 1, 2, 28), ("cotisation", "majoration", "penalite"))
    ]
    assert echeances_en_cours(D(n + 1, 3, 1)) == []


def test_la_page_d_accueil_du_directeur(client, directrice, janvier):
    n = janvier.annee
    texte = _page(client, directrice)
    assert "Période complémentaire : délais en cours" in texte
    assert (
        f"Exercice {n}, ordres de recette (vente d'immeuble, loyer, travaux ou fournitures, "
        "intérêts en faveur de l'organisme, condamnation prononcée en faveur de la caisse, "
        "récupération de sommes indûment réglées, autre recette) : émission possible jusqu'au "
        f"10/01/{n + 1} (encore 5 jours, délai de 10 jours — D253-17 al. 1 et 2 (rédaction du "
        "22 mars 1997) ; D253-17 al. 2 (rédaction du 22 mars 1997) ; circulaire DSS/F 93/82 "
        "§2.0.7). Reste à faire : Ordres de recette en brouillon, à signer : 1 (1 250,40 €) "
        "Ordres de recette transmis, à prendre en charge : 1 (100,00 €)"
    ) in texte
    assert (
        "Ordres de dépense en brouillon, à signer : 1 (312,40 €) Ordres de dépense "
        "transmis, à viser : 1 (2 000,00 €)"
    ) in texte
    assert (
        f"Exercice {n}, ordres de recette (cotisation, majoration de retard, pénalité) : "
        f"émission possible jusqu'au 28/02/{n + 1} (encore 54 jours, délai de 2 mois — "
        "D253-17-1 al. 1 (rédaction du 22 mars 1997)). Rien ne reste à faire avant cette date."
    ) in texte
    # The directeur's own acts link to the parapheur, the agent comptable's do not.
    client.force_login(directrice)
    brut = client.get("/").content.decode()
    assert 'href="/recettes/parapheur/">Ordres de recette en brouillon' in brut
    assert 'href="/depenses/a-viser/"' not in brut


def test_la_page_d_accueil_de_l_agent_comptable_et_de_l_auditeur(
    client, comptable, auditeur, horloge, janvier
):
    n = janvier.annee
    texte = _page(client, comptable)
    assert "Ordres de recette transmis, à prendre en charge : 1 (100,00 €)" in texte
    assert "Ordres de dépense transmis, à viser : 1 (2 000,00 €)" in texte
    assert f"émission possible jusqu'au 10/01/{n + 1} (encore 5 jours" in texte
    brut = client.get("/").content.decode()
    assert 'href="/depenses/a-viser/">Ordres de dépense transmis, à viser</a>' in brut
    assert (
        'href="/recettes/parapheur/"' not in brut.split("délais en cours")[1].split("</section>")[0]
    )
    texte = _page(client, auditeur)
    assert "Ordres de dépense en brouillon, à signer : 1 (312,40 €)" in texte
    assert f"émission possible jusqu'au 28/02/{n + 1} (encore 54 jours" in texte
    # The last day, then past every délai: the section goes.
    horloge(D(n + 1, 1, 10))
    assert "(dernier jour aujourd'hui, délai de 10 jours" in _page(client, auditeur)
    horloge(D(n + 1, 3, 1))
    assert "Période complémentaire" not in _page(client, comptable)


def test_rien_le_15_juin(client, comptable, directrice, auditeur, exercice):
    assert echeances_en_cours(D(exercice.annee, 6, 15)) == []
    for utilisateur in (comptable, directrice, auditeur):
        assert "Période complémentaire : délais en cours" not in _page(client, utilisateur)
