"""The liability's documents (circ. 93/82 §6.0, §6.1): the registered letter
notifying the ordre de recette to the agent comptable, the directeur's
letters informing the DRASS and the national body on fraud, and the
register of débets as PDF (WeasyPrint) and CSV (semicolon, as the other CSV),
with the amounts of article D253-81 (paid, non-valeur, recoveries' shares,
what the fund gave back to the agent comptable of a sum granted he had paid,
and what was paid back to him: his shares of recoveries and those sums)."""

from __future__ import annotations

import io

from core import csv_sur
from core.money import format_euros
from core.pdf import document_pdf
from responsabilite.models import MiseEnCause, OrdreDebet
from responsabilite.selectors import Responsable, qualite_mise

DESTINATAIRES = {
    "drass": "Monsieur le directeur régional des affaires sanitaires et sociales",
    "national": "Monsieur le directeur de l'organisme national",
}

EN_TETES = [
    "Agent comptable",
    "Ordre",
    "Mise en cause par",
    "Faits du",
    "Fraude",
    "État",
    "Dû",
    "Payé par l'agent comptable",
    "Déchargé",
    "Remis",
    "Admis en non-valeur",
    "Recouvré, part du débet",
    "Recouvré, part de l'organisme",
    "Recouvré, part de l'agent comptable",
    "Rendu à l'agent comptable sur décharge ou remise",
    "Reversé à l'agent comptable",
    "Reste dû",
    "Qualité",
]


def lettre_notification(ordre: OrdreDebet) -> bytes:
    """The registered letter with avis de réception notifying the order (§6.1)."""
    return document_pdf(
        "responsabilite/lettre_notification_pdf.html",
        {
            "ordre": ordre,
            "mise": ordre.mise_en_cause,
            "montant": format_euros(ordre.montant),
            "qualite": qualite_mise(ordre.mise_en_cause),
        },
    )


def lettre_information(mise: MiseEnCause, destinataire: str) -> bytes:
    """The directeur's letter informing the DRASS or the national body of a
    fraud or an embezzlement (§6.0)."""
    le = mise.information_drass_le if destinataire == "drass" else mise.information_nationale_le
    return document_pdf(
        "responsabilite/lettre_information_pdf.html",
        {
            "mise": mise,
            "destinataire": DESTINATAIRES[destinataire],
            "le": le,
            "montant": format_euros(mise.montant),
            "qualite": qualite_mise(mise),
        },
    )


def registre_pdf(registre: list[Responsable], requisitions: list, *, edite_par: str) -> bytes:
    return document_pdf(
        "responsabilite/registre_pdf.html",
        {"registre": registre, "requisitions": requisitions, "edite_par": edite_par},
    )


def registre_csv(registre: list[Responsable]) -> str:
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    ecrire(EN_TETES)
    for r in registre:
        for d in r.debets:
            ecrire(
                [
                    r.nom,
                    d.reference,
                    d.mise.get_auteur_display(),
                    d.mise.faits_le.isoformat(),
                    "oui" if d.mise.fraude else "non",
                    d.etat,
                    *(
                        f"{v:.2f}".replace(".", ",")
                        for v in (
                            d.du,
                            d.paye,
                            d.decharge,
                            d.remis,
                            d.non_valeur,
                            d.recouvre_debet,
                            d.recouvre_organisme,
                            d.recouvre_agent,
                            d.rendu,
                            d.reverse,
                            d.reste,
                        )
                    ),
                    r.qualite,
                ]
            )
    return sortie.getvalue()
