"""One reste à recouvrer: the selector (recettes.selectors) and the allocation
trigger (tresorerie migration 0004) count the same terms: the amount taken in
charge, less the reductions taken in charge (circ. 93/82 §2.0.4), less the
receipts allocated to the order and those it regularises."""

from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction

from core.exceptions import DonneeInvalide
from ledger.models import Ligne
from recettes import selectors
from recettes import services as r
from tests.factories import MOT_DE_PASSE
from tests.tresorerie.conftest import comptes, ordre_recette, regisseur  # noqa: F401 (fixtures)
from tresorerie import services as t
from tresorerie.models import Affectation, Encaissement

pytestmark = pytest.mark.django_db


def recu(comptable, fonds, montant, payeur="Société Orion", repartitions=()):
    return t.encaissement_enregistrer(
        acting_user=comptable,
        compte=fonds["BANQUE"],
        moyen="virement",
        montant=montant,
        payeur=payeur,
        objet="Virement",
        repartitions=list(repartitions),
    )


def reduire(directrice, ordre, montant, ligne=None):
    return r.ordre_recette_reduire(
        acting_user=directrice,
        ordre=ordre,
        type="reduction",
        montant_reduction=montant,
        motif="Erreur de base",
        nouvelles_bases="Nouvelle liquidation",
        mot_de_passe=MOT_DE_PASSE,
        ligne=ligne,
    )


def affecter_en_sql(encaissement, ordre, montant, par):
    """What someone with SQL access could try: an allocation around the services."""
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(
            "INSERT INTO tresorerie_affectation (encaissement_id, ordre_id, ligne_id, montant, le, par_id)"
            " VALUES (%s, %s, %s, %s, now(), %s)",
            [encaissement.pk, ordre.pk, ordre.lignes.get().pk, Decimal(montant), par.pk],
        )


def test_une_reduction_seulement_signee_ne_baisse_le_reste_ni_pour_l_un_ni_pour_l_autre(
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    ordre = ordre_recette(
        directrice, comptable, [r.LigneDebiteur("Société Orion", "débiteur", "1000.00")]
    )
    reduire(directrice, ordre, "300.00")
    assert r.reste_a_recouvrer(ordre) == Decimal("1000.00")
    assert selectors.restes_par_ordre([ordre]) == {ordre.pk: Decimal("1000.00")}
    assert selectors.reductions_en_attente(ordre) == Decimal("300.00")

    enc = recu(comptable, comptes, "1000.00")
    affecter_en_sql(enc, ordre, "1000.00", comptable)

    assert r.reste_a_recouvrer(ordre) == Decimal("0.00")
    assert Affectation.objects.filter(ordre=ordre).count() == 1


def test_la_base_refuse_au_dela_du_reste_du_selecteur_regularisation_comprise(
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    ordre = ordre_recette(
        directrice, comptable, [r.LigneDebiteur("Société Orion", "débiteur", "1000.00")]
    )
    reduction = reduire(directrice, ordre, "300.00")
    r.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)
    regularise = recu(comptable, comptes, "200.00")
    Encaissement.objects.filter(pk=regularise.pk).update(regularise_par=ordre)
    recu(comptable, comptes, "100.00", repartitions=[t.Repartition(ordre.lignes.get(), "100.00")])
    assert r.reste_a_recouvrer(ordre) == Decimal("400.00")
    ligne = selectors.restes_par_ligne([ordre]).get()
    # The line: 1 000 less its reduction of 300 less its 100 allocated; the
    # order's reste (the 200 regularised too) binds.
    assert (ligne.recouvre, ligne.reste_ligne, ligne.reste_ordre, ligne.reste) == (
        Decimal("100.00"),
        Decimal("600.00"),
        Decimal("400.00"),
        Decimal("400.00"),
    )

    enc = recu(comptable, comptes, "500.00")
    with pytest.raises(DatabaseError) as refus:
        affecter_en_sql(enc, ordre, "400.01", comptable)
    assert refus.value.__cause__.sqlstate == "LG324"
    assert f"L'ordre de recette n° {ordre.numero} n'a plus que 400.00 € à recouvrer" in str(
        refus.value
    )
    assert r.reste_a_recouvrer(ordre) == Decimal("400.00")

    affecter_en_sql(enc, ordre, "400.00", comptable)
    assert r.reste_a_recouvrer(ordre) == Decimal("0.00")


def test_une_reduction_ne_depasse_pas_le_reste_moins_les_reductions_en_attente(
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    ordre = ordre_recette(
        directrice, comptable, [r.LigneDebiteur("Société Orion", "débiteur", "1000.00")]
    )
    reduire(directrice, ordre, "300.00")
    with pytest.raises(DonneeInvalide) as refus:
        reduire(directrice, ordre, "700.01")
    assert "dépasse le reste à recouvrer de 700,00\u00a0€" in refus.value.message
    assert refus.value.details == {
        "reste": "700.00",
        "en_attente": "300.00",
        "ligne": ordre.lignes.get().pk,
        "debiteur": "Société Orion",
    }
    assert ordre.reductions.count() == 1


def test_restes_par_debiteur_s_accordent_avec_le_grand_livre(
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    ordre = ordre_recette(
        directrice,
        comptable,
        [
            r.LigneDebiteur("Mme Martin", "assurée", "300.00"),
            r.LigneDebiteur("M. Durand", "assuré", "200.00"),
        ],
    )
    reduction = reduire(directrice, ordre, "50.00", ligne=ordre.lignes.get(debiteur="Mme Martin"))
    r.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)
    durand = ordre.lignes.get(debiteur="M. Durand")
    recu(comptable, comptes, "120.00", "M. Durand", [t.Repartition(durand, "120.00")])

    debiteurs = {d.debiteur: d for d in selectors.restes_par_debiteur()}

    martin, dur = debiteurs["Mme Martin"], debiteurs["M. Durand"]
    assert (martin.pris_en_charge, martin.reduit, martin.recouvre, martin.reste) == (
        Decimal("300.00"),
        Decimal("50.00"),
        Decimal("0.00"),
        Decimal("250.00"),
    )
    assert (dur.pris_en_charge, dur.reduit, dur.recouvre, dur.reste) == (
        Decimal("200.00"),
        Decimal("0.00"),
        Decimal("120.00"),
        Decimal("80.00"),
    )
    assert (martin.ordres, martin.compte) == (1, "4671")
    assert (martin.solde_comptable, dur.solde_comptable) == (martin.reste, dur.reste)
    total_tiers = sum(
        (lg.debit - lg.credit for lg in Ligne.objects.filter(compte__numero="4671")), Decimal("0")
    )
    assert total_tiers == selectors.reste_a_recouvrer(ordre) == Decimal("330.00")


def test_les_restes_se_lisent_en_une_requete_quel_que_soit_le_nombre_d_ordres(
    directrice,
    comptable,
    comptes,  # noqa: F811
    django_assert_num_queries,
):
    ordres = [ordre_recette(directrice, comptable) for _ in range(4)]
    recu(comptable, comptes, "50.00", repartitions=[t.Repartition(ordres[0].lignes.get(), "50.00")])
    with django_assert_num_queries(1):
        restes = selectors.restes_par_ordre([o.pk for o in ordres])
    assert restes == {
        ordres[0].pk: Decimal("1200.40"),
        **{o.pk: Decimal("1250.40") for o in ordres[1:]},
    }
    with django_assert_num_queries(1):
        lignes = list(selectors.restes_par_ligne(ordres))
    assert sorted(lg.reste for lg in lignes) == [Decimal("1200.40")] + [Decimal("1250.40")] * 3
