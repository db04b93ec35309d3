DROP TRIGGER IF EXISTS ligne_caisse_arretee ON ledger_ligne;
DROP FUNCTION IF EXISTS tresorerie_caisse_arretee();
