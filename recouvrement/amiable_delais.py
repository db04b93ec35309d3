"""Payment delays granted by the agent comptable "sous sa propre responsabilité,
au débiteur qui justifie par écrit sa demande" (circ. 93/82 §2.0.5), their
échéancier and its default (re-exported by `recouvrement.amiable`)."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    TransitionInterdite,
)
from core.money import ZERO, format_euros, montant
from core.pieces import controler_fichier
from core.saisie import texte
from core.verrous import verrouiller
from recouvrement import amiable_lecture as lecture
from recouvrement.amiable_communs import (
    CIRC,
    _atomique,
    _designation,
    _exiger_exigible_impayee,
    _ligne,
    _stade,
    exiger_acteur,
    majuscule,
)
from recouvrement.models import (
    Acte,
    Creance,
    DelaiPaiement,
    Echeance,
)
from recouvrement.services import creance_de, journaliser

# --- Délais de paiement -----------------------------------------------------------


@dataclass(frozen=True)
class EcheanceSaisie:
    le: datetime.date
    montant: Decimal | str


def _echeancier(saisies, total: Decimal, accorde_le: datetime.date) -> list[tuple]:
    lues = []
    for i, s in enumerate(saisies or [], start=1):
        if not isinstance(s.le, datetime.date):
            raise DonneeInvalide(f"Indiquez la date de l'échéance n° {i}.")
        valeur = montant(s.montant, libelle=f"Le montant de l'échéance n° {i}")
        if s.le <= accorde_le:
            raise DonneeInvalide(
                f"L'échéance n° {i} du {s.le:%d/%m/%Y} doit être postérieure au "
                f"{accorde_le:%d/%m/%Y}, date à laquelle le délai est accordé."
            )
        lues.append((s.le, valeur))
    if not lues:
        raise DonneeInvalide(
            "Un délai de paiement s'accorde avec son échéancier : indiquez au moins une échéance."
        )
    dates = [d for d, _ in lues]
    if len(set(dates)) != len(dates):
        raise DonneeInvalide("Deux échéances tombent le même jour : regroupez-les en une seule.")
    somme = sum((v for _, v in lues), ZERO)
    if somme != total:
        raise DonneeInvalide(
            f"Les échéances totalisent {format_euros(somme)} : elles doivent égaler exactement le "
            f"reste à recouvrer de {format_euros(total)} ({CIRC}).",
            details={"total_echeances": str(somme), "reste": str(total)},
        )
    return sorted(lues)


@_atomique
def delai_accorder(
    *,
    acting_user,
    ligne,
    demande_le: datetime.date,
    echeances: list[EcheanceSaisie],
    demande_reference: str = "",
    fichier: tuple[str, bytes] | None = None,
    motif: str = "",
) -> DelaiPaiement:
    """Grant a payment delay on the debtor's written request (circ. 93/82
    §2.0.5): the letter (its date and its reference and/or the file, checked
    by its magic bytes), an échéancier summing exactly to the reste of the
    claim, each instalment after today. Stage DELAI; acts « demande écrite de
    délai » and « délai de paiement accordé »."""
    le = horloge.aujourdhui()
    creance = creance_de(_ligne(ligne), le)
    qualite = exiger_acteur(
        acting_user, creance, le, "accorder un délai de paiement", "recouvrement.delai_accorder"
    )
    reste = _exiger_exigible_impayee(creance, le, "accorder un délai de paiement")
    en_cours = lecture.delai_en_cours(creance)
    if en_cours is not None:
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} a déjà un délai de paiement en cours, accordé "
            f"le {en_cours.accorde_le:%d/%m/%Y} : constatez d'abord sa défaillance.",
            details={"delai": en_cours.pk},
        )
    if not isinstance(demande_le, datetime.date):
        raise DonneeInvalide(
            "Le délai s'accorde au débiteur qui justifie par écrit sa demande : indiquez la date "
            f"de sa lettre ({CIRC})."
        )
    if demande_le > le:
        raise DonneeInvalide("La demande écrite du débiteur ne peut être datée après aujourd'hui.")
    reference = texte(
        demande_reference, "La référence de la demande", obligatoire=False, longueur=120
    )
    if not reference and not fichier:
        raise DonneeInvalide(
            "Le délai s'accorde au débiteur qui justifie par écrit sa demande : indiquez la "
            f"référence de sa lettre ou joignez-la ({CIRC})."
        )
    lues = _echeancier(echeances, reste, le)
    delai = DelaiPaiement(
        creance=creance,
        demande_le=demande_le,
        demande_reference=reference,
        motif=texte(motif, "Le motif", obligatoire=False, longueur=2000),
        accorde_le=le,
        accorde_par=acting_user,
        qualite=qualite,
        montant=reste,
    )
    if fichier:
        nom, contenu = fichier
        controler_fichier(nom, contenu)
        delai.demande_sha256 = hashlib.sha256(contenu).hexdigest()
        delai.demande_fichier.save(nom, ContentFile(contenu), save=False)
    delai.save()
    for rang, (date, valeur) in enumerate(lues, start=1):
        Echeance.objects.create(delai=delai, rang=rang, le=date, montant=valeur)
    lettre = reference or "lettre jointe"
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.DEMANDE_DELAI,
        le=demande_le,
        libelle=f"Demande écrite de délai du débiteur du {demande_le:%d/%m/%Y} ({lettre})",
        auteur=acting_user,
        qualite=qualite,
        resultat=delai.motif,
    )
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.DELAI,
        le=le,
        libelle=(
            f"Délai de paiement accordé : {len(lues)} échéance(s) du {lues[0][0]:%d/%m/%Y} au "
            f"{lues[-1][0]:%d/%m/%Y}, {format_euros(reste)}"
        ),
        auteur=acting_user,
        qualite=qualite,
        montant=reste,
        resultat="; ".join(f"{d:%d/%m/%Y} : {format_euros(v)}" for d, v in lues),
    )
    _stade(creance, Creance.Stade.DELAI)
    audit(
        acting_user,
        "recouvrement.delai_accorder",
        delai,
        apres={
            "creance": creance.pk,
            "montant": reste,
            "echeances": [(d.isoformat(), str(v)) for d, v in lues],
        },
    )
    return delai


@_atomique
def defaillance_constater(*, acting_user, delai) -> DelaiPaiement:
    """Record the default of an échéancier: an instalment past its date and not
    covered. Stage DEFAILLANCE; act « défaillance de l'échéancier »."""
    le = horloge.aujourdhui()
    delai = verrouiller(
        DelaiPaiement.objects.select_related("creance"), getattr(delai, "pk", delai)
    )
    creance = creance_de(delai.creance.ligne, le)
    qualite = exiger_acteur(
        acting_user, creance, le, "constater la défaillance", "recouvrement.defaillance_constater"
    )
    if delai.etat != DelaiPaiement.Etat.EN_COURS:
        raise TransitionInterdite(
            f"Le délai de paiement n° {delai.pk} n'est plus en cours ({delai.get_etat_display()})."
        )
    etat = lecture.suivi(delai, le)
    impayee = etat.premiere_impayee
    if impayee is None:
        prochaine = etat.prochaine
        suite = (
            f" ; la prochaine échéance est le {prochaine.le:%d/%m/%Y} : la défaillance ne se "
            f"constate qu'à compter du {prochaine.le + datetime.timedelta(days=1):%d/%m/%Y}"
            if prochaine
            else ""
        )
        raise TransitionInterdite(
            f"Les échéances du délai de paiement n° {delai.pk} sont honorées à ce jour "
            f"({format_euros(etat.paye)} payés depuis le {delai.accorde_le:%d/%m/%Y}){suite}.",
            details={"delai": delai.pk, "paye": str(etat.paye)},
        )
    _defaillance_ecrire(acting_user, delai, creance, le, qualite, etat)
    return delai


