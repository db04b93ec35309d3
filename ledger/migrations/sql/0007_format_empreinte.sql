-- Same check of the hash's format (64 lowercase hex digits) without an
-- anchored regex per row: a length test and a search for a foreign character
-- cost a tenth of it on bulk imports (docs/benchmarks.md).

CREATE OR REPLACE FUNCTION ledger_ecriture_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_tx xid8 := pg_current_xact_id();
    r record;
    c record;
    v_dernier integer;
    v_min bigint;
    v_max bigint;
    v_nombre integer;
BEGIN
    IF EXISTS (SELECT 1 FROM nouvelles WHERE tx <> v_tx) THEN
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
