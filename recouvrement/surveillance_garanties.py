"""Guarantees and sûretés taken for the keeping of a claim (annexe art. 13
al. 5), and the watch over mortgage inscriptions (circ. 93/82 §2.0.4).

- `garantie_prendre`: the directeur, for a debtor he recovers (contentious
  recovery, cotisations), or the agent comptable records a mortgage (its
  inscription: date, bureau, the day it lapses), a pledge (nantissement,
  gage), a guarantor (caution) or a privilège; a row of the journal
  (GARANTIE) that the situation individuelle lists.
- `peremption_signaler`: the agent comptable « veille, sauf en matière de
  cotisations, au maintien des droits, privilèges et hypothèques, notamment
  de signaler, six mois avant, la date de péremption des inscriptions
  hypothécaires » (§2.0.4): he records the day he signalled it to the
  directeur. A guarantee « en matière de cotisations » (`de_cotisations`:
  its claim is a cotisation or a majoration, or, naming no claim, all its
  debtor's claims are) is not his to watch: the directeur follows it
  directly, and the agent comptable's signalling is refused.
- Who records a guarantee, its renewal or its mainlevée: the agent comptable,
  or the directeur when he recovers the claim the guarantee names
  (`Creance.responsable`), or, when it names none, a claim of the debtor.
- `garantie_renouveler`: a new inscription, with its new lapse date (the
  watch starts again); `garantie_lever`: the mainlevée (MAINLEVEE).

Each act is one transaction, with its audit row and its row of the journal.
"""

from __future__ import annotations

import datetime

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, atomique
from core.money import format_euros
from core.money import montant as montant_valide
from recouvrement.models import Acte, Creance, Debiteur
from recouvrement.models_surveillance import Garantie
from recouvrement.services import NATURES_DU_DIRECTEUR, journaliser
from recouvrement.surveillance_commun import (
    date_acte,
    directeur_ou_comptable,
    exiger_agent_comptable,
)

CODE_GARANTIE = "recouvrement.garantie"
CODE_SIGNALER = "recouvrement.peremption_signaler"


CIRC_204 = "circulaire 93/82 §2.0.4"


def _du_directeur(debiteur: Debiteur, creance: Creance | None = None) -> bool:
    """Does the directeur recover the claim the guarantee names (contentious,
    cotisations)? Naming none: does he recover a claim of this debtor?"""
    if creance is not None:
        return creance.responsable == Creance.Responsable.DIRECTEUR
    return debiteur.creances.filter(responsable=Creance.Responsable.DIRECTEUR).exists()


def de_cotisations(g: Garantie) -> bool:
    """Is the guarantee « en matière de cotisations » (§2.0.4)? Its claim is a
    cotisation or a majoration; naming no claim, its debtor has claims and all
    are cotisations or majorations."""
    if g.creance_id is not None:
        return g.creance.ligne.ordre.nature in NATURES_DU_DIRECTEUR
    natures = set(g.debiteur.creances.values_list("ligne__ordre__nature", flat=True))
    return bool(natures) and natures <= NATURES_DU_DIRECTEUR


def _libelle(g: Garantie) -> str:
    texte = f"{g.get_nature_display().capitalize()} : {g.objet}, {format_euros(g.montant)}"
    if g.nature == Garantie.Nature.HYPOTHEQUE:
        texte += (
            f" ; inscription du {g.inscrite_le:%d/%m/%Y} au bureau {g.bureau}, "
            f"périmée le {g.peremption_le:%d/%m/%Y}"
        )
    return texte


