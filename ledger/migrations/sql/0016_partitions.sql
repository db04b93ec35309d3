-- Entries and lines partitioned by exercise (issue 16, point 7;
-- docs/architecture.md, "Partitions par exercice").
--
-- ledger_ecriture and ledger_ligne become tables partitioned by
-- LIST (exercice_id): one partition per exercise, named after its year
-- (ledger_ecriture_2026, ledger_ligne_2026), and no DEFAULT partition: each
-- exercise gets its partitions when it is created, so a row naming an exercise
-- that does not exist finds none and PostgreSQL refuses it (23514, "no
-- partition of relation … found for row"), before LG011 could; the
-- application reads that refusal as LG011's French one (core.exceptions,
-- erreur_base). A DEFAULT partition would have to be scanned at every ATTACH,
-- i.e. at every exercise's creation. LIST, not RANGE: the key is an
-- exercise id, not an ordered quantity; one value a partition is what lets a
-- closed exercise be detached, archived or moved whole, and what makes every
-- query that names its exercise read one partition.
--
-- Every guard stays where it was, on the parent tables, whose statement
-- triggers fire for every statement that goes through the parent. So that no
-- statement goes around them, the application's role has no privilege at all
-- on a partition (it reads and writes through the parents only), and each
-- partition carries its own statement guards: no UPDATE, DELETE, TRUNCATE,
-- and no INSERT but the ones the parent routes to it (a statement trigger of
-- a partition does not fire for rows routed from its parent). ATTACH and
-- DETACH need the parent's ownership, which the application's role never has.
--
-- Unique keys include the partition key: (exercice, journal, numero) and
-- (exercice, rang) already did; the primary keys become (id, exercice_id);
-- "reversed at most once" becomes UNIQUE (contrepasse_id, exercice_id) with
-- the rule that a reversal is posted in its original's exercise (LG017), as
-- ecriture_contrepasser always did.
--
-- A foreign key to a partitioned table needs a unique key containing the
-- partition key: the foreign keys of the other applications to ledger_ecriture
-- and ledger_ligne (ids only) are replaced by a deferred constraint trigger
-- per column that checks the referenced entry or line exists (LG057, LG058).
-- Entries and lines are never deleted nor updated, so the check on insert or
-- update of the referencing row is all a foreign key did.

