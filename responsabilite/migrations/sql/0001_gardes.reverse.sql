DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE, DELETE ON responsabilite_miseencause TO caisse_app;
        GRANT DELETE ON responsabilite_ordredebet TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS ordredebet_transitions ON responsabilite_ordredebet;
DROP FUNCTION IF EXISTS responsabilite_ordredebet_modifier();
DROP TRIGGER IF EXISTS ordredebet_numero ON responsabilite_ordredebet;
DROP FUNCTION IF EXISTS responsabilite_ordredebet_numeroter();
DROP TRIGGER IF EXISTS ordredebet_jamais_supprime ON responsabilite_ordredebet;
DROP TRIGGER IF EXISTS miseencause_ajout_seul ON responsabilite_miseencause;
