"""Progress of long operations (the year-end over millions of lines), seen
from outside while they run.

An operation announces its steps and advances::

    with progression("Clôture de l'exercice 2025", etapes=["résultat", "à-nouveaux"],
                     utilisateur=comptable, droit="exercice.resultat",
                     cible="exercice:2025") as p:
        p.etape("résultat")
        p.avance(1_000, total=5_000)

or, for a service, the decorator `suivie` around its `transaction.atomic`,
and the module functions `etape` / `avance`, which report to the progression
under way in this thread (and do nothing when there is none).

**Visible from outside the operation's transaction.** A closing runs in one
transaction: what it writes is seen by nobody before its COMMIT. The progress
rows (`core_progression`, migration 0005) are therefore written through a
second database connection, opened for the operation on the same settings
(`connections.create_connection`), in autocommit: each step is committed at
once and read by any other session (the progress page, another terminal).
The operation's own connection records in the row its backend pid and, when
it runs inside a transaction, the instant that transaction began (`now()`);
the reader compares them with `pg_stat_activity`, so an operation whose
process died or whose transaction rolled back without saying so shows as
*interrompue* instead of running for ever. The end of an operation inside a
transaction is recorded by `transaction.on_commit`: « terminée » means
committed; meanwhile its last step is « enregistrement (COMMIT) ». A refusal
or an error is recorded at once, with its French message, whatever the
transaction then does. Writing progress never breaks the operation: a
failure to write is logged and the progression goes on silently.

Listeners (`ecouter`) receive every event in the operating thread: the
management commands print each step with its count and elapsed time.
Durations are measured on the monotonic clock; the dates shown come from
`core.horloge`.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from core import horloge

journal = logging.getLogger(__name__)

EN_COURS, TERMINEE, ECHOUEE, INTERROMPUE = "en_cours", "terminee", "echouee", "interrompue"
LIBELLES_ETATS = {
    EN_COURS: "en cours",
    TERMINEE: "terminée",
    ECHOUEE: "échouée",
    INTERROMPUE: "interrompue",
}
ETAPE_COMMIT = "enregistrement (COMMIT)"
# Between two writes of `avance` (steps and the end are always written).
INTERVALLE_ECRITURE = 0.5

Ecouteur = Callable[[str, "Progression", "Etape | None"], None]
_courante: ContextVar[Progression | None] = ContextVar("progression_courante", default=None)
_ecouteurs: ContextVar[tuple[Ecouteur, ...]] = ContextVar("progression_ecouteurs", default=())


def duree_lisible(secondes: float | None) -> str:
    """`0,04 s`, `12,3 s`, `2 min 05 s`."""
    if secondes is None:
        return "—"
    if secondes < 60:
        texte = f"{secondes:.2f}" if secondes < 10 else f"{secondes:.1f}"
        return f"{texte.replace('.', ',')} s"
    minutes, reste = divmod(round(secondes), 60)
    return f"{minutes} min {reste:02d} s"


def nombre_lisible(valeur: int) -> str:
    return f"{valeur:,}".replace(",", "\u202f")


@dataclass
class Etape:
    nom: str
    fait: int = 0
    total: int | None = None
    unite: str = ""
    duree: float | None = None  # seconds, once finished
    commencee: bool = False
    _debut: float = 0.0

    @property
    def finie(self) -> bool:
        return self.duree is not None

    @property
    def compte(self) -> str:
        """`12 345 / 50 000 lignes`, `135 comptes`, or empty."""
        if not self.fait and self.total is None:
            return ""
        texte = nombre_lisible(self.fait)
        if self.total is not None and self.total != self.fait:
            texte += f" / {nombre_lisible(self.total)}"
        return f"{texte} {self.unite}".strip()

    def en_json(self) -> dict[str, Any]:
        etat = "faite" if self.finie else ("en_cours" if self.commencee else "a_venir")
        return {
            "nom": self.nom,
            "fait": self.fait,
            "total": self.total,
            "unite": self.unite,
            "duree": self.duree,
            "etat": etat,
        }


class _Ecrivain:
    """The autocommit connection of one progression, opened when first needed."""

    def __init__(self) -> None:
        self.connexion = None
        self.en_panne = False

    def executer(self, sql: str, parametres: Sequence) -> tuple | None:
        if self.en_panne:
            return None
        try:
            if self.connexion is None:
                self.connexion = connections.create_connection(DEFAULT_DB_ALIAS)
            with self.connexion.cursor() as curseur:
                curseur.execute(sql, parametres)
                return curseur.fetchone() if curseur.description else None
        except Exception:  # progress must never break the operation
            journal.exception("Progression : écriture impossible, suivi abandonné.")
            self.en_panne = True
            self.fermer()
            return None

    def fermer(self) -> None:
        if self.connexion is not None:
            with contextlib.suppress(Exception):
                self.connexion.close()
            self.connexion = None


@dataclass
class Progression:
    """One operation under way; `etape` and `avance` record it."""

    libelle: str
    etapes: list[Etape]
    utilisateur_id: int | None = None
    droit: str = ""
    cible: str = ""
    id: int | None = None
    message: str = ""
    _debut: float = field(default_factory=time.monotonic)
    _ecrite: float = 0.0
    _ecrivain: _Ecrivain = field(default_factory=_Ecrivain)

    @property
    def duree(self) -> float:
        return time.monotonic() - self._debut

    @property
    def courante(self) -> Etape | None:
        for etape in self.etapes:
            if etape.commencee and not etape.finie:
                return etape
        return None

    def etape(self, nom: str, *, total: int | None = None, unite: str = "") -> Etape:
        """Finish the step under way and begin `nom` (announced or new)."""
        self._finir_courante()
        etape = next((e for e in self.etapes if e.nom == nom and not e.commencee), None)
        if etape is None:
            etape = Etape(nom)
            self.etapes.append(etape)
        etape.commencee, etape._debut = True, time.monotonic()
        etape.total, etape.unite = total, unite or etape.unite
        self._ecrire()
        self._signaler("etape", etape)
        return etape

    def avance(self, fait: int, total: int | None = None, *, unite: str = "") -> None:
        """The step under way has done `fait` (of `total`) of its work."""
        etape = self.courante or self.etape(self.libelle)
        etape.fait = fait
        if total is not None:
            etape.total = total
        if unite:
            etape.unite = unite
        if time.monotonic() - self._ecrite >= INTERVALLE_ECRITURE:
            self._ecrire()
        self._signaler("avance", etape)

    def conclure(self, texte: str) -> None:
        """What the operation produced (an entry, a balance), shown once it is done."""
        self.message = texte

    # --- recording --------------------------------------------------------------

    def _finir_courante(self) -> None:
        etape = self.courante
        if etape is not None:
            etape.duree = time.monotonic() - etape._debut
            if etape.total is not None and not etape.fait:
                etape.fait = etape.total
            self._signaler("etape_finie", etape)

    def _etapes_json(self) -> str:
        return json.dumps([e.en_json() for e in self.etapes], ensure_ascii=False)

    def _commencer(self) -> None:
        pid, debut_transaction = _pid_et_transaction()
        ligne = self._ecrivain.executer(
            "INSERT INTO core_progression (libelle, cible, droit, utilisateur_id, pid,"
            " transaction_debut, etapes, debut) VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb, %s)"
            " RETURNING id",
            [
                self.libelle[:500],
                self.cible,
                self.droit,
                self.utilisateur_id,
                pid,
                debut_transaction,
                self._etapes_json(),
                horloge.maintenant(),
            ],
        )
        self.id = ligne[0] if ligne else None
        self._ecrite = time.monotonic()
        self._signaler("debut", None)

    def _ecrire(self) -> None:
        if self.id is None:
            return
        self._ecrivain.executer(
            "UPDATE core_progression SET etapes = %s::jsonb, duree = %s WHERE id = %s",
            [self._etapes_json(), self.duree, self.id],
        )
        self._ecrite = time.monotonic()

    def _terminer(self, etat: str, message: str = "") -> None:
        self.message = message or self.message
        if self.id is not None:
            self._ecrivain.executer(
                "UPDATE core_progression SET etat = %s, message = %s, etapes = %s::jsonb,"
                " duree = %s, fin = %s WHERE id = %s",
                [
                    etat,
                    self.message,
                    self._etapes_json(),
                    self.duree,
                    horloge.maintenant(),
                    self.id,
                ],
            )
        self._ecrivain.fermer()
        self._signaler("fin" if etat == TERMINEE else "echec", None)

    def _signaler(self, evenement: str, etape: Etape | None) -> None:
        for ecouteur in _ecouteurs.get():
            ecouteur(evenement, self, etape)


class _Section:
    """A progression opened inside another: its steps go to the outer one,
    named after it."""

    def __init__(self, parent: Progression, libelle: str) -> None:
        self.parent, self.libelle = parent, libelle

    def etape(self, nom: str, *, total: int | None = None, unite: str = "") -> Etape:
        return self.parent.etape(f"{self.libelle} : {nom}", total=total, unite=unite)

    def avance(self, fait: int, total: int | None = None, *, unite: str = "") -> None:
        self.parent.avance(fait, total, unite=unite)

    def conclure(self, texte: str) -> None:
        self.parent.conclure(" ".join(filter(None, [self.parent.message, texte])))


def _pid_et_transaction():
    """The operation's backend and, inside a transaction, when it began."""
    try:
        with connection.cursor() as curseur:
            curseur.execute("SELECT pg_backend_pid(), now()")
            pid, debut = curseur.fetchone()
    except Exception:  # the operation will meet the same error itself
        return None, None
    return pid, (debut if connection.in_atomic_block else None)


