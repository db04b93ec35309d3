"""Reads of the dated regulatory settings and rules.

Other apps call `rattachement` to know which exercise an ordre de recette or
de dépense belongs to and until when it may still be issued for that
exercise (`Rattachement.limite_emission_de` applies the same délai to
another exercise: an order issued after the période complémentaire of its
own goes to the current exercise, `ordres.services.exercice_emission`);
`parametre`, `seuil_d133_2`, `titre_agent_comptable` and
`regime_organisme` give the value of a setting on a given day. Nothing here
branches on a date: the rows of `Parametre` and `RegleRattachement` carry the
periods and the articles (see `reglementation/models.py`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db.models import Q

from core.exceptions import DonneeInvalide
from core.saisie import DATE_MAX, DATE_MIN, verifier_date
from reglementation.donnees import PLANCHER
from reglementation.models import CODES_CRITERES, Parametre, RegleRattachement

NATURES_RECETTE: list[tuple[str, str]] = [
    ("cotisation", "cotisation"),
    ("majoration", "majoration de retard"),
    ("penalite", "pénalité"),
    ("vente", "vente d'immeuble"),
    ("loyer", "loyer"),
    ("travaux_fournitures", "travaux ou fournitures"),
    ("interets", "intérêts en faveur de l'organisme"),
    ("condamnation", "condamnation prononcée en faveur de la caisse"),
    ("recuperation_indu", "récupération de sommes indûment réglées"),
    ("autre", "autre recette"),
]

NATURES_DEPENSE: list[tuple[str, str]] = [
    ("prestation", "prestation (gestion technique)"),
    ("fournitures", "fournitures"),
    ("travaux", "travaux"),
    ("loyer", "loyer"),
    ("interets", "intérêts à la charge de l'organisme"),
    ("subvention", "subvention à une collectivité ou œuvre étrangère à la caisse"),
    ("transaction", "dette ayant fait l'objet d'une transaction"),
    ("condamnation", "condamnation prononcée contre la caisse"),
    ("restitution", "restitution de sommes indûment portées en recettes"),
    ("acquisition_immeuble", "acquisition d'immeuble"),
    ("autre", "autre dépense des gestions budgétaires"),
]

CRITERES: dict[str, str] = {
    "droits_acquis": "date d'acquisition des droits",
    "encaissement": "date d'encaissement",
    "liquidation": "date de liquidation",
    "contrat": "date du contrat",
    "veille_echeance": "veille de l'échéance",
    "reception": "date de réception",
    "decision": "date de la décision de justice définitive",
    "reglement": "date de règlement des sommes indûment réglées",
    "paiement": "date de paiement",
    "service_fait": "date du service fait ou de l'ouverture des droits",
    "deliberation": "date fixée par la délibération du conseil d'administration",
    "transaction": "date de la transaction",
}

# The key of `dates` each criterion reads, and how a message names that date.
DATE_DU_CRITERE: dict[str, str] = {code: code for code in CODES_CRITERES} | {
    "veille_echeance": "echeance"
}
NOMS_DES_DATES: dict[str, str] = {
    "droits_acquis": "La date d'acquisition des droits",
    "encaissement": "La date d'encaissement",
    "liquidation": "La date de liquidation",
    "contrat": "La date du contrat",
    "echeance": "La date d'échéance",
    "reception": "La date de réception",
    "decision": "La date de la décision de justice définitive",
    "reglement": "La date de règlement des sommes indûment réglées",
    "paiement": "La date de paiement",
    "service_fait": "La date du service fait ou de l'ouverture des droits",
    "deliberation": "La date fixée par la délibération du conseil d'administration",
    "transaction": "La date de la transaction",
}

REGIMES: dict[str, str] = {
    "general": "organismes visés à l'article D253-1",
    "autre": "autres organismes",
}

_NATURES = {"recette": dict(NATURES_RECETTE), "depense": dict(NATURES_DEPENSE)}
_SENS = {"recette": "recette", "depense": "dépense"}


@dataclass(frozen=True)
class Rattachement:
    annee: int  # the exercise
    date_critere: datetime.date
    limite_emission: datetime.date  # last day the order may still be issued for that exercise
    article: str
    critere: str  # code
    critere_libelle: str  # French, e.g. "date d'acquisition des droits"
    libelle: str  # the rule's explanation
    regle_id: int
    delai_jours: int | None = None  # the rule's délai, to apply it to another exercise
    delai_mois: int | None = None

    def limite_emission_de(self, annee: int) -> datetime.date:
        """The end of exercise `annee`'s période complémentaire under the same rule
        (for an order issued late, which goes to the current exercise)."""
        return fin_periode_complementaire(annee, jours=self.delai_jours, mois=self.delai_mois)


def _en_vigueur(le: datetime.date) -> Q:
    return Q(debut__lte=le) & (Q(fin__isnull=True) | Q(fin__gte=le))


def _date_fr(jour: datetime.date) -> str:
    return jour.strftime("%d/%m/%Y")


def parametre(cle: str, le: datetime.date) -> str:
    """The value of setting `cle` in force on `le`; DonneeInvalide if there is none."""
    valeur = (
        Parametre.objects.filter(_en_vigueur(le), cle=cle).values_list("valeur", flat=True).first()
    )
    if valeur is None:
        raise DonneeInvalide(
            f"Aucune valeur du paramètre réglementaire « {cle} » n'est en vigueur le "
            f"{_date_fr(le)}.",
            details={"cle": cle, "le": le.isoformat()},
        )
    return valeur


def regime_organisme(le: datetime.date) -> str:
    """`general` for a fund listed in D253-1 (the demo fund is a CPAM), else `autre`."""
    regime = parametre("regime_organisme", le)
    if regime not in REGIMES:
        raise DonneeInvalide(
            f"Le régime de l'organisme en vigueur le {_date_fr(le)} est inconnu : « {regime} ».",
            details={"regime": regime},
        )
    return regime


def seuil_d133_2(le: datetime.date) -> Decimal:
    """The amount under which an overpaid benefit may be left unrecovered and a small
    arrear deferred to the end of the exercise (D133-2: 100 F, i.e. 15.24 EUR)."""
    valeur = parametre("seuil_d133_2", le)
    try:
        return Decimal(valeur)
    except InvalidOperation as exc:
        raise DonneeInvalide(
            f"Le seuil de l'article D133-2 en vigueur le {_date_fr(le)} n'est pas un montant : "
            f"« {valeur} »."
        ) from exc


def titre_agent_comptable(le: datetime.date) -> str:
    """« agent comptable », then « directeur comptable et financier » from 1 January 2023
    (décret n° 2022-1283 du 30 septembre 2022, art. 4)."""
    return parametre("titre_agent_comptable", le)


def fin_periode_complementaire(
    annee: int, *, jours: int | None = None, mois: int | None = None
) -> datetime.date:
    """31 December of the exercise plus the rule's delay (D253-17 al. 2: "dix jours",
    D253-17-1: "deux mois", "un mois"): n months end on the last day of the n-th month."""
    if not DATE_MIN.year <= annee <= DATE_MAX.year:
        raise DonneeInvalide(
            f"L'exercice {annee} est hors des années admises ({DATE_MIN.year} à {DATE_MAX.year})."
        )
    if mois:
        annee_fin, mois_fin = annee + 1 + mois // 12, mois % 12 + 1
        return datetime.date(annee_fin, mois_fin, 1) - datetime.timedelta(days=1)
    return datetime.date(annee, 12, 31) + datetime.timedelta(days=jours or 0)


def _fin_periode_complementaire(annee: int, regle: RegleRattachement) -> datetime.date:
    return fin_periode_complementaire(annee, jours=regle.delai_jours, mois=regle.delai_mois)


def regle_applicable(
    *, sens: str, nature: str, date_fait: datetime.date, regime: str
) -> RegleRattachement:
    """The rule in force on `date_fait` for this direction, nature and kind of fund."""
    if sens not in _NATURES:
        raise DonneeInvalide(
            f"Le sens « {sens} » est inconnu : une opération est une recette ou une dépense.",
            details={"sens": sens},
        )
    if nature not in _NATURES[sens]:
        raise DonneeInvalide(
            f"La nature « {nature} » n'est pas une nature de {_SENS[sens]} connue.",
            details={"sens": sens, "nature": nature},
        )
    if regime not in REGIMES:
        raise DonneeInvalide(
            f"Le régime « {regime} » est inconnu : « general » (organismes visés à l'article "
            "D253-1) ou « autre ».",
            details={"regime": regime},
        )
    # The EXCLUDE constraint guarantees at most one row here.
    regle = (
        RegleRattachement.objects.filter(
            _en_vigueur(date_fait), sens=sens, nature=nature, regime__in=[regime, "tous"]
        )
        .order_by("-debut")
        .first()
    )
    if regle is None:
        raise DonneeInvalide(
            f"Aucune règle de rattachement à l'exercice n'est en vigueur le "
            f"{_date_fr(date_fait)} pour une {_SENS[sens]} de nature "
            f"« {_NATURES[sens][nature]} » ({REGIMES[regime]}).",
            details={"sens": sens, "nature": nature, "regime": regime},
        )
    return regle


def rattachement(
    *,
    sens: str,
    nature: str,
    date_fait: datetime.date,
    dates: dict[str, datetime.date | None],
    regime: str | None = None,
) -> Rattachement:
    """Which exercise an order belongs to, and the last day it may be issued for it.

    The rule is the one in force on `date_fait`, the date of the generating fact
    (seed 002: D253-17 to D253-19-1 before and after 22 March 1997; circ. 93/82
    §2.0.7, §2.1.7). `dates` holds the dates known on the order, keyed by
    criterion code (`echeance` for `veille_echeance`); the one the rule needs
    must be there.
    """
    # A far date (9999-12-31) would overflow the delay's arithmetic: refused first.
    verifier_date(date_fait, "La date du fait générateur")
    for cle, valeur in dates.items():
        if isinstance(valeur, datetime.date):
            verifier_date(valeur, NOMS_DES_DATES.get(cle, "La date"))
    if regime is None:
        regime = regime_organisme(date_fait)
    regle = regle_applicable(sens=sens, nature=nature, date_fait=date_fait, regime=regime)
    cle = DATE_DU_CRITERE[regle.critere]
    jour = dates.get(cle)
    if jour is None:
        raise DonneeInvalide(
            f"{NOMS_DES_DATES[cle]} est nécessaire : pour une {_SENS[sens]} de nature "
            f"« {_NATURES[sens][nature]} », l'exercice est déterminé par la "
            f"{CRITERES[regle.critere]} — {regle.article}.",
            details={"date_manquante": cle, "regle_id": regle.pk, "article": regle.article},
        )
    if isinstance(jour, datetime.datetime):
        jour = jour.date()
    if regle.critere == "veille_echeance":
        jour = jour - datetime.timedelta(days=1)
    return Rattachement(
        annee=jour.year,
        date_critere=jour,
        limite_emission=_fin_periode_complementaire(jour.year, regle),
        article=regle.article,
        critere=regle.critere,
        critere_libelle=CRITERES[regle.critere],
        libelle=regle.libelle,
        regle_id=regle.pk,
        delai_jours=regle.delai_jours,
        delai_mois=regle.delai_mois,
    )


# Reads for the auditors' page.


@dataclass(frozen=True)
class LigneRegle:
    """A rule as the auditors' page shows it, every code turned into French."""

    regle_id: int
    sens: str
    nature: str
    regime: str
    debut: datetime.date
    debut_connu: bool  # False on the conventional floor of the oldest rows
    fin: datetime.date | None
    critere: str
    delai: str
    article: str
    libelle: str


