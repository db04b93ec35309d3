"""Who holds which function, delegation or interim on a given day."""

from __future__ import annotations

import datetime

from django.db import DEFAULT_DB_ALIAS, connection, models, router
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils import timezone

from core import horloge, preparees
from personnes.memoire import memorise
from personnes.models import Affectation, Delegation, Fonction, Interim, Mandat


def fonctions_le(utilisateur, jour: datetime.date) -> list[str]:
    """The functions of the user's affectations on `jour` (read once per request)."""
    if not getattr(utilisateur, "is_authenticated", False):
        return []
    return _fonctions_le(utilisateur, jour)


def _fonctions_le(utilisateur, jour: datetime.date) -> list[str]:
    # The same statement as `exercice_le`'s, kept once per request for both.
    return list(_affectations_et_interim(utilisateur, _jour_de(jour))[0])


def fonctions_exercees_le(utilisateur, jour: datetime.date) -> list[str]:
    """The functions `utilisateur` exercises on `jour`: his affectations
    (`fonctions_le`, the raw fact), corrected by the interim in force that day
    (`interim_en_cours`, the one `agent_comptable_en_fonction` reads). Circ.
    93/82 §1.1.2: during a vacancy, an absence or an impediment of the agent
    comptable, the fondé de pouvoir assumes his functions, then the
    intérimaire the board names. So the interim's holder exercises the
    agent comptable's functions whatever his affectations, and the titular,
    absent, does not exercise them while it lasts (he keeps his affectation).

    Every gate of an act of the agent comptable reads this (`exiger_comptable`,
    `Droit.accorde`, the menus through `fonctions_actuelles`); the separation
    of ordonnateur and comptable reads the affectations (`fonctions_le`,
    `fonctions_cote_comptable_le`)."""
    return exercice_le(utilisateur, jour)[0]


def exercice_le(utilisateur, jour: datetime.date) -> tuple[list[str], Interim | None]:
    """`fonctions_exercees_le` and the interim in force that day, read together:
    the affectations and whether an interim covers the day in one query, the
    interim itself only when there is one (each act of the agent comptable
    asks both, `exiger_comptable`)."""
    if not getattr(utilisateur, "is_authenticated", False) or not getattr(utilisateur, "pk", None):
        return fonctions_le(utilisateur, jour), None
    jour = _jour_de(jour)
    gardees, avec_interim = _affectations_et_interim(utilisateur, jour)
    fonctions = list(gardees)  # changed below: not the list the request's memory keeps
    interim = interim_en_cours(jour) if avec_interim else None
    if interim is None:
        return fonctions, None
    if interim.utilisateur_id == utilisateur.pk:
        if Fonction.AGENT_COMPTABLE not in fonctions:
            fonctions.insert(0, Fonction.AGENT_COMPTABLE)
    elif Fonction.AGENT_COMPTABLE in fonctions:
        fonctions.remove(Fonction.AGENT_COMPTABLE)
    return fonctions, interim


@memorise
def _affectations_et_interim(utilisateur, jour: datetime.date) -> tuple[tuple[str, ...], bool]:
    """The functions of the user's affectations on `jour` (as `_fonctions_le`)
    and whether an interim of the agent comptable covers the day (as
    `_interim_du_jour`), in one statement."""
    # Prepared (`core.preparees`): every act of the agent comptable runs it.
    fonctions, avec_interim = preparees.une_ligne(
        # In the order of the affectations, as the ORM's reading gave them.
        """SELECT ARRAY(SELECT fonction FROM personnes_affectation
                         WHERE utilisateur_id = %s::integer AND debut <= %s::date
                           AND (fin IS NULL OR fin >= %s::date)
                         GROUP BY fonction ORDER BY min(debut), fonction),
                  EXISTS (SELECT FROM personnes_interim
                           WHERE debut <= %s::date AND fin >= %s::date)""",
        [utilisateur.pk, jour, jour, jour, jour],
        alias=router.db_for_read(Affectation) or DEFAULT_DB_ALIAS,
    )
    return tuple(fonctions), avec_interim


def fonctions_actuelles(utilisateur) -> list[str]:
    """The functions exercised today (`fonctions_exercees_le`), kept on the user for the request."""
    cache = getattr(utilisateur, "_fonctions_actuelles", None)
    if cache is None:
        cache = fonctions_exercees_le(utilisateur, horloge.aujourdhui())
        if getattr(utilisateur, "pk", None):
            utilisateur._fonctions_actuelles = cache
    return cache


