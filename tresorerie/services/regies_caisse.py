"""The acts of a régie in activity: the régisseur cashes and pays, remits and
closes his day; the agent comptable pays the avance, admits the expenses,
acknowledges the remittances and controls the régie (the arrêté and the
control in `regies_arrete`, re-exported here) (circulaire 93/82,
régies: « les régisseurs agissant pour le compte et sous la surveillance de
l'agent comptable »; §2.0.6: cash against a quittance of a carnet à souches).

Postings:
- receipt of the régie (the régisseur, in his name): 541x / 4713, the product
  and nature kept on the receipt for the monthly regularising ordre de recette;
- avance (agent comptable): 541x / the account it is paid from (531, 5122…);
- expenses of the régisseur: no entry when paid (the books are the agent
  comptable's); the agent comptable, checking the régisseur's statement with
  its pièces, admits it: 6xx (the charge of each operation) / 541x;
- remittance acknowledged (agent comptable): 531 (or the bank account the cash
  was paid into) / 541x.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import ZERO, format_euros
from core.money import montant as montant_valide
from core.saisie import texte
from core.verrous import verrouiller
from ledger.services import LigneSaisie, ecriture_passer
from personnes.permissions import exiger_comptable
from recettes.models import Nature as NatureRecette
from tresorerie.models import (
    ArreteRegie,
    AvanceRegie,
    Carnet,
    CompteDisponibilite,
    DepenseRegie,
    Encaissement,
    EtatDepensesRegie,
    OperationRegie,
    Quittance,
    Regie,
    VersementRegie,
)
from tresorerie.services.caisse import exiger_caisse_ouverte
from tresorerie.services.commun import (
    COMPTE_A_REGULARISER,
    _atomique,
    _aujourd_hui,
    exercice_du,
)
from tresorerie.services.documents import _delivrer
from tresorerie.services.paiements import exiger_solde
from tresorerie.services.regies import encaisse, exiger_regisseur_de

CIRC = "circulaire 93/82, régies"


def _regie(regie: Regie) -> Regie:
    return verrouiller(Regie.objects.select_related("compte__compte"), regie.pk)


def exiger_regie_ouverte(regie: Regie, date: datetime.date, acte: str) -> None:
    """After the régisseur's arrêté of a day, nothing of that day at his régie."""
    arrete = ArreteRegie.objects.filter(regie=regie, date__gte=date).order_by("-date").first()
    if arrete is not None:
        le = timezone.localtime(arrete.le)
        raise TransitionInterdite(
            f"La régie « {regie.libelle} » est arrêtée depuis le {le:%d/%m/%Y} à {le:%H:%M} pour "
            f"la journée du {arrete.date:%d/%m/%Y} : aucune opération n'y est plus enregistrée à "
            f"cette date ; {acte} attendra le jour ouvré suivant."
        )
    exiger_caisse_ouverte(regie.compte, date, acte)


def _operation(regie: Regie, operation, sens: str) -> OperationRegie:
    pk = operation.pk if isinstance(operation, OperationRegie) else operation
    trouvee = OperationRegie.objects.filter(pk=pk, regie=regie, sens=sens).first() if pk else None
    if trouvee is None:
        permises = (
            ", ".join(regie.operations.filter(sens=sens).values_list("libelle", flat=True))
            or "aucune"
        )
        quoi = "recette" if sens == OperationRegie.Sens.RECETTE else "dépense"
        raise DonneeInvalide(
            f"Cette nature de {quoi} n'est pas permise par l'acte constitutif de la régie "
            f"« {regie.libelle} » (natures permises : {permises})."
        )
    return trouvee


def _exiger_plafond(regie: Regie, somme: Decimal, date: datetime.date) -> None:
    avant = encaisse(regie, date)
    if avant.theorique + somme > regie.plafond_encaisse:
        raise TransitionInterdite(
            f"Cet encaissement porterait l'encaisse de la régie à "
            f"{format_euros(avant.theorique + somme)}, au-delà de son plafond de "
            f"{format_euros(regie.plafond_encaisse)} : versez d'abord vos fonds à l'agent "
            "comptable."
        )


