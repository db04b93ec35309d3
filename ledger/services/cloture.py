"""The year-end of an exercise after its inventory: the result, the board's
arrêté of the accounts, then (`exercices.exercice_clore`) the closing, and the
à-nouveaux of the next exercise.

The order, each step refused before the one it rests on:

1. the balance après inventaire is frozen (circ. 93/82 §3.2,
   `ledger.services.balance_figer`);
2. the agent comptable posts the result (`resultat_passer`): one entry of the
   OD journal dated 31 December that balances every account of classes 6 and
   7 and carries the difference to 120 (excédent) or 129 (déficit); it is
   recognised by its pièce `resultat:<année>`. The result is « passed » when
   classes 6 and 7 are all balanced: a charge or produit posted afterwards
   undoes it, and the closing is refused until it is posted too;
3. the directeur records the board's arrêté of the comptes annuels (circ.
   §IV), with the date, the délibération and the affectation of the result
   (`arrete_enregistrer`);
4. the agent comptable closes the exercise (`exercice_clore`): nothing posts
   to it any more (PostgreSQL refuses it too);
5. the agent comptable posts the à-nouveaux of N+1 (`a_nouveaux_passer`),
   only once N is closed, so that they are N's final balances: every account
   of classes 1 to 5 with a balance, per account and tiers, on the AN journal
   dated 1 January N+1, the result carried to 110 / 119 (report à nouveau).
   Until then the treasury reads N's balances themselves
   (`tresorerie_solde_comptable` counts the exercises back to the last one
   with à-nouveaux), so no day shows the cash twice nor misses it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import ZERO, format_euros
from core.progression import avance, conclure, etape, nombre_lisible, suivie
from core.verrous import verrouiller
from ledger.models import ArreteComptes, BalanceFigee, Ecriture, Exercice
from ledger.services.ecritures import LigneSaisie, ecriture_passer
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_le
from reglementation.periode_complementaire import dernier_delai

JOURNAL_RESULTAT = "OD"
JOURNAL_A_NOUVEAUX = "AN"
COMPTE_EXCEDENT, COMPTE_DEFICIT = "120", "129"
REPORT_CREDITEUR, REPORT_DEBITEUR = "110", "119"


def _cible(*, exercice: Exercice, **_autres) -> str:
    """Where the progress of a year-end step is shown (`core.progression`)."""
    return f"exercice:{exercice.annee}"


def piece_resultat(exercice: Exercice) -> str:
    return f"resultat:{exercice.annee}"


def soldes_de_gestion(exercice: Exercice) -> list[tuple[str, Decimal]]:
    """Debit balance of each account of classes 6 and 7 of `exercice` that has
    one: one aggregate over the daily totals."""
    with connection.cursor() as curseur:
        curseur.execute(
            """
            SELECT c.numero, SUM(cu.debit - cu.credit)
              FROM ledger_cumul cu JOIN ledger_compte c ON c.id = cu.compte_id
             WHERE cu.exercice_id = %s AND c.classe IN (6, 7)
             GROUP BY c.numero HAVING SUM(cu.debit - cu.credit) <> 0
             ORDER BY c.numero
            """,
            [exercice.pk],
        )
        return [(numero, Decimal(solde)) for numero, solde in curseur.fetchall()]


def resultat_de(exercice: Exercice) -> Decimal:
    """Classes 7 − 6 before the result is posted (produits minus charges)."""
    return -sum((solde for _numero, solde in soldes_de_gestion(exercice)), ZERO)


def resultat_passe(exercice: Exercice) -> bool:
    """Classes 6 and 7 are all balanced (by the result entry, or never used)."""
    return not soldes_de_gestion(exercice)


def ecriture_resultat(exercice: Exercice) -> Ecriture | None:
    return (
        Ecriture.objects.filter(exercice=exercice, piece=piece_resultat(exercice))
        .order_by("-numero")
        .first()
    )


def apres_inventaire_figee(exercice: Exercice) -> bool:
    return BalanceFigee.objects.filter(
        exercice=exercice, nature=BalanceFigee.Nature.APRES_INVENTAIRE
    ).exists()


def a_nouveaux_passes(annee: int) -> bool:
    """The exercise `annee` has its à-nouveaux."""
    return Ecriture.objects.filter(exercice__annee=annee, journal__a_nouveaux=True).exists()


def _exiger_complementaire(exercice: Exercice, acte: str) -> None:
    if exercice.etat != Exercice.Etat.COMPLEMENTAIRE:
        raise TransitionInterdite(
            f"L'exercice {exercice.annee} est {exercice.get_etat_display()} : on ne peut "
            f"{acte} que pendant sa période complémentaire."
        )


def _exiger_apres_inventaire(exercice: Exercice, acte: str) -> None:
    if not apres_inventaire_figee(exercice):
        raise TransitionInterdite(
            f"La balance après inventaire de l'exercice {exercice.annee} n'est pas figée : "
            f"figez-la avant de {acte} (circulaire 93/82 §3.2)."
        )


@suivie(
    lambda **k: f"Résultat de l'exercice {k['exercice'].annee}",
    etapes=("soldes des classes 6 et 7", "écriture de résultat"),
    droit="exercice.resultat",
    cible=_cible,
)
@transaction.atomic
def resultat_passer(*, acting_user, exercice: Exercice) -> Ecriture:
    """Post the result of `exercice` (classes 7 − 6) to 120 or 129, once."""
    exiger_comptable(
        acting_user,
        horloge.aujourdhui(),
        "passer le résultat de l'exercice",
        code="exercice.resultat",
    )
    exercice = verrouiller(Exercice, exercice.pk)
    _exiger_complementaire(exercice, "passer le résultat")
    _exiger_apres_inventaire(exercice, "passer le résultat")
    etape("soldes des classes 6 et 7", unite="comptes")
    soldes = soldes_de_gestion(exercice)
    avance(len(soldes))
    if not soldes:
        raise TransitionInterdite(
            f"Les comptes de charges et de produits de l'exercice {exercice.annee} sont soldés : "
            "le résultat est déjà passé, ou il n'y a rien à solder."
        )
    lignes = [
        LigneSaisie(numero, credit=solde) if solde > 0 else LigneSaisie(numero, debit=-solde)
        for numero, solde in soldes
    ]
    resultat = -sum((solde for _numero, solde in soldes), ZERO)
    if resultat > 0:
        lignes.append(LigneSaisie(COMPTE_EXCEDENT, credit=resultat))
    elif resultat < 0:
        lignes.append(LigneSaisie(COMPTE_DEFICIT, debit=-resultat))
    etape("écriture de résultat", total=len(lignes), unite="lignes")
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice,
        journal=JOURNAL_RESULTAT,
        date=exercice.fin,
        libelle=f"Résultat de l'exercice {exercice.annee} : solde des classes 6 et 7",
        lignes=lignes,
        piece=piece_resultat(exercice),
    )
    audit(
        acting_user,
        "exercice.resultat",
        exercice,
        apres={"resultat": str(resultat), "ecriture": f"{JOURNAL_RESULTAT}-{ecriture.numero}"},
    )
    conclure(
        f"Écriture {JOURNAL_RESULTAT}-{ecriture.numero} de {nombre_lisible(len(lignes))} lignes : "
        f"{libelle_resultat(resultat)}."
    )
    return ecriture


def _exiger_directeur(utilisateur, jour: datetime.date) -> None:
    if Fonction.DIRECTEUR not in set(fonctions_le(utilisateur, jour)):
        raise DroitInsuffisant(
            "Seul le directeur enregistre les décisions du conseil d'administration, dont "
            "l'arrêté des comptes annuels (circulaire 93/82 §IV)."
        )


@transaction.atomic
def arrete_enregistrer(
    *,
    acting_user,
    exercice: Exercice,
    arrete_le: datetime.date,
    deliberation: str,
    affectation: str = ArreteComptes.Affectation.REPORT_A_NOUVEAU,
) -> ArreteComptes:
    """Record the board's arrêté of the comptes annuels of `exercice` (circ. §IV)."""
    aujourdhui = horloge.aujourdhui()
    _exiger_directeur(acting_user, aujourdhui)
    exercice = verrouiller(Exercice, exercice.pk)
    deliberation = (deliberation or "").strip()
    if not deliberation:
        raise DonneeInvalide("Indiquez la référence de la délibération du conseil.")
    if affectation not in ArreteComptes.Affectation.values:
        raise DonneeInvalide(f"Affectation du résultat inconnue : « {affectation} ».")
    if ArreteComptes.objects.filter(exercice=exercice).exists():
        raise TransitionInterdite(
            f"L'arrêté des comptes de l'exercice {exercice.annee} est déjà enregistré."
        )
    _exiger_complementaire(exercice, "enregistrer l'arrêté des comptes")
    if not resultat_passe(exercice):
        raise TransitionInterdite(
            f"Le résultat de l'exercice {exercice.annee} n'est pas passé : le conseil arrête "
            "des comptes dont le résultat est déterminé."
        )
    if arrete_le <= exercice.fin or arrete_le > aujourdhui:
        raise DonneeInvalide(
            f"Le conseil arrête les comptes de {exercice.annee} après le 31/12/{exercice.annee}, "
            "et au plus tard aujourd'hui."
        )
    arrete = ArreteComptes.objects.create(
        exercice=exercice,
        arrete_le=arrete_le,
        deliberation=deliberation[:200],
        affectation=affectation,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "exercice.arrete_comptes",
        exercice,
        apres={
            "arrete_le": arrete_le.isoformat(),
            "deliberation": arrete.deliberation,
            "affectation": affectation,
        },
    )
    return arrete


