"""The demo's orders at each step of their life, and the treasury's operations on them."""

from __future__ import annotations

import datetime
from decimal import Decimal

from accueil.demo.mots_de_passe import mot_de_passe_demo
from accueil.demo.pieces import facture
from budget.demo import creer_credits_demo
from depenses import services as depenses_services
from oppositions.services import opposition_enregistrer
from recettes import services as recettes_services
from recettes.models import OrdreRecette
from tresorerie import services as tresorerie_services
from tresorerie.demo import creer_tresorerie_demo, releve_exemple, virement_retourne_demo
from tresorerie.selectors import solde_comptable


def creer_tresorerie_demo_operations(
    personnes: dict, exercice, aujourd_hui: datetime.date, *, ouverture: datetime.date | None = None
) -> None:
    """The treasury of the demo fund: its accounts and carnets (opened on
    `ouverture`, the first demo year's 1 January), the bank statements of the
    year up to yesterday imported and reconciled, a cash payment at the desk,
    a receipt waiting for its regularising order, yesterday's arrêté de caisse
    (SCENARIOS.md)."""
    comptable = personnes["comptable"]
    comptes = creer_tresorerie_demo(
        comptable=comptable, regisseur=personnes["regisseur"], debut=ouverture or exercice.debut
    )
    hier = aujourd_hui - datetime.timedelta(days=1)
    if hier >= exercice.debut:
        # A pension paid a few days ago comes back on the statement (AC04, account
        # closed): its import cancels the payment, the order waits, visé, « à corriger ».
        retour = virement_retourne_demo(
            directrice=personnes["directrice"],
            comptable=comptable,
            mot_de_passe=mot_de_passe_demo("directrice"),
            exercice=exercice,
            compte=comptes["BANQUE"],
            hier=hier,
        )
        tresorerie_services.releve_importer(
            acting_user=comptable,
            compte=comptes["BANQUE"],
            nom_fichier=f"releve-{hier:%Y%m%d}.xml",
            contenu=releve_exemple(
                comptes["BANQUE"], exercice.debut, hier, retours=(retour,) if retour else ()
            ),
        )
        # Yesterday's count at the desk agreed with the books.
        reste, comptage = solde_comptable("531", hier), {}
        for coupure in tresorerie_services.COUPURES:
            nombre, reste = divmod(reste, Decimal(coupure))
            if nombre:
                comptage[coupure] = int(nombre)
        tresorerie_services.arrete_caisse(
            acting_user=comptable, compte=comptes["CAISSE"], comptage=comptage, date=hier
        )
    # M. Dubois pays his overpayment in cash at the desk; Mme Martin has not paid yet.
    indus = OrdreRecette.objects.filter(nature="recuperation_indu", etat="pris_en_charge").first()
    if indus is not None:
        dubois = indus.lignes.get(debiteur="M. Dubois")
        tresorerie_services.encaissement_enregistrer(
            acting_user=comptable,
            compte=comptes["CAISSE"],
            moyen="numeraire",
            montant=dubois.montant,
            payeur=dubois.debiteur,
            objet="Remboursement d'un trop-perçu d'indemnités journalières",
            repartitions=[tresorerie_services.Repartition(dubois, dubois.montant)],
        )
    # The rent of the flat, cashed on the lease the agent comptable keeps.
    tresorerie_services.encaissement_sans_titre(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="720.00",
        payeur="M. et Mme Perrin",
        objet=f"Loyer de l'appartement rue des Lilas, {aujourd_hui:%m/%Y}",
        compte_produit="752",
        nature_recette="loyer",
        reference=f"VIR-PERRIN-{aujourd_hui:%Y%m}",
    )
    # This morning's draw on the subdivision feeds the compte spécial d'exécution
    # (circ. 93/82 §2.2.0.0): the day's payments leave from an account that holds
    # the money (a batch never leaves its account's book balance negative).
    tresorerie_services.virement_interne(
        acting_user=comptable,
        de=comptes["CDC"],
        vers=comptes["EXECUTION"],
        montant="20000.00",
        date=aujourd_hui,
        libelle="Tirage du jour sur la subdivision",
    )


