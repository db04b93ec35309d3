"""The surveillance's documents, as PDF (WeasyPrint) and CSV (semicolons,
French decimals, as the other exports): the situation individuelle (annexe
art. 13 al. 5), the état nominatif semestriel (al. 7), the lists addressed to
the directeur (circ. 93/82 §2.0.4, §2.0.5), and what falls due. Writes
nothing."""

from __future__ import annotations

import datetime
import io

from core import csv_sur
from core.pdf import document_pdf
from recouvrement.a_echoir import AEchoir
from recouvrement.etat_nominatif import EtatNominatif, Semestre
from recouvrement.situation import Situation


def situation_pdf(s: Situation, *, edite_par: str) -> bytes:
    return document_pdf(
        "recouvrement/surveillance/situation_pdf.html", {"s": s, "edite_par": edite_par}
    )


def etat_nominatif_pdf(etat: EtatNominatif, semestre: Semestre, envoi, *, edite_par: str) -> bytes:
    return document_pdf(
        "recouvrement/surveillance/etat_nominatif_pdf.html",
        {"etat": etat, "semestre": semestre, "envoi": envoi, "edite_par": edite_par},
    )


def liste_pdf(titre: str, le: datetime.date, contexte: dict, *, edite_par: str) -> bytes:
    return document_pdf(
        "recouvrement/surveillance/liste_pdf.html",
        {"titre": titre, "le": le, "edite_par": edite_par, **contexte},
    )


def retard(e: AEchoir, aujourdhui: datetime.date) -> str:
    jours = e.jours(aujourdhui)
    if jours < 0:
        return f"en retard de {-jours} jour{'s' if -jours > 1 else ''}"
    if jours == 0:
        return "aujourd'hui"
    return f"dans {jours} jour{'s' if jours > 1 else ''}"


def echeances_pdf(items: list[AEchoir], aujourdhui: datetime.date, *, pour: str, edite_par: str):
    return document_pdf(
        "recouvrement/surveillance/echeances_pdf.html",
        {
            "items": [(e, retard(e, aujourdhui)) for e in items],
            "aujourdhui": aujourdhui,
            "pour": pour,
            "edite_par": edite_par,
        },
    )


def echeances_csv(items: list[AEchoir], aujourdhui: datetime.date) -> str:
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    ecrire(["Échéance", "Situation", "Nature", "Débiteur", "Objet", "À faire par"])
    for e in items:
        ecrire(
            [
                e.le.strftime("%d/%m/%Y"),
                retard(e, aujourdhui),
                e.nature,
                e.debiteur,
                e.quoi,
                "agent comptable" if e.qui == "comptable" else "directeur",
            ]
        )
    return sortie.getvalue()


def situation_csv(s: Situation) -> str:
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    ecrire([f"Situation individuelle de {s.debiteur.nom}", s.debiteur.compte.numero])
    ecrire(["Créance", "Nature", "Objet", "Montant", "Reste dû", "Stade"])
    for c in s.creances:
        ecrire(
            [
                c.ordre,
                c.nature,
                c.objet,
                f"{c.montant:.2f}".replace(".", ","),
                f"{c.reste:.2f}".replace(".", ","),
                c.stade,
            ]
        )
    ecrire(["Date", "Acte", "Libellé", "Résultat", "Montant", "Auteur"])
    for a in s.actes:
        ecrire(
            [
                a.le.strftime("%d/%m/%Y"),
                a.get_type_display(),
                a.libelle,
                a.resultat,
                "" if a.montant is None else f"{a.montant:.2f}".replace(".", ","),
                a.qualite,
            ]
        )
    return sortie.getvalue()
