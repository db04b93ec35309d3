"""Reads of the agent comptable's liability (circ. 93/82 §VI): who answers
for a day, the register of débets, the débets still open that the quitus
lists (DOMAIN §7)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from core import horloge
from core.money import ZERO, format_euros
from depenses.models import ReponseRequisition, Requisition
from personnes.models import nom_de
from personnes.selectors import agent_comptable_en_fonction
from responsabilite.models import Demande, MiseEnCause, OrdreDebet, Sursis
from tresorerie.models import ArreteCaisse


def agent_comptable_le(jour: datetime.date):
    """The agent comptable in office on `jour` (the intérimaire on the days an
    interim covers): the one whose liability the facts of that day put in
    question. The one place this app asks it (`personnes.selectors`)."""
    return agent_comptable_en_fonction(jour)


ETAT_MIS_EN_CAUSE = "mis en cause, ordre à émettre"


def sursis_echeance(ordre: OrdreDebet, le: datetime.date | None = None) -> datetime.date | None:
    """The day a granted sursis de versement ends (circ. 93/82 §6.2): the end
    the decision set, one year at most after it, « éventuellement prolongé si
    l'agent comptable a demandé une décharge de responsabilité » — a décharge
    requested before that end keeps the sursis running while it is pending
    (until `le`, today by default) and up to the day it is finally decided."""
    if ordre.sursis_etat != Sursis.ACCORDE:
        return None
    fin = ordre.sursis_fin_le
    for demande in ordre.demandes.all():
        if demande.nature != Demande.Nature.DECHARGE or demande.demande_le > fin:
            continue
        jusqu_au = demande.decidee_le or (le or horloge.aujourdhui())
        fin = max(fin, jusqu_au)
    return fin


@dataclass
class Debet:
    """One line of the register: a mise en cause and its ordre, with the amounts
    of each later state: discharged and remitted (§6.2) from the requests
    granted; paid and recovered stay zero until payment and recovery come with
    the rest of issue 12."""

    mise: MiseEnCause
    ordre: OrdreDebet | None
    du: Decimal
    paye: Decimal = ZERO
    decharge: Decimal = ZERO
    remis: Decimal = ZERO
    recouvre: Decimal = ZERO

    @property
    def reste(self) -> Decimal:
        return self.du - self.paye - self.decharge - self.remis

    @property
    def ouvert(self) -> bool:
        return self.reste > 0

    @property
    def etat(self) -> str:
        if self.ordre is None:
            return ETAT_MIS_EN_CAUSE
        etat = self.ordre.get_etat_display()
        if self.ordre.ecriture_id is None:
            etat += ", à comptabiliser au débet"
        sursis = self.ordre.sursis_etat
        if sursis == Sursis.DEMANDE:
            etat += f", sursis de versement demandé le {self.ordre.sursis_demande_le:%d/%m/%Y}"
        elif sursis == Sursis.ACCORDE:
            etat += f", sursis de versement accordé jusqu'au {sursis_echeance(self.ordre):%d/%m/%Y}"
        elif sursis == Sursis.REFUSE:
            etat += ", sursis de versement refusé"
        for demande in self.ordre.demandes.all():
            etat += f", {demande.get_nature_display()} {demande.get_etat_display()}"
        return etat

    @property
    def demandes_possibles(self) -> list[str]:
        """What the agent comptable may still request (§6.2): the décharge,
        then, once it is refused, the remise gracieuse."""
        if self.ordre is None:
            return []
        faites = {d.nature: d for d in self.ordre.demandes.all()}
        if Demande.Nature.DECHARGE not in faites:
            return [Demande.Nature.DECHARGE]
        refusee = faites[Demande.Nature.DECHARGE].etat == Demande.Etat.REFUSEE
        if refusee and Demande.Nature.REMISE not in faites:
            return [Demande.Nature.REMISE]
        return []

    @property
    def reference(self) -> str:
        return self.ordre.reference if self.ordre else "—"

    def __str__(self) -> str:
        return (
            f"{self.reference} : {format_euros(self.reste)} restant dû (faits du "
            f"{self.mise.faits_le:%d/%m/%Y})"
        )


@dataclass
class Responsable:
    personne: object
    debets: list[Debet] = field(default_factory=list)

    @property
    def nom(self) -> str:
        return nom_de(self.personne)

    def total(self, quoi: str) -> Decimal:
        return sum((getattr(d, quoi) for d in self.debets), ZERO)


def debets(*, personne=None) -> list[Debet]:
    mises = (
        MiseEnCause.objects.select_related("agent_comptable", "ordre__ecriture")
        .prefetch_related("ordre__demandes")
        .order_by("faits_le", "id")
    )
    if personne is not None:
        mises = mises.filter(agent_comptable=personne)
    lignes = []
    for m in mises:
        ordre = getattr(m, "ordre", None)
        ligne = Debet(mise=m, ordre=ordre, du=ordre.montant if ordre else m.montant)
        for demande in ordre.demandes.all() if ordre else ():
            if demande.nature == Demande.Nature.DECHARGE:
                ligne.decharge += demande.montant_obtenu
            else:
                ligne.remis += demande.montant_obtenu
        lignes.append(ligne)
    return lignes


def registre() -> list[Responsable]:
    """Per agent comptable (or intérimaire, or fondé de pouvoir faisant
    fonction) put in question, every débet with its state and amounts."""
    par_personne: dict[int, Responsable] = {}
    for d in debets():
        p = d.mise.agent_comptable
        par_personne.setdefault(p.pk, Responsable(personne=p)).debets.append(d)
    return sorted(par_personne.values(), key=lambda r: r.nom)


def debets_ouverts(debut: datetime.date, fin: datetime.date, personne) -> list[Debet]:
    """The débets still open against `personne` for facts between `debut` and
    `fin` (an exercise): what the quitus lists."""
    return [d for d in debets(personne=personne) if debut <= d.mise.faits_le <= fin and d.ouvert]


def manquants_sans_ordre() -> list[ArreteCaisse]:
    """The shortfalls found at an arrêté de caisse on which no order has been
    issued yet against the agent comptable of that day (circ. §2.2, §6.1)."""
    return list(
        ArreteCaisse.objects.filter(ecart__lt=0, mise_en_cause__isnull=True)
        .select_related("compte__compte")
        .order_by("date", "id")
    )


def requisitions_deferees() -> list[Requisition]:
    """The réquisitions the agent comptable deferred to: the liability for
    those payments moved to the directeur who required them (circ. 93/82
    §2.1.9.1). Read from `depenses`, shown beside the register."""
    return list(
        Requisition.objects.filter(reponse__decision=ReponseRequisition.Decision.DEFERE)
        .select_related("ordre", "requis_par", "reponse")
        .order_by("le", "id")
    )
