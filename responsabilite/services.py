"""The acts of the agent comptable's liability, first part (circ. 93/82
§6.0, §6.1). Each is one transaction, with its audit row, refused in French
for the wrong person, state or date; PostgreSQL keeps the same rules
(`migrations/sql/0001_gardes.sql`).

- the directeur records the mise en cause (`mise_en_cause_enregistrer`)
  of the agent comptable in office on the day of the facts or, if he names
  him, of a fondé de pouvoir of that day (circ. §6.2: « la responsabilité
  des fondés de pouvoirs [...] peut être mise en cause »), with, on fraud
  or embezzlement, the dates of his letters informing the DRASS and the
  national body (§6.0: « immédiatement », so the day he
  records it);
- the directeur issues the ordre de recette against the agent comptable in
  office on the day of the facts (`ordre_debet_emettre`), notified at once
  by registered letter; never the agent comptable, who cannot issue an order
  against himself;
- or, from a shortfall found at the arrêté de caisse, both at once
  (`ordre_debet_sur_manquant`: amount and date of the facts from the
  arrêté; the shortfall waits on 4722 since the arrêté, the order carries it
  to 429);
- the directeur records the avis de réception (`accuse_reception_enregistrer`)
  and the day he informed the board (`conseil_informe_enregistrer`);
- the agent comptable, who keeps the books (circ. §1.1.1), posts the
  amount at once to the débet account 429 (`ordre_debet_comptabiliser`:
  429 / the account the loss sits on; §6.1 « immédiatement comptabilisé »).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import format_euros
from core.money import montant as montant_valide
from core.verrous import verrouiller
from ledger.models import Compte
from ledger.services import LigneSaisie, ecriture_passer
from personnes.models import Fonction, nom_de
from personnes.permissions import exiger_comptable
from personnes.selectors import FONCTIONS_ORDONNATRICES, fonctions_le
from responsabilite.models import COMPTE_DEBETS, MiseEnCause, OrdreDebet
from responsabilite.selectors import agent_comptable_le, qualite_le
from tresorerie.models import ArreteCaisse
from tresorerie.services import COMPTE_MANQUANTS

REFUS_DIRECTEUR = (
    "Seul le directeur enregistre la mise en cause de l'agent comptable et émet l'ordre de "
    "recette à son encontre (circulaire 93/82 §6.0 et §6.1)."
)
REFUS_CONTRE_SOI = (
    "L'agent comptable ne peut émettre un ordre de recette à son propre encontre : le directeur "
    "de l'organisme l'émet (circulaire 93/82 §6.1)."
)


def _exiger_directeur(utilisateur, *, contre=None) -> datetime.date:
    aujourdhui = horloge.aujourdhui()
    fonctions = set(fonctions_le(utilisateur, aujourdhui))
    if contre is not None and (
        utilisateur.pk == contre.pk
        or fonctions & {Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR}
    ):
        raise DroitInsuffisant(REFUS_CONTRE_SOI)
    if Fonction.DIRECTEUR not in fonctions:
        raise DroitInsuffisant(REFUS_DIRECTEUR)
    return aujourdhui


def _date(le, quoi: str, *, au_plus_tot: datetime.date | None, aujourdhui: datetime.date):
    if not isinstance(le, datetime.date):
        raise DonneeInvalide(f"Indiquez la date {quoi}.")
    if le > aujourdhui:
        raise DonneeInvalide(f"La date {quoi} ne peut être postérieure à aujourd'hui.")
    if au_plus_tot is not None and le < au_plus_tot:
        raise DonneeInvalide(
            f"La date {quoi} ne peut précéder le {au_plus_tot:%d/%m/%Y}, non le {le:%d/%m/%Y}."
        )
    return le


def _mis_en_cause(personne, faits_le: datetime.date, acting_user):
    """Whom the mise en cause puts in question: the agent comptable in office
    on the day of the facts by default, or the fondé de pouvoir the directeur
    names, who held that affectation on that day and none of the ordonnateur's."""
    agent = agent_comptable_le(faits_le)
    if personne is None or (agent is not None and personne.pk == agent.pk):
        if agent is None:
            raise DonneeInvalide(
                f"Aucun agent comptable n'était en fonction le {faits_le:%d/%m/%Y} : la mise en "
                "cause vise l'agent comptable en fonction à la date des faits."
            )
        return agent
    nom = nom_de(personne)
    fonctions = set(fonctions_le(personne, faits_le))
    if personne.pk == acting_user.pk or fonctions & FONCTIONS_ORDONNATRICES:
        raise DonneeInvalide(
            f"{nom} exerçait le {faits_le:%d/%m/%Y} une fonction d'ordonnateur : seule la "
            "responsabilité de l'agent comptable ou d'un fondé de pouvoir peut être mise en "
            "cause (circulaire 93/82 §6.2)."
        )
    if Fonction.FONDE_DE_POUVOIR not in fonctions:
        raise DonneeInvalide(
            f"{nom} n'était pas fondé de pouvoir de l'agent comptable le {faits_le:%d/%m/%Y} : "
            "la mise en cause vise l'agent comptable en fonction à la date des faits ou un "
            "fondé de pouvoir de ce jour (circulaire 93/82 §6.2)."
        )
    return personne


