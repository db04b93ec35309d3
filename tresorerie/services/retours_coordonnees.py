"""Bank details corrected after a returned transfer, and what the next payment
of a returned line may pay (issue 15).

While a line's transfer to a beneficiary (its creditor, or an opposing party)
was returned and no correction was recorded since, `lot_payer` refuses to pay
that order by transfer, naming the creditor, the bank's reason and the page
to correct; a cheque stays possible. The correction is the agent comptable's
act (`coordonnees_corriger`), append-only and audited; the next transfer of
that line to that beneficiary goes to the corrected account.

Which reasons require another account: those that put the account itself in
question (AC01, AC02, AC03, AC04, AC06, AC13, BE01, MD07, RR01: wrong, closed,
blocked account, name inconsistent with the account, holder deceased) require
another IBAN; RC01 (wrong BIC) requires another BIC or IBAN; for the others
(AM04, MS02, MS03, TECH, FOCR, unknown codes...) the agent comptable may
confirm the same details, his justification saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef
from django.urls import reverse

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from core.saisie import texte
from core.verrous import verrouiller
from depenses.models import LigneOrdreDepense, OrdreDepense
from oppositions.banque import formater_iban, verifier_bic, verifier_iban
from personnes.permissions import exiger_comptable
from tresorerie.models import Paiement
from tresorerie.models_retours import CorrectionCoordonnees, Retour
from tresorerie.services.commun import _atomique, _aujourd_hui
from tresorerie.services.retours import MOTIFS_BIC, MOTIFS_COMPTE

__all__ = [
    "ACTE_CORRIGER",
    "CODE_CORRIGER",
    "ETATS_RETOUR",
    "RetourEnCours",
    "coordonnees_corriger",
    "coordonnees_corriger_ligne",
    "corrections_des_lignes",
    "etat_retour",
    "ibans_retournes",
    "lignes_payees",
    "message_a_corriger",
    "message_iban_retourne",
]

# The corrections' own act in the droits catalogue (`actes_retours`): a
# procuration names it apart from paying.
ACTE_CORRIGER = "corriger les coordonnées bancaires d'un virement retourné"
CODE_CORRIGER = "tresorerie.coordonnees_corriger"

ETATS_RETOUR = {
    "a_corriger": "à corriger",
    "corrige": "corrigé",
    "repaye": "repayé",
}
PAGE_RETOURS = "Trésorerie › Virements revenus"


@dataclass(frozen=True)
class RetourEnCours:
    """The last transfer of a line to one beneficiary was returned."""

    retour: Retour
    correction: CorrectionCoordonnees | None


def lignes_payees(
    ligne_ids,
) -> tuple[dict[int, Decimal], dict[tuple[int, int | None], RetourEnCours]]:
    """For lines of ordres de dépense: what their payments not returned add up
    to (line id → amount), and, per (line, opposition or None), the return of
    its last transfer when that transfer was returned, with the last
    correction recorded since (or None). One query for the payments, one for
    the returns in course."""
    nets: dict[int, Decimal] = {}
    derniers: dict[tuple[int, int | None], tuple[int, int | None]] = {}
    lignes = (
        Paiement.objects.filter(ligne_id__in=list(ligne_ids))
        .annotate(retourne=Exists(Retour.objects.filter(paiement_id=OuterRef("pk"))))
        .values_list("id", "ligne_id", "opposition_id", "montant", "retourne")
        .order_by("id")
    )
    for pk, ligne_id, opposition_id, montant, retourne in lignes:
        if not retourne:
            nets[ligne_id] = nets.get(ligne_id, ZERO) + montant
        derniers[(ligne_id, opposition_id)] = (pk, retourne)
    retournes = [pk for pk, retourne in derniers.values() if retourne]
    en_cours: dict[tuple[int, int | None], RetourEnCours] = {}
    if retournes:
        for retour in Retour.objects.filter(paiement_id__in=retournes).select_related("paiement"):
            correction = retour.corrections.order_by("-id").first()
            cle = (retour.paiement.ligne_id, retour.paiement.opposition_id)
            en_cours[cle] = RetourEnCours(retour, correction)
    return nets, en_cours


def _normal(iban: str) -> str:
    return "".join((iban or "").split()).upper()


def ibans_retournes() -> dict[str, Retour]:
    """The IBANs (normal form) the bank returned a transfer to for a reason
    about the account itself (`MOTIFS_COMPTE`: wrong, closed, blocked account,
    holder deceased...), each with its latest such return. No transfer goes to
    them any more (`lot_payer`). One query over the returns, a small table."""
    retournes: dict[str, Retour] = {}
    for retour in (
        Retour.objects.filter(motif__in=MOTIFS_COMPTE)
        .select_related("paiement", "ordre__exercice")
        .order_by("id")
    ):
        retournes[_normal(retour.paiement.iban)] = retour
    return retournes


def corrections_des_lignes(ligne_ids) -> dict[int, CorrectionCoordonnees]:
    """The last correction recorded for each of these lines of ordres de
    dépense never returned (`coordonnees_corriger_ligne`)."""
    dernieres: dict[int, CorrectionCoordonnees] = {}
    for c in CorrectionCoordonnees.objects.filter(
        ligne_id__in=list(ligne_ids), retour__isnull=True
    ).order_by("id"):
        dernieres[c.ligne_id] = c
    return dernieres


def message_iban_retourne(
    *,
    beneficiaire: str,
    iban: str,
    montant,
    ordre,
    ligne_id: int | None,
    retour: Retour,
    en_cours=None,
) -> str:
    """Why a transfer to `iban` is refused, and what to do: pay by cheque, or
    record new bank details (of the returned transfer `en_cours` if this line
    was itself returned, else of the line)."""
    if en_cours is not None:
        issue = (
            f"corrigez de nouveau les coordonnées du virement retourné n° {en_cours.pk} "
            f"({PAGE_RETOURS}, {reverse('tresorerie:retour', args=[en_cours.pk])})"
        )
    elif ligne_id is None:  # an opposing party: its details are the opposition's
        return (
            f"Le virement de {format_euros(montant)} à {beneficiaire} (ordre de dépense "
            f"n° {ordre.reference}) irait sur le compte {formater_iban(iban)}, que la banque a "
            f"retourné le {retour.date:%d/%m/%Y} ({_motif(retour)}, virement de l'ordre de "
            f"dépense n° {retour.ordre.reference}, retour n° {retour.pk}) : aucun virement ne "
            "part plus vers ce compte. Payez cet ordre par chèque."
        )
    else:
        issue = (
            "enregistrez-les pour cette ligne (« Corriger les coordonnées », "
            f"{reverse('tresorerie:ligne_coordonnees', args=[ligne_id])})"
        )
    return (
        f"Le virement de {format_euros(montant)} à {beneficiaire} (ordre de dépense "
        f"n° {ordre.reference}) irait sur le compte {formater_iban(iban)}, que la banque a "
        f"retourné le {retour.date:%d/%m/%Y} ({_motif(retour)}, virement de l'ordre de dépense "
        f"n° {retour.ordre.reference}, retour n° {retour.pk}) : aucun virement ne part plus "
        f"vers ce compte. Payez cet ordre par chèque, ou obtenez de {beneficiaire} de "
        f"nouvelles coordonnées bancaires et {issue}."
    )


def etat_retour(retour: Retour) -> str:
    """« repaye » once the line was paid again to that beneficiary, « corrige »
    once its details were corrected, « a_corriger » before."""
    plus_tard = Paiement.objects.filter(
        ligne_id=retour.paiement.ligne_id,
        opposition_id=retour.paiement.opposition_id,
        pk__gt=retour.paiement_id,
    )
    if plus_tard.exists():
        return "repaye"
    if retour.corrections.exists():
        return "corrige"
    return "a_corriger"


def message_a_corriger(retour: Retour) -> str:
    paiement = retour.paiement
    return (
        f"Le virement de {format_euros(paiement.montant)} à {paiement.beneficiaire} (ordre de dépense "
        f"n° {retour.ordre.reference}) a été retourné par la banque le {retour.date:%d/%m/%Y} : "
        f"{_motif(retour)}. Corrigez ses coordonnées bancaires ({PAGE_RETOURS}, retour "
        f"n° {retour.pk}) avant de le payer de nouveau par virement, ou payez-le par chèque."
    )


def _motif(retour: Retour) -> str:
    code = f"{retour.motif} — " if retour.motif and retour.motif != retour.motif_libelle else ""
    info = f" ({retour.motif_info})" if retour.motif_info else ""
    return f"motif {code}{retour.motif_libelle}{info}"


@_atomique
def coordonnees_corriger(
    *, acting_user, retour: Retour, iban: str, bic: str = "", justification: str
) -> CorrectionCoordonnees:
    """Record the corrected bank details of a returned transfer's beneficiary
    (the agent comptable, who answers for the payment to the right person,
    circ. 93/82 §2.1.6). IBAN and BIC are checked (`oppositions.banque`); for a
    reason about the account (`MOTIFS_COMPTE`) the IBAN must differ from the
    returned one, for RC01 the BIC or the IBAN. The next transfer of that line
    to that beneficiary goes there. Append-only, audited."""
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, ACTE_CORRIGER, code=CODE_CORRIGER)
    # Lock the order (as `paiement_retourner` and `lot_payer` do), never the
    # return: the application's role may not UPDATE an append-only table, so
    # it may not take its row lock either (SELECT ... FOR UPDATE).
    retour = Retour.objects.select_related("paiement", "ordre__exercice").get(pk=retour.pk)
    verrouiller(OrdreDepense, retour.ordre_id)
    iban = verifier_iban(iban)
    bic = verifier_bic(bic, iban=iban) if (bic or "").strip() else ""
    justification = texte(
        justification, "La justification de la correction", obligatoire=False, longueur=2000
    )
    if not justification:
        raise DonneeInvalide(
            "Dites d'où viennent les nouvelles coordonnées (courrier du créancier, RIB reçu le…) : "
            "la justification de la correction est obligatoire."
        )
    if etat_retour(retour) == "repaye":
        raise DonneeInvalide(
            f"Le virement retourné n° {retour.pk} a déjà été payé de nouveau : ses coordonnées ne "
            "se corrigent plus."
        )
    ancien = retour.paiement.iban
    if retour.motif in MOTIFS_COMPTE and iban == ancien:
        raise DonneeInvalide(
            f"La banque a retourné le virement pour « {retour.motif_libelle} » ({retour.motif}) : "
            f"le compte {formater_iban(ancien)} ne peut pas être repris, donnez un autre IBAN."
        )
    if retour.motif in MOTIFS_BIC and iban == ancien and bic == retour.paiement.bic:
        raise DonneeInvalide(
            f"La banque a retourné le virement pour « {retour.motif_libelle} » ({retour.motif}) : "
            "donnez un autre BIC (ou un autre IBAN)."
        )
    deja = ibans_retournes().get(iban)
    if deja is not None and deja.pk != retour.pk:
        raise DonneeInvalide(
            f"La banque a retourné un virement au compte {formater_iban(iban)} le "
            f"{deja.date:%d/%m/%Y} ({_motif(deja)}) : aucun virement ne part plus vers ce "
            "compte, donnez un autre IBAN."
        )
    correction = CorrectionCoordonnees.objects.create(
        retour=retour, iban=iban, bic=bic, justification=justification, par=acting_user, le=le
    )
    audit(
        acting_user,
        "tresorerie.coordonnees_corrigees",
        correction,
        avant={"iban": ancien, "bic": retour.paiement.bic},
        apres={
            "retour": retour.pk,
            "ordre": retour.ordre.reference,
            "beneficiaire": retour.paiement.beneficiaire,
            "iban": iban,
            "bic": bic,
            "justification": justification,
        },
    )
    return correction


@_atomique
def coordonnees_corriger_ligne(
    *, acting_user, ligne: LigneOrdreDepense, iban: str, bic: str = "", justification: str
) -> CorrectionCoordonnees:
    """Record new bank details for the creditor of an order's line never
    returned, whose IBAN the bank returned on another transfer for a reason
    about the account (`ibans_retournes`): the next transfer of that line
    goes there. The agent comptable's act, as `coordonnees_corriger`;
    append-only, audited. A line whose own transfer was returned is corrected
    through its return; a paid order is not corrected any more."""
    le = _aujourd_hui()
    exiger_comptable(
        acting_user, le, "corriger les coordonnées bancaires d'un créancier", code=CODE_CORRIGER
    )
    ligne = LigneOrdreDepense.objects.select_related("ordre__exercice").get(pk=ligne.pk)
    ordre = verrouiller(OrdreDepense.objects.select_related("exercice"), ligne.ordre_id)
    iban = verifier_iban(iban)
    bic = verifier_bic(bic, iban=iban) if (bic or "").strip() else ""
    justification = texte(
        justification, "La justification de la correction", obligatoire=False, longueur=2000
    )
    if not justification:
        raise DonneeInvalide(
            "Dites d'où viennent les nouvelles coordonnées (courrier du créancier, RIB reçu le…) : "
            "la justification de la correction est obligatoire."
        )
    if ordre.etat != OrdreDepense.Etat.VISE:
        raise TransitionInterdite(
            f"L'ordre de dépense n° {ordre.reference} n'est pas à payer ({ordre.get_etat_display()}) : "
            "les coordonnées de ses créanciers ne se corrigent qu'avant son paiement."
        )
    _, en_cours = lignes_payees([ligne.pk])
    propre = en_cours.get((ligne.pk, None))
    if propre is not None:
        raise DonneeInvalide(
            f"Le virement de cette ligne a lui-même été retourné par la banque (retour "
            f"n° {propre.retour.pk}) : corrigez ses coordonnées depuis ce retour ({PAGE_RETOURS})."
        )
    retournes = ibans_retournes()
    ancienne = corrections_des_lignes([ligne.pk]).get(ligne.pk)
    actuel = ancienne.iban if ancienne else ligne.iban
    # The order's IBAN, or the one a previous correction gave, was returned.
    bloque = retournes.get(_normal(ligne.iban)) or retournes.get(_normal(actuel))
    if bloque is None:
        raise DonneeInvalide(
            f"La banque n'a retourné aucun virement au compte {formater_iban(actuel or '')} de "
            f"{ligne.creancier} pour un motif tenant au compte : ses coordonnées restent celles "
            f"de l'ordre de dépense n° {ordre.reference}."
        )
    deja = retournes.get(iban)
    if deja is not None:
        raise DonneeInvalide(
            f"La banque a aussi retourné un virement au compte {formater_iban(iban)} le "
            f"{deja.date:%d/%m/%Y} ({_motif(deja)}) : donnez un autre IBAN."
        )
    correction = CorrectionCoordonnees.objects.create(
        ligne=ligne, iban=iban, bic=bic, justification=justification, par=acting_user, le=le
    )
    audit(
        acting_user,
        "tresorerie.coordonnees_ligne_corrigees",
        correction,
        avant={
            "iban": ancienne.iban if ancienne else ligne.iban,
            "bic": ancienne.bic if ancienne else ligne.bic,
        },
        apres={
            "ordre": ordre.reference,
            "ligne": ligne.pk,
            "creancier": ligne.creancier,
            "retour": bloque.pk,
            "iban": iban,
            "bic": bic,
            "justification": justification,
        },
    )
    return correction
