-- Shared guard functions, and the audit log made append-only.

-- Generic refusal, message in TG_ARGV[0]. TRUNCATE stays possible for a
-- superuser only (who can disable any trigger anyway); the test runner
-- empties tables that way.
CREATE FUNCTION caisse_refuser() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'LG001', MESSAGE = TG_ARGV[0];
END;
$$;

CREATE TRIGGER audit_ajout_seul BEFORE UPDATE OR DELETE ON core_journalaudit
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Le journal d''audit est en ajout seul : une entrée ne peut être ni modifiée ni supprimée.');
CREATE TRIGGER audit_pas_de_vidage BEFORE TRUNCATE ON core_journalaudit
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Le journal d''audit ne peut pas être vidé.');
