DROP FUNCTION IF EXISTS ledger_valider_enregistrements(bigint, integer);
DROP FUNCTION IF EXISTS ledger_valider_paquet(bigint, bigint[]);
DROP FUNCTION IF EXISTS ledger_contenu_tete(text, integer, text, integer, bigint);
DROP FUNCTION IF EXISTS ledger_enregistrer_ecriture(integer, text, date, text, text, integer,
    timestamptz, bigint, text[], numeric[], numeric[], text[], text[]);
DROP TABLE IF EXISTS ledger_rejet;
DROP TABLE IF EXISTS ledger_validation;
DROP TABLE IF EXISTS ledger_enregistrement;
DROP FUNCTION IF EXISTS ledger_enregistrement_sortie();
