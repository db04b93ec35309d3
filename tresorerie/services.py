"""Acts of the treasury: each one checks who acts, changes state, posts to the
ledger and writes an audit row, in one transaction (see models.py for the rules).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q, Sum

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    ExerciceClos,
    ExerciceInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.models import JournalAudit
from core.money import ZERO, format_euros
from core.money import montant as montant_valide
from core.saisie import date as date_saisie
from core.saisie import texte
from ledger.models import Compte, Ecriture, Exercice, Ligne
from ledger.services import LigneSaisie, ecriture_contrepasser, ecriture_passer
from oppositions.banque import verifier_bic, verifier_iban
from oppositions.models import Opposition
from oppositions.services import imputer, oppositions_opposables, repartir_paiement
from personnes.models import Affectation as AffectationFonction
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_le
from recettes.models import LigneOrdreRecette, OrdreRecette
from tresorerie import releves, sepa
from tresorerie.models import (
    Affectation,
    ArreteCaisse,
    Carnet,
    CompteDisponibilite,
    Encaissement,
    LotPaiement,
    Paiement,
    Quittance,
    Rapprochement,
    Releve,
)
from tresorerie.models import LigneReleve as LigneReleveModele
from tresorerie.selectors import lignes_rapprochees_ids, solde_comptable

CIRC_ENCAISSEMENT = "circulaire 93/82 §2.0.6"
CIRC_REGLEMENT = "circulaire 93/82 §2.1.6"
CIRC_TRESORERIE = "circulaire 93/82 §2.2"
COMPTE_ATTENTE = "4711"  # receipts not allocated yet (excess, unknown debtor)
COMPTE_A_REGULARISER = "4713"  # receipts on contracts kept by the agent comptable


def _aujourd_hui() -> datetime.date:
    return horloge.aujourdhui()


def _atomique(fonction):
    """Run a service in one transaction; a refusal by a trigger becomes its French message."""

    def enveloppe(*args, **kwargs):
        try:
            with transaction.atomic():
                return fonction(*args, **kwargs)
        except DatabaseError as exc:
            relever_erreur_base(exc)

    enveloppe.__name__ = fonction.__name__
    enveloppe.__doc__ = fonction.__doc__
    enveloppe.__wrapped__ = fonction
    return enveloppe


def exercice_du(date: datetime.date) -> Exercice:
    """The exercise an operation of treasury belongs to: the one of its date (D253-17)."""
    exercice = Exercice.objects.filter(annee=date.year).first()
    if exercice is None:
        raise ExerciceInvalide(f"Aucun exercice n'est ouvert pour l'année {date.year}.")
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : aucune opération de trésorerie ne peut "
            "plus y être enregistrée."
        )
    return exercice


def nom_complet(utilisateur) -> str:
    return utilisateur.get_full_name() or utilisateur.get_username()


def _est_comptable(utilisateur, le: datetime.date) -> bool:
    return bool(set(fonctions_le(utilisateur, le)) & FONCTIONS_COMPTABLES)


def comptable_en_titre(le: datetime.date):
    """The agent comptable in office on `le`: a régisseur acts under him (circ. §2.2)."""
    affectation = (
        AffectationFonction.objects.filter(fonction=Fonction.AGENT_COMPTABLE, debut__lte=le)
        .filter(Q(fin__isnull=True) | Q(fin__gte=le))
        .select_related("utilisateur")
        .order_by("debut")
        .first()
    )
    if affectation is None:
        raise DroitInsuffisant(f"Aucun agent comptable n'est en fonction le {le:%d/%m/%Y}.")
    return affectation.utilisateur


def _qualite(utilisateur, le: datetime.date) -> str:
    fonctions = fonctions_le(utilisateur, le)
    if Fonction.AGENT_COMPTABLE in fonctions:
        return settings_titre_comptable(le)
    if Fonction.FONDE_DE_POUVOIR in fonctions:
        return "Fondé de pouvoir de l'agent comptable"
    if Fonction.REGISSEUR in fonctions:
        return "Régisseur de recettes"
    return "—"


def settings_titre_comptable(le: datetime.date) -> str:
    from reglementation.selectors import titre_agent_comptable

    return titre_agent_comptable(le).capitalize()


# --- Comptes de disponibilités --------------------------------------------------


@_atomique
def compte_disponibilite_ouvrir(
    *,
    acting_user,
    code: str,
    libelle: str,
    nature: str,
    compte_numero: str,
    ouvert_le: datetime.date,
    etablissement: str = "",
    iban: str = "",
    bic: str = "",
    compte_frais: CompteDisponibilite | None = None,
    regisseur=None,
) -> CompteDisponibilite:
    """Open an account of funds: on the agent comptable's request (circ. §2.2.0.1)."""
    ouvert_le = date_saisie(ouvert_le, "La date d'ouverture")
    exiger_comptable(acting_user, ouvert_le, "ouvrir un compte de disponibilités")
    if nature not in CompteDisponibilite.Nature.values:
        raise DonneeInvalide(f"La nature de compte « {nature} » n'existe pas.")
    compte = Compte.objects.filter(numero=str(compte_numero), classe=5, imputable=True).first()
    if compte is None:
        raise DonneeInvalide(
            f"Le compte {compte_numero} n'est pas un compte imputable de disponibilités (classe 5)."
        )
    numeraire = nature in (CompteDisponibilite.Nature.CAISSE, CompteDisponibilite.Nature.REGIE)
    if numeraire and (iban or bic):
        raise DonneeInvalide("Une caisse ou une régie n'a pas d'IBAN.")
    if not numeraire and nature != CompteDisponibilite.Nature.CDC and not iban:
        raise DonneeInvalide("Un compte bancaire se désigne par son IBAN.")
    iban = verifier_iban(iban) if iban else ""
    bic = verifier_bic(bic, iban=iban or None) if bic else ""
    encaissement = nature == CompteDisponibilite.Nature.ENCAISSEMENT
    if encaissement != compte.credit_seulement:
        raise DonneeInvalide(
            "Un compte spécial d'encaissement se rattache à un compte du plan « crédits "
            "seulement », et lui seul (circulaire 93/82 §2.2.0.2)."
        )
    if encaissement and (compte_frais is None or compte_frais.nature != "externe"):
        raise DonneeInvalide(
            "Les frais d'un compte spécial d'encaissement sont débités sur un compte externe de "
            "disponibilités : désignez-le (circulaire 93/82 §2.2.0.3)."
        )
    cd = CompteDisponibilite.objects.create(
        code=texte(code, "Le code", longueur=20),
        libelle=texte(libelle, "Le libellé"),
        nature=nature,
        compte=compte,
        etablissement=etablissement.strip(),
        iban=iban,
        bic=bic,
        compte_frais=compte_frais if encaissement else None,
        regisseur=regisseur,
        ouvert_le=ouvert_le,
    )
    audit(
        acting_user,
        "tresorerie.compte_ouvert",
        cd,
        apres={"compte": compte.numero, "nature": nature},
    )
    return cd


# --- Carnets à souches ------------------------------------------------------------


@_atomique
def carnet_ouvrir(
    *,
    acting_user,
    type: str,
    compte: CompteDisponibilite,
    titulaire,
    serie: str,
    premier_numero: int = 1,
    dernier_numero: int = 500,
) -> Carnet:
    """The agent comptable opens a numbered carnet for himself or a régisseur (circ. §2.0.6)."""
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, "ouvrir un carnet à souches")
    if type not in Carnet.Type.values:
        raise DonneeInvalide(f"Le type de carnet « {type} » n'existe pas.")
    if compte.nature not in ("caisse", "regie") and type == Carnet.Type.QUITTANCE:
        raise DonneeInvalide("Un carnet de quittances sert à la caisse ou à une régie (numéraire).")
    fonctions = set(fonctions_le(titulaire, le))
    if not fonctions & (FONCTIONS_COMPTABLES | {Fonction.REGISSEUR}):
        raise DonneeInvalide(
            f"{nom_complet(titulaire)} n'est ni agent comptable ni régisseur : un carnet ne lui "
            "est pas confié."
        )
    if int(premier_numero) < 1 or int(dernier_numero) < int(premier_numero):
        raise DonneeInvalide("Les numéros du carnet vont croissant à partir de 1.")
    if Carnet.objects.filter(
        type=type, compte=compte, titulaire=titulaire, clos_le__isnull=True
    ).exists():
        raise TransitionInterdite(
            f"{nom_complet(titulaire)} a déjà un carnet de ce type ouvert sur ce compte : "
            "clôturez-le d'abord."
        )
    carnet = Carnet.objects.create(
        type=type,
        compte=compte,
        titulaire=titulaire,
        serie=texte(serie, "La série", longueur=20),
        premier_numero=int(premier_numero),
        dernier_numero=int(dernier_numero),
        dernier_utilise=int(premier_numero) - 1,
        ouvert_le=horloge.maintenant(),
        ouvert_par=acting_user,
    )
    audit(acting_user, "tresorerie.carnet_ouvert", carnet, apres={"serie": carnet.serie})
    return carnet


