"""The collective proceedings of a debtor company, which the organisme must
« suivre très régulièrement » (annexe art. 13 al. 3: « les procédures
relatives à la sauvegarde, au redressement et à la liquidation judiciaire des
entreprises »):

- `procedure_ouvrir`: the judgment (kind, date, court, mandataire judiciaire
  or liquidateur) and the deadline to declare the claim, as the directeur
  reads it from the judgment's publication (the seed fixes no délai and none
  is computed here);
- `declaration_enregistrer`: the declaration of the fund's claims (date,
  amount, the claims it covers);
- `evenement_enregistrer`: what happens meanwhile;
- `issue_enregistrer`: the outcome (date, result), once.

The debtor's claims the directeur recovers go to the stage « procédure
collective »; each act is journalled. `declarations_a_faire` gives the
deadline of a declaration not yet made.
"""

from __future__ import annotations

import datetime

from django.urls import reverse

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, atomique
from core.money import format_euros, montant
from core.verrous import verrouiller
from recouvrement.a_echoir import DIRECTEUR, AEchoir
from recouvrement.contentieux_communs import (
    aujourdhui,
    date_saisie,
    est_du_directeur,
    exiger_directeur,
    texte,
)
from recouvrement.models import Acte, Creance, Debiteur
from recouvrement.models_procedures import (
    DeclarationCreance,
    EvenementProcedure,
    ProcedureCollective,
)
from recouvrement.services import journaliser

ARTICLE = "annexe art. 13 al. 3"


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


def creances_suivies(debiteur: Debiteur) -> list[Creance]:
    """The debtor's claims the directeur recovers."""
    return [
        c
        for c in Creance.objects.filter(debiteur=debiteur).select_related(
            "ligne__ordre", "debiteur"
        )
        if est_du_directeur(c)
    ]


def _journaliser_tous(
    procedure, *, type, le, libelle, acting_user, qualite, resultat="", montant_=None
):
    creances = creances_suivies(procedure.debiteur)
    if not creances:
        journaliser(
            debiteur=procedure.debiteur,
            creance=None,
            type=type,
            le=le,
            libelle=libelle,
            resultat=resultat,
            auteur=acting_user,
            qualite=qualite,
            montant=montant_,
        )
    for creance in creances:
        journaliser(
            debiteur=procedure.debiteur,
            creance=creance,
            type=type,
            le=le,
            libelle=libelle,
            resultat=resultat,
            auteur=acting_user,
            qualite=qualite,
            montant=montant_,
        )
    return creances


def _qualite(acting_user, jour) -> str:
    return exiger_directeur(acting_user, "suivre une procédure collective", le=jour).qualite


@atomique
def procedure_ouvrir(
    *,
    acting_user,
    debiteur: Debiteur,
    type: str,
    jugement_le,
    tribunal: str,
    mandataire: str,
    limite_declaration,
) -> ProcedureCollective:
    """A judgment opening a sauvegarde, a redressement or a liquidation
    judiciaire of a debtor company."""
    debiteur = verrouiller(Debiteur, debiteur.pk)
    jour = aujourdhui()
    qualite = _qualite(acting_user, jour)
    if debiteur.forme != Debiteur.Forme.ENTREPRISE:
        raise DonneeInvalide(
            f"{debiteur.nom} n'est pas enregistré comme une entreprise : les procédures de "
            f"sauvegarde, de redressement et de liquidation judiciaire sont celles des "
            f"entreprises ({ARTICLE}). Qualifiez d'abord le débiteur."
        )
    if type not in ProcedureCollective.Type.values:
        raise DonneeInvalide(
            "Choisissez la procédure : sauvegarde, redressement ou liquidation judiciaire."
        )
    jugement_le = date_saisie(jugement_le, "du jugement d'ouverture", aujourdhui=jour)
    limite = date_saisie(
        limite_declaration,
        "limite de déclaration de la créance",
        aujourdhui=jour,
        au_plus_tot=jugement_le,
        avant="le jugement d'ouverture",
        futur=True,
    )
    procedure = ProcedureCollective.objects.create(
        debiteur=debiteur,
        type=type,
        jugement_le=jugement_le,
        tribunal=texte(tribunal, "le tribunal", 200),
        mandataire=texte(mandataire, "le mandataire judiciaire ou le liquidateur", 200),
        limite_declaration=limite,
        enregistree_par=acting_user,
        enregistree_le=horloge.maintenant(),
    )
    creances = _journaliser_tous(
        procedure,
        type=Acte.Type.PROCEDURE_COLLECTIVE,
        le=jugement_le,
        libelle=(
            f"Procédure de {procedure.get_type_display()} ouverte par jugement du "
            f"{jugement_le:%d/%m/%Y} ({procedure.tribunal}), mandataire : {procedure.mandataire} ; "
            f"déclaration de créance au plus tard le {limite:%d/%m/%Y}"
        ),
        acting_user=acting_user,
        qualite=qualite,
    )
    Creance.objects.filter(pk__in=[c.pk for c in creances]).update(
        stade=Creance.Stade.PROCEDURE_COLLECTIVE
    )
    audit(
        acting_user,
        "recouvrement.procedure_collective",
        procedure,
        apres={"type": type, "jugement_le": jugement_le, "limite_declaration": limite},
    )
    return procedure


