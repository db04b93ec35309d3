"""Bank statements of the fund's accounts: ISO 20022 camt.053 and a plain CSV.

Both formats give the same `Releve`: one account, a period, opening and closing
balances (signed, positive when the account is in credit, i.e. holds money)
and the booked lines, each with an amount > 0 and its direction as seen by the
account holder ("credit": money in, "debit": money out).

camt.053 (`lire_camt053`)
    Only version camt.053.001.02 is accepted (the one French banks deliver
    under the EBICS "camt.053" order type); other versions are refused with a
    message naming them, since only that XSD is vendored (`schemas/`). The file
    is parsed without entity expansion nor network access (no XXE; a DOCTYPE is
    refused), validated against the official XSD, then read with lxml:
    - several `Stmt` of one account (e.g. a week of daily statements) are
      merged, provided each closing balance is the next opening balance;
      statements of several accounts are refused;
    - each statement must add up: closing = opening + credits - debits, over
      its booked entries (status BOOK; PDNG and INFO entries are ignored);
    - opening balance OPBD, or PRCD (previous closing) when OPBD is absent;
      closing balance CLBD; the period is `FrToDt` when given, else the dates
      of those balances (the day after PRCD's);
    - an entry gives one line, except a batch entry whose transaction details
      (`TxDtls`) each carry an amount and add up to the entry: then one line per
      transaction, so that each transfer of a pain.001 batch is found by its
      EndToEndId. Entries of zero amount move nothing and give no line;
    - libellé: `AddtlNtryInf`, else the remittance information (`Ustrd`, or
      the structured creditor reference), else `AddtlTxInf`; for the lines of
      a split batch, the transaction's own information comes first;
    - reference: the `EndToEndId` (unless `NOTPROVIDED`), else the bank's
      reference `AcctSvcrRef`; counterparty: the debtor's name for a credit,
      the creditor's for a debit.

    Why not `pycamt` for reading: it flattens the entries (losing which entry a
    transaction belongs to, needed to check balances and split batches), turns
    debit balances into floats, and searches with `.//` so that an element of
    a nested block (e.g. the `CdtDbtInd` of a charge) can be taken for the
    entry's. The structure is read here with explicit paths; the tests use
    pycamt as an independent reader of the files `ecrire_camt053` writes.

CSV (`lire_csv`), the plain export of French online banking:
    - encoding UTF-8 (a byte order mark is accepted), else Windows-1252;
    - separator `;`, fields may be quoted with `"`;
    - first line, the header, exactly: `date;date_valeur;libelle;reference;debit;credit`;
    - dates `JJ/MM/AAAA` (`date_valeur` may be empty);
    - amounts positive, decimal comma, at most two decimals, thousands
      optionally separated by spaces or non-breaking spaces (`1 234,56`);
      exactly one of `debit` and `credit` is filled on each line;
    - blank lines are skipped; any other error refuses the file, naming the line.
    The caller gives the IBAN and the opening balance (the CSV has neither);
    the period runs from the earliest to the latest operation date; the closing
    balance is computed. `reference` goes to `LigneReleve.reference`
    (`reference_banque` and `contrepartie` stay empty).

`ecrire_camt053` writes a `Releve` as a camt.053.001.02 file valid against the
XSD (used by the demo and the tests as a sample bank statement). Reading it
back gives the same `Releve` with format "camt.053", provided a line with an
empty `reference` also has an empty `reference_banque` (otherwise the bank's
reference becomes the reference, by the rule above), as all lines read by
this module have.
"""

from __future__ import annotations

from tresorerie.releves.camt053 import (
    CODE_OPERATION,
    DECLARATION_XML,
    ESPACE_DE_NOMS,
    NON_FOURNI,
    PREFIXE_ISO,
    REFUS_CAMT,
    VERSION_CAMT,
    ecrire_camt053,
    lire_camt053,
)
from tresorerie.releves.commun import CREDIT, DEBIT, LigneReleve, Releve
from tresorerie.releves.csv_bancaire import ENTETE_CSV, lire_csv

__all__ = [
    "CODE_OPERATION",
    "CREDIT",
    "DEBIT",
    "DECLARATION_XML",
    "ENTETE_CSV",
    "ESPACE_DE_NOMS",
    "LigneReleve",
    "NON_FOURNI",
    "PREFIXE_ISO",
    "REFUS_CAMT",
    "Releve",
    "VERSION_CAMT",
    "ecrire_camt053",
    "lire_camt053",
    "lire_csv",
]
