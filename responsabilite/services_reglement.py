"""What becomes of the débet once posted to 429 (article D253-81). Each act is
one transaction with its audit row and, for the books, one entry passed by
whoever keeps them (`exiger_comptable`); PostgreSQL keeps the same rules
(`migrations/sql/0006_reglement.sql`, `0007_remboursement_decharge.sql`,
LG896).

- al. 1 « L'agent comptable qui a couvert de ses deniers le montant du
  déficit est en droit de poursuivre à titre personnel le recouvrement de la
  somme correspondante »: `versement_enregistrer` (531 or 512x / 429, several
  partial payments, never more than the remaining due);
- al. 2 « Les sommes allouées en décharge de responsabilité ou en remise
  gracieuse sont supportées par le budget de l'organisme »:
  `prise_en_charge_comptabiliser` (once per granted request: 6712 / 429 up
  to what the order leaves there, the surplus — what the agent comptable had
  already paid — credited to him on 4672, no more than he paid and did not
  get back), then `services_remboursement.remboursement_enregistrer` pays
  that surplus back to him (4672 / 531 or 512x, once);
- al. 3, the minister's notice to the association de cautionnement mutuel:
  `notification_association_enregistrer` (the directeur, once per order);
- al. 4, the non-valeur: `non_valeur_enregistrer` (the board's decision,
  recorded by the directeur) then `non_valeur_comptabiliser` (6541 / 429);
- al. 5 to 7, later recoveries from the original debtor:
  `recouvrement_enregistrer` splits each to the cent (`repartir`), and
  `reversement_enregistrer` pays the agent comptable's share back to him.

The order of a recovery's shares (`repartir`): first what is still due on the
débet (credit 429: the loss is made good, the agent comptable owes less);
then the fund, « par priorité l'organisme, dans la limite des sommes laissées
à sa charge » — what it bore in its books (the postings 6541 and 6712 done),
less what earlier recoveries gave back to it —, the non-valeur first (7741
« Encaissements sur créances admises en non-valeur »: the very sum the fund
gave up as unrecoverable is the one recovered) then the décharge and the
remise (771); then « pour le surplus, le comptable qui s'est acquitté d'une
partie du débet », up to what he paid less what he already got back — from
earlier recoveries and from the sums granted he had paid (`Debet.paye_net`)
— (4672 « Créditeurs divers », in his name). A recovery larger than all of that
together is refused.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from core.verrous import verrouiller
from ledger.models import Compte
from ledger.services import LigneSaisie, ecriture_passer
from personnes.models import nom_de
from personnes.permissions import exiger_comptable
from responsabilite.models import (
    COMPTE_DEBETS,
    Demande,
    NonValeur,
    NotificationAssociation,
    OrdreDebet,
    Recouvrement,
    Versement,
)
from responsabilite.selectors import Debet, debet_de
from responsabilite.services import _date, _exiger_directeur, _montant
from tresorerie.models import CompteDisponibilite

COMPTE_CAISSE = "531"
COMPTE_PRISE_EN_CHARGE = "6712"
COMPTE_NON_VALEUR = "6541"
COMPTE_RECOUVRE_NON_VALEUR = "7741"
COMPTE_RECOUVRE_DECHARGE = "771"
COMPTE_AGENT = "4672"
# The droit of the acts of the books on a débet (`actes.COMPTABILISER_DROIT`):
# what a fondé de pouvoir's procuration must name.
CODE_COMPTABILISER = "responsabilite.comptabiliser"


def comptes_disponibles() -> list[tuple[str, str]]:
    """Where the agent comptable's money comes in or goes out: the cash (531)
    or one of the fund's comptes externes de disponibilités (5122; circ. 93/82
    §2.2.0.1) — not the compte spécial d'exécution, only the daily draw that
    feeds the compte externe (§2.2.0.0), nor a compte spécial d'encaissement,
    « alimenté que par le versement des cotisations » (§2.2.0.2)."""
    choix = []
    caisse = Compte.objects.filter(numero=COMPTE_CAISSE).first()
    if caisse is not None:
        choix.append((caisse.numero, f"{caisse.numero} {caisse.libelle}"))
    for cd in (
        CompteDisponibilite.objects.filter(
            actif=True, nature=CompteDisponibilite.Nature.EXTERNE, compte__numero__startswith="512"
        )
        .select_related("compte")
        .order_by("compte__numero")
    ):
        choix.append((cd.compte.numero, f"{cd.compte.numero} {cd.libelle}"))
    return choix


def _compte(compte) -> str:
    compte = (compte or "").strip()
    if compte not in {numero for numero, _ in comptes_disponibles()}:
        raise DonneeInvalide(
            "Choisissez la caisse (531) ou un compte bancaire de l'organisme (512) ouvert en "
            "trésorerie."
        )
    return compte


def _tiers(ordre: OrdreDebet) -> str:
    return f"{nom_de(ordre.agent_comptable)}, agent comptable"[:120]


def _ordre_comptabilise(ordre: OrdreDebet) -> OrdreDebet:
    ordre = verrouiller(OrdreDebet.objects.select_related("agent_comptable"), ordre.pk)
    if ordre.ecriture_id is None:
        raise TransitionInterdite(
            f"L'ordre {ordre.reference} n'est pas encore comptabilisé au compte 429 : "
            "comptabilisez d'abord le débet."
        )
    return ordre


def _passer(acting_user, journal, libelle, lignes, piece):
    aujourdhui = horloge.aujourdhui()
    return ecriture_passer(
        acting_user=acting_user,
        exercice=aujourdhui.year,
        journal=journal,
        date=aujourdhui,
        libelle=libelle[:255],
        lignes=lignes,
        piece=piece,
    )


# --- al. 1: the agent comptable's payment --------------------------------------------


@transaction.atomic
def versement_enregistrer(*, acting_user, ordre: OrdreDebet, montant, compte: str) -> Versement:
    """The agent comptable covers (part of) his débet from his own money
    (D253-81 al. 1): compte (531 or 512x) / 429 in his name."""
    aujourdhui = horloge.aujourdhui()
    exiger_comptable(acting_user, aujourdhui, "enregistrer le versement de l'agent comptable")
    ordre = _ordre_comptabilise(ordre)
    montant = _montant(montant)
    compte = _compte(compte)
    debet = debet_de(ordre)
    if montant > debet.reste:
        raise DonneeInvalide(
            f"Le versement ({format_euros(montant)}) dépasse le reste dû sur l'ordre "
            f"{ordre.reference} ({format_euros(debet.reste)})."
        )
    tiers = _tiers(ordre)
    ecriture = _passer(
        acting_user,
        "TR",
        f"Versement de {nom_de(ordre.agent_comptable)} sur ses deniers, débet {ordre.reference}",
        [
            LigneSaisie(compte, debit=montant),
            LigneSaisie(COMPTE_DEBETS, credit=montant, tiers=tiers),
        ],
        f"debet:{ordre.reference}",
    )
    versement = Versement.objects.create(
        ordre=ordre,
        le=aujourdhui,
        montant=montant,
        compte=compte,
        ecriture=ecriture,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "responsabilite.versement",
        versement,
        apres={"ordre": ordre.reference, "montant": montant, "compte": compte},
    )
    return versement


# --- al. 2: the sums granted, borne by the fund --------------------------------------


@transaction.atomic
def prise_en_charge_comptabiliser(*, acting_user, demande: Demande) -> Demande:
    """Post the sum granted in décharge or remise gracieuse to the fund's
    charge (D253-81 al. 2), once: 6712 debit; credit 429 up to what the order
    still leaves there; the rest, which the agent comptable had already paid,
    credited to him on 4672 (never more than what he paid and did not get
    back), to be paid back to him (`services_remboursement`)."""
    exiger_comptable(
        acting_user,
        horloge.aujourdhui(),
        "comptabiliser la prise en charge",
        code=CODE_COMPTABILISER,
        montant=demande.montant_accorde,
    )
    ordre = _ordre_comptabilise(demande.ordre)
    demande = verrouiller(Demande, demande.pk)
    if demande.ecriture_id is not None:
        raise TransitionInterdite(
            f"La prise en charge de la {demande.get_nature_display()} de l'ordre "
            f"{ordre.reference} est déjà comptabilisée."
        )
    if demande.etat != Demande.Etat.ACCORDEE or not demande.montant_accorde:
        raise TransitionInterdite(
            f"La {demande.get_nature_display()} de l'ordre {ordre.reference} n'est pas "
            "accordée : rien n'est à la charge de l'organisme."
        )
    montant = demande.montant_accorde
    debet = debet_de(ordre)
    solde = max(debet.solde_429, ZERO)
    part_429 = min(montant, solde)
    part_agent = montant - part_429
    if part_agent > debet.limite_agent:
        raise DonneeInvalide(
            f"La somme accordée ({format_euros(montant)}) dépasse ce que l'ordre "
            f"{ordre.reference} laisse au compte 429 ({format_euros(solde)}) et ce que l'agent "
            "comptable a payé sans que l'organisme le lui ait rendu "
            f"({format_euros(max(debet.limite_agent, ZERO))})."
        )
    tiers = _tiers(ordre)
    lignes = [LigneSaisie(COMPTE_PRISE_EN_CHARGE, debit=montant)]
    if part_429:
        lignes.append(LigneSaisie(COMPTE_DEBETS, credit=part_429, tiers=tiers))
    libelle = (
        f"{demande.get_nature_display().capitalize()} accordée sur le débet {ordre.reference}, "
        "à la charge de l'organisme"
    )
    if part_agent:
        lignes.append(LigneSaisie(COMPTE_AGENT, credit=part_agent, tiers=tiers))
        libelle += f", dont {format_euros(part_agent)} payés par l'agent comptable à lui rendre"
    ecriture = _passer(acting_user, "OD", libelle, lignes, f"debet:{ordre.reference}")
    demande.ecriture = ecriture
    demande.prise_429 = part_429
    demande.prise_agent = part_agent
    demande.save(update_fields=["ecriture", "prise_429", "prise_agent"])
    audit(
        acting_user,
        "responsabilite.prise_en_charge",
        demande,
        apres={
            "ordre": ordre.reference,
            "montant": montant,
            "prise_429": part_429,
            "prise_agent": part_agent,
            "ecriture": ecriture.numero,
        },
    )
    return demande


# --- al. 3: the minister's notice to the association ---------------------------------


@transaction.atomic
def notification_association_enregistrer(
    *, acting_user, ordre: OrdreDebet, le: datetime.date, association: str, reference: str
) -> NotificationAssociation:
    """The minister's notice of the débet to the association de cautionnement
    mutuel (D253-81 al. 3), recorded by the directeur, once."""
    ordre = verrouiller(OrdreDebet.objects.select_related("agent_comptable"), ordre.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=ordre.agent_comptable)
    if NotificationAssociation.objects.filter(ordre=ordre).exists():
        raise TransitionInterdite(
            f"La notification du débet {ordre.reference} à l'association de cautionnement "
            "mutuel est déjà enregistrée."
        )
    le = _date(le, "de la notification", au_plus_tot=ordre.emis_le, aujourdhui=aujourdhui)
    association = (association or "").strip()
    reference = (reference or "").strip()
    if not association or not reference:
        raise DonneeInvalide(
            "Indiquez l'association de cautionnement mutuel et la référence de la notification "
            "du ministre."
        )
    notification = NotificationAssociation.objects.create(
        ordre=ordre,
        le=le,
        association=association[:200],
        reference=reference[:120],
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "responsabilite.notification_association",
        notification,
        apres={"ordre": ordre.reference, "le": le, "association": association},
    )
    return notification


# --- al. 4: non-valeur ---------------------------------------------------------------


@transaction.atomic
def non_valeur_enregistrer(
    *, acting_user, ordre: OrdreDebet, conseil_le: datetime.date, deliberation: str, montant
) -> NonValeur:
    """The board admits in non-valeur what cannot be recovered from the agent
    comptable (D253-81 al. 4); the directeur records its decision."""
    ordre = verrouiller(OrdreDebet.objects.select_related("agent_comptable"), ordre.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=ordre.agent_comptable)
    conseil_le = _date(
        conseil_le, "de la décision du conseil", au_plus_tot=ordre.emis_le, aujourdhui=aujourdhui
    )
    deliberation = (deliberation or "").strip()
    if not deliberation:
        raise DonneeInvalide("Indiquez la référence de la délibération du conseil.")
    montant = _montant(montant)
    reste = debet_de(ordre).reste
    if montant > reste:
        raise DonneeInvalide(
            f"L'admission en non-valeur ({format_euros(montant)}) dépasse le reste dû sur "
            f"l'ordre {ordre.reference} ({format_euros(reste)})."
        )
    nv = NonValeur.objects.create(
        ordre=ordre,
        conseil_le=conseil_le,
        deliberation=deliberation[:120],
        montant=montant,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "responsabilite.non_valeur",
        nv,
        apres={"ordre": ordre.reference, "conseil_le": conseil_le, "montant": montant},
    )
    return nv


@transaction.atomic
def non_valeur_comptabiliser(*, acting_user, non_valeur: NonValeur) -> NonValeur:
    """Post the non-valeur: 6541 / 429, by the agent comptable, once."""
    exiger_comptable(acting_user, horloge.aujourdhui(), "comptabiliser la non-valeur")
    ordre = _ordre_comptabilise(non_valeur.ordre)
    nv = verrouiller(NonValeur, non_valeur.pk)
    if nv.ecriture_id is not None:
        raise TransitionInterdite(
            f"L'admission en non-valeur du {nv.conseil_le:%d/%m/%Y} sur l'ordre "
            f"{ordre.reference} est déjà comptabilisée."
        )
    solde = debet_de(ordre).solde_429
    if nv.montant > solde:
        raise DonneeInvalide(
            f"L'admission en non-valeur ({format_euros(nv.montant)}) dépasse ce que l'ordre "
            f"{ordre.reference} laisse au compte 429 ({format_euros(solde)})."
        )
    nv.ecriture = _passer(
        acting_user,
        "OD",
        f"Débet {ordre.reference} admis en non-valeur (délibération {nv.deliberation})",
        [
            LigneSaisie(COMPTE_NON_VALEUR, debit=nv.montant),
            LigneSaisie(COMPTE_DEBETS, credit=nv.montant, tiers=_tiers(ordre)),
        ],
        f"debet:{ordre.reference}",
    )
    nv.save(update_fields=["ecriture"])
    audit(
        acting_user,
        "responsabilite.non_valeur_comptabilisee",
        nv,
        apres={"ordre": ordre.reference, "montant": nv.montant, "ecriture": nv.ecriture.numero},
    )
    return nv


# --- al. 5 to 7: recoveries ----------------------------------------------------------


@dataclass(frozen=True)
class Repartition:
    debet: Decimal
    non_valeur: Decimal
    decharge: Decimal
    agent: Decimal


def repartir(debet: Debet, montant: Decimal) -> Repartition:
    """Split a recovery in D253-81's order (see the module's docstring)."""
    if montant > debet.recouvrable:
        raise DonneeInvalide(
            f"Le recouvrement ({format_euros(montant)}) dépasse ce qui peut encore être "
            f"recouvré sur l'ordre {debet.reference} ({format_euros(debet.recouvrable)}) : le "
            f"reste dû ({format_euros(debet.reste)}), les sommes laissées à la charge de "
            f"l'organisme ({format_euros(debet.limite_non_valeur + debet.limite_decharge)}) et "
            f"ce qui reste à rendre à l'agent comptable sur ce qu'il a versé ({format_euros(debet.limite_agent)}) "
            "(article D253-81)."
        )
    reste = montant
    parts = []
    for limite in (debet.reste, debet.limite_non_valeur, debet.limite_decharge):
        part = min(reste, max(limite, ZERO))
        parts.append(part)
        reste -= part
    return Repartition(*parts, agent=reste)


@transaction.atomic
def recouvrement_enregistrer(
    *, acting_user, ordre: OrdreDebet, le: datetime.date, debiteur: str, montant, compte: str
) -> Recouvrement:
    """A sum recovered from the original debtor, split and posted in one entry:
    compte / 429, 7741, 771, 4672 (D253-81 al. 5 to 7)."""
    aujourdhui = horloge.aujourdhui()
    exiger_comptable(acting_user, aujourdhui, "enregistrer un recouvrement sur le débiteur")
    ordre = _ordre_comptabilise(ordre)
    le = _date(le, "du recouvrement", au_plus_tot=ordre.emis_le, aujourdhui=aujourdhui)
    debiteur = (debiteur or "").strip()
    if not debiteur:
        raise DonneeInvalide("Indiquez le débiteur sur qui la somme a été recouvrée.")
    montant = _montant(montant)
    compte = _compte(compte)
    parts = repartir(debet_de(ordre), montant)
    tiers = _tiers(ordre)
    lignes = [LigneSaisie(compte, debit=montant, tiers=debiteur[:120])]
    for numero, part, nom in (
        (COMPTE_DEBETS, parts.debet, tiers),
        (COMPTE_RECOUVRE_NON_VALEUR, parts.non_valeur, ""),
        (COMPTE_RECOUVRE_DECHARGE, parts.decharge, ""),
        (COMPTE_AGENT, parts.agent, tiers),
    ):
        if part:
            lignes.append(LigneSaisie(numero, credit=part, tiers=nom))
    ecriture = _passer(
        acting_user,
        "TR",
        f"Recouvrement sur {debiteur}, débet {ordre.reference} (article D253-81)",
        lignes,
        f"debet:{ordre.reference}",
    )
    recouvrement = Recouvrement.objects.create(
        ordre=ordre,
        le=le,
        debiteur=debiteur[:200],
        montant=montant,
        compte=compte,
        part_debet=parts.debet,
        part_non_valeur=parts.non_valeur,
        part_decharge=parts.decharge,
        part_agent=parts.agent,
        ecriture=ecriture,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "responsabilite.recouvrement",
        recouvrement,
        apres={
            "ordre": ordre.reference,
            "montant": montant,
            "part_debet": parts.debet,
            "part_non_valeur": parts.non_valeur,
            "part_decharge": parts.decharge,
            "part_agent": parts.agent,
        },
    )
    return recouvrement


@transaction.atomic
def reversement_enregistrer(*, acting_user, recouvrement: Recouvrement, compte: str):
    """Pay the agent comptable's share of a recovery back to him: 4672 /
    compte (531 or 512x), once."""
    aujourdhui = horloge.aujourdhui()
    exiger_comptable(acting_user, aujourdhui, "reverser sa part à l'agent comptable")
    ordre = verrouiller(OrdreDebet.objects.select_related("agent_comptable"), recouvrement.ordre_id)
    recouvrement = verrouiller(Recouvrement, recouvrement.pk)
    if not recouvrement.part_agent:
        raise TransitionInterdite(
            f"Le recouvrement du {recouvrement.le:%d/%m/%Y} ne revient pas à l'agent comptable."
        )
    if recouvrement.reverse_ecriture_id is not None:
        raise TransitionInterdite(
            f"La part de l'agent comptable du recouvrement du {recouvrement.le:%d/%m/%Y} lui a "
            f"déjà été reversée le {recouvrement.reverse_le:%d/%m/%Y}."
        )
    compte = _compte(compte)
    part = recouvrement.part_agent
    recouvrement.reverse_ecriture = _passer(
        acting_user,
        "TR",
        f"Reversement à {nom_de(ordre.agent_comptable)} de sa part du recouvrement, débet "
        f"{ordre.reference} (article D253-81)",
        [
            LigneSaisie(COMPTE_AGENT, debit=part, tiers=_tiers(ordre)),
            LigneSaisie(compte, credit=part),
        ],
        f"debet:{ordre.reference}",
    )
    recouvrement.reverse_le = aujourdhui
    recouvrement.reverse_compte = compte
    recouvrement.save(update_fields=["reverse_ecriture", "reverse_le", "reverse_compte"])
    audit(
        acting_user,
        "responsabilite.reversement",
        recouvrement,
        apres={"ordre": ordre.reference, "montant": part, "compte": compte},
    )
    return recouvrement
