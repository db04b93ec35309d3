"""The comptes annuels as documents: each statement as PDF (WeasyPrint) and
CSV (semicolon, decimal point, as the other CSV of the books)."""

from __future__ import annotations

import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from comptes_annuels import selectors, tableaux
from core import csv_sur, horloge
from core.pdf import pdf_de

TITRES = {
    "bilan": "Bilan",
    "resultat": "Compte de résultat",
    "annexe": "Annexe",
}


def calculer(document: str, exercice):
    if document == "bilan":
        return selectors.bilan(exercice)
    if document == "resultat":
        return selectors.compte_de_resultat(exercice)
    return selectors.annexe(exercice)


def parties(document: str, etat) -> list:
    """The statement's two sides: (name, rubrics, total)."""
    if document == "annexe":
        return []
    noms = ("Actif", "Passif") if document == "bilan" else ("Charges", "Produits")
    return [
        (noms[0], etat.gauche, etat.total_gauche),
        (noms[1], etat.droite, etat.total_droite),
    ]


def contexte(document: str, exercice, contenu, *, base: str = "") -> dict:
    """`base`: the site's address before the links' paths (a PDF is read elsewhere)."""
    return {
        "tableaux": (
            tableaux.affiches(tableaux.annexe(contenu), base) if document == "annexe" else []
        ),
        "parties": parties(document, contenu),
        "document": document,
        "titre": TITRES[document],
        "exercice": exercice,
        "etat": contenu,
        "resultat_verifie": (
            selectors.resultat_verifie(contenu) if document == "resultat" else None
        ),
    }


def en_pdf(document: str, exercice, *, edite_par: str, base: str = "") -> bytes:

    contenu = calculer(document, exercice)
    html = render_to_string(
        "comptes_annuels/document_pdf.html",
        {
            **contexte(document, exercice, contenu, base=base),
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "edite_par": edite_par,
        },
    )
    return pdf_de(html)


def en_csv(document: str, exercice) -> str:
    contenu = calculer(document, exercice)
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    if document == "annexe":
        tableaux.en_csv(ecrire, tableaux.annexe(contenu))
        return sortie.getvalue()
    annee = exercice.annee
    ecrire(
        ["Partie", "Rubrique", "Libellé", "Gestion", f"Exercice {annee}", f"Exercice {annee - 1}"]
    )
    parties = ("Actif", "Passif") if document == "bilan" else ("Charges", "Produits")
    for partie, postes, total in (
        (parties[0], contenu.gauche, contenu.total_gauche),
        (parties[1], contenu.droite, contenu.total_droite),
    ):
        for p in [*postes, total]:
            ecrire([partie, p.code, p.libelle, p.gestion, f"{p.n:.2f}", _n1(contenu, p)])
    if document == "resultat":
        r = contenu.resultat
        ecrire(["Résultat", "", r.libelle, "", f"{r.n:.2f}", _n1(contenu, r)])
    return sortie.getvalue()


def _n1(etat, poste) -> str:
    """The N−1 amount, empty when no exercise N−1 is kept here."""
    return f"{poste.n1:.2f}" if etat.precedent is not None else ""


def nom_fichier(document: str, exercice, extension: str) -> str:
    return f"{document}_{exercice.annee}.{extension}"
