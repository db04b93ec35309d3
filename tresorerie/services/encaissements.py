"""Receipts: recorded and allocated, cashed without ordre de recette, their
excess allocated or refunded, cancelled (circ. 93/82 §2.0.6)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import ZERO, format_euros
from core.money import montant as montant_valide
from core.saisie import date as date_saisie
from core.saisie import texte
from core.verrous import verrouiller
from ledger.models import Compte
from ledger.services import LigneSaisie, ecriture_contrepasser, ecriture_passer
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_le
from recettes.models import LigneOrdreRecette, OrdreRecette
from recettes.models import Nature as NatureRecette
from recettes.selectors import restes_par_ligne
from tresorerie.models import Affectation, CompteDisponibilite, Encaissement, Quittance
from tresorerie.services.caisse import exiger_caisse_ouverte
from tresorerie.services.commun import (
    CIRC_ENCAISSEMENT,
    CIRC_TRESORERIE,
    COMPTE_A_REGULARISER,
    COMPTE_ATTENTE,
    _atomique,
    _aujourd_hui,
    _est_comptable,
    exercice_du,
)
from tresorerie.services.documents import _delivrer
from tresorerie.services.paiements import exiger_solde
from tresorerie.services.regies_caisse import exiger_regie_pour_encaissement


def reste_sur_ligne(ligne: LigneOrdreRecette) -> Decimal:
    """What may still be allocated to a debtor's line: the lesser of the line's
    reste and its order's (`recettes.selectors`, the bound the allocation
    trigger applies)."""
    return restes_par_ligne([ligne.ordre_id]).values_list("reste", flat=True).get(pk=ligne.pk)


def exiger_cotisation(compte: CompteDisponibilite, ordre: OrdreRecette) -> None:
    """What comes into a compte spécial d'encaissement goes only to cotisations
    and their majorations (circulaire 93/82 §2.2.0.2), when received and when an
    excess waiting in 4711 is allocated later; the ledger refuses any other
    counterpart of a debit to it (migration 0009)."""
    if compte.credits_seulement and ordre.nature not in (
        NatureRecette.COTISATION,
        NatureRecette.MAJORATION,
    ):
        raise DonneeInvalide(
            f"Le compte spécial d'encaissement n'est alimenté que par le versement des "
            f"cotisations (circulaire 93/82 §2.2.0.2) : l'ordre n° {ordre.reference} est de "
            f"nature « {ordre.get_nature_display()} »."
        )


# --- Encaissements --------------------------------------------------------------


@dataclass(frozen=True)
class Repartition:
    """Part of a receipt to allocate to one debtor's line of an ordre de recette."""

    ligne: LigneOrdreRecette | int
    montant: Decimal | str


def _exiger_encaisseur(
    acting_user, compte: CompteDisponibilite, moyen: str, le: datetime.date, montant=None
):
    """The agent comptable alone handles funds (circ. §2.2); a régisseur takes cash
    and cheques at his own régie, under the agent comptable (§II). A fondé de
    pouvoir receives within his procuration's ceiling (§1.1.1)."""
    if _est_comptable(acting_user, le):
        exiger_comptable(acting_user, le, "encaisser", code="tresorerie.encaisser", montant=montant)
        return
    if (
        Fonction.REGISSEUR in fonctions_le(acting_user, le)
        and compte.nature == CompteDisponibilite.Nature.REGIE
        and compte.regisseur_id == acting_user.pk
        and moyen in (Encaissement.Moyen.NUMERAIRE, Encaissement.Moyen.CHEQUE)
    ):
        return
    aujourd_hui = _aujourd_hui()
    if le != aujourd_hui and _est_comptable(acting_user, aujourd_hui):
        raise DroitInsuffisant(
            f"Le {le:%d/%m/%Y}, vous n'exerciez pas la fonction d'agent comptable : un "
            "encaissement se date d'un jour où vous la teniez."
        )
    raise DroitInsuffisant(
        "Seul l'agent comptable manie les fonds de l'organisme ; un régisseur n'encaisse que le "
        f"numéraire et les chèques de sa propre régie ({CIRC_TRESORERIE} et §II)."
    )


