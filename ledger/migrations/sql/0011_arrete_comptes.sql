-- The board's arrêté of the accounts of an exercise (circ. 93/82 §IV),
-- recorded by the directeur: it is recorded during the exercise's période
-- complémentaire only, and once recorded never changes (the exercise is
-- closed on it).

CREATE TRIGGER arretecomptes_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_arretecomptes
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'L''arrêté des comptes enregistré ne se modifie ni ne se supprime.');

CREATE FUNCTION ledger_arretecomptes_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n
          LEFT JOIN ledger_exercice x ON x.id = n.exercice_id
         WHERE x.id IS NULL OR x.etat <> 'complementaire'
    ) THEN
        RAISE EXCEPTION 'L''arrêté des comptes s''enregistre pendant la période complémentaire de l''exercice.'
            USING ERRCODE = 'LG062';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER arretecomptes_periode_complementaire AFTER INSERT ON ledger_arretecomptes
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_arretecomptes_verifier();
