"""The annexe completed (circ. 93/82 §IV): the claims at 31 December by age,
with the créances douteuses (416) and dépréciations (491) beside them; the
dotations (68) and reprises (78) shown apart; each inventory état with its
number, nature, amount, date and the link to its PDF; every table in the PDF
and the CSV."""

import datetime
from decimal import Decimal

import pytest

from comptes_annuels import selectors
from comptes_annuels.creances import TRANCHES, tranche_de
from core import horloge as horloge_caisse
from inventaire import services as inventaire
from ledger.services import exercice_ouvrir, exercice_ouvrir_periode_complementaire
from recettes import services as recettes
from tests.comptes_annuels.conftest import passer
from tests.factories import MOT_DE_PASSE
from tests.ordres.test_plan_controle_tirage import tous_conformes
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)
from tests.tresorerie.test_pages import encaisser, page, texte_pdf
from tresorerie.services import Repartition

pytestmark = pytest.mark.django_db
D = datetime.date


def cotisations_prises_en_charge(directrice, comptable, debiteur, montant, jour):
    """An ordre de recette of cotisations issued and taken in charge on `jour`."""
    with horloge_caisse.figer(jour):
        ordre = recettes.ordre_recette_creer(
            acting_user=directrice,
            saisie=recettes.SaisieOrdre(
                nature="cotisation",
                objet=f"Cotisations de {debiteur}",
                bases_liquidation="Déclarations sociales nominatives",
                compte_imputation="7511",
                compte_tiers="4111",
                date_fait=jour,
                dates={"droits_acquis": jour},
                lignes=[recettes.LigneDebiteur(debiteur, "employeur", montant)],
                type="individuel",
                pieces_references="DSN, au dossier",
            ),
        )
        recettes.ordre_recette_signer(
            acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE
        )
        recettes.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
        return recettes.ordre_recette_prendre_en_charge(
            acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
        )


def test_les_tranches_d_anciennete_au_31_decembre():
    fin = D(2026, 12, 31)
    libelles = [
        TRANCHES[tranche_de(jour, fin)][0]
        for jour in (
            D(2026, 12, 31),
            D(2026, 10, 1),
            D(2026, 9, 30),
            D(2026, 7, 1),
            D(2026, 6, 30),
            D(2026, 1, 1),
            D(2025, 12, 31),
            D(2025, 1, 1),
            D(2024, 12, 31),
            D(2020, 5, 5),
        )
    ]
    assert libelles == [
        "moins de 3 mois",
        "moins de 3 mois",
        "de 3 à 6 mois",
        "de 3 à 6 mois",
        "de 6 à 12 mois",
        "de 6 à 12 mois",
        "de 1 à 2 ans",
        "de 1 à 2 ans",
        "plus de 2 ans",
        "plus de 2 ans",
    ]


