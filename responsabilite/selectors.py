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
from personnes.models import Affectation, Fonction, Interim, nom_de
from personnes.selectors import agent_comptable_en_fonction
from responsabilite.models import Demande, MiseEnCause, OrdreDebet, Sursis
from tresorerie.models import ArreteCaisse


def agent_comptable_le(jour: datetime.date):
    """The agent comptable in office on `jour` (the intérimaire on the days an
    interim covers): the one whose liability the facts of that day put in
    question. The one place this app asks it (`personnes.selectors`)."""
    return agent_comptable_en_fonction(jour)


QUALITE_AGENT_COMPTABLE = "agent comptable"
QUALITE_FONDE = "fondé de pouvoir de l'agent comptable"


def qualites(couples) -> dict[tuple[int, datetime.date], str]:
    """The quality in which each person answers for the facts of a day, for
    `couples` of (person's pk, day of the facts), in two queries: the holder of
    the interim in force that day answers as its nature says (agent comptable
    intérimaire, or fondé de pouvoir faisant fonction); else whoever held the
    affectation of agent comptable that day as agent comptable; else a fondé
    de pouvoir put in question himself (circ. 93/82 §6.2: « la responsabilité
    des fondés de pouvoirs [...] peut être mise en cause »)."""
    couples = set(couples)
    pks = {pk for pk, _ in couples}
    interims = list(Interim.objects.filter(utilisateur_id__in=pks))
    titulaires = list(
        Affectation.objects.filter(utilisateur_id__in=pks, fonction=Fonction.AGENT_COMPTABLE)
    )
    resultat = {}
    for pk, jour in couples:
        interim = next(
            (i for i in interims if i.utilisateur_id == pk and i.debut <= jour <= i.fin), None
        )
        if interim is not None:
            resultat[pk, jour] = interim.get_nature_display()
        elif any(
            a.utilisateur_id == pk and a.debut <= jour and (a.fin is None or jour <= a.fin)
            for a in titulaires
        ):
            resultat[pk, jour] = QUALITE_AGENT_COMPTABLE
        else:
            resultat[pk, jour] = QUALITE_FONDE
    return resultat


def qualite_le(personne, jour: datetime.date) -> str:
    """The quality in which `personne` answers for the facts of `jour` (`qualites`)."""
    return qualites([(personne.pk, jour)])[personne.pk, jour]


