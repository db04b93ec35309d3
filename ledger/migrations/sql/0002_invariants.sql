-- The ledger's invariants, kept by PostgreSQL itself (see ledger/models.py,
-- "Design overview"). Every refusal raises a SQLSTATE of class LG with the
-- French message the user will read.
--
-- Sources: circulaire DSS/F 93/82 §III (double entry); D253-17 to D253-19-1
-- (attachment of every operation to one exercise; nothing after the exercise
-- is closed). Entries never altered and continuous numbering are the house's
-- rules: no seed words them.

-- 1. Amounts: exactly one side strictly positive, in cents. The columns are
--    unconstrained numeric so that 1.005 is refused, not silently rounded.
ALTER TABLE ledger_ligne ALTER COLUMN debit TYPE numeric, ALTER COLUMN credit TYPE numeric;
ALTER TABLE ledger_ligne
    ADD CONSTRAINT ligne_montants_au_centime CHECK (
        debit >= 0 AND credit >= 0
        AND debit = trunc(debit, 2) AND credit = trunc(credit, 2)
        AND debit < 1e16 AND credit < 1e16
    );

-- The transaction that created an entry: lines may only be added by it.
ALTER TABLE ledger_ecriture ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();

-- One row per statement that inserted entries; its deferred trigger checks
-- those entries at commit.
CREATE TABLE ledger_lot (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    premier_id bigint NOT NULL,
    dernier_id bigint NOT NULL,
    nombre integer NOT NULL,
    cree_le timestamptz NOT NULL DEFAULT now()
);

-- 3. Posted entries, lines and lots are append-only.
CREATE TRIGGER ecriture_ajout_seul BEFORE UPDATE OR DELETE ON ledger_ecriture
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une écriture comptabilisée ne peut être ni modifiée ni supprimée : passez une écriture de contre-passation.');
CREATE TRIGGER ecriture_pas_de_vidage BEFORE TRUNCATE ON ledger_ecriture
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Le journal des écritures ne peut pas être vidé.');
CREATE TRIGGER ligne_ajout_seul BEFORE UPDATE OR DELETE ON ledger_ligne
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une ligne d''écriture comptabilisée ne peut être ni modifiée ni supprimée : passez une écriture de contre-passation.');
CREATE TRIGGER ligne_pas_de_vidage BEFORE TRUNCATE ON ledger_ligne
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les lignes d''écriture ne peuvent pas être vidées.');
CREATE TRIGGER lot_ajout_seul BEFORE UPDATE OR DELETE ON ledger_lot
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les lots de comptabilisation ne peuvent être ni modifiés ni supprimés.');
CREATE TRIGGER lot_pas_de_vidage BEFORE TRUNCATE ON ledger_lot
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Les lots de comptabilisation ne peuvent pas être vidés.');

-- 4, 6, 7. Checks on a statement's new entries, as a set.
CREATE FUNCTION ledger_ecriture_verifier_insertion() RETURNS trigger
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
                OR s.empreinte !~ '^[0-9a-f]{64}$'
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

CREATE TRIGGER ecriture_verifier_insertion AFTER INSERT ON ledger_ecriture
    REFERENCING NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_ecriture_verifier_insertion();

-- 2. At commit: each entry of the lot has two lines or more and balances.
CREATE FUNCTION ledger_lot_verifier_equilibre() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    SELECT e.id, e.numero, j.code, count(l.id) AS lignes,
           coalesce(sum(l.debit), 0) AS debit, coalesce(sum(l.credit), 0) AS credit
      INTO r
      FROM ledger_ecriture e
      JOIN ledger_journal j ON j.id = e.journal_id
      LEFT JOIN ledger_ligne l ON l.ecriture_id = e.id
     WHERE e.id BETWEEN NEW.premier_id AND NEW.dernier_id AND e.tx = NEW.tx
     GROUP BY e.id, e.numero, j.code
    HAVING count(l.id) < 2 OR coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0)
     LIMIT 1;
    IF FOUND THEN
        IF r.lignes < 2 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG030',
                MESSAGE = format('L''écriture %s-%s a %s ligne(s) : il en faut au moins deux.', r.code, r.numero, r.lignes);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG031',
                MESSAGE = format('L''écriture %s-%s n''est pas équilibrée : débits %s, crédits %s.',
                                 r.code, r.numero, r.debit, r.credit);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER lot_verifier_equilibre AFTER INSERT ON ledger_lot
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_lot_verifier_equilibre();

