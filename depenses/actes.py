"""The acts on engagements and ordres de dépense, as pages and the API see them.

Each act is declared once: its droit (the first gate, checked at the edge of
pages and API, with the refusal the service itself would give), the service
it runs and the page's French message. The services check again, with the
date, the delegation, the credits and the separation of duties (circ. 93/82
§1.0, §2.1, §2.4.0).
"""

from __future__ import annotations

from core.actes import Acte
from core.exceptions import DonneeInvalide
from depenses import services
from depenses.models import OrdreDepense
from ledger.models import Exercice
from ordres.actes import droit_comptable, droit_ordonnateur
from personnes.droits import droit
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES

SOURCE = "circulaire 93/82 §2.1"


def _ordonnateur(code: str, acte: str, refus: str | None = None):
    return droit_ordonnateur(code, acte, SOURCE, refus)


def _comptable(code: str, acte: str):
    return droit_comptable(code, acte)


ENGAGER_DROIT = _ordonnateur("engagement.creer", "engager une dépense")
CREER_DROIT = _ordonnateur(
    "ordre_depense.creer", "", "Seul l'ordonnateur émet des ordres de dépense."
)
SERVICE_FAIT_DROIT = _ordonnateur("ordre_depense.service_fait", "attester le service fait")
SIGNER_DROIT = _ordonnateur("ordre_depense.signer", "signer un ordre de dépense")
TRANSMETTRE_DROIT = _ordonnateur("ordre_depense.transmettre", "transmettre un ordre de dépense")
COMPLETER_DROIT = _ordonnateur("ordre_depense.completer", "compléter un ordre suspendu")
RETIRER_DROIT = _ordonnateur("ordre_depense.retirer", "retirer un ordre de dépense")
REQUERIR_DROIT = droit(
    "ordre_depense.requerir",
    {Fonction.DIRECTEUR},
    "La réquisition de l'agent comptable appartient au directeur lui-même "
    "(circulaire 93/82 §2.1.9).",
)
VISER_DROIT = _comptable("ordre_depense.viser", "viser un ordre de dépense")
VISER_SUR_REQUISITION_DROIT = _comptable(
    "ordre_depense.viser_sur_requisition", "viser un ordre de dépense sur réquisition"
)
REFUSER_DE_DEFERER_DROIT = _comptable(
    "ordre_depense.refuser_de_deferer", "refuser de déférer à une réquisition"
)
REIMPUTER_DROIT = droit(
    "ordre_depense.reimputer",
    {Fonction.DIRECTEUR},
    "Les certificats de réimputation sont délivrés par le directeur lui-même "
    "(circulaire 93/82 §2.1.4).",
)
REIMPUTATION_PRENDRE_EN_CHARGE_DROIT = _comptable(
    "reimputation.prendre_en_charge", "prendre en charge un certificat de réimputation"
)
REIMPUTATION_REJETER_DROIT = _comptable(
    "reimputation.rejeter", "rejeter un certificat de réimputation"
)
SUSPENDRE_DROIT = _comptable("ordre_depense.suspendre", "suspendre un paiement")
FILE_COMPTABLE_DROIT = droit(
    "ordre_depense.file_comptable",
    FONCTIONS_COMPTABLES,
    "Cette file est celle de l'agent comptable.",
)


def _exercice(d: dict) -> Exercice:
    """The exercise named by its year (API), or the latest one not closed (page)."""
    if d.get("exercice") is None:
        exercice = Exercice.objects.exclude(etat=Exercice.Etat.CLOS).order_by("annee").last()
        if exercice is None:
            raise DonneeInvalide("Aucun exercice ouvert : ouvrez d'abord l'exercice.")
        return exercice
    exercice = Exercice.objects.filter(annee=d["exercice"]).first()
    if exercice is None:
        raise DonneeInvalide(f"L'exercice {d['exercice']} n'existe pas.")
    return exercice


def _engager(utilisateur, _objet, d: dict):
    return services.engagement_creer(
        acting_user=utilisateur,
        exercice=_exercice(d),
        gestion=d["gestion"],
        objet=d["objet"],
        creancier=d["creancier"],
        compte_imputation=d["compte_imputation"],
        montant_engage=d["montant"],
    )


def _creer(utilisateur, _objet, d: dict) -> OrdreDepense:
    return services.ordre_depense_creer(
        acting_user=utilisateur, saisie=d["saisie"], pieces=d.get("pieces") or []
    )


