"""Suspension of payment and what follows it: completion, withdrawal,
réquisition (circ. 93/82 §2.1.2.0, §2.1.9.0). What the agent comptable does
with a réquisition (defer: visa; or refuse in the five cases) is in
`depenses.services.requisitions`.
"""

from __future__ import annotations

import datetime

from django.db import DatabaseError, transaction
from django.utils import timezone

from budget import services as budget
from budget.selectors import situation
from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    TransitionInterdite,
    relever_erreur_base,
)
from depenses.models import (
    Gestion,
    OrdreDepense,
    Requisition,
    Suspension,
)
from depenses.services.communs import (
    NATURE_DELEGATION,
    SOURCE,
    _aujourd_hui,
    _verrouiller,
)
from depenses.services.ordonnancement import ordre_depense_attester_service_fait
from oppositions.rapprochement import rapprocher_sans_decision
from ordres.services import (
    exiger_comptable_distinct,
    exiger_ordonnateur,
    exiger_transition,
)
from personnes.permissions import pouvoir_ordonnateur
from personnes.signature import verifier_mot_de_passe


@transaction.atomic
def ordre_depense_suspendre(
    *, acting_user, ordre: OrdreDepense, motif: str, explication: str
) -> Suspension:
    """Suspend payment with a reason (circ. §2.1.2.0); the order goes back to the directeur."""
    ordre = _verrouiller(ordre)
    exiger_comptable_distinct(acting_user, ordre, "suspendre un paiement")
    exiger_transition(
        ordre, OrdreDepense.Etat.SUSPENDU, "suspendre", depuis={OrdreDepense.Etat.TRANSMIS}
    )
    if motif not in Suspension.Motif.values:
        raise DonneeInvalide(f"Motif de suspension inconnu : « {motif} ».")
    if not (explication or "").strip():
        raise DonneeInvalide("La suspension d'un paiement doit être motivée.")
    suspension = Suspension.objects.create(
        ordre=ordre, motif=motif, explication=explication.strip(), par=acting_user
    )
    ordre.etat = OrdreDepense.Etat.SUSPENDU
    ordre.save(update_fields=["etat"])
    audit(
        acting_user,
        "ordre_depense.suspendu",
        ordre,
        avant={"etat": "transmis"},
        apres={"etat": ordre.etat, "motif": motif, "explication": explication},
    )
    return suspension


def _suspension_ouverte(ordre: OrdreDepense) -> Suspension:
    suspension = ordre.suspensions.filter(suite="").order_by("-id").first()
    if suspension is None:
        raise TransitionInterdite(f"L'ordre n° {ordre.reference} n'a pas de suspension en cours.")
    return suspension


@transaction.atomic
def ordre_depense_completer(
    *,
    acting_user,
    ordre: OrdreDepense,
    complement: str,
    service_fait_le: datetime.date | None = None,
) -> OrdreDepense:
    """The directeur completes the file (missing service fait, pièces) and sends it back."""
    ordre = _verrouiller(ordre)
    exiger_ordonnateur(acting_user, "compléter un ordre suspendu", source=SOURCE, ordre=ordre)
    exiger_transition(
        ordre, OrdreDepense.Etat.TRANSMIS, "compléter", depuis={OrdreDepense.Etat.SUSPENDU}
    )
    suspension = _suspension_ouverte(ordre)
    if not (complement or "").strip():
        raise DonneeInvalide("Dites ce qui complète le dossier.")
    if service_fait_le is not None:
        ordre_depense_attester_service_fait(
            acting_user=acting_user, ordre=ordre, le=service_fait_le, observation=complement
        )
    suspension.suite, suspension.suite_le, suspension.suite_par, suspension.complement = (
        Suspension.Suite.COMPLETE,
        horloge.maintenant(),
        acting_user,
        complement.strip(),
    )
    suspension.save(update_fields=["suite", "suite_le", "suite_par", "complement"])
    ordre.etat = OrdreDepense.Etat.TRANSMIS
    ordre.transmis_le = horloge.maintenant()
    ordre.save(update_fields=["etat", "transmis_le"])
    audit(
        acting_user,
        "ordre_depense.complete",
        ordre,
        avant={"etat": "suspendu"},
        apres={"etat": ordre.etat, "complement": complement},
    )
    return ordre


