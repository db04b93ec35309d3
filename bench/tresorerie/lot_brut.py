"""Benchmark 4, part 2: the raw limit of the payment batch.

The same rows as `lot_payer` writes, by psycopg without Django, into the same
tables, triggers on, in one transaction: the entry and a COPY of its lines, the
lot, a COPY of the payments, one UPDATE of the orders, the credit movement, a
COPY of the audit rows, COMMIT. The rows are prepared in memory before the
clock starts. Plus `sepa.pain001` alone on the same transfers, timed apart.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import time
from dataclasses import dataclass
from decimal import Decimal

from bench import commun
from bench.commun import Chrono
from bench.tresorerie.ordres import COMPTE_TIERS, Moitie
from bench.tresorerie.outils import date_du_jour


@dataclass
class TamponsLot:
    """The raw side's rows, built before the clock starts."""

    ecriture_id: int
    lot_id: int
    message_id: str
    lignes_ecriture: bytes
    paiements: bytes
    audit: bytes
    fichier: bytes
    total: Decimal
    nombre: int


def _copie(valeur) -> str:
    """A value in COPY text format."""
    if valeur is None:
        return "\\N"
    texte = str(valeur)
    return (
        texte.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _ligne_copie(*valeurs) -> str:
    return "\t".join(_copie(v) for v in valeurs) + "\n"


def virements(moitie: Moitie, message_id: str):
    """The transfers of a half, as `lot_payer` gives them to `sepa.pain001`."""
    from tresorerie import sepa

    return [
        sepa.Virement(
            beneficiaire=creancier[:200],
            iban=iban,
            bic=bic,
            montant=montant,
            bout_en_bout=f"{message_id[7:]}-{rang:05d}"[:35],
            libelle=f"Ordre de dépense {ordre_reference} {moitie.objet[ordre_id]}",
        )
        for rang, (_, ordre_id, ordre_reference, creancier, iban, bic, montant) in enumerate(
            _avec_references(moitie), start=1
        )
    ]


def _avec_references(moitie: Moitie):
    annee = date_du_jour().year
    for ligne_id, ordre_id, numero, creancier, iban, bic, montant in moitie.lignes:
        yield ligne_id, ordre_id, f"{annee}-{numero:05d}", creancier, iban, bic, montant


def pain001_seul(moitie: Moitie, banque, message_id: str) -> tuple[float, bytes]:
    """`sepa.pain001` alone on the half's transfers: (seconds, file)."""
    from django.conf import settings

    from tresorerie import sepa

    liste = virements(moitie, message_id)
    donneur = sepa.Donneur(nom=settings.NOM_ORGANISME, iban=banque.iban, bic=banque.bic)
    debut = time.perf_counter()
    fichier = sepa.pain001(
        message_id=message_id, donneur=donneur, date_execution=date_du_jour(), virements=liste
    )
    return time.perf_counter() - debut, fichier


def preparer_tampons(
    moitie: Moitie, comptable, banque, fichier: bytes, message_id: str
) -> TamponsLot:
    from django.db import connection

    from bench.import_masse.copie import _reserver
    from ledger.models import Compte, Exercice

    le = date_du_jour()
    exercice_id = Exercice.objects.get(annee=le.year).pk
    with connection.cursor() as curseur:
        ecriture_id = _reserver(curseur, "ledger_ecriture", 1)
        lot_id = _reserver(curseur, "tresorerie_lotpaiement", 1)
    compte_tiers = Compte.objects.get(numero=COMPTE_TIERS).pk
    lignes = io.StringIO()
    paiements = io.StringIO()
    audit = io.StringIO()
    horodatage = datetime.datetime.now(datetime.UTC).isoformat()
    avant = json.dumps({"etat": "vise"})
    apres = json.dumps(
        {"etat": "paye", "le": le.isoformat(), "moyen": "virement", "lot": message_id}
    )
    for rang, (ligne_id, ordre_id, reference, creancier, iban, bic, montant) in enumerate(
        _avec_references(moitie), start=1
    ):
        lignes.write(
            _ligne_copie(
                ecriture_id, exercice_id, le, compte_tiers, montant, "0", creancier[:120], ""
            )
        )
        paiements.write(
            _ligne_copie(
                lot_id,
                ordre_id,
                ligne_id,
                None,
                creancier[:200],
                iban,
                bic,
                montant,
                f"{message_id[7:]}-{rang:05d}"[:35],
            )
        )
        audit.write(
            _ligne_copie(
                horodatage,
                comptable.pk,
                "ordre_depense.paye",
                "depenses.ordredepense",
                ordre_id,
                f"Ordre de dépense n° {reference}",
                avant,
                apres,
            )
        )
    lignes.write(
        _ligne_copie(ecriture_id, exercice_id, le, banque.compte_id, "0", moitie.total, "", "")
    )
    audit.write(
        _ligne_copie(
            horodatage,
            comptable.pk,
            "tresorerie.lot_paye",
            "tresorerie.lotpaiement",
            lot_id,
            f"LOT-{le.year}-{lot_id:05d}",
            None,
            json.dumps(
                {
                    "ordres": len(moitie.ordres),
                    "paiements": len(moitie.lignes),
                    "total": str(moitie.total),
                    "compte": "5122",
                    "oppositions": 0,
                }
            ),
        )
    )
    return TamponsLot(
        ecriture_id=ecriture_id,
        lot_id=lot_id,
        message_id=message_id,
        lignes_ecriture=lignes.getvalue().encode(),
        paiements=paiements.getvalue().encode(),
        audit=audit.getvalue().encode(),
        fichier=fichier,
        total=moitie.total,
        nombre=len(moitie.lignes),
    )


_SQL_VERROU = """
    SELECT c.dernier_numero, h.dernier_rang, h.derniere_empreinte
      FROM ledger_compteur c JOIN ledger_chaine h ON h.exercice_id = c.exercice_id
     WHERE c.exercice_id = %s AND c.journal_id = %s
       FOR UPDATE
"""
_SQL_ECRITURE = """
    INSERT INTO ledger_ecriture (id, exercice_id, journal_id, numero, rang, date, libelle, piece,
                                 passee_par_id, passee_le, contrepasse_id,
                                 empreinte_precedente, empreinte)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, NULL, %s, %s)
"""
_SQL_LOT = """
    INSERT INTO tresorerie_lotpaiement (id, exercice_id, compte_id, moyen, date, nombre, total,
                                        message_id, fichier, empreinte_fichier, ecriture_id,
                                        cree_par_id, cree_le)
    VALUES (%s, %s, %s, 'virement', %s, %s, %s, %s, %s, %s, %s, %s, %s)
"""
_SQL_ORDRES = """
    UPDATE depenses_ordredepense
       SET etat = 'paye', paye_le = %s, paiement_moyen = 'virement', paiement_reference = %s,
           paye_par_id = %s
     WHERE id = ANY(%s)
"""
_SQL_CREDIT = """
    INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)
    VALUES (%s, 'paiement', %s, %s, %s)
"""


def payer_brut(tampons: TamponsLot, moitie: Moitie, ids: dict) -> tuple[Chrono, dict[str, float]]:
    """The raw limit: psycopg, no Django, one transaction, same tables and triggers."""
    import psycopg

    le = date_du_jour()
    etapes: dict[str, float] = {}
    with psycopg.connect(commun.conninfo()) as connexion:
        connexion.execute("SELECT 1")
        connexion.commit()
        with commun.chronometrer(connexion.info.backend_pid) as chrono:
            with connexion.cursor() as curseur:
                debut = time.perf_counter()
                curseur.execute(_SQL_VERROU, (ids["exercice"], ids["journal"]))
                dernier_numero, dernier_rang, precedente = curseur.fetchone()
                libelle = (
                    f"Paiement par virement de {tampons.nombre} ordre(s) de dépense, "
                    f"lot {tampons.message_id}"
                )
                empreinte = hashlib.sha256(
                    f"{precedente}|{dernier_numero + 1}|{le}|{libelle}|{tampons.total}".encode()
                ).hexdigest()
                curseur.execute(
                    _SQL_ECRITURE,
                    (
                        tampons.ecriture_id,
                        ids["exercice"],
                        ids["journal"],
                        dernier_numero + 1,
                        dernier_rang + 1,
                        le,
                        libelle,
                        tampons.message_id,
                        ids["utilisateur"],
                        datetime.datetime.now(datetime.UTC),
                        precedente,
                        empreinte,
                    ),
                )
                with curseur.copy(
                    "COPY ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit,"
                    " tiers, libelle)"
                    " FROM STDIN"
                ) as copie:
                    copie.write(tampons.lignes_ecriture)
                etapes["ecriture"] = time.perf_counter() - debut
                debut = time.perf_counter()
                curseur.execute(
                    _SQL_LOT,
                    (
                        tampons.lot_id,
                        ids["exercice"],
                        ids["banque"],
                        le,
                        tampons.nombre,
                        tampons.total,
                        tampons.message_id,
                        tampons.fichier,
                        hashlib.sha256(tampons.fichier).hexdigest(),
                        tampons.ecriture_id,
                        ids["utilisateur"],
                        datetime.datetime.now(datetime.UTC),
                    ),
                )
                with curseur.copy(
                    "COPY tresorerie_paiement (lot_id, ordre_id, ligne_id, opposition_id,"
                    " beneficiaire, iban, bic, montant, bout_en_bout) FROM STDIN"
                ) as copie:
                    copie.write(tampons.paiements)
                etapes["paiements"] = time.perf_counter() - debut
                debut = time.perf_counter()
                curseur.execute(
                    _SQL_ORDRES, (le, tampons.message_id, ids["utilisateur"], moitie.ordres)
                )
                etapes["ordres"] = time.perf_counter() - debut
                debut = time.perf_counter()
                curseur.execute(
                    _SQL_CREDIT,
                    (ids["credit"], tampons.total, f"lot:{tampons.message_id}", ids["utilisateur"]),
                )
                with curseur.copy(
                    "COPY core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,"
                    " objet_libelle, avant, apres) FROM STDIN"
                ) as copie:
                    copie.write(tampons.audit)
                etapes["credit_audit"] = time.perf_counter() - debut
            debut = time.perf_counter()
            connexion.commit()
            etapes["commit"] = time.perf_counter() - debut
    return chrono, etapes
