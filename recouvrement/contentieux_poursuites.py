"""Compulsory recovery and the avis à la caisse (annexe art. 13 al. 1 and 2):
« A défaut de règlement dans le délai de trente jours imparti par la mise en
demeure […] et sauf réclamation introduite dans le même délai devant la
commission de recours amiable et reconnue fondée par ladite commission dans
le délai d'un mois, l'organisme procède obligatoirement au recouvrement des
sommes dues suivant l'une des procédures prévues aux articles R. 612-11 à
R.612-13 et R. 612-17 […] lorsque la personne défaillante relève du régime à
titre obligatoire. Dans le cas où il s'agit d'une personne relevant du régime
à titre volontaire, l'organisme avise sans délai la caisse du défaut de
paiement des cotisations. »

- `exiger_defaut`: the default those acts need (mise en demeure received,
  its thirty days over, no réclamation before the commission within its
  month, none reconnue fondée);
- `poursuite_engager`: a contrainte, or another of those procedures the
  directeur describes (never tied here to one of the articles);
- `avis_caisse_adresser`: the caisse told of the default.

Al. 2 speaks of « défaut de paiement des cotisations »: the régime
volontaire changes only the claims of cotisations and majorations
(`des_cotisations`); a rent of the same debtor goes to compulsory recovery
and the caisse is not told of it. No compulsory recovery while a collective
proceeding of the debtor is open: the claim is followed there.

Re-exported by `recouvrement.contentieux`.
"""

from __future__ import annotations

import datetime

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, atomique
from core.money import ZERO
from recettes.models import LigneOrdreRecette
from recouvrement.contentieux_communs import (
    _majuscule,
    aujourdhui,
    creance_du_directeur,
    des_cotisations,
    exiger_directeur,
    exiger_hors_procedure_collective,
    mise_en_demeure_de,
    reste_de,
    stade_de,
    texte,
)
from recouvrement.models import Acte, Creance, Debiteur
from recouvrement.models_contentieux import AvisCaisse, MiseEnDemeure, Poursuite, RecoursAmiable
from recouvrement.services import journaliser

ARTICLE = "annexe art. 13"


def exiger_defaut(creance: Creance, le: datetime.date, *, quoi: str) -> MiseEnDemeure:
    """The default the seed requires before compulsory recovery or the avis
    à la caisse: the mise en demeure received, its thirty days over, no
    réclamation pending before the commission within its month, none
    reconnue fondée. Returns the mise en demeure."""
    mise = mise_en_demeure_de(creance)
    nom = f"de {creance.debiteur.nom} sur l'ordre n° {creance.ligne.ordre.reference}"
    if mise is None:
        raise TransitionInterdite(
            f"La créance {nom} n'a pas été mise en demeure : {quoi} ne vient qu'à défaut de "
            f"règlement dans le délai de trente jours imparti par la mise en demeure ({ARTICLE})."
        )
    if mise.fin_delai is None:
        raise TransitionInterdite(
            f"L'avis de réception de la mise en demeure du {mise.envoyee_le:%d/%m/%Y} "
            f"(n° {mise.reference}) n'est pas enregistré : le délai de trente jours n'a pas "
            f"commencé à courir ; {quoi} ne peut intervenir ({ARTICLE})."
        )
    if le <= mise.fin_delai:
        raise TransitionInterdite(
            f"Le délai de trente jours de la mise en demeure court depuis l'avis de réception du "
            f"{mise.avis_reception_le:%d/%m/%Y} jusqu'au {mise.fin_delai:%d/%m/%Y} inclus : "
            f"{quoi} n'est possible qu'à compter du "
            f"{mise.fin_delai + datetime.timedelta(days=1):%d/%m/%Y} ({ARTICLE})."
        )
    recours = RecoursAmiable.objects.filter(mise_en_demeure=mise).first()
    if recours is not None and recours.en_cours and le <= recours.fin_commission:
        raise TransitionInterdite(
            f"La commission de recours amiable, saisie le {recours.saisie_le:%d/%m/%Y}, a "
            f"jusqu'au {recours.fin_commission:%d/%m/%Y} pour statuer sur la réclamation : "
            f"{quoi} attend sa décision ou la fin de ce délai d'un mois ({ARTICLE})."
        )
    if recours is not None and recours.decision == RecoursAmiable.Decision.FONDEE:
        raise TransitionInterdite(
            f"La commission de recours amiable a reconnu la réclamation fondée le "
            f"{recours.decision_le:%d/%m/%Y} (décision n° {recours.decision_reference}) : il n'y "
            f"a pas de recouvrement forcé ; le directeur rectifie l'ordre de recette n° "
            f"{creance.ligne.ordre.reference} par une réduction ou une annulation ({ARTICLE})."
        )
    return mise


def _creance_verrouillee(creance: Creance | LigneOrdreRecette, le: datetime.date) -> Creance:
    ligne = creance if isinstance(creance, LigneOrdreRecette) else creance.ligne
    ligne = LigneOrdreRecette.objects.select_related("ordre__compte_imputation").get(pk=ligne.pk)
    return creance_du_directeur(ligne, le)


