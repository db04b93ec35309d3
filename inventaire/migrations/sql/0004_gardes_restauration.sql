-- An item joins only an état created in the same transaction; the
-- transaction is named by the pair (server run, transaction id), not by its
-- id alone, so that the guard holds on a dump restored onto a new cluster
-- (see ledger/migrations/sql/0014_gardes_restauration.sql). États signed
-- before this migration get the run '-infinity', which no transaction has.
ALTER TABLE inventaire_etatinventaire ADD COLUMN tx_serveur timestamptz NOT NULL DEFAULT '-infinity';
ALTER TABLE inventaire_etatinventaire ALTER COLUMN tx_serveur SET DEFAULT pg_postmaster_start_time();

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
    NEW.tx_serveur := pg_postmaster_start_time();
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION inventaire_article_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n JOIN inventaire_etatinventaire e ON e.id = n.etat_id
        WHERE e.tx <> txid_current() OR e.tx_serveur <> pg_postmaster_start_time()
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG851',
            MESSAGE = 'Un état d''inventaire signé est figé : aucun article ne s''y ajoute.';
    END IF;
    RETURN NULL;
END $$;

-- An état's texts are bounded as its form and the API bound them (4,000
-- characters): nothing longer enters the signed, immutable état.
ALTER TABLE inventaire_etatinventaire ADD CONSTRAINT etat_textes_bornes
    CHECK (char_length(explication) <= 4000 AND char_length(fondement) <= 4000);
