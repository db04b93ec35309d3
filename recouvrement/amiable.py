"""The acts of amicable recovery (D253-16 al. 1; circ. 93/82 §2.0, §2.0.5).

« L'agent comptable adresse les premières relances, peut accorder des délais
de paiement sous sa propre responsabilité au débiteur qui justifie par écrit
sa demande, et transmet les échecs au directeur qui est seul chargé du
recouvrement contentieux » (circ. 93/82 §2.0.5, as DOMAIN.md §2 reads it).

Who acts
--------
- The claims other than cotisations and majorations are the agent comptable's
  (`Creance.responsable` = comptable): he (or his fondé de pouvoir, within
  his procuration) reminds, grants delays, records a default and hands over;
  the directeur is refused (separation of ordonnateur and comptable,
  circ. 93/82 §2.4.0).
- Cotisations and majorations are the directeur's from the start
  (D253-16 al. 1): on those he himself sends the reminders and grants the
  delays, with the same services; the agent comptable is refused there.
  There is nothing to hand over: the claim is already his.
- A claim handed over is the directeur's for contentious recovery: no
  amicable act is done on it any more (`recouvrement.contentieux`).

Each act is one transaction: who acts, the French refusal that changes
nothing, the state (`Creance.stade`), one row of the journal (`Acte`) per
claim, an audit row. None posts to the ledger: a reminder, a delay, a default
or a hand-over moves no money. The payments themselves are receipts of the
treasury allocated to the claim's line.

The provider of what falls due (`a_echoir`) is in `amiable_echeances`,
imported here so that the registry finds it.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.db.models import Max

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import ZERO, format_euros, montant
from core.pieces import controler_fichier
from core.saisie import texte
from core.verrous import verrouiller
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_exercees_le, fonctions_le, interim_le
from recettes.models import LigneOrdreRecette
from recouvrement import amiable_lecture as lecture
from recouvrement.models import (
    Acte,
    Creance,
    DelaiPaiement,
    Echeance,
    LettreRelance,
    LigneRelance,
    LotRelances,
)
from recouvrement.services import creance_de, journaliser
from reglementation.selectors import titre_agent_comptable

CIRC = "circulaire 93/82 §2.0.5"
D253_16 = "article D253-16"
ORDONNATEUR = frozenset({Fonction.DIRECTEUR, Fonction.DELEGUE})
COMPTABLES = frozenset({Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR})


def _atomique(fonction):
    """One transaction; a refusal by a trigger becomes its French message."""

    def enveloppe(*args, **kwargs):
        try:
            with transaction.atomic():
                return fonction(*args, **kwargs)
        except DatabaseError as exc:
            relever_erreur_base(exc)

    enveloppe.__name__ = fonction.__name__
    enveloppe.__doc__ = fonction.__doc__
    enveloppe.__wrapped__ = fonction
    return enveloppe


def qualite_de(utilisateur, le: datetime.date, creance: Creance) -> str:
    """The capacity in which one acts on the claim that day."""
    if creance.responsable == Creance.Responsable.DIRECTEUR:
        return "Directeur"
    interim = interim_le(utilisateur, le)
    if interim is not None:
        return interim.get_nature_display().capitalize()
    fonctions = fonctions_exercees_le(utilisateur, le)
    if Fonction.AGENT_COMPTABLE in fonctions:
        return titre_agent_comptable(le).capitalize()
    return "Fondé de pouvoir de l'agent comptable"


def _designation(creance: Creance) -> str:
    ordre = creance.ligne.ordre
    return (
        f"la créance de {creance.debiteur.nom} sur l'ordre de recette n° {ordre.reference} "
        f"({ordre.get_nature_display()})"
    )


def exiger_acteur(utilisateur, creance: Creance, le: datetime.date, acte: str, code: str) -> str:
    """Who may do an amicable act on the claim that day; returns his capacity.

    A claim handed over is refused to everyone here (contentious recovery);
    the agent comptable's claims are his alone; the directeur's (cotisations,
    majorations) are the directeur's."""
    if creance.transmise_le is not None:
        raise TransitionInterdite(
            f"{_designation(creance).capitalize()} a été transmise au directeur le "
            f"{creance.transmise_le:%d/%m/%Y}, seul chargé du recouvrement contentieux : on ne "
            f"peut plus {acte} ({CIRC}).",
            details={"creance": creance.pk, "transmise_le": creance.transmise_le.isoformat()},
        )
    fonctions = set(fonctions_le(utilisateur, le)) | set(fonctions_exercees_le(utilisateur, le))
    if creance.responsable == Creance.Responsable.DIRECTEUR:
        if Fonction.DIRECTEUR not in fonctions:
            raise DroitInsuffisant(
                f"Les cotisations et les majorations de retard sont recouvrées par le directeur "
                f"({D253_16}, alinéa 1) : seul le directeur peut {acte} sur "
                f"{_designation(creance)}.",
                details={"creance": creance.pk, "responsable": creance.responsable},
            )
        return "Directeur"
    if fonctions & ORDONNATEUR:
        raise DroitInsuffisant(
            f"Le recouvrement amiable de {_designation(creance)} appartient à l'agent comptable "
            f"({D253_16}, alinéa 1 ; {CIRC}) : le directeur ne peut {acte} ; il reçoit la "
            "créance lorsque l'agent comptable lui transmet l'échec du recouvrement amiable.",
            details={"creance": creance.pk, "responsable": creance.responsable},
        )
    exiger_comptable(utilisateur, le, acte, code=code)
    return qualite_de(utilisateur, le, creance)


