-- A dump must restore: pg_restore runs with an empty search_path, and the
-- generated column `creancier_cle` calls this function while the rows are
-- copied back; the call inside it therefore names its schema.
CREATE OR REPLACE FUNCTION oppositions_cle_identifiant(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(
               regexp_replace(public.oppositions_identifiant_normal(t), '^([0-9]{9})[0-9]{5}$', '\1'),
               '^([1-8][0-9]{4}([0-9]{2}|2A|2B)[0-9]{6})[0-9]{2}$', '\1')
$$;
