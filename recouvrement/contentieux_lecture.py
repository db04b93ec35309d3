"""Reading the directeur's contentious recovery: the claims he recovers (the
cotisations and majorations taken in charge, the claims the agent comptable
handed over), each with its stage, its dates and what comes next; a claim's
file; the bailiffs' register. Writes nothing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from core.money import ZERO
from recettes.models import LigneOrdreRecette, OrdreRecette
from recettes.selectors import restes_par_ligne
from recouvrement.contentieux_communs import (
    debut_semestre,
    des_cotisations,
    echeance_de,
    est_du_directeur,
    fin_semestre,
)
from recouvrement.contentieux_huissiers import dispense_du_semestre, visite_du_semestre
from recouvrement.models import Creance, Debiteur
from recouvrement.models_contentieux import (
    AvisCaisse,
    MiseEnDemeure,
    MiseEnDemeureCreance,
    Poursuite,
    RecoursAmiable,
)
from recouvrement.models_huissiers import Huissier
from recouvrement.services import NATURES_DU_DIRECTEUR

J1 = datetime.timedelta(days=1)


@dataclass
class Dossier:
    """One claim the directeur recovers, as the pages show it."""

    ligne: LigneOrdreRecette
    creance: Creance | None
    reste: Decimal
    echeance: datetime.date
    mise: MiseEnDemeure | None = None
    recours: RecoursAmiable | None = None
    poursuites: list[Poursuite] = field(default_factory=list)
    avis_caisse: AvisCaisse | None = None
    prochaine: str = ""
    prochaine_le: datetime.date | None = None

    @property
    def debiteur(self) -> str:
        return self.creance.debiteur.nom if self.creance else self.ligne.debiteur

    @property
    def stade(self) -> str:
        if self.creance is None:
            return Creance.Stade.PRISE_EN_CHARGE.label
        return self.creance.stade_lu(self.reste)

    @property
    def regime(self) -> str:
        return self.creance.debiteur.regime if self.creance else Debiteur.Regime.SANS_OBJET

    @property
    def avis_caisse_du(self) -> bool:
        """The caisse is told of the default instead of compulsory recovery:
        cotisations (or majorations) of a debtor of the régime à titre
        volontaire (annexe art. 13 al. 2); any other claim is recovered."""
        return self.regime == Debiteur.Regime.VOLONTAIRE and des_cotisations(self.ligne)


def _prochaine(d: Dossier, le: datetime.date) -> tuple[str, datetime.date | None]:
    """What comes next for the claim, and from or by when."""
    if d.reste <= ZERO:
        return "Créance réglée : rien à recouvrer.", None
    if d.creance is not None and d.creance.stade == Creance.Stade.PROCEDURE_COLLECTIVE:
        # The debtor company is under collective proceedings: the claim is
        # followed there (annexe art. 13 al. 3), not by a mise en demeure.
        procedure = next(
            (p for p in d.creance.debiteur.procedures_collectives.all() if p.issue_le is None),
            None,
        )
        if procedure is not None:
            declaree = any(
                d.creance in decl.creances.all() for decl in procedure.declarations.all()
            )
            if not declaree:
                return (
                    f"Déclarer la créance à la procédure de {procedure.get_type_display()} au plus "
                    f"tard le "
                    f"{procedure.limite_declaration:%d/%m/%Y}.",
                    procedure.limite_declaration,
                )
            return (
                f"Suivre la procédure de {procedure.get_type_display()} ouverte le "
                f"{procedure.jugement_le:%d/%m/%Y} (créance déclarée) jusqu'à son issue.",
                None,
            )
    if d.mise is None:
        if le <= d.echeance:
            return (
                f"Échue le {d.echeance:%d/%m/%Y} : mise en demeure possible à compter du "
                f"{d.echeance + J1:%d/%m/%Y}.",
                d.echeance + J1,
            )
        return "Adresser la mise en demeure (lettre recommandée avec avis de réception).", le
    if d.mise.fin_delai is None:
        return (
            f"Enregistrer la date de l'avis de réception de la mise en demeure du "
            f"{d.mise.envoyee_le:%d/%m/%Y}.",
            None,
        )
    r = d.recours
    if r is not None and r.decision == RecoursAmiable.Decision.FONDEE:
        return (
            "Réclamation reconnue fondée par la commission : le directeur rectifie l'ordre de "
            "recette (réduction ou annulation).",
            None,
        )
    if r is not None and r.en_cours and le <= r.fin_commission:
        return (
            f"La commission de recours amiable statue au plus tard le {r.fin_commission:%d/%m/%Y}.",
            r.fin_commission,
        )
    if le <= d.mise.fin_delai:
        return (
            f"Délai de trente jours jusqu'au {d.mise.fin_delai:%d/%m/%Y} : "
            + ("avis à la caisse" if d.avis_caisse_du else "recouvrement forcé")
            + f" à compter du {d.mise.fin_delai + J1:%d/%m/%Y}.",
            d.mise.fin_delai + J1,
        )
    if d.avis_caisse_du:
        if d.avis_caisse is None:
            return "Aviser sans délai la caisse du défaut de paiement (régime volontaire).", (
                d.mise.fin_delai + J1
            )
        return f"Caisse avisée le {d.avis_caisse.le:%d/%m/%Y}.", None
    if not d.poursuites:
        return (
            "Engager le recouvrement forcé : contrainte ou autre procédure (articles R. 612-11 à "
            "R. 612-13, R. 612-17).",
            d.mise.fin_delai + J1,
        )
    actes = [a for p in d.poursuites for a in p.actes_huissier.all()]
    sans_resultat = [a for a in actes if a.resultat_le is None]
    if sans_resultat:
        return (
            f"Enregistrer le résultat de l'acte d'huissier du {sans_resultat[0].le:%d/%m/%Y}.",
            None,
        )
    if not actes:
        return "Confier la procédure à un huissier (acte d'huissier à enregistrer).", None
    return "Suivre la procédure ; un nouvel acte d'huissier au besoin.", None


def _lignes_du_directeur(lignes=None):
    return (
        (restes_par_ligne() if lignes is None else lignes)
        .filter(ordre__etat=OrdreRecette.Etat.PRIS_EN_CHARGE)
        .filter(
            Q(ordre__nature__in=NATURES_DU_DIRECTEUR)
            | Q(
                creance__responsable=Creance.Responsable.DIRECTEUR,
                creance__transmise_le__isnull=False,
            )
        )
        .select_related("creance__debiteur")
        .prefetch_related("creance__debiteur__procedures_collectives__declarations__creances")
        .order_by("debiteur", "ordre__exercice__annee", "ordre__numero", "id")
    )


def _completer(dossiers: list[Dossier], le: datetime.date) -> list[Dossier]:
    creances = [d.creance.pk for d in dossiers if d.creance is not None]
    mises = {}
    for ligne in MiseEnDemeureCreance.objects.filter(creance_id__in=creances).select_related(
        "mise_en_demeure__recours"
    ):
        mises[ligne.creance_id] = ligne.mise_en_demeure
    poursuites: dict[int, list] = {}
    for p in Poursuite.objects.filter(creance_id__in=creances).prefetch_related(
        "actes_huissier__huissier", "actes_huissier__ordre_depense"
    ):
        poursuites.setdefault(p.creance_id, []).append(p)
    avis = {a.creance_id: a for a in AvisCaisse.objects.filter(creance_id__in=creances)}
    for d in dossiers:
        if d.creance is not None:
            d.mise = mises.get(d.creance.pk)
            d.recours = getattr(d.mise, "recours", None) if d.mise is not None else None
            d.poursuites = poursuites.get(d.creance.pk, [])
            d.avis_caisse = avis.get(d.creance.pk)
        d.prochaine, d.prochaine_le = _prochaine(d, le)
    return dossiers


def dossiers(le: datetime.date, *, soldes: bool = False, lignes=None) -> list[Dossier]:
    """The claims the directeur recovers (still owed unless `soldes`), among
    `lignes` (a queryset of `restes_par_ligne`) when given."""
    resultat = []
    for ligne in _lignes_du_directeur(lignes):
        try:
            creance = ligne.creance
        except Creance.DoesNotExist:
            creance = None
        if creance is not None and not est_du_directeur(creance):
            continue
        if ligne.reste <= ZERO and not soldes:
            continue
        resultat.append(
            Dossier(ligne=ligne, creance=creance, reste=ligne.reste, echeance=echeance_de(ligne))
        )
    return _completer(resultat, le)


def dossier_de(ligne: LigneOrdreRecette, le: datetime.date) -> Dossier:
    ligne = restes_par_ligne([ligne.ordre_id]).select_related("creance__debiteur").get(pk=ligne.pk)
    try:
        creance = ligne.creance
    except Creance.DoesNotExist:
        creance = None
    d = Dossier(ligne=ligne, creance=creance, reste=ligne.reste, echeance=echeance_de(ligne))
    return _completer([d], le)[0]


def autres_creances(d: Dossier, le: datetime.date) -> list[Dossier]:
    """The debtor's other claims the directeur may put in default with this
    one: only that debtor's lines are read (same third-party account, same
    name as `debiteur_de` keys it, cut to 120 characters)."""
    lignes = (
        restes_par_ligne()
        .filter(
            ordre__compte_tiers_id=d.ligne.ordre.compte_tiers_id,
            debiteur__startswith=d.ligne.debiteur[:120],
        )
        .exclude(pk=d.ligne.pk)
    )
    return [
        x
        for x in dossiers(le, lignes=lignes)
        if x.debiteur == d.debiteur
        and x.ligne.ordre.compte_tiers_id == d.ligne.ordre.compte_tiers_id
        and x.mise is None
        and x.reste > ZERO
        and le > x.echeance
    ]


@dataclass
class LigneRegistre:
    huissier: Huissier
    derniere_visite: datetime.date | None
    visite_du_semestre: object
    dispense: object
    visite_due_le: datetime.date | None
    actes: int


def registre_huissiers(le: datetime.date) -> list[LigneRegistre]:
    """Each bailiff, his last visit, this half-year's visit or dispensation,
    and the visit due by the half-year's last day when neither."""
    lignes = []
    for h in Huissier.objects.prefetch_related("visites__par", "dispenses", "actes"):
        visites = sorted(h.visites.all(), key=lambda v: v.le, reverse=True)
        visite = visite_du_semestre(h, le)
        dispense = dispense_du_semestre(h, le)
        lignes.append(
            LigneRegistre(
                huissier=h,
                derniere_visite=visites[0].le if visites else None,
                visite_du_semestre=visite,
                dispense=dispense,
                visite_due_le=None if visite or dispense else fin_semestre(le),
                actes=len(h.actes.all()),
            )
        )
    return lignes


def semestre(le: datetime.date) -> str:
    return f"du {debut_semestre(le):%d/%m/%Y} au {fin_semestre(le):%d/%m/%Y}"
