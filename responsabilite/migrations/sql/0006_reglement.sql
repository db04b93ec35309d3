-- What becomes of a débet once posted to 429 (article D253-81): the agent
-- comptable's payments (al. 1) and the minister's notices to the association
-- de cautionnement mutuel (al. 3) are never changed nor removed; the sums
-- granted in décharge or remise gracieuse are posted to the fund's charge
-- once (al. 2); a non-valeur (al. 4) and a recovery (al. 5 to 7) are never
-- removed, what they record never changes, their posting (and the recovery's
-- paying back to the agent comptable) is recorded once; each amount stays
-- within what the débet allows, and a recovery's shares follow D253-81's
-- order to the cent. Error code LG896; the services
-- (responsabilite/services_reglement.py) check the same first.

-- The amounts of one order, as the rows stand (`selectors.Debet` computes the same).
CREATE FUNCTION responsabilite_situation(p_ordre bigint,
    OUT reste numeric, OUT solde_429 numeric, OUT limite_non_valeur numeric,
    OUT limite_decharge numeric, OUT limite_agent numeric)
LANGUAGE sql STABLE AS $$
    WITH o AS (SELECT montant, ecriture_id FROM responsabilite_ordredebet WHERE id = p_ordre),
    v AS (SELECT coalesce(sum(montant), 0) AS paye
            FROM responsabilite_versement WHERE ordre_id = p_ordre),
    d AS (SELECT coalesce(sum(montant_accorde), 0) AS accorde,
                 coalesce(sum(montant_accorde) FILTER (WHERE ecriture_id IS NOT NULL), 0) AS pris
            FROM responsabilite_demande WHERE ordre_id = p_ordre AND etat = 'accordee'),
    n AS (SELECT coalesce(sum(montant), 0) AS admis,
                 coalesce(sum(montant) FILTER (WHERE ecriture_id IS NOT NULL), 0) AS pris
            FROM responsabilite_nonvaleur WHERE ordre_id = p_ordre),
    r AS (SELECT coalesce(sum(part_debet), 0) AS debet,
                 coalesce(sum(part_non_valeur), 0) AS non_valeur,
                 coalesce(sum(part_decharge), 0) AS decharge,
                 coalesce(sum(part_agent), 0) AS agent
            FROM responsabilite_recouvrement WHERE ordre_id = p_ordre)
    SELECT greatest(o.montant - v.paye - d.accorde - n.admis - r.debet, 0),
           CASE WHEN o.ecriture_id IS NULL THEN 0 ELSE o.montant END
               - v.paye - d.pris - n.pris - r.debet,
           n.pris - r.non_valeur,
           d.pris - r.decharge,
           v.paye - r.agent
      FROM o, v, d, n, r
$$;

CREATE FUNCTION responsabilite_exiger_comptabilise(p_ordre bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT ecriture_id FROM responsabilite_ordredebet WHERE id = p_ordre) IS NULL THEN
        RAISE EXCEPTION 'Le débet n''est pas encore comptabilisé au compte 429.'
            USING ERRCODE = 'LG896';
    END IF;
END $$;

-- al. 1: payments
CREATE TRIGGER versement_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON responsabilite_versement
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Le versement de l''agent comptable sur ses deniers ne se modifie ni ne se supprime.');

CREATE FUNCTION responsabilite_versement_inserer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
    IF NEW.montant > (responsabilite_situation(NEW.ordre_id)).reste THEN
        RAISE EXCEPTION 'Le versement de l''agent comptable ne peut dépasser le reste dû sur le débet.'
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER versement_plafond BEFORE INSERT ON responsabilite_versement
    FOR EACH ROW EXECUTE FUNCTION responsabilite_versement_inserer();

-- al. 3: the minister's notice
CREATE TRIGGER notification_association_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE
    ON responsabilite_notificationassociation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'La notification du débet à l''association de cautionnement mutuel ne se modifie ni ne se supprime.');

-- al. 2: the sums granted, borne by the fund's budget
CREATE FUNCTION responsabilite_demande_prise_en_charge() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ecriture_id IS NOT DISTINCT FROM OLD.ecriture_id THEN
        RETURN NEW;
    END IF;
    IF OLD.ecriture_id IS NOT NULL THEN
        RAISE EXCEPTION 'La prise en charge par l''organisme de la somme accordée se comptabilise une fois.'
            USING ERRCODE = 'LG896';
    END IF;
    IF NEW.etat <> 'accordee' OR NOT NEW.montant_accorde > 0 THEN
        RAISE EXCEPTION 'Seule une somme accordée en décharge ou en remise gracieuse est prise en charge par l''organisme (article D253-81).'
            USING ERRCODE = 'LG896';
    END IF;
    PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
    IF NEW.montant_accorde > (responsabilite_situation(NEW.ordre_id)).solde_429 THEN
        RAISE EXCEPTION 'La prise en charge dépasse ce qui reste au compte 429 sur ce débet.'
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER demande_prise_en_charge BEFORE UPDATE ON responsabilite_demande
    FOR EACH ROW EXECUTE FUNCTION responsabilite_demande_prise_en_charge();

-- al. 4: non-valeur
CREATE TRIGGER nonvaleur_jamais_supprimee BEFORE DELETE OR TRUNCATE ON responsabilite_nonvaleur
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une admission en non-valeur ne se supprime pas.');

