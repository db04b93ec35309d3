"""Authentication that resists guessing: lockout after repeated failures.

Every password typed — on the login page, to `/api/jeton/`, to sign an act —
is counted against two keys: the login tried (whether the account exists or
not, so that the answer never tells) and the client's address. After
`CAISSE_ECHECS_PAR_COMPTE` failures (5) within `CAISSE_FENETRE_ECHECS`
minutes (15) for a login, or `CAISSE_ECHECS_PAR_ADRESSE` (20) from one
address, the key is locked for `CAISSE_DUREE_BLOCAGE` minutes (15), a delay
that doubles with each lock in a row (at most a day); while it is locked even
the right password is refused. A success resets the login's count (not the
address's: one valid account must not let an address guess others). Time is
the fund's clock (`core.horloge`).

Every failure, lock, refusal during a lock and successful login is a row of
the audit log (`core.JournalAudit`, acts `authentification.*`) with the login
tried and the address, which the agent comptable and the auditor read on
/personnes/connexions/.

Concurrency (gunicorn: several processes, several threads each): a login's
attempt is counted BEFORE its password is checked, under the counters' row
locks, and taken back if the password is right (`_compter_d_abord`,
`_reprendre`), so that parallel guesses cannot pass the limit. An IPv6
address is counted by its /64 network (`cle_adresse`).

A signature's password is checked inside the act's transaction, which its
refusal rolls back: during a request, the failure is recorded once the view
has answered, by `ProtectionAuthentification` (the middleware that also
knows the client's address), so that it survives the refusal; the checks of
one login take turns meanwhile (`verrouiller_signature`, a session-level
advisory lock held until that failure is recorded).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import ipaddress
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.db import connection, transaction
from django.utils import timezone

from core import horloge
from core.audit import audit
from core.exceptions import ApplicationError
from personnes.models import CompteurEchecs

journal = logging.getLogger(__name__)

# The channels a password is typed on (the audit rows say which).
CONNEXION = "connexion"
JETON = "jeton"
SIGNATURE = "signature"
ADMINISTRATION = "administration"
CHANGEMENT = "changement de mot de passe"

# Every password field, of the pages and of the API, takes at most this (docs/api.md).
LONGUEUR_MOT_DE_PASSE = 256

# Where a request carries the second factor's code (personnes.second_facteur): the
# form's field, the API's header (as Django's META names it).
CHAMP_CODE = "code_signature"
EN_TETE_CODE = "HTTP_X_CODE_SIGNATURE"

ACTE_ECHEC = "authentification.echec"
ACTE_BLOCAGE = "authentification.blocage"
ACTE_REFUS = "authentification.refus_pendant_blocage"
ACTE_REUSSITE = "authentification.reussite"
ACTE_LEVEE = "authentification.blocage_leve"  # by an administrator (services_securite)
ACTES = (ACTE_ECHEC, ACTE_BLOCAGE, ACTE_REFUS, ACTE_REUSSITE, ACTE_LEVEE)

DUREE_MAXIMALE = datetime.timedelta(days=1)
# A lock older than this (since its end) no longer doubles the next one.
OUBLI = datetime.timedelta(days=1)


def _reglage(nom: str, defaut: int) -> int:
    return int(getattr(settings, nom, defaut))


def seuil(portee: str) -> int:
    if portee == CompteurEchecs.Portee.COMPTE:
        return _reglage("CAISSE_ECHECS_PAR_COMPTE", 5)
    return _reglage("CAISSE_ECHECS_PAR_ADRESSE", 20)


def fenetre() -> datetime.timedelta:
    return datetime.timedelta(minutes=_reglage("CAISSE_FENETRE_ECHECS", 15))


def duree_blocage(niveau: int) -> datetime.timedelta:
    """15 minutes, then 30, 60… at most a day."""
    base = datetime.timedelta(minutes=_reglage("CAISSE_DUREE_BLOCAGE", 15))
    return min(base * 2 ** min(max(niveau - 1, 0), 10), DUREE_MAXIMALE)


class IdentifiantsIncorrects(ApplicationError):
    code = "identifiants_incorrects"
    statut_http = 400
    message_defaut = "Identifiant ou mot de passe incorrect."


class TropDeTentatives(ApplicationError):
    """A login or an address locked after repeated failures (HTTP 429). The
    message says until when, never whether the account exists."""

    code = "trop_de_tentatives"
    statut_http = 429

    def __init__(self, jusqua: datetime.datetime, *, canal: str = CONNEXION):
        maintenant = horloge.maintenant()
        self.jusqua = jusqua
        self.reessayer_dans = max(1, math.ceil((jusqua - maintenant).total_seconds()))
        requete = _REQUETE.get()
        if requete is not None:  # the middleware puts it in Retry-After of a 429
            requete.reessayer_dans = self.reessayer_dans
        super().__init__(
            message_blocage(jusqua, maintenant, canal),
            details={"reessayer_apres": timezone.localtime(jusqua).isoformat(timespec="seconds")},
        )


def message_blocage(
    jusqua: datetime.datetime, maintenant: datetime.datetime, canal: str = CONNEXION
) -> str:
    local = timezone.localtime(jusqua)
    heure = f"{local:%H} h {local:%M}"
    if local.date() != timezone.localtime(maintenant).date():
        heure = f"le {local:%d/%m/%Y} à {heure}"
    minutes = max(1, math.ceil((jusqua - maintenant).total_seconds() / 60))
    delai = f"{minutes} minute" + ("s" if minutes > 1 else "")
    quoi = (
        "la signature par mot de passe est suspendue"
        if canal == SIGNATURE
        else ("la connexion est suspendue")
    )
    return (
        f"Trop de tentatives infructueuses : {quoi} jusqu'à {heure} (dans {delai}). "
        "Réessayez après cette heure ; si vous n'êtes pas à l'origine de ces tentatives, "
        "prévenez l'agent comptable."
    )


# --- The client's address ------------------------------------------------------------


def adresse_client(request) -> str | None:
    """REMOTE_ADDR; behind a reverse proxy, `CAISSE_PROXIES_DE_CONFIANCE = n`
    takes the address the n-th proxy from the right of X-Forwarded-For saw
    (only set it when every request goes through those proxies, which
    overwrite the header: otherwise a client could choose its address)."""
    if request is None:
        return None
    meta = request.META
    proxies = _reglage("CAISSE_PROXIES_DE_CONFIANCE", 0)
    valeur = meta.get("REMOTE_ADDR", "")
    if proxies > 0:
        chaine = [p.strip() for p in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(chaine) >= proxies:
            valeur = chaine[-proxies]
    try:
        return str(ipaddress.ip_address(valeur.strip()))
    except ValueError:
        return None


# --- The request in progress (address, writes that must outlive the act) --------------


@dataclass
class _Requete:
    adresse: str | None
    requete: object = None
    apres: list[Callable[[], None]] = field(default_factory=list)
    reessayer_dans: int | None = None


_REQUETE: contextvars.ContextVar[_Requete | None] = contextvars.ContextVar(
    "personnes_authentification_requete", default=None
)


def adresse_courante() -> str | None:
    requete = _REQUETE.get()
    return requete.adresse if requete is not None else None


def code_courant() -> str | None:
    """The second factor's code the request carries: the form's field
    `code_signature`, or the API's header `X-Code-Signature` (read when a
    signature asks for it, not before)."""
    requete = _REQUETE.get()
    if requete is None or requete.requete is None:
        return None
    meta = getattr(requete.requete, "META", {})
    code = meta.get(EN_TETE_CODE)
    if not code:
        with contextlib.suppress(Exception):  # a body that is not a form
            code = requete.requete.POST.get(CHAMP_CODE)
    return code or None


def hors_de_l_acte(ecriture: Callable[[], None]) -> None:
    """Run `ecriture` where the act's refusal cannot undo it: once the view
    has answered, during a request; at once otherwise (a command, a test
    calling a service: there the act's transaction may still undo it)."""
    requete = _REQUETE.get()
    if requete is None:
        ecriture()
    else:
        requete.apres.append(ecriture)


class ProtectionAuthentification:
    """Middleware: knows the client's address during the request and records,
    after the view, the failures a refused act's transaction rolled back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        requete = _Requete(adresse_client(request), request)
        jeton = _REQUETE.set(requete)
        try:
            reponse = self.get_response(request)
            if (
                reponse.status_code == 429
                and requete.reessayer_dans
                and not reponse.has_header("Retry-After")
            ):
                reponse["Retry-After"] = str(requete.reessayer_dans)
            if reponse.status_code == 401 and not reponse.has_header("WWW-Authenticate"):
                reponse["WWW-Authenticate"] = "Token"  # an API token expired (personnes.api_jeton)
            return reponse
        finally:
            _REQUETE.reset(jeton)
            for ecriture in requete.apres:
                try:
                    ecriture()
                except Exception:  # the database gone: the answer stands, the log says it
                    journal.exception("Échec d'authentification non enregistré")


# --- Counters ----------------------------------------------------------------------------


def cle_compte(identifiant: str) -> str:
    return (identifiant or "").strip().casefold()[:150]


def cle_adresse(adresse: str) -> str:
    """The counter of an address: an IPv4 address itself; an IPv6 address's /64
    network, which one subscriber or one host usually holds whole (counting each
    address would give it 2^64 tries)."""
    try:
        ip = ipaddress.ip_address(adresse)
    except ValueError:
        return adresse[:150]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _cles(identifiant: str, adresse: str | None) -> list[tuple[str, str]]:
    """The counters of an attempt, always in this order (the login's, then the
    address's): concurrent attempts lock them in the same order."""
    cles = []
    if cle_compte(identifiant):
        cles.append((CompteurEchecs.Portee.COMPTE, cle_compte(identifiant)))
    if adresse:
        cles.append((CompteurEchecs.Portee.ADRESSE, cle_adresse(adresse)))
    return cles


def blocage_en_cours(identifiant: str, adresse: str | None) -> datetime.datetime | None:
    """Until when the login or the address is locked, if it is."""
    maintenant = horloge.maintenant()
    fins = [
        c.bloque_jusqua
        for portee, cle in _cles(identifiant, adresse)
        for c in CompteurEchecs.objects.filter(portee=portee, cle=cle, bloque_jusqua__gt=maintenant)
    ]
    return max(fins) if fins else None


def _compteur(portee: str, cle: str) -> CompteurEchecs:
    CompteurEchecs.objects.bulk_create(
        [CompteurEchecs(portee=portee, cle=cle)], ignore_conflicts=True
    )
    return CompteurEchecs.objects.select_for_update().get(portee=portee, cle=cle)


def _objet_audite(identifiant: str, adresse: str | None):
    """The account tried when it exists, otherwise its counter (the audit log
    wants an object)."""
    utilisateur = get_user_model().objects.filter(username=identifiant).first()
    if utilisateur is not None:
        return utilisateur
    portee, cle = _cles(identifiant, adresse)[0]
    CompteurEchecs.objects.bulk_create(
        [CompteurEchecs(portee=portee, cle=cle)], ignore_conflicts=True
    )
    return CompteurEchecs.objects.get(portee=portee, cle=cle)


def _trace(identifiant: str, adresse: str | None, canal: str, **plus) -> dict:
    return {"identifiant": (identifiant or "")[:150], "adresse": adresse, "canal": canal, **plus}


def _compter(compteur: CompteurEchecs, portee: str, maintenant) -> datetime.datetime | None:
    """One more failure on a counter (locked by the caller); returns until when
    it places a lock, if it does (the count then starts again)."""
    if compteur.bloque_jusqua and compteur.bloque_jusqua + OUBLI < maintenant:
        compteur.niveau = 0
    if compteur.debut_fenetre is None or maintenant - compteur.debut_fenetre >= fenetre():
        compteur.echecs, compteur.debut_fenetre = 0, maintenant
    compteur.echecs += 1
    if compteur.echecs < seuil(portee):
        return None
    compteur.niveau += 1
    compteur.bloque_jusqua = maintenant + duree_blocage(compteur.niveau)
    compteur.echecs, compteur.debut_fenetre = 0, None
    return compteur.bloque_jusqua


def _auditer_echec(identifiant, adresse, canal, acteur, blocages) -> None:
    objet = _objet_audite(identifiant, adresse)
    audit(acteur, ACTE_ECHEC, objet, apres=_trace(identifiant, adresse, canal))
    for portee, jusqua, niveau in blocages:
        audit(
            acteur,
            ACTE_BLOCAGE,
            objet,
            apres=_trace(
                identifiant,
                adresse,
                canal,
                portee=str(CompteurEchecs.Portee(portee).label),
                jusqua=jusqua,
                blocage=niveau,
            ),
        )


def enregistrer_echec(
    identifiant: str, adresse: str | None, canal: str, *, acteur=None
) -> datetime.datetime | None:
    """Count a failure against the login and the address; audit it, and the
    lock it places. Returns until when the key is now locked, if it is."""
    if not _cles(identifiant, adresse):
        return None
    maintenant = horloge.maintenant()
    blocages = []
    with transaction.atomic():
        for portee, cle in _cles(identifiant, adresse):
            compteur = _compteur(portee, cle)
            jusqua = _compter(compteur, portee, maintenant)
            if jusqua is not None:
                blocages.append((portee, jusqua, compteur.niveau))
            compteur.save()
        _auditer_echec(identifiant, adresse, canal, acteur, blocages)
    return max((jusqua for _, jusqua, _ in blocages), default=None)


def enregistrer_refus(identifiant: str, adresse: str | None, canal: str, *, acteur=None) -> None:
    """An attempt while locked: audited, not counted (it does not lengthen the lock)."""
    with transaction.atomic():
        audit(
            acteur,
            ACTE_REFUS,
            _objet_audite(identifiant, adresse),
            apres=_trace(identifiant, adresse, canal),
        )


def remettre_a_zero(identifiant: str) -> None:
    """A success clears the login's failures (not its lock level, which decays)."""
    CompteurEchecs.objects.filter(
        portee=CompteurEchecs.Portee.COMPTE, cle=cle_compte(identifiant), echecs__gt=0
    ).update(echecs=0, debut_fenetre=None)


def verrouiller_signature(identifiant: str) -> Callable[[], None]:
    """Wait for any other signing-password check of this login to be over, and
    hold the turn (a session-level advisory lock of PostgreSQL, which the act's
    rollback does not release); returns what gives it back.

    A signature's failure is recorded after its act's refusal, outside its
    transaction (`hors_de_l_acte`): counting it first inside the act would be
    undone by the refusal. So the checks of one login take turns instead: the
    caller gives the turn back at once after a right password, and only after
    recording a wrong one (`hors_de_l_acte(liberer)`, after the failure's
    recording) — the next check reads the count with that failure in it, and
    a burst of guesses cannot pass the limit. Only the login's checks queue (a
    signature's password is tried from a session of that very account)."""
    cle = cle_compte(identifiant)
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT pg_advisory_lock(hashtext('personnes_signature'), hashtext(%s))", [cle]
        )

    def liberer() -> None:
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT pg_advisory_unlock(hashtext('personnes_signature'), hashtext(%s))", [cle]
            )

    return liberer


