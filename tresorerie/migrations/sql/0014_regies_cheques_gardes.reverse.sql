DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE (id, etat_depenses_id) ON tresorerie_depenseregie FROM caisse_app;
        REVOKE UPDATE (id, admis_le, admis_par_id, observations, ecriture_id)
            ON tresorerie_etatdepensesregie FROM caisse_app;
        REVOKE UPDATE (id, etat, recu_le, recu_par_id, destination_id, ecriture_id)
            ON tresorerie_versementregie FROM caisse_app;
        GRANT UPDATE, DELETE ON tresorerie_depenseregie, tresorerie_etatdepensesregie,
            tresorerie_versementregie TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS versement_regie_pas_de_vidage ON tresorerie_versementregie;
DROP TRIGGER IF EXISTS versement_regie_fige ON tresorerie_versementregie;
DROP FUNCTION IF EXISTS tresorerie_versement_regie_fige();
DROP TRIGGER IF EXISTS etat_depenses_regie_pas_de_vidage ON tresorerie_etatdepensesregie;
DROP TRIGGER IF EXISTS etat_depenses_regie_fige ON tresorerie_etatdepensesregie;
DROP FUNCTION IF EXISTS tresorerie_etat_depenses_regie_fige();
DROP TRIGGER IF EXISTS depense_regie_pas_de_vidage ON tresorerie_depenseregie;
DROP TRIGGER IF EXISTS depense_regie_figee ON tresorerie_depenseregie;
DROP FUNCTION IF EXISTS tresorerie_depense_regie_figee();
