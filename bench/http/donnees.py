"""Benchmark http, preparation: the cast and the orders of the minute, through the services.

Everything here runs before the clock starts, in the benchmark's own process,
on the benchmark database. The orders go through the same services as the
pages (create, attest the service, sign, transmit, visa, take in charge): the
served minute then finds them where a real one would.

Signing checks the signer's password. The production hasher (PBKDF2, 1 000 000
iterations, ~0.25 s of CPU a check) would make the preparation of hundreds of
signed orders last minutes; the directrice's password is therefore first hashed
with Django's MD5 hasher, in this process only, for the preparation, then set
again with the production hasher before the server starts: the served minute
checks every password at full cost.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

MOT_DE_PASSE = "banc-http-mot-de-passe-long"
CHAPITRE = "6064"
IBAN = "FR7630006000011234567890189"
BIC = "AGRIFRPPXXX"


@dataclass
class Distribution:
    """Logins of the cast, by role."""

    # The directeur and the agent comptable of the other benchmarks when they run
    # first on the same database (one of each at a time), created otherwise.
    directrice: str = "bench-directeur"
    comptable: str = "bench-comptable"
    fondes: list[str] = field(default_factory=lambda: [f"http-fonde-{i}" for i in range(1, 3)])
    auditeurs: list[str] = field(
        default_factory=lambda: [f"http-auditeur-{i}" for i in range(1, 9)]
    )


@dataclass
class Reserves:
    """The orders the served minute acts on, by the state they wait in."""

    brouillons: list[int]  # ordres de dépense to sign (parapheur)
    transmis: list[int]  # ordres de dépense to visa
    vises: list[int]  # ordres de dépense to pay in batches
    recettes: list[int]  # ordres de recette to take in charge
    compte_paiement: str  # code of the CompteDisponibilite the batches are paid from
    annee: int  # the exercise (balance PDF)
    points_recette: list[str]  # what the plan de contrôle asks at a prise en charge


def _utilisateur(login: str, fonction: str, debut: datetime.date, prenom: str, nom: str):
    from django.contrib.auth import get_user_model

    from personnes.models import Affectation

    utilisateur, _ = get_user_model().objects.get_or_create(
        username=login, defaults={"first_name": prenom, "last_name": nom}
    )
    utilisateur.set_password(MOT_DE_PASSE)
    utilisateur.save(update_fields=["password"])
    Affectation.objects.get_or_create(
        utilisateur=utilisateur, fonction=fonction, defaults={"debut": debut}
    )
    return utilisateur


def _hacheur_rapide(actif: bool) -> None:
    """MD5 first (preparation only) or the production hashers back."""
    from django.conf import settings
    from django.contrib.auth.hashers import get_hashers, get_hashers_by_algorithm

    rapide = "django.contrib.auth.hashers.MD5PasswordHasher"
    hacheurs = [h for h in settings.PASSWORD_HASHERS if h != rapide]
    settings.PASSWORD_HASHERS = [rapide, *hacheurs] if actif else hacheurs
    get_hashers.cache_clear()
    get_hashers_by_algorithm.cache_clear()


def distribution(debut: datetime.date) -> tuple[Distribution, dict]:
    """The cast (directrice, agent comptable, 2 fondés de pouvoir with their
    procuration: at most two, circ. 93/82 §1.1.1; 8 auditors); returns the logins and the user objects by login."""
    from personnes.models import Fonction, Procuration

    noms = Distribution()
    gens = {
        noms.directrice: _utilisateur(
            noms.directrice, Fonction.DIRECTEUR, debut, "Hélène", "Directrice"
        ),
        noms.comptable: _utilisateur(
            noms.comptable, Fonction.AGENT_COMPTABLE, debut, "Paul", "Comptable"
        ),
    }
    for rang, login in enumerate(noms.fondes, 1):
        fonde = _utilisateur(login, Fonction.FONDE_DE_POUVOIR, debut, "Fondé", f"n° {rang}")
        gens[login] = fonde
        Procuration.objects.get_or_create(
            fonde=fonde,
            defaults={
                "agent_comptable": gens[noms.comptable],
                "debut": debut,
                "agreee_le": debut,
                "deliberation": "délibération n° 12 du conseil",
                "actes": "",
                "enregistree_par": gens[noms.comptable],
            },
        )
    for rang, login in enumerate(noms.auditeurs, 1):
        gens[login] = _utilisateur(login, Fonction.AUDITEUR, debut, "Auditeur", f"n° {rang}")
    return noms, gens


def _ordre_depense(directrice, exercice, rang: int, aujourd_hui: datetime.date):
    from depenses import services as d

    montant = Decimal(5_000 + (rang * 7_919) % 95_000).scaleb(-2)
    engagement = d.engagement_creer(
        acting_user=directrice,
        exercice=exercice,
        gestion="budgetaire",
        objet=f"Fournitures de bureau, bon de commande n° {rang}",
        creancier=f"Papeterie n° {rang:04d}",
        compte_imputation=CHAPITRE,
        montant_engage=montant,
    )
    ordre = d.ordre_depense_creer(
        acting_user=directrice,
        saisie=d.SaisieDepense(
            gestion="budgetaire",
            nature="fournitures",
            objet=f"Fournitures de bureau, facture n° F{rang:05d}",
            bases_liquidation=f"Facture n° F{rang:05d}",
            compte_imputation=CHAPITRE,
            compte_tiers="401",
            date_fait=aujourd_hui,
            dates={"reception": aujourd_hui},
            engagement=engagement,
            lignes=[
                d.LigneCreancier(
                    f"Papeterie n° {rang:04d}",
                    "fournisseur",
                    IBAN,
                    montant,
                    bic=BIC,
                    identifiant="55210055400013",
                )
            ],
            pieces_references=f"Facture n° F{rang:05d}, au dossier",
        ),
    )
    d.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=aujourd_hui)
    return ordre


def _ordre_recette(directrice, rang: int, aujourd_hui: datetime.date):
    from recettes import services as r

    return r.ordre_recette_creer(
        acting_user=directrice,
        saisie=r.SaisieOrdre(
            nature="autre",
            objet=f"Remboursement de frais de dossier n° {rang}",
            bases_liquidation=f"Convention n° {rang} du 3 mars",
            compte_imputation="7585",
            compte_tiers="4671",
            date_fait=aujourd_hui,
            dates={"liquidation": aujourd_hui, "droits_acquis": aujourd_hui},
            lignes=[r.LigneDebiteur(f"Société Orion n° {rang}", "débiteur", "1250.40")],
            pieces_references=f"Convention n° {rang}, au dossier",
        ),
    )


def preparer(
    nombre_brouillons: int, nombre_transmis: int, nombre_vises: int, nombre_recettes: int
) -> tuple[Distribution, Reserves]:
    """The cast, the credit, the accounts and the four reserves of orders."""
    from bench import commun
    from budget import services as budget
    from core import horloge
    from depenses import services as d
    from recettes import services as r
    from tresorerie.demo import creer_tresorerie_demo
    from tresorerie.models import CompteDisponibilite

    aujourd_hui = horloge.aujourdhui()
    debut = datetime.date(aujourd_hui.year, 1, 1)
    _hacheur_rapide(True)
    try:
        noms, gens = distribution(debut)
        directrice, comptable = gens[noms.directrice], gens[noms.comptable]
        exercice = commun.exercice(aujourd_hui.year)
        creer_tresorerie_demo(comptable=comptable, debut=debut)
        # Batches are paid without funding the account first (as the suite does).
        CompteDisponibilite.objects.filter(code="BANQUE").update(
            decouvert_autorise=Decimal("100000000.00")
        )
        total = nombre_brouillons + nombre_transmis + nombre_vises
        montant = Decimal(1_000) * (total + 10)
        credit = budget.credit_pour(exercice=exercice, compte_numero=CHAPITRE)
        if credit is None:
            budget.credit_ouvrir(
                acting_user=directrice,
                exercice=exercice,
                chapitre=CHAPITRE,
                libelle="Fournitures administratives",
                montant_initial=montant,
            )
        else:  # opened by the treasury benchmark, and spent: a décision modificative
            budget.credit_modifier(
                acting_user=directrice,
                credit=credit,
                montant=montant,
                motif="Banc d'essai HTTP",
                le=aujourd_hui,
            )
        ordres = [_ordre_depense(directrice, exercice, rang, aujourd_hui) for rang in range(total)]
        a_signer = ordres[nombre_brouillons:]
        signes, refus = d.ordre_depense_signer_lot(
            acting_user=directrice, ordres=a_signer, mot_de_passe=MOT_DE_PASSE
        )
        if refus:
            raise RuntimeError(f"préparation : signature refusée : {refus[0][1]}")
        for ordre in signes:
            d.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
        vises = signes[nombre_transmis:]
        appreciations = {"imputation": (True, ""), "validite_dette": (True, "")}
        for ordre in vises:
            d.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=appreciations)
        recettes = [
            _ordre_recette(directrice, rang, aujourd_hui) for rang in range(nombre_recettes)
        ]
        signees, refus = r.ordre_recette_signer_lot(
            acting_user=directrice, ordres=recettes, mot_de_passe=MOT_DE_PASSE
        )
        if refus:
            raise RuntimeError(f"préparation : signature refusée : {refus[0][1]}")
        for ordre in signees:
            r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    finally:
        _hacheur_rapide(False)
    # The served minute checks the production hash (PBKDF2) of every password.
    for utilisateur in gens.values():
        utilisateur.set_password(MOT_DE_PASSE)
        utilisateur.save(update_fields=["password"])
    reserves = Reserves(
        brouillons=[o.pk for o in ordres[:nombre_brouillons]],
        transmis=[o.pk for o in signes[:nombre_transmis]],
        vises=[o.pk for o in vises],
        recettes=[o.pk for o in signees],
        compte_paiement="BANQUE",
        annee=aujourd_hui.year,
        # Nature « autre »: no plan, the exhaustive check, the same points for every order.
        points_recette=list(r.controles_requis(signees[0]).points) if signees else [],
    )
    return noms, reserves
