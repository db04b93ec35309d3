-- Separation of duties on the reductions of an ordre de recette, kept by
-- PostgreSQL (circ. 93/82 §2.0.3, §2.4.0): whoever acted on the order for the
-- agent comptable (took it in charge, controlled it, took one of its
-- reductions in charge) never signs its reduction, whatever function he holds
-- that day; whoever signed a reduction never takes it in charge. The service
-- says it first (recettes.services.reductions).
CREATE FUNCTION recettes_reduction_separation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_fait text;
BEGIN
    IF TG_OP = 'INSERT' OR NEW.signataire_id IS DISTINCT FROM OLD.signataire_id THEN
        SELECT fait INTO v_fait FROM (
            SELECT 'a pris cet ordre en charge' AS fait, 1 AS rang
              FROM recettes_ordrerecette o
             WHERE o.id = NEW.ordre_id AND o.pris_en_charge_par_id = NEW.signataire_id
            UNION ALL
            SELECT 'a pris en charge une réduction de cet ordre', 2
              FROM recettes_reduction r
             WHERE r.ordre_id = NEW.ordre_id AND r.id <> NEW.id
               AND r.pris_en_charge_par_id = NEW.signataire_id
            UNION ALL
            SELECT 'a contrôlé cet ordre', 3
              FROM recettes_controleeffectue c
             WHERE c.ordre_id = NEW.ordre_id AND c.par_id = NEW.signataire_id
        ) f ORDER BY rang LIMIT 1;
        IF v_fait IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG130',
                MESSAGE = format('%s %s pour l''agent comptable : une même personne ne peut pas aussi en signer la réduction comme ordonnateur (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1).',
                                 personnes_nom(NEW.signataire_id), v_fait);
        END IF;
    END IF;
    IF NEW.pris_en_charge_par_id IS NOT NULL AND NEW.pris_en_charge_par_id = NEW.signataire_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG131',
            MESSAGE = format('%s a signé cette réduction comme ordonnateur : une même personne ne peut pas aussi la prendre en charge (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1).',
                             personnes_nom(NEW.signataire_id));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reduction_separation
    BEFORE INSERT OR UPDATE OF signataire_id, pris_en_charge_par_id ON recettes_reduction
    FOR EACH ROW EXECUTE FUNCTION recettes_reduction_separation();
