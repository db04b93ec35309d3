"""The starter chart of accounts (PCUOSS-like, PCG numbering) and the journals."""

from __future__ import annotations

import csv
from pathlib import Path

FICHIER_PLAN = Path(__file__).resolve().parent / "data" / "plan_comptable.csv"

JOURNAUX = [
    ("RE", "Recettes", False),
    ("DE", "Dépenses", False),
    ("TR", "Trésorerie", False),
    ("OD", "Opérations diverses", False),
    ("AN", "À-nouveaux", True),
    ("IN", "Inventaire", False),
]


def lire_plan() -> list[dict]:
    with FICHIER_PLAN.open(encoding="utf-8") as fichier:
        return list(csv.DictReader(fichier, delimiter=";"))


def charger_plan(Compte, Journal) -> None:
    """Create the accounts and journals missing; parents by longest number prefix."""
    for code, libelle, a_nouveaux in JOURNAUX:
        Journal.objects.get_or_create(
            code=code, defaults={"libelle": libelle, "a_nouveaux": a_nouveaux}
        )
    lignes = sorted(lire_plan(), key=lambda ligne: ligne["numero"])
    par_numero = {c.numero: c for c in Compte.objects.all()}
    # The migrations before 0009 load the chart with a Compte that has no
    # `cotisations` column yet; 0009 then marks those accounts (marquer_cotisations).
    avec_cotisations = any(f.name == "cotisations" for f in Compte._meta.get_fields())
    for ligne in lignes:
        numero = ligne["numero"]
        if numero in par_numero:
            continue
        parent = next(
            (
                par_numero[numero[:n]]
                for n in range(len(numero) - 1, 0, -1)
                if numero[:n] in par_numero
            ),
            None,
        )
        par_numero[numero] = Compte.objects.create(
            numero=numero,
            libelle=ligne["libelle"],
            classe=int(ligne["classe"]),
            parent=parent,
            nature=ligne["nature"],
            sens_normal=ligne["sens_normal"],
            imputable=ligne["imputable"] == "1",
            credit_seulement=ligne["credit_seulement"] == "1",
            **({"cotisations": ligne["cotisations"] == "1"} if avec_cotisations else {}),
        )


def marquer_cotisations(Compte) -> None:
    """Mark the chart's cotisation accounts (column `cotisations` of the file) on
    accounts created before the column existed."""
    numeros = [ligne["numero"] for ligne in lire_plan() if ligne["cotisations"] == "1"]
    Compte.objects.filter(numero__in=numeros).update(cotisations=True)
