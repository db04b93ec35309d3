-- LG372 (extended): once the régisseur has closed his arrêté of a day, no
-- remittance of that day (or before) either: the arrêté counted the cash he
-- held, a remittance after it would leave the arrêté contradicting his cash.
-- (Receipts and expenses: tresorerie_regie_arretee, migration 0012.)
CREATE OR REPLACE FUNCTION tresorerie_versement_regie_arretee() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_arrete date;
BEGIN
    SELECT max(date) INTO v_arrete FROM tresorerie_arreteregie
     WHERE regie_id = NEW.regie_id AND date >= NEW.remis_le;
    IF v_arrete IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG372',
            MESSAGE = format('Le régisseur a arrêté sa régie pour la journée du %s : aucun versement n''y est plus enregistré à cette date ni avant (versement remis le %s).',
                             to_char(v_arrete, 'DD/MM/YYYY'), to_char(NEW.remis_le, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER versement_regie_arretee BEFORE INSERT ON tresorerie_versementregie
    FOR EACH ROW EXECUTE FUNCTION tresorerie_versement_regie_arretee();