@_atomique
def carnet_clore(*, acting_user, carnet: Carnet) -> Carnet:
    exiger_comptable(acting_user, _aujourd_hui(), "clore un carnet à souches")
    carnet = Carnet.objects.select_for_update().get(pk=carnet.pk)
    if carnet.clos_le is not None:
        raise TransitionInterdite(f"Le carnet {carnet.serie} est déjà clos.")
    carnet.clos_le, carnet.clos_par = horloge.maintenant(), acting_user
    carnet.save(update_fields=["clos_le", "clos_par"])
    audit(
        acting_user,
        "tresorerie.carnet_clos",
        carnet,
        apres={"dernier_utilise": carnet.dernier_utilise, "inutilises": carnet.restants},
    )
    return carnet


def carnet_de(type: str, compte: CompteDisponibilite, titulaire) -> Carnet:
    # Quittances come from the carnet of the till that took the cash; reçus
    # from the agent comptable's carnet of reçus, whatever the account.
    filtre = {"compte": compte} if type == Carnet.Type.QUITTANCE else {}
    carnet = (
        Carnet.objects.select_for_update()
        .filter(type=type, titulaire=titulaire, clos_le__isnull=True, **filtre)
        .order_by("pk")
        .first()
    )
    if carnet is None:
        libelle = "de quittances" if type == Carnet.Type.QUITTANCE else "de reçus"
        raise TransitionInterdite(
            f"{nom_complet(titulaire)} n'a pas de carnet {libelle} ouvert ({compte.libelle}) : "
            f"l'agent comptable doit en ouvrir un ({CIRC_ENCAISSEMENT})."
        )
    return carnet


def _contenu_document(
    encaissement: Encaissement, nature: str, montant: Decimal, motif: str
) -> dict:
    return {
        "organisme": settings.NOM_ORGANISME,
        "nature": nature,
        "encaissement": encaissement.pk,
        "date": encaissement.date.isoformat(),
        "payeur": encaissement.payeur,
        "objet": encaissement.objet,
        "montant": str(montant),
        "moyen": encaissement.moyen,
        "reference": encaissement.reference,
        "ordres": [
            (a.ordre.reference, a.ligne.debiteur, str(a.montant))
            for a in encaissement.affectations.select_related("ordre__exercice", "ligne")
            if a.ordre_id
        ],
        "motif": motif,
    }


