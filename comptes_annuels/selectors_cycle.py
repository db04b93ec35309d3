"""Reads of the life of the comptes annuels after the board (circ. 93/82 §IV,
D613-41): the deadline of their sending (a dated setting), who may receive a
quitus for an exercise, the timeline of an exercise (the page, its PDF and
CSV, the API), and the deadlines still running for the home page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from comptes_annuels import selectors as selecteurs_comptes
from comptes_annuels.models_cycle import (
    Approbation,
    AvisCodec,
    AvisFonde,
    Quitus,
    RenvoiMinistre,
    TransmissionComptes,
)
from core.exceptions import DonneeInvalide
from ledger.models import ArreteComptes, Exercice
from personnes.models import Affectation, Fonction, Interim, nom_de
from reglementation.models import Parametre
from reglementation.selectors import parametre
from responsabilite import selectors as responsabilite_selectors

CLE_CAISSE_NATIONALE = "caisse_nationale"
CLE_LIMITE = "transmission_comptes_annuels"
CLE_LIMITE_NATIONALE = "transmission_comptes_annuels_caisse_nationale"


def _jour_des_regles(exercice: Exercice) -> datetime.date:
    """The day the rules of an exercise's sending are read: the first after its
    end, when the délai « qui suit la fin de l'exercice » starts."""
    return datetime.date(exercice.annee + 1, 1, 1)


def caisse_nationale(le: datetime.date) -> bool:
    """Is the fund the caisse nationale on `le` (dated setting, D613-41 al. 4)?"""
    valeur = parametre(CLE_CAISSE_NATIONALE, le).strip().lower()
    if valeur not in ("oui", "non"):
        raise DonneeInvalide(
            f"Le paramètre « {CLE_CAISSE_NATIONALE} » vaut « oui » ou « non », non « {valeur} »."
        )
    return valeur == "oui"


@dataclass(frozen=True)
class Limite:
    jour: datetime.date  # last day of the sending
    article: str  # the setting's citation
    libelle: str  # the setting's explanation
    caisse_nationale: bool


def limite_transmission(exercice: Exercice) -> Limite:
    """The last day the comptes annuels of `exercice` may be sent to the comité
    d'examen and the DRASS: « avant le 1er avril qui suit la fin de
    l'exercice », « au plus tard pour le 30 avril » for the caisse nationale
    (D613-41 al. 1 and 4) — both kept as dated settings (`reglementation`
    migration 0005), read the day after the exercise's end."""
    le = _jour_des_regles(exercice)
    nationale = caisse_nationale(le)
    cle = CLE_LIMITE_NATIONALE if nationale else CLE_LIMITE
    ligne = (
        Parametre.objects.filter(cle=cle, debut__lte=le)
        .filter(Q(fin__isnull=True) | Q(fin__gte=le))
        .first()
    )
    if ligne is None:
        parametre(cle, le)  # raises the French refusal of a missing setting
    try:
        mois, jour = (int(x) for x in ligne.valeur.split("-"))
        limite = datetime.date(exercice.annee + 1, mois, jour)
    except ValueError as exc:
        raise DonneeInvalide(
            f"Le paramètre « {cle} » donne un jour de l'année sous la forme MM-JJ, "
            f"non « {ligne.valeur} »."
        ) from exc
    return Limite(limite, ligne.article, ligne.libelle, nationale)


# --- Who may receive a quitus ----------------------------------------------------


@dataclass(frozen=True)
class Comptable:
    """Someone who acted for the agent comptable during the exercise."""

    utilisateur: object
    qualite: str  # Quitus.Qualite
    periodes: tuple[tuple[datetime.date, datetime.date | None], ...]

    @property
    def nom(self) -> str:
        return nom_de(self.utilisateur)

    @property
    def qualite_libelle(self) -> str:
        return Quitus.Qualite(self.qualite).label


