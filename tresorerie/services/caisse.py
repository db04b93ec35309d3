"""The arrêté de caisse, and what it closes (circ. 93/82 §2.2).

The funds the agent comptable keeps form one unité de caisse, and he covers
any shortfall from his own money (§2.2): the daily arrêté is the count that
says what the caisse (or a régie) held that day. Once a day is arrêté,
nothing is recorded on that caisse at that date or before: cash taken after
the count is refused and recorded on the next day, so that the arrêté's
figures stay true and every quittance bears the day the money was received.
The services check it first (`exiger_caisse_ouverte`, with the act's words);
PostgreSQL refuses any ledger line on a caisse or régie dated on or before its
last arrêté (`tresorerie/migrations/sql/0006_caisse_arretee.sql`), whatever
writes it."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from core.saisie import date as date_saisie
from ledger.services import LigneSaisie, ecriture_passer, verrouiller_ecritures
from personnes.permissions import exiger_comptable
from tresorerie.models import ArreteCaisse, CompteDisponibilite
from tresorerie.selectors import solde_comptable
from tresorerie.services.commun import (
    _atomique,
    _aujourd_hui,
    comptable_en_titre,
    exercice_du,
    nom_complet,
)

# --- Arrêté de caisse ------------------------------------------------------------------

COUPURES = (
    "500", "200", "100", "50", "20", "10", "5", "2", "1", "0.50", "0.20", "0.10", "0.05", "0.02", "0.01",
)  # fmt: skip
COMPTE_DEBETS = "429"
# A shortfall waits here until the directeur issues the ordre de recette against
# the agent comptable of that day, which moves it to 429 (circ. 93/82 §6.1).
COMPTE_MANQUANTS = "4722"
COMPTE_EXCEDENTS = "4712"
NUMERAIRE = (CompteDisponibilite.Nature.CAISSE, CompteDisponibilite.Nature.REGIE)


def jour_ouvre_suivant(jour: datetime.date) -> datetime.date:
    """The next working day (Monday to Friday) after `jour`."""
    suivant = jour + datetime.timedelta(days=1)
    while suivant.weekday() >= 5:
        suivant += datetime.timedelta(days=1)
    return suivant


def _nom(compte: CompteDisponibilite) -> str:
    genre = "La régie" if compte.nature == CompteDisponibilite.Nature.REGIE else "La caisse"
    return f"{genre} « {compte.libelle} »"


def exiger_caisse_ouverte(compte: CompteDisponibilite, date: datetime.date, acte: str) -> None:
    """Refuse `acte` (« l'encaissement », « le paiement »…) on a caisse or a régie
    at `date` when that day, or a later one, is already arrêté (circ. 93/82
    §2.2): the money goes to the next day, the count stays true."""
    if compte.nature not in NUMERAIRE:
        return
    arrete = (
        ArreteCaisse.objects.filter(compte_id=compte.pk, date__gte=date).order_by("-date").first()
    )
    if arrete is None:
        return
    le = timezone.localtime(arrete.le)
    raise TransitionInterdite(
        f"{_nom(compte)} a été arrêtée le {le:%d/%m/%Y} à {le:%H:%M} pour la journée du "
        f"{arrete.date:%d/%m/%Y} : aucun mouvement n'y est plus enregistré à cette date ni avant, "
        "sans quoi l'arrêté ne serait plus juste. Enregistrez "
        f"{acte} sur la journée du {jour_ouvre_suivant(arrete.date):%d/%m/%Y}, à l'ouverture "
        "de la caisse (circulaire 93/82 §2.2)."
    )


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

    A shortfall is covered by the agent comptable from his own money: it waits
    on 4722 (4722 / 531) until the directeur issues the ordre de recette against
    the agent comptable of that day (`responsabilite`), which moves it to the
    débet account 429 (circ. 93/82 §6.1; DOMAIN §9). A surplus belongs to the fund
    after prescription: it waits in 4712 (531 / 4712).

    The count reads the books under the locks of a posting to the exercise
    (`verrouiller_ecritures`): a receipt in flight commits before the balance
    is read; one that comes after finds the day arrêté and is refused. A day
    before the last one arrêté is not arrêté afterwards: that count already
    holds its cash.
    """
    date = date_saisie(date or _aujourd_hui(), "La date de l'arrêté")
    exiger_comptable(acting_user, date, "arrêter la caisse", code="tresorerie.arrete_caisse")
    if compte.nature not in NUMERAIRE:
        raise DonneeInvalide("L'arrêté de caisse porte sur une caisse ou une régie.")
    if date > _aujourd_hui():
        raise DonneeInvalide("On n'arrête pas la caisse d'un jour à venir.")
    exercice = exercice_du(date)
    # The account first, then the books: the order of every act that pays from
    # an account. FOR NO KEY UPDATE: a receipt that holds the books and, at its
    # commit, checks its foreign key to the account (FOR KEY SHARE) does not
    # wait for the count that waits for it.
    compte = (
        CompteDisponibilite.objects.select_related("compte")
        .select_for_update(of=("self",), no_key=True)
        .get(pk=compte.pk)
    )
    verrouiller_ecritures(exercice, "OD")
    dernier = ArreteCaisse.objects.filter(compte=compte).order_by("-date").first()
    if dernier is not None and dernier.date == date:
        raise TransitionInterdite(f"La caisse est déjà arrêtée pour le {date:%d/%m/%Y}.")
    if dernier is not None and dernier.date > date:
        raise TransitionInterdite(
            f"{_nom(compte)} est déjà arrêtée pour le {dernier.date:%d/%m/%Y} : la journée du "
            f"{date:%d/%m/%Y}, antérieure, ne s'arrête plus après coup (circulaire 93/82 §2.2)."
        )
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
                "en attente de l'ordre de recette contre l'agent comptable"
            ),
            lignes=[
                LigneSaisie(
                    COMPTE_MANQUANTS,
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