def _delivrer(
    acting_user,
    encaissement: Encaissement,
    nature: str,
    *,
    annule: Quittance | None = None,
    motif="",
) -> Quittance:
    """Draw the next number of the issuer's carnet; the trigger checks it is the next one."""
    type_carnet = (
        Carnet.Type.QUITTANCE
        if (annule.nature if annule else nature) == Quittance.Nature.QUITTANCE
        else Carnet.Type.RECU
    )
    carnet = (
        Carnet.objects.select_for_update().get(pk=annule.carnet_id)
        if annule is not None and annule.carnet.clos_le is None
        else carnet_de(type_carnet, encaissement.compte, acting_user)
    )
    montant = annule.montant if annule else encaissement.montant
    contenu = _contenu_document(encaissement, nature, montant, motif)
    if annule is not None:
        contenu["annule"] = annule.reference
    le = _aujourd_hui()
    return Quittance.objects.create(
        carnet=carnet,
        numero=carnet.dernier_utilise + 1,
        nature=nature,
        encaissement=encaissement,
        annule=annule,
        montant=montant,
        emise_le=horloge.maintenant(),
        emise_par=acting_user,
        signataire=nom_complet(acting_user),
        qualite=_qualite(acting_user, le),
        motif=motif,
        empreinte=hashlib.sha256(
            json.dumps(contenu, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest(),
    )


# --- Encaissements --------------------------------------------------------------


@dataclass(frozen=True)
class Repartition:
    """Part of a receipt to allocate to one debtor's line of an ordre de recette."""

    ligne: LigneOrdreRecette | int
    montant: Decimal | str


def _exiger_encaisseur(acting_user, compte: CompteDisponibilite, moyen: str, le: datetime.date):
    """The agent comptable alone handles funds (circ. §2.2); a régisseur takes cash
    and cheques at his own régie, under the agent comptable."""
    if _est_comptable(acting_user, le):
        exiger_comptable(acting_user, le, "encaisser")
        return
    if (
        Fonction.REGISSEUR in fonctions_le(acting_user, le)
        and compte.nature == CompteDisponibilite.Nature.REGIE
        and compte.regisseur_id == acting_user.pk
        and moyen in (Encaissement.Moyen.NUMERAIRE, Encaissement.Moyen.CHEQUE)
    ):
        return
    raise DroitInsuffisant(
        "Seul l'agent comptable manie les fonds de l'organisme ; un régisseur n'encaisse que le "
        f"numéraire et les chèques de sa propre régie ({CIRC_TRESORERIE})."
    )


def _exiger_compte_pour(compte: CompteDisponibilite, moyen: str):
    if not compte.actif:
        raise DonneeInvalide(f"Le compte « {compte.libelle} » est fermé.")
    numeraire = compte.nature in ("caisse", "regie")
    if moyen == Encaissement.Moyen.NUMERAIRE and not numeraire:
        raise DonneeInvalide(
            "Le numéraire s'encaisse à la caisse ou à une régie, contre quittance "
            f"({CIRC_ENCAISSEMENT})."
        )
    if moyen == Encaissement.Moyen.VIREMENT and numeraire:
        raise DonneeInvalide("Un virement se reçoit sur un compte bancaire, pas en caisse.")


def _lignes_reparties(repartitions) -> list[tuple[LigneOrdreRecette, Decimal]]:
    resultat = []
    vues = set()
    for rang, r in enumerate(repartitions, start=1):
        try:
            pk = r.ligne.pk if isinstance(r.ligne, LigneOrdreRecette) else int(r.ligne)
        except (TypeError, ValueError):
            raise DonneeInvalide(
                f"Répartition {rang} : désignez le débiteur par son numéro de ligne d'ordre."
            ) from None
        if pk in vues:
            raise DonneeInvalide(f"Le même débiteur est donné deux fois (répartition {rang}).")
        vues.add(pk)
        ligne = (
            LigneOrdreRecette.objects.select_related(
                "ordre__exercice", "ordre__compte_tiers", "ordre__compte_imputation"
            )
            .filter(pk=pk)
            .first()
        )
        if ligne is None:
            raise DonneeInvalide(
                f"Répartition {rang} : ce débiteur d'ordre de recette n'existe pas."
            )
        somme = montant_valide(r.montant, libelle=f"Répartition {rang} : le montant")
        resultat.append((ligne, somme))
    return resultat


def _reste_ligne(ligne: LigneOrdreRecette) -> Decimal:
    recouvre = ligne.affectations.aggregate(s=Sum("montant"))["s"] or ZERO
    return ligne.montant - recouvre


@_atomique
def encaissement_enregistrer(
    *,
    acting_user,
    compte: CompteDisponibilite,
    moyen: str,
    montant,
    payeur: str,
    objet: str,
    date: datetime.date | None = None,
    reference: str = "",
    repartitions: list[Repartition] = (),
    recu: bool = False,
) -> Encaissement:
    """Record a receipt and allocate it (circ. 93/82 §2.0.6; DOMAIN §9).

    Posting (journal TR): debit the account of funds, credit each debtor's
    account for what is allocated to him, credit 4711 for the excess. Cash
    gets a quittance from the cashier's carnet; other means a reçu if asked.
    """
    date = date_saisie(date or _aujourd_hui(), "La date de l'encaissement")
    if moyen not in Encaissement.Moyen.values:
        raise DonneeInvalide(f"Le moyen de paiement « {moyen} » n'existe pas.")
    _exiger_encaisseur(acting_user, compte, moyen, date)
    _exiger_compte_pour(compte, moyen)
    if date > _aujourd_hui():
        raise DonneeInvalide("Un encaissement ne se date pas dans le futur.")
    exercice = exercice_du(date)
    total = montant_valide(montant, libelle="Le montant encaissé")
    payeur = texte(payeur, "Le nom de la partie versante")
    objet = texte(objet, "L'objet du versement", longueur=255)
    reference = texte(reference, "La référence", longueur=120, obligatoire=False)
    parts = _lignes_reparties(repartitions)
    affecte = sum((m for _, m in parts), ZERO)
    if affecte > total:
        raise DonneeInvalide(
            f"On ne peut affecter {format_euros(affecte)} sur un encaissement de "
            f"{format_euros(total)}."
        )
    for ligne, somme in parts:
        ordre = ligne.ordre
        if ordre.etat != OrdreRecette.Etat.PRIS_EN_CHARGE:
            raise TransitionInterdite(
                f"L'ordre de recette n° {ordre.reference} n'est pas pris en charge "
                f"({ordre.get_etat_display()}) : on ne recouvre que ce que l'agent comptable a "
                "pris en charge."
            )
        reste = min(_reste_ligne(ligne), reste_a_recouvrer(ordre))
        if somme > reste:
            raise DonneeInvalide(
                f"L'ordre de recette n° {ordre.reference} ne laisse que {format_euros(reste)} à "
                f"recouvrer sur {ligne.debiteur} : {format_euros(somme)} dépasseraient la créance. "
                "Le surplus reste en attente d'affectation (compte 4711)."
            )
        if compte.credits_seulement and ordre.nature not in ("cotisation", "majoration"):
            raise DonneeInvalide(
                f"Le compte spécial d'encaissement n'est alimenté que par le versement des "
                f"cotisations (circulaire 93/82 §2.2.0.2) : l'ordre n° {ordre.reference} est de "
                f"nature « {ordre.get_nature_display()} »."
            )
    excedent = total - affecte
    lignes = [LigneSaisie(compte.compte.numero, debit=total, libelle=objet[:255])]
    for ligne, somme in parts:
        lignes.append(
            LigneSaisie(
                ligne.ordre.compte_tiers.numero,
                credit=somme,
                tiers=ligne.debiteur[:120],
                libelle=f"Ordre de recette n° {ligne.ordre.reference}",
            )
        )
    if excedent > 0:
        lignes.append(
            LigneSaisie(COMPTE_ATTENTE, credit=excedent, tiers=payeur[:120], libelle="À affecter")
        )
    ecriture = ecriture_passer(
        acting_user=acting_user if _est_comptable(acting_user, date) else comptable_en_titre(date),
        exercice=exercice,
        journal="TR",
        date=date,
        libelle=f"Encaissement ({Encaissement.Moyen(moyen).label}) de {payeur}"[:255],
        lignes=lignes,
        piece=(reference or f"encaissement:{payeur}")[:120],
    )
    encaissement = Encaissement.objects.create(
        exercice=exercice,
        date=date,
        compte=compte,
        moyen=moyen,
        montant=total,
        payeur=payeur,
        objet=objet,
        reference=reference,
        recu_par=acting_user,
        ecriture=ecriture,
    )
    Affectation.objects.bulk_create(
        [
            Affectation(
                encaissement=encaissement,
                ordre=ligne.ordre,
                ligne=ligne,
                montant=somme,
                par=acting_user,
            )
            for ligne, somme in parts
        ]
    )
    documents = []
    if moyen == Encaissement.Moyen.NUMERAIRE:
        documents.append(_delivrer(acting_user, encaissement, Quittance.Nature.QUITTANCE))
    elif recu:
        documents.append(_delivrer(acting_user, encaissement, Quittance.Nature.RECU))
    audit(
        acting_user,
        "tresorerie.encaissement",
        encaissement,
        apres={
            "montant": total,
            "moyen": moyen,
            "compte": compte.compte.numero,
            "affecte": affecte,
            "excedent": excedent,
            "ecriture": f"TR-{ecriture.numero}",
            "documents": [d.reference for d in documents],
        },
    )
    return encaissement


@_atomique
def encaissement_sans_titre(
    *,
    acting_user,
    compte: CompteDisponibilite,
    moyen: str,
    montant,
    payeur: str,
    objet: str,
    compte_produit: str,
    nature_recette: str,
    date: datetime.date | None = None,
    reference: str = "",
    recu: bool = False,
) -> Encaissement:
    """A receipt cashed directly by the agent comptable on a contract he keeps
    (rent of a flat, interest of a deposit): credited to 4713 until the monthly
    regularising ordre de recette (`regularisation_preparer`)."""
    date = date_saisie(date or _aujourd_hui(), "La date de l'encaissement")
    exiger_comptable(acting_user, date, "encaisser une recette sans ordre préalable")
    if moyen not in Encaissement.Moyen.values:
        raise DonneeInvalide(f"Le moyen de paiement « {moyen} » n'existe pas.")
    _exiger_compte_pour(compte, moyen)
    if compte.credits_seulement:
        raise DonneeInvalide(
            "Le compte spécial d'encaissement n'est alimenté que par le versement des cotisations "
            "(circulaire 93/82 §2.2.0.2)."
        )
    from recettes.models import Nature as NatureRecette

    if nature_recette not in NatureRecette.values:
        raise DonneeInvalide(f"La nature de recette « {nature_recette} » n'existe pas.")
    produit = Compte.objects.filter(numero=str(compte_produit), classe=7, imputable=True).first()
    if produit is None:
        raise DonneeInvalide(
            f"Le compte {compte_produit} n'est pas un compte de produit imputable."
        )
    exercice = exercice_du(date)
    total = montant_valide(montant, libelle="Le montant encaissé")
    payeur = texte(payeur, "Le nom de la partie versante")
    objet = texte(objet, "L'objet du versement", longueur=255)
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice,
        journal="TR",
        date=date,
        libelle=f"Encaissement à régulariser de {payeur} : {objet}"[:255],
        lignes=[
            LigneSaisie(compte.compte.numero, debit=total),
            LigneSaisie(COMPTE_A_REGULARISER, credit=total, tiers=payeur[:120]),
        ],
        piece=(reference or f"encaissement:{payeur}")[:120],
    )
    encaissement = Encaissement.objects.create(
        exercice=exercice,
        date=date,
        compte=compte,
        moyen=moyen,
        montant=total,
        payeur=payeur,
        objet=objet,
        reference=texte(reference, "La référence", longueur=120, obligatoire=False),
        sans_titre=True,
        compte_produit=produit,
        nature_recette=nature_recette,
        recu_par=acting_user,
        ecriture=ecriture,
    )
    if moyen == Encaissement.Moyen.NUMERAIRE:
        _delivrer(acting_user, encaissement, Quittance.Nature.QUITTANCE)
    elif recu:
        _delivrer(acting_user, encaissement, Quittance.Nature.RECU)
    audit(
        acting_user,
        "tresorerie.encaissement_sans_titre",
        encaissement,
        apres={"montant": total, "produit": produit.numero, "ecriture": f"TR-{ecriture.numero}"},
    )
    return encaissement


@_atomique
def recu_delivrer(*, acting_user, encaissement: Encaissement) -> Quittance:
    """A reçu asked for later by a debtor who paid otherwise than in cash (circ. §2.0.6)."""
    exiger_comptable(acting_user, _aujourd_hui(), "délivrer un reçu")
    encaissement = Encaissement.objects.select_for_update().get(pk=encaissement.pk)
    if encaissement.etat != Encaissement.Etat.ENREGISTRE:
        raise TransitionInterdite("Cet encaissement est annulé : il ne donne plus de reçu.")
    if (
        encaissement.quittances.filter(annulee_par__isnull=True)
        .exclude(nature="annulation")
        .exists()
    ):
        raise TransitionInterdite(
            "Cet encaissement a déjà sa quittance ou son reçu : imprimez-en un duplicata."
        )
    document = _delivrer(acting_user, encaissement, Quittance.Nature.RECU)
    audit(acting_user, "tresorerie.recu", encaissement, apres={"document": document.reference})
    return document


def excedent(encaissement: Encaissement) -> Decimal:
    """What is left of a receipt, not allocated nor refunded (in 4711)."""
    if encaissement.sans_titre or encaissement.etat == Encaissement.Etat.ANNULE:
        return ZERO
    affecte = encaissement.affectations.aggregate(s=Sum("montant"))["s"] or ZERO
    return encaissement.montant - affecte


@_atomique
def excedent_affecter(
    *, acting_user, encaissement: Encaissement, ligne: LigneOrdreRecette | int, montant
) -> Affectation:
    """Allocate what waits in 4711 to a debtor's ordre de recette: 4711 / debtor."""
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, "affecter un encaissement")
    encaissement = Encaissement.objects.select_for_update().get(pk=encaissement.pk)
    if encaissement.etat != Encaissement.Etat.ENREGISTRE or encaissement.sans_titre:
        raise TransitionInterdite("Cet encaissement ne peut plus être affecté.")
    [(ligne, somme)] = _lignes_reparties([Repartition(ligne, montant)])
    disponible = excedent(encaissement)
    if somme > disponible:
        raise DonneeInvalide(
            f"Il ne reste que {format_euros(disponible)} à affecter sur cet encaissement : "
            f"{format_euros(somme)} est trop."
        )
    ordre = ligne.ordre
    reste = min(_reste_ligne(ligne), reste_a_recouvrer(ordre))
    if ordre.etat != OrdreRecette.Etat.PRIS_EN_CHARGE or somme > reste:
        raise DonneeInvalide(
            f"L'ordre de recette n° {ordre.reference} ne laisse que {format_euros(reste)} à "
            f"recouvrer sur {ligne.debiteur}."
        )
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(le),
        journal="OD",
        date=le,
        libelle=f"Affectation de l'encaissement n° {encaissement.pk} à l'ordre {ordre.reference}",
        lignes=[
            LigneSaisie(COMPTE_ATTENTE, debit=somme, tiers=encaissement.payeur[:120]),
            LigneSaisie(ordre.compte_tiers.numero, credit=somme, tiers=ligne.debiteur[:120]),
        ],
        piece=f"encaissement:{encaissement.pk}",
    )
    affectation = Affectation.objects.create(
        encaissement=encaissement,
        ordre=ordre,
        ligne=ligne,
        montant=somme,
        par=acting_user,
        ecriture=ecriture,
    )
    audit(
        acting_user,
        "tresorerie.affectation",
        encaissement,
        apres={"ordre": ordre.reference, "montant": somme, "ecriture": f"OD-{ecriture.numero}"},
    )
    return affectation


