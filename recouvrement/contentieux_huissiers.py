"""The bailiffs of the contentious recovery (annexe art. 13 al. 4: « L'organisme
utilise les services des huissiers dans le cadre de la convention nationale
[…]. L'organisme interroge régulièrement chaque huissier et effectue une
visite au moins une fois par semestre sauf lorsque l'organisme constate, en
accord avec la caisse, que le volume des actions en recouvrement ne justifie
pas une telle fréquence. »)

- `huissier_inscrire`: the register of the bailiffs under the national
  convention;
- `visite_enregistrer`, `dispense_enregistrer`: the half-yearly visit, or the
  finding agreed with the caisse that the volume does not justify it;
  `visites_a_faire` gives, for each bailiff neither visited nor dispensed in
  the current half-year, the visit due by 30 June or 31 December;
- `acte_huissier_enregistrer`: an act of a bailiff on a compulsory procedure.
  Its cost is a fee the fund owes the bailiff: the act draws up, in the same
  transaction, the engagement (credits of account 622 « Honoraires ») and the
  draft ordre de dépense to the bailiff (gestion budgétaire, 622 / 401), which
  then follows its ordinary course — signature by the ordonnateur, visa by
  the agent comptable, whose visa posts 622 / 401, payment. The act keeps
  the link. Nothing is posted here;
- `resultat_enregistrer`: the act's result, later, once (date, result, sum
  recovered). The sum the bailiff recovers reaches the agent comptable, who
  collects it through the treasury's receipt on the claim's line: it is
  recorded here, not posted.
"""

from __future__ import annotations

import datetime

from django.urls import reverse

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, atomique
from core.money import ZERO, format_euros, montant
from core.verrous import verrouiller
from depenses import services as depenses
from oppositions.banque import verifier_bic, verifier_iban
from recouvrement.a_echoir import DIRECTEUR, AEchoir
from recouvrement.contentieux_communs import (
    aujourdhui,
    date_saisie,
    debut_semestre,
    exiger_directeur,
    fin_semestre,
    texte,
)
from recouvrement.models import Acte
from recouvrement.models_contentieux import Poursuite
from recouvrement.models_huissiers import ActeHuissier, DispenseVisite, Huissier, VisiteHuissier
from recouvrement.services import journaliser

COMPTE_HONORAIRES = "622"
COMPTE_FOURNISSEURS = "401"
ARTICLE = "annexe art. 13 al. 4"


@atomique
def huissier_inscrire(
    *, acting_user, nom: str, etude: str, adresse: str, iban: str, bic: str = "", convention_depuis
) -> Huissier:
    """A bailiff the fund uses under the national convention."""
    jour = aujourdhui()
    exiger_directeur(acting_user, "inscrire un huissier au registre", le=jour)
    nom = texte(nom, "le nom de l'huissier", 200)
    etude = texte(etude, "l'étude de l'huissier", 200)
    adresse = texte(adresse, "l'adresse de l'étude")
    iban = verifier_iban(iban)
    bic = verifier_bic(bic, iban=iban) if (bic or "").strip() else ""
    convention_depuis = date_saisie(
        convention_depuis,
        "depuis laquelle l'huissier intervient sous la convention nationale",
        aujourdhui=jour,
    )
    if Huissier.objects.filter(nom=nom, etude=etude).exists():
        raise DonneeInvalide(f"{nom} ({etude}) est déjà inscrit au registre des huissiers.")
    huissier = Huissier.objects.create(
        nom=nom,
        etude=etude,
        adresse=adresse,
        iban=iban,
        bic=bic,
        convention_depuis=convention_depuis,
        inscrit_par=acting_user,
        inscrit_le=horloge.maintenant(),
    )
    audit(
        acting_user, "recouvrement.huissier_inscrit", huissier, apres={"nom": nom, "etude": etude}
    )
    return huissier


@atomique
def visite_enregistrer(*, acting_user, huissier: Huissier, le, compte_rendu: str) -> VisiteHuissier:
    """A visit to a bailiff (at least once each half-year)."""
    huissier = verrouiller(Huissier, huissier.pk)
    jour = aujourdhui()
    exiger_directeur(acting_user, "enregistrer la visite d'un huissier", le=jour)
    le = date_saisie(le, "de la visite", aujourdhui=jour)
    visite = VisiteHuissier.objects.create(
        huissier=huissier,
        le=le,
        par=acting_user,
        compte_rendu=texte(compte_rendu, "le compte rendu de la visite"),
        enregistree_le=horloge.maintenant(),
    )
    audit(acting_user, "recouvrement.visite_huissier", huissier, apres={"le": le})
    return visite


