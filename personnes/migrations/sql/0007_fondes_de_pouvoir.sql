-- Fondés de pouvoir (circulaire 93/82 §1.1.1): « le nombre de fondés de
-- pouvoir ne saurait être supérieur à deux », each « muni d'une procuration
-- régulière » given « après agrément du conseil d'administration ». Kept by
-- PostgreSQL for SQL written around the services: no day with a third fondé
-- de pouvoir, neither among the affectations nor among the procurations;
-- a procuration goes to someone who is fondé de pouvoir on its first day.
-- The services say it first (personnes/services_procurations.py).

-- The first day within [p_debut, p_fin] on which more than two people hold
-- a row of `p_table` (affectations as fondé de pouvoir, or procurations),
-- and how many; the count is highest on some row's first day.
CREATE FUNCTION personnes_fondes_en_trop(p_debut date, p_fin date, p_procurations boolean)
RETURNS TABLE (jour date, nombre bigint)
LANGUAGE sql STABLE AS $$
    WITH lignes AS (
        SELECT a.utilisateur_id AS qui, a.debut, coalesce(a.fin, 'infinity'::date) AS fin
          FROM personnes_affectation a
         WHERE NOT p_procurations AND a.fonction = 'fonde_de_pouvoir'
        UNION ALL
        SELECT p.fonde_id, p.debut, coalesce(p.fin, 'infinity'::date)
          FROM personnes_procuration p
         WHERE p_procurations
    ), jours AS (
        SELECT p_debut AS jour
        UNION
        SELECT l.debut FROM lignes l
         WHERE l.debut > p_debut AND l.debut <= coalesce(p_fin, 'infinity'::date)
    )
    SELECT j.jour, count(DISTINCT l.qui)
      FROM jours j JOIN lignes l ON l.debut <= j.jour AND l.fin >= j.jour
     GROUP BY j.jour
    HAVING count(DISTINCT l.qui) > 2
     ORDER BY j.jour
     LIMIT 1;
$$;

CREATE FUNCTION personnes_fondes_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_en_trop record;
    v_procurations boolean := TG_TABLE_NAME = 'personnes_procuration';
    v_qui integer;
BEGIN
    -- NEW's fields are read as JSON: each table has its own columns.
    IF v_procurations THEN
        v_qui := (to_jsonb(NEW) ->> 'fonde_id')::integer;
    ELSIF to_jsonb(NEW) ->> 'fonction' = 'fonde_de_pouvoir' THEN
        v_qui := (to_jsonb(NEW) ->> 'utilisateur_id')::integer;
    ELSE
        RETURN NULL;
    END IF;
    -- Fondés de pouvoir are counted one act after the other.
    PERFORM pg_advisory_xact_lock(hashtext('personnes_fondes_de_pouvoir'));
    SELECT * INTO v_en_trop FROM personnes_fondes_en_trop(NEW.debut, NEW.fin, v_procurations);
    IF v_en_trop.jour IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG607',
            MESSAGE = format('Avec %s, %s personnes seraient fondés de pouvoir de l''agent comptable le %s : le nombre de fondés de pouvoir ne saurait être supérieur à deux (circulaire 93/82 §1.1.1).',
                             personnes_nom(v_qui), v_en_trop.nombre, to_char(v_en_trop.jour, 'DD/MM/YYYY'));
    END IF;
    IF v_procurations AND NOT EXISTS (
        SELECT 1 FROM personnes_affectation a
         WHERE a.utilisateur_id = v_qui AND a.fonction = 'fonde_de_pouvoir'
           AND a.debut <= NEW.debut AND (a.fin IS NULL OR a.fin >= NEW.debut)
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG608',
            MESSAGE = format('%s n''est pas fondé de pouvoir de l''agent comptable le %s : la procuration va à un fondé de pouvoir (circulaire 93/82 §1.1.1).',
                             personnes_nom(v_qui), to_char(NEW.debut, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;
-- AFTER: the tables' CHECKs speak first, and the new row is counted.
CREATE TRIGGER affectation_fondes_verifier
    AFTER INSERT OR UPDATE OF utilisateur_id, fonction, debut, fin ON personnes_affectation
    FOR EACH ROW EXECUTE FUNCTION personnes_fondes_verifier();
CREATE TRIGGER procuration_fondes_verifier
    AFTER INSERT OR UPDATE OF fonde_id, debut, fin ON personnes_procuration
    FOR EACH ROW EXECUTE FUNCTION personnes_fondes_verifier();

-- A procuration's terms are those the board approved: never rewritten, never deleted.
CREATE FUNCTION personnes_procuration_figee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'LG609',
        MESSAGE = 'Une procuration agréée par le conseil d''administration ne se modifie ni ne se supprime : le conseil en agrée une nouvelle (circulaire 93/82 §1.1.1).';
END;
$$;
CREATE TRIGGER procuration_figee
    BEFORE UPDATE OF fonde_id, agent_comptable_id, debut, agreee_le, deliberation, actes, montant_max
        OR DELETE ON personnes_procuration
    FOR EACH ROW EXECUTE FUNCTION personnes_procuration_figee();
