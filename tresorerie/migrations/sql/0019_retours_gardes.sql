-- Returns' guards after the second review (issue 15). New error codes
-- LG390-LG393; LG383 and LG387 tightened, LG385 and LG386 kept.

-- 1. A return's counter-entry is the mirror of the payment and nothing
--    else: journal TR, exactly two lines, the debit of the batch's account
--    of funds and the credit of the order's third-party account, each of the
--    payment's amount (LG383). When the return came by a statement line,
--    that line is a credit of the payment's amount on a statement (or
--    notification) of the batch's account (LG390).
CREATE OR REPLACE FUNCTION tresorerie_retour_verifier() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    p record;
    e record;
BEGIN
    NEW.transaction := txid_current();
    SELECT pa.ordre_id, pa.montant, pa.bout_en_bout, lot.moyen, lot.compte_id AS disponibilite,
           cd.libelle AS disponibilite_libelle, cd.compte_id AS fonds,
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
    SELECT count(*) AS lignes,
           count(*) FILTER (WHERE l.compte_id = p.fonds AND l.debit = p.montant AND l.credit = 0) AS debits,
           count(*) FILTER (WHERE l.compte_id = p.compte_tiers_id AND l.credit = p.montant AND l.debit = 0) AS credits
      INTO e
      FROM ledger_ecriture ec
      JOIN ledger_journal j ON j.id = ec.journal_id
      JOIN ledger_ligne l ON l.ecriture_id = ec.id
     WHERE ec.id = NEW.ecriture_id AND ec.piece = p.bout_en_bout AND ec.passee_par_id = NEW.par_id
       AND j.code = 'TR';
    IF e.lignes <> 2 OR e.debits <> 1 OR e.credits <> 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG383',
            MESSAGE = format('Le retour du virement %s s''inscrit par une contre-écriture de %s, pièce %s, au nom de qui l''enregistre, au journal TR et en deux lignes : débit du compte de disponibilités, crédit du compte du créancier.',
                             p.bout_en_bout, budget_euros(p.montant), p.bout_en_bout);
    END IF;
    IF NEW.ligne_releve_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM tresorerie_lignereleve lr JOIN tresorerie_releve rl ON rl.id = lr.releve_id
         WHERE lr.id = NEW.ligne_releve_id AND lr.sens = 'credit' AND lr.montant = p.montant
           AND rl.compte_id = p.disponibilite) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG390',
            MESSAGE = format('Le retour du virement %s se lit sur une ligne au crédit de %s d''un relevé du compte « %s », qui l''a payé.',
                             p.bout_en_bout, budget_euros(p.montant), p.disponibilite_libelle);
    END IF;
    RETURN NEW;
END;
$$;

-- 2. LG387 at statement level (0016, then 0018 with the server run), and
--    the amount summed: in the transaction that records a return, the
--    negative payment movements referenced `retour:<end-to-end id>`, all of
--    them (this statement's and any other's), undo at most the returned
--    amount (LG391). 0016 compared each row alone with the return, so two
--    rows of -700 passed for a return of 1 200 €.
--    The réimputation exemption is kept as it was: a negative payment passes
--    when the same statement pays as much under the same reference on
--    another credit. It is not tied to a recorded réimputation (certificate):
--    it reads only the pair of movements; the reimputed order's payment
--    moves from one credit to the other, the total paid unchanged.
CREATE OR REPLACE FUNCTION tresorerie_credit_depaye() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT a.reference,
               (SELECT -sum(m.montant) FROM budget_mouvementcredit m
                 WHERE m.nature = 'paiement' AND m.montant < 0 AND m.reference = a.reference) AS annule,
               (SELECT rt.montant FROM tresorerie_retour rt JOIN tresorerie_paiement p ON p.id = rt.paiement_id
                 WHERE rt.transaction = txid_current() AND rt.tx_serveur = pg_postmaster_start_time()
                   AND a.reference = 'retour:' || p.bout_en_bout) AS retourne
          FROM (SELECT DISTINCT n.reference FROM nouveaux n
                 WHERE n.nature = 'paiement' AND n.montant < 0
                   AND NOT EXISTS (SELECT 1 FROM nouveaux m
                                    WHERE m.nature = 'paiement' AND m.reference = n.reference
                                      AND m.montant = -n.montant AND m.credit_id <> n.credit_id)) a
    LOOP
        IF r.retourne IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG387',
                MESSAGE = 'Un paiement sur un crédit ne s''annule que pour un virement retourné par la banque, dans l''acte qui enregistre ce retour.';
        END IF;
        IF r.annule > r.retourne THEN
            RAISE EXCEPTION USING ERRCODE = 'LG391',
                MESSAGE = format('Le virement retourné « %s » rend aux crédits au plus son montant, %s : les paiements annulés sous cette référence feraient %s.',
                                 substr(r.reference, 8), budget_euros(r.retourne), budget_euros(r.annule));
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

