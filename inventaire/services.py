"""The inventory's acts: each one by the agent comptable, while exercise N is in
its période complémentaire, posted on the inventory journal (IN) dated
31 December N and justified by a numbered état he signs (D253-17-2,
D253-17-3, D253-17-4, D253-19-2, D253-19-3; DOMAIN §9 for the accounts);
and the reversal, in N+1 dated 1 January, of the produits à recevoir and
charges à payer of N.

Each act is one transaction: the état and its items, the entry, the audit
row. PostgreSQL numbers the états without a gap and freezes them
(migration 0002)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import DatabaseError, connection, transaction

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    ExerciceInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import ZERO, format_euros, montant
from core.verrous import partager
from inventaire import selectors
from inventaire.contrepassation import inventaire_contrepasser  # the reversal, one of these acts
from inventaire.models import ArticleEtat, EtatInventaire
from inventaire.revue import Revue, articles_de_revue
from ledger.models import Compte, Exercice
from ledger.services import LigneSaisie, ecriture_passer
from personnes.permissions import exiger_comptable
from personnes.signature import verifier_mot_de_passe
from reglementation.selectors import titre_agent_comptable

Nature = EtatInventaire.Nature
Methode = EtatInventaire.Methode
JOURNAL = "IN"
CENTIME = Decimal("0.01")
# The texts of a signed état, bounded as in its form, its API and the database
# (CHECK etat_textes_bornes).
LONGUEUR_TEXTE = 4000


@dataclass(frozen=True)
class Article:
    """An item as typed: what it is, its amount, and by kind its account
    (the produit, the debtor's 411x account, the charge), its debtor or
    creditor, its counterpart (408 or 4286), its base and rate (forfaitaire)."""

    libelle: str
    montant: Decimal | str | None = None
    compte: str = ""
    tiers: str = ""
    contrepartie: str = ""
    base: Decimal | str | None = None
    taux: Decimal | str | None = None


def _comptes(numeros) -> dict[str, Compte]:
    return {c.numero: c for c in Compte.objects.filter(numero__in=set(numeros))}


def _compte_de(numero: str, comptes: dict, *, prefixes: tuple[str, ...], quoi: str, rang: int):
    compte = comptes.get(numero)
    if not numero or not numero.startswith(prefixes):
        raise DonneeInvalide(
            f"Article {rang} : {quoi} doit être un compte {' ou '.join(prefixes)}…, non « {numero} »."
        )
    if compte is None or not compte.imputable:
        raise DonneeInvalide(
            f"Article {rang} : le compte {numero} n'existe pas au plan comptable ou n'est pas imputable."
        )
    return compte


def _exiger_periode(acting_user, exercice: Exercice, acte: str) -> Exercice:
    exiger_comptable(acting_user, horloge.aujourdhui(), acte, code="inventaire.etat_etablir")
    # The closure and the reversal (FOR UPDATE) wait for the acts in flight.
    partager(Exercice, exercice.pk)
    exercice = Exercice.objects.get(pk=exercice.pk)
    if exercice.etat != Exercice.Etat.COMPLEMENTAIRE:
        raise ExerciceInvalide(
            f"L'exercice {exercice.annee} est {exercice.get_etat_display()} : les opérations "
            "d'inventaire se passent pendant sa période complémentaire, datées du "
            f"31/12/{exercice.annee} (circulaire 93/82 §2.0.7, §2.1.7)."
        )
    return exercice


def _empreinte(contenu: dict) -> str:
    texte = json.dumps(contenu, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()


def _etablir(
    *,
    acting_user,
    exercice: Exercice,
    nature: str,
    methode: str,
    explication: str,
    fondement: str,
    articles: list[ArticleEtat],
    mot_de_passe: str,
) -> EtatInventaire:
    """Sign the état, post its entry (one line per item on each side), audit."""
    if not (explication or "").strip():
        raise DonneeInvalide("L'état doit exposer la méthode d'évaluation retenue.")
    if len(explication) > LONGUEUR_TEXTE or len(fondement or "") > LONGUEUR_TEXTE:
        raise DonneeInvalide(
            "La méthode d'évaluation et la population de référence ou les données historiques "
            "tiennent chacune en 4 000 caractères au plus."
        )
    postes = [a for a in articles if not a.pour_memoire]
    if not postes:
        raise DonneeInvalide("L'état ne porte aucun article à comptabiliser.")
    verifier_mot_de_passe(acting_user, mot_de_passe)
    if nature in selectors.A_CONTREPASSER and selectors.contrepassation(exercice) is not None:
        raise TransitionInterdite(
            f"Les produits à recevoir et charges à payer de l'exercice {exercice.annee} ont déjà "
            f"été contrepassés à l'ouverture de l'exercice {exercice.annee + 1} : "
            "un nouvel état ne serait pas repris."
        )
    article = selectors.ARTICLES[nature]
    libelle_nature = Nature(nature).label
    total = sum((a.montant for a in postes), ZERO)
    maintenant = horloge.maintenant()
    with connection.cursor() as curseur:
        # The lock the numbering trigger takes: the next number is read under it.
        curseur.execute(
            "SELECT pg_advisory_xact_lock(hashtext('inventaire_etat'), %s::integer)", [exercice.pk]
        )
    dernier = EtatInventaire.objects.filter(exercice=exercice).order_by("-numero").first()
    numero = (dernier.numero if dernier else 0) + 1
    contenu = {
        "exercice": exercice.annee,
        "numero": numero,
        "nature": nature,
        "methode": methode,
        "explication": explication,
        "fondement": fondement,
        "articles": [
            [
                a.libelle,
                a.tiers,
                a.compte_debit,
                a.compte_credit,
                a.base,
                a.taux,
                a.montant,
                a.pour_memoire,
                *((a.compte_provision, a.precedent, a.nouveau) if a.precedent is not None else ()),
            ]
            for a in articles
        ],
        "signataire": acting_user.pk,
        "le": maintenant.isoformat(),
    }
    reference = f"{exercice.annee}-{numero:03d}"
    lignes = [
        LigneSaisie(a.compte_debit, debit=a.montant, tiers=a.tiers, libelle=a.libelle[:255])
        for a in postes
    ]
    lignes += [
        LigneSaisie(a.compte_credit, credit=a.montant, tiers=a.tiers, libelle=a.libelle[:255])
        for a in postes
    ]
    try:
        with transaction.atomic():
            ecriture = ecriture_passer(
                acting_user=acting_user,
                exercice=exercice,
                journal=JOURNAL,
                date=exercice.fin,
                libelle=f"Inventaire {exercice.annee} : {libelle_nature} ({article}), "
                f"état n° {reference}",
                lignes=lignes,
                piece=f"etat_inventaire:{reference}",
            )
            etat = EtatInventaire.objects.create(
                exercice=exercice,
                numero=numero,
                nature=nature,
                methode=methode,
                explication=explication.strip(),
                fondement=(fondement or "").strip(),
                total=total,
                ecriture=ecriture,
                etabli_par=acting_user,
                etabli_le=maintenant,
                qualite=_qualite(),
                empreinte=_empreinte(contenu),
            )
            for rang, a in enumerate(articles, start=1):
                a.etat, a.rang = etat, rang
            ArticleEtat.objects.bulk_create(articles)
    except DatabaseError as exc:
        relever_erreur_base(exc)
    audit(
        acting_user,
        f"inventaire.{nature}",
        etat,
        apres={
            "reference": reference,
            "article": article,
            "total": total,
            "ecriture": f"{JOURNAL}-{ecriture.numero}",
            "empreinte": etat.empreinte,
        },
    )
    return etat


def _qualite() -> str:
    try:
        return titre_agent_comptable(horloge.aujourdhui())
    except Exception:  # noqa: BLE001 - a missing rule must not stop the act
        return "agent comptable"


def _montant(valeur, rang: int) -> Decimal:
    return montant(valeur, libelle=f"Article {rang} : le montant")


def _libelle(a: Article, rang: int) -> str:
    libelle = (a.libelle or "").strip()
    if not libelle:
        raise DonneeInvalide(f"Article {rang} : indiquez ce qu'il recouvre.")
    return libelle[:255]


@transaction.atomic
def produits_a_recevoir_constater(
    *,
    acting_user,
    exercice: Exercice,
    explication: str,
    articles: Sequence[Article],
    mot_de_passe: str,
) -> EtatInventaire:
    """D253-17-2: cotisations of N whose evidence has not come in are posted as
    produits à recevoir, 418 / 7xx, on a forfaitaire evaluation the état
    justifies."""
    exercice = _exiger_periode(acting_user, exercice, "constater des produits à recevoir")
    comptes = _comptes(a.compte for a in articles)
    lignes = []
    for rang, a in enumerate(articles, start=1):
        produit = _compte_de(a.compte, comptes, prefixes=("7",), quoi="le produit", rang=rang)
        lignes.append(
            ArticleEtat(
                libelle=_libelle(a, rang),
                tiers=a.tiers[:120],
                compte_debit="418",
                compte_credit=produit.numero,
                montant=_montant(a.montant, rang),
            )
        )
    return _etablir(
        acting_user=acting_user,
        exercice=exercice,
        nature=Nature.PRODUITS_A_RECEVOIR,
        methode=Methode.FORFAITAIRE,
        explication=explication,
        fondement="",
        articles=lignes,
        mot_de_passe=mot_de_passe,
    )


@transaction.atomic
def creances_douteuses_transferer(
    *,
    acting_user,
    exercice: Exercice,
    explication: str,
    articles: Sequence[Article],
    mot_de_passe: str,
) -> EtatInventaire:
    """D253-17-3: a cotisant's claim whose recovery appears uncertain is
    transferred from his account (411x) to the cotisants douteux (416), debtor
    by debtor, up to what he still owes."""
    exercice = _exiger_periode(acting_user, exercice, "transférer des créances douteuses")
    comptes = _comptes(a.compte for a in articles)
    lignes, vus = [], {}
    for rang, a in enumerate(articles, start=1):
        compte = _compte_de(
            a.compte, comptes, prefixes=("411",), quoi="le compte du cotisant", rang=rang
        )
        tiers = (a.tiers or "").strip()[:120]
        if not tiers:
            raise DonneeInvalide(
                f"Article {rang} : nommez le cotisant dont la créance est douteuse."
            )
        somme = _montant(a.montant, rang)
        cle = (compte.numero, tiers)
        vus[cle] = vus.get(cle, ZERO) + somme
        reste = selectors.reste_du(exercice, *cle)
        if vus[cle] > reste:
            raise DonneeInvalide(
                f"Article {rang} : {tiers} ne doit plus que {format_euros(reste)} au compte "
                f"{compte.numero} ; on ne transfère en créance douteuse que ce qui reste à "
                "recouvrer (D253-17-3)."
            )
        lignes.append(
            ArticleEtat(
                libelle=_libelle(a, rang),
                tiers=tiers,
                compte_debit="416",
                compte_credit=compte.numero,
                montant=somme,
            )
        )
    return _etablir(
        acting_user=acting_user,
        exercice=exercice,
        nature=Nature.CREANCES_DOUTEUSES,
        methode=Methode.INDIVIDUELLE,
        explication=explication,
        fondement="",
        articles=lignes,
        mot_de_passe=mot_de_passe,
    )


@transaction.atomic
def provisions_depreciation_constituer(
    *,
    acting_user,
    exercice: Exercice,
    methode: str,
    explication: str,
    articles: Sequence[Article],
    mot_de_passe: str,
    population: str = "",
) -> EtatInventaire:
    """D253-17-4: a provision for depreciation, 6817 / 491, assessed debtor by
    debtor, or forfaitaire: per age of the claims, a rate applied to a base,
    the reference population of claims of the same nature stated on the état."""
    exercice = _exiger_periode(acting_user, exercice, "constituer des provisions pour dépréciation")
    lignes = []
    if methode == Methode.FORFAITAIRE:
        if not (population or "").strip():
            raise DonneeInvalide(
                "Une estimation forfaitaire retient comme référence des créances et des situations "
                "de même nature : décrivez cette population sur l'état (D253-17-4)."
            )
        for rang, a in enumerate(articles, start=1):
            base = montant(a.base, libelle=f"Article {rang} : les créances de référence")
            taux = montant(a.taux, libelle=f"Article {rang} : le taux")
            if taux > 100:
                raise DonneeInvalide(f"Article {rang} : un taux de provision ne dépasse pas 100 %.")
            somme = (base * taux / 100).quantize(CENTIME, rounding=ROUND_HALF_UP)
            lignes.append(
                ArticleEtat(
                    libelle=_libelle(a, rang),
                    compte_debit="6817",
                    compte_credit="491",
                    base=base,
                    taux=taux,
                    montant=somme,
                )
            )
    elif methode == Methode.INDIVIDUELLE:
        for rang, a in enumerate(articles, start=1):
            tiers = (a.tiers or "").strip()[:120]
            if not tiers:
                raise DonneeInvalide(
                    f"Article {rang} : nommez le débiteur dont la créance se déprécie."
                )
            lignes.append(
                ArticleEtat(
                    libelle=_libelle(a, rang),
                    tiers=tiers,
                    compte_debit="6817",
                    compte_credit="491",
                    montant=_montant(a.montant, rang),
                )
            )
    else:
        raise DonneeInvalide("La méthode est soit individuelle, soit forfaitaire.")
    return _etablir(
        acting_user=acting_user,
        exercice=exercice,
        nature=Nature.PROVISIONS_DEPRECIATION,
        methode=methode,
        explication=explication,
        fondement=population,
        articles=lignes,
        mot_de_passe=mot_de_passe,
    )


@transaction.atomic
def charges_a_payer_constater(
    *,
    acting_user,
    exercice: Exercice,
    explication: str,
    articles: Sequence[Article],
    mot_de_passe: str,
) -> EtatInventaire:
    """D253-19-2: debts certain in their object, uncertain in amount or date,
    with no pièce fixing them: charges à payer, 6xx / 408 or 4286. The visaed
    ordres de dépense of N unpaid on 31 December are listed for memory: the
    visa already posted their charge and debt."""
    exercice = _exiger_periode(acting_user, exercice, "constater des charges à payer")
    comptes = _comptes(a.compte for a in articles)
    lignes = []
    for rang, a in enumerate(articles, start=1):
        charge = _compte_de(a.compte, comptes, prefixes=("6",), quoi="la charge", rang=rang)
        contrepartie = (a.contrepartie or "408").strip()
        if contrepartie not in ("408", "4286"):
            raise DonneeInvalide(
                f"Article {rang} : une charge à payer se crédite au 408 (factures non parvenues) "
                f"ou au 4286 (personnel, charges à payer), non au {contrepartie}."
            )
        lignes.append(
            ArticleEtat(
                libelle=_libelle(a, rang),
                tiers=a.tiers[:120],
                compte_debit=charge.numero,
                compte_credit=contrepartie,
                montant=_montant(a.montant, rang),
            )
        )
    for ordre in selectors.ordres_vises_non_payes(exercice):
        lignes.append(
            ArticleEtat(
                libelle=f"Ordre de dépense {ordre.reference} visé, non payé au 31/12 : {ordre.objet}"[
                    :255
                ],
                compte_debit=ordre.compte_charge,
                compte_credit=ordre.compte_tiers,
                montant=ordre.montant,
                pour_memoire=True,
            )
        )
    return _etablir(
        acting_user=acting_user,
        exercice=exercice,
        nature=Nature.CHARGES_A_PAYER,
        methode=Methode.INDIVIDUELLE,
        explication=explication,
        fondement="",
        articles=lignes,
        mot_de_passe=mot_de_passe,
    )


@transaction.atomic
def provisions_risques_constituer(
    *,
    acting_user,
    exercice: Exercice,
    explication: str,
    donnees_historiques: str,
    articles: Sequence[Article],
    mot_de_passe: str,
) -> EtatInventaire:
    """D253-19-3: a provision for risks and charges, 6815 / 151, for events
    precise in their object and uncertain in their outcome, evaluated on
    precise historical data that the état states."""
    exercice = _exiger_periode(acting_user, exercice, "constituer des provisions pour risques")
    if not (donnees_historiques or "").strip():
        raise DonneeInvalide(
            "L'évaluation d'une provision pour risques et charges se réfère à des données "
            "historiques précises : indiquez-les sur l'état (D253-19-3)."
        )
    lignes = [
        ArticleEtat(
            libelle=_libelle(a, rang),
            tiers=a.tiers[:120],
            compte_debit="6815",
            compte_credit="151",
            montant=_montant(a.montant, rang),
        )
        for rang, a in enumerate(articles, start=1)
    ]
    return _etablir(
        acting_user=acting_user,
        exercice=exercice,
        nature=Nature.PROVISIONS_RISQUES,
        methode=Methode.FORFAITAIRE,
        explication=explication,
        fondement=donnees_historiques,
        articles=lignes,
        mot_de_passe=mot_de_passe,
    )


@transaction.atomic
def provisions_revoir(
    *,
    acting_user,
    exercice: Exercice,
    explication: str,
    revues: Sequence[Revue],
    mot_de_passe: str,
) -> EtatInventaire:
    """D253-17-4, D253-19-3: at the inventory of N the provisions carried from
    N−1 are assessed anew (those of `revues` by rank, the others kept): a fall
    or an end (the claim collected or written off) is a reprise to 781, a rise
    a complementary dotation; the état lists each one's previous amount, the
    new one and the movement (`inventaire.revue`)."""
    exercice = _exiger_periode(acting_user, exercice, "revoir les provisions")
    return _etablir(
        acting_user=acting_user,
        exercice=exercice,
        nature=Nature.REVUE_PROVISIONS,
        methode=Methode.INDIVIDUELLE,
        explication=explication,
        fondement="",
        articles=articles_de_revue(exercice, revues)[0],
        mot_de_passe=mot_de_passe,
    )


__all__ = [
    "Article",
    "charges_a_payer_constater",
    "creances_douteuses_transferer",
    "inventaire_contrepasser",
    "produits_a_recevoir_constater",
    "provisions_revoir",
    "Revue",
    "provisions_depreciation_constituer",
    "provisions_risques_constituer",
]
