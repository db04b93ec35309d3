"""The acts of the comptes annuels' life after the board's arrêté (circ.
93/82 §IV; D613-41). Each is one transaction, with its audit row, refused in
French for the wrong person, state or date; PostgreSQL keeps the same order
(`migrations/sql/0005_cycle.sql`).

- the directeur records the board's and the tutelle's decisions:
  `transmission_enregistrer` (the sending to the comité départemental
  d'examen des comptes and the DRASS; a late sending is recorded, and shown
  late: the law sets a deadline, the fact is what it is),
  `avis_codec_enregistrer`, `renvoi_ministre_enregistrer` (the DRASS sends the
  accounts to the minister for approval), `approbation_enregistrer`,
  `quitus_donner` (the board's délibération);
- the agent comptable gives his avis on each fondé de pouvoir
  (`avis_fonde_enregistrer`), without which no quitus goes to the fondé.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from comptes_annuels.models_cycle import (
    Approbation,
    AvisCodec,
    AvisFonde,
    Quitus,
    RenvoiMinistre,
    TransmissionComptes,
)
from comptes_annuels.selectors_cycle import (
    caisse_nationale,
    comptables_de,
    debets_ouverts,
    dernier_avis,
    limite_transmission,
)
from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.verrous import verrouiller
from ledger.models import ArreteComptes, Exercice
from personnes.models import Fonction, nom_de
from personnes.selectors import fonctions_le, interim_le

REFUS_DIRECTEUR = (
    "Seul le directeur enregistre les décisions du conseil d'administration et de la tutelle "
    "sur les comptes annuels : leur transmission, leur approbation et le quitus (circulaire "
    "93/82 §IV)."
)
REFUS_AGENT_COMPTABLE = (
    "Seul l'agent comptable donne son avis sur le quitus d'un fondé de pouvoir (circulaire "
    "93/82 §IV : le quitus donné aux fondés de pouvoir est subordonné à l'avis favorable de "
    "l'agent comptable)."
)
QUITUS_APRES_APPROBATION = (
    "Le conseil d'administration ne peut délivrer quitus à l'agent comptable que lorsque les "
    "comptes sont approuvés (circulaire 93/82 §IV)"
)
QUITUS_FONDE = (
    "Le quitus donné aux fondés de pouvoir est subordonné à l'avis favorable de l'agent "
    "comptable (circulaire 93/82 §IV)"
)


def _exiger_directeur(utilisateur) -> datetime.date:
    aujourdhui = horloge.aujourdhui()
    if Fonction.DIRECTEUR not in set(fonctions_le(utilisateur, aujourdhui)):
        raise DroitInsuffisant(REFUS_DIRECTEUR)
    return aujourdhui


def _reference(texte: str, quoi: str) -> str:
    texte = (texte or "").strip()
    if not texte:
        raise DonneeInvalide(f"Indiquez {quoi}.")
    return texte[:200]


def _date(le, *, apres: datetime.date, apres_quoi: str, aujourdhui: datetime.date, quoi: str):
    if not isinstance(le, datetime.date):
        raise DonneeInvalide(f"Indiquez la date {quoi}.")
    if le < apres or le > aujourdhui:
        raise DonneeInvalide(
            f"La date {quoi} va du {apres:%d/%m/%Y} ({apres_quoi}) à aujourd'hui, "
            f"non le {le:%d/%m/%Y}."
        )
    return le


def _arrete(exercice: Exercice) -> ArreteComptes:
    arrete = ArreteComptes.objects.filter(exercice=exercice).first()
    if arrete is None:
        raise TransitionInterdite(
            f"Les comptes annuels de l'exercice {exercice.annee} ne sont pas arrêtés par le "
            "conseil d'administration : ils sont transmis une fois arrêtés (D613-41)."
        )
    return arrete


def _transmission(exercice: Exercice, acte: str) -> TransmissionComptes:
    t = TransmissionComptes.objects.filter(exercice=exercice).first()
    if t is None:
        raise TransitionInterdite(
            f"Les comptes annuels de l'exercice {exercice.annee} ne sont pas transmis au comité "
            f"d'examen des comptes et au directeur régional : {acte} après leur transmission "
            "(D613-41)."
        )
    return t


def _pas_encore_approuves(exercice: Exercice, acte: str) -> None:
    if Approbation.objects.filter(exercice=exercice).exists():
        raise TransitionInterdite(
            f"Les comptes annuels de l'exercice {exercice.annee} sont déjà approuvés : {acte} "
            "n'a plus lieu d'être."
        )


@transaction.atomic
def transmission_enregistrer(
    *, acting_user, exercice: Exercice, le: datetime.date, reference: str
) -> TransmissionComptes:
    """Record the sending of the comptes annuels arrêtés by the board to the
    comité départemental d'examen des comptes and the DRASS (D613-41 al. 1;
    circ. §IV). The last day comes from the dated setting (31 March, 30 April
    for the caisse nationale); a sending after it is recorded, marked late."""
    aujourdhui = _exiger_directeur(acting_user)
    exercice = verrouiller(Exercice, exercice.pk)
    arrete = _arrete(exercice)
    if TransmissionComptes.objects.filter(exercice=exercice).exists():
        raise TransitionInterdite(
            f"La transmission des comptes annuels de l'exercice {exercice.annee} est déjà "
            "enregistrée."
        )
    reference = _reference(reference, "la référence de l'envoi")
    _date(
        le,
        apres=arrete.arrete_le,
        apres_quoi="l'arrêté des comptes par le conseil",
        aujourdhui=aujourdhui,
        quoi="de la transmission",
    )
    limite = limite_transmission(exercice)
    transmission = TransmissionComptes.objects.create(
        exercice=exercice,
        transmis_le=le,
        reference=reference,
        limite=limite.jour,
        article_limite=limite.article[:200],
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.transmission",
        transmission,
        apres={
            "exercice": exercice.annee,
            "transmis_le": le,
            "reference": reference,
            "limite": limite.jour,
            "en_retard": transmission.en_retard,
        },
    )
    return transmission


@transaction.atomic
def avis_codec_enregistrer(
    *, acting_user, exercice: Exercice, le: datetime.date, favorable: bool, observations: str = ""
) -> AvisCodec:
    """Record the avis of the comité d'examen des comptes (D613-41 al. 2: the
    DRASS decides « sur l'avis du comité »). Optional; once, before the approval."""
    aujourdhui = _exiger_directeur(acting_user)
    exercice = verrouiller(Exercice, exercice.pk)
    t = _transmission(exercice, "le comité rend son avis")
    if AvisCodec.objects.filter(exercice=exercice).exists():
        raise TransitionInterdite(
            f"L'avis du comité d'examen sur les comptes {exercice.annee} est déjà enregistré."
        )
    _pas_encore_approuves(exercice, "l'avis du comité")
    _date(
        le,
        apres=t.transmis_le,
        apres_quoi="leur transmission",
        aujourdhui=aujourdhui,
        quoi="de l'avis",
    )
    avis = AvisCodec.objects.create(
        exercice=exercice,
        rendu_le=le,
        favorable=bool(favorable),
        observations=(observations or "").strip(),
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.avis_codec",
        avis,
        apres={"exercice": exercice.annee, "rendu_le": le, "favorable": avis.favorable},
    )
    return avis


