-- SELECT … FOR UPDATE, which the acts take on the mise en cause they act on
-- (core.verrous), needs the UPDATE privilege on one column of the table: the
-- application's role gets it on `id` alone. The mise en cause stays
-- append-only: the trigger miseencause_ajout_seul refuses every UPDATE.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE (id) ON responsabilite_miseencause TO caisse_app;
    END IF;
END $$;
