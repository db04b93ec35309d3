"""The grand livre by pages of keys: any page of an account of a million lines
in a few milliseconds, the running balance carried from the previous pages.

A page is named by the key of a line, `(date, entry id, line id)`, the order
of the grand livre: `apres=<key>` gives the lines after it, `avant=<key>` the
lines before it. The balance carried to the page is read, not summed over the
previous pages: the daily totals (`ledger_cumul`) of the days before the key's
date, plus the account's lines of that date up to the key. The lines come from
the index `ledger_ligne (compte_id, date, ecriture_id, id)` (migration 0019):
the cost of a page does not grow with the number of lines before it.

A root of accounts ("411") reads each of its accounts by the index and merges
them: correct, its cost grows with the number of accounts under the root.
A page stays consistent under concurrent postings: the next page starts right
after the last line shown, the previous one ends right before the first, and
the balance carried is read afresh.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db import connections, transaction

from core.exceptions import DonneeInvalide
from core.money import ZERO
from core.replique import alias_lecture, connexion_lecture
from ledger.models import Exercice
from ledger.selectors import LigneGrandLivre

TAILLE_PAGE = 200
TAILLE_MAX = 1000
_FORME_CLE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(\d{1,18})\.(\d{1,18})$")


@dataclass(frozen=True, order=True)
class Cle:
    """A line's place in the grand livre: date, entry id, line id."""

    date: datetime.date
    ecriture: int
    ligne: int

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}.{self.ecriture}.{self.ligne}"


@dataclass
class LignePage(LigneGrandLivre):
    """A line of the grand livre with its own id, the last part of its key."""

    ligne_id: int = 0


def cle_de(ligne: LignePage) -> Cle:
    return Cle(ligne.date, ligne.ecriture_id, ligne.ligne_id)


def lire_cle(texte: str, *, du: datetime.date, au: datetime.date) -> Cle:
    """The key of a page link, refused in French when malformed or outside the period."""
    forme = _FORME_CLE.match(texte or "")
    date = None
    if forme:
        try:
            date = datetime.date.fromisoformat(forme[1])
        except ValueError:
            date = None
    if date is None:
        raise DonneeInvalide(
            f"La clé de page « {texte} » est invalide (format attendu : AAAA-MM-JJ.écriture.ligne)."
        )
    if not du <= date <= au:
        raise DonneeInvalide(
            f"La clé de page « {texte} » est hors de la période demandée "
            f"({du:%d/%m/%Y} au {au:%d/%m/%Y})."
        )
    return Cle(date, int(forme[2]), int(forme[3]))


@dataclass
class PageGrandLivre:
    compte: str
    du: datetime.date
    au: datetime.date
    ouverture: Decimal  # balance at the start of the period
    report: Decimal  # balance before the page's first line
    lignes: list[LignePage]
    premiere: bool  # no line of the period before this page
    suivante: Cle | None  # `apres=` of the next page
    precedente: Cle | None  # `avant=` of the previous page
    total_debit: Decimal  # of the whole period
    total_credit: Decimal
    solde: Decimal  # at the end of the period


def comptes_de(numero: str) -> list[int]:
    """The account and its sub-accounts (a root such as "411" names several)."""
    # Every read here on the replica's connection for an auditor (core.replique).
    with connexion_lecture().cursor() as curseur:
        curseur.execute(
            "SELECT id FROM ledger_compte WHERE numero LIKE %s ORDER BY id", [f"{numero}%"]
        )
        return [rangee[0] for rangee in curseur.fetchall()]


_COLONNES = """l.date, j.code, e.numero, l.ecriture_id, coalesce(nullif(l.libelle, ''), e.libelle),
           l.tiers, l.debit, l.credit"""

# One index range per account (LATERAL), merged; `{sens}` is > (after the key)
# or < (before it), `{ordre}` ASC or DESC accordingly.
_PAGE = """
SELECT p.* FROM unnest(%(comptes)s::bigint[]) AS c(id)
 CROSS JOIN LATERAL (
    SELECT {colonnes}, l.id
      FROM ledger_ligne l
      JOIN ledger_ecriture e ON e.id = l.ecriture_id AND e.exercice_id = %(exercice)s
      JOIN ledger_journal j ON j.id = e.journal_id
     WHERE l.compte_id = c.id AND l.exercice_id = %(exercice)s
       AND l.date BETWEEN %(du)s AND %(au)s
       AND (l.date, l.ecriture_id, l.id) {sens} (%(date)s, %(ecriture)s, %(ligne)s)
       AND NOT j.a_nouveaux
     ORDER BY l.date {ordre}, l.ecriture_id {ordre}, l.id {ordre}
     LIMIT %(nombre)s
 ) p
 ORDER BY 1 {ordre}, 4 {ordre}, 9 {ordre}
 LIMIT %(nombre)s
"""

