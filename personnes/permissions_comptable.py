"""The agent comptable's side: who may do his acts, and a fondé de pouvoir's procuration.

`exiger_comptable` is the guard of every act the agent comptable alone may
do. It reads the functions exercised that day (`fonctions_exercees_le`): the
agent comptable in office is the titular, or the interim's holder in his
place (circ. 93/82 §1.1.2); a fondé de pouvoir acts within the procuration
the board approved (circ. §1.1.1, `exiger_dans_procuration`).
`personnes.permissions` re-exports both: callers import them from there.
"""

from __future__ import annotations

import datetime
from contextvars import ContextVar
from decimal import Decimal

from django.db import connection

from core.acte_courant import codes_en_cours
from core.exceptions import DonneeInvalide, DroitInsuffisant
from core.money import format_euros
from core.money import montant as montant_valide
from personnes.memoire import memorise
from personnes.models import Fonction, Interim, Procuration
from personnes.models import nom_de as _nom
from personnes.selectors import (
    FONCTIONS_COMPTABLES,
    exercice_le,
    fonctions_exercees_le,
    fonctions_le,
    interim_en_cours,
)


def refus_comptable(acte: str) -> str:
    """The refusal of an act of the books to whoever is not the agent comptable:
    the services and the permission catalogue say the same sentence."""
    return (
        f"Seul l'agent comptable (ou son fondé de pouvoir) peut {acte} : "
        "la tenue de la comptabilité lui est réservée (circulaire 93/82 §1.1.1)."
    )


def exiger_comptable(
    utilisateur,
    jour: datetime.date,
    acte: str,
    *,
    code: str | None = None,
    montant: Decimal | str | None = None,
) -> None:
    """The agent comptable alone keeps the books (circ. 93/82 §1.1.1, §3.1).

    Whoever exercises, on `jour`, the agent comptable's functions
    (`fonctions_exercees_le`: the titular, or the interim's holder in his
    place, circ. §1.1.2) or a fondé de pouvoir's acts; the titular absent
    during an interim is refused, the message naming the intérimaire and the
    period. A fondé de pouvoir acting as such acts within his procuration
    (`exiger_dans_procuration`): `code` is the act's code in the droits
    catalogue, `montant` its amount when it has one. Nobody acts both as
    ordonnateur and as comptable (circ. §2.4.0).
    """
    exercees, interim = exercice_le(utilisateur, jour)
    fonctions = set(exercees)
    if not fonctions & FONCTIONS_COMPTABLES:
        absent = refus_titulaire_absent(utilisateur, jour, acte)
        if absent is not None:
            raise absent
        raise DroitInsuffisant(refus_comptable(acte), details={"fonctions": sorted(fonctions)})
    if Fonction.DIRECTEUR in fonctions or Fonction.DELEGUE in fonctions:
        raise DroitInsuffisant(
            "Une même personne ne peut être à la fois ordonnateur et comptable "
            "(séparation des fonctions, circulaire 93/82 §2.4.0).",
        )
    if Fonction.FONDE_DE_POUVOIR in fonctions and Fonction.AGENT_COMPTABLE not in fonctions:
        exiger_dans_procuration(utilisateur, code, montant, jour, acte=acte)
    if interim is not None:
        _exiger_dans_interim_partiel(utilisateur, code, jour, acte, interim)


def exiger_dans_interim_partiel(
    utilisateur, acte_code: str | None, jour: datetime.date, *, acte: str | None = None
) -> Interim | None:
    """A partial interim gives its holder the attributions its act of
    nomination lists, and those only (circ. 93/82 §1.1.2: « l'intérim est
    présumé général si l'acte de nomination de l'intérimaire ne restreint pas
    explicitement ses attributions »). The same rule as a procuration limited
    to some acts (`_acte_couvert`). The titular, absent, does not take back
    the other acts meanwhile (`refus_titulaire_absent`): they wait for his
    return or for another decision. Returns the partial interim the act is
    done under, or None when the rule does not apply."""
    return _exiger_dans_interim_partiel(utilisateur, acte_code, jour, acte, interim_en_cours(jour))


