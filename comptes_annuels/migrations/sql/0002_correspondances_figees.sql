-- The mapping of accounts to the rubrics of the comptes annuels (circ. 93/82
-- §IV) is dated data: a row is never changed nor deleted (a new mapping is a
-- new row from its date), and no row may take effect inside a closed
-- exercise, whose comptes are arrêtés.

CREATE TRIGGER correspondance_ajout_seul BEFORE UPDATE OR DELETE ON comptes_annuels_correspondance
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une correspondance de comptes ne se modifie ni ne se supprime : fixez-en une nouvelle à compter d''une date.');

CREATE FUNCTION comptes_annuels_correspondance_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    annee_close int;
BEGIN
    SELECT max(e.annee) INTO annee_close
      FROM ledger_exercice e
     WHERE e.etat = 'clos' AND make_date(e.annee, 12, 31) >= NEW.valable_du;
    IF annee_close IS NOT NULL THEN
        RAISE EXCEPTION 'L''exercice % est clos : une correspondance ne peut prendre effet avant le 1er janvier %.',
            annee_close, annee_close + 1
            USING ERRCODE = 'CA001';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER correspondance_hors_exercice_clos BEFORE INSERT ON comptes_annuels_correspondance
    FOR EACH ROW EXECUTE FUNCTION comptes_annuels_correspondance_verifier();