@transaction.atomic
def ordre_depense_retirer(*, acting_user, ordre: OrdreDepense, motif: str) -> OrdreDepense:
    """The directeur withdraws a suspended order (circ. 93/82 §2.1.9): its
    ordonnancement is cancelled on the credits, its engagement stays open."""
    ordre = _verrouiller(ordre)
    exiger_ordonnateur(acting_user, "retirer un ordre de dépense", source=SOURCE, ordre=ordre)
    exiger_transition(ordre, OrdreDepense.Etat.RETIRE, "retirer")
    suspension = _suspension_ouverte(ordre)
    if not (motif or "").strip():
        raise DonneeInvalide("Le retrait d'un ordre doit être motivé.")
    suspension.suite, suspension.suite_le, suspension.suite_par, suspension.complement = (
        Suspension.Suite.RETIRE,
        horloge.maintenant(),
        acting_user,
        motif.strip(),
    )
    suspension.save(update_fields=["suite", "suite_le", "suite_par", "complement"])
    if ordre.gestion == Gestion.BUDGETAIRE:
        reference = f"ordre_depense:{ordre.reference}"
        budget.credit_desordonnancer(
            acting_user=acting_user,
            exercice=ordre.exercice,
            compte_numero=ordre.compte_imputation.numero,
            montant=ordre.montant,
            reference=reference,
        )
        if ordre.engagement_id is None:
            # A regularising order had engaged its credits itself at signature.
            budget.credit_liberer(
                acting_user=acting_user,
                exercice=ordre.exercice,
                compte_numero=ordre.compte_imputation.numero,
                montant=ordre.montant,
                reference=reference,
            )
    ordre.etat = OrdreDepense.Etat.RETIRE
    ordre.save(update_fields=["etat"])
    audit(
        acting_user,
        "ordre_depense.retire",
        ordre,
        avant={"etat": "suspendu"},
        apres={"etat": ordre.etat, "motif": motif},
    )
    return ordre


REFUS_REQUISITION = {
    Suspension.Motif.OPPOSITION: "une opposition est entre les mains de l'agent comptable",
    Suspension.Motif.DETTE_CONTESTEE: "la dette est contestée",
    Suspension.Motif.SERVICE_FAIT: "le service n'est pas fait",
    Suspension.Motif.CREDITS: "les crédits manquent ou sont insuffisants",
    Suspension.Motif.DECISION: "la décision du conseil est suspendue ou annulée",
}


def cas_constates(ordre: OrdreDepense) -> dict[str, list[str]]:
    """Of the cases where the agent comptable does not obey a réquisition
    (circ. 93/82 §2.1.9.0), those the facts show, by case (`Suspension.Motif`):
    an opposition served on him against a creditor of the order, no service
    fait attested, no or insufficient credits. A disputed debt and a suspended
    or annulled board decision are not known to the software: only the agent
    comptable states them."""
    cas: dict[str, list[str]] = {}
    for ligne, rapprochement in rapprocher_sans_decision(ordre.lignes.all(), le=_aujourd_hui()):
        if rapprochement.appliquees:
            cas.setdefault(Suspension.Motif.OPPOSITION, []).append(
                f"une opposition vise {ligne.creancier}"
            )
    if not ordre.services_faits.exists():
        cas[Suspension.Motif.SERVICE_FAIT] = ["aucun service fait n'est attesté"]
    if ordre.gestion == Gestion.BUDGETAIRE:
        credit = budget.credit_pour(
            exercice=ordre.exercice, compte_numero=ordre.compte_imputation.numero
        )
        if credit is None:
            cas[Suspension.Motif.CREDITS] = ["aucun crédit n'est ouvert"]
        elif situation(credit=credit).disponible < 0:
            cas[Suspension.Motif.CREDITS] = ["les crédits sont insuffisants"]
    return cas


