-- Who may receive a delegation of the directeur, kept by PostgreSQL
-- (personnes/models.py; circ. 93/82 §1.0, §1.1.1, §2.4.0).
--
-- The directeur delegates "à certains agents de l'organisme" (§1.0): the
-- author is directeur on the delegation's first day, the beneficiary is
-- délégué du directeur that day, and never, on any day of its period, acts
-- for the agent comptable (agent comptable, fondé de pouvoir, mandataire,
-- régisseur, intérim: the dualité de délégation is forbidden, §1.1.1) nor
-- for the tutelle (auditeur). The other way round, such a function or an
-- interim is not given to someone holding a delegation in force over that
-- period. The services say the same first (personnes/services.py).
--
-- Each check locks the person's row first, so that a delegation and a
-- function given to the same person at once are checked one after the other.

CREATE FUNCTION personnes_nom(p_utilisateur integer) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(btrim(first_name || ' ' || last_name), ''), username)
      FROM auth_user WHERE id = p_utilisateur;
$$;

CREATE FUNCTION personnes_fonction_libelle(p_fonction text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_fonction
        WHEN 'directeur' THEN 'directeur'
        WHEN 'delegue' THEN 'délégué du directeur'
        WHEN 'agent_comptable' THEN 'agent comptable'
        WHEN 'fonde_de_pouvoir' THEN 'fondé de pouvoir'
        WHEN 'mandataire' THEN 'mandataire'
        WHEN 'regisseur' THEN 'régisseur'
        WHEN 'auditeur' THEN 'auditeur (tutelle)'
        ELSE p_fonction END;
$$;

-- The functions whose holder never receives a delegation of the directeur.
CREATE FUNCTION personnes_fonction_exclue(p_fonction text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_fonction IN ('agent_comptable', 'fonde_de_pouvoir', 'mandataire', 'regisseur', 'auditeur');
$$;

CREATE FUNCTION personnes_delegation_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_fonctions text;
BEGIN
    PERFORM 1 FROM auth_user WHERE id = NEW.delegataire_id FOR NO KEY UPDATE;
    IF NOT EXISTS (
        SELECT 1 FROM personnes_affectation a
         WHERE a.utilisateur_id = NEW.delegant_id AND a.fonction = 'directeur'
           AND a.debut <= NEW.debut AND (a.fin IS NULL OR a.fin >= NEW.debut)
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG601',
            MESSAGE = format('%s n''est pas directeur le %s : seul le directeur délègue sa signature ou son pouvoir (circulaire 93/82 §1.0).',
                             personnes_nom(NEW.delegant_id), to_char(NEW.debut, 'DD/MM/YYYY'));
    END IF;
    SELECT string_agg(DISTINCT personnes_fonction_libelle(a.fonction), ', ') INTO v_fonctions
      FROM personnes_affectation a
     WHERE a.utilisateur_id = NEW.delegataire_id AND personnes_fonction_exclue(a.fonction)
       AND a.debut <= NEW.fin AND (a.fin IS NULL OR a.fin >= NEW.debut);
    IF v_fonctions IS NULL AND EXISTS (
        SELECT 1 FROM personnes_interim i
         WHERE i.utilisateur_id = NEW.delegataire_id AND i.debut <= NEW.fin AND i.fin >= NEW.debut
    ) THEN
        v_fonctions := 'intérim de l''agent comptable';
    END IF;
    IF v_fonctions IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG602',
            MESSAGE = format('%s exerce entre le %s et le %s une fonction pour l''agent comptable ou la tutelle (%s) : il ne reçoit pas de délégation du directeur, qui ne délègue qu''à des agents de l''organisme agissant pour lui (circulaire 93/82 §1.0, §1.1.1).',
                             personnes_nom(NEW.delegataire_id), to_char(NEW.debut, 'DD/MM/YYYY'),
                             to_char(NEW.fin, 'DD/MM/YYYY'), v_fonctions);
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM personnes_affectation a
         WHERE a.utilisateur_id = NEW.delegataire_id AND a.fonction = 'delegue'
           AND a.debut <= NEW.debut AND (a.fin IS NULL OR a.fin >= NEW.debut)
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG603',
            MESSAGE = format('%s n''est pas délégué du directeur le %s : la délégation va à un agent affecté à cette fonction (circulaire 93/82 §1.0).',
                             personnes_nom(NEW.delegataire_id), to_char(NEW.debut, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;
-- AFTER: the table's CHECKs (ordered period, not to oneself...) speak first.
CREATE TRIGGER delegation_verifier
    AFTER INSERT OR UPDATE OF delegant_id, delegataire_id, debut, fin ON personnes_delegation
    FOR EACH ROW EXECUTE FUNCTION personnes_delegation_verifier();

-- The delegation in force (not withdrawn) over [p_debut, p_fin] held by a person, if any.
CREATE FUNCTION personnes_delegation_en_vigueur(p_utilisateur integer, p_debut date, p_fin date)
RETURNS personnes_delegation
LANGUAGE sql STABLE AS $$
    SELECT d.* FROM personnes_delegation d
     WHERE d.delegataire_id = p_utilisateur
       AND d.debut <= coalesce(p_fin, 'infinity'::date)
       AND least(d.fin, coalesce(d.retiree_le - 1, d.fin)) >= greatest(d.debut, p_debut)
     ORDER BY d.debut, d.id
     LIMIT 1;
$$;

CREATE FUNCTION personnes_affectation_verifier() RETURNS trigger
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
CREATE TRIGGER affectation_verifier
    AFTER INSERT OR UPDATE OF utilisateur_id, fonction, debut, fin ON personnes_affectation
    FOR EACH ROW EXECUTE FUNCTION personnes_affectation_verifier();

CREATE FUNCTION personnes_interim_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_delegation personnes_delegation;
BEGIN
    PERFORM 1 FROM auth_user WHERE id = NEW.utilisateur_id FOR NO KEY UPDATE;
    v_delegation := personnes_delegation_en_vigueur(NEW.utilisateur_id, NEW.debut, NEW.fin);
    IF v_delegation.id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG605',
            MESSAGE = format('%s tient la délégation n° %s du directeur du %s au %s : il n''assure pas l''intérim de l''agent comptable tant qu''elle dure (circulaire 93/82 §1.1.1, §2.4.0).',
                             personnes_nom(NEW.utilisateur_id), v_delegation.id,
                             to_char(v_delegation.debut, 'DD/MM/YYYY'), to_char(v_delegation.fin, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER interim_verifier
    AFTER INSERT OR UPDATE OF utilisateur_id, debut, fin ON personnes_interim
    FOR EACH ROW EXECUTE FUNCTION personnes_interim_verifier();
