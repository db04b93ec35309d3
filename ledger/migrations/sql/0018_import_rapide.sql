-- The statement checks of a posting in one pass over each transition table
-- (issue 16, point 2). Same checks, same SQLSTATEs and messages as before
-- (0014 for the entries and the lots, 0015 for the lines); what changes is
-- how often each statement reads its new rows:
--
-- - the entries' check read them nine times (transaction, exercise, journal,
--   author, reversal, numbering, chain, lot); it now reads them once, sorted
--   by rank within each exercise, into one small row per exercise and
--   journal, on which every check is made;
-- - the lines' check read them three times and joined them twice to their
--   entries; it now joins them once, summing them per exercise, account,
--   day and journal on the way: the checks and the daily totals are made on
--   those sums (a few thousand rows for a packet of 50,000 entries);
-- - the commit-time check of a lot probed each entry's lines by index; it
--   reads the lot's lines as one range of that index;
-- - the daily totals' guard ran for each row the totals' upsert touched; it
--   runs once per statement (the same rule: written only from a trigger).
--
-- A refusal names the offending row as before: once a pass has found that
-- something is wrong, the former query looks for that row.

-- One row per exercise and journal of a statement's new entries.
CREATE TYPE ledger_ecritures_groupe AS (
    exercice_id bigint,
    journal_id bigint,
    nombre bigint,
    premier integer,
    dernier integer,
    rang_premier bigint,
    rang_dernier bigint,
    id_min bigint,
    id_max bigint,
    autre_tx boolean,
    date_min date,
    date_max date,
    auteur_min integer,
    auteur_max integer,
    contrepassations bigint,
    rompue boolean,
    tete text,
    derniere text
);

-- One row per exercise, account, day and journal of a statement's new lines.
CREATE TYPE ledger_lignes_groupe AS (
    exercice_id bigint,
    compte_id bigint,
    date date,
    journal_id bigint,
    debit numeric,
    credit numeric,
    orphelines bigint,
    etrangeres bigint,
    decalees bigint
);

CREATE OR REPLACE FUNCTION ledger_ecriture_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_tx xid8 := pg_current_xact_id();
    v_serveur timestamptz := pg_postmaster_start_time();
    v_groupes ledger_ecritures_groupe[];
    g ledger_ecritures_groupe;
    r record;
    c record;
    x record;
    v_dernier integer;