def exiger_regie_pour_encaissement(compte: CompteDisponibilite, montant, date, lignes=()) -> None:
    """A régisseur's receipt recorded against ordres de recette at his régie
    (`encaissement_enregistrer`) keeps the régie's rules too: the régie in
    activity, a régie of recettes (a régie d'avances takes no receipt), its
    day not arrêté, its ceiling of cash, and the natures of recette its acte
    constitutif allows: each order line's ordre must be of one of them."""
    regie = Regie.objects.filter(compte_id=compte.pk).first()
    if regie is None:
        return
    # Locked as the régie's own acts lock it: two receipts do not both pass the ceiling.
    regie = _regie(regie)
    if regie.etat != Regie.Etat.CREEE:
        raise TransitionInterdite(
            f"La régie « {regie.libelle} » n'est pas en activité ({regie.get_etat_display()})."
        )
    if not regie.recettes:
        raise DonneeInvalide(
            f"La régie « {regie.libelle} » est une régie d'avances : elle n'encaisse pas."
        )
    permises = {
        n
        for n in regie.operations.filter(sens=OperationRegie.Sens.RECETTE).values_list(
            "nature_recette", flat=True
        )
        if n
    }
    for ligne in lignes:
        ordre = ligne.ordre
        if ordre.nature not in permises:
            noms = ", ".join(sorted(NatureRecette(n).label for n in permises)) or "aucune"
            raise DonneeInvalide(
                f"L'ordre de recette n° {ordre.reference} est de nature « "
                f"{ordre.get_nature_display()} », que l'acte constitutif de la régie "
                f"« {regie.libelle} » ne permet pas d'encaisser (natures permises : {noms}) : "
                "il s'encaisse à la caisse de l'agent comptable."
            )
    exiger_regie_ouverte(regie, date, "l'encaissement")
    _exiger_plafond(regie, montant_valide(montant, libelle="Le montant encaissé"), date)


# --- Le régisseur encaisse ----------------------------------------------------------------


@_atomique
def regie_encaisser(
    *,
    acting_user,
    regie: Regie,
    operation: OperationRegie | int,
    montant,
    payeur: str,
    objet: str,
    moyen: str = Encaissement.Moyen.NUMERAIRE,
    reference: str = "",
) -> Encaissement:
    """The régisseur cashes a receipt of a nature his régie allows, against a
    quittance of his own carnet for that régie (cash), within the ceiling of
    cash: beyond it he first remits to the agent comptable."""
    date = _aujourd_hui()
    regie = _regie(regie)
    exiger_regisseur_de(acting_user, regie, date)
    if not regie.recettes:
        raise DonneeInvalide(
            f"La régie « {regie.libelle} » est une régie d'avances : elle n'encaisse pas."
        )
    if moyen not in (Encaissement.Moyen.NUMERAIRE, Encaissement.Moyen.CHEQUE):
        raise DonneeInvalide("Un régisseur n'encaisse que du numéraire ou des chèques.")
    op = _operation(regie, operation, OperationRegie.Sens.RECETTE)
    total = montant_valide(montant, libelle="Le montant encaissé")
    payeur = texte(payeur, "Le nom de la partie versante")
    objet = texte(objet, "L'objet du versement", longueur=255)
    reference = texte(reference, "La référence", longueur=120, obligatoire=False)
    exiger_regie_ouverte(regie, date, "l'encaissement")
    if (
        moyen == Encaissement.Moyen.NUMERAIRE
        and not Carnet.objects.filter(
            type=Carnet.Type.QUITTANCE,
            compte=regie.compte,
            titulaire=acting_user,
            clos_le__isnull=True,
        ).exists()
    ):
        raise TransitionInterdite(
            "Vous n'avez pas de carnet de quittances ouvert pour cette régie : l'agent comptable "
            "vous en délivre un (circulaire 93/82 §2.0.6)."
        )
    _exiger_plafond(regie, total, date)
    exercice = exercice_du(date)
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice,
        journal="TR",
        date=date,
        libelle=f"Régie « {regie.libelle} » : {op.libelle}, {payeur}"[:255],
        lignes=[
            LigneSaisie(regie.compte.compte.numero, debit=total, libelle=objet[:255]),
            LigneSaisie(COMPTE_A_REGULARISER, credit=total, tiers=payeur[:120]),
        ],
        piece=(reference or f"regie:{regie.pk}")[:120],
        regie=regie.compte.compte.numero,
    )
    recu = Encaissement.objects.create(
        exercice=exercice,
        date=date,
        compte=regie.compte,
        moyen=moyen,
        montant=total,
        payeur=payeur,
        objet=objet,
        reference=reference,
        sans_titre=True,
        compte_produit=op.compte,
        nature_recette=op.nature_recette,
        recu_par=acting_user,
        ecriture=ecriture,
    )
    documents = []
    if moyen == Encaissement.Moyen.NUMERAIRE:
        documents.append(_delivrer(acting_user, recu, Quittance.Nature.QUITTANCE).reference)
    audit(
        acting_user,
        "tresorerie.regie_encaissement",
        recu,
        apres={
            "regie": regie.pk,
            "operation": op.libelle,
            "montant": total,
            "ecriture": f"TR-{ecriture.numero}",
            "documents": documents,
        },
    )
    return recu


