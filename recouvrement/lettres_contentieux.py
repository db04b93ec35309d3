"""The documents of the directeur's contentious recovery (WeasyPrint, and CSV
with semicolons and French decimals as the other exports): the mise en
demeure (« Lettre recommandée avec demande d'avis de réception », the claims
and their amounts, the thirty days, the commission de recours amiable), the
avis à la caisse of a default (régime volontaire), the list of the claims in
contentious recovery and the bailiffs' register. Writes nothing."""

from __future__ import annotations

import io

from core import csv_sur
from core.money import format_euros, format_nombre
from core.pdf import document_pdf
from recouvrement.models_contentieux import AvisCaisse, MiseEnDemeure
from recouvrement.services import NATURES_DU_DIRECTEUR


def lettre_mise_en_demeure(mise: MiseEnDemeure) -> bytes:
    lignes = list(mise.lignes.select_related("creance__ligne__ordre"))
    return document_pdf(
        "recouvrement/contentieux/lettre_mise_en_demeure_pdf.html",
        {
            "mise": mise,
            "lignes": [
                {
                    "ordre": x.creance.ligne.ordre,
                    "objet": x.creance.ligne.ordre.objet,
                    "montant": format_euros(x.montant),
                }
                for x in lignes
            ],
            "total": format_euros(mise.montant),
            # Cotisations and majorations go through the procedures annexe
            # art. 13 names; any other claim "selon les règles du droit commun"
            # (circ. 93/82 §2.0.5).
            "cotisations": all(
                x.creance.ligne.ordre.nature in NATURES_DU_DIRECTEUR for x in lignes
            ),
        },
    )


def lettre_avis_caisse(avis: AvisCaisse) -> bytes:
    return document_pdf(
        "recouvrement/contentieux/lettre_avis_caisse_pdf.html",
        {
            "avis": avis,
            "creance": avis.creance,
            "mise": avis.mise_en_demeure,
            "montant": format_euros(avis.montant),
        },
    )


EN_TETES_LISTE = [
    "Débiteur",
    "Ordre de recette",
    "Nature",
    "Échéance",
    "Reste à recouvrer",
    "Stade",
    "Mise en demeure",
    "Avis de réception",
    "Fin des trente jours",
    "Réclamation",
    "Commission, au plus tard",
    "Décision",
    "Recouvrement forcé",
    "Suite",
]


def _date(d) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def lignes_liste(dossiers) -> list[list[str]]:
    lignes = []
    for d in dossiers:
        r = d.recours
        lignes.append(
            [
                d.debiteur,
                d.ligne.ordre.reference,
                d.ligne.ordre.get_nature_display(),
                _date(d.echeance),
                format_nombre(d.reste),
                d.stade,
                _date(d.mise.envoyee_le) if d.mise else "",
                _date(d.mise.avis_reception_le) if d.mise else "",
                _date(d.mise.fin_delai) if d.mise else "",
                _date(r.saisie_le) if r else "",
                _date(r.fin_commission) if r else "",
                (
                    f"{r.get_decision_display()} ({_date(r.decision_le)})"
                    if r and r.decision
                    else ""
                ),
                "; ".join(f"{p.get_type_display()} du {_date(p.le)}" for p in d.poursuites),
                d.prochaine,
            ]
        )
    return lignes


def liste_csv(dossiers) -> bytes:
    sortie = io.StringIO()
    ecrivain = csv_sur.ecrivain(sortie, delimiter=";")
    ecrivain.writerow(EN_TETES_LISTE)
    ecrivain.writerows(lignes_liste(dossiers))
    return ("\ufeff" + sortie.getvalue()).encode("utf-8")


def liste_pdf(dossiers, le) -> bytes:
    return document_pdf(
        "recouvrement/contentieux/liste_pdf.html",
        {
            "en_tetes": EN_TETES_LISTE,
            "lignes": lignes_liste(dossiers),
            "le": le,
            "dates": (2, 4, 7, 8, 9, 11),  # the columns of a number or a date, never broken
        },
    )


EN_TETES_REGISTRE = [
    "Huissier",
    "Étude",
    "Adresse",
    "Sous la convention depuis le",
    "Dernière visite",
    "Visite du semestre",
    "Dispense (accord de la caisse)",
    "Visite due au plus tard le",
    "Actes",
]


def lignes_registre(registre) -> list[list[str]]:
    return [
        [
            r.huissier.nom,
            r.huissier.etude,
            r.huissier.adresse.replace("\n", ", "),
            _date(r.huissier.convention_depuis),
            _date(r.derniere_visite),
            _date(r.visite_du_semestre.le) if r.visite_du_semestre else "",
            (
                f"du {_date(r.dispense.du)} au {_date(r.dispense.au)}, accord du "
                f"{_date(r.dispense.accord_le)} n° {r.dispense.accord_reference}"
                if r.dispense
                else ""
            ),
            _date(r.visite_due_le),
            str(r.actes),
        ]
        for r in registre
    ]


def registre_csv(registre) -> bytes:
    sortie = io.StringIO()
    ecrivain = csv_sur.ecrivain(sortie, delimiter=";")
    ecrivain.writerow(EN_TETES_REGISTRE)
    ecrivain.writerows(lignes_registre(registre))
    return ("\ufeff" + sortie.getvalue()).encode("utf-8")


def registre_pdf(registre, le, semestre: str) -> bytes:
    return document_pdf(
        "recouvrement/contentieux/registre_huissiers_pdf.html",
        {
            "en_tetes": EN_TETES_REGISTRE,
            "lignes": lignes_registre(registre),
            "le": le,
            "semestre": semestre,
        },
    )
