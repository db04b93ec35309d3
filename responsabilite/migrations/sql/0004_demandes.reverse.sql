DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT DELETE ON responsabilite_demande TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS demande_transitions ON responsabilite_demande;
DROP FUNCTION IF EXISTS responsabilite_demande_modifier();
DROP TRIGGER IF EXISTS demande_naissance ON responsabilite_demande;
DROP FUNCTION IF EXISTS responsabilite_demande_inserer();
DROP TRIGGER IF EXISTS demande_jamais_supprimee ON responsabilite_demande;
