"""The reversal, at the opening of N+1, of the produits à recevoir and charges
à payer of N (D253-17-2, D253-19-2): one entry of the inventory journal, once."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from core import horloge
from core.audit import audit
from core.exceptions import ExerciceInvalide, TransitionInterdite
from core.money import ZERO
from core.verrous import verrouiller
from inventaire import selectors
from inventaire.models import ArticleEtat, ContrepassationInventaire
from ledger.models import Exercice
from ledger.services import LigneSaisie, ecriture_passer
from personnes.permissions import exiger_comptable

JOURNAL = "IN"


@transaction.atomic
def inventaire_contrepasser(
    *, acting_user, exercice: Exercice, si_deja_fait: str = "refuser"
) -> ContrepassationInventaire:
    """At the opening of N+1, reverse the produits à recevoir and charges à
    payer of N (D253-17-2, D253-19-2): one IN entry of N+1 dated 1 January,
    their lines on the opposite side, once. A second call is refused, or with
    `si_deja_fait="rendre"` (the opening of the à-nouveaux) returns the first."""
    exiger_comptable(
        acting_user,
        horloge.aujourdhui(),
        "contrepasser l'inventaire",
        code="inventaire.contrepasser",
    )
    exercice = verrouiller(Exercice, exercice.pk)
    existante = selectors.contrepassation(exercice)
    if existante is not None:
        if si_deja_fait == "rendre":
            return existante
        ecriture = f" (écriture IN-{existante.ecriture.numero})" if existante.ecriture else ""
        raise TransitionInterdite(
            f"Les produits à recevoir et charges à payer de l'exercice {exercice.annee} ont déjà "
            f"été contrepassés le {timezone.localtime(existante.le):%d/%m/%Y}{ecriture}."
        )
    if exercice.etat == Exercice.Etat.OUVERT:
        raise ExerciceInvalide(
            f"L'exercice {exercice.annee} n'est pas encore en période complémentaire : "
            f"ses produits à recevoir et charges à payer se contrepassent à l'ouverture de "
            f"l'exercice {exercice.annee + 1}."
        )
    suivant = Exercice.objects.filter(annee=exercice.annee + 1).first()
    if suivant is None:
        raise ExerciceInvalide(f"L'exercice {exercice.annee + 1} n'est pas ouvert.")
    articles = list(
        ArticleEtat.objects.filter(
            etat__exercice=exercice, etat__nature__in=selectors.A_CONTREPASSER, pour_memoire=False
        )
        .select_related("etat__exercice")
        .order_by("etat__numero", "rang")
    )
    ecriture = None
    if articles:
        lignes = [
            LigneSaisie(
                a.compte_credit,
                debit=a.montant,
                tiers=a.tiers,
                libelle=f"État {a.etat.reference} : {a.libelle}"[:255],
            )
            for a in articles
        ]
        lignes += [
            LigneSaisie(
                a.compte_debit,
                credit=a.montant,
                tiers=a.tiers,
                libelle=f"État {a.etat.reference} : {a.libelle}"[:255],
            )
            for a in articles
        ]
        references = sorted({a.etat.reference for a in articles})
        ecriture = ecriture_passer(
            acting_user=acting_user,
            exercice=suivant,
            journal=JOURNAL,
            date=datetime.date(suivant.annee, 1, 1),
            libelle=f"Contrepassation des produits à recevoir et charges à payer de "
            f"{exercice.annee} (états n° {', '.join(references)})"[:255],
            lignes=lignes,
            piece=f"inventaire:{exercice.annee}",
        )
    contrepassation = ContrepassationInventaire.objects.create(
        exercice=exercice, ecriture=ecriture, par=acting_user, le=horloge.maintenant()
    )
    audit(
        acting_user,
        "inventaire.contrepasse",
        contrepassation,
        apres={
            "exercice": exercice.annee,
            "ecriture": f"{JOURNAL}-{ecriture.numero}" if ecriture else None,
            "total": sum((a.montant for a in articles), ZERO),
        },
    )
    return contrepassation


def contrepasser_a_l_ouverture(*, acting_user, balance) -> ContrepassationInventaire | None:
    """Once the balance après inventaire of N is frozen, the inventory of N is
    final: its produits à recevoir and charges à payer are reversed at the
    opening of N+1 automatically (D253-17-2, D253-19-2), in the freezing's
    transaction; a reversal already made stays the one."""
    exercice = Exercice.objects.get(pk=balance.exercice_id)  # its state now
    if (
        balance.nature != "apres_inventaire"
        or exercice.etat != Exercice.Etat.COMPLEMENTAIRE
        or not Exercice.objects.filter(annee=exercice.annee + 1).exists()
    ):
        return None
    return inventaire_contrepasser(
        acting_user=acting_user, exercice=exercice, si_deja_fait="rendre"
    )
