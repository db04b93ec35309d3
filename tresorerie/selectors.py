"""Reading the treasury: balances, restes à recouvrer, statements to reconcile."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Q

from core import horloge
from core.money import ZERO
from ledger.models import Ligne
from personnes.models import Fonction
from personnes.selectors import fonctions_actuelles
from recettes.selectors import (
    AccordGrandLivre,
    ResteDebiteur,
    accord_grand_livre,
    restes_par_debiteur,
)
from tresorerie.models import (
    CompteDisponibilite,
    Encaissement,
    LigneReleve,
    Rapprochement,
    Releve,
)


def solde_comptable(compte_numero: str, au: datetime.date) -> Decimal:
    """Debit balance of an account at the end of `au`, from the daily totals
    kept by the ledger: the exercise of that date and those before it back to
    the last one whose à-nouveaux are posted (before any reprise, every
    exercise). One definition, PostgreSQL's `tresorerie_solde_comptable`,
    which the payment batch's guard reads as well."""
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT tresorerie_solde_comptable(c.id, %s) FROM ledger_compte c WHERE c.numero = %s",
            [au, compte_numero],
        )
        ligne = curseur.fetchone()
    return Decimal(ligne[0]).quantize(ZERO) if ligne else ZERO


# --- Who reads what ------------------------------------------------------------------
#
# Whoever holds a function other than régisseur reads the whole treasury (the
# directeur and the auditor included). A régisseur who holds no other function
# keeps a régie under the agent comptable (circ. 93/82 §II): he reads the
# receipts of his own régie, their quittances and its cash, and nothing else.


REFUS_REGISSEUR = (
    "Un régisseur ne consulte que les encaissements de sa propre régie (circulaire 93/82 §II)."
)


def lit_toute_la_tresorerie(utilisateur) -> bool:
    return bool(set(fonctions_actuelles(utilisateur)) - {Fonction.REGISSEUR})


def regies_de(utilisateur):
    """The open régies this person keeps as régisseur today."""
    if Fonction.REGISSEUR not in fonctions_actuelles(utilisateur):
        return CompteDisponibilite.objects.none()
    return CompteDisponibilite.objects.filter(
        actif=True, nature=CompteDisponibilite.Nature.REGIE, regisseur=utilisateur
    ).select_related("compte")


def _restreindre(qs, utilisateur, chemin: str):
    """`qs` whole for a reader of the treasury, else limited to the person's
    régies through `chemin` (the path to the account of funds)."""
    if lit_toute_la_tresorerie(utilisateur):
        return qs
    return qs.filter(**{f"{chemin}__in": regies_de(utilisateur).values("pk")})


def comptes_visibles(utilisateur, qs=None):
    return _restreindre(
        qs if qs is not None else CompteDisponibilite.objects.all(), utilisateur, "pk"
    )


def encaissements_visibles(utilisateur, qs=None):
    """The receipts this person may read (all, or his régies')."""
    return _restreindre(qs if qs is not None else Encaissement.objects.all(), utilisateur, "compte")


def quittances_visibles(utilisateur, qs):
    """Quittances, reçus and cancellation documents of the receipts he may read."""
    return _restreindre(qs, utilisateur, "encaissement__compte")


def par_compte_visibles(utilisateur, qs):
    """Rows that belong to an account of funds (carnets, arrêtés, batches,
    statements): all, or those of his régies."""
    return _restreindre(qs, utilisateur, "compte")


# --- Restes à recouvrer -----------------------------------------------------------


@dataclass
class EtatRestes:
    debiteurs: list[ResteDebiteur] = field(default_factory=list)
    # The receivable accounts' balance in the ledger, read on each display.
    accord: AccordGrandLivre = field(default_factory=AccordGrandLivre)

    @property
    def total_pris_en_charge(self) -> Decimal:
        return sum((d.pris_en_charge for d in self.debiteurs), ZERO)

    @property
    def total_reduit(self) -> Decimal:
        return sum((d.reduit for d in self.debiteurs), ZERO)

    @property
    def total_recouvre(self) -> Decimal:
        return sum((d.recouvre for d in self.debiteurs), ZERO)

    @property
    def total_reste(self) -> Decimal:
        return sum((d.reste for d in self.debiteurs), ZERO)

    @property
    def total_comptable(self) -> Decimal:
        return sum((d.solde_comptable for d in self.debiteurs), ZERO)

    @property
    def ecart_comptable(self) -> Decimal:
        return self.total_reste - self.total_comptable