def _exiger_dans_interim_partiel(utilisateur, acte_code, jour, acte, interim) -> Interim | None:
    if interim is None or interim.utilisateur_id != utilisateur.pk or not interim.partiel:
        return None
    if _acte_couvert(utilisateur, interim.codes, ("interim", interim.pk), acte_code):
        _permettre(utilisateur, ("interim", interim.pk))
        return interim
    quoi = f"« {acte_code} »" if acte_code else f"« {acte or 'cet acte'} »"
    raise DroitInsuffisant(
        f"Votre intérim partiel n° {interim.pk} ({_nomination(interim)}, du "
        f"{interim.debut:%d/%m/%Y} au {interim.fin:%d/%m/%Y}) ne vous attribue que les actes "
        f"{', '.join(interim.codes)} : pas {quoi} ; les autres actes de l'agent comptable "
        "attendent son retour ou une autre décision (circulaire 93/82 §1.1.2).",
        details={
            "regle": "interim_partiel",
            "interim": interim.pk,
            "attributions": interim.codes,
            "acte": acte_code or acte,
            "le": jour.isoformat(),
        },
    )


def _nomination(interim: Interim) -> str:
    if interim.nomme_le is None:
        return interim.get_nature_display()
    return (
        f"{interim.get_nature_display()}, délibération {interim.deliberation} du "
        f"{interim.nomme_le:%d/%m/%Y}"
    )


def _acte_couvert(utilisateur, codes: list[str], cle: tuple, acte_code: str | None) -> bool:
    """Whether a list of allowed acts (a procuration's, a partial interim's;
    empty: all) covers the act: its code when it names one; otherwise the act
    a page or the API runs (`core.acte_courant`), or one this same grant
    already allowed in an enclosing block of the transaction (the posting of
    a payment is the payment's: `_actes_permis`). The grant that lets the act
    through is then kept for the blocks it encloses (`_permettre`)."""
    if not codes:
        return True
    if acte_code:
        return acte_code in codes
    return cle in _actes_permis(utilisateur) or bool(codes_en_cours() & set(codes))


def refus_titulaire_absent(
    utilisateur, jour: datetime.date, acte: str = "accomplir cet acte"
) -> DroitInsuffisant | None:
    """The refusal of the titular agent comptable while an interim covers
    `jour` (§1.1.2), naming the intérimaire and the period; None for anyone else."""
    if Fonction.AGENT_COMPTABLE not in fonctions_le(utilisateur, jour):
        return None
    interim = interim_en_cours(jour)
    if interim is None or interim.utilisateur_id == utilisateur.pk:
        return None
    partiel = (
        f" L'intérim est partiel (attributions : {', '.join(interim.codes)}) : les autres actes "
        "attendent votre retour."
        if interim.partiel
        else ""
    )
    return DroitInsuffisant(
        f"Du {interim.debut:%d/%m/%Y} au {interim.fin:%d/%m/%Y}, {_nom(interim.utilisateur)} "
        f"exerce les fonctions d'agent comptable ({interim.get_nature_display()}) : vous ne "
        f"pouvez pas {acte} pendant cet intérim, en cas de vacance d'emploi, d'absence "
        f"momentanée ou d'empêchement de l'agent comptable (circulaire 93/82 §1.1.2).{partiel}",
        details={
            "regle": "interim",
            "interim": interim.pk,
            "interimaire": interim.utilisateur_id,
            "debut": interim.debut.isoformat(),
            "fin": interim.fin.isoformat(),
            "portee": interim.portee,
        },
    )


@memorise
def _procurations_de(utilisateur) -> list[Procuration]:
    """The fondé de pouvoir's procurations, newest first (read once per request)."""
    return list(Procuration.objects.filter(fonde=utilisateur).order_by("-debut", "-id"))


