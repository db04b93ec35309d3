DROP TRIGGER opposition_identifiant_normal ON oppositions_opposition;
DROP FUNCTION oppositions_identifiant_verifier();

CREATE OR REPLACE FUNCTION oppositions_opposition_figer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.id, NEW.montant, NEW.creancier_nom, NEW.creancier_identifiant, NEW.signifiee_le)
       IS DISTINCT FROM ROW(OLD.id, OLD.montant, OLD.creancier_nom, OLD.creancier_identifiant, OLD.signifiee_le)
       AND EXISTS (SELECT 1 FROM oppositions_imputation WHERE opposition_id = OLD.id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG704',
            MESSAGE = format('Des versements ont déjà été imputés sur l''opposition n° %s : son montant, son créancier et sa date de signification ne peuvent plus être modifiés (circulaire 93/82 §2.1.5).', OLD.id);
    END IF;
    IF OLD.mainlevee_le IS NOT NULL AND NEW.mainlevee_le IS DISTINCT FROM OLD.mainlevee_le THEN
        RAISE EXCEPTION USING ERRCODE = 'LG705',
            MESSAGE = format('La mainlevée de l''opposition n° %s a été enregistrée au %s : elle ne se modifie ni ne s''annule.',
                             OLD.id, to_char(OLD.mainlevee_le, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;
