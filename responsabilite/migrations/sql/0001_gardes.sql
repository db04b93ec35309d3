-- The agent comptable's liability (circ. 93/82 §6.0, §6.1): a mise en cause
-- is never changed nor removed; an ordre de recette against the agent
-- comptable is never removed, numbered without a gap per year, what it orders
-- never changes, its state only moves forward (émis → notifié) and each date
-- is recorded once. Error codes LG890 to LG893; the services
-- (responsabilite/services.py) check the same first.

CREATE TRIGGER miseencause_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON responsabilite_miseencause
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'La mise en cause de l''agent comptable enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER ordredebet_jamais_supprime BEFORE DELETE OR TRUNCATE ON responsabilite_ordredebet
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''ordre de recette émis à l''encontre de l''agent comptable ne se supprime pas.');

CREATE FUNCTION responsabilite_ordredebet_numeroter() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    dernier int;
BEGIN
    SELECT coalesce(max(numero), 0) INTO dernier
      FROM responsabilite_ordredebet WHERE annee = NEW.annee;
    IF NEW.numero <> dernier + 1 THEN
        RAISE EXCEPTION 'L''ordre de recette à l''encontre de l''agent comptable porte le numéro suivant le dernier de son année (%), sans trou.', dernier + 1
            USING ERRCODE = 'LG890';
    END IF;
    IF NEW.etat <> 'emis' OR NEW.accuse_reception_le IS NOT NULL THEN
        RAISE EXCEPTION 'Un ordre de recette à l''encontre de l''agent comptable naît émis, sans avis de réception.'
            USING ERRCODE = 'LG892';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ordredebet_numero BEFORE INSERT ON responsabilite_ordredebet
    FOR EACH ROW EXECUTE FUNCTION responsabilite_ordredebet_numeroter();

CREATE FUNCTION responsabilite_ordredebet_modifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.annee, NEW.numero, NEW.mise_en_cause_id, NEW.agent_comptable_id, NEW.montant,
        NEW.compte, NEW.emis_le, NEW.emis_par_id)
       IS DISTINCT FROM
       (OLD.annee, OLD.numero, OLD.mise_en_cause_id, OLD.agent_comptable_id, OLD.montant,
        OLD.compte, OLD.emis_le, OLD.emis_par_id) THEN
        RAISE EXCEPTION 'L''ordre de recette émis à l''encontre de l''agent comptable ne se modifie pas (circulaire 93/82 §6.1).'
            USING ERRCODE = 'LG891';
    END IF;
    IF NEW.etat IS DISTINCT FROM OLD.etat AND NOT (OLD.etat = 'emis' AND NEW.etat = 'notifie') THEN
        RAISE EXCEPTION 'L''ordre de recette à l''encontre de l''agent comptable ne passe pas de l''état « % » à l''état « % ».', OLD.etat, NEW.etat
            USING ERRCODE = 'LG892';
    END IF;
    IF (OLD.accuse_reception_le IS NOT NULL AND NEW.accuse_reception_le IS DISTINCT FROM OLD.accuse_reception_le)
       OR (OLD.conseil_informe_le IS NOT NULL AND NEW.conseil_informe_le IS DISTINCT FROM OLD.conseil_informe_le)
       OR (OLD.ecriture_id IS NOT NULL AND NEW.ecriture_id IS DISTINCT FROM OLD.ecriture_id) THEN
        RAISE EXCEPTION 'L''avis de réception, l''information du conseil et la comptabilisation d''un ordre de recette à l''encontre de l''agent comptable s''enregistrent une fois.'
            USING ERRCODE = 'LG893';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ordredebet_transitions BEFORE UPDATE ON responsabilite_ordredebet
    FOR EACH ROW EXECUTE FUNCTION responsabilite_ordredebet_modifier();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON responsabilite_miseencause FROM caisse_app;
        REVOKE DELETE, TRUNCATE ON responsabilite_ordredebet FROM caisse_app;
    END IF;
END $$;