def exiger_dans_procuration(
    utilisateur,
    acte_code: str | None,
    montant: Decimal | str | None,
    le: datetime.date | datetime.datetime,
    *,
    acte: str | None = None,
) -> Procuration | None:
    """A fondé de pouvoir acts only within his procuration (circ. 93/82 §1.1.1).

    Checked only for whoever acts as fondé de pouvoir at `le`: he holds that
    function but does not exercise the agent comptable's that day
    (`fonctions_exercees_le`: a fondé de pouvoir faisant fonction during the
    titular's absence holds the functions themselves, §1.1.2). He then needs a
    procuration in force that day, approved by the board, whose acts include
    `acte_code` (a code of `personnes.droits.CATALOGUE`; a procuration naming
    no act covers them all) and whose ceiling is not below `montant` (None:
    no amount to check; an amount the act itself will refuse is left to it).

    Without `acte_code` (`acte` is then the act's phrase), a procuration
    limited to some acts refuses the act, unless it is done within an act it
    allows: the act a page or the API runs (`core.acte_courant`), or one it
    already allowed in an enclosing block of the same transaction (the
    posting of a payment is the payment's: `_actes_permis`).

    Returns the procuration the act is done under, or None when the rule does
    not apply; raises `DroitInsuffisant` naming what stands in the way.
    """
    jour = le.date() if isinstance(le, datetime.datetime) else le
    if not getattr(utilisateur, "pk", None):
        return None
    fonctions = set(fonctions_exercees_le(utilisateur, jour))
    if Fonction.FONDE_DE_POUVOIR not in fonctions or Fonction.AGENT_COMPTABLE in fonctions:
        return None
    montant = _montant_lu(montant)
    procurations = [p for p in _procurations_de(utilisateur) if p.valide_le(jour)]
    quoi = f"« {acte_code} »" if acte_code else f"« {acte or 'cet acte'} »"
    contexte = {
        "acte": acte_code or acte,
        "le": jour.isoformat(),
        "montant": montant and str(montant),
    }
    if not procurations:
        raise DroitInsuffisant(
            f"Vous êtes fondé de pouvoir le {jour:%d/%m/%Y} sans procuration en vigueur agréée "
            "par le conseil d'administration : le fondé de pouvoir supplée l'agent comptable "
            "muni d'une procuration régulière (circulaire 93/82 §1.1.1).",
            details={"regle": "sans_procuration", **contexte},
        )
    couvrantes = [
        p
        for p in procurations
        if _acte_couvert(utilisateur, p.codes, ("procuration", p.pk), acte_code)
    ]
    if not couvrantes:
        p = procurations[0]
        raise DroitInsuffisant(
            f"Votre procuration n° {p.pk} (délibération {p.deliberation} du "
            f"{p.agreee_le:%d/%m/%Y}) ne vous permet que les actes {', '.join(p.codes)} : "
            f"pas {quoi} (circulaire 93/82 §1.1.1).",
            details={"regle": "acte", "procuration": p.pk, **contexte},
        )
    for p in couvrantes:
        if montant is None or p.montant_max is None or montant <= p.montant_max:
            _permettre(utilisateur, ("procuration", p.pk))
            return p
    p = couvrantes[0]
    raise DroitInsuffisant(
        f"Le montant de {format_euros(montant)} dépasse le plafond de "
        f"{format_euros(p.montant_max)} de votre procuration n° {p.pk} (délibération "
        f"{p.deliberation} du {p.agreee_le:%d/%m/%Y}) (circulaire 93/82 §1.1.1).",
        details={
            "regle": "plafond",
            "procuration": p.pk,
            "plafond": str(p.montant_max),
            **contexte,
        },
    )


def _montant_lu(montant) -> Decimal | None:
    """The act's amount, or None when there is none or it is not a valid
    amount (the act refuses it itself, in its own words)."""
    if montant is None:
        return None
    try:
        return montant_valide(montant, libelle="Le montant de l'acte")
    except DonneeInvalide:
        return None


# The acts a procuration allowed within the transaction in progress: an act
# (a payment) posts its entry through the ledger, whose own check names no
# act; that posting is the payment's, allowed with it. Each grant is kept
# with the PostgreSQL transaction and the savepoints it was made in: it
# lapses when that block ends (savepoint names are not reused within a
# transaction; a transaction is known by its backend and its start, which
# assigns no transaction id and reads in a read-only transaction too).
_PERMIS: ContextVar[tuple] = ContextVar("procurations_permises", default=())


def _bloc_en_cours() -> tuple[tuple, tuple] | None:
    if not connection.in_atomic_block:
        return None
    with connection.cursor() as curseur:
        curseur.execute("SELECT pg_backend_pid(), now()")
        return tuple(curseur.fetchone()), tuple(connection.savepoint_ids)


def _vivants(bloc) -> list[tuple]:
    """The grants made in `bloc` or in a block that encloses it."""
    if bloc is None:
        return []
    transaction, points = bloc
    return [g for g in _PERMIS.get() if g[1] == transaction and points[: len(g[2])] == g[2]]


def _permettre(utilisateur, cle: tuple) -> None:
    bloc = _bloc_en_cours()
    if bloc is not None:
        _PERMIS.set((*_vivants(bloc), (utilisateur.pk, bloc[0], bloc[1], cle)))


def _actes_permis(utilisateur) -> set[tuple]:
    """The grants (("procuration", id), ("interim", id)) that allowed an act
    of `utilisateur` in the blocks enclosing this one."""
    return {g[3] for g in _vivants(_bloc_en_cours()) if g[0] == utilisateur.pk}
