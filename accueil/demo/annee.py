"""The demo fund of SCENARIOS.md: its people and a plausible year of entries.

Deterministic (seeded), posted through the real services, so that the demo
ledger passes `verifier_integrite` like any other.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from accueil.demo.cloture import exercice_clos, exercice_en_cours_d_inventaire
from accueil.demo.mots_de_passe import mot_de_passe_demo
from accueil.demo.ordres import (
    creer_depenses_demo,
    creer_ordres_demo,
    creer_tresorerie_demo_operations,
)
from accueil.demo.precedent import (
    annee_legere,
    annees_precedentes,
    ouvrir_premiere_annee,
    payer_ordres_restes,
)
from core import horloge
from ledger.models import Ecriture, Exercice
from ledger.services import LigneSaisie, ecriture_passer
from personnes.demo import creer_delegations_demo
from personnes.models import Affectation, Fonction
from recouvrement.demo import creer_recouvrement_demo
from responsabilite.demo import creer_debet_de_caisse_demo
from tresorerie.demo import creer_regie_demo, creer_tresorerie_demo
from tresorerie.models import CompteDisponibilite

DISTRIBUTION = [
    # login, first name, last name, function
    ("directrice", "Hélène", "Marchand", Fonction.DIRECTEUR),
    ("delegue", "Paul", "Girard", Fonction.DELEGUE),
    ("comptable", "Jacques", "Berthier", Fonction.AGENT_COMPTABLE),
    ("fonde", "Claire", "Roussel", Fonction.FONDE_DE_POUVOIR),
    ("regisseur", "Luc", "Fabre", Fonction.REGISSEUR),
    ("auditeur", "Anne", "Lefèvre", Fonction.AUDITEUR),
]

EMPLOYEURS = [
    ("Boulangerie Morel", "41234567800018"),
    ("Transports Valmontais", "52298765400027"),
    ("Clinique des Tilleuls", "38811122200035"),
    ("Mairie de Valmont", "21730001500019"),
    ("Garage Lambert", "79945612300011"),
    ("Imprimerie du Centre", "44455566600022"),
    ("SCOP Menuiserie Vallée", "50011223300044"),
    ("Hôtel du Lac", "61133344400051"),
    ("Laboratoire Pasteur Valmont", "33366699900063"),
    ("Supermarché Valmont Nord", "49988877700077"),
]


def creer_personnes(debut: datetime.date, *, annee: int | None = None) -> dict[str, object]:
    """The cast, in office from `debut`; the delegate's delegations for
    `annee` (by default the year of `debut`)."""
    User = get_user_model()
    personnes = {}
    for login, prenom, nom, fonction in DISTRIBUTION:
        utilisateur, cree = User.objects.get_or_create(
            username=login, defaults={"first_name": prenom, "last_name": nom}
        )
        if cree:
            # The demo's passwords meet AUTH_PASSWORD_VALIDATORS, as anyone's must.
            validate_password(mot_de_passe_demo(login), utilisateur)
            utilisateur.set_password(mot_de_passe_demo(login))
            utilisateur.save()
        Affectation.objects.get_or_create(
            utilisateur=utilisateur, fonction=fonction, defaults={"debut": debut}
        )
        personnes[login] = utilisateur
    # The delegate signs within the directrice's delegations (SCENARIOS.md, circ. 93/82 §1.0).
    creer_delegations_demo(personnes, annee or debut.year)
    return personnes


def _montant(alea: random.Random, bas: int, haut: int) -> Decimal:
    return Decimal(alea.randrange(bas * 100, haut * 100)) / 100


def _jours_ouvres(debut: datetime.date, fin: datetime.date):
    jour = debut
    while jour <= fin:
        if jour.weekday() < 5:
            yield jour
        jour += datetime.timedelta(days=1)


@transaction.atomic
def charger_demo(*, aujourd_hui: datetime.date | None = None) -> int:
    """Create the demo fund if absent; return the number of entries posted.

    The previous exercises first (`precedent`, `cloture`): the closed one with
    its whole year-end, and in January–February the one still in its
    période complémentaire; then the current year, whose à-nouveaux are those
    of the closed exercise (none yet in January–February: the treasury reads
    its balances through the previous exercise until they are posted)."""
    aujourd_hui = aujourd_hui or horloge.aujourdhui()
    annee = aujourd_hui.year
    clos, en_cours = annees_precedentes(aujourd_hui)
    premier_jour = datetime.date(clos, 1, 1)
    personnes = creer_personnes(premier_jour, annee=annee)
    comptable = personnes["comptable"]
    if Exercice.objects.exists():
        # A demo loaded by an earlier version: give it the treasury's accounts
        # and carnets, without replaying its year.
        if not CompteDisponibilite.objects.exists():
            creer_tresorerie_demo(
                comptable=comptable,
                regisseur=personnes["regisseur"],
                debut=datetime.date(annee, 1, 1),
            )
        return 0
    precedent = ouvrir_premiere_annee(personnes, clos)
    with horloge.figer(premier_jour):
        comptes = creer_tresorerie_demo(
            comptable=comptable, regisseur=personnes["regisseur"], debut=premier_jour
        )
    annee_legere(personnes, precedent, comptes)
    exercice_clos(personnes, precedent, aujourd_hui)
    if en_cours is not None:
        inventaire_en_cours = Exercice.objects.get(annee=en_cours)
        annee_legere(personnes, inventaire_en_cours, comptes)
        exercice_en_cours_d_inventaire(personnes, inventaire_en_cours, aujourd_hui)
        if datetime.date(annee, 1, 20) <= aujourd_hui:
            payer_ordres_restes(personnes, inventaire_en_cours, datetime.date(annee, 1, 20))
    # Opened with the période complémentaire of the previous exercise.
    exercice = Exercice.objects.get(annee=annee)
    alea = random.Random(annee)
    fin = min(aujourd_hui, exercice.fin)
    ecritures = []

    def passer(journal, date, libelle, lignes, piece=""):
        ecritures.append((date, journal, libelle, lignes, piece))

    for numero_ordre, jour in enumerate(_jours_ouvres(datetime.date(annee, 1, 2), fin), start=1):
        debiteurs = alea.sample(EMPLOYEURS, alea.randint(2, 4))
        lignes, patronales, salariales = [], Decimal(0), Decimal(0)
        for nom, siret in debiteurs:
            total = _montant(alea, 2000, 80000)
            part_salariale = (total * Decimal("0.3")).quantize(Decimal("0.01"))
            patronales += total - part_salariale
            salariales += part_salariale
            lignes.append(LigneSaisie("4111", debit=total, tiers=f"{nom} (SIRET {siret})"))
            paiement = jour + datetime.timedelta(days=alea.randint(8, 35))
            if paiement <= fin and alea.random() < 0.92:
                passer(
                    "TR",
                    paiement,
                    f"Encaissement par virement, {nom}",
                    [
                        LigneSaisie("5122", debit=total),
                        LigneSaisie("4111", credit=total, tiers=f"{nom} (SIRET {siret})"),
                    ],
                    piece=f"releve:{paiement:%Y%m%d}",
                )
            elif paiement <= fin:
                majoration = (total * Decimal("0.05")).quantize(Decimal("0.01"))
                passer(
                    "RE",
                    paiement,
                    f"Majorations de retard, {nom}",
                    [
                        LigneSaisie("4111", debit=majoration, tiers=f"{nom} (SIRET {siret})"),
                        LigneSaisie("753", credit=majoration),
                    ],
                    piece=f"ordre_recette:M{numero_ordre}",
                )
        lignes += [LigneSaisie("7511", credit=patronales), LigneSaisie("7512", credit=salariales)]
        passer(
            "RE",
            jour,
            f"Ordre de recette collectif de cotisations du {jour:%d/%m/%Y}",
            lignes,
            piece=f"ordre_recette:{annee}-{numero_ordre:04d}",
        )

    for mois in range(1, fin.month + 1):
        debut_mois = datetime.date(annee, mois, 1)
        le_5, le_10, le_25 = (debut_mois.replace(day=d) for d in (5, 10, 25))
        if le_5 <= fin:
            prestations = _montant(alea, 380000, 520000)
            passer(
                "DE",
                le_5,
                f"Prestations légales de {debut_mois:%m/%Y}, ordre collectif",
                [
                    LigneSaisie("6561", debit=prestations),
                    LigneSaisie("412", credit=prestations, tiers="Assurés (ordre collectif)"),
                ],
                piece=f"ordre_depense:P{mois:02d}",
            )
            passer(
                "TR",
                le_5,
                "Approvisionnement du compte spécial d'exécution",
                [
                    LigneSaisie("5121", debit=prestations),
                    LigneSaisie("515", credit=prestations),
                ],
            )
            passer(
                "TR",
                le_10 if le_10 <= fin else le_5,
                f"Paiement SEPA des prestations de {debut_mois:%m/%Y}",
                [
                    LigneSaisie("412", debit=prestations, tiers="Assurés (ordre collectif)"),
                    LigneSaisie("5121", credit=prestations),
                ],
            )
            passer(
                "DE",
                le_5,
                f"Loyer de l'annexe, terme de {debut_mois:%m/%Y}",
                [
                    LigneSaisie("613", debit=Decimal("4850.00")),
                    LigneSaisie("401", credit=Decimal("4850.00"), tiers="SCI Les Arcades"),
                ],
            )
            passer(
                "TR",
                le_5,
                "Paiement du loyer de l'annexe",
                [
                    LigneSaisie("401", debit=Decimal("4850.00"), tiers="SCI Les Arcades"),
                    LigneSaisie("5122", credit=Decimal("4850.00")),
                ],
            )
            passer(
                "RE",
                le_5,
                f"Loyer de l'appartement rue des Lilas, {debut_mois:%m/%Y}",
                [
                    LigneSaisie("4671", debit=Decimal("720.00"), tiers="M. et Mme Perrin"),
                    LigneSaisie("752", credit=Decimal("720.00")),
                ],
            )
        if le_10 <= fin:
            electricite = _montant(alea, 900, 1600)
            passer(
                "TR",
                le_10,
                "Électricité prélevée sans ordonnancement préalable",
                [
                    LigneSaisie("4721", debit=electricite, tiers="Électricité de Valmont"),
                    LigneSaisie("5122", credit=electricite),
                ],
            )
            passer(
                "DE",
                le_10,
                "Régularisation de la dépense d'électricité",
                [
                    LigneSaisie("6061", debit=electricite),
                    LigneSaisie("4721", credit=electricite, tiers="Électricité de Valmont"),
                ],
            )
            passer(
                "TR",
                le_10,
                "Encaissement du loyer de l'appartement",
                [
                    LigneSaisie("5122", debit=Decimal("720.00")),
                    LigneSaisie("4671", credit=Decimal("720.00"), tiers="M. et Mme Perrin"),
                ],
            )
        if le_25 <= fin:
            fournitures = _montant(alea, 300, 2500)
            passer(
                "DE",
                le_25,
                "Fournitures de bureau",
                [
                    LigneSaisie("6064", debit=fournitures),
                    LigneSaisie("401", credit=fournitures, tiers="Papeterie Centrale"),
                ],
            )
            passer(
                "TR",
                le_25,
                "Paiement des fournitures de bureau",
                [
                    LigneSaisie("401", debit=fournitures, tiers="Papeterie Centrale"),
                    LigneSaisie("5122", credit=fournitures),
                ],
            )
            if mois % 3 == 0:
                interets = _montant(alea, 4000, 9000)
                passer(
                    "TR",
                    le_25,
                    "Intérêts du dépôt à terme",
                    [
                        LigneSaisie("5122", debit=interets),
                        LigneSaisie("761", credit=interets),
                    ],
                )

    evenements = [
        (
            datetime.date(annee, 2, 14),
            "DE",
            "Licence du logiciel de gestion (immobilisation)",
            [
                LigneSaisie("205", debit=Decimal("36000.00")),
                LigneSaisie("404", credit=Decimal("36000.00"), tiers="Logiciels Publics SA"),
            ],
        ),
        (
            datetime.date(annee, 3, 20),
            "DE",
            "Honoraires de l'huissier, recouvrement contentieux",
            [
                LigneSaisie("622", debit=Decimal("1280.40")),
                LigneSaisie("401", credit=Decimal("1280.40"), tiers="Maître Dupuis, huissier"),
            ],
        ),
        (
            datetime.date(annee, 4, 8),
            "RE",
            "Condamnation au profit de la caisse (jugement définitif)",
            [
                LigneSaisie("4671", debit=Decimal("15400.00"), tiers="Société Orion"),
                LigneSaisie("771", credit=Decimal("15400.00")),
            ],
        ),
        (
            datetime.date(annee, 6, 3),
            "OD",
            "Créance douteuse : Garage Lambert en redressement",
            [
                LigneSaisie(
                    "416", debit=Decimal("18250.00"), tiers="Garage Lambert (SIRET 79945612300011)"
                ),
                LigneSaisie(
                    "4111",
                    credit=Decimal("18250.00"),
                    tiers="Garage Lambert (SIRET 79945612300011)",
                ),
            ],
        ),
        # The 120 € cash shortfall of 17 June and its payment by the agent
        # comptable on 2 July go through the liability's acts after the books
        # (`responsabilite.demo`, below), no longer as raw entries.
    ]
    for date, journal, libelle, lignes in evenements:
        if date <= fin:
            passer(journal, date, libelle, lignes)

    ecritures.sort(key=lambda e: (e[0], e[1]))
    for date, journal, libelle, lignes, piece in ecritures:
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal=journal,
            date=date,
            libelle=libelle,
            lignes=lignes,
            piece=piece,
        )
    creer_debet_de_caisse_demo(personnes, annee, fin)
    creer_ordres_demo(personnes, aujourd_hui)
    creer_depenses_demo(personnes, exercice, aujourd_hui)
    creer_tresorerie_demo_operations(personnes, exercice, aujourd_hui, ouverture=premier_jour)
    creer_regie_demo(personnes, exercice, aujourd_hui)
    creer_recouvrement_demo(personnes, exercice, aujourd_hui)
    return Ecriture.objects.count()