@atomique
def dispense_enregistrer(
    *, acting_user, huissier: Huissier, du, au, accord_le, accord_reference: str, motif: str
) -> DispenseVisite:
    """The finding, in agreement with the caisse, that the volume of actions
    does not justify a visit each half-year, for the half-years from `du` to
    `au` (each taken whole: from its first day to its last)."""
    huissier = verrouiller(Huissier, huissier.pk)
    jour = aujourdhui()
    exiger_directeur(acting_user, "dispenser un huissier de la visite semestrielle", le=jour)
    accord_le = date_saisie(accord_le, "de l'accord de la caisse", aujourdhui=jour)
    if not isinstance(du, datetime.date) or not isinstance(au, datetime.date):
        raise DonneeInvalide("Indiquez les semestres couverts par la dispense (du … au …).")
    du, au = debut_semestre(du), fin_semestre(au)
    if au < du:
        raise DonneeInvalide("La fin de la période de dispense précède son début.")
    dispense = DispenseVisite.objects.create(
        huissier=huissier,
        du=du,
        au=au,
        accord_le=accord_le,
        accord_reference=texte(accord_reference, "la référence de l'accord de la caisse", 120),
        motif=texte(motif, "le constat du volume des actions en recouvrement"),
        par=acting_user,
        enregistree_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "recouvrement.dispense_visite",
        huissier,
        apres={"du": du, "au": au, "accord_le": accord_le, "reference": dispense.accord_reference},
    )
    return dispense


def _ordre_honoraires(acting_user, acte_le, huissier: Huissier, nature: str, cout, poursuite):
    """The engagement on 622 and the draft ordre de dépense to the bailiff."""
    creance = poursuite.creance
    objet = (
        f"Honoraires de {huissier.nom} : {nature} du {acte_le:%d/%m/%Y} "
        f"({creance.debiteur.nom}, ordre de recette n° {creance.ligne.ordre.reference})"
    )[:255]
    jour = aujourdhui()
    engagement = depenses.engagement_creer(
        acting_user=acting_user,
        exercice=_exercice_courant(jour),
        gestion="budgetaire",
        objet=objet,
        creancier=huissier.nom,
        compte_imputation=COMPTE_HONORAIRES,
        montant_engage=cout,
    )
    return depenses.ordre_depense_creer(
        acting_user=acting_user,
        saisie=depenses.SaisieDepense(
            gestion="budgetaire",
            nature="autre",
            objet=objet,
            bases_liquidation=(
                f"Acte d'huissier du {acte_le:%d/%m/%Y} ({nature}), convention nationale des "
                f"huissiers ; {format_euros(cout)}"
            ),
            compte_imputation=COMPTE_HONORAIRES,
            compte_tiers=COMPTE_FOURNISSEURS,
            date_fait=acte_le,
            engagement=engagement,
            dates={"reception": acte_le, "echeance": jour, "liquidation": jour},
            lignes=[
                depenses.LigneCreancier(
                    huissier.nom, "huissier de justice", huissier.iban, cout, bic=huissier.bic
                )
            ],
            pieces_references=f"Acte d'huissier du {acte_le:%d/%m/%Y} au dossier du débiteur",
        ),
    )


def _exercice_courant(jour: datetime.date):
    from ledger.models import Exercice

    exercice = Exercice.objects.filter(annee=jour.year).first()
    if exercice is None:
        raise TransitionInterdite(
            f"L'exercice {jour.year} n'est pas ouvert : le coût de l'acte ne peut être engagé."
        )
    return exercice


@atomique
def acte_huissier_enregistrer(
    *, acting_user, poursuite: Poursuite, huissier: Huissier, le, nature: str, cout
) -> ActeHuissier:
    """An act of a bailiff under the national convention on a compulsory
    procedure; with a cost, its engagement and draft ordre de dépense."""
    poursuite = verrouiller(
        Poursuite.objects.select_related("creance__debiteur", "creance__ligne__ordre"),
        poursuite.pk,
    )
    jour = aujourdhui()
    capacite = exiger_directeur(
        acting_user,
        "enregistrer un acte d'huissier",
        le=jour,
        montant=poursuite.montant,
        comptes=[poursuite.creance.ligne.ordre.compte_imputation.numero],
    )
    huissier = Huissier.objects.get(pk=getattr(huissier, "pk", huissier))
    le = date_saisie(
        le,
        "de l'acte d'huissier",
        aujourdhui=jour,
        au_plus_tot=poursuite.le,
        avant=f"la {poursuite.get_type_display()} qu'il exécute",
    )
    if le < huissier.convention_depuis:
        raise DonneeInvalide(
            f"{huissier.nom} n'intervient sous la convention nationale que depuis le "
            f"{huissier.convention_depuis:%d/%m/%Y} : l'organisme utilise les services des "
            f"huissiers dans le cadre de cette convention ({ARTICLE})."
        )
    nature = texte(nature, "la nature de l'acte", 200)
    cout = (
        ZERO
        if cout in (None, "")
        else montant(cout, libelle="Le coût de l'acte", strictement_positif=False)
    )
    ordre = (
        _ordre_honoraires(acting_user, le, huissier, nature, cout, poursuite)
        if cout > ZERO
        else None
    )
    acte = ActeHuissier.objects.create(
        poursuite=poursuite,
        huissier=huissier,
        le=le,
        nature=nature,
        cout=cout,
        ordre_depense=ordre,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    creance = poursuite.creance
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.ACTE_HUISSIER,
        le=le,
        libelle=(
            f"{nature} par {huissier.nom} ({poursuite.get_type_display()} du "
            f"{poursuite.le:%d/%m/%Y}), coût {format_euros(cout)}"
            + (f", ordre de dépense n° {ordre.reference}" if ordre is not None else "")
        ),
        auteur=acting_user,
        qualite=capacite.qualite,
        montant=cout,
    )
    audit(
        acting_user,
        "recouvrement.acte_huissier",
        creance,
        apres={
            "huissier": huissier.nom,
            "nature": nature,
            "cout": cout,
            "ordre_depense": ordre.pk if ordre is not None else None,
        },
    )
    return acte


