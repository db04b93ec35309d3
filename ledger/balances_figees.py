"""Frozen balances (circ. 93/82 §3.2): their canonical content and hash, and
their documents (PDF, CSV, XLSX).

The hash is the SHA-256 of a canonical text: the exercise, the nature, the
date, the instant and author of the freezing, the request of the tutelle, then
every row and the totals, amounts with two decimals. It is computed once when
the balance is frozen (`ledger.services.balance_figer`) and recomputed from
the stored rows by `verifier`, which the pages and the API show: a row changed
in the database around its triggers no longer matches.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import csv_sur, horloge
from core.pdf import pdf_de
from ledger.models import BalanceFigee, LigneBalanceFigee
from ledger.selectors import COLONNES

ENTETES = [
    "Compte",
    "Libellé",
    "Solde d'ouverture débit",
    "Solde d'ouverture crédit",
    "Mouvements débit",
    "Mouvements crédit",
    "Solde débit",
    "Solde crédit",
]


def _montants(objet) -> list[str]:
    return [f"{getattr(objet, nom):.2f}" for nom in COLONNES]


def contenu_canonique(balance: BalanceFigee, lignes: Iterable) -> str:
    """The text the hash is taken over; `lignes` in their order (`rang`)."""
    figee_le = balance.figee_le.astimezone(datetime.UTC).isoformat()
    contenu = {
        "exercice": balance.exercice.annee,
        "nature": balance.nature,
        "au": balance.au.isoformat(),
        "demande": balance.demande,
        "figee_le": figee_le,
        "figee_par": balance.figee_par.username,
        "lignes": [
            [ligne.numero, ligne.libelle, ligne.classe, *_montants(ligne)] for ligne in lignes
        ],
        "totaux": _montants(balance),
    }
    return json.dumps(contenu, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def empreinte(balance: BalanceFigee, lignes: Iterable) -> str:
    return hashlib.sha256(contenu_canonique(balance, lignes).encode("utf-8")).hexdigest()


def lignes_de(balance: BalanceFigee) -> list[LigneBalanceFigee]:
    return list(LigneBalanceFigee.objects.filter(balance=balance).order_by("rang"))


@dataclass
class Verification:
    intacte: bool
    recalculee: str
    equilibree: bool
    message: str


def verifier(balance: BalanceFigee, lignes: list[LigneBalanceFigee] | None = None) -> Verification:
    """Recompute the hash from the stored rows and check the totals are theirs
    and balance: what a change made around the triggers would break."""
    lignes = lignes_de(balance) if lignes is None else lignes
    recalculee = empreinte(balance, lignes)
    sommes_justes = all(
        sum((getattr(ligne, nom) for ligne in lignes), start=0) == getattr(balance, nom)
        for nom in COLONNES
    )
    equilibree = (
        balance.ouverture_debit == balance.ouverture_credit
        and balance.mouvement_debit == balance.mouvement_credit
        and balance.solde_debit == balance.solde_credit
    )
    intacte = recalculee == balance.empreinte and sommes_justes
    if not intacte:
        message = (
            "Balance altérée : l'empreinte recalculée sur son contenu ne correspond plus à "
            "l'empreinte enregistrée quand elle a été figée."
        )
    elif not equilibree:
        message = "Empreinte vérifiée, mais les totaux débiteurs et créditeurs diffèrent."
    else:
        message = "Empreinte vérifiée : la balance est celle qui a été figée."
    return Verification(intacte, recalculee, equilibree, message)


def nom_fichier(balance: BalanceFigee, extension: str) -> str:
    return f"{balance.nature}_{balance.exercice.annee}_{balance.au:%Y%m%d}_{balance.pk}.{extension}"


def en_csv(balance: BalanceFigee, lignes: list[LigneBalanceFigee]) -> str:
    """Semicolons and decimal commas, as French spreadsheets read them."""
    sortie = io.StringIO()
    sortie.write("\ufeff")  # spreadsheets then read the accents right
    ecrivain = csv_sur.ecrivain(sortie, delimiter=";")
    ecrivain.writerow([str(balance), f"figée le {_local(balance.figee_le):%d/%m/%Y %H:%M}"])
    ecrivain.writerow(["Empreinte SHA-256", balance.empreinte])
    ecrivain.writerow(ENTETES)

    def chiffres(objet):
        return [montant.replace(".", ",") for montant in _montants(objet)]

    for ligne in lignes:
        ecrivain.writerow([ligne.numero, ligne.libelle, *chiffres(ligne)])
    ecrivain.writerow(["", "Total général", *chiffres(balance)])
    return sortie.getvalue()


def en_xlsx(balance: BalanceFigee, lignes: list[LigneBalanceFigee]) -> bytes:
    """One sheet: title, hash, headings, rows and totals; amounts as numbers
    in euros with two decimals, so the spreadsheet adds them up itself."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    classeur = Workbook()
    feuille = classeur.active
    feuille.title = "Balance"
    feuille.append([str(balance)])
    feuille.append(
        ["Figée le", _local(balance.figee_le).strftime("%d/%m/%Y %H:%M"), "par", _auteur(balance)]
    )
    feuille.append(["Empreinte SHA-256", balance.empreinte])
    feuille.append(ENTETES)
    for cellule in feuille[4]:
        cellule.font = Font(bold=True)
    for ligne in lignes:
        feuille.append([ligne.numero, ligne.libelle, *(getattr(ligne, nom) for nom in COLONNES)])
    feuille.append(["", "Total général", *(getattr(balance, nom) for nom in COLONNES)])
    for cellule in feuille[feuille.max_row]:
        cellule.font = Font(bold=True)
    for rangee in feuille.iter_rows(min_row=5, min_col=3, max_col=8):
        for cellule in rangee:
            cellule.number_format = "#,##0.00"
    feuille.column_dimensions["B"].width = 40
    for colonne in "CDEFGH":
        feuille.column_dimensions[colonne].width = 18
    sortie = io.BytesIO()
    classeur.save(sortie)
    return sortie.getvalue()


def en_pdf(balance: BalanceFigee, lignes: list[LigneBalanceFigee], *, edite_par: str) -> bytes:

    html = render_to_string(
        "ledger/balance_figee_pdf.html",
        {
            "b": balance,
            "lignes": lignes,
            "envois": list(balance.envois.all()),
            "verification": verifier(balance, lignes),
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "edite_par": edite_par,
        },
    )
    return pdf_de(html)


def _local(instant: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(instant)


def _auteur(balance: BalanceFigee) -> str:
    return balance.figee_par.get_full_name() or balance.figee_par.username
