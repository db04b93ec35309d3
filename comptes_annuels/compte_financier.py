"""The compte financier of the agent comptable (circ. 93/82 §IV): its content
assembled from the exercise's frozen balance après inventaire, its canonical
text and hash, and its documents (page, PDF, CSV per statement).

Content (`CompteFinancier.contenu`, JSON): the cover (fund, exercise, agent
comptable in office, who established it, when, the commission de contrôle's
meeting and report), then its sections, each a list of tables
(`comptes_annuels.tableaux`): the balance après inventaire's totals, the
bilan, the compte de résultat, the annexe, the restes à recouvrer at
31 December (by age and per debtor), the restes à payer at 31 December (the
visaed ordres de dépense of the exercise unpaid that day:
`inventaire.selectors.ordres_vises_non_payes`), and the treasury at
31 December (the balances of the class 5 accounts). Everything printed
afterwards reads that content: the compte financier presented to the board
stays what it was, whatever is posted or frozen since.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from comptes_annuels import selectors, tableaux
from comptes_annuels.models import CompteFinancier
from comptes_annuels.tableaux import m, tableau
from core import csv_sur, horloge
from core.money import ZERO, format_euros
from core.pdf import pdf_de
from inventaire.selectors import ordres_vises_non_payes
from ledger import balances_figees

SECTIONS = {
    "balance": "Balance après inventaire",
    "bilan": "Bilan",
    "resultat": "Compte de résultat",
    "annexe": "Annexe",
    "restes_a_recouvrer": "Restes à recouvrer au 31 décembre",
    "restes_a_payer": "Restes à payer au 31 décembre",
    "tresorerie": "Situation de la trésorerie au 31 décembre",
}


def _balance(balance) -> list[dict]:
    figee_le = timezone.localtime(balance.figee_le)
    return [
        tableau(
            "balance_totaux",
            f"{balance} figée le {figee_le:%d/%m/%Y à %H:%M}, empreinte SHA-256 "
            f"{balance.empreinte}",
            ["Totaux", "Débit", "Crédit"],
            [1, 2],
            [
                ["Soldes d'ouverture", m(balance.ouverture_debit), m(balance.ouverture_credit)],
                [
                    "Mouvements de l'exercice",
                    m(balance.mouvement_debit),
                    m(balance.mouvement_credit),
                ],
                ["Soldes de clôture", m(balance.solde_debit), m(balance.solde_credit)],
            ],
            court="Balance après inventaire",
        )
    ]


def _restes_a_recouvrer(creances) -> list[dict]:
    return [
        tableau(
            "restes_par_age",
            f"Restes à recouvrer au {creances.au:%d/%m/%Y} par ancienneté",
            ["Ancienneté", "Nombre de créances", "Montant"],
            [2],
            [[libelle, str(n), m(montant)] for libelle, n, montant in creances.par_tranche],
            total=["Total des restes à recouvrer", str(len(creances.creances)), m(creances.total)],
            court="Par ancienneté",
        ),
        tableau(
            "restes_par_debiteur",
            "Restes à recouvrer par débiteur",
            ["Compte", "Débiteur", "Ordres", "Reste à recouvrer", "dont plus d'un an"],
            [3, 4],
            [
                [d["compte"], d["debiteur"], str(d["ordres"]), m(d["total"]), m(d["plus_d_un_an"])]
                for d in creances.par_debiteur
            ],
            total=[
                "",
                "Total",
                "",
                m(creances.total),
                m(sum((d["plus_d_un_an"] for d in creances.par_debiteur), ZERO)),
            ],
            court="Par débiteur",
        ),
    ]


def _restes_a_payer(exercice) -> list[dict]:
    ordres = ordres_vises_non_payes(exercice)
    return [
        tableau(
            "restes_a_payer",
            f"Ordres de dépense visés et non payés au {exercice.fin:%d/%m/%Y}",
            ["Ordre", "Objet", "Compte de charge", "Compte de tiers", "Montant"],
            [4],
            [[o.reference, o.objet, o.compte_charge, o.compte_tiers, m(o.montant)] for o in ordres],
            total=[
                "",
                "Total des restes à payer",
                "",
                "",
                m(sum((o.montant for o in ordres), ZERO)),
            ],
            court="Restes à payer",
        )
    ]


def _tresorerie(lignes_balance) -> list[dict]:
    comptes = [
        lg for lg in lignes_balance if lg.classe == 5 and (lg.solde_debit or lg.solde_credit)
    ]
    debit = sum((lg.solde_debit for lg in comptes), ZERO)
    credit = sum((lg.solde_credit for lg in comptes), ZERO)
    return [
        tableau(
            "tresorerie",
            "Comptes financiers (classe 5) : soldes au 31 décembre",
            ["Compte", "Libellé", "Solde débiteur", "Solde créditeur"],
            [2, 3],
            [[lg.numero, lg.libelle, m(lg.solde_debit), m(lg.solde_credit)] for lg in comptes],
            total=["", f"Total (disponibilités nettes : {m(debit - credit)})", m(debit), m(credit)],
            court="Trésorerie",
        )
    ]


def contenu(exercice, balance, *, couverture: dict) -> dict:
    """The compte financier's figures, read now from the frozen balance
    après inventaire (the statements' source) and the orders."""
    bilan = selectors.bilan(exercice)
    resultat = selectors.compte_de_resultat(exercice)
    annexe = selectors.annexe(exercice)
    lignes = balances_figees.lignes_de(balance)
    sections = [
        {"cle": "balance", "tableaux": _balance(balance)},
        {"cle": "bilan", "tableaux": tableaux.etat("bilan", bilan)},
        {"cle": "resultat", "tableaux": tableaux.etat("resultat", resultat)},
        {"cle": "annexe", "regles": annexe.regles, "tableaux": tableaux.annexe(annexe)},
        {"cle": "restes_a_recouvrer", "tableaux": _restes_a_recouvrer(annexe.creances)},
        {"cle": "restes_a_payer", "tableaux": _restes_a_payer(exercice)},
        {"cle": "tresorerie", "tableaux": _tresorerie(lignes)},
    ]
    for s in sections:
        s["titre"] = SECTIONS[s["cle"]]
    return {
        "couverture": couverture,
        "chiffres": {
            "total_actif": m(bilan.total_gauche.n),
            "total_passif": m(bilan.total_droite.n),
            "bilan_equilibre": bilan.equilibre,
            "total_charges": m(resultat.total_gauche.n),
            "total_produits": m(resultat.total_droite.n),
            "resultat": m(resultat.resultat.n),
            "resultat_verifie": selectors.resultat_verifie(resultat),
            "restes_a_recouvrer": m(annexe.creances.total),
            "restes_a_payer": sections[5]["tableaux"][0]["total"][-1],
        },
        "sections": sections,
    }


def contenu_canonique(cf: CompteFinancier) -> str:
    """The text the hash is taken over."""
    texte = {
        "exercice": cf.exercice.annee,
        "numero": cf.numero,
        "etabli_le": cf.etabli_le.astimezone(datetime.UTC).isoformat(),
        "etabli_par": cf.etabli_par.username,
        "balance": {"id": cf.balance_id, "empreinte": cf.balance.empreinte},
        "commission_le": cf.commission_le.isoformat(),
        "rapport_sha256": cf.rapport_sha256,
        "contenu": cf.contenu,
    }
    return json.dumps(texte, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def empreinte(cf: CompteFinancier) -> str:
    return hashlib.sha256(contenu_canonique(cf).encode("utf-8")).hexdigest()


def verification(cf: CompteFinancier) -> tuple[bool, str]:
    """Recompute the hash from the stored content."""
    if empreinte(cf) == cf.empreinte:
        return True, "Empreinte vérifiée : le compte financier est celui qui a été établi."
    return False, (
        "Compte financier altéré : l'empreinte recalculée sur son contenu ne correspond plus "
        "à celle enregistrée quand il a été établi."
    )


def section(cf: CompteFinancier, cle: str) -> dict | None:
    return next((s for s in cf.contenu["sections"] if s["cle"] == cle), None)


def affichage(cf: CompteFinancier, base: str = "") -> dict:
    """What its page and PDF print: the cover, each section's tables in euros,
    the hash and its check."""
    intacte, message = verification(cf)
    return {
        "cf": cf,
        "couverture": cf.contenu["couverture"],
        "chiffres": {
            cle: format_euros(Decimal(v)) if isinstance(v, str) else v
            for cle, v in cf.contenu["chiffres"].items()
        },
        "sections": [
            {
                "cle": s["cle"],
                "titre": s["titre"],
                "regles": s.get("regles", []),
                "tableaux": tableaux.affiches(s["tableaux"], base),
            }
            for s in cf.contenu["sections"]
        ],
        "intacte": intacte,
        "verification": message,
    }


def en_pdf(cf: CompteFinancier, *, edite_par: str, base: str = "", rapport_url: str = "") -> bytes:

    html = render_to_string(
        "comptes_annuels/compte_financier_pdf.html",
        {
            **affichage(cf, base),
            "rapport_url": rapport_url,
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "edite_par": edite_par,
        },
    )
    return pdf_de(html)


def en_csv(cf: CompteFinancier, cle: str) -> str:
    """One section as CSV (semicolon, decimal point, as the statements' CSV)."""
    s = section(cf, cle)
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    ecrire([f"Compte financier {cf.reference}", s["titre"], f"empreinte {cf.empreinte}"])
    tableaux.en_csv(ecrire, s["tableaux"])
    return sortie.getvalue()


def nom_fichier(cf: CompteFinancier, cle: str, extension: str) -> str:
    return f"compte_financier_{cf.exercice.annee}_{cle}.{extension}"
