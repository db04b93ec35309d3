"""Benchmark 4, part 2: the visaed ordres de dépense the payment batch pays.

2 × N orders are prepared in bulk, not through the signing and visa services
one by one (see `_preparer_ordres`), one creditor each, with valid French
IBANs, on a credit opened, engaged and ordered by the budget services; one half
for each side of the batch (`bench.tresorerie.lot`). Not timed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from bench.tresorerie.outils import date_du_jour
from core import horloge

IDENTIFIANT_DIRECTEUR = "bench-directeur"
CHAPITRE = "6064"
COMPTE_TIERS = "401"
# Banks of the generated creditors' accounts: (code banque, BIC).
BANQUES = (
    ("30006", "AGRIFRPPXXX"),
    ("30004", "BNPAFRPPXXX"),
    ("10107", "BREDFRPPXXX"),
    ("20041", "PSSTFRPPXXX"),
)


def directeur():
    """The directeur who opens the credit and engages the expense (not the agent comptable)."""
    from django.contrib.auth import get_user_model

    from personnes.models import Affectation, Fonction

    utilisateur, _ = get_user_model().objects.get_or_create(
        username=IDENTIFIANT_DIRECTEUR, defaults={"first_name": "Direction", "last_name": "du banc"}
    )
    Affectation.objects.get_or_create(
        utilisateur=utilisateur,
        fonction=Fonction.DIRECTEUR,
        defaults={"debut": datetime.date(date_du_jour().year, 1, 1)},
    )
    return utilisateur


@dataclass
class Moitie:
    """One side's orders, visaed, and what the raw side needs to pay them without the ORM."""

    ordres: list[int]
    lignes: list[tuple]  # (ligne id, ordre id, numero, creancier, iban, bic, montant)
    total: Decimal
    objet: dict[int, str]


def _iban(rang: int) -> tuple[str, str]:
    from schwifty import IBAN

    banque, bic = BANQUES[rang % len(BANQUES)]
    iban = IBAN.generate(
        "FR", bank_code=banque, branch_code=f"{rang % 99_999 + 1:05d}", account_code=f"{rang:011d}"
    )
    return str(iban.compact), bic


def _montant_ordre(rang: int) -> Decimal:
    return Decimal(10_000 + (rang * 104_729) % 990_000).scaleb(-2)


