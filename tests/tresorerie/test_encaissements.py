"""Receipts, allocation, quittances (circ. 93/82 §2.0.6; DOMAIN §9)."""

import threading
from decimal import Decimal

import pytest
from django.db import connections

from core.exceptions import ApplicationError, DonneeInvalide, DroitInsuffisant, TransitionInterdite
from ledger.models import Ecriture, Ligne
from recettes import services as r
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import ordre_recette
from tresorerie import services as t
from tresorerie.models import Affectation, Carnet, Encaissement, Quittance

pytestmark = pytest.mark.django_db


def solde(numero, tiers=None):
    lignes = Ligne.objects.filter(compte__numero=numero)
    if tiers is not None:
        lignes = lignes.filter(tiers=tiers)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0"))


def etat_tresorerie():
    return (
        Ecriture.objects.count(),
        Encaissement.objects.count(),
        Affectation.objects.count(),
        Quittance.objects.count(),
        list(Carnet.objects.order_by("pk").values_list("dernier_utilise", flat=True)),
    )


def test_un_paiement_en_especes_solde_l_ordre_et_donne_une_quittance(
    directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    ligne = ordre.lignes.get()
    avant_caisse = solde("531")
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="1250.40",
        payeur="Société Orion",
        objet="Règlement de l'ordre",
        repartitions=[t.Repartition(ligne, "1250.40")],
    )
    assert solde("531") - avant_caisse == Decimal("1250.40")
    assert solde("4671", "Société Orion") == Decimal("0.00")
    assert r.reste_a_recouvrer(ordre) == Decimal("0.00")
    quittance = enc.quittances.get()
    assert (quittance.nature, quittance.numero, quittance.carnet.serie[:1]) == ("quittance", 1, "Q")
    assert quittance.montant == Decimal("1250.40")
    assert len(quittance.empreinte) == 64


def test_paiements_partiels_sur_plusieurs_ordres_et_excedent_en_attente(
    directrice, comptable, comptes
):
    a = ordre_recette(directrice, comptable, [r.LigneDebiteur("Mme Martin", "assurée", "300.00")])
    b = ordre_recette(directrice, comptable, [r.LigneDebiteur("Mme Martin", "assurée", "200.00")])
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="600.00",
        payeur="Mme Martin",
        objet="Virement du 12",
        reference="VIR-0012",
        repartitions=[
            t.Repartition(a.lignes.get(), "300.00"),
            t.Repartition(b.lignes.get(), "150.00"),
        ],
    )
    assert (r.reste_a_recouvrer(a), r.reste_a_recouvrer(b)) == (Decimal("0.00"), Decimal("50.00"))
    assert t.excedent(enc) == Decimal("150.00")
    assert solde("4711", "Mme Martin") == Decimal("-150.00")
    assert not enc.quittances.exists()  # no reçu unless asked

    t.excedent_affecter(
        acting_user=comptable, encaissement=enc, ligne=b.lignes.get(), montant="50.00"
    )
    assert r.reste_a_recouvrer(b) == Decimal("0.00")
    t.excedent_rembourser(
        acting_user=comptable, encaissement=enc, compte=comptes["BANQUE"], montant="100.00"
    )
    assert t.excedent(enc) == Decimal("0.00")
    assert solde("4711") == Decimal("0.00")
    assert solde("413") == Decimal("0.00")


def test_restes_a_recouvrer_par_debiteur_et_au_total(directrice, comptable, comptes):
    from tresorerie.selectors import restes_a_recouvrer

    ordre = ordre_recette(
        directrice,
        comptable,
        [
            r.LigneDebiteur("Mme Martin", "assurée", "312.40"),
            r.LigneDebiteur("M. Dubois", "assuré", "88.10"),
        ],
    )
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="100.00",
        payeur="Mme Martin",
        objet="Acompte",
        repartitions=[t.Repartition(ordre.lignes.get(debiteur="Mme Martin"), "100.00")],
    )
    etat = restes_a_recouvrer()
    par_debiteur = {d.debiteur: d.reste for d in etat.debiteurs}
    assert par_debiteur == {"Mme Martin": Decimal("212.40"), "M. Dubois": Decimal("88.10")}
    assert etat.total_pris_en_charge - etat.total_reduit - etat.total_recouvre == etat.total_reste
    assert etat.total_reste == Decimal("300.50")
    # The ledger says the same, debtor by debtor.
    assert solde("4671", "Mme Martin") == Decimal("212.40")
    assert etat.ecart_comptable == Decimal("0.00")


def test_affecter_plus_que_l_encaissement_est_refuse_sans_rien_changer(
    directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    avant = etat_tresorerie()
    with pytest.raises(DonneeInvalide) as refus:
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=comptes["BANQUE"],
            moyen="virement",
            montant="100.00",
            payeur="Société Orion",
            objet="Virement",
            repartitions=[t.Repartition(ordre.lignes.get(), "150.00")],
        )
    assert "On ne peut affecter 150,00" in refus.value.message
    assert etat_tresorerie() == avant


