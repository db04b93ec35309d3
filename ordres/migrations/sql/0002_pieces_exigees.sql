-- No order is signed without its pièces justificatives: they are joined to
-- it, or their references are written on it (circulaire 93/82 §2.0.2 for the
-- ordres de recette, §2.1.3 for the ordres de dépense). Attached by each kind
-- (recettes migration 0005, depenses migration 0008) on the passage
-- brouillon → signé, with its arguments:
--   0 its pièces table, 1 the SQLSTATE, 2 the order's name ('ordre de recette'),
--   3 the text cited in the refusal.
CREATE FUNCTION ordres_pieces_exigees() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_jointes boolean;
BEGIN
    IF coalesce(NEW.pieces_references, '') ~ '^\s*$' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE ordre_id = $1)', TG_ARGV[0])
           INTO v_jointes USING NEW.id;
        IF NOT v_jointes THEN
            RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
                MESSAGE = format('L''%s n° %s ne se signe pas sans ses pièces justificatives : '
                                 'joignez-les ou portez leurs références sur l''ordre (%s).',
                                 TG_ARGV[2], NEW.numero, TG_ARGV[3]);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
