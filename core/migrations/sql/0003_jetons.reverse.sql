DROP TRIGGER IF EXISTS jeton_fige ON core_jetonconsomme;
DROP FUNCTION IF EXISTS core_jeton_fige();
DROP TRIGGER IF EXISTS jeton_pas_de_suppression ON core_jetonconsomme;
