-- Back to 0017's body of ledger_passer_ecriture.

CREATE OR REPLACE FUNCTION ledger_passer_ecriture(
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
) RETURNS TABLE (
    id bigint, exercice_id bigint, journal_id bigint, numero integer, rang bigint,
    empreinte_precedente text, empreinte text, etat text
)
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    v_exercice bigint;
    v_journal bigint;
    v_code text;
    v_dernier integer;
    v_rang bigint;
    v_precedente text;
    v_etat text;
    v_libelle text := left(p_libelle, 255);
    v_piece text := left(p_piece, 120);
    v_ids bigint[];
    v_manque record;
    v_numero integer;
    v_empreinte text;
    v_id bigint;
    v_total numeric;
BEGIN
    SELECT x.id INTO v_exercice FROM ledger_exercice x WHERE x.annee = p_annee;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG080',
            MESSAGE = format('L''exercice %s n''existe pas.', p_annee);
    END IF;
    SELECT j.id, j.code INTO v_journal, v_code FROM ledger_journal j WHERE j.code = p_journal;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG081',
            MESSAGE = format('Le journal « %s » n''existe pas.', p_journal);
    END IF;

    -- Accounts by number, in the order given; the first unknown or
    -- non-imputable one is refused as the service refuses it.
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

    -- The lock, until COMMIT: the journal's counter and the exercise's chain
    -- head, created when missing (the same statement as _verrouiller did).
    FOR i IN 1..2 LOOP
        SELECT c.dernier_numero, h.dernier_rang, h.derniere_empreinte, x.etat
          INTO v_dernier, v_rang, v_precedente, v_etat
          FROM ledger_compteur c
          JOIN ledger_chaine h ON h.exercice_id = c.exercice_id
          JOIN ledger_exercice x ON x.id = c.exercice_id
         WHERE c.exercice_id = v_exercice AND c.journal_id = v_journal
           FOR UPDATE OF c, h;
        EXIT WHEN FOUND;
        INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)
             VALUES (v_exercice, v_journal, 0) ON CONFLICT DO NOTHING;
        INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)
             VALUES (v_exercice, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    END LOOP;
    IF v_etat IS NULL THEN
        RAISE EXCEPTION 'compteur introuvable';
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
    -- result's entry still posts (read under the chain head's lock, which the
    -- freezing takes; LG063 stays the trigger's guard).
    IF v_etat = 'complementaire' AND v_piece IS DISTINCT FROM 'resultat:' || p_annee
       AND EXISTS (SELECT 1 FROM ledger_balancefigee b
                    WHERE b.exercice_id = v_exercice AND b.nature = 'apres_inventaire') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG086',
            MESSAGE = format('La balance après inventaire de l''exercice %s est figée : ses comptes '
                             'sont arrêtés et seule l''écriture de résultat s''y passe encore '
                             '(circulaire 93/82 §3.2) ; une opération nouvelle se rattache à '
                             'l''exercice %s.', p_annee, p_annee + 1);
    END IF;

    v_numero := v_dernier + 1;
    v_rang := v_rang + 1;
    v_empreinte := ledger_empreinte_ecriture(
        v_precedente, p_annee, v_code, v_numero, v_rang, p_date, v_libelle, v_piece,
        p_passee_par, p_passee_le, p_contrepasse, p_comptes, p_debits, p_credits, p_tiers,
        p_libelles);

    INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle, piece,
                                 passee_par_id, passee_le, contrepasse_id,
                                 empreinte_precedente, empreinte)
    VALUES (v_exercice, v_journal, v_numero, v_rang, p_date, v_libelle, v_piece,
            p_passee_par, p_passee_le, p_contrepasse, v_precedente, v_empreinte)
    RETURNING ledger_ecriture.id INTO v_id;

    -- Lines get their ids in the order given, the order the hash was computed in.
    INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit, tiers, libelle)
    SELECT v_id, v_exercice, p_date, v.compte_id, v.debit, v.credit, v.tiers, v.libelle
      FROM unnest(v_ids, p_debits, p_credits, p_tiers, p_libelles)
           WITH ORDINALITY AS v(compte_id, debit, credit, tiers, libelle, ordre)
     ORDER BY v.ordre;

    SELECT sum(d) INTO v_total FROM unnest(p_debits) AS d;
    INSERT INTO core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,
                                   objet_libelle, avant, apres)
    VALUES (now(), p_passee_par, 'ecriture.passee', 'ledger.ecriture', v_id::text,
            format('%s-%s du %s', v_code, v_numero, to_char(p_date, 'DD/MM/YYYY')), NULL,
            jsonb_build_object('journal', v_code, 'numero', v_numero,
                               'date', to_char(p_date, 'YYYY-MM-DD'), 'montant', v_total::text,
                               'exercice', p_annee, 'piece', p_piece));

    RETURN QUERY SELECT v_id, v_exercice, v_journal, v_numero, v_rang, v_precedente,
                        v_empreinte, v_etat;
END;
$$;

