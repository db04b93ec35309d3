DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE, DELETE ON responsabilite_dossierdrass TO caisse_app;
        GRANT UPDATE, DELETE ON responsabilite_avisministres TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS demande_approbation_dossier ON responsabilite_demande;
DROP FUNCTION IF EXISTS responsabilite_demande_exiger_dossier();
DROP TRIGGER IF EXISTS avisministres_naissance ON responsabilite_avisministres;
DROP FUNCTION IF EXISTS responsabilite_avisministres_naissance();
DROP TRIGGER IF EXISTS dossierdrass_naissance ON responsabilite_dossierdrass;
DROP FUNCTION IF EXISTS responsabilite_dossierdrass_naissance();
DROP TRIGGER IF EXISTS avisministres_ajout_seul ON responsabilite_avisministres;
DROP TRIGGER IF EXISTS dossierdrass_ajout_seul ON responsabilite_dossierdrass;
