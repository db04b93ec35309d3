"""Writes about people's powers: one function per act, each atomic and audited.

The directeur delegates and withdraws (circ. 93/82 §1.0); the agent comptable
records that a delegation was notified to him; an interim of the agent
comptable is designated within its legal length (D253-14, circ. §1.1.2).
PostgreSQL refuses what breaks the tables' invariants (see `models.py`);
these services check the same rules first so that the person acting reads a
precise French message.
"""

from __future__ import annotations

import calendar
import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Q

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    SeparationDesFonctions,
    TransitionInterdite,
)
from core.money import montant as montant_valide
from core.verrous import verrouiller, verrouiller_tous
from personnes.models import Delegation, Fonction, Interim
from personnes.models import nom_de as _nom
from personnes.selectors import (
    FONCTIONS_COMPTABLES,
    FONCTIONS_COTE_COMPTABLE,
    FONCTIONS_ORDONNATRICES,
    fonctions_exercees_le,
    fonctions_le,
    fonctions_pendant,
    interim_le,
    interims_consecutifs,
    interims_pendant,
)
from personnes.termes_interim import termes_interim

CIRCULAIRE_DELEGATION = "circulaire 93/82 §1.0"
CIRCULAIRE_DUALITE = "circulaire 93/82 §1.1.1"
CIRCULAIRE_INTERIM = "article D253-14, circulaire 93/82 §1.1.2"


def _date(valeur, libelle: str) -> datetime.date:
    if not isinstance(valeur, datetime.date) or isinstance(valeur, datetime.datetime):
        raise DonneeInvalide(f"{libelle} doit être une date.")
    return valeur


def _periode(debut, fin) -> tuple[datetime.date, datetime.date]:
    debut, fin = _date(debut, "La date de début"), _date(fin, "La date de fin")
    if fin < debut:
        raise DonneeInvalide(
            f"La date de fin ({fin:%d/%m/%Y}) précède la date de début ({debut:%d/%m/%Y})."
        )
    return debut, fin


def _libelles(fonctions) -> str:
    return ", ".join(Fonction(f).label for f in fonctions)


def _verrouiller_utilisateur(utilisateur) -> None:
    """Serialise the acts on one person's powers: checks of overlap then hold until commit."""
    list(verrouiller_tous(get_user_model().objects.filter(pk=utilisateur.pk)).values_list("pk"))


def _exiger_directeur(utilisateur, jour: datetime.date, acte: str) -> None:
    fonctions = fonctions_le(utilisateur, jour)
    if Fonction.DIRECTEUR not in fonctions:
        raise DroitInsuffisant(
            f"Seul le directeur peut {acte} ; vous ne l'êtes pas le {jour:%d/%m/%Y} "
            f"({CIRCULAIRE_DELEGATION} : le directeur délègue une partie de ses pouvoirs sous sa "
            "responsabilité).",
            details={"fonctions": sorted(fonctions), "le": jour.isoformat()},
        )


def normaliser_classes_comptes(classes_comptes: str) -> str:
    """`" 75, 76 "` → `"75,76"`; refuses anything but account-number prefixes."""
    prefixes = [p.strip() for p in (classes_comptes or "").split(",") if p.strip()]
    for prefixe in prefixes:
        if not prefixe.isascii() or not prefixe.isdigit():
            raise DonneeInvalide(
                f"« {prefixe} » n'est pas un début de numéro de compte : indiquez des chiffres "
                "séparés par des virgules (par exemple « 75,76 »), ou rien pour tous les comptes."
            )
    return ",".join(dict.fromkeys(prefixes))


def _prefixes_se_recouvrent(a: list[str], b: list[str]) -> bool:
    """Whether some account is covered by both lists (an empty list covers every account)."""
    if not a or not b:
        return True
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


# --- Delegations -------------------------------------------------------------


