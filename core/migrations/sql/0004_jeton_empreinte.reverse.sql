CREATE OR REPLACE FUNCTION core_jeton_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.nonce, NEW.utilisateur_id, NEW.chemin, NEW.le)
       IS DISTINCT FROM ROW(OLD.nonce, OLD.utilisateur_id, OLD.chemin, OLD.le)
       OR (OLD.vers <> '' AND NEW.vers IS DISTINCT FROM OLD.vers) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG002',
            MESSAGE = 'Un jeton de formulaire consommé ne se modifie pas : seule la page où l''acte a conduit s''y inscrit, une fois.';
    END IF;
    RETURN NEW;
END;
$$;
