DROP TRIGGER IF EXISTS comptefinancier_verifier ON comptes_annuels_comptefinancier;
DROP FUNCTION IF EXISTS comptes_annuels_comptefinancier_verifier();
DROP TRIGGER IF EXISTS comptefinancier_ajout_seul ON comptes_annuels_comptefinancier;
