DROP FUNCTION ledger_passer_ecriture(integer, text, date, text, text, integer, timestamptz,
    bigint, text[], numeric[], numeric[], text[], text[]);
DROP FUNCTION ledger_empreinte_ecriture(text, integer, text, integer, bigint, date, text, text,
    integer, timestamptz, bigint, text[], numeric[], numeric[], text[], text[]);
DROP FUNCTION ledger_contenu_ecriture(text, integer, text, integer, bigint, date, text, text,
    integer, timestamptz, bigint, text[], numeric[], numeric[], text[], text[]);
