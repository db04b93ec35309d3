"""The état nominatif semestriel (annexe art. 13 al. 7): « un état nominatif
des débiteurs ventilé par nature de procédure engagée arrêté au 30 juin et
au 31 décembre de chaque année », that the organisme addresses to the
caisse « au plus tard le premier jour du deuxième mois suivant chaque
semestre civil » — 1 August, 1 February.

The état is computed as at its arrêté date: the claims taken in charge by
then, their reste on that day (today's reste, plus the allocations and the
reductions recorded after it), and the procedure engaged then — the kind of
the last act of procedure of the journal on or before that date, on the
claim or on its debtor (a collective proceeding names the debtor). A claim
appears once a contentious act is in the journal and while something is
still owed on it.

`etat_nominatif_adresser`: the directeur records the sending (date,
reference), with the état as sent; once per half-year, after it ends
(PostgreSQL refuses a second one, LG960–LG962).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone

from core import csv_sur, horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, atomique, relever_erreur_base
from core.money import ZERO
from recettes.models import Reduction
from recouvrement.models import Acte, Creance
from recouvrement.models_surveillance import EnvoiEtatNominatif
from recouvrement.situation import TYPES_CONTENTIEUX, restes_des_creances
from recouvrement.surveillance_commun import date_acte, exiger_directeur
from tresorerie.models import Affectation

T = Acte.Type
SOURCE = "annexe art. 13"

# The kinds of procedure, in the order the état lists them, and the acts of
# the journal that engage each.
PROCEDURES: list[tuple[str, str, frozenset[str]]] = [
    ("transmise", "Transmise au directeur, procédure à engager", frozenset({T.TRANSMISSION})),
    (
        "mise_en_demeure",
        "Mise en demeure (délai de trente jours)",
        frozenset({T.MISE_EN_DEMEURE, T.AVIS_RECEPTION}),
    ),
    (
        "recours_amiable",
        "Réclamation devant la commission de recours amiable",
        frozenset({T.SAISINE_CRA, T.DECISION_CRA}),
    ),
    (
        "recouvrement_force",
        "Recouvrement forcé : contrainte, actes d'huissier",
        # "autre_procedure": the other procedures of compulsory recovery.
        frozenset({T.CONTRAINTE, T.ACTE_HUISSIER, "autre_procedure"}),
    ),
    (
        "procedure_collective",
        "Procédure collective (sauvegarde, redressement, liquidation judiciaire)",
        frozenset({T.PROCEDURE_COLLECTIVE, T.DECLARATION_CREANCE, T.ISSUE_PROCEDURE}),
    ),
    (
        "avis_caisse",
        "Défaut de paiement signalé à la caisse (régime à titre volontaire)",
        frozenset({T.AVIS_CAISSE}),
    ),
]
_PROCEDURE_DU_TYPE = {t: code for code, _, types in PROCEDURES for t in types}
LIBELLES = {code: libelle for code, libelle, _ in PROCEDURES}

EN_TETES = [
    "Procédure engagée",
    "Débiteur",
    "Compte",
    "Qualité",
    "Créances (ordres de recette)",
    "Montant pris en charge",
    "Reste dû à la date",
    "Dernier acte",
    "Date du dernier acte",
]


# --- The half-years and their deadlines --------------------------------------------


@dataclass(frozen=True)
class Semestre:
    annee: int
    numero: int  # 1 or 2

    @property
    def debut(self) -> datetime.date:
        return datetime.date(self.annee, 1 if self.numero == 1 else 7, 1)

    @property
    def arrete_au(self) -> datetime.date:
        return (
            datetime.date(self.annee, 6, 30)
            if self.numero == 1
            else datetime.date(self.annee, 12, 31)
        )

    @property
    def limite(self) -> datetime.date:
        """The first day of the second month after the half-year (annexe art. 13 al. 7)."""
        return (
            datetime.date(self.annee, 8, 1)
            if self.numero == 1
            else datetime.date(self.annee + 1, 2, 1)
        )

    @property
    def libelle(self) -> str:
        return f"{'premier' if self.numero == 1 else 'second'} semestre {self.annee}"

    def precedent(self) -> Semestre:
        return Semestre(self.annee, 1) if self.numero == 2 else Semestre(self.annee - 1, 2)

    def __str__(self) -> str:
        return f"{self.annee}-S{self.numero}"


def semestre_de(le: datetime.date) -> Semestre:
    return Semestre(le.year, 1 if le.month <= 6 else 2)


def dernier_semestre_clos(le: datetime.date) -> Semestre:
    """The last half-year ended before `le`."""
    return semestre_de(le).precedent()


def semestre_lu(annee, numero) -> Semestre:
    try:
        s = Semestre(int(annee), int(numero))
    except (TypeError, ValueError):
        raise DonneeInvalide(
            "Le semestre s'indique par son année et son numéro (1 ou 2)."
        ) from None
    if s.numero not in (1, 2) or not 2000 <= s.annee <= 2100:
        raise DonneeInvalide("Le semestre s'indique par son année et son numéro (1 ou 2).")
    return s


# --- The état as at a date -------------------------------------------------------


@dataclass
class LigneEtat:
    procedure: str
    debiteur: str
    compte: str
    qualite: str
    ordres: list[str] = field(default_factory=list)
    montant: Decimal = ZERO
    reste: Decimal = ZERO
    dernier_acte: str = ""
    dernier_acte_le: datetime.date | None = None

    @property
    def procedure_libelle(self) -> str:
        return LIBELLES[self.procedure]


@dataclass
class GroupeEtat:
    procedure: str
    libelle: str
    lignes: list[LigneEtat]

    @property
    def reste(self) -> Decimal:
        return sum((ligne.reste for ligne in self.lignes), ZERO)


@dataclass
class EtatNominatif:
    arrete_au: datetime.date
    groupes: list[GroupeEtat]

    @property
    def lignes(self) -> list[LigneEtat]:
        return [ligne for g in self.groupes for ligne in g.lignes]

    @property
    def debiteurs(self) -> int:
        return len({(ligne.compte, ligne.debiteur) for ligne in self.lignes})

    @property
    def reste(self) -> Decimal:
        return sum((g.reste for g in self.groupes), ZERO)


def restes_au(creances: list[Creance], au: datetime.date) -> dict[int, Decimal]:
    """{claim id: reste on `au`}: today's reste, plus what was allocated or
    reduced (taken in charge) after that day."""
    restes = restes_des_creances(creances)
    lignes = {c.ligne_id: c.pk for c in creances}
    fin = timezone.make_aware(
        datetime.datetime.combine(au + datetime.timedelta(days=1), datetime.time.min)
    )
    affecte = (
        Affectation.objects.filter(ligne_id__in=lignes, le__gte=fin)
        .order_by()
        .values("ligne_id")
        .annotate(s=Sum("montant"))
        .values_list("ligne_id", "s")
    )
    reduit = (
        Reduction.objects.filter(
            ligne_id__in=lignes,
            etat=Reduction.Etat.PRISE_EN_CHARGE,
            ecriture__date__gt=au,
        )
        .order_by()
        .values("ligne_id")
        .annotate(s=Sum("montant"))
        .values_list("ligne_id", "s")
    )
    for ligne_id, somme in [*affecte, *reduit]:
        cle = lignes[ligne_id]
        restes[cle] = restes.get(cle, ZERO) + (somme or ZERO)
    return restes


def etat_au(au: datetime.date) -> EtatNominatif:
    """The état nominatif of the debtors by kind of procedure engaged, as at `au`.

    Only the debtors with a claim taken in charge by `au` (the fund's day,
    Europe/Paris) and still owed on that day are read, and for them only the
    last act of procedure per claim and per debtor (PostgreSQL DISTINCT ON):
    not every contentious act ever recorded."""
    fin = timezone.make_aware(
        datetime.datetime.combine(au + datetime.timedelta(days=1), datetime.time.min)
    )
    procedures = Acte.objects.filter(le__lte=au, type__in=TYPES_CONTENTIEUX)
    creances = list(
        Creance.objects.filter(ligne__ordre__pris_en_charge_le__lt=fin)
        .filter(Exists(procedures.filter(debiteur_id=OuterRef("debiteur_id"))))
        .select_related("debiteur__compte", "ligne__ordre")
        .order_by("debiteur__nom", "pk")
    )
    restes = restes_au(creances, au)
    creances = [c for c in creances if restes.get(c.pk, ZERO) > 0]
    # The last procedure per claim, and per debtor for the acts naming no claim.
    par_creance: dict[int, Acte] = {
        a.creance_id: a
        for a in procedures.filter(creance__in=creances)
        .order_by("creance_id", "-le", "-pk")
        .distinct("creance_id")
    }
    par_debiteur: dict[int, Acte] = {
        a.debiteur_id: a
        for a in procedures.filter(
            creance__isnull=True, debiteur_id__in={c.debiteur_id for c in creances}
        )
        .order_by("debiteur_id", "-le", "-pk")
        .distinct("debiteur_id")
    }
    lignes: dict[tuple[str, int], LigneEtat] = {}
    for c in creances:
        candidats = [a for a in (par_creance.get(c.pk), par_debiteur.get(c.debiteur_id)) if a]
        if not candidats:
            continue
        dernier = max(candidats, key=lambda a: (a.le, a.pk))
        procedure = _PROCEDURE_DU_TYPE.get(dernier.type, "transmise")
        d = c.debiteur
        ligne = lignes.setdefault(
            (procedure, d.pk),
            LigneEtat(procedure, d.nom, d.compte.numero, d.qualite),
        )
        ligne.ordres.append(c.ligne.ordre.reference)
        ligne.montant += c.ligne.montant
        ligne.reste += restes[c.pk]
        if ligne.dernier_acte_le is None or dernier.le >= ligne.dernier_acte_le:
            ligne.dernier_acte = f"{dernier.get_type_display()} : {dernier.libelle}"
            ligne.dernier_acte_le = dernier.le
    groupes = []
    for code, libelle, _ in PROCEDURES:
        du_groupe = sorted(
            (v for (p, _), v in lignes.items() if p == code), key=lambda x: (x.debiteur, x.compte)
        )
        if du_groupe:
            groupes.append(GroupeEtat(code, libelle, du_groupe))
    return EtatNominatif(arrete_au=au, groupes=groupes)


def etat_csv(etat: EtatNominatif, *, provisoire: bool = False) -> str:
    """The état as CSV; `provisoire` for the half-year still running (as at today)."""
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    if provisoire:
        ecrire([f"État nominatif provisoire des débiteurs au {etat.arrete_au:%d/%m/%Y}"])
    else:
        ecrire([f"État nominatif des débiteurs arrêté au {etat.arrete_au:%d/%m/%Y}"])
    ecrire(EN_TETES)
    for ligne in etat.lignes:
        ecrire(
            [
                ligne.procedure_libelle,
                ligne.debiteur,
                ligne.compte,
                ligne.qualite,
                ", ".join(ligne.ordres),
                f"{ligne.montant:.2f}".replace(".", ","),
                f"{ligne.reste:.2f}".replace(".", ","),
                ligne.dernier_acte,
                ligne.dernier_acte_le.strftime("%d/%m/%Y") if ligne.dernier_acte_le else "",
            ]
        )
    ecrire(
        [
            "Total",
            f"{etat.debiteurs} débiteur(s)",
            "",
            "",
            "",
            "",
            f"{etat.reste:.2f}".replace(".", ","),
        ]
    )
    return sortie.getvalue()


# --- The sending -----------------------------------------------------------------


def envoi_du(semestre: Semestre) -> EnvoiEtatNominatif | None:
    return EnvoiEtatNominatif.objects.filter(annee=semestre.annee, semestre=semestre.numero).first()


@atomique
def etat_nominatif_adresser(
    *, acting_user, annee: int, semestre: int, envoye_le: datetime.date, reference: str
) -> EnvoiEtatNominatif:
    """The directeur records the sending of the half-year's état nominatif to
    the caisse (annexe art. 13 al. 7): after the half-year ends, once; sent
    after the first day of the second month, it is recorded as late."""
    aujourdhui = horloge.aujourdhui()
    qualite = exiger_directeur(
        acting_user, aujourdhui, "adresser à la caisse l'état nominatif semestriel", SOURCE
    )
    s = semestre_lu(annee, semestre)
    reference = (reference or "").strip()
    if not reference:
        raise DonneeInvalide("Indiquez la référence de l'envoi à la caisse.")
    envoye_le = date_acte(envoye_le, "de l'envoi", aujourdhui=aujourdhui)
    if envoye_le <= s.arrete_au:
        raise TransitionInterdite(
            f"L'état nominatif du {s.libelle} est arrêté au {s.arrete_au:%d/%m/%Y} : il ne "
            f"s'adresse qu'après la fin du semestre, non le {envoye_le:%d/%m/%Y} ({SOURCE})."
        )
    deja = envoi_du(s)
    if deja is not None:
        raise TransitionInterdite(
            f"L'état nominatif arrêté au {s.arrete_au:%d/%m/%Y} est déjà adressé à la caisse "
            f"(le {deja.envoye_le:%d/%m/%Y}, référence {deja.reference}) : il ne s'adresse "
            "qu'une fois."
        )
    etat = etat_au(s.arrete_au)
    try:
        with transaction.atomic():
            envoi = EnvoiEtatNominatif.objects.create(
                annee=s.annee,
                semestre=s.numero,
                arrete_au=s.arrete_au,
                envoye_le=envoye_le,
                reference=reference[:120],
                par=acting_user,
                qualite=qualite,
                debiteurs=etat.debiteurs,
                montant=etat.reste,
                contenu=etat_csv(etat),
                en_retard=envoye_le > s.limite,
                enregistre_le=horloge.maintenant(),
            )
    except Exception as erreur:  # a guard of PostgreSQL (LG960–LG962)
        relever_erreur_base(erreur)
    audit(
        acting_user,
        "recouvrement.etat_nominatif_adresse",
        envoi,
        apres={"semestre": str(s), "envoye_le": envoye_le.isoformat(), "reference": reference},
    )
    return envoi
