DROP TRIGGER IF EXISTS ordredebet_sursis ON responsabilite_ordredebet;
DROP FUNCTION IF EXISTS responsabilite_ordredebet_sursis();
