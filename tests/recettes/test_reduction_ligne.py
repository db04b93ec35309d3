"""A reduction of a collective ordre de recette names the debtor's line it
concerns (issue 10, point 11: restes à recouvrer whole per debtor): it is
bounded by that debtor's reste, posted in that debtor's name, and counted on
that line by the one computation of the restes (recettes.selectors) and by the
allocation trigger of the treasury (its migration 0009), so that the other
debtors of the order keep their whole reste."""

from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide
from core.models import JournalAudit
from core.money import format_euros
from ledger.models import Ligne
from recettes import selectors
from recettes import services as r
from recettes.models import OrdreRecette, Reduction
from tests.factories import MOT_DE_PASSE
from tests.savepoint import curseur_en_savepoint, refus_sql
from tests.tresorerie.conftest import comptes, ordre_recette, regisseur  # noqa: F401 (fixtures)
from tests.tresorerie.test_pages import page
from tresorerie import services as t
from tresorerie.selectors import restes_a_recouvrer

pytestmark = pytest.mark.django_db

MARTIN = "Boulangerie Martin"
GARAGE = "Garage Central"


@pytest.fixture
def collectif(directrice, comptable, comptes):  # noqa: F811
    """The day's collective order of cotisations: two cotisants."""
    return ordre_recette(
        directrice,
        comptable,
        [
            r.LigneDebiteur(MARTIN, "employeur", "1400.00"),
            r.LigneDebiteur(GARAGE, "employeur", "2300.00"),
        ],
        nature="cotisation",
        imputation="7511",
        tiers="4111",
    )


def ligne_de(ordre, debiteur):
    return ordre.lignes.get(debiteur=debiteur)


def reduire(directrice, ordre, montant, ligne=None, type="reduction"):
    return r.ordre_recette_reduire(
        acting_user=directrice,
        ordre=ordre,
        type=type,
        montant_reduction=montant,
        motif="Effectif déclaré en trop",
        nouvelles_bases="Déclaration rectificative du 10 juin",
        mot_de_passe=MOT_DE_PASSE,
        ligne=ligne,
    )


def reduire_garage(directrice, comptable, ordre, montant="2000.00"):
    reduction = reduire(directrice, ordre, montant, ligne_de(ordre, GARAGE))
    return r.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)


def photo(ordre):
    """What a refused reduction must leave as it was."""
    return (
        list(
            Reduction.objects.filter(ordre=ordre).values_list("ligne_id", "type", "montant", "etat")
        ),
        {lg.debiteur: lg.reste for lg in selectors.restes_par_ligne([ordre])},
        JournalAudit.objects.count(),
        OrdreRecette.objects.get(pk=ordre.pk).etat,
    )


def restes(debiteurs):
    return {d.debiteur: d.reste for d in debiteurs}


# --- The one computation ------------------------------------------------------------


def test_la_reduction_d_un_cotisant_ne_baisse_que_son_reste(directrice, comptable, collectif):
    reduction = reduire_garage(directrice, comptable, collectif)

    assert reduction.ligne == ligne_de(collectif, GARAGE)
    lignes = {lg.debiteur: lg for lg in selectors.restes_par_ligne([collectif])}
    assert (lignes[MARTIN].reduit_ligne, lignes[MARTIN].reste) == (Decimal("0"), Decimal("1400.00"))
    assert (lignes[GARAGE].reduit_ligne, lignes[GARAGE].reste) == (
        Decimal("2000.00"),
        Decimal("300.00"),
    )
    assert r.reste_a_recouvrer(collectif) == Decimal("1700.00")
    debiteurs = {d.debiteur: d for d in selectors.restes_par_debiteur()}
    assert (debiteurs[MARTIN].reduit, debiteurs[MARTIN].reste) == (Decimal("0"), Decimal("1400.00"))
    assert (debiteurs[GARAGE].reduit, debiteurs[GARAGE].reste) == (
        Decimal("2000.00"),
        Decimal("300.00"),
    )
    # Posted in the name of the debtor it concerns: the ledger agrees per debtor.
    credit = Ligne.objects.get(ecriture=reduction.ecriture, compte__numero="4111")
    assert (credit.tiers, credit.credit) == (GARAGE, Decimal("2000.00"))
    assert all(d.solde_comptable == d.reste for d in debiteurs.values())
    assert restes_a_recouvrer().accord.ecart == Decimal("0.00")


