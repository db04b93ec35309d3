"""Frozen balances and their sending (circ. 93/82 §3.2).

« Les organismes de sécurité sociale envoient à la clôture de chaque exercice
les balances avant et après inventaire au directeur régional des affaires
sanitaires et sociales et au trésorier-payeur général »; monthly balances go
to the tutelle, or to the national bodies, on their request. The agent
comptable, who keeps the books (§3.1), freezes them and records their sending.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.progression import avance, conclure, etape, nombre_lisible, suivie
from ledger import balances_figees
from ledger.models import BalanceFigee, Ecriture, EnvoiBalance, Exercice, LigneBalanceFigee
from ledger.selectors import COLONNES, balance_generale
from ledger.services.ecritures import attendre_ecritures_en_cours
from personnes.permissions import exiger_comptable

Nature = BalanceFigee.Nature
Destinataire = EnvoiBalance.Destinataire

# Who receives which balance (§3.2).
DESTINATAIRES = {
    Nature.AVANT_INVENTAIRE: {Destinataire.DRASS, Destinataire.TPG},
    Nature.APRES_INVENTAIRE: {Destinataire.DRASS, Destinataire.TPG},
    Nature.MENSUELLE: {Destinataire.DRASS, Destinataire.TPG, Destinataire.ORGANISME_NATIONAL},
}


def _arretee_au(exercice: Exercice, nature: str, mois: int | None, aujourdhui) -> datetime.date:
    if nature == Nature.MENSUELLE:
        if mois is None or not 1 <= mois <= 12:
            raise DonneeInvalide("Indiquez le mois (1 à 12) de la balance mensuelle.")
        au = datetime.date(exercice.annee, mois, calendar.monthrange(exercice.annee, mois)[1])
        if au >= aujourdhui:
            raise TransitionInterdite(
                f"Le mois {mois:02d}/{exercice.annee} n'est pas achevé : sa balance mensuelle "
                f"se fige à partir du {au + datetime.timedelta(days=1):%d/%m/%Y}."
            )
        return au
    if aujourdhui <= exercice.fin:
        raise TransitionInterdite(
            f"La {Nature(nature).label} de l'exercice {exercice.annee} se fige à la clôture de "
            f"l'exercice, après le 31/12/{exercice.annee}."
        )
    return exercice.fin


# What follows the freezing of a balance, in its transaction: the apps above
# the ledger register here (`inventaire`: once the balance après inventaire
# of N is frozen, its produits à recevoir and charges à payer are reversed at
# the opening of N+1 automatically, D253-17-2, D253-19-2). Each is called
# with `acting_user` and the frozen `balance`.
SUITES_DU_FIGEMENT: list[Callable[..., object]] = []


def _exiger_ordre_inventaire(exercice: Exercice, nature: str) -> None:
    if nature == Nature.AVANT_INVENTAIRE:
        # The inventory's entries are dated 31 December; the reversal of the
        # previous inventory, on the same journal, 1 January.
        if Ecriture.objects.filter(
            exercice=exercice, journal__code="IN", date=exercice.fin
        ).exists():
            raise TransitionInterdite(
                f"Des écritures d'inventaire sont déjà passées sur l'exercice {exercice.annee} : "
                "la balance avant inventaire ne peut plus être figée."
            )
    elif (
        nature == Nature.APRES_INVENTAIRE
        and not BalanceFigee.objects.filter(
            exercice=exercice, nature=Nature.AVANT_INVENTAIRE
        ).exists()
    ):
        raise TransitionInterdite(
            f"Figez d'abord la balance avant inventaire de l'exercice {exercice.annee}."
        )


@suivie(
    lambda **k: (
        f"{Nature(k['nature']).label.capitalize()} {k['exercice'].annee} figée"
        if k["nature"] in Nature.values
        else "Balance figée"
    ),
    etapes=("lecture de la balance", "lignes figées"),
    droit="balance.figer",
    cible=lambda **k: f"exercice:{k['exercice'].annee}",
)
@transaction.atomic
def balance_figer(
    *,
    acting_user,
    exercice: Exercice,
    nature: str,
    mois: int | None = None,
    demande: str = "",
) -> BalanceFigee:
    """Freeze the balance générale of `exercice` as it stands now (circ. 93/82
    §3.2): avant inventaire before any inventory entry, après inventaire once
    the avant is frozen, both after 31 December; a monthly balance for an
    ended month, on the request of the tutelle (named in `demande`). Opening
    balances are the à-nouveaux; movements run from 1 January to the date."""
    aujourdhui = horloge.aujourdhui()
    if nature not in Nature.values:
        raise DonneeInvalide(f"Nature de balance inconnue : « {nature} ».")
    exiger_comptable(
        acting_user, aujourdhui, f"figer une {Nature(nature).label}", code="balance.figer"
    )
    demande = (demande or "").strip()
    if nature == Nature.MENSUELLE and not demande:
        raise DonneeInvalide(
            "Une balance mensuelle est envoyée à la demande de la tutelle ou d'un organisme "
            "national : indiquez cette demande."
        )
    au = _arretee_au(exercice, nature, mois, aujourdhui)
    _exiger_ordre_inventaire(exercice, nature)
    # The postings in flight commit before the read, none after it until commit
    # (after the balance après inventaire, none but the result's: LG063).
    attendre_ecritures_en_cours(exercice)
    # One statement: a consistent read of the daily totals, whatever posts meanwhile.
    etape("lecture de la balance", unite="comptes")
    lue = balance_generale(exercice=exercice, du=exercice.debut, au=au)
    avance(len(lue.lignes))
    balance = BalanceFigee(
        exercice=exercice,
        nature=nature,
        au=au,
        demande=demande,
        figee_le=horloge.maintenant(),
        figee_par=acting_user,
        **{nom: getattr(lue.totaux, nom) for nom in COLONNES},
    )
    lignes = [
        LigneBalanceFigee(
            rang=rang,
            numero=ligne.numero,
            libelle=ligne.libelle,
            classe=ligne.classe,
            **{nom: getattr(ligne, nom) for nom in COLONNES},
        )
        for rang, ligne in enumerate(lue.lignes, start=1)
    ]
    etape("lignes figées", total=len(lignes), unite="lignes")
    balance.empreinte = balances_figees.empreinte(balance, lignes)
    balance.save()
    for ligne in lignes:
        ligne.balance = balance
    LigneBalanceFigee.objects.bulk_create(lignes)
    audit(
        acting_user,
        "balance.figee",
        balance,
        apres={
            "exercice": exercice.annee,
            "nature": nature,
            "au": au,
            "lignes": len(lignes),
            "empreinte": balance.empreinte,
        },
    )
    for suite in SUITES_DU_FIGEMENT:
        suite(acting_user=acting_user, balance=balance)
    conclure(f"{nombre_lisible(len(lignes))} comptes figés, empreinte {balance.empreinte[:16]}…")
    return balance


@transaction.atomic
def balance_envoyer(
    *,
    acting_user,
    balance: BalanceFigee,
    destinataire: str,
    envoyee_le: datetime.date,
    reference: str = "",
) -> EnvoiBalance:
    """Record that a frozen balance was sent to an authority (circ. 93/82 §3.2):
    the balances avant and après inventaire to the DRASS and the trésorier-payeur
    général; a monthly balance also to an organisme national. Once per
    addressee, dated between the freezing and today."""
    aujourdhui = horloge.aujourdhui()
    exiger_comptable(
        acting_user, aujourdhui, "enregistrer l'envoi d'une balance", code="balance.envoyer"
    )
    if destinataire not in Destinataire.values:
        raise DonneeInvalide(f"Destinataire inconnu : « {destinataire} ».")
    libelle = Destinataire(destinataire).label
    if destinataire not in DESTINATAIRES[balance.nature]:
        raise DonneeInvalide(
            f"La {balance.get_nature_display()} est envoyée au directeur régional des affaires "
            f"sanitaires et sociales et au trésorier-payeur général, non à l'{libelle}."
        )
    figee = timezone.localtime(balance.figee_le).date()
    if envoyee_le > aujourdhui:
        raise DonneeInvalide(f"La date d'envoi ({envoyee_le:%d/%m/%Y}) est dans le futur.")
    if envoyee_le < figee:
        raise DonneeInvalide(
            f"La balance a été figée le {figee:%d/%m/%Y} : elle n'a pas pu être envoyée "
            f"le {envoyee_le:%d/%m/%Y}."
        )
    if EnvoiBalance.objects.filter(balance=balance, destinataire=destinataire).exists():
        raise TransitionInterdite(f"L'envoi de cette balance au {libelle} est déjà enregistré.")
    envoi = EnvoiBalance.objects.create(
        balance=balance,
        destinataire=destinataire,
        envoyee_le=envoyee_le,
        reference=(reference or "").strip(),
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "balance.envoyee",
        balance,
        apres={"destinataire": destinataire, "envoyee_le": envoyee_le, "reference": reference},
    )
    return envoi