@transaction.atomic
def delegation_creer(
    *,
    acting_user,
    delegataire,
    type: str,
    nature: str,
    debut: datetime.date,
    fin: datetime.date,
    specimen_signature: str,
    montant_max: Decimal | str | int | None = None,
    classes_comptes: str = "",
) -> Delegation:
    """The directeur delegates his signature or his power to an agent (circ. 93/82 §1.0).

    The act names the beneficiary, the nature of the operations, the period
    and the delegate's specimen signature; it may restrict the accounts and
    set a ceiling. It counts only once notified to the agent comptable
    (`delegation_notifier`).

    Refused: an author who is not directeur on the first day; a beneficiary
    who acts for the agent comptable during the period (agent comptable,
    fondé de pouvoir, mandataire, régisseur, intérim), since the dualité de
    délégation du directeur et de l'agent comptable is forbidden (circ.
    §1.1.1), or for the tutelle (auditeur: the directeur delegates to "certains
    agents de l'organisme", §1.0); a beneficiary who is not délégué du
    directeur on the first day (the delegation holds while he keeps that
    affectation: `personnes.permissions.pouvoir_ordonnateur`); a second
    delegation to the same person for the same nature whose period and
    accounts meet those of one not withdrawn from the same delegator, since
    two ceilings would then apply to the same order. PostgreSQL refuses the
    same beneficiaries and authors (`personnes_delegation_verifier`,
    migration 0003).
    """
    debut, fin = _periode(debut, fin)
    _exiger_directeur(acting_user, debut, "déléguer sa signature ou son pouvoir")
    if type not in Delegation.Type.values:
        raise DonneeInvalide(
            f"Type de délégation inconnu : « {type} » (délégation de signature ou de pouvoir)."
        )
    if nature not in Delegation.Nature.values:
        raise DonneeInvalide(
            f"Nature d'opérations inconnue : « {nature} » (ordres de recette ou de dépense)."
        )
    specimen_signature = (specimen_signature or "").strip()
    if not specimen_signature:
        raise DonneeInvalide(
            "Le spécimen de la signature et du paraphe du délégué est obligatoire "
            f"({CIRCULAIRE_DELEGATION})."
        )
    if montant_max is not None and montant_max != "":
        montant_max = montant_valide(montant_max, libelle="Le plafond de la délégation")
    else:
        montant_max = None
    classes_comptes = normaliser_classes_comptes(classes_comptes)
    if delegataire is None or not getattr(delegataire, "pk", None):
        raise DonneeInvalide(f"La délégation désigne son bénéficiaire ({CIRCULAIRE_DELEGATION}).")
    if delegataire.pk == acting_user.pk:
        raise DonneeInvalide(
            f"Le directeur ne se délègue pas à lui-même : la délégation désigne un autre agent "
            f"de l'organisme ({CIRCULAIRE_DELEGATION})."
        )

    _verrouiller_utilisateur(delegataire)
    pendant = set(fonctions_pendant(delegataire, debut, fin))
    cote_comptable = sorted(pendant & FONCTIONS_COTE_COMPTABLE)
    interims = interims_pendant(delegataire, debut, fin)
    if cote_comptable or interims:
        exercees = _libelles(cote_comptable) if cote_comptable else "intérim de l'agent comptable"
        raise SeparationDesFonctions(
            f"{_nom(delegataire)} agit pour l'agent comptable entre le {debut:%d/%m/%Y} et le "
            f"{fin:%d/%m/%Y} ({exercees}) : la dualité de délégation du directeur et de l'agent "
            f"comptable est interdite ({CIRCULAIRE_DUALITE}).",
            details={
                "delegataire": delegataire.pk,
                "fonctions": cote_comptable,
                "interims": [i.pk for i in interims],
            },
        )
    if Fonction.AUDITEUR in pendant:
        raise SeparationDesFonctions(
            f"{_nom(delegataire)} exerce entre le {debut:%d/%m/%Y} et le {fin:%d/%m/%Y} la "
            "fonction d'auditeur (tutelle) : celui qui contrôle l'organisme n'agit pas pour son "
            "directeur, qui ne délègue qu'à « certains agents de l'organisme » "
            f"({CIRCULAIRE_DELEGATION}).",
            details={"delegataire": delegataire.pk, "fonctions": [Fonction.AUDITEUR]},
        )
    if Fonction.DELEGUE not in fonctions_le(delegataire, debut):
        raise DonneeInvalide(
            f"{_nom(delegataire)} n'est pas délégué du directeur le {debut:%d/%m/%Y} : la "
            "délégation va à un agent affecté à cette fonction, et tombe quand il la quitte "
            f"({CIRCULAIRE_DELEGATION}).",
            details={
                "delegataire": delegataire.pk,
                "fonctions": sorted(fonctions_le(delegataire, debut)),
            },
        )

    prefixes = [p for p in classes_comptes.split(",") if p]
    for existante in Delegation.objects.filter(
        delegant=acting_user,
        delegataire=delegataire,
        nature=nature,
        debut__lte=fin,
        fin__gte=debut,
        retiree_le__isnull=True,
    ):
        if _prefixes_se_recouvrent(prefixes, existante.prefixes):
            raise TransitionInterdite(
                f"{_nom(delegataire)} tient déjà la délégation n° {existante.pk} sur les "
                f"{existante.get_nature_display()} du {existante.debut:%d/%m/%Y} au "
                f"{existante.fin:%d/%m/%Y}, pour des comptes qui recoupent ceux-ci : retirez-la "
                "d'abord, une seule délégation fixe la nature, les comptes et le plafond d'un "
                f"même acte ({CIRCULAIRE_DELEGATION}).",
                details={"delegation_existante": existante.pk},
            )

    delegation = Delegation.objects.create(
        delegant=acting_user,
        delegataire=delegataire,
        type=type,
        nature=nature,
        classes_comptes=classes_comptes,
        montant_max=montant_max,
        debut=debut,
        fin=fin,
        specimen_signature=specimen_signature,
    )
    audit(
        acting_user,
        "delegation.creee",
        delegation,
        apres={
            "delegant": acting_user.pk,
            "delegataire": delegataire.pk,
            "type": type,
            "nature": nature,
            "classes_comptes": classes_comptes,
            "montant_max": montant_max,
            "debut": debut,
            "fin": fin,
        },
    )
    return delegation


