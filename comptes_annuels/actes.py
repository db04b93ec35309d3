"""The comptes annuels' droits and act: reading them (the agent comptable who
draws them up, the directeur who presents them to the board, the auditor of
the tutelle; circ. 93/82 §IV), and fixing the mapping (the agent comptable)."""

from __future__ import annotations

from comptes_annuels import services
from core.actes import Acte
from personnes.droits import droit
from personnes.models import Fonction
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES

LIRE_DROIT = droit(
    "comptes_annuels.lire",
    FONCTIONS_COMPTABLES | {Fonction.DIRECTEUR, Fonction.DELEGUE, Fonction.AUDITEUR},
    "Seuls l'agent comptable, le directeur et l'auditeur lisent les comptes annuels.",
)
FIXER_DROIT = droit(
    "comptes_annuels.correspondance_fixer",
    FONCTIONS_COMPTABLES,
    refus_comptable(services.ACTE),
)

FIXER = Acte(
    "comptes_annuels.correspondance_fixer",
    lambda utilisateur, _objet, d: services.correspondance_fixer(
        acting_user=utilisateur,
        prefixe=d["prefixe"],
        rubrique=d["rubrique"],
        valable_du=d["valable_du"],
    ),
    FIXER_DROIT,
    lambda c, _d: (
        f"Les comptes {c.prefixe}… vont à la rubrique « {c.rubrique.libelle} » "
        f"à compter du {c.valable_du:%d/%m/%Y}."
    ),
)


# The compte financier: established by the agent comptable (circ. 93/82 §IV),
# read by whoever reads the comptes annuels.
ETABLIR_DROIT = droit(
    "comptes_annuels.compte_financier_etablir",
    FONCTIONS_COMPTABLES,
    refus_comptable(services.ACTE_COMPTE_FINANCIER),
)

ETABLIR = Acte(
    "comptes_annuels.compte_financier_etablir",
    lambda utilisateur, exercice, d: services.compte_financier_etablir(
        acting_user=utilisateur,
        exercice=exercice,
        commission_le=d["commission_le"],
        rapport_nom=d["rapport"].name,
        rapport=d["rapport"].read(),
    ),
    ETABLIR_DROIT,
    lambda cf, _d: (
        f"Compte financier n° {cf.reference} de l'exercice {cf.exercice.annee} établi "
        f"(empreinte {cf.empreinte[:16]}…)."
    ),
)

# The acts of the life after the board, re-exported so that the catalogue of
# droits lists them (comptes_annuels/actes_cycle.py).
from comptes_annuels.actes_cycle import (  # noqa: E402, F401
    APPROBATION,
    APPROBATION_DROIT,
    AVIS_CODEC,
    AVIS_CODEC_DROIT,
    AVIS_FONDE,
    AVIS_FONDE_DROIT,
    QUITUS,
    QUITUS_DROIT,
    RENVOI,
    RENVOI_DROIT,
    TRANSMISSION,
    TRANSMISSION_DROIT,
)
