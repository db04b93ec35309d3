"""The acts on people's powers, as pages see them.

The directeur delegates and withdraws (circ. 93/82 §1.0); the agent comptable
records the notification; the directeur or the agent comptable records an
interim (D253-14). The services check the same again at the act's date, with
the delegation's period, the beneficiary's functions and the separation of
ordonnateur and comptable.
"""

from __future__ import annotations

from core import horloge
from core.actes import Acte
from personnes import services, services_procurations
from personnes.droits import droit
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COTE_COMPTABLE
from personnes.services import CIRCULAIRE_DELEGATION, CIRCULAIRE_INTERIM

_SOUS_SA_RESPONSABILITE = (
    f"({CIRCULAIRE_DELEGATION} : le directeur délègue une partie de ses pouvoirs sous sa "
    "responsabilité)."
)

DONNER_DROIT = droit(
    "delegation.donner",
    {Fonction.DIRECTEUR},
    f"Seul le directeur peut déléguer sa signature ou son pouvoir {_SOUS_SA_RESPONSABILITE}",
)
RETIRER_DROIT = droit(
    "delegation.retirer",
    {Fonction.DIRECTEUR},
    f"Seul le directeur peut retirer une délégation {_SOUS_SA_RESPONSABILITE}",
)
# Whoever acts for the agent comptable may hold his interim (a mandataire, a
# régisseur): the edge lets that side through, the service checks the interim.
NOTIFIER_DROIT = droit(
    "delegation.notifier",
    FONCTIONS_COTE_COMPTABLE,
    "Seul l'agent comptable (ou son fondé de pouvoir) enregistre la notification d'une "
    f"délégation : c'est à lui qu'elle est notifiée ({CIRCULAIRE_DELEGATION}).",
)
INTERIM_DROIT = droit(
    "interim.designer",
    {Fonction.DIRECTEUR, Fonction.AGENT_COMPTABLE},
    "Seuls le directeur ou l'agent comptable enregistrent l'intérim de l'agent comptable "
    f"({CIRCULAIRE_INTERIM}).",
)


DONNER = Acte(
    "delegation.donner",
    lambda utilisateur, _objet, d: services.delegation_creer(
        acting_user=utilisateur,
        delegataire=d["delegataire"],
        type=d["type"],
        nature=d["nature"],
        debut=d["debut"],
        fin=d["fin"],
        specimen_signature=d["specimen_signature"],
        montant_max=d.get("montant_max") or None,
        classes_comptes=d.get("classes_comptes") or "",
    ),
    DONNER_DROIT,
    lambda delegation, _d: (
        f"Délégation n° {delegation.pk} créée ; elle vaudra une fois notifiée à l'agent comptable."
    ),
)
# The pages record the notification and the withdrawal on the day they are made.
NOTIFIER = Acte(
    "delegation.notifier",
    lambda utilisateur, delegation, d: services.delegation_notifier(
        acting_user=utilisateur, delegation=delegation, le=d.get("le") or horloge.aujourdhui()
    ),
    NOTIFIER_DROIT,
    "Notification de la délégation n° {ref} enregistrée.",
)
RETIRER = Acte(
    "delegation.retirer",
    lambda utilisateur, delegation, d: services.delegation_retirer(
        acting_user=utilisateur, delegation=delegation, le=d.get("le") or horloge.aujourdhui()
    ),
    RETIRER_DROIT,
    "Délégation n° {ref} retirée.",
)


def _interim(utilisateur, _objet, d):
    return services.interim_designer(
        acting_user=utilisateur,
        utilisateur=d["utilisateur"],
        nature=d["nature"],
        debut=d["debut"],
        fin=d["fin"],
        portee=d.get("portee") or "general",
        attributions=d.get("attributions") or "",
        nomme_le=d.get("nomme_le"),
        deliberation=d.get("deliberation") or "",
    )


INTERIM = Acte(
    "interim.designer",
    _interim,
    INTERIM_DROIT,
    lambda interim, _d: f"Intérim de l'agent comptable enregistré : {interim}.",
)

# --- Procurations of the fondés de pouvoir (circ. 93/82 §1.1.1) ------------------------------

PROCURATION_DROIT = droit(
    "procuration.enregistrer",
    {Fonction.DIRECTEUR},
    "Seul le directeur enregistre la procuration d'un fondé de pouvoir agréée par le conseil "
    "d'administration (circulaire 93/82 §1.1.1).",
)


def _procuration(utilisateur, _objet, d):
    return services_procurations.procuration_enregistrer(
        acting_user=utilisateur,
        fonde=d["fonde"],
        debut=d["debut"],
        fin=d.get("fin"),
        agreee_le=d["agreee_le"],
        deliberation=d["deliberation"],
        actes=d.get("actes") or "",
        montant_max=d.get("montant_max") or None,
    )


PROCURATION = Acte(
    "procuration.enregistrer",
    _procuration,
    PROCURATION_DROIT,
    lambda procuration, _d: f"{procuration} enregistrée.",
)

# The acts of the installation of the agent comptable, re-exported so that the
# catalogue of droits lists them (personnes/actes_installation.py).
from personnes.actes_installation import (  # noqa: E402, F401
    INSTALLATION,
    INSTALLATION_DROIT,
    MANDAT,
    MANDAT_DROIT,
    PROROGATION,
    PROROGATION_DROIT,
    RESERVE,
    RESERVE_DROIT,
    RETIRER_MANDAT,
)
