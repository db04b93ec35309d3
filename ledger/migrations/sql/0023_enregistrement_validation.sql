-- Recording separated from validation (issue 16, point 1).
--
-- A posting through ledger_passer_ecriture numbers and chains its entry under
-- the exercise's chain head, held until COMMIT: the WAL flush of every posting
-- (about 1.3 ms on this machine) is spent under that lock, one after the
-- other, whatever the number of writers. Here an entry is first *recorded*:
-- checked, balanced and immutable at once, in a queue of its own, with no
-- lock shared with any other writer, so that concurrent writers' commits are
-- flushed together. A single sequencer then *validates* the queue in batches
-- (ledger_valider_enregistrements): under the counters and the chain head it
-- gives each recorded entry its definitive number in its journal, its rank
-- and its link in the chain, and inserts the entries, their lines and their
-- audit rows into the ledger in one statement each, where every check of the
-- ledger's triggers runs as for any other posting (0018). Each validation is
-- written to ledger_validation, append-only; an entry the ledger refuses is
-- written, with the refusal, to ledger_rejet, append-only.
--
-- The queue, the validations and the rejections are written only by these two
-- functions (SECURITY DEFINER): the application's role reads them and calls
-- the functions, nothing else. A recorded entry leaves the queue only with
-- its validation or its rejection row.