def test_la_page_et_l_api_des_restes_donnent_chaque_cotisant(
    client, auditeur, directrice, comptable, collectif
):
    reduire_garage(directrice, comptable, collectif)
    client.force_login(auditeur)

    contenu = page(client.get(reverse("tresorerie:restes")))

    assert f"{GARAGE}</th>" in contenu and f"{MARTIN}</th>" in contenu
    assert "300,00 €" in contenu and "1 400,00 €" in contenu
    assert "-600,00" not in contenu
    assert "La comptabilité concorde avec les restes à recouvrer : écart 0,00 €." in contenu
    api = APIClient()
    api.force_authenticate(auditeur)
    etat = api.get("/api/tresorerie/restes/").json()
    assert {
        d["debiteur"]: (d["reduit"], d["reste"], d["solde_comptable"]) for d in etat["debiteurs"]
    } == {
        MARTIN: ("0.00", "1400.00", "1400.00"),
        GARAGE: ("2000.00", "300.00", "300.00"),
    }
    assert (etat["totaux"]["reste"], etat["accord"]["ecart"]) == ("1700.00", "0.00")


def test_une_annulation_prend_tout_le_reste_du_seul_cotisant_nomme(
    directrice,
    comptable,
    comptes,  # noqa: F811
    collectif,
):
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["ENCAISSEMENT"],
        moyen="virement",
        montant="500.00",
        payeur=GARAGE,
        objet="Cotisations de mai, acompte",
        repartitions=[t.Repartition(ligne_de(collectif, GARAGE), "500.00")],
    )
    annulation = reduire(directrice, collectif, "0", ligne_de(collectif, GARAGE), type="annulation")
    r.reduction_prendre_en_charge(acting_user=comptable, reduction=annulation)

    assert annulation.montant == Decimal("1800.00")
    assert restes(selectors.restes_par_debiteur()) == {
        MARTIN: Decimal("1400.00"),
        GARAGE: Decimal("0.00"),
    }
    assert OrdreRecette.objects.get(pk=collectif.pk).etat == "pris_en_charge"


# --- Refusals ------------------------------------------------------------------------


def test_sans_debiteur_nomme_la_reduction_d_un_ordre_collectif_est_refusee(directrice, collectif):
    avant = photo(collectif)
    martin, garage = ligne_de(collectif, MARTIN), ligne_de(collectif, GARAGE)

    with pytest.raises(DonneeInvalide) as refus:
        reduire(directrice, collectif, "2000.00")

    assert refus.value.message == (
        f"L'ordre de recette n° {collectif.reference} est collectif (2 débiteurs) : indiquez le "
        f"débiteur que la réduction concerne, parmi « {MARTIN} » (ligne {martin.pk}); "
        f"« {GARAGE} » (ligne {garage.pk})."
    )
    assert refus.value.details == {
        "lignes": [{"id": martin.pk, "debiteur": MARTIN}, {"id": garage.pk, "debiteur": GARAGE}]
    }
    assert photo(collectif) == avant


def test_la_ligne_d_un_autre_ordre_est_refusee(directrice, comptable, collectif):
    autre = ordre_recette(directrice, comptable)
    avant = photo(collectif)
    with pytest.raises(DonneeInvalide, match=r"ne figure pas sur l'ordre de recette n° "):
        reduire(directrice, collectif, "10.00", autre.lignes.get())
    assert photo(collectif) == avant


def test_la_reduction_est_bornee_par_le_reste_du_cotisant(
    directrice,
    comptable,
    comptes,  # noqa: F811
    collectif,
):
    """Garage Central owes 2 300,00 €, paid 500,00 €, and a reduction of 300,00 €
    signed for him awaits the agent comptable: 1 500,00 € may still be reduced
    on his line, though the order still carries 3 200,00 €."""
    garage = ligne_de(collectif, GARAGE)
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["ENCAISSEMENT"],
        moyen="virement",
        montant="500.00",
        payeur=GARAGE,
        objet="Cotisations de mai, acompte",
        repartitions=[t.Repartition(garage, "500.00")],
    )
    reduire(directrice, collectif, "300.00", garage)
    avant = photo(collectif)

    with pytest.raises(DonneeInvalide) as refus:
        reduire(directrice, collectif, "1500.01", garage.pk)

    assert refus.value.message == (
        f"La réduction de {format_euros(Decimal('1500.01'))} dépasse le reste à recouvrer de "
        f"{format_euros(Decimal('1500.00'))} de {GARAGE} "
        f"sur l'ordre n° {collectif.reference}."
    )
    assert refus.value.details == {
        "reste": "1500.00",
        "en_attente": "300.00",
        "ligne": garage.pk,
        "debiteur": GARAGE,
    }
    assert photo(collectif) == avant
    assert reduire(directrice, collectif, "1500.00", str(garage.pk)).montant == Decimal("1500.00")


# --- PostgreSQL ----------------------------------------------------------------------


