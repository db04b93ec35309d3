"""The acts of the comptes annuels: the agent comptable fixes the mapping of
accounts to rubrics (circ. 93/82 §1.1.1: the books are his), as a new dated
row; what was in force before stays, for the exercises it governs. He
establishes the compte financier of an ended exercise (circ. 93/82 §IV)."""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from comptes_annuels import compte_financier
from comptes_annuels.models import CompteFinancier, Correspondance, Rubrique
from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.pieces import controler_fichier
from core.verrous import verrouiller
from ledger.models import BalanceFigee, Exercice
from personnes.models import Affectation, Fonction, nom_de
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_le

ACTE = "fixer la correspondance des comptes annuels"


@transaction.atomic
def correspondance_fixer(
    *, acting_user, prefixe: str, rubrique: str, valable_du: datetime.date
) -> Correspondance:
    """Send the accounts whose number begins with `prefixe` to the rubric
    `rubrique` (its code) from `valable_du`. Refused inside a closed exercise
    (its comptes are arrêtés; PostgreSQL refuses it too)."""
    exiger_comptable(
        acting_user, horloge.aujourdhui(), ACTE, code="comptes_annuels.correspondance_fixer"
    )
    prefixe = (prefixe or "").strip()
    if not prefixe.isdigit() or not 1 <= len(prefixe) <= 12 or prefixe[0] not in "12345678":
        raise DonneeInvalide(
            f"Le préfixe « {prefixe} » n'est pas un début de numéro de compte "
            "(des chiffres, le premier de 1 à 8)."
        )
    cible = Rubrique.objects.filter(code=rubrique).first()
    if cible is None:
        raise DonneeInvalide(f"La rubrique « {rubrique} » n'existe pas.")
    bilan = prefixe[0] in "12345"
    if prefixe[0] == "8" or bilan != (cible.etat in (Rubrique.Etat.ACTIF, Rubrique.Etat.PASSIF)):
        raise DonneeInvalide(
            f"Les comptes {prefixe}… ne vont pas au {cible.get_etat_display()} : les classes "
            "1 à 5 vont au bilan, les classes 6 et 7 au compte de résultat, la classe 8 "
            "en annexe."
        )
    clos = (
        Exercice.objects.filter(etat=Exercice.Etat.CLOS, annee__gte=valable_du.year)
        .order_by("-annee")
        .first()
    )
    if clos is not None:
        raise TransitionInterdite(
            f"L'exercice {clos.annee} est clos : une correspondance ne peut prendre effet "
            f"avant le 1er janvier {clos.annee + 1}."
        )
    if Correspondance.objects.filter(prefixe=prefixe, valable_du=valable_du).exists():
        raise DonneeInvalide(
            f"Une correspondance du préfixe {prefixe} prend déjà effet le "
            f"{valable_du:%d/%m/%Y} : choisissez une autre date."
        )
    avant = (
        Correspondance.objects.filter(prefixe=prefixe, valable_du__lte=valable_du)
        .select_related("rubrique")
        .order_by("-valable_du")
        .first()
    )
    correspondance = Correspondance.objects.create(
        prefixe=prefixe,
        rubrique=cible,
        valable_du=valable_du,
        fixee_par=acting_user,
        fixee_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.correspondance_fixer",
        correspondance,
        avant={"rubrique": avant.rubrique.code} if avant else None,
        apres={"prefixe": prefixe, "rubrique": cible.code, "valable_du": valable_du.isoformat()},
    )
    return correspondance


# --- The compte financier ------------------------------------------------------

ACTE_COMPTE_FINANCIER = "établir le compte financier"
TAILLE_MAX_RAPPORT = 10 * 1024 * 1024


def _rapport_controle(nom: str, contenu: bytes) -> None:
    """The commission de contrôle's report is a PDF: its name and its first
    bytes say so, and it is no larger than the pièces (10 Mo)."""
    if not nom or not contenu:
        raise DonneeInvalide(
            "Joignez le rapport de la commission de contrôle (un fichier PDF) : il est joint "
            "au compte financier (circulaire 93/82 §IV)."
        )
    if not nom.lower().endswith(".pdf"):
        raise DonneeInvalide(
            f"Le rapport de la commission de contrôle est un PDF : « {nom} » n'en est pas un."
        )
    if len(contenu) > TAILLE_MAX_RAPPORT:
        raise DonneeInvalide(f"Le fichier « {nom} » dépasse la taille admise de 10 Mo.")
    if controler_fichier(nom, contenu) != "application/pdf":  # magic bytes checked there
        raise DonneeInvalide(f"Le fichier « {nom} » n'est pas un PDF.")


