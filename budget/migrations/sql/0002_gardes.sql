-- Guards of the credits of the gestions budgétaires, kept by PostgreSQL
-- (see budget/models.py, "Design overview"). Every refusal raises a SQLSTATE
-- LGB01..LGB10 (class LG) with the French message the user reads.
--
-- circ. 93/82 §2.1.2: the agent comptable checks "la disposition des
-- crédits"; §2.1.9: a réquisition cannot force a payment when credits are
-- absent or insufficient. So: engaged <= opened, ordered <= engaged,
-- paid <= ordered, at every commit and for every writer.

-- French display of an amount, as core.money.format_euros: 1 234,56 €.
CREATE FUNCTION budget_euros(v numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(replace(to_char(v, 'FM999,999,999,999,999,990.00'), ',', U&'\00A0'), '.', ',')
           || U&'\00A0€'
$$;

-- 1. Movements and modifications are append-only.
CREATE TRIGGER mouvementcredit_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON budget_mouvementcredit
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un mouvement de crédit ne se modifie ni ne se supprime : passez un mouvement de sens contraire (un engagement se réduit par une libération).');
CREATE TRIGGER modificationcredit_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON budget_modificationcredit
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une décision modificative de crédits ne se modifie ni ne se supprime : prenez une nouvelle décision de sens contraire.');

-- 2, 3. A credit: fixed identity and initial amount, totals equal to the
-- sums of its rows, and 0 <= payé <= ordonnancé <= engagé <= ouverts.
CREATE FUNCTION budget_credit_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_etat text;
    v_annee integer;
    s record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM budget_mouvementcredit WHERE credit_id = OLD.id)
           OR EXISTS (SELECT 1 FROM budget_modificationcredit WHERE credit_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB09',
                MESSAGE = format('Le crédit du chapitre %s porte des mouvements ou des modifications : il ne peut pas être supprimé.', OLD.chapitre);
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'INSERT' THEN
        SELECT etat, annee INTO v_etat, v_annee FROM ledger_exercice WHERE id = NEW.exercice_id;
        IF v_etat = 'clos' THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB08',
                MESSAGE = format('L''exercice %s est clos : ses crédits ne s''ouvrent ni ne bougent plus.', v_annee);
        END IF;
        IF NEW.modifications <> 0 OR NEW.engage <> 0 OR NEW.ordonnance <> 0 OR NEW.paye <> 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB03',
                MESSAGE = 'Un crédit s''ouvre sans modification, engagement, ordonnancement ni paiement : ces totaux sont tenus par la base.';
        END IF;
    ELSE
        IF NEW.exercice_id <> OLD.exercice_id OR NEW.chapitre <> OLD.chapitre
           OR NEW.montant_initial <> OLD.montant_initial OR NEW.id <> OLD.id THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB02',
                MESSAGE = format('L''exercice, le chapitre et le montant initial du crédit %s ne se modifient pas : passez une décision modificative.', OLD.chapitre);
        END IF;
        IF ROW(NEW.modifications, NEW.engage, NEW.ordonnance, NEW.paye)
           IS DISTINCT FROM ROW(OLD.modifications, OLD.engage, OLD.ordonnance, OLD.paye) THEN
            SELECT coalesce((SELECT sum(montant) FROM budget_modificationcredit WHERE credit_id = NEW.id), 0) AS modifications,
                   coalesce(sum(montant) FILTER (WHERE nature = 'engagement'), 0) AS engage,
                   coalesce(sum(montant) FILTER (WHERE nature = 'ordonnancement'), 0) AS ordonnance,
                   coalesce(sum(montant) FILTER (WHERE nature = 'paiement'), 0) AS paye
              INTO s
              FROM budget_mouvementcredit WHERE credit_id = NEW.id;
            IF ROW(NEW.modifications, NEW.engage, NEW.ordonnance, NEW.paye)
               IS DISTINCT FROM ROW(s.modifications, s.engage, s.ordonnance, s.paye) THEN
                RAISE EXCEPTION USING ERRCODE = 'LGB01',
                    MESSAGE = format('Les totaux du crédit %s sont tenus par la base à partir de ses mouvements et modifications : ils ne se modifient pas directement.', OLD.chapitre);
            END IF;
        END IF;
    END IF;

    IF NEW.montant_initial < 0 OR NEW.paye < 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB07',
            MESSAGE = format('Au chapitre %s (%s), ni les crédits initiaux ni les paiements ne peuvent être négatifs.', NEW.chapitre, NEW.libelle);
    END IF;
    IF NEW.engage > NEW.montant_initial + NEW.modifications THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB04',
            MESSAGE = format('Crédits insuffisants au chapitre %s (%s) : les engagements (%s) dépasseraient les crédits ouverts (%s) (circulaire 93/82 §2.1.2).',
                             NEW.chapitre, NEW.libelle, budget_euros(NEW.engage), budget_euros(NEW.montant_initial + NEW.modifications));
    END IF;
    IF NEW.ordonnance > NEW.engage THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB05',
            MESSAGE = format('Au chapitre %s (%s), les ordonnancements (%s) dépasseraient les engagements (%s) : on n''ordonnance que ce qui est engagé (circulaire 93/82 §2.1.0).',
                             NEW.chapitre, NEW.libelle, budget_euros(NEW.ordonnance), budget_euros(NEW.engage));
    END IF;
    IF NEW.paye > NEW.ordonnance THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB06',
            MESSAGE = format('Au chapitre %s (%s), les paiements (%s) dépasseraient les ordonnancements (%s) : on ne paie que ce qui est ordonnancé (circulaire 93/82 §2.1.0).',
                             NEW.chapitre, NEW.libelle, budget_euros(NEW.paye), budget_euros(NEW.ordonnance));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER credit_verifier BEFORE INSERT OR UPDATE OR DELETE ON budget_credit
    FOR EACH ROW EXECUTE FUNCTION budget_credit_verifier();

-- The credits touched by a statement, locked in id order (no deadlock
-- between two statements touching the same credits), must exist and belong
-- to an exercise that is not closed.
CREATE FUNCTION budget_credits_verrouiller(p_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_trouves integer;
BEGIN
    PERFORM 1 FROM budget_credit WHERE id = ANY (p_ids) ORDER BY id FOR UPDATE;
    SELECT count(*) INTO v_trouves FROM budget_credit WHERE id = ANY (p_ids);
    IF v_trouves <> cardinality(p_ids) THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB10', MESSAGE = 'Le crédit du mouvement n''existe pas.';
    END IF;
    SELECT c.chapitre, x.annee INTO r
      FROM budget_credit c JOIN ledger_exercice x ON x.id = c.exercice_id
     WHERE c.id = ANY (p_ids) AND x.etat = 'clos'
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB08',
            MESSAGE = format('L''exercice %s est clos : ses crédits ne s''ouvrent ni ne bougent plus (chapitre %s).', r.annee, r.chapitre);
    END IF;
END;
$$;

-- 2. Each statement's movements are added to the totals of their credits;
-- the credit trigger above then checks the sums and the order of totals.
CREATE FUNCTION budget_mouvement_reporter() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM budget_credits_verrouiller(ARRAY(SELECT DISTINCT credit_id FROM nouveaux));
    UPDATE budget_credit c
       SET engage = c.engage + t.engage,
           ordonnance = c.ordonnance + t.ordonnance,
           paye = c.paye + t.paye
      FROM (SELECT credit_id,
                   coalesce(sum(montant) FILTER (WHERE nature = 'engagement'), 0) AS engage,
                   coalesce(sum(montant) FILTER (WHERE nature = 'ordonnancement'), 0) AS ordonnance,
                   coalesce(sum(montant) FILTER (WHERE nature = 'paiement'), 0) AS paye
              FROM nouveaux GROUP BY credit_id) t
     WHERE c.id = t.credit_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER mouvementcredit_reporter AFTER INSERT ON budget_mouvementcredit
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION budget_mouvement_reporter();

CREATE FUNCTION budget_modification_reporter() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM budget_credits_verrouiller(ARRAY(SELECT DISTINCT credit_id FROM nouvelles));
    UPDATE budget_credit c
       SET modifications = c.modifications + t.montant
      FROM (SELECT credit_id, sum(montant) AS montant FROM nouvelles GROUP BY credit_id) t
     WHERE c.id = t.credit_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER modificationcredit_reporter AFTER INSERT ON budget_modificationcredit
    REFERENCING NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION budget_modification_reporter();

-- 5. The application role: movements and modifications only grow; credits
-- are never deleted by it (their totals are updated by the triggers, which
-- run with the caller's rights, so UPDATE stays granted on budget_credit).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON budget_mouvementcredit, budget_modificationcredit FROM caisse_app;
        REVOKE DELETE, TRUNCATE ON budget_credit FROM caisse_app;
    END IF;
END $$;