@dataclass(frozen=True)
class LigneParametre:
    cle: str
    valeur: str
    debut: datetime.date
    debut_connu: bool
    fin: datetime.date | None
    article: str
    libelle: str


_REGIMES_PAGE = dict(RegleRattachement.Regime.choices)


def _ligne_regle(regle: RegleRattachement) -> LigneRegle:
    return LigneRegle(
        regle_id=regle.pk,
        sens=_SENS.get(regle.sens, regle.sens),
        nature=_NATURES.get(regle.sens, {}).get(regle.nature, regle.nature),
        regime=_REGIMES_PAGE.get(regle.regime, regle.regime),
        debut=regle.debut,
        debut_connu=regle.debut != PLANCHER,
        fin=regle.fin,
        critere=CRITERES.get(regle.critere, regle.critere),
        delai=regle.delai_libelle,
        article=regle.article,
        libelle=regle.libelle,
    )


def _ligne_parametre(p: Parametre) -> LigneParametre:
    return LigneParametre(
        cle=p.cle,
        valeur=p.valeur,
        debut=p.debut,
        debut_connu=p.debut != PLANCHER,
        fin=p.fin,
        article=p.article,
        libelle=p.libelle,
    )


_ORDRE_SENS = ["recette", "depense"]
_ORDRE_NATURES = {
    sens: [code for code, _ in natures]
    for sens, natures in (("recette", NATURES_RECETTE), ("depense", NATURES_DEPENSE))
}
_ORDRE_REGIMES = ["general", "autre", "tous"]


