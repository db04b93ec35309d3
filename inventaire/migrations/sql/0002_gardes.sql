-- Guards of the inventory's états (D253-17-2 to D253-17-4, D253-19-2, D253-19-3:
-- each inventory entry is justified by an état). Error codes LG85x.

-- An état and its items are frozen once committed; the reversal likewise.
CREATE TRIGGER etat_inventaire_fige BEFORE UPDATE OR DELETE OR TRUNCATE ON inventaire_etatinventaire
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un état d''inventaire signé ne se modifie ni ne se supprime : une erreur se corrige par un nouvel état.');
CREATE TRIGGER article_etat_fige BEFORE UPDATE OR DELETE OR TRUNCATE ON inventaire_articleetat
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les articles d''un état d''inventaire signé ne se modifient ni ne se suppriment.');
CREATE TRIGGER contrepassation_inventaire_figee BEFORE UPDATE OR DELETE OR TRUNCATE ON inventaire_contrepassationinventaire
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'La contrepassation des produits à recevoir et charges à payer ne se modifie ni ne se supprime.');

-- The états of an exercise are numbered 1, 2, 3… without a gap: each insert
-- takes the exercise's inventory lock, then must carry the next number.
CREATE FUNCTION inventaire_etat_numeroter() RETURNS trigger
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
CREATE TRIGGER etat_inventaire_numero BEFORE INSERT ON inventaire_etatinventaire
    FOR EACH ROW EXECUTE FUNCTION inventaire_etat_numeroter();

-- An item joins only an état created in the same transaction: once the état
-- is committed, nothing is added to it.
CREATE FUNCTION inventaire_article_verifier() RETURNS trigger
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
CREATE TRIGGER article_etat_ajout AFTER INSERT ON inventaire_articleetat
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION inventaire_article_verifier();

-- The application's role inserts and reads; it neither updates nor deletes.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON inventaire_etatinventaire, inventaire_articleetat,
            inventaire_contrepassationinventaire FROM caisse_app;
    END IF;
END $$;
