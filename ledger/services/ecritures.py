"""Entries: prepare, check, number, chain and post them; reverse them."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError, connection, transaction

from core import horloge, preparees
from core.exceptions import (
    DonneeInvalide,
    EcritureDesequilibree,
    ExerciceClos,
    ExerciceInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import ZERO, format_euros, montant
from ledger.models import Compte, Ecriture, Exercice, Journal
from ledger.plan import JOURNAUX
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_le

EMPREINTE_INITIALE = "0" * 64
# One encoder for every hash (json.dumps builds a new one per call); same text.
_ENCODEUR = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class LigneSaisie:
    """A line as typed: an account number and one amount on one side."""

    compte: str
    debit: Decimal | str | int = ZERO
    credit: Decimal | str | int = ZERO
    tiers: str = ""
    libelle: str = ""


@dataclass
class _LignePrete:
    compte: Compte | str  # its number only when the accounts are left to the function
    debit: Decimal
    credit: Decimal
    tiers: str
    libelle: str


@dataclass
class EcritureSaisie:
    """An entry as given to the bulk import."""

    date: datetime.date
    libelle: str
    lignes: Sequence[LigneSaisie]
    piece: str = ""
    contrepasse_id: int | None = None
    extra: dict = field(default_factory=dict)


def empreinte_ecriture(
    *,
    precedente: str,
    annee: int,
    journal: str,
    numero: int,
    rang: int,
    date: datetime.date,
    libelle: str,
    piece: str,
    passee_par_id: int,
    passee_le: datetime.datetime,
    contrepasse_id: int | None,
    lignes: Iterable[tuple[str, Decimal, Decimal, str, str]],
) -> str:
    """SHA-256 of an entry's content chained to the previous entry's hash.

    The canonical form is a JSON array, so that no label can forge a field
    boundary; amounts are written with two decimals, the time in UTC.
    """
    contenu = [
        precedente,
        annee,
        journal,
        numero,
        rang,
        date.isoformat(),
        libelle,
        piece,
        passee_par_id,
        passee_le.astimezone(datetime.UTC).isoformat(),
        contrepasse_id,
        [[c, f"{d:.2f}", f"{k:.2f}", t, lib] for c, d, k, t, lib in lignes],
    ]
    return hashlib.sha256(_ENCODEUR.encode(contenu).encode("utf-8")).hexdigest()


def _exercice(exercice: Exercice | int) -> Exercice:
    if isinstance(exercice, Exercice):
        return exercice
    try:
        return Exercice.objects.get(annee=exercice)
    except Exercice.DoesNotExist:
        raise ExerciceInvalide(f"L'exercice {exercice} n'existe pas.") from None


def _journal(journal: Journal | str) -> Journal:
    if isinstance(journal, Journal):
        return journal
    try:
        return Journal.objects.get(code=journal)
    except Journal.DoesNotExist:
        raise DonneeInvalide(f"Le journal « {journal} » n'existe pas.") from None


def verifier_date_dans_exercice(exercice: Exercice, date: datetime.date) -> None:
    """D253-17 to D253-19-1: an operation belongs to one exercise, never a closed one."""
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : aucune écriture ne peut plus y être passée."
        )
    if not (exercice.debut <= date <= exercice.fin):
        raise ExerciceInvalide(
            f"La date {date:%d/%m/%Y} est hors de l'exercice {exercice.annee} "
            f"(du 01/01/{exercice.annee} au 31/12/{exercice.annee})."
        )


def _preparer_lignes(
    lignes: Sequence[LigneSaisie], comptes: dict[str, Compte] | None
) -> list[_LignePrete]:
    """The lines checked, amounts made exact; with `comptes` None, their accounts
    are left to the recording function, which refuses in the same words (LG082,
    LG083, LG094, LG095)."""
    if len(lignes) < 2:
        raise EcritureDesequilibree("Une écriture compte au moins deux lignes (partie double).")
    pretes = []
    for rang, ligne in enumerate(lignes, start=1):
        libelle = f"Ligne {rang} :"
        debit = montant(
            ligne.debit or ZERO, libelle=f"{libelle} le débit", strictement_positif=False
        )
        credit = montant(
            ligne.credit or ZERO, libelle=f"{libelle} le crédit", strictement_positif=False
        )
        if (debit > 0) == (credit > 0):
            raise DonneeInvalide(
                f"{libelle} une ligne porte soit un débit, soit un crédit, strictement positif."
            )
        if comptes is None:
            pretes.append(
                _LignePrete(
                    str(ligne.compte), debit, credit, ligne.tiers[:120], ligne.libelle[:255]
                )
            )
            continue
        compte = comptes.get(str(ligne.compte))
        if compte is None:
            raise DonneeInvalide(
                f"{libelle} le compte {ligne.compte} n'existe pas au plan comptable."
            )
        if not compte.imputable:
            raise DonneeInvalide(
                f"{libelle} le compte {compte.numero} est un compte de regroupement : imputez un de ses sous-comptes."
            )
        pretes.append(_LignePrete(compte, debit, credit, ligne.tiers[:120], ligne.libelle[:255]))
    if comptes is not None:
        verifier_compte_special_encaissement(pretes)
    total_debit = sum((ligne.debit for ligne in pretes), ZERO)
    total_credit = sum((ligne.credit for ligne in pretes), ZERO)
    if total_debit != total_credit:
        raise EcritureDesequilibree(
            f"L'écriture n'est pas équilibrée : débits {format_euros(total_debit)}, "
            f"crédits {format_euros(total_credit)}.",
            details={"debit": str(total_debit), "credit": str(total_credit)},
        )
    return pretes


def verifier_compte_special_encaissement(lignes) -> None:
    """A compte spécial d'encaissement records credits only, in the bank's sense,
    and only cotisations (circ. 93/82 §2.2.0.2: « alimentés que par le versement
    des cotisations », §2.2.0.3): no payment and no fee goes out. A credit to it
    (money leaving it, in our books) is accepted only when the same entry moves
    it to another treasury account (its nivellement); an entry that debits it
    (money coming in) credits only accounts the chart flags `cotisations`
    (cotisants, cotisations and majorations, receipts awaiting their cotisant),
    never another produit. The database checks the same rules at commit
    (ledger_lot_verifier_equilibre, migrations 0008 and 0009)."""
    entree = next((lg.compte for lg in lignes if lg.compte.credit_seulement and lg.debit), None)
    if entree is not None:
        autre = next((lg.compte for lg in lignes if lg.credit and not lg.compte.cotisations), None)
        if autre is not None:
            raise DonneeInvalide(
                f"Le compte {entree.numero} est un compte spécial d'encaissement, alimenté par le "
                "seul versement des cotisations (circulaire 93/82 §2.2.0.2) : l'écriture qui le "
                "débite ne crédite que des comptes de cotisants, de cotisations ou de majorations, "
                f"ou les versements en attente d'affectation, non le compte {autre.numero} "
                f"({autre.libelle}).",
                details={"compte": entree.numero, "contrepartie": autre.numero},
            )
    sortie = sum((lg.credit for lg in lignes if lg.compte.credit_seulement), ZERO)
    if sortie <= 0:
        return
    tresorerie = sum(
        (
            lg.debit - lg.credit
            for lg in lignes
            if lg.compte.classe == 5 and not lg.compte.credit_seulement
        ),
        ZERO,
    )
    if sortie > tresorerie:
        numero = next(lg.compte.numero for lg in lignes if lg.compte.credit_seulement and lg.credit)
        raise DonneeInvalide(
            f"Le compte {numero} est un compte spécial d'encaissement : il n'enregistre que des "
            "crédits (versements de cotisations) ; ni paiement ni frais n'y sont imputés, seul son "
            "nivellement vers un autre compte de disponibilités le débite "
            "(circulaire 93/82 §2.2.0.2 et §2.2.0.3)."
        )


def _verrouiller(exercice: Exercice, journal: Journal) -> tuple[int, int, str, str]:
    """Lock the journal's counter and the exercise's chain head until commit,
    and read the exercise's state under that lock (a closure takes it too).

    Every posting to the exercise waits here for the one before it to commit:
    that is what makes numbers continuous and the chain linear.
    """
    with connection.cursor() as curseur:
        for _ in range(2):
            curseur.execute(
                """
                SELECT c.dernier_numero, h.dernier_rang, h.derniere_empreinte, x.etat
                  FROM ledger_compteur c
                  JOIN ledger_chaine h ON h.exercice_id = c.exercice_id
                  JOIN ledger_exercice x ON x.id = c.exercice_id
                 WHERE c.exercice_id = %s AND c.journal_id = %s
                   FOR UPDATE OF c, h
                """,
                [exercice.pk, journal.pk],
            )
            ligne = curseur.fetchone()
            if ligne is not None:
                return ligne
            curseur.execute(
                "INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)"
                " VALUES (%s, %s, 0) ON CONFLICT DO NOTHING",
                [exercice.pk, journal.pk],
            )
            curseur.execute(
                "INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)"
                " VALUES (%s, 0, %s) ON CONFLICT DO NOTHING",
                [exercice.pk, EMPREINTE_INITIALE],
            )
    raise DatabaseError("compteur introuvable")  # pragma: no cover


def attendre_ecritures_en_cours(exercice: Exercice) -> None:
    """Take the exercise's chain head until commit: every posting in flight
    (it holds the head until it commits) commits first, and none posts under
    the caller, who then reads the exercise's books whole (the closing, the
    freezing of a balance)."""
    valider_file(exercice)
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT 1 FROM ledger_chaine WHERE exercice_id = %s FOR UPDATE", [exercice.pk]
        )


def verrouiller_ecritures(exercice: Exercice | int, journal: Journal | str) -> None:
    """Take now, until commit, the locks a posting to `journal` in `exercice`
    takes (its counter and the exercise's chain head, in the same order), for
    an act that reads the books before it posts (the arrêté de caisse): every
    posting in flight commits before it reads, none commits under it. The
    entries recorded and not yet validated are validated first."""
    exercice = _exercice(exercice)
    valider_file(exercice)
    _verrouiller(exercice, _journal(journal))


def valider_file(exercice: Exercice | int | None = None, limite: int = 10_000) -> tuple[int, int]:
    """Validate the entries recorded in `exercice` (every exercise if None)
    and not yet validated, at most `limite` per exercise: the sequencer's
    function of migration 0023, under the exercise's counters and chain head,
    which stay held until the caller's COMMIT. Returns (validated, rejected)."""
    exercice_id = exercice.pk if isinstance(exercice, Exercice) else exercice
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT validees, rejetees FROM ledger_valider_enregistrements(%s, %s)",
            [exercice_id, limite],
        )
        validees, rejetees = curseur.fetchone()
    return validees, rejetees


