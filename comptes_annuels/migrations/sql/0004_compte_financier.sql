-- The compte financier of the agent comptable (circ. 93/82 §IV): one per
-- exercise, numbered without a gap, drawn from the exercise's balance après
-- inventaire once the exercise has ended; once established it never changes
-- nor goes (its content and hash are what was presented to the board).

CREATE TRIGGER comptefinancier_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON comptes_annuels_comptefinancier
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Le compte financier établi ne se modifie ni ne se supprime.');

CREATE FUNCTION comptes_annuels_comptefinancier_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    dernier int;
BEGIN
    -- Two establishments at once that read the same last number: the UNIQUE
    -- index on numero makes the second wait for the first, then fail.
    SELECT coalesce(max(numero), 0) INTO dernier FROM comptes_annuels_comptefinancier;
    IF NEW.numero <> dernier + 1 THEN
        RAISE EXCEPTION 'Le compte financier doit porter le numéro % (numérotation sans interruption).',
            dernier + 1 USING ERRCODE = 'CA010';
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM ledger_balancefigee b
         WHERE b.id = NEW.balance_id AND b.exercice_id = NEW.exercice_id
           AND b.nature = 'apres_inventaire'
    ) THEN
        RAISE EXCEPTION 'Le compte financier s''établit sur la balance après inventaire figée de son exercice.'
            USING ERRCODE = 'CA011';
    END IF;
    IF EXISTS (SELECT 1 FROM ledger_exercice x WHERE x.id = NEW.exercice_id AND x.etat = 'ouvert') THEN
        RAISE EXCEPTION 'Le compte financier ne s''établit pas pour un exercice encore ouvert.'
            USING ERRCODE = 'CA012';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER comptefinancier_verifier BEFORE INSERT ON comptes_annuels_comptefinancier
    FOR EACH ROW EXECUTE FUNCTION comptes_annuels_comptefinancier_verifier();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON comptes_annuels_comptefinancier FROM caisse_app;
    END IF;
END $$;
