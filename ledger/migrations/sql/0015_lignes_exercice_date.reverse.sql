-- Back to 0014: the 0014 version of the line check, then the columns go.
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
    SELECT n.ecriture_id, e.id INTO r
      FROM nouvelles n
      LEFT JOIN (SELECT id, tx, tx_serveur FROM ledger_ecriture WHERE id BETWEEN v_min AND v_max) e
        ON e.id = n.ecriture_id
     WHERE e.id IS NULL OR e.tx <> pg_current_xact_id() OR e.tx_serveur <> pg_postmaster_start_time()
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG040', MESSAGE = format('L''écriture %s n''existe pas.', r.ecriture_id);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG041',
            MESSAGE = 'Une écriture comptabilisée ne peut plus recevoir de ligne : passez une nouvelle écriture.';
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

ALTER TABLE ledger_ligne DROP COLUMN exercice_id, DROP COLUMN date;
