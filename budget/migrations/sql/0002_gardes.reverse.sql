DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE, DELETE, TRUNCATE ON budget_mouvementcredit, budget_modificationcredit TO caisse_app;
        GRANT DELETE, TRUNCATE ON budget_credit TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS modificationcredit_reporter ON budget_modificationcredit;
DROP FUNCTION IF EXISTS budget_modification_reporter();
DROP TRIGGER IF EXISTS mouvementcredit_reporter ON budget_mouvementcredit;
DROP FUNCTION IF EXISTS budget_mouvement_reporter();
DROP FUNCTION IF EXISTS budget_credits_verrouiller(bigint[]);
DROP TRIGGER IF EXISTS credit_verifier ON budget_credit;
DROP FUNCTION IF EXISTS budget_credit_verifier();
DROP TRIGGER IF EXISTS modificationcredit_ajout_seul ON budget_modificationcredit;
DROP TRIGGER IF EXISTS mouvementcredit_ajout_seul ON budget_mouvementcredit;
DROP FUNCTION IF EXISTS budget_euros(numeric);
