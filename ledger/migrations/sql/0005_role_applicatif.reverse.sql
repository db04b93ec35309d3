DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM caisse_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM caisse_app;
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM caisse_app;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM caisse_app;
        REVOKE USAGE ON SCHEMA public FROM caisse_app;
    END IF;
END $$;
