-- Once the balance après inventaire of an exercise is frozen (circ. 93/82
-- §3.2), its books are final: only the result's entry (pièce
-- 'resultat:<année>') still posts to it, so that its comptes annuels and the
-- à-nouveaux of the next exercise are that balance. The service refuses it
-- first, with the same words (ledger.services.ecritures).

CREATE FUNCTION ledger_ecriture_apres_inventaire() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    annee integer;
BEGIN
    SELECT x.annee INTO annee
      FROM nouveaux n
      JOIN ledger_exercice x ON x.id = n.exercice_id
     WHERE x.etat = 'complementaire'  -- a closed one refuses everything (LG012)
       AND n.piece IS DISTINCT FROM 'resultat:' || x.annee
       AND EXISTS (
           SELECT 1 FROM ledger_balancefigee b
            WHERE b.exercice_id = n.exercice_id AND b.nature = 'apres_inventaire')
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'La balance après inventaire de l''exercice % est figée : seule l''écriture de résultat s''y passe encore (circulaire 93/82 §3.2).', annee
            USING ERRCODE = 'LG063';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ecriture_apres_inventaire_figee AFTER INSERT ON ledger_ecriture
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_ecriture_apres_inventaire();