@transaction.atomic
def renvoi_ministre_enregistrer(
    *, acting_user, exercice: Exercice, le: datetime.date, reference: str
) -> RenvoiMinistre:
    """Record that the DRASS sent the comptes annuels to the minister for
    approval instead of approving them (D613-41 al. 2). Not for the caisse
    nationale, whose approval is the minister's from the start (al. 4)."""
    aujourdhui = _exiger_directeur(acting_user)
    exercice = verrouiller(Exercice, exercice.pk)
    t = _transmission(exercice, "le directeur régional les transmet au ministre")
    if caisse_nationale(t.transmis_le):
        raise TransitionInterdite(
            "Les comptes annuels de la caisse nationale sont approuvés par le ministre "
            "(D613-41) : enregistrez directement leur approbation."
        )
    if RenvoiMinistre.objects.filter(exercice=exercice).exists():
        raise TransitionInterdite(
            f"La transmission des comptes {exercice.annee} au ministre est déjà enregistrée."
        )
    _pas_encore_approuves(exercice, "leur transmission au ministre")
    reference = _reference(reference, "la référence de la transmission au ministre")
    _date(
        le,
        apres=t.transmis_le,
        apres_quoi="leur transmission",
        aujourdhui=aujourdhui,
        quoi="de la transmission au ministre",
    )
    renvoi = RenvoiMinistre.objects.create(
        exercice=exercice,
        transmis_le=le,
        reference=reference,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.renvoi_ministre",
        renvoi,
        apres={"exercice": exercice.annee, "transmis_le": le, "reference": reference},
    )
    return renvoi


