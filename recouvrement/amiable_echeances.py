"""What falls due in amicable recovery (`recouvrement.a_echoir`): each coming
instalment of a running payment delay, each échéancier in default whose
default waits to be recorded (circ. 93/82 §2.0.5), and the small arrears of
benefits deferred to the end of the exercise (D133-2 al. 2: « le versement
différé doit intervenir au plus tard à la fin de l'exercice comptable en
cours »), due on 31 December and late after."""

from __future__ import annotations

import datetime

from django.urls import reverse

from core.money import format_euros
from depenses.differe import arrieres_differes
from recouvrement import amiable_lecture as lecture
from recouvrement.a_echoir import COMPTABLE, DIRECTEUR, AEchoir, fournisseur
from recouvrement.models import Creance, DelaiPaiement

UN_JOUR = datetime.timedelta(days=1)


def _url_creance(creance: Creance) -> str:
    return reverse("recouvrement:amiable_creance", args=[creance.ligne_id])


@fournisseur
def echeances_amiables(le: datetime.date) -> list[AEchoir]:
    """The instalments not yet paid of the running delays, the defaults to
    record, the deferred arrears to pay by 31 December."""
    resultat: list[AEchoir] = []
    delais = DelaiPaiement.objects.filter(etat=DelaiPaiement.Etat.EN_COURS).select_related(
        "creance__debiteur", "creance__ligne__ordre"
    )
    for delai in delais:
        creance = delai.creance
        qui = DIRECTEUR if creance.responsable == Creance.Responsable.DIRECTEUR else COMPTABLE
        etat = lecture.suivi(delai, le)
        nom = creance.debiteur.nom
        for e in etat.echeances:
            if e.statut in (lecture.A_VENIR, lecture.DUE):
                resultat.append(
                    AEchoir(
                        le=e.le,
                        quoi=(
                            f"Échéance n° {e.rang} de l'échéancier de {nom} (ordre n° "
                            f"{creance.ligne.ordre.reference}) : {format_euros(e.manque)}"
                        ),
                        qui=qui,
                        nature="Échéancier",
                        debiteur=nom,
                        url=_url_creance(creance),
                    )
                )
        impayee = etat.premiere_impayee
        if impayee is not None:
            resultat.append(
                AEchoir(
                    le=impayee.le + UN_JOUR,
                    quoi=(
                        f"Défaillance de l'échéancier de {nom} : échéance n° {impayee.rang} du "
                        f"{impayee.le:%d/%m/%Y} impayée ({format_euros(impayee.manque)}) — "
                        "constater la défaillance, transmettre au directeur"
                    ),
                    qui=qui,
                    nature="Échéancier en défaut",
                    debiteur=nom,
                    url=_url_creance(creance),
                )
            )
    for differe in arrieres_differes(payes=False):
        resultat.append(
            AEchoir(
                le=differe.echeance,
                quoi=(
                    f"Rappel de prestation différé (article D133-2) : ordre de dépense n° "
                    f"{differe.ordre.reference}, {format_euros(differe.ordre.montant)} à payer "
                    f"au plus tard le {differe.echeance:%d/%m/%Y}"
                ),
                qui=COMPTABLE,
                nature="Paiement différé (D133-2)",
                debiteur=differe.creancier,
                url=reverse("depenses:differes", args=[differe.exercice.annee]),
            )
        )
    return resultat
