-- Every line carries its entry's exercise and date (issue 16, point 7): the
-- key the ledger is partitioned by (migration 0016) and what reports filter
-- lines on without joining their entries.
--
-- 1. The two columns, filled for the lines already posted. The table is
--    append-only: its owner (who runs the migrations) lifts the statement
--    guard for this one UPDATE, inside the migration's transaction.
ALTER TABLE ledger_ligne ADD COLUMN exercice_id bigint, ADD COLUMN date date;
ALTER TABLE ledger_ligne DISABLE TRIGGER ligne_ajout_seul;
UPDATE ledger_ligne l SET exercice_id = e.exercice_id, date = e.date
  FROM ledger_ecriture e WHERE e.id = l.ecriture_id;
ALTER TABLE ledger_ligne ENABLE TRIGGER ligne_ajout_seul;
ALTER TABLE ledger_ligne ALTER COLUMN exercice_id SET NOT NULL, ALTER COLUMN date SET NOT NULL;

-- 2. A statement's lines name their entry's exercise and date (LG046), in
--    the same pass over the transition table that finds each line's entry
--    (LG040, LG041). No foreign key on exercice_id: the exercise is the
--    entry's, whose existence the entry's own check guarantees (LG011), and
--    an exercise with entries is never deleted (LG050). Otherwise the 0014
--    version.
CREATE OR REPLACE FUNCTION ledger_ligne_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    r record;
    v_min bigint;
    v_max bigint;
BEGIN
    -- The entries a statement's lines belong to lie in one id range: reading
    -- only that range keeps the cost of a packet independent of the ledger's size.
    SELECT min(ecriture_id), max(ecriture_id) INTO v_min, v_max FROM nouvelles;
    SELECT n.ecriture_id, n.exercice_id AS ligne_exercice, n.date AS ligne_date,
           e.id, e.tx, e.tx_serveur, e.exercice_id, e.date INTO r
      FROM nouvelles n
      LEFT JOIN (SELECT id, tx, tx_serveur, exercice_id, date FROM ledger_ecriture
                  WHERE id BETWEEN v_min AND v_max) e
        ON e.id = n.ecriture_id
     WHERE e.id IS NULL OR e.tx <> pg_current_xact_id() OR e.tx_serveur <> pg_postmaster_start_time()
        OR e.exercice_id <> n.exercice_id OR e.date <> n.date
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG040', MESSAGE = format('L''écriture %s n''existe pas.', r.ecriture_id);
        ELSIF r.tx <> pg_current_xact_id() OR r.tx_serveur <> pg_postmaster_start_time() THEN
            RAISE EXCEPTION USING ERRCODE = 'LG041',
                MESSAGE = 'Une écriture comptabilisée ne peut plus recevoir de ligne : passez une nouvelle écriture.';
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG046',
            MESSAGE = format('Une ligne de l''écriture %s porte l''exercice %s et la date %s, l''écriture l''exercice %s et la date %s : une ligne porte l''exercice et la date de son écriture.',
                             r.ecriture_id, r.ligne_exercice, to_char(r.ligne_date, 'DD/MM/YYYY'),
                             r.exercice_id, to_char(r.date, 'DD/MM/YYYY'));
    END IF;

    SELECT n.compte_id, c.id, c.numero, c.imputable INTO r
      FROM nouvelles n LEFT JOIN ledger_compte c ON c.id = n.compte_id
     WHERE c.id IS NULL OR NOT c.imputable
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG042', MESSAGE = format('Le compte %s n''existe pas.', r.compte_id);
        ELSIF NOT r.imputable THEN
            RAISE EXCEPTION USING ERRCODE = 'LG043',
                MESSAGE = format('Le compte %s est un compte de regroupement : imputez un de ses sous-comptes.', r.numero);
        END IF;
    END IF;

    INSERT INTO ledger_cumul (exercice_id, compte_id, date, a_nouveau, debit, credit)
    SELECT e.exercice_id, n.compte_id, e.date, j.a_nouveaux, sum(n.debit), sum(n.credit)
      FROM nouvelles n
      JOIN (SELECT id, exercice_id, date, journal_id FROM ledger_ecriture WHERE id BETWEEN v_min AND v_max) e
        ON e.id = n.ecriture_id
      JOIN ledger_journal j ON j.id = e.journal_id
     GROUP BY e.exercice_id, n.compte_id, e.date, j.a_nouveaux
     ORDER BY e.exercice_id, n.compte_id, e.date, j.a_nouveaux
    ON CONFLICT (exercice_id, compte_id, date, a_nouveau) DO UPDATE
       SET debit = ledger_cumul.debit + EXCLUDED.debit,
           credit = ledger_cumul.credit + EXCLUDED.credit;
    RETURN NULL;
END;
$$;