def _ligne(ligne) -> LigneOrdreRecette:
    pk = getattr(ligne, "pk", ligne)
    try:
        return verrouiller(LigneOrdreRecette.objects.select_related("ordre"), pk)
    except LigneOrdreRecette.DoesNotExist:
        raise DonneeInvalide(f"La ligne d'ordre de recette n° {pk} n'existe pas.") from None


def _exiger_exigible_impayee(creance: Creance, le: datetime.date, acte: str) -> Decimal:
    """The claim is due before `le` and not paid; returns its reste."""
    ligne = creance.ligne
    exigible = lecture.exigible_le(ligne)
    if exigible is None or exigible >= le:
        raise TransitionInterdite(
            f"{_designation(creance).capitalize()} n'est pas encore exigible impayée : "
            f"son échéance est le {exigible:%d/%m/%Y} ; on ne peut {acte} qu'à compter du "
            "lendemain.",
            details={"creance": creance.pk, "echeance": exigible and exigible.isoformat()},
        )
    reste = lecture.reste_de(ligne)
    if reste <= ZERO:
        raise TransitionInterdite(
            f"{_designation(creance).capitalize()} est entièrement recouvrée (reste à recouvrer "
            f"nul) : on ne peut plus {acte}.",
            details={"creance": creance.pk},
        )
    return reste


def _exiger_pas_sous_delai(creance: Creance, le: datetime.date, acte: str) -> None:
    delai = lecture.delai_en_cours(creance)
    if delai is None:
        return
    etat = lecture.suivi(delai, le)
    if etat.respecte:
        prochaine = etat.prochaine
        suite = (
            f" ; prochaine échéance le {prochaine.le:%d/%m/%Y} ({format_euros(prochaine.manque)})"
            if prochaine
            else ""
        )
        raise TransitionInterdite(
            f"{_designation(creance).capitalize()} bénéficie d'un délai de paiement accordé le "
            f"{delai.accorde_le:%d/%m/%Y} dont les échéances sont honorées{suite} : on ne peut "
            f"{acte} ({CIRC}).",
            details={"creance": creance.pk, "delai": delai.pk},
        )


def _stade(creance: Creance, stade: str) -> None:
    creance.stade = stade
    creance.save(update_fields=["stade"])


# --- Relances ---------------------------------------------------------------------


@_atomique
def relances_envoyer(*, acting_user, lignes) -> LotRelances:
    """Send a batch of reminders, dated today: one letter per debtor listing
    his claims, each at its next rank; one act « relance » per claim, stage
    RELANCE. Refused as a whole when one claim may not be reminded."""
    le = horloge.aujourdhui()
    ids = sorted({getattr(lg, "pk", lg) for lg in lignes or []})
    if not ids:
        raise DonneeInvalide("Choisissez au moins une créance à relancer.")
    par_debiteur: dict = defaultdict(list)
    qualite = ""
    for pk in ids:
        creance = creance_de(_ligne(pk), le)
        qualite = exiger_acteur(
            acting_user, creance, le, "relancer le débiteur", "recouvrement.relancer"
        )
        reste = _exiger_exigible_impayee(creance, le, "relancer le débiteur")
        _exiger_pas_sous_delai(creance, le, "relancer le débiteur")
        par_debiteur[creance.debiteur].append((creance, reste))
    numero = (LotRelances.objects.filter(annee=le.year).aggregate(m=Max("numero"))["m"] or 0) + 1
    lot = LotRelances.objects.create(
        annee=le.year, numero=numero, le=le, par=acting_user, qualite=qualite
    )
    for debiteur, creances in sorted(par_debiteur.items(), key=lambda p: p[0].nom):
        lettre = LettreRelance.objects.create(lot=lot, debiteur=debiteur, rang=1, total=ZERO)
        rang_max, total = 0, ZERO
        for creance, reste in creances:
            rang = lecture.derniere_relance(creance) + 1
            acte = journaliser(
                debiteur=debiteur,
                creance=creance,
                type=Acte.Type.RELANCE,
                le=le,
                libelle=(
                    f"{'1re' if rang == 1 else f'{rang}e'} relance (lot n° {lot.reference}) : "
                    f"ordre n° {creance.ligne.ordre.reference}, reste {format_euros(reste)}"
                ),
                auteur=acting_user,
                qualite=qualite,
                montant=reste,
            )
            LigneRelance.objects.create(
                lettre=lettre, creance=creance, rang=rang, reste=reste, acte=acte
            )
            _stade(creance, Creance.Stade.RELANCE)
            rang_max, total = max(rang_max, rang), total + reste
        lettre.rang, lettre.total = rang_max, total
        lettre.save(update_fields=["rang", "total"])
    audit(
        acting_user,
        "recouvrement.relances_envoyer",
        lot,
        apres={"lot": lot.reference, "lignes": ids, "lettres": len(par_debiteur)},
    )
    return lot


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
            f"{_designation(creance).capitalize()} a déjà un délai de paiement en cours, accordé "
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
    delai.etat = DelaiPaiement.Etat.DEFAILLANT
    delai.defaillance_le = le
    delai.save(update_fields=["etat", "defaillance_le"])
    reste = lecture.reste_de(creance.ligne)
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.DEFAILLANCE,
        le=le,
        libelle=(
            f"Défaillance de l'échéancier : échéance n° {impayee.rang} du {impayee.le:%d/%m/%Y} "
            f"impayée ({format_euros(impayee.manque)} manquants)"
        ),
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
        apres={"echeance": impayee.rang, "paye": etat.paye, "reste": reste},
    )
    return delai