def _exiger_compte_pour(compte: CompteDisponibilite, moyen: str, reference=""):
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
    if moyen == Encaissement.Moyen.PRELEVEMENT:
        if numeraire:
            raise DonneeInvalide(
                "Un prélèvement SEPA se reçoit sur un compte bancaire, pas en caisse."
            )
        if not str(reference or "").strip():
            raise DonneeInvalide(
                "Un prélèvement SEPA se reconnaît à sa référence de bout en bout (EndToEndId) : "
                "indiquez-la, elle sert à retrouver un prélèvement impayé au relevé."
            )


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
    if date > _aujourd_hui():
        raise DonneeInvalide("Un encaissement ne se date pas dans le futur.")
    # The date's exercise first: a date outside any open exercise is refused as
    # such, to the agent comptable as to the régisseur (not as a question of role).
    exercice = exercice_du(date)
    _exiger_encaisseur(acting_user, compte, moyen, date, montant)
    _exiger_compte_pour(compte, moyen, reference)
    parts = _lignes_reparties(repartitions)
    if not _est_comptable(acting_user, date):
        # A régisseur at a régie decided by the directeur: its rules (circ. 93/82, régies).
        exiger_regie_pour_encaissement(compte, montant, date, [ligne for ligne, _ in parts])
    exiger_caisse_ouverte(compte, date, "l'encaissement")
    total = montant_valide(montant, libelle="Le montant encaissé")
    payeur = texte(payeur, "Le nom de la partie versante")
    objet = texte(objet, "L'objet du versement", longueur=255)
    reference = texte(reference, "La référence", longueur=120, obligatoire=False)
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
        reste = reste_sur_ligne(ligne)
        if somme > reste:
            raise DonneeInvalide(
                f"L'ordre de recette n° {ordre.reference} ne laisse que {format_euros(reste)} à "
                f"recouvrer sur {ligne.debiteur} : {format_euros(somme)} dépasseraient la créance. "
                "Le surplus reste en attente d'affectation (compte 4711)."
            )
        exiger_cotisation(compte, ordre)
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
        acting_user=acting_user,
        exercice=exercice,
        journal="TR",
        date=date,
        libelle=f"Encaissement ({Encaissement.Moyen(moyen).label}) de {payeur}"[:255],
        lignes=lignes,
        piece=(reference or f"encaissement:{payeur}")[:120],
        # A régisseur's receipt is posted in his own name, at his régie only
        # (circ. 93/82 §1.1.1: the books are the agent comptable's, not delegated).
        regie="" if _est_comptable(acting_user, date) else compte.compte.numero,
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
    exiger_comptable(
        acting_user,
        date,
        "encaisser une recette sans ordre préalable",
        code="tresorerie.encaisser_sans_titre",
        montant=montant,
    )
    if moyen not in Encaissement.Moyen.values:
        raise DonneeInvalide(f"Le moyen de paiement « {moyen} » n'existe pas.")
    _exiger_compte_pour(compte, moyen, reference)
    exiger_caisse_ouverte(compte, date, "l'encaissement")
    if compte.credits_seulement:
        raise DonneeInvalide(
            "Le compte spécial d'encaissement n'est alimenté que par le versement des cotisations "
            "(circulaire 93/82 §2.2.0.2)."
        )
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
    exiger_comptable(
        acting_user,
        le,
        "affecter un encaissement",
        code="tresorerie.excedent_affecter",
        montant=montant,
    )
    encaissement = verrouiller(Encaissement, encaissement.pk)
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
    exiger_cotisation(encaissement.compte, ordre)
    reste = reste_sur_ligne(ligne)
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
    exiger_comptable(
        acting_user,
        le,
        "rembourser un trop-perçu",
        code="tresorerie.excedent_rembourser",
        montant=montant,
    )
    encaissement = verrouiller(Encaissement, encaissement.pk)
    if encaissement.etat != Encaissement.Etat.ENREGISTRE or encaissement.sans_titre:
        raise TransitionInterdite("Cet encaissement ne peut plus être remboursé.")
    if compte.credits_seulement:
        raise DonneeInvalide(
            "Un compte spécial d'encaissement ne se débite pas : remboursez depuis un compte "
            "externe de disponibilités (circulaire 93/82 §2.2.0.2)."
        )
    exiger_caisse_ouverte(compte, le, "le remboursement")
    somme = montant_valide(montant, libelle="Le montant remboursé")
    disponible = excedent(encaissement)
    if somme > disponible:
        raise DonneeInvalide(
            f"Il ne reste que {format_euros(disponible)} de trop-perçu sur cet encaissement : "
            f"on ne peut en rembourser {format_euros(somme)}."
        )
    # Money leaves the account: not below its authorised overdraft (issue 10).
    compte = verrouiller(CompteDisponibilite.objects.select_related("compte"), compte.pk)
    exiger_solde(compte, somme, le, "remboursement")
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
    exiger_comptable(
        acting_user,
        le,
        "annuler un encaissement",
        code="tresorerie.encaissement_annuler",
        montant=encaissement.montant,
    )
    motif = texte(motif, "Le motif de l'annulation", longueur=1000)
    encaissement = verrouiller(Encaissement, encaissement.pk)
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
    jour = max(le, encaissement.date) if le.year == encaissement.date.year else encaissement.date
    exiger_caisse_ouverte(encaissement.compte, jour, "l'annulation")
    contre = ecriture_contrepasser(
        acting_user=acting_user,
        ecriture=encaissement.ecriture,
        date=jour,
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
