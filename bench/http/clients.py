"""Benchmark http: the 16 people, each a thread speaking HTTP/1.1 to the server.

Each person logs in through the login page (session, CSRF cookie) and, for
the API, takes a token (`POST /api/jeton/`), before the clock starts. Then,
until the deadline, a loop: one request of the role's mix, then a think time
drawn uniformly in [`pense_min`, `pense_max`] seconds (0 for the closed loop).

Acts are safe to send twice, and the benchmark does: every API act carries an
`Idempotency-Key`, every parapheur form its one-time token; a connection lost
before the answer is retried once with the same key or token, and one act in
`REJEU` is deliberately sent again after its answer (type « rejeu … »): the
database counts after the run prove that no act was applied twice.
"""

from __future__ import annotations

import collections
import http.client
import json
import random
import re
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

REJEU = 0.1  # share of the acts sent a second time on purpose
LOT_SIGNATURE = 5  # orders signed at once in the parapheur
LOT_PAIEMENT = 5  # orders paid in one batch
INACTIVITE_MAX = 1.5  # s: past this, a new connection (gunicorn's keepalive is 2 s)

RE_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RE_JETON = re.compile(r'name="jeton_formulaire" value="([^"]+)"')


class Reserve:
    """A thread-safe pool of order ids waiting for one act."""

    def __init__(self, ids=()):
        self._ids = collections.deque(ids)
        self._verrou = threading.Lock()

    def prendre(self, n: int = 1) -> list[int]:
        with self._verrou:
            if len(self._ids) < n:
                return []
            return [self._ids.popleft() for _ in range(n)]

    def ajouter(self, ids) -> None:
        with self._verrou:
            self._ids.extend(ids)

    def __len__(self) -> int:
        return len(self._ids)


@dataclass
class Mesures:
    """Durations (s) and failures by request type, shared by the threads."""

    durees: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    erreurs: dict[str, int] = field(default_factory=lambda: collections.Counter())
    exemples: dict[str, str] = field(default_factory=dict)
    reprises: int = 0
    actes_reussis: dict[str, int] = field(default_factory=lambda: collections.Counter())
    verrou: threading.Lock = field(default_factory=threading.Lock)

    def noter(self, genre: str, duree: float, erreur: str | None) -> None:
        with self.verrou:
            self.durees[genre].append(duree)
            if erreur:
                self.erreurs[genre] += 1
                self.exemples.setdefault(genre, erreur[:300])