# The balance up to a key: the à-nouveaux and the days before its date from the
# daily totals, the lines of its date up to it (`{jusqua}` <= or <). Those are
# read from the index alone (it includes exercise, debit and credit): a day of
# an account of a million lines holds thousands. The lines of the à-nouveaux
# journal, counted in the daily totals as such, are taken out, read only when
# the totals say that date has some.
_SOLDE = """
SELECT coalesce((SELECT sum(k.debit - k.credit) FROM ledger_cumul k
                  WHERE k.exercice_id = %(exercice)s AND k.compte_id = ANY(%(comptes)s)
                    AND (k.a_nouveau OR k.date < %(date)s)), 0)
     + coalesce((SELECT sum(l.debit - l.credit) FROM ledger_ligne l
                  WHERE l.compte_id = ANY(%(comptes)s) AND l.exercice_id = %(exercice)s
                    AND l.date = %(date)s
                    AND (l.ecriture_id, l.id) {jusqua} (%(ecriture)s, %(ligne)s)), 0)
     - CASE WHEN EXISTS (SELECT FROM ledger_cumul k
                          WHERE k.exercice_id = %(exercice)s AND k.compte_id = ANY(%(comptes)s)
                            AND k.date = %(date)s AND k.a_nouveau)
            THEN coalesce((SELECT sum(l.debit - l.credit)
                             FROM ledger_ligne l
                             JOIN ledger_ecriture e ON e.id = l.ecriture_id
                              AND e.exercice_id = %(exercice)s
                             JOIN ledger_journal j ON j.id = e.journal_id
                            WHERE l.compte_id = ANY(%(comptes)s) AND l.exercice_id = %(exercice)s
                              AND l.date = %(date)s AND j.a_nouveaux
                              AND (l.ecriture_id, l.id) {jusqua} (%(ecriture)s, %(ligne)s)), 0)
            ELSE 0 END
"""

_MOUVEMENTS = """
SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0) FROM ledger_cumul
 WHERE exercice_id = %(exercice)s AND compte_id = ANY(%(comptes)s) AND NOT a_nouveau
   AND date BETWEEN %(du)s AND %(au)s
"""


def _lignes(curseur, parametres: dict, *, apres: bool) -> list[LignePage]:
    sql = _PAGE.format(
        colonnes=_COLONNES, sens=">" if apres else "<", ordre="" if apres else "DESC"
    )
    curseur.execute(sql, parametres)
    return [
        LignePage(d, j, n, e, lib, t, deb, cre, ZERO, ligne_id=i)
        for d, j, n, e, lib, t, deb, cre, i in curseur.fetchall()
    ]


def _solde(curseur, parametres: dict, cle: Cle, *, inclus: bool) -> Decimal:
    curseur.execute(
        _SOLDE.format(jusqua="<=" if inclus else "<"),
        {**parametres, "date": cle.date, "ecriture": cle.ecriture, "ligne": cle.ligne},
    )
    return curseur.fetchone()[0]


