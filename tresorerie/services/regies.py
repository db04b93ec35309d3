"""The régie's life: drawn up by the directeur, the agent comptable's avis
conforme, the directeur's decision of creation, its end (circulaire 93/82,
paragraph on the régies: « sur décision du directeur de l'organisme après
avis conforme de l'agent comptable … L'acte constitutif de la régie doit
viser les dispositions contenues dans une instruction particulière relative
aux règles simplifiées de recettes et de dépenses »).

Also what the other acts of the régie read: who may see which régie, the cash
the régisseur should hold (`encaisse`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import ZERO
from core.money import montant as montant_valide
from core.saisie import date as date_saisie
from core.saisie import texte
from core.verrous import verrouiller
from ledger.models import Compte
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_actuelles, fonctions_le
from recettes.models import Nature as NatureRecette
from tresorerie.models import (
    CompteDisponibilite,
    DepenseRegie,
    Encaissement,
    OperationRegie,
    Regie,
    VersementRegie,
)
from tresorerie.selectors import solde_comptable
from tresorerie.services.commun import _atomique, _aujourd_hui

CIRC_REGIES = "circulaire 93/82, régies"
REFUS_DIRECTEUR = (
    "Seul le directeur de l'organisme décide la création ou la fin d'une régie, après avis "
    f"conforme de l'agent comptable ({CIRC_REGIES})."
)
REFUS_AUTRE_REGIE = (
    "Un régisseur n'agit que dans sa propre régie, pour le compte et sous la surveillance de "
    f"l'agent comptable ({CIRC_REGIES})."
)


# --- Who sees which régie ---------------------------------------------------------------


def regies_visibles(utilisateur, qs=None):
    """Every régie for a person holding a function other than régisseur; the
    régisseur's own régies only for a régisseur."""
    qs = qs if qs is not None else Regie.objects.all()
    fonctions = set(fonctions_actuelles(utilisateur))
    if fonctions - {Fonction.REGISSEUR}:
        return qs
    if Fonction.REGISSEUR in fonctions:
        return qs.filter(regisseur=utilisateur)
    return qs.none()


def regie_du_regisseur(utilisateur) -> Regie | None:
    """The régie in activity this person keeps as régisseur, if any."""
    if Fonction.REGISSEUR not in fonctions_actuelles(utilisateur):
        return None
    return (
        Regie.objects.filter(regisseur=utilisateur, etat=Regie.Etat.CREEE)
        .select_related("compte__compte")
        .order_by("pk")
        .first()
    )


def exiger_directeur(utilisateur, le: datetime.date) -> None:
    if Fonction.DIRECTEUR not in fonctions_le(utilisateur, le):
        raise DroitInsuffisant(REFUS_DIRECTEUR)


def exiger_regisseur_de(utilisateur, regie: Regie, le: datetime.date) -> None:
    """The régisseur named for this régie, on duty that day, and the régie in activity."""
    if regie.regisseur_id != utilisateur.pk or Fonction.REGISSEUR not in fonctions_le(
        utilisateur, le
    ):
        raise DroitInsuffisant(REFUS_AUTRE_REGIE)
    if regie.etat != Regie.Etat.CREEE:
        raise TransitionInterdite(
            f"La régie « {regie.libelle} » n'est pas en activité ({regie.get_etat_display()})."
        )


# --- The cash the régisseur holds --------------------------------------------------------


@dataclass(frozen=True)
class Encaisse:
    """What the books say the régisseur holds at the end of a day."""

    solde_comptable: Decimal  # balance of the régie's 541 account
    remises_en_cours: Decimal  # remitted, not yet acknowledged by the agent comptable
    depenses_a_justifier: Decimal  # paid by the régisseur, not yet admitted

    @property
    def theorique(self) -> Decimal:
        return self.solde_comptable - self.remises_en_cours - self.depenses_a_justifier


def encaisse(regie: Regie, au: datetime.date | None = None) -> Encaisse:
    au = au or _aujourd_hui()
    solde = solde_comptable(regie.compte.compte.numero, au)
    remises = (
        VersementRegie.objects.filter(regie=regie, remis_le__lte=au)
        .filter(Q(recu_le__isnull=True) | Q(recu_le__gt=au))
        .aggregate(s=Sum("montant"))["s"]
        or ZERO
    )
    depenses = (
        DepenseRegie.objects.filter(regie=regie, date__lte=au)
        .filter(Q(etat_depenses__admis_le__isnull=True) | Q(etat_depenses__admis_le__gt=au))
        .aggregate(s=Sum("montant"))["s"]
        or ZERO
    )
    return Encaisse(solde, remises, depenses)