@_atomique
def excedent_rembourser(
    *, acting_user, encaissement: Encaissement, compte: CompteDisponibilite, montant, reference=""
) -> Affectation:
    """Refund to the payer what he paid in excess: 4711 / account of funds."""
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, "rembourser un trop-perçu")
    encaissement = Encaissement.objects.select_for_update().get(pk=encaissement.pk)
    if encaissement.etat != Encaissement.Etat.ENREGISTRE or encaissement.sans_titre:
        raise TransitionInterdite("Cet encaissement ne peut plus être remboursé.")
    if compte.credits_seulement:
        raise DonneeInvalide(
            "Un compte spécial d'encaissement ne se débite pas : remboursez depuis un compte "
            "externe de disponibilités (circulaire 93/82 §2.2.0.2)."
        )
    somme = montant_valide(montant, libelle="Le montant remboursé")
    disponible = excedent(encaissement)
    if somme > disponible:
        raise DonneeInvalide(
            f"Il ne reste que {format_euros(disponible)} de trop-perçu sur cet encaissement : "
            f"on ne peut en rembourser {format_euros(somme)}."
        )
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(le),
        journal="TR",
        date=le,
        libelle=f"Remboursement du trop-perçu à {encaissement.payeur}"[:255],
        lignes=[
            LigneSaisie(COMPTE_ATTENTE, debit=somme, tiers=encaissement.payeur[:120]),
            LigneSaisie(compte.compte.numero, credit=somme),
        ],
        piece=(reference or f"encaissement:{encaissement.pk}")[:120],
    )
    affectation = Affectation.objects.create(
        encaissement=encaissement, montant=somme, par=acting_user, ecriture=ecriture
    )
    audit(
        acting_user,
        "tresorerie.remboursement",
        encaissement,
        apres={"montant": somme, "ecriture": f"TR-{ecriture.numero}"},
    )
    return affectation


@_atomique
def encaissement_annuler(*, acting_user, encaissement: Encaissement, motif: str) -> Encaissement:
    """Cancel a receipt recorded by mistake: its entry is reversed, its allocations
    are undone by rows of opposite sign, and each quittance or reçu is cancelled
    by a new document that references it (never edited, circ. §2.0.6)."""
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, "annuler un encaissement")
    motif = texte(motif, "Le motif de l'annulation", longueur=1000)
    encaissement = Encaissement.objects.select_for_update().get(pk=encaissement.pk)
    if encaissement.etat == Encaissement.Etat.ANNULE:
        raise TransitionInterdite("Cet encaissement est déjà annulé.")
    if encaissement.regularise_par_id:
        raise TransitionInterdite(
            "Cet encaissement est régularisé par un ordre de recette : il ne s'annule plus."
        )
    if encaissement.affectations.filter(ecriture__isnull=False).exists():
        raise TransitionInterdite(
            "Une partie de cet encaissement a été affectée ou remboursée après coup : "
            "l'annulation doit passer par des écritures de régularisation."
        )
    contre = ecriture_contrepasser(
        acting_user=acting_user,
        ecriture=encaissement.ecriture,
        date=max(le, encaissement.date) if le.year == encaissement.date.year else encaissement.date,
        libelle=f"Annulation de l'encaissement n° {encaissement.pk} : {motif}"[:255],
    )
    Affectation.objects.bulk_create(
        [
            Affectation(
                encaissement=encaissement,
                ordre_id=a.ordre_id,
                ligne_id=a.ligne_id,
                montant=-a.montant,
                par=acting_user,
                ecriture=contre,
            )
            for a in encaissement.affectations.filter(montant__gt=0)
        ]
    )
    encaissement.etat = Encaissement.Etat.ANNULE
    encaissement.motif_annulation = motif
    encaissement.ecriture_annulation = contre
    encaissement.save(update_fields=["etat", "motif_annulation", "ecriture_annulation"])
    annules = []
    for document in encaissement.quittances.filter(annulee_par__isnull=True).exclude(
        nature=Quittance.Nature.ANNULATION
    ):
        annules.append(
            _delivrer(
                acting_user, encaissement, Quittance.Nature.ANNULATION, annule=document, motif=motif
            ).reference
        )
    audit(
        acting_user,
        "tresorerie.encaissement_annule",
        encaissement,
        avant={"etat": "enregistre"},
        apres={
            "etat": "annule",
            "motif": motif,
            "ecriture": f"TR-{contre.numero}",
            "documents": annules,
        },
    )
    return encaissement


# --- Restes à recouvrer ------------------------------------------------------------


def recouvre(ordre: OrdreRecette) -> Decimal:
    """Recovered on an order: allocations, and receipts it regularises."""
    affecte = Affectation.objects.filter(ordre=ordre).aggregate(s=Sum("montant"))["s"] or ZERO
    regularise = (
        Encaissement.objects.filter(
            regularise_par=ordre, etat=Encaissement.Etat.ENREGISTRE
        ).aggregate(s=Sum("montant"))["s"]
        or ZERO
    )
    return affecte + regularise


def reste_a_recouvrer(ordre: OrdreRecette) -> Decimal:
    from recettes.services import reste_a_recouvrer as reste

    return reste(ordre)