@transaction.atomic
def delegation_notifier(*, acting_user, delegation: Delegation, le: datetime.date) -> Delegation:
    """The agent comptable records the day a delegation was notified to him (circ. 93/82 §1.0).

    Until then the delegate may not use it. Recorded by the agent comptable or
    whoever acts as such that day (fondé de pouvoir, intérim), never by the
    directeur's side.
    """
    le = _date(le, "La date de notification")
    if le > horloge.aujourdhui():
        raise DonneeInvalide(
            f"La notification se date du jour où l'agent comptable l'a reçue : le {le:%d/%m/%Y} "
            "n'est pas encore venu."
        )
    fonctions = set(fonctions_le(acting_user, le))
    comptable = bool(fonctions & FONCTIONS_COMPTABLES) or interim_le(acting_user, le) is not None
    if not comptable or fonctions & FONCTIONS_ORDONNATRICES:
        raise DroitInsuffisant(
            "Seul l'agent comptable (ou son fondé de pouvoir) enregistre la notification d'une "
            f"délégation : c'est à lui qu'elle est notifiée ({CIRCULAIRE_DELEGATION}).",
            details={"fonctions": sorted(fonctions), "le": le.isoformat()},
        )
    delegation = verrouiller(Delegation, delegation.pk)
    if delegation.notifiee_le is not None:
        raise TransitionInterdite(
            f"La délégation n° {delegation.pk} a déjà été notifiée le "
            f"{delegation.notifiee_le:%d/%m/%Y}."
        )
    if delegation.retiree_le is not None:
        raise TransitionInterdite(
            f"La délégation n° {delegation.pk} a été retirée le "
            f"{delegation.retiree_le:%d/%m/%Y} : elle ne se notifie plus."
        )
    delegation.notifiee_le = le
    delegation.save(update_fields=["notifiee_le"])
    audit(
        acting_user,
        "delegation.notifiee",
        delegation,
        avant={"notifiee_le": None},
        apres={"notifiee_le": le},
    )
    return delegation


@transaction.atomic
def delegation_retirer(*, acting_user, delegation: Delegation, le: datetime.date) -> Delegation:
    """The directeur withdraws a delegation; it no longer holds from `le` on (circ. 93/82 §1.0).

    The row stays, dated, so that orders signed before keep the capacity they
    were signed under.
    """
    le = _date(le, "La date du retrait")
    _exiger_directeur(acting_user, le, "retirer une délégation")
    delegation = verrouiller(Delegation, delegation.pk)
    if delegation.retiree_le is not None:
        raise TransitionInterdite(
            f"La délégation n° {delegation.pk} a déjà été retirée le "
            f"{delegation.retiree_le:%d/%m/%Y}."
        )
    if le < horloge.aujourdhui():
        # A withdrawal dated in the past would take back, after the fact, the
        # capacity in which orders were signed under the délégation meanwhile.
        raise DonneeInvalide(
            f"Un retrait prend effet au plus tôt le jour où il est décidé : il ne se date pas du "
            f"{le:%d/%m/%Y}, avant aujourd'hui ({horloge.aujourdhui():%d/%m/%Y}), ce qui retirerait "
            "après coup la qualité des actes faits entre-temps sous la délégation."
        )
    delegation.retiree_le = le
    delegation.save(update_fields=["retiree_le"])
    audit(
        acting_user,
        "delegation.retiree",
        delegation,
        avant={"retiree_le": None},
        apres={"retiree_le": le},
    )
    return delegation