-- 4, 5. Checks on a statement's new lines, and the daily totals.
CREATE FUNCTION ledger_ligne_verifier_insertion() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    SELECT n.ecriture_id, e.id, e.tx INTO r
      FROM nouvelles n LEFT JOIN ledger_ecriture e ON e.id = n.ecriture_id
     WHERE e.id IS NULL OR e.tx <> pg_current_xact_id()
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG040', MESSAGE = format('L''écriture %s n''existe pas.', r.ecriture_id);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG041',
            MESSAGE = 'Une écriture comptabilisée ne peut plus recevoir de ligne : passez une nouvelle écriture.';
    END IF;

    SELECT n.compte_id, c.id, c.numero, c.imputable, c.credit_seulement INTO r
      FROM nouvelles n LEFT JOIN ledger_compte c ON c.id = n.compte_id
     WHERE c.id IS NULL OR NOT c.imputable OR (c.credit_seulement AND n.debit > 0)
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG042', MESSAGE = format('Le compte %s n''existe pas.', r.compte_id);
        ELSIF NOT r.imputable THEN
            RAISE EXCEPTION USING ERRCODE = 'LG043',
                MESSAGE = format('Le compte %s est un compte de regroupement : imputez un de ses sous-comptes.', r.numero);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG044',
                MESSAGE = format('Le compte %s ne fonctionne qu''en crédit : il refuse toute ligne au débit (circulaire 93/82 §2.2).', r.numero);
        END IF;
    END IF;

    INSERT INTO ledger_cumul (exercice_id, compte_id, date, a_nouveau, debit, credit)
    SELECT e.exercice_id, n.compte_id, e.date, j.a_nouveaux, sum(n.debit), sum(n.credit)
      FROM nouvelles n
      JOIN ledger_ecriture e ON e.id = n.ecriture_id
      JOIN ledger_journal j ON j.id = e.journal_id
     GROUP BY e.exercice_id, n.compte_id, e.date, j.a_nouveaux
     ORDER BY e.exercice_id, n.compte_id, e.date, j.a_nouveaux
    ON CONFLICT (exercice_id, compte_id, date, a_nouveau) DO UPDATE
       SET debit = ledger_cumul.debit + EXCLUDED.debit,
           credit = ledger_cumul.credit + EXCLUDED.credit;
    RETURN NULL;
END;
$$;

CREATE TRIGGER ligne_verifier_insertion AFTER INSERT ON ledger_ligne
    REFERENCING NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_ligne_verifier_insertion();