# --- Régie d'avances -------------------------------------------------------------------------


@_atomique
def regie_avance(*, acting_user, regie: Regie, montant, source: CompteDisponibilite) -> AvanceRegie:
    """The agent comptable pays the avance to the régie d'avances: 541x / source."""
    date = _aujourd_hui()
    exiger_comptable(acting_user, date, "verser une avance à une régie", montant=montant)
    regie = _regie(regie)
    if not regie.avances or regie.etat != Regie.Etat.CREEE:
        raise DonneeInvalide(
            f"La régie « {regie.libelle} » n'est pas une régie d'avances en activité."
        )
    somme = montant_valide(montant, libelle="Le montant de l'avance")
    source = verrouiller(CompteDisponibilite.objects.select_related("compte"), source.pk)
    if source.nature not in (CompteDisponibilite.Nature.CAISSE, CompteDisponibilite.Nature.EXTERNE):
        raise DonneeInvalide(
            "L'avance se paie depuis la caisse ou un compte externe de disponibilités."
        )
    avant = encaisse(regie, date)
    if avant.theorique + somme > regie.plafond_encaisse:
        raise TransitionInterdite(
            f"L'avance porterait l'encaisse de la régie à {format_euros(avant.theorique + somme)}, "
            f"au-delà de son plafond de {format_euros(regie.plafond_encaisse)}."
        )
    exiger_caisse_ouverte(source, date, "l'avance")
    exiger_solde(source, somme, date, "avance")
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(date),
        journal="TR",
        date=date,
        libelle=f"Avance à la régie « {regie.libelle} »"[:255],
        lignes=[
            LigneSaisie(regie.compte.compte.numero, debit=somme),
            LigneSaisie(source.compte.numero, credit=somme),
        ],
        piece=f"avance-regie:{regie.pk}",
    )
    avance = AvanceRegie.objects.create(
        regie=regie, date=date, montant=somme, source=source, par=acting_user, ecriture=ecriture
    )
    audit(
        acting_user,
        "tresorerie.regie_avance",
        regie,
        apres={"montant": somme, "ecriture": f"TR-{ecriture.numero}"},
    )
    return avance


