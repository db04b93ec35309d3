-- Back to 0002's payment guards.
DROP TRIGGER IF EXISTS mouvementcredit_depaye ON budget_mouvementcredit;
DROP FUNCTION IF EXISTS tresorerie_credit_depaye();
DROP TRIGGER IF EXISTS imputation_restituee ON oppositions_imputation;
DROP FUNCTION IF EXISTS tresorerie_imputation_restituee();
DROP TRIGGER IF EXISTS correction_verifier ON tresorerie_correctioncoordonnees;
DROP FUNCTION IF EXISTS tresorerie_correction_verifier();
DROP TRIGGER IF EXISTS retour_verifier ON tresorerie_retour;
DROP FUNCTION IF EXISTS tresorerie_retour_verifier();
DROP TRIGGER IF EXISTS correctioncoordonnees_ajout_seul ON tresorerie_correctioncoordonnees;
DROP TRIGGER IF EXISTS retour_ajout_seul ON tresorerie_retour;
DROP INDEX IF EXISTS paiement_ligne_opposition;
CREATE UNIQUE INDEX paiement_une_fois ON tresorerie_paiement (ligne_id, opposition_id) NULLS NOT DISTINCT;
CREATE OR REPLACE FUNCTION tresorerie_paiement_verifier() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    r record;
BEGIN
    PERFORM 1 FROM depenses_ordredepense WHERE id IN (SELECT ordre_id FROM nouveaux) ORDER BY id FOR UPDATE;
    SELECT o.numero, o.etat INTO r
      FROM depenses_ordredepense o WHERE o.id IN (SELECT ordre_id FROM nouveaux) AND o.etat <> 'vise' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG330',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas visé (%s) : seul un ordre visé se paie (circulaire 93/82 §2.1.6).', r.numero, r.etat);
    END IF;
    SELECT l.id, o.numero, l.montant, p.paye INTO r
      FROM (SELECT ligne_id, sum(montant) AS paye FROM tresorerie_paiement
             WHERE ligne_id IN (SELECT ligne_id FROM nouveaux) GROUP BY ligne_id) p
      JOIN depenses_ligneordredepense l ON l.id = p.ligne_id
      JOIN depenses_ordredepense o ON o.id = l.ordre_id
     WHERE p.paye > l.montant OR NOT EXISTS (SELECT 1 FROM nouveaux n WHERE n.ligne_id = l.id AND n.ordre_id = l.ordre_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG331',
            MESSAGE = format('L''ordre de dépense n° %s serait payé au-delà de son montant : %s € pour une ligne de %s €.',
                             r.numero, r.paye, r.montant);
    END IF;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION tresorerie_mention_paiement() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_paye numeric;
BEGIN
    IF OLD.paye_le IS NOT NULL AND ROW(NEW.paye_le, NEW.paiement_moyen, NEW.paiement_reference, NEW.paye_par_id)
       IS DISTINCT FROM ROW(OLD.paye_le, OLD.paiement_moyen, OLD.paiement_reference, OLD.paye_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG332',
            MESSAGE = format('La mention de paiement de l''ordre de dépense n° %s est portée : elle ne change plus.', OLD.numero);
    END IF;
    IF NEW.etat = 'paye' AND OLD.etat <> 'paye' THEN
        SELECT coalesce(sum(montant), 0) INTO v_paye FROM tresorerie_paiement WHERE ordre_id = NEW.id;
        IF NEW.paye_le IS NULL OR NEW.paye_par_id IS NULL OR v_paye <> NEW.montant THEN
            RAISE EXCEPTION USING ERRCODE = 'LG333',
                MESSAGE = format('L''ordre de dépense n° %s ne passe « payé » qu''avec sa mention de paiement et des paiements égaux à son montant (%s € payés sur %s €).',
                                 NEW.numero, v_paye, NEW.montant);
        END IF;
    ELSIF NEW.etat <> 'paye' AND NEW.paye_le IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG334',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas payé : il ne porte pas de mention de paiement.', NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;