def _preparer_ordres(
    comptable, directeur_, exercice, premier_rang: int, nombre_ordres: int, regle
) -> Moitie:
    """`nombre_ordres` visaed orders of one creditor each, in bulk, guards on where they can be.

    The numbering guard (BEFORE INSERT per row, the counter moved by an AFTER
    INSERT per row, which PostgreSQL runs at the end of the statement) refuses
    a multi-row INSERT: the orders alone are inserted with
    `session_replication_role = replica`, then the counter is set with the
    guard on (it checks it equals the last number). Lines, signature
    ('signe': one line per order adding up to its amount, a 64-hex hash),
    transmission and visa then go through the guards as ordinary statements.
    The visa entry is one DE entry for the half (charge / each creditor),
    posted by `ecriture_passer`; the credit is engaged and ordered by the
    budget services.
    """
    from django.db import connection, transaction

    from budget import services as budget
    from depenses import services as depenses
    from depenses.models import CompteurOrdreDepense, LigneOrdreDepense, OrdreDepense
    from ledger.models import Compte
    from ledger.services import LigneSaisie, ecriture_passer

    aujourd_hui = date_du_jour()
    rangs = range(premier_rang, premier_rang + nombre_ordres)
    montants = {rang: _montant_ordre(rang) for rang in rangs}
    total = sum(montants.values(), Decimal("0.00"))
    engagement = depenses.engagement_creer(
        acting_user=directeur_,
        exercice=exercice,
        gestion="budgetaire",
        objet=f"Marché de fournitures administratives, lot {premier_rang // nombre_ordres + 1}",
        creancier="Titulaires du marché à bons de commande",
        compte_imputation=CHAPITRE,
        montant_engage=total,
    )
    budget.credit_ordonnancer(
        acting_user=directeur_,
        exercice=exercice,
        compte_numero=CHAPITRE,
        montant=total,
        reference=f"engagement:{engagement.pk}",
    )
    imputation = Compte.objects.get(numero=CHAPITRE)
    tiers = Compte.objects.get(numero=COMPTE_TIERS)
    creanciers = {rang: f"Fournitures et Papeterie n° {rang:05d} SARL" for rang in rangs}
    with transaction.atomic():
        compteur, _ = CompteurOrdreDepense.objects.get_or_create(exercice=exercice)
        compteur = CompteurOrdreDepense.objects.select_for_update().get(pk=compteur.pk)
        premier_numero = compteur.dernier_numero + 1
        with connection.cursor() as curseur:
            curseur.execute("SET LOCAL session_replication_role = replica")
        ordres = OrdreDepense.objects.bulk_create(
            [
                OrdreDepense(
                    exercice=exercice,
                    numero=premier_numero + i,
                    type="individuel",
                    gestion="budgetaire",
                    nature="fournitures",
                    objet=f"Fournitures de bureau, facture n° F{rang:05d}",
                    bases_liquidation=f"Facture n° F{rang:05d} du {aujourd_hui:%d/%m/%Y}, "
                    "livraison conforme au bon de commande",
                    compte_imputation=imputation,
                    compte_tiers=tiers,
                    montant=montants[rang],
                    engagement=engagement,
                    acompte=i + 1,
                    date_fait=aujourd_hui,
                    date_service_fait=aujourd_hui,
                    date_reception=aujourd_hui,
                    date_liquidation=aujourd_hui,
                    article_rattachement=regle.article[:200],
                    critere_rattachement=(
                        f"{regle.critere_libelle} : {regle.date_critere:%d/%m/%Y}"[:120]
                    ),
                    limite_emission=regle.limite_emission,
                    # No order is signed without its pièces or their references
                    # (circ. 93/82 §2.1.3; trigger ordres_pieces_exigees).
                    pieces_references=f"Facture n° F{rang:05d}, au dossier du service",
                    cree_par=directeur_,
                )
                for i, rang in enumerate(rangs)
            ],
            batch_size=5000,
        )
        with connection.cursor() as curseur:
            curseur.execute("SET LOCAL session_replication_role = origin")
        CompteurOrdreDepense.objects.filter(pk=compteur.pk).update(
            dernier_numero=premier_numero + nombre_ordres - 1
        )
        par_rang = dict(zip(rangs, ordres, strict=True))
        lignes = LigneOrdreDepense.objects.bulk_create(
            [
                LigneOrdreDepense(
                    ordre=par_rang[rang],
                    creancier=creanciers[rang],
                    qualite="fournisseur",
                    identifiant=f"{40_000_000_000_000 + rang:014d}",
                    iban=iban,
                    bic=bic,
                    montant=montants[rang],
                )
                for rang in rangs
                for iban, bic in [_iban(rang)]
            ],
            batch_size=5000,
        )
        ids = [o.pk for o in ordres]
        with connection.cursor() as curseur:
            curseur.execute(
                """
                UPDATE depenses_ordredepense o
                   SET etat = 'signe',
                       empreinte_contenu = encode(sha256(convert_to(concat_ws('|', o.exercice_id,
                           o.numero, o.montant, o.objet, l.creancier, l.iban, l.bic, l.montant),
                           'UTF8')), 'hex')
                  FROM depenses_ligneordredepense l
                 WHERE l.ordre_id = o.id AND o.id = ANY(%s)
                """,
                [ids],
            )
            curseur.execute(
                "UPDATE depenses_ordredepense SET etat = 'transmis', transmis_le = %s"
                " WHERE id = ANY(%s)",
                [horloge.maintenant(), ids],
            )
        ecriture = ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="DE",
            date=aujourd_hui,
            libelle=(
                f"Visa des ordres de dépense n° {exercice.annee}-{premier_numero:05d} à "
                f"{exercice.annee}-{premier_numero + nombre_ordres - 1:05d}"
            ),
            lignes=[LigneSaisie(CHAPITRE, debit=total)]
            + [
                LigneSaisie(COMPTE_TIERS, credit=montants[rang], tiers=creanciers[rang][:120])
                for rang in rangs
            ],
            piece=f"bench:visa:{premier_rang}",
        )
        with connection.cursor() as curseur:
            curseur.execute(
                "UPDATE depenses_ordredepense SET etat = 'vise', vise_le = %s, vise_par_id = %s,"
                " ecriture_id = %s WHERE id = ANY(%s)",
                [horloge.maintenant(), comptable.pk, ecriture.pk, ids],
            )
    return Moitie(
        ordres=ids,
        lignes=[
            (lg.pk, lg.ordre_id, par_rang[rang].numero, lg.creancier, lg.iban, lg.bic, lg.montant)
            for rang, lg in zip(rangs, lignes, strict=True)
        ],
        total=total,
        objet={o.pk: o.objet for o in ordres},
    )


def preparer_lot(comptable, directeur_, exercice, nombre_ordres: int) -> tuple[Moitie, Moitie]:
    from budget import services as budget
    from ledger.services import LigneSaisie, ecriture_passer
    from reglementation.selectors import rattachement

    aujourd_hui = date_du_jour()
    total = sum((_montant_ordre(rang) for rang in range(1, 2 * nombre_ordres + 1)), Decimal("0.00"))
    budget.credit_ouvrir(
        acting_user=directeur_,
        exercice=exercice,
        chapitre=CHAPITRE,
        libelle="Fournitures administratives",
        montant_initial=total + Decimal("1000.00"),
    )
    # Both halves are paid from the compte externe (5122), which must hold the
    # money: a batch never leaves its account's book balance below its
    # authorised overdraft (issue 10; tresorerie 0005). Its opening balance.
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="AN",
        date=exercice.debut,
        libelle="Reprise du solde du compte externe de disponibilités",
        lignes=[
            LigneSaisie("5122", debit=total + Decimal("1000.00")),
            LigneSaisie("102", credit=total + Decimal("1000.00")),
        ],
    )
    regle = rattachement(
        sens="depense",
        nature="fournitures",
        date_fait=aujourd_hui,
        dates={"service_fait": aujourd_hui, "reception": aujourd_hui, "liquidation": aujourd_hui},
    )
    brut = _preparer_ordres(comptable, directeur_, exercice, 1, nombre_ordres, regle)
    notre = _preparer_ordres(
        comptable, directeur_, exercice, nombre_ordres + 1, nombre_ordres, regle
    )
    return brut, notre
