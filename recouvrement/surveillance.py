"""The surveillance part of recovery: what falls due, for the agent comptable
(circ. 93/82 §2.0.4, §2.0.5, §2.0.0) and for the directeur (annexe art. 13
al. 7), declared to `recouvrement.a_echoir`.

- a mortgage inscription, from six months before it lapses until the agent
  comptable signalled it to the directeur; then, until it is renewed or
  released, its lapse date for the directeur;
- a lease, contract or title kept by the agent comptable, from its notice
  before expiry until he informed the directeur; the directeur sees its
  expiry until the day it expires;
- each past month still holding receipts cashed without an ordre de
  recette, not regularised: « une émission mensuelle d'ordres de recette de
  régularisation » (§2.0.0) is late from the month's end;
- the next list due to the directeur (débiteurs défaillants, créances
  irrécouvrées), at the periodicity he set;
- the état nominatif of each half-year ended and not sent, due the first
  day of the second month after (1 August, 1 February), late after.

The acts are in `surveillance_garanties`, `surveillance_contrats`,
`surveillance_listes` and `etat_nominatif`; the reads in `situation`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Min
from django.urls import reverse

from core.money import ZERO, format_euros
from personnes.models import Fonction
from personnes.selectors import fonctions_actuelles
from recouvrement.a_echoir import COMPTABLE, DIRECTEUR, AEchoir, a_echoir, fournisseur
from recouvrement.etat_nominatif import Semestre, dernier_semestre_clos, semestre_de
from recouvrement.models import Acte, Creance
from recouvrement.models_surveillance import (
    ContratConserve,
    EnvoiEtatNominatif,
    Garantie,
    Liste,
)
from recouvrement.situation import TYPES_CONTENTIEUX
from recouvrement.surveillance_commun import plus_mois
from recouvrement.surveillance_documents import retard
from recouvrement.surveillance_garanties import de_cotisations
from recouvrement.surveillance_listes import dernier_envoi, prochain_envoi
from tresorerie.models import Encaissement


@fournisseur
def inscriptions_hypothecaires(le: datetime.date) -> list[AEchoir]:
    """Circ. 93/82 §2.0.4: the agent comptable « veille, sauf en matière de
    cotisations, au maintien des droits, privilèges et hypothèques, notamment
    de signaler, six mois avant, la date de péremption des inscriptions
    hypothécaires ». An inscription securing cotisations or majorations
    (`de_cotisations`) is not on his list: it goes to the directeur's
    directly, six months before it lapses."""
    items = []
    hypotheques = Garantie.objects.filter(
        nature=Garantie.Nature.HYPOTHEQUE, etat=Garantie.Etat.EN_VIGUEUR
    ).select_related("debiteur", "creance__ligne__ordre")
    url = reverse("recouvrement:garanties")
    for g in hypotheques:
        cotisations = de_cotisations(g)
        if g.signalee_le is None and not cotisations:
            if le < g.signalement_du:
                continue
            items.append(
                AEchoir(
                    le=g.signalement_du,
                    quoi=(
                        f"Signaler au directeur la péremption au {g.peremption_le:%d/%m/%Y} de "
                        f"l'inscription hypothécaire « {g.objet} » (bureau {g.bureau}, "
                        f"{format_euros(g.montant)})"
                    ),
                    qui=COMPTABLE,
                    nature="Inscription hypothécaire",
                    debiteur=g.debiteur.nom,
                    url=url,
                )
            )
        elif cotisations:
            if le < g.signalement_du:
                continue
            items.append(
                AEchoir(
                    le=g.peremption_le,
                    quoi=(
                        f"L'inscription hypothécaire « {g.objet} » (bureau {g.bureau}), qui "
                        f"garantit des cotisations, se périme le {g.peremption_le:%d/%m/%Y} : la "
                        "renouveler ou en donner mainlevée (l'agent comptable n'en a pas la "
                        "veille en matière de cotisations, circulaire 93/82 §2.0.4)"
                    ),
                    qui=DIRECTEUR,
                    nature="Inscription hypothécaire",
                    debiteur=g.debiteur.nom,
                    url=url,
                )
            )
        else:
            items.append(
                AEchoir(
                    le=g.peremption_le,
                    quoi=(
                        f"L'inscription hypothécaire « {g.objet} » (bureau {g.bureau}) se périme le "
                        f"{g.peremption_le:%d/%m/%Y} : la renouveler ou en donner mainlevée "
                        f"(signalé par l'agent comptable le {g.signalee_le:%d/%m/%Y})"
                    ),
                    qui=DIRECTEUR,
                    nature="Inscription hypothécaire",
                    debiteur=g.debiteur.nom,
                    url=url,
                )
            )
    return items


@fournisseur
def expirations_contrats(le: datetime.date) -> list[AEchoir]:
    """Circ. 93/82 §2.0.4: « informer le directeur de la date d'expiration des
    baux, contrats et titres divers qu'il est tenu de conserver »."""
    items = []
    url = reverse("recouvrement:contrats_conserves")
    for c in ContratConserve.objects.filter(expire_le__gte=plus_mois(le, -24)):
        preavis = plus_mois(c.expire_le, -c.preavis_mois)
        if le < preavis:
            continue
        if c.directeur_informe_le is None:
            items.append(
                AEchoir(
                    le=preavis,
                    quoi=(
                        f"Informer le directeur de l'expiration au {c.expire_le:%d/%m/%Y} du "
                        f"{c.get_nature_display()} « {c.objet} » ({c.cocontractant})"
                    ),
                    qui=COMPTABLE,
                    nature="Bail, contrat, titre",
                    debiteur=c.cocontractant,
                    url=url,
                )
            )
        if le <= c.expire_le:
            informe = (
                f"informé le {c.directeur_informe_le:%d/%m/%Y}"
                if c.directeur_informe_le
                else "l'agent comptable doit vous en informer"
            )
            items.append(
                AEchoir(
                    le=c.expire_le,
                    quoi=(
                        f"Le {c.get_nature_display()} « {c.objet} » ({c.cocontractant}) expire le "
                        f"{c.expire_le:%d/%m/%Y} ({informe})"
                    ),
                    qui=DIRECTEUR,
                    nature="Bail, contrat, titre",
                    debiteur=c.cocontractant,
                    url=url,
                )
            )
    return items