class Client:
    """One person's browser and API client: cookies, CSRF token, API token."""

    def __init__(self, port: int, login: str, mot_de_passe: str, mesures: Mesures):
        self.port, self.login, self.mot_de_passe, self.mesures = port, login, mot_de_passe, mesures
        self.cookies: dict[str, str] = {}
        self.jeton_api = ""
        self.connexion: http.client.HTTPConnection | None = None
        self.dernier = 0.0  # when the connection last answered

    def _envoyer(self, methode, chemin, corps=None, entetes=None):
        entetes = dict(entetes or {})
        entetes["Host"] = "127.0.0.1"
        # The API client speaks with its token only (a session cookie would ask for CSRF).
        if self.cookies and "Authorization" not in entetes:
            entetes["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.connexion is not None and time.monotonic() - self.dernier > INACTIVITE_MAX:
            # gunicorn closes a connection idle for 2 s (keepalive): a browser would
            # open a new one rather than write into a closing socket.
            self.connexion.close()
            self.connexion = None
        for essai in (1, 2):
            try:
                if self.connexion is None:
                    self.connexion = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                self.connexion.request(methode, chemin, body=corps, headers=entetes)
                reponse = self.connexion.getresponse()
                contenu = reponse.read()
                self.dernier = time.monotonic()
                break
            except (http.client.HTTPException, OSError):
                # gunicorn closed the idle connection (keep-alive) or it broke: reconnect
                # and send the same request again (same idempotency key or one-time token).
                self.connexion.close()
                self.connexion = None
                if essai == 2:
                    raise
                with self.mesures.verrou:
                    self.mesures.reprises += 1
        for valeur in reponse.headers.get_all("Set-Cookie") or []:
            nom, _, reste = valeur.partition("=")
            self.cookies[nom.strip()] = reste.split(";", 1)[0]
        return reponse.status, contenu, reponse

    def requete(self, genre, methode, chemin, corps=None, entetes=None, attendu=(200,)):
        debut = time.perf_counter()
        erreur = None
        try:
            statut, contenu, reponse = self._envoyer(methode, chemin, corps, entetes)
            if statut not in attendu:
                erreur = f"{statut} {chemin} {contenu[:200]!r}"
        except Exception as exc:  # noqa: BLE001 (every failure is counted, none stops the run)
            statut, contenu, erreur = 0, b"", f"{type(exc).__name__}: {exc}"
        self.mesures.noter(genre, time.perf_counter() - debut, erreur)
        return statut, contenu

    # --- Before the clock -------------------------------------------------------

    def se_connecter(self, api: bool) -> None:
        statut, page, _ = self._envoyer("GET", "/connexion/")
        csrf = RE_CSRF.search(page.decode()).group(1)
        corps = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": csrf, "username": self.login, "password": self.mot_de_passe}
        )
        statut, _, _ = self._envoyer(
            "POST",
            "/connexion/",
            corps,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        if statut != 302:
            raise RuntimeError(f"connexion de {self.login} refusée ({statut})")
        if api:
            statut, contenu, _ = self._envoyer(
                "POST",
                "/api/jeton/",
                json.dumps({"username": self.login, "password": self.mot_de_passe}),
                {"Content-Type": "application/json"},
            )
            self.jeton_api = json.loads(contenu)["token"]

    # --- Acts -------------------------------------------------------------------

    def acte_api(self, genre, chemin, donnees, attendu=(200, 201)) -> bool:
        entetes = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": f"Token {self.jeton_api}",
            "Idempotency-Key": uuid.uuid4().hex,
        }
        corps = json.dumps(donnees)
        statut, contenu = self.requete(genre, "POST", chemin, corps, entetes, attendu)
        if statut in attendu and random.random() < REJEU:
            # The same act again, same key: the stored answer, nothing applied twice.
            rejeu, contenu2 = self.requete(
                f"rejeu {genre}", "POST", chemin, corps, entetes, attendu
            )
            if rejeu == statut and contenu2 != contenu:
                self.mesures.noter(f"rejeu {genre}", 0.0, "réponse différente au rejeu")
        if statut in attendu:
            with self.mesures.verrou:
                self.mesures.actes_reussis[genre] += 1
        return statut in attendu

    def lire_api(self, genre, chemin) -> tuple[int, bytes]:
        entetes = {"Accept": "application/json", "Authorization": f"Token {self.jeton_api}"}
        return self.requete(genre, "GET", chemin, entetes=entetes)

    def lire_page(self, genre, chemin, attendu=(200,)) -> tuple[int, bytes]:
        return self.requete(genre, "GET", chemin, attendu=attendu)

    def signer_parapheur(self, ids: list[int], page: bytes) -> bool:
        texte = page.decode("utf-8", "replace")
        csrf, jeton = RE_CSRF.search(texte), RE_JETON.search(texte)
        if not csrf or not jeton:
            self.mesures.noter("signer un lot (parapheur)", 0.0, "formulaire sans jetons")
            return False
        champs = [
            ("csrfmiddlewaretoken", csrf.group(1)),
            ("jeton_formulaire", jeton.group(1)),
            ("mot_de_passe", self.mot_de_passe),
            ("transmettre", "1"),
            *[("ordres_depense", str(pk)) for pk in ids],
        ]
        corps = urllib.parse.urlencode(champs)
        entetes = {"Content-Type": "application/x-www-form-urlencoded"}
        genre = "signer un lot (parapheur)"
        statut, _ = self.requete(genre, "POST", "/recettes/parapheur/", corps, entetes, (302,))
        if statut == 302 and random.random() < REJEU:
            # The form sent again (back and resubmit): the one-time token refuses it.
            self.requete(f"rejeu {genre}", "POST", "/recettes/parapheur/", corps, entetes, (302,))
        if statut == 302:
            with self.mesures.verrou:
                self.mesures.actes_reussis[genre] += 1
        return statut == 302
