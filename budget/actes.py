"""The acts on the credits, as pages and the API see them.

The directeur executes the budget (circ. 93/82 §2.1): he alone opens credits
and records décisions modificatives. Engaging, ordering and paying on a credit
are steps of the ordres de dépense, which check their signer themselves: they
are no act of their own here.
"""

from __future__ import annotations

from budget import services
from core import horloge
from core.actes import Acte
from personnes.droits import droit
from personnes.models import Fonction

# The sentence the page and the API have always given; the services say it
# again with the act's name (`budget.permissions.exiger_directeur`).
REFUS_DIRECTEUR = (
    "Seul le directeur ouvre et modifie les crédits : il exécute le budget de gestion "
    "administrative (circulaire 93/82 §2.1)."
)

OUVRIR_DROIT = droit("credit.ouvrir", {Fonction.DIRECTEUR}, REFUS_DIRECTEUR)
MODIFIER_DROIT = droit("credit.modifier", {Fonction.DIRECTEUR}, REFUS_DIRECTEUR)


OUVRIR = Acte(
    "credit.ouvrir",
    lambda utilisateur, _objet, d: services.credit_ouvrir(
        acting_user=utilisateur,
        exercice=d["exercice"],
        chapitre=d["chapitre"],
        libelle=d["libelle"],
        montant_initial=d["montant_initial"],
    ),
    OUVRIR_DROIT,
    lambda credit, _d: (
        f"Crédit ouvert au chapitre {credit.chapitre} ({credit.libelle}) "
        f"pour l'exercice {credit.exercice.annee}."
    ),
)
# The page names the credit in its form, the API in its URL.
MODIFIER = Acte(
    "credit.modifier",
    lambda utilisateur, credit, d: services.credit_modifier(
        acting_user=utilisateur,
        credit=credit if credit is not None else d["credit"],
        montant=d["montant"],
        motif=d["motif"],
        le=d.get("le") or horloge.aujourdhui(),
    ),
    MODIFIER_DROIT,
    lambda credit, _d: (
        f"Modification enregistrée au chapitre {credit.chapitre} ({credit.libelle})."
    ),
)
