DROP TRIGGER IF EXISTS interim_chaine_verifier ON personnes_interim;
DROP FUNCTION IF EXISTS personnes_interim_chaine_verifier();
