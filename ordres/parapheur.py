"""The ordonnateur's parapheur: every kind of order that awaits his signature.

Ordres de recette and ordres de dépense sit side by side in the layers and
never import each other; yet the directeur signs both from one page, with one
password entry. Each app that issues orders therefore registers its kind
(a `Rubrique`, its section of the parapheur) here, in its `AppConfig.ready`;
the parapheur lists and signs the kinds registered, without knowing them.

`parapheur_signer` is the one service of the parapheur. Each signature and
each transmission is the app's own service, each in its own transaction: an
order signed stays signed even when its transmission is refused (the
ordonnateur's signature is an act of his will that a later refusal must not
silently undo; the order then waits, signed, on the parapheur), and one order
refused never stops the others. Every order gets its result with the French
message: nothing reaches the person as an error page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, transaction

from core.exceptions import ApplicationError, DonneeInvalide, erreur_base


@dataclass(frozen=True)
class Rubrique:
    """A kind of order on the parapheur.

    - `cle`: its name in the parapheur's form (the checkboxes' name);
    - `nom` / `pluriel`: « Ordre » / « ordre(s) », « Ordre de dépense » /
      « ordre(s) de dépense », for the messages;
    - `a_signer()`: the drafts to sign (a queryset, for the page);
    - `signer_lot(acting_user, ordres, mot_de_passe)`: the app's service
      signing after one password entry, each order on its own; returns
      `(signed, [(order, refusal message)])` and raises on a wrong password;
    - `transmettre(acting_user, ordre)`: the app's service sending one signed
      order to the agent comptable;
    - `gabarit`: the template of its section on the parapheur page;
    - `rang`: its place on the page;
    - `a_afficher()`: the drafts as the page shows them, when lighter than
      `a_signer()` (only the columns its table prints); `a_signer()` otherwise.
    """

    cle: str
    nom: str
    pluriel: str
    a_signer: Callable[[], Any]
    signer_lot: Callable[..., tuple[list, list[tuple[Any, str]]]]
    transmettre: Callable[..., Any]
    gabarit: str
    rang: int = 0
    contexte: Callable[[], dict] = field(default=dict)
    a_afficher: Callable[[], Any] | None = None

    def brouillons_affiches(self):
        """The drafts of the page (`a_afficher`, else `a_signer`)."""
        return (self.a_afficher or self.a_signer)()


_SORTES: dict[str, Rubrique] = {}


def inscrire(rubrique: Rubrique) -> Rubrique:
    """Register a kind of order (from its app's `ready`); registering it again replaces it."""
    _SORTES[rubrique.cle] = rubrique
    return rubrique


def rubriques() -> list[Rubrique]:
    return sorted(_SORTES.values(), key=lambda s: (s.rang, s.cle))


@dataclass
class Issue:
    """What became of one order of the selection."""

    rubrique: Rubrique
    ordre: Any
    signe: bool = False
    transmis: bool = False
    message: str = ""


@dataclass
class ResultatParapheur:
    issues: list[Issue] = field(default_factory=list)

    def signes(self, rubrique: Rubrique) -> list:
        return [i.ordre for i in self.issues if i.rubrique == rubrique and i.signe]

    def transmis(self, rubrique: Rubrique) -> list:
        return [i.ordre for i in self.issues if i.rubrique == rubrique and i.transmis]

    def refus(self) -> list[Issue]:
        return [i for i in self.issues if i.message]


def _message(exc: Exception) -> str:
    if isinstance(exc, ApplicationError):
        return exc.message
    traduite = erreur_base(exc)
    if traduite is None:
        raise exc
    return traduite.message


def parapheur_signer(
    *,
    acting_user,
    mot_de_passe: str,
    selection: dict[str, Iterable],
    transmettre: bool = False,
) -> ResultatParapheur:
    """Sign the selected drafts of each kind after one password entry, then,
    if asked, send each signed order to the agent comptable.

    `selection` maps a kind's `cle` to the orders chosen (drafts only are
    taken; the others are ignored, as a page sent twice). A wrong password
    refuses the whole selection (raised, nothing signed); any other refusal is
    the order's own result."""
    par_rubrique = [
        (rubrique, list(rubrique.a_signer().filter(pk__in=[getattr(o, "pk", o) for o in choisis])))
        for rubrique in rubriques()
        if (choisis := list(selection.get(rubrique.cle) or []))
    ]
    if not any(ordres for _, ordres in par_rubrique):
        raise DonneeInvalide("Cochez au moins un ordre à signer.")
    resultat = ResultatParapheur()
    for rubrique, ordres in par_rubrique:
        if not ordres:
            continue
        try:
            signes, refus = rubrique.signer_lot(
                acting_user=acting_user, ordres=ordres, mot_de_passe=mot_de_passe
            )
        except DatabaseError as exc:
            # A database refusal the app's service let through: the orders it
            # signed before stay signed (each in its own savepoint); those still
            # drafts get the database's French refusal.
            message = _message(exc)
            brouillons = set(
                rubrique.a_signer()
                .filter(pk__in=[o.pk for o in ordres])
                .values_list("pk", flat=True)
            )
            signes = [o for o in ordres if o.pk not in brouillons]
            refus = [(o, message) for o in ordres if o.pk in brouillons]
        for ordre, motif in refus:
            resultat.issues.append(Issue(rubrique, ordre, message=motif))
        for ordre in signes:
            issue = Issue(rubrique, ordre, signe=True)
            resultat.issues.append(issue)
            if not transmettre:
                continue
            try:
                with transaction.atomic():
                    rubrique.transmettre(acting_user=acting_user, ordre=ordre)
                issue.transmis = True
            except (ApplicationError, DatabaseError) as exc:
                issue.message = _message(exc)
    return resultat
