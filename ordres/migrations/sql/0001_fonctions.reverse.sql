DROP FUNCTION IF EXISTS ordres_detail_fige();
DROP FUNCTION IF EXISTS ordres_ordre_fige();
DROP FUNCTION IF EXISTS ordres_compteur_verifier();
DROP FUNCTION IF EXISTS ordres_numero_avancer();
DROP FUNCTION IF EXISTS ordres_numero_verifier();
