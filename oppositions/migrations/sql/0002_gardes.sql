-- Guards of the oppositions à paiement, kept by PostgreSQL (oppositions/models.py).
-- Circ. 93/82 §2.1.5: an opposition counts only up to the amount written on
-- the act, and only once served on the agent comptable. What was paid to the
-- opposing party is recorded once and never rewritten.

-- Money in French: 1234.5 → '1234,50 €'.
CREATE FUNCTION oppositions_euros(v numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(to_char(v, 'FM9999999999999999990.00'), '.', ',') || ' €'
$$;

-- 2, 3. An imputation stays within what remains of its opposition. The
-- opposition row is locked first: concurrent imputations queue on it, and
-- the sum below, read by a new statement after the lock is granted, includes
-- whatever the one before committed (READ COMMITTED). Row-level, so that
-- several rows inserted by one statement are counted one after the other.
CREATE FUNCTION oppositions_imputation_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    o record;
    v_deja numeric;
BEGIN
    SELECT id, montant, signifiee_le INTO o
      FROM oppositions_opposition WHERE id = NEW.opposition_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG701',
            MESSAGE = format('L''opposition n° %s n''existe pas.', NEW.opposition_id);
    END IF;
    IF NEW.le < o.signifiee_le THEN
        RAISE EXCEPTION USING ERRCODE = 'LG702',
            MESSAGE = format('Un paiement du %s ne peut pas être imputé sur l''opposition n° %s, signifiée à l''agent comptable le %s : une opposition n''a d''effet qu''une fois signifiée (circulaire 93/82 §2.1.5).',
                             to_char(NEW.le, 'DD/MM/YYYY'), o.id, to_char(o.signifiee_le, 'DD/MM/YYYY'));
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_deja
      FROM oppositions_imputation WHERE opposition_id = NEW.opposition_id;
    IF v_deja + NEW.montant > o.montant THEN
        RAISE EXCEPTION USING ERRCODE = 'LG703',
            MESSAGE = format('L''opposition n° %s ne vaut qu''à concurrence de %s (circulaire 93/82 §2.1.5) : %s ont déjà été versés à l''opposant, il reste %s, un versement de %s la dépasserait.',
                             o.id, oppositions_euros(o.montant), oppositions_euros(v_deja),
                             oppositions_euros(o.montant - v_deja), oppositions_euros(NEW.montant));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER imputation_dans_le_montant BEFORE INSERT ON oppositions_imputation
    FOR EACH ROW EXECUTE FUNCTION oppositions_imputation_verifier();

-- 4. Imputations are append-only; oppositions end by a mainlevée, never by deletion.
CREATE TRIGGER imputation_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON oppositions_imputation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un versement imputé sur une opposition ne se modifie ni ne se supprime : il a été payé à l''opposant.');
CREATE TRIGGER opposition_pas_de_suppression BEFORE DELETE OR TRUNCATE ON oppositions_opposition
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une opposition ne se supprime pas : elle prend fin par une mainlevée (circulaire 93/82 §2.1.5).');

-- 5. Once something was paid under an opposition, what it was served for is fixed;
--    a mainlevée, once recorded, is fixed too.
CREATE FUNCTION oppositions_opposition_figer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.id, NEW.montant, NEW.creancier_nom, NEW.creancier_identifiant, NEW.signifiee_le)
       IS DISTINCT FROM ROW(OLD.id, OLD.montant, OLD.creancier_nom, OLD.creancier_identifiant, OLD.signifiee_le)
       AND EXISTS (SELECT 1 FROM oppositions_imputation WHERE opposition_id = OLD.id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG704',
            MESSAGE = format('Des versements ont déjà été imputés sur l''opposition n° %s : son montant, son créancier et sa date de signification ne peuvent plus être modifiés (circulaire 93/82 §2.1.5).', OLD.id);
    END IF;
    IF OLD.mainlevee_le IS NOT NULL AND NEW.mainlevee_le IS DISTINCT FROM OLD.mainlevee_le THEN
        RAISE EXCEPTION USING ERRCODE = 'LG705',
            MESSAGE = format('La mainlevée de l''opposition n° %s a été enregistrée au %s : elle ne se modifie ni ne s''annule.',
                             OLD.id, to_char(OLD.mainlevee_le, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER opposition_figee BEFORE UPDATE ON oppositions_opposition
    FOR EACH ROW EXECUTE FUNCTION oppositions_opposition_figer();

-- The application's role: read and add imputations, nothing else; never delete an opposition.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON oppositions_imputation FROM caisse_app;
        REVOKE DELETE, TRUNCATE ON oppositions_opposition FROM caisse_app;
    END IF;
END $$;