@atomique
def poursuite_engager(*, acting_user, creance, type: str, description: str) -> Poursuite:
    """Compulsory recovery of a claim after the thirty days: a contrainte,
    or another of the procedures of articles R. 612-11 to R. 612-13 and
    R. 612-17, which the directeur describes (annexe art. 13 al. 1)."""
    le = aujourdhui()
    creance = _creance_verrouillee(creance, le)
    ligne = creance.ligne
    reste = reste_de(ligne)
    capacite = exiger_directeur(
        acting_user,
        "engager le recouvrement forcé d'une créance",
        le=le,
        montant=reste,
        comptes=[ligne.ordre.compte_imputation.numero],
    )
    if type not in Poursuite.Type.values:
        raise DonneeInvalide(
            "Choisissez la procédure : contrainte, ou autre procédure (articles R. 612-11 à "
            "R. 612-13, R. 612-17)."
        )
    description = texte(description, "la procédure engagée (sa description)")
    debiteur = creance.debiteur
    exiger_hors_procedure_collective(creance, quoi="le recouvrement forcé")
    if des_cotisations(ligne) and debiteur.regime == Debiteur.Regime.VOLONTAIRE:
        raise TransitionInterdite(
            f"{debiteur.nom} relève du régime à titre volontaire : pour ses cotisations, "
            f"l'organisme avise sans délai la caisse du défaut de paiement, il ne procède pas au "
            f"recouvrement forcé ({ARTICLE}, alinéa 2)."
        )
    if des_cotisations(ligne) and debiteur.regime == Debiteur.Regime.SANS_OBJET:
        raise DonneeInvalide(
            f"Indiquez d'abord si {debiteur.nom} relève du régime à titre obligatoire ou à titre "
            f"volontaire : le recouvrement forcé ne vaut que pour le régime obligatoire, la caisse "
            f"est avisée pour le régime volontaire ({ARTICLE})."
        )
    mise = exiger_defaut(creance, le, quoi="le recouvrement forcé")
    if reste <= ZERO:
        raise TransitionInterdite(
            f"La créance de {debiteur.nom} sur l'ordre n° {ligne.ordre.reference} est réglée : "
            "il n'y a rien à recouvrer."
        )
    poursuite = Poursuite.objects.create(
        creance=creance,
        mise_en_demeure=mise,
        type=type,
        description=description,
        le=le,
        montant=reste,
        signataire=acting_user,
        qualite=capacite.qualite[:255],
        enregistree_le=horloge.maintenant(),
    )
    journaliser(
        debiteur=debiteur,
        creance=creance,
        type=(
            Acte.Type.CONTRAINTE if type == Poursuite.Type.CONTRAINTE else Acte.Type.AUTRE_PROCEDURE
        ),
        le=le,
        libelle=f"{_majuscule(poursuite.get_type_display())} : {description}",
        auteur=acting_user,
        qualite=capacite.qualite,
        montant=reste,
    )
    stade_de([creance], Creance.Stade.POURSUITE)
    audit(
        acting_user,
        "recouvrement.poursuite",
        creance,
        apres={"type": type, "description": description, "montant": reste},
    )
    return poursuite


@atomique
def avis_caisse_adresser(*, acting_user, creance, destinataire: str) -> AvisCaisse:
    """The caisse told, « sans délai », of the default of payment of the
    cotisations (or majorations) of a debtor of the régime à titre
    volontaire, once the thirty days are over (annexe art. 13 al. 2)."""
    le = aujourdhui()
    creance = _creance_verrouillee(creance, le)
    ligne = creance.ligne
    reste = reste_de(ligne)
    capacite = exiger_directeur(
        acting_user,
        "aviser la caisse du défaut de paiement",
        le=le,
        montant=reste,
        comptes=[ligne.ordre.compte_imputation.numero],
    )
    debiteur = creance.debiteur
    if not des_cotisations(ligne):
        raise TransitionInterdite(
            f"L'ordre n° {ligne.ordre.reference} ({ligne.ordre.get_nature_display()}) n'est pas "
            f"une créance de cotisations : l'avis à la caisse ne concerne que le défaut de "
            f"paiement des cotisations ; cette créance est recouvrée par le recouvrement forcé "
            f"({ARTICLE}, alinéa 2)."
        )
    if debiteur.regime != Debiteur.Regime.VOLONTAIRE:
        raise TransitionInterdite(
            f"{debiteur.nom} ne relève pas du régime à titre volontaire : l'avis à la caisse du "
            f"défaut de paiement ne concerne que ce régime ; pour le régime obligatoire, "
            f"l'organisme procède au recouvrement forcé ({ARTICLE})."
        )
    if AvisCaisse.objects.filter(creance=creance).exists():
        raise TransitionInterdite(
            "La caisse a déjà été avisée du défaut de paiement de cette créance."
        )
    mise = exiger_defaut(creance, le, quoi="l'avis à la caisse du défaut de paiement")
    if reste <= ZERO:
        raise TransitionInterdite("La créance est réglée : il n'y a pas de défaut à signaler.")
    destinataire = texte(destinataire, "la caisse avisée", 200)
    avis = AvisCaisse.objects.create(
        creance=creance,
        mise_en_demeure=mise,
        le=le,
        destinataire=destinataire,
        montant=reste,
        signataire=acting_user,
        qualite=capacite.qualite[:255],
        enregistre_le=horloge.maintenant(),
    )
    journaliser(
        debiteur=debiteur,
        creance=creance,
        type=Acte.Type.AVIS_CAISSE,
        le=le,
        libelle=f"Avis du défaut de paiement des cotisations adressé à {destinataire}",
        auteur=acting_user,
        qualite=capacite.qualite,
        montant=reste,
    )
    stade_de([creance], Creance.Stade.AVIS_CAISSE)
    audit(acting_user, "recouvrement.avis_caisse", creance, apres={"destinataire": destinataire})
    return avis
