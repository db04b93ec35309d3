DROP TRIGGER IF EXISTS tirage_ajout_seul ON recettes_tiragecontrole;
DROP TRIGGER IF EXISTS tirage_verifier ON recettes_tiragecontrole;
DROP FUNCTION IF EXISTS recettes_tirage_verifier();
