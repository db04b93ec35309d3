-- Back to 0016 and 0018: the counter-entry's lines summed, the statement line
-- not read, each negative payment compared alone with its return, each
-- restoration of an opposition alone, a correction by whoever is recorded.
CREATE OR REPLACE FUNCTION tresorerie_retour_verifier() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    p record;
    v_debit numeric;
    v_credit numeric;
BEGIN
    NEW.transaction := txid_current();
    SELECT pa.ordre_id, pa.montant, pa.bout_en_bout, lot.moyen, cd.compte_id AS fonds,
           o.compte_tiers_id, o.numero, x.annee
      INTO p
      FROM tresorerie_paiement pa
      JOIN tresorerie_lotpaiement lot ON lot.id = pa.lot_id
      JOIN tresorerie_comptedisponibilite cd ON cd.id = lot.compte_id
      JOIN depenses_ordredepense o ON o.id = pa.ordre_id
      JOIN ledger_exercice x ON x.id = o.exercice_id
     WHERE pa.id = NEW.paiement_id;
    PERFORM 1 FROM depenses_ordredepense WHERE id = p.ordre_id FOR UPDATE;
    IF p.moyen <> 'virement' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG381',
            MESSAGE = format('Le paiement %s n''est pas un virement : seul un virement est retourné par la banque.', p.bout_en_bout);
    END IF;
    IF NEW.ordre_id <> p.ordre_id OR NEW.montant <> p.montant THEN
        RAISE EXCEPTION USING ERRCODE = 'LG382',
            MESSAGE = format('Le retour du virement %s porte sur l''ordre de dépense n° %s-%s et sur %s : il en reprend l''ordre et le montant.',
                             p.bout_en_bout, p.annee, lpad(p.numero::text, 5, '0'), budget_euros(p.montant));
    END IF;
    SELECT coalesce(sum(l.debit) FILTER (WHERE l.compte_id = p.fonds), 0),
           coalesce(sum(l.credit) FILTER (WHERE l.compte_id = p.compte_tiers_id), 0)
      INTO v_debit, v_credit
      FROM ledger_ecriture e JOIN ledger_ligne l ON l.ecriture_id = e.id
     WHERE e.id = NEW.ecriture_id AND e.piece = p.bout_en_bout AND e.passee_par_id = NEW.par_id;
    IF v_debit <> p.montant OR v_credit <> p.montant THEN
        RAISE EXCEPTION USING ERRCODE = 'LG383',
            MESSAGE = format('Le retour du virement %s s''inscrit par une contre-écriture de %s, pièce %s, au nom de qui l''enregistre : débit du compte de disponibilités, crédit du compte du créancier.',
                             p.bout_en_bout, budget_euros(p.montant), p.bout_en_bout);
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

CREATE OR REPLACE FUNCTION tresorerie_imputation_restituee() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM tresorerie_retour r JOIN tresorerie_paiement p ON p.id = r.paiement_id
                    WHERE p.opposition_id = NEW.opposition_id AND r.montant = -NEW.montant
                      AND NEW.reference = 'retour:' || p.bout_en_bout) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG386',
            MESSAGE = format('Une imputation sur l''opposition n° %s ne se rétablit que pour un virement à l''opposant retourné par la banque, de son montant.', NEW.opposition_id);
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION tresorerie_correction_verifier() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.iban !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'
       OR (NEW.bic <> '' AND NEW.bic !~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG385',
            MESSAGE = 'Les coordonnées corrigées s''écrivent en forme normale : IBAN et BIC en lettres capitales et chiffres, sans espace.';
    END IF;
    RETURN NEW;
END;
$$;
