-- The book balance of an account at the end of a day: the lines of the
-- exercise of that day, and of the exercises before it back to the last one
-- whose opening balances (à-nouveaux) are posted; before any reprise, every
-- exercise. So the balance on 2 January is not the movements of 1 and 2
-- January alone while last year's balances wait to be carried forward.
-- `tresorerie.selectors.solde_comptable` reads this function.
CREATE FUNCTION tresorerie_solde_comptable(p_compte bigint, p_au date) RETURNS numeric
LANGUAGE sql STABLE AS $$
    WITH depuis AS (
        SELECT coalesce(max(e.annee), 0) AS annee
          FROM ledger_exercice e
         WHERE e.annee <= extract(year FROM p_au)
           AND EXISTS (SELECT 1 FROM ledger_cumul a WHERE a.exercice_id = e.id AND a.a_nouveau)
    )
    SELECT coalesce(sum(cu.debit) - sum(cu.credit), 0)
      FROM ledger_cumul cu
      JOIN ledger_exercice e ON e.id = cu.exercice_id
     CROSS JOIN depuis
     WHERE cu.compte_id = p_compte AND cu.date <= p_au AND e.annee >= depuis.annee
$$;

-- A batch never leaves its account's book balance below the authorised
-- overdraft (as in 0005), the balance now read over the exercises not yet
-- carried forward; the account's row is locked FOR NO KEY UPDATE, as the
-- service does (core.verrous), so that a receipt committing a row that refers
-- to the account does not wait for the whole batch.
CREATE OR REPLACE FUNCTION tresorerie_lot_solde() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    c record;
    v_solde numeric;
BEGIN
    SELECT cd.libelle, cd.compte_id, cd.decouvert_autorise, lc.numero INTO c
      FROM tresorerie_comptedisponibilite cd JOIN ledger_compte lc ON lc.id = cd.compte_id
     WHERE cd.id = NEW.compte_id FOR NO KEY UPDATE OF cd;
    v_solde := tresorerie_solde_comptable(c.compte_id, NEW.date);
    IF v_solde < -c.decouvert_autorise THEN
        RAISE EXCEPTION USING ERRCODE = 'LG342',
            MESSAGE = format('Le lot de paiements laisserait le compte « %s » (%s) à un solde comptable de %s, en deçà du découvert autorisé (%s) : solde comptable %s, lot %s.',
                             c.libelle, c.numero, budget_euros(v_solde),
                             budget_euros(c.decouvert_autorise),
                             budget_euros(v_solde + NEW.total), budget_euros(NEW.total));
    END IF;
    RETURN NULL;
END;
$$;
