"""Bulk import of entries (a chart migrated from legacy software, the benchmarks)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import DatabaseError, connection, transaction

from core import horloge
from core.audit import audit
from core.exceptions import (
    ExerciceClos,
    relever_erreur_base,
)
from ledger.models import Compte, Exercice, Journal
from ledger.services.ecritures import (
    EcritureSaisie,
    _exercice,
    _journal,
    _preparer_lignes,
    _verrouiller,
    empreinte_ecriture,
    verifier_date_dans_exercice,
)
from personnes.permissions import exiger_comptable

TAILLE_PAQUET = 50_000


def ecritures_importer(
    *,
    acting_user,
    exercice: Exercice | int,
    journal: Journal | str,
    ecritures: Iterable[EcritureSaisie],
    piece: str = "",
) -> int:
    """Post many entries in one transaction (reprise of a legacy ledger, daily feeds).

    Each entry is checked as by `ecriture_passer`, numbered and chained, then
    written with COPY into the real tables: the database's statement triggers
    check every packet as a set, and the deferred trigger checks the balance
    of all of them at commit. All or nothing. Returns the number of entries.
    """
    try:
        with transaction.atomic():
            return _ecritures_importer(acting_user, exercice, journal, ecritures, piece)
    except DatabaseError as exc:
        relever_erreur_base(exc)


def _ecritures_importer(acting_user, exercice, journal, ecritures, piece) -> int:
    exiger_comptable(
        acting_user, horloge.aujourdhui(), "importer des écritures", code="ecritures.importer"
    )
    exercice = _exercice(exercice)
    journal = _journal(journal)
    comptes = {c.numero: c for c in Compte.objects.all()}
    numero, rang, precedente, exercice.etat = _verrouiller(exercice, journal)
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : aucune écriture ne peut plus y être passée."
        )
    passee_le = horloge.maintenant()
    passee_le_texte = passee_le.isoformat()
    total = 0
    paquet: list[EcritureSaisie] = []
    brute = connection.connection  # the psycopg connection, inside Django's transaction

    def ecrire(paquet: list[EcritureSaisie]) -> None:
        nonlocal numero, rang, precedente
        with brute.cursor() as curseur:
            curseur.execute(
                "SELECT nextval(pg_get_serial_sequence('ledger_ecriture', 'id'))"
                " FROM generate_series(1, %s)",
                [len(paquet)],
            )
            ids = [ligne[0] for ligne in curseur.fetchall()]
            lignes_pretes = []
            with curseur.copy(
                "COPY ledger_ecriture (id, exercice_id, journal_id, numero, rang, date, libelle, piece,"
                " passee_par_id, passee_le, contrepasse_id, empreinte_precedente, empreinte) FROM STDIN"
            ) as copie:
                for identifiant, saisie in zip(ids, paquet, strict=True):
                    if not (exercice.debut <= saisie.date <= exercice.fin):
                        verifier_date_dans_exercice(exercice, saisie.date)
                    pretes = _preparer_lignes(saisie.lignes, comptes)
                    numero += 1
                    rang += 1
                    libelle = saisie.libelle[:255]
                    piece_ecriture = (saisie.piece or piece)[:120]
                    empreinte = empreinte_ecriture(
                        precedente=precedente,
                        annee=exercice.annee,
                        journal=journal.code,
                        numero=numero,
                        rang=rang,
                        date=saisie.date,
                        libelle=libelle,
                        piece=piece_ecriture,
                        passee_par_id=acting_user.pk,
                        passee_le=passee_le,
                        contrepasse_id=saisie.contrepasse_id,
                        lignes=[
                            (lp.compte.numero, lp.debit, lp.credit, lp.tiers, lp.libelle)
                            for lp in pretes
                        ],
                    )
                    copie.write_row(
                        (
                            identifiant,
                            exercice.pk,
                            journal.pk,
                            numero,
                            rang,
                            saisie.date,
                            libelle,
                            piece_ecriture,
                            acting_user.pk,
                            passee_le_texte,
                            saisie.contrepasse_id,
                            precedente,
                            empreinte,
                        )
                    )
                    precedente = empreinte
                    lignes_pretes.extend(
                        (
                            identifiant,
                            exercice.pk,
                            saisie.date,
                            lp.compte.pk,
                            lp.debit,
                            lp.credit,
                            lp.tiers,
                            lp.libelle,
                        )
                        for lp in pretes
                    )
            with curseur.copy(
                "COPY ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit,"
                " tiers, libelle) FROM STDIN"
            ) as copie:
                for ligne in lignes_pretes:
                    copie.write_row(ligne)

    for saisie in ecritures:
        paquet.append(saisie)
        if len(paquet) >= TAILLE_PAQUET:
            ecrire(paquet)
            total += len(paquet)
            paquet = []
    if paquet:
        ecrire(paquet)
        total += len(paquet)
    audit(
        acting_user,
        "ecritures.importees",
        exercice,
        apres={
            "journal": journal.code,
            "nombre": total,
            "exercice": exercice.annee,
            "piece": piece,
        },
    )
    return total
