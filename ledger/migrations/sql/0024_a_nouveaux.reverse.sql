DROP TRIGGER IF EXISTS enregistrement_verifier_a_nouveaux ON ledger_enregistrement;
DROP FUNCTION IF EXISTS ledger_enregistrement_verifier_a_nouveaux();
DROP TRIGGER IF EXISTS ecriture_verifier_a_nouveaux ON ledger_ecriture;
DROP FUNCTION IF EXISTS ledger_ecriture_verifier_a_nouveaux();