def restes_a_recouvrer(*, exercice=None, seulement_non_soldes: bool = False) -> EtatRestes:
    """Restes à recouvrer per debtor (each cotisant of a collective order on
    his own), and the ledger's figure beside each, which must agree to the
    cent: the one reste of `recettes.selectors` (`restes_par_debiteur`), with
    the statement's totals; and the agreement of all the restes with the
    balance of the receivable accounts, queried in the ledger
    (`accord_grand_livre`, every exercise whatever `exercice`)."""
    return EtatRestes(
        debiteurs=restes_par_debiteur(exercice=exercice, seulement_non_soldes=seulement_non_soldes),
        accord=accord_grand_livre(),
    )


# --- Rapprochement bancaire ---------------------------------------------------------


@dataclass
class EtatRapprochement:
    compte: CompteDisponibilite
    au: datetime.date
    releve: Releve | None
    solde_comptable: Decimal
    solde_bancaire: Decimal | None
    # Book lines not on the bank statement yet.
    ecritures_non_rapprochees: list[Ligne]
    # Statement lines not in the books yet (or explained without entry).
    releve_non_rapproche: list[LigneReleve]
    releve_explique: list[LigneReleve]

    @property
    def debits_non_releves(self) -> Decimal:
        """Receipts in the books that the bank has not credited yet."""
        return sum((lg.debit for lg in self.ecritures_non_rapprochees), ZERO)

    @property
    def credits_non_releves(self) -> Decimal:
        """Payments in the books that the bank has not debited yet."""
        return sum((lg.credit for lg in self.ecritures_non_rapprochees), ZERO)

    @property
    def releve_hors_livres(self) -> Decimal:
        return sum(
            (lg.montant_signe for lg in self.releve_non_rapproche + self.releve_explique), ZERO
        )

    @property
    def solde_bancaire_reconstitue(self) -> Decimal:
        """Book balance, less what the bank has not seen, plus what only the bank has."""
        return (
            self.solde_comptable
            - self.debits_non_releves
            + self.credits_non_releves
            + self.releve_hors_livres
        )

    @property
    def ecart(self) -> Decimal | None:
        if self.solde_bancaire is None:
            return None
        return self.solde_bancaire - self.solde_bancaire_reconstitue


def lignes_rapprochees_ids(compte: CompteDisponibilite) -> set[int]:
    return set(
        Rapprochement.lignes_ecriture.through.objects.filter(
            rapprochement__ligne_releve__releve__compte=compte
        ).values_list("ligne_id", flat=True)
    )


def etat_rapprochement(compte: CompteDisponibilite, au: datetime.date | None = None):
    """The reconciliation state at the last statement's end (or `au`). Notifications
    (camt.054) are not statements: neither their balances nor their lines count."""
    releves = Releve.objects.filter(compte=compte, nature=Releve.Nature.RELEVE)
    if au is not None:
        releves = releves.filter(date_fin__lte=au)
    releve = releves.order_by("-date_fin", "-id").first()
    au = au or (releve.date_fin if releve else horloge.aujourdhui())
    rapprochees = lignes_rapprochees_ids(compte)
    # Book lines since the first statement (a December cheque not yet cashed
    # in January stays listed), à-nouveaux excepted.
    premier = (
        Releve.objects.filter(compte=compte, nature=Releve.Nature.RELEVE)
        .order_by("date_debut")
        .first()
    )
    depuis = (premier.date_debut if premier else datetime.date(au.year, 1, 1)) - datetime.timedelta(
        days=10
    )
    ecritures = [
        lg
        for lg in Ligne.objects.filter(
            compte=compte.compte, ecriture__date__gte=depuis, ecriture__date__lte=au
        )
        .exclude(ecriture__journal__a_nouveaux=True)
        .select_related("ecriture__journal")
        .order_by("ecriture__date", "id")
        if lg.pk not in rapprochees
    ]
    lignes_releve = LigneReleve.objects.filter(
        releve__compte=compte, releve__nature=Releve.Nature.RELEVE, date_operation__lte=au
    )
    non_rapproche = list(lignes_releve.filter(rapprochement__isnull=True))
    explique = list(
        lignes_releve.filter(rapprochement__mode=Rapprochement.Mode.EXPLIQUE).filter(
            ~Q(rapprochement__lignes_ecriture__isnull=False)
        )
    )
    return EtatRapprochement(
        compte=compte,
        au=au,
        releve=releve,
        solde_comptable=solde_comptable(compte.compte.numero, au),
        solde_bancaire=releve.solde_cloture if releve else None,
        ecritures_non_rapprochees=ecritures,
        releve_non_rapproche=non_rapproche,
        releve_explique=explique,
    )
