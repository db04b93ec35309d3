-- Back to 0017: the row guard of the daily totals, the entries' and the
-- lots' checks of 0014 and the lines' check of 0015, then the types go.
DROP TRIGGER cumul_proteger ON ledger_cumul;
CREATE TRIGGER cumul_proteger BEFORE INSERT OR UPDATE OR DELETE ON ledger_cumul
    FOR EACH ROW EXECUTE FUNCTION ledger_cumul_proteger();

CREATE OR REPLACE FUNCTION ledger_ecriture_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_tx xid8 := pg_current_xact_id();
    v_serveur timestamptz := pg_postmaster_start_time();
    r record;
    c record;
    v_dernier integer;
    v_min bigint;
    v_max bigint;
    v_nombre integer;
BEGIN
    IF EXISTS (SELECT 1 FROM nouvelles WHERE tx <> v_tx OR tx_serveur <> v_serveur) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG010',
            MESSAGE = 'Une écriture ne peut pas être rattachée à une autre transaction que celle qui la passe.';
    END IF;

    -- The exercise exists, is not closed, and the date lies within its year
    -- (D253-17 to D253-19-1: each operation belongs to one exercise).
    SELECT n.numero, n.date, x.id AS exercice, x.annee, x.etat INTO r
      FROM nouvelles n LEFT JOIN ledger_exercice x ON x.id = n.exercice_id
     WHERE x.id IS NULL OR x.etat = 'clos'
        OR n.date < make_date(x.annee, 1, 1) OR n.date > make_date(x.annee, 12, 31)
     LIMIT 1;
    IF FOUND THEN
        IF r.exercice IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG011', MESSAGE = 'L''exercice de l''écriture n''existe pas.';
        ELSIF r.etat = 'clos' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG012',
                MESSAGE = format('L''exercice %s est clos : aucune écriture ne peut plus y être passée.', r.annee);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG013',
                MESSAGE = format('La date %s est hors de l''exercice %s (du 01/01/%s au 31/12/%s).',
                                 to_char(r.date, 'DD/MM/YYYY'), r.annee, r.annee, r.annee);
        END IF;
    END IF;

    IF EXISTS (SELECT 1 FROM nouvelles n LEFT JOIN ledger_journal j ON j.id = n.journal_id WHERE j.id IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG014', MESSAGE = 'Le journal de l''écriture n''existe pas.';
    END IF;
    IF EXISTS (SELECT 1 FROM nouvelles n LEFT JOIN auth_user u ON u.id = n.passee_par_id WHERE u.id IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG015', MESSAGE = 'L''auteur de l''écriture n''existe pas.';
    END IF;
    IF EXISTS (SELECT 1 FROM nouvelles n
                WHERE n.contrepasse_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = n.contrepasse_id AND e.id <> n.id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG016', MESSAGE = 'L''écriture contrepassée n''existe pas.';
    END IF;

    -- Continuous numbering per exercise and journal: exactly the numbers
    -- following the counter, which is locked until commit.
    FOR r IN SELECT exercice_id, journal_id, min(numero) AS premier, max(numero) AS dernier, count(*) AS nombre
               FROM nouvelles GROUP BY exercice_id, journal_id ORDER BY exercice_id, journal_id
    LOOP
        INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)
             VALUES (r.exercice_id, r.journal_id, 0) ON CONFLICT DO NOTHING;
        SELECT dernier_numero INTO v_dernier FROM ledger_compteur
         WHERE exercice_id = r.exercice_id AND journal_id = r.journal_id FOR UPDATE;
        IF r.premier <> v_dernier + 1 OR r.dernier <> v_dernier + r.nombre THEN
            RAISE EXCEPTION USING ERRCODE = 'LG020',
                MESSAGE = format('Numérotation discontinue : l''écriture suivante du journal doit porter le numéro %s (reçu %s à %s).',
                                 v_dernier + 1, r.premier, r.dernier);
        END IF;
        UPDATE ledger_compteur SET dernier_numero = r.dernier
         WHERE exercice_id = r.exercice_id AND journal_id = r.journal_id;
    END LOOP;

    -- Hash chain per exercise: ranks follow the head, each entry names the
    -- hash of the one before it.
    FOR r IN SELECT exercice_id, min(rang) AS premier, max(rang) AS dernier, count(*) AS nombre
               FROM nouvelles GROUP BY exercice_id ORDER BY exercice_id
    LOOP
        INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)
             VALUES (r.exercice_id, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        SELECT * INTO c FROM ledger_chaine WHERE exercice_id = r.exercice_id FOR UPDATE;
        IF r.premier <> c.dernier_rang + 1 OR r.dernier <> c.dernier_rang + r.nombre THEN
            RAISE EXCEPTION USING ERRCODE = 'LG021',
                MESSAGE = format('Chaîne d''empreintes discontinue : rang attendu %s (reçu %s à %s).',
                                 c.dernier_rang + 1, r.premier, r.dernier);
        END IF;
        IF EXISTS (
            SELECT 1 FROM (
                SELECT empreinte, empreinte_precedente,
                       lag(empreinte) OVER (ORDER BY rang) AS precedente
                  FROM nouvelles WHERE exercice_id = r.exercice_id
            ) s
             WHERE s.empreinte_precedente <> coalesce(s.precedente, c.derniere_empreinte)
                OR length(s.empreinte) <> 64 OR s.empreinte ~ '[^0-9a-f]'
        ) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG022',
                MESSAGE = 'Chaîne d''empreintes rompue : une écriture ne reprend pas l''empreinte de la précédente.';
        END IF;
        UPDATE ledger_chaine
           SET dernier_rang = r.dernier,
               derniere_empreinte = (SELECT empreinte FROM nouvelles
                                      WHERE exercice_id = r.exercice_id AND rang = r.dernier)
         WHERE exercice_id = r.exercice_id;
    END LOOP;

    SELECT min(id), max(id), count(*) INTO v_min, v_max, v_nombre FROM nouvelles;
    IF v_nombre > 0 THEN
        INSERT INTO ledger_lot (premier_id, dernier_id, nombre) VALUES (v_min, v_max, v_nombre);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ledger_ligne_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    r record;
    v_min bigint;
    v_max bigint;
BEGIN
    -- The entries a statement's lines belong to lie in one id range: reading
    -- only that range keeps the cost of a packet independent of the ledger's size.
    SELECT min(ecriture_id), max(ecriture_id) INTO v_min, v_max FROM nouvelles;
    SELECT n.ecriture_id, n.exercice_id AS ligne_exercice, n.date AS ligne_date,
           e.id, e.tx, e.tx_serveur, e.exercice_id, e.date INTO r
      FROM nouvelles n
      LEFT JOIN (SELECT id, tx, tx_serveur, exercice_id, date FROM ledger_ecriture
                  WHERE id BETWEEN v_min AND v_max) e
        ON e.id = n.ecriture_id
     WHERE e.id IS NULL OR e.tx <> pg_current_xact_id() OR e.tx_serveur <> pg_postmaster_start_time()
        OR e.exercice_id <> n.exercice_id OR e.date <> n.date
     LIMIT 1;
    IF FOUND THEN
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

    SELECT n.compte_id, c.id, c.numero, c.imputable INTO r
      FROM nouvelles n LEFT JOIN ledger_compte c ON c.id = n.compte_id
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
    SELECT e.exercice_id, n.compte_id, e.date, j.a_nouveaux, sum(n.debit), sum(n.credit)
      FROM nouvelles n
      JOIN (SELECT id, exercice_id, date, journal_id FROM ledger_ecriture WHERE id BETWEEN v_min AND v_max) e
        ON e.id = n.ecriture_id
      JOIN ledger_journal j ON j.id = e.journal_id
     GROUP BY e.exercice_id, n.compte_id, e.date, j.a_nouveaux
     ORDER BY e.exercice_id, n.compte_id, e.date, j.a_nouveaux
    ON CONFLICT (exercice_id, compte_id, date, a_nouveau) DO UPDATE
       SET debit = ledger_cumul.debit + EXCLUDED.debit,
           credit = ledger_cumul.credit + EXCLUDED.credit;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ledger_lot_verifier_equilibre() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
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

    SELECT e.id, e.numero, e.journal_id, t.lignes,
           coalesce(t.debit, 0) AS debit, coalesce(t.credit, 0) AS credit,
           coalesce(t.sortie, 0) AS sortie, coalesce(t.tresorerie, 0) AS tresorerie,
           coalesce(t.entree, 0) AS entree, t.autres
      INTO r
      FROM ledger_ecriture e
     CROSS JOIN LATERAL (
            SELECT count(*) AS lignes, sum(l.debit) AS debit, sum(l.credit) AS credit,
                   sum(l.credit) FILTER (WHERE l.compte_id = ANY (v_speciaux)) AS sortie,
                   sum(l.debit - l.credit) FILTER (WHERE l.compte_id = ANY (v_tresorerie)) AS tresorerie,
                   sum(l.debit) FILTER (WHERE l.compte_id = ANY (v_speciaux)) AS entree,
                   count(*) FILTER (WHERE l.credit > 0 AND NOT l.compte_id = ANY (v_cotisations)) AS autres
              FROM ledger_ligne l
             WHERE l.ecriture_id = e.id
     ) t
     WHERE e.id BETWEEN NEW.premier_id AND NEW.dernier_id
       AND e.tx = NEW.tx AND e.tx_serveur = NEW.tx_serveur
       AND (t.lignes < 2 OR coalesce(t.debit, 0) <> coalesce(t.credit, 0)
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

DROP TYPE ledger_ecritures_groupe;
DROP TYPE ledger_lignes_groupe;