@pytest.fixture
def creances(horloge, directrice, comptable, exercice, request):
    """Claims of N−2, N−1 and N; a receipt of 300,00 in N on Girard's, one of
    100,00 in N+1 on Orion's (after 31 December: the claim at 31 December
    keeps it); N in its période complémentaire."""
    banque = request.getfixturevalue("comptes")["BANQUE"]  # the treasury's accounts
    a = exercice.annee
    for annee in (a - 2, a - 1):
        exercice_ouvrir(acting_user=comptable, annee=annee)
    ordres = {
        nom: cotisations_prises_en_charge(directrice, comptable, nom, montant, jour)
        for nom, montant, jour in (
            ("Ancien", "100.00", D(a - 2, 6, 10)),
            ("Morel", "2500.00", D(a - 1, 6, 10)),
            ("Girard", "1000.00", D(a, 1, 15)),
            ("Orion", "400.40", D(a, 8, 20)),
            ("Petit", "99.99", D(a, 11, 15)),
        )
    }
    with horloge_caisse.figer(D(a, 11, 20)):
        encaisser(
            comptable,
            banque,
            montant="300.00",
            moyen="virement",
            payeur="Girard",
            repartitions=[Repartition(ordres["Girard"].lignes.get(), "300.00")],
        )
    horloge(D(a + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    horloge(D(a + 1, 1, 10))
    encaisser(
        comptable,
        banque,
        montant="100.00",
        moyen="virement",
        payeur="Orion",
        repartitions=[Repartition(ordres["Orion"].lignes.get(), "100.00")],
    )
    return exercice, ordres


def test_les_creances_au_31_decembre_par_anciennete_au_centime(creances):
    exercice, _ordres = creances
    c = selectors.annexe(exercice).creances
    assert [(c.debiteur, c.montant) for c in c.creances] == [
        ("Ancien", Decimal("100.00")),
        ("Morel", Decimal("2500.00")),
        ("Girard", Decimal("700.00")),
        ("Orion", Decimal("400.40")),  # the receipt of January does not count at 31/12
        ("Petit", Decimal("99.99")),
    ]
    assert c.par_tranche == [
        ("moins de 3 mois", 1, Decimal("99.99")),
        ("de 3 à 6 mois", 1, Decimal("400.40")),
        ("de 6 à 12 mois", 1, Decimal("700.00")),
        ("de 1 à 2 ans", 1, Decimal("2500.00")),
        ("plus de 2 ans", 1, Decimal("100.00")),
    ]
    assert c.total == Decimal("3800.39")


@pytest.fixture
def inventorie(creances, comptable):
    """Morel's claim: 2 000,00 transferred to 416, depreciated by 1 500,00 (491)."""
    exercice, ordres = creances
    A = inventaire.Article
    douteuse = inventaire.creances_douteuses_transferer(
        acting_user=comptable,
        exercice=exercice,
        explication="Redressement judiciaire ouvert le 3 décembre",
        articles=[A("Cotisations de juin", "2000.00", compte="4111", tiers="Morel")],
        mot_de_passe=MOT_DE_PASSE,
    )
    provision = inventaire.provisions_depreciation_constituer(
        acting_user=comptable,
        exercice=exercice,
        methode="individuelle",
        explication="Perspectives de recouvrement du mandataire judiciaire",
        articles=[A("Créance de Morel", "1500.00", tiers="Morel")],
        mot_de_passe=MOT_DE_PASSE,
    )
    return exercice, douteuse, provision


def test_creances_douteuses_et_depreciations_a_cote_des_creances(inventorie):
    exercice, douteuse, provision = inventorie
    annexe = selectors.annexe(exercice)
    c = annexe.creances
    assert c.total == Decimal("3800.39")  # a transfer to 416 is still a claim to recover
    assert (c.douteuses, c.depreciations, c.net) == (
        Decimal("2000.00"),
        Decimal("1500.00"),
        Decimal("2300.39"),
    )
    assert [(d.numero, d.montant) for d in annexe.dotations] == [("6817", Decimal("1500.00"))]
    assert annexe.reprises == []
    assert [e.reference for e in annexe.etats] == [douteuse.reference, provision.reference]


def test_les_tableaux_de_l_annexe_en_page_pdf_et_csv(client, auditeur, inventorie):
    exercice, douteuse, provision = inventorie
    a = exercice.annee
    client.force_login(auditeur)
    texte = page(client.get(f"/comptes-annuels/{a}/"))
    assert "Créances par ancienneté au 31/12/" in texte
    assert "dont créances douteuses (compte 416)" in texte
    lien = f'<a href="/inventaire/etats/{provision.pk}/pdf/">{provision.reference}</a>'
    assert lien in texte
    pdf = texte_pdf(client.get(f"/comptes-annuels/{a}/annexe.pdf").content)
    assert "de 1 à 2 ans 1 2 500,00 €" in pdf
    assert "Total des créances 5 3 800,39 €" in pdf
    assert "Créances nettes des dépréciations 2 300,39 €" in pdf
    assert f"{provision.reference} provisions pour dépréciation IN-" in pdf
    assert "1 500,00 €" in pdf
    csv = client.get(f"/comptes-annuels/{a}/annexe.csv").content.decode().splitlines()
    assert "Créances par ancienneté;plus de 2 ans;1;100.00" in csv
    assert "Créances douteuses;Dépréciations des créances (compte 491);1500.00" in csv
    assert "Dotations;6817;Dotations aux dépréciations des actifs circulants;1500.00" in csv
    jour = f"{douteuse.etabli_le.astimezone(datetime.UTC):%d/%m/%Y}"
    assert any(
        ligne.startswith(f"États d'inventaire;{douteuse.reference};créances douteuses;IN-")
        and ligne.endswith(f";{jour};2000.00")
        for ligne in csv
    ), csv
    api = client.get(f"/api/comptes-annuels/{a}/annexe/").json()
    creances = api["creances_par_anciennete"]
    assert creances["tranches"][3] == {"libelle": "de 1 à 2 ans", "nombre": 1, "montant": "2500.00"}
    assert (creances["total"], creances["creances_douteuses_416"], creances["net"]) == (
        "3800.39",
        "2000.00",
        "2300.39",
    )
    assert api["dotations_68"] == [
        {
            "compte": "6817",
            "libelle": "Dotations aux dépréciations des actifs circulants",
            "montant": "1500.00",
        }
    ]
    assert api["etats_inventaire"][1]["pdf"].endswith(f"/inventaire/etats/{provision.pk}/pdf/")


def test_dotations_et_reprises_distinctes(comptable, livres):
    passer(comptable, livres, D(livres.annee, 6, 30), "OD", "491", "781", "30")
    annexe = selectors.annexe(livres)
    assert [(d.numero, d.montant) for d in annexe.dotations] == [
        ("6815", Decimal("50")),
        ("6817", Decimal("100")),
    ]
    assert [(r.numero, r.montant) for r in annexe.reprises] == [("781", Decimal("30"))]
    assert (annexe.total_dotations, annexe.total_reprises) == (Decimal("150"), Decimal("30"))
    provisions = {p.numero: (p.dotations, p.reprises, p.cloture) for p in annexe.provisions}
    assert provisions["491"] == (Decimal("100"), Decimal("30"), Decimal("70"))
