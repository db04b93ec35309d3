"""The acts of the books, as pages and the API see them.

The agent comptable alone keeps the books (circ. 93/82 §1.1.1): each act's
droit names his side, with the sentence its service says when it refuses
(`personnes.permissions.refus_comptable`); the service checks it again at the
act's date, with the separation of ordonnateur and comptable.
"""

from __future__ import annotations

from core.actes import Acte
from core.exceptions import ExerciceInvalide
from ledger import services
from ledger.models import Ecriture
from personnes.droits import droit
from personnes.models import Fonction
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES


def _droit_comptable(code: str, acte: str):
    return droit(code, FONCTIONS_COMPTABLES, refus_comptable(acte))


# A reversal is an entry like any other: the same droit, the same refusal.
PASSER_DROIT = _droit_comptable("ecriture.passer", "passer une écriture")
IMPORTER_DROIT = _droit_comptable("ecritures.importer", "importer des écritures")
OUVRIR_DROIT = _droit_comptable("exercice.ouvrir", "ouvrir un exercice")
PERIODE_COMPLEMENTAIRE_DROIT = _droit_comptable(
    "exercice.periode_complementaire", "ouvrir la période complémentaire"
)
CLORE_DROIT = _droit_comptable("exercice.clore", "clore un exercice")
# Not an act: a read kept to those who keep or audit the books.
EXPORTER_FEC_DROIT = droit(
    "exercice.exporter_fec",
    FONCTIONS_COMPTABLES | {Fonction.AUDITEUR},
    "Seuls l'agent comptable, son fondé de pouvoir et l'auditeur de la tutelle téléchargent "
    "le fichier des écritures comptables d'un exercice.",
)


def _passer(utilisateur, _objet, d: dict):
    """`d` as the entry form or serializer clean it: `exercice` found (or None
    when no exercise covers the date), `lignes` as `LigneSaisie`."""
    if d["exercice"] is None:
        raise ExerciceInvalide(f"Aucun exercice {d['date'].year} n'est ouvert.")
    return services.ecriture_passer(
        acting_user=utilisateur,
        exercice=d["exercice"],
        journal=d["journal"],
        date=d["date"],
        libelle=d["libelle"],
        lignes=d["lignes"],
        piece=d.get("piece") or "",
    )


def _enregistrer(utilisateur, _objet, d: dict):
    """As `_passer`, but recorded for the sequencer (migration 0023)."""
    if d["exercice"] is None:
        raise ExerciceInvalide(f"Aucun exercice {d['date'].year} n'est ouvert.")
    return services.ecriture_enregistrer(
        acting_user=utilisateur,
        exercice=d["exercice"],
        journal=d["journal"],
        date=d["date"],
        libelle=d["libelle"],
        lignes=d["lignes"],
        piece=d.get("piece") or "",
    )


def _contrepassee(ecriture: Ecriture, _d: dict) -> str:
    # A page action hands the entry acted on, the API the reversal it produced.
    inverse = ecriture if ecriture.contrepasse_id else Ecriture.objects.get(contrepasse=ecriture)
    return f"Écriture contrepassée par {inverse.journal.code}-{inverse.numero}."


PASSER = Acte(
    "ecriture.passer",
    _passer,
    PASSER_DROIT,
    lambda ecriture, _d: f"Écriture {ecriture.journal.code}-{ecriture.numero} passée.",
)
# Recording is posting, validated later: the same droit, the same refusal.
ENREGISTRER = Acte(
    "ecriture.enregistrer",
    _enregistrer,
    PASSER_DROIT,
    lambda enregistrement, _d: (
        f"Écriture enregistrée (n° {enregistrement.id}) : elle reçoit son numéro à sa validation."
    ),
)
CONTREPASSER = Acte(
    "ecriture.contrepasser",
    lambda utilisateur, ecriture, _d: services.ecriture_contrepasser(
        acting_user=utilisateur, ecriture=ecriture
    ),
    PASSER_DROIT,
    _contrepassee,
)
IMPORTER = Acte(
    "ecritures.importer",
    lambda utilisateur, _objet, d: services.ecritures_importer(acting_user=utilisateur, **d),
    IMPORTER_DROIT,
    lambda nombre, _d: f"{nombre} écritures importées.",
)
OUVRIR = Acte(
    "exercice.ouvrir",
    lambda utilisateur, _objet, d: services.exercice_ouvrir(
        acting_user=utilisateur, annee=d["annee"]
    ),
    OUVRIR_DROIT,
    lambda exercice, _d: f"L'exercice {exercice.annee} est ouvert.",
)
PERIODE_COMPLEMENTAIRE = Acte(
    "exercice.periode_complementaire",
    lambda utilisateur, exercice, _d: services.exercice_ouvrir_periode_complementaire(
        acting_user=utilisateur, exercice=exercice
    ),
    PERIODE_COMPLEMENTAIRE_DROIT,
    lambda exercice, _d: f"L'exercice {exercice.annee} est en période complémentaire.",
)
CLORE = Acte(
    "exercice.clore",
    lambda utilisateur, exercice, _d: services.exercice_clore(
        acting_user=utilisateur, exercice=exercice
    ),
    CLORE_DROIT,
    lambda exercice, _d: f"L'exercice {exercice.annee} est clos.",
)

# The frozen balances' acts (circ. 93/82 §3.2), declared beside their forms.
from ledger.actes_balances import ENVOYER_BALANCE, FIGER_BALANCE  # noqa: E402, F401

# The year-end after the inventory: result, board's arrêté, à-nouveaux.
from ledger.actes_cloture import (  # noqa: E402, F401
    A_NOUVEAUX,
    A_NOUVEAUX_DROIT,
    ARRETE,
    ARRETE_DROIT,
    RESULTAT,
    RESULTAT_DROIT,
)