@atomique
def garantie_prendre(
    *,
    acting_user,
    debiteur: Debiteur,
    nature: str,
    montant,
    objet: str,
    prise_le: datetime.date,
    creance: Creance | None = None,
    inscrite_le: datetime.date | None = None,
    bureau: str = "",
    peremption_le: datetime.date | None = None,
) -> Garantie:
    """Record a guarantee or sûreté taken (annexe art. 13 al. 5; circ. §2.0.4)."""
    aujourdhui = horloge.aujourdhui()
    debiteur = Debiteur.objects.select_for_update().get(pk=debiteur.pk)
    if creance is not None:
        creance = Creance.objects.get(pk=getattr(creance, "pk", creance))
    qualite = directeur_ou_comptable(
        acting_user,
        aujourdhui,
        "enregistrer une garantie ou une sûreté",
        CODE_GARANTIE,
        directeur=_du_directeur(debiteur, creance),
    )
    if nature not in Garantie.Nature.values:
        raise DonneeInvalide(f"Nature de garantie inconnue : « {nature} ».")
    if creance is not None and creance.debiteur_id != debiteur.pk:
        raise DonneeInvalide(f"La créance « {creance} » n'est pas une créance de {debiteur.nom}.")
    objet = (objet or "").strip()
    if not objet:
        raise DonneeInvalide("Indiquez le bien grevé, le garant ou le droit garanti.")
    montant = montant_valide(montant, libelle="Le montant garanti")
    prise_le = date_acte(prise_le, "de la garantie", aujourdhui=aujourdhui)
    if nature == Garantie.Nature.HYPOTHEQUE:
        bureau = (bureau or "").strip()
        if inscrite_le is None or peremption_le is None or not bureau:
            raise DonneeInvalide(
                "Une hypothèque s'enregistre avec la date de son inscription, le bureau où elle "
                "est inscrite et la date de péremption de l'inscription."
            )
        inscrite_le = date_acte(inscrite_le, "d'inscription", aujourdhui=aujourdhui)
        if peremption_le <= inscrite_le:
            raise DonneeInvalide(
                f"L'inscription du {inscrite_le:%d/%m/%Y} ne peut être périmée le "
                f"{peremption_le:%d/%m/%Y} : la péremption suit l'inscription."
            )
    else:
        inscrite_le, bureau, peremption_le = None, "", None
    garantie = Garantie.objects.create(
        debiteur=debiteur,
        creance=creance,
        nature=nature,
        montant=montant,
        objet=objet[:255],
        prise_le=prise_le,
        inscrite_le=inscrite_le,
        bureau=bureau[:160],
        peremption_le=peremption_le,
        enregistree_par=acting_user,
        qualite=qualite,
    )
    journaliser(
        debiteur=debiteur,
        creance=creance,
        type=Acte.Type.GARANTIE,
        le=prise_le,
        libelle=_libelle(garantie),
        auteur=acting_user,
        qualite=qualite,
        montant=montant,
    )
    audit(
        acting_user, "recouvrement.garantie_prise", garantie, apres={"libelle": _libelle(garantie)}
    )
    return garantie


def _verrouiller(garantie: Garantie) -> Garantie:
    return (
        Garantie.objects.select_for_update(of=("self",))
        .select_related("debiteur", "creance__ligne__ordre")
        .get(pk=garantie.pk)
    )


def _hypotheque_en_vigueur(g: Garantie) -> None:
    if g.nature != Garantie.Nature.HYPOTHEQUE:
        raise TransitionInterdite(
            f"La garantie « {g.objet} » est un(e) {g.get_nature_display()} : seule une "
            "inscription hypothécaire se périme."
        )
    if g.etat != Garantie.Etat.EN_VIGUEUR:
        raise TransitionInterdite(
            f"Mainlevée a été donnée le {g.mainlevee_le:%d/%m/%Y} de l'hypothèque « {g.objet} »."
        )


@atomique
def peremption_signaler(*, acting_user, garantie: Garantie, signalee_le: datetime.date) -> Garantie:
    """The agent comptable records the day he signalled to the directeur the
    lapse date of a mortgage inscription (circ. 93/82 §2.0.4)."""
    aujourdhui = horloge.aujourdhui()
    g = _verrouiller(garantie)
    qualite = exiger_agent_comptable(
        acting_user,
        aujourdhui,
        "signaler au directeur la péremption d'une inscription hypothécaire",
        CODE_SIGNALER,
    )
    _hypotheque_en_vigueur(g)
    if de_cotisations(g):
        raise TransitionInterdite(
            f"L'inscription « {g.objet} » garantit des cotisations : l'agent comptable veille "
            "au maintien des droits, privilèges et hypothèques « sauf en matière de "
            f"cotisations » ({CIRC_204}) ; le directeur en suit lui-même la péremption.",
            details={"garantie": g.pk},
        )
    if g.signalee_le is not None:
        raise TransitionInterdite(
            f"La péremption au {g.peremption_le:%d/%m/%Y} de l'inscription « {g.objet} » a déjà "
            f"été signalée au directeur le {g.signalee_le:%d/%m/%Y}."
        )
    g.signalee_le = date_acte(
        signalee_le, "du signalement", aujourdhui=aujourdhui, au_plus_tot=g.inscrite_le
    )
    g.save(update_fields=["signalee_le"])
    journaliser(
        debiteur=g.debiteur,
        creance=g.creance,
        type=Acte.Type.AUTRE,
        le=g.signalee_le,
        libelle=(
            f"Péremption au {g.peremption_le:%d/%m/%Y} de l'inscription hypothécaire « {g.objet} » "
            "signalée au directeur"
        ),
        auteur=acting_user,
        qualite=qualite,
    )
    audit(
        acting_user,
        "recouvrement.peremption_signalee",
        g,
        apres={"signalee_le": g.signalee_le.isoformat()},
    )
    return g


