-- Back to 0008: a compte spécial d'encaissement debited with any counterpart.

CREATE OR REPLACE FUNCTION ledger_lot_verifier_equilibre() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    -- Both sides restricted to the lot's id range, so that each check reads
    -- only its own entries and lines through their indexes.
    --
    -- A compte spécial d'encaissement (circ. 93/82 §2.2.0.2, §2.2.0.3) records
    -- credits only in the bank's sense: cotisations come in (a debit in our
    -- books); no payment and no fee goes out of it. The only money leaving it is
    -- its nivellement to another treasury account, so a credit to it must be
    -- matched in the same entry by a net debit to other class 5 accounts. It is
    -- checked here, at commit, on whole entries, in the same pass as the balance.
    SELECT e.id, e.numero, j.code, coalesce(t.lignes, 0) AS lignes,
           coalesce(t.debit, 0) AS debit, coalesce(t.credit, 0) AS credit,
           coalesce(t.sortie, 0) AS sortie, coalesce(t.tresorerie, 0) AS tresorerie, t.compte
      INTO r
      FROM ledger_ecriture e
      JOIN ledger_journal j ON j.id = e.journal_id
      LEFT JOIN (
            SELECT l.ecriture_id, count(*) AS lignes, sum(l.debit) AS debit, sum(l.credit) AS credit,
                   sum(l.credit) FILTER (WHERE c.credit_seulement) AS sortie,
                   sum(l.debit - l.credit) FILTER (WHERE c.classe = 5 AND NOT c.credit_seulement) AS tresorerie,
                   min(c.numero) FILTER (WHERE c.credit_seulement AND l.credit > 0) AS compte
              FROM ledger_ligne l
              JOIN ledger_compte c ON c.id = l.compte_id
             WHERE l.ecriture_id BETWEEN NEW.premier_id AND NEW.dernier_id
             GROUP BY l.ecriture_id
      ) t ON t.ecriture_id = e.id
     WHERE e.id BETWEEN NEW.premier_id AND NEW.dernier_id AND e.tx = NEW.tx
       AND (coalesce(t.lignes, 0) < 2 OR coalesce(t.debit, 0) <> coalesce(t.credit, 0)
            OR (t.sortie > 0 AND t.sortie > coalesce(t.tresorerie, 0)))
     LIMIT 1;
    IF FOUND THEN
        IF r.lignes < 2 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG030',
                MESSAGE = format('L''écriture %s-%s a %s ligne(s) : il en faut au moins deux.', r.code, r.numero, r.lignes);
        ELSIF r.debit <> r.credit THEN
            RAISE EXCEPTION USING ERRCODE = 'LG031',
                MESSAGE = format('L''écriture %s-%s n''est pas équilibrée : débits %s, crédits %s.',
                                 r.code, r.numero, r.debit, r.credit);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG044',
                MESSAGE = format('Écriture %s-%s : le compte %s est un compte spécial d''encaissement ; il n''enregistre que des crédits (versements de cotisations), ni paiement ni frais n''y sont imputés, seul son nivellement vers un autre compte de disponibilités le débite (circulaire 93/82 §2.2.0.2 et §2.2.0.3).', r.code, r.numero, r.compte);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
