-- Transfers returned by the bank (issue 15): the payment cancelled by a
-- counter-entry, the order back to « visé », its credits and oppositions
-- restored, the bank details corrected before paying again.
-- Error codes LG380-LG389.

-- 1. Returns and corrections are append-only.
CREATE TRIGGER retour_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_retour
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un virement retourné par la banque ne se modifie ni ne se supprime.');
CREATE TRIGGER correctioncoordonnees_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_correctioncoordonnees
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une correction de coordonnées bancaires ne se modifie ni ne se supprime : enregistrez-en une nouvelle.');

-- 2. A return mirrors the payment it returns: same order and amount, a
-- transfer, its counter-entry passed by whoever records it, with the
-- payment's end-to-end id as piece, debiting the batch's account of funds
-- and crediting the order's third-party account by the amount. It carries
-- the transaction that records it: only that one may unpay the order (3).
CREATE FUNCTION tresorerie_retour_verifier() RETURNS trigger
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
CREATE TRIGGER retour_verifier BEFORE INSERT ON tresorerie_retour
    FOR EACH ROW EXECUTE FUNCTION tresorerie_retour_verifier();

-- 3. The payment mention (circ. 93/82 §2.1.6), as in 0002, but for a
-- returned transfer: the order goes from payé back to visé, its mention
-- cleared, only in the transaction that records the return of one of its
-- payments (LG380); it passes « payé » when its payments not returned equal
-- its amount.
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

-- 4. Payments (as in 0002): only visaed orders; the payments of a line not
-- returned never exceed it (LG331); of a line's payments to one beneficiary
-- (the creditor, or one opposing party) at most one is not returned (LG384:
-- a line is paid again only for what the bank returned). This replaces the
-- unique index paiement_une_fois, which would refuse the new payment.
DROP INDEX paiement_une_fois;
CREATE INDEX paiement_ligne_opposition ON tresorerie_paiement (ligne_id, opposition_id);
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
      FROM (SELECT ligne_id, sum(montant) AS paye FROM tresorerie_paiement pa
             WHERE ligne_id IN (SELECT ligne_id FROM nouveaux)
               AND NOT EXISTS (SELECT 1 FROM tresorerie_retour rt WHERE rt.paiement_id = pa.id)
             GROUP BY ligne_id) p
      JOIN depenses_ligneordredepense l ON l.id = p.ligne_id
      JOIN depenses_ordredepense o ON o.id = l.ordre_id
     WHERE p.paye > l.montant OR NOT EXISTS (SELECT 1 FROM nouveaux n WHERE n.ligne_id = l.id AND n.ordre_id = l.ordre_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG331',
            MESSAGE = format('L''ordre de dépense n° %s serait payé au-delà de son montant : %s € pour une ligne de %s €.',
                             r.numero, r.paye, r.montant);
    END IF;
    -- Another live payment of the same line to the same beneficiary (an older
    -- one, or one of the same statement): through the line's index.
    SELECT o.numero, n.beneficiaire INTO r
      FROM nouveaux n
      JOIN tresorerie_paiement pa
        ON pa.ligne_id = n.ligne_id AND pa.opposition_id IS NOT DISTINCT FROM n.opposition_id
       AND pa.id <> n.id
      JOIN depenses_ordredepense o ON o.id = n.ordre_id
     WHERE NOT EXISTS (SELECT 1 FROM tresorerie_retour rt WHERE rt.paiement_id = pa.id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG384',
            MESSAGE = format('L''ordre de dépense n° %s serait payé deux fois à %s : une ligne ne se paie de nouveau que si la banque a retourné son virement.',
                             r.numero, r.beneficiaire);
    END IF;
    RETURN NULL;
END;
$$;

-- 5. A correction of bank details: an IBAN in its normal form, for a
-- returned transfer, by whoever is recorded.
CREATE FUNCTION tresorerie_correction_verifier() RETURNS trigger
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
CREATE TRIGGER correction_verifier BEFORE INSERT ON tresorerie_correctioncoordonnees
    FOR EACH ROW EXECUTE FUNCTION tresorerie_correction_verifier();

-- 6. An opposition's imputation is restored (negative imputation) only for
-- a returned transfer to its opposing party, by its amount, once.
CREATE FUNCTION tresorerie_imputation_restituee() RETURNS trigger
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
CREATE TRIGGER imputation_restituee BEFORE INSERT ON oppositions_imputation
    FOR EACH ROW WHEN (NEW.montant < 0) EXECUTE FUNCTION tresorerie_imputation_restituee();

-- 7. A payment on a credit is undone (negative payment movement) only for a
-- transfer returned in the same transaction, by at most its amount, or when
-- the same statement moves it to another credit (a certificate of
-- réimputation of a paid order: the same reference paid back as much there).
CREATE FUNCTION tresorerie_credit_depaye() RETURNS trigger
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
CREATE TRIGGER mouvementcredit_depaye AFTER INSERT ON budget_mouvementcredit
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION tresorerie_credit_depaye();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON tresorerie_retour, tresorerie_correctioncoordonnees FROM caisse_app;
    END IF;
END $$;
