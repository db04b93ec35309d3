"""The acts of the comptes annuels: the agent comptable fixes the mapping of
accounts to rubrics (circ. 93/82 §1.1.1: the books are his), as a new dated
row; what was in force before stays, for the exercises it governs."""

from __future__ import annotations

import datetime

from django.db import transaction

from comptes_annuels.models import Correspondance, Rubrique
from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from ledger.models import Exercice
from personnes.permissions import exiger_comptable

ACTE = "fixer la correspondance des comptes annuels"


@transaction.atomic
def correspondance_fixer(
    *, acting_user, prefixe: str, rubrique: str, valable_du: datetime.date
) -> Correspondance:
    """Send the accounts whose number begins with `prefixe` to the rubric
    `rubrique` (its code) from `valable_du`. Refused inside a closed exercise
    (its comptes are arrêtés; PostgreSQL refuses it too)."""
    exiger_comptable(acting_user, horloge.aujourdhui(), ACTE)
    prefixe = (prefixe or "").strip()
    if not prefixe.isdigit() or not 1 <= len(prefixe) <= 12 or prefixe[0] not in "12345678":
        raise DonneeInvalide(
            f"Le préfixe « {prefixe} » n'est pas un début de numéro de compte "
            "(des chiffres, le premier de 1 à 8)."
        )
    cible = Rubrique.objects.filter(code=rubrique).first()
    if cible is None:
        raise DonneeInvalide(f"La rubrique « {rubrique} » n'existe pas.")
    bilan = prefixe[0] in "12345"
    if prefixe[0] == "8" or bilan != (cible.etat in (Rubrique.Etat.ACTIF, Rubrique.Etat.PASSIF)):
        raise DonneeInvalide(
            f"Les comptes {prefixe}… ne vont pas au {cible.get_etat_display()} : les classes "
            "1 à 5 vont au bilan, les classes 6 et 7 au compte de résultat, la classe 8 "
            "en annexe."
        )
    clos = (
        Exercice.objects.filter(etat=Exercice.Etat.CLOS, annee__gte=valable_du.year)
        .order_by("-annee")
        .first()
    )
    if clos is not None:
        raise TransitionInterdite(
            f"L'exercice {clos.annee} est clos : une correspondance ne peut prendre effet "
            f"avant le 1er janvier {clos.annee + 1}."
        )
    if Correspondance.objects.filter(prefixe=prefixe, valable_du=valable_du).exists():
        raise DonneeInvalide(
            f"Une correspondance du préfixe {prefixe} prend déjà effet le "
            f"{valable_du:%d/%m/%Y} : choisissez une autre date."
        )
    avant = (
        Correspondance.objects.filter(prefixe=prefixe, valable_du__lte=valable_du)
        .select_related("rubrique")
        .order_by("-valable_du")
        .first()
    )
    correspondance = Correspondance.objects.create(
        prefixe=prefixe,
        rubrique=cible,
        valable_du=valable_du,
        fixee_par=acting_user,
        fixee_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.correspondance_fixer",
        correspondance,
        avant={"rubrique": avant.rubrique.code} if avant else None,
        apres={"prefixe": prefixe, "rubrique": cible.code, "valable_du": valable_du.isoformat()},
    )
    return correspondance