# --- Interim of the agent comptable --------------------------------------------


def fin_maximale_interim(debut: datetime.date, mois: int) -> datetime.date:
    """Last day of an interim of `mois` months from `debut`.

    Mirrors PostgreSQL's `debut + interval 'n months' - interval '1 day'`
    used by the table's CHECK: adding months keeps the day of the month,
    clamped to the month's last day.
    """
    annee, mois_0 = divmod(debut.month - 1 + mois, 12)
    annee += debut.year
    jour = min(debut.day, calendar.monthrange(annee, mois_0 + 1)[1])
    return datetime.date(annee, mois_0 + 1, jour) - datetime.timedelta(days=1)


def _qui_assure(nature: str) -> str:
    return (
        "Le fondé de pouvoir n'assure les fonctions d'agent comptable"
        if nature == Interim.Nature.FONDE_DE_POUVOIR
        else "L'agent comptable intérimaire n'est nommé"
    )


def _exiger_duree_consecutive(utilisateur, nature: str, debut, fin) -> None:
    """The cap holds over consecutive periods, not per row (D253-14, circ.
    93/82 §1.1.2): chained with the same person's interims of the same
    nature that touch it with no day between them, the new one must still
    end within the cap counted from the chain's first day. PostgreSQL
    refuses the same (personnes 0005, LG606)."""
    mois = Interim.DUREE_MAX_MOIS[nature]
    premier, dernier, chaine = interims_consecutifs(utilisateur, nature, debut, fin)
    fin_max = fin_maximale_interim(premier, mois)
    if dernier <= fin_max:
        return
    deja = "les intérims déjà enregistrés" if len(chaine) > 1 else "l'intérim déjà enregistré"
    precedents = ", ".join(f"du {i.debut:%d/%m/%Y} au {i.fin:%d/%m/%Y}" for i in chaine)
    raise DonneeInvalide(
        f"{_qui_assure(nature)} que pour {mois} mois au plus, sur des périodes consécutives "
        f"comme sur une seule : avec {deja} ({precedents}), "
        f"{_nom(utilisateur)} l'exercerait sans interruption du {premier:%d/%m/%Y} au "
        f"{dernier:%d/%m/%Y}, au-delà du {fin_max:%d/%m/%Y} ({CIRCULAIRE_INTERIM}).",
        details={
            "duree_max_mois": mois,
            "debut_chaine": premier.isoformat(),
            "fin_chaine": dernier.isoformat(),
            "fin_maximale": fin_max.isoformat(),
            "interims": [i.pk for i in chaine],
        },
    )


