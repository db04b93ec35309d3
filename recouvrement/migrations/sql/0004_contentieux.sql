-- The directeur's contentious recovery (annexe art. 13): the rules the
-- services (recouvrement/contentieux*.py) check first, kept by PostgreSQL
-- too. Error codes LG940-LG959.
--   LG940  compulsory recovery or avis à la caisse before the thirty days are over
--   LG941  compulsory recovery while the commission de recours amiable has the claim
--   LG942  compulsory recovery after a réclamation reconnue fondée
--   LG943  compulsory recovery of a debtor of the régime à titre volontaire /
--          avis à la caisse for another debtor
--   LG944  a fact recorded later (avis de réception, decision, result, outcome)
--          is recorded once and nothing else of the row changes
--   LG945  réclamation after the thirty days, or without avis de réception

-- What is recorded once is never changed nor removed.
CREATE TRIGGER miseendemeurecreance_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_miseendemeurecreance
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les créances d''une mise en demeure ne se modifient ni ne se suppriment.');
CREATE TRIGGER poursuite_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_poursuite
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une procédure de recouvrement forcé enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER aviscaisse_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_aviscaisse
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un avis à la caisse enregistré ne se modifie ni ne se supprime.');
CREATE TRIGGER visitehuissier_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_visitehuissier
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une visite d''huissier enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER dispensevisite_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_dispensevisite
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une dispense de visite enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER evenementprocedure_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_evenementprocedure
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un événement de procédure collective enregistré ne se modifie ni ne se supprime.');
CREATE TRIGGER declarationcreance_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_declarationcreance
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une déclaration de créance enregistrée ne se modifie ni ne se supprime.');
CREATE TRIGGER declarationcreance_creances_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recouvrement_declarationcreance_creances
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les créances d''une déclaration ne se modifient ni ne se suppriment.');
CREATE TRIGGER miseendemeure_pas_de_suppression BEFORE DELETE OR TRUNCATE ON recouvrement_miseendemeure
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une mise en demeure enregistrée ne se supprime pas.');
CREATE TRIGGER recoursamiable_pas_de_suppression BEFORE DELETE OR TRUNCATE ON recouvrement_recoursamiable
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une réclamation devant la commission de recours amiable ne se supprime pas.');
CREATE TRIGGER actehuissier_pas_de_suppression BEFORE DELETE OR TRUNCATE ON recouvrement_actehuissier
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un acte d''huissier enregistré ne se supprime pas.');
CREATE TRIGGER procedurecollective_pas_de_suppression BEFORE DELETE OR TRUNCATE ON recouvrement_procedurecollective
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une procédure collective enregistrée ne se supprime pas.');

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON recouvrement_miseendemeurecreance, recouvrement_poursuite,
            recouvrement_aviscaisse, recouvrement_visitehuissier, recouvrement_dispensevisite,
            recouvrement_evenementprocedure, recouvrement_declarationcreance,
            recouvrement_declarationcreance_creances FROM caisse_app;
        GRANT UPDATE (id) ON recouvrement_miseendemeurecreance, recouvrement_poursuite,
            recouvrement_aviscaisse, recouvrement_visitehuissier, recouvrement_dispensevisite,
            recouvrement_evenementprocedure, recouvrement_declarationcreance,
            recouvrement_declarationcreance_creances TO caisse_app;
        REVOKE DELETE, TRUNCATE ON recouvrement_miseendemeure, recouvrement_recoursamiable,
            recouvrement_actehuissier, recouvrement_procedurecollective FROM caisse_app;
    END IF;
END $$;

-- The avis de réception: once; the thirty days run from it.
CREATE FUNCTION recouvrement_miseendemeure_avis() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.avis_reception_le IS NOT NULL
       OR (NEW.debiteur_id, NEW.envoyee_le, NEW.montant, NEW.signataire_id, NEW.qualite, NEW.enregistree_le)
          IS DISTINCT FROM (OLD.debiteur_id, OLD.envoyee_le, OLD.montant, OLD.signataire_id, OLD.qualite, OLD.enregistree_le) THEN
        RAISE EXCEPTION 'Une mise en demeure ne se modifie pas : seul l''avis de réception s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.avis_reception_le IS NOT NULL AND NEW.avis_reception_le < NEW.envoyee_le THEN
        RAISE EXCEPTION 'L''avis de réception (%) ne peut précéder l''envoi de la mise en demeure (%).',
            to_char(NEW.avis_reception_le, 'DD/MM/YYYY'), to_char(NEW.envoyee_le, 'DD/MM/YYYY')
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.fin_delai IS DISTINCT FROM NEW.avis_reception_le + 30 THEN
        RAISE EXCEPTION 'Le délai de la mise en demeure est de trente jours à compter de l''avis de réception.'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER miseendemeure_avis BEFORE UPDATE ON recouvrement_miseendemeure
    FOR EACH ROW EXECUTE FUNCTION recouvrement_miseendemeure_avis();

