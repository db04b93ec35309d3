-- A credit moves only while its exercise is not closed, and a closure waits for
-- the movements in flight (the services no longer lock the exercise with the credit).
CREATE OR REPLACE FUNCTION budget_credits_verrouiller(p_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_trouves integer;
BEGIN
    PERFORM 1 FROM budget_credit WHERE id = ANY (p_ids) ORDER BY id FOR UPDATE;
    -- The credits' exercises, share-locked until commit: a closure (which
    -- locks the exercise FOR UPDATE) waits for a movement in flight, and a
    -- movement that waited for a closure then reads the exercise closed.
    -- Movements share the lock, so they never wait on each other.
    PERFORM 1 FROM ledger_exercice
     WHERE id IN (SELECT exercice_id FROM budget_credit WHERE id = ANY (p_ids))
     ORDER BY id FOR SHARE;
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
