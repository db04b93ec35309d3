ALTER TABLE inventaire_etatinventaire DROP CONSTRAINT IF EXISTS etat_textes_bornes;
CREATE OR REPLACE FUNCTION inventaire_etat_numeroter() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    attendu integer;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('inventaire_etat'), NEW.exercice_id::integer);
    SELECT coalesce(max(numero), 0) + 1 INTO attendu
        FROM inventaire_etatinventaire WHERE exercice_id = NEW.exercice_id;
    IF NEW.numero <> attendu THEN
        RAISE EXCEPTION USING ERRCODE = 'LG850',
            MESSAGE = format('Les états d''inventaire d''un exercice se numérotent sans interruption : le suivant porte le n° %s, non %s.', attendu, NEW.numero);
    END IF;
    NEW.tx := txid_current();
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION inventaire_article_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n JOIN inventaire_etatinventaire e ON e.id = n.etat_id
        WHERE e.tx <> txid_current()
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG851',
            MESSAGE = 'Un état d''inventaire signé est figé : aucun article ne s''y ajoute.';
    END IF;
    RETURN NULL;
END $$;
ALTER TABLE inventaire_etatinventaire DROP COLUMN tx_serveur;