@transaction.atomic
def approbation_enregistrer(
    *, acting_user, exercice: Exercice, autorite: str, le: datetime.date, reference: str
) -> Approbation:
    """Record the approval of the comptes annuels by the DRASS or the minister
    (D613-41 al. 2), refused before their sending; by the minister only once
    the DRASS sent them to him, and for the caisse nationale (al. 4)."""
    aujourdhui = _exiger_directeur(acting_user)
    exercice = verrouiller(Exercice, exercice.pk)
    if autorite not in Approbation.Autorite.values:
        raise DonneeInvalide(
            f"L'autorité qui approuve est le directeur régional (« drass ») ou le ministre "
            f"(« ministre »), non « {autorite} »."
        )
    t = _transmission(exercice, "ils sont approuvés")
    if Approbation.objects.filter(exercice=exercice).exists():
        raise TransitionInterdite(
            f"L'approbation des comptes annuels de l'exercice {exercice.annee} est déjà "
            "enregistrée."
        )
    renvoi = RenvoiMinistre.objects.filter(exercice=exercice).first()
    if autorite != Approbation.Autorite.MINISTRE:
        if renvoi is not None:
            raise TransitionInterdite(
                f"Le directeur régional a transmis les comptes {exercice.annee} au ministre le "
                f"{renvoi.transmis_le:%d/%m/%Y} : c'est le ministre qui les approuve (D613-41)."
            )
        if caisse_nationale(t.transmis_le):
            raise TransitionInterdite(
                "L'approbation des comptes annuels de la caisse nationale est de la compétence "
                "du ministre chargé de la sécurité sociale (D613-41)."
            )
    reference = _reference(reference, "la référence de la décision d'approbation")
    depuis, depuis_quoi = (
        (renvoi.transmis_le, "leur transmission au ministre")
        if renvoi is not None
        else (t.transmis_le, "leur transmission")
    )
    _date(
        le,
        apres=depuis,
        apres_quoi=depuis_quoi,
        aujourdhui=aujourdhui,
        quoi="de l'approbation",
    )
    approbation = Approbation.objects.create(
        exercice=exercice,
        autorite=autorite,
        approuve_le=le,
        reference=reference,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.approbation",
        approbation,
        apres={
            "exercice": exercice.annee,
            "autorite": autorite,
            "approuve_le": le,
            "reference": reference,
        },
    )
    return approbation


def _exiger_agent_comptable(utilisateur) -> datetime.date:
    """The agent comptable himself (or his intérimaire): the avis on his fondés
    de pouvoir is his, not a fondé's."""
    aujourdhui = horloge.aujourdhui()
    fonctions = set(fonctions_le(utilisateur, aujourdhui))
    if Fonction.AGENT_COMPTABLE not in fonctions and interim_le(utilisateur, aujourdhui) is None:
        raise DroitInsuffisant(REFUS_AGENT_COMPTABLE)
    return aujourdhui


def _comptable(exercice: Exercice, utilisateur):
    return next((c for c in comptables_de(exercice) if c.utilisateur.pk == utilisateur.pk), None)


@transaction.atomic
def avis_fonde_enregistrer(
    *,
    acting_user,
    exercice: Exercice,
    fonde,
    favorable: bool,
    texte: str,
    le: datetime.date | None = None,
) -> AvisFonde:
    """Record the agent comptable's avis on a fondé de pouvoir of `exercice`,
    on which the board's quitus to him rests (circ. §IV). A later avis
    replaces an earlier one, until the quitus is given."""
    aujourdhui = _exiger_agent_comptable(acting_user)
    exercice = verrouiller(Exercice, exercice.pk)
    if fonde.pk == acting_user.pk:
        raise DroitInsuffisant("Nul ne donne son avis sur son propre quitus.")
    c = _comptable(exercice, fonde)
    if c is None or c.qualite != Quitus.Qualite.FONDE_DE_POUVOIR:
        raise DonneeInvalide(
            f"{nom_de(fonde)} n'a pas été fondé de pouvoir pendant l'exercice {exercice.annee}."
        )
    if Quitus.objects.filter(exercice=exercice, beneficiaire=fonde).exists():
        raise TransitionInterdite(
            f"Le quitus de l'exercice {exercice.annee} est déjà donné à {nom_de(fonde)}."
        )
    texte = (texte or "").strip()
    if not texte:
        raise DonneeInvalide("Rédigez l'avis : ce qui le fonde.")
    le = le or aujourdhui
    _date(
        le,
        apres=exercice.fin + datetime.timedelta(days=1),
        apres_quoi="le lendemain de la fin de l'exercice",
        aujourdhui=aujourdhui,
        quoi="de l'avis",
    )
    avis = AvisFonde.objects.create(
        exercice=exercice,
        fonde=fonde,
        favorable=bool(favorable),
        texte=texte,
        rendu_le=le,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.avis_fonde",
        avis,
        apres={
            "exercice": exercice.annee,
            "fonde": fonde.get_username(),
            "favorable": avis.favorable,
            "rendu_le": le,
        },
    )
    return avis