-- The réclamation: within the thirty days; the commission has one month.
CREATE FUNCTION recouvrement_recours_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    m record;
BEGIN
    SELECT avis_reception_le, fin_delai INTO m FROM recouvrement_miseendemeure WHERE id = NEW.mise_en_demeure_id;
    IF m.fin_delai IS NULL THEN
        RAISE EXCEPTION 'La réclamation se rapporte à une mise en demeure dont l''avis de réception est enregistré.'
            USING ERRCODE = 'LG945';
    END IF;
    IF NEW.saisie_le > m.fin_delai OR NEW.saisie_le < m.avis_reception_le THEN
        RAISE EXCEPTION 'La réclamation du % n''a pas été introduite dans le délai de trente jours de la mise en demeure (du % au %).',
            to_char(NEW.saisie_le, 'DD/MM/YYYY'), to_char(m.avis_reception_le, 'DD/MM/YYYY'), to_char(m.fin_delai, 'DD/MM/YYYY')
            USING ERRCODE = 'LG945';
    END IF;
    IF NEW.fin_commission IS DISTINCT FROM (NEW.saisie_le + interval '1 month')::date THEN
        RAISE EXCEPTION 'La commission de recours amiable statue dans le délai d''un mois à compter de sa saisine.'
            USING ERRCODE = 'LG945';
    END IF;
    IF NEW.decision <> '' THEN
        RAISE EXCEPTION 'La décision de la commission s''enregistre après la réclamation.' USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recoursamiable_naissance BEFORE INSERT ON recouvrement_recoursamiable
    FOR EACH ROW EXECUTE FUNCTION recouvrement_recours_naissance();

CREATE FUNCTION recouvrement_recours_decision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.decision <> ''
       OR (NEW.mise_en_demeure_id, NEW.saisie_le, NEW.objet, NEW.fin_commission, NEW.enregistre_par_id)
          IS DISTINCT FROM (OLD.mise_en_demeure_id, OLD.saisie_le, OLD.objet, OLD.fin_commission, OLD.enregistre_par_id) THEN
        RAISE EXCEPTION 'Une réclamation ne se modifie pas : seule la décision de la commission s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.decision = '' OR NEW.decision_le IS NULL OR NEW.decision_le < NEW.saisie_le THEN
        RAISE EXCEPTION 'La décision de la commission est datée, au plus tôt du jour de la réclamation.'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recoursamiable_decision BEFORE UPDATE ON recouvrement_recoursamiable
    FOR EACH ROW EXECUTE FUNCTION recouvrement_recours_decision();

-- Compulsory recovery (annexe art. 13 al. 1) and the avis à la caisse (al. 2).
CREATE FUNCTION recouvrement_defaut_constate(mise_id bigint, le date, poursuite boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    m record;
    r record;
    regime text;
BEGIN
    SELECT avis_reception_le, fin_delai, debiteur_id INTO m FROM recouvrement_miseendemeure WHERE id = mise_id;
    IF m.fin_delai IS NULL THEN
        RAISE EXCEPTION 'L''avis de réception de la mise en demeure n''est pas enregistré : le délai de trente jours n''a pas couru.'
            USING ERRCODE = 'LG940';
    END IF;
    IF le <= m.fin_delai THEN
        RAISE EXCEPTION 'Le délai de trente jours de la mise en demeure (avis de réception du %) court jusqu''au % inclus : rien avant le %.',
            to_char(m.avis_reception_le, 'DD/MM/YYYY'), to_char(m.fin_delai, 'DD/MM/YYYY'), to_char(m.fin_delai + 1, 'DD/MM/YYYY')
            USING ERRCODE = 'LG940';
    END IF;
    SELECT decision, fin_commission, saisie_le INTO r FROM recouvrement_recoursamiable WHERE mise_en_demeure_id = mise_id;
    IF FOUND AND r.decision = '' AND le <= r.fin_commission THEN
        RAISE EXCEPTION 'La commission de recours amiable, saisie le %, a jusqu''au % pour statuer.',
            to_char(r.saisie_le, 'DD/MM/YYYY'), to_char(r.fin_commission, 'DD/MM/YYYY')
            USING ERRCODE = 'LG941';
    END IF;
    IF FOUND AND r.decision = 'fondee' THEN
        RAISE EXCEPTION 'La commission de recours amiable a reconnu la réclamation fondée.'
            USING ERRCODE = 'LG942';
    END IF;
    SELECT d.regime INTO regime FROM recouvrement_debiteur d WHERE d.id = m.debiteur_id;
    IF poursuite AND regime = 'volontaire' THEN
        RAISE EXCEPTION 'Le débiteur relève du régime à titre volontaire : la caisse est avisée du défaut, il n''y a pas de recouvrement forcé.'
            USING ERRCODE = 'LG943';
    END IF;
    IF NOT poursuite AND regime IS DISTINCT FROM 'volontaire' THEN
        RAISE EXCEPTION 'L''avis à la caisse ne concerne qu''un débiteur relevant du régime à titre volontaire.'
            USING ERRCODE = 'LG943';
    END IF;
END $$;

CREATE FUNCTION recouvrement_poursuite_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recouvrement_miseendemeurecreance
                   WHERE mise_en_demeure_id = NEW.mise_en_demeure_id AND creance_id = NEW.creance_id) THEN
        RAISE EXCEPTION 'La créance poursuivie figure sur la mise en demeure.' USING ERRCODE = 'LG940';
    END IF;
    PERFORM recouvrement_defaut_constate(NEW.mise_en_demeure_id, NEW.le, true);
    RETURN NEW;
