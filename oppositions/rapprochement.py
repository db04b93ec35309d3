"""Which oppositions stop the payment of a creditor's line (circ. 93/82 §2.1.5).

An opposition has effect "avant que la mention de paiement soit portée sur
l'ordre de dépense": so at the payment, every line of the orders paid is read
against every opposition in force that day, on the keys of
`oppositions/identifiants.py` (computed by PostgreSQL on both sides). For a
line and an opposition:

1. the line carries an identifier whose key is the opposition's (the same
   SIRET typed with spaces or dots, another SIRET of the same SIREN, a NIR
   with or without its key): the opposition **applies**;
2. the line carries no identifier: it applies when the creditor's name (in
   its compared form) **and** IBAN are the opposition's; when only one of
   them agrees, the payment of the line is **held** for the agent
   comptable's decision (the name may be a namesake; the account may be the
   creditor's under another name);
3. the line carries another identifier but pays into the IBAN the opposition
   gives for its creditor: **held** as well (the money would reach the
   creditor under another name);
4. otherwise the opposition does not concern the line.

A held line is paid only after the agent comptable decides, for that line
and that opposition, to apply it or to lift the doubt
(`tresorerie.services.opposition_decider`); `rapprocher` reads his decisions.
The same four rules are kept by PostgreSQL on the payments' rows
(`tresorerie/migrations/sql/0005_oppositions_solde.sql`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, CharField, DecimalField, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from core.exceptions import DonneeInvalide
from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO
from oppositions.identifiants import CleIdentifiant, CleNom
from oppositions.models import Opposition

APPLIQUER = "appliquer"
LEVER = "lever"
DECISIONS = {
    APPLIQUER: "appliquer l'opposition à ce paiement",
    LEVER: "lever le doute : payer le créancier",
}
EN_ATTENTE = "en attente de décision de l'agent comptable"


@dataclass(frozen=True)
class Doute:
    """An opposition that may concern the line: why, in French."""

    opposition: Opposition
    motif: str


@dataclass
class Rapprochement:
    """What the oppositions in force do to one creditor's line."""

    appliquees: list[Opposition] = field(default_factory=list)
    doutes: list[Doute] = field(default_factory=list)

    @property
    def en_attente(self) -> bool:
        return bool(self.doutes)


def oppositions_en_vigueur(le: datetime.date) -> list[Opposition]:
    """The oppositions that stop payments on `le`: served on the agent comptable
    on or before that day, not released by then, something of them remaining;
    each with `montant_impute` (what was already paid to the opposing party), in
    order of service. Usually a handful: the matching reads them once per batch."""
    if not isinstance(le, datetime.date) or isinstance(le, datetime.datetime):
        raise DonneeInvalide("La date du paiement doit être une date (jour, mois, année).")
    return list(
        Opposition.objects.filter(signifiee_le__lte=le)
        .filter(Q(mainlevee_le__isnull=True) | Q(mainlevee_le__gt=le))
        .annotate(
            montant_impute=Coalesce(
                Sum("imputations__montant"),
                Value(ZERO),
                output_field=DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES),
            )
        )
        .filter(montant__gt=F("montant_impute"))
        .order_by("signifiee_le", "id")
    )


def annoter_cles(lignes, *, identifiant: str = "identifiant", nom: str = "creancier"):
    """The creditor lines' queryset with `cle` (key of the identifier) and, for
    the lines without an identifier only, `nom_cle` (compared name): the keys
    PostgreSQL computes for the oppositions, by the same functions."""
    cle = CleIdentifiant(identifiant)
    return lignes.annotate(cle=cle).annotate(
        nom_cle=Case(
            When(cle="", then=CleNom(nom)),
            default=Value(""),
            output_field=CharField(),
        )
    )


class Index:
    """The oppositions in force, by key, compared name and creditor's IBAN."""

    def __init__(self, oppositions: list[Opposition]):
        self.oppositions = oppositions
        self.par_cle: dict[str, list[Opposition]] = {}
        self.par_nom: dict[str, list[Opposition]] = {}
        self.par_iban: dict[str, list[Opposition]] = {}
        for o in oppositions:
            self.par_cle.setdefault(o.creancier_cle, []).append(o)
            if o.creancier_nom_cle:
                self.par_nom.setdefault(o.creancier_nom_cle, []).append(o)
            if o.creancier_iban:
                self.par_iban.setdefault(o.creancier_iban, []).append(o)

    def __bool__(self) -> bool:
        return bool(self.oppositions)

    def rapprocher(
        self, *, cle: str, nom_cle: str, iban: str, decisions: dict[int, str] | None = None
    ) -> Rapprochement:
        """Rules 1 to 4 of the module for one line (`cle` and `nom_cle` as
        `annoter_cles` gives them); `decisions` maps an opposition's id to the
        agent comptable's decision for this line (APPLIQUER or LEVER)."""
        decisions = decisions or {}
        resultat = Rapprochement()
        vues: set[int] = set()

        def douter(opposition: Opposition, motif: str) -> None:
            if opposition.pk in vues:
                return
            vues.add(opposition.pk)
            decision = decisions.get(opposition.pk)
            if decision == APPLIQUER:
                resultat.appliquees.append(opposition)
            elif decision != LEVER:
                resultat.doutes.append(Doute(opposition, motif))

        if cle:
            for o in self.par_cle.get(cle, []):
                vues.add(o.pk)
                resultat.appliquees.append(o)
        else:
            for o in self.par_nom.get(nom_cle, []) if nom_cle else []:
                if o.creancier_iban and o.creancier_iban == iban:
                    vues.add(o.pk)
                    resultat.appliquees.append(o)
                else:
                    douter(
                        o,
                        f"le créancier porte le nom de celui de l'opposition n° {o.pk} "
                        f"({o.creancier_nom}) mais l'ordre ne donne pas son identifiant",
                    )
        for o in self.par_iban.get(iban, []) if iban else []:
            douter(
                o,
                f"le paiement va sur le compte du créancier visé par l'opposition n° {o.pk} "
                f"({o.creancier_nom}), sous un autre nom ou un autre identifiant",
            )
        resultat.appliquees.sort(key=lambda o: (o.signifiee_le, o.pk))
        return resultat


def rapprocher_sans_decision(lignes, *, le: datetime.date) -> list[tuple[object, Rapprochement]]:
    """Each creditor line of `lignes` (a queryset) read against the oppositions
    in force on `le`, before any decision of the agent comptable: what the
    controls at visa and the réquisition tell of the payment to come. One query
    when no opposition is in force, two otherwise."""
    index = Index(oppositions_en_vigueur(le))
    if not index:
        return []
    return [
        (ligne, index.rapprocher(cle=ligne.cle, nom_cle=ligne.nom_cle, iban=ligne.iban))
        for ligne in annoter_cles(lignes)
    ]