@transaction.atomic
def interim_designer(
    *,
    acting_user,
    utilisateur,
    nature: str,
    debut: datetime.date,
    fin: datetime.date,
    portee: str = Interim.Portee.GENERAL,
    attributions: str | list[str] = "",
    nomme_le: datetime.date | None = None,
    deliberation: str = "",
) -> Interim:
    """Someone acts as agent comptable while the post is vacant or its holder absent.

    R122-4 and D253-14: the fondé de pouvoir steps in for at most 3 months;
    the agent comptable intérimaire named by the board serves at most 6 months
    (circ. 93/82 §1.1.2), over consecutive periods of the same person and
    nature as over one (`_exiger_duree_consecutive`). Recorded by the
    directeur or the agent comptable.
    Only one interim at a time; the interim never belongs to the directeur's
    side (circ. §2.4.0, §1.1.1). Its terms (`personnes.termes_interim`):
    général, presumed, or partiel with the acts it gives (`attributions`);
    for an intérimaire, the board's decision (`nomme_le`, `deliberation`).
    """
    aujourd_hui = horloge.aujourdhui()
    # the agent comptable in office that day: an intérimaire as well (circ. §1.1.2)
    fonctions_acteur = set(fonctions_exercees_le(acting_user, aujourd_hui))
    if not fonctions_acteur & {Fonction.DIRECTEUR, Fonction.AGENT_COMPTABLE}:
        raise DroitInsuffisant(
            "Seuls le directeur ou l'agent comptable enregistrent l'intérim de l'agent comptable "
            f"({CIRCULAIRE_INTERIM}).",
            details={"fonctions": sorted(fonctions_acteur)},
        )
    if nature not in Interim.Nature.values:
        raise DonneeInvalide(
            f"Nature d'intérim inconnue : « {nature} » (fonde_de_pouvoir ou interimaire)."
        )
    debut, fin = _periode(debut, fin)
    termes = termes_interim(
        nature=nature,
        debut=debut,
        portee=portee,
        attributions=attributions,
        nomme_le=nomme_le,
        deliberation=deliberation,
    )
    mois = Interim.DUREE_MAX_MOIS[nature]
    fin_max = fin_maximale_interim(debut, mois)
    if fin > fin_max:
        raise DonneeInvalide(
            f"{_qui_assure(nature)} que pour {mois} mois au plus : un intérim commençant le {debut:%d/%m/%Y} "
            f"prend fin au plus tard le {fin_max:%d/%m/%Y}, pas le {fin:%d/%m/%Y} "
            f"({CIRCULAIRE_INTERIM}).",
            details={"duree_max_mois": mois, "fin_maximale": fin_max.isoformat()},
        )
    if utilisateur is None or not getattr(utilisateur, "pk", None):
        raise DonneeInvalide("L'intérim désigne la personne qui l'assure.")
    if nature == Interim.Nature.FONDE_DE_POUVOIR and Fonction.FONDE_DE_POUVOIR not in fonctions_le(
        utilisateur, debut
    ):
        raise DonneeInvalide(
            f"{_nom(utilisateur)} n'est pas fondé de pouvoir de l'agent comptable le "
            f"{debut:%d/%m/%Y} : seul le fondé de pouvoir assure de droit les fonctions d'agent "
            f"comptable ({CIRCULAIRE_INTERIM}).",
        )

    _verrouiller_utilisateur(utilisateur)
    ordonnatrices = sorted(
        set(fonctions_pendant(utilisateur, debut, fin)) & FONCTIONS_ORDONNATRICES
    )
    delegations = list(
        utilisateur.delegations_recues.filter(debut__lte=fin, fin__gte=debut).filter(
            Q(retiree_le__isnull=True) | Q(retiree_le__gt=debut)
        )
    )
    if ordonnatrices or delegations:
        tenues = (
            _libelles(ordonnatrices)
            if ordonnatrices
            else ", ".join(f"délégation n° {d.pk}" for d in delegations)
        )
        raise SeparationDesFonctions(
            f"{_nom(utilisateur)} agit pour le directeur entre le {debut:%d/%m/%Y} et le "
            f"{fin:%d/%m/%Y} ({tenues}) : une même personne ne peut être à la fois ordonnateur et "
            "comptable (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1).",
            details={"fonctions": ordonnatrices, "delegations": [d.pk for d in delegations]},
        )

    # One agent comptable at a time: serialise designations, then look for overlap.
    with connection.cursor() as curseur:
        curseur.execute("SELECT pg_advisory_xact_lock(hashtext('personnes_interim'))")
    chevauchant = Interim.objects.filter(debut__lte=fin, fin__gte=debut).first()
    if chevauchant is not None:
        raise TransitionInterdite(
            f"Un intérim de l'agent comptable court déjà sur cette période : {chevauchant}. "
            "Une seule personne exerce à la fois les fonctions d'agent comptable "
            f"({CIRCULAIRE_INTERIM}).",
            details={"interim_existant": chevauchant.pk},
        )

    _exiger_duree_consecutive(utilisateur, nature, debut, fin)

    interim = Interim.objects.create(
        utilisateur=utilisateur, nature=nature, debut=debut, fin=fin, **termes.audit()
    )
    audit(
        acting_user,
        "interim.designe",
        interim,
        apres={
            "utilisateur": utilisateur.pk,
            "nature": nature,
            "debut": debut,
            "fin": fin,
            **termes.audit(),
        },
    )
    return interim