def ecriture_passer(
    *,
    acting_user,
    exercice: Exercice | int,
    journal: Journal | str,
    date: datetime.date,
    libelle: str,
    lignes: Sequence[LigneSaisie],
    piece: str = "",
    contrepasse: Ecriture | None = None,
    regie: str = "",
) -> Ecriture:
    """Post one balanced entry (circ. 93/82 §III: double entry, gross amounts).

    Only the agent comptable keeps the books (circ. §1.1.1). The entry gets the
    next number of its journal in its exercise and the next link of the
    exercise's hash chain. Once committed it never changes.
    """
    try:
        with transaction.atomic():
            return _ecriture_passer(
                acting_user=acting_user,
                exercice=exercice,
                journal=journal,
                date=date,
                libelle=libelle,
                lignes=lignes,
                piece=piece,
                contrepasse=contrepasse,
                regie=regie,
            )
    except DatabaseError as exc:
        refus = _refus_saisie(exc)
        if refus is not None:
            raise refus from exc
        relever_erreur_base(exc)


def _exiger_regisseur(acting_user, regie: str, journal: str, pretes) -> None:
    """A régisseur acts "pour le compte et sous la surveillance de l'agent
    comptable" (circ. 93/82, II): the receipts of his régie are posted in his
    own name (`regie`, the number of its cash account), an entry of the TR
    journal that debits that account only. The treasury checks that the régie
    is his (tresorerie.services.encaissements); the books stay the agent
    comptable's for everything else (circ. §1.1.1)."""
    jour = horloge.aujourdhui()
    fonctions = set(fonctions_le(acting_user, jour))
    if Fonction.REGISSEUR not in fonctions or fonctions & {Fonction.DIRECTEUR, Fonction.DELEGUE}:
        exiger_comptable(acting_user, jour, "passer une écriture")
    debits = {lp.compte.numero for lp in pretes if lp.debit}
    if journal != "TR" or debits != {regie}:
        raise DonneeInvalide(
            f"Un régisseur ne passe que l'encaissement de sa régie (journal TR, débit du compte "
            f"{regie} seul) : les autres écritures sont celles de l'agent comptable "
            "(circulaire 93/82 §1.1.1)."
        )


