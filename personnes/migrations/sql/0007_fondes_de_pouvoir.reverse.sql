DROP TRIGGER IF EXISTS procuration_figee ON personnes_procuration;
DROP FUNCTION IF EXISTS personnes_procuration_figee();
DROP TRIGGER IF EXISTS procuration_fondes_verifier ON personnes_procuration;
DROP TRIGGER IF EXISTS affectation_fondes_verifier ON personnes_affectation;
DROP FUNCTION IF EXISTS personnes_fondes_verifier();
DROP FUNCTION IF EXISTS personnes_fondes_en_trop(date, date, boolean);
