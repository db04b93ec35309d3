-- The life of the comptes annuels after the board's arrêté (circ. 93/82 §IV,
-- D613-41): each step needs the one before it, of the same exercise and not
-- dated before it, and no step is ever changed or removed. Error codes LG880
-- to LG887; the services (comptes_annuels/services_cycle.py) check the same
-- first and say it in the same words.

CREATE TRIGGER transmissioncomptes_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON comptes_annuels_transmissioncomptes
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'La transmission des comptes annuels enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER aviscodec_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON comptes_annuels_aviscodec
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''avis du comité d''examen des comptes enregistré ne se modifie ni ne se supprime.');
CREATE TRIGGER renvoiministre_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON comptes_annuels_renvoiministre
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'La transmission des comptes au ministre enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER approbation_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON comptes_annuels_approbation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''approbation des comptes annuels enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER avisfonde_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON comptes_annuels_avisfonde
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''avis de l''agent comptable sur un fondé de pouvoir ne se modifie ni ne se supprime : un nouvel avis le remplace.');
CREATE TRIGGER quitus_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON comptes_annuels_quitus
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Le quitus enregistré ne se modifie ni ne se supprime.');

-- The sending needs the board's arrêté, and follows it.
CREATE FUNCTION comptes_annuels_transmission_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM ledger_arretecomptes a
         WHERE a.exercice_id = NEW.exercice_id AND a.arrete_le <= NEW.transmis_le
    ) THEN
        RAISE EXCEPTION 'Les comptes annuels se transmettent une fois arrêtés par le conseil d''administration, et au plus tôt le jour de l''arrêté (D613-41).'
            USING ERRCODE = 'LG880';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER transmissioncomptes_apres_arrete BEFORE INSERT ON comptes_annuels_transmissioncomptes
    FOR EACH ROW EXECUTE FUNCTION comptes_annuels_transmission_verifier();

-- The comité's avis and the sending to the minister follow the sending.
CREATE FUNCTION comptes_annuels_apres_transmission() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    jour date;
BEGIN
    -- One statement per table: PL/pgSQL resolves NEW's fields when it runs one.
    IF TG_TABLE_NAME = 'comptes_annuels_aviscodec' THEN
        jour := NEW.rendu_le;
    ELSE
        jour := NEW.transmis_le;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM comptes_annuels_transmissioncomptes t
         WHERE t.exercice_id = NEW.exercice_id AND t.transmis_le <= jour
    ) THEN
        RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = TG_ARGV[1];
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER aviscodec_apres_transmission BEFORE INSERT ON comptes_annuels_aviscodec
    FOR EACH ROW EXECUTE FUNCTION comptes_annuels_apres_transmission(
        'Le comité d''examen des comptes rend son avis sur des comptes annuels qui lui ont été transmis, et après leur transmission (D613-41).',
        'LG881');
CREATE TRIGGER renvoiministre_apres_transmission BEFORE INSERT ON comptes_annuels_renvoiministre
    FOR EACH ROW EXECUTE FUNCTION comptes_annuels_apres_transmission(
        'Le directeur régional transmet au ministre des comptes annuels qui lui ont été transmis, et après leur transmission (D613-41).',
        'LG882');

-- The approval follows the sending; once the DRASS sent the accounts to the
-- minister, the minister approves them.
CREATE FUNCTION comptes_annuels_approbation_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM comptes_annuels_transmissioncomptes t
         WHERE t.exercice_id = NEW.exercice_id AND t.transmis_le <= NEW.approuve_le
    ) THEN
        RAISE EXCEPTION 'Les comptes annuels ne s''approuvent qu''une fois transmis au comité d''examen des comptes et au directeur régional, et après leur transmission (D613-41).'
            USING ERRCODE = 'LG883';
    END IF;
    IF EXISTS (
        SELECT 1 FROM comptes_annuels_renvoiministre r
         WHERE r.exercice_id = NEW.exercice_id
           AND (NEW.autorite <> 'ministre' OR r.transmis_le > NEW.approuve_le)
    ) THEN
        RAISE EXCEPTION 'Les comptes annuels transmis au ministre pour approbation sont approuvés par le ministre, après leur transmission (D613-41).'
            USING ERRCODE = 'LG884';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER approbation_apres_transmission BEFORE INSERT ON comptes_annuels_approbation
    FOR EACH ROW EXECUTE FUNCTION comptes_annuels_approbation_verifier();

-- The quitus follows the approval; a fondé de pouvoir's rests on the agent
-- comptable's latest avis on him, favourable.
CREATE FUNCTION comptes_annuels_quitus_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    dernier record;
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM comptes_annuels_approbation a
         WHERE a.exercice_id = NEW.exercice_id AND a.approuve_le <= NEW.donne_le
    ) THEN
        RAISE EXCEPTION 'Le conseil d''administration ne peut délivrer quitus à l''agent comptable que lorsque les comptes sont approuvés (circulaire 93/82 §IV).'
            USING ERRCODE = 'LG885';
    END IF;
    IF NEW.qualite = 'fonde_de_pouvoir' THEN
        SELECT v.id, v.favorable INTO dernier
          FROM comptes_annuels_avisfonde v
         WHERE v.exercice_id = NEW.exercice_id AND v.fonde_id = NEW.beneficiaire_id
         ORDER BY v.rendu_le DESC, v.id DESC
         LIMIT 1;
        IF NOT FOUND OR NEW.avis_id IS DISTINCT FROM dernier.id OR NOT dernier.favorable THEN
            RAISE EXCEPTION 'Le quitus donné aux fondés de pouvoir est subordonné à l''avis favorable de l''agent comptable (circulaire 93/82 §IV) : le dernier avis sur ce fondé de pouvoir pour cet exercice doit être favorable.'
                USING ERRCODE = 'LG886';
        END IF;
    ELSIF NEW.qualite <> 'agent_comptable' THEN
        RAISE EXCEPTION 'Le quitus se donne à l''agent comptable ou à un fondé de pouvoir.'
            USING ERRCODE = 'LG887';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER quitus_apres_approbation BEFORE INSERT ON comptes_annuels_quitus
    FOR EACH ROW EXECUTE FUNCTION comptes_annuels_quitus_verifier();

-- The application's role inserts and reads; it neither updates nor deletes.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON comptes_annuels_transmissioncomptes,
            comptes_annuels_aviscodec, comptes_annuels_renvoiministre, comptes_annuels_approbation,
            comptes_annuels_avisfonde, comptes_annuels_quitus FROM caisse_app;
    END IF;
END $$;