@_atomique
def regie_depenser(
    *,
    acting_user,
    regie: Regie,
    operation: OperationRegie | int,
    montant,
    beneficiaire: str,
    objet: str,
    piece: str,
) -> DepenseRegie:
    """The régisseur pays a small expense of a nature allowed, within the
    ceiling of one expense and the cash he holds, with its pièce."""
    date = _aujourd_hui()
    regie = _regie(regie)
    exiger_regisseur_de(acting_user, regie, date)
    if not regie.avances:
        raise DonneeInvalide(
            f"La régie « {regie.libelle} » est une régie de recettes : elle ne paie pas."
        )
    op = _operation(regie, operation, OperationRegie.Sens.DEPENSE)
    somme = montant_valide(montant, libelle="Le montant de la dépense")
    if somme > regie.plafond_depense:
        raise DonneeInvalide(
            f"Une dépense de {format_euros(somme)} dépasse le plafond de "
            f"{format_euros(regie.plafond_depense)} par dépense fixé par l'acte constitutif : "
            "elle suit la procédure ordinaire de l'ordre de dépense."
        )
    beneficiaire = texte(beneficiaire, "Le bénéficiaire")
    objet = texte(objet, "L'objet de la dépense", longueur=255)
    piece = texte(piece, "La pièce justificative", longueur=120)
    exiger_regie_ouverte(regie, date, "la dépense")
    disponible = encaisse(regie, date).theorique
    if somme > disponible:
        raise TransitionInterdite(
            f"La régie ne détient que {format_euros(disponible)} : la dépense de "
            f"{format_euros(somme)} attend l'avance de l'agent comptable."
        )
    depense = DepenseRegie.objects.create(
        regie=regie,
        operation=op,
        date=date,
        beneficiaire=beneficiaire,
        objet=objet,
        piece=piece,
        montant=somme,
        payee_par=acting_user,
    )
    audit(
        acting_user,
        "tresorerie.regie_depense",
        depense,
        apres={"montant": somme, "operation": op.libelle, "piece": piece},
    )
    return depense


@_atomique
def regie_etat_depenses(*, acting_user, regie: Regie) -> EtatDepensesRegie:
    """The régisseur's statement of the expenses he paid and has not yet
    justified, sent with their pièces to the agent comptable."""
    date = _aujourd_hui()
    regie = _regie(regie)
    exiger_regisseur_de(acting_user, regie, date)
    depenses = list(
        DepenseRegie.objects.select_for_update().filter(regie=regie, etat_depenses__isnull=True)
    )
    if not depenses:
        raise TransitionInterdite("Aucune dépense payée n'attend d'être justifiée.")
    numero = (regie.etats_depenses.aggregate(m=Max("numero"))["m"] or 0) + 1
    etat = EtatDepensesRegie.objects.create(
        regie=regie,
        numero=numero,
        etabli_le=date,
        etabli_par=acting_user,
        total=sum((d.montant for d in depenses), ZERO),
    )
    DepenseRegie.objects.filter(pk__in=[d.pk for d in depenses]).update(etat_depenses=etat)
    audit(
        acting_user,
        "tresorerie.regie_etat_depenses",
        etat,
        apres={"total": etat.total, "depenses": len(depenses)},
    )
    return etat


@_atomique
def regie_etat_admettre(
    *, acting_user, etat: EtatDepensesRegie, observations: str = ""
) -> EtatDepensesRegie:
    """The agent comptable checks the statement and its pièces and takes the
    expenses into his books: 6xx (each operation's charge) / 541x."""
    date = _aujourd_hui()
    exiger_comptable(acting_user, date, "admettre les dépenses d'une régie", montant=etat.total)
    etat = verrouiller(EtatDepensesRegie, etat.pk)
    if etat.admis_le is not None:
        raise TransitionInterdite(f"L'état {etat.reference} est déjà admis.")
    regie = _regie(etat.regie)
    if acting_user.pk == regie.regisseur_id:
        raise DroitInsuffisant("Le régisseur ne justifie pas lui-même ses dépenses.")
    par_compte: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for d in etat.depenses.select_related("operation__compte"):
        par_compte[d.operation.compte.numero] += d.montant
    lignes = [LigneSaisie(numero, debit=somme) for numero, somme in sorted(par_compte.items())]
    lignes.append(LigneSaisie(regie.compte.compte.numero, credit=etat.total))
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(date),
        journal="TR",
        date=date,
        libelle=f"Dépenses de la régie « {regie.libelle} », état {etat.reference}"[:255],
        lignes=lignes,
        piece=etat.reference,
    )
    etat.admis_le = date
    etat.admis_par = acting_user
    etat.observations = (observations or "").strip()
    etat.ecriture = ecriture
    etat.save(update_fields=["admis_le", "admis_par", "observations", "ecriture"])
    audit(
        acting_user,
        "tresorerie.regie_etat_admis",
        etat,
        apres={"total": etat.total, "ecriture": f"TR-{ecriture.numero}"},
    )
    return etat


