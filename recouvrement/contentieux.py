"""The directeur's contentious recovery (annexe art. 13 al. 1 and 2; circ.
93/82 §2.0, §2.0.5: « Lorsque les tentatives de recouvrement amiable se sont
avérées infructueuses, il en rend compte au directeur qui est seul chargé du
recouvrement contentieux »). The acts, each one transaction, checked (the
directeur, or a délégué within a delegation valid that day: `contentieux_communs`),
refused in French, audited, journalled (`Acte`):

- `mise_en_demeure_envoyer`: the registered letter with avis de réception
  (« mise en demeure »), for claims fallen due and not paid;
- `avis_reception_enregistrer`: the day the debtor signed the avis de
  réception; « le délai de trente jours imparti par la mise en demeure »
  runs from it (`fin_delai` = that day + 30: the thirtieth day is still his);
- `recours_saisir`: a réclamation « introduite dans le même délai devant la
  commission de recours amiable » (never after it); the commission has « le
  délai d'un mois »; `recours_decider` records its decision;
- `poursuite_engager`: « A défaut de règlement dans le délai de trente jours
  […] et sauf réclamation […] reconnue fondée par ladite commission dans le
  délai d'un mois, l'organisme procède obligatoirement au recouvrement des
  sommes dues suivant l'une des procédures prévues aux articles R. 612-11 à
  R. 612-13 et R. 612-17 […] lorsque la personne défaillante relève du régime
  à titre obligatoire »: a contrainte, or another of those procedures
  described by the directeur. While the commission has the réclamation within
  its month, nothing; after that month without a decision « fondée », the
  seed's words leave no suspension, and the directeur proceeds;
- `avis_caisse_adresser`: « Dans le cas où il s'agit d'une personne relevant
  du régime à titre volontaire, l'organisme avise sans délai la caisse du
  défaut de paiement des cotisations »: the cotisations and majorations
  only; another claim of that debtor (a rent) is recovered as al. 1 says;
- `debiteur_qualifier`: the debtor's régime, form and address, which the
  acts above read.

Compulsory recovery and the avis à la caisse are written in
`contentieux_poursuites` (re-exported here), the bailiffs in
`contentieux_huissiers`, the collective proceedings in
`contentieux_procedures`; `echeances_contentieux` (`contentieux_echeances`,
re-exported here) gives what falls due to the directeur.
"""

from __future__ import annotations

import datetime

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, atomique
from core.money import ZERO, format_euros
from core.verrous import verrouiller
from recettes.models import LigneOrdreRecette
from recouvrement.contentieux_communs import (
    aujourdhui,
    creance_du_directeur,
    date_saisie,
    echeance_de,
    exiger_directeur,
    exiger_hors_procedure_collective,
    mise_en_demeure_de,
    reste_de,
    stade_de,
    texte,
    un_mois_apres,
)
from recouvrement.contentieux_echeances import echeances_contentieux
from recouvrement.contentieux_poursuites import (
    avis_caisse_adresser,
    exiger_defaut,
    poursuite_engager,
)
from recouvrement.models import Acte, Creance, Debiteur
from recouvrement.models_contentieux import (
    DELAI_MISE_EN_DEMEURE,
    MiseEnDemeure,
    MiseEnDemeureCreance,
    Poursuite,
    RecoursAmiable,
)
from recouvrement.services import journaliser

__all__ = [
    "avis_caisse_adresser",
    "avis_reception_enregistrer",
    "debiteur_qualifier",
    "echeances_contentieux",
    "exiger_defaut",
    "mise_en_demeure_de",
    "mise_en_demeure_envoyer",
    "poursuite_engager",
    "recours_decider",
    "recours_saisir",
]

ARTICLE = "annexe art. 13"


def _comptes(mise: MiseEnDemeure) -> list[str]:
    return sorted(
        {
            ligne.creance.ligne.ordre.compte_imputation.numero
            for ligne in mise.lignes.select_related("creance__ligne__ordre__compte_imputation")
        }
    )


def _creances(mise: MiseEnDemeure) -> list[Creance]:
    return [
        ligne.creance
        for ligne in mise.lignes.select_related("creance__ligne__ordre", "creance__debiteur")
    ]


