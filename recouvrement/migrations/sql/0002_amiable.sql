-- The échéancier of a payment delay (circ. 93/82 §2.0.5): its instalments sum
-- exactly to the amount the delay spreads (the reste of the claim on the day
-- of the grant); checked at COMMIT, once the delay and all its lines exist.
-- An instalment recorded is never changed nor removed: the delay granted is
-- what the debtor was told.
CREATE FUNCTION recouvrement_echeancier_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    d_id bigint;
    total numeric;
    somme numeric;
BEGIN
    IF TG_TABLE_NAME = 'recouvrement_delaipaiement' THEN
        d_id := NEW.id;
    ELSE
        d_id := NEW.delai_id;
    END IF;
    SELECT montant INTO total FROM recouvrement_delaipaiement WHERE id = d_id;
    IF total IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT COALESCE(SUM(montant), 0) INTO somme FROM recouvrement_echeance WHERE delai_id = d_id;
    IF somme <> total THEN
        RAISE EXCEPTION 'Les échéances du délai de paiement n° % totalisent % € : elles doivent égaler exactement le montant échelonné de % € (circulaire 93/82 §2.0.5).',
            d_id, somme, total USING ERRCODE = 'LG920';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER delai_echeancier_total
    AFTER INSERT OR UPDATE OF montant ON recouvrement_delaipaiement
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION recouvrement_echeancier_verifier();
CREATE CONSTRAINT TRIGGER echeance_echeancier_total
    AFTER INSERT ON recouvrement_echeance
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION recouvrement_echeancier_verifier();

CREATE TRIGGER echeance_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_echeance
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une échéance accordée ne se modifie ni ne se supprime : la défaillance se constate, un délai nouveau s''accorde.');

-- A claim handed to the directeur stays his: the directeur "est seul chargé du
-- recouvrement contentieux" (circ. 93/82 §2.0.5); it never goes back to the
-- agent comptable and its date of hand-over never changes.
CREATE FUNCTION recouvrement_creance_transmise() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.transmise_le IS NOT NULL AND (
        NEW.transmise_le IS DISTINCT FROM OLD.transmise_le
        OR NEW.transmise_par_id IS DISTINCT FROM OLD.transmise_par_id
        OR NEW.responsable <> 'directeur'
    ) THEN
        RAISE EXCEPTION 'La créance n° % a été transmise au directeur le % : elle ne revient pas à l''agent comptable et sa transmission ne se modifie pas (circulaire 93/82 §2.0.5).',
            OLD.id, to_char(OLD.transmise_le, 'DD/MM/YYYY') USING ERRCODE = 'LG921';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER creance_transmise_reste_au_directeur BEFORE UPDATE ON recouvrement_creance
    FOR EACH ROW EXECUTE FUNCTION recouvrement_creance_transmise();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON recouvrement_echeance FROM caisse_app;
        GRANT UPDATE (id) ON recouvrement_echeance TO caisse_app;
    END IF;
END $$;
