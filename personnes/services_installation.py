"""Installation of an agent comptable, remise de service and réserves (circ. 93/82 §1.1.0).

« Pour exercer ses fonctions, l'agent comptable doit être installé ; la
remise de service doit avoir été effectuée ». The directeur records the
installation; the procès-verbal de remise de service is signed by the
outgoing agent comptable (whoever was in office the day before, if anyone)
and by the incoming one, each typing his password. personnes sits below
ledger and does not read the books: the balances handed over (cash and
bank) are figures entered in the act, as read on the ledger that day.

« Les réserves sur la gestion du prédécesseur sont formulées par l'agent
comptable dans les six mois qui suivent son installation », unless the
delay was prorogued on his reasoned request by the DRASS, which notifies its
decision: he records both. PostgreSQL refuses the same (personnes 0009,
LG610–LG611).
"""

from __future__ import annotations

import calendar
import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Q

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import montant as montant_valide
from core.verrous import verrouiller
from personnes.models import (
    Affectation,
    Fonction,
    Installation,
    Interim,
    ProrogationReserves,
    Reserve,
)
from personnes.models import nom_de as _nom
from personnes.selectors import agent_comptable_en_fonction, fonctions_le
from personnes.services import CIRCULAIRE_INTERIM, _date, _verrouiller_utilisateur
from personnes.signature import verifier_mot_de_passe

CIRCULAIRE_INSTALLATION = "circulaire 93/82 §1.1.0"
MOIS_RESERVES = 6


def plus_mois(jour: datetime.date, mois: int) -> datetime.date:
    """`jour` + `mois` months, the day clamped to the month's last day, as
    PostgreSQL's `date + interval 'n months'` (the trigger's limit)."""
    annee, mois_0 = divmod(jour.month - 1 + mois, 12)
    annee += jour.year
    return datetime.date(
        annee, mois_0 + 1, min(jour.day, calendar.monthrange(annee, mois_0 + 1)[1])
    )


def limite_reserves(installation: Installation) -> datetime.date:
    """Last day on which the incoming agent comptable formulates réserves:
    six months after his installation, or the latest prorogation's limit."""
    limite = plus_mois(installation.installe_le, MOIS_RESERVES)
    prorogee = installation.prorogations.aggregate(m=Max("nouvelle_limite"))["m"]
    return max(limite, prorogee) if prorogee else limite


def _signer(utilisateur, mot_de_passe: str, qualite: str) -> None:
    """Each signs by typing his password again, counted and locked like any
    signature (`personnes.signature`)."""
    verifier_mot_de_passe(
        utilisateur,
        mot_de_passe,
        refus=(
            f"Mot de passe de {_nom(utilisateur)} ({qualite}) incorrect : chacun signe le "
            "procès-verbal de remise de service en ressaisissant son mot de passe "
            f"({CIRCULAIRE_INSTALLATION})."
        ),
    )


def _solde(valeur, libelle: str) -> Decimal:
    if valeur is None or valeur == "":
        raise DonneeInvalide(f"{libelle} figure au procès-verbal de remise de service.")
    return montant_valide(valeur, libelle=libelle, strictement_positif=False)


