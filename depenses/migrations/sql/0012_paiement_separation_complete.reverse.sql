-- Back to 0011: signers and attesters of the service fait.
CREATE OR REPLACE FUNCTION depenses_paiement_separation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v record;
BEGIN
    WITH payes AS (
        SELECT n.id, n.exercice_id, n.numero, n.paye_par_id
          FROM nouveaux n JOIN anciens o ON o.id = n.id
         WHERE n.paye_par_id IS NOT NULL AND n.paye_par_id IS DISTINCT FROM o.paye_par_id
    ), fautes AS (
        SELECT p.*, 'a signé' AS fait
          FROM payes p JOIN depenses_signaturedepense s
            ON s.ordre_id = p.id AND s.signataire_id = p.paye_par_id
        UNION ALL
        SELECT p.*, 'a attesté le service fait de'
          FROM payes p JOIN depenses_servicefait f
            ON f.ordre_id = p.id AND f.atteste_par_id = p.paye_par_id
    )
    SELECT f.fait, f.numero, e.annee, personnes_nom(f.paye_par_id) AS nom INTO v
      FROM fautes f JOIN ledger_exercice e ON e.id = f.exercice_id
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG230',
            MESSAGE = format('%s %s l''ordre de dépense n° %s-%s comme ordonnateur : une même personne ne peut pas aussi le payer (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1).',
                             v.nom, v.fait, v.annee, lpad(v.numero::text, 5, '0'));
    END IF;
    RETURN NULL;
END;
$$;