def refuser_si_bloque(identifiant: str, adresse: str | None, canal: str, *, acteur=None) -> None:
    jusqua = blocage_en_cours(identifiant, adresse)
    if jusqua is not None:
        hors_de_l_acte(lambda: enregistrer_refus(identifiant, adresse, canal, acteur=acteur))
        raise TropDeTentatives(jusqua, canal=canal)


# --- Logging in ------------------------------------------------------------------------


def _compter_d_abord(identifiant: str, adresse: str | None, canal: str):
    """Count the attempt as a failure BEFORE its password is checked, under the
    counters' row locks (login's, then address's): concurrent guesses — gunicorn's
    processes and threads — queue on them, and once the limit is reached the next
    ones are refused however many arrive at once (checking first and counting after
    the slow hash let each round of parallel guesses through). Refused
    (TropDeTentatives) while a key is locked. Returns the locks this attempt
    placed and, for each, the counter as it was (to take back on success)."""
    maintenant = horloge.maintenant()
    blocages, anciens, refus = [], {}, None
    with transaction.atomic():
        compteurs = [(p, _compteur(p, cle)) for p, cle in _cles(identifiant, adresse)]
        fins = [
            c.bloque_jusqua
            for _, c in compteurs
            if c.bloque_jusqua and c.bloque_jusqua > maintenant
        ]
        if fins:
            refus = max(fins)
            objet = _objet_audite(identifiant, adresse)
            audit(None, ACTE_REFUS, objet, apres=_trace(identifiant, adresse, canal))
        for portee, compteur in compteurs if refus is None else ():
            avant = (compteur.echecs, compteur.debut_fenetre, compteur.bloque_jusqua)
            avant += (compteur.niveau,)
            jusqua = _compter(compteur, portee, maintenant)
            if jusqua is not None:
                blocages.append((portee, jusqua, compteur.niveau))
                anciens[portee] = avant
            compteur.save()
    if refus is not None:
        raise TropDeTentatives(refus, canal=canal)
    return blocages, anciens


