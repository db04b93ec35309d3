CREATE OR REPLACE FUNCTION personnes_affectation_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_delegation personnes_delegation;
BEGIN
    IF NOT personnes_fonction_exclue(NEW.fonction) THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM auth_user WHERE id = NEW.utilisateur_id FOR NO KEY UPDATE;
    v_delegation := personnes_delegation_en_vigueur(NEW.utilisateur_id, NEW.debut, NEW.fin);
    IF v_delegation.id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG604',
            MESSAGE = format('%s tient la délégation n° %s du directeur du %s au %s : la fonction de %s ne lui est pas donnée tant qu''elle dure ; retirez-la d''abord (circulaire 93/82 §1.0, §1.1.1).',
                             personnes_nom(NEW.utilisateur_id), v_delegation.id,
                             to_char(v_delegation.debut, 'DD/MM/YYYY'), to_char(v_delegation.fin, 'DD/MM/YYYY'),
                             personnes_fonction_libelle(NEW.fonction));
    END IF;
    RETURN NULL;
END;
$$;
DROP FUNCTION IF EXISTS personnes_fonction_avec_de(text);
