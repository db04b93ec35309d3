-- Back to 0013: the 0007, 0008 and 0009 versions of the posting checks are
-- replayed after this file (see the migration), the 0010 version of the
-- frozen balance's check is restored here.
DROP TRIGGER IF EXISTS balancefigee_marquer ON ledger_balancefigee;
DROP FUNCTION IF EXISTS ledger_balancefigee_marquer();
CREATE OR REPLACE FUNCTION ledger_lignebalancefigee_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouvelles n
          LEFT JOIN ledger_balancefigee b ON b.id = n.balance_id
         WHERE b.id IS NULL OR b.tx <> pg_current_xact_id()
    ) THEN
        RAISE EXCEPTION 'Une balance figée ne reçoit plus de lignes : figez une nouvelle balance.'
            USING ERRCODE = 'LG060';
    END IF;
    RETURN NULL;
END $$;
ALTER TABLE ledger_ecriture DROP COLUMN tx_serveur;
ALTER TABLE ledger_lot DROP COLUMN tx_serveur;
ALTER TABLE ledger_balancefigee DROP COLUMN tx_serveur;
