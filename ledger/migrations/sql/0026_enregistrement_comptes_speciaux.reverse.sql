-- The recording function as migration 0023 wrote it.

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

