-- Régies de recettes et d'avances (circulaire 93/82, paragraph on the régies):
-- « création de régies ... sur décision du directeur de l'organisme après avis
-- conforme de l'agent comptable ».

-- LG370: no régie created (or ended) without a favourable avis conforme given on
-- or before the decision, and an acte constitutif that refers to the
-- instruction particulière on the simplified rules.
CREATE OR REPLACE FUNCTION tresorerie_regie_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.etat <> 'projet' AND (
           NEW.avis_favorable IS NOT TRUE OR NEW.avis_le IS NULL OR NEW.decision_le IS NULL
           OR NEW.decision_le < NEW.avis_le OR NOT NEW.vise_instruction
           OR NEW.acte_reference = '') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG370',
            MESSAGE = 'Une régie n''est créée que sur décision du directeur après avis conforme de l''agent comptable, par un acte constitutif qui vise l''instruction particulière relative aux règles simplifiées de recettes et de dépenses (circulaire 93/82).';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.etat <> 'projet' AND (
           NEW.decision_le IS DISTINCT FROM OLD.decision_le
           OR NEW.avis_le IS DISTINCT FROM OLD.avis_le
           OR NEW.avis_favorable IS DISTINCT FROM OLD.avis_favorable
           OR NEW.regisseur_id IS DISTINCT FROM OLD.regisseur_id
           OR NEW.compte_id IS DISTINCT FROM OLD.compte_id
           OR (OLD.etat = 'close' AND NEW.etat <> 'close')) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG371',
            MESSAGE = 'La décision de création d''une régie, l''avis conforme qui la précède et le régisseur nommé ne se modifient pas : une nouvelle décision du directeur y pourvoit.';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER regie_verifier BEFORE INSERT OR UPDATE ON tresorerie_regie
    FOR EACH ROW EXECUTE FUNCTION tresorerie_regie_verifier();

-- LG372: once the régisseur has closed his arrêté of a day, no receipt nor
-- expense of that day (or before) is recorded at his régie.
CREATE OR REPLACE FUNCTION tresorerie_regie_arretee() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_regie integer;
    v_arrete date;
BEGIN
    IF TG_TABLE_NAME = 'tresorerie_encaissement' THEN
        SELECT id INTO v_regie FROM tresorerie_regie WHERE compte_id = NEW.compte_id;
    ELSE
        v_regie := NEW.regie_id;
    END IF;
    IF v_regie IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT max(date) INTO v_arrete FROM tresorerie_arreteregie
     WHERE regie_id = v_regie AND date >= NEW.date;
    IF v_arrete IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG372',
            MESSAGE = format('Le régisseur a arrêté sa régie pour la journée du %s : aucune recette ni dépense n''y est plus enregistrée à cette date ni avant (opération datée du %s).',
                             to_char(v_arrete, 'DD/MM/YYYY'), to_char(NEW.date, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER encaissement_regie_arretee BEFORE INSERT ON tresorerie_encaissement
    FOR EACH ROW EXECUTE FUNCTION tresorerie_regie_arretee();
CREATE TRIGGER depense_regie_arretee BEFORE INSERT ON tresorerie_depenseregie
    FOR EACH ROW EXECUTE FUNCTION tresorerie_regie_arretee();

-- LG373: separation: the régisseur never acknowledges his own remittance.
CREATE OR REPLACE FUNCTION tresorerie_versement_regie_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.recu_par_id IS NOT NULL AND (
           NEW.recu_par_id = NEW.remis_par_id
           OR NEW.recu_par_id = (SELECT regisseur_id FROM tresorerie_regie WHERE id = NEW.regie_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG373',
            MESSAGE = 'Le régisseur ne constate pas lui-même la réception de son versement : l''agent comptable le reçoit (circulaire 93/82 : les régisseurs agissent pour le compte et sous la surveillance de l''agent comptable).';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.etat = 'recu' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG374',
            MESSAGE = 'Un versement de régie reçu ne se modifie plus.';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER versement_regie_verifier BEFORE INSERT OR UPDATE ON tresorerie_versementregie
    FOR EACH ROW EXECUTE FUNCTION tresorerie_versement_regie_verifier();

-- The arrêtés, the control reports and the avances are never changed nor removed.
CREATE TRIGGER arrete_regie_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_arreteregie
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''arrêté d''une régie ne se modifie ni ne se supprime.');
CREATE TRIGGER controle_regie_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_controleregie
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Le rapport de contrôle d''une régie ne se modifie ni ne se supprime.');
CREATE TRIGGER avance_regie_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_avanceregie
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''avance versée à une régie ne se modifie ni ne se supprime.');
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON tresorerie_arreteregie, tresorerie_controleregie,
            tresorerie_avanceregie FROM caisse_app;
        GRANT UPDATE (id) ON tresorerie_arreteregie, tresorerie_controleregie,
            tresorerie_avanceregie TO caisse_app;
    END IF;
END $$;
