"""SEPA credit transfer files (ISO 20022 pain.001) for a batch of the fund's payments.

Two versions are written, from the same inputs: **pain.001.001.09** (the
ISO 20022 2019 message the EPC implementation guidelines use, by default)
and **pain.001.001.03** (2009, for a bank that still asks for it); each bank
account says which (`CompteDisponibilite.format_virements`) and each batch
records the one used (`LotPaiement.format`).

One file carries one payment information block (`PmtInf`, `BtchBookg`
true): the fund's account is debited once per batch. Its `PmtInfId` is the
batch's message id (`LotPaiement.message_id`, also the file's `MsgId`): the
bank returns it in the statement entry that books the batch
(camt.053/camt.054 `NtryDtls/Btch/PmtInfId`) and the reconciliation matches
the whole batch on it. Each transfer (`CdtTrfTxInf`) carries its own
`EndToEndId`, returned for a transfer booked alone.

How the file is built (`ecriture.pain001`). The XML is written by `sepaxml`
(public API only: `SepaTransfer(..., schema=version)`, `add_payment`,
`export(validate=False)`); its output is parsed with lxml to set what sepaxml
draws at random or from the clock (`MsgId`, `PmtInfId`, `CreDtTm`: the caller
gives them, so the same batch gives the same file) and to add the
`NOTPROVIDED` debtor agent when the fund's BIC is not given. sepaxml's own
validation is not used: it runs `xmlschema` (pure Python, 3 s for 10,000
transfers); libxml2's, through `lxml.etree.XMLSchema`, takes a tenth of that.

What differs between the versions, as sepaxml writes it and as we check it:

- `ReqdExctnDt` is a date in .03, a choice in .09 (`<ReqdExctnDt><Dt>`; a
  `DtTm` is refused: a SEPA transfer asks for a day);
- the agents' BIC is `BIC` in .03, `BICFI` in .09. The BIC is optional in
  both (IBAN-only SEPA): a creditor whose BIC is unknown has no `CdtrAgt`
  (optional in both schemas); the debtor agent is mandatory in both schemas,
  so without the fund's BIC it is `FinInstnId/Othr/Id` `NOTPROVIDED`, the
  form the EPC customer-to-PSP guidelines and the banks' own guides give
  for an agent not identified by BIC (an empty `FinInstnId` passes the .09
  XSD, which makes all its children optional, but identifies nothing);
- postal addresses are written in .09 only, always structured (`PstlAdr`
  with `StrtNm`, `BldgNb`, `PstCd`, `TwnNm`, `Ctry`), never as free
  `AdrLine` lines: the EPC rulebooks of 2025 (version 1.1) and its guidance
  on addresses (EPC, version 2.1, October 2025) admit structured or hybrid
  addresses (town and country structured, two free lines at most) and no
  longer a fully unstructured one from 15 November 2026. The .03 guidelines
  admitted only a country and free lines, so no address is written in .03
  (an address is optional for a SEPA transfer within the EEA). The fund's
  address comes from the settings (`ADRESSE_ORGANISME`); no model holds a
  creditor's structured address, so creditors have none.

The inputs are checked first, each refusal naming the transfer: IBAN (ISO
13616 key, and the national key such as the clé RIB) and BIC by
`oppositions.banque`, the amount by `core.money.montant` (exact decimal,
cents, > 0) and the EPC maximum of 999 999 999,99 €, references (`MsgId`,
`EndToEndId`) in the restricted SEPA identifier set, `EndToEndId`s unique.
Then the finished file goes through `valider_pain001` (`controles`), which
works on any file of either version: its XSD, then the EPC rules the XSD does
not check (listed in `tresorerie.sepa.controles`).

The requested execution date (`ReqdExctnDt`) is never in the past: `pain001`
refuses a date before today (the fund's clock), `valider_pain001` a file
that asks for a date before its own creation (`CreDtTm`). The treasury asks
for the day of the payment, which is the day it is recorded
(`tresorerie.services.paiements.date_du_paiement`). Business days are not
modelled: a file made on a Saturday asks for that Saturday, and the bank
executes it on its next business day (TARGET2 calendar), as for any file
received outside its opening days.

Texts are transliterated to the SEPA Latin character set (EPC guidance on
the character set: a-z A-Z 0-9 / - ? : ( ) . , ' + and space): accents are
removed by `text_unidecode` (a dependency of sepaxml), "&" becomes "+", "°"
becomes "o" ("N° 12" -> "No 12"), other characters become spaces; names are
cut at 70 characters (EPC limit; the XSD admits 140), the remittance
information at 140. A transfer whose libellé is empty has no `RmtInf`.

Measured on the 2-core machine, 10,000 transfers (half of them with a BIC, the
fund's address), 30/11/2026, median of three runs (`pain001` includes its own
`valider_pain001`; the test
`tests/tresorerie/test_sepa_09.py::test_dix_mille_virements_dans_chaque_version`
prints the same figures):

| | pain.001.001.09 | pain.001.001.03 |
|---|---|---|
| `pain001`, machine quiet | 1.36 s | 1.40 s |
| `valider_pain001`, machine quiet | 0.54 s | 0.55 s |
| `pain001`, load 3.5 to 3.9 (other test runs) | 2.9 to 3.0 s | 2.0 to 3.0 s |
| `valider_pain001`, same load | 0.98 to 0.99 s | 1.06 to 1.08 s |
| of which the XSD alone (libxml2) | 0.07 s | 0.07 s |
| file size | 5.63 MB | 5.61 MB |

The two versions cost the same within the machine's noise. The EPC checks
are most of the validation (a pass over every text for the character set and
lengths, then each transfer's amount, currency, agents, remittance and
address; each distinct IBAN and BIC is checked once per file); the XSD
itself is a tenth of it.
"""

from tresorerie.sepa.commun import (
    ESPACE_DE_NOMS,
    MONTANT_MAXIMUM,
    NON_FOURNI,
    VERSION,
    VERSION_03,
    VERSION_09,
    VERSIONS,
    Adresse,
    Donneur,
    Virement,
    en_latin_sepa,
    espace_de_noms,
)
from tresorerie.sepa.controles import valider_pain001
from tresorerie.sepa.ecriture import pain001

__all__ = [
    "ESPACE_DE_NOMS",
    "MONTANT_MAXIMUM",
    "NON_FOURNI",
    "VERSION",
    "VERSION_03",
    "VERSION_09",
    "VERSIONS",
    "Adresse",
    "Donneur",
    "Virement",
    "en_latin_sepa",
    "espace_de_noms",
    "pain001",
    "valider_pain001",
]
