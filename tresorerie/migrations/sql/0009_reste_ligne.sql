-- The reste à recouvrer of a debtor's line, on the same terms as
-- recettes.selectors (annoter_restes_lignes): an allocation to a line may not
-- exceed the line's amount less its own reductions taken in charge (those that
-- name it; on the order's first line, lowest id, those signed before a
-- reduction named its line) less what was allocated to it; nor the order's
-- reste (0004, unchanged). 0004 bounded the line by its allocations alone, so
-- that a debtor whose share was reduced could still be allocated the whole of
-- it. Same messages and SQLSTATEs; the trigger itself is unchanged.
CREATE OR REPLACE FUNCTION tresorerie_affectation_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_encaisse numeric;
    v_etat_enc text;
    v_affecte numeric;
    o record;
    v_ligne numeric;
    v_sur_ligne numeric;
    v_reduit numeric;
    v_reduit_ligne numeric;
    v_premiere bigint;
    v_affecte_ordre numeric;
    v_regularise numeric;
    v_recouvre numeric;
BEGIN
    SELECT montant, etat INTO v_encaisse, v_etat_enc FROM tresorerie_encaissement WHERE id = NEW.encaissement_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG325', MESSAGE = format('L''encaissement n° %s n''existe pas.', NEW.encaissement_id);
    END IF;
    IF NEW.montant > 0 AND v_etat_enc <> 'enregistre' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG320', MESSAGE = 'Un encaissement annulé ne s''affecte plus.';
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_affecte FROM tresorerie_affectation WHERE encaissement_id = NEW.encaissement_id;
    IF v_affecte + NEW.montant > v_encaisse OR v_affecte + NEW.montant < 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG321',
            MESSAGE = format('L''encaissement n° %s est de %s € dont %s € déjà affectés : on ne peut y affecter %s € de plus.',
                             NEW.encaissement_id, v_encaisse, v_affecte, NEW.montant);
    END IF;
    IF NEW.ordre_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT id, numero, etat, montant INTO o FROM recettes_ordrerecette WHERE id = NEW.ordre_id FOR UPDATE;
    SELECT montant INTO v_ligne FROM recettes_ligneordrerecette WHERE id = NEW.ligne_id AND ordre_id = NEW.ordre_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG322', MESSAGE = format('Ce débiteur ne figure pas sur l''ordre de recette n° %s.', o.numero);
    END IF;
    IF NEW.montant > 0 AND o.etat <> 'pris_en_charge' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG323',
            MESSAGE = format('L''ordre de recette n° %s n''est pas pris en charge (%s) : on ne recouvre que ce que l''agent comptable a pris en charge.', o.numero, o.etat);
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_sur_ligne FROM tresorerie_affectation WHERE ligne_id = NEW.ligne_id;
    SELECT coalesce(sum(montant), 0) INTO v_reduit FROM recettes_reduction WHERE ordre_id = NEW.ordre_id AND etat = 'prise_en_charge';
    SELECT min(id) INTO v_premiere FROM recettes_ligneordrerecette WHERE ordre_id = NEW.ordre_id;
    SELECT coalesce(sum(montant), 0) INTO v_reduit_ligne FROM recettes_reduction
     WHERE ordre_id = NEW.ordre_id AND etat = 'prise_en_charge'
       AND (ligne_id = NEW.ligne_id OR (ligne_id IS NULL AND NEW.ligne_id = v_premiere));
    SELECT coalesce(sum(montant), 0) INTO v_affecte_ordre FROM tresorerie_affectation WHERE ordre_id = NEW.ordre_id;
    SELECT coalesce(sum(montant), 0) INTO v_regularise FROM tresorerie_encaissement
     WHERE regularise_par_id = NEW.ordre_id AND etat = 'enregistre';
    v_recouvre := v_affecte_ordre + v_regularise;
    IF v_sur_ligne + NEW.montant > v_ligne - v_reduit_ligne OR v_recouvre + NEW.montant > o.montant - v_reduit THEN
        RAISE EXCEPTION USING ERRCODE = 'LG324',
            MESSAGE = format('L''ordre de recette n° %s n''a plus que %s € à recouvrer (ce débiteur : %s €) : %s € dépasseraient la créance.',
                             o.numero, o.montant - v_reduit - v_recouvre, v_ligne - v_reduit_ligne - v_sur_ligne, NEW.montant);
    END IF;
    RETURN NEW;
END;
$$;