-- 3. LG386 (0016): an opposition's imputation is restored for a returned
--    transfer to its opposing party, by its amount; and all restorations of
--    that return together give back at most the returned payment (LG392).
--    The opposition's row is locked first by imputation_dans_le_montant
--    (oppositions 0002, which fires before this trigger: triggers of one
--    event fire by name), so the sum below reads the restorations committed
--    before, and a multi-row INSERT's earlier rows.
CREATE OR REPLACE FUNCTION tresorerie_imputation_restituee() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_retourne numeric;
    v_deja numeric;
BEGIN
    SELECT r.montant INTO v_retourne
      FROM tresorerie_retour r JOIN tresorerie_paiement p ON p.id = r.paiement_id
     WHERE p.opposition_id = NEW.opposition_id AND r.montant = -NEW.montant
       AND NEW.reference = 'retour:' || p.bout_en_bout;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG386',
            MESSAGE = format('Une imputation sur l''opposition n° %s ne se rétablit que pour un virement à l''opposant retourné par la banque, de son montant.', NEW.opposition_id);
    END IF;
    SELECT coalesce(-sum(montant), 0) INTO v_deja
      FROM oppositions_imputation
     WHERE opposition_id = NEW.opposition_id AND reference = NEW.reference AND montant < 0;
    IF v_deja - NEW.montant > v_retourne THEN
        RAISE EXCEPTION USING ERRCODE = 'LG392',
            MESSAGE = format('Le virement retourné « %s » rend à l''opposition n° %s au plus son montant, %s : %s lui ont déjà été rendus.',
                             substr(NEW.reference, 8), NEW.opposition_id, budget_euros(v_retourne), budget_euros(v_deja));
    END IF;
    RETURN NEW;
END;
$$;

-- 4. A correction of bank details redirects the next transfer: it is
--    recorded by whoever exercises, on its date, the agent comptable's
--    functions (circ. 93/82 §1.1.1, §1.1.2), as the services require
--    (`exiger_comptable`, personnes.selectors.fonctions_exercees_le): the
--    holder of the interim in force, a fondé de pouvoir, or the titular
--    agent comptable when no interim held by another covers that day (the
--    affectations and interims read as tresorerie 0011 reads them) (LG393).
--    A fondé de pouvoir's procuration is the services' check only.
--    The date itself is not compared with CURRENT_DATE: the application's
--    clock (core.horloge, the fund's time zone) may differ from the server's
--    date, and no guard of this database reads the latter for a business date.
CREATE OR REPLACE FUNCTION tresorerie_correction_verifier() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.iban !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'
       OR (NEW.bic <> '' AND NEW.bic !~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG385',
            MESSAGE = 'Les coordonnées corrigées s''écrivent en forme normale : IBAN et BIC en lettres capitales et chiffres, sans espace.';
    END IF;
    IF NOT (
        EXISTS (SELECT 1 FROM personnes_interim i
                 WHERE i.utilisateur_id = NEW.par_id AND i.debut <= NEW.le AND i.fin >= NEW.le)
        OR EXISTS (SELECT 1 FROM personnes_affectation a
                    WHERE a.utilisateur_id = NEW.par_id AND a.fonction = 'fonde_de_pouvoir'
                      AND a.debut <= NEW.le AND (a.fin IS NULL OR a.fin >= NEW.le))
        OR (EXISTS (SELECT 1 FROM personnes_affectation a
                     WHERE a.utilisateur_id = NEW.par_id AND a.fonction = 'agent_comptable'
                       AND a.debut <= NEW.le AND (a.fin IS NULL OR a.fin >= NEW.le))
            AND NOT EXISTS (SELECT 1 FROM personnes_interim i
                             WHERE i.utilisateur_id <> NEW.par_id
                               AND i.debut <= NEW.le AND i.fin >= NEW.le))) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG393',
            MESSAGE = format('Seul l''agent comptable (ou son fondé de pouvoir) corrige les coordonnées bancaires d''un créancier : %s n''exerce pas ses fonctions le %s (circulaire 93/82 §1.1.1).',
                             personnes_nom(NEW.par_id), to_char(NEW.le, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;