# The journals of the à-nouveaux: opening balances only (ledger 0024).
_A_NOUVEAUX = frozenset(code for code, _libelle, a_nouveaux in JOURNAUX if a_nouveaux)


# Every column of the chart's accounts, for `_comptes_par_numero`.
_COLONNES_COMPTE = [champ.attname for champ in Compte._meta.concrete_fields]
_SQL_COMPTES = (
    f"SELECT {', '.join(_COLONNES_COMPTE)} FROM ledger_compte WHERE numero = ANY (%s::text[])"
)


def _comptes_par_numero(numeros: list[str]) -> dict[str, Compte]:
    """The chart's accounts of these numbers, by number: a prepared statement
    (`core.preparees`), the rows made models without the ORM's compiler, which
    built this query again for every entry (bench saisie, 1/12/2026)."""
    return {
        compte.numero: compte
        for compte in (
            Compte.from_db("default", _COLONNES_COMPTE, ligne)
            for ligne in preparees.lignes(_SQL_COMPTES, [numeros])
        )
    }


def _preparer_saisie(
    *,
    acting_user,
    exercice,
    journal,
    date,
    libelle,
    lignes,
    piece,
    contrepasse,
    regie,
    lire_comptes=True,
):
    """The checks of a posting made before any lock, and the function's parameters.

    `lire_comptes` False: the entry's accounts are not read here; the recording
    function (ledger 0023, 0024, 0026) checks them in the same round trip, and
    refuses in the same words: one statement less for each recorded entry
    (issue 16, point 1). An entry with several faults is then refused for the
    first found: the amounts of every line and the balance (here) before any
    account (there), where `ecriture_passer` checks line by line (an unknown
    account on line 1 is named before a malformed amount on line 2). Each
    refusal is worded the same; only which fault is named first may differ."""
    if not regie:
        exiger_comptable(acting_user, horloge.aujourdhui(), "passer une écriture")
    libelle = (libelle or "").strip()
    if not libelle:
        raise DonneeInvalide("Le libellé de l'écriture est obligatoire.")
    if not isinstance(date, datetime.date) or isinstance(date, datetime.datetime):
        raise DonneeInvalide("La date comptable doit être une date.")
    comptes = None
    if lire_comptes:
        comptes = _comptes_par_numero(sorted({str(ligne.compte) for ligne in lignes}))
    pretes = _preparer_lignes(lignes, comptes)
    code = journal.code if isinstance(journal, Journal) else str(journal)
    if (
        comptes is not None
        and code in _A_NOUVEAUX
        and (gestion := sorted(lp.compte.numero for lp in pretes if lp.compte.classe in (6, 7)))
    ):
        # PostgreSQL refuses it too for a recorded entry (ledger 0024, LG093).
        raise DonneeInvalide(
            f"Le journal des à-nouveaux ({code}) ne reprend pas les comptes de charges et de "
            f"produits (classes 6 et 7) : le compte {gestion[0]} en est un."
        )
    if regie:
        _exiger_regisseur(acting_user, regie, code, pretes)
    passee_le = horloge.maintenant()
    parametres = [
        exercice.annee if isinstance(exercice, Exercice) else exercice,
        code,
        date,
        libelle,
        piece,
        acting_user.pk,
        passee_le,
        contrepasse.pk if contrepasse else None,
        [getattr(lp.compte, "numero", lp.compte) for lp in pretes],
        [lp.debit for lp in pretes],
        [lp.credit for lp in pretes],
        [lp.tiers for lp in pretes],
        [lp.libelle for lp in pretes],
    ]
    return libelle, passee_le, parametres


