-- The journal of the acts of recovery (the situation individuelle reads it,
-- annexe art. 13 al. 5): an act recorded is never changed nor removed. The
-- application's role may lock a row (UPDATE on id only, for FOR UPDATE).
CREATE TRIGGER acte_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_acte
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un acte de recouvrement enregistré ne se modifie ni ne se supprime : un acte nouveau le complète.');
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON recouvrement_acte FROM caisse_app;
        GRANT UPDATE (id) ON recouvrement_acte TO caisse_app;
    END IF;
END $$;