@transaction.atomic
def compte_financier_etablir(
    *,
    acting_user,
    exercice: Exercice,
    commission_le: datetime.date,
    rapport_nom: str,
    rapport: bytes,
) -> CompteFinancier:
    """The agent comptable establishes the compte financier of an ended
    exercise, which he presents to the board with the report of the
    commission de contrôle joined (circ. 93/82 §IV), from its frozen balance
    après inventaire (§3.2): numbered, dated, its figures frozen and hashed,
    the report stored under its SHA-256. Once per exercise."""
    aujourdhui = horloge.aujourdhui()
    exiger_comptable(
        acting_user,
        aujourdhui,
        ACTE_COMPTE_FINANCIER,
        code="comptes_annuels.compte_financier_etablir",
    )
    exercice = verrouiller(Exercice, exercice.pk)
    annee = exercice.annee
    existant = CompteFinancier.objects.filter(exercice=exercice).first()
    if existant is not None:
        raise TransitionInterdite(
            f"Le compte financier de l'exercice {annee} est déjà établi (n° "
            f"{existant.reference}, le {timezone.localtime(existant.etabli_le):%d/%m/%Y}) : "
            "il ne s'établit qu'une fois."
        )
    if aujourdhui <= exercice.fin or exercice.etat == Exercice.Etat.OUVERT:
        raise TransitionInterdite(
            f"L'exercice {annee} n'est pas terminé : le compte financier s'établit après le "
            f"31 décembre {annee}, sur la balance après inventaire figée."
        )
    balance = (
        BalanceFigee.objects.filter(exercice=exercice, nature=BalanceFigee.Nature.APRES_INVENTAIRE)
        .order_by("-figee_le", "-id")
        .first()
    )
    if balance is None:
        raise TransitionInterdite(
            f"La balance après inventaire de l'exercice {annee} n'est pas figée : figez-la "
            "avant d'établir le compte financier (circulaire 93/82 §3.2)."
        )
    if commission_le is None or commission_le > aujourdhui:
        raise DonneeInvalide(
            "Indiquez la date à laquelle la commission de contrôle s'est réunie : elle ne peut "
            "être postérieure à aujourd'hui."
        )
    _rapport_controle(rapport_nom, rapport)
    sha256 = hashlib.sha256(rapport).hexdigest()
    en_fonction = (
        Affectation.objects.filter(fonction=Fonction.AGENT_COMPTABLE, debut__lte=aujourdhui)
        .filter(Q(fin__isnull=True) | Q(fin__gte=aujourdhui))
        .select_related("utilisateur")
        .order_by("debut")
        .last()
    )
    agent = nom_de(en_fonction.utilisateur) if en_fonction else "poste vacant"
    fonctions = fonctions_le(acting_user, aujourdhui)
    qualite = (
        Fonction.AGENT_COMPTABLE.label
        if Fonction.AGENT_COMPTABLE in fonctions
        else Fonction.FONDE_DE_POUVOIR.label
    )
    etabli_le = horloge.maintenant()
    dernier = CompteFinancier.objects.aggregate(n=Max("numero"))["n"] or 0
    couverture = {
        "organisme": settings.NOM_ORGANISME,
        "exercice": annee,
        "agent_comptable": agent,
        "etabli_par": nom_de(acting_user),
        "qualite": qualite,
        "etabli_le": timezone.localtime(etabli_le).strftime("%d/%m/%Y à %H:%M"),
        "commission_le": commission_le.strftime("%d/%m/%Y"),
        "rapport": {"nom": rapport_nom[:200], "sha256": sha256, "taille": len(rapport)},
    }
    cf = CompteFinancier(
        exercice=exercice,
        numero=dernier + 1,
        balance=balance,
        etabli_le=etabli_le,
        etabli_par=acting_user,
        qualite=qualite,
        agent_comptable=agent,
        commission_le=commission_le,
        rapport_nom=rapport_nom[:200],
        rapport_taille=len(rapport),
        rapport_sha256=sha256,
        contenu=compte_financier.contenu(exercice, balance, couverture=couverture),
    )
    cf.empreinte = compte_financier.empreinte(cf)
    cf.rapport.save(f"{sha256}.pdf", ContentFile(rapport), save=False)
    cf.save()
    audit(
        acting_user,
        "comptes_annuels.compte_financier_etablir",
        cf,
        apres={
            "exercice": annee,
            "numero": cf.numero,
            "balance": balance.pk,
            "empreinte": cf.empreinte,
            "rapport_sha256": sha256,
            "commission_le": commission_le.isoformat(),
        },
    )
    return cf
