"""Engagement (circ. 93/82 §2.1.0): the obligation, and the credits it reserves."""

from __future__ import annotations

from django.db import DatabaseError, transaction

from budget import services as budget
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    ExerciceClos,
    relever_erreur_base,
)
from core.money import montant
from depenses.models import (
    Engagement,
    Gestion,
)
from depenses.services.communs import (
    NATURE_DELEGATION,
    SOURCE,
    _compte,
)
from ledger.models import Exercice
from ordres.services import (
    exiger_ordonnateur,
)

# --- Engagement ---------------------------------------------------------------


def engagement_creer(
    *,
    acting_user,
    exercice: Exercice,
    gestion: str,
    objet: str,
    creancier: str,
    compte_imputation: str,
    montant_engage,
) -> Engagement:
    """Engage the expense; for a gestion budgétaire the credits are reserved
    (circ. 93/82 §2.1.0 and §2.1.2.0: disponibilité des crédits)."""
    try:
        with transaction.atomic():
            exiger_ordonnateur(acting_user, "engager une dépense", source=SOURCE)
            if exercice.etat == Exercice.Etat.CLOS:
                raise ExerciceClos(f"L'exercice {exercice.annee} est clos.")
            compte = _compte(compte_imputation, classes=(2, 6), libelle="Le compte d'imputation")
            valeur = montant(montant_engage, libelle="Le montant engagé")
            # Engaging is the ordonnateur's act within his own powers today
            # (circ. 93/82 §1.0, §2.1): a délégué's delegation on the ordres
            # de dépense must cover this account and this amount.
            exiger_ordonnateur(
                acting_user,
                "engager une dépense",
                source=SOURCE,
                nature=NATURE_DELEGATION,
                montant=valeur,
                comptes=[compte.numero],
            )
            if gestion not in Gestion.values:
                raise DonneeInvalide(f"Gestion inconnue : « {gestion} ».")
            if not objet.strip() or not creancier.strip():
                raise DonneeInvalide("L'engagement indique son objet et le créancier.")
            engagement = Engagement.objects.create(
                exercice=exercice,
                gestion=gestion,
                objet=objet.strip()[:255],
                creancier=creancier.strip()[:200],
                compte_imputation=compte,
                montant=valeur,
                cree_par=acting_user,
            )
            if gestion == Gestion.BUDGETAIRE:
                budget.credit_engager(
                    acting_user=acting_user,
                    exercice=exercice,
                    compte_numero=compte.numero,
                    montant=valeur,
                    reference=f"engagement:{engagement.pk}",
                )
            audit(
                acting_user,
                "engagement.cree",
                engagement,
                apres={"montant": valeur, "compte": compte.numero, "gestion": gestion},
            )
            return engagement
    except DatabaseError as exc:
        relever_erreur_base(exc)
