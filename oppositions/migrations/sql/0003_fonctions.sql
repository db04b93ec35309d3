-- How a creditor is recognised on an opposition and on an ordre de dépense
-- (oppositions/identifiants.py). Circ. 93/82 §2.1.5: the opposition stops the
-- payment of the sums owed to its creditor, however his identifier was typed.

-- The stored form of an identifier: letters and digits, upper case.
CREATE FUNCTION oppositions_identifiant_normal(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT upper(regexp_replace(coalesce(t, ''), '[^0-9A-Za-z]+', '', 'g'))
$$;

-- The key creditors are matched on: a SIRET (14 digits) becomes its SIREN
-- (9 digits: the company, whose establishments have no legal personality);
-- a NIR with its key (15 characters, 2A/2B for Corsica) loses its key; any
-- other identifier stays in its normal form.
CREATE FUNCTION oppositions_cle_identifiant(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(
               regexp_replace(oppositions_identifiant_normal(t), '^([0-9]{9})[0-9]{5}$', '\1'),
               '^([1-8][0-9]{4}([0-9]{2}|2A|2B)[0-9]{6})[0-9]{2}$', '\1')
$$;

-- A name without case, accents, punctuation, word order, legal form or civility.
CREATE FUNCTION oppositions_cle_nom(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(mot, ' ' ORDER BY mot), '')
      FROM regexp_split_to_table(
               btrim(regexp_replace(
                   lower(translate(
                       replace(replace(replace(replace(coalesce(t, ''),
                           'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'),
                       'ÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝŸàâäáãåçéèêëíìîïñóòôöõøúùûüýÿ',
                       'AAAAAACEEEEIIIINOOOOOOUUUUYYaaaaaaceeeeiiiinoooooouuuuyy')),
                   '[^a-z0-9]+', ' ', 'g')),
               ' ') AS mot
     WHERE mot <> ''
       AND mot NOT IN ('sarl', 'sas', 'sasu', 'sa', 'eurl', 'sci', 'scp', 'scm', 'snc',
                       'selarl', 'selas', 'gie', 'm', 'mr', 'mme', 'mlle', 'monsieur',
                       'madame', 'mademoiselle', 'me', 'maitre', 'dr', 'docteur')
$$;

-- The application's role calls them (generated columns, matching, guards).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT EXECUTE ON FUNCTION oppositions_identifiant_normal(text), oppositions_cle_identifiant(text),
            oppositions_cle_nom(text) TO caisse_app;
    END IF;
END $$;