def _exiger_delais_echus(exercice: Exercice) -> None:
    """The exercise closes once the last délai of its période complémentaire
    is over: until then orders of N may still be issued (the dated rules of
    `reglementation.periode_complementaire`)."""
    dernier = dernier_delai(exercice.annee)
    if dernier is not None and horloge.aujourdhui() <= dernier.limite:
        raise TransitionInterdite(
            f"La période complémentaire de l'exercice {exercice.annee} court jusqu'au "
            f"{dernier.limite:%d/%m/%Y} ({dernier.delai} pour {dernier.natures_texte} ; "
            f"{dernier.citation}) : l'exercice ne se clôt qu'à partir du "
            f"{dernier.limite + datetime.timedelta(days=1):%d/%m/%Y}."
        )


def exiger_cloturable(exercice: Exercice) -> None:
    """What `exercice_clore` requires besides the période complémentaire."""
    _exiger_apres_inventaire(exercice, "clore l'exercice")
    if not resultat_passe(exercice):
        raise TransitionInterdite(
            f"Le résultat de l'exercice {exercice.annee} n'est pas passé (les classes 6 et 7 ne "
            "sont pas soldées) : passez-le avant de clore."
        )
    if not ArreteComptes.objects.filter(exercice=exercice).exists():
        raise TransitionInterdite(
            f"L'arrêté des comptes {exercice.annee} par le conseil d'administration n'est pas "
            "enregistré : l'exercice n'est clos qu'après lui (circulaire 93/82 §IV)."
        )
    _exiger_delais_echus(exercice)


