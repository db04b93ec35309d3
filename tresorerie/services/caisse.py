"""The arrêté de caisse (circ. 93/82 §2.2)."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from core.saisie import date as date_saisie
from ledger.services import LigneSaisie, ecriture_passer
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
