"""The comptes annuels of an exercise (circ. 93/82 §IV): bilan, compte de
résultat and annexe, computed from the balance of the exercise through the
dated mapping of accounts to rubrics.

The source is the balance après inventaire frozen for the exercise (the
latest, ledger `BalanceFigee`) when there is one, else the live balance
générale; the documents say which. The N−1 column reads the previous
exercise the same way.

Amounts: an actif rubric is the accounts' debit balance less their credit
balance (amortissements 28x and dépréciations 49x come net); a passif rubric
the credit less the debit; charges debit less credit; produits credit less
debit. The passif carries, besides the accounts of class 1 (among them the
result once posted to 120 / 129), the result not yet posted: classes 7 − 6 of
the same balance. So actif = passif holds whenever the balance does, and the
result of the compte de résultat equals classes 7 − 6 (both are checked).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from comptes_annuels.creances import CreancesParAge, creances_par_age
from comptes_annuels.models import CompteFinancier, Correspondance, Rubrique
from core.money import ZERO
from inventaire import selectors as inventaire_selectors
from ledger import balances_figees
from ledger.models import BalanceFigee, Exercice
from ledger.selectors import balance_generale

CLASSES_BILAN = (1, 2, 3, 4, 5)


@dataclass
class Source:
    """The balance the statements are computed from, and how to say it."""

    exercice: Exercice
    lignes: list  # rows with numero, libelle, classe and the six amount columns
    description: str
    figee: bool


def source(exercice: Exercice) -> Source:
    figee = (
        BalanceFigee.objects.filter(exercice=exercice, nature=BalanceFigee.Nature.APRES_INVENTAIRE)
        .order_by("-figee_le", "-id")
        .first()
    )
    if figee is not None:
        return Source(
            exercice,
            balances_figees.lignes_de(figee),
            f"Balance après inventaire {exercice.annee} figée le "
            f"{balances_figees._local(figee.figee_le):%d/%m/%Y à %H:%M} "
            f"(empreinte {figee.empreinte[:16]}…)",
            True,
        )
    balance = balance_generale(exercice=exercice)
    return Source(
        exercice,
        balance.lignes,
        f"Balance générale {exercice.annee} en cours (aucune balance après inventaire "
        "n'est figée) : chiffres provisoires",
        False,
    )


def correspondances_en_vigueur(le: datetime.date) -> dict[str, Correspondance]:
    """Per prefix, the row in force on `le` (the latest `valable_du` not after it)."""
    en_vigueur: dict[str, Correspondance] = {}
    for c in (
        Correspondance.objects.filter(valable_du__lte=le)
        .select_related("rubrique", "fixee_par")
        .order_by("prefixe", "valable_du", "id")
    ):
        en_vigueur[c.prefixe] = c
    return en_vigueur


def rubrique_de(numero: str, correspondances: dict[str, Correspondance]) -> Rubrique | None:
    """The rubric of an account: its longest prefix in the mapping."""
    for longueur in range(len(numero), 0, -1):
        c = correspondances.get(numero[:longueur])
        if c is not None:
            return c.rubrique
    return None


def _solde(ligne) -> Decimal:
    """Debit balance less credit balance."""
    return ligne.solde_debit - ligne.solde_credit


def _signe(rubrique: Rubrique) -> int:
    return 1 if rubrique.etat in (Rubrique.Etat.ACTIF, Rubrique.Etat.CHARGES) else -1


@dataclass
class Poste:
    code: str
    libelle: str
    gestion: str = ""
    n: Decimal = ZERO
    n1: Decimal = ZERO
    comptes: list[str] = field(default_factory=list)

    @property
    def gestion_libelle(self) -> str:
        return Rubrique.Gestion(self.gestion).label if self.gestion else ""


@dataclass
class Montants:
    """One exercise's amounts per rubric code, the result (7 − 6) and the
    accounts left out of the mapping."""

    par_rubrique: dict[str, Decimal]
    comptes: dict[str, list[str]]
    resultat_classes: Decimal
    non_rattaches: list[str]


def _montants(src: Source) -> Montants:
    correspondances = correspondances_en_vigueur(src.exercice.fin)
    par_rubrique: dict[str, Decimal] = {}
    comptes: dict[str, list[str]] = {}
    non_rattaches = []
    resultat = ZERO
    for ligne in src.lignes:
        if ligne.classe in (6, 7):
            resultat -= _solde(ligne)
        if ligne.classe not in (*CLASSES_BILAN, 6, 7):
            continue
        rubrique = rubrique_de(ligne.numero, correspondances)
        attendus = (
            (Rubrique.Etat.ACTIF, Rubrique.Etat.PASSIF)
            if ligne.classe in CLASSES_BILAN
            else (Rubrique.Etat.CHARGES, Rubrique.Etat.PRODUITS)
        )
        if rubrique is None or rubrique.etat not in attendus:
            if _solde(ligne):
                non_rattaches.append(ligne.numero)
            continue
        par_rubrique[rubrique.code] = par_rubrique.get(rubrique.code, ZERO) + _signe(
            rubrique
        ) * _solde(ligne)
        comptes.setdefault(rubrique.code, []).append(ligne.numero)
    return Montants(par_rubrique, comptes, resultat, non_rattaches)


@dataclass
class Etat:
    """A statement in two columns, N and N−1."""

    exercice: Exercice
    precedent: Exercice | None
    source: str
    source_precedent: str
    provisoire: bool
    gauche: list[Poste]
    droite: list[Poste]
    total_gauche: Poste
    total_droite: Poste
    resultat: Poste
    resultat_classes: Poste
    non_rattaches: list[str]

    @property
    def equilibre(self) -> bool:
        return (
            self.total_gauche.n == self.total_droite.n
            and self.total_gauche.n1 == self.total_droite.n1
            and not self.non_rattaches
        )


def _deux_exercices(exercice: Exercice):
    precedent = Exercice.objects.filter(annee=exercice.annee - 1).first()
    src = source(exercice)
    src1 = source(precedent) if precedent is not None else None
    m = _montants(src)
    m1 = _montants(src1) if src1 is not None else Montants({}, {}, ZERO, [])
    return precedent, src, src1, m, m1


def _postes(etat: str, m: Montants, m1: Montants) -> list[Poste]:
    return [
        Poste(
            r.code,
            r.libelle,
            r.gestion,
            m.par_rubrique.get(r.code, ZERO),
            m1.par_rubrique.get(r.code, ZERO),
            m.comptes.get(r.code, []),
        )
        for r in Rubrique.objects.filter(etat=etat).order_by("ordre", "code")
    ]


def _total(libelle: str, postes: list[Poste]) -> Poste:
    return Poste(
        "", libelle, "", sum((p.n for p in postes), ZERO), sum((p.n1 for p in postes), ZERO)
    )


def _etat(exercice, precedent, src, src1, m, m1, gauche, droite, libelles) -> Etat:
    resultat = Poste("", "Résultat de l'exercice", "", m.resultat_classes, m1.resultat_classes)
    return Etat(
        exercice=exercice,
        precedent=precedent,
        source=src.description,
        source_precedent=src1.description if src1 else "Pas d'exercice précédent.",
        provisoire=not src.figee,
        gauche=gauche,
        droite=droite,
        total_gauche=_total(libelles[0], gauche),
        total_droite=_total(libelles[1], droite),
        resultat=resultat,
        resultat_classes=Poste("", "Classes 7 − 6", "", m.resultat_classes, m1.resultat_classes),
        non_rattaches=sorted(set(m.non_rattaches) | set(m1.non_rattaches)),
    )


def bilan(exercice: Exercice) -> Etat:
    """Actif and passif, N and N−1; the passif closes on the result not yet
    posted (classes 7 − 6)."""
    precedent, src, src1, m, m1 = _deux_exercices(exercice)
    actif = _postes(Rubrique.Etat.ACTIF, m, m1)
    passif = _postes(Rubrique.Etat.PASSIF, m, m1)
    passif.append(
        Poste(
            "R",
            "Résultat de l'exercice en instance d'affectation (classes 7 − 6)",
            "",
            m.resultat_classes,
            m1.resultat_classes,
        )
    )
    return _etat(
        exercice, precedent, src, src1, m, m1, actif, passif, ("Total actif", "Total passif")
    )


def compte_de_resultat(exercice: Exercice) -> Etat:
    """Charges and produits by gestion, N and N−1; résultat = produits − charges."""
    precedent, src, src1, m, m1 = _deux_exercices(exercice)
    charges = _postes(Rubrique.Etat.CHARGES, m, m1)
    produits = _postes(Rubrique.Etat.PRODUITS, m, m1)
    etat = _etat(
        exercice,
        precedent,
        src,
        src1,
        m,
        m1,
        charges,
        produits,
        ("Total des charges", "Total des produits"),
    )
    etat.resultat = Poste(
        "",
        "Résultat de l'exercice (produits − charges)",
        "",
        etat.total_droite.n - etat.total_gauche.n,
        etat.total_droite.n1 - etat.total_gauche.n1,
    )
    return etat


def resultat_verifie(etat: Etat) -> bool:
    """Produits − charges equals classes 7 − 6, in both columns."""
    return (
        etat.resultat.n == etat.resultat_classes.n
        and etat.resultat.n1 == etat.resultat_classes.n1
        and not etat.non_rattaches
    )


# --- Annexe -------------------------------------------------------------------

REGLES_ET_METHODES = [
    "Les comptes annuels comprennent le bilan, le compte de résultat de l'exercice "
    "et l'annexe (circulaire 93/82 §IV).",
    "Ils sont établis à partir de la balance après inventaire de l'exercice "
    "(circulaire 93/82 §3.2) ; tant qu'elle n'est pas figée, la balance générale en "
    "cours est utilisée et les chiffres sont provisoires.",
    "Comptabilité en partie double, opérations enregistrées pour leur montant brut ; "
    "les corrections sont des écritures nouvelles.",
    "Rattachement à l'exercice : produits à recevoir (D253-17-2), charges à payer "
    "(D253-19-2), contrepassés à l'ouverture de l'exercice suivant.",
    "Créances douteuses transférées au compte 416 (D253-17-3) ; dépréciations des "
    "créances au compte 491, appréciées débiteur par débiteur ou forfaitairement "
    "(D253-17-4) ; provisions pour risques et charges au compte 151 (D253-19-3).",
    "Les immobilisations et les créances figurent au bilan pour leur valeur nette "
    "des amortissements et dépréciations.",
    "Les créances sont classées par ancienneté au 31 décembre, de la date de prise en "
    "charge de l'ordre de recette ; les dotations aux provisions (comptes 68) et leurs "
    "reprises (comptes 78) sont présentées séparément.",
    "Chaque compte est rattaché à une rubrique par la correspondance en vigueur au "
    "31 décembre de l'exercice (préfixe le plus long), fixée par l'agent comptable.",
]


@dataclass
class Mouvement:
    numero: str
    libelle: str
    ouverture: Decimal
    dotations: Decimal
    reprises: Decimal
    cloture: Decimal


@dataclass
class DotationReprise:
    """An account of dotations (68x) or reprises (78x) and its balance in N."""

    numero: str
    libelle: str
    montant: Decimal


@dataclass
class Annexe:
    exercice: Exercice
    source: str
    regles: list[str]
    provisions: list[Mouvement]
    engagements: list[Mouvement]
    etats: list
    creances: CreancesParAge | None = None
    dotations: list[DotationReprise] = field(default_factory=list)
    reprises: list[DotationReprise] = field(default_factory=list)

    @property
    def total_dotations(self) -> Decimal:
        return sum((d.montant for d in self.dotations), ZERO)

    @property
    def total_reprises(self) -> Decimal:
        return sum((r.montant for r in self.reprises), ZERO)


def _provision(numero: str) -> bool:
    return numero.startswith(("15", "49"))


def annexe(exercice: Exercice) -> Annexe:
    """Rules and methods; the claims at 31 December by age, with the créances
    douteuses (416) and their dépréciations (491) beside them
    (`comptes_annuels.creances`); provisions and their movements (15x, 49x:
    opening, dotations as credits, reprises as debits, closing, credit
    balances) and, distinctly, the dotations (68x) and reprises (78x) of the
    compte de résultat; off-balance commitments (class 8) and the inventory
    états of the exercise."""
    src = source(exercice)
    provisions, engagements, dotations, reprises = [], [], [], []
    for ligne in src.lignes:
        if ligne.numero.startswith("68") and _solde(ligne):
            dotations.append(DotationReprise(ligne.numero, ligne.libelle, _solde(ligne)))
        elif ligne.numero.startswith("78") and _solde(ligne):
            reprises.append(DotationReprise(ligne.numero, ligne.libelle, -_solde(ligne)))
        if _provision(ligne.numero):
            provisions.append(
                Mouvement(
                    ligne.numero,
                    ligne.libelle,
                    ligne.ouverture_credit - ligne.ouverture_debit,
                    ligne.mouvement_credit,
                    ligne.mouvement_debit,
                    ligne.solde_credit - ligne.solde_debit,
                )
            )
        elif ligne.classe == 8:
            engagements.append(
                Mouvement(
                    ligne.numero,
                    ligne.libelle,
                    ligne.ouverture_debit - ligne.ouverture_credit,
                    ligne.mouvement_debit,
                    ligne.mouvement_credit,
                    _solde(ligne),
                )
            )
    etats = list(inventaire_selectors.etats(exercice))
    return Annexe(
        exercice,
        src.description,
        REGLES_ET_METHODES,
        provisions,
        engagements,
        etats,
        creances=creances_par_age(exercice, src.lignes),
        dotations=dotations,
        reprises=reprises,
    )


def compte_financier_de(exercice: Exercice) -> CompteFinancier | None:
    """The compte financier established for `exercice`, or None."""
    return (
        CompteFinancier.objects.select_related("exercice", "balance", "etabli_par")
        .filter(exercice=exercice)
        .first()
    )


def correspondances_page(le: datetime.date) -> list[tuple[Rubrique, list[Correspondance]]]:
    """Each rubric with the prefixes sent to it on `le`."""
    en_vigueur = correspondances_en_vigueur(le)
    par_rubrique: dict[int, list[Correspondance]] = {}
    for c in en_vigueur.values():
        par_rubrique.setdefault(c.rubrique_id, []).append(c)
    return [(r, par_rubrique.get(r.pk, [])) for r in Rubrique.objects.all()]


def historique(prefixe: str = "") -> list[Correspondance]:
    filtre = Q(prefixe=prefixe) if prefixe else Q()
    return list(
        Correspondance.objects.filter(filtre)
        .select_related("rubrique", "fixee_par")
        .order_by("-valable_du", "prefixe")
    )
