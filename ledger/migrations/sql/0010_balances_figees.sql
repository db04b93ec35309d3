-- Frozen balances (circ. 93/82 §3.2): a balance générale frozen at an
-- instant, its rows, and its sendings to the authorities. All three are
-- append-only; rows join only a balance created in the same transaction, so a
-- frozen balance cannot grow later; a sending is not dated before the balance
-- was frozen. The hash (`empreinte`) is recomputed by the application on each
-- display (ledger/balances_figees.py): a change made with the triggers
-- disabled shows there.

ALTER TABLE ledger_balancefigee ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE TRIGGER balancefigee_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_balancefigee
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une balance figée ne se modifie ni ne se supprime : figez-en une nouvelle.');
CREATE TRIGGER lignebalancefigee_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_lignebalancefigee
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une ligne de balance figée ne se modifie ni ne se supprime : figez une nouvelle balance.');
CREATE TRIGGER envoibalance_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_envoibalance
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''envoi d''une balance enregistré ne se modifie ni ne se supprime.');

CREATE FUNCTION ledger_lignebalancefigee_verifier() RETURNS trigger
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
CREATE TRIGGER lignebalancefigee_meme_transaction AFTER INSERT ON ledger_lignebalancefigee
    REFERENCING NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_lignebalancefigee_verifier();

CREATE FUNCTION ledger_envoibalance_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n
          JOIN ledger_balancefigee b ON b.id = n.balance_id
         WHERE n.envoyee_le < (b.figee_le AT TIME ZONE 'Europe/Paris')::date
    ) THEN
        RAISE EXCEPTION 'Une balance ne peut pas avoir été envoyée avant d''avoir été figée.'
            USING ERRCODE = 'LG061';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER envoibalance_date AFTER INSERT ON ledger_envoibalance
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_envoibalance_verifier();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE
            ON ledger_balancefigee, ledger_lignebalancefigee, ledger_envoibalance FROM caisse_app;
    END IF;
END $$;