def test_affecter_au_dela_de_la_creance_est_refuse(directrice, comptable, comptes):
    ordre = ordre_recette(directrice, comptable)
    avant = etat_tresorerie()
    with pytest.raises(DonneeInvalide) as refus:
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=comptes["BANQUE"],
            moyen="virement",
            montant="2000.00",
            payeur="Société Orion",
            objet="Virement",
            repartitions=[t.Repartition(ordre.lignes.get(), "2000.00")],
        )
    assert "ne laisse que 1" in refus.value.message
    assert etat_tresorerie() == avant


def test_la_base_refuse_une_affectation_au_dela_de_l_encaissement(directrice, comptable, comptes):
    ordre = ordre_recette(directrice, comptable)
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="100.00",
        payeur="Société Orion",
        objet="Virement",
    )
    ligne = ordre.lignes.get()
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO tresorerie_affectation (encaissement_id, ordre_id, ligne_id, montant, le, par_id)"
            " VALUES (%s, %s, %s, 150, now(), %s)",
            [enc.pk, ordre.pk, ligne.pk, comptable.pk],
        ),
        "déjà affectés",
    )


def test_un_ordre_non_pris_en_charge_ne_se_recouvre_pas(directrice, comptable, comptes):
    ordre = r.ordre_recette_creer(
        acting_user=directrice,
        saisie=r.SaisieOrdre(
            nature="autre",
            objet="Frais",
            bases_liquidation="Convention",
            compte_imputation="7585",
            compte_tiers="4671",
            date_fait=t._aujourd_hui(),
            dates={"liquidation": t._aujourd_hui()},
            lignes=[r.LigneDebiteur("Société Orion", "débiteur", "10.00")],
        ),
    )
    with pytest.raises(TransitionInterdite, match="n'est pas pris en charge"):
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=comptes["CAISSE"],
            moyen="numeraire",
            montant="10.00",
            payeur="Société Orion",
            objet="Frais",
            repartitions=[t.Repartition(ordre.lignes.get(), "10.00")],
        )


@pytest.mark.parametrize(
    "modifs, erreur, message",
    [
        ({"montant": "-5"}, DonneeInvalide, "négatif"),
        ({"montant": "10.001"}, DonneeInvalide, "deux décimales"),
        ({"moyen": "bitcoin"}, DonneeInvalide, "n'existe pas"),
        ({"moyen": "virement", "compte": "CAISSE"}, DonneeInvalide, "compte bancaire"),
        ({"compte": "BANQUE"}, DonneeInvalide, "caisse ou à une régie"),
        ({"payeur": " "}, DonneeInvalide, "partie versante"),
    ],
)
def test_une_saisie_invalide_est_refusee_en_francais(comptable, comptes, modifs, erreur, message):
    valeurs = dict(moyen="numeraire", montant="10.00", payeur="M. Petit", objet="Versement")
    valeurs.update(modifs)
    compte = comptes[valeurs.pop("compte", "CAISSE")]
    avant = etat_tresorerie()
    with pytest.raises(erreur) as refus:
        t.encaissement_enregistrer(acting_user=comptable, compte=compte, **valeurs)
    assert message in refus.value.message
    assert etat_tresorerie() == avant


def test_seul_l_agent_comptable_encaisse(directrice, auditeur, comptes):
    for intrus in (directrice, auditeur):
        with pytest.raises(DroitInsuffisant):
            t.encaissement_enregistrer(
                acting_user=intrus,
                compte=comptes["CAISSE"],
                moyen="numeraire",
                montant="10.00",
                payeur="M. Petit",
                objet="Versement",
            )


def test_le_regisseur_encaisse_a_sa_regie_avec_son_carnet(regisseur, comptes):
    enc = t.encaissement_enregistrer(
        acting_user=regisseur,
        compte=comptes["REGIE"],
        moyen="numeraire",
        montant="35.00",
        payeur="M. Petit",
        objet="Frais de duplicata",
    )
    q = enc.quittances.get()
    assert q.carnet.serie.endswith("-R") and q.qualite == "Régisseur de recettes"
    assert solde("541") == Decimal("35.00")
    with pytest.raises(DroitInsuffisant, match="régisseur"):
        t.encaissement_enregistrer(
            acting_user=regisseur,
            compte=comptes["CAISSE"],
            moyen="numeraire",
            montant="5.00",
            payeur="M. Petit",
            objet="Frais",
        )


def test_le_compte_special_d_encaissement_ne_recoit_que_des_cotisations(
    directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)  # nature « autre »
    with pytest.raises(DonneeInvalide, match="versement des cotisations"):
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=comptes["ENCAISSEMENT"],
            moyen="virement",
            montant="1250.40",
            payeur="Société Orion",
            objet="Virement",
            repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
        )