@transaction.atomic
def installation_enregistrer(
    *,
    acting_user,
    agent_comptable,
    installe_le: datetime.date,
    solde_caisse,
    solde_banque,
    mot_de_passe_entrant: str,
    mot_de_passe_sortant: str = "",
    observations: str = "",
    mot_de_passe_titulaire: str = "",
) -> Installation:
    """The directeur records the installation of `agent_comptable` and the
    procès-verbal de remise de service, signed by both agents comptables.

    Refused: an author who is not directeur today; a date to come; an
    incoming one with no affectation as agent comptable that day, or already
    installed in that affectation; a wrong password of either signatory.

    « L'installation de l'intérimaire s'effectue dans les mêmes conditions
    que celle de l'agent comptable » (circ. §1.1.2): an incoming one named
    agent comptable intérimaire by an interim covering the day needs no
    affectation; he is installed once in that interim. « Si l'intérim est
    partiel, le procès-verbal est, en outre, signé par l'ancien comptable
    titulaire »: the last titular signs too (`mot_de_passe_titulaire`) unless
    he is already the outgoing signatory. At the end of an interim, the new
    titular's outgoing signatory is the intérimaire, in office the day before
    (`agent_comptable_en_fonction`); none when the intérimaire becomes the
    titular himself.
    """
    jour = horloge.aujourdhui()
    if Fonction.DIRECTEUR not in fonctions_le(acting_user, jour):
        raise DroitInsuffisant(
            "Seul le directeur enregistre l'installation de l'agent comptable et le "
            f"procès-verbal de remise de service ({CIRCULAIRE_INSTALLATION}).",
            details={"fonctions": sorted(fonctions_le(acting_user, jour))},
        )
    installe_le = _date(installe_le, "La date d'installation")
    if installe_le > jour:
        raise DonneeInvalide(
            f"L'installation du {installe_le:%d/%m/%Y} n'a pas encore eu lieu : le directeur "
            "enregistre une installation faite."
        )
    if agent_comptable is None or not getattr(agent_comptable, "pk", None):
        raise DonneeInvalide("Indiquez l'agent comptable installé.")
    affectation = (
        Affectation.objects.filter(
            utilisateur=agent_comptable, fonction=Fonction.AGENT_COMPTABLE, debut__lte=installe_le
        )
        .filter(Q(fin__isnull=True) | Q(fin__gte=installe_le))
        .order_by("-debut")
        .first()
    )
    interim = None
    if affectation is None:
        interim = Interim.objects.filter(
            utilisateur=agent_comptable,
            nature=Interim.Nature.INTERIMAIRE,
            debut__lte=installe_le,
            fin__gte=installe_le,
        ).first()
    if affectation is None and interim is None:
        raise DonneeInvalide(
            f"{_nom(agent_comptable)} n'est pas affecté comme agent comptable ni nommé agent "
            f"comptable intérimaire le {installe_le:%d/%m/%Y} : on installe l'agent comptable "
            "nommé à ce poste ou l'intérimaire nommé par le conseil d'administration "
            "(circulaire 93/82 §1.1.0 et §1.1.2)."
        )
    solde_caisse = _solde(solde_caisse, "Le solde de la caisse")
    solde_banque = _solde(solde_banque, "Le solde des comptes bancaires")

    _verrouiller_utilisateur(agent_comptable)
    if interim is not None:
        deja = Installation.objects.filter(agent_comptable=agent_comptable, interim=interim).first()
    else:
        deja = Installation.objects.filter(
            agent_comptable=agent_comptable,
            installe_le__gte=affectation.debut,
            interim__isnull=True,
        ).first()
    if deja is not None:
        raise TransitionInterdite(
            f"{_nom(agent_comptable)} a déjà été installé le {deja.installe_le:%d/%m/%Y} "
            "dans ces fonctions."
        )
    veille = installe_le - datetime.timedelta(days=1)
    predecesseur = agent_comptable_en_fonction(veille)
    if predecesseur is not None and predecesseur.pk == agent_comptable.pk:
        predecesseur = None
    ancien_titulaire = _ancien_titulaire(interim, agent_comptable, installe_le)
    if ancien_titulaire is not None and ancien_titulaire == predecesseur:
        ancien_titulaire = None  # he signs already, as the outgoing one
    _signer(agent_comptable, mot_de_passe_entrant, "agent comptable entrant")
    if predecesseur is not None:
        _signer(predecesseur, mot_de_passe_sortant, "agent comptable sortant")
    if ancien_titulaire is not None:
        _signer(ancien_titulaire, mot_de_passe_titulaire, "ancien agent comptable titulaire")

    installation = Installation.objects.create(
        agent_comptable=agent_comptable,
        predecesseur=predecesseur,
        installe_le=installe_le,
        solde_caisse=solde_caisse,
        solde_banque=solde_banque,
        observations=(observations or "").strip(),
        interim=interim,
        ancien_titulaire=ancien_titulaire,
        enregistree_par=acting_user,
    )
    audit(
        acting_user,
        "installation.enregistree",
        installation,
        apres={
            "agent_comptable": agent_comptable.pk,
            "predecesseur": predecesseur.pk if predecesseur else None,
            "installe_le": installe_le,
            "solde_caisse": solde_caisse,
            "solde_banque": solde_banque,
            "interim": interim.pk if interim else None,
            "signee_par": [
                p.pk for p in (agent_comptable, predecesseur, ancien_titulaire) if p is not None
            ],
        },
    )
    return installation


def _ancien_titulaire(interim: Interim | None, entrant, installe_le: datetime.date):
    """For a partial interim, the former titular agent comptable who signs the
    procès-verbal too (circ. §1.1.2): the last one whose affectation began by
    that day. « À défaut, par son mandataire ou ses ayants droit »: those are
    not recorded here, so none known is a refusal."""
    if interim is None or not interim.partiel:
        return None
    affectation = (
        Affectation.objects.filter(fonction=Fonction.AGENT_COMPTABLE, debut__lte=installe_le)
        .exclude(utilisateur=entrant)
        .select_related("utilisateur")
        .order_by("-debut", "-id")
        .first()
    )
    if affectation is None:
        raise DonneeInvalide(
            "L'intérim est partiel : le procès-verbal est, en outre, signé par l'ancien "
            "comptable titulaire ou, à défaut, par son mandataire ou ses ayants droit ; aucun "
            "agent comptable titulaire n'est enregistré pour le signer "
            f"({CIRCULAIRE_INTERIM})."
        )
    return affectation.utilisateur


def _exiger_installe(acting_user, installation: Installation, acte: str) -> None:
    if acting_user is None or acting_user.pk != installation.agent_comptable_id:
        raise DroitInsuffisant(
            f"Seul l'agent comptable installé, {_nom(installation.agent_comptable)}, {acte} "
            f"({CIRCULAIRE_INSTALLATION})."
        )