CREATE FUNCTION responsabilite_nonvaleur_inserer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ecriture_id IS NOT NULL THEN
        RAISE EXCEPTION 'Une admission en non-valeur naît décidée, non comptabilisée.'
            USING ERRCODE = 'LG896';
    END IF;
    IF NEW.montant > (responsabilite_situation(NEW.ordre_id)).reste THEN
        RAISE EXCEPTION 'L''admission en non-valeur ne peut dépasser le reste dû sur le débet.'
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER nonvaleur_naissance BEFORE INSERT ON responsabilite_nonvaleur
    FOR EACH ROW EXECUTE FUNCTION responsabilite_nonvaleur_inserer();

CREATE FUNCTION responsabilite_nonvaleur_modifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.ordre_id, NEW.conseil_le, NEW.deliberation, NEW.montant, NEW.enregistre_par_id,
        NEW.enregistre_le)
       IS DISTINCT FROM
       (OLD.ordre_id, OLD.conseil_le, OLD.deliberation, OLD.montant, OLD.enregistre_par_id,
        OLD.enregistre_le) THEN
        RAISE EXCEPTION 'La décision d''admission en non-valeur ne se modifie pas.'
            USING ERRCODE = 'LG896';
    END IF;
    IF NEW.ecriture_id IS DISTINCT FROM OLD.ecriture_id THEN
        IF OLD.ecriture_id IS NOT NULL THEN
            RAISE EXCEPTION 'L''admission en non-valeur se comptabilise une fois.'
                USING ERRCODE = 'LG896';
        END IF;
        PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
        IF NEW.montant > (responsabilite_situation(NEW.ordre_id)).solde_429 THEN
            RAISE EXCEPTION 'L''admission en non-valeur dépasse ce qui reste au compte 429 sur ce débet.'
                USING ERRCODE = 'LG896';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER nonvaleur_comptabilisation BEFORE UPDATE ON responsabilite_nonvaleur
    FOR EACH ROW EXECUTE FUNCTION responsabilite_nonvaleur_modifier();

-- al. 5 to 7: recoveries from the original debtor
CREATE TRIGGER recouvrement_jamais_supprime BEFORE DELETE OR TRUNCATE ON responsabilite_recouvrement
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Un recouvrement sur le débiteur ne se supprime pas.');

CREATE FUNCTION responsabilite_recouvrement_inserer() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    s record;
    reste numeric := NEW.montant;
    debet numeric;
    non_valeur numeric;
    decharge numeric;
BEGIN
    PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
    IF NEW.reverse_ecriture_id IS NOT NULL OR NEW.reverse_le IS NOT NULL THEN
        RAISE EXCEPTION 'Un recouvrement naît sans reversement à l''agent comptable.'
            USING ERRCODE = 'LG896';
    END IF;
    s := responsabilite_situation(NEW.ordre_id);
    debet := least(reste, s.reste);
    reste := reste - debet;
    non_valeur := least(reste, s.limite_non_valeur);
    reste := reste - non_valeur;
    decharge := least(reste, s.limite_decharge);
    reste := reste - decharge;
    IF reste > s.limite_agent THEN
        RAISE EXCEPTION 'Le recouvrement dépasse le reste dû, les sommes laissées à la charge de l''organisme et ce que l''agent comptable a versé (article D253-81).'
            USING ERRCODE = 'LG896';
    END IF;
    IF (NEW.part_debet, NEW.part_non_valeur, NEW.part_decharge, NEW.part_agent)
       IS DISTINCT FROM (debet, non_valeur, decharge, reste) THEN
        RAISE EXCEPTION 'Le recouvrement se répartit dans l''ordre de l''article D253-81 : le reste dû (%), l''organisme (% puis %), l''agent comptable (%).', debet, non_valeur, decharge, reste
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recouvrement_repartition BEFORE INSERT ON responsabilite_recouvrement
    FOR EACH ROW EXECUTE FUNCTION responsabilite_recouvrement_inserer();

CREATE FUNCTION responsabilite_recouvrement_modifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.ordre_id, NEW.le, NEW.debiteur, NEW.montant, NEW.compte, NEW.part_debet,
        NEW.part_non_valeur, NEW.part_decharge, NEW.part_agent, NEW.ecriture_id,
        NEW.enregistre_par_id, NEW.enregistre_le)
       IS DISTINCT FROM
       (OLD.ordre_id, OLD.le, OLD.debiteur, OLD.montant, OLD.compte, OLD.part_debet,
        OLD.part_non_valeur, OLD.part_decharge, OLD.part_agent, OLD.ecriture_id,
        OLD.enregistre_par_id, OLD.enregistre_le) THEN
        RAISE EXCEPTION 'Le recouvrement enregistré et sa répartition ne se modifient pas.'
            USING ERRCODE = 'LG896';
    END IF;
    IF OLD.reverse_ecriture_id IS NOT NULL
       AND (NEW.reverse_le, NEW.reverse_compte, NEW.reverse_ecriture_id)
           IS DISTINCT FROM (OLD.reverse_le, OLD.reverse_compte, OLD.reverse_ecriture_id) THEN
        RAISE EXCEPTION 'La part de l''agent comptable ne lui est reversée qu''une fois.'
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recouvrement_reversement BEFORE UPDATE ON responsabilite_recouvrement
    FOR EACH ROW EXECUTE FUNCTION responsabilite_recouvrement_modifier();

-- The application's role: the rows it never changes are not granted the
-- UPDATE; those it updates (and locks) keep it, the triggers above say what
-- may change.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON responsabilite_versement FROM caisse_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON responsabilite_notificationassociation FROM caisse_app;
        REVOKE DELETE, TRUNCATE ON responsabilite_nonvaleur FROM caisse_app;
        REVOKE DELETE, TRUNCATE ON responsabilite_recouvrement FROM caisse_app;
    END IF;
END $$;
