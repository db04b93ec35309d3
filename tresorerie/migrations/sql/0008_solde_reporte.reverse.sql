-- Back to 0005's guard: the balance of the batch's exercise alone.
CREATE OR REPLACE FUNCTION tresorerie_lot_solde() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    c record;
    v_solde numeric;
BEGIN
    SELECT cd.libelle, cd.compte_id, cd.decouvert_autorise, lc.numero INTO c
      FROM tresorerie_comptedisponibilite cd JOIN ledger_compte lc ON lc.id = cd.compte_id
     WHERE cd.id = NEW.compte_id FOR UPDATE OF cd;
    SELECT coalesce(sum(cu.debit) - sum(cu.credit), 0) INTO v_solde
      FROM ledger_cumul cu
     WHERE cu.compte_id = c.compte_id AND cu.exercice_id = NEW.exercice_id AND cu.date <= NEW.date;
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

DROP FUNCTION tresorerie_solde_comptable(bigint, date);