def grand_livre_page(
    *,
    exercice: Exercice,
    compte_numero: str,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
    apres: Cle | None = None,
    avant: Cle | None = None,
    taille: int = TAILLE_PAGE,
) -> PageGrandLivre:
    """One page of the grand livre of an account (and its sub-accounts): the
    `taille` lines after `apres` (or before `avant`; the first page without
    either), each with its running balance (debit minus credit)."""
    du = du or exercice.debut
    au = au or exercice.fin
    if not 1 <= taille <= TAILLE_MAX:
        raise DonneeInvalide(f"La taille de page doit être comprise entre 1 et {TAILLE_MAX}.")
    if apres and avant:
        raise DonneeInvalide("Indiquez soit la page suivante (apres), soit la précédente (avant).")
    debut = Cle(du, 0, 0)  # before every line of the period
    parametres = {
        "exercice": exercice.pk,
        "comptes": comptes_de(compte_numero),
        "du": du,
        "au": au,
        "nombre": taille + 1,
    }
    with connexion_lecture().cursor() as curseur:
        # The lines after the key and the balance up to it never overlap: a
        # posting committed between the two reads lands on one side only.
        ouverture = _solde(curseur, parametres, debut, inclus=True)
        if avant is None:
            cle = apres or debut
            lignes = _lignes(curseur, {**parametres, **_cle(cle)}, apres=True)
            suite = len(lignes) > taille
            lignes = lignes[:taille]
            report = ouverture if apres is None else _solde(curseur, parametres, cle, inclus=True)
            premiere = apres is None or not _existe_avant(curseur, parametres, cle)
        else:
            lignes = _lignes(curseur, {**parametres, **_cle(avant)}, apres=False)
            premiere = len(lignes) <= taille
            lignes = lignes[:taille][::-1]
            suite = True
            report = (
                _solde(curseur, parametres, cle_de(lignes[0]), inclus=False)
                if lignes
                else _solde(curseur, parametres, avant, inclus=False)
            )
        curseur.execute(_MOUVEMENTS, parametres)
        total_debit, total_credit = curseur.fetchone()
    solde = report
    for ligne in lignes:
        solde += ligne.debit - ligne.credit
        ligne.solde = solde
    return PageGrandLivre(
        compte=compte_numero,
        du=du,
        au=au,
        ouverture=ouverture,
        report=report,
        lignes=lignes,
        premiere=premiere,
        suivante=cle_de(lignes[-1]) if lignes and suite else None,
        precedente=cle_de(lignes[0]) if lignes and not premiere else None,
        total_debit=total_debit,
        total_credit=total_credit,
        solde=ouverture + total_debit - total_credit,
    )


def page_demandee(choix: dict, parametres, taille: int | None = None) -> PageGrandLivre:
    """The page a form's choices (`GrandLivreForm`) and the query's `apres` or
    `avant` key name, for the page and the API alike."""
    exercice = choix["exercice_obj"]
    du, au = choix.get("du") or exercice.debut, choix.get("au") or exercice.fin
    cles = {
        nom: lire_cle(parametres[nom], du=du, au=au) if parametres.get(nom) else None
        for nom in ("apres", "avant")
    }
    return grand_livre_page(
        exercice=exercice,
        compte_numero=choix["compte"],
        du=du,
        au=au,
        taille=TAILLE_PAGE if taille is None else taille,
        **cles,
    )


def _cle(cle: Cle) -> dict:
    return {"date": cle.date, "ecriture": cle.ecriture, "ligne": cle.ligne}


def _existe_avant(curseur, parametres: dict, cle: Cle) -> bool:
    """Whether a line of the period comes at or before `cle` (the page is not the first)."""
    suivant = Cle(cle.date, cle.ecriture, cle.ligne + 1)
    return bool(_lignes(curseur, {**parametres, **_cle(suivant), "nombre": 1}, apres=False))


def lignes_grand_livre(
    *,
    exercice: Exercice,
    compte_numero: str,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
) -> tuple[Decimal, Iterator[LignePage]]:
    """Every line of the period, streamed from a server-side cursor with its
    running balance (the CSV download): the opening balance, then the lines."""
    du = du or exercice.debut
    au = au or exercice.fin
    comptes = comptes_de(compte_numero)
    parametres = {"exercice": exercice.pk, "comptes": comptes, "du": du, "au": au}
    # Chosen now: the lines stream after the request's middlewares have returned.
    alias = alias_lecture()
    connexion = connections[alias]
    with connexion.cursor() as curseur:
        ouverture = _solde(curseur, parametres, Cle(du, 0, 0), inclus=True)

    def lignes() -> Iterator[LignePage]:
        solde = ouverture
        with (
            transaction.atomic(using=alias),
            connexion.connection.cursor(name=f"grand_livre_{exercice.annee}") as curseur,
        ):
            curseur.itersize = 5000
            curseur.execute(
                f"""
                SELECT {_COLONNES}, l.id
                  FROM ledger_ligne l
                  JOIN ledger_ecriture e ON e.id = l.ecriture_id AND e.exercice_id = %(exercice)s
                  JOIN ledger_journal j ON j.id = e.journal_id
                 WHERE l.compte_id = ANY(%(comptes)s) AND l.exercice_id = %(exercice)s
                   AND l.date BETWEEN %(du)s AND %(au)s AND NOT j.a_nouveaux
                 ORDER BY l.date, l.ecriture_id, l.id
                """,
                parametres,
            )
            for d, j, n, e, lib, t, deb, cre, i in curseur:
                solde += deb - cre
                yield LignePage(d, j, n, e, lib, t, deb, cre, solde, ligne_id=i)

    return ouverture, lignes()
