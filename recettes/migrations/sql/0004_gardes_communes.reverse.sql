-- Back to the kind's own functions (migration 0002).
DROP TRIGGER IF EXISTS ordre_numero_verifier ON recettes_ordrerecette;
DROP TRIGGER IF EXISTS ordre_numero_avancer ON recettes_ordrerecette;
DROP TRIGGER IF EXISTS compteurordre_verifier ON recettes_compteurordre;
DROP TRIGGER IF EXISTS ordre_fige ON recettes_ordrerecette;
DROP TRIGGER IF EXISTS ligne_ordre_fige ON recettes_ligneordrerecette;
DROP TRIGGER IF EXISTS piece_fige ON recettes_piecejustificative;

CREATE FUNCTION recettes_numero_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_dernier integer;
BEGIN
    INSERT INTO recettes_compteurordre (exercice_id, dernier_numero) VALUES (NEW.exercice_id, 0)
        ON CONFLICT DO NOTHING;
    SELECT dernier_numero INTO v_dernier FROM recettes_compteurordre
     WHERE exercice_id = NEW.exercice_id FOR UPDATE;
    IF NEW.numero <> v_dernier + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG101',
            MESSAGE = format('Numérotation des ordres de recette discontinue : le suivant porte le numéro %s (reçu %s).',
                             v_dernier + 1, NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION recettes_numero_avancer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE recettes_compteurordre SET dernier_numero = NEW.numero WHERE exercice_id = NEW.exercice_id;
    RETURN NULL;
END;
$$;

CREATE FUNCTION recettes_compteur_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_max integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_max := 0;
    ELSE
        SELECT coalesce(max(numero), 0) INTO v_max FROM recettes_ordrerecette WHERE exercice_id = NEW.exercice_id;
    END IF;
    IF NEW.dernier_numero <> v_max OR (TG_OP = 'UPDATE' AND NEW.exercice_id <> OLD.exercice_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG102',
            MESSAGE = format('Le compteur des ordres de recette doit égaler le dernier numéro donné (%s).', v_max);
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION recettes_ordre_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_lignes integer;
    v_total numeric;
BEGIN
    IF OLD.etat <> 'brouillon' AND ROW(
            NEW.exercice_id, NEW.numero, NEW.type, NEW.nature, NEW.objet, NEW.bases_liquidation,
            NEW.compte_imputation_id, NEW.compte_tiers_id, NEW.montant, NEW.date_fait, NEW.date_droits_acquis,
            NEW.date_liquidation, NEW.date_echeance, NEW.date_contrat, NEW.date_reception, NEW.date_decision,
            NEW.date_reglement, NEW.date_encaissement, NEW.pieces_references, NEW.cree_par_id,
            NEW.article_rattachement, NEW.limite_emission)
       IS DISTINCT FROM ROW(
            OLD.exercice_id, OLD.numero, OLD.type, OLD.nature, OLD.objet, OLD.bases_liquidation,
            OLD.compte_imputation_id, OLD.compte_tiers_id, OLD.montant, OLD.date_fait, OLD.date_droits_acquis,
            OLD.date_liquidation, OLD.date_echeance, OLD.date_contrat, OLD.date_reception, OLD.date_decision,
            OLD.date_reglement, OLD.date_encaissement, OLD.pieces_references, OLD.cree_par_id,
            OLD.article_rattachement, OLD.limite_emission) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG110',
            MESSAGE = format('L''ordre de recette n° %s est signé : son contenu ne peut plus être modifié (ordre de réduction ou d''annulation seulement).', OLD.numero);
    END IF;
    IF NEW.empreinte_contenu IS DISTINCT FROM OLD.empreinte_contenu
       AND NOT (OLD.etat = 'brouillon' AND NEW.etat = 'signe')
       AND NOT (OLD.etat = 'rejete' AND NEW.etat = 'brouillon') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG111', MESSAGE = 'L''empreinte signée d''un ordre ne se modifie pas.';
    END IF;
    IF NEW.etat <> OLD.etat AND NOT (
           (OLD.etat = 'brouillon' AND NEW.etat IN ('signe', 'abandonne'))
        OR (OLD.etat = 'signe' AND NEW.etat = 'transmis')
        OR (OLD.etat = 'transmis' AND NEW.etat IN ('pris_en_charge', 'rejete'))
        OR (OLD.etat = 'rejete' AND NEW.etat IN ('brouillon', 'abandonne'))
        OR (OLD.etat = 'pris_en_charge' AND NEW.etat = 'annule')) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG112',
            MESSAGE = format('Passage de l''état « %s » à « %s » interdit pour un ordre de recette.', OLD.etat, NEW.etat);
    END IF;
    IF OLD.etat = 'brouillon' AND NEW.etat = 'signe' THEN
        SELECT count(*), coalesce(sum(montant), 0) INTO v_lignes, v_total
          FROM recettes_ligneordrerecette WHERE ordre_id = NEW.id;
        IF v_lignes = 0 OR v_total <> NEW.montant OR (NEW.type = 'individuel' AND v_lignes <> 1) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG113',
                MESSAGE = 'Le montant de l''ordre doit égaler la somme de ses lignes (une seule ligne pour un ordre individuel).';
        END IF;
        IF length(NEW.empreinte_contenu) <> 64 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG114', MESSAGE = 'Un ordre signé porte l''empreinte de son contenu.';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION recettes_detail_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_etat text;
    v_numero integer;
BEGIN
    SELECT etat, numero INTO v_etat, v_numero FROM recettes_ordrerecette
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.ordre_id ELSE NEW.ordre_id END;
    IF v_etat IS DISTINCT FROM 'brouillon'
       OR (TG_OP = 'UPDATE' AND NEW.ordre_id <> OLD.ordre_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG115',
            MESSAGE = format('L''ordre de recette n° %s n''est plus un brouillon : ses lignes et ses pièces ne changent plus.', v_numero);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER ordre_numero_verifier BEFORE INSERT ON recettes_ordrerecette
    FOR EACH ROW EXECUTE FUNCTION recettes_numero_verifier();
CREATE TRIGGER ordre_numero_avancer AFTER INSERT ON recettes_ordrerecette
    FOR EACH ROW EXECUTE FUNCTION recettes_numero_avancer();
CREATE TRIGGER compteurordre_verifier BEFORE INSERT OR UPDATE ON recettes_compteurordre
    FOR EACH ROW EXECUTE FUNCTION recettes_compteur_verifier();
CREATE TRIGGER ordre_fige BEFORE UPDATE ON recettes_ordrerecette
    FOR EACH ROW EXECUTE FUNCTION recettes_ordre_fige();
CREATE TRIGGER ligne_ordre_fige BEFORE INSERT OR UPDATE OR DELETE ON recettes_ligneordrerecette
    FOR EACH ROW EXECUTE FUNCTION recettes_detail_fige();
CREATE TRIGGER piece_fige BEFORE INSERT OR UPDATE OR DELETE ON recettes_piecejustificative
    FOR EACH ROW EXECUTE FUNCTION recettes_detail_fige();