def creer_ordres_demo(personnes: dict, aujourd_hui: datetime.date) -> None:
    """A few ordres de recette at each step, so the parapheur and the agent
    comptable's queue show something on a usual morning (SCENARIOS.md)."""
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    jour = aujourd_hui
    ordres = [
        (
            "loyer",
            "Loyer de l'appartement rue des Lilas, terme suivant",
            "Bail du 1er mars 2020 : 720 € par mois",
            "752",
            "4671",
            # The term's eve must stay in this exercise, even in late December.
            {"echeance": min(jour + datetime.timedelta(days=8), datetime.date(jour.year, 12, 31))},
            [recettes_services.LigneDebiteur("M. et Mme Perrin", "locataires", "720.00")],
            "individuel",
        ),
        (
            "condamnation",
            "Dommages et intérêts alloués à la caisse",
            "Jugement du tribunal judiciaire de Valmont",
            "771",
            "4671",
            {"decision": jour},
            [recettes_services.LigneDebiteur("Société Orion", "partie condamnée", "4800.00")],
            "individuel",
        ),
        (
            "recuperation_indu",
            "Indus de prestations en espèces",
            "Trop-perçu d'indemnités journalières",
            "7585",
            "413",
            {"reglement": jour},
            [
                recettes_services.LigneDebiteur("Mme Martin", "assurée", "312.40"),
                recettes_services.LigneDebiteur("M. Dubois", "assuré", "11.90"),
            ],
            "collectif",
        ),
        (
            "interets",
            "Intérêts du dépôt à terme",
            "Convention de placement, taux 2,1 %",
            "761",
            "4671",
            {"echeance": jour + datetime.timedelta(days=1)},
            [recettes_services.LigneDebiteur("Caisse des dépôts", "dépositaire", "6125.00")],
            "individuel",
        ),
        (
            "vente",
            "Vente du garage de la rue Haute",
            "Acte notarié du jour, prix 85 000 €",
            "775",
            "4671",
            {"contrat": jour},
            [recettes_services.LigneDebiteur("SCI Horizon", "acquéreur", "85000.00")],
            "individuel",
        ),
    ]
    crees = []
    for nature, objet, bases, imputation, tiers, dates, lignes, type_ in ordres:
        crees.append(
            recettes_services.ordre_recette_creer(
                acting_user=directrice,
                saisie=recettes_services.SaisieOrdre(
                    nature=nature,
                    objet=objet,
                    bases_liquidation=bases,
                    compte_imputation=imputation,
                    compte_tiers=tiers,
                    date_fait=jour,
                    dates=dates,
                    lignes=lignes,
                    type=type_,
                    pieces_references="Pièces au dossier du service",
                ),
            )
        )
    # Two go to the agent comptable's queue, one is already taken in charge;
    # the rest wait in the parapheur.
    mot_de_passe = mot_de_passe_demo("directrice")
    for ordre in crees[3:]:
        recettes_services.ordre_recette_signer(
            acting_user=directrice, ordre=ordre, mot_de_passe=mot_de_passe
        )
        recettes_services.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    pris = crees[2]
    recettes_services.ordre_recette_signer(
        acting_user=directrice, ordre=pris, mot_de_passe=mot_de_passe
    )
    recettes_services.ordre_recette_transmettre(acting_user=directrice, ordre=pris)
    controles = [
        recettes_services.ControleSaisi(point, True)
        for point in recettes_services.controles_requis(pris).points
    ]
    recettes_services.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=pris, controles=controles
    )


IBAN_DEMO = {
    "Papeterie Centrale": ("FR7630006000011234567890189", "AGRIFRPPXXX", "55210055400013"),
    "SCI Les Arcades": ("FR7610107001011234567890129", "BREDFRPPXXX", "41122233300021"),
    "Maître Dupuis, huissier": ("FR7630004000031234567890143", "BNPAFRPPXXX", "38899977700015"),
}


def ordre_depense_demo(
    directrice, exercice, le, ordre: tuple, *, echeance, piece, service_fait=True
):
    """An engagement and its ordre de dépense issued by the directrice on `le`
    for `ordre` = (creditor, object, amount, account, nature), with the
    creditor's invoice `piece`, its service fait attested unless told not."""
    creancier, objet, montant, compte, nature = ordre
    iban, bic, siret = IBAN_DEMO[creancier]
    engagement = depenses_services.engagement_creer(
        acting_user=directrice,
        exercice=exercice,
        gestion="budgetaire",
        objet=objet,
        creancier=creancier,
        compte_imputation=compte,
        montant_engage=montant,
    )
    o = depenses_services.ordre_depense_creer(
        acting_user=directrice,
        saisie=depenses_services.SaisieDepense(
            gestion="budgetaire",
            nature=nature,
            objet=objet,
            bases_liquidation=f"Facture de {creancier}",
            compte_imputation=compte,
            compte_tiers="401",
            date_fait=le,
            engagement=engagement,
            dates={"reception": le, "echeance": echeance, "liquidation": le},
            lignes=[
                depenses_services.LigneCreancier(
                    creancier, "fournisseur", iban, montant, bic=bic, identifiant=siret
                )
            ],
            pieces_references="Bon de livraison au dossier du service",
        ),
        pieces=[piece],
    )
    if service_fait:
        depenses_services.ordre_depense_attester_service_fait(
            acting_user=directrice, ordre=o, le=le
        )
    return o


