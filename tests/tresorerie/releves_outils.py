"""Statements written for the tests from our own payments and receipts (with
the writer of tresorerie.releves), and their import."""

from __future__ import annotations

from decimal import Decimal

from tests.tresorerie.conftest import AUJOURD_HUI
from tresorerie import releves
from tresorerie import services as t

VERSION_08 = "camt.053.001.08"


def ligne(montant, sens, reference="", libelle="Opération", **plus) -> releves.LigneReleve:
    return releves.LigneReleve(
        date_operation=AUJOURD_HUI,
        date_valeur=AUJOURD_HUI,
        montant=Decimal(montant),
        sens=sens,
        libelle=libelle,
        reference=reference,
        reference_banque="",
        contrepartie="",
        **plus,
    )


def lignes_du_lot(lot) -> list[releves.LigneReleve]:
    """The batch booked transfer by transfer, each with its EndToEndId."""
    return [
        ligne(p.montant, "debit", p.bout_en_bout, f"Virement à {p.beneficiaire}")
        for p in lot.paiements.all()
    ]


def fichier(lignes, iban, identifiant="REL-1", version=VERSION_08, ouverture="0.00") -> bytes:
    """A camt.053 statement (or a camt.054 notification) of these lines (or
    batches booked as one entry, `releves.EntreeGroupee`), today."""
    avis = version.startswith("camt.054")
    mouvement = sum(
        (lg.montant if lg.sens == "credit" else -lg.montant for lg in lignes), Decimal("0.00")
    )
    releve = releves.Releve(
        format=version[:8],
        identifiant=identifiant,
        iban=iban,
        date_debut=AUJOURD_HUI,
        date_fin=AUJOURD_HUI,
        solde_ouverture=None if avis else Decimal(ouverture),
        solde_cloture=None if avis else Decimal(ouverture) + mouvement,
        lignes=tuple(lignes),
        version=version,
        nature=releves.AVIS if avis else releves.RELEVE,
    )
    return releves.ecrire_camt(releve, message_id=f"MSG-{identifiant}", version=version)


def importer(comptable, compte, contenu, nom="releve.xml"):
    return t.releve_importer(acting_user=comptable, compte=compte, nom_fichier=nom, contenu=contenu)


def mode(ligne_releve) -> str | None:
    ligne_releve.refresh_from_db()
    rapprochement = getattr(ligne_releve, "rapprochement", None)
    return rapprochement.mode if rapprochement else None