def a_une_fonction(utilisateur, jour: datetime.date | None = None) -> bool:
    """Whoever holds an affectation in the fund, or exercises a function there
    (an intérimaire), reads its books: the titular absent during an interim
    keeps reading them, though he does not act."""
    if jour is None:
        return bool(fonctions_actuelles(utilisateur)) or bool(
            fonctions_le(utilisateur, horloge.aujourdhui())
        )
    return bool(fonctions_exercees_le(utilisateur, jour)) or bool(fonctions_le(utilisateur, jour))


FONCTIONS_COMPTABLES = {Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR}
FONCTIONS_ORDONNATRICES = {Fonction.DIRECTEUR, Fonction.DELEGUE}
# Functions exercised for the agent comptable: whoever holds one never holds a
# delegation of the directeur on the same activity (circ. 93/82 §1.1.1, §2.4.0).
FONCTIONS_COTE_COMPTABLE = FONCTIONS_COMPTABLES | {Fonction.MANDATAIRE, Fonction.REGISSEUR}
# Who may never act for the directeur, hence never receive his delegation: the
# agent comptable's side (circ. 93/82 §1.1.1, §2.4.0) and the tutelle, which
# controls and is no agent of the fund (circ. §1.0: the directeur delegates
# "à certains agents de l'organisme"). Kept in PostgreSQL too (personnes 0003).
FONCTIONS_EXCLUES_DE_DELEGATION = FONCTIONS_COTE_COMPTABLE | {Fonction.AUDITEUR}


def _periode(debut: datetime.date, fin: datetime.date | None) -> Q:
    """Rows whose [debut, fin] (fin open when null) meets the given period."""
    condition = Q(fin__isnull=True) | Q(fin__gte=debut)
    return condition & Q(debut__lte=fin) if fin is not None else condition


def fonctions_pendant(utilisateur, debut: datetime.date, fin: datetime.date) -> list[str]:
    """Functions held on at least one day of [debut, fin]."""
    return sorted(
        set(
            Affectation.objects.filter(utilisateur=utilisateur)
            .filter(_periode(debut, fin))
            .values_list("fonction", flat=True)
        )
    )


def interims_pendant(utilisateur, debut: datetime.date, fin: datetime.date) -> list[Interim]:
    return list(Interim.objects.filter(utilisateur=utilisateur).filter(_periode(debut, fin)))


@memorise
def interim_le(utilisateur, jour: datetime.date) -> Interim | None:
    """The interim of the agent comptable this user exercises on that day, if any
    (read once per request)."""
    if not getattr(utilisateur, "pk", None):
        return None
    return Interim.objects.filter(utilisateur=utilisateur, debut__lte=jour, fin__gte=jour).first()


def interims_consecutifs(
    utilisateur, nature: str, debut: datetime.date, fin: datetime.date
) -> tuple[datetime.date, datetime.date, list[Interim]]:
    """The chain an interim [debut, fin] joins: the same person's interims of
    the same nature that touch it or each other with no day between them
    (contiguous or overlapping). Returns the chain's first and last days and
    its recorded rows, oldest first; the caps of D253-14 and circ. 93/82
    §1.1.2 hold over that whole span (PostgreSQL: personnes 0005)."""
    un_jour = datetime.timedelta(days=1)
    lignes = list(Interim.objects.filter(utilisateur=utilisateur, nature=nature).order_by("debut"))
    chaine: list[Interim] = []
    etendue = True
    while etendue:
        etendue = False
        for ligne in lignes:
            if (
                ligne not in chaine
                and ligne.debut <= fin + un_jour
                and ligne.fin >= debut - un_jour
            ):
                chaine.append(ligne)
                debut, fin = min(debut, ligne.debut), max(fin, ligne.fin)
                etendue = True
    return debut, fin, sorted(chaine, key=lambda i: (i.debut, i.pk))


def fonctions_cote_comptable_le(utilisateur, jour: datetime.date) -> list[str]:
    """Functions exercised for the agent comptable that day, an interim included."""
    fonctions = sorted(set(fonctions_le(utilisateur, jour)) & FONCTIONS_COTE_COMPTABLE)
    if interim_le(utilisateur, jour) is not None and Fonction.AGENT_COMPTABLE not in fonctions:
        fonctions.insert(0, Fonction.AGENT_COMPTABLE)
    return fonctions


