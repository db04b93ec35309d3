-- Back to the kind's own functions (migration 0002).
DROP TRIGGER IF EXISTS ordre_depense_numero_verifier ON depenses_ordredepense;
DROP TRIGGER IF EXISTS ordre_depense_numero_avancer ON depenses_ordredepense;
DROP TRIGGER IF EXISTS compteurordredepense_verifier ON depenses_compteurordredepense;
DROP TRIGGER IF EXISTS ordre_depense_fige ON depenses_ordredepense;
DROP TRIGGER IF EXISTS ligne_depense_fige ON depenses_ligneordredepense;
DROP TRIGGER IF EXISTS piece_depense_fige ON depenses_piecedepense;

CREATE FUNCTION depenses_numero_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_dernier integer;
BEGIN
    INSERT INTO depenses_compteurordredepense (exercice_id, dernier_numero) VALUES (NEW.exercice_id, 0)
        ON CONFLICT DO NOTHING;
    SELECT dernier_numero INTO v_dernier FROM depenses_compteurordredepense
     WHERE exercice_id = NEW.exercice_id FOR UPDATE;
    IF NEW.numero <> v_dernier + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG201',
            MESSAGE = format('Numérotation des ordres de dépense discontinue : le suivant porte le numéro %s (reçu %s).',
                             v_dernier + 1, NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION depenses_numero_avancer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE depenses_compteurordredepense SET dernier_numero = NEW.numero WHERE exercice_id = NEW.exercice_id;
    RETURN NULL;
END;
$$;

CREATE FUNCTION depenses_compteur_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_max integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_max := 0;
    ELSE
        SELECT coalesce(max(numero), 0) INTO v_max FROM depenses_ordredepense WHERE exercice_id = NEW.exercice_id;
    END IF;
    IF NEW.dernier_numero <> v_max OR (TG_OP = 'UPDATE' AND NEW.exercice_id <> OLD.exercice_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG202',
            MESSAGE = format('Le compteur des ordres de dépense doit égaler le dernier numéro donné (%s).', v_max);
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION depenses_ordre_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_lignes integer;
    v_total numeric;
BEGIN
    IF OLD.etat <> 'brouillon' AND ROW(
            NEW.exercice_id, NEW.numero, NEW.type, NEW.gestion, NEW.nature, NEW.objet, NEW.bases_liquidation,
            NEW.compte_imputation_id, NEW.compte_tiers_id, NEW.montant, NEW.engagement_id, NEW.acompte,
            NEW.date_fait, NEW.date_service_fait, NEW.date_liquidation, NEW.date_echeance, NEW.date_contrat,
            NEW.date_reception, NEW.date_decision, NEW.date_deliberation, NEW.date_transaction,
            NEW.date_encaissement, NEW.date_paiement, NEW.article_rattachement, NEW.limite_emission,
            NEW.pieces_references, NEW.cree_par_id, NEW.duplicata_de_id, NEW.regularise_id, NEW.empreinte_contenu)
       IS DISTINCT FROM ROW(
            OLD.exercice_id, OLD.numero, OLD.type, OLD.gestion, OLD.nature, OLD.objet, OLD.bases_liquidation,
            OLD.compte_imputation_id, OLD.compte_tiers_id, OLD.montant, OLD.engagement_id, OLD.acompte,
            OLD.date_fait, OLD.date_service_fait, OLD.date_liquidation, OLD.date_echeance, OLD.date_contrat,
            OLD.date_reception, OLD.date_decision, OLD.date_deliberation, OLD.date_transaction,
            OLD.date_encaissement, OLD.date_paiement, OLD.article_rattachement, OLD.limite_emission,
            OLD.pieces_references, OLD.cree_par_id, OLD.duplicata_de_id, OLD.regularise_id, OLD.empreinte_contenu) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG210',
            MESSAGE = format('L''ordre de dépense n° %s est signé : son contenu ne peut plus être modifié.', OLD.numero);
    END IF;
    IF NEW.etat <> OLD.etat AND NOT (
           (OLD.etat = 'brouillon' AND NEW.etat IN ('signe', 'abandonne'))
        OR (OLD.etat = 'signe' AND NEW.etat = 'transmis')
        OR (OLD.etat = 'transmis' AND NEW.etat IN ('vise', 'suspendu', 'remplace'))
        OR (OLD.etat = 'suspendu' AND NEW.etat IN ('transmis', 'retire', 'vise'))
        OR (OLD.etat = 'vise' AND NEW.etat IN ('paye', 'remplace'))) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG212',
            MESSAGE = format('Passage de l''état « %s » à « %s » interdit pour un ordre de dépense.', OLD.etat, NEW.etat);
    END IF;
    IF OLD.etat = 'brouillon' AND NEW.etat = 'signe' THEN
        SELECT count(*), coalesce(sum(montant), 0) INTO v_lignes, v_total
          FROM depenses_ligneordredepense WHERE ordre_id = NEW.id;
        IF v_lignes = 0 OR v_total <> NEW.montant OR (NEW.type = 'individuel' AND v_lignes <> 1)
           OR length(NEW.empreinte_contenu) <> 64 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG213',
                MESSAGE = 'Le montant de l''ordre doit égaler la somme de ses lignes (une seule pour un ordre individuel), et l''ordre signé porte l''empreinte de son contenu.';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION depenses_detail_fige() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_etat text;
    v_numero integer;
BEGIN
    SELECT etat, numero INTO v_etat, v_numero FROM depenses_ordredepense
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.ordre_id ELSE NEW.ordre_id END;
    IF v_etat = 'brouillon' AND (TG_OP <> 'UPDATE' OR NEW.ordre_id = OLD.ordre_id) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_TABLE_NAME = 'depenses_piecedepense' AND TG_OP = 'INSERT' AND v_etat = 'suspendu' THEN
        -- Only a pièce table row has `complement`; test it in a nested block.
        IF (to_jsonb(NEW) ->> 'complement')::boolean THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'LG215',
        MESSAGE = format('L''ordre de dépense n° %s n''est plus un brouillon : ses lignes et ses pièces ne changent plus.', v_numero);
END;
$$;

CREATE TRIGGER ordre_depense_numero_verifier BEFORE INSERT ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION depenses_numero_verifier();
CREATE TRIGGER ordre_depense_numero_avancer AFTER INSERT ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION depenses_numero_avancer();
CREATE TRIGGER compteurordredepense_verifier BEFORE INSERT OR UPDATE ON depenses_compteurordredepense
    FOR EACH ROW EXECUTE FUNCTION depenses_compteur_verifier();
CREATE TRIGGER ordre_depense_fige BEFORE UPDATE ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION depenses_ordre_fige();
CREATE TRIGGER ligne_depense_fige BEFORE INSERT OR UPDATE OR DELETE ON depenses_ligneordredepense
    FOR EACH ROW EXECUTE FUNCTION depenses_detail_fige();
CREATE TRIGGER piece_depense_fige BEFORE INSERT OR UPDATE OR DELETE ON depenses_piecedepense
    FOR EACH ROW EXECUTE FUNCTION depenses_detail_fige();
