"""The separation of ordonnateur and comptable, checked over every order.

Circ. 93/82 §2.4.0: the internal control rests on « la séparation des tâches
et notamment celle de l'ordonnateur (directeur de l'organisme) et de l'agent
comptable »; §1.1.1: no one exercises both delegations « sur une même
activité ». Each act refuses it when it is done (the services, and PostgreSQL
for the payment mention and the reductions); this read looks at what the
database holds, whatever wrote it, and lists every person who acted on one
order on both sides. It lives with the treasury, the lowest layer that sees
both kinds of orders and what was paid and collected on them.

`manage.py controle_separation` prints it; an empty list is the expected
answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection

from depenses.models import (
    ControleDepense,
    OrdreDepense,
    Requisition,
    ServiceFait,
    SignatureDepense,
    Suspension,
)
from recettes.models import ControleEffectue, OrdreRecette, Reduction, Signature
from tresorerie.models import Affectation

ORDONNATEUR = "ordonnateur"
COMPTABLE = "comptable"


@dataclass(frozen=True)
class Cumul:
    """One person who acted on one order as ordonnateur and as comptable."""

    sorte: str  # "ordre de recette" or "ordre de dépense"
    ordre_id: int
    reference: str
    utilisateur_id: int
    nom: str
    ordonnateur: tuple[str, ...]  # what he did for the directeur
    comptable: tuple[str, ...]  # what he did for the agent comptable

    def __str__(self) -> str:
        return (
            f"{self.sorte.capitalize()} n° {self.reference} : {self.nom} "
            f"({', '.join(self.ordonnateur)} ; {', '.join(self.comptable)})"
        )


def _table(modele) -> str:
    return connection.ops.quote_name(modele._meta.db_table)


def _colonne(modele, champ: str) -> str:
    return connection.ops.quote_name(modele._meta.get_field(champ).column)


Acte = tuple[str, list[str]]  # a SELECT of (ordre_id, utilisateur_id, cote, acte), its parameters


def _sur_l_ordre(modele, champ: str, cote: str, acte: str) -> Acte:
    """The persons named in `champ` of the order's own row."""
    col = _colonne(modele, champ)
    return (
        f"SELECT id AS ordre_id, {col} AS utilisateur_id, %s AS cote, %s AS acte "
        f"FROM {_table(modele)} WHERE {col} IS NOT NULL",
        [cote, acte],
    )


def _lie(modele, champ: str, cote: str, acte: str, *, condition: str = "") -> Acte:
    """The persons named in `champ` of a row that belongs to an order (`ordre`)."""
    col, ordre = _colonne(modele, champ), _colonne(modele, "ordre")
    filtre = f" AND {condition}" if condition else ""
    return (
        f"SELECT {ordre} AS ordre_id, {col} AS utilisateur_id, %s AS cote, %s AS acte "
        f"FROM {_table(modele)} WHERE {col} IS NOT NULL AND {ordre} IS NOT NULL{filtre}",
        [cote, acte],
    )


def _actes_recettes() -> list[Acte]:
    return [
        _sur_l_ordre(OrdreRecette, "cree_par", ORDONNATEUR, "a émis l'ordre"),
        _lie(Signature, "signataire", ORDONNATEUR, "l'a signé"),
        _lie(Reduction, "signataire", ORDONNATEUR, "a signé une réduction"),
        _sur_l_ordre(OrdreRecette, "pris_en_charge_par", COMPTABLE, "l'a pris en charge"),
        _lie(ControleEffectue, "par", COMPTABLE, "l'a contrôlé"),
        _lie(Reduction, "pris_en_charge_par", COMPTABLE, "a pris en charge une réduction"),
        _lie(Affectation, "par", COMPTABLE, "y a affecté un encaissement"),
    ]


def _actes_depenses() -> list[Acte]:
    suite = _colonne(Suspension, "suite")
    return [
        _sur_l_ordre(OrdreDepense, "cree_par", ORDONNATEUR, "a émis l'ordre"),
        _lie(SignatureDepense, "signataire", ORDONNATEUR, "l'a signé"),
        _lie(ServiceFait, "atteste_par", ORDONNATEUR, "a attesté le service fait"),
        _lie(Requisition, "requis_par", ORDONNATEUR, "a requis l'agent comptable"),
        _lie(
            Suspension,
            "suite_par",
            ORDONNATEUR,
            "a donné suite à une suspension",
            condition=f"{suite} <> ''",
        ),
        _sur_l_ordre(OrdreDepense, "vise_par", COMPTABLE, "l'a visé"),
        _sur_l_ordre(OrdreDepense, "paye_par", COMPTABLE, "l'a payé"),
        _lie(ControleDepense, "par", COMPTABLE, "l'a contrôlé"),
        _lie(Suspension, "par", COMPTABLE, "en a suspendu le paiement"),
    ]


def _cumuls(sorte: str, modele, actes: list[Acte]) -> list[Cumul]:
    ordres, exercices = _table(modele), connection.ops.quote_name("ledger_exercice")
    utilisateurs = _table(get_user_model())
    requete = f"""
        WITH actes AS ({" UNION ALL ".join(sql for sql, _ in actes)}),
        cumuls AS (
            SELECT ordre_id, utilisateur_id,
                   array_agg(DISTINCT acte ORDER BY acte) FILTER (WHERE cote = %s),
                   array_agg(DISTINCT acte ORDER BY acte) FILTER (WHERE cote = %s)
              FROM actes
             GROUP BY ordre_id, utilisateur_id
            HAVING count(*) FILTER (WHERE cote = %s) > 0
               AND count(*) FILTER (WHERE cote = %s) > 0
        )
        SELECT c.*, e.annee, o.numero,
               coalesce(nullif(btrim(u.first_name || ' ' || u.last_name), ''), u.username)
          FROM cumuls c
          JOIN {ordres} o ON o.id = c.ordre_id
          JOIN {exercices} e ON e.id = o.exercice_id
          JOIN {utilisateurs} u ON u.id = c.utilisateur_id
         ORDER BY e.annee, o.numero, c.utilisateur_id
    """
    with connection.cursor() as curseur:
        parametres = [p for _, ps in actes for p in ps]
        curseur.execute(requete, [*parametres, ORDONNATEUR, COMPTABLE, ORDONNATEUR, COMPTABLE])
        lignes = curseur.fetchall()
    return [
        Cumul(
            sorte=sorte,
            ordre_id=ordre_id,
            reference=f"{annee}-{numero:05d}",
            utilisateur_id=utilisateur_id,
            nom=nom,
            ordonnateur=tuple(cote_ordonnateur),
            comptable=tuple(cote_comptable),
        )
        for ordre_id, utilisateur_id, cote_ordonnateur, cote_comptable, annee, numero, nom in lignes
    ]


def cumuls_de_fonctions() -> list[Cumul]:
    """Every (order, person) where the same person acted on both sides, over
    all the ordres de recette and de dépense of the database: one query per
    kind of order."""
    return _cumuls("ordre de recette", OrdreRecette, _actes_recettes()) + _cumuls(
        "ordre de dépense", OrdreDepense, _actes_depenses()
    )
