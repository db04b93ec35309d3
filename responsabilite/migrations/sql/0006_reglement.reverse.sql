DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE, DELETE ON responsabilite_versement TO caisse_app;
        GRANT UPDATE, DELETE ON responsabilite_notificationassociation TO caisse_app;
        GRANT DELETE ON responsabilite_nonvaleur TO caisse_app;
        GRANT DELETE ON responsabilite_recouvrement TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS recouvrement_reversement ON responsabilite_recouvrement;
DROP FUNCTION IF EXISTS responsabilite_recouvrement_modifier();
DROP TRIGGER IF EXISTS recouvrement_repartition ON responsabilite_recouvrement;
DROP FUNCTION IF EXISTS responsabilite_recouvrement_inserer();
DROP TRIGGER IF EXISTS recouvrement_jamais_supprime ON responsabilite_recouvrement;
DROP TRIGGER IF EXISTS nonvaleur_comptabilisation ON responsabilite_nonvaleur;
DROP FUNCTION IF EXISTS responsabilite_nonvaleur_modifier();
DROP TRIGGER IF EXISTS nonvaleur_naissance ON responsabilite_nonvaleur;
DROP FUNCTION IF EXISTS responsabilite_nonvaleur_inserer();
DROP TRIGGER IF EXISTS nonvaleur_jamais_supprimee ON responsabilite_nonvaleur;
DROP TRIGGER IF EXISTS demande_prise_en_charge ON responsabilite_demande;
DROP FUNCTION IF EXISTS responsabilite_demande_prise_en_charge();
DROP TRIGGER IF EXISTS notification_association_ajout_seul ON responsabilite_notificationassociation;
DROP TRIGGER IF EXISTS versement_plafond ON responsabilite_versement;
DROP FUNCTION IF EXISTS responsabilite_versement_inserer();
DROP TRIGGER IF EXISTS versement_ajout_seul ON responsabilite_versement;
DROP FUNCTION IF EXISTS responsabilite_exiger_comptabilise(bigint);
DROP FUNCTION IF EXISTS responsabilite_situation(bigint);