@transaction.atomic
def reserve_formuler(
    *, acting_user, installation: Installation, formulee_le: datetime.date, objet: str
) -> Reserve:
    """The incoming agent comptable records a réserve on his predecessor's
    management, formulated within six months of his installation or by the
    limit of a prorogation granted."""
    installation = verrouiller(
        Installation.objects.select_related("agent_comptable"), installation.pk
    )
    _exiger_installe(
        acting_user, installation, "formule des réserves sur la gestion de son prédécesseur"
    )
    formulee_le = _date(formulee_le, "La date de la réserve")
    if formulee_le > horloge.aujourdhui():
        raise DonneeInvalide(
            f"La réserve du {formulee_le:%d/%m/%Y} n'est pas encore formulée : enregistrez-la le jour venu."
        )
    objet = (objet or "").strip()
    if not objet:
        raise DonneeInvalide("La réserve dit sur quoi elle porte.")
    limite = limite_reserves(installation)
    if formulee_le < installation.installe_le or formulee_le > limite:
        raise TransitionInterdite(
            f"Réserve formulée le {formulee_le:%d/%m/%Y}, hors du délai ouvert du "
            f"{installation.installe_le:%d/%m/%Y} au {limite:%d/%m/%Y} : les réserves sur la "
            "gestion du prédécesseur sont formulées dans les six mois qui suivent "
            "l'installation, sauf prorogation accordée par la direction régionale des affaires "
            f"sanitaires et sociales ({CIRCULAIRE_INSTALLATION}).",
            details={"limite": limite.isoformat()},
        )
    reserve = Reserve.objects.create(
        installation=installation, formulee_le=formulee_le, objet=objet, enregistree_par=acting_user
    )
    audit(
        acting_user,
        "reserve.formulee",
        reserve,
        apres={"installation": installation.pk, "formulee_le": formulee_le, "objet": objet},
    )
    return reserve


@transaction.atomic
def prorogation_enregistrer(
    *,
    acting_user,
    installation: Installation,
    demandee_le: datetime.date,
    accordee_le: datetime.date,
    accordee_par: str,
    nouvelle_limite: datetime.date,
) -> ProrogationReserves:
    """The incoming agent comptable records the prorogation of his delay for
    réserves: asked in writing before the delay ran out, granted by the DRASS
    (its notification's date and who signed it), with the new limit."""
    installation = verrouiller(
        Installation.objects.select_related("agent_comptable"), installation.pk
    )
    _exiger_installe(acting_user, installation, "demande la prorogation du délai des réserves")
    demandee_le = _date(demandee_le, "La date de la demande")
    accordee_le = _date(accordee_le, "La date de la décision")
    nouvelle_limite = _date(nouvelle_limite, "La nouvelle limite")
    accordee_par = (accordee_par or "").strip()
    if not accordee_par:
        raise DonneeInvalide(
            "Indiquez qui a accordé la prorogation (la direction régionale des affaires "
            f"sanitaires et sociales notifie sa décision, {CIRCULAIRE_INSTALLATION})."
        )
    if accordee_le > horloge.aujourdhui():
        raise DonneeInvalide(
            f"La décision du {accordee_le:%d/%m/%Y} n'est pas encore venue : enregistrez une "
            "prorogation déjà notifiée."
        )
    if accordee_le < demandee_le:
        raise DonneeInvalide(
            f"La prorogation est accordée le {accordee_le:%d/%m/%Y}, avant d'être demandée le "
            f"{demandee_le:%d/%m/%Y}."
        )
    limite = limite_reserves(installation)
    if demandee_le < installation.installe_le or demandee_le > limite:
        raise TransitionInterdite(
            f"Prorogation demandée le {demandee_le:%d/%m/%Y}, hors du délai des réserves ouvert "
            f"du {installation.installe_le:%d/%m/%Y} au {limite:%d/%m/%Y} : elle se demande "
            f"avant que le délai soit expiré ({CIRCULAIRE_INSTALLATION}).",
            details={"limite": limite.isoformat()},
        )
    if nouvelle_limite <= limite:
        raise DonneeInvalide(
            f"La nouvelle limite du {nouvelle_limite:%d/%m/%Y} ne proroge pas le délai qui court "
            f"déjà jusqu'au {limite:%d/%m/%Y}."
        )
    prorogation = ProrogationReserves.objects.create(
        installation=installation,
        demandee_le=demandee_le,
        accordee_le=accordee_le,
        accordee_par=accordee_par,
        nouvelle_limite=nouvelle_limite,
        enregistree_par=acting_user,
    )
    audit(
        acting_user,
        "reserves.prorogation_enregistree",
        prorogation,
        apres={
            "installation": installation.pk,
            "demandee_le": demandee_le,
            "accordee_le": accordee_le,
            "accordee_par": accordee_par,
            "nouvelle_limite": nouvelle_limite,
        },
    )
    return prorogation
