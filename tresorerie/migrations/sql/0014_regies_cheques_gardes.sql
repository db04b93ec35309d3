-- The régie's records the régisseur and the agent comptable sign (circulaire
-- 93/82, régies: « les régisseurs agissant pour le compte et sous la
-- surveillance de l'agent comptable »): what was paid, stated and remitted
-- stays as it was recorded.

-- LG375: an expense paid by the régisseur never changes its amount, nature,
-- date, beneficiary, object nor pièce, and never disappears; only its link to
-- the statement of expenses that carries it is set, once, to a statement of
-- its own régie.
CREATE OR REPLACE FUNCTION tresorerie_depense_regie_figee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense payée par le régisseur ne se supprime pas : l''état des dépenses la justifie devant l''agent comptable.';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.regie_id IS DISTINCT FROM OLD.regie_id
       OR NEW.operation_id IS DISTINCT FROM OLD.operation_id OR NEW.date IS DISTINCT FROM OLD.date
       OR NEW.beneficiaire IS DISTINCT FROM OLD.beneficiaire OR NEW.objet IS DISTINCT FROM OLD.objet
       OR NEW.piece IS DISTINCT FROM OLD.piece OR NEW.montant IS DISTINCT FROM OLD.montant
       OR NEW.payee_par_id IS DISTINCT FROM OLD.payee_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense payée par le régisseur ne se modifie pas (montant, nature, date, bénéficiaire, objet, pièce) : seul son rattachement à l''état des dépenses s''inscrit, une fois.';
    END IF;
    IF OLD.etat_depenses_id IS NOT NULL AND NEW.etat_depenses_id IS DISTINCT FROM OLD.etat_depenses_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense portée sur un état des dépenses y reste : elle ne passe pas à un autre état.';
    END IF;
    IF OLD.etat_depenses_id IS NULL AND NEW.etat_depenses_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM tresorerie_etatdepensesregie
            WHERE id = NEW.etat_depenses_id AND regie_id = NEW.regie_id AND admis_le IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense ne se porte que sur un état des dépenses de sa régie, pas encore admis.';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER depense_regie_figee BEFORE UPDATE OR DELETE ON tresorerie_depenseregie
    FOR EACH ROW EXECUTE FUNCTION tresorerie_depense_regie_figee();
CREATE TRIGGER depense_regie_pas_de_vidage BEFORE TRUNCATE ON tresorerie_depenseregie
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les dépenses payées par les régisseurs ne se suppriment pas.');

-- LG376: a statement of expenses changes only at its admission by the agent
-- comptable (admitted by, on, his observations, the entry), once; it is never
-- removed.
CREATE OR REPLACE FUNCTION tresorerie_etat_depenses_regie_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG376',
            MESSAGE = 'Un état des dépenses de régie ne se supprime pas.';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.regie_id IS DISTINCT FROM OLD.regie_id
       OR NEW.numero IS DISTINCT FROM OLD.numero OR NEW.etabli_le IS DISTINCT FROM OLD.etabli_le
       OR NEW.etabli_par_id IS DISTINCT FROM OLD.etabli_par_id OR NEW.total IS DISTINCT FROM OLD.total THEN
        RAISE EXCEPTION USING ERRCODE = 'LG376',
            MESSAGE = 'Un état des dépenses de régie ne se modifie pas (numéro, date, total) : seule son admission par l''agent comptable s''y inscrit, une fois.';
    END IF;
    IF ROW(NEW.admis_le, NEW.admis_par_id, NEW.observations, NEW.ecriture_id)
       IS DISTINCT FROM ROW(OLD.admis_le, OLD.admis_par_id, OLD.observations, OLD.ecriture_id) THEN
        IF OLD.admis_le IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG376',
                MESSAGE = format('L''état des dépenses a été admis le %s : son admission ne se modifie plus.',
                                 to_char(OLD.admis_le, 'DD/MM/YYYY'));
        END IF;
        IF NEW.admis_le IS NULL OR NEW.admis_par_id IS NULL OR NEW.ecriture_id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG376',
                MESSAGE = 'L''admission d''un état des dépenses porte sa date, l''agent comptable qui l''admet et son écriture.';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER etat_depenses_regie_fige BEFORE UPDATE OR DELETE ON tresorerie_etatdepensesregie
    FOR EACH ROW EXECUTE FUNCTION tresorerie_etat_depenses_regie_fige();
CREATE TRIGGER etat_depenses_regie_pas_de_vidage BEFORE TRUNCATE ON tresorerie_etatdepensesregie
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les états des dépenses des régies ne se suppriment pas.');

-- LG377: a remittance is never removed, and what the régisseur remitted
-- (number, date, amount) never changes; its reception is LG373/LG374's.
CREATE OR REPLACE FUNCTION tresorerie_versement_regie_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG377',
            MESSAGE = 'Le versement d''une régie ne se supprime pas : son bordereau est remis à l''agent comptable.';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.regie_id IS DISTINCT FROM OLD.regie_id
       OR NEW.numero IS DISTINCT FROM OLD.numero OR NEW.remis_le IS DISTINCT FROM OLD.remis_le
       OR NEW.remis_par_id IS DISTINCT FROM OLD.remis_par_id OR NEW.montant IS DISTINCT FROM OLD.montant
       OR NEW.observations IS DISTINCT FROM OLD.observations THEN
        RAISE EXCEPTION USING ERRCODE = 'LG377',
            MESSAGE = 'Le versement remis par le régisseur ne se modifie pas (bordereau, date, montant) : seule sa réception par l''agent comptable s''y inscrit.';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER versement_regie_fige BEFORE UPDATE OR DELETE ON tresorerie_versementregie
    FOR EACH ROW EXECUTE FUNCTION tresorerie_versement_regie_fige();
CREATE TRIGGER versement_regie_pas_de_vidage BEFORE TRUNCATE ON tresorerie_versementregie
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les versements des régies ne se suppriment pas.');

-- The application's role: no UPDATE but of the columns the services set (and
-- id, so that SELECT … FOR UPDATE locks a row), no DELETE, no TRUNCATE.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON tresorerie_depenseregie, tresorerie_etatdepensesregie,
            tresorerie_versementregie FROM caisse_app;
        GRANT UPDATE (id, etat_depenses_id) ON tresorerie_depenseregie TO caisse_app;
        GRANT UPDATE (id, admis_le, admis_par_id, observations, ecriture_id)
            ON tresorerie_etatdepensesregie TO caisse_app;
        GRANT UPDATE (id, etat, recu_le, recu_par_id, destination_id, ecriture_id)
            ON tresorerie_versementregie TO caisse_app;
    END IF;
END $$;