# --- Paiements ------------------------------------------------------------------------


def _exiger_compte_de_paiement(compte: CompteDisponibilite, moyen: str) -> None:
    if compte.credits_seulement:
        raise DonneeInvalide(
            f"« {compte.libelle} » est un compte spécial d'encaissement : il n'enregistre que des "
            "crédits, aucun paiement n'en part (circulaire 93/82 §2.2.0.2)."
        )
    if not compte.actif:
        raise DonneeInvalide(f"Le compte « {compte.libelle} » est fermé.")
    if moyen == LotPaiement.Moyen.NUMERAIRE and compte.nature != CompteDisponibilite.Nature.CAISSE:
        raise DonneeInvalide("Un paiement en numéraire se fait à la caisse.")
    if moyen in (LotPaiement.Moyen.VIREMENT, LotPaiement.Moyen.CHEQUE) and not compte.iban:
        raise DonneeInvalide(
            f"Un paiement par {LotPaiement.Moyen(moyen).label} part d'un compte bancaire ; "
            f"« {compte.libelle} » n'a pas d'IBAN."
        )


def _bout_en_bout(lot_ref: str, rang: int) -> str:
    return f"{lot_ref}-{rang:05d}"[:35]


@_atomique
def lot_payer(
    *,
    acting_user,
    ordres,
    compte: CompteDisponibilite,
    moyen: str = LotPaiement.Moyen.VIREMENT,
    le: datetime.date | None = None,
) -> LotPaiement:
    """Pay visaed ordres de dépense in one batch (circ. 93/82 §2.1.5, §2.1.6).

    For each creditor's line the opposing parties are paid first, each up to
    what remains of its opposition, the creditor gets the rest. One entry
    (journal TR) debits each creditor's account and credits the account of
    funds; transfers go in one pain.001 file; each order gets its payment
    mention and the credits their payment.
    """
    from budget import services as budget
    from depenses.models import Gestion, OrdreDepense

    le = date_saisie(le or _aujourd_hui(), "La date du paiement")
    exiger_comptable(acting_user, le, "payer un ordre de dépense")
    if moyen not in LotPaiement.Moyen.values:
        raise DonneeInvalide(f"Le moyen de paiement « {moyen} » n'existe pas.")
    _exiger_compte_de_paiement(compte, moyen)
    exercice = exercice_du(le)
    identifiants = sorted({o.pk if hasattr(o, "pk") else int(o) for o in ordres})
    if not identifiants:
        raise DonneeInvalide("Choisissez au moins un ordre de dépense visé à payer.")
    verrouilles = list(
        OrdreDepense.objects.select_for_update(of=("self",))
        .filter(pk__in=identifiants)
        .select_related("exercice", "compte_tiers", "compte_imputation")
        .order_by("pk")
    )
    if len(verrouilles) != len(identifiants):
        raise DonneeInvalide("Un des ordres de dépense demandés n'existe pas.")
    for ordre in verrouilles:
        if ordre.etat == OrdreDepense.Etat.PAYE:
            raise TransitionInterdite(
                f"L'ordre de dépense n° {ordre.reference} est déjà payé (le "
                f"{ordre.paye_le:%d/%m/%Y}, {ordre.paiement_reference}) : il ne se paie qu'une fois."
            )
        if ordre.etat != OrdreDepense.Etat.VISE:
            raise TransitionInterdite(
                f"L'ordre de dépense n° {ordre.reference} n'est pas visé "
                f"({ordre.get_etat_display()}) : seul un ordre visé se paie ({CIRC_REGLEMENT})."
            )
    from depenses.models import LigneOrdreDepense

    lignes = list(
        LigneOrdreDepense.objects.filter(ordre_id__in=identifiants).order_by("ordre_id", "id")
    )
    par_ordre = {o.pk: o for o in verrouilles}
    frappes = {
        i
        for i in Opposition.objects.filter(
            creancier_identifiant__in={lg.identifiant for lg in lignes if lg.identifiant},
            signifiee_le__lte=le,
        )
        .filter(Q(mainlevee_le__isnull=True) | Q(mainlevee_le__gt=le))
        .values_list("creancier_identifiant", flat=True)
    }
    message_id = f"CAISSE-{le:%Y%m%d}-{uuid.uuid4().hex[:12].upper()}"
    paiements: list[Paiement] = []
    opposants = 0
    for ligne in lignes:
        ordre = par_ordre[ligne.ordre_id]
        if moyen == LotPaiement.Moyen.VIREMENT and not ligne.iban:
            raise DonneeInvalide(
                f"L'ordre n° {ordre.reference} ne donne pas l'IBAN de {ligne.creancier} : "
                "payez-le par chèque ou en numéraire."
            )
        if ligne.identifiant and ligne.identifiant in frappes:
            # Opposing parties first, each up to what remains of its act (§2.1.5);
            # a later line of the same creditor sees what this one took.
            parts = repartir_paiement(
                montant=ligne.montant,
                creancier_nom=ligne.creancier,
                creancier_iban=ligne.iban,
                creancier_bic=ligne.bic,
                oppositions=oppositions_opposables(creancier_identifiant=ligne.identifiant, le=le),
            )
        else:
            parts = [None]
        for part in parts:
            if part is not None and part.montant <= 0:
                continue
            reference = _bout_en_bout(message_id[7:], len(paiements) + 1)
            if part is not None and part.opposition_id is not None:
                imputer(acting_user=acting_user, part=part, reference=reference, le=le)
                opposants += 1
            paiements.append(
                Paiement(
                    ordre=ordre,
                    ligne=ligne,
                    opposition_id=part.opposition_id if part else None,
                    beneficiaire=(part.beneficiaire if part else ligne.creancier)[:200],
                    iban=part.iban if part else ligne.iban,
                    bic=part.bic if part else ligne.bic,
                    montant=part.montant if part else ligne.montant,
                    bout_en_bout=reference,
                )
            )
    total = sum((p.montant for p in paiements), ZERO)
    debits: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for ligne in lignes:
        debits[(par_ordre[ligne.ordre_id].compte_tiers.numero, ligne.creancier[:120])] += (
            ligne.montant
        )
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice,
        journal="TR",
        date=le,
        libelle=(
            f"Paiement par {LotPaiement.Moyen(moyen).label} de {len(verrouilles)} ordre(s) de "
            f"dépense, lot {message_id}"
        )[:255],
        lignes=[
            LigneSaisie(numero, debit=somme, tiers=tiers)
            for (numero, tiers), somme in debits.items()
        ]
        + [LigneSaisie(compte.compte.numero, credit=total)],
        piece=message_id,
    )
    fichier = b""
    if moyen == LotPaiement.Moyen.VIREMENT:
        fichier = sepa.pain001(
            message_id=message_id,
            donneur=sepa.Donneur(nom=settings.NOM_ORGANISME, iban=compte.iban, bic=compte.bic),
            date_execution=le,
            virements=[
                sepa.Virement(
                    beneficiaire=p.beneficiaire,
                    iban=p.iban,
                    bic=p.bic,
                    montant=p.montant,
                    bout_en_bout=p.bout_en_bout,
                    libelle=f"Ordre de dépense {p.ordre.reference} {p.ordre.objet}",
                )
                for p in paiements
            ],
        )
    lot = LotPaiement.objects.create(
        exercice=exercice,
        compte=compte,
        moyen=moyen,
        date=le,
        nombre=len(paiements),
        total=total,
        message_id=message_id,
        fichier=fichier,
        empreinte_fichier=hashlib.sha256(fichier).hexdigest() if fichier else "",
        ecriture=ecriture,
        cree_par=acting_user,
    )
    for p in paiements:
        p.lot = lot
    Paiement.objects.bulk_create(paiements, batch_size=5000)
    OrdreDepense.objects.filter(pk__in=identifiants).update(
        etat=OrdreDepense.Etat.PAYE,
        paye_le=le,
        paiement_moyen=moyen,
        paiement_reference=message_id,
        paye_par=acting_user,
    )
    budgetaires: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for ordre in verrouilles:
        if ordre.gestion == Gestion.BUDGETAIRE:
            budgetaires[(ordre.exercice.annee, ordre.compte_imputation.numero)] += ordre.montant
    for (annee, numero), somme in sorted(budgetaires.items()):
        budget.credit_payer(
            acting_user=acting_user,
            exercice=annee,
            compte_numero=numero,
            montant=somme,
            reference=f"lot:{message_id}",
        )
    maintenant = horloge.maintenant()
    JournalAudit.objects.bulk_create(
        [
            JournalAudit(
                acteur=acting_user,
                acte="ordre_depense.paye",
                objet_type="depenses.ordredepense",
                objet_id=str(o.pk),
                objet_libelle=str(o)[:255],
                avant={"etat": "vise"},
                apres={"etat": "paye", "le": le.isoformat(), "moyen": moyen, "lot": message_id},
                horodatage=maintenant,
            )
            for o in verrouilles
        ],
        batch_size=5000,
    )
    audit(
        acting_user,
        "tresorerie.lot_paye",
        lot,
        apres={
            "ordres": len(verrouilles),
            "paiements": len(paiements),
            "total": total,
            "compte": compte.compte.numero,
            "ecriture": f"TR-{ecriture.numero}",
            "oppositions": opposants,
        },
    )
    return lot


