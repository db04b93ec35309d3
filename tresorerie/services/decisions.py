"""Creditors' lines read against the oppositions in force, lines held in doubt,
and the agent comptable's decision on them (circ. 93/82 §2.1.5).

An opposition has effect "avant que la mention de paiement soit portée sur
l'ordre de dépense": the payment batch reads every line it pays against the
oppositions in force that day (`rapprocher_lignes`, the rules of
`oppositions.rapprochement`). A line whose creditor is only perhaps the one an
opposition stops (same name but no identifier, or the creditor's IBAN under
another name) is held, « en attente de décision de l'agent comptable »: the
batch that contains it is refused (`PaiementEnAttente`), the payment pages and
the API list it (`lignes_en_attente`), and the agent comptable decides, for
that line and that opposition, to apply the opposition or to lift the doubt
(`opposition_decider`, audited). PostgreSQL refuses the creditor's share of a
held line that was not decided (`tresorerie/migrations/sql/0005_oppositions_solde.sql`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core import horloge
from core.audit import audit
from core.exceptions import ApplicationError, DonneeInvalide, TransitionInterdite
from core.saisie import texte
from core.verrous import verrouiller
from depenses.models import LigneOrdreDepense, OrdreDepense
from oppositions.models import Opposition
from oppositions.rapprochement import (
    DECISIONS,
    EN_ATTENTE,
    Index,
    Rapprochement,
    annoter_cles,
    oppositions_en_vigueur,
)
from personnes.permissions import exiger_comptable
from tresorerie.decisions import DecisionOpposition
from tresorerie.services.commun import _atomique, _aujourd_hui

CIRC_OPPOSITIONS = "circulaire 93/82 §2.1.5"


class PaiementEnAttente(ApplicationError):
    """A line of the batch is held for the agent comptable's decision on an opposition."""

    code = "paiement_en_attente"
    statut_http = 409
    message_defaut = f"Un paiement est {EN_ATTENTE} ({CIRC_OPPOSITIONS})."


@dataclass
class LigneRapprochee:
    ligne: LigneOrdreDepense  # with `cle` and `nom_cle` (oppositions.rapprochement.annoter_cles)
    rapprochement: Rapprochement


def rapprocher_lignes(
    lignes, *, le: datetime.date, index: Index | None = None
) -> dict[int, LigneRapprochee]:
    """Each line of `lignes` (a queryset of creditors' lines) read against the
    oppositions in force on `le`, with the agent comptable's decisions: three
    queries whatever the number of lines, and one only when no opposition is in
    force (then every line is paid to its creditor). Keyed by the line's id, in
    the queryset's order."""
    index = index if index is not None else Index(oppositions_en_vigueur(le))
    if not index:
        return {lg.pk: LigneRapprochee(lg, Rapprochement()) for lg in lignes}
    lues = list(annoter_cles(lignes))
    decisions: dict[int, dict[int, str]] = {}
    for ligne_id, opposition_id, decision in DecisionOpposition.objects.filter(
        ligne_id__in=[lg.pk for lg in lues]
    ).values_list("ligne_id", "opposition_id", "decision"):
        decisions.setdefault(ligne_id, {})[opposition_id] = decision
    return {
        lg.pk: LigneRapprochee(
            lg,
            index.rapprocher(
                cle=lg.cle, nom_cle=lg.nom_cle, iban=lg.iban, decisions=decisions.get(lg.pk)
            ),
        )
        for lg in lues
    }


@dataclass
class Attente:
    """A line of a visaed order whose payment is held, and why."""

    ordre: OrdreDepense
    ligne: LigneOrdreDepense
    doutes: list  # oppositions.rapprochement.Doute


def lignes_en_attente(*, ordres=None, le: datetime.date | None = None) -> list[Attente]:
    """The lines of visaed orders (all of them, or those of `ordres`) held today
    for the agent comptable's decision, in the orders' order."""
    le = le or horloge.aujourdhui()
    index = Index(oppositions_en_vigueur(le))
    if not index:
        return []
    lignes = LigneOrdreDepense.objects.filter(ordre__etat=OrdreDepense.Etat.VISE)
    if ordres is not None:
        lignes = lignes.filter(ordre_id__in=[getattr(o, "pk", o) for o in ordres])
    lignes = lignes.select_related("ordre__exercice").order_by(
        "ordre__exercice__annee", "ordre__numero", "id"
    )
    return [
        Attente(lr.ligne.ordre, lr.ligne, lr.rapprochement.doutes)
        for lr in rapprocher_lignes(lignes, le=le, index=index).values()
        if lr.rapprochement.en_attente
    ]


