DROP TRIGGER IF EXISTS versement_regie_arretee ON tresorerie_versementregie;
DROP FUNCTION IF EXISTS tresorerie_versement_regie_arretee();