def qualite_mise(mise: MiseEnCause) -> str:
    """The quality of the person a mise en cause puts in question, on the day of the facts."""
    return qualite_le(mise.agent_comptable, mise.faits_le)


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
    granted; paid by the agent comptable from his own money, admitted in
    non-valeur and recovered from the original debtor (D253-81).

    `reste` is what the agent comptable still owes: the order, less what he
    paid, what was granted in décharge or remise, what the fund admitted in
    non-valeur and what recoveries gave back to the débet. A sum granted once
    he had paid is borne by the fund all the same (D253-81 al. 2): its
    posting credits 429 with what the order still left there, the rest goes
    back to him (`rendu`, 4672, then `rembourse` when paid to him), so that
    he has paid, net, `paye_net`. The fund's and the agent comptable's claims
    on later recoveries (`limite_*`) count what the fund bore in its books
    (the postings 6712 and 6541 done) and what he paid net, less what earlier
    recoveries already gave back to each (`responsabilite_situation` in
    migrations/sql/0007_remboursement_decharge.sql computes the same in
    PostgreSQL)."""

    mise: MiseEnCause
    ordre: OrdreDebet | None
    du: Decimal
    paye: Decimal = ZERO
    decharge: Decimal = ZERO
    remis: Decimal = ZERO
    non_valeur: Decimal = ZERO
    # posted to the fund's charge: décharge and remise (6712), non-valeur (6541)
    pris_en_charge: Decimal = ZERO
    # of the 6712: credited to 429, given back to the agent comptable (4672)
    # and, of that, paid to him
    pris_en_charge_429: Decimal = ZERO
    rendu: Decimal = ZERO
    rembourse: Decimal = ZERO
    non_valeur_comptabilisee: Decimal = ZERO
    # shares of the recoveries (D253-81 al. 5 to 7)
    recouvre_debet: Decimal = ZERO
    recouvre_non_valeur: Decimal = ZERO
    recouvre_decharge: Decimal = ZERO
    recouvre_agent: Decimal = ZERO
    # paid back to him: his shares of recoveries and the sums granted he had paid
    reverse: Decimal = ZERO

    @property
    def recouvre(self) -> Decimal:
        return (
            self.recouvre_debet
            + self.recouvre_non_valeur
            + self.recouvre_decharge
            + self.recouvre_agent
        )

    @property
    def recouvre_organisme(self) -> Decimal:
        return self.recouvre_non_valeur + self.recouvre_decharge

    @property
    def reste(self) -> Decimal:
        reste = (
            self.du - self.paye - self.decharge - self.remis - self.non_valeur - self.recouvre_debet
        )
        return max(reste, ZERO)

    @property
    def ouvert(self) -> bool:
        return self.reste > 0

    @property
    def comptabilise(self) -> bool:
        return self.ordre is not None and self.ordre.ecriture_id is not None

    @property
    def solde_429(self) -> Decimal:
        """What the order still leaves on 429 in the books."""
        if not self.comptabilise:
            return ZERO
        return (
            self.du
            - self.paye
            - self.pris_en_charge_429
            - self.non_valeur_comptabilisee
            - self.recouvre_debet
        )

    @property
    def limite_non_valeur(self) -> Decimal:
        return self.non_valeur_comptabilisee - self.recouvre_non_valeur

    @property
    def limite_decharge(self) -> Decimal:
        return self.pris_en_charge - self.recouvre_decharge

    @property
    def paye_net(self) -> Decimal:
        """What the agent comptable paid less what the fund gave back to him
        of the sums granted in décharge or remise (D253-81 al. 2)."""
        return self.paye - self.rendu

    @property
    def limite_agent(self) -> Decimal:
        return self.paye_net - self.recouvre_agent

    @property
    def recouvrable(self) -> Decimal:
        """The most a recovery may bring now (D253-81 al. 5 to 7)."""
        return self.reste + self.limite_non_valeur + self.limite_decharge + self.limite_agent

    @property
    def a_reverser(self) -> Decimal:
        """What is owed to the agent comptable and not yet paid back to him:
        his shares of recoveries and the sums granted he had paid (4672)."""
        return self.recouvre_agent + self.rendu - self.reverse

    @property
    def poursuite_personnelle(self) -> bool:
        """D253-81 al. 1: having covered the débet from his own money, the
        agent comptable may pursue the debtor personally — for what he paid
        and the fund did not give back to him."""
        return self.paye_net > 0

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
        if self.paye:
            etat += f", couvert par l'agent comptable sur ses deniers à hauteur de {format_euros(self.paye)}"
        if self.rendu:
            etat += (
                f", dont {format_euros(self.rendu)} supportés par l'organisme (décharge ou "
                "remise gracieuse)"
            )
            if self.rembourse:
                etat += f", {format_euros(self.rembourse)} rendus à l'agent comptable"
            if self.rendu > self.rembourse:
                etat += f", {format_euros(self.rendu - self.rembourse)} à lui rendre"
        if self.non_valeur:
            etat += f", admis en non-valeur pour {format_euros(self.non_valeur)}"
        if self.ordre.ecriture_id is not None and not self.ouvert:
            etat += ", soldé"
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
    """One person put in question, in one quality (the agent comptable, an
    intérimaire, a fondé de pouvoir: read for the date of the facts), with
    his débets in that quality."""

    personne: object
    debets: list[Debet] = field(default_factory=list)
    qualite: str = QUALITE_AGENT_COMPTABLE

    @property
    def nom(self) -> str:
        return nom_de(self.personne)

    @property
    def titre(self) -> str:
        return f"{self.nom}, {self.qualite}"

    def total(self, quoi: str) -> Decimal:
        return sum((getattr(d, quoi) for d in self.debets), ZERO)


def _debet(mise: MiseEnCause) -> Debet:
    ordre = getattr(mise, "ordre", None)
    ligne = Debet(mise=mise, ordre=ordre, du=ordre.montant if ordre else mise.montant)
    if ordre is None:
        return ligne
    for demande in ordre.demandes.all():
        if demande.nature == Demande.Nature.DECHARGE:
            ligne.decharge += demande.montant_obtenu
        else:
            ligne.remis += demande.montant_obtenu
        if demande.ecriture_id is not None:
            ligne.pris_en_charge += demande.montant_obtenu
            ligne.pris_en_charge_429 += demande.prise_429
            ligne.rendu += demande.prise_agent
            if demande.rembourse_ecriture_id is not None:
                ligne.rembourse += demande.prise_agent
                ligne.reverse += demande.prise_agent
    for versement in ordre.versements.all():
        ligne.paye += versement.montant
    for nv in ordre.non_valeurs.all():
        ligne.non_valeur += nv.montant
        if nv.ecriture_id is not None:
            ligne.non_valeur_comptabilisee += nv.montant
    for r in ordre.recouvrements.all():
        ligne.recouvre_debet += r.part_debet
        ligne.recouvre_non_valeur += r.part_non_valeur
        ligne.recouvre_decharge += r.part_decharge
        ligne.recouvre_agent += r.part_agent
        if r.reverse_ecriture_id is not None:
            ligne.reverse += r.part_agent
    return ligne


_SUITES = (
    "ordre__demandes",
    "ordre__versements",
    "ordre__non_valeurs",
    "ordre__recouvrements",
)


def debets(*, personne=None) -> list[Debet]:
    mises = (
        MiseEnCause.objects.select_related("agent_comptable", "ordre__ecriture")
        .prefetch_related(*_SUITES)
        .order_by("faits_le", "id")
    )
    if personne is not None:
        mises = mises.filter(agent_comptable=personne)
    return [_debet(m) for m in mises]


def debet_de(ordre: OrdreDebet) -> Debet:
    """The register's line of one order, read afresh (the acts call it once
    they hold the order's lock)."""
    mise = (
        MiseEnCause.objects.select_related("agent_comptable", "ordre__ecriture")
        .prefetch_related(*_SUITES)
        .get(pk=ordre.mise_en_cause_id)
    )
    return _debet(mise)


def registre() -> list[Responsable]:
    """Per agent comptable (or intérimaire, or fondé de pouvoir faisant
    fonction) and per fondé de pouvoir put in question, in the quality he held
    on the day of the facts, every débet with its state and amounts."""
    par_personne: dict[tuple[int, str], Responsable] = {}
    lignes = debets()
    qualite_de = qualites((d.mise.agent_comptable_id, d.mise.faits_le) for d in lignes)
    for d in lignes:
        p = d.mise.agent_comptable
        qualite = qualite_de[p.pk, d.mise.faits_le]
        cle = (p.pk, qualite)
        par_personne.setdefault(cle, Responsable(personne=p, qualite=qualite)).debets.append(d)
    return sorted(par_personne.values(), key=lambda r: (r.nom, r.qualite))


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