@atomique
def resultat_enregistrer(
    *, acting_user, acte: ActeHuissier, le, resultat: str, somme_recouvree
) -> ActeHuissier:
    """The result of a bailiff's act, once: its date, what came of it, the sum
    recovered (0 when nothing), which the agent comptable collects on the
    claim's line through the treasury."""
    acte = verrouiller(
        ActeHuissier.objects.select_related(
            "poursuite__creance__debiteur", "poursuite__creance__ligne__ordre", "huissier"
        ),
        acte.pk,
    )
    jour = aujourdhui()
    creance = acte.poursuite.creance
    capacite = exiger_directeur(
        acting_user,
        "enregistrer le résultat d'un acte d'huissier",
        le=jour,
        montant=acte.poursuite.montant,
        comptes=[creance.ligne.ordre.compte_imputation.numero],
    )
    if acte.resultat_le is not None:
        raise TransitionInterdite(
            f"Le résultat de cet acte d'huissier est déjà enregistré (le "
            f"{acte.resultat_le:%d/%m/%Y}) ; un acte nouveau le complète."
        )
    le = date_saisie(
        le, "du résultat", aujourdhui=jour, au_plus_tot=acte.le, avant="l'acte d'huissier"
    )
    somme = (
        ZERO
        if somme_recouvree in (None, "")
        else montant(somme_recouvree, libelle="La somme recouvrée", strictement_positif=False)
    )
    if somme > acte.poursuite.montant:
        raise DonneeInvalide(
            f"La somme recouvrée ({format_euros(somme)}) dépasse la somme poursuivie "
            f"({format_euros(acte.poursuite.montant)})."
        )
    acte.resultat_le = le
    acte.resultat = texte(resultat, "le résultat de l'acte")
    acte.somme_recouvree = somme
    acte.save(update_fields=["resultat_le", "resultat", "somme_recouvree"])
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.RESULTAT,
        le=le,
        libelle=(
            f"Résultat de l'acte d'huissier du {acte.le:%d/%m/%Y} ({acte.nature}, "
            f"{acte.huissier.nom}) : {format_euros(somme)} recouvrés"
        ),
        resultat=acte.resultat,
        auteur=acting_user,
        qualite=capacite.qualite,
        montant=somme,
    )
    audit(
        acting_user,
        "recouvrement.resultat_huissier",
        creance,
        apres={"acte": acte.pk, "le": le, "somme_recouvree": somme},
    )
    return acte


def dispense_du_semestre(huissier: Huissier, le: datetime.date) -> DispenseVisite | None:
    debut, fin = debut_semestre(le), fin_semestre(le)
    return next((d for d in huissier.dispenses.all() if d.du <= debut and d.au >= fin), None)


def visite_du_semestre(huissier: Huissier, le: datetime.date) -> VisiteHuissier | None:
    debut, fin = debut_semestre(le), fin_semestre(le)
    return next((v for v in huissier.visites.all() if debut <= v.le <= fin), None)


def visites_a_faire(le: datetime.date) -> list[AEchoir]:
    """For each bailiff under the convention neither visited nor dispensed in
    `le`'s half-year: the visit, due by its last day (30 June, 31 December)."""
    resultat = []
    for huissier in Huissier.objects.prefetch_related("visites", "dispenses"):
        if huissier.convention_depuis > fin_semestre(le):
            continue
        if visite_du_semestre(huissier, le) or dispense_du_semestre(huissier, le):
            continue
        resultat.append(
            AEchoir(
                le=fin_semestre(le),
                quoi=f"Visite semestrielle à {huissier.nom} ({huissier.etude})",
                qui=DIRECTEUR,
                nature="Visite d'huissier",
                debiteur="",
                url=reverse("recouvrement:huissiers"),
            )
        )
    return resultat
