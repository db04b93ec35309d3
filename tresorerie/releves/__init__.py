"""Bank statements of the fund's accounts: ISO 20022 camt.053 and camt.054, and a plain CSV.

All give the same `Releve`: one account, a period, opening and closing
balances (signed, positive when the account is in credit, i.e. holds money;
None for a camt.054 notification) and the booked lines, each with an amount
> 0 and its direction as seen by the account holder ("credit": money in,
"debit": money out).

camt (`lire_camt`; `lire_camt053` is the same function under its first name)
    Versions read: camt.053 (Bank-to-Customer Statement) and camt.054
    (Bank-to-Customer Debit/Credit Notification), .001.02 to .001.14, each
    validated against its own official XSD (`schemas/`, loaded once on first
    use). The message and its version are those of the root element's
    namespace (with or without a prefix; a byte order mark and leading blank
    lines are accepted). camt.053/054 .001.01 and .001.15 and later are refused
    naming the version and the accepted ones; camt.052 (intraday report,
    provisional) and other messages (pain.001, pain.002, ...) are refused saying
    what they are and what to ask the bank for. The file is parsed without
    entity expansion nor network access (no XXE; a DOCTYPE is refused).
    Read with a note in `ecarts`: a `Document` inside an envelope with a
    business application header (`AppHdr`, head.001), and a national namespace
    that names the ISO version (the Austrian "ISO:camt.053.001.02:APC:STUZZA:
    payments:003" is read and validated as camt.053.001.02).

    Tolerance (what banks really send): the XSD errors are sorted. An error is
    fatal, refusing the file with its line, when it touches what is read (the
    account's `Id` and `Ccy`, the balances `Bal`, the period `FrToDt`, an
    entry's `Amt`, `CdtDbtInd`, `RvslInd`, `Sts`, `BookgDt`, `ValDt`, its batch
    `Btch`, a transaction's amounts and direction), a required element the
    reader needs and that is absent, or the document's structure (the
    `Document` and message elements). Any other deviation (an unknown optional
    element, a too long free text, an identifier we do not use that breaks its
    pattern, a missing element we do not need, an entry's status written the
    way of another version) is accepted and noted in French in `Releve.ecarts`
    (one line per kind with its first line number and how many others, at
    most 20). libxml2 stops checking an element's content at its first
    unexpected child, so a tolerated deviation may hide others. Whatever the XSD said, every value read is then
    checked here, with a message naming the statement, the entry's number and
    line, the field, what was found and what is expected.

    Version differences handled: `Ntry/Sts` is `<Sts>BOOK</Sts>` up to .06 and
    `<Sts><Cd>BOOK</Cd></Sts>` (or `Prtry`) from .07; related parties are
    `Dbtr/Nm` up to .06 and `Dbtr/Pty/Nm` from .07 (both read in every
    version); a transaction's amount is `TxDtls/Amt` (from .03, with its own
    `CdtDbtInd`), else `AmtDtls/TxAmt/Amt` or `AmtDtls/InstdAmt/Amt`.

    A statement (camt.053, nature RELEVE):
    - several `Stmt` of one account (e.g. a week of daily statements) are
      merged, provided each closing balance is the next opening balance;
      statements of several accounts are refused, unless the caller names
      the account imported (`iban=`): then only its statements are read, noted;
    - each statement must add up: closing = opening + credits - debits, over
      its booked entries (status BOOK; PDNG, INFO and FUTR entries are ignored);
    - opening balance OPBD, or PRCD (previous closing) when OPBD is absent;
      closing balance CLBD; a closing balance dated before the opening one is
      refused; the period is `FrToDt` when given, else the dates of those
      balances (the day after PRCD's, or PRCD's own day when the bank dated it
      on the statement's day); a period ending before it starts is refused
      showing both dates. A statement with no booked balance at all but its
      available ones (OPAV, CLAV) is read on those, noted in `ecarts`.
    A notification (camt.054, nature AVIS): `Ntfctn` instead of `Stmt`, no
    balances (`solde_ouverture` and `solde_cloture` None); its period is
    `FrToDt`, else the earliest and latest booking dates of its entries, else
    its creation date. Several `Ntfctn` of one account are merged.
    Both: an account held in another currency than the euro, and any amount in
    another currency, are refused naming the currency and the amount; an
    account identified otherwise than by an IBAN is refused, unless its
    `Acct/Id/Othr/Id` is itself a valid IBAN (then read, with a note). The
    IBAN's key is not checked here: the import compares it with the account's.
    An unbalanced statement whose `TxsSummry` announces more entries than the
    file holds is said to be incomplete. A booking date outside the
    period by at most 7 days (`ECART_DE_DATE_ADMIS`: week-ends, holidays, a
    period given in UTC) is accepted with a note in `ecarts`; further away a
    statement is refused, since its balances would not be those of its period,
    while a notification (no balances) is only noted.

    Entries:
    - a booked entry without booking date (optional in the XSD) is dated by its
      value date, else by the statement's last day (notification: its creation
      day), with a note;
    - an entry gives one line, except an entry whose transaction details
      (`TxDtls`) each carry an amount in euros, in the entry's direction, and
      add up to the entry: then one line per transaction, so that each transfer
      of a pain.001 batch is found by its EndToEndId. Entries of zero amount
      move nothing and give no line;
    - libellé: `AddtlNtryInf`, else the remittance information (`Ustrd`, or
      the structured creditor reference), else `AddtlTxInf`; for the lines of
      a split batch, the transaction's own information comes first;
    - reference: the `EndToEndId` (unless `NOTPROVIDED`), else the bank's
      reference `AcctSvcrRef`; counterparty: the debtor's name for a credit,
      the creditor's for a debit; for a reversal or a return (`RvslInd`, a
      return reason, a return code) whose usual party has no name, the other
      party's (a reversed direct debit booked as a debit names the debtor);
    - `code_operation`: the ISO bank transaction code "DOMN/FMLY/SUBFMLY" (e.g.
      PMNT/ICDT/RRTN, a returned credit transfer; PMNT/IDDT/UPDD, a reversed
      direct debit), else the proprietary code `Prtry/Cd`; an entry whose
      `BkTxCd` is empty (`<BkTxCd/>`, German DK banks) takes the code all its
      transactions give (e.g. NTRF+020); a split line takes its transaction's
      code when it has one;
    - `contre_passation`: `RvslInd` true; `motif_retour`: `RtrInf/Rsn/Cd` (ISO
      return reason, e.g. AC04, AM04, MD07) or `Rsn/Prtry`; `motif_retour_info`:
      the `RtrInf/AddtlInf` joined, at most 255 characters;
    - `reference_lot`: `NtryDtls/Btch/PmtInfId`, else `Btch/MsgId`, else the
      `TxDtls/Refs/PmtInfId` that every transaction of the entry carries (not
      `NOTPROVIDED`; PostFinance, Nordea), carried by every line of the entry
      (also those of a split batch, each of which otherwise takes its own
      transaction's `Refs/PmtInfId`);
      `nombre_operations`: `Btch/NbOfTxs`, on an entry read as one line only
      (None on the lines of a split batch, each of which is one transfer).

    Why not `pycamt` for reading: it flattens the entries (losing which entry a
    transaction belongs to, needed to check balances and split batches), turns
    debit balances into floats, and searches with `.//` so that an element of
    a nested block (e.g. the `CdtDbtInd` of a charge) can be taken for the
    entry's. The structure is read here with explicit paths; the tests use
    pycamt as an independent reader of the files `ecrire_camt` writes.

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

Writer (`camt_ecriture`, for the demo and the tests): `ecrire_camt(releve, *,
message_id, version="camt.053.001.08", cree_le=None)` writes a camt.053 or
camt.054 (by the version's prefix) in .001.02, .001.04 or .001.08, valid against
the XSD, with the lines' camt fields; `EntreeGroupee` among the lines writes one
entry for a batch, with or without one TxDtls per transfer (see that module's
docstring). `ecrire_camt053(releve, *, message_id, cree_le=None)` writes a
camt.053.001.02. Reading a written file back gives the same `Releve` (format,
version, nature set), provided a line with an empty `reference` also has an
empty `reference_banque`, and noting that a line without `code_operation` is
written with the proprietary code NMSC and reads back with it.
"""

