-- A reduction names the debtor's line it concerns (recettes.services.reductions
-- says it first): the line is one of the order's own, and a new reduction of a
-- collective order (more than one line) names it. Reductions signed before
-- this migration have none and count on the order's first line.
CREATE FUNCTION recettes_reduction_ligne() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_lignes integer;
    v_numero integer;
BEGIN
    SELECT numero INTO v_numero FROM recettes_ordrerecette WHERE id = NEW.ordre_id;
    IF NEW.ligne_id IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM recettes_ligneordrerecette
                        WHERE id = NEW.ligne_id AND ordre_id = NEW.ordre_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG132',
                MESSAGE = format('Ce débiteur ne figure pas sur l''ordre de recette n° %s : la réduction ne peut pas le concerner.', v_numero);
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO v_lignes FROM recettes_ligneordrerecette WHERE ordre_id = NEW.ordre_id;
        IF v_lignes > 1 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG133',
                MESSAGE = format('L''ordre de recette n° %s est collectif (%s débiteurs) : sa réduction nomme le débiteur qu''elle concerne.', v_numero, v_lignes);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reduction_ligne
    BEFORE INSERT OR UPDATE OF ligne_id, ordre_id ON recettes_reduction
    FOR EACH ROW EXECUTE FUNCTION recettes_reduction_ligne();

-- Once signed, the reduction's line is frozen with the rest of it.
CREATE OR REPLACE FUNCTION recettes_reduction_figee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.ordre_id, NEW.ligne_id, NEW.type, NEW.montant, NEW.motif, NEW.nouvelles_bases, NEW.signataire_id, NEW.qualite, NEW.signee_le)
       IS DISTINCT FROM ROW(OLD.ordre_id, OLD.ligne_id, OLD.type, OLD.montant, OLD.motif, OLD.nouvelles_bases, OLD.signataire_id, OLD.qualite, OLD.signee_le)
       OR OLD.etat <> 'signee' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG116', MESSAGE = 'Un ordre de réduction signé ne se modifie pas.';
    END IF;
    RETURN NEW;
END;
$$;
