"""What a payment does to the ordres de dépense it settles (circ. 93/82 §2.1.6).

The treasury pays (`tresorerie.services.lot_payer`: the oppositions first, the
entry creditor accounts / bank, the pain.001 file); it calls this module for
the orders themselves: lock them and check that each may be paid, then pass
them to *payé* with their payment mention, record the payment of the credits
of those under gestion budgétaire, and write one audit row per order.

Both are set-based, since a batch may hold ten thousand orders: one locking
query, one UPDATE, one `credit_payer` per (exercise, imputation account), one
bulk insert of the audit rows. Both run inside the caller's transaction.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from budget.services import credit_depayer, credit_payer
from core import horloge
from core.exceptions import DonneeInvalide, SeparationDesFonctions, TransitionInterdite
from core.models import JournalAudit
from core.money import ZERO
from core.verrous import verrouiller_tous
from depenses.models import Gestion, OrdreDepense
from depenses.selectors import imputations_actuelles
from ordres.services import acte_d_ordonnateur
from personnes.permissions import CIRCULAIRE_SEPARATION, exiger_comptable

CIRC_REGLEMENT = "circulaire 93/82 §2.1.6"


def exiger_pas_ordonnateur_des(acting_user, ordres: list[OrdreDepense]) -> None:
    """Whoever acted on an order as ordonnateur (`OrdreDepense.ACTES_ORDONNATEUR`:
    issued it, signed it, attested its service fait, requisitioned its payment)
    never pays it, whatever function he holds today (circ. 93/82 §2.4.0,
    §1.1.1). One query per kind of act over the whole batch; PostgreSQL refuses
    the same payment mention (`depenses_paiement_separation`, LG230, depenses
    0011 and 0012)."""
    trouve = acte_d_ordonnateur(acting_user, ordres)
    if trouve is not None:
        ordre, fait = trouve
        nom = acting_user.get_full_name() or acting_user.get_username()
        raise SeparationDesFonctions(
            f"{nom} {fait} l'ordre de dépense n° {ordre.reference} comme ordonnateur : une "
            f"même personne ne peut pas aussi le payer ({CIRCULAIRE_SEPARATION}).",
            details={"regle": "separation", "ordre": ordre.reference},
        )


def ordres_depense_verrouiller_pour_paiement(identifiants: Iterable) -> list[OrdreDepense]:
    """Lock the orders to pay, in id order (two batches sharing orders never
    deadlock; the second waits, then reads « déjà payé »), with their exercise
    and accounts; refuse an order that does not exist, is already paid or is
    not visaed: only a visaed order is paid, and once (circ. 93/82 §2.1.6)."""
    ids = sorted({o.pk if hasattr(o, "pk") else int(o) for o in identifiants})
    if not ids:
        raise DonneeInvalide("Choisissez au moins un ordre de dépense visé à payer.")
    ordres = list(
        verrouiller_tous(
            OrdreDepense.objects.filter(pk__in=ids)
            .select_related("exercice", "compte_tiers", "compte_imputation")
            .order_by("pk")
        )
    )
    if len(ordres) != len(ids):
        raise DonneeInvalide("Un des ordres de dépense demandés n'existe pas.")
    for ordre in ordres:
        if ordre.etat == OrdreDepense.Etat.PAYE:
            raise TransitionInterdite(
                f"L'ordre de dépense n° {ordre.reference} est déjà payé (le "
                f"{ordre.paye_le:%d/%m/%Y}, {ordre.paiement_reference}) : il ne se paie qu'une fois."
            )
        if ordre.etat != OrdreDepense.Etat.VISE:
            raise TransitionInterdite(
                f"L'ordre de dépense n° {ordre.reference} n'est pas visé "
                f"({ordre.get_etat_display()}) : seul un ordre visé se paie ({CIRC_REGLEMENT})."
            )
    return ordres


@transaction.atomic
def ordres_depense_payer(
    *,
    acting_user,
    ordres: list[OrdreDepense],
    le: datetime.date,
    moyen: str,
    reference: str,
    montants: dict,
) -> None:
    """Record the payment of orders locked by `ordres_depense_verrouiller_pour_paiement`:
    state *payé* and the payment mention (date, means, reference of the payment,
    who paid; circ. 93/82 §2.1.6), written once with the passage visé → payé;
    the payment of the credits of the orders under gestion budgétaire
    (`budget.credit_payer`, per exercise and imputation account); one audit
    row per order. `montants` (order id → amount) is what this payment pays of
    each order: its amount, or for an order paid again after a returned
    transfer only what was returned (`tresorerie.services.retours`), so that
    the credits are paid once, net. An order missing from it is refused: its
    credits are never paid for an amount nobody gave."""
    manquant = next((o for o in ordres if o.pk not in montants), None)
    if manquant is not None:
        raise DonneeInvalide(
            f"Le montant payé de l'ordre de dépense n° {manquant.reference} n'est pas donné : "
            "ses crédits ne se paient que pour ce que le lot lui verse."
        )
    exiger_comptable(
        acting_user,
        le,
        "payer un ordre de dépense",
        code="tresorerie.payer",
        montant=sum((montants[o.pk] for o in ordres), ZERO),
    )
    exiger_pas_ordonnateur_des(acting_user, ordres)
    ids = [o.pk for o in ordres]
    payes = OrdreDepense.objects.filter(pk__in=ids, etat=OrdreDepense.Etat.VISE).update(
        etat=OrdreDepense.Etat.PAYE,
        paye_le=le,
        paiement_moyen=moyen,
        paiement_reference=reference,
        paye_par=acting_user,
    )
    if payes != len(set(ids)):
        raise TransitionInterdite(
            f"Un des ordres de dépense n'est plus visé : seul un ordre visé se paie ({CIRC_REGLEMENT})."
        )
    budgetaires: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    exercices = {}  # year → the exercise the locked orders carry (not read again by budget)
    # A reimputed order is paid on the credit its certificate moved it to (circ. §2.1.4).
    reimputes = imputations_actuelles([o.pk for o in ordres if o.gestion == Gestion.BUDGETAIRE])
    for ordre in ordres:
        # An order of a closed exercise was engaged and ordered on that
        # exercise's credits, whose execution the closing made final: paid in
        # N+1, it settles a debt of N carried by the à-nouveaux (401), and no
        # credit moves (budget refuses any movement on a closed exercise).
        if ordre.gestion == Gestion.BUDGETAIRE and ordre.exercice.etat != "clos":
            compte = reimputes.get(ordre.pk, ordre.compte_imputation.numero)
            budgetaires[(ordre.exercice.annee, compte)] += montants[ordre.pk]
            exercices[ordre.exercice.annee] = ordre.exercice
    for (annee, numero), somme in sorted(budgetaires.items()):
        if somme <= 0:
            continue
        credit_payer(
            acting_user=acting_user,
            exercice=exercices[annee],
            compte_numero=numero,
            montant=somme,
            reference=f"lot:{reference}",
        )
    maintenant = horloge.maintenant()
    JournalAudit.objects.bulk_create(
        [
            JournalAudit(
                acteur=acting_user,
                acte="ordre_depense.paye",
                objet_type="depenses.ordredepense",
                objet_id=str(o.pk),
                objet_libelle=str(o)[:255],
                avant={"etat": "vise"},
                apres={"etat": "paye", "le": le.isoformat(), "moyen": moyen, "lot": reference},
                horodatage=maintenant,
            )
            for o in ordres
        ],
        batch_size=5000,
    )
    for ordre in ordres:
        ordre.etat = OrdreDepense.Etat.PAYE
        ordre.paye_le, ordre.paiement_moyen, ordre.paiement_reference = le, moyen, reference
        ordre.paye_par = acting_user


def mention_paiement(ordre: OrdreDepense) -> dict:
    """The payment mention a paid order carries (circ. 93/82 §2.1.6: date,
    means, reference, who paid), as a return keeps it when it clears it;
    empty for an order not paid."""
    if ordre.etat != OrdreDepense.Etat.PAYE:
        return {}
    return {
        "paye_le": ordre.paye_le.isoformat(),
        "moyen": ordre.paiement_moyen,
        "reference": ordre.paiement_reference,
        "paye_par": ordre.paye_par_id,
    }


@transaction.atomic
def ordre_depense_retourner(
    *, acting_user, ordre: OrdreDepense, montant: Decimal, retour: str, motif: str
) -> dict:
    """What a transfer returned by the bank does to the order it paid (circ.
    93/82 §2.1.6: the payment mention records a payment that did not reach its
    beneficiary): a paid order goes back to *visé*, its payment mention cleared
    (PostgreSQL allows it only in the transaction recording the return, LG380);
    the payment of its credits undone for the returned amount
    (`budget.credit_depayer`) when it is under gestion budgétaire of an open
    exercise. Returns the mention cleared (empty if the order was already back
    to *visé* by an earlier return)."""
    exiger_comptable(acting_user, horloge.aujourdhui(), "enregistrer un virement retourné")
    ordre = verrouiller_tous(
        OrdreDepense.objects.select_related("exercice", "compte_imputation")
    ).get(pk=ordre.pk)
    mention = mention_paiement(ordre)
    if ordre.etat == OrdreDepense.Etat.PAYE:
        OrdreDepense.objects.filter(pk=ordre.pk).update(
            etat=OrdreDepense.Etat.VISE,
            paye_le=None,
            paiement_moyen="",
            paiement_reference="",
            paye_par=None,
        )
    elif ordre.etat != OrdreDepense.Etat.VISE:
        raise TransitionInterdite(
            f"L'ordre de dépense n° {ordre.reference} n'est ni payé ni visé "
            f"({ordre.get_etat_display()}) : aucun de ses virements ne peut être retourné."
        )
    if ordre.gestion == Gestion.BUDGETAIRE and ordre.exercice.etat != "clos":
        compte = imputations_actuelles([ordre.pk]).get(ordre.pk, ordre.compte_imputation.numero)
        credit_depayer(
            acting_user=acting_user,
            exercice=ordre.exercice.annee,
            compte_numero=compte,
            montant=montant,
            reference=f"retour:{retour}",
        )
    JournalAudit.objects.create(
        acteur=acting_user,
        acte="ordre_depense.virement_retourne",
        objet_type="depenses.ordredepense",
        objet_id=str(ordre.pk),
        objet_libelle=str(ordre)[:255],
        avant={"etat": ordre.etat, **mention},
        apres={"etat": "vise", "retour": retour, "montant": str(montant), "motif": motif},
        horodatage=horloge.maintenant(),
    )
    return mention
