DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE, DELETE ON oppositions_imputation, oppositions_opposition TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS opposition_figee ON oppositions_opposition;
DROP FUNCTION IF EXISTS oppositions_opposition_figer();
DROP TRIGGER IF EXISTS opposition_pas_de_suppression ON oppositions_opposition;
DROP TRIGGER IF EXISTS imputation_ajout_seul ON oppositions_imputation;
DROP TRIGGER IF EXISTS imputation_dans_le_montant ON oppositions_imputation;
DROP FUNCTION IF EXISTS oppositions_imputation_verifier();
DROP FUNCTION IF EXISTS oppositions_euros(numeric);