def _lignes(lignes) -> list[LigneOrdreRecette]:
    cles = [getattr(ligne, "pk", ligne) for ligne in lignes or []]
    if not cles:
        raise DonneeInvalide("Indiquez au moins une créance à mettre en demeure.")
    trouvees = {
        str(lg.pk): lg
        for lg in LigneOrdreRecette.objects.select_related(
            "ordre__compte_imputation", "ordre__compte_tiers"
        ).filter(pk__in=[str(c) for c in cles])
    }
    manquantes = [str(c) for c in cles if str(c) not in trouvees]
    if manquantes:
        raise DonneeInvalide(f"Créance inconnue : ligne {', '.join(manquantes)}.")
    return [trouvees[str(c)] for c in dict.fromkeys(str(c) for c in cles)]


@atomique
def mise_en_demeure_envoyer(*, acting_user, lignes) -> MiseEnDemeure:
    """The directeur puts one debtor in default of paying the claims fallen
    due (the day after their échéance) and not paid: one registered letter
    with avis de réception, dated today, each claim at what is left of it."""
    le = aujourdhui()
    retenues = []
    capacite = None
    for ligne in _lignes(lignes):
        creance = creance_du_directeur(ligne, le)
        echeance = echeance_de(ligne)
        quoi = f"La créance de {ligne.debiteur} sur l'ordre n° {ligne.ordre.reference}"
        if le <= echeance:
            raise TransitionInterdite(
                f"{quoi} vient à échéance le {echeance:%d/%m/%Y} : le débiteur peut encore la "
                f"régler ce jour-là ; une mise en demeure ne peut lui être adressée qu'à compter "
                f"du {echeance + datetime.timedelta(days=1):%d/%m/%Y}."
            )
        reste = reste_de(ligne)
        if reste <= ZERO:
            raise TransitionInterdite(f"{quoi} est réglée : il n'y a rien à mettre en demeure.")
        if creance.stade == Creance.Stade.DELAI:
            raise TransitionInterdite(
                f"{quoi} fait l'objet d'un délai de paiement en cours : elle n'est mise en demeure "
                "qu'une fois la défaillance de l'échéancier constatée (circulaire 93/82 §2.0.5)."
            )
        exiger_hors_procedure_collective(creance, quoi="une mise en demeure")
        if MiseEnDemeureCreance.objects.filter(creance=creance).exists():
            precedente = mise_en_demeure_de(creance)
            raise TransitionInterdite(
                f"{quoi} a déjà fait l'objet de la mise en demeure du "
                f"{precedente.envoyee_le:%d/%m/%Y} (n° {precedente.reference})."
            )
        capacite = exiger_directeur(
            acting_user,
            "adresser une mise en demeure",
            le=le,
            montant=reste,
            comptes=[ligne.ordre.compte_imputation.numero],
        )
        retenues.append((creance, reste))
    debiteurs = {creance.debiteur_id for creance, _ in retenues}
    if len(debiteurs) > 1:
        raise DonneeInvalide(
            "Une mise en demeure s'adresse à un seul débiteur : choisissez des créances du même "
            "débiteur."
        )
    total = sum((reste for _, reste in retenues), ZERO)
    mise = MiseEnDemeure.objects.create(
        debiteur=retenues[0][0].debiteur,
        envoyee_le=le,
        montant=total,
        signataire=acting_user,
        qualite=capacite.qualite[:255],
        enregistree_le=horloge.maintenant(),
    )
    for creance, reste in retenues:
        MiseEnDemeureCreance.objects.create(mise_en_demeure=mise, creance=creance, montant=reste)
        journaliser(
            debiteur=creance.debiteur,
            creance=creance,
            type=Acte.Type.MISE_EN_DEMEURE,
            le=le,
            libelle=(
                f"Mise en demeure n° {mise.reference} par lettre recommandée avec demande d'avis "
                f"de réception : {format_euros(reste)} à régler dans les trente jours"
            ),
            auteur=acting_user,
            qualite=capacite.qualite,
            montant=reste,
        )
    stade_de([c for c, _ in retenues], Creance.Stade.MISE_EN_DEMEURE)
    audit(
        acting_user,
        "recouvrement.mise_en_demeure",
        mise,
        apres={
            "debiteur": mise.debiteur.nom,
            "montant": total,
            "creances": [c.pk for c, _ in retenues],
            "qualite": capacite.qualite,
        },
    )
    return mise