def comptables_de(exercice: Exercice) -> list[Comptable]:
    """The agents comptables, then the fondés de pouvoir, whose affectation met
    the exercise (circ. 93/82 §VI: the agent comptable is liable from his
    installation to the end of his functions), an agent comptable intérimaire
    counted as agent comptable and a fondé de pouvoir acting as agent comptable
    as fondé de pouvoir (circ. §1.1.2); someone both agent comptable and fondé
    de pouvoir that year is counted as agent comptable."""
    affectations = (
        Affectation.objects.filter(
            fonction__in=[Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR],
            debut__lte=exercice.fin,
        )
        .filter(Q(fin__isnull=True) | Q(fin__gte=exercice.debut))
        .select_related("utilisateur")
        .order_by("debut", "id")
    )
    par_personne: dict[int, dict] = {}
    for a in affectations:
        entree = par_personne.setdefault(
            a.utilisateur_id, {"utilisateur": a.utilisateur, "fonctions": set(), "periodes": []}
        )
        entree["fonctions"].add(a.fonction)
        entree["periodes"].append((a.debut, a.fin))
    interims = (
        Interim.objects.filter(debut__lte=exercice.fin, fin__gte=exercice.debut)
        .select_related("utilisateur")
        .order_by("debut", "id")
    )
    for i in interims:
        entree = par_personne.setdefault(
            i.utilisateur_id, {"utilisateur": i.utilisateur, "fonctions": set(), "periodes": []}
        )
        entree["fonctions"].add(
            Fonction.AGENT_COMPTABLE
            if i.nature == Interim.Nature.INTERIMAIRE
            else Fonction.FONDE_DE_POUVOIR
        )
        entree["periodes"].append((i.debut, i.fin))
    comptables = [
        Comptable(
            e["utilisateur"],
            Quitus.Qualite.AGENT_COMPTABLE
            if Fonction.AGENT_COMPTABLE in e["fonctions"]
            else Quitus.Qualite.FONDE_DE_POUVOIR,
            tuple(e["periodes"]),
        )
        for e in par_personne.values()
    ]
    return sorted(comptables, key=lambda c: (c.qualite != Quitus.Qualite.AGENT_COMPTABLE,))


def dernier_avis(exercice: Exercice, fonde) -> AvisFonde | None:
    """The agent comptable's latest avis on `fonde` for `exercice` (the one that counts)."""
    return (
        AvisFonde.objects.filter(exercice=exercice, fonde=fonde)
        .order_by("-rendu_le", "-id")
        .first()
    )


def debets_ouverts(exercice: Exercice, beneficiaire) -> list:
    """The débets still open against `beneficiaire` for facts of `exercice`,
    which the quitus lists (`responsabilite.selectors`, circ. §VI). What an
    open débet does to the quitus is left to the rest of issue 12: today it is
    listed, not refused."""
    return responsabilite_selectors.debets_ouverts(exercice.debut, exercice.fin, beneficiaire)


# --- The timeline ----------------------------------------------------------------


@dataclass
class Beneficiaire:
    comptable: Comptable
    avis: AvisFonde | None  # latest avis, for a fondé de pouvoir
    quitus: Quitus | None
    debets: list = field(default_factory=list)


@dataclass
class Etape:
    """One line of the timeline: what, when, with which reference, and where it stands."""

    nom: str
    date: datetime.date | None
    reference: str
    detail: str
    etat: str  # "fait", "en retard", "à faire", "facultatif", "sans objet"