def _montant(valeur) -> Decimal:
    """An amount typed or sent, or its French refusal (`core.money.montant`:
    a comma or a point, two decimals at most, positive)."""
    return montant_valide(valeur)


@transaction.atomic
def mise_en_cause_enregistrer(
    *,
    acting_user,
    auteur: str,
    decide_le: datetime.date,
    faits_le: datetime.date,
    motifs: str,
    montant,
    fraude: bool = False,
    arrete_caisse: ArreteCaisse | None = None,
    personne=None,
) -> MiseEnCause:
    """Record the decision putting the liability of the agent comptable in
    office on the day of the facts in question (§6.0) or, when the directeur
    names him (`personne`), of a fondé de pouvoir of that day (§6.2). On fraud or
    embezzlement the directeur informs the DRASS and the national body at once:
    their letters are dated today (`responsabilite.documents`)."""
    aujourdhui = _exiger_directeur(acting_user)
    if auteur not in MiseEnCause.Auteur.values:
        raise DonneeInvalide("Indiquez qui met en cause la responsabilité de l'agent comptable.")
    fraude = bool(fraude)
    if auteur == MiseEnCause.Auteur.CONSEIL_FRAUDE and not fraude:
        raise DonneeInvalide(
            "Le conseil d'administration ne met d'office en cause la responsabilité de l'agent "
            "comptable qu'en cas de fraude (circulaire 93/82 §6.0) : cochez « fraude ou "
            "détournement »."
        )
    decide_le = _date(decide_le, "de la décision", au_plus_tot=None, aujourdhui=aujourdhui)
    faits_le = _date(faits_le, "des faits", au_plus_tot=None, aujourdhui=decide_le)
    motifs = (motifs or "").strip()
    if not motifs:
        raise DonneeInvalide("Indiquez les motifs de la mise en cause.")
    montant = _montant(montant)
    agent = _mis_en_cause(personne, faits_le, acting_user)
    mise = MiseEnCause.objects.create(
        auteur=auteur,
        decide_le=decide_le,
        faits_le=faits_le,
        motifs=motifs,
        montant=montant,
        fraude=fraude,
        agent_comptable=agent,
        information_drass_le=aujourdhui if fraude else None,
        information_nationale_le=aujourdhui if fraude else None,
        arrete_caisse=arrete_caisse,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "responsabilite.mise_en_cause",
        mise,
        apres={
            "auteur": auteur,
            "decide_le": decide_le,
            "faits_le": faits_le,
            "montant": montant,
            "fraude": fraude,
            "agent_comptable": agent.username,
            "qualite": qualite_le(agent, faits_le),
        },
    )
    return mise


@transaction.atomic
def ordre_debet_emettre(
    *, acting_user, mise_en_cause: MiseEnCause, compte: str, montant=None
) -> OrdreDebet:
    """Issue the ordre de recette against the agent comptable put in question
    (§6.1): the directeur alone, never the agent comptable against himself;
    notified at once by registered letter (`documents.lettre_notification`).
    `compte` is the account the loss sits on, credited when the amount is
    posted to 429."""
    mise = verrouiller(MiseEnCause, mise_en_cause.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=mise.agent_comptable)
    if OrdreDebet.objects.filter(mise_en_cause=mise).exists():
        raise TransitionInterdite(
            "L'ordre de recette à l'encontre de l'agent comptable est déjà émis pour cette mise "
            "en cause."
        )
    montant = mise.montant if montant in (None, "") else _montant(montant)
    if montant > mise.montant:
        raise DonneeInvalide(
            f"L'ordre de recette ne peut dépasser le montant mis en cause "
            f"({format_euros(mise.montant)})."
        )
    compte = (compte or "").strip()
    if compte == COMPTE_DEBETS or not Compte.objects.filter(numero=compte).exists():
        raise DonneeInvalide(
            f"Indiquez le compte du plan sur lequel porte le manquant (autre que {COMPTE_DEBETS})."
        )
    annee = aujourdhui.year
    dernier = (
        OrdreDebet.objects.select_for_update()
        .filter(annee=annee)
        .order_by("-numero")
        .values_list("numero", flat=True)
        .first()
    )
    ordre = OrdreDebet.objects.create(
        annee=annee,
        numero=(dernier or 0) + 1,
        mise_en_cause=mise,
        agent_comptable=mise.agent_comptable,
        montant=montant,
        compte=compte,
        emis_le=aujourdhui,
        emis_par=acting_user,
    )
    audit(
        acting_user,
        "responsabilite.ordre_emis",
        ordre,
        apres={
            "reference": ordre.reference,
            "montant": montant,
            "compte": compte,
            "agent_comptable": mise.agent_comptable.username,
        },
    )
    return ordre


