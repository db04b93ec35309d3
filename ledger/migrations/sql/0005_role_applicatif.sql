-- The role the application should connect as in production: it owns no
-- table, so it can neither disable a trigger nor alter a table, and it has no
-- UPDATE, DELETE or TRUNCATE on what must only grow. Tables created by later
-- migrations get the ordinary grants through the default privileges.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        BEGIN
            CREATE ROLE caisse_app NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'Rôle caisse_app non créé (privilège CREATEROLE absent) : à créer par l''administrateur.';
            RETURN;
        END;
    END IF;
    GRANT USAGE ON SCHEMA public TO caisse_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO caisse_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO caisse_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO caisse_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO caisse_app;
    -- Append-only: insert and read, nothing else.
    REVOKE UPDATE, DELETE, TRUNCATE ON ledger_ecriture, ledger_ligne, ledger_lot, core_journalaudit FROM caisse_app;
    -- Kept by the triggers (which run with the caller's rights): no deletion.
    REVOKE DELETE, TRUNCATE ON ledger_compteur, ledger_chaine, ledger_cumul FROM caisse_app;
END $$;
