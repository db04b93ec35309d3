"""Expenses paid without prior order, by authorised direct debit, and their
regularisation (circ. 93/82 §2.1.8).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.utils import timezone

from core.audit import audit
from core.exceptions import (
    relever_erreur_base,
)
from core.money import montant
from depenses.models import (
    DepenseSansOrdonnancement,
    OrdreDepense,
)
from depenses.services.communs import (
    _aujourd_hui,
    _compte,
)
from ledger.models import Exercice
from ledger.services import LigneSaisie, ecriture_passer
from personnes.permissions import exiger_comptable


def limite_regularisation(payee_le: datetime.date) -> datetime.date:
    """Within one month and before year end (circ. 93/82 §2.1.8)."""
    mois = payee_le.month % 12 + 1
    annee = payee_le.year + (1 if payee_le.month == 12 else 0)
    jour = min(payee_le.day, 28 if mois == 2 else 30 if mois in (4, 6, 9, 11) else 31)
    return min(datetime.date(annee, mois, jour), datetime.date(payee_le.year, 12, 31))


def depense_sans_ordonnancement_enregistrer(
    *,
    acting_user,
    exercice: Exercice,
    objet: str,
    creancier: str,
    compte_charge: str,
    montant_preleve,
    payee_le: datetime.date,
    reference: str,
) -> DepenseSansOrdonnancement:
    """Record, from the bank side, an authorised direct debit paid before any
    order (water, gas, electricity, taxes, telephone): 4721 / bank."""
    try:
        with transaction.atomic():
            exiger_comptable(
                acting_user,
                _aujourd_hui(),
                "enregistrer une dépense payée sans ordonnancement",
                montant=montant_preleve,
            )
            compte = _compte(compte_charge, classes=(6,), libelle="Le compte de charge")
            valeur = montant(montant_preleve, libelle="Le montant prélevé")
            ecriture = ecriture_passer(
                acting_user=acting_user,
                exercice=exercice,
                journal="TR",
                date=payee_le,
                libelle=f"Prélèvement sans ordonnancement préalable : {objet}"[:255],
                lignes=[
                    LigneSaisie("4721", debit=valeur, tiers=creancier[:120]),
                    LigneSaisie("5122", credit=valeur),
                ],
                piece=f"releve:{reference}",
            )
            dso = DepenseSansOrdonnancement.objects.create(
                exercice=exercice,
                objet=objet.strip()[:255],
                creancier=creancier.strip()[:200],
                compte_charge=compte,
                montant=valeur,
                payee_le=payee_le,
                reference=reference[:120],
                ecriture=ecriture,
                enregistree_par=acting_user,
                limite_regularisation=limite_regularisation(payee_le),
            )
            audit(
                acting_user,
                "depense_sans_ordonnancement.enregistree",
                dso,
                apres={"montant": valeur, "limite": dso.limite_regularisation},
            )
            return dso
    except DatabaseError as exc:
        relever_erreur_base(exc)


@dataclass(frozen=True)
class EtatRegularisation:
    depense: DepenseSansOrdonnancement
    ordre: OrdreDepense | None
    en_retard: bool
    libelle: str


def regularisations(
    *, exercice: Exercice | None = None, le: datetime.date | None = None
) -> list[EtatRegularisation]:
    """Expenses paid without prior order, pending or late (circ. §2.1.8)."""
    le = le or _aujourd_hui()
    qs = DepenseSansOrdonnancement.objects.select_related("compte_charge", "exercice")
    if exercice is not None:
        qs = qs.filter(exercice=exercice)
    resultat = []
    for dso in qs:
        ordre = OrdreDepense.objects.filter(regularise=dso).select_related("exercice").first()
        if ordre is None:
            retard = le > dso.limite_regularisation
            libelle = (
                f"en retard : à régulariser au plus tard le {dso.limite_regularisation:%d/%m/%Y}"
                if retard
                else f"à régulariser au plus tard le {dso.limite_regularisation:%d/%m/%Y}"
            )
        else:
            retard = timezone.localdate(ordre.cree_le) > dso.limite_regularisation
            libelle = (
                f"régularisée tardivement par l'ordre n° {ordre.reference}"
                if retard
                else f"régularisée par l'ordre n° {ordre.reference}"
            )
        resultat.append(EtatRegularisation(dso, ordre, retard, libelle))
    return resultat
