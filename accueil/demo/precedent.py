"""The demo's previous exercises: a light year of entries and orders, so that
the demo fund has an exercise behind the current one to close (`cloture`).

Which years, whatever today's date (`annees_precedentes`): the last
exercise N−1 is closed once the délais of its période complémentaire are
over (D253-17, D253-17-1, D253-19; circ. 93/82 §2.0.7, §2.1.7), i.e. from
about 1 March of N. Before that day (January and February of N) N−1 is still
in its période complémentaire: the demo then shows N−2 closed, and N−1 with
its inventory in progress.

A light year is a month-by-month summary, not the daily life of the current
one: each month the cotisations of four employers (one of which stops paying
in October: the créance douteuse of the inventory), their receipt and the
transfer of the takings to the Caisse des dépôts, the benefits and their
payment, the rent of the annex; an ordre de recette collected, an ordre de
dépense visaed and paid, another visaed in December and left unpaid on
31 December (paid in the next year). Every entry and order goes through the
services, the clock set at the act's date (`core.horloge.figer`), so the
audit rows, the pièces and the états exist as they would have.

No bank-account movement is dated after 21 December: the current year's
bank reconciliation reads the books from ten days before its first
statement (1 January), and these entries are on no statement.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from accueil.demo.mots_de_passe import mot_de_passe_demo
from accueil.demo.ordres import ordre_depense_demo
from accueil.demo.pieces import facture
from budget.demo import creer_credits_demo
from core import horloge
from depenses import services as depenses_services
from depenses.models import OrdreDepense
from ledger.models import Exercice
from ledger.services import LigneSaisie, ecriture_passer, exercice_ouvrir
from recettes import services as recettes_services
from reglementation.periode_complementaire import dernier_delai
from tresorerie import services as tresorerie_services
from tresorerie.models import CompteDisponibilite

# The fund's balances when it started keeping its books here (the first
# demo year's opening entry): the reprise of the previous system's figures.
REPRISE = [
    ("515", "8200000.00", ""),
    ("5122", "1450000.00", ""),
    ("531", "3500.00", ""),
    ("2183", "184000.00", ""),
    ("2184", "62000.00", ""),
    ("2818", "-97500.00", ""),
    ("102", "-6000000.00", ""),
    ("106", "-3802000.00", ""),
]

# Monthly cotisations of a light year (employer, SIRET, amount); the Hôtel du
# Lac stops paying from October (its claim becomes doubtful at the inventory).
COTISANTS = [
    ("Clinique des Tilleuls", "38811122200035", Decimal("212400.00")),
    ("Mairie de Valmont", "21730001500019", Decimal("158300.00")),
    ("Transports Valmontais", "52298765400027", Decimal("61750.00")),
    ("Hôtel du Lac", "61133344400051", Decimal("48000.00")),
]
DOUTEUX = "Hôtel du Lac"
MOIS_IMPAYES = (10, 11, 12)
PRESTATIONS = Decimal("431200.00")
LOYER_ANNEXE = Decimal("4850.00")


def tiers_cotisant(nom: str, siret: str) -> str:
    return f"{nom} (SIRET {siret})"


def fin_des_delais(annee: int) -> datetime.date:
    """The last day of the période complémentaire of exercise `annee` (its
    longest délai, from the dated rules)."""
    dernier = dernier_delai(annee)
    return dernier.limite if dernier else datetime.date(annee + 1, 2, 28)


def annees_precedentes(aujourd_hui: datetime.date) -> tuple[int, int | None]:
    """(the closed exercise, the one in période complémentaire or None).

    N−1 is closed once its délais are over; until then N−2 is the closed
    one and N−1 is in its période complémentaire."""
    annee = aujourd_hui.year
    if aujourd_hui > fin_des_delais(annee - 1):
        return annee - 1, None
    return annee - 2, annee - 1


def _passer(comptable, exercice, date, journal, libelle, lignes, piece=""):
    with horloge.figer(date):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal=journal,
            date=date,
            libelle=libelle,
            lignes=lignes,
            piece=piece,
        )


def ouvrir_premiere_annee(personnes: dict, annee: int) -> Exercice:
    """Open the first demo exercise and post the reprise of the balances."""
    comptable = personnes["comptable"]
    debut = datetime.date(annee, 1, 1)
    with horloge.figer(debut):
        exercice = exercice_ouvrir(acting_user=comptable, annee=annee)
    lignes = [
        LigneSaisie(numero, debit=Decimal(m))
        if Decimal(m) > 0
        else LigneSaisie(numero, credit=-Decimal(m))
        for numero, m, _tiers in REPRISE
    ]
    _passer(
        comptable,
        exercice,
        debut,
        "AN",
        "Reprise des soldes de l'ancien système comptable",
        lignes,
        piece=f"reprise:{annee}",
    )
    return exercice


def annee_legere(personnes: dict, exercice: Exercice, comptes: dict) -> None:
    """The year `exercice` in summary (see the module's docstring)."""
    comptable, directrice = personnes["comptable"], personnes["directrice"]
    annee = exercice.annee
    with horloge.figer(datetime.date(annee, 1, 2)):
        creer_credits_demo(acting_user=directrice, exercice=exercice)
    for mois in range(1, 13):
        le = {j: datetime.date(annee, mois, j) for j in (5, 10, 20)}
        lignes, patronales, salariales, encaisse = [], Decimal(0), Decimal(0), Decimal(0)
        for nom, siret, montant in COTISANTS:
            if nom == DOUTEUX and mois in MOIS_IMPAYES:
                continue  # its own order, in December (`_cotisations_impayees`)
            salariale = (montant * Decimal("0.3")).quantize(Decimal("0.01"))
            patronales += montant - salariale
            salariales += salariale
            lignes.append(LigneSaisie("4111", debit=montant, tiers=tiers_cotisant(nom, siret)))
        lignes += [LigneSaisie("7511", credit=patronales), LigneSaisie("7512", credit=salariales)]
        _passer(
            comptable,
            exercice,
            le[5],
            "RE",
            f"Cotisations de {le[5]:%m/%Y}, ordre collectif",
            lignes,
            piece=f"ordre_recette:{annee}-C{mois:02d}",
        )
        recus = [
            (nom, siret, montant)
            for nom, siret, montant in COTISANTS
            if not (nom == DOUTEUX and mois in MOIS_IMPAYES)
        ]
        encaisse = sum((m for _n, _s, m in recus), Decimal(0))
        _passer(
            comptable,
            exercice,
            le[20],
            "TR",
            f"Encaissement des cotisations de {le[5]:%m/%Y}",
            [LigneSaisie("5122", debit=encaisse)]
            + [LigneSaisie("4111", credit=m, tiers=tiers_cotisant(n, s)) for n, s, m in recus],
            piece=f"releve:{le[20]:%Y%m%d}",
        )
        _passer(
            comptable,
            exercice,
            le[20],
            "TR",
            "Virement des encaissements à la subdivision de la Caisse des dépôts",
            [LigneSaisie("515", debit=encaisse), LigneSaisie("5122", credit=encaisse)],
        )
        _passer(
            comptable,
            exercice,
            le[5],
            "DE",
            f"Prestations légales de {le[5]:%m/%Y}, ordre collectif",
            [
                LigneSaisie("6561", debit=PRESTATIONS),
                LigneSaisie("412", credit=PRESTATIONS, tiers="Assurés (ordre collectif)"),
            ],
            piece=f"ordre_depense:{annee}-P{mois:02d}",
        )
        _passer(
            comptable,
            exercice,
            le[5],
            "TR",
            "Approvisionnement du compte spécial d'exécution",
            [LigneSaisie("5121", debit=PRESTATIONS), LigneSaisie("515", credit=PRESTATIONS)],
        )
        _passer(
            comptable,
            exercice,
            le[10],
            "TR",
            f"Paiement SEPA des prestations de {le[5]:%m/%Y}",
            [
                LigneSaisie("412", debit=PRESTATIONS, tiers="Assurés (ordre collectif)"),
                LigneSaisie("5121", credit=PRESTATIONS),
            ],
        )
        _passer(
            comptable,
            exercice,
            le[5],
            "DE",
            f"Loyer de l'annexe, terme de {le[5]:%m/%Y}",
            [
                LigneSaisie("613", debit=LOYER_ANNEXE),
                LigneSaisie("401", credit=LOYER_ANNEXE, tiers="SCI Les Arcades"),
            ],
        )
        _passer(
            comptable,
            exercice,
            le[10],
            "TR",
            "Paiement du loyer de l'annexe",
            [
                LigneSaisie("401", debit=LOYER_ANNEXE, tiers="SCI Les Arcades"),
                LigneSaisie("5122", credit=LOYER_ANNEXE),
            ],
        )
    _ordres_de_l_annee(personnes, exercice, comptes)


def cotisations_impayees() -> tuple[str, Decimal]:
    """The debtor whose claim becomes doubtful at the inventory, and his debt."""
    montant = next(m for nom, _s, m in COTISANTS if nom == DOUTEUX)
    return DOUTEUX, montant * len(MOIS_IMPAYES)


def _cotisations_impayees(personnes, le: datetime.date) -> None:
    """The cotisations of October to December of the employer who stops
    paying: an ordre de recette taken in charge, never collected."""
    directrice = personnes["directrice"]
    debiteur, montant = cotisations_impayees()
    with horloge.figer(le):
        ordre = recettes_services.ordre_recette_creer(
            acting_user=directrice,
            saisie=recettes_services.SaisieOrdre(
                nature="cotisation",
                objet=f"Cotisations d'octobre à décembre {le.year}",
                bases_liquidation="Déclarations sociales nominatives d'octobre à décembre",
                compte_imputation="7511",
                compte_tiers="4111",
                date_fait=le,
                dates={"droits_acquis": le},
                lignes=[recettes_services.LigneDebiteur(debiteur, "employeur", montant)],
                type="individuel",
                pieces_references="DSN au dossier du service",
            ),
        )
        _prendre_en_charge(personnes, ordre)


def _prendre_en_charge(personnes, ordre) -> None:
    directrice = personnes["directrice"]
    recettes_services.ordre_recette_signer(
        acting_user=directrice, ordre=ordre, mot_de_passe=mot_de_passe_demo("directrice")
    )
    recettes_services.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    controles = [
        recettes_services.ControleSaisi(point, True)
        for point in recettes_services.controles_requis(ordre).points
    ]
    recettes_services.ordre_recette_prendre_en_charge(
        acting_user=personnes["comptable"], ordre=ordre, controles=controles
    )


def _ordre_recette(personnes, le: datetime.date, compte_banque) -> None:
    """The rent of the flat for the year, taken in charge, collected by transfer."""
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    with horloge.figer(le):
        ordre = recettes_services.ordre_recette_creer(
            acting_user=directrice,
            saisie=recettes_services.SaisieOrdre(
                nature="loyer",
                objet=f"Loyer de l'appartement rue des Lilas, année {le.year}",
                bases_liquidation="Bail du 1er mars 2020 : 720 € par mois, payable d'avance",
                compte_imputation="752",
                compte_tiers="4671",
                date_fait=le,
                dates={"echeance": le + datetime.timedelta(days=8)},
                lignes=[
                    recettes_services.LigneDebiteur("M. et Mme Perrin", "locataires", "8640.00")
                ],
                type="individuel",
                pieces_references="Bail au dossier du service",
            ),
        )
        _prendre_en_charge(personnes, ordre)
    paye = le + datetime.timedelta(days=7)
    with horloge.figer(paye):
        ligne = ordre.lignes.get()
        tresorerie_services.encaissement_enregistrer(
            acting_user=comptable,
            compte=compte_banque,
            moyen="virement",
            montant=ligne.montant,
            payeur=ligne.debiteur,
            objet=f"Loyers {le.year} de l'appartement rue des Lilas",
            date=paye,
            reference=f"VIR-PERRIN-{le:%Y}",
            repartitions=[tresorerie_services.Repartition(ligne, ligne.montant)],
        )


def _ordre_depense(personnes, exercice, le, creancier, objet, montant, compte, nature, numero):
    """An ordre de dépense signed, transmitted and visaed on `le`."""
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    with horloge.figer(le):
        ordre = ordre_depense_demo(
            directrice,
            exercice,
            le,
            (creancier, objet, montant, compte, nature),
            # The term falls within the year: the order belongs to it.
            echeance=min(le + datetime.timedelta(days=30), exercice.fin),
            piece=facture(creancier, objet, montant, le, f"{le.year}-{numero:04d}"),
        )
        depenses_services.ordre_depense_signer(
            acting_user=directrice, ordre=ordre, mot_de_passe=mot_de_passe_demo("directrice")
        )
        depenses_services.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
        depenses_services.ordre_depense_viser(
            acting_user=comptable,
            ordre=ordre,
            appreciations={"imputation": (True, ""), "validite_dette": (True, "")},
        )
    return ordre


def _ordres_de_l_annee(personnes: dict, exercice: Exercice, comptes: dict) -> None:
    annee = exercice.annee
    _ordre_recette(personnes, datetime.date(annee, 3, 2), comptes["BANQUE"])
    _cotisations_impayees(personnes, datetime.date(annee, 12, 5))
    paye = _ordre_depense(
        personnes,
        exercice,
        datetime.date(annee, 5, 12),
        "Maître Dupuis, huissier",
        "Honoraires de recouvrement contentieux",
        "1280.40",
        "622",
        "autre",
        31,
    )
    with horloge.figer(datetime.date(annee, 5, 14)):
        tresorerie_services.lot_payer(
            acting_user=personnes["comptable"], ordres=[paye], compte=comptes["BANQUE"]
        )
    # Visaed on 15 December, unpaid on the 31st: listed for memory on the état
    # of the charges à payer, paid in January (`payer_ordres_restes`).
    _ordre_depense(
        personnes,
        exercice,
        datetime.date(annee, 12, 15),
        "SCI Les Arcades",
        f"Charges locatives de l'annexe, 4e trimestre {annee}",
        "1837.50",
        "613",
        "loyer",
        32,
    )


def payer_ordres_restes(personnes: dict, exercice: Exercice, le: datetime.date):
    """Pay on `le` (in the next exercise) the orders of `exercice` visaed and
    left unpaid on 31 December (a debt of `exercice`: D253-19-2)."""
    ordres = list(OrdreDepense.objects.filter(exercice=exercice, etat=OrdreDepense.Etat.VISE))
    if not ordres:
        return None
    with horloge.figer(le):
        return tresorerie_services.lot_payer(
            acting_user=personnes["comptable"],
            ordres=ordres,
            compte=CompteDisponibilite.objects.get(code="BANQUE"),
        )