# --- Relevés bancaires et rapprochement --------------------------------------------


def _format_releve(contenu: bytes) -> str:
    debut = contenu[:300].lstrip(b"\xef\xbb\xbf").lstrip()
    if debut.startswith(b"<"):
        return "camt.053"
    if debut.lower().startswith(b"date;"):
        return "csv"
    raise DonneeInvalide(
        "Ce fichier n'est ni un relevé camt.053 (XML) ni un relevé CSV commençant par "
        "l'en-tête « date;date_valeur;libelle;reference;debit;credit »."
    )


@_atomique
def releve_importer(
    *,
    acting_user,
    compte: CompteDisponibilite,
    nom_fichier: str,
    contenu: bytes,
    solde_ouverture=None,
) -> Releve:
    """Import a bank statement (camt.053, or CSV with the opening balance given)
    of one account, then match its lines automatically with the books."""
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, "importer un relevé bancaire")
    if not compte.iban:
        raise DonneeInvalide(f"« {compte.libelle} » n'est pas un compte bancaire : pas de relevé.")
    if not contenu:
        raise DonneeInvalide("Le fichier est vide.")
    format_ = _format_releve(contenu)
    if format_ == "camt.053":
        lu = releves.lire_camt053(contenu)
    else:
        if solde_ouverture in (None, ""):
            raise DonneeInvalide("Un relevé CSV ne donne pas le solde d'ouverture : indiquez-le.")
        lu = releves.lire_csv(
            contenu,
            iban=compte.iban,
            solde_ouverture=montant_valide(
                solde_ouverture, libelle="Le solde d'ouverture", strictement_positif=False
            )
            if not str(solde_ouverture).strip().startswith("-")
            else -montant_valide(str(solde_ouverture).strip()[1:], libelle="Le solde d'ouverture"),
        )
    if lu.iban != compte.iban:
        raise DonneeInvalide(
            f"Ce relevé est celui du compte {lu.iban}, pas de « {compte.libelle} » ({compte.iban})."
        )
    empreinte = hashlib.sha256(contenu).hexdigest()
    deja = Releve.objects.filter(compte=compte).filter(
        Q(empreinte=empreinte) | Q(identifiant=lu.identifiant[:80])
    )
    if deja.exists():
        r = deja.first()
        raise TransitionInterdite(
            f"Ce relevé ({lu.identifiant}) a déjà été importé le {r.importe_le:%d/%m/%Y}."
        )
    precedent = (
        Releve.objects.filter(compte=compte, date_fin__lt=lu.date_debut)
        .order_by("-date_fin")
        .first()
    )
    if precedent is not None and precedent.solde_cloture != lu.solde_ouverture:
        raise DonneeInvalide(
            f"Le solde d'ouverture du relevé ({format_euros(lu.solde_ouverture)}) ne suit pas le "
            f"solde de clôture du relevé précédent {precedent.identifiant} "
            f"({format_euros(precedent.solde_cloture)}) : un relevé manque-t-il ?"
        )
    releve = Releve.objects.create(
        compte=compte,
        format=lu.format,
        identifiant=lu.identifiant[:80],
        date_debut=lu.date_debut,
        date_fin=lu.date_fin,
        solde_ouverture=lu.solde_ouverture,
        solde_cloture=lu.solde_cloture,
        nom_fichier=(nom_fichier or "relevé")[:200],
        empreinte=empreinte,
        importe_par=acting_user,
    )
    LigneReleveModele.objects.bulk_create(
        [
            LigneReleveModele(
                releve=releve,
                date_operation=lg.date_operation,
                date_valeur=lg.date_valeur,
                montant=lg.montant,
                sens=lg.sens,
                libelle=lg.libelle[:255],
                reference=lg.reference[:140],
                reference_banque=lg.reference_banque[:140],
                contrepartie=lg.contrepartie[:200],
            )
            for lg in lu.lignes
        ],
        batch_size=2000,
    )
    rapproches = _rapprocher_automatiquement(acting_user, releve)
    audit(
        acting_user,
        "tresorerie.releve_importe",
        releve,
        apres={
            "identifiant": releve.identifiant,
            "lignes": len(lu.lignes),
            "rapprochees": rapproches,
            "solde_cloture": releve.solde_cloture,
        },
    )
    return releve


FENETRE_RAPPROCHEMENT = datetime.timedelta(days=10)


def _rapprocher_automatiquement(acting_user, releve: Releve) -> int:
    """Match statement lines with book lines of the account: by reference first
    (a payment batch's EndToEndIds, a receipt's reference, the entry's pièce),
    then by amount and direction at the nearest date within ten days."""
    compte = releve.compte
    deja = lignes_rapprochees_ids(compte)
    candidates = [
        lg
        for lg in Ligne.objects.filter(
            compte=compte.compte,
            ecriture__date__gte=releve.date_debut - FENETRE_RAPPROCHEMENT,
            ecriture__date__lte=releve.date_fin,
        )
        .exclude(ecriture__journal__a_nouveaux=True)
        .select_related("ecriture")
        .order_by("ecriture__date", "id")
        if lg.pk not in deja
    ]
    libres = {lg.pk: lg for lg in candidates}
    a_faire = list(releve.lignes.filter(rapprochement__isnull=True).order_by("id"))
    appariements: list[tuple[LigneReleveModele, list[Ligne]]] = []

    # 1. Payment batches: every transfer of the lot on the statement, adding up.
    references = {lg.reference for lg in a_faire if lg.reference}
    paiements = {
        p.bout_en_bout: p
        for p in Paiement.objects.filter(bout_en_bout__in=references).select_related("lot")
    }
    par_lot: dict[int, list[LigneReleveModele]] = defaultdict(list)
    for lg in a_faire:
        if lg.reference in paiements and lg.sens == "debit":
            par_lot[paiements[lg.reference].lot_id].append(lg)
    for lot in LotPaiement.objects.filter(pk__in=par_lot):
        lignes_lot = par_lot[lot.pk]
        livre = next(
            (c for c in libres.values() if c.ecriture_id == lot.ecriture_id and c.credit > 0), None
        )
        if (
            livre
            and len(lignes_lot) == lot.nombre
            and sum(x.montant for x in lignes_lot) == livre.credit
        ):
            for lg in lignes_lot:
                appariements.append((lg, [livre]))
            del libres[livre.pk]
    fait = {lg.pk for lg, _ in appariements}

    # 2. By reference, then 3. by amount at the nearest date.
    def sens_livre(lg):
        return "credit" if lg.debit > 0 else "debit"

    def montant_livre(lg):
        return lg.debit or lg.credit

    for passe in ("reference", "montant"):
        for lg in a_faire:
            if lg.pk in fait:
                continue
            possibles = [
                c
                for c in libres.values()
                if sens_livre(c) == lg.sens
                and montant_livre(c) == lg.montant
                and abs((c.ecriture.date - lg.date_operation).days) <= FENETRE_RAPPROCHEMENT.days
            ]
            if passe == "reference":
                possibles = [
                    c
                    for c in possibles
                    if lg.reference and lg.reference in (c.ecriture.piece, c.libelle)
                ]
            if not possibles:
                continue
            choisie = min(
                possibles, key=lambda c: (abs((c.ecriture.date - lg.date_operation).days), c.pk)
            )
            appariements.append((lg, [choisie]))
            fait.add(lg.pk)
            del libres[choisie.pk]
    for lg, lignes in appariements:
        rapprochement = Rapprochement.objects.create(
            ligne_releve=lg, mode=Rapprochement.Mode.AUTOMATIQUE, par=acting_user
        )
        rapprochement.lignes_ecriture.set(lignes)
    return len(appariements)