def message_attente(attentes: list[Attente]) -> str:
    """The refusal of a batch holding lines in doubt, naming each line and opposition."""
    details = "; ".join(
        f"ordre n° {a.ordre.reference}, {a.ligne.creancier} : "
        + ", ".join(d.motif for d in a.doutes)
        for a in attentes
    )
    return (
        f"Le paiement est arrêté, {EN_ATTENTE} : {details}. Sur la page des paiements, "
        "appliquez l'opposition ou levez le doute pour chaque ligne, puis payez "
        f"({CIRC_OPPOSITIONS})."
    )


@_atomique
def opposition_decider(
    *,
    acting_user,
    ligne: LigneOrdreDepense,
    opposition: Opposition,
    decision: str,
    motif: str,
) -> DecisionOpposition:
    """Decide on a line held for an opposition (circ. 93/82 §2.1.5): apply the
    opposition to its payment (the opposing party is paid first, up to what
    remains of the act) or lift the doubt (the creditor is paid in full).

    Only the agent comptable (or his fondé de pouvoir) decides: the
    opposition is served on him alone. The line must be held today for this
    opposition (same name without identifier, or the creditor's IBAN), its
    order visaed and not paid (once the payment mention is written the
    opposition has no effect); one decision per line and opposition, never
    changed; the reason is required and kept with the decision and in the
    audit log of the opposition.
    """
    aujourd_hui = _aujourd_hui()
    exiger_comptable(
        acting_user,
        aujourd_hui,
        "décider du paiement arrêté par une opposition",
        code="tresorerie.opposition_decider",
    )
    if decision not in DECISIONS:
        raise DonneeInvalide(
            f"La décision « {decision} » n'existe pas : « appliquer » (l'opposition s'applique "
            "au paiement) ou « lever » (le créancier est payé)."
        )
    motif = texte(motif, "Le motif de la décision", longueur=2000)
    ligne = verrouiller(LigneOrdreDepense.objects.select_related("ordre__exercice"), ligne.pk)
    ordre = verrouiller(OrdreDepense, ligne.ordre_id)
    if ordre.etat != OrdreDepense.Etat.VISE:
        raise TransitionInterdite(
            f"L'ordre de dépense n° {ligne.ordre.reference} n'attend pas son paiement "
            f"({ordre.get_etat_display()}) : il n'y a rien à décider ({CIRC_OPPOSITIONS})."
        )
    opposition = verrouiller(Opposition, opposition.pk)
    if DecisionOpposition.objects.filter(ligne=ligne, opposition=opposition).exists():
        raise TransitionInterdite(
            f"L'agent comptable a déjà décidé du paiement de {ligne.creancier} (ordre n° "
            f"{ligne.ordre.reference}) au regard de l'opposition n° {opposition.pk} : une "
            "décision ne se reprend pas."
        )
    (lue,) = rapprocher_lignes(
        LigneOrdreDepense.objects.filter(pk=ligne.pk), le=aujourd_hui
    ).values()
    doute = next((d for d in lue.rapprochement.doutes if d.opposition.pk == opposition.pk), None)
    if doute is None:
        raise TransitionInterdite(
            f"Le paiement de {ligne.creancier} (ordre n° {ligne.ordre.reference}) n'est pas "
            f"{EN_ATTENTE} pour l'opposition n° {opposition.pk} : soit elle s'applique "
            "d'elle-même (même identifiant), soit elle ne vise pas ce créancier, soit elle "
            f"n'arrête plus de paiement ({CIRC_OPPOSITIONS})."
        )
    resultat = DecisionOpposition.objects.create(
        ligne=ligne,
        opposition=opposition,
        decision=decision,
        doute=doute.motif,
        motif=motif,
        par=acting_user,
        le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "opposition.decision",
        opposition,
        apres={
            "decision": decision,
            "ordre": ligne.ordre.reference,
            "ligne": ligne.pk,
            "creancier": ligne.creancier,
            "doute": doute.motif,
            "motif": motif,
        },
    )
    return resultat