from __future__ import annotations

from tresorerie.releves.camt import (
    ECART_DE_DATE_ADMIS,
    REFUS_AVIS,
    REFUS_CAMT,
    lire_camt,
    lire_camt053,
)
from tresorerie.releves.camt_ecriture import (
    CODE_OPERATION,
    DECLARATION_XML,
    VERSIONS_ECRITES,
    EntreeGroupee,
    ecrire_camt,
    ecrire_camt053,
)
from tresorerie.releves.camt_entree import NON_FOURNI
from tresorerie.releves.camt_schemas import PREFIXE_ISO, VERSIONS_CAMT
from tresorerie.releves.commun import AVIS, CREDIT, DEBIT, RELEVE, LigneReleve, Releve
from tresorerie.releves.csv_bancaire import ENTETE_CSV, lire_csv

VERSION_CAMT = "camt.053.001.02"  # the first reader's only version, kept for its callers
ESPACE_DE_NOMS = PREFIXE_ISO + VERSION_CAMT

__all__ = [
    "AVIS",
    "CODE_OPERATION",
    "CREDIT",
    "DEBIT",
    "DECLARATION_XML",
    "ECART_DE_DATE_ADMIS",
    "ENTETE_CSV",
    "ESPACE_DE_NOMS",
    "EntreeGroupee",
    "LigneReleve",
    "NON_FOURNI",
    "PREFIXE_ISO",
    "RELEVE",
    "REFUS_AVIS",
    "REFUS_CAMT",
    "Releve",
    "VERSIONS_CAMT",
    "VERSIONS_ECRITES",
    "VERSION_CAMT",
    "ecrire_camt",
    "ecrire_camt053",
    "lire_camt",
    "lire_camt053",
    "lire_csv",
]
