DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_proc p
          JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public'
           AND 'search_path=pg_catalog, public, pg_temp' = ANY (p.proconfig)
    LOOP
        EXECUTE format('ALTER FUNCTION %s RESET search_path', f);
    END LOOP;

    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database());
END $$;
