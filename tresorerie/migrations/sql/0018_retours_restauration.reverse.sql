-- Back to 0016: the return compared by transaction id alone.
CREATE OR REPLACE FUNCTION tresorerie_mention_paiement() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_paye numeric;
BEGIN
    IF OLD.etat = 'paye' AND NEW.etat = 'vise' THEN
        IF NOT EXISTS (SELECT 1 FROM tresorerie_retour r
                        WHERE r.ordre_id = NEW.id AND r.transaction = txid_current()) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG380',
                MESSAGE = format('L''ordre de dépense n° %s est payé : il ne revient « visé » que si la banque a retourné un de ses virements, retour enregistré dans le même acte.', OLD.numero);
        END IF;
        IF NEW.paye_le IS NOT NULL OR NEW.paye_par_id IS NOT NULL
           OR NEW.paiement_moyen <> '' OR NEW.paiement_reference <> '' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG334',
                MESSAGE = format('L''ordre de dépense n° %s n''est pas payé : il ne porte pas de mention de paiement.', NEW.numero);
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.paye_le IS NOT NULL AND ROW(NEW.paye_le, NEW.paiement_moyen, NEW.paiement_reference, NEW.paye_par_id)
       IS DISTINCT FROM ROW(OLD.paye_le, OLD.paiement_moyen, OLD.paiement_reference, OLD.paye_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG332',
            MESSAGE = format('La mention de paiement de l''ordre de dépense n° %s est portée : elle ne change plus.', OLD.numero);
    END IF;
    IF NEW.etat = 'paye' AND OLD.etat <> 'paye' THEN
        SELECT coalesce(sum(montant), 0) INTO v_paye FROM tresorerie_paiement p
         WHERE p.ordre_id = NEW.id
           AND NOT EXISTS (SELECT 1 FROM tresorerie_retour r WHERE r.paiement_id = p.id);
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

CREATE OR REPLACE FUNCTION tresorerie_credit_depaye() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n
         WHERE n.nature = 'paiement' AND n.montant < 0
           AND NOT EXISTS (SELECT 1 FROM nouveaux m
                            WHERE m.nature = 'paiement' AND m.reference = n.reference
                              AND m.montant = -n.montant AND m.credit_id <> n.credit_id)
           AND NOT EXISTS (SELECT 1 FROM tresorerie_retour r JOIN tresorerie_paiement p ON p.id = r.paiement_id
                            WHERE n.reference = 'retour:' || p.bout_en_bout AND r.montant >= -n.montant
                              AND r.transaction = txid_current())) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG387',
            MESSAGE = 'Un paiement sur un crédit ne s''annule que pour un virement retourné par la banque, dans l''acte qui enregistre ce retour.';
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER retour_marquer ON tresorerie_retour;
DROP FUNCTION tresorerie_retour_marquer();
ALTER TABLE tresorerie_retour DROP COLUMN tx_serveur;