def test_une_quittance_ne_se_modifie_jamais_et_l_annulation_la_reference(
    directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="1250.40",
        payeur="Société Orion",
        objet="Règlement",
        repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
    )
    quittance = enc.quittances.get()
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_quittance SET montant = 1 WHERE id = %s", [quittance.pk]
        ),
        "ne se modifie jamais",
    )
    t.encaissement_annuler(acting_user=comptable, encaissement=enc, motif="Erreur de débiteur")
    annulation = Quittance.objects.get(annule=quittance)
    assert annulation.numero == quittance.numero + 1 and annulation.nature == "annulation"
    assert r.reste_a_recouvrer(ordre) == Decimal("1250.40")
    assert solde("531") == Decimal("0.00")
    assert solde("4671", "Société Orion") == Decimal("1250.40")
    with pytest.raises(TransitionInterdite, match="déjà annulé"):
        t.encaissement_annuler(acting_user=comptable, encaissement=enc, motif="Encore")


def test_numeros_de_quittance_continus_sous_concurrence(comptable, comptes, transactional_db):
    """Six cashiers' receipts at once on one carnet: numbers 1..6, no gap, no double."""
    erreurs = []

    def encaisser(i):
        try:
            t.encaissement_enregistrer(
                acting_user=comptable,
                compte=comptes["CAISSE"],
                moyen="numeraire",
                montant=f"{10 + i}.00",
                payeur=f"Payeur {i}",
                objet="Versement",
            )
        except ApplicationError as exc:  # pragma: no cover - reported below
            erreurs.append(exc)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=encaisser, args=(i,)) for i in range(6)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert erreurs == []
    numeros = sorted(Quittance.objects.values_list("numero", flat=True))
    assert numeros == [1, 2, 3, 4, 5, 6]
    assert Carnet.objects.get(serie__endswith="-A", type="quittance").dernier_utilise == 6


def test_la_base_refuse_un_numero_de_quittance_hors_suite(comptable, comptes):
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="10.00",
        payeur="M. Petit",
        objet="Versement",
    )
    carnet = enc.quittances.get().carnet
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO tresorerie_quittance (carnet_id, numero, nature, encaissement_id, montant,"
            " emise_le, emise_par_id, signataire, qualite, motif, empreinte)"
            " VALUES (%s, 5, 'quittance', %s, 10, now(), %s, 'x', 'x', '', repeat('0', 64))",
            [carnet.pk, enc.pk, comptable.pk],
        ),
        "la numérotation est continue",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_carnet SET dernier_utilise = 0 WHERE id = %s", [carnet.pk]
        ),
        "un à un",
    )


def test_un_carnet_clos_ne_delivre_plus(comptable, comptes):
    carnet = Carnet.objects.get(type="quittance", titulaire=comptable)
    t.carnet_clore(acting_user=comptable, carnet=carnet)
    with pytest.raises(TransitionInterdite, match="pas de carnet de quittances ouvert"):
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=comptes["CAISSE"],
            moyen="numeraire",
            montant="10.00",
            payeur="M. Petit",
            objet="Versement",
        )


def test_un_recu_sur_demande_pour_un_cheque(comptable, comptes):
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="cheque",
        montant="80.00",
        payeur="M. Petit",
        objet="Versement",
        reference="Chèque n° 1234567",
    )
    recu = t.recu_delivrer(acting_user=comptable, encaissement=enc)
    assert (recu.nature, recu.carnet.type, recu.numero) == ("recu", "recu", 1)
    with pytest.raises(TransitionInterdite, match="duplicata"):
        t.recu_delivrer(acting_user=comptable, encaissement=enc)


def test_deux_encaissements_simultanes_ne_recouvrent_pas_deux_fois_la_meme_creance(
    directrice, comptable, comptes, transactional_db
):
    """Both read the same reste; the database locks the order and the second,
    once the first has committed, is refused: the claim is recovered once."""
    ordre = ordre_recette(directrice, comptable)
    ligne = ordre.lignes.get()
    resultats = []

    def encaisser(i):
        try:
            resultats.append(
                t.encaissement_enregistrer(
                    acting_user=comptable,
                    compte=comptes["BANQUE"],
                    moyen="virement",
                    montant="1250.40",
                    payeur="Société Orion",
                    objet=f"Virement {i}",
                    repartitions=[t.Repartition(ligne, "1250.40")],
                )
            )
        except ApplicationError as exc:
            resultats.append(exc)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=encaisser, args=(i,)) for i in range(4)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    reussis = [x for x in resultats if isinstance(x, Encaissement)]
    refus = [x for x in resultats if isinstance(x, ApplicationError)]
    assert len(reussis) == 1 and len(refus) == 3
    assert all("recouvrer" in x.message for x in refus)
    assert r.reste_a_recouvrer(ordre) == Decimal("0.00")
    assert Affectation.objects.filter(ligne=ligne).count() == 1
    assert solde("4671", "Société Orion") == Decimal("0.00")
    assert Encaissement.objects.count() == 1