@_atomique
def rapprocher(*, acting_user, ligne_releve: LigneReleveModele, lignes: list) -> Rapprochement:
    """Match by hand a statement line with one or more book lines of its account."""
    exiger_comptable(acting_user, _aujourd_hui(), "rapprocher un relevé")
    ligne_releve = LigneReleveModele.objects.select_related("releve__compte__compte").get(
        pk=ligne_releve.pk
    )
    if hasattr(ligne_releve, "rapprochement"):
        raise TransitionInterdite(
            "Cette ligne du relevé est déjà rapprochée : défaites-le d'abord."
        )
    ids = [lg.pk if hasattr(lg, "pk") else int(lg) for lg in lignes]
    if not ids:
        raise DonneeInvalide("Choisissez au moins une écriture à rapprocher.")
    compte = ligne_releve.releve.compte
    choisies = list(Ligne.objects.filter(pk__in=ids, compte=compte.compte))
    if len(choisies) != len(set(ids)):
        raise DonneeInvalide(
            f"Une des écritures choisies ne porte pas sur le compte {compte.compte.numero}."
        )
    pris = lignes_rapprochees_ids(compte) & set(ids)
    if pris:
        raise TransitionInterdite("Une des écritures choisies est déjà rapprochée.")
    somme = sum((lg.debit - lg.credit for lg in choisies), ZERO)
    if somme != ligne_releve.montant_signe:
        raise DonneeInvalide(
            f"Les écritures choisies font {format_euros(somme)}, la ligne du relevé "
            f"{format_euros(ligne_releve.montant_signe)} : le rapprochement doit tomber juste."
        )
    rapprochement = Rapprochement.objects.create(
        ligne_releve=ligne_releve, mode=Rapprochement.Mode.MANUEL, par=acting_user
    )
    rapprochement.lignes_ecriture.set(choisies)
    audit(
        acting_user,
        "tresorerie.rapprochement",
        ligne_releve.releve,
        apres={"ligne": ligne_releve.pk, "ecritures": ids, "montant": somme},
    )
    return rapprochement


@_atomique
def expliquer(*, acting_user, ligne_releve: LigneReleveModele, explication: str) -> Rapprochement:
    """Leave a statement line unmatched with a reason (bank error, item to book)."""
    exiger_comptable(acting_user, _aujourd_hui(), "expliquer une ligne de relevé")
    explication = texte(explication, "L'explication", longueur=1000)
    ligne_releve = LigneReleveModele.objects.get(pk=ligne_releve.pk)
    if hasattr(ligne_releve, "rapprochement"):
        raise TransitionInterdite("Cette ligne du relevé est déjà rapprochée ou expliquée.")
    rapprochement = Rapprochement.objects.create(
        ligne_releve=ligne_releve,
        mode=Rapprochement.Mode.EXPLIQUE,
        explication=explication,
        par=acting_user,
    )
    audit(
        acting_user,
        "tresorerie.ligne_expliquee",
        ligne_releve.releve,
        apres={"ligne": ligne_releve.pk, "explication": explication},
    )
    return rapprochement


@_atomique
def rapprochement_defaire(*, acting_user, rapprochement: Rapprochement) -> None:
    exiger_comptable(acting_user, _aujourd_hui(), "défaire un rapprochement")
    rapprochement = Rapprochement.objects.select_related("ligne_releve__releve").get(
        pk=rapprochement.pk
    )
    avant = {
        "ligne": rapprochement.ligne_releve_id,
        "mode": rapprochement.mode,
        "ecritures": list(rapprochement.lignes_ecriture.values_list("pk", flat=True)),
    }
    releve = rapprochement.ligne_releve.releve
    rapprochement.lignes_ecriture.clear()
    rapprochement.delete()
    audit(acting_user, "tresorerie.rapprochement_defait", releve, avant=avant)


# --- Arrêté de caisse ------------------------------------------------------------------

COUPURES = (
    "500", "200", "100", "50", "20", "10", "5", "2", "1", "0.50", "0.20", "0.10", "0.05", "0.02", "0.01",
)  # fmt: skip
COMPTE_DEBETS = "429"
COMPTE_EXCEDENTS = "4712"


