-- The interim of the agent comptable (circulaire 93/82 §1.1.2), its scope and
-- the board's decision (personnes/services.py, `interim_designer`, says it first).
--
-- « Les fonctions d'agent comptable intérimaire » are given by the board
-- (R122-4 as the circulaire quotes it): a new row of nature 'interimaire'
-- carries the date of the board's decision and its délibération. NOT VALID:
-- rows recorded before this column existed are kept as they are; every row
-- inserted or updated from now on is checked.
ALTER TABLE personnes_interim
    ADD CONSTRAINT interim_interimaire_nomme_par_le_conseil
    CHECK (NOT (nature = 'interimaire')
           OR (nomme_le IS NOT NULL AND deliberation ~ '[^[:space:]]'))
    NOT VALID;

-- The terms of the act of nomination (scope, attributions, decision) are
-- never changed once recorded (LG613): another decision is another interim.
CREATE FUNCTION personnes_interim_termes_figes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'LG613',
        MESSAGE = format('Les termes de l''intérim n° %s (portée, attributions, nomination par le conseil d''administration) ne sont pas modifiés une fois enregistrés : un autre acte de nomination est un autre intérim (circulaire 93/82 §1.1.2).', OLD.id);
END;
$$;
CREATE TRIGGER interim_termes_figes
    BEFORE UPDATE OF portee, attributions, nomme_le, deliberation ON personnes_interim
    FOR EACH ROW
    WHEN (OLD.portee IS DISTINCT FROM NEW.portee
          OR OLD.attributions IS DISTINCT FROM NEW.attributions
          OR OLD.nomme_le IS DISTINCT FROM NEW.nomme_le
          OR OLD.deliberation IS DISTINCT FROM NEW.deliberation)
    EXECUTE FUNCTION personnes_interim_termes_figes();
