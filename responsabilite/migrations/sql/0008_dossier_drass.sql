-- The ministers' part (circ. 93/82 §6.2): the DRASS file transmitted to the
-- minister while a décharge or remise gracieuse waits for the ministers'
-- approval, and the avis of the ministers on a mise en cause by the tutelle
-- above the amount set by arrêté. Each is recorded once, never changed nor
-- removed; a request leaves « en attente d'approbation ministérielle » only
-- with its file. Error code LG897; the services
-- (responsabilite/services_drass.py, services_decharge.py) check the same first.

CREATE TRIGGER dossierdrass_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON responsabilite_dossierdrass
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Le dossier transmis par la DRASS au ministre ne se modifie ni ne se supprime.');
CREATE TRIGGER avisministres_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON responsabilite_avisministres
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''avis des ministres sur la mise en cause de l''agent comptable ne se modifie ni ne se supprime.');

CREATE FUNCTION responsabilite_dossierdrass_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    d record;
BEGIN
    SELECT etat, conseil_le INTO d FROM responsabilite_demande WHERE id = NEW.demande_id;
    IF d.etat IS DISTINCT FROM 'approbation' THEN
        RAISE EXCEPTION 'Le dossier de la DRASS accompagne une demande en attente d''approbation ministérielle.'
            USING ERRCODE = 'LG897';
    END IF;
    IF NEW.transmis_le < d.conseil_le THEN
        RAISE EXCEPTION 'Le dossier de la DRASS ne peut être transmis avant la décision du conseil (%).', d.conseil_le
            USING ERRCODE = 'LG897';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER dossierdrass_naissance BEFORE INSERT ON responsabilite_dossierdrass
    FOR EACH ROW EXECUTE FUNCTION responsabilite_dossierdrass_naissance();

CREATE FUNCTION responsabilite_demande_exiger_dossier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM responsabilite_dossierdrass WHERE demande_id = NEW.id) THEN
        RAISE EXCEPTION 'L''approbation des ministres s''enregistre après la transmission du dossier de la DRASS (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG897';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER demande_approbation_dossier BEFORE UPDATE ON responsabilite_demande
    FOR EACH ROW WHEN (OLD.etat = 'approbation' AND NEW.etat <> 'approbation')
    EXECUTE FUNCTION responsabilite_demande_exiger_dossier();

CREATE FUNCTION responsabilite_avisministres_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    m record;
BEGIN
    SELECT auteur, decide_le INTO m FROM responsabilite_miseencause WHERE id = NEW.mise_en_cause_id;
    IF m.auteur IS DISTINCT FROM 'tutelle' THEN
        RAISE EXCEPTION 'Seule la mise en cause décidée par l''autorité de tutelle est transmise pour avis aux ministres.'
            USING ERRCODE = 'LG897';
    END IF;
    IF NEW.transmis_le < m.decide_le THEN
        RAISE EXCEPTION 'La mise en cause ne peut être transmise pour avis avant d''être décidée (%).', m.decide_le
            USING ERRCODE = 'LG897';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER avisministres_naissance BEFORE INSERT ON responsabilite_avisministres
    FOR EACH ROW EXECUTE FUNCTION responsabilite_avisministres_naissance();

-- The application's role may add, never change nor remove; UPDATE on `id`
-- alone so that a SELECT … FOR UPDATE stays possible (core.verrous).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON responsabilite_dossierdrass FROM caisse_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON responsabilite_avisministres FROM caisse_app;
        GRANT UPDATE (id) ON responsabilite_dossierdrass TO caisse_app;
        GRANT UPDATE (id) ON responsabilite_avisministres TO caisse_app;
    END IF;
END $$;