# --- Transmission au directeur --------------------------------------------------


def compte_rendu_auto(creance: Creance) -> str:
    """The amicable attempts, one line per act of the journal."""
    lignes = [
        f"{a.le:%d/%m/%Y} — {a.get_type_display()} : {a.libelle}"
        + (f" ({a.resultat})" if a.resultat else "")
        for a in lecture.journal(creance)
    ]
    return "\n".join(lignes) or "Aucune tentative de recouvrement amiable enregistrée."


@_atomique
def creance_transmettre(*, acting_user, ligne, compte_rendu: str = "") -> Creance:
    """Hand the failure of amicable recovery to the directeur, "qui est seul
    chargé du recouvrement contentieux" (circ. 93/82 §2.0.5), with its file:
    the compte rendu of the attempts (the agent comptable's words, followed by
    the journal's acts). The claim becomes the directeur's (responsable,
    transmise_le/par), stage TRANSMISE, act « transmission au directeur »."""
    le = horloge.aujourdhui()
    creance = creance_de(_ligne(ligne), le)
    if creance.transmise_le is None and creance.responsable == Creance.Responsable.DIRECTEUR:
        raise TransitionInterdite(
            f"{_designation(creance).capitalize()} est recouvrée par le directeur depuis "
            f"l'origine ({D253_16}, alinéa 1) : il n'y a rien à lui transmettre."
        )
    qualite = exiger_acteur(
        acting_user, creance, le, "transmettre la créance au directeur", "recouvrement.transmettre"
    )
    reste = _exiger_exigible_impayee(creance, le, "transmettre la créance au directeur")
    _exiger_pas_sous_delai(creance, le, "la transmettre au directeur")
    propre = texte(compte_rendu, "Le compte rendu", obligatoire=False, longueur=5000)
    journal = compte_rendu_auto(creance)
    creance.compte_rendu = (
        (f"{propre}\n\n" if propre else "") + "Actes du recouvrement amiable :\n" + journal
    )
    delai = lecture.delai_en_cours(creance)
    if delai is not None:
        # An échéancier in default not yet recorded: the hand-over records it.
        delai.etat = DelaiPaiement.Etat.DEFAILLANT
        delai.defaillance_le = le
        delai.save(update_fields=["etat", "defaillance_le"])
    creance.responsable = Creance.Responsable.DIRECTEUR
    creance.transmise_le = le
    creance.transmise_par = acting_user
    creance.stade = Creance.Stade.TRANSMISE
    creance.save(
        update_fields=["responsable", "transmise_le", "transmise_par", "stade", "compte_rendu"]
    )
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.TRANSMISSION,
        le=le,
        libelle=(
            f"Transmission au directeur pour le recouvrement contentieux : ordre n° "
            f"{creance.ligne.ordre.reference}, reste {format_euros(reste)}"
        ),
        auteur=acting_user,
        qualite=qualite,
        montant=reste,
        resultat=propre,
    )
    audit(
        acting_user,
        "recouvrement.transmettre",
        creance,
        avant={"responsable": Creance.Responsable.COMPTABLE},
        apres={"responsable": creance.responsable, "transmise_le": le, "reste": reste},
    )
    return creance


from recouvrement import amiable_echeances  # noqa: E402, F401 (registers the provider)