@atomique
def declaration_enregistrer(
    *, acting_user, procedure: ProcedureCollective, le, montant_declare, creances
) -> DeclarationCreance:
    """The declaration of the fund's claims to the mandataire or liquidateur."""
    procedure = verrouiller(ProcedureCollective.objects.select_related("debiteur"), procedure.pk)
    jour = aujourdhui()
    qualite = _qualite(acting_user, jour)
    if not procedure.en_cours:
        raise TransitionInterdite(
            "La procédure collective est close : aucune déclaration n'y est reçue."
        )
    le = date_saisie(
        le,
        "de la déclaration",
        aujourdhui=jour,
        au_plus_tot=procedure.jugement_le,
        avant="le jugement d'ouverture",
    )
    valeur = montant(montant_declare, libelle="Le montant déclaré")
    suivies = {c.pk: c for c in creances_suivies(procedure.debiteur)}
    choisies = [suivies.get(int(getattr(c, "pk", c))) for c in creances or []]
    if not choisies or None in choisies:
        raise DonneeInvalide(
            f"Choisissez parmi les créances de {procedure.debiteur.nom} que le directeur recouvre "
            "celles que la déclaration couvre."
        )
    declaration = DeclarationCreance.objects.create(
        procedure=procedure,
        le=le,
        montant=valeur,
        par=acting_user,
        qualite=qualite[:255],
        enregistree_le=horloge.maintenant(),
    )
    declaration.creances.set(choisies)
    tardive = (
        f" (après la date limite du {procedure.limite_declaration:%d/%m/%Y})"
        if le > procedure.limite_declaration
        else ""
    )
    for creance in choisies:
        journaliser(
            debiteur=procedure.debiteur,
            creance=creance,
            type=Acte.Type.DECLARATION_CREANCE,
            le=le,
            libelle=(
                f"Créance déclarée à {procedure.mandataire} ({procedure.get_type_display()}) : "
                f"{format_euros(valeur)}{tardive}"
            ),
            auteur=acting_user,
            qualite=qualite,
            montant=valeur,
        )
    audit(
        acting_user,
        "recouvrement.declaration_creance",
        procedure,
        apres={"le": le, "montant": valeur, "creances": sorted(c.pk for c in choisies)},
    )
    return declaration


@atomique
def evenement_enregistrer(
    *, acting_user, procedure: ProcedureCollective, le, libelle: str
) -> EvenementProcedure:
    procedure = verrouiller(ProcedureCollective.objects.select_related("debiteur"), procedure.pk)
    jour = aujourdhui()
    qualite = _qualite(acting_user, jour)
    if not procedure.en_cours:
        raise TransitionInterdite("La procédure collective est close ; son issue est enregistrée.")
    le = date_saisie(
        le,
        "de l'événement",
        aujourdhui=jour,
        au_plus_tot=procedure.jugement_le,
        avant="le jugement d'ouverture",
    )
    libelle = texte(libelle, "l'événement", 255)
    evenement = EvenementProcedure.objects.create(
        procedure=procedure,
        le=le,
        libelle=libelle,
        par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    _journaliser_tous(
        procedure,
        type=Acte.Type.PROCEDURE_COLLECTIVE,
        le=le,
        libelle=f"{_majuscule(procedure.get_type_display())} : {libelle}",
        acting_user=acting_user,
        qualite=qualite,
    )
    audit(
        acting_user,
        "recouvrement.evenement_procedure",
        procedure,
        apres={"le": le, "libelle": libelle},
    )
    return evenement


@atomique
def issue_enregistrer(
    *, acting_user, procedure: ProcedureCollective, le, issue: str, somme_recouvree=None
) -> ProcedureCollective:
    """The outcome of the proceeding (a plan adopted, a closure for
    insufficiency of assets...), once; a sum the fund received from it is
    collected by the agent comptable through the treasury."""
    procedure = verrouiller(ProcedureCollective.objects.select_related("debiteur"), procedure.pk)
    jour = aujourdhui()
    qualite = _qualite(acting_user, jour)
    if not procedure.en_cours:
        raise TransitionInterdite(
            f"L'issue de cette procédure est déjà enregistrée (le {procedure.issue_le:%d/%m/%Y})."
        )
    le = date_saisie(
        le,
        "de l'issue",
        aujourdhui=jour,
        au_plus_tot=procedure.jugement_le,
        avant="le jugement d'ouverture",
    )
    somme = (
        None
        if somme_recouvree in (None, "")
        else montant(somme_recouvree, libelle="La somme recouvrée", strictement_positif=False)
    )
    procedure.issue_le = le
    procedure.issue = texte(issue, "l'issue de la procédure")
    procedure.save(update_fields=["issue_le", "issue"])
    _journaliser_tous(
        procedure,
        type=Acte.Type.ISSUE_PROCEDURE,
        le=le,
        libelle=f"Issue de la {procedure.get_type_display()} du {procedure.jugement_le:%d/%m/%Y}",
        resultat=procedure.issue,
        acting_user=acting_user,
        qualite=qualite,
        montant_=somme,
    )
    audit(
        acting_user,
        "recouvrement.issue_procedure",
        procedure,
        apres={"le": le, "issue": procedure.issue},
    )
    return procedure


def declarations_a_faire(le: datetime.date) -> list[AEchoir]:
    """The declaration of the claim in each proceeding under way where none is made yet."""
    resultat = []
    for procedure in ProcedureCollective.objects.filter(
        issue_le__isnull=True, declarations__isnull=True
    ).select_related("debiteur"):
        resultat.append(
            AEchoir(
                le=procedure.limite_declaration,
                quoi=(
                    f"Déclarer la créance à {procedure.mandataire} "
                    f"({procedure.get_type_display()}, jugement du {procedure.jugement_le:%d/%m/%Y})"
                ),
                qui=DIRECTEUR,
                nature="Déclaration de créance",
                debiteur=procedure.debiteur.nom,
                url=reverse("recouvrement:contentieux_debiteur", args=[procedure.debiteur_id]),
            )
        )
    return resultat