ENGAGER = Acte(
    "engagement.creer", _engager, ENGAGER_DROIT, lambda e, _d: f"Engagement n° {e.pk} enregistré."
)
CREER = Acte(
    "ordre_depense.creer", _creer, CREER_DROIT, "Ordre de dépense n° {ref} créé (brouillon)."
)
SERVICE_FAIT = Acte(
    "ordre_depense.service_fait",
    lambda utilisateur, ordre, d: services.ordre_depense_attester_service_fait(
        acting_user=utilisateur, ordre=ordre, le=d["le"], observation=d.get("observation", "")
    ),
    SERVICE_FAIT_DROIT,
    "Service fait attesté sur l'ordre n° {ref}.",
)
SIGNER = Acte(
    "ordre_depense.signer",
    lambda utilisateur, ordre, d: services.ordre_depense_signer(
        acting_user=utilisateur, ordre=ordre, mot_de_passe=d.get("mot_de_passe", "")
    ),
    SIGNER_DROIT,
    "Ordre n° {ref} signé (ordonnancé).",
)
TRANSMETTRE = Acte(
    "ordre_depense.transmettre",
    lambda utilisateur, ordre, _d: services.ordre_depense_transmettre(
        acting_user=utilisateur, ordre=ordre
    ),
    TRANSMETTRE_DROIT,
    "Ordre n° {ref} transmis à l'agent comptable.",
)
VISER = Acte(
    "ordre_depense.viser",
    lambda utilisateur, ordre, d: services.ordre_depense_viser(
        acting_user=utilisateur, ordre=ordre, appreciations=d.get("appreciations", {})
    ),
    VISER_DROIT,
    "Ordre n° {ref} visé.",
    prealable=lambda utilisateur, ordre: services.controles.plan_controle_tirer(
        acting_user=utilisateur, ordre=ordre
    ),
)
SUSPENDRE = Acte(
    "ordre_depense.suspendre",
    lambda utilisateur, ordre, d: services.ordre_depense_suspendre(
        acting_user=utilisateur, ordre=ordre, motif=d["motif"], explication=d["explication"]
    ),
    SUSPENDRE_DROIT,
    "Paiement de l'ordre n° {ref} suspendu.",
)
COMPLETER = Acte(
    "ordre_depense.completer",
    lambda utilisateur, ordre, d: services.ordre_depense_completer(
        acting_user=utilisateur,
        ordre=ordre,
        complement=d["complement"],
        service_fait_le=d.get("service_fait_le"),
    ),
    COMPLETER_DROIT,
    "Dossier de l'ordre n° {ref} complété et renvoyé à l'agent comptable.",
)
RETIRER = Acte(
    "ordre_depense.retirer",
    lambda utilisateur, ordre, d: services.ordre_depense_retirer(
        acting_user=utilisateur, ordre=ordre, motif=d["motif"]
    ),
    RETIRER_DROIT,
    "Ordre n° {ref} retiré.",
)
REQUERIR = Acte(
    "ordre_depense.requerir",
    lambda utilisateur, ordre, d: services.ordre_depense_requerir(
        acting_user=utilisateur, ordre=ordre, motif=d["motif"], mot_de_passe=d["mot_de_passe"]
    ),
    REQUERIR_DROIT,
    "Réquisition signée : l'ordre n° {ref} est requis et attend le visa de l'agent comptable.",
)
VISER_SUR_REQUISITION = Acte(
    "ordre_depense.viser_sur_requisition",
    lambda utilisateur, ordre, _d: services.ordre_depense_viser_sur_requisition(
        acting_user=utilisateur, ordre=ordre
    ),
    VISER_SUR_REQUISITION_DROIT,
    "Ordre n° {ref} visé sur réquisition : la responsabilité passe au directeur "
    "(circulaire 93/82 §2.1.9.1).",
)
REFUSER_DE_DEFERER = Acte(
    "ordre_depense.refuser_de_deferer",
    lambda utilisateur, ordre, d: services.ordre_depense_refuser_de_deferer(
        acting_user=utilisateur, ordre=ordre, cas=d["cas"], explication=d["explication"]
    ),
    REFUSER_DE_DEFERER_DROIT,
    "Refus de déférer à la réquisition de l'ordre n° {ref} : l'ordre est de nouveau suspendu.",
)
REIMPUTER = Acte(
    "ordre_depense.reimputer",
    lambda utilisateur, ordre, d: services.certificat_reimputation_etablir(
        acting_user=utilisateur,
        ordre=ordre,
        nouveau_compte=d["nouveau_compte"],
        motif=d["motif"],
        mot_de_passe=d["mot_de_passe"],
    ),
    REIMPUTER_DROIT,
    lambda ordre, d: (
        f"Certificat de réimputation délivré : l'ordre n° {ordre.reference} passe au compte "
        f"{d['nouveau_compte']} et ses crédits avec lui ; l'agent comptable le prendra en charge."
    ),
)
REIMPUTATION_PRENDRE_EN_CHARGE = Acte(
    "reimputation.prendre_en_charge",
    lambda utilisateur, certificat, _d: services.certificat_reimputation_prendre_en_charge(
        acting_user=utilisateur, certificat=certificat
    ),
    REIMPUTATION_PRENDRE_EN_CHARGE_DROIT,
    "Certificat de réimputation n° {ref} pris en charge et passé au journal des opérations "
    "diverses.",
)
REIMPUTATION_REJETER = Acte(
    "reimputation.rejeter",
    lambda utilisateur, certificat, d: services.certificat_reimputation_rejeter(
        acting_user=utilisateur, certificat=certificat, motif=d["motif"]
    ),
    REIMPUTATION_REJETER_DROIT,
    lambda certificat, _d: (
        f"Certificat de réimputation n° {certificat.pk} rejeté : les crédits reviennent au "
        f"compte {certificat.ancien_compte.numero}."
    ),
)

from depenses.actes_differe import *  # noqa: E402, F403 (D133-2 al. 2, for the catalogue)