def _ordre(regle: RegleRattachement) -> tuple:
    """Recettes then dépenses, natures in the order of the lists above, then regime, date."""

    def rang(liste: list[str], code: str) -> int:
        return liste.index(code) if code in liste else len(liste)

    return (
        rang(_ORDRE_SENS, regle.sens),
        rang(_ORDRE_NATURES.get(regle.sens, []), regle.nature),
        regle.nature,
        rang(_ORDRE_REGIMES, regle.regime),
        regle.debut,
    )


def regles_en_vigueur(le: datetime.date) -> list[LigneRegle]:
    """The rules in force on `le`, one per direction, nature and kind of fund."""
    regles = RegleRattachement.objects.filter(_en_vigueur(le))
    return [_ligne_regle(r) for r in sorted(regles, key=_ordre)]


def regles_toutes_versions() -> list[LigneRegle]:
    """Every version of every rule, oldest first within each question."""
    return [_ligne_regle(r) for r in sorted(RegleRattachement.objects.all(), key=_ordre)]


def parametres_en_vigueur(le: datetime.date) -> list[LigneParametre]:
    return [_ligne_parametre(p) for p in Parametre.objects.filter(_en_vigueur(le)).order_by("cle")]


def parametres_toutes_versions() -> list[LigneParametre]:
    return [_ligne_parametre(p) for p in Parametre.objects.order_by("cle", "debut")]