def _ecriture_passer(
    *, acting_user, exercice, journal, date, libelle, lignes, piece, contrepasse, regie=""
):
    # Everything but what the lock decides is ready before the call: the
    # exercise's counter and chain head are held from the call to COMMIT.
    libelle, passee_le, parametres = _preparer_saisie(
        acting_user=acting_user,
        exercice=exercice,
        journal=journal,
        date=date,
        libelle=libelle,
        lignes=lignes,
        piece=piece,
        contrepasse=contrepasse,
        regie=regie,
    )
    ecriture = Ecriture(
        date=date,
        libelle=libelle[:255],
        piece=piece[:120],
        passee_par=acting_user,
        passee_le=passee_le,
        contrepasse=contrepasse,
    )
    if isinstance(exercice, Exercice):
        ecriture.exercice = exercice
    if isinstance(journal, Journal):
        ecriture.journal = journal
    with connection.cursor() as curseur:
        curseur.execute(_SQL_PASSER, parametres)
        (
            ecriture.pk,
            ecriture.exercice_id,
            ecriture.journal_id,
            ecriture.numero,
            ecriture.rang,
            ecriture.empreinte_precedente,
            ecriture.empreinte,
            etat,
        ) = curseur.fetchone()
    if isinstance(exercice, Exercice):
        exercice.etat = etat
    ecriture._state.adding = False
    ecriture._state.db = connection.alias
    return ecriture