-- No foreign key: the function that writes it checks the exercise, the
-- journal, the author and the accounts, and a foreign key would lock the
-- exercise's row for every writer (one row locked by all: a hot spot).
CREATE TABLE ledger_enregistrement (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exercice_id bigint NOT NULL,
    journal_id bigint NOT NULL,
    date date NOT NULL,
    libelle varchar(255) NOT NULL,
    piece varchar(120) NOT NULL,
    passee_par_id integer NOT NULL,
    passee_le timestamptz NOT NULL,
    contrepasse_id bigint,
    compte_ids bigint[] NOT NULL,
    debits numeric[] NOT NULL,
    credits numeric[] NOT NULL,
    tiers text[] NOT NULL,
    libelles text[] NOT NULL,
    -- The canonical text of the entry after its rank (ledger_contenu_ecriture
    -- from the date on), computed once by the writer: the sequencer hashes
    -- the chain link, the exercise, the journal, the number and the rank in
    -- front of it.
    contenu_suite text NOT NULL,
    montant numeric NOT NULL,
    enregistree_le timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_enregistrement_exercice ON ledger_enregistrement (exercice_id, id);

CREATE TABLE ledger_validation (
    enregistrement_id bigint PRIMARY KEY,
    ecriture_id bigint NOT NULL,
    exercice_id bigint NOT NULL,
    enregistree_le timestamptz NOT NULL,
    validee_le timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ledger_validation_ecriture ON ledger_validation (ecriture_id);

CREATE TABLE ledger_rejet (
    enregistrement_id bigint PRIMARY KEY,
    exercice_id bigint NOT NULL,
    journal_id bigint NOT NULL,
    date date NOT NULL,
    libelle varchar(255) NOT NULL,
    piece varchar(120) NOT NULL,
    passee_par_id integer NOT NULL,
    passee_le timestamptz NOT NULL,
    contrepasse_id bigint,
    compte_ids bigint[] NOT NULL,
    debits numeric[] NOT NULL,
    credits numeric[] NOT NULL,
    tiers text[] NOT NULL,
    libelles text[] NOT NULL,
    montant numeric NOT NULL,
    enregistree_le timestamptz NOT NULL,
    code text NOT NULL,
    motif text NOT NULL,
    rejete_le timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_rejet_exercice ON ledger_rejet (exercice_id, enregistrement_id);

CREATE TRIGGER enregistrement_pas_de_modification BEFORE UPDATE ON ledger_enregistrement
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une écriture enregistrée ne se modifie pas : elle est validée telle quelle ou rejetée.');
CREATE TRIGGER enregistrement_pas_de_vidage BEFORE TRUNCATE ON ledger_enregistrement
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les écritures enregistrées ne peuvent pas être vidées.');
CREATE TRIGGER validation_ajout_seul BEFORE UPDATE OR DELETE ON ledger_validation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les validations d''écritures ne peuvent être ni modifiées ni supprimées.');
CREATE TRIGGER validation_pas_de_vidage BEFORE TRUNCATE ON ledger_validation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les validations d''écritures ne peuvent pas être vidées.');
CREATE TRIGGER rejet_ajout_seul BEFORE UPDATE OR DELETE ON ledger_rejet
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les rejets d''écritures ne peuvent être ni modifiés ni supprimés.');
CREATE TRIGGER rejet_pas_de_vidage BEFORE TRUNCATE ON ledger_rejet
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les rejets d''écritures ne peuvent pas être vidés.');

-- A recorded entry leaves the queue only with its validation or its rejection.
CREATE OR REPLACE FUNCTION ledger_enregistrement_sortie() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    SELECT o.id INTO v_id FROM anciennes o
     WHERE NOT EXISTS (SELECT 1 FROM ledger_validation v WHERE v.enregistrement_id = o.id)
       AND NOT EXISTS (SELECT 1 FROM ledger_rejet r WHERE r.enregistrement_id = o.id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG090',
            MESSAGE = format('L''écriture enregistrée n° %s ne quitte la file qu''avec sa validation '
                             'ou son rejet.', v_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER enregistrement_sortie AFTER DELETE ON ledger_enregistrement
    REFERENCING OLD TABLE AS anciennes
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_enregistrement_sortie();

-- Record one entry: the checks of ledger_passer_ecriture (LG080 to LG087),
-- the balance and the lines' amounts (LG088, LG089), the reversed entry (LG091), then one row in the
-- queue. No lock shared with another writer. Returns the recording's id.
CREATE OR REPLACE FUNCTION ledger_enregistrer_ecriture(
    p_annee integer,
    p_journal text,
    p_date date,
    p_libelle text,
    p_piece text,
    p_passee_par integer,
    p_passee_le timestamptz,
    p_contrepasse bigint,
    p_comptes text[],
    p_debits numeric[],
    p_credits numeric[],
    p_tiers text[],
    p_libelles text[]
) RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_exercice bigint;
    v_etat text;
    v_journal bigint;
    v_ids bigint[];
    v_manque record;
    v_nulle integer;
    v_libelle text := left(p_libelle, 255);
    v_piece text := left(coalesce(p_piece, ''), 120);
    v_debit numeric;
    v_credit numeric;
    v_fausse integer;
    v_id bigint;
BEGIN
    IF coalesce(array_length(p_debits, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_credits, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_tiers, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_libelles, 1), 0) <> coalesce(array_length(p_comptes, 1), 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG087',
            MESSAGE = format('Les lignes de l''écriture sont incomplètes : %s comptes, %s débits, '
                             '%s crédits, %s tiers et %s libellés.',
                             coalesce(array_length(p_comptes, 1), 0), coalesce(array_length(p_debits, 1), 0),
                             coalesce(array_length(p_credits, 1), 0), coalesce(array_length(p_tiers, 1), 0),
                             coalesce(array_length(p_libelles, 1), 0));
    END IF;
    v_nulle := least(array_position(p_comptes, NULL), array_position(p_debits, NULL),
                     array_position(p_credits, NULL), array_position(p_tiers, NULL),
                     array_position(p_libelles, NULL));
    IF v_nulle IS NOT NULL OR p_date IS NULL OR p_passee_par IS NULL OR p_passee_le IS NULL
       OR coalesce(btrim(v_libelle), '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG087',
            MESSAGE = format('Ligne %s : le compte, le débit, le crédit, le tiers et le libellé '
                             'sont tous donnés (une chaîne vide pour un tiers ou un libellé sans objet), '
                             'comme la date, le libellé, l''auteur et l''heure de l''écriture.',
                             coalesce(v_nulle, 0));
    END IF;
    -- Circ. 93/82 §III: double entry; each line is a debit or a credit, in
    -- euros and cents, and the entry is balanced.
    SELECT min(v.ordre) INTO v_fausse
      FROM unnest(p_debits, p_credits) WITH ORDINALITY AS v(debit, credit, ordre)
     WHERE v.debit < 0 OR v.credit < 0 OR (v.debit = 0) = (v.credit = 0)
        OR v.debit <> round(v.debit, 2) OR v.credit <> round(v.credit, 2);
    IF v_fausse IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG089',
            MESSAGE = format('Ligne %s : une ligne porte soit un débit, soit un crédit, positif et '
                             'en euros et centimes.', v_fausse);
    END IF;
    SELECT sum(d), (SELECT sum(c) FROM unnest(p_credits) AS c) INTO v_debit, v_credit
      FROM unnest(p_debits) AS d;
    IF coalesce(array_length(p_comptes, 1), 0) < 2 OR v_debit <> v_credit THEN
        RAISE EXCEPTION USING ERRCODE = 'LG088',
            MESSAGE = format('L''écriture n''est pas équilibrée : %s ligne(s), débits %s, crédits %s '
                             '(il faut au moins deux lignes et autant de débits que de crédits).',
                             coalesce(array_length(p_comptes, 1), 0), coalesce(v_debit, 0),
                             coalesce(v_credit, 0));
    END IF;

    SELECT x.id, x.etat INTO v_exercice, v_etat FROM ledger_exercice x WHERE x.annee = p_annee;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG080',
            MESSAGE = format('L''exercice %s n''existe pas.', p_annee);
    END IF;
    SELECT j.id INTO v_journal FROM ledger_journal j WHERE j.code = p_journal;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG081',
            MESSAGE = format('Le journal « %s » n''existe pas.', p_journal);
    END IF;
    SELECT array_agg(c.id ORDER BY v.ordre) INTO v_ids
      FROM unnest(p_comptes) WITH ORDINALITY AS v(numero, ordre)
      JOIN ledger_compte c ON c.numero = v.numero AND c.imputable;
    IF coalesce(array_length(v_ids, 1), 0) <> coalesce(array_length(p_comptes, 1), 0) THEN
        SELECT v.numero, v.ordre, c.id AS compte INTO v_manque
          FROM unnest(p_comptes) WITH ORDINALITY AS v(numero, ordre)
          LEFT JOIN ledger_compte c ON c.numero = v.numero
         WHERE c.id IS NULL OR NOT c.imputable
         ORDER BY v.ordre LIMIT 1;
        IF v_manque.compte IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG082',
                MESSAGE = format('Ligne %s : le compte %s n''existe pas au plan comptable.',
                                 v_manque.ordre, v_manque.numero);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG083',
            MESSAGE = format('Ligne %s : le compte %s est un compte de regroupement : imputez un de ses sous-comptes.',
                             v_manque.ordre, v_manque.numero);
    END IF;
    -- D253-17 to D253-19-1: never a closed exercise, a date within its year.
    IF v_etat = 'clos' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG084',
            MESSAGE = format('L''exercice %s est clos : aucune écriture ne peut plus y être passée.', p_annee);
    END IF;
    IF p_date < make_date(p_annee, 1, 1) OR p_date > make_date(p_annee, 12, 31) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG085',
            MESSAGE = format('La date %s est hors de l''exercice %s (du 01/01/%s au 31/12/%s).',
                             to_char(p_date, 'DD/MM/YYYY'), p_annee, p_annee, p_annee);
    END IF;
    -- Circ. 93/82 §3.2: once the balance après inventaire is frozen, only the
    -- result's entry still posts, and it posts at once (ledger_passer_ecriture).
    IF v_etat = 'complementaire'
       AND EXISTS (SELECT 1 FROM ledger_balancefigee b
                    WHERE b.exercice_id = v_exercice AND b.nature = 'apres_inventaire') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG086',
            MESSAGE = format('La balance après inventaire de l''exercice %s est figée : ses comptes '
                             'sont arrêtés et seule l''écriture de résultat s''y passe encore '
                             '(circulaire 93/82 §3.2) ; une opération nouvelle se rattache à '
                             'l''exercice %s.', p_annee, p_annee + 1);
    END IF;
    IF p_contrepasse IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = p_contrepasse) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG091', MESSAGE = 'L''écriture contrepassée n''existe pas.';
    END IF;

    INSERT INTO ledger_enregistrement (exercice_id, journal_id, date, libelle, piece, passee_par_id,
                                       passee_le, contrepasse_id, compte_ids, debits, credits,
                                       tiers, libelles, contenu_suite, montant)
    VALUES (v_exercice, v_journal, p_date, v_libelle, v_piece, p_passee_par, p_passee_le,
            p_contrepasse, v_ids, p_debits, p_credits, p_tiers, p_libelles,
            -- The canonical text from the date on: ledger_contenu_ecriture's,
            -- cut after the rank (the prefix has no comma inside a value but
            -- the journal code's and the previous hash's, neither of which
            -- holds one).
            substr(ledger_contenu_ecriture(repeat('0', 64), p_annee, p_journal, 0, 0, p_date,
                                           v_libelle, v_piece, p_passee_par, p_passee_le,
                                           p_contrepasse, p_comptes, p_debits, p_credits,
                                           p_tiers, p_libelles),
                   length('[' || to_json(repeat('0', 64))::text || ',' || p_annee::text || ','
                          || to_json(p_journal)::text || ',0,0,') + 1),
            v_debit)
    RETURNING id INTO v_id;
    RETURN v_id;
END;
$$;

-- The canonical text's head: the chain link, the exercise, the journal, the
-- number and the rank (ledger_contenu_ecriture's first five values).
CREATE OR REPLACE FUNCTION ledger_contenu_tete(
    p_precedente text, p_annee integer, p_journal text, p_numero integer, p_rang bigint
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT '[' || to_json(p_precedente)::text || ',' || p_annee::text || ','
        || to_json(p_journal)::text || ',' || p_numero::text || ',' || p_rang::text || ','
$$;

-- Validate the recorded entries of one exercise given by id, in the order of
-- their ids: numbers, ranks and chain links under the locks, then one INSERT
-- of the entries, one of their lines, one of their audit rows, one of their
-- validations, and their removal from the queue. The caller holds the locks.
-- Arrays, not a temporary table: a session could have created one of the
-- same name beforehand, which this owner's function would then write through.
CREATE OR REPLACE FUNCTION ledger_valider_paquet(p_exercice bigint, p_ids bigint[])
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_annee integer;
    v_rang bigint;
    v_precedente text;
    v_ids bigint[] := '{}';
    v_numeros integer[] := '{}';
    v_rangs bigint[] := '{}';
    v_precedentes text[] := '{}';
    v_empreintes text[] := '{}';
    v_ecritures bigint[];
    r record;
BEGIN
    SELECT annee INTO v_annee FROM ledger_exercice WHERE id = p_exercice;
    SELECT dernier_rang, derniere_empreinte INTO v_rang, v_precedente
      FROM ledger_chaine WHERE exercice_id = p_exercice;

    -- Numbers per journal after each journal's counter, ranks after the head.
    FOR r IN
        SELECT e.id, e.contenu_suite, j.code,
               (c.dernier_numero + row_number() OVER (PARTITION BY e.journal_id ORDER BY e.id))::integer AS numero
          FROM unnest(p_ids) AS q(id)
          JOIN ledger_enregistrement e ON e.id = q.id AND e.exercice_id = p_exercice
          JOIN ledger_journal j ON j.id = e.journal_id
          JOIN ledger_compteur c ON c.exercice_id = p_exercice AND c.journal_id = e.journal_id
         ORDER BY e.id
    LOOP
        v_rang := v_rang + 1;
        v_ids := v_ids || r.id;
        v_numeros := v_numeros || r.numero;
        v_rangs := v_rangs || v_rang;
        v_precedentes := v_precedentes || v_precedente;
        v_precedente := encode(sha256(convert_to(
            ledger_contenu_tete(v_precedente, v_annee, r.code, r.numero, v_rang) || r.contenu_suite,
            'UTF8')), 'hex');
        v_empreintes := v_empreintes || v_precedente;
    END LOOP;
    IF cardinality(v_ids) = 0 THEN
        RETURN 0;
    END IF;

    -- Entries get their ids in rank order; read back by rank.
    WITH nouvelles AS (
        INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle, piece,
                                     passee_par_id, passee_le, contrepasse_id,
                                     empreinte_precedente, empreinte)
        SELECT e.exercice_id, e.journal_id, p.numero, p.rang, e.date, e.libelle, e.piece,
               e.passee_par_id, e.passee_le, e.contrepasse_id, p.precedente, p.empreinte
          FROM unnest(v_ids, v_numeros, v_rangs, v_precedentes, v_empreintes)
               WITH ORDINALITY AS p(id, numero, rang, precedente, empreinte, ordre)
          JOIN ledger_enregistrement e ON e.id = p.id
         ORDER BY p.ordre
        RETURNING ledger_ecriture.id, ledger_ecriture.rang
    )
    SELECT array_agg(n.id ORDER BY n.rang) INTO v_ecritures FROM nouvelles n;

    INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit, tiers, libelle)
    SELECT p.ecriture_id, e.exercice_id, e.date, v.compte_id, v.debit, v.credit, v.tiers, v.libelle
      FROM unnest(v_ids, v_ecritures) WITH ORDINALITY AS p(id, ecriture_id, ordre)
      JOIN ledger_enregistrement e ON e.id = p.id
      CROSS JOIN LATERAL unnest(e.compte_ids, e.debits, e.credits, e.tiers, e.libelles)
           WITH ORDINALITY AS v(compte_id, debit, credit, tiers, libelle, rang_ligne)
     ORDER BY p.ordre, v.rang_ligne;

    INSERT INTO core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,
                                   objet_libelle, avant, apres)
    SELECT now(), e.passee_par_id, 'ecriture.passee', 'ledger.ecriture', p.ecriture_id::text,
           format('%s-%s du %s', j.code, p.numero, to_char(e.date, 'DD/MM/YYYY')), NULL,
           jsonb_build_object('journal', j.code, 'numero', p.numero,
                              'date', to_char(e.date, 'YYYY-MM-DD'), 'montant', e.montant::text,
                              'exercice', v_annee, 'piece', e.piece,
                              'enregistrement', e.id,
                              'enregistree_le', to_char(e.enregistree_le AT TIME ZONE 'UTC',
                                                        'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'))
      FROM unnest(v_ids, v_ecritures, v_numeros) WITH ORDINALITY AS p(id, ecriture_id, numero, ordre)
      JOIN ledger_enregistrement e ON e.id = p.id
      JOIN ledger_journal j ON j.id = e.journal_id
     ORDER BY p.ordre;

    INSERT INTO ledger_validation (enregistrement_id, ecriture_id, exercice_id, enregistree_le)
    SELECT p.id, p.ecriture_id, p_exercice, e.enregistree_le
      FROM unnest(v_ids, v_ecritures) AS p(id, ecriture_id)
      JOIN ledger_enregistrement e ON e.id = p.id;

    DELETE FROM ledger_enregistrement e WHERE e.id = ANY (v_ids);
    RETURN cardinality(v_ids);
END;
$$;

-- The sequencer: validate the queue of one exercise (or of every exercise),
-- at most p_limite entries per exercise, in the order of their ids. Under the
-- exercise's counters and chain head, taken in the order every posting takes
-- them. A batch the ledger refuses is validated again one entry at a time:
-- an entry refused alone is written to ledger_rejet with the ledger's
-- message, and leaves the queue. Returns the entries validated and rejected.
CREATE OR REPLACE FUNCTION ledger_valider_enregistrements(
    p_exercice bigint DEFAULT NULL, p_limite integer DEFAULT 10000
) RETURNS TABLE (validees integer, rejetees integer)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_exercice bigint;
    v_ids bigint[];
    v_id bigint;
    v_validees integer := 0;
    v_rejetees integer := 0;
    v_code text;
    v_motif text;
BEGIN
    FOR v_exercice IN
        SELECT DISTINCT e.exercice_id FROM ledger_enregistrement e
         WHERE p_exercice IS NULL OR e.exercice_id = p_exercice
         ORDER BY 1
    LOOP
        -- The counters of the queue's journals, then the chain head: the
        -- order of ledger_passer_ecriture and of the entries' trigger.
        INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)
        SELECT DISTINCT v_exercice, e.journal_id, 0 FROM ledger_enregistrement e
         WHERE e.exercice_id = v_exercice
        ON CONFLICT DO NOTHING;
        PERFORM 1 FROM ledger_compteur c
         WHERE c.exercice_id = v_exercice
           AND c.journal_id IN (SELECT e.journal_id FROM ledger_enregistrement e
                                 WHERE e.exercice_id = v_exercice)
         ORDER BY c.journal_id FOR UPDATE;
        INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)
             VALUES (v_exercice, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM ledger_chaine h WHERE h.exercice_id = v_exercice FOR UPDATE;

        -- Read under the locks: what another sequencer validated is gone.
        SELECT array_agg(q.id ORDER BY q.id) INTO v_ids
          FROM (SELECT e.id FROM ledger_enregistrement e WHERE e.exercice_id = v_exercice
                 ORDER BY e.id LIMIT p_limite) q;
        CONTINUE WHEN v_ids IS NULL;
        BEGIN
            v_validees := v_validees + ledger_valider_paquet(v_exercice, v_ids);
        EXCEPTION WHEN OTHERS THEN
            FOREACH v_id IN ARRAY v_ids LOOP
                BEGIN
                    v_validees := v_validees + ledger_valider_paquet(v_exercice, ARRAY[v_id]);
                EXCEPTION WHEN OTHERS THEN
                    GET STACKED DIAGNOSTICS v_code = RETURNED_SQLSTATE, v_motif = MESSAGE_TEXT;
                    INSERT INTO ledger_rejet (enregistrement_id, exercice_id, journal_id, date, libelle,
                                              piece, passee_par_id, passee_le, contrepasse_id,
                                              compte_ids, debits, credits, tiers, libelles, montant,
                                              enregistree_le, code, motif)
                    SELECT e.id, e.exercice_id, e.journal_id, e.date, e.libelle, e.piece,
                           e.passee_par_id, e.passee_le, e.contrepasse_id, e.compte_ids, e.debits,
                           e.credits, e.tiers, e.libelles, e.montant, e.enregistree_le,
                           v_code, v_motif
                      FROM ledger_enregistrement e WHERE e.id = v_id;
                    INSERT INTO core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,
                                                   objet_libelle, avant, apres)
                    SELECT now(), e.passee_par_id, 'ecriture.rejetee', 'ledger.enregistrement',
                           e.id::text, format('Écriture enregistrée n° %s du %s', e.id,
                                              to_char(e.date, 'DD/MM/YYYY')),
                           NULL, jsonb_build_object('code', v_code, 'motif', v_motif,
                                                    'montant', e.montant::text)
                      FROM ledger_enregistrement e WHERE e.id = v_id;
                    DELETE FROM ledger_enregistrement e WHERE e.id = v_id;
                    v_rejetees := v_rejetees + 1;
                END;
            END LOOP;
        END;
    END LOOP;
    validees := v_validees;
    rejetees := v_rejetees;
    RETURN NEXT;
END;
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE ALL ON ledger_enregistrement, ledger_validation, ledger_rejet FROM caisse_app;
        GRANT SELECT ON ledger_enregistrement, ledger_validation, ledger_rejet TO caisse_app;
        REVOKE ALL ON FUNCTION ledger_valider_paquet(bigint, bigint[]) FROM PUBLIC;
        REVOKE ALL ON FUNCTION ledger_valider_paquet(bigint, bigint[]) FROM caisse_app;
        GRANT EXECUTE ON FUNCTION ledger_enregistrer_ecriture(integer, text, date, text, text, integer,
            timestamptz, bigint, text[], numeric[], numeric[], text[], text[]) TO caisse_app;
        GRANT EXECUTE ON FUNCTION ledger_valider_enregistrements(bigint, integer) TO caisse_app;
    END IF;
END;
$$;
