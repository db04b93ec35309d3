"""Special mandates of vérification and contrôle (circ. 93/82 §1.1.1).

« L'agent comptable peut, sous sa responsabilité, charger, par mandat
spécial, certains agents [...] d'effectuer certaines opérations de
vérification et de contrôle » ; the mandate is limited as to the nature of
the operations and its duration, and « peut être retirée à tout moment ».
The agent comptable in office records and withdraws it; PostgreSQL keeps its
terms (personnes 0011, LG612). Who acts under a mandate:
`personnes.selectors.mandat_en_cours`.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.verrous import verrouiller
from personnes.models import Fonction, Mandat
from personnes.models import nom_de as _nom
from personnes.selectors import agent_comptable_en_fonction, fonctions_le
from personnes.services import _periode

CIRCULAIRE_MANDATS = "circulaire 93/82 §1.1.1"


def _exiger_agent_comptable(acting_user, jour: datetime.date, acte: str):
    en_fonction = agent_comptable_en_fonction(jour)
    if en_fonction is None or acting_user is None or en_fonction.pk != acting_user.pk:
        raise DroitInsuffisant(
            f"Seul l'agent comptable en fonction {acte}, sous sa responsabilité "
            f"({CIRCULAIRE_MANDATS})."
        )
    return en_fonction


@transaction.atomic
def mandat_enregistrer(
    *, acting_user, mandataire, objet: str, debut, fin, precisions: str = ""
) -> Mandat:
    """The agent comptable in office charges `mandataire`, by special mandate,
    with operations of `objet` over [debut, fin]. Refused: an author who is not
    the agent comptable in office today; an unknown object; a beneficiary who
    is not mandataire on the first day."""
    jour = horloge.aujourdhui()
    _exiger_agent_comptable(acting_user, jour, "donne un mandat spécial")
    if objet not in Mandat.Objet.values:
        raise DonneeInvalide(
            "Un mandat spécial porte sur des opérations de vérification et de contrôle ; la "
            f"tenue de la comptabilité ne peut faire l'objet d'une délégation ({CIRCULAIRE_MANDATS})."
        )
    debut, fin = _periode(debut, fin)
    if mandataire is None or not getattr(mandataire, "pk", None):
        raise DonneeInvalide("Le mandat désigne son bénéficiaire.")
    if mandataire.pk == acting_user.pk:
        raise DonneeInvalide("L'agent comptable ne se donne pas de mandat à lui-même.")
    if Fonction.MANDATAIRE not in fonctions_le(mandataire, debut):
        raise DonneeInvalide(
            f"{_nom(mandataire)} n'est pas mandataire de l'agent comptable le {debut:%d/%m/%Y} : "
            f"le mandat spécial va à un agent affecté comme mandataire ({CIRCULAIRE_MANDATS})."
        )
    precisions = (precisions or "").strip()
    mandat = Mandat.objects.create(
        mandataire=mandataire,
        agent_comptable=acting_user,
        objet=objet,
        precisions=precisions,
        debut=debut,
        fin=fin,
        enregistre_par=acting_user,
    )
    audit(
        acting_user,
        "mandat.enregistre",
        mandat,
        apres={
            "mandataire": mandataire.pk,
            "objet": objet,
            "precisions": precisions,
            "debut": debut,
            "fin": fin,
        },
    )
    return mandat


@transaction.atomic
def mandat_retirer(*, acting_user, mandat: Mandat, le: datetime.date | None = None) -> Mandat:
    """The agent comptable in office withdraws a mandate: it no longer holds
    from day `le` (today by default), within its period; once."""
    jour = horloge.aujourdhui()
    _exiger_agent_comptable(acting_user, jour, "retire un mandat spécial")
    mandat = verrouiller(Mandat.objects.select_related("mandataire"), mandat.pk)
    le = le or jour
    if mandat.retire_le is not None:
        raise TransitionInterdite(
            f"Le mandat n° {mandat.pk} a déjà été retiré le {mandat.retire_le:%d/%m/%Y}."
        )
    if le < mandat.debut or le > mandat.fin:
        raise TransitionInterdite(
            f"Le mandat n° {mandat.pk} court du {mandat.debut:%d/%m/%Y} au {mandat.fin:%d/%m/%Y} : "
            f"un retrait le {le:%d/%m/%Y} est hors de sa période."
        )
    mandat.retire_le = le
    mandat.save(update_fields=["retire_le"])
    audit(acting_user, "mandat.retire", mandat, apres={"retire_le": le})
    return mandat
