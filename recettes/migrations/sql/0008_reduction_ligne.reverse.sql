-- Back to 0002's frozen reduction (without its line) and no guard of the line.
CREATE OR REPLACE FUNCTION recettes_reduction_figee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.ordre_id, NEW.type, NEW.montant, NEW.motif, NEW.nouvelles_bases, NEW.signataire_id, NEW.qualite, NEW.signee_le)
       IS DISTINCT FROM ROW(OLD.ordre_id, OLD.type, OLD.montant, OLD.motif, OLD.nouvelles_bases, OLD.signataire_id, OLD.qualite, OLD.signee_le)
       OR OLD.etat <> 'signee' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG116', MESSAGE = 'Un ordre de réduction signé ne se modifie pas.';
    END IF;
    RETURN NEW;
END;
$$;
DROP TRIGGER IF EXISTS reduction_ligne ON recettes_reduction;
DROP FUNCTION IF EXISTS recettes_reduction_ligne();