def _reprendre(identifiant: str, adresse: str | None, anciens: dict) -> None:
    """The right password: the attempt counted first is taken back — the
    login's count cleared (as any success does), the address's one less (a
    success never clears an address's), and a lock this attempt placed lifted
    (the counter as it was before it)."""
    for portee, cle in _cles(identifiant, adresse):
        compteur = CompteurEchecs.objects.select_for_update().filter(portee=portee, cle=cle).first()
        if compteur is None:  # its lock lifted by an administrator meanwhile
            continue
        if portee in anciens:
            (compteur.echecs, compteur.debut_fenetre, compteur.bloque_jusqua, compteur.niveau) = (
                anciens[portee]
            )
        elif compteur.echecs > 0:
            compteur.echecs -= 1
        if portee == CompteurEchecs.Portee.COMPTE:
            compteur.echecs, compteur.debut_fenetre = 0, None
        compteur.save()


def authentifier(request, identifiant: str, mot_de_passe: str, *, canal: str = CONNEXION):
    """The user whose password this is, unless the login or the address is
    locked (TropDeTentatives, 429) or the pair is wrong (IdentifiantsIncorrects,
    the same answer whether the account exists or not). The attempt is counted
    before the password is checked (`_compter_d_abord`), taken back if right."""
    adresse = adresse_client(request)
    blocages, anciens = _compter_d_abord(identifiant, adresse, canal)
    utilisateur = authenticate(request, username=identifiant, password=mot_de_passe)
    if utilisateur is None:
        with transaction.atomic():
            _auditer_echec(identifiant, adresse, canal, None, blocages)
        if blocages:
            raise TropDeTentatives(max(jusqua for _, jusqua, _ in blocages), canal=canal)
        raise IdentifiantsIncorrects()
    with transaction.atomic():
        _reprendre(identifiant, adresse, anciens)
        audit(utilisateur, ACTE_REUSSITE, utilisateur, apres=_trace(identifiant, adresse, canal))
    return utilisateur
