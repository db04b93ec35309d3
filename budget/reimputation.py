"""Réimputation on the credits (circ. 93/82 §2.1.4): what an expense consumed
moves from the credit of its old account to the credit of its new one.

Written beside `budget.services` and with its guards: the credit rows locked,
the rule checked first so that the directeur reads what is available, then
PostgreSQL's guards of `migrations/sql/0002_gardes.sql` on the totals.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import DatabaseError, transaction

from budget.exceptions import CreditAbsent, CreditsInsuffisants, MouvementCreditInvalide
from budget.models import Credit, MouvementCredit
from budget.permissions import exiger_comptable_credit, exiger_pouvoir_credit
from budget.selectors import Situation, exercice_de, situation_de
from budget.services import (
    _designation,
    _etat,
    _exiger_exercice_non_clos,
    _numero_compte,
    _reference,
    credit_pour,
)
from core.audit import audit
from core.exceptions import relever_erreur_base
from core.money import format_euros
from core.money import montant as montant_valide
from core.verrous import verrouiller

Nature = MouvementCredit.Nature


CIRCULAIRE_REIMPUTATION = "circulaire 93/82 §2.1.4"


def credit_reimputer(
    *,
    acting_user,
    exercice,
    ancien_compte: str,
    nouveau_compte: str,
    montant: Decimal,
    paye: bool,
    reference: str,
    rejet: bool = False,
) -> tuple[Situation, Situation] | None:
    """Move what an expense consumed from the credit of its old account to the
    credit of its new one (circ. 93/82 §2.1.4: "certificats de réimputation"):
    its engagement and its ordonnancement, and its payment if it was paid.

    Refused with `CreditsInsuffisants`, saying what is available, when the
    new credit lacks room; with `CreditAbsent` when no credit covers an
    account. Both credits are locked in id order and all the movements are
    written by one statement, so the database checks the totals of each
    credit once, moved. None when both accounts fall under one credit (nothing
    moves); else the situations of the old and the new credit.

    Moving the credits is the directeur's act, with his power on the new
    account; `rejet` is the way back when the agent comptable rejects the
    certificate, his act.
    """
    valeur = montant_valide(montant, libelle="Le montant réimputé")
    ancien, nouveau = _numero_compte(ancien_compte), _numero_compte(nouveau_compte)
    if rejet:
        exiger_comptable_credit(
            acting_user, "rendre ses crédits à la ligne d'un certificat de réimputation rejeté"
        )
    else:
        exiger_pouvoir_credit(
            acting_user,
            "réimputer une dépense sur les crédits",
            montant=valeur,
            compte_numero=nouveau,
        )
    reference = _reference(reference)
    exercice = exercice_de(exercice)
    try:
        with transaction.atomic():
            trouves = {}
            for role, numero in (("ancien", ancien), ("nouveau", nouveau)):
                trouves[role] = credit_pour(exercice=exercice, compte_numero=numero)
                if trouves[role] is None:
                    raise CreditAbsent(
                        f"Aucun crédit n'est ouvert à l'exercice {exercice.annee} pour le compte "
                        f"{numero} : une dépense des gestions budgétaires ne s'impute pas hors "
                        f"des crédits (circulaire 93/82 §2.1.2 et §2.1.4).",
                        details={"exercice": exercice.annee, "compte": numero},
                    )
            if trouves["ancien"].pk == trouves["nouveau"].pk:
                return None
            verrous = {
                pk: verrouiller(Credit.objects.select_related("exercice"), pk)
                for pk in sorted(c.pk for c in trouves.values())
            }
            source, cible = verrous[trouves["ancien"].pk], verrous[trouves["nouveau"].pk]
            _exiger_exercice_non_clos(source.exercice)
            if valeur > cible.disponible:
                # The way back too: credits are never exceeded (PostgreSQL keeps
                # it); the directeur frees room on the old line first.
                raise CreditsInsuffisants(
                    (
                        f"Crédits insuffisants {_designation(cible)} pour y ramener la dépense "
                        f"du certificat rejeté : disponible {format_euros(cible.disponible)}, il "
                        f"faut {format_euros(valeur)}. Le directeur doit d'abord y rendre des "
                        f"crédits disponibles (virement de crédits ou désengagement) "
                        f"({CIRCULAIRE_REIMPUTATION})."
                        if rejet
                        else f"Crédits insuffisants {_designation(cible)} pour y réimputer la "
                        f"dépense : disponible {format_euros(cible.disponible)}, il faut "
                        f"{format_euros(valeur)} ({CIRCULAIRE_REIMPUTATION})."
                    ),
                    details={
                        "chapitre": cible.chapitre,
                        "compte": nouveau,
                        "disponible": str(cible.disponible),
                        "demande": str(valeur),
                    },
                )
            consomme = source.paye if paye else source.ordonnance - source.paye
            if valeur > consomme:
                raise MouvementCreditInvalide(
                    f"Réimputation refusée {_designation(source)} : la dépense de "
                    f"{format_euros(valeur)} n'y est pas {'payée' if paye else 'ordonnancée'} "
                    f"({CIRCULAIRE_REIMPUTATION}).",
                    details={"chapitre": source.chapitre, "compte": ancien},
                )
            natures = [Nature.ENGAGEMENT, Nature.ORDONNANCEMENT] + (
                [Nature.PAIEMENT] if paye else []
            )
            avant = {c.pk: _etat(c) for c in (source, cible)}
            MouvementCredit.objects.bulk_create(
                [
                    MouvementCredit(
                        credit=credit,
                        nature=nature,
                        montant=signe * valeur,
                        reference=reference,
                        par=acting_user,
                    )
                    for credit, signe in ((source, -1), (cible, 1))
                    for nature in natures
                ]
            )
            for credit in (source, cible):
                credit.refresh_from_db(fields=["modifications", "engage", "ordonnance", "paye"])
            for credit, sens in ((source, "retiré"), (cible, "reçu")):
                audit(
                    acting_user,
                    "credit.reimpute",
                    credit,
                    avant=avant[credit.pk],
                    apres={
                        **_etat(credit),
                        "sens": sens,
                        "montant": valeur,
                        "de": ancien,
                        "vers": nouveau,
                        "paye": paye,
                        "reference": reference,
                    },
                )
            return situation_de(source), situation_de(cible)
    except DatabaseError as exc:
        relever_erreur_base(exc)
