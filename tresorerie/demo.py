"""The demo fund's accounts of funds and carnets (SCENARIOS.md: the Caisse des
dépôts subdivision, the compte spécial d'exécution, one external bank account,
one compte spécial d'encaissement for cotisations, a cash desk; and the régie
of the front desk)."""

from __future__ import annotations

import datetime

from tresorerie.models import Carnet, CompteDisponibilite
from tresorerie.services import carnet_ouvrir, compte_disponibilite_ouvrir

COMPTES_DEMO = [
    # code, libellé, nature, compte, établissement, IBAN, BIC
    ("CDC", "Caisse des dépôts, subdivision de Valmont", "cdc", "515", "Caisse des dépôts", "", ""),
    (
        "EXECUTION",
        "Compte spécial d'exécution",
        "execution",
        "5121",
        "Caisse des dépôts",
        "FR7640031000010000012346584",
        "CDCGFRPPXXX",
    ),
    (
        "BANQUE",
        "Compte externe de disponibilités",
        "externe",
        "5122",
        "Banque Postale",
        "FR7620041000011234567890106",
        "PSSTFRPPXXX",
    ),
    (
        "ENCAISSEMENT",
        "Compte spécial d'encaissement des cotisations",
        "encaissement",
        "5123",
        "Banque Postale",
        "FR7620041000019876543210187",
        "PSSTFRPPXXX",
    ),
    ("CAISSE", "Caisse de l'agence comptable", "caisse", "531", "", "", ""),
    ("REGIE", "Régie de recettes de l'accueil", "regie", "541", "", "", ""),
]


def creer_tresorerie_demo(*, comptable, regisseur=None, debut: datetime.date) -> dict:
    """Open the demo accounts and carnets; return the accounts by code."""
    comptes: dict[str, CompteDisponibilite] = {c.code: c for c in CompteDisponibilite.objects.all()}
    for code, libelle, nature, numero, etablissement, iban, bic in COMPTES_DEMO:
        if code in comptes or (code == "REGIE" and regisseur is None):
            continue
        comptes[code] = compte_disponibilite_ouvrir(
            acting_user=comptable,
            code=code,
            libelle=libelle,
            nature=nature,
            compte_numero=numero,
            ouvert_le=debut,
            etablissement=etablissement,
            iban=iban,
            bic=bic,
            compte_frais=comptes.get("BANQUE") if nature == "encaissement" else None,
            regisseur=regisseur if nature == "regie" else None,
        )
    annee = debut.year
    carnets = [
        (Carnet.Type.QUITTANCE, comptes["CAISSE"], comptable, f"Q{annee}-A"),
        (Carnet.Type.RECU, comptes["BANQUE"], comptable, f"R{annee}-A"),
    ]
    if regisseur is not None:
        carnets.append((Carnet.Type.QUITTANCE, comptes["REGIE"], regisseur, f"Q{annee}-R"))
    for type_, compte, titulaire, serie in carnets:
        if not Carnet.objects.filter(serie=serie).exists():
            carnet_ouvrir(
                acting_user=comptable,
                type=type_,
                compte=compte,
                titulaire=titulaire,
                serie=serie,
                premier_numero=1,
                dernier_numero=500,
            )
    return comptes
