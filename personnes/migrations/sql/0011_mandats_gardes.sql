-- Special mandates of vérification and contrôle (circulaire 93/82 §1.1.1):
-- « L'agent comptable peut, sous sa responsabilité, charger, par mandat
-- spécial, certains agents [...] d'effectuer certaines opérations de
-- vérification et de contrôle » ; « elle peut être retirée à tout moment ».
-- Kept by PostgreSQL for SQL written around the services
-- (personnes/services_mandats.py): a mandate's terms never change and it is
-- never deleted; its withdrawal is recorded once, within its period (LG612).

CREATE FUNCTION personnes_mandat_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.retire_le IS NOT NULL OR NEW.retire_le IS NULL
       OR (to_jsonb(NEW) - 'retire_le') <> (to_jsonb(OLD) - 'retire_le')
       OR NEW.retire_le < OLD.debut OR NEW.retire_le > OLD.fin THEN
        RAISE EXCEPTION USING ERRCODE = 'LG612',
            MESSAGE = 'Un mandat spécial ne se modifie ni ne se supprime : seul son retrait s''enregistre, une fois, pendant sa période (circulaire 93/82 §1.1.1).';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER mandat_fige BEFORE UPDATE OR DELETE ON personnes_mandat
    FOR EACH ROW EXECUTE FUNCTION personnes_mandat_fige();