@dataclass(frozen=True)
class ChequeDetenu:
    """A cheque the régisseur cashed and has not yet remitted (wholly or in part)."""

    encaissement: Encaissement
    montant: Decimal  # the part not yet remitted


def recettes_non_versees(regie: Regie, au: datetime.date | None = None):
    """The receipts of the régie, each with the part the remittances up to
    `au` have not yet carried: the cash goes out in the order it came in, the
    oldest receipt first (as the bordereau reads them)."""
    au = au or _aujourd_hui()
    verse = (
        VersementRegie.objects.filter(regie=regie, remis_le__lte=au).aggregate(s=Sum("montant"))[
            "s"
        ]
        or ZERO
    )
    cumul = ZERO
    for e in (
        Encaissement.objects.filter(compte_id=regie.compte_id, date__lte=au)
        .exclude(etat=Encaissement.Etat.ANNULE)
        .order_by("recu_le", "id")
    ):
        debut, cumul = cumul, cumul + e.montant
        reste = cumul - max(debut, verse)
        if reste > 0:
            yield e, min(reste, e.montant)


def cheques_non_verses(regie: Regie, au: datetime.date | None = None) -> list[ChequeDetenu]:
    """The cheques the régisseur holds at the end of `au` per the books: his
    cheque receipts not yet remitted. They are part of the 541 balance, so
    the arrêté and the control count them on a line of their own."""
    return [
        ChequeDetenu(e, part)
        for e, part in recettes_non_versees(regie, au)
        if e.moyen == Encaissement.Moyen.CHEQUE
    ]


# --- Création ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OperationSaisie:
    """A nature of operation the régie may do: « recette » (product account 7,
    nature of recette) or « depense » (charge account 6)."""

    sens: str
    libelle: str
    compte: str
    nature_recette: str = ""


def _operations(type_: str, operations) -> list[tuple[str, str, Compte, str]]:
    propres = []
    for rang, op in enumerate(operations or [], start=1):
        if op.sens not in OperationRegie.Sens.values:
            raise DonneeInvalide(f"Opération {rang} : « {op.sens} » n'est ni recette ni dépense.")
        libelle = texte(op.libelle, f"Opération {rang} : le libellé", longueur=120)
        classe = 7 if op.sens == OperationRegie.Sens.RECETTE else 6
        compte = Compte.objects.filter(numero=str(op.compte).strip(), imputable=True).first()
        if compte is None or compte.classe != classe:
            quoi = "de produit (classe 7)" if classe == 7 else "de charge (classe 6)"
            raise DonneeInvalide(
                f"Opération {rang} : le compte {op.compte} n'est pas un compte {quoi} imputable."
            )
        nature = op.nature_recette or ""
        if op.sens == OperationRegie.Sens.RECETTE:
            nature = nature or NatureRecette.AUTRE
            if nature not in NatureRecette.values or nature in (
                NatureRecette.COTISATION,
                NatureRecette.MAJORATION,
            ):
                raise DonneeInvalide(
                    f"Opération {rang} : la nature de recette « {nature} » n'est pas "
                    "encaissable en régie."
                )
        propres.append((op.sens, libelle, compte, nature))
    sens = {p[0] for p in propres}
    if type_ in (Regie.Type.RECETTES, Regie.Type.MIXTE) and OperationRegie.Sens.RECETTE not in sens:
        raise DonneeInvalide("Indiquez la nature des recettes que la régie peut encaisser.")
    if type_ in (Regie.Type.AVANCES, Regie.Type.MIXTE) and OperationRegie.Sens.DEPENSE not in sens:
        raise DonneeInvalide("Indiquez la nature des dépenses que la régie peut payer.")
    if type_ == Regie.Type.RECETTES and OperationRegie.Sens.DEPENSE in sens:
        raise DonneeInvalide("Une régie de recettes ne paie pas de dépenses.")
    if type_ == Regie.Type.AVANCES and OperationRegie.Sens.RECETTE in sens:
        raise DonneeInvalide("Une régie d'avances n'encaisse pas de recettes.")
    return propres


