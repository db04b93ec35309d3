DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE
            ON reglementation_parametre, reglementation_reglerattachement TO caisse_app;
    END IF;
END $$;
ALTER TABLE reglementation_reglerattachement DROP CONSTRAINT regle_sans_chevauchement;
ALTER TABLE reglementation_parametre DROP CONSTRAINT parametre_sans_chevauchement;
DROP TYPE reglementation_textrange;