END $$;
CREATE TRIGGER poursuite_naissance BEFORE INSERT ON recouvrement_poursuite
    FOR EACH ROW EXECUTE FUNCTION recouvrement_poursuite_naissance();

CREATE FUNCTION recouvrement_aviscaisse_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recouvrement_miseendemeurecreance
                   WHERE mise_en_demeure_id = NEW.mise_en_demeure_id AND creance_id = NEW.creance_id) THEN
        RAISE EXCEPTION 'La créance signalée figure sur la mise en demeure.' USING ERRCODE = 'LG940';
    END IF;
    PERFORM recouvrement_defaut_constate(NEW.mise_en_demeure_id, NEW.le, false);
    RETURN NEW;
END $$;
CREATE TRIGGER aviscaisse_naissance BEFORE INSERT ON recouvrement_aviscaisse
    FOR EACH ROW EXECUTE FUNCTION recouvrement_aviscaisse_naissance();

-- The bailiff's act: not before its procedure; its result once.
CREATE FUNCTION recouvrement_actehuissier_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    debut date;
BEGIN
    SELECT le INTO debut FROM recouvrement_poursuite WHERE id = NEW.poursuite_id;
    IF NEW.le < debut THEN
        RAISE EXCEPTION 'L''acte d''huissier du % ne peut précéder la procédure qu''il exécute (%).',
            to_char(NEW.le, 'DD/MM/YYYY'), to_char(debut, 'DD/MM/YYYY') USING ERRCODE = 'LG940';
    END IF;
    IF NEW.resultat_le IS NOT NULL OR NEW.somme_recouvree IS NOT NULL THEN
        RAISE EXCEPTION 'Le résultat d''un acte d''huissier s''enregistre après l''acte.' USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER actehuissier_naissance BEFORE INSERT ON recouvrement_actehuissier
    FOR EACH ROW EXECUTE FUNCTION recouvrement_actehuissier_naissance();

CREATE FUNCTION recouvrement_actehuissier_resultat() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.resultat_le IS NOT NULL
       OR (NEW.poursuite_id, NEW.huissier_id, NEW.le, NEW.nature, NEW.cout, NEW.ordre_depense_id, NEW.enregistre_par_id, NEW.enregistre_le)
          IS DISTINCT FROM (OLD.poursuite_id, OLD.huissier_id, OLD.le, OLD.nature, OLD.cout, OLD.ordre_depense_id, OLD.enregistre_par_id, OLD.enregistre_le) THEN
        RAISE EXCEPTION 'Un acte d''huissier ne se modifie pas : seul son résultat s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.resultat_le IS NULL OR NEW.resultat_le < NEW.le OR NEW.somme_recouvree IS NULL OR NEW.somme_recouvree < 0 THEN
        RAISE EXCEPTION 'Le résultat d''un acte d''huissier est daté, au plus tôt du jour de l''acte, avec la somme recouvrée (0 si rien).'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER actehuissier_resultat BEFORE UPDATE ON recouvrement_actehuissier
    FOR EACH ROW EXECUTE FUNCTION recouvrement_actehuissier_resultat();

-- The collective proceeding: its outcome once.
CREATE FUNCTION recouvrement_procedure_issue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.issue_le IS NOT NULL
       OR (NEW.debiteur_id, NEW.type, NEW.jugement_le, NEW.tribunal, NEW.mandataire, NEW.limite_declaration, NEW.enregistree_par_id, NEW.enregistree_le)
          IS DISTINCT FROM (OLD.debiteur_id, OLD.type, OLD.jugement_le, OLD.tribunal, OLD.mandataire, OLD.limite_declaration, OLD.enregistree_par_id, OLD.enregistree_le) THEN
        RAISE EXCEPTION 'Une procédure collective ne se modifie pas : seule son issue s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.issue_le IS NULL OR NEW.issue_le < NEW.jugement_le OR NEW.issue = '' THEN
        RAISE EXCEPTION 'L''issue d''une procédure collective est datée, au plus tôt du jour du jugement, et décrite.'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER procedurecollective_issue BEFORE UPDATE ON recouvrement_procedurecollective
    FOR EACH ROW EXECUTE FUNCTION recouvrement_procedure_issue();