@atomique
def avis_reception_enregistrer(*, acting_user, mise: MiseEnDemeure, le) -> MiseEnDemeure:
    """The day the avis de réception was signed: the thirty days run from it."""
    mise = verrouiller(MiseEnDemeure.objects.select_related("debiteur"), mise.pk)
    jour = aujourdhui()
    capacite = exiger_directeur(
        acting_user,
        "enregistrer l'avis de réception d'une mise en demeure",
        le=jour,
        montant=mise.montant,
        comptes=_comptes(mise),
    )
    if mise.avis_reception_le is not None:
        raise TransitionInterdite(
            f"L'avis de réception de la mise en demeure n° {mise.reference} est déjà enregistré "
            f"(signé le {mise.avis_reception_le:%d/%m/%Y}) ; il ne se modifie pas."
        )
    le = date_saisie(
        le,
        "de l'avis de réception",
        aujourdhui=jour,
        au_plus_tot=mise.envoyee_le,
        avant="l'envoi de la mise en demeure",
    )
    mise.avis_reception_le = le
    mise.fin_delai = le + datetime.timedelta(days=DELAI_MISE_EN_DEMEURE)
    mise.save(update_fields=["avis_reception_le", "fin_delai"])
    for creance in _creances(mise):
        journaliser(
            debiteur=creance.debiteur,
            creance=creance,
            type=Acte.Type.AVIS_RECEPTION,
            le=le,
            libelle=(
                f"Avis de réception de la mise en demeure n° {mise.reference} : délai de trente "
                f"jours jusqu'au {mise.fin_delai:%d/%m/%Y}"
            ),
            auteur=acting_user,
            qualite=capacite.qualite,
        )
    audit(
        acting_user,
        "recouvrement.avis_reception",
        mise,
        apres={"avis_reception_le": le, "fin_delai": mise.fin_delai},
    )
    return mise


@atomique
def recours_saisir(*, acting_user, mise: MiseEnDemeure, saisie_le, objet: str) -> RecoursAmiable:
    """A réclamation before the commission de recours amiable, introduced
    within the thirty days of the mise en demeure: it suspends; the
    commission has one month from its saisine."""
    mise = verrouiller(MiseEnDemeure.objects.select_related("debiteur"), mise.pk)
    jour = aujourdhui()
    capacite = exiger_directeur(
        acting_user,
        "enregistrer une réclamation devant la commission de recours amiable",
        le=jour,
        montant=mise.montant,
        comptes=_comptes(mise),
    )
    if RecoursAmiable.objects.filter(mise_en_demeure=mise).exists():
        raise TransitionInterdite(
            f"La réclamation contre la mise en demeure n° {mise.reference} est déjà enregistrée."
        )
    if mise.fin_delai is None:
        raise TransitionInterdite(
            f"Enregistrez d'abord l'avis de réception de la mise en demeure n° {mise.reference} : "
            "le délai de trente jours dans lequel la réclamation est introduite court de lui."
        )
    saisie_le = date_saisie(
        saisie_le,
        "de la réclamation",
        aujourdhui=jour,
        au_plus_tot=mise.avis_reception_le,
        avant="l'avis de réception de la mise en demeure",
    )
    if saisie_le > mise.fin_delai:
        raise TransitionInterdite(
            f"La réclamation du {saisie_le:%d/%m/%Y} est hors délai : elle devait être introduite "
            f"devant la commission de recours amiable dans le délai de trente jours de la mise en "
            f"demeure, ouvert par l'avis de réception du {mise.avis_reception_le:%d/%m/%Y} et "
            f"expiré le {mise.fin_delai:%d/%m/%Y} ({ARTICLE}). Elle ne suspend pas le recouvrement."
        )
    engagee = (
        Poursuite.objects.filter(mise_en_demeure=mise)
        .select_related("creance__ligne__ordre")
        .order_by("le", "id")
        .first()
    )
    if engagee is not None:
        raise TransitionInterdite(
            f"Le recouvrement forcé de l'ordre n° {engagee.creance.ligne.ordre.reference} "
            f"({engagee.get_type_display()}) a été engagé le {engagee.le:%d/%m/%Y}, après la mise "
            f"en demeure n° {mise.reference} : la réclamation du {saisie_le:%d/%m/%Y} ne "
            f"s'enregistre plus."
        )
    objet = texte(objet, "l'objet de la réclamation")
    recours = RecoursAmiable.objects.create(
        mise_en_demeure=mise,
        saisie_le=saisie_le,
        objet=objet,
        fin_commission=un_mois_apres(saisie_le),
        enregistre_par=acting_user,
    )
    creances = _creances(mise)
    for creance in creances:
        journaliser(
            debiteur=creance.debiteur,
            creance=creance,
            type=Acte.Type.SAISINE_CRA,
            le=saisie_le,
            libelle=(
                f"Réclamation devant la commission de recours amiable : elle statue au plus tard "
                f"le {recours.fin_commission:%d/%m/%Y}"
            ),
            resultat=objet,
            auteur=acting_user,
            qualite=capacite.qualite,
        )
    stade_de(creances, Creance.Stade.RECOURS, depuis=[Creance.Stade.MISE_EN_DEMEURE])
    audit(
        acting_user,
        "recouvrement.recours_saisi",
        mise,
        apres={"saisie_le": saisie_le, "fin_commission": recours.fin_commission},
    )
    return recours