@atomique
def garantie_renouveler(
    *,
    acting_user,
    garantie: Garantie,
    renouvelee_le: datetime.date,
    peremption_le: datetime.date,
) -> Garantie:
    """The inscription renewed: its new lapse date; the watch starts again."""
    aujourdhui = horloge.aujourdhui()
    g = _verrouiller(garantie)
    qualite = directeur_ou_comptable(
        acting_user,
        aujourdhui,
        "enregistrer le renouvellement d'une inscription",
        CODE_GARANTIE,
        directeur=_du_directeur(g.debiteur, g.creance),
    )
    _hypotheque_en_vigueur(g)
    renouvelee_le = date_acte(
        renouvelee_le, "du renouvellement", aujourdhui=aujourdhui, au_plus_tot=g.inscrite_le
    )
    if not isinstance(peremption_le, datetime.date) or peremption_le <= g.peremption_le:
        raise DonneeInvalide(
            f"La nouvelle date de péremption doit suivre l'actuelle ({g.peremption_le:%d/%m/%Y})."
        )
    avant = g.peremption_le
    g.renouvelee_le, g.peremption_le, g.signalee_le = renouvelee_le, peremption_le, None
    g.save(update_fields=["renouvelee_le", "peremption_le", "signalee_le"])
    journaliser(
        debiteur=g.debiteur,
        creance=g.creance,
        type=Acte.Type.GARANTIE,
        le=renouvelee_le,
        libelle=(
            f"Renouvellement de l'inscription hypothécaire « {g.objet} » : périmée le "
            f"{peremption_le:%d/%m/%Y} (au lieu du {avant:%d/%m/%Y})"
        ),
        auteur=acting_user,
        qualite=qualite,
        montant=g.montant,
    )
    audit(
        acting_user,
        "recouvrement.garantie_renouvelee",
        g,
        avant={"peremption_le": avant.isoformat()},
        apres={"peremption_le": peremption_le.isoformat()},
    )
    return g


@atomique
def garantie_lever(
    *, acting_user, garantie: Garantie, mainlevee_le: datetime.date, motif: str
) -> Garantie:
    """Record the mainlevée of a guarantee (MAINLEVEE in the journal)."""
    aujourdhui = horloge.aujourdhui()
    g = _verrouiller(garantie)
    qualite = directeur_ou_comptable(
        acting_user,
        aujourdhui,
        "enregistrer la mainlevée d'une garantie",
        CODE_GARANTIE,
        directeur=_du_directeur(g.debiteur, g.creance),
    )
    if g.etat == Garantie.Etat.LEVEE:
        raise TransitionInterdite(
            f"Mainlevée a déjà été donnée le {g.mainlevee_le:%d/%m/%Y} de « {g.objet} »."
        )
    motif = (motif or "").strip()
    if not motif:
        raise DonneeInvalide("Indiquez le motif de la mainlevée (créance soldée, décision…).")
    g.mainlevee_le = date_acte(
        mainlevee_le, "de la mainlevée", aujourdhui=aujourdhui, au_plus_tot=g.prise_le
    )
    g.etat = Garantie.Etat.LEVEE
    g.save(update_fields=["mainlevee_le", "etat"])
    journaliser(
        debiteur=g.debiteur,
        creance=g.creance,
        type=Acte.Type.MAINLEVEE,
        le=g.mainlevee_le,
        libelle=f"Mainlevée : {g.get_nature_display()} « {g.objet} »",
        resultat=motif,
        auteur=acting_user,
        qualite=qualite,
        montant=g.montant,
    )
    audit(acting_user, "recouvrement.garantie_levee", g, apres={"motif": motif})
    return g
