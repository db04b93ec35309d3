"""Bulk import, the Python side of one packet: entries checked, numbered,
chained and written out as the text of two COPY statements.

It runs in a thread of its own (`ledger.services.importation`) while the
connection's thread sends the previous packet and waits for the server's
checks of it: this module never touches the database. The checks are those of
`ecriture_passer` (`_preparer_lignes`, `verifier_date_dans_exercice`), with the
same French messages: an entry whose lines are plain (Decimal amounts in cents,
accounts of the chart that are imputable and not comptes spéciaux
d'encaissement) is checked here inline; any other entry goes through
`_preparer_lignes` itself, which refuses it or returns its lines. The hash is
`empreinte_ecriture`'s, its canonical JSON written directly (same bytes:
tests/ledger/test_import_rapide.py compares them).
"""

from __future__ import annotations

import datetime
import hashlib
import time
from collections.abc import Sequence
from decimal import Decimal
from json.encoder import encode_basestring  # C function; what the hash's encoder uses

from ledger.services.ecritures import (
    _ENCODEUR,
    EcritureSaisie,
    _preparer_lignes,
    verifier_date_dans_exercice,
)

# COPY text format: a backslash, a tab, a newline or a carriage return in a
# value must be escaped; every other character is taken as it is.
_ECHAPPEMENTS = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_LONGUEUR_MAX = len("999999999999.99")  # core.money.MAXIMUM in cents
_NUL = "\\N"  # COPY's NULL
_CEDER_TOUS_LES = 256  # entries


def texte_copie(texte: str) -> str:
    """A text value as COPY's text format reads it back unchanged."""
    if "\\" in texte or "\t" in texte or "\n" in texte or "\r" in texte:
        return texte.translate(_ECHAPPEMENTS)
    return texte


