-- The sendings of the lists to the directeur (circ. 93/82 §2.0.4, §2.0.5) and
-- of the état nominatif semestriel (annexe art. 13 al. 7): what was sent is
-- never changed nor removed. The application's role may lock a row (UPDATE on
-- id only, for FOR UPDATE).
CREATE TRIGGER envoi_liste_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_envoiliste
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une liste adressée au directeur ne se modifie ni ne se supprime : un envoi nouveau la complète.');
CREATE TRIGGER envoi_etat_nominatif_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_envoietatnominatif
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''envoi d''un état nominatif semestriel ne se modifie ni ne se supprime.');

-- The état nominatif: one per half-year, arrêté au 30 juin or au 31 décembre
-- of its year, sent after that day (annexe art. 13 al. 7).
CREATE OR REPLACE FUNCTION recouvrement_etat_nominatif_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('recouvrement_etat_nominatif'), NEW.annee * 10 + NEW.semestre);
    IF NOT ((NEW.semestre = 1 AND NEW.arrete_au = make_date(NEW.annee, 6, 30))
            OR (NEW.semestre = 2 AND NEW.arrete_au = make_date(NEW.annee, 12, 31))) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG962',
            MESSAGE = format('L''état nominatif du semestre %s de %s est arrêté au 30 juin ou au 31 décembre (annexe art. 13), non au %s.',
                             NEW.semestre, NEW.annee, to_char(NEW.arrete_au, 'DD/MM/YYYY'));
    END IF;
    IF NEW.envoye_le <= NEW.arrete_au THEN
        RAISE EXCEPTION USING ERRCODE = 'LG961',
            MESSAGE = format('L''état nominatif arrêté au %s ne s''adresse qu''après la fin du semestre, non le %s.',
                             to_char(NEW.arrete_au, 'DD/MM/YYYY'), to_char(NEW.envoye_le, 'DD/MM/YYYY'));
    END IF;
    IF EXISTS (SELECT 1 FROM recouvrement_envoietatnominatif
                WHERE annee = NEW.annee AND semestre = NEW.semestre) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG960',
            MESSAGE = format('L''état nominatif arrêté au %s est déjà adressé à la caisse : il ne s''adresse qu''une fois.',
                             to_char(NEW.arrete_au, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER etat_nominatif_verifier BEFORE INSERT ON recouvrement_envoietatnominatif
    FOR EACH ROW EXECUTE FUNCTION recouvrement_etat_nominatif_verifier();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON recouvrement_envoiliste, recouvrement_envoietatnominatif FROM caisse_app;
        GRANT UPDATE (id) ON recouvrement_envoiliste, recouvrement_envoietatnominatif TO caisse_app;
    END IF;
END $$;
