"""The agent comptable records by hand a transfer the bank returned or
rejected (issue 15), when the statement import did not recognise it: an
amount that differs, a date anomaly, an unknown or foreign reference, a bank
reversal without reason, or a batch debited short because the bank rejected
one transfer before booking it.

`virement_retourne_enregistrer` checks the act and the statement line it
came with, then calls `paiement_retourner` (same checks, same counter-entry,
the order back to *visé*). A statement line given must be a credit of the
payment's account of the payment's amount, not yet matched nor taken by
another return: it is then matched with the counter-entry's class-5 line,
found as the automatic matching finds it (`retours_releve._ligne_classe_5`).
A transfer rejected before booking has no credit line: the bank debited the
batch minus that transfer (refused when the statement shows it debited: its
EndToEndId, or the batch's full total, matched to the batch's entry); the counter-entry lets the batch's book line
minus the counter-entry match that debit by hand (`releves.rapprocher`).
"""

from __future__ import annotations

from django.db.models import Q

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import format_euros
from personnes.permissions import exiger_comptable
from tresorerie.models import LigneReleve, Paiement, Rapprochement, Releve
from tresorerie.models_retours import Retour
from tresorerie.services.commun import _atomique, _aujourd_hui
from tresorerie.services.retours import MOTIFS_RETOUR, paiement_retourner
from tresorerie.services.retours_releve import _ligne_classe_5, anomalie_de_date

__all__ = ["ACTE_RETOURNER", "CODE_RETOURNER", "debit_rapproche", "virement_retourne_enregistrer"]

ACTE_RETOURNER = "enregistrer un virement retourné ou rejeté"
CODE_RETOURNER = "tresorerie.virement_retourner"


def _motif(code: str) -> str:
    code = (code or "").strip().upper()
    if code not in MOTIFS_RETOUR:
        raise DonneeInvalide(
            f"Choisissez le motif du retour parmi les codes de retour ISO 20022 (AC04 « compte "
            f"clos », MS03 « motif non précisé, à l'initiative de la banque »…) : « {code} » "
            "n'en est pas un."
            if code
            else "Choisissez le motif du retour (code de retour ISO 20022, par exemple AC04 « "
            "compte clos » ; MS03 quand la banque n'en donne pas).",
            details={"motif": code},
        )
    return code


def _ligne_conforme(paiement: Paiement, ligne: LigneReleve) -> None:
    """The statement line of a returned transfer: a credit of the payment's account,
    of its amount, dated on or after the payment, neither matched nor taken."""
    quoi = f"La ligne n° {ligne.pk} du relevé {ligne.releve.identifiant}"
    compte = paiement.lot.compte
    if ligne.releve.compte_id != compte.pk:
        raise DonneeInvalide(
            f"{quoi} porte sur le compte {ligne.releve.compte.libelle}, pas sur "
            f"{compte.libelle} d'où le virement {paiement.bout_en_bout} est parti.",
            details={"ligne_releve": ligne.pk},
        )
    if ligne.sens != "credit":
        raise DonneeInvalide(
            f"{quoi} est un débit : un virement retourné revient au crédit du compte.",
            details={"ligne_releve": ligne.pk},
        )
    if ligne.montant != paiement.montant:
        raise DonneeInvalide(
            f"{quoi} porte sur {format_euros(ligne.montant)} alors que le virement "
            f"{paiement.bout_en_bout} à {paiement.beneficiaire} était de "
            f"{format_euros(paiement.montant)} : un virement ne se retourne que pour son "
            "montant entier.",
            details={"ligne_releve": ligne.pk, "montant": str(ligne.montant)},
        )
    anomalie = anomalie_de_date(ligne, paiement)
    if anomalie:
        raise DonneeInvalide(anomalie, details={"ligne_releve": ligne.pk})
    if Rapprochement.objects.filter(ligne_releve=ligne).exists():
        raise TransitionInterdite(
            f"{quoi} est déjà rapprochée ou expliquée : défaites ce rapprochement d'abord.",
            details={"ligne_releve": ligne.pk},
        )
    autre = Retour.objects.filter(ligne_releve=ligne).select_related("paiement").first()
    if autre is not None:
        raise TransitionInterdite(
            f"{quoi} est déjà celle du retour du virement {autre.paiement.bout_en_bout}.",
            details={"ligne_releve": ligne.pk},
        )