def message_d_erreur(erreur: BaseException) -> str:
    """The French message of a refusal, or a plain statement of an error."""
    message = getattr(erreur, "message", None)
    if isinstance(message, str) and message:
        return message
    return f"Erreur inattendue ({type(erreur).__name__}) : l'opération est annulée."


@contextlib.contextmanager
def progression(
    libelle: str,
    *,
    etapes: Sequence[str] = (),
    utilisateur=None,
    droit: str = "",
    cible: str = "",
) -> Iterator[Progression | _Section]:
    """Record the operation `libelle` and its steps while it runs (see the module)."""
    parent = _courante.get()
    if parent is not None:
        yield _Section(parent, libelle)
        return
    suivi = Progression(
        libelle,
        [Etape(nom) for nom in etapes],
        utilisateur_id=getattr(utilisateur, "pk", None),
        droit=droit,
        cible=cible,
    )
    suivi._commencer()
    jeton = _courante.set(suivi)
    try:
        yield suivi
    except BaseException as erreur:
        suivi._finir_courante()
        suivi._terminer(ECHOUEE, message_d_erreur(erreur))
        raise
    finally:
        _courante.reset(jeton)
    suivi._finir_courante()
    if connection.in_atomic_block:
        suivi.etape(ETAPE_COMMIT)
        transaction.on_commit(lambda: _apres_commit(suivi), robust=True)
        suivi._ecrivain.fermer()
    else:
        suivi._terminer(TERMINEE)


