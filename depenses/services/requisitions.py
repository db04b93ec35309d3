"""What the agent comptable does with a réquisition (circ. 93/82 §2.1.9.0):
he defers to it, and the visa and its entry are his, in his own name; or he
refuses to defer, in one of the five cases only.

The directeur's réquisition does not post anything: "la tenue de la
comptabilité ne peut faire l'objet d'une délégation, l'agent comptable étant
seul responsable de l'exactitude et de la sincérité des écritures" (circ.
93/82 §1.1.1). So the order waits, *requis*, in the agent comptable's file.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, relever_erreur_base
from depenses.models import (
    CAS_REFUS_REQUISITION,
    OrdreDepense,
    ReponseRequisition,
    Requisition,
    Suspension,
)
from depenses.services.communs import _verrouiller, empreinte_contenu
from depenses.services.controles import _poster_visa
from depenses.services.suspensions import cas_constates
from ordres.services import exiger_comptable_distinct, exiger_transition
from personnes.models import Fonction
from personnes.selectors import fonctions_le
from reglementation.selectors import titre_agent_comptable

CIRC_REQUISITION = "circulaire 93/82 §2.1.9.0"
CIRC_EFFETS = "circulaire 93/82 §2.1.9.1"
# The cases the software checks against the facts; the two others (a disputed
# debt, a suspended or annulled board decision) rest on the agent comptable's word.
CAS_VERIFIABLES = {
    Suspension.Motif.OPPOSITION,
    Suspension.Motif.SERVICE_FAIT,
    Suspension.Motif.CREDITS,
}
DEMENTIS = {
    Suspension.Motif.OPPOSITION: "aucune opposition entre vos mains ne vise un créancier de l'ordre",
    Suspension.Motif.SERVICE_FAIT: "le service fait est attesté",
    Suspension.Motif.CREDITS: "les crédits de l'ordre sont ouverts et suffisants",
}


def cas_de_refus() -> list[tuple[str, str]]:
    """The five cases where the agent comptable does not obey (circ. §2.1.9.0)."""
    return [(c.value, c.label) for c in CAS_REFUS_REQUISITION]


def _qualite_comptable(utilisateur) -> str:
    fonctions = fonctions_le(utilisateur, horloge.aujourdhui())
    if Fonction.AGENT_COMPTABLE in fonctions:
        return titre_agent_comptable(horloge.aujourdhui()).capitalize()
    return "Fondé de pouvoir de l'agent comptable"


def _requisition_en_attente(ordre: OrdreDepense) -> Requisition:
    requisition = (
        Requisition.objects.filter(ordre=ordre).select_related("requis_par", "reponse").first()
    )
    if requisition is None or getattr(requisition, "reponse", None) is not None:
        raise TransitionInterdite(
            f"L'ordre n° {ordre.reference} n'a pas de réquisition en attente de votre réponse."
        )
    return requisition


def ordre_depense_viser_sur_requisition(*, acting_user, ordre: OrdreDepense) -> OrdreDepense:
    """The agent comptable defers to the réquisition (circ. 93/82 §2.1.9.0):
    he visas the order and the entry charge / creditor is posted in his name
    (circ. §1.1.1). The réquisition discharges him and engages the directeur's
    personal and pecuniary liability (§2.1.9.1); he annexes it to the order
    and reports it to the board (`/depenses/requisitions/`)."""
    try:
        with transaction.atomic():
            ordre = _verrouiller(ordre)
            exiger_comptable_distinct(acting_user, ordre, "viser un ordre sur réquisition")
            exiger_transition(
                ordre,
                OrdreDepense.Etat.VISE,
                "viser sur réquisition",
                depuis={OrdreDepense.Etat.REQUIS},
            )
            requisition = _requisition_en_attente(ordre)
            if empreinte_contenu(ordre) != ordre.empreinte_contenu:
                raise TransitionInterdite(
                    "Le contenu de l'ordre ne correspond plus à l'empreinte signée : "
                    "refusez de déférer (contestation sur la validité de la créance)."
                )
            ecriture = _poster_visa(
                acting_user, ordre, "Visa sur réquisition de l'ordre de dépense"
            )
            ReponseRequisition.objects.create(
                requisition=requisition,
                decision=ReponseRequisition.Decision.DEFERE,
                par=acting_user,
                qualite=_qualite_comptable(acting_user)[:255],
                ecriture=ecriture,
            )
            ordre.etat, ordre.vise_le, ordre.vise_par, ordre.ecriture = (
                OrdreDepense.Etat.VISE,
                horloge.maintenant(),
                acting_user,
                ecriture,
            )
            ordre.save(update_fields=["etat", "vise_le", "vise_par", "ecriture"])
            requerant = requisition.requis_par.get_full_name()
            audit(
                acting_user,
                "ordre_depense.vise_sur_requisition",
                ordre,
                avant={"etat": "requis"},
                apres={
                    "etat": ordre.etat,
                    "ecriture": f"DE-{ecriture.numero}",
                    "requisition": requisition.pk,
                    "responsabilite": (
                        f"transférée à {requerant}, {requisition.qualite}, qui a requis le "
                        f"{requisition.le:%d/%m/%Y} ({CIRC_EFFETS})"
                    ),
                },
            )
            return ordre
    except DatabaseError as exc:
        relever_erreur_base(exc)


def _exiger_cas(ordre: OrdreDepense, cas: str) -> None:
    """A refusal to defer names one of the five cases; those the software can
    check must be borne out by the facts."""
    if cas not in {c.value for c in CAS_REFUS_REQUISITION}:
        liste = " ; ".join(label for _v, label in cas_de_refus())
        raise DonneeInvalide(
            "L'agent comptable qui a reçu un ordre de réquisition régulier en la forme est tenu "
            f"de s'y conformer, sauf dans l'un de ces cas : {liste} ({CIRC_REQUISITION}).",
            details={"cas": [v for v, _l in cas_de_refus()]},
        )
    if cas in CAS_VERIFIABLES and cas not in cas_constates(ordre):
        raise TransitionInterdite(
            f"Vous ne pouvez refuser de déférer pour « {Suspension.Motif(cas).label} » : "
            f"{DEMENTIS[cas]} ({CIRC_REQUISITION}).",
            details={"cas": cas},
        )


def ordre_depense_refuser_de_deferer(
    *, acting_user, ordre: OrdreDepense, cas: str, explication: str
) -> ReponseRequisition:
    """The agent comptable refuses to obey a réquisition, only "en cas
    d'opposition faite entre ses mains, contestation sur la validité de la
    créance, absence de service fait, absence ou insuffisance de crédits,
    suspension ou annulation de la décision du conseil d'administration"
    (circ. 93/82 §2.1.9.0). The case is checked against the facts where the
    software knows them; the order is suspended again for that case, and the
    directeur completes the file or withdraws the order."""
    try:
        with transaction.atomic():
            ordre = _verrouiller(ordre)
            exiger_comptable_distinct(acting_user, ordre, "refuser de déférer à une réquisition")
            exiger_transition(
                ordre,
                OrdreDepense.Etat.SUSPENDU,
                "refuser de déférer",
                depuis={OrdreDepense.Etat.REQUIS},
            )
            requisition = _requisition_en_attente(ordre)
            _exiger_cas(ordre, cas)
            explication = (explication or "").strip()
            if not explication:
                raise DonneeInvalide("Le refus de déférer à une réquisition est motivé par écrit.")
            suspension = Suspension.objects.create(
                ordre=ordre, motif=cas, explication=explication, par=acting_user
            )
            reponse = ReponseRequisition.objects.create(
                requisition=requisition,
                decision=ReponseRequisition.Decision.REFUS,
                cas=cas,
                explication=explication,
                par=acting_user,
                qualite=_qualite_comptable(acting_user)[:255],
                suspension=suspension,
            )
            ordre.etat = OrdreDepense.Etat.SUSPENDU
            ordre.save(update_fields=["etat"])
            audit(
                acting_user,
                "ordre_depense.requisition_refusee",
                ordre,
                avant={"etat": "requis"},
                apres={
                    "etat": ordre.etat,
                    "cas": cas,
                    "explication": explication,
                    "requisition": requisition.pk,
                },
            )
            return reponse
    except DatabaseError as exc:
        relever_erreur_base(exc)