def creer_depenses_demo(personnes: dict, exercice, aujourd_hui: datetime.date) -> None:
    """Credits, engagements and ordres de dépense at each step, an opposition,
    and a direct debit waiting for its regularising order (SCENARIOS.md)."""
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    mot_de_passe = mot_de_passe_demo("directrice")
    creer_credits_demo(acting_user=directrice, exercice=exercice)

    factures = iter(range(118, 200))

    def ordre(creancier, objet, montant_ordre, compte, nature, service_fait=True):
        # Each order comes with its creditor's invoice (circ. 93/82 §2.1.3).
        piece = facture(
            creancier, objet, montant_ordre, aujourd_hui, f"{aujourd_hui.year}-{next(factures):04d}"
        )
        return ordre_depense_demo(
            directrice,
            exercice,
            aujourd_hui,
            (creancier, objet, montant_ordre, compte, nature),
            echeance=aujourd_hui + datetime.timedelta(days=1),
            piece=piece,
            service_fait=service_fait,
        )

    # In the parapheur: two to sign, one without its service fait.
    ordre("Papeterie Centrale", "Ramettes et enveloppes", "1840.50", "6064", "fournitures")
    ordre(
        "SCI Les Arcades",
        "Loyer de l'annexe, terme suivant",
        "4850.00",
        "613",
        "loyer",
        service_fait=False,
    )
    # In the agent comptable's queue: one complete, one without service fait.
    for o in (
        ordre("Maître Dupuis, huissier", "Signification d'un jugement", "312.80", "622", "autre"),
        ordre(
            "Papeterie Centrale",
            "Cartouches d'encre",
            "964.20",
            "6064",
            "fournitures",
            service_fait=False,
        ),
    ):
        depenses_services.ordre_depense_signer(
            acting_user=directrice, ordre=o, mot_de_passe=mot_de_passe
        )
        depenses_services.ordre_depense_transmettre(acting_user=directrice, ordre=o)
    # Visaed, waiting for the agent comptable's payment of the day (a batch and its SEPA file).
    for o in (
        ordre("Maître Dupuis, huissier", "Constat d'affichage", "245.00", "622", "autre"),
        ordre("SCI Les Arcades", "Charges locatives de l'annexe", "612.50", "613", "loyer"),
    ):
        depenses_services.ordre_depense_signer(
            acting_user=directrice, ordre=o, mot_de_passe=mot_de_passe
        )
        depenses_services.ordre_depense_transmettre(acting_user=directrice, ordre=o)
        depenses_services.ordre_depense_viser(
            acting_user=comptable,
            ordre=o,
            appreciations={"imputation": (True, ""), "validite_dette": (True, "")},
        )
    # Suspended for a missing pièce, then requisitioned by the directrice: it waits,
    # requis, in the agent comptable's file for his visa, which stays his act
    # (circ. 93/82 §2.1.9.0, §1.1.1).
    requis = ordre(
        "Maître Dupuis, huissier", "Frais d'exécution d'un jugement", "186.20", "622", "autre"
    )
    depenses_services.ordre_depense_signer(
        acting_user=directrice, ordre=requis, mot_de_passe=mot_de_passe
    )
    depenses_services.ordre_depense_transmettre(acting_user=directrice, ordre=requis)
    depenses_services.ordre_depense_suspendre(
        acting_user=comptable,
        ordre=requis,
        motif="pieces",
        explication="Le certificat de non-recours n'est pas au dossier",
    )
    depenses_services.ordre_depense_requerir(
        acting_user=directrice,
        ordre=requis,
        motif="Délai d'exécution du jugement : l'huissier doit être réglé cette semaine",
        mot_de_passe=mot_de_passe,
    )
    opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant="55210055400013",
        opposant="Société Générale de Recouvrement",
        opposant_iban="FR7630003000301234567890118",
        opposant_bic="SOGEFRPPXXX",
        nature="saisie_attribution",
        montant=Decimal("500.00"),
        signifiee_le=aujourd_hui,
        reference_acte="Procès-verbal de saisie-attribution",
    )
    depenses_services.depense_sans_ordonnancement_enregistrer(
        acting_user=comptable,
        exercice=exercice,
        objet="Téléphone et internet du mois",
        creancier="Télécom Valmont",
        compte_charge="626",
        montant_preleve="186.40",
        payee_le=aujourd_hui,
        reference=f"releve-{aujourd_hui:%Y%m%d}",
    )
