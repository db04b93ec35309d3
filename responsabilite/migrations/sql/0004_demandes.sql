-- The agent comptable's requests on his débet (circ. 93/82 §6.2): décharge
-- de responsabilité and remise gracieuse. Never removed; what was requested
-- never changes; born « demandee »; the state moves demandee → accordee |
-- refusee | approbation (the ministers' approval, above the amount set by
-- arrêté) → accordee | refusee; each decision is recorded once; a remise
-- gracieuse is requested only once the décharge of the same order is refused.
-- Error code LG895; the services (responsabilite/services_decharge.py) check
-- the same first.

CREATE TRIGGER demande_jamais_supprimee BEFORE DELETE OR TRUNCATE ON responsabilite_demande
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une demande de décharge ou de remise gracieuse ne se supprime pas.');

CREATE FUNCTION responsabilite_demande_inserer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.etat <> 'demandee' OR NEW.conseil_le IS NOT NULL OR NEW.approbation_le IS NOT NULL THEN
        RAISE EXCEPTION 'Une demande de décharge ou de remise gracieuse naît demandée, sans décision.'
            USING ERRCODE = 'LG895';
    END IF;
    IF NEW.nature = 'remise' AND NOT EXISTS (
        SELECT 1 FROM responsabilite_demande d
         WHERE d.ordre_id = NEW.ordre_id AND d.nature = 'decharge' AND d.etat = 'refusee') THEN
        RAISE EXCEPTION 'La remise gracieuse ne se demande que si la décharge de responsabilité n''est pas accordée (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG895';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER demande_naissance BEFORE INSERT ON responsabilite_demande
    FOR EACH ROW EXECUTE FUNCTION responsabilite_demande_inserer();

CREATE FUNCTION responsabilite_demande_modifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.ordre_id, NEW.nature, NEW.demande_le, NEW.motifs, NEW.montant_demande,
        NEW.force_majeure, NEW.piece, NEW.piece_nom, NEW.piece_sha256)
       IS DISTINCT FROM
       (OLD.ordre_id, OLD.nature, OLD.demande_le, OLD.motifs, OLD.montant_demande,
        OLD.force_majeure, OLD.piece, OLD.piece_nom, OLD.piece_sha256) THEN
        RAISE EXCEPTION 'Ce que l''agent comptable a demandé ne se modifie pas.'
            USING ERRCODE = 'LG895';
    END IF;
    IF NEW.etat IS DISTINCT FROM OLD.etat AND NOT (
        (OLD.etat = 'demandee' AND NEW.etat IN ('accordee', 'refusee', 'approbation'))
        OR (OLD.etat = 'approbation' AND NEW.etat IN ('accordee', 'refusee'))) THEN
        RAISE EXCEPTION 'La demande ne passe pas de l''état « % » à l''état « % ».', OLD.etat, NEW.etat
            USING ERRCODE = 'LG895';
    END IF;
    IF (OLD.conseil_le IS NOT NULL
        AND (NEW.conseil_le, NEW.deliberation, NEW.montant_accorde, NEW.seuil)
            IS DISTINCT FROM (OLD.conseil_le, OLD.deliberation, OLD.montant_accorde, OLD.seuil))
       OR (OLD.approbation_le IS NOT NULL
        AND (NEW.approbation_le, NEW.approbation_reference, NEW.approuvee)
            IS DISTINCT FROM (OLD.approbation_le, OLD.approbation_reference, OLD.approuvee)) THEN
        RAISE EXCEPTION 'La décision du conseil et l''approbation ministérielle s''enregistrent une fois.'
            USING ERRCODE = 'LG895';
    END IF;
    IF OLD.etat = 'demandee' AND NEW.etat <> 'demandee' AND NEW.seuil IS NULL THEN
        RAISE EXCEPTION 'La décision du conseil retient la somme fixée par arrêté en vigueur ce jour-là.'
            USING ERRCODE = 'LG895';
    END IF;
    IF NEW.etat = 'approbation' AND OLD.etat = 'demandee'
       AND NOT (SELECT o.montant > NEW.seuil FROM responsabilite_ordredebet o WHERE o.id = NEW.ordre_id) THEN
        RAISE EXCEPTION 'Seule la décision sur un débet qui dépasse la somme fixée par arrêté attend l''approbation ministérielle.'
            USING ERRCODE = 'LG895';
    END IF;
    IF OLD.etat = 'demandee' AND NEW.etat IN ('accordee', 'refusee')
       AND (SELECT o.montant > NEW.seuil FROM responsabilite_ordredebet o WHERE o.id = NEW.ordre_id) THEN
        RAISE EXCEPTION 'Le débet dépasse la somme fixée par arrêté : la décision du conseil est soumise à l''approbation des ministres (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG895';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER demande_transitions BEFORE UPDATE ON responsabilite_demande
    FOR EACH ROW EXECUTE FUNCTION responsabilite_demande_modifier();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE DELETE, TRUNCATE ON responsabilite_demande FROM caisse_app;
    END IF;
END $$;