@transaction.atomic
def quitus_donner(
    *,
    acting_user,
    exercice: Exercice,
    le: datetime.date,
    deliberation: str,
    beneficiaire=None,
) -> Quitus:
    """Record the board's quitus for `exercice` to the agent comptable in
    office that year (`beneficiaire` None: the only one), or to a named agent
    comptable or fondé de pouvoir of the exercise. Refused before the approval
    of the accounts; to a fondé, without the agent comptable's latest avis
    favourable (circ. §IV)."""
    aujourdhui = _exiger_directeur(acting_user)
    exercice = verrouiller(Exercice, exercice.pk)
    approbation = Approbation.objects.filter(exercice=exercice).first()
    if approbation is None:
        raise TransitionInterdite(
            f"{QUITUS_APRES_APPROBATION} : les comptes annuels de l'exercice {exercice.annee} "
            "ne le sont pas."
        )
    if beneficiaire is None:
        agents = [c for c in comptables_de(exercice) if c.qualite == Quitus.Qualite.AGENT_COMPTABLE]
        if not agents:
            raise DonneeInvalide(
                f"Aucun agent comptable n'a été en fonction pendant l'exercice {exercice.annee}."
            )
        if len(agents) > 1:
            noms = ", ".join(c.nom for c in agents)
            raise DonneeInvalide(
                f"Plusieurs agents comptables ont été en fonction pendant l'exercice "
                f"{exercice.annee} ({noms}) : désignez celui qui reçoit le quitus."
            )
        comptable = agents[0]
    else:
        comptable = _comptable(exercice, beneficiaire)
        if comptable is None:
            raise DonneeInvalide(
                f"{nom_de(beneficiaire)} n'a été ni agent comptable ni fondé de pouvoir pendant "
                f"l'exercice {exercice.annee} : le quitus ne lui est pas dû."
            )
    qui = comptable.utilisateur
    if Quitus.objects.filter(exercice=exercice, beneficiaire=qui).exists():
        raise TransitionInterdite(
            f"Le quitus de l'exercice {exercice.annee} est déjà donné à {comptable.nom}."
        )
    avis = None
    if comptable.qualite == Quitus.Qualite.FONDE_DE_POUVOIR:
        avis = dernier_avis(exercice, qui)
        if avis is None or not avis.favorable:
            constat = (
                "l'agent comptable n'a pas donné son avis"
                if avis is None
                else f"l'avis de l'agent comptable du {avis.rendu_le:%d/%m/%Y} est défavorable"
            )
            raise TransitionInterdite(
                f"{QUITUS_FONDE} : pour {comptable.nom}, fondé de pouvoir en "
                f"{exercice.annee}, {constat}."
            )
    deliberation = _reference(deliberation, "la référence de la délibération du conseil")
    _date(
        le,
        apres=approbation.approuve_le,
        apres_quoi="l'approbation des comptes",
        aujourdhui=aujourdhui,
        quoi="du quitus",
    )
    quitus = Quitus.objects.create(
        exercice=exercice,
        beneficiaire=qui,
        qualite=comptable.qualite,
        donne_le=le,
        deliberation=deliberation,
        avis=avis,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "comptes_annuels.quitus",
        quitus,
        apres={
            "exercice": exercice.annee,
            "beneficiaire": qui.get_username(),
            "qualite": comptable.qualite,
            "donne_le": le,
            "deliberation": deliberation,
            # Issue 12: the débets still open against him, listed with the quitus.
            "debets_ouverts": [str(d) for d in debets_ouverts(exercice, qui)],
        },
    )
    return quitus