# Balances of classes 1 to 5 per account and tiers, the result carried to the
# report à nouveau: one aggregate over the lines of N.
_SOLDES_BILAN = """
SELECT CASE c.numero WHEN %(excedent)s THEN %(report_c)s
                     WHEN %(deficit)s THEN %(report_d)s ELSE c.numero END AS numero,
       l.tiers, SUM(l.debit - l.credit) AS solde
  FROM ledger_ligne l
  JOIN ledger_ecriture e ON e.id = l.ecriture_id
  JOIN ledger_compte c ON c.id = l.compte_id
 WHERE e.exercice_id = %(exercice)s AND c.classe BETWEEN 1 AND 5
 GROUP BY 1, 2 HAVING SUM(l.debit - l.credit) <> 0
 ORDER BY 1, 2
"""


def soldes_bilan(exercice: Exercice) -> list[tuple[str, str, Decimal]]:
    """(account, tiers, debit balance) of classes 1 to 5 at the end of
    `exercice`, 120 / 129 read as 110 / 119."""
    with connection.cursor() as curseur:
        curseur.execute(
            _SOLDES_BILAN,
            {
                "exercice": exercice.pk,
                "excedent": COMPTE_EXCEDENT,
                "deficit": COMPTE_DEFICIT,
                "report_c": REPORT_CREDITEUR,
                "report_d": REPORT_DEBITEUR,
            },
        )
        return [(numero, tiers, Decimal(solde)) for numero, tiers, solde in curseur.fetchall()]


