"""Second review of returned transfers (tresorerie 0019): a notification and a
statement sharing an Id; PostgreSQL under the application's role refuses a
counter-entry with extra lines or out of journal TR (LG383), a statement line
that is not the payment's credit (LG390), credits or an opposition given back
more than the return (LG391, LG392), a correction of bank details by anyone
but the agent comptable (LG393); the order's payment takes explicit amounts."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, TransitionInterdite
from depenses.models import OrdreDepense
from depenses.paiements import mention_paiement, ordres_depense_payer
from ledger.services import LigneSaisie, ecriture_passer
from oppositions.services import opposition_enregistrer
from personnes.models import Interim
from tests.factories import UtilisateurFactory, personne
from tests.savepoint import curseur_en_savepoint, refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tests.tresorerie.releves_outils import fichier, importer, ligne
from tresorerie import services as t
from tresorerie.models import CorrectionCoordonnees, Releve, Retour
from tresorerie.services.commun import exercice_du

pytestmark = pytest.mark.django_db

RETOUR = (
    "INSERT INTO tresorerie_retour (paiement_id, ordre_id, montant, motif, motif_libelle,"
    " motif_info, ecriture_id, date, mention, par_id, ligne_releve_id) VALUES"
    " (%s, %s, %s, 'AC04', 'compte clos', '', %s, %s, '{}', %s, %s)"
)
DEPAYER = (
    "INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)"
    " SELECT id, 'paiement', m, %s, %s FROM budget_credit, unnest(%s::numeric[]) AS m"
    " WHERE chapitre = '6064'"
)
CORRIGER = (
    "INSERT INTO tresorerie_correctioncoordonnees (retour_id, iban, bic, justification, par_id,"
    " le) VALUES (%s, 'FR7610107001011234567890129', '', 'RIB reçu', %s, %s)"
)


def _sous_app(*etapes):
    """Raw statements under the application's role, in the test's transaction."""

    def faire(cur):
        cur.execute("SET ROLE caisse_app")
        for sql, parametres in etapes:
            cur.execute(sql, parametres)

    return faire


@pytest.fixture
def paye(directrice, comptable, comptes, credits):
    """An order of 1 200 € paid by transfer, and one of 300 € on the same credit
    (its payments: 1 500 €)."""
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    autre = ordre_vise(directrice, comptable, credits, montant="300.00", identifiant="")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre, autre], compte=comptes["BANQUE"])
    return ordre, lot.paiements.get(ordre=ordre)


def contre_ecriture(comptable, paiement, *, journal="TR", plus=()):
    """The counter-entry of a return as the service writes it (or with more lines)."""
    fonds = paiement.lot.compte.compte.numero
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice_du(AUJOURD_HUI),
        journal=journal,
        date=AUJOURD_HUI,
        libelle="Virement retourné",
        lignes=[
            LigneSaisie(fonds, debit=paiement.montant),
            LigneSaisie(paiement.ordre.compte_tiers.numero, credit=paiement.montant, tiers="P"),
            *plus,
        ],
        piece=paiement.bout_en_bout,
    )


def _retour(paiement, ecriture, comptable, ligne_releve=None):
    return (
        RETOUR,
        [
            paiement.pk,
            paiement.ordre_id,
            paiement.montant,
            ecriture.pk,
            AUJOURD_HUI,
            comptable.pk,
            getattr(ligne_releve, "pk", None),
        ],
    )


# 1. A notification and a statement of one account may share an Id.


def test_un_avis_et_un_releve_de_meme_identifiant_s_importent_tous_deux(comptable, comptes):
    banque = comptes["BANQUE"]
    recette = ligne("80.00", "credit", "VIR-ORION", "Virement reçu")
    avis = importer(
        comptable, banque, fichier([recette], banque.iban, "0615", "camt.054.001.08"), "a.xml"
    )
    releve = importer(comptable, banque, fichier([recette], banque.iban, "0615"), "r.xml")
    assert sorted(Releve.objects.values_list("nature", "identifiant")) == [
        ("avis", "0615"),
        ("releve", "0615"),
    ]
    assert (avis.nature, releve.nature) == ("avis", "releve")

    # Another avis of that Id (other content): refused, naming both.
    autre = ligne("81.00", "credit", "VIR-ORION", "Virement reçu")
    with pytest.raises(TransitionInterdite) as refus:
        importer(comptable, banque, fichier([autre], banque.iban, "0615", "camt.054.001.08"))
    assert str(refus.value) == (
        "Cet avis (0615) a déjà été importé : l'avis 0615, importé le "
        f"{avis.importe_le:%d/%m/%Y} du fichier « a.xml », porte le même identifiant ; un avis "
        "ne s'importe qu'une fois."
    )
    # The very same statement file: refused as the statement it is.
    with pytest.raises(TransitionInterdite) as refus:
        importer(comptable, banque, fichier([recette], banque.iban, "0615"), "encore.xml")
    assert str(refus.value) == (
        "Ce relevé (0615) a déjà été importé : ce fichier est celui du relevé 0615, importé le "
        f"{releve.importe_le:%d/%m/%Y} du fichier « r.xml »."
    )
    assert Releve.objects.count() == 2


# 2. Credits and oppositions given back at most the returned amount.


def test_deux_annulations_de_700_pour_un_retour_de_1200_sont_refusees(comptable, paye):
    _, paiement = paye
    ecriture = contre_ecriture(comptable, paiement)
    reference = f"retour:{paiement.bout_en_bout}"
    depayer = (DEPAYER, [reference, comptable.pk, ["-700", "-700"]])
    refus_sql(
        _sous_app(_retour(paiement, ecriture, comptable), depayer),
        f"Le virement retourné « {paiement.bout_en_bout} » rend aux crédits au plus son "
        "montant, 1\u00a0200,00\u00a0€ : les paiements annulés sous cette référence "
        "feraient 1\u00a0400,00\u00a0€.",
    )
    # Two statements too: all the movements of the reference are summed.
    refus_sql(
        _sous_app(
            _retour(paiement, ecriture, comptable),
            (DEPAYER, [reference, comptable.pk, ["-700"]]),
            (DEPAYER, [reference, comptable.pk, ["-700"]]),
        ),
        "les paiements annulés sous cette référence feraient 1\u00a0400,00\u00a0€",
    )
    # The return's amount, in one or two movements, passes.
    with curseur_en_savepoint() as cur:
        _sous_app(
            _retour(paiement, ecriture, comptable),
            (DEPAYER, [reference, comptable.pk, ["-500", "-700"]]),
        )(cur)
        cur.execute(
            "SELECT sum(montant) FROM budget_mouvementcredit WHERE reference = %s", [reference]
        )
        assert cur.fetchone()[0] == Decimal("-1200.00")
        cur.execute("RESET ROLE")


def test_apres_le_retour_le_credit_n_est_plus_depaye(comptable, paye):
    _, paiement = paye
    t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    refus_sql(
        _sous_app(
            (DEPAYER, [f"retour:{paiement.bout_en_bout}", comptable.pk, ["-0.01"]]),
        ),
        "les paiements annulés sous cette référence feraient 1\u00a0200,01\u00a0€",
    )


def test_l_opposition_ne_se_retablit_qu_une_fois(directrice, comptable, comptes, credits):
    opposition = opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant="55210055400013",
        opposant="Société Générale de Recouvrement",
        opposant_iban="FR7630003000301234567890118",
        opposant_bic="SOGEFRPPXXX",
        nature="saisie_attribution",
        montant=Decimal("500.00"),
        signifiee_le=AUJOURD_HUI,
        reference_acte="PV de saisie-attribution",
    )
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    a_l_opposant = lot.paiements.get(opposition__isnull=False)
    t.paiement_retourner(acting_user=comptable, paiement=a_l_opposant, motif="AC01")
    refus_sql(
        _sous_app(
            (
                "INSERT INTO oppositions_imputation (opposition_id, montant, reference, le, par_id)"
                " VALUES (%s, -500, %s, %s, %s)",
                [opposition.pk, f"retour:{a_l_opposant.bout_en_bout}", AUJOURD_HUI, comptable.pk],
            )
        ),
        f"Le virement retourné « {a_l_opposant.bout_en_bout} » rend à l'opposition n° "
        f"{opposition.pk} au plus son montant, 500,00\u00a0€ : 500,00\u00a0€ lui ont déjà été "
        "rendus.",
    )


# 3. A correction of bank details by the agent comptable only.


def test_une_correction_de_coordonnees_est_de_l_agent_comptable(
    directrice, comptable, paye, auditeur
):
    _, paiement = paye
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    for qui in (directrice, auditeur):
        refus_sql(
            _sous_app((CORRIGER, [retour.pk, qui.pk, AUJOURD_HUI])),
            "Seul l'agent comptable (ou son fondé de pouvoir) corrige les coordonnées bancaires "
            f"d'un créancier : {qui.get_full_name() or qui.get_username()} n'exerce pas ses "
            f"fonctions le {AUJOURD_HUI:%d/%m/%Y}",
        )
    # Before his affectation (2000-01-01 in the factories), not yet.
    refus_sql(
        _sous_app((CORRIGER, [retour.pk, comptable.pk, "1999-12-31"])),
        "n'exerce pas ses fonctions le 31/12/1999",
    )
    fonde = personne("fonde-de-pouvoir", "fonde_de_pouvoir")
    with curseur_en_savepoint() as cur:
        _sous_app(
            (CORRIGER, [retour.pk, comptable.pk, AUJOURD_HUI]),
            (CORRIGER, [retour.pk, fonde.pk, AUJOURD_HUI]),
        )(cur)
        cur.execute("RESET ROLE")
        assert CorrectionCoordonnees.objects.filter(retour=retour).count() == 2


def test_pendant_un_interim_la_correction_est_de_l_interimaire(comptable, paye):
    """Circ. 93/82 §1.1.2: the interim's holder exercises the agent comptable's
    functions; the titular, absent, does not while it lasts."""
    _, paiement = paye
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    interimaire = UtilisateurFactory(username="interimaire")
    Interim.objects.create(
        utilisateur=interimaire,
        nature=Interim.Nature.INTERIMAIRE,
        debut=AUJOURD_HUI,
        fin=AUJOURD_HUI + datetime.timedelta(days=30),
        nomme_le=AUJOURD_HUI,
        deliberation="CA n° 12",
    )
    refus_sql(
        _sous_app((CORRIGER, [retour.pk, comptable.pk, AUJOURD_HUI])),
        f"n'exerce pas ses fonctions le {AUJOURD_HUI:%d/%m/%Y}",
    )
    with curseur_en_savepoint() as cur:
        _sous_app((CORRIGER, [retour.pk, interimaire.pk, AUJOURD_HUI]))(cur)
        cur.execute("RESET ROLE")
        assert CorrectionCoordonnees.objects.get(retour=retour).par == interimaire


# 4. The counter-entry and the statement line of a return.


def test_la_contre_ecriture_a_deux_lignes_au_journal_tr(comptable, paye):
    _, paiement = paye
    fonds = paiement.lot.compte.compte.numero
    # The mirror plus a pair of lines that balances: the sums by account still match.
    plus = [LigneSaisie(fonds, debit=Decimal("10.00")), LigneSaisie("6064", credit=Decimal("10"))]
    for ecriture in (
        contre_ecriture(comptable, paiement, plus=plus),
        contre_ecriture(comptable, paiement, journal="OD"),
    ):
        refus_sql(
            _sous_app(_retour(paiement, ecriture, comptable)),
            "au nom de qui l'enregistre, au journal TR et en deux lignes",
        )
    assert not Retour.objects.exists()


def test_la_ligne_du_releve_est_le_credit_du_paiement_sur_son_compte(comptable, comptes, paye):
    _, paiement = paye
    banque, autre = comptes["BANQUE"], comptes["CDC"]
    autre.iban = "FR7640031000010000000123456"
    autre.save(update_fields=["iban"])
    releve = importer(
        comptable,
        banque,
        fichier(
            [
                ligne("1200.00", "credit", "SANS-RAPPORT", "Remise"),
                ligne("1200.00", "debit", "SANS-RAPPORT-2", "Prélèvement"),
                ligne("1199.00", "credit", "SANS-RAPPORT-3", "Remise"),
            ],
            banque.iban,
        ),
    )
    ailleurs = importer(
        comptable,
        autre,
        fichier([ligne("1200.00", "credit", "SANS-RAPPORT", "Remise")], autre.iban, "CDC-1"),
    )
    ecriture = contre_ecriture(comptable, paiement)
    bonne = releve.lignes.get(sens="credit", montant="1200.00")
    for mauvaise in (
        releve.lignes.get(sens="debit"),
        releve.lignes.get(montant="1199.00"),
        ailleurs.lignes.get(),
    ):
        refus_sql(
            _sous_app(_retour(paiement, ecriture, comptable, mauvaise)),
            f"Le retour du virement {paiement.bout_en_bout} se lit sur une ligne au crédit de "
            f"1\u00a0200,00\u00a0€ d'un relevé du compte « {banque.libelle} », qui l'a payé.",
        )
    with curseur_en_savepoint() as cur:
        _sous_app(_retour(paiement, ecriture, comptable, bonne))(cur)
        cur.execute("RESET ROLE")
        assert Retour.objects.get().ligne_releve == bonne


# 5. The payment of orders takes each order's amount explicitly.


def test_un_ordre_sans_montant_paye_est_refuse(directrice, comptable, credits):
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    assert mention_paiement(ordre) == {}
    with pytest.raises(DonneeInvalide) as refus:
        ordres_depense_payer(
            acting_user=comptable,
            ordres=[ordre],
            le=AUJOURD_HUI,
            moyen="virement",
            reference="MSG-1",
            montants={},
        )
    assert str(refus.value) == (
        f"Le montant payé de l'ordre de dépense n° {ordre.reference} n'est pas donné : ses "
        "crédits ne se paient que pour ce que le lot lui verse."
    )
    ordre.refresh_from_db()
    assert ordre.etat == OrdreDepense.Etat.VISE


def test_la_mention_effacee_est_celle_que_l_ordre_portait(comptable, paye):
    ordre, paiement = paye
    ordre.refresh_from_db()
    portee = mention_paiement(ordre)
    assert portee == {
        "paye_le": AUJOURD_HUI.isoformat(),
        "moyen": "virement",
        "reference": paiement.lot.message_id,
        "paye_par": comptable.pk,
    }
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    assert retour.mention == portee
