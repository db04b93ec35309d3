DROP TRIGGER IF EXISTS arretecomptes_periode_complementaire ON ledger_arretecomptes;
DROP FUNCTION IF EXISTS ledger_arretecomptes_verifier();
DROP TRIGGER IF EXISTS arretecomptes_ajout_seul ON ledger_arretecomptes;
