-- The refusal of personnes 0003 names the function with its preposition
-- elided as French writes it: « la fonction d'auditeur (tutelle) », « la
-- fonction de régisseur ».

CREATE FUNCTION personnes_fonction_avec_de(p_fonction text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN left(personnes_fonction_libelle(p_fonction), 1) IN ('a', 'e', 'é', 'i', 'o', 'u')
                THEN 'd''' || personnes_fonction_libelle(p_fonction)
                ELSE 'de ' || personnes_fonction_libelle(p_fonction) END;
$$;

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
            MESSAGE = format('%s tient la délégation n° %s du directeur du %s au %s : la fonction %s ne lui est pas donnée tant qu''elle dure ; retirez-la d''abord (circulaire 93/82 §1.0, §1.1.1).',
                             personnes_nom(NEW.utilisateur_id), v_delegation.id,
                             to_char(v_delegation.debut, 'DD/MM/YYYY'), to_char(v_delegation.fin, 'DD/MM/YYYY'),
                             personnes_fonction_avec_de(NEW.fonction));
    END IF;
    RETURN NULL;
END;
$$;