def motifs_de_refus_requisition(ordre: OrdreDepense, suspension: Suspension) -> list[str]:
    """The cases where the agent comptable must not obey (circ. 93/82 §2.1.9.0):
    the one he suspended for, and those the facts show."""
    motifs = []
    if suspension.motif in REFUS_REQUISITION:
        motifs.append(REFUS_REQUISITION[suspension.motif])
    for constats in cas_constates(ordre).values():
        motifs += constats
    return list(dict.fromkeys(motifs))


def _exiger_premiere_requisition(ordre: OrdreDepense) -> None:
    """One réquisition per order: after the agent comptable refused to defer,
    the directeur completes the file or withdraws the order."""
    requisition = Requisition.objects.filter(ordre=ordre).select_related("reponse").first()
    if requisition is None:
        return
    reponse = getattr(requisition, "reponse", None)
    if reponse is not None and reponse.decision == reponse.Decision.REFUS:
        raise TransitionInterdite(
            f"L'agent comptable a refusé le {timezone.localdate(reponse.le):%d/%m/%Y} de déférer à la réquisition "
            f"de l'ordre n° {ordre.reference} ({reponse.get_cas_display()}) : complétez le "
            "dossier ou retirez l'ordre (circulaire 93/82 §2.1.9.0).",
            details={"cas": reponse.cas},
        )
    raise TransitionInterdite(f"L'ordre n° {ordre.reference} a déjà été requis.")


def ordre_depense_requerir(
    *, acting_user, ordre: OrdreDepense, motif: str, mot_de_passe: str
) -> Requisition:
    """Réquisition (circ. 93/82 §2.1.9.0): the directeur orders payment in
    writing, motivated, in his own name. Refused where the agent comptable
    may not obey; otherwise the order is *requis* and goes back to the agent
    comptable: the visa and its posting stay his act (circ. §1.1.1: "la tenue
    de la comptabilité ne peut faire l'objet d'une délégation"), and the
    liability moves to the directeur when he defers (§2.1.9.1)."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            ordre = _verrouiller(ordre)
            exiger_transition(ordre, OrdreDepense.Etat.REQUIS, "requérir")
            capacite = pouvoir_ordonnateur(
                acting_user,
                nature=NATURE_DELEGATION,
                montant=ordre.montant,
                compte_numero=ordre.compte_imputation.numero,
                le=_aujourd_hui(),
            )
            if capacite.delegation is not None:
                raise DroitInsuffisant(
                    "La réquisition de l'agent comptable appartient au directeur lui-même "
                    "(circulaire 93/82 §2.1.9)."
                )
            suspension = _suspension_ouverte(ordre)
            _exiger_premiere_requisition(ordre)
            if not (motif or "").strip():
                raise DonneeInvalide(
                    "La réquisition est écrite et motivée (circulaire 93/82 §2.1.9.0)."
                )
            refus = motifs_de_refus_requisition(ordre, suspension)
            if refus:
                raise TransitionInterdite(
                    "Réquisition refusée : l'agent comptable ne peut y déférer car "
                    + " ; ".join(refus)
                    + " (circulaire 93/82 §2.1.9.0).",
                    details={"motifs": refus},
                )
            requisition = Requisition.objects.create(
                ordre=ordre,
                suspension=suspension,
                motif=motif.strip(),
                requis_par=acting_user,
                qualite=capacite.qualite[:255],
            )
            suspension.suite, suspension.suite_le, suspension.suite_par = (
                Suspension.Suite.REQUIS,
                horloge.maintenant(),
                acting_user,
            )
            suspension.save(update_fields=["suite", "suite_le", "suite_par"])
            # No posting here: the agent comptable visas the order himself
            # (depenses.services.requisitions), in his own name.
            ordre.etat = OrdreDepense.Etat.REQUIS
            ordre.save(update_fields=["etat"])
            audit(
                acting_user,
                "ordre_depense.requis",
                ordre,
                avant={"etat": "suspendu"},
                apres={
                    "etat": ordre.etat,
                    "motif": motif,
                    "qualite": capacite.qualite,
                    "suite": "en attente du visa de l'agent comptable",
                },
            )
            return requisition
    except DatabaseError as exc:
        relever_erreur_base(exc)
