"""The acts on returned transfers, for pages and API: recording by hand a
transfer the bank returned or rejected, correcting the bank details."""

from __future__ import annotations

from core.actes import Acte
from core.exceptions import DonneeInvalide
from oppositions.banque import formater_iban
from tresorerie.actes import COORDONNEES_DROIT, VIREMENT_RETOURNER_DROIT
from tresorerie.models import LigneReleve
from tresorerie.services.retour_manuel import (
    CODE_RETOURNER,
    virement_retourne_enregistrer,
)
from tresorerie.services.retours_coordonnees import (
    coordonnees_corriger,
    coordonnees_corriger_ligne,
)


def _ligne_releve(pk):
    """The statement line an act names by its id (None: no line)."""
    if pk in (None, ""):
        return None
    ligne = LigneReleve.objects.filter(pk=pk).first()
    if ligne is None:
        raise DonneeInvalide(
            f"La ligne de relevé n° {pk} n'existe pas.", details={"ligne_releve": pk}
        )
    return ligne


def _retour_enregistre(retour) -> str:
    """The page's message once the return is recorded (the act's object is the payment)."""
    ecriture = retour.ecriture
    return (
        f"Virement {retour.paiement.bout_en_bout} à {retour.paiement.beneficiaire} enregistré "
        f"comme retourné ({retour.motif} — {retour.motif_libelle}) : contre-écriture "
        f"{ecriture.journal.code}-{ecriture.numero}, ordre n° {retour.ordre.reference} revenu "
        "à visé." + (" Ligne du relevé rapprochée." if retour.ligne_releve_id else "")
    )


VIREMENT_RETOURNER = Acte(
    CODE_RETOURNER,
    lambda utilisateur, paiement, d: virement_retourne_enregistrer(
        acting_user=utilisateur,
        paiement=paiement,
        motif=d["motif"],
        motif_info=d.get("motif_info", ""),
        ligne_releve=_ligne_releve(d.get("ligne_releve")),
    ),
    VIREMENT_RETOURNER_DROIT,
    lambda cible, _d: _retour_enregistre(getattr(cible, "retour", cible)),
)

# Correcting where the money goes: the agent comptable, with its own droit.
COORDONNEES_CORRIGER = Acte(
    "tresorerie.coordonnees_corriger",
    lambda utilisateur, retour, d: coordonnees_corriger(
        acting_user=utilisateur,
        retour=retour,
        iban=d["iban"],
        bic=d.get("bic", ""),
        justification=d["justification"],
    ),
    COORDONNEES_DROIT,
    lambda cible, d: (
        f"Coordonnées de {getattr(cible, 'retour', cible).paiement.beneficiaire} corrigées : le "
        f"prochain virement ira sur {formater_iban(d['iban'])}."
    ),
)

# The creditor of an order's line, whose IBAN the bank returned on another
# transfer for a reason about the account: the same droit.
COORDONNEES_LIGNE_CORRIGER = Acte(
    "tresorerie.coordonnees_ligne_corriger",
    lambda utilisateur, ligne, d: coordonnees_corriger_ligne(
        acting_user=utilisateur,
        ligne=ligne,
        iban=d["iban"],
        bic=d.get("bic", ""),
        justification=d["justification"],
    ),
    COORDONNEES_DROIT,
    lambda cible, d: (
        f"Coordonnées de {getattr(cible, 'ligne', cible).creancier} corrigées : le prochain "
        f"virement de cette ligne ira sur {formater_iban(d['iban'])}."
    ),
)
