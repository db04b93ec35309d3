-- LG093 everywhere an entry reaches the ledger (migration 0024 checked it in
-- the service and on the recording queue only): the commit-time check of each
-- lot (posting, validation, bulk import, raw SQL) refuses an entry of an
-- à-nouveaux journal on a class 6 or 7 account. The function of migration
-- 0020, with that condition added to its one pass over the lot's entries.

CREATE OR REPLACE FUNCTION ledger_lot_verifier_equilibre() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
-- Hash or merge joins only: linear in the lot whatever the statistics (see above).
SET enable_nestloop = off
AS $$
DECLARE
    r record;
    v_code text;
    v_speciaux bigint[];
    v_tresorerie bigint[];
    v_cotisations bigint[];
    v_compte text;
    v_special text;
    v_autre text;
    v_a_nouveaux bigint[];
BEGIN
    SELECT coalesce(array_agg(id) FILTER (WHERE credit_seulement), '{}'),
           coalesce(array_agg(id) FILTER (WHERE classe = 5 AND NOT credit_seulement), '{}'),
           coalesce(array_agg(id) FILTER (WHERE cotisations), '{}')
      INTO v_speciaux, v_tresorerie, v_cotisations
      FROM ledger_compte;
    SELECT coalesce(array_agg(id), '{}') INTO v_a_nouveaux FROM ledger_journal WHERE a_nouveaux;

    SELECT e.id, e.numero, e.journal_id, coalesce(t.lignes, 0) AS lignes,
           coalesce(t.debit, 0) AS debit, coalesce(t.credit, 0) AS credit,
           coalesce(t.sortie, 0) AS sortie, coalesce(t.tresorerie, 0) AS tresorerie,
           coalesce(t.entree, 0) AS entree, t.autres
      INTO r
      FROM ledger_ecriture e
      LEFT JOIN (
            SELECT l.ecriture_id, count(*) AS lignes, sum(l.debit) AS debit, sum(l.credit) AS credit,
                   sum(l.credit) FILTER (WHERE l.compte_id = ANY (v_speciaux)) AS sortie,
                   sum(l.debit - l.credit) FILTER (WHERE l.compte_id = ANY (v_tresorerie)) AS tresorerie,
                   sum(l.debit) FILTER (WHERE l.compte_id = ANY (v_speciaux)) AS entree,
                   count(*) FILTER (WHERE l.credit > 0 AND NOT l.compte_id = ANY (v_cotisations)) AS autres
              FROM ledger_ligne l
             WHERE l.ecriture_id BETWEEN NEW.premier_id AND NEW.dernier_id
             GROUP BY l.ecriture_id
      ) t ON t.ecriture_id = e.id
     WHERE e.id BETWEEN NEW.premier_id AND NEW.dernier_id
       AND e.tx = NEW.tx AND e.tx_serveur = NEW.tx_serveur
       AND (coalesce(t.lignes, 0) < 2 OR coalesce(t.debit, 0) <> coalesce(t.credit, 0)
            OR (t.sortie > 0 AND t.sortie > coalesce(t.tresorerie, 0))
            OR (t.entree > 0 AND t.autres > 0)
            -- LG093 (migration 0025): an entry of an à-nouveaux journal carries
            -- no charge or produit account. Its lines are read for the
            -- à-nouveaux entries only, in the same pass over the lot.
            OR (e.journal_id = ANY (v_a_nouveaux) AND EXISTS (
                    SELECT FROM ledger_ligne g JOIN ledger_compte c ON c.id = g.compte_id
                     WHERE g.ecriture_id = e.id AND g.exercice_id = e.exercice_id
                       AND c.classe IN (6, 7))))
     LIMIT 1;
    IF FOUND THEN
        SELECT code INTO v_code FROM ledger_journal WHERE id = r.journal_id;
        IF r.journal_id = ANY (v_a_nouveaux) THEN
            SELECT min(c.numero) INTO v_compte
              FROM ledger_ligne l JOIN ledger_compte c ON c.id = l.compte_id
             WHERE l.ecriture_id = r.id AND c.classe IN (6, 7);
            IF v_compte IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'LG093',
                    MESSAGE = format('Le journal des à-nouveaux (%s) ne reprend pas les comptes de charges '
                                     'et de produits (classes 6 et 7) : le compte %s en est un.',
                                     v_code, v_compte);
            END IF;
        END IF;
        SELECT min(c.numero) FILTER (WHERE c.credit_seulement AND l.credit > 0),
               min(c.numero) FILTER (WHERE c.credit_seulement AND l.debit > 0),
               min(c.numero) FILTER (WHERE l.credit > 0 AND NOT c.cotisations)
          INTO v_compte, v_special, v_autre
          FROM ledger_ligne l JOIN ledger_compte c ON c.id = l.compte_id
         WHERE l.ecriture_id = r.id;
        IF r.lignes < 2 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG030',
                MESSAGE = format('L''écriture %s-%s a %s ligne(s) : il en faut au moins deux.', v_code, r.numero, r.lignes);
        ELSIF r.debit <> r.credit THEN
            RAISE EXCEPTION USING ERRCODE = 'LG031',
                MESSAGE = format('L''écriture %s-%s n''est pas équilibrée : débits %s, crédits %s.',
                                 v_code, r.numero, r.debit, r.credit);
        ELSIF r.sortie > 0 AND r.sortie > r.tresorerie THEN
            RAISE EXCEPTION USING ERRCODE = 'LG044',
                MESSAGE = format('Écriture %s-%s : le compte %s est un compte spécial d''encaissement ; il n''enregistre que des crédits (versements de cotisations), ni paiement ni frais n''y sont imputés, seul son nivellement vers un autre compte de disponibilités le débite (circulaire 93/82 §2.2.0.2 et §2.2.0.3).', v_code, r.numero, v_compte);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG045',
                MESSAGE = format('Écriture %s-%s : le compte %s est un compte spécial d''encaissement, alimenté par le seul versement des cotisations (circulaire 93/82 §2.2.0.2) ; l''écriture qui le débite ne crédite que des comptes de cotisants, de cotisations ou de majorations, ou les versements en attente d''affectation, non le compte %s.', v_code, r.numero, v_special, v_autre);
        END IF;
    END IF;
    -- Checked: the entries of this lot receive no more lines in this
    -- transaction (ledger_ligne_verifier_insertion, LG047).
    INSERT INTO ledger_lot_controle (premier_id, dernier_id) VALUES (NEW.premier_id, NEW.dernier_id);
    RETURN NULL;
END;
$$;