@atomique
def recours_decider(
    *, acting_user, recours: RecoursAmiable, decision: str, decision_le, reference: str, motifs=""
) -> RecoursAmiable:
    """The commission's decision: fondée, partiellement fondée or rejetée. A
    réclamation fondée, even partly, means the directeur corrects the ordre
    de recette (an ordre de réduction or d'annulation, circ. 93/82 §2.0.3):
    he does it himself; nothing is reduced here."""
    recours = verrouiller(RecoursAmiable.objects.select_related("mise_en_demeure"), recours.pk)
    mise = recours.mise_en_demeure
    jour = aujourdhui()
    capacite = exiger_directeur(
        acting_user,
        "enregistrer la décision de la commission de recours amiable",
        le=jour,
        montant=mise.montant,
        comptes=_comptes(mise),
    )
    if recours.decision:
        raise TransitionInterdite(
            f"La décision de la commission sur cette réclamation est déjà enregistrée "
            f"({recours.get_decision_display()}, le {recours.decision_le:%d/%m/%Y})."
        )
    if decision not in RecoursAmiable.Decision.values:
        raise DonneeInvalide(
            "La décision de la commission est : réclamation fondée, partiellement fondée ou "
            "rejetée."
        )
    decision_le = date_saisie(
        decision_le,
        "de la décision de la commission",
        aujourdhui=jour,
        au_plus_tot=recours.saisie_le,
        avant="sa saisine",
    )
    recours.decision = decision
    recours.decision_le = decision_le
    recours.decision_reference = texte(reference, "la référence de la décision", 120)
    recours.decision_motifs = (motifs or "").strip()
    recours.save(update_fields=["decision", "decision_le", "decision_reference", "decision_motifs"])
    suite = {
        RecoursAmiable.Decision.FONDEE: (
            "le directeur rectifie l'ordre de recette (réduction ou annulation) ; pas de "
            "recouvrement forcé"
        ),
        RecoursAmiable.Decision.PARTIELLE: (
            "le directeur réduit l'ordre de recette de la part reconnue fondée ; le reste est "
            "recouvré"
        ),
        RecoursAmiable.Decision.REJETEE: "le recouvrement reprend",
    }[decision]
    creances = _creances(mise)
    for creance in creances:
        journaliser(
            debiteur=creance.debiteur,
            creance=creance,
            type=Acte.Type.DECISION_CRA,
            le=decision_le,
            libelle=(
                f"Décision de la commission de recours amiable n° {recours.decision_reference} : "
                f"{recours.get_decision_display()}"
            ),
            resultat=suite,
            auteur=acting_user,
            qualite=capacite.qualite,
        )
    # Back from « recours amiable en cours »; a claim further on keeps its stage.
    stade_de(creances, Creance.Stade.MISE_EN_DEMEURE, depuis=[Creance.Stade.RECOURS])
    audit(
        acting_user,
        "recouvrement.recours_decide",
        mise,
        apres={
            "decision": decision,
            "decision_le": decision_le,
            "reference": recours.decision_reference,
        },
    )
    return recours


@atomique
def debiteur_qualifier(
    *, acting_user, debiteur: Debiteur, regime: str, forme: str, adresse: str = ""
) -> Debiteur:
    """The debtor's régime (obligatoire, volontaire, or none for a claim other
    than cotisations), his form and address, as the directeur knows them."""
    debiteur = verrouiller(Debiteur, debiteur.pk)
    exiger_directeur(acting_user, "qualifier un débiteur", le=aujourdhui())
    if regime not in Debiteur.Regime.values or forme not in Debiteur.Forme.values:
        raise DonneeInvalide("Régime ou forme du débiteur inconnu.")
    avant = {"regime": debiteur.regime, "forme": debiteur.forme, "adresse": debiteur.adresse}
    debiteur.regime, debiteur.forme = regime, forme
    debiteur.adresse = (adresse or "").strip() or debiteur.adresse
    debiteur.save(update_fields=["regime", "forme", "adresse"])
    audit(
        acting_user,
        "recouvrement.debiteur_qualifie",
        debiteur,
        avant=avant,
        apres={"regime": regime, "forme": forme, "adresse": debiteur.adresse},
    )
    return debiteur