@_atomique
def regie_projeter(
    *,
    acting_user,
    libelle: str,
    type: str,
    compte: CompteDisponibilite,
    regisseur,
    plafond_encaisse,
    operations: list[OperationSaisie],
    plafond_depense=None,
) -> Regie:
    """The directeur draws up the régie (its kind, régisseur, ceilings, the
    operations allowed, its 541 account) and submits it to the agent
    comptable's avis conforme."""
    le = _aujourd_hui()
    exiger_directeur(acting_user, le)
    if type not in Regie.Type.values:
        raise DonneeInvalide(f"Le type de régie « {type} » n'existe pas.")
    libelle = texte(libelle, "Le libellé de la régie", longueur=200)
    compte = verrouiller(CompteDisponibilite.objects.select_related("compte"), compte.pk)
    if compte.nature != CompteDisponibilite.Nature.REGIE or not compte.actif:
        raise DonneeInvalide(
            f"Le compte « {compte.libelle} » n'est pas un compte de régie (541) ouvert : "
            "l'agent comptable ouvre le compte de la régie."
        )
    if Regie.objects.filter(compte=compte).exists():
        raise DonneeInvalide(f"Le compte « {compte.libelle} » porte déjà une régie.")
    if Fonction.REGISSEUR not in fonctions_le(regisseur, le):
        raise DonneeInvalide(
            f"{regisseur.get_full_name() or regisseur.username} n'exerce pas la fonction de "
            "régisseur : le régisseur est nommé parmi les agents qui l'exercent."
        )
    plafond = montant_valide(plafond_encaisse, libelle="Le plafond d'encaisse")
    par_depense = None
    if type in (Regie.Type.AVANCES, Regie.Type.MIXTE):
        if plafond_depense in (None, ""):
            raise DonneeInvalide("Indiquez le plafond de chaque dépense de la régie d'avances.")
        par_depense = montant_valide(plafond_depense, libelle="Le plafond par dépense")
    propres = _operations(type, operations)
    regie = Regie.objects.create(
        libelle=libelle,
        type=type,
        compte=compte,
        regisseur=regisseur,
        plafond_encaisse=plafond,
        plafond_depense=par_depense,
        projet_par=acting_user,
        projet_le=le,
    )
    OperationRegie.objects.bulk_create(
        [
            OperationRegie(regie=regie, sens=s, libelle=lib, compte=c, nature_recette=n)
            for s, lib, c, n in propres
        ]
    )
    audit(
        acting_user,
        "tresorerie.regie_projet",
        regie,
        apres={
            "type": type,
            "compte": compte.compte.numero,
            "regisseur": regisseur.username,
            "plafond_encaisse": plafond,
            "plafond_depense": par_depense,
            "operations": [f"{s}:{lib}:{c.numero}" for s, lib, c, _ in propres],
        },
    )
    return regie


@_atomique
def regie_avis(
    *, acting_user, regie: Regie, favorable: bool, le: datetime.date, observations: str = ""
) -> Regie:
    """The agent comptable's avis conforme on the régie drawn up: favourable
    or not, dated. Without a favourable one, no decision creates it."""
    aujourd_hui = _aujourd_hui()
    exiger_comptable(acting_user, aujourd_hui, "rendre l'avis conforme sur une régie")
    regie = verrouiller(Regie, regie.pk)
    if regie.etat != Regie.Etat.PROJET:
        raise TransitionInterdite(f"La régie « {regie.libelle} » est déjà décidée.")
    le = date_saisie(le, "La date de l'avis")
    if le > aujourd_hui or le < regie.projet_le:
        raise DonneeInvalide(
            f"L'avis se date entre le projet ({regie.projet_le:%d/%m/%Y}) et aujourd'hui."
        )
    observations = (observations or "").strip()
    if not favorable and not observations:
        raise DonneeInvalide("Un avis défavorable dit ses motifs : remplissez les observations.")
    regie.avis_favorable = bool(favorable)
    regie.avis_le = le
    regie.avis_par = acting_user
    regie.avis_observations = observations
    regie.save(update_fields=["avis_favorable", "avis_le", "avis_par", "avis_observations"])
    audit(
        acting_user,
        "tresorerie.regie_avis",
        regie,
        apres={"favorable": regie.avis_favorable, "le": le, "observations": observations},
    )
    return regie