@suivie(
    lambda **k: f"À-nouveaux de l'exercice {k['exercice'].annee + 1}",
    etapes=("soldes des classes 1 à 5", "écriture d'à-nouveaux"),
    droit="exercice.a_nouveaux",
    cible=_cible,
)
@transaction.atomic
def a_nouveaux_passer(*, acting_user, exercice: Exercice) -> Ecriture:
    """Post the à-nouveaux of the exercise after `exercice` (closed), once."""
    exiger_comptable(
        acting_user, horloge.aujourdhui(), "passer les à-nouveaux", code="exercice.a_nouveaux"
    )
    exercice = verrouiller(Exercice, exercice.pk)
    if exercice.etat != Exercice.Etat.CLOS:
        raise TransitionInterdite(
            f"L'exercice {exercice.annee} est {exercice.get_etat_display()} : les à-nouveaux de "
            f"{exercice.annee + 1} reprennent ses soldes une fois qu'il est clos."
        )
    suivant = Exercice.objects.filter(annee=exercice.annee + 1).first()
    if suivant is None or suivant.etat == Exercice.Etat.CLOS:
        raise TransitionInterdite(
            f"L'exercice {exercice.annee + 1} n'est pas ouvert : ses à-nouveaux ne peuvent "
            "être passés."
        )
    suivant = verrouiller(Exercice, suivant.pk)
    if a_nouveaux_passes(suivant.annee):
        raise TransitionInterdite(f"Les à-nouveaux de l'exercice {suivant.annee} sont déjà passés.")
    arrete = ArreteComptes.objects.get(exercice=exercice)
    etape("soldes des classes 1 à 5", unite="comptes et tiers")
    soldes = soldes_bilan(exercice)
    avance(len(soldes))
    if not soldes:
        raise TransitionInterdite(
            f"Aucun compte de bilan n'a de solde à la fin de l'exercice {exercice.annee} : "
            "il n'y a pas d'à-nouveaux à passer."
        )
    lignes = [
        LigneSaisie(numero, debit=solde, tiers=tiers)
        if solde > 0
        else LigneSaisie(numero, credit=-solde, tiers=tiers)
        for numero, tiers, solde in soldes
    ]
    etape("écriture d'à-nouveaux", total=len(lignes), unite="lignes")
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=suivant,
        journal=JOURNAL_A_NOUVEAUX,
        date=suivant.debut,
        libelle=(
            f"À-nouveaux de l'exercice {suivant.annee} : soldes de clôture {exercice.annee}, "
            f"résultat en {arrete.get_affectation_display()}"
        ),
        lignes=lignes,
        piece=f"a_nouveaux:{exercice.annee}",
    )
    total = sum((solde for _n, _t, solde in soldes if solde > 0), ZERO)
    audit(
        acting_user,
        "exercice.a_nouveaux",
        suivant,
        apres={
            "depuis": exercice.annee,
            "lignes": len(lignes),
            "total": str(total),
            "ecriture": f"{JOURNAL_A_NOUVEAUX}-{ecriture.numero}",
        },
    )
    conclure(
        f"Écriture {JOURNAL_A_NOUVEAUX}-{ecriture.numero} de {nombre_lisible(len(lignes))} lignes, "
        f"{format_euros(total)} de soldes débiteurs repris."
    )
    return ecriture


@dataclass
class Etapes:
    """Where the year-end of an exercise stands, for its page and the API."""

    apres_inventaire: bool
    resultat: Decimal
    resultat_passe: bool
    ecriture_resultat: Ecriture | None
    arrete: ArreteComptes | None
    clos: bool
    a_nouveaux: bool
    clore_a_partir_du: datetime.date | None  # the day after the last délai

    @property
    def delais_echus(self) -> bool:
        return self.clore_a_partir_du is None or horloge.aujourdhui() >= self.clore_a_partir_du

    @property
    def libelle_resultat(self) -> str:
        return libelle_resultat(self.resultat)


def etapes(exercice: Exercice) -> Etapes:
    ecriture = ecriture_resultat(exercice)
    dernier = dernier_delai(exercice.annee)
    if ecriture is not None:
        resultat = sum(
            (
                ligne.credit - ligne.debit
                for ligne in ecriture.lignes.select_related("compte")
                if ligne.compte.numero in (COMPTE_EXCEDENT, COMPTE_DEFICIT)
            ),
            ZERO,
        )
    else:
        resultat = resultat_de(exercice)
    return Etapes(
        apres_inventaire=apres_inventaire_figee(exercice),
        resultat=resultat,
        resultat_passe=resultat_passe(exercice),
        ecriture_resultat=ecriture,
        arrete=ArreteComptes.objects.filter(exercice=exercice).first(),
        clos=exercice.etat == Exercice.Etat.CLOS,
        a_nouveaux=a_nouveaux_passes(exercice.annee + 1),
        clore_a_partir_du=dernier.limite + datetime.timedelta(days=1) if dernier else None,
    )


def libelle_resultat(resultat: Decimal) -> str:
    if resultat >= 0:
        return f"excédent de {format_euros(resultat)}"
    return f"déficit de {format_euros(-resultat)}"
