-- The commit-time check of a lot can be fired early (SET CONSTRAINTS …
-- IMMEDIATE): it then runs once, and a line added afterwards to one of its
-- entries, in the same transaction, was checked by nothing at COMMIT (an
-- unbalanced entry could commit; found in review, issue 16). Each check now
-- records the entries it covered in ledger_lot_controle, append-only, and the
-- lines' statement check refuses a line on such an entry (LG047). The
-- functions are those of 0018 with these two additions.

CREATE TABLE ledger_lot_controle (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    tx_serveur timestamptz NOT NULL DEFAULT pg_postmaster_start_time(),
    premier_id bigint NOT NULL,
    dernier_id bigint NOT NULL
);
CREATE INDEX ledger_lot_controle_tx ON ledger_lot_controle (tx);
CREATE TRIGGER lot_controle_ajout_seul BEFORE UPDATE OR DELETE ON ledger_lot_controle
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les contrôles de lots ne peuvent être ni modifiés ni supprimés.');
CREATE TRIGGER lot_controle_pas_de_vidage BEFORE TRUNCATE ON ledger_lot_controle
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les contrôles de lots ne peuvent pas être vidés.');
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE ALL ON ledger_lot_controle FROM caisse_app;
        GRANT SELECT, INSERT ON ledger_lot_controle TO caisse_app;
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION ledger_ligne_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_tx xid8 := pg_current_xact_id();
    v_serveur timestamptz := pg_postmaster_start_time();
    r record;
    v_min bigint;
    v_max bigint;
    v_groupes ledger_lignes_groupe[];
BEGIN
    -- The entries a statement's lines belong to lie in one id range: reading
    -- only that range keeps the cost of a packet independent of the ledger's
    -- size (a first, light read of the transition table: two numbers).
    SELECT min(ecriture_id), max(ecriture_id) INTO v_min, v_max FROM nouvelles;

    -- An entry whose commit-time check already ran in this transaction (fired
    -- early by SET CONSTRAINTS … IMMEDIATE, as the import does per packet)
    -- receives no more lines: nothing would check them again at COMMIT.
    IF EXISTS (SELECT 1 FROM ledger_lot_controle k
                WHERE k.tx = v_tx AND k.tx_serveur = v_serveur
                  AND k.premier_id <= v_max AND k.dernier_id >= v_min
                  AND EXISTS (SELECT 1 FROM nouvelles n
                               WHERE n.ecriture_id BETWEEN k.premier_id AND k.dernier_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG047',
            MESSAGE = 'Une écriture déjà contrôlée (équilibre, nombre de lignes) ne peut plus recevoir de ligne : passez une nouvelle écriture.';
    END IF;

    -- The one pass: each line joined to its entry, summed per exercise,
    -- account, day and journal, with what is wrong counted on the way.
    SELECT array_agg(s::ledger_lignes_groupe) INTO v_groupes
      FROM (SELECT n.exercice_id, n.compte_id, n.date, e.journal_id, sum(n.debit), sum(n.credit),
                   count(*) - count(e.id),
                   count(*) FILTER (WHERE e.tx <> v_tx OR e.tx_serveur <> v_serveur),
                   count(*) FILTER (WHERE e.exercice_id <> n.exercice_id OR e.date <> n.date)
              FROM nouvelles n
              LEFT JOIN (SELECT id, tx, tx_serveur, exercice_id, date, journal_id FROM ledger_ecriture
                          WHERE id BETWEEN v_min AND v_max) e
                ON e.id = n.ecriture_id
             GROUP BY n.exercice_id, n.compte_id, n.date, e.journal_id) s;

    IF (SELECT sum(orphelines + etrangeres + decalees) FROM unnest(v_groupes)) > 0 THEN
        SELECT n.ecriture_id, n.exercice_id AS ligne_exercice, n.date AS ligne_date,
               e.id, e.tx, e.tx_serveur, e.exercice_id, e.date INTO r
          FROM nouvelles n
          LEFT JOIN (SELECT id, tx, tx_serveur, exercice_id, date FROM ledger_ecriture
                      WHERE id BETWEEN v_min AND v_max) e
            ON e.id = n.ecriture_id
         WHERE e.id IS NULL OR e.tx <> pg_current_xact_id() OR e.tx_serveur <> pg_postmaster_start_time()
            OR e.exercice_id <> n.exercice_id OR e.date <> n.date
         LIMIT 1;
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG040', MESSAGE = format('L''écriture %s n''existe pas.', r.ecriture_id);
        ELSIF r.tx <> pg_current_xact_id() OR r.tx_serveur <> pg_postmaster_start_time() THEN
            RAISE EXCEPTION USING ERRCODE = 'LG041',
                MESSAGE = 'Une écriture comptabilisée ne peut plus recevoir de ligne : passez une nouvelle écriture.';
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG046',
            MESSAGE = format('Une ligne de l''écriture %s porte l''exercice %s et la date %s, l''écriture l''exercice %s et la date %s : une ligne porte l''exercice et la date de son écriture.',
                             r.ecriture_id, r.ligne_exercice, to_char(r.ligne_date, 'DD/MM/YYYY'),
                             r.exercice_id, to_char(r.date, 'DD/MM/YYYY'));
    END IF;

    SELECT g.compte_id, c.id, c.numero, c.imputable INTO r
      FROM unnest(v_groupes) g LEFT JOIN ledger_compte c ON c.id = g.compte_id
     WHERE c.id IS NULL OR NOT c.imputable
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG042', MESSAGE = format('Le compte %s n''existe pas.', r.compte_id);
        ELSIF NOT r.imputable THEN
            RAISE EXCEPTION USING ERRCODE = 'LG043',
                MESSAGE = format('Le compte %s est un compte de regroupement : imputez un de ses sous-comptes.', r.numero);
        END IF;
    END IF;

    INSERT INTO ledger_cumul (exercice_id, compte_id, date, a_nouveau, debit, credit)
    SELECT g.exercice_id, g.compte_id, g.date, j.a_nouveaux, sum(g.debit), sum(g.credit)
      FROM unnest(v_groupes) g
      JOIN ledger_journal j ON j.id = g.journal_id
     GROUP BY g.exercice_id, g.compte_id, g.date, j.a_nouveaux
     ORDER BY g.exercice_id, g.compte_id, g.date, j.a_nouveaux
    ON CONFLICT (exercice_id, compte_id, date, a_nouveau) DO UPDATE
       SET debit = ledger_cumul.debit + EXCLUDED.debit,
           credit = ledger_cumul.credit + EXCLUDED.credit;
    RETURN NULL;
END;
$$;

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
BEGIN
    SELECT coalesce(array_agg(id) FILTER (WHERE credit_seulement), '{}'),
           coalesce(array_agg(id) FILTER (WHERE classe = 5 AND NOT credit_seulement), '{}'),
           coalesce(array_agg(id) FILTER (WHERE cotisations), '{}')
      INTO v_speciaux, v_tresorerie, v_cotisations
      FROM ledger_compte;

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
            OR (t.entree > 0 AND t.autres > 0))
     LIMIT 1;
    IF FOUND THEN
        SELECT code INTO v_code FROM ledger_journal WHERE id = r.journal_id;
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
