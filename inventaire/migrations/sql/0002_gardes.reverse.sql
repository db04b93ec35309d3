DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        GRANT UPDATE, DELETE ON inventaire_etatinventaire, inventaire_articleetat,
            inventaire_contrepassationinventaire TO caisse_app;
    END IF;
END $$;
DROP TRIGGER IF EXISTS article_etat_ajout ON inventaire_articleetat;
DROP FUNCTION IF EXISTS inventaire_article_verifier();
DROP TRIGGER IF EXISTS etat_inventaire_numero ON inventaire_etatinventaire;
DROP FUNCTION IF EXISTS inventaire_etat_numeroter();
DROP TRIGGER IF EXISTS contrepassation_inventaire_figee ON inventaire_contrepassationinventaire;
DROP TRIGGER IF EXISTS article_etat_fige ON inventaire_articleetat;
DROP TRIGGER IF EXISTS etat_inventaire_fige ON inventaire_etatinventaire;
