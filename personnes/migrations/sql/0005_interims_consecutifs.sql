-- The caps of an interim hold over consecutive periods, not per row
-- (D253-14, circulaire 93/82 §1.1.2): three months for the fondé de pouvoir
-- faisant fonction, six for the agent comptable intérimaire. A row chained
-- with the same person's rows of the same nature that touch it with no day
-- between them (contiguous or overlapping) must end, with them, within the
-- cap counted from the chain's first day. The service says it first
-- (personnes/services.py, `_exiger_duree_consecutive`).

CREATE FUNCTION personnes_interim_chaine_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_debut date := NEW.debut;
    v_fin date := NEW.fin;
    v_nouveau_debut date;
    v_nouvelle_fin date;
    v_mois integer := CASE NEW.nature WHEN 'fonde_de_pouvoir' THEN 3 ELSE 6 END;
    v_fin_max date;
BEGIN
    -- One person's interims are checked one after the other.
    PERFORM 1 FROM auth_user WHERE id = NEW.utilisateur_id FOR NO KEY UPDATE;
    LOOP
        SELECT least(v_debut, min(i.debut)), greatest(v_fin, max(i.fin))
          INTO v_nouveau_debut, v_nouvelle_fin
          FROM personnes_interim i
         WHERE i.utilisateur_id = NEW.utilisateur_id AND i.nature = NEW.nature
           AND i.debut <= v_fin + 1 AND i.fin >= v_debut - 1;
        EXIT WHEN v_nouveau_debut = v_debut AND v_nouvelle_fin = v_fin;
        v_debut := v_nouveau_debut;
        v_fin := v_nouvelle_fin;
    END LOOP;
    v_fin_max := (v_debut + make_interval(months => v_mois) - interval '1 day')::date;
    IF v_fin > v_fin_max THEN
        RAISE EXCEPTION USING ERRCODE = 'LG606',
            MESSAGE = format('%s exercerait l''intérim de l''agent comptable (%s) sans interruption du %s au %s, au-delà du %s : %s mois au plus, sur des périodes consécutives comme sur une seule (article D253-14, circulaire 93/82 §1.1.2).',
                             personnes_nom(NEW.utilisateur_id),
                             CASE NEW.nature WHEN 'fonde_de_pouvoir' THEN 'fondé de pouvoir faisant fonction' ELSE 'agent comptable intérimaire' END,
                             to_char(v_debut, 'DD/MM/YYYY'), to_char(v_fin, 'DD/MM/YYYY'),
                             to_char(v_fin_max, 'DD/MM/YYYY'), v_mois);
    END IF;
    RETURN NULL;
END;
$$;
-- AFTER: the row's own CHECKs (ordered period, length of one row) speak first.
CREATE TRIGGER interim_chaine_verifier
    AFTER INSERT OR UPDATE OF utilisateur_id, nature, debut, fin ON personnes_interim
    FOR EACH ROW EXECUTE FUNCTION personnes_interim_chaine_verifier();