BEGIN
    -- The one pass: each entry beside the one before it in its exercise's chain.
    SELECT array_agg(s::ledger_ecritures_groupe ORDER BY s.exercice_id, s.journal_id) INTO v_groupes
      FROM (SELECT exercice_id, journal_id, count(*), min(numero), max(numero), min(rang), max(rang),
                   min(id), max(id), bool_or(tx <> v_tx OR tx_serveur <> v_serveur),
                   min(date), max(date), min(passee_par_id), max(passee_par_id), count(contrepasse_id),
                   bool_or(empreinte_precedente <> precedente
                           OR length(empreinte) <> 64 OR empreinte ~ '[^0-9a-f]'),
                   max(empreinte_precedente) FILTER (WHERE precedente IS NULL),
                   max(empreinte) FILTER (WHERE suivant IS NULL)
              FROM (SELECT n.*, lag(n.empreinte) OVER w AS precedente, lead(n.rang) OVER w AS suivant
                      FROM nouvelles n
                    WINDOW w AS (PARTITION BY n.exercice_id ORDER BY n.rang)) n
             GROUP BY exercice_id, journal_id) s;
    IF v_groupes IS NULL THEN
        RETURN NULL;
    END IF;

    FOREACH g IN ARRAY v_groupes LOOP
        IF g.autre_tx THEN
            RAISE EXCEPTION USING ERRCODE = 'LG010',
                MESSAGE = 'Une écriture ne peut pas être rattachée à une autre transaction que celle qui la passe.';
        END IF;
    END LOOP;

    -- The exercise exists, is not closed, and the date lies within its year
    -- (D253-17 to D253-19-1: each operation belongs to one exercise).
    FOREACH g IN ARRAY v_groupes LOOP
        SELECT id, annee, etat INTO x FROM ledger_exercice WHERE id = g.exercice_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'LG011', MESSAGE = 'L''exercice de l''écriture n''existe pas.';
        ELSIF x.etat = 'clos' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG012',
                MESSAGE = format('L''exercice %s est clos : aucune écriture ne peut plus y être passée.', x.annee);
        ELSIF g.date_min < make_date(x.annee, 1, 1) OR g.date_max > make_date(x.annee, 12, 31) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG013',
                MESSAGE = format('La date %s est hors de l''exercice %s (du 01/01/%s au 31/12/%s).',
                                 to_char(CASE WHEN g.date_min < make_date(x.annee, 1, 1)
                                              THEN g.date_min ELSE g.date_max END, 'DD/MM/YYYY'),
                                 x.annee, x.annee, x.annee);
        END IF;
    END LOOP;

    FOREACH g IN ARRAY v_groupes LOOP
        IF NOT EXISTS (SELECT 1 FROM ledger_journal WHERE id = g.journal_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG014', MESSAGE = 'Le journal de l''écriture n''existe pas.';
        END IF;
    END LOOP;
    FOREACH g IN ARRAY v_groupes LOOP
        IF NOT EXISTS (SELECT 1 FROM auth_user WHERE id = g.auteur_min)
           OR NOT EXISTS (SELECT 1 FROM auth_user WHERE id = g.auteur_max)
           OR (g.auteur_min <> g.auteur_max AND EXISTS (
                SELECT 1 FROM nouvelles n LEFT JOIN auth_user u ON u.id = n.passee_par_id WHERE u.id IS NULL)) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG015', MESSAGE = 'L''auteur de l''écriture n''existe pas.';
        END IF;
    END LOOP;
    IF (SELECT sum(contrepassations) FROM unnest(v_groupes)) > 0 AND EXISTS (
        SELECT 1 FROM nouvelles n
         WHERE n.contrepasse_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = n.contrepasse_id AND e.id <> n.id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG016', MESSAGE = 'L''écriture contrepassée n''existe pas.';
    END IF;

    -- Continuous numbering per exercise and journal: exactly the numbers
    -- following the counter, which is locked until commit.
    FOREACH g IN ARRAY v_groupes LOOP
        INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)
             VALUES (g.exercice_id, g.journal_id, 0) ON CONFLICT DO NOTHING;
        SELECT dernier_numero INTO v_dernier FROM ledger_compteur
         WHERE exercice_id = g.exercice_id AND journal_id = g.journal_id FOR UPDATE;
        IF g.premier <> v_dernier + 1 OR g.dernier <> v_dernier + g.nombre THEN
            RAISE EXCEPTION USING ERRCODE = 'LG020',
                MESSAGE = format('Numérotation discontinue : l''écriture suivante du journal doit porter le numéro %s (reçu %s à %s).',
                                 v_dernier + 1, g.premier, g.dernier);
        END IF;
        UPDATE ledger_compteur SET dernier_numero = g.dernier
         WHERE exercice_id = g.exercice_id AND journal_id = g.journal_id;
    END LOOP;

    -- Hash chain per exercise: ranks follow the head, each entry names the
    -- hash of the one before it.
    FOR r IN SELECT exercice_id, min(rang_premier) AS premier, max(rang_dernier) AS dernier,
                    sum(nombre) AS nombre, bool_or(rompue) AS rompue,
                    max(tete) AS tete, max(derniere) AS derniere
               FROM unnest(v_groupes) GROUP BY exercice_id ORDER BY exercice_id
    LOOP
        INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)
             VALUES (r.exercice_id, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        SELECT * INTO c FROM ledger_chaine WHERE exercice_id = r.exercice_id FOR UPDATE;
        IF r.premier <> c.dernier_rang + 1 OR r.dernier <> c.dernier_rang + r.nombre THEN
            RAISE EXCEPTION USING ERRCODE = 'LG021',
                MESSAGE = format('Chaîne d''empreintes discontinue : rang attendu %s (reçu %s à %s).',
                                 c.dernier_rang + 1, r.premier, r.dernier);
        END IF;
        IF r.rompue OR r.tete <> c.derniere_empreinte THEN
            RAISE EXCEPTION USING ERRCODE = 'LG022',
                MESSAGE = 'Chaîne d''empreintes rompue : une écriture ne reprend pas l''empreinte de la précédente.';
        END IF;
        UPDATE ledger_chaine SET dernier_rang = r.dernier, derniere_empreinte = r.derniere
         WHERE exercice_id = r.exercice_id;
    END LOOP;

    INSERT INTO ledger_lot (premier_id, dernier_id, nombre)
    SELECT min(id_min), max(id_max), sum(nombre) FROM unnest(v_groupes);
    RETURN NULL;
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

-- At commit, each entry of a posting statement has two lines or more,
-- balances, and respects the comptes spéciaux d'encaissement: the 0014 checks
-- and messages, made in one pass over the lot's lines. The 0014 version probed
-- each entry's lines by index (one probe per entry); the lot's entries are one
-- id range, so their lines are one range of the index on
-- ledger_ligne.ecriture_id: read in order, summed per entry, and joined to
-- the lot's entries (read by their own primary key range). The 0009 version
-- joined the same two sides and got a nested loop over the aggregate,
-- quadratic in the lot, on tables never analysed (see 0014); nested loops are
-- off in this function, so the join is a merge or a hash join, linear in the
-- lot whatever the statistics (tests/ledger/test_import_base_neuve.py).
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
    RETURN NULL;
END;
$$;

-- The daily totals' guard, once per statement instead of once per row: a
-- statement that writes the totals is refused unless a trigger runs it
-- (pg_trigger_depth() >= 2), whatever rows it touches (ledger_cumul_proteger
-- itself is unchanged; it already answered for a statement).
DROP TRIGGER cumul_proteger ON ledger_cumul;
CREATE TRIGGER cumul_proteger BEFORE INSERT OR UPDATE OR DELETE ON ledger_cumul
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_cumul_proteger();