@transaction.atomic
def ordre_debet_sur_manquant(
    *, acting_user, arrete: ArreteCaisse, auteur: str, decide_le: datetime.date
) -> OrdreDebet:
    """The directeur's ordre de recette against the agent comptable in office on
    the day of a shortfall found at the arrêté de caisse: the mise en cause and
    the order in one act, the amount and the date of the facts taken from the
    arrêté (§6.0, §6.1; circ. §2.2: the agent comptable covers a shortfall)."""
    _exiger_directeur(acting_user)
    arrete = verrouiller(ArreteCaisse, arrete.pk)
    if arrete.ecart >= 0:
        raise DonneeInvalide(
            f"L'arrêté de caisse du {arrete.date:%d/%m/%Y} ne constate aucun manquant."
        )
    if MiseEnCause.objects.filter(arrete_caisse=arrete).exists():
        raise TransitionInterdite(
            f"Le manquant de l'arrêté de caisse du {arrete.date:%d/%m/%Y} a déjà donné lieu à "
            "une mise en cause de l'agent comptable."
        )
    agent = agent_comptable_le(arrete.date)
    if agent is not None and agent.pk == acting_user.pk:
        raise DroitInsuffisant(REFUS_CONTRE_SOI)
    caisse = arrete.compte.compte.numero
    mise = mise_en_cause_enregistrer(
        acting_user=acting_user,
        auteur=auteur,
        decide_le=decide_le,
        faits_le=arrete.date,
        motifs=(
            f"Manquant de caisse de {format_euros(-arrete.ecart)} constaté à l'arrêté du "
            f"{arrete.date:%d/%m/%Y} (compte {caisse})"
        ),
        montant=-arrete.ecart,
        arrete_caisse=arrete,
    )
    # The shortfall waits on 4722 since the arrêté: the débet is posted from it.
    return ordre_debet_emettre(acting_user=acting_user, mise_en_cause=mise, compte=COMPTE_MANQUANTS)


@transaction.atomic
def accuse_reception_enregistrer(
    *, acting_user, ordre: OrdreDebet, le: datetime.date
) -> OrdreDebet:
    """The avis de réception of the registered letter: the order is notified."""
    ordre = verrouiller(OrdreDebet, ordre.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=ordre.agent_comptable)
    if (ordre.etat, OrdreDebet.Etat.NOTIFIE) not in OrdreDebet.TRANSITIONS:
        raise TransitionInterdite(
            f"L'avis de réception de l'ordre {ordre.reference} est déjà enregistré."
        )
    le = _date(le, "de l'avis de réception", au_plus_tot=ordre.emis_le, aujourdhui=aujourdhui)
    ordre.etat = OrdreDebet.Etat.NOTIFIE
    ordre.accuse_reception_le = le
    ordre.save(update_fields=["etat", "accuse_reception_le"])
    audit(acting_user, "responsabilite.accuse_reception", ordre, apres={"le": le})
    return ordre


@transaction.atomic
def conseil_informe_enregistrer(*, acting_user, ordre: OrdreDebet, le: datetime.date) -> OrdreDebet:
    """The day the directeur informed the board of the order's issue (§6.1)."""
    ordre = verrouiller(OrdreDebet, ordre.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=ordre.agent_comptable)
    if ordre.conseil_informe_le is not None:
        raise TransitionInterdite(
            f"L'information du conseil sur l'ordre {ordre.reference} est déjà enregistrée."
        )
    le = _date(le, "de l'information du conseil", au_plus_tot=ordre.emis_le, aujourdhui=aujourdhui)
    ordre.conseil_informe_le = le
    ordre.save(update_fields=["conseil_informe_le"])
    audit(acting_user, "responsabilite.conseil_informe", ordre, apres={"le": le})
    return ordre


@transaction.atomic
def ordre_debet_comptabiliser(*, acting_user, ordre: OrdreDebet) -> OrdreDebet:
    """Post the amount to the débet account: 429 / the account of the loss
    (§6.1), by the agent comptable who keeps the books, once."""
    aujourdhui = horloge.aujourdhui()
    exiger_comptable(acting_user, aujourdhui, "comptabiliser le débet")
    ordre = verrouiller(OrdreDebet, ordre.pk)
    if ordre.ecriture_id is not None:
        raise TransitionInterdite(f"L'ordre {ordre.reference} est déjà comptabilisé.")
    nom = nom_de(ordre.agent_comptable)
    tiers = f"{nom}, agent comptable"[:120]
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=aujourdhui.year,
        journal="OD",
        date=aujourdhui,
        libelle=f"Débet de l'agent comptable {nom}, ordre de recette {ordre.reference}",
        lignes=[
            LigneSaisie(COMPTE_DEBETS, debit=ordre.montant, tiers=tiers),
            # a shortfall waiting on 4722 leaves it under the name it was put
            LigneSaisie(
                ordre.compte,
                credit=ordre.montant,
                tiers=tiers if ordre.compte == COMPTE_MANQUANTS else "",
            ),
        ],
        piece=f"debet:{ordre.reference}",
    )
    ordre.ecriture = ecriture
    ordre.save(update_fields=["ecriture"])
    audit(
        acting_user,
        "responsabilite.comptabilise",
        ordre,
        apres={"ecriture": f"OD-{ecriture.numero}", "montant": ordre.montant},
    )
    return ordre
