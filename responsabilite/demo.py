"""The demo's cash shortfall (SCENARIOS.md): 120 € missing at the arrêté de
caisse of 17 June, the directrice's ordre de recette against the agent
comptable of that day, posted 429 / 4722 at once, and the agent comptable's
payment into the cash from his own money on 2 July (article D253-81 al. 1),
so the register shows a paid débet. Each act through its service, the clock
set to its day."""

from __future__ import annotations

import datetime
from decimal import Decimal

from core import horloge
from responsabilite.models import MiseEnCause
from responsabilite.services import (
    accuse_reception_enregistrer,
    conseil_informe_enregistrer,
    ordre_debet_comptabiliser,
    ordre_debet_sur_manquant,
)
from responsabilite.services_reglement import versement_enregistrer
from tresorerie import services as tresorerie_services
from tresorerie.models import ArreteCaisse, CompteDisponibilite
from tresorerie.selectors import solde_comptable

MANQUANT = Decimal("120.00")


def _comptage(montant: Decimal) -> dict[str, int]:
    """`montant` in notes and coins, the largest first."""
    comptage, reste = {}, montant
    for coupure in tresorerie_services.COUPURES:
        nombre, reste = divmod(reste, Decimal(coupure))
        if nombre:
            comptage[coupure] = int(nombre)
    return comptage


def creer_debet_de_caisse_demo(personnes: dict, annee: int, fin: datetime.date) -> None:
    """The shortfall of 17 June and its payment of 2 July, for the days up to
    `fin` (the demo's today). Skipped when the cash is already arrêtée on or
    after that day, or held less than the shortfall, or when the demo's
    yesterday — arrêté by the treasury's demo — is that very day."""
    comptable, directrice = personnes["comptable"], personnes["directrice"]
    jour = datetime.date(annee, 6, 17)
    caisse = CompteDisponibilite.objects.filter(code="CAISSE").select_related("compte").first()
    if (
        caisse is None
        or jour >= fin - datetime.timedelta(days=1)
        or ArreteCaisse.objects.filter(compte=caisse, date__gte=jour).exists()
    ):
        return
    solde = solde_comptable(caisse.compte.numero, jour)
    if solde < MANQUANT:
        return
    with horloge.figer(datetime.datetime(annee, 6, 17, 18, 0)):
        arrete = tresorerie_services.arrete_caisse(
            acting_user=comptable,
            compte=caisse,
            comptage=_comptage(solde - MANQUANT),
            date=jour,
            observations="Manquant de 120 € constaté au comptage du soir",
        )
        ordre = ordre_debet_sur_manquant(
            acting_user=directrice,
            arrete=arrete,
            auteur=MiseEnCause.Auteur.TUTELLE,
            decide_le=jour,
        )
        ordre_debet_comptabiliser(acting_user=comptable, ordre=ordre)
    avis = datetime.date(annee, 6, 19)
    if avis <= fin:
        with horloge.figer(datetime.datetime(annee, 6, 19, 10, 0)):
            accuse_reception_enregistrer(acting_user=directrice, ordre=ordre, le=avis)
            conseil_informe_enregistrer(acting_user=directrice, ordre=ordre, le=avis)
    paiement = datetime.date(annee, 7, 2)
    if paiement <= fin:
        with horloge.figer(datetime.datetime(annee, 7, 2, 9, 30)):
            versement_enregistrer(
                acting_user=comptable, ordre=ordre, montant=MANQUANT, compte=caisse.compte.numero
            )
