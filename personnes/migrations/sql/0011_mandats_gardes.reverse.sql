DROP TRIGGER IF EXISTS mandat_fige ON personnes_mandat;
DROP FUNCTION IF EXISTS personnes_mandat_fige();