def _fin_du_mois(annee: int, mois: int) -> datetime.date:
    return plus_mois(datetime.date(annee, mois, 1), 1) - datetime.timedelta(days=1)


@fournisseur
def regularisations_mensuelles(le: datetime.date) -> list[AEchoir]:
    """Circ. 93/82 §2.0.0: the receipts cashed directly by the agent comptable
    on what he keeps « font l'objet d'une émission mensuelle d'ordres de
    recette de régularisation »: a past month still holding some is late."""
    debut_du_mois = le.replace(day=1)
    par_mois: dict[tuple[int, int], list[Decimal]] = defaultdict(list)
    for date, montant in Encaissement.objects.filter(
        sans_titre=True,
        etat=Encaissement.Etat.ENREGISTRE,
        regularise_par__isnull=True,
        date__lt=debut_du_mois,
    ).values_list("date", "montant"):
        par_mois[(date.year, date.month)].append(montant)
    url = reverse("tresorerie:sans_titre")
    return [
        AEchoir(
            le=_fin_du_mois(annee, mois),
            quoi=(
                f"{len(montants)} encaissement(s) de {mois:02d}/{annee} sans ordre de recette "
                f"({format_euros(sum(montants, ZERO))}) : l'ordre de régularisation mensuel reste "
                "à faire émettre par le directeur"
            ),
            qui=COMPTABLE,
            nature="Régularisation mensuelle",
            url=url,
        )
        for (annee, mois), montants in sorted(par_mois.items())
    ]


@fournisseur
def listes_au_directeur(le: datetime.date) -> list[AEchoir]:
    """Circ. 93/82 §2.0.4, §2.0.5: the lists at the periodicity the directeur set."""
    items = []
    url = reverse("recouvrement:listes_directeur")
    for liste in Liste:
        prochain = prochain_envoi(liste)
        if prochain is None:
            continue
        dernier = dernier_envoi(liste)
        depuis = f" (dernière adressée le {dernier.le:%d/%m/%Y})" if dernier else ""
        items.append(
            AEchoir(
                le=prochain,
                quoi=f"Adresser au directeur la {liste.label}{depuis}",
                qui=COMPTABLE,
                nature="Liste au directeur",
                url=url,
            )
        )
    return items


def semestres_a_adresser(le: datetime.date) -> list[Semestre]:
    """The half-years ended before `le` whose état nominatif is not sent, from
    the one when recovery began (the first claim followed or act recorded)."""
    debut = min(
        (
            d
            for d in (
                Creance.objects.aggregate(d=Min("ouverte_le"))["d"],
                Acte.objects.filter(type__in=TYPES_CONTENTIEUX).aggregate(d=Min("le"))["d"],
            )
            if d is not None
        ),
        default=None,
    )
    if debut is None:
        return []
    envoyes = set(EnvoiEtatNominatif.objects.values_list("annee", "semestre"))
    s, premier = dernier_semestre_clos(le), semestre_de(debut)
    semestres = []
    while (s.annee, s.numero) >= (premier.annee, premier.numero):
        if (s.annee, s.numero) not in envoyes:
            semestres.append(s)
        s = s.precedent()
    return semestres[::-1]


@fournisseur
def etats_nominatifs(le: datetime.date) -> list[AEchoir]:
    """Annexe art. 13 al. 7: the état nominatif arrêté au 30 juin / 31 décembre,
    addressed to the caisse by the first day of the second month after."""
    return [
        AEchoir(
            le=s.limite,
            quoi=(
                f"Adresser à la caisse l'état nominatif des débiteurs arrêté au "
                f"{s.arrete_au:%d/%m/%Y} ({s.libelle})"
            ),
            qui=DIRECTEUR,
            nature="État nominatif semestriel",
            url=reverse("recouvrement:etat_nominatif", args=[s.annee, s.numero]),
        )
        for s in semestres_a_adresser(le)
    ]


# --- Whose list a person reads ----------------------------------------------------------


def pour_qui(utilisateur) -> tuple[str | None, str]:
    """Whose list a person reads: the agent comptable's, the directeur's, or all (tutelle)."""
    fonctions = set(fonctions_actuelles(utilisateur))
    if fonctions & {Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR}:
        return COMPTABLE, "de l'agent comptable"
    if fonctions & {Fonction.DIRECTEUR, Fonction.DELEGUE}:
        return DIRECTEUR, "du directeur"
    return None, "du directeur et de l'agent comptable"


def lignes_a_echoir(items, aujourdhui) -> list[tuple[AEchoir, int, str]]:
    return [(e, e.jours(aujourdhui), retard(e, aujourdhui)) for e in items]


def echeances_de(utilisateur, aujourdhui) -> list[tuple[AEchoir, int, str]]:
    """For the home pages: what falls due for that person, with the days left
    and « en retard de N jours »."""
    qui, _ = pour_qui(utilisateur)
    return lignes_a_echoir(a_echoir(aujourdhui, qui), aujourdhui)