def _coupure(valeur) -> str | None:
    """The denomination a key stands for ("0,50", "0.5" → "0.50"), or None."""
    try:
        nombre = Decimal(str(valeur).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    if not nombre.is_finite():
        return None
    return next((c for c in COUPURES if Decimal(c) == nombre), None)


@_atomique
def arrete_caisse(
    *,
    acting_user,
    compte: CompteDisponibilite,
    comptage: dict,
    date: datetime.date | None = None,
    observations: str = "",
) -> ArreteCaisse:
    """The daily arrêté: counted cash against the book balance (circ. 93/82 §2.2).

    A shortfall is covered by the agent comptable from his own money: it is put
    on him as a débet (429 / 531, DOMAIN §9). A surplus belongs to the fund
    after prescription: it waits in 4712 (531 / 4712).
    """
    date = date_saisie(date or _aujourd_hui(), "La date de l'arrêté")
    exiger_comptable(acting_user, date, "arrêter la caisse")
    if compte.nature not in (CompteDisponibilite.Nature.CAISSE, CompteDisponibilite.Nature.REGIE):
        raise DonneeInvalide("L'arrêté de caisse porte sur une caisse ou une régie.")
    if date > _aujourd_hui():
        raise DonneeInvalide("On n'arrête pas la caisse d'un jour à venir.")
    exercice = exercice_du(date)
    if ArreteCaisse.objects.filter(compte=compte, date=date).exists():
        raise TransitionInterdite(f"La caisse est déjà arrêtée pour le {date:%d/%m/%Y}.")
    propre: dict[str, int] = {}
    for coupure, nombre in (comptage or {}).items():
        cle = _coupure(coupure)
        if cle is None:
            raise DonneeInvalide(f"« {coupure} » n'est pas une coupure ou une pièce en euros.")
        try:
            n = int(str(nombre).strip() or 0)
        except ValueError:
            raise DonneeInvalide(f"Le nombre de « {coupure} € » doit être un entier.") from None
        if n < 0:
            raise DonneeInvalide(f"Le nombre de « {coupure} € » ne peut être négatif.")
        if n:
            propre[cle] = propre.get(cle, 0) + n
    total = sum((Decimal(c) * n for c, n in propre.items()), ZERO).quantize(Decimal("0.01"))
    solde = solde_comptable(compte.compte.numero, date)
    ecart = total - solde
    ecriture = None
    titulaire = comptable_en_titre(date)
    if ecart < 0:
        ecriture = ecriture_passer(
            acting_user=acting_user,
            exercice=exercice,
            journal="OD",
            date=date,
            libelle=(
                f"Manquant de caisse de {format_euros(-ecart)} à l'arrêté du {date:%d/%m/%Y}, "
                "mis à la charge de l'agent comptable (débet)"
            ),
            lignes=[
                LigneSaisie(
                    COMPTE_DEBETS,
                    debit=-ecart,
                    tiers=f"{nom_complet(titulaire)}, agent comptable"[:120],
                ),
                LigneSaisie(compte.compte.numero, credit=-ecart),
            ],
            piece=f"arrete_caisse:{date:%Y%m%d}",
        )
    elif ecart > 0:
        ecriture = ecriture_passer(
            acting_user=acting_user,
            exercice=exercice,
            journal="OD",
            date=date,
            libelle=(
                f"Excédent de caisse de {format_euros(ecart)} à l'arrêté du {date:%d/%m/%Y}, "
                "acquis à l'organisme à l'expiration de la prescription"
            ),
            lignes=[
                LigneSaisie(compte.compte.numero, debit=ecart),
                LigneSaisie(COMPTE_EXCEDENTS, credit=ecart, tiers=f"Arrêté du {date:%d/%m/%Y}"),
            ],
            piece=f"arrete_caisse:{date:%Y%m%d}",
        )
    arrete = ArreteCaisse.objects.create(
        compte=compte,
        date=date,
        comptage=propre,
        total_compte=total,
        solde_comptable=solde,
        ecart=ecart,
        ecriture=ecriture,
        observations=(observations or "").strip(),
        par=acting_user,
    )
    audit(
        acting_user,
        "tresorerie.arrete_caisse",
        arrete,
        apres={
            "compte": total,
            "comptable": solde,
            "ecart": ecart,
            "ecriture": f"OD-{ecriture.numero}" if ecriture else None,
        },
    )
    return arrete


# --- Régularisation mensuelle des encaissements sans titre -----------------------------


@_atomique
def regularisation_preparer(*, acting_user, annee: int, mois: int) -> list[OrdreRecette]:
    """Gather the month's receipts cashed directly by the agent comptable on
    contracts he keeps into regularising ordres de recette (one per product
    account), drafts in the directeur's parapheur. Taken in charge, each
    clears 4713 against the product (4713 / 7xx)."""
    from core.ordres import exiger_ordonnateur
    from recettes import services as recettes

    exiger_ordonnateur(
        acting_user,
        "émettre l'ordre de recette de régularisation",
        source="circulaire 93/82 §2.0.0",
    )
    try:
        debut = datetime.date(int(annee), int(mois), 1)
    except (TypeError, ValueError):
        raise DonneeInvalide(f"Le mois {mois}/{annee} n'existe pas.") from None
    fin = (debut + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    encaissements = list(
        Encaissement.objects.select_for_update(of=("self",))
        .filter(
            sans_titre=True,
            etat=Encaissement.Etat.ENREGISTRE,
            regularise_par__isnull=True,
            date__range=(debut, fin),
        )
        .select_related("compte_produit")
        .order_by("compte_produit__numero", "date", "pk")
    )
    if not encaissements:
        raise TransitionInterdite(f"Aucun encaissement à régulariser en {debut:%m/%Y}.")
    groupes: dict[tuple[str, str], list[Encaissement]] = defaultdict(list)
    for enc in encaissements:
        groupes[(enc.compte_produit.numero, enc.nature_recette)].append(enc)
    ordres = []
    for (produit, nature), liste in groupes.items():
        par_payeur: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for enc in liste:
            par_payeur[enc.payeur] += enc.montant
        derniere = max(e.date for e in liste)
        ordre = recettes.ordre_recette_creer(
            acting_user=acting_user,
            saisie=recettes.SaisieOrdre(
                nature=nature,
                objet=f"Régularisation des encaissements de {debut:%m/%Y} ({produit})",
                bases_liquidation="Encaissements sans ordre préalable : "
                + " ; ".join(
                    f"n° {e.pk} du {e.date:%d/%m/%Y}, {e.payeur}, {format_euros(e.montant)}"
                    for e in liste
                ),
                compte_imputation=produit,
                compte_tiers=COMPTE_A_REGULARISER,
                date_fait=derniere,
                dates={
                    k: derniere
                    for k in (
                        "encaissement",
                        "echeance",
                        "liquidation",
                        "droits_acquis",
                        "contrat",
                        "reception",
                        "decision",
                        "reglement",
                    )
                },
                lignes=[
                    recettes.LigneDebiteur(payeur, "partie versante", somme)
                    for payeur, somme in par_payeur.items()
                ],
                type="collectif" if len(par_payeur) > 1 else "individuel",
                pieces_references="Quittances et reçus des encaissements régularisés",
            ),
        )
        Encaissement.objects.filter(pk__in=[e.pk for e in liste]).update(regularise_par=ordre)
        ordres.append(ordre)
        audit(
            acting_user,
            "tresorerie.regularisation_preparee",
            ordre,
            apres={"encaissements": [e.pk for e in liste], "mois": f"{debut:%m/%Y}"},
        )
    return ordres


# --- Mouvements de fonds et frais --------------------------------------------------------


@_atomique
def virement_interne(
    *,
    acting_user,
    de: CompteDisponibilite,
    vers: CompteDisponibilite,
    montant,
    date: datetime.date | None = None,
    libelle: str = "",
) -> Ecriture:
    """Move funds between the fund's accounts (circ. 93/82 §2.2.0): the daily
    drawing from the Caisse des dépôts to the compte spécial d'exécution, the
    nivellement of a compte spécial d'encaissement, cash to the bank."""
    date = date_saisie(date or _aujourd_hui(), "La date du virement")
    exiger_comptable(acting_user, date, "virer des fonds entre comptes")
    if de.pk == vers.pk:
        raise DonneeInvalide("Un virement interne va d'un compte à un autre.")
    if vers.credits_seulement:
        raise DonneeInvalide(
            f"« {vers.libelle} » n'est alimenté que par le versement des cotisations "
            "(circulaire 93/82 §2.2.0.2) : on n'y vire pas de fonds."
        )
    somme = montant_valide(montant, libelle="Le montant du virement")
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(date),
        journal="TR",
        date=date,
        libelle=(libelle or f"Virement de « {de.libelle} » vers « {vers.libelle} »")[:255],
        lignes=[
            LigneSaisie(vers.compte.numero, debit=somme),
            LigneSaisie(de.compte.numero, credit=somme),
        ],
        piece=f"virement:{de.code}>{vers.code}",
    )
    audit(
        acting_user,
        "tresorerie.virement_interne",
        de,
        apres={"vers": vers.code, "montant": somme, "ecriture": f"TR-{ecriture.numero}"},
    )
    return ecriture


@_atomique
def frais_bancaires(
    *,
    acting_user,
    compte: CompteDisponibilite,
    montant,
    libelle: str,
    date: datetime.date | None = None,
    ligne_releve: LigneReleveModele | None = None,
) -> Ecriture:
    """Book the fees of an account (627 / bank). Those of a compte spécial
    d'encaissement are charged to the external account designated for it
    (circ. 93/82 §2.2.0.3). Given a statement line, the entry is matched with it."""
    date = date_saisie(date or _aujourd_hui(), "La date des frais")
    exiger_comptable(acting_user, date, "comptabiliser des frais bancaires")
    payeur = compte.compte_frais if compte.credits_seulement else compte
    if payeur is None or not payeur.iban:
        raise DonneeInvalide(f"« {compte.libelle} » ne supporte pas de frais bancaires.")
    somme = montant_valide(montant, libelle="Le montant des frais")
    libelle = texte(libelle, "Le libellé", longueur=200)
    if ligne_releve is not None:
        ligne_releve = LigneReleveModele.objects.select_related("releve").get(pk=ligne_releve.pk)
        if (
            ligne_releve.releve.compte_id != payeur.pk
            or ligne_releve.sens != "debit"
            or ligne_releve.montant != somme
            or hasattr(ligne_releve, "rapprochement")
        ):
            raise DonneeInvalide(
                "Cette ligne de relevé n'est pas un débit libre de ce montant sur le compte qui "
                "supporte les frais."
            )
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(date),
        journal="TR",
        date=date,
        libelle=f"Frais bancaires : {libelle}"[:255],
        lignes=[
            LigneSaisie("627", debit=somme),
            LigneSaisie(payeur.compte.numero, credit=somme),
        ],
        piece=(ligne_releve.reference_banque if ligne_releve else f"frais:{compte.code}")[:120],
    )
    if ligne_releve is not None:
        rapprochement = Rapprochement.objects.create(
            ligne_releve=ligne_releve, mode=Rapprochement.Mode.MANUEL, par=acting_user
        )
        rapprochement.lignes_ecriture.set(
            Ligne.objects.filter(ecriture=ecriture, compte=payeur.compte)
        )
    audit(
        acting_user,
        "tresorerie.frais_bancaires",
        compte,
        apres={"supportes_par": payeur.code, "montant": somme, "ecriture": f"TR-{ecriture.numero}"},
    )
    return ecriture
