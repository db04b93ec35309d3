-- A guard reads our tables, never a temporary table of its caller (issue 14, point 7).
--
-- The trigger and guard functions name their tables without a schema. When
-- pg_temp is not listed in the search_path, PostgreSQL looks for a relation in
-- the session's temporary schema FIRST: someone with the application's role
-- could create a temporary `ledger_ecriture` or `ledger_ligne` and the guard
-- would check it instead of the real table. Two defences:
--
-- (a) every plpgsql or sql function of the schema public (not an extension's)
--     runs with search_path = pg_catalog, public, pg_temp: pg_temp last, so a
--     temporary table never hides ours. It is part of each function's
--     definition, carried by any pg_dump. Exempt: the IMMUTABLE sql functions
--     below, which read no table and name no type (a temporary object can hide
--     nothing in them; functions and operators are never looked up in pg_temp)
--     and stay inlinable where they are used in generated columns and indexes
--     (a function with a SET clause is never inlined).
-- (b) no temporary tables at all for the application: TEMPORARY is revoked on
--     this database from PUBLIC (which had it by default) and from caisse_app.
--     The application never creates one. A database-level privilege is not in
--     a plain pg_dump: docs/deploiement.md tells how a restore keeps it.
--
-- A function created or replaced later (CREATE OR REPLACE resets its settings)
-- must say SET search_path = pg_catalog, public, pg_temp itself:
-- tests/ledger/test_ombre_temporaire.py lists those that do not.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_proc p
          JOIN pg_namespace n ON n.oid = p.pronamespace
          JOIN pg_language l ON l.oid = p.prolang
         WHERE n.nspname = 'public'
           AND l.lanname IN ('plpgsql', 'sql')
           AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                              AND d.deptype = 'e')
           AND NOT (l.lanname = 'sql' AND p.provolatile = 'i' AND p.proname IN (
                    'budget_euros', 'oppositions_euros', 'oppositions_cle_nom',
                    'oppositions_cle_identifiant', 'oppositions_identifiant_normal',
                    'personnes_fonction_libelle', 'personnes_fonction_exclue',
                    'personnes_fonction_avec_de'))
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
    END LOOP;

    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM caisse_app', current_database());
    END IF;
END $$;