def _apres_commit(suivi: Progression) -> None:
    suivi._finir_courante()
    suivi._terminer(TERMINEE)


def suivie(
    libelle: Callable[..., str],
    *,
    etapes: Sequence[str] = (),
    droit: str = "",
    cible: Callable[..., str] | None = None,
):
    """Decorator of a service (keyword arguments, `acting_user`): its calls are
    progressions named `libelle(**kwargs)`. Put it above `transaction.atomic`,
    so that the end is recorded once committed."""

    def decorer(fonction):
        @functools.wraps(fonction)
        def enveloppe(*args, **kwargs):
            with progression(
                libelle(**kwargs),
                etapes=etapes,
                utilisateur=kwargs.get("acting_user"),
                droit=droit,
                cible=cible(**kwargs) if cible else "",
            ):
                return fonction(*args, **kwargs)

        return enveloppe

    return decorer


def courante() -> Progression | _Section | None:
    return _courante.get()


def etape(nom: str, *, total: int | None = None, unite: str = "") -> None:
    """Begin a step of the progression under way, if any."""
    suivi = _courante.get()
    if suivi is not None:
        suivi.etape(nom, total=total, unite=unite)


def avance(fait: int, total: int | None = None, *, unite: str = "") -> None:
    suivi = _courante.get()
    if suivi is not None:
        suivi.avance(fait, total, unite=unite)


