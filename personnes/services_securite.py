"""The administrator's acts on the security state of a person: lifting a
lockout (`CompteurEchecs`) and withdrawing a lost second factor. Each is one
transaction with its audit row, called by the admin's actions
(`personnes.admin`), never a bare deletion."""

from __future__ import annotations

from django.db import transaction

from core.audit import audit
from core.exceptions import DroitInsuffisant
from personnes.authentification import ACTE_LEVEE, ADMINISTRATION
from personnes.models import CompteurEchecs, SecondFacteur

REFUS = "Seul un administrateur de l'application lève un blocage ou retire un second facteur."


def _administrateur(acting_user, permission: str) -> None:
    """An active administrator allowed to delete such rows (a superuser is)."""
    if not (
        getattr(acting_user, "is_active", False)
        and getattr(acting_user, "is_staff", False)
        and acting_user.has_perm(permission)
    ):
        raise DroitInsuffisant(REFUS)


@transaction.atomic
def blocage_lever(*, acting_user, compteur: CompteurEchecs) -> None:
    """The counter deleted: its lock lifted at once, its failures forgotten."""
    _administrateur(acting_user, "personnes.delete_compteurechecs")
    compteur = CompteurEchecs.objects.select_for_update().filter(pk=compteur.pk).first()
    if compteur is None:
        return  # lifted meanwhile
    avant = {
        "portee": compteur.portee,
        "cle": compteur.cle,
        "echecs": compteur.echecs,
        "bloque_jusqua": compteur.bloque_jusqua,
        "niveau": compteur.niveau,
    }
    adresse = compteur.portee == CompteurEchecs.Portee.ADRESSE
    trace = {
        "identifiant": "" if adresse else compteur.cle,
        "adresse": compteur.cle if adresse else None,
        "canal": ADMINISTRATION,
    }
    audit(acting_user, ACTE_LEVEE, compteur, avant=avant, apres=trace)
    compteur.delete()


@transaction.atomic
def second_facteur_retirer_par_administrateur(*, acting_user, facteur: SecondFacteur) -> None:
    """A lost phone: the holder's second factor withdrawn; the holder enrols a new one."""
    _administrateur(acting_user, "personnes.delete_secondfacteur")
    facteur = (
        SecondFacteur.objects.select_for_update()
        .select_related("utilisateur")
        .filter(pk=facteur.pk)
        .first()
    )
    if facteur is None:
        return
    audit(
        acting_user,
        "second_facteur.retire_par_administrateur",
        facteur.utilisateur,
        avant={"cree_le": facteur.cree_le, "confirme_le": facteur.confirme_le},
    )
    facteur.delete()