# --- Versement à l'agent comptable ---------------------------------------------------------


@_atomique
def regie_verser(
    *, acting_user, regie: Regie, montant=None, observations: str = ""
) -> VersementRegie:
    """The régisseur remits cash to the agent comptable (his whole encaisse
    when no amount is given), with a bordereau."""
    date = _aujourd_hui()
    regie = _regie(regie)
    exiger_regisseur_de(acting_user, regie, date)
    # The arrêté of the day counted the cash: a remittance after it would contradict it.
    exiger_regie_ouverte(regie, date, "le versement")
    disponible = encaisse(regie, date).theorique
    somme = (
        montant_valide(montant, libelle="Le montant versé")
        if montant not in (None, "")
        else disponible
    )
    if somme <= 0:
        raise TransitionInterdite("La régie ne détient aucun fonds à verser.")
    if somme > disponible:
        raise DonneeInvalide(
            f"La régie ne détient que {format_euros(disponible)} : on n'en verse pas "
            f"{format_euros(somme)}."
        )
    numero = (regie.versements.aggregate(m=Max("numero"))["m"] or 0) + 1
    versement = VersementRegie.objects.create(
        regie=regie,
        numero=numero,
        remis_le=date,
        remis_par=acting_user,
        montant=somme,
        observations=(observations or "").strip(),
    )
    audit(acting_user, "tresorerie.regie_versement", versement, apres={"montant": somme})
    return versement


@_atomique
def regie_versement_recevoir(
    *, acting_user, versement: VersementRegie, destination: CompteDisponibilite
) -> VersementRegie:
    """The agent comptable acknowledges the remittance: 531 (or the bank
    account the cash went to) / 541x. Never the régisseur himself."""
    date = _aujourd_hui()
    versement = verrouiller(VersementRegie.objects.select_related("regie"), versement.pk)
    regie = _regie(versement.regie)
    if acting_user.pk in (versement.remis_par_id, regie.regisseur_id):
        raise DroitInsuffisant(
            "Le régisseur ne constate pas lui-même la réception de son versement : l'agent "
            f"comptable le reçoit ({CIRC})."
        )
    exiger_comptable(
        acting_user, date, "recevoir le versement d'une régie", montant=versement.montant
    )
    if versement.etat == VersementRegie.Etat.RECU:
        raise TransitionInterdite(f"Le versement {versement.reference} est déjà reçu.")
    destination = verrouiller(CompteDisponibilite.objects.select_related("compte"), destination.pk)
    if destination.nature not in (
        CompteDisponibilite.Nature.CAISSE,
        CompteDisponibilite.Nature.EXTERNE,
    ):
        raise DonneeInvalide(
            "Le versement d'une régie est reçu à la caisse de l'agent comptable ou sur un compte "
            "externe de disponibilités."
        )
    exiger_caisse_ouverte(destination, date, "la réception du versement")
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(date),
        journal="TR",
        date=date,
        libelle=f"Versement de la régie « {regie.libelle} », bordereau {versement.reference}"[:255],
        lignes=[
            LigneSaisie(destination.compte.numero, debit=versement.montant),
            LigneSaisie(regie.compte.compte.numero, credit=versement.montant),
        ],
        piece=versement.reference,
    )
    versement.etat = VersementRegie.Etat.RECU
    versement.recu_le = date
    versement.recu_par = acting_user
    versement.destination = destination
    versement.ecriture = ecriture
    versement.save(update_fields=["etat", "recu_le", "recu_par", "destination", "ecriture"])
    audit(
        acting_user,
        "tresorerie.regie_versement_recu",
        versement,
        avant={"etat": "remis"},
        apres={
            "etat": "recu",
            "destination": destination.compte.numero,
            "ecriture": f"TR-{ecriture.numero}",
        },
    )
    return versement


# The régisseur's arrêté and the agent comptable's control (their own module: size).
from tresorerie.services.regies_arrete import regie_arreter, regie_controler  # noqa: E402, F401