def affectation_sql(encaissement, ligne, montant, par):
    def faire(cur):
        cur.execute(
            "INSERT INTO tresorerie_affectation (encaissement_id, ordre_id, ligne_id, montant, le, par_id)"
            " VALUES (%s, %s, %s, %s, now(), %s)",
            [encaissement.pk, ligne.ordre_id, ligne.pk, Decimal(montant), par.pk],
        )

    return faire


def recu_en_attente(comptable, comptes, montant):  # noqa: F811
    return t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant=montant,
        payeur=GARAGE,
        objet="Virement",
        repartitions=[],
    )


def test_la_base_refuse_d_affecter_au_cotisant_au_dela_de_son_reste_reduit(
    directrice,
    comptable,
    comptes,  # noqa: F811
    collectif,
):
    """The order still has 1 700,00 € to recover, but Garage Central only 300,00 €:
    an allocation of 300,01 € to him, written in SQL around the services, is refused."""
    reduire_garage(directrice, comptable, collectif)
    garage = ligne_de(collectif, GARAGE)
    recu = recu_en_attente(comptable, comptes, "1000.00")

    erreur = refus_sql(
        affectation_sql(recu, garage, "300.01", comptable),
        f"L'ordre de recette n° {collectif.numero} n'a plus que 1700.00 € à recouvrer "
        "(ce débiteur : 300.00 €) : 300.01 € dépasseraient la créance.",
    )

    assert erreur.sqlstate == "LG324"
    assert selectors.restes_par_ligne([collectif]).get(pk=garage.pk).reste == Decimal("300.00")
    with curseur_en_savepoint() as cur:
        affectation_sql(recu, garage, "300.00", comptable)(cur)
        affectation_sql(recu, ligne_de(collectif, MARTIN), "700.00", comptable)(cur)
    assert restes(selectors.restes_par_debiteur()) == {
        MARTIN: Decimal("700.00"),
        GARAGE: Decimal("0.00"),
    }


def test_une_reduction_anterieure_sans_ligne_compte_sur_le_premier_debiteur(
    directrice,
    comptable,
    comptes,  # noqa: F811
    collectif,
):
    """A reduction signed before reductions named their line (written here in
    SQL with the new guard set aside) counts on the order's first line, in the
    selector as in the allocation trigger, and is posted in that debtor's name."""
    with connection.cursor() as cur:
        cur.execute("ALTER TABLE recettes_reduction DISABLE TRIGGER reduction_ligne")
        ancienne = Reduction.objects.create(
            ordre=collectif,
            type="reduction",
            montant=Decimal("1000.00"),
            motif="Erreur de base",
            nouvelles_bases="Nouvelle liquidation",
            signataire=directrice,
            qualite="directrice",
            signee_le=collectif.pris_en_charge_le,
        )
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("ALTER TABLE recettes_reduction ENABLE TRIGGER reduction_ligne")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
    r.reduction_prendre_en_charge(acting_user=comptable, reduction=ancienne)

    assert restes(selectors.restes_par_debiteur()) == {
        MARTIN: Decimal("400.00"),
        GARAGE: Decimal("2300.00"),
    }
    ancienne.refresh_from_db()
    credit = Ligne.objects.get(ecriture=ancienne.ecriture, compte__numero="4111")
    assert credit.tiers == MARTIN
    recu = recu_en_attente(comptable, comptes, "1000.00")
    erreur = refus_sql(
        affectation_sql(recu, ligne_de(collectif, MARTIN), "400.01", comptable),
        "(ce débiteur : 400.00 €)",
    )
    assert erreur.sqlstate == "LG324"


def test_la_base_exige_la_ligne_d_une_reduction_d_ordre_collectif(directrice, comptable, collectif):
    autre = ordre_recette(directrice, comptable)
    inserer = (
        "INSERT INTO recettes_reduction (ordre_id, ligne_id, type, montant, motif, nouvelles_bases,"
        " etat, signataire_id, qualite, signee_le) VALUES (%s, %s, 'reduction', 10, 'm', 'b',"
        " 'signee', %s, 'directrice', now())"
    )

    erreur = refus_sql(
        lambda cur: cur.execute(inserer, [collectif.pk, None, directrice.pk]),
        f"L'ordre de recette n° {collectif.numero} est collectif (2 débiteurs) : sa réduction "
        "nomme le débiteur qu'elle concerne.",
    )
    assert erreur.sqlstate == "LG133"
    erreur = refus_sql(
        lambda cur: cur.execute(inserer, [collectif.pk, autre.lignes.get().pk, directrice.pk]),
        f"Ce débiteur ne figure pas sur l'ordre de recette n° {collectif.numero}",
    )
    assert erreur.sqlstate == "LG132"
    reduction = reduire(directrice, collectif, "10.00", ligne_de(collectif, GARAGE))
    erreur = refus_sql(
        lambda cur: cur.execute(
            "UPDATE recettes_reduction SET ligne_id = %s WHERE id = %s",
            [ligne_de(collectif, MARTIN).pk, reduction.pk],
        ),
        "Un ordre de réduction signé ne se modifie pas.",
    )
    assert erreur.sqlstate == "LG116"
    assert Reduction.objects.filter(ordre=collectif).count() == 1


