-- An opposition's identifier is stored in its normal form (letters and
-- digits, upper case), the form its key is computed from. Checked on insert
-- and when the identifier changes, so that an opposition recorded by an
-- earlier version (spaces only were removed then) still takes its mainlevée.
CREATE FUNCTION oppositions_identifiant_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.creancier_identifiant IS DISTINCT FROM oppositions_identifiant_normal(NEW.creancier_identifiant) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG706',
            MESSAGE = format('L''identifiant du créancier « %s » s''écrit en lettres et chiffres seulement (« %s ») : c''est sous cette forme qu''il est rapproché des ordres de dépense (circulaire 93/82 §2.1.5).',
                             NEW.creancier_identifiant, oppositions_identifiant_normal(NEW.creancier_identifiant));
    END IF;
    IF NEW.creancier_iban IS DISTINCT FROM upper(regexp_replace(NEW.creancier_iban, '[^0-9A-Za-z]+', '', 'g')) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG707',
            MESSAGE = format('L''IBAN du créancier « %s » s''écrit sans espaces, en majuscules : c''est sous cette forme qu''il est comparé à celui des ordres de dépense.',
                             NEW.creancier_iban);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER opposition_identifiant_normal BEFORE INSERT OR UPDATE OF creancier_identifiant, creancier_iban
    ON oppositions_opposition FOR EACH ROW EXECUTE FUNCTION oppositions_identifiant_verifier();

-- 5. (0002) Once something was paid under an opposition, what it was served
--    for is fixed, the creditor's IBAN included.
CREATE OR REPLACE FUNCTION oppositions_opposition_figer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.id, NEW.montant, NEW.creancier_nom, NEW.creancier_identifiant, NEW.creancier_iban, NEW.signifiee_le)
       IS DISTINCT FROM ROW(OLD.id, OLD.montant, OLD.creancier_nom, OLD.creancier_identifiant, OLD.creancier_iban, OLD.signifiee_le)
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
