"""The acts of the installation of an agent comptable (circ. 93/82 §1.1.0),
as pages and the API see them: the directeur records the installation and
its procès-verbal; the agent comptable installed records his réserves and
the prorogation of their delay. The services check the rest at the act's date."""

from __future__ import annotations

from core.actes import Acte
from personnes import services_installation as services
from personnes import services_mandats
from personnes.droits import droit
from personnes.models import Fonction
from personnes.services_installation import CIRCULAIRE_INSTALLATION

INSTALLATION_DROIT = droit(
    "installation.enregistrer",
    {Fonction.DIRECTEUR},
    "Seul le directeur enregistre l'installation de l'agent comptable et le procès-verbal de "
    f"remise de service ({CIRCULAIRE_INSTALLATION}).",
)
RESERVE_DROIT = droit(
    "reserve.formuler",
    {Fonction.AGENT_COMPTABLE},
    "Seul l'agent comptable installé formule des réserves sur la gestion de son prédécesseur "
    f"({CIRCULAIRE_INSTALLATION}).",
)
PROROGATION_DROIT = droit(
    "reserves.proroger",
    {Fonction.AGENT_COMPTABLE},
    "Seul l'agent comptable installé demande la prorogation du délai des réserves "
    f"({CIRCULAIRE_INSTALLATION}).",
)


def _installer(utilisateur, _objet, d):
    return services.installation_enregistrer(
        acting_user=utilisateur,
        agent_comptable=d["agent_comptable"],
        installe_le=d["installe_le"],
        solde_caisse=d["solde_caisse"],
        solde_banque=d["solde_banque"],
        mot_de_passe_entrant=d["mot_de_passe_entrant"],
        mot_de_passe_sortant=d.get("mot_de_passe_sortant") or "",
        observations=d.get("observations") or "",
        mot_de_passe_titulaire=d.get("mot_de_passe_titulaire") or "",
    )


INSTALLATION = Acte(
    "installation.enregistrer",
    _installer,
    INSTALLATION_DROIT,
    lambda installation, _d: f"{installation} enregistrée ; procès-verbal signé.",
)
RESERVE = Acte(
    "reserve.formuler",
    lambda utilisateur, installation, d: services.reserve_formuler(
        acting_user=utilisateur,
        installation=installation,
        formulee_le=d["formulee_le"],
        objet=d["objet"],
    ),
    RESERVE_DROIT,
    "Réserve enregistrée sur l'installation n° {ref}.",
)
PROROGATION = Acte(
    "reserves.proroger",
    lambda utilisateur, installation, d: services.prorogation_enregistrer(
        acting_user=utilisateur,
        installation=installation,
        demandee_le=d["demandee_le"],
        accordee_le=d["accordee_le"],
        accordee_par=d["accordee_par"],
        nouvelle_limite=d["nouvelle_limite"],
    ),
    PROROGATION_DROIT,
    "Prorogation du délai des réserves enregistrée sur l'installation n° {ref}.",
)

# --- Special mandates of vérification and contrôle (circ. 93/82 §1.1.1) ----------------------

MANDAT_DROIT = droit(
    "mandat.enregistrer",
    {Fonction.AGENT_COMPTABLE},
    "Seul l'agent comptable en fonction donne ou retire un mandat spécial de vérification et "
    "de contrôle, sous sa responsabilité (circulaire 93/82 §1.1.1).",
)


def _mandat(utilisateur, _objet, d):
    return services_mandats.mandat_enregistrer(
        acting_user=utilisateur,
        mandataire=d["mandataire"],
        objet=d["objet"],
        debut=d["debut"],
        fin=d["fin"],
        precisions=d.get("precisions") or "",
    )


MANDAT = Acte("mandat.enregistrer", _mandat, MANDAT_DROIT, lambda m, _d: f"{m} enregistré.")
RETIRER_MANDAT = Acte(
    "mandat.retirer",
    lambda utilisateur, mandat, d: services_mandats.mandat_retirer(
        acting_user=utilisateur, mandat=mandat, le=d.get("le")
    ),
    MANDAT_DROIT,
    "Mandat n° {ref} retiré.",
)