def affectations_de(utilisateur, fonction: str) -> list[Affectation]:
    """The user's affectations to one function, oldest first."""
    if not getattr(utilisateur, "pk", None):
        return []
    return list(
        Affectation.objects.filter(utilisateur=utilisateur, fonction=fonction).order_by("debut")
    )


def delegations_recues(
    utilisateur, *, nature: str | None = None, partagees: bool = False
) -> list[Delegation]:
    """Delegations whose beneficiary is this user, newest first, delegator loaded.

    `partagees`: share-locked first (FOR SHARE, within the act's transaction),
    then read: a withdrawal in flight waits for the act, or the act waits for
    it and reads it withdrawn; never an act under a délégation withdrawn in
    the same instant."""
    if not getattr(utilisateur, "pk", None):
        return []
    if partagees and connection.in_atomic_block:
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT 1 FROM personnes_delegation WHERE delegataire_id = %s FOR SHARE",
                [utilisateur.pk],
            )
    qs = Delegation.objects.filter(delegataire=utilisateur).select_related("delegant")
    if nature is not None:
        qs = qs.filter(nature=nature)
    return list(qs.order_by("-debut", "-id"))


def _tenue(jour: datetime.date) -> Q:
    """A delegation that has not fallen by itself on `jour` (circ. 93/82 §1.0:
    it is personal): its delegator is directeur that day, and its delegate
    still holds, without a break, the affectation as délégué du directeur he
    held on its first day (`permissions._refus_delegataire` says why not)."""
    en_poste = Q(debut__lte=jour) & (Q(fin__isnull=True) | Q(fin__gte=jour))
    delegant_directeur = Exists(
        Affectation.objects.filter(
            en_poste, utilisateur=OuterRef("delegant"), fonction=Fonction.DIRECTEUR
        )
    )
    delegataire_garde = Exists(
        Affectation.objects.filter(
            Q(fin__isnull=True) | Q(fin__gte=jour),
            utilisateur=OuterRef("delegataire"),
            fonction=Fonction.DELEGUE,
            debut__lte=OuterRef("debut"),
        )
    )
    return Q(delegant_directeur) & Q(delegataire_garde)


def delegations_en_vigueur(jour: datetime.date):
    """Delegations usable on that day: notified by then, within their period,
    not withdrawn, and not fallen by themselves (`_tenue`). Whether one covers
    an act (nature, accounts, ceiling) is `personnes.permissions`'s."""
    return (
        Delegation.objects.filter(debut__lte=jour, fin__gte=jour, notifiee_le__lte=jour)
        .filter(Q(retiree_le__isnull=True) | Q(retiree_le__gt=jour))
        .filter(_tenue(jour))
        .select_related("delegant", "delegataire")
    )


# --- The delegations' register ------------------------------------------------------------


class EtatDelegation(models.TextChoices):
    """Where a delegation stands on a given day, as the register shows it."""

    EN_VIGUEUR = "en_vigueur", "en vigueur"
    A_VENIR = "a_venir", "à venir"
    EXPIREE = "expiree", "expirée"
    RETIREE = "retiree", "retirée"
    NON_NOTIFIEE = "non_notifiee", "non notifiée à l'agent comptable : sans effet"
    TOMBEE = "tombee", "tombée d'elle-même : le délégant ou le délégataire a changé"


def _etat_le(jour: datetime.date) -> Case:
    """The state of each delegation on `jour`, computed by PostgreSQL: a
    withdrawal counts from its own date, a delegation counts once notified."""
    retiree = Q(retiree_le__isnull=False, retiree_le__lte=jour)
    non_notifiee = Q(notifiee_le__isnull=True) | Q(notifiee_le__gt=jour)
    return Case(
        When(retiree, then=Value(EtatDelegation.RETIREE)),
        When(debut__gt=jour, then=Value(EtatDelegation.A_VENIR)),
        When(fin__lt=jour, then=Value(EtatDelegation.EXPIREE)),
        When(non_notifiee, then=Value(EtatDelegation.NON_NOTIFIEE)),
        When(~_tenue(jour), then=Value(EtatDelegation.TOMBEE)),
        default=Value(EtatDelegation.EN_VIGUEUR),
        output_field=CharField(),
    )