def debit_rapproche(paiement: Paiement) -> LigneReleve | None:
    """The statement's debit line that shows the bank booked `paiement`, if any:
    a debit of the batch's account matched to the batch's book entry whose
    reference is the payment's EndToEndId, or that is the batch's full total
    (one entry for the batch)."""
    lot = paiement.lot
    return (
        LigneReleve.objects.filter(
            sens="debit",
            releve__compte_id=lot.compte_id,
            rapprochement__lignes_ecriture__ecriture_id=lot.ecriture_id,
        )
        .filter(Q(reference=paiement.bout_en_bout) | Q(montant=lot.total))
        .select_related("releve")
        .order_by("id")
        .first()
    )


def _pas_deja_debite(paiement: Paiement) -> None:
    """A rejection « before booking » (no statement line) of a transfer the bank
    already debited is refused: its return comes with the statement's credit line."""
    debit = debit_rapproche(paiement)
    if debit is not None:
        raise TransitionInterdite(
            f"Le virement {paiement.bout_en_bout} à {paiement.beneficiaire} a été débité par la "
            f"banque (relevé {debit.releve.identifiant}, ligne du "
            f"{debit.date_operation:%d/%m/%Y}) : il n'a pas été rejeté avant comptabilisation ; "
            "enregistrez son retour avec la ligne de crédit du relevé qui le rend.",
            details={"ligne_releve": debit.pk},
        )


@_atomique
def virement_retourne_enregistrer(
    *, acting_user, paiement: Paiement, motif: str, motif_info: str = "", ligne_releve=None
) -> Retour:
    """Record by hand that the bank returned or rejected `paiement` (a transfer):
    `paiement_retourner`, then, when the statement's credit line is given, the
    line matched with the counter-entry's class-5 line (audited)."""
    exiger_comptable(acting_user, _aujourd_hui(), ACTE_RETOURNER, code=CODE_RETOURNER)
    paiement = Paiement.objects.select_related("lot__compte__compte").get(pk=paiement.pk)
    code = _motif(motif)
    deja = Retour.objects.filter(paiement=paiement).first()
    if deja is not None:
        raise TransitionInterdite(
            f"Le virement {paiement.bout_en_bout} à {paiement.beneficiaire} est déjà enregistré "
            f"comme retourné le {deja.date:%d/%m/%Y} (motif {deja.motif or 'non précisé'}) : "
            "rien n'a été fait.",
            details={"retour": deja.pk},
        )
    ligne = None
    if ligne_releve is None:
        _pas_deja_debite(paiement)
    else:
        ligne = LigneReleve.objects.select_related("releve__compte").get(
            pk=getattr(ligne_releve, "pk", ligne_releve)
        )
        _ligne_conforme(paiement, ligne)
    retour = paiement_retourner(
        acting_user=acting_user,
        paiement=paiement,
        motif=code,
        motif_info=motif_info,
        ligne_releve=ligne,
        code_acte=CODE_RETOURNER,
    )
    if ligne is None or ligne.releve.nature != Releve.Nature.RELEVE:
        return retour  # a notification's line is never matched: its statement's is
    livre = _ligne_classe_5(retour.ecriture, paiement.lot.compte, ligne)
    if livre is None:
        return retour
    rapprochement = Rapprochement.objects.create(
        ligne_releve=ligne,
        mode=Rapprochement.Mode.MANUEL,
        explication=(
            f"Retour du virement {paiement.bout_en_bout} enregistré par l'agent comptable "
            f"(écriture {retour.ecriture.journal.code}-{retour.ecriture.numero})."
        ),
        par=acting_user,
    )
    rapprochement.lignes_ecriture.set([livre])
    audit(
        acting_user,
        "tresorerie.rapprochement",
        ligne.releve,
        apres={"ligne": ligne.pk, "ecritures": [livre.pk], "montant": ligne.montant_signe},
    )
    return retour
