"""The acts of amicable recovery (D253-16 al. 1; circ. 93/82 §2.0, §2.0.5).

« L'agent comptable adresse les premières relances, peut accorder des délais
de paiement sous sa propre responsabilité au débiteur qui justifie par écrit
sa demande, et transmet les échecs au directeur qui est seul chargé du
recouvrement contentieux » (circ. 93/82 §2.0.5, as DOMAIN.md §2 reads it).

Who acts
--------
- The claims other than cotisations and majorations are the agent comptable's
  (`Creance.responsable` = comptable): he (or his fondé de pouvoir, within
  his procuration) reminds, grants delays, records a default and hands over;
  the directeur is refused (separation of ordonnateur and comptable,
  circ. 93/82 §2.4.0).
- Cotisations and majorations are the directeur's from the start
  (D253-16 al. 1): on those he himself sends the reminders and grants the
  delays, with the same services; the agent comptable is refused there.
  There is nothing to hand over: the claim is already his.
- A claim handed over is the directeur's for contentious recovery: no
  amicable act is done on it any more (`recouvrement.contentieux`).

Each act is one transaction: who acts, the French refusal that changes
nothing, the state (`Creance.stade`), one row of the journal (`Acte`) per
claim, an audit row. None posts to the ledger: a reminder, a delay, a default
or a hand-over moves no money. The payments themselves are receipts of the
treasury allocated to the claim's line.

The delays are in `amiable_delais` (re-exported here), what the acts share
in `amiable_communs`, the reads in `amiable_lecture`; the provider of what
falls due (`a_echoir`) is in `amiable_echeances`, imported here so that the
registry finds it.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import connection
from django.db.models import Max

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    TransitionInterdite,
)
from core.money import ZERO, format_euros
from core.saisie import texte
from recouvrement import amiable_lecture as lecture
from recouvrement.amiable_communs import (
    D253_16,
    _atomique,
    _designation,
    _exiger_exigible_impayee,
    _exiger_pas_sous_delai,
    _ligne,
    _stade,
    exiger_acteur,
    majuscule,
    qualite_de,
)
from recouvrement.amiable_delais import (
    EcheanceSaisie,
    _defaillance_ecrire,
    defaillance_constater,
    delai_accorder,
)
from recouvrement.models import (
    Acte,
    Creance,
    DelaiPaiement,
    LettreRelance,
    LigneRelance,
    LotRelances,
)
from recouvrement.services import creance_de, journaliser

__all__ = [
    "EcheanceSaisie",
    "compte_rendu_auto",
    "creance_transmettre",
    "defaillance_constater",
    "delai_accorder",
    "exiger_acteur",
    "qualite_de",
    "relances_envoyer",
]

# --- Relances ---------------------------------------------------------------------


def _exiger_pas_relancee_le(creance: Creance, le: datetime.date) -> None:
    """One reminder a day for a claim: a batch sent again the same day (a
    retried request, two persons at once) would send the debtor two letters."""
    deja = creance.relances.filter(lettre__lot__le=le).select_related("lettre__lot").first()
    if deja is not None:
        raise TransitionInterdite(
            f"La créance de {creance.debiteur.nom} sur l'ordre de recette n° "
            f"{creance.ligne.ordre.reference} a déjà été relancée aujourd'hui ({le:%d/%m/%Y}), "
            f"par le lot n° {deja.lettre.lot.reference} : une relance par jour au plus.",
            details={"creance": creance.pk, "lot": deja.lettre.lot.reference},
        )


@_atomique
def relances_envoyer(*, acting_user, lignes) -> LotRelances:
    """Send a batch of reminders, dated today: one letter per debtor listing
    his claims, each at its next rank; one act « relance » per claim, stage
    RELANCE. Refused as a whole when one claim may not be reminded."""
    le = horloge.aujourdhui()
    ids = sorted({getattr(lg, "pk", lg) for lg in lignes or []})
    if not ids:
        raise DonneeInvalide("Choisissez au moins une créance à relancer.")
    par_debiteur: dict = defaultdict(list)
    qualite = ""
    for pk in ids:
        creance = creance_de(_ligne(pk), le)
        qualite = exiger_acteur(
            acting_user, creance, le, "relancer le débiteur", "recouvrement.relancer"
        )
        reste = _exiger_exigible_impayee(creance, le, "relancer le débiteur")
        _exiger_pas_sous_delai(creance, le, "relancer le débiteur")
        _exiger_pas_relancee_le(creance, le)
        par_debiteur[creance.debiteur].append((creance, reste))
    # Two batches at once wait for each other: numbers follow without a gap.
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT pg_advisory_xact_lock(hashtext('recouvrement_lotrelances'), %s)", [le.year]
        )
    numero = (LotRelances.objects.filter(annee=le.year).aggregate(m=Max("numero"))["m"] or 0) + 1
    lot = LotRelances.objects.create(
        annee=le.year, numero=numero, le=le, par=acting_user, qualite=qualite
    )
    for debiteur, creances in sorted(par_debiteur.items(), key=lambda p: p[0].nom):
        lettre = LettreRelance.objects.create(lot=lot, debiteur=debiteur, rang=1, total=ZERO)
        rang_max, total = 0, ZERO
        for creance, reste in creances:
            rang = lecture.derniere_relance(creance) + 1
            acte = journaliser(
                debiteur=debiteur,
                creance=creance,
                type=Acte.Type.RELANCE,
                le=le,
                libelle=(
                    f"{'1re' if rang == 1 else f'{rang}e'} relance (lot n° {lot.reference}) : "
                    f"ordre n° {creance.ligne.ordre.reference}, reste {format_euros(reste)}"
                ),
                auteur=acting_user,
                qualite=qualite,
                montant=reste,
            )
            LigneRelance.objects.create(
                lettre=lettre, creance=creance, rang=rang, reste=reste, acte=acte
            )
            _stade(creance, Creance.Stade.RELANCE)
            rang_max, total = max(rang_max, rang), total + reste
        lettre.rang, lettre.total = rang_max, total
        lettre.save(update_fields=["rang", "total"])
    audit(
        acting_user,
        "recouvrement.relances_envoyer",
        lot,
        apres={"lot": lot.reference, "lignes": ids, "lettres": len(par_debiteur)},
    )
    return lot


# --- Transmission au directeur --------------------------------------------------


def compte_rendu_auto(creance: Creance) -> str:
    """The amicable attempts, one line per act of the journal."""
    lignes = [
        f"{a.le:%d/%m/%Y} — {a.get_type_display()} : {a.libelle}"
        + (f" ({a.resultat})" if a.resultat else "")
        for a in lecture.journal(creance)
    ]
    return "\n".join(lignes) or "Aucune tentative de recouvrement amiable enregistrée."


@_atomique
def creance_transmettre(*, acting_user, ligne, compte_rendu: str = "") -> Creance:
    """Hand the failure of amicable recovery to the directeur, "qui est seul
    chargé du recouvrement contentieux" (circ. 93/82 §2.0.5), with its file:
    the compte rendu of the attempts (the agent comptable's words, followed by
    the journal's acts). The claim becomes the directeur's (responsable,
    transmise_le/par), stage TRANSMISE, act « transmission au directeur »."""
    le = horloge.aujourdhui()
    creance = creance_de(_ligne(ligne), le)
    if creance.transmise_le is None and creance.responsable == Creance.Responsable.DIRECTEUR:
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} est recouvrée par le directeur depuis "
            f"l'origine ({D253_16}, alinéa 1) : il n'y a rien à lui transmettre."
        )
    qualite = exiger_acteur(
        acting_user, creance, le, "transmettre la créance au directeur", "recouvrement.transmettre"
    )
    reste = _exiger_exigible_impayee(creance, le, "transmettre la créance au directeur")
    _exiger_pas_sous_delai(creance, le, "la transmettre au directeur")
    delai = lecture.delai_en_cours(creance)
    if (
        delai is None
        and not creance.relances.exists()
        and not creance.delais.filter(etat=DelaiPaiement.Etat.DEFAILLANT).exists()
    ):
        raise TransitionInterdite(
            f"{majuscule(_designation(creance))} n'a fait l'objet d'aucune tentative de "
            "recouvrement amiable : ni relance, ni délai de paiement défaillant. L'agent "
            "comptable rend compte au directeur « lorsque les tentatives de recouvrement amiable "
            "se sont avérées infructueuses » (circulaire 93/82 §2.0.5) : relancez d'abord le "
            "débiteur.",
            details={"creance": creance.pk},
        )
    propre = texte(compte_rendu, "Le compte rendu", obligatoire=False, longueur=5000)
    if delai is not None:
        # A running échéancier, in default (`_exiger_pas_sous_delai` refused an
        # honoured one), whose default was not recorded: the hand-over records
        # it first, with its act and its audit row, as `defaillance_constater`.
        _defaillance_ecrire(acting_user, delai, creance, le, qualite)
    journal = compte_rendu_auto(creance)
    creance.compte_rendu = (
        (f"{propre}\n\n" if propre else "") + "Actes du recouvrement amiable :\n" + journal
    )
    creance.responsable = Creance.Responsable.DIRECTEUR
    creance.transmise_le = le
    creance.transmise_par = acting_user
    creance.stade = Creance.Stade.TRANSMISE
    creance.save(
        update_fields=["responsable", "transmise_le", "transmise_par", "stade", "compte_rendu"]
    )
    journaliser(
        debiteur=creance.debiteur,
        creance=creance,
        type=Acte.Type.TRANSMISSION,
        le=le,
        libelle=(
            f"Transmission au directeur pour le recouvrement contentieux : ordre n° "
            f"{creance.ligne.ordre.reference}, reste {format_euros(reste)}"
        ),
        auteur=acting_user,
        qualite=qualite,
        montant=reste,
        resultat=propre,
    )
    audit(
        acting_user,
        "recouvrement.transmettre",
        creance,
        avant={"responsable": Creance.Responsable.COMPTABLE},
        apres={"responsable": creance.responsable, "transmise_le": le, "reste": reste},
    )
    return creance


from recouvrement import amiable_echeances  # noqa: E402, F401 (registers the provider)
