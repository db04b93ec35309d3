"""`manage.py cloturer_exercice 2025 --utilisateur NOM [--etape …]`: the agent
comptable's year-end steps from a terminal, each printed with its count and
elapsed time as it goes (`core.progression`), the same progress rows the
pages read. The board's arrêté is the directeur's act (page or API): the
command stops before the closing with the French refusal when it is missing.
"""

from __future__ import annotations

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core import progression
from core.exceptions import ApplicationError
from ledger.models import BalanceFigee, Ecriture, Exercice
from ledger.services import a_nouveaux_passer, balance_figer, exercice_clore, resultat_passer
from ledger.services.cloture import a_nouveaux_passes, resultat_passe

ETAPES = ("balance-avant", "balance-apres", "resultat", "clore", "a-nouveaux")
# Between two lines of progress inside one step.
INTERVALLE_AVANCE = 2.0


def _figee(exercice: Exercice, nature: str) -> bool:
    return BalanceFigee.objects.filter(exercice=exercice, nature=nature).exists()


def _a_faire(exercice: Exercice, etape: str) -> bool:
    """Whether `etape` is still to do (for `tout`)."""
    if etape == "balance-avant":
        return not _figee(exercice, "avant_inventaire") and not (
            Ecriture.objects.filter(exercice=exercice, journal__code="IN").exists()
        )
    if etape == "balance-apres":
        return not _figee(exercice, "apres_inventaire")
    if etape == "resultat":
        return not resultat_passe(exercice)
    if etape == "clore":
        return exercice.etat != Exercice.Etat.CLOS
    return not a_nouveaux_passes(exercice.annee + 1)


class Afficheur:
    """Prints the events of `core.progression`, times counted from the start."""

    def __init__(self, ecrire) -> None:
        self.ecrire = ecrire
        self.debut = time.monotonic()
        self.derniere_avance = 0.0

    def _ligne(self, texte: str) -> None:
        ecoule = progression.duree_lisible(time.monotonic() - self.debut)
        self.ecrire(f"[{ecoule:>9}] {texte}")

    def __call__(self, evenement, suivi, etape) -> None:
        if evenement == "debut":
            self._ligne(f"{suivi.libelle} : début")
        elif evenement == "etape":
            self._ligne(f"  {etape.nom}…")
        elif evenement == "avance":
            if time.monotonic() - self.derniere_avance >= INTERVALLE_AVANCE:
                self.derniere_avance = time.monotonic()
                self._ligne(f"    {etape.compte}")
        elif evenement == "etape_finie":
            compte = f" : {etape.compte}" if etape.compte else ""
            self._ligne(f"  {etape.nom}{compte} en {progression.duree_lisible(etape.duree)}")
        elif evenement == "fin":
            self._ligne(f"{suivi.libelle} : terminée en {progression.duree_lisible(suivi.duree)}")
        else:
            self._ligne(f"{suivi.libelle} : échouée — {suivi.message}")


class Command(BaseCommand):
    help = (
        "Fin d'exercice de l'agent comptable : balances avant et après inventaire figées, "
        "résultat, clôture, à-nouveaux de l'exercice suivant ; chaque étape est affichée avec "
        "son décompte et sa durée au fil de l'eau."
    )

    def add_arguments(self, parser):
        parser.add_argument("exercice", type=int, help="Année de l'exercice.")
        parser.add_argument(
            "--utilisateur", "-u", required=True, help="Identifiant de l'agent comptable."
        )
        parser.add_argument(
            "--etape",
            action="append",
            choices=(*ETAPES, "tout"),
            help="Étape à faire (répétable) ; par défaut « tout » : celles qui restent, dans "
            "l'ordre.",
        )

    def handle(self, *args, exercice, utilisateur, etape=None, **options):
        try:
            ex = Exercice.objects.get(annee=exercice)
        except Exercice.DoesNotExist:
            raise CommandError(f"L'exercice {exercice} n'existe pas.") from None
        try:
            comptable = get_user_model().objects.get(username=utilisateur)
        except get_user_model().DoesNotExist:
            raise CommandError(f"L'utilisateur « {utilisateur} » n'existe pas.") from None
        demandees = etape or ["tout"]
        tout = "tout" in demandees
        afficheur = Afficheur(self.stdout.write)
        faites = 0
        with progression.ecouter(afficheur):
            for nom in ETAPES:
                ex.refresh_from_db()
                if tout and not _a_faire(ex, nom):
                    continue
                if not tout and nom not in demandees:
                    continue
                try:
                    self._faire(nom, comptable, ex)
                except ApplicationError as erreur:
                    raise CommandError(erreur.message) from None
                faites += 1
        if not faites:
            self.stdout.write(f"Rien à faire : la fin de l'exercice {exercice} est achevée.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Fin d'exercice {exercice} : {faites} étape(s) en "
                    f"{progression.duree_lisible(time.monotonic() - afficheur.debut)}."
                )
            )

    def _faire(self, nom: str, comptable, exercice: Exercice) -> None:
        if nom in ("balance-avant", "balance-apres"):
            nature = "avant_inventaire" if nom == "balance-avant" else "apres_inventaire"
            balance_figer(acting_user=comptable, exercice=exercice, nature=nature)
        elif nom == "resultat":
            resultat_passer(acting_user=comptable, exercice=exercice)
        elif nom == "clore":
            with progression.progression(
                f"Clôture de l'exercice {exercice.annee}",
                etapes=["contrôles et clôture"],
                utilisateur=comptable,
                droit="exercice.clore",
                cible=f"exercice:{exercice.annee}",
            ) as suivi:
                suivi.etape("contrôles et clôture")
                exercice_clore(acting_user=comptable, exercice=exercice)
        else:
            a_nouveaux_passer(acting_user=comptable, exercice=exercice)
