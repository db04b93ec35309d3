"""Recompute what the ledger claims, independently of the triggers.

Used by `manage.py verifier_integrite` and the auditor's integrity page. It
reads everything again: every hash of the chain, the numbering of each
journal, the balance of every entry and of the whole ledger, and the daily
totals the balance is read from. Any difference is an anomaly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connections, transaction

from core.money import ZERO
from core.replique import alias_lecture
from ledger.models import Exercice
from ledger.services import EMPREINTE_INITIALE, empreinte_ecriture


@dataclass
class RapportExercice:
    annee: int
    etat: str
    ecritures: int = 0
    lignes: int = 0
    total_debit: Decimal = ZERO
    total_credit: Decimal = ZERO
    derniere_empreinte: str = EMPREINTE_INITIALE


@dataclass
class RapportIntegrite:
    exercices: list[RapportExercice] = field(default_factory=list)
    anomalies: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.anomalies


def verifier_integrite(
    *, annee: int | None = None, limite_anomalies: int = 100
) -> RapportIntegrite:
    rapport = RapportIntegrite()
    # The replica's connection for an auditor (core.replique), the primary's otherwise:
    # the whole check reads one database.
    alias = alias_lecture()
    connexion = connections[alias]
    exercices = Exercice.objects.using(alias).order_by("annee")
    if annee is not None:
        exercices = exercices.filter(annee=annee)
    # One consistent snapshot for the whole check (unless already inside a
    # transaction, whose snapshot rules are then the caller's).
    deja_en_transaction = connexion.in_atomic_block
    with transaction.atomic(using=alias):
        if not deja_en_transaction:
            with connexion.cursor() as curseur:
                curseur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for exercice in exercices:
            rapport.exercices.append(
                _verifier_exercice(exercice, rapport.anomalies, limite_anomalies, connexion)
            )
    return rapport


def _signaler(anomalies: list[str], limite: int, message: str) -> None:
    if len(anomalies) < limite:
        anomalies.append(message)


def _verifier_exercice(
    exercice: Exercice, anomalies: list[str], limite: int, connection
) -> RapportExercice:
    resultat = RapportExercice(exercice.annee, exercice.get_etat_display())
    precedente = EMPREINTE_INITIALE
    rang_attendu = 1
    with connection.connection.cursor(name=f"integrite_{exercice.annee}") as curseur:
        curseur.itersize = 5000
        curseur.execute(
            """
            SELECT e.id, e.rang, e.numero, j.code, e.date, e.libelle, e.piece, e.passee_par_id,
                   e.passee_le, e.contrepasse_id, e.empreinte_precedente, e.empreinte,
                   array_agg(ARRAY[c.numero, l.debit::text, l.credit::text, l.tiers, l.libelle] ORDER BY l.id)
              FROM ledger_ecriture e
              JOIN ledger_journal j ON j.id = e.journal_id
              LEFT JOIN ledger_ligne l ON l.ecriture_id = e.id AND l.exercice_id = e.exercice_id
              LEFT JOIN ledger_compte c ON c.id = l.compte_id
             WHERE e.exercice_id = %s
             GROUP BY e.id, e.exercice_id, j.code
             ORDER BY e.rang
            """,
            [exercice.pk],
        )
        for (
            ident,
            rang,
            numero,
            journal,
            date,
            libelle,
            piece,
            auteur,
            passee_le,
            contrepasse,
            stockee_precedente,
            stockee,
            lignes,
        ) in curseur:
            nom = f"exercice {exercice.annee}, écriture {journal}-{numero} (rang {rang})"
            if rang != rang_attendu:
                _signaler(
                    anomalies,
                    limite,
                    f"{nom} : rang {rang} au lieu de {rang_attendu} (écriture manquante).",
                )
                rang_attendu = rang
            rang_attendu += 1
            lignes = [ligne for ligne in lignes if ligne[0] is not None]
            debit = sum((Decimal(ligne[1]) for ligne in lignes), ZERO)
            credit = sum((Decimal(ligne[2]) for ligne in lignes), ZERO)
            resultat.ecritures += 1
            resultat.lignes += len(lignes)
            resultat.total_debit += debit
            resultat.total_credit += credit
            if len(lignes) < 2 or debit != credit:
                _signaler(
                    anomalies,
                    limite,
                    f"{nom} : déséquilibrée ({debit} au débit, {credit} au crédit, "
                    f"{len(lignes)} lignes).",
                )
            if stockee_precedente != precedente:
                _signaler(
                    anomalies,
                    limite,
                    f"{nom} : ne reprend pas l'empreinte de l'écriture précédente.",
                )
            recalculee = empreinte_ecriture(
                precedente=stockee_precedente,
                annee=exercice.annee,
                journal=journal,
                numero=numero,
                rang=rang,
                date=date,
                libelle=libelle,
                piece=piece,
                passee_par_id=auteur,
                passee_le=passee_le,
                contrepasse_id=contrepasse,
                lignes=[(c, Decimal(d), Decimal(k), t, lib) for c, d, k, t, lib in lignes],
            )
            if recalculee != stockee:
                _signaler(
                    anomalies, limite, f"{nom} : empreinte invalide, le contenu a été altéré."
                )
            precedente = stockee
            _ = ident
    resultat.derniere_empreinte = precedente
    if resultat.total_debit != resultat.total_credit:
        _signaler(
            anomalies,
            limite,
            f"exercice {exercice.annee} : total des débits {resultat.total_debit} "
            f"différent du total des crédits {resultat.total_credit}.",
        )

    with connection.cursor() as curseur:
        curseur.execute(
            """
            SELECT j.code, count(*), min(e.numero), max(e.numero),
                   (SELECT dernier_numero FROM ledger_compteur k
                     WHERE k.exercice_id = e.exercice_id AND k.journal_id = e.journal_id)
              FROM ledger_ecriture e JOIN ledger_journal j ON j.id = e.journal_id
             WHERE e.exercice_id = %s
             GROUP BY j.code, e.exercice_id, e.journal_id
            """,
            [exercice.pk],
        )
        for code, nombre, premier, dernier, compteur in curseur.fetchall():
            if premier != 1 or dernier != nombre:
                _signaler(
                    anomalies,
                    limite,
                    f"exercice {exercice.annee}, journal {code} : numérotation "
                    f"discontinue ({nombre} écritures numérotées de {premier} à {dernier}).",
                )
            if compteur != dernier:
                _signaler(
                    anomalies,
                    limite,
                    f"exercice {exercice.annee}, journal {code} : le compteur "
                    f"({compteur}) ne désigne pas le dernier numéro ({dernier}).",
                )
        curseur.execute(
            "SELECT dernier_rang, derniere_empreinte FROM ledger_chaine WHERE exercice_id = %s",
            [exercice.pk],
        )
        tete = curseur.fetchone()
        if resultat.ecritures and (tete is None or tete != (resultat.ecritures, precedente)):
            _signaler(
                anomalies,
                limite,
                f"exercice {exercice.annee} : la tête de la chaîne d'empreintes "
                "ne désigne pas la dernière écriture.",
            )
        curseur.execute(
            """
            WITH attendu AS (
                SELECT e.exercice_id, l.compte_id, e.date, j.a_nouveaux AS a_nouveau,
                       sum(l.debit) AS debit, sum(l.credit) AS credit
                  FROM ledger_ligne l
                  JOIN ledger_ecriture e ON e.id = l.ecriture_id
                  JOIN ledger_journal j ON j.id = e.journal_id
                 WHERE e.exercice_id = %(exercice)s
                 GROUP BY 1, 2, 3, 4
            ), tenu AS (
                SELECT exercice_id, compte_id, date, a_nouveau, debit, credit
                  FROM ledger_cumul WHERE exercice_id = %(exercice)s AND (debit <> 0 OR credit <> 0)
            )
            SELECT count(*) FROM ((SELECT * FROM attendu EXCEPT SELECT * FROM tenu)
                                  UNION ALL (SELECT * FROM tenu EXCEPT SELECT * FROM attendu)) d
            """,
            {"exercice": exercice.pk},
        )
        ecarts = curseur.fetchone()[0]
        if ecarts:
            _signaler(
                anomalies,
                limite,
                f"exercice {exercice.annee} : {ecarts} cumul(s) journalier(s) de "
                "comptes ne correspondent pas aux lignes (la balance serait fausse).",
            )
    return resultat