class Preparateur:
    """Numbers, chains and writes out the packets of one import, in order.

    `numero`, `rang` and `precedente` are the journal's counter and the
    exercise's chain head read under their locks; each packet continues them.
    """

    def __init__(
        self,
        *,
        exercice,
        journal,
        comptes: dict,
        auteur_id: int,
        passee_le: datetime.datetime,
        piece: str,
        numero: int,
        rang: int,
        precedente: str,
    ) -> None:
        self.exercice = exercice
        self.comptes = comptes
        self.numero = numero
        self.rang = rang
        self.precedente = precedente
        self.piece = piece[:120]
        # Accounts whose lines need no more than the inline checks: (id, number as JSON).
        self._simples = {
            numero_compte: (compte.pk, encode_basestring(compte.numero))
            for numero_compte, compte in comptes.items()
            if compte.imputable and not compte.credit_seulement
        }
        self._dates: dict[datetime.date, str] = {}
        self._auteur = str(auteur_id)
        # The hash's fields that do not change from one entry to the next.
        self._json_debut = f",{exercice.annee},{encode_basestring(journal.code)},"
        self._json_auteur = (
            f",{auteur_id},{encode_basestring(passee_le.astimezone(datetime.UTC).isoformat())},"
        )
        self._json_piece = encode_basestring(self.piece)
        self._copie_piece = texte_copie(self.piece)
        self._copie_ecriture = f"\t{exercice.pk}\t{journal.pk}\t"
        self._copie_auteur = f"\t{auteur_id}\t{passee_le.isoformat()}\t"
        self._copie_exercice = f"\t{exercice.pk}\t"

    def _date(self, date: datetime.date) -> str:
        texte = self._dates.get(date)
        if texte is None:
            exercice = self.exercice
            if type(date) is not datetime.date or not (exercice.debut <= date <= exercice.fin):
                verifier_date_dans_exercice(exercice, date)
            texte = self._dates[date] = date.isoformat()
        return texte

    def _lignes_simples(self, lignes: Sequence) -> list | None:
        """(account id, account JSON, debit, credit, tiers, label) of plain lines; else None."""
        if len(lignes) < 2:
            return None
        simples = self._simples
        resultat = []
        total_debit = total_credit = Decimal(0)
        for ligne in lignes:
            debit, credit = ligne.debit, ligne.credit
            compte = simples.get(ligne.compte)
            if compte is None or type(debit) is not Decimal or type(credit) is not Decimal:
                return None
            texte_debit, texte_credit = str(debit), str(credit)
            # Two decimals exactly, not negative, within core.money.MAXIMUM, one side only.
            if (
                not 4 <= len(texte_debit) <= _LONGUEUR_MAX
                or not 4 <= len(texte_credit) <= _LONGUEUR_MAX
                or texte_debit[-3] != "."
                or texte_credit[-3] != "."
                or texte_debit[0] == "-"
                or texte_credit[0] == "-"
                or (texte_debit == "0.00") is (texte_credit == "0.00")
            ):
                return None
            total_debit += debit
            total_credit += credit
            resultat.append(
                (*compte, texte_debit, texte_credit, ligne.tiers[:120], ligne.libelle[:255])
            )
        return resultat if total_debit == total_credit else None

    def _lignes_verifiees(self, lignes: Sequence) -> list:
        """The same tuples from `_preparer_lignes`, which refuses what is wrong in French."""
        return [
            (
                lp.compte.pk,
                encode_basestring(lp.compte.numero),
                f"{lp.debit:.2f}",
                f"{lp.credit:.2f}",
                lp.tiers,
                lp.libelle,
            )
            for lp in _preparer_lignes(lignes, self.comptes)
        ]

    def paquet(self, saisies: Sequence[EcritureSaisie], ids: Sequence[int]) -> tuple[bytes, bytes]:
        """COPY text of the packet's entries and of their lines."""
        ecritures: list[str] = []
        lignes_copie: list[str] = []
        numero, rang, precedente = self.numero, self.rang, self.precedente
        json_debut, json_auteur = self._json_debut, self._json_auteur
        copie_ecriture, copie_auteur = self._copie_ecriture, self._copie_auteur
        copie_exercice = self._copie_exercice
        for rang_paquet, (identifiant, saisie) in enumerate(zip(ids, saisies, strict=True)):
            if not rang_paquet % _CEDER_TOUS_LES:
                # Hand the GIL to the connection's thread if it waits for it (the server
                # read what it was sent): else it would wait up to the switch interval, 5 ms.
                time.sleep(0)
            date = self._date(saisie.date)
            lignes = self._lignes_simples(saisie.lignes) or self._lignes_verifiees(saisie.lignes)
            numero += 1
            rang += 1
            libelle = saisie.libelle[:255]
            if saisie.piece:
                piece = saisie.piece[:120]
                json_piece, copie_piece = encode_basestring(piece), texte_copie(piece)
            else:
                json_piece, copie_piece = self._json_piece, self._copie_piece
            contrepasse = saisie.contrepasse_id
            json_lignes = ",".join(
                f'[{compte_json},"{debit}","{credit}",{encode_basestring(tiers)},'
                f"{encode_basestring(libelle_ligne)}]"
                for _, compte_json, debit, credit, tiers, libelle_ligne in lignes
            )
            contenu = (
                f'["{precedente}"{json_debut}{numero},{rang},"{date}",'
                f"{encode_basestring(libelle)},{json_piece}{json_auteur}"
                f"{'null' if contrepasse is None else _ENCODEUR.encode(contrepasse)},"
                f"[{json_lignes}]]"
            )
            empreinte = hashlib.sha256(contenu.encode()).hexdigest()
            ecritures.append(
                f"{identifiant}{copie_ecriture}{numero}\t{rang}\t{date}\t{texte_copie(libelle)}"
                f"\t{copie_piece}{copie_auteur}"
                f"{_NUL if contrepasse is None else contrepasse}\t{precedente}\t{empreinte}\n"
            )
            debut_ligne = f"{identifiant}{copie_exercice}{date}\t"
            for compte_id, _, debit, credit, tiers, libelle_ligne in lignes:
                lignes_copie.append(
                    f"{debut_ligne}{compte_id}\t{debit}\t{credit}\t{texte_copie(tiers)}"
                    f"\t{texte_copie(libelle_ligne)}\n"
                )
            precedente = empreinte
        self.numero, self.rang, self.precedente = numero, rang, precedente
        return "".join(ecritures).encode(), "".join(lignes_copie).encode()
