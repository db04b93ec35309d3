DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE, DELETE ON comptes_annuels_transmissioncomptes,
            comptes_annuels_aviscodec, comptes_annuels_renvoiministre, comptes_annuels_approbation,
            comptes_annuels_avisfonde, comptes_annuels_quitus TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS quitus_apres_approbation ON comptes_annuels_quitus;
DROP FUNCTION IF EXISTS comptes_annuels_quitus_verifier();
DROP TRIGGER IF EXISTS approbation_apres_transmission ON comptes_annuels_approbation;
DROP FUNCTION IF EXISTS comptes_annuels_approbation_verifier();
DROP TRIGGER IF EXISTS renvoiministre_apres_transmission ON comptes_annuels_renvoiministre;
DROP TRIGGER IF EXISTS aviscodec_apres_transmission ON comptes_annuels_aviscodec;
DROP FUNCTION IF EXISTS comptes_annuels_apres_transmission();
DROP TRIGGER IF EXISTS transmissioncomptes_apres_arrete ON comptes_annuels_transmissioncomptes;
DROP FUNCTION IF EXISTS comptes_annuels_transmission_verifier();
DROP TRIGGER IF EXISTS quitus_ajout_seul ON comptes_annuels_quitus;
DROP TRIGGER IF EXISTS avisfonde_ajout_seul ON comptes_annuels_avisfonde;
DROP TRIGGER IF EXISTS approbation_ajout_seul ON comptes_annuels_approbation;
DROP TRIGGER IF EXISTS renvoiministre_ajout_seul ON comptes_annuels_renvoiministre;
DROP TRIGGER IF EXISTS aviscodec_ajout_seul ON comptes_annuels_aviscodec;
DROP TRIGGER IF EXISTS transmissioncomptes_ajout_seul ON comptes_annuels_transmissioncomptes;
