"""The home page: what each person needs first, by function."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accueil.echeances import echeances_en_cours
from comptes_annuels.selectors_cycle import echeances_transmission
from core import horloge
from core.money import ZERO
from depenses.models import OrdreDepense
from ledger.models import Ecriture, Exercice
from ledger.selectors import balance_generale
from ledger.services.cloture import a_nouveaux_passes
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES, fonctions_actuelles
from recettes.models import OrdreRecette
from recouvrement.surveillance import echeances_de
from tresorerie.services.regies import encaisse, regie_du_regisseur


def _precedents_repris(exercice: Exercice) -> list[Exercice]:
    """The exercises whose balance-sheet balances `exercice` carries on until
    its à-nouveaux are posted (January–February: the previous one is in its
    période complémentaire), as the treasury reads them."""
    precedents = []
    while not a_nouveaux_passes(exercice.annee):
        exercice = Exercice.objects.filter(annee=exercice.annee - 1).first()
        if exercice is None:
            break
        precedents.append(exercice)
    return precedents


def _chiffres_cles(exercice: Exercice) -> dict:
    balance = balance_generale(exercice=exercice, au=min(horloge.aujourdhui(), exercice.fin))
    bilan = [balance] + [balance_generale(exercice=p) for p in _precedents_repris(exercice)]

    def net(prefixes: tuple[str, ...], balances=(balance,)):
        return sum(
            (
                ligne.solde_debit - ligne.solde_credit
                for b in balances
                for ligne in b.lignes
                if ligne.numero.startswith(prefixes)
            ),
            ZERO,
        )

    return {
        "produits": -net(("7",)),
        "charges": net(("6",)),
        "restes_a_recouvrer": net(("411", "416", "413", "4671"), bilan),
        "disponibilites": net(("5",), bilan),
        "equilibree": balance.equilibree,
    }


@login_required
def accueil(request):
    fonctions = set(fonctions_actuelles(request.user))
    exercice = Exercice.objects.exclude(etat=Exercice.Etat.CLOS).order_by("-annee").first()
    if fonctions & FONCTIONS_COMPTABLES:
        role = "comptable"
    elif fonctions & FONCTIONS_ORDONNATRICES:
        role = "ordonnateur"
    elif Fonction.AUDITEUR in fonctions:
        role = "auditeur"
    elif fonctions:
        role = "autre"
    else:
        role = "aucun"
    a_faire = {
        "a_signer": OrdreRecette.objects.filter(etat=OrdreRecette.Etat.BROUILLON).count()
        + OrdreDepense.objects.filter(etat=OrdreDepense.Etat.BROUILLON).count(),
        # Transmitted, or requis: a réquisition waits for the agent comptable's visa.
        "a_viser": OrdreDepense.objects.filter(
            etat__in=[OrdreDepense.Etat.TRANSMIS, OrdreDepense.Etat.REQUIS]
        ).count(),
        "suspendus": OrdreDepense.objects.filter(etat=OrdreDepense.Etat.SUSPENDU).count(),
        "rejetes": OrdreRecette.objects.filter(etat=OrdreRecette.Etat.REJETE).count(),
        "a_prendre_en_charge": OrdreRecette.objects.filter(etat=OrdreRecette.Etat.TRANSMIS).count(),
        "a_payer": OrdreDepense.objects.filter(etat=OrdreDepense.Etat.VISE).count(),
    }
    contexte = {
        "a_faire": a_faire,
        "role": role,
        "exercice": exercice,
        "exercices": Exercice.objects.order_by("-annee"),
        "chiffres": _chiffres_cles(exercice) if exercice and role != "aucun" else None,
        # The période complémentaire's deadlines (D253-17, D253-19): for the
        # directeur, the agent comptable and the auditeur.
        "echeances": (
            echeances_en_cours(horloge.aujourdhui())
            if role in ("comptable", "ordonnateur", "auditeur")
            else []
        ),
        # The sending of the last exercise's comptes annuels (D613-41), until recorded.
        "echeances_comptes": (
            echeances_transmission(horloge.aujourdhui())
            if role in ("comptable", "ordonnateur", "auditeur")
            else []
        ),
        # What falls due in recovery and the agent comptable's watch (circ.
        # 93/82 §2.0.4; annexe art. 13), soonest first: the first few.
        "echeances_recouvrement": (
            echeances_de(request.user, horloge.aujourdhui())
            if role in ("comptable", "ordonnateur")
            else []
        ),
        "dernieres": (
            Ecriture.objects.select_related("journal").order_by("-id")[:8]
            if role == "comptable"
            else []
        ),
    }
    # The régisseur's own régie: its acts and its cash against the ceiling (circ. 93/82, régies).
    contexte["regie_accueil"] = regie_du_regisseur(request.user)
    if contexte["regie_accueil"] is not None:
        contexte["encaisse_accueil"] = encaisse(contexte["regie_accueil"])
    return render(request, "accueil.html", contexte)
