-- Back to 0006: a credit-only account refused any debit line.

CREATE OR REPLACE FUNCTION ledger_lot_verifier_equilibre() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    -- Both sides restricted to the lot's id range, so that each check reads
    -- only its own entries and lines through their indexes (a join on
    -- e.id = l.ecriture_id alone would read every line of the ledger).
    SELECT e.id, e.numero, j.code, coalesce(t.lignes, 0) AS lignes,
           coalesce(t.debit, 0) AS debit, coalesce(t.credit, 0) AS credit
      INTO r
      FROM ledger_ecriture e
      JOIN ledger_journal j ON j.id = e.journal_id
      LEFT JOIN (
            SELECT ecriture_id, count(*) AS lignes, sum(debit) AS debit, sum(credit) AS credit
              FROM ledger_ligne
             WHERE ecriture_id BETWEEN NEW.premier_id AND NEW.dernier_id
             GROUP BY ecriture_id
      ) t ON t.ecriture_id = e.id
     WHERE e.id BETWEEN NEW.premier_id AND NEW.dernier_id AND e.tx = NEW.tx
       AND (coalesce(t.lignes, 0) < 2 OR coalesce(t.debit, 0) <> coalesce(t.credit, 0))
     LIMIT 1;
    IF FOUND THEN
        IF r.lignes < 2 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG030',
                MESSAGE = format('L''écriture %s-%s a %s ligne(s) : il en faut au moins deux.', r.code, r.numero, r.lignes);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG031',
                MESSAGE = format('L''écriture %s-%s n''est pas équilibrée : débits %s, crédits %s.',
                                 r.code, r.numero, r.debit, r.credit);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ledger_ligne_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_min bigint;
    v_max bigint;
BEGIN
    -- The entries a statement's lines belong to lie in one id range: reading
    -- only that range keeps the cost of a packet independent of the ledger's size.
    SELECT min(ecriture_id), max(ecriture_id) INTO v_min, v_max FROM nouvelles;
    SELECT n.ecriture_id, e.id, e.tx INTO r
      FROM nouvelles n
      LEFT JOIN (SELECT id, tx FROM ledger_ecriture WHERE id BETWEEN v_min AND v_max) e ON e.id = n.ecriture_id
     WHERE e.id IS NULL OR e.tx <> pg_current_xact_id()
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG040', MESSAGE = format('L''écriture %s n''existe pas.', r.ecriture_id);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG041',
            MESSAGE = 'Une écriture comptabilisée ne peut plus recevoir de ligne : passez une nouvelle écriture.';
    END IF;

    SELECT n.compte_id, c.id, c.numero, c.imputable, c.credit_seulement INTO r
      FROM nouvelles n LEFT JOIN ledger_compte c ON c.id = n.compte_id
     WHERE c.id IS NULL OR NOT c.imputable OR (c.credit_seulement AND n.debit > 0)
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG042', MESSAGE = format('Le compte %s n''existe pas.', r.compte_id);
        ELSIF NOT r.imputable THEN
            RAISE EXCEPTION USING ERRCODE = 'LG043',
                MESSAGE = format('Le compte %s est un compte de regroupement : imputez un de ses sous-comptes.', r.numero);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG044',
                MESSAGE = format('Le compte %s ne fonctionne qu''en crédit : il refuse toute ligne au débit (circulaire 93/82 §2.2).', r.numero);
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
