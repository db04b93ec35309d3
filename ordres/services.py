"""What every order does, whether de recette or de dépense, written once.

Each kind declares itself as a `Sorte` (its model, the name of its acts and
of its delegation nature, its source text, what its signature covers and what
it checks before signing); `recettes.services` and `depenses.services` call
the acts below with it and add their own acts (prise en charge, visa...).

- Guards: `exiger_ordonnateur`, `exiger_etat`, `exiger_transition` (by the
  kind's `TRANSITIONS` table), `exiger_comptable_distinct`, `selection_plan`,
  `exiger_pieces` (no signature without pièces or their references),
  `exiger_delai_emission` (a draft signed within its exercise's délai).
- Exercise: `exercice_emission` (the exercise of the fait, or the current one
  for an order issued after its période complémentaire, with the reason).
- Acts: `creer` (an order and its pièces in one transaction), `joindre_piece`,
  `signer` / `signer_avec_mot_de_passe` / `signer_lot` (the parapheur: one
  password entry, each order signed on its own, a database refusal
  translated), `transmettre`.
- Reads: `empreinte` (SHA-256 of a canonical JSON), `derniere_signature`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, models, transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from core import horloge
from core.audit import audit
from core.exceptions import (
    ApplicationError,
    DonneeInvalide,
    ExerciceClos,
    ExerciceInvalide,
    SeparationDesFonctions,
    TransitionInterdite,
    erreur_base,
    relever_erreur_base,
)
from core.money import format_euros
from core.pieces import controler_fichier, enregistrer_piece
from core.verrous import partager, verrouiller
from ledger.models import Exercice
from ordres.models import BROUILLON, SIGNE, TRANSMIS
from personnes.permissions import (
    CIRCULAIRE_SEPARATION,
    Capacite,
    exiger_comptable,
    exiger_pouvoir_ordonnateur,
    pouvoir_ordonnateur,
)
from personnes.signature import verifier_mot_de_passe
from reglementation.selectors import Rattachement

# --- Guards ---------------------------------------------------------------------------


def exiger_delai_emission(exercice, *, article: str, limite, le) -> None:
    """A draft is signed into its exercise only while it is not closed and, for
    a past exercise, within its période complémentaire (D253-17: 10 days;
    D253-17-1: 2 months or 1 month), whose last day is `limite`. The draft's
    number belongs to that exercise: past the délai, the order is issued
    again, and `exercice_emission` then places it in the current exercise."""
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : aucun ordre ne peut plus y être émis. "
            "Abandonnez ce brouillon et émettez l'ordre de nouveau : il sera rattaché à "
            "l'exercice en cours."
        )
    if le > limite:
        raise ExerciceInvalide(
            f"L'ordre relève de l'exercice {exercice.annee} ({article}) : sa période complémentaire "
            f"s'est achevée le {limite:%d/%m/%Y}, il ne peut plus être émis dans cet exercice. "
            "Abandonnez ce brouillon et émettez l'ordre de nouveau : il sera rattaché à "
            "l'exercice en cours."
        )


@dataclass(frozen=True)
class Emission:
    """Where an order is issued: its exercise, the last day it may be signed
    there, and why it is not the exercise of its fait (empty when it is)."""

    exercice: Exercice
    limite: datetime.date
    motif: str = ""


def exercice_emission(regle: Rattachement, *, le: datetime.date) -> Emission:
    """The exercise an order issued on `le` goes to (D253-17, D253-17-1,
    D253-19, D253-19-1; circ. 93/82 §2.0.7, §2.1.7).

    `regle` (reglementation.rattachement) names the exercise of the order's
    fait and the end of its période complémentaire. Issued by then, the order
    goes to that exercise. Issued later, or once that exercise is closed, it
    goes to the current exercise, the one of `le`: the délai decides the
    exercise, it does not extinguish the claim or the debt. The reason is
    returned, to be written on the order and shown with it.
    """
    exercice = Exercice.objects.filter(annee=regle.annee).first()
    clos = exercice is not None and exercice.etat == Exercice.Etat.CLOS
    if not clos and le <= regle.limite_emission:
        if exercice is None:
            raise ExerciceInvalide(
                f"L'ordre relève de l'exercice {regle.annee} ({regle.article}), qui n'est pas ouvert."
            )
        return Emission(exercice, regle.limite_emission)
    if clos:
        cause = f"l'exercice {regle.annee} est clos"
    else:
        cause = (
            f"après la fin de la période complémentaire de l'exercice {regle.annee} "
            f"le {regle.limite_emission:%d/%m/%Y}"
        )
    courant = Exercice.objects.filter(annee=le.year).first()
    if courant is None or courant.etat == Exercice.Etat.CLOS or courant.annee <= regle.annee:
        raise ExerciceInvalide(
            f"L'ordre relève de l'exercice {regle.annee} ({regle.article}) ; émis le "
            f"{le:%d/%m/%Y}, {cause}, il se rattache à l'exercice {le.year}, qui n'est pas "
            "ouvert : l'agent comptable doit d'abord l'ouvrir."
        )
    motif = (
        f"Rattaché à l'exercice {courant.annee} : émis le {le:%d/%m/%Y}, {cause} "
        f"({regle.article}). La {regle.critere_libelle} ({regle.date_critere:%d/%m/%Y}) "
        f"le rattachait à l'exercice {regle.annee}."
    )
    return Emission(courant, regle.limite_emission_de(courant.annee), motif)


class PiecesManquantes(DonneeInvalide):
    code = "pieces_manquantes"


def exiger_pieces(sorte: Sorte, ordre) -> None:
    """An order is signed only with its pièces justificatives joined, or their
    references written on it (circ. 93/82 §2.0.2 for the recettes, §2.1.3 for
    the dépenses; §VI: a dépense paid without its pièces engages the agent
    comptable). PostgreSQL refuses the same passage (`ordres_pieces_exigees`)."""
    if ordre.pieces_references.strip() or ordre.pieces.exists():
        return
    raise PiecesManquantes(
        f"L'{sorte.libelle} n° {ordre.reference} ne se signe pas sans ses pièces justificatives : "
        f"joignez-les ou portez leurs références sur l'ordre ({sorte.pieces_exigees}).",
        details={"ordre": ordre.reference},
    )


# The delegation nature of each kind of order, by its model (`ordres` knows
# neither kind: they name themselves through their model).
NATURES = {"ordrerecette": "ordre_recette", "ordredepense": "ordre_depense"}


def exiger_ordonnateur(
    utilisateur,
    acte: str,
    *,
    source: str,
    ordre=None,
    nature: str | None = None,
    montant=None,
    comptes: Iterable[str] = (),
) -> Capacite | None:
    """Every act of the ordonnateur (issue, correct, join a pièce, transmit,
    take back, abandon, attest, withdraw, requisition...) is his "dans le
    cadre de ses pouvoirs propres ou de la délégation" (circ. 93/82 §1.0,
    §2.1): bound, like a signature, to the actor's powers today
    (`personnes.permissions.exiger_pouvoir_ordonnateur`) for the nature of the
    `ordre`, its amount and its imputation account, or for the `nature`,
    `montant` and `comptes` given. Without order nor nature (its order is not
    drawn up yet), only the first gate: the directeur's or délégué's function,
    or a delegation received. Returns the capacity the act is done in."""
    if ordre is not None:
        nature = NATURES[ordre._meta.model_name]
        montant = ordre.montant
        comptes = [ordre.compte_imputation.numero]
    return exiger_pouvoir_ordonnateur(
        utilisateur,
        acte=acte,
        source=source,
        nature=nature,
        montant=montant,
        comptes=comptes,
        le=horloge.aujourdhui(),
    )


def exiger_etat(ordre, etats: set[str], acte: str) -> None:
    """Refuse an act out of order, naming the order, its state and the states it needs."""
    if ordre.etat not in etats:
        libelles = sorted(type(ordre).Etat(e).label for e in etats)
        attendus = " ou ".join(filter(None, [", ".join(libelles[:-1]), libelles[-1]]))
        nom = ordre._meta.verbose_name
        # « le abandonner » elides before a vowel or a mute h: « l'abandonner ».
        le = "l'" if acte[:1].lower() in "aeiouyhéèêâîôû" else "le "
        raise TransitionInterdite(
            f"L'{nom} n° {ordre.reference} est {ordre.get_etat_display()} : on ne peut {le}{acte} "
            f"que s'il est {attendus}."
        )


def exiger_transition(ordre, vers: str, acte: str, *, depuis: Iterable[str] | None = None) -> None:
    """Refuse an act that would bring the order to `vers` from a state the
    kind's `TRANSITIONS` table does not allow; `depuis` narrows the starting
    states further when several acts lead to the same state (a visa comes from
    *transmis*, a visa under réquisition from *suspendu*)."""
    etats = type(ordre).etats_vers(vers)
    if depuis is not None:
        depuis = set(depuis)
        # An act naming a passage the table does not declare is a programming error.
        assert depuis <= etats, f"{type(ordre).__name__}: {depuis - etats} → {vers} non déclaré"
        etats = depuis
    exiger_etat(ordre, etats, acte)


def acte_d_ordonnateur(utilisateur, ordres) -> tuple[object, str] | None:
    """The first of `ordres` (of one kind) on which `utilisateur` acted as
    ordonnateur, and what he did (the kind's `ACTES_ORDONNATEUR`, the first
    kind of act in its order, then the first order in the kind's ordering);
    None if on none. One query, whatever the number of orders and of kinds of
    act: one EXISTS per kind."""
    ordres = list(ordres)
    if not ordres or getattr(utilisateur, "pk", None) is None:
        return None
    modele = type(ordres[0])
    actes = {
        f"acte_{rang}": _acte_fait(modele, chemin, utilisateur)
        for rang, (chemin, _) in enumerate(modele.ACTES_ORDONNATEUR)
    }
    # Each order's answers, in the kind's ordering; the orders on which he did
    # nothing are dropped here rather than by a WHERE repeating every EXISTS.
    lignes = [
        (pk, faits)
        for pk, *faits in modele.objects.filter(pk__in=[o.pk for o in ordres])
        .annotate(**actes)
        .values_list("pk", *actes)
        if any(faits)
    ]
    for rang, (_, fait) in enumerate(modele.ACTES_ORDONNATEUR):
        for pk, faits in lignes:
            if faits[rang]:
                return next(o for o in ordres if o.pk == pk), fait
    return None


def _acte_fait(modele, chemin: str, utilisateur):
    """Whether `utilisateur` did the act `chemin` on the order of the row: a field
    of the order naming a person (`cree_par`) compared on the row itself, or a
    relation then its person's field (`signatures__signataire`) as an EXISTS on
    the related table alone (not the order's table joined to it again)."""
    relation, _, personne = chemin.partition("__")
    if not personne:
        return ExpressionWrapper(Q(**{chemin: utilisateur}), output_field=BooleanField())
    champ = modele._meta.get_field(relation)
    if champ.concrete or "__" in personne:  # not a relation towards the order: the long way
        return Exists(modele.objects.filter(pk=OuterRef("pk"), **{chemin: utilisateur}))
    return Exists(
        champ.related_model.objects.filter(
            **{champ.remote_field.name: OuterRef("pk"), personne: utilisateur}
        )
    )


def exiger_comptable_distinct(utilisateur, ordre, acte: str) -> None:
    """The agent comptable acts, and never on an order on which he acted as
    ordonnateur (issued it, signed it, attested its service fait...), even
    under another function then (circ. 93/82 §2.4.0)."""
    exiger_comptable(utilisateur, horloge.aujourdhui(), acte)
    trouve = acte_d_ordonnateur(utilisateur, [ordre])
    if trouve is not None:
        nom = utilisateur.get_full_name() or utilisateur.get_username()
        raise SeparationDesFonctions(
            f"{nom} {trouve[1]} cet ordre comme ordonnateur : une même personne ne peut pas en "
            f"être aussi le comptable ({CIRCULAIRE_SEPARATION}).",
            details={"regle": "separation", "utilisateur": utilisateur.pk},
        )


def selection_plan(*, mode: str, seuil, taux: int, montant, tirage=None) -> tuple[bool | None, str]:
    """Is this order selected by the plan de contrôle, and why (circ. 93/82
    §2.0.1.1 and §2.1.2.1: exhaustive, selective or sampled by nature)?

    A sample reads the order's draw (`ordres.tirage`), made from a random seed
    when the agent comptable acts on it and recorded: before that the answer
    is None, since nobody (the ordonnateur included) can tell yet.
    """
    if mode == "exhaustif":
        return True, "contrôle exhaustif"
    if mode == "selectif":
        if seuil is None or montant >= seuil:
            return True, f"montant au moins égal au seuil de {format_euros(seuil or 0)}"
        return False, f"montant inférieur au seuil de {format_euros(seuil)}"
    if tirage is None:
        return None, (
            f"sondage à {taux} % : l'ordre sera tiré au sort quand l'agent comptable le contrôlera"
        )
    return tirage.selectionne, tirage.motif


# --- The kind of order ------------------------------------------------------------------


@dataclass(frozen=True)
class Sorte:
    """What the shared acts need to know of one kind of order.

    `nom` names its audit acts (`ordre_recette.signe`) and its delegation
    nature; `contenu(ordre)` is the dict its signature covers;
    `avant_signature(utilisateur, ordre, capacite, le)` makes the kind's own
    checks and effects before the signature (deadline, lines, credits);
    `pieces_exigees` quotes the text that requires its pièces."""

    modele: type[models.Model]
    nom: str
    source: str
    contenu: Callable[[Any], dict]
    avant_signature: Callable[[Any, Any, Capacite, Any], None]
    relations: tuple[str, ...] = ("exercice", "compte_imputation", "compte_tiers")
    # The text requiring the pièces, quoted when an order without them is refused.
    pieces_exigees: str = "circulaire 93/82 §2.0.2, §2.1.3"

    @property
    def libelle(self) -> str:
        return str(self.modele._meta.verbose_name)


def verrouiller_ordre(sorte: Sorte, ordre):
    """The order locked for the act, read afresh with its exercise and accounts.

    Its exercise is share-locked first: an act on the order waits for a
    closure in flight and then reads the exercise closed, and a closure waits
    for the acts in flight; acts in one exercise never wait on each other."""
    partager(Exercice, ordre.exercice_id)
    return verrouiller(sorte.modele.objects.select_related(*sorte.relations), ordre.pk)


def numero_suivant(compteur_modele: type[models.Model], exercice) -> int:
    """The next number of the exercise, under the counter's row lock (held
    until commit: two creations in one exercise are serialised, no gap)."""
    compteur_modele.objects.get_or_create(exercice=exercice)
    return verrouiller(compteur_modele, exercice=exercice).dernier_numero + 1


def garder_lignes(ordre) -> list:
    """Read the lines of the order locked for an act once, in the order of their
    ids, and keep them on it: the content hash, the controls and the entry of
    that act read this list (`lignes_par_id`) instead of the table three times.
    Only for an order past its signature, whose lines PostgreSQL keeps frozen."""
    ordre._lignes_gardees = list(ordre.lignes.order_by("id"))
    return ordre._lignes_gardees


def lignes_gardees(ordre) -> list | None:
    """The lines kept on the order for the act in progress (`garder_lignes`), or None."""
    return getattr(ordre, "_lignes_gardees", None)


def lignes_par_id(ordre) -> list:
    """The order's lines in the order of their ids: those kept for the act in
    progress (`garder_lignes`), else read now."""
    gardees = lignes_gardees(ordre)
    return gardees if gardees is not None else list(ordre.lignes.order_by("id"))


def contenu_signe(ordre, *, colonnes_lignes: tuple[str, ...], pieces, **propres) -> dict:
    """What a signature covers (the content hash's input): the fields every
    order has (with the references of its pièces, and the reason of its
    exercise when it is not that of its fait), the kind's own (`propres`),
    each line's `colonnes_lignes` then its amount, and the pièces' names and
    hashes (`pieces`, a queryset)."""
    return {
        "exercice": ordre.exercice.annee,
        "numero": ordre.numero,
        "type": ordre.type,
        "nature": ordre.nature,
        "objet": ordre.objet,
        "bases": ordre.bases_liquidation,
        "imputation": ordre.compte_imputation.numero,
        "tiers": ordre.compte_tiers.numero,
        "montant": f"{ordre.montant:.2f}",
        "date_fait": ordre.date_fait.isoformat(),
        "dates": {
            cle: (v.isoformat() if v else None) for cle, v in ordre.dates_rattachement.items()
        },
        "article": ordre.article_rattachement,
        "pieces_references": ordre.pieces_references,
        "lignes": [
            [*(getattr(lg, c) for c in colonnes_lignes), f"{lg.montant:.2f}"]
            for lg in lignes_par_id(ordre)
        ],
        "pieces": [[p.nom, p.sha256] for p in pieces.order_by("id")],
        # Only when set, so that the hashes of the orders signed before the
        # field existed (all of them attached to the exercise of their fait)
        # verify unchanged.
        **({"motif_rattachement": ordre.motif_rattachement} if ordre.motif_rattachement else {}),
        **propres,
    }


def empreinte(contenu: dict) -> str:
    """SHA-256 of a canonical JSON of what is signed."""
    texte = json.dumps(contenu, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()


# --- Creation and pièces ----------------------------------------------------------------


def creer(sorte: Sorte, utilisateur, construire: Callable[[], Any], pieces: Sequence = ()):
    """Create an order and attach its pièces (`[(nom, contenu), ...]`) in one
    transaction: `construire()` makes the kind's checks, numbers the order,
    writes its lines and audit row. A refused pièce leaves no order, and no file:
    every pièce is checked before the first is stored."""
    try:
        with transaction.atomic():
            acte = f"émettre un {sorte.libelle}"
            exiger_ordonnateur(utilisateur, acte, source=sorte.source)
            for nom, contenu in pieces:
                controler_fichier(nom, contenu)
            ordre = construire()
            exiger_ordonnateur(utilisateur, acte, source=sorte.source, ordre=ordre)
            for nom, contenu in pieces:
                enregistrer_piece(
                    ordre, utilisateur, nom=nom, contenu=contenu, acte=f"{sorte.nom}.piece_jointe"
                )
            return ordre
    except DatabaseError as exc:
        relever_erreur_base(exc)


def joindre_piece(
    sorte: Sorte,
    utilisateur,
    ordre,
    *,
    nom: str,
    contenu: bytes,
    etats: set[str] = frozenset({BROUILLON}),
    acte: str = "compléter",
    **champs,
):
    """Attach a pièce justificative (circ. 93/82 §2.0.2, §2.1.3), stored with its
    SHA-256, to an order in one of `etats`."""
    with transaction.atomic():
        ordre = verrouiller_ordre(sorte, ordre)
        exiger_ordonnateur(
            utilisateur, "joindre une pièce justificative", source=sorte.source, ordre=ordre
        )
        exiger_etat(ordre, set(etats), acte)
        return enregistrer_piece(
            ordre,
            utilisateur,
            nom=nom,
            contenu=contenu,
            acte=f"{sorte.nom}.piece_jointe",
            **champs,
        )


# --- Signature --------------------------------------------------------------------------


def apposer_signature(utilisateur, ordre, capacite, *, empreinte: str, acte: str) -> None:
    """Sign the order: its content hash, its state, the signature row (who, in
    what capacity, when, what) and the audit row, in the caller's transaction."""
    ordre.empreinte_contenu = empreinte
    ordre.etat = SIGNE
    ordre.save(update_fields=["empreinte_contenu", "etat"])
    ordre.signatures.create(
        signataire=utilisateur,
        qualite=capacite.qualite[:255],
        delegation=capacite.delegation,
        signee_le=horloge.maintenant(),
        empreinte_contenu=empreinte,
    )
    audit(
        utilisateur,
        acte,
        ordre,
        avant={"etat": BROUILLON},
        apres={"etat": ordre.etat, "qualite": capacite.qualite, "empreinte": empreinte},
    )


def signer(sorte: Sorte, utilisateur, ordre):
    """Sign one order in the caller's transaction: lock, state, its pièces or
    their references (`exiger_pieces`), the signer's power at today's date
    (`pouvoir_ordonnateur`: directeur, or a délégué within a notified
    delegation), the kind's checks, then the signature."""
    ordre = verrouiller_ordre(sorte, ordre)
    exiger_transition(ordre, SIGNE, "signer")
    exiger_pieces(sorte, ordre)
    aujourd_hui = horloge.aujourdhui()
    capacite = pouvoir_ordonnateur(
        utilisateur,
        nature=sorte.nom,
        montant=ordre.montant,
        compte_numero=ordre.compte_imputation.numero,
        le=aujourd_hui,
    )
    sorte.avant_signature(utilisateur, ordre, capacite, aujourd_hui)
    apposer_signature(
        utilisateur,
        ordre,
        capacite,
        empreinte=empreinte(sorte.contenu(ordre)),
        acte=f"{sorte.nom}.signe",
    )
    return ordre


def signer_avec_mot_de_passe(sorte: Sorte, utilisateur, ordre, mot_de_passe: str):
    """Sign one order after the password is typed again, in one transaction."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(utilisateur, mot_de_passe)
            return signer(sorte, utilisateur, ordre)
    except DatabaseError as exc:
        relever_erreur_base(exc)


@dataclass
class ResultatLot:
    """The parapheur's outcome: the orders signed, and each refusal with its
    French reason. It also unpacks as `signes, refus`."""

    signes: list = field(default_factory=list)
    refus: list[tuple[Any, str]] = field(default_factory=list)

    def __iter__(self):
        return iter((self.signes, self.refus))


def signer_lot(sorte: Sorte, utilisateur, ordres: Iterable, mot_de_passe: str) -> ResultatLot:
    """The parapheur: one password entry, then each order signed on its own
    (its own transaction); an order refused (delegation, deadline, credits, or
    a database guard) does not stop the others."""
    verifier_mot_de_passe(utilisateur, mot_de_passe)
    resultat = ResultatLot()
    for ordre in ordres:
        try:
            with transaction.atomic():
                resultat.signes.append(signer(sorte, utilisateur, ordre))
        except ApplicationError as erreur:
            resultat.refus.append((ordre, erreur.message))
        except DatabaseError as exc:
            traduite = erreur_base(exc)
            if traduite is None:
                raise
            resultat.refus.append((ordre, traduite.message))
    return resultat


def transmettre(sorte: Sorte, utilisateur, ordre):
    """Send the signed order, with its pièces, to the agent comptable."""
    with transaction.atomic():
        ordre = verrouiller_ordre(sorte, ordre)
        exiger_ordonnateur(
            utilisateur, f"transmettre un {sorte.libelle}", source=sorte.source, ordre=ordre
        )
        exiger_transition(ordre, TRANSMIS, "transmettre", depuis={SIGNE})
        ordre.etat = TRANSMIS
        ordre.transmis_le = horloge.maintenant()
        ordre.save(update_fields=["etat", "transmis_le"])
        audit(
            utilisateur,
            f"{sorte.nom}.transmis",
            ordre,
            avant={"etat": SIGNE},
            apres={"etat": ordre.etat},
        )
        return ordre


def derniere_signature(ordre):
    """The order's latest signature, with its signer and delegation."""
    return ordre.signatures.select_related("signataire", "delegation").order_by("-id").first()


def exiger_lignes(ordre, message: str) -> None:
    """An order without lines does not get signed."""
    if not ordre.lignes.exists():
        raise DonneeInvalide(message)
