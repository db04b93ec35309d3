DROP TRIGGER IF EXISTS envoibalance_date ON ledger_envoibalance;
DROP FUNCTION IF EXISTS ledger_envoibalance_verifier();
DROP TRIGGER IF EXISTS lignebalancefigee_meme_transaction ON ledger_lignebalancefigee;
DROP FUNCTION IF EXISTS ledger_lignebalancefigee_verifier();
DROP TRIGGER IF EXISTS envoibalance_ajout_seul ON ledger_envoibalance;
DROP TRIGGER IF EXISTS lignebalancefigee_ajout_seul ON ledger_lignebalancefigee;
DROP TRIGGER IF EXISTS balancefigee_ajout_seul ON ledger_balancefigee;
ALTER TABLE ledger_balancefigee DROP COLUMN IF EXISTS tx;
