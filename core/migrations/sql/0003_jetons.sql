-- A form's one-time token, once consumed by the act it carried, stays consumed
-- (core.jetons): its row is never deleted (the form would be accepted again)
-- nor changed, except that the act writes, once, the page it led to.
CREATE TRIGGER jeton_pas_de_suppression BEFORE DELETE OR TRUNCATE ON core_jetonconsomme
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un jeton de formulaire consommé ne se supprime pas : le formulaire qui le portait serait accepté une seconde fois.');

CREATE FUNCTION core_jeton_fige() RETURNS trigger
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
CREATE TRIGGER jeton_fige BEFORE UPDATE ON core_jetonconsomme
    FOR EACH ROW EXECUTE FUNCTION core_jeton_fige();