def _defaillance_ecrire(acting_user, delai, creance, le, qualite, etat=None) -> None:
    """Record the default of a running échéancier (first unpaid instalment):
    its state, the act « défaillance de l'échéancier », the stage, the audit
    row. Used by `defaillance_constater` and by the hand-over to the directeur
    of a claim whose échéancier is in default."""
    etat = etat or lecture.suivi(delai, le)
    impayee = etat.premiere_impayee
    delai.etat = DelaiPaiement.Etat.DEFAILLANT
    delai.defaillance_le = le
    delai.save(update_fields=["etat", "defaillance_le"])
    reste = lecture.reste_de(creance.ligne)
    libelle = (
        f"Défaillance de l'échéancier : échéance n° {impayee.rang} du {impayee.le:%d/%m/%Y} "
        f"impayée ({format_euros(impayee.manque)} manquants)"
        if impayee is not None
        else "Défaillance de l'échéancier"
    )
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.DEFAILLANCE,
        le=le,
        libelle=libelle,
        auteur=acting_user,
        qualite=qualite,
        montant=reste,
        resultat=f"Payé depuis le délai : {format_euros(etat.paye)} ; reste {format_euros(reste)}",
    )
    _stade(creance, Creance.Stade.DEFAILLANCE)
    audit(
        acting_user,
        "recouvrement.defaillance_constater",
        delai,
        apres={"echeance": impayee and impayee.rang, "paye": etat.paye, "reste": reste},
    )