def conclure(texte: str) -> None:
    """Record what the operation under way produced, if any is under way."""
    suivi = _courante.get()
    if suivi is not None:
        suivi.conclure(texte)


@contextlib.contextmanager
def ecouter(ecouteur: Ecouteur) -> Iterator[None]:
    """Call `ecouteur(evenement, progression, etape)` for every event of the
    progressions run meanwhile in this thread: `debut`, `etape` (a step
    begins), `avance`, `etape_finie`, `fin`, `echec`."""
    jeton = _ecouteurs.set((*_ecouteurs.get(), ecouteur))
    try:
        yield
    finally:
        _ecouteurs.reset(jeton)


# --- reading ---------------------------------------------------------------------


@dataclass
class Operation:
    """A progression as another session reads it."""

    id: int
    libelle: str
    cible: str
    droit: str
    utilisateur_id: int | None
    etat: str
    etapes: list[dict]
    message: str
    debut: Any
    duree: float | None
    fin: Any

    @property
    def en_cours(self) -> bool:
        return self.etat == EN_COURS

    @property
    def libelle_etat(self) -> str:
        return LIBELLES_ETATS[self.etat]

    @property
    def duree_lisible(self) -> str:
        return duree_lisible(self.duree)

    @property
    def etapes_lues(self) -> list[dict]:
        """The steps with their count and duration worded for a page."""
        lues = []
        for brute in self.etapes:
            etape = Etape(
                brute["nom"], brute.get("fait") or 0, brute.get("total"), brute.get("unite", "")
            )
            lues.append(
                {
                    **brute,
                    "compte": etape.compte,
                    "duree_lisible": duree_lisible(brute.get("duree")),
                    "libelle_etat": {
                        "faite": "faite",
                        "en_cours": "en cours",
                        "a_venir": "à venir",
                    }[brute.get("etat", "a_venir")],
                }
            )
        return lues


_LIRE = """
SELECT p.id, p.libelle, p.cible, p.droit, p.utilisateur_id,
       CASE WHEN p.etat = 'en_cours' AND p.pid IS NOT NULL AND NOT EXISTS (
                 SELECT 1 FROM pg_stat_activity a
                  WHERE a.pid = p.pid
                    AND (p.transaction_debut IS NULL OR a.xact_start = p.transaction_debut))
            THEN 'interrompue' ELSE p.etat END,
       p.etapes, p.message, p.debut, p.duree, p.fin
  FROM core_progression p
 WHERE ({filtre})
 ORDER BY p.id DESC
 LIMIT %s
"""


def operations(
    *, cible: str | None = None, ids: Sequence[int] | None = None, limite: int = 20
) -> list[Operation]:
    """The latest progressions (of `cible`, or those of `ids`), newest first.
    An operation en cours whose backend has gone, or whose transaction ended
    without recording its end, reads as interrompue."""
    filtres, parametres = ["TRUE"], []
    if cible is not None:
        filtres.append("p.cible = %s")
        parametres.append(cible)
    if ids is not None:
        filtres.append("p.id = ANY(%s)")
        parametres.append(list(ids))
    with connection.cursor() as curseur:
        curseur.execute(_LIRE.format(filtre=" AND ".join(filtres)), [*parametres, limite])
        lignes = curseur.fetchall()
    return [
        Operation(
            ident,
            libelle,
            cible_,
            droit,
            utilisateur,
            etat,
            etapes if isinstance(etapes, list) else json.loads(etapes),
            message,
            debut,
            duree,
            fin,
        )
        for ident, libelle, cible_, droit, utilisateur, etat, etapes, message, debut, duree, fin in lignes
    ]
