-- No two versions of the same question overlap in time (see reglementation/models.py).
--
-- btree_gist is not shipped with the embedded PostgreSQL, so `text = text`
-- has no GiST operator class. A range type over text has one (the built-in
-- range_ops, which supports `=`), so each text key is indexed as the
-- one-point range [key, key]. Collation "C": equality is byte equality.
CREATE TYPE reglementation_textrange AS RANGE (subtype = text, collation = "C");

ALTER TABLE reglementation_parametre
    ADD CONSTRAINT parametre_sans_chevauchement
    EXCLUDE USING gist (
        reglementation_textrange(cle, cle, '[]') WITH =,
        daterange(debut, fin, '[]') WITH &&
    );

-- `tous` answers for both kinds of fund, so it meets `general` and `autre`:
-- general [1,1], autre [2,2], tous [1,2], compared with && (overlap).
ALTER TABLE reglementation_reglerattachement
    ADD CONSTRAINT regle_sans_chevauchement
    EXCLUDE USING gist (
        reglementation_textrange(sens, sens, '[]') WITH =,
        reglementation_textrange(nature, nature, '[]') WITH =,
        (CASE regime
            WHEN 'general' THEN int4range(1, 1, '[]')
            WHEN 'autre' THEN int4range(2, 2, '[]')
            ELSE int4range(1, 2, '[]')
        END) WITH &&,
        daterange(debut, fin, '[]') WITH &&
    );

-- The application reads the rules; a rule changes only through a migration.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT SELECT ON reglementation_parametre, reglementation_reglerattachement TO caisse_app;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE
            ON reglementation_parametre, reglementation_reglerattachement FROM caisse_app;
    END IF;
END $$;
