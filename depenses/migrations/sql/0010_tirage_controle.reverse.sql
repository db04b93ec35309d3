DROP TRIGGER IF EXISTS tirage_ajout_seul ON depenses_tiragecontroledepense;
DROP TRIGGER IF EXISTS tirage_verifier ON depenses_tiragecontroledepense;
DROP FUNCTION IF EXISTS depenses_tirage_verifier();