# One round trip (migration 0017): the function resolves the exercise, the
# journal and the accounts, takes the lock, checks the exercise's state under
# it, numbers, hashes (the canonical text of `empreinte_ecriture`, in SQL) and
# inserts the entry, its lines (ids in the order given) and its audit row.
# Lines go as five arrays: one parameter each, however many lines.
_SQL_PASSER = """
    SELECT * FROM ledger_passer_ecriture(%s::integer, %s, %s, %s, %s, %s, %s, %s,
                                         %s::text[], %s::numeric[], %s::numeric[],
                                         %s::text[], %s::text[])
"""

# The function's refusals (SQLSTATEs of migration 0017), as the service's errors.
_REFUS_SAISIE = {
    "LG080": ExerciceInvalide,
    "LG081": DonneeInvalide,
    "LG082": DonneeInvalide,
    "LG083": DonneeInvalide,
    "LG084": ExerciceClos,
    "LG085": ExerciceInvalide,
    "LG086": ExerciceClos,
    "LG087": DonneeInvalide,
    "LG088": DonneeInvalide,
    "LG089": DonneeInvalide,
    "LG091": DonneeInvalide,
    "LG092": DonneeInvalide,
    "LG093": DonneeInvalide,
    "LG094": DonneeInvalide,
    "LG095": DonneeInvalide,
}


def _details(detail: str | None) -> dict | None:
    """What a refusal of the ledger's functions says for programs, as JSON in its
    DETAIL (LG094), or None."""
    try:
        details = json.loads(detail) if detail else None
    except ValueError:
        return None
    return details if isinstance(details, dict) else None


def _refus_saisie(exc: BaseException):
    cause = exc
    while cause is not None:
        classe = _REFUS_SAISIE.get(getattr(cause, "sqlstate", None) or "")
        if classe is not None:
            return classe(cause.diag.message_primary, details=_details(cause.diag.message_detail))
        cause = cause.__cause__
    return None


def ecriture_contrepasser(
    *, acting_user, ecriture: Ecriture, date: datetime.date | None = None, libelle: str = ""
) -> Ecriture:
    """Cancel an entry by posting its mirror image.

    The original stays as it was; the reversal names it, and an entry is
    reversed at most once (unique `contrepasse`).
    """
    with transaction.atomic():
        # Concurrent reversals of one entry wait here, then the second reads the
        # first's reversal and gets the French refusal naming the entry (the
        # unique constraint stays the last guard). An advisory lock: the ledger's
        # rows are append-only, the application's role cannot lock them FOR UPDATE.
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT pg_advisory_xact_lock(hashtext('ledger_contrepassation'), %s::integer)",
                [ecriture.pk],
            )
        ecriture = Ecriture.objects.select_related("exercice", "journal").get(pk=ecriture.pk)
        if ecriture.contrepasse_id is not None:
            raise TransitionInterdite(
                "Une écriture de contre-passation ne se contrepasse pas : passez une nouvelle écriture."
            )
        if Ecriture.objects.filter(contrepasse=ecriture).exists():
            raise TransitionInterdite(
                f"L'écriture {ecriture.journal.code}-{ecriture.numero} a déjà été contrepassée."
            )
        if ecriture.exercice.etat == Exercice.Etat.CLOS:
            raise ExerciceClos(
                f"L'exercice {ecriture.exercice.annee} est clos : une correction se passe sur l'exercice "
                "en cours (titres annulés sur exercices antérieurs)."
            )
        if date is None:
            date = min(horloge.aujourdhui(), ecriture.exercice.fin)
            date = max(date, ecriture.date)
        lignes = [
            LigneSaisie(
                compte=ligne.compte.numero,
                debit=ligne.credit,
                credit=ligne.debit,
                tiers=ligne.tiers,
                libelle=ligne.libelle,
            )
            for ligne in ecriture.lignes.select_related("compte")
        ]
        return ecriture_passer(
            acting_user=acting_user,
            exercice=ecriture.exercice,
            journal=ecriture.journal,
            date=date,
            libelle=libelle
            or f"Contre-passation de {ecriture.journal.code}-{ecriture.numero} : {ecriture.libelle}",
            lignes=lignes,
            piece=ecriture.piece,
            contrepasse=ecriture,
        )
