DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE (id) ON responsabilite_miseencause FROM caisse_app;
    END IF;
END $$;