# --- Page and API --------------------------------------------------------------------


def test_la_page_offre_les_cotisants_et_reduit_celui_choisi(client, directrice, collectif):
    martin, garage = ligne_de(collectif, MARTIN), ligne_de(collectif, GARAGE)
    client.force_login(directrice)
    adresse = reverse("recettes:detail", args=[collectif.pk])

    contenu = page(client.get(adresse))

    assert f'<option value="{martin.pk}">{MARTIN} — reste 1 400,00 €</option>' in contenu
    assert f'<option value="{garage.pk}">{GARAGE} — reste 2 300,00 €</option>' in contenu
    donnees = {
        "type": "reduction",
        "montant": "2000,00",
        "motif": "Effectif déclaré en trop",
        "nouvelles_bases": "Déclaration rectificative du 10 juin",
        "mot_de_passe": MOT_DE_PASSE,
    }
    avant = photo(collectif)
    reponse = client.post(
        reverse("recettes:reduire", args=[collectif.pk]), {**donnees, "ligne": ""}, follow=True
    )
    assert any(
        "est collectif (2 débiteurs) : indiquez le débiteur" in str(m)
        for m in reponse.context["messages"]
    )
    assert photo(collectif) == avant

    reponse = client.post(
        reverse("recettes:reduire", args=[collectif.pk]),
        {**donnees, "ligne": str(garage.pk)},
        follow=True,
    )

    [reduction] = Reduction.objects.filter(ordre=collectif)
    assert (reduction.ligne, reduction.montant) == (garage, Decimal("2000.00"))
    assert f"<td>ordre de réduction</td><td>{GARAGE}</td>" in page(reponse)


def test_une_page_d_ordre_individuel_n_offre_pas_de_choix(client, directrice, comptable, comptes):  # noqa: F811
    ordre = ordre_recette(directrice, comptable)
    client.force_login(directrice)
    contenu = page(client.get(reverse("recettes:detail", args=[ordre.pk])))
    assert "Débiteur concerné" not in contenu and "Réduire, annuler" in contenu


def test_l_api_donne_les_lignes_et_reduit_celle_nommee(directrice, comptable, collectif):
    martin, garage = ligne_de(collectif, MARTIN), ligne_de(collectif, GARAGE)
    api = APIClient()
    api.force_authenticate(directrice)
    adresse = f"/api/ordres-recette/{collectif.pk}/"

    lignes = api.get(adresse).json()["lignes"]

    assert [(lg["id"], lg["debiteur"], lg["reste"]) for lg in lignes] == [
        (martin.pk, MARTIN, "1400.00"),
        (garage.pk, GARAGE, "2300.00"),
    ]
    donnees = {
        "type": "reduction",
        "montant": "2000.00",
        "motif": "Effectif déclaré en trop",
        "nouvelles_bases": "Déclaration rectificative du 10 juin",
        "mot_de_passe": MOT_DE_PASSE,
    }
    avant = photo(collectif)
    refus = api.post(f"{adresse}reduire/", donnees, format="json")
    assert refus.status_code == 400
    assert "est collectif (2 débiteurs) : indiquez le débiteur" in refus.json()["message"]
    assert refus.json()["details"]["lignes"][1] == {"id": garage.pk, "debiteur": GARAGE}
    assert photo(collectif) == avant

    reponse = api.post(f"{adresse}reduire/", {**donnees, "ligne": garage.pk}, format="json")

    assert reponse.status_code == 201
    [reduction] = reponse.json()["reductions"]
    assert (reduction["ligne"], reduction["debiteur"], reduction["montant"]) == (
        garage.pk,
        GARAGE,
        "2000.00",
    )
    reduction_pk = reduction["id"]
    api.force_authenticate(comptable)
    pris = api.post(f"{adresse}reductions/{reduction_pk}/prendre-en-charge/", format="json")
    assert pris.status_code == 200, pris.json()
    assert [(lg["debiteur"], lg["reste"]) for lg in pris.json()["lignes"]] == [
        (MARTIN, "1400.00"),
        (GARAGE, "300.00"),
    ]