-- 1. The existence check that replaces the foreign keys.
CREATE FUNCTION ledger_reference_existe() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    EXECUTE format('SELECT ($1).%I', TG_ARGV[1]) INTO v_id USING NEW;
    IF v_id IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_ARGV[0] = 'ledger_ligne' THEN
        IF NOT EXISTS (SELECT 1 FROM ledger_ligne WHERE id = v_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG058',
                MESSAGE = format('La ligne d''écriture %s n''existe pas (%s.%s).', v_id, TG_TABLE_NAME, TG_ARGV[1]);
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM ledger_ecriture WHERE id = v_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG057',
            MESSAGE = format('L''écriture %s n''existe pas (%s.%s).', v_id, TG_TABLE_NAME, TG_ARGV[1]);
    END IF;
    RETURN NULL;
END;
$$;

-- The keys of a partition bear the name of the parent's key they belong to,
-- after the partition's name (ledger_ecriture_2026_ecriture_numero_unique):
-- a refusal names the rule broken, as it did before the partitions.
CREATE FUNCTION ledger_partition_nommer_cles(p_partition text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT ip.relname AS actuel, p_partition || '_' || cp.conname AS voulu
          FROM pg_inherits h
          JOIN pg_class ip ON ip.oid = h.inhrelid
          JOIN pg_index i ON i.indexrelid = h.inhrelid
          JOIN pg_constraint cp ON cp.conindid = h.inhparent AND cp.contype IN ('p', 'u')
         WHERE i.indrelid = ('public.' || quote_ident(p_partition))::regclass
           AND ip.relname <> p_partition || '_' || cp.conname
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', r.actuel, left(r.voulu, 63));
    END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION ledger_partition_nommer_cles(text) FROM PUBLIC;

-- 2. The partitions of one exercise, with their guards and no privilege for
--    the application's role. Called for the existing exercises below and by
--    the trigger on ledger_exercice for each new one; SECURITY DEFINER so
--    that the owner of the tables creates them whoever inserts the exercise.
CREATE FUNCTION ledger_partitions_creer(p_exercice bigint, p_nom text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_table text;
    v_partition text;
    v_occupee boolean;
    v_orpheline text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['ledger_ecriture', 'ledger_ligne'] LOOP
        v_partition := v_table || '_' || p_nom;
        -- A partition of this name left by an exercise since deleted (only an
        -- exercise without entries can be, LG050; a test database's flush
        -- empties the tables but keeps the partitions): empty, it is renamed
        -- out of the way (a rename locks it alone; a DROP or DETACH would lock
        -- the whole ledger until this transaction ends).
        IF to_regclass('public.' || v_partition) IS NOT NULL THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I)', v_partition) INTO v_occupee;
            IF v_occupee THEN
                RAISE EXCEPTION USING ERRCODE = 'LG059',
                    MESSAGE = format('La partition %s existe déjà et porte des écritures : l''exercice %s ne peut pas être créé.', v_partition, p_nom);
            END IF;
            v_orpheline := v_partition || '_orpheline_' || to_regclass('public.' || v_partition)::oid;
            EXECUTE format('ALTER TABLE public.%I RENAME TO %I', v_partition, v_orpheline);
            PERFORM ledger_partition_nommer_cles(v_orpheline);
        END IF;
        -- Created apart, then attached: ATTACH PARTITION takes only a SHARE
        -- UPDATE EXCLUSIVE lock on the parent (reads and postings go on),
        -- where CREATE TABLE … PARTITION OF would lock it exclusively until
        -- the transaction that creates the exercise ends.
        EXECUTE format('CREATE TABLE public.%I (LIKE public.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
                       ' INCLUDING STORAGE)', v_partition, v_table);
        EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', v_partition);
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
            EXECUTE format('REVOKE ALL ON public.%I FROM caisse_app', v_partition);
        END IF;
        EXECUTE format('CREATE TRIGGER partition_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON public.%I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(%L)', v_partition,
                       'Une partition du grand livre ne se modifie pas directement : les écritures sont passées par ' || v_table || ', et ne sont ni modifiées ni supprimées.');
        EXECUTE format('CREATE TRIGGER partition_par_le_parent AFTER INSERT ON public.%I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(%L)', v_partition,
                       'Une partition du grand livre ne reçoit rien directement : passez par ' || v_table || '.');
        EXECUTE format('ALTER TABLE public.%I ATTACH PARTITION public.%I FOR VALUES IN (%s)',
                       v_table, v_partition, p_exercice);
        PERFORM ledger_partition_nommer_cles(v_partition);
    END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION ledger_partitions_creer(bigint, text) FROM PUBLIC;

CREATE FUNCTION ledger_exercice_partitionner() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM ledger_partitions_creer(NEW.id, NEW.annee::text);
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION ledger_exercice_partitionner() FROM PUBLIC;

-- 3. The tables, rebuilt as partitioned ones (PostgreSQL cannot turn a table
--    into a partitioned one in place). What hangs on the old tables is read
--    first from the catalogue, so that nothing is forgotten: the triggers
--    (ours and other applications', e.g. tresorerie's ligne_caisse_arretee),
--    the plain indexes, and the foreign keys that point at them.
DO $$
DECLARE
    v_declencheurs text[];
    v_index text[];
    v_cles record;
    v_ordre text;
    v_exercice record;
    v_sequence text;
    v_table text;
BEGIN
    SELECT coalesce(array_agg(pg_get_triggerdef(t.oid) ORDER BY t.tgname), '{}') INTO v_declencheurs
      FROM pg_trigger t
     WHERE t.tgrelid IN ('ledger_ecriture'::regclass, 'ledger_ligne'::regclass) AND NOT t.tgisinternal;
    SELECT coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}') INTO v_index
      FROM pg_index i
     WHERE i.indrelid IN ('ledger_ecriture'::regclass, 'ledger_ligne'::regclass)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);

    -- Foreign keys of other tables to the entries and lines: dropped, each
    -- replaced by the existence check (deferred, as the foreign keys were).
    FOR v_cles IN
        SELECT c.conname, c.conrelid::regclass::text AS referencante, a.attname AS colonne,
               c.confrelid::regclass::text AS referencee
          FROM pg_constraint c
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confrelid IN ('ledger_ecriture'::regclass, 'ledger_ligne'::regclass)
           AND c.conrelid NOT IN ('ledger_ecriture'::regclass, 'ledger_ligne'::regclass)
         ORDER BY 2, 3
    LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', v_cles.referencante, v_cles.conname);
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OF %I ON %I'
                       ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW'
                       ' EXECUTE FUNCTION ledger_reference_existe(%L, %L)',
                       v_cles.colonne || '_existe', v_cles.colonne, v_cles.referencante,
                       v_cles.referencee, v_cles.colonne);
    END LOOP;

    FOREACH v_table IN ARRAY ARRAY['ledger_ecriture', 'ledger_ligne'] LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', v_table, v_table || '_avant_partitions');
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING IDENTITY'
                       ' INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)'
                       ' PARTITION BY LIST (exercice_id)', v_table, v_table || '_avant_partitions');
    END LOOP;

    FOR v_exercice IN SELECT id, annee FROM ledger_exercice ORDER BY annee LOOP
        PERFORM ledger_partitions_creer(v_exercice.id, v_exercice.annee::text);
    END LOOP;

    -- The rows, before any index or trigger (the old tables' rows passed
    -- every check when they were posted).
    INSERT INTO ledger_ecriture SELECT * FROM ledger_ecriture_avant_partitions;
    INSERT INTO ledger_ligne SELECT * FROM ledger_ligne_avant_partitions;

    FOREACH v_table IN ARRAY ARRAY['ledger_ecriture', 'ledger_ligne'] LOOP
        EXECUTE format('DROP TABLE %I', v_table || '_avant_partitions');
        v_sequence := pg_get_serial_sequence(v_table, 'id');
        EXECUTE format('SELECT setval(%L, coalesce((SELECT max(id) FROM %I), 0) + 1, false)', v_sequence, v_table);
        EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', v_sequence, v_table || '_id_seq');
    END LOOP;

    -- Keys: the partition key in each.
    ALTER TABLE ledger_ecriture ADD CONSTRAINT ledger_ecriture_pkey PRIMARY KEY (id, exercice_id);
    ALTER TABLE ledger_ecriture ADD CONSTRAINT ecriture_numero_unique UNIQUE (exercice_id, journal_id, numero);
    ALTER TABLE ledger_ecriture ADD CONSTRAINT ecriture_rang_unique UNIQUE (exercice_id, rang);
    ALTER TABLE ledger_ecriture ADD CONSTRAINT ledger_ecriture_contrepasse_id_key UNIQUE (contrepasse_id, exercice_id);
    ALTER TABLE ledger_ligne ADD CONSTRAINT ledger_ligne_pkey PRIMARY KEY (id, exercice_id);
    PERFORM ledger_partition_nommer_cles(c.relname)
       FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
      WHERE h.inhparent IN ('ledger_ecriture'::regclass, 'ledger_ligne'::regclass);

    FOREACH v_ordre IN ARRAY v_index LOOP
        EXECUTE v_ordre;
    END LOOP;
    FOREACH v_ordre IN ARRAY v_declencheurs LOOP
        EXECUTE v_ordre;
    END LOOP;

    -- Privileges as migration 0005 set them: read and insert, through the
    -- parents only.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE ALL ON ledger_ecriture, ledger_ligne FROM caisse_app;
        GRANT SELECT, INSERT ON ledger_ecriture, ledger_ligne TO caisse_app;
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE ledger_ecriture_id_seq, ledger_ligne_id_seq TO caisse_app');
    END IF;
END $$;

CREATE TRIGGER exercice_partitionner AFTER INSERT ON ledger_exercice
    FOR EACH ROW EXECUTE FUNCTION ledger_exercice_partitionner();

-- 4. A reversal is posted in the exercise of the entry it reverses (LG017):
--    with UNIQUE (contrepasse_id, exercice_id), an entry is reversed at most
--    once. A reversal naming no existing entry is left to LG016.
CREATE FUNCTION ledger_ecriture_verifier_contrepassation() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouvelles n
          JOIN ledger_ecriture e ON e.id = n.contrepasse_id AND e.exercice_id <> n.exercice_id
         WHERE n.contrepasse_id IS NOT NULL
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG017',
            MESSAGE = 'Une écriture de contre-passation se passe dans l''exercice de l''écriture qu''elle contrepasse.';
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER ecriture_verifier_contrepassation AFTER INSERT ON ledger_ecriture
    REFERENCING NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_ecriture_verifier_contrepassation();