@dataclass
class VieDesComptes:
    exercice: Exercice
    arrete: ArreteComptes | None
    limite: Limite
    transmission: TransmissionComptes | None
    avis_codec: AvisCodec | None
    renvoi: RenvoiMinistre | None
    approbation: Approbation | None
    beneficiaires: list[Beneficiaire]
    compte_financier: object | None
    aujourdhui: datetime.date

    @property
    def jours_restants(self) -> int:
        return (self.limite.jour - self.aujourdhui).days

    @property
    def en_retard(self) -> bool:
        """Sent after the last day, or not sent and the last day past."""
        if self.transmission is not None:
            return self.transmission.en_retard
        return self.aujourdhui > self.limite.jour

    def etapes(self) -> list[Etape]:
        e = []
        a = self.arrete
        e.append(
            Etape(
                "Arrêté des comptes par le conseil d'administration",
                a.arrete_le if a else None,
                a.deliberation if a else "",
                a.get_affectation_display() if a else "",
                "fait" if a else "à faire",
            )
        )
        t = self.transmission
        limite = f"dernier jour le {self.limite.jour:%d/%m/%Y} ({self.limite.article})"
        e.append(
            Etape(
                "Transmission au comité d'examen des comptes et à la DRASS",
                t.transmis_le if t else None,
                t.reference if t else "",
                limite,
                ("en retard" if t.en_retard else "fait")
                if t
                else ("en retard" if self.en_retard else "à faire"),
            )
        )
        v = self.avis_codec
        e.append(
            Etape(
                "Avis du comité d'examen des comptes",
                v.rendu_le if v else None,
                "",
                (("favorable" if v.favorable else "défavorable") + (f" : {v.observations}"
                 if v.observations else "")) if v else "",
                "fait" if v else "facultatif",
            )
        )  # fmt: skip
        r = self.renvoi
        e.append(
            Etape(
                "Transmission au ministre pour approbation",
                r.transmis_le if r else None,
                r.reference if r else "",
                "par le directeur régional" if r else "",
                "fait" if r else ("sans objet" if self.approbation else "facultatif"),
            )
        )
        p = self.approbation
        e.append(
            Etape(
                "Approbation des comptes annuels",
                p.approuve_le if p else None,
                p.reference if p else "",
                f"par {p.get_autorite_display()}" if p else "",
                "fait" if p else "à faire",
            )
        )
        for b in self.beneficiaires:
            q = b.quitus
            detail = b.comptable.qualite_libelle
            if b.comptable.qualite == Quitus.Qualite.FONDE_DE_POUVOIR:
                detail += (
                    f", avis {'favorable' if b.avis.favorable else 'défavorable'} de l'agent "
                    f"comptable du {b.avis.rendu_le:%d/%m/%Y}"
                    if b.avis
                    else ", sans avis de l'agent comptable"
                )
            e.append(
                Etape(
                    f"Quitus à {b.comptable.nom}",
                    q.donne_le if q else None,
                    q.deliberation if q else "",
                    detail,
                    "fait" if q else "à faire",
                )
            )
        return e


def vie_des_comptes(exercice: Exercice, aujourdhui: datetime.date) -> VieDesComptes:
    """Where the comptes annuels of `exercice` stand after the board."""
    quitus = {q.beneficiaire_id: q for q in Quitus.objects.filter(exercice=exercice)}
    beneficiaires = []
    for c in comptables_de(exercice):
        fonde = c.qualite == Quitus.Qualite.FONDE_DE_POUVOIR
        beneficiaires.append(
            Beneficiaire(
                c,
                dernier_avis(exercice, c.utilisateur) if fonde else None,
                quitus.get(c.utilisateur.pk),
                debets_ouverts(exercice, c.utilisateur),
            )
        )
    # Helper A's compte financier, when it exists.
    compte_financier_de = getattr(selecteurs_comptes, "compte_financier_de", None)
    return VieDesComptes(
        exercice=exercice,
        arrete=ArreteComptes.objects.filter(exercice=exercice).first(),
        limite=limite_transmission(exercice),
        transmission=TransmissionComptes.objects.filter(exercice=exercice).first(),
        avis_codec=AvisCodec.objects.filter(exercice=exercice).first(),
        renvoi=RenvoiMinistre.objects.filter(exercice=exercice).first(),
        approbation=Approbation.objects.filter(exercice=exercice).first(),
        beneficiaires=beneficiaires,
        compte_financier=compte_financier_de(exercice) if compte_financier_de else None,
        aujourdhui=aujourdhui,
    )


# --- The home page -----------------------------------------------------------------


@dataclass(frozen=True)
class EcheanceTransmission:
    annee: int
    limite: Limite
    jours_restants: int  # negative once past
    arrete: bool

    @property
    def depassee(self) -> bool:
        return self.jours_restants < 0


def echeances_transmission(le: datetime.date) -> list[EcheanceTransmission]:
    """The sending of the comptes annuels of the exercise that ended on the
    last 31 December, while it is not recorded (during the year after it):
    its last day, the days left (negative once past) and whether the board
    has arrêté the accounts."""
    exercice = Exercice.objects.filter(annee=le.year - 1).first()
    if exercice is None or TransmissionComptes.objects.filter(exercice=exercice).exists():
        return []
    limite = limite_transmission(exercice)
    return [
        EcheanceTransmission(
            exercice.annee,
            limite,
            (limite.jour - le).days,
            ArreteComptes.objects.filter(exercice=exercice).exists(),
        )
    ]