-- The counter only ever equals the highest number posted, so no gap can be
-- made by moving it; likewise the head of the chain.
CREATE FUNCTION ledger_compteur_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_max integer;
BEGIN
    -- A new counter starts at zero (INSERT ... ON CONFLICT runs this too).
    IF TG_OP = 'INSERT' THEN
        v_max := 0;
    ELSE
        SELECT coalesce(max(numero), 0) INTO v_max FROM ledger_ecriture
         WHERE exercice_id = NEW.exercice_id AND journal_id = NEW.journal_id;
    END IF;
    IF NEW.dernier_numero <> v_max OR NEW.exercice_id <> coalesce(OLD.exercice_id, NEW.exercice_id)
       OR NEW.journal_id <> coalesce(OLD.journal_id, NEW.journal_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG023',
            MESSAGE = format('Le compteur d''écritures doit égaler le dernier numéro passé (%s).', v_max);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER compteur_verifier BEFORE INSERT OR UPDATE ON ledger_compteur
    FOR EACH ROW EXECUTE FUNCTION ledger_compteur_verifier();
CREATE TRIGGER compteur_pas_de_suppression BEFORE DELETE OR TRUNCATE ON ledger_compteur
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un compteur d''écritures ne peut pas être supprimé.');

CREATE FUNCTION ledger_chaine_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_rang bigint;
    v_empreinte text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.exercice_id <> OLD.exercice_id THEN
            RAISE EXCEPTION USING ERRCODE = 'LG024', MESSAGE = 'La chaîne d''empreintes ne change pas d''exercice.';
        END IF;
        SELECT rang, empreinte INTO v_rang, v_empreinte FROM ledger_ecriture
         WHERE exercice_id = NEW.exercice_id ORDER BY rang DESC LIMIT 1;
    END IF;
    IF NEW.dernier_rang <> coalesce(v_rang, 0)
       OR NEW.derniere_empreinte <> coalesce(v_empreinte, repeat('0', 64)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG024',
            MESSAGE = 'La tête de la chaîne d''empreintes doit désigner la dernière écriture passée.';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER chaine_verifier BEFORE INSERT OR UPDATE ON ledger_chaine
    FOR EACH ROW EXECUTE FUNCTION ledger_chaine_verifier();
CREATE TRIGGER chaine_pas_de_suppression BEFORE DELETE OR TRUNCATE ON ledger_chaine
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('La chaîne d''empreintes ne peut pas être supprimée.');

-- The daily totals are written only by the line trigger above (trigger
-- depth 2); verifier_integrite recomputes them from the lines.
CREATE FUNCTION ledger_cumul_proteger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    IF pg_trigger_depth() < 2 OR TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG025',
            MESSAGE = 'Les cumuls des comptes sont tenus par la base à partir des lignes : ils ne se modifient pas directement.';
    END IF;
    RETURN CASE WHEN TG_LEVEL = 'ROW' THEN NEW ELSE NULL END;
END;
$$;
CREATE TRIGGER cumul_proteger BEFORE INSERT OR UPDATE OR DELETE ON ledger_cumul
    FOR EACH ROW EXECUTE FUNCTION ledger_cumul_proteger();
CREATE TRIGGER cumul_pas_de_vidage BEFORE TRUNCATE ON ledger_cumul
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_cumul_proteger();

-- Exercise states only move forward: ouvert -> complementaire -> clos; a
-- closed exercise never changes again; the year is fixed.
CREATE FUNCTION ledger_exercice_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM ledger_ecriture WHERE exercice_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG050',
                MESSAGE = format('L''exercice %s porte des écritures : il ne peut pas être supprimé.', OLD.annee);
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.annee <> OLD.annee THEN
        RAISE EXCEPTION USING ERRCODE = 'LG051', MESSAGE = 'L''année d''un exercice ne se modifie pas.';
    END IF;
    IF OLD.etat = 'clos' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG052',
            MESSAGE = format('L''exercice %s est clos : il ne peut plus être modifié ni rouvert.', OLD.annee);
    END IF;
    IF NEW.etat <> OLD.etat AND NOT (
        (OLD.etat = 'ouvert' AND NEW.etat = 'complementaire')
        OR (OLD.etat = 'complementaire' AND NEW.etat = 'clos')
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG053',
            MESSAGE = format('Passage de l''état « %s » à « %s » interdit : un exercice va d''ouvert à période complémentaire, puis à clos.',
                             OLD.etat, NEW.etat);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER exercice_verifier BEFORE UPDATE OR DELETE ON ledger_exercice
    FOR EACH ROW EXECUTE FUNCTION ledger_exercice_verifier();

-- Referenced accounts, journals and users are never deleted nor renumbered.
CREATE FUNCTION ledger_reference_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'ledger_compte' THEN
        IF (TG_OP = 'DELETE' OR NEW.numero <> OLD.numero OR NEW.id <> OLD.id)
           AND EXISTS (SELECT 1 FROM ledger_ligne WHERE compte_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG054',
                MESSAGE = format('Le compte %s porte des écritures : il ne peut être ni supprimé ni renuméroté.', OLD.numero);
        END IF;
    ELSIF TG_TABLE_NAME = 'ledger_journal' THEN
        IF (TG_OP = 'DELETE' OR NEW.code <> OLD.code OR NEW.id <> OLD.id OR NEW.a_nouveaux <> OLD.a_nouveaux)
           AND EXISTS (SELECT 1 FROM ledger_ecriture WHERE journal_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG055',
                MESSAGE = format('Le journal %s porte des écritures : il ne peut être ni supprimé ni recodé.', OLD.code);
        END IF;
    ELSIF TG_TABLE_NAME = 'auth_user' THEN
        IF (TG_OP = 'DELETE' OR NEW.id <> OLD.id)
           AND EXISTS (SELECT 1 FROM ledger_ecriture WHERE passee_par_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG056',
                MESSAGE = 'Cet utilisateur a passé des écritures : il peut être désactivé, pas supprimé.';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER compte_reference_verifier BEFORE UPDATE OR DELETE ON ledger_compte
    FOR EACH ROW EXECUTE FUNCTION ledger_reference_verifier();
CREATE TRIGGER journal_reference_verifier BEFORE UPDATE OR DELETE ON ledger_journal
    FOR EACH ROW EXECUTE FUNCTION ledger_reference_verifier();
CREATE TRIGGER utilisateur_reference_verifier BEFORE UPDATE OR DELETE ON auth_user
    FOR EACH ROW EXECUTE FUNCTION ledger_reference_verifier();
CREATE INDEX ecriture_passee_par ON ledger_ecriture (passee_par_id);
