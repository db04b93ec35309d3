DROP TRIGGER IF EXISTS encaissement_encaisseur_verifier ON tresorerie_encaissement;
DROP FUNCTION IF EXISTS tresorerie_encaisseur_verifier();
