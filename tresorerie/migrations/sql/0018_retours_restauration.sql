-- Returns and corrections after the prober's findings (issue 15).
--
-- 1. A return names the transaction that may unpay its order by the pair
--    (server run, transaction id), as ledger 0014_gardes_restauration does
--    for entries: transaction ids start again on a dump restored onto a new
--    cluster, so an old return's id alone could one day equal a new
--    transaction's and let it take the order back to « visé » without a
--    return. The server run is pg_postmaster_start_time(), stamped by the
--    database whatever the insert says; rows written before this migration
--    get '-infinity', which no transaction ever has.
ALTER TABLE tresorerie_retour ADD COLUMN tx_serveur timestamptz NOT NULL DEFAULT '-infinity';
ALTER TABLE tresorerie_retour ALTER COLUMN tx_serveur SET DEFAULT pg_postmaster_start_time();

CREATE FUNCTION tresorerie_retour_marquer() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    NEW.transaction := txid_current();
    NEW.tx_serveur := pg_postmaster_start_time();
    RETURN NEW;
END;
$$;
CREATE TRIGGER retour_marquer BEFORE INSERT ON tresorerie_retour
    FOR EACH ROW EXECUTE FUNCTION tresorerie_retour_marquer();

-- LG380 (the order back to « visé ») and LG387 (a payment on a credit
-- undone) compare both halves.
CREATE OR REPLACE FUNCTION tresorerie_mention_paiement() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_paye numeric;
BEGIN
    IF OLD.etat = 'paye' AND NEW.etat = 'vise' THEN
        IF NOT EXISTS (SELECT 1 FROM tresorerie_retour r
                        WHERE r.ordre_id = NEW.id AND r.transaction = txid_current()
                          AND r.tx_serveur = pg_postmaster_start_time()) THEN
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
                              AND r.transaction = txid_current()
                              AND r.tx_serveur = pg_postmaster_start_time())) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG387',
            MESSAGE = 'Un paiement sur un crédit ne s''annule que pour un virement retourné par la banque, dans l''acte qui enregistre ce retour.';
    END IF;
    RETURN NULL;
END;
$$;

-- 2. A correction of bank details is recorded for a returned transfer or,
--    for an order never returned whose creditor's IBAN the bank returned on
--    another transfer (the batch refuses that IBAN), for the order's line.
--    Nothing else changes in the table (0016's checks of the IBAN apply).
