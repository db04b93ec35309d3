DROP TRIGGER IF EXISTS reserve_dans_le_delai ON personnes_reserve;
DROP FUNCTION IF EXISTS personnes_reserve_dans_le_delai();
DROP TRIGGER IF EXISTS prorogation_reserves_figee ON personnes_prorogationreserves;
DROP TRIGGER IF EXISTS reserve_figee ON personnes_reserve;
DROP TRIGGER IF EXISTS installation_figee ON personnes_installation;
DROP FUNCTION IF EXISTS personnes_installation_figee();
