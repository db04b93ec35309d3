"""The statements as plain tables: a title, columns, rows of text, amounts as
two-decimal strings. The annexe's page, PDF and CSV print them, and the
compte financier keeps them as its frozen content (JSON), so that what was
presented to the board prints the same ever after.

A table is a dict: `cle`, `titre`, `colonnes`, `montants` (the indexes of the
amount columns), `lignes` (lists of strings), optionally `liens` (a path per
row, e.g. an inventory état's PDF, or "") and `total` (a last row).
"""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from core.money import format_euros


def m(valeur) -> str:
    return f"{Decimal(valeur):.2f}"


def tableau(cle, titre, colonnes, montants, lignes, *, liens=None, total=None, court="") -> dict:
    """`court`: the table's name in the first column of the CSV (its title otherwise)."""
    t = {"cle": cle, "titre": titre, "colonnes": colonnes, "montants": montants, "lignes": lignes}
    if court:
        t["court"] = court
    if liens is not None:
        t["liens"] = liens
    if total is not None:
        t["total"] = total
    return t


def annexe(a) -> list[dict]:
    """The annexe's tables (`selectors.annexe`), rules aside."""
    c = a.creances
    tableaux = [
        tableau(
            "creances_par_age",
            f"Créances par ancienneté au {c.au:%d/%m/%Y} (restes à recouvrer)",
            ["Ancienneté", "Nombre de créances", "Montant"],
            [2],
            [[libelle, str(nombre), m(montant)] for libelle, nombre, montant in c.par_tranche],
            total=["Total des créances", str(len(c.creances)), m(c.total)],
            court="Créances par ancienneté",
        ),
        tableau(
            "creances_douteuses",
            "Créances douteuses et dépréciations au 31 décembre",
            ["Poste", "Montant"],
            [1],
            [
                ["Total des créances à recouvrer", m(c.total)],
                ["dont créances douteuses (compte 416)", m(c.douteuses)],
                ["Dépréciations des créances (compte 491)", m(c.depreciations)],
            ],
            total=["Créances nettes des dépréciations", m(c.net)],
            court="Créances douteuses",
        ),
        tableau(
            "provisions",
            "Provisions et dépréciations (comptes 15 et 49) et leurs mouvements",
            ["Compte", "Libellé", "Ouverture", "Dotations", "Reprises", "Clôture"],
            [2, 3, 4, 5],
            [
                [p.numero, p.libelle, m(p.ouverture), m(p.dotations), m(p.reprises), m(p.cloture)]
                for p in a.provisions
            ],
            court="Provisions",
        ),
        tableau(
            "dotations",
            "Dotations aux provisions et dépréciations de l'exercice (comptes 68)",
            ["Compte", "Libellé", "Montant"],
            [2],
            [[d.numero, d.libelle, m(d.montant)] for d in a.dotations],
            total=["", "Total des dotations", m(a.total_dotations)],
            court="Dotations",
        ),
        tableau(
            "reprises",
            "Reprises sur provisions et dépréciations de l'exercice (comptes 78)",
            ["Compte", "Libellé", "Montant"],
            [2],
            [[r.numero, r.libelle, m(r.montant)] for r in a.reprises],
            total=["", "Total des reprises", m(a.total_reprises)],
            court="Reprises",
        ),
        tableau(
            "engagements",
            "Engagements hors bilan (classe 8)",
            ["Compte", "Libellé", "Ouverture", "Débits", "Crédits", "Solde (débiteur +)"],
            [2, 3, 4, 5],
            [
                [e.numero, e.libelle, m(e.ouverture), m(e.dotations), m(e.reprises), m(e.cloture)]
                for e in a.engagements
            ],
            court="Engagements hors bilan",
        ),
        tableau(
            "etats_inventaire",
            "États d'inventaire de l'exercice",
            ["N°", "Nature", "Écriture", "Établi le", "Montant"],
            [4],
            [
                [
                    e.reference,
                    e.get_nature_display(),
                    f"{e.ecriture.journal.code}-{e.ecriture.numero}" if e.ecriture else "",
                    f"{timezone.localtime(e.etabli_le):%d/%m/%Y}",
                    m(e.total),
                ]
                for e in a.etats
            ],
            liens=[reverse("inventaire:etat_pdf", args=[e.pk]) for e in a.etats],
            court="États d'inventaire",
        ),
    ]
    return tableaux


def etat(document: str, e) -> list[dict]:
    """The bilan (`document` "bilan") or the compte de résultat as two tables."""
    annee = e.exercice.annee
    noms = ("Actif", "Passif") if document == "bilan" else ("Charges", "Produits")
    tableaux = []
    for nom, postes, total in (
        (noms[0], e.gauche, e.total_gauche),
        (noms[1], e.droite, e.total_droite),
    ):
        tableaux.append(
            tableau(
                f"{document}_{nom.lower()}",
                nom,
                ["Rubrique", "Libellé", "Gestion", f"Exercice {annee}", f"Exercice {annee - 1}"],
                [3, 4],
                [[p.code, p.libelle, p.gestion_libelle, m(p.n), m(p.n1)] for p in postes],
                total=["", total.libelle, "", m(total.n), m(total.n1)],
            )
        )
    if document == "resultat":
        r = e.resultat
        tableaux.append(
            tableau(
                "resultat",
                "Résultat",
                ["Libellé", f"Exercice {annee}", f"Exercice {annee - 1}"],
                [1, 2],
                [[r.libelle, m(r.n), m(r.n1)]],
            )
        )
    return tableaux


def affiches(tableaux: list[dict], base: str = "") -> list[dict]:
    """The tables as a page or a PDF prints them: amounts in euros, each row
    with its link (`base` before the path, for a PDF read elsewhere)."""
    sortie = []
    for t in tableaux:
        montants = set(t["montants"])

        def cellules(ligne, montants=montants):
            return [
                (format_euros(Decimal(v)) if i in montants and v != "" else v, i in montants)
                for i, v in enumerate(ligne)
            ]

        liens = t.get("liens") or [""] * len(t["lignes"])
        sortie.append(
            {
                "titre": t["titre"],
                "colonnes": [(c, i in montants) for i, c in enumerate(t["colonnes"])],
                "lignes": [
                    (cellules(ligne), f"{base}{lien}" if lien else "")
                    for ligne, lien in zip(t["lignes"], liens, strict=True)
                ],
                "total": cellules(t["total"]) if t.get("total") else None,
            }
        )
    return sortie


def en_csv(ecrire, tableaux: list[dict]) -> None:
    """Each table: a heading row (« Tableau » and its columns), then its rows
    after its title."""
    for t in tableaux:
        ecrire(["Tableau", *t["colonnes"]])
        nom = t.get("court") or t["titre"]
        for ligne in t["lignes"]:
            ecrire([nom, *ligne])
        if t.get("total"):
            ecrire([nom, *t["total"]])
