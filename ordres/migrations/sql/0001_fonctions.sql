-- Guards shared by every kind of order (ordres/models.py), written once and
-- attached by each kind with its tables, codes and words as trigger arguments
-- (recettes migration 0004, depenses migration 0007).
-- circ. 93/82 §2.0.0, §2.1.1: continuous numbering; a signed order never
-- changes; states follow the acts; lines and pièces change only on a draft.

-- Continuous numbering per exercise: the number must follow the locked counter.
-- Arguments: counter table, SQLSTATE, the orders' name in the plural.
CREATE FUNCTION ordres_numero_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_dernier integer;
BEGIN
    EXECUTE format('INSERT INTO %I (exercice_id, dernier_numero) VALUES ($1, 0) ON CONFLICT DO NOTHING',
                   TG_ARGV[0]) USING NEW.exercice_id;
    EXECUTE format('SELECT dernier_numero FROM %I WHERE exercice_id = $1 FOR UPDATE', TG_ARGV[0])
       INTO v_dernier USING NEW.exercice_id;
    IF NEW.numero <> v_dernier + 1 THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
            MESSAGE = format('Numérotation des %s discontinue : le suivant porte le numéro %s (reçu %s).',
                             TG_ARGV[2], v_dernier + 1, NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;

-- The counter follows the number just given. Argument: counter table.
CREATE FUNCTION ordres_numero_avancer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('UPDATE %I SET dernier_numero = $1 WHERE exercice_id = $2', TG_ARGV[0])
      USING NEW.numero, NEW.exercice_id;
    RETURN NULL;
END;
$$;

-- The counter only ever equals the highest number given.
-- Arguments: orders table, SQLSTATE, the orders' name in the plural.
CREATE FUNCTION ordres_compteur_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_max integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_max := 0;
    ELSE
        EXECUTE format('SELECT coalesce(max(numero), 0) FROM %I WHERE exercice_id = $1', TG_ARGV[0])
           INTO v_max USING NEW.exercice_id;
    END IF;
    IF NEW.dernier_numero <> v_max OR (TG_OP = 'UPDATE' AND NEW.exercice_id <> OLD.exercice_id) THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
            MESSAGE = format('Le compteur des %s doit égaler le dernier numéro donné (%s).', TG_ARGV[2], v_max);
    END IF;
    RETURN NEW;
END;
$$;

-- A signed order never changes; states only follow the allowed acts; the
-- signature needs the lines' sum and the content hash.
-- Arguments:
--   0 the SQLSTATE prefix: its codes are <prefix>10 (content), 11 (hash),
--     12 (transition), 13 (lines), 14 (hash missing)
--   1 the order's name ('ordre de recette'), 2 its lines table,
--   3 the columns the acts after the signature write, as a text[] literal:
--     every other column is the signed content, frozen once out of brouillon,
--   4 the pairs 'from>to' the acts may make, as a text[] literal (the kind's
--     TRANSITIONS table in Python),
--   5 what to do instead of changing a signed order, appended to the refusal.
CREATE FUNCTION ordres_ordre_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_actes text[] := TG_ARGV[3]::text[] || ARRAY['etat', 'empreinte_contenu'];
    v_lignes integer;
    v_total numeric;
BEGIN
    IF OLD.etat <> 'brouillon' AND (to_jsonb(NEW) - v_actes) IS DISTINCT FROM (to_jsonb(OLD) - v_actes) THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '10',
            MESSAGE = format('L''%s n° %s est signé : son contenu ne peut plus être modifié%s.',
                             TG_ARGV[1], OLD.numero, TG_ARGV[5]);
    END IF;
    IF NEW.empreinte_contenu IS DISTINCT FROM OLD.empreinte_contenu
       AND NOT (OLD.etat = 'brouillon' AND NEW.etat = 'signe')
       AND NOT (OLD.etat = 'rejete' AND NEW.etat = 'brouillon') THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '11', MESSAGE = 'L''empreinte signée d''un ordre ne se modifie pas.';
    END IF;
    IF NEW.etat <> OLD.etat AND NOT (OLD.etat || '>' || NEW.etat) = ANY (TG_ARGV[4]::text[]) THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '12',
            MESSAGE = format('Passage de l''état « %s » à « %s » interdit pour un %s.', OLD.etat, NEW.etat, TG_ARGV[1]);
    END IF;
    IF OLD.etat = 'brouillon' AND NEW.etat = 'signe' THEN
        EXECUTE format('SELECT count(*), coalesce(sum(montant), 0) FROM %I WHERE ordre_id = $1', TG_ARGV[2])
           INTO v_lignes, v_total USING NEW.id;
        IF v_lignes = 0 OR v_total <> NEW.montant OR (NEW.type = 'individuel' AND v_lignes <> 1) THEN
            RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '13',
                MESSAGE = 'Le montant de l''ordre doit égaler la somme de ses lignes (une seule ligne pour un ordre individuel).';
        END IF;
        IF length(NEW.empreinte_contenu) <> 64 THEN
            RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '14', MESSAGE = 'Un ordre signé porte l''empreinte de son contenu.';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

-- Lines and pièces change only while the order is a draft; a pièce marked
-- `complement` may still be joined in the state given as fourth argument.
-- Arguments: orders table, SQLSTATE, the order's name, the complement state ('' for none).
CREATE FUNCTION ordres_detail_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_etat text;
    v_numero integer;
BEGIN
    EXECUTE format('SELECT etat, numero FROM %I WHERE id = $1', TG_ARGV[0])
       INTO v_etat, v_numero
      USING CASE WHEN TG_OP = 'DELETE' THEN OLD.ordre_id ELSE NEW.ordre_id END;
    IF v_etat = 'brouillon' AND (TG_OP <> 'UPDATE' OR NEW.ordre_id = OLD.ordre_id) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'INSERT' AND TG_ARGV[3] <> '' AND v_etat = TG_ARGV[3]
       AND coalesce((to_jsonb(NEW) ->> 'complement')::boolean, false) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
        MESSAGE = format('L''%s n° %s n''est plus un brouillon : ses lignes et ses pièces ne changent plus.',
                         TG_ARGV[2], v_numero);
END;
$$;