@_atomique
def regie_decider(
    *,
    acting_user,
    regie: Regie,
    le: datetime.date,
    acte_reference: str,
    vise_instruction: bool,
) -> Regie:
    """The directeur's decision creating the régie, after the agent comptable's
    favourable avis conforme; the acte constitutif refers to the instruction
    particulière on the simplified rules. The régie's account is given to the
    régisseur named."""
    aujourd_hui = _aujourd_hui()
    exiger_directeur(acting_user, aujourd_hui)
    regie = verrouiller(Regie, regie.pk)
    if regie.etat != Regie.Etat.PROJET:
        raise TransitionInterdite(f"La régie « {regie.libelle} » est déjà décidée.")
    if regie.avis_favorable is None:
        raise TransitionInterdite(
            f"La régie « {regie.libelle} » attend l'avis conforme de l'agent comptable : le "
            f"directeur ne la crée qu'après cet avis ({CIRC_REGIES})."
        )
    if not regie.avis_favorable:
        raise TransitionInterdite(
            f"L'agent comptable a rendu un avis défavorable le {regie.avis_le:%d/%m/%Y} : la "
            f"régie ne peut être créée sans son avis conforme ({CIRC_REGIES})."
        )
    le = date_saisie(le, "La date de la décision")
    if le > aujourd_hui or le < regie.avis_le:
        raise DonneeInvalide(
            f"La décision se date après l'avis conforme du {regie.avis_le:%d/%m/%Y} et au plus "
            "tard aujourd'hui."
        )
    reference = texte(acte_reference, "La référence de l'acte constitutif", longueur=120)
    if not vise_instruction:
        raise DonneeInvalide(
            "L'acte constitutif de la régie doit viser les dispositions de l'instruction "
            "particulière relative aux règles simplifiées de recettes et de dépenses "
            f"({CIRC_REGIES})."
        )
    regie.etat = Regie.Etat.CREEE
    regie.decision_le = le
    regie.decision_par = acting_user
    regie.acte_reference = reference
    regie.vise_instruction = True
    regie.save(
        update_fields=["etat", "decision_le", "decision_par", "acte_reference", "vise_instruction"]
    )
    compte = verrouiller(CompteDisponibilite.objects.select_related("regisseur"), regie.compte_id)
    if compte.regisseur_id != regie.regisseur_id:
        ancien = compte.regisseur.username if compte.regisseur_id else None
        compte.regisseur = regie.regisseur
        compte.save(update_fields=["regisseur"])
        audit(
            acting_user,
            "tresorerie.compte_regisseur",
            compte,
            avant={"regisseur": ancien},
            apres={"regisseur": regie.regisseur.username, "regie": regie.pk, "acte": reference},
        )
    audit(
        acting_user,
        "tresorerie.regie_creee",
        regie,
        avant={"etat": "projet"},
        apres={"etat": "creee", "decision_le": le, "acte": reference},
    )
    return regie


@_atomique
def regie_fermer(*, acting_user, regie: Regie, le: datetime.date, reference: str) -> Regie:
    """The directeur's decision ending the régie: its cash remitted first. Its
    account is closed with it: no régisseur any more (the former one no
    longer reads its receipts through the treasury's pages), inactive."""
    aujourd_hui = _aujourd_hui()
    exiger_directeur(acting_user, aujourd_hui)
    regie = verrouiller(Regie.objects.select_related("compte__compte"), regie.pk)
    if regie.etat != Regie.Etat.CREEE:
        raise TransitionInterdite(f"La régie « {regie.libelle} » n'est pas en activité.")
    le = date_saisie(le, "La date de la décision de fin")
    if le > aujourd_hui or le < regie.decision_le:
        raise DonneeInvalide(
            "La fin de la régie se date après sa création, au plus tard aujourd'hui."
        )
    reference = texte(reference, "La référence de la décision de fin", longueur=120)
    reste = encaisse(regie, aujourd_hui)
    if reste.solde_comptable or reste.depenses_a_justifier:
        raise TransitionInterdite(
            f"La régie « {regie.libelle} » détient encore des fonds ou des dépenses à justifier : "
            "le régisseur verse son encaisse et l'agent comptable admet ses dépenses avant la fin."
        )
    regie.etat = Regie.Etat.CLOSE
    regie.fin_le = le
    regie.fin_par = acting_user
    regie.fin_reference = reference
    regie.save(update_fields=["etat", "fin_le", "fin_par", "fin_reference"])
    compte = verrouiller(CompteDisponibilite.objects.select_related("regisseur"), regie.compte_id)
    avant = {
        "regisseur": compte.regisseur.username if compte.regisseur_id else None,
        "actif": compte.actif,
    }
    compte.regisseur = None
    compte.actif = False
    compte.save(update_fields=["regisseur", "actif"])
    audit(
        acting_user,
        "tresorerie.compte_regie_clos",
        compte,
        avant=avant,
        apres={"regisseur": None, "actif": False, "regie": regie.pk, "reference": reference},
    )
    audit(
        acting_user,
        "tresorerie.regie_close",
        regie,
        avant={"etat": "creee"},
        apres={"etat": "close", "fin_le": le, "reference": reference},
    )
    return regie