def registre_delegations(
    *,
    le: datetime.date | None = None,
    delegataire=None,
    delegant=None,
    nature: str | None = None,
    type: str | None = None,
    etat: str | None = None,
):
    """The delegations' register, newest first, each annotated with its `etat`
    on `le` (today by default); everyone holding a function reads it all."""
    jour = le or horloge.aujourdhui()
    qs = Delegation.objects.select_related("delegant", "delegataire").annotate(etat=_etat_le(jour))
    if delegataire is not None:
        qs = qs.filter(delegataire=delegataire)
    if delegant is not None:
        qs = qs.filter(delegant=delegant)
    if nature:
        qs = qs.filter(nature=nature)
    if type:
        qs = qs.filter(type=type)
    if etat:
        qs = qs.filter(etat=etat)
    return qs.order_by("-debut", "-id")


def libelle_etat(delegation) -> str:
    """« retirée le 01/06/2026 », « en vigueur »...: the annotated state in words."""
    etat = EtatDelegation(delegation.etat)
    if etat == EtatDelegation.RETIREE:
        return f"retirée le {delegation.retiree_le:%d/%m/%Y}"
    return etat.label


# --- The agent comptable in office ------------------------------------------------------


def _jour_de(le: datetime.datetime | datetime.date) -> datetime.date:
    """The fund's calendar day of a moment: an aware datetime read in local time."""
    if isinstance(le, datetime.datetime):
        if timezone.is_aware(le):
            le = timezone.localtime(le)
        return le.date()
    return le


def interim_en_cours(le: datetime.datetime | datetime.date) -> Interim | None:
    """The interim of the agent comptable in force at that date and time
    (whoever holds it), or None: the latest recorded if two touch. Read once
    per request and day (`personnes.memoire`)."""
    return _interim_du_jour(_jour_de(le))


@memorise
def _interim_du_jour(jour: datetime.date) -> Interim | None:
    return (
        Interim.objects.filter(debut__lte=jour, fin__gte=jour)
        .select_related("utilisateur")
        .order_by("-debut", "-id")
        .first()
    )


def agent_comptable_en_fonction(le: datetime.datetime | datetime.date):
    """Who is the agent comptable in office at that date and time, or None.

    Functions and interims are held by whole days, so a moment counts for its
    day (local time), from the first day to the last one included. The rule
    (circ. 93/82 §1.1.2): the fondé de pouvoir assumes the functions of the
    agent comptable "en cas de vacance d'emploi, d'absence momentanée ou
    d'empêchement", for three months at most (D253-14), until the board names
    an agent comptable intérimaire, for six months at most. An `Interim` row
    (fondé de pouvoir faisant fonction, or intérimaire) is recorded only for
    such an absence or vacancy, and one at a time: on a day it covers, its
    holder is in office, in the titular's place. Otherwise the titular is the
    one whose affectation as agent comptable covers the day (the latest
    installed if two touch on a handover day: an agent comptable exercises his
    functions once installed, §1.1.0); none at all is a vacancy without an
    intérimaire, and the answer is None.
    """
    jour = _jour_de(le)
    interim = interim_en_cours(jour)
    if interim is not None:
        return interim.utilisateur
    titulaire = (
        Affectation.objects.filter(fonction=Fonction.AGENT_COMPTABLE, debut__lte=jour)
        .filter(Q(fin__isnull=True) | Q(fin__gte=jour))
        .select_related("utilisateur")
        .order_by("-debut", "-id")
        .first()
    )
    return None if titulaire is None else titulaire.utilisateur


def mandat_en_cours(utilisateur, objet: str, le: datetime.datetime | datetime.date):
    """The special mandate (circ. 93/82 §1.1.1) by which `utilisateur` performs
    operations of `objet` (`Mandat.Objet`) on that day, or None: within its
    period, not withdrawn before that day."""
    if not getattr(utilisateur, "pk", None):
        return None
    jour = _jour_de(le)
    return (
        Mandat.objects.filter(mandataire=utilisateur, objet=objet, debut__lte=jour, fin__gte=jour)
        .filter(Q(retire_le__isnull=True) | Q(retire_le__gt=jour))
        .order_by("-debut", "-id")
        .first()
    )
