DROP TRIGGER IF EXISTS ecriture_apres_inventaire_figee ON ledger_ecriture;
DROP FUNCTION IF EXISTS ledger_ecriture_apres_inventaire();
