-- D253-81 al. 2 « Les sommes allouées en décharge de responsabilité ou en
-- remise gracieuse sont supportées par le budget de l'organisme », also when
-- the agent comptable has already paid (part of) the débet: the prise en
-- charge debits 6712 with the sum granted and credits 429 with what the order
-- still leaves there (`prise_429`), the rest to the agent comptable on 4672
-- (`prise_agent`), never more than what he paid and has not yet got back;
-- that part is paid back to him once (`rembourse_*`). What he got back no
-- longer counts in his claim on later recoveries (`limite_agent`). Error code
-- LG896; the services (responsabilite/services_reglement.py) check the same
-- first. Replaces the functions of 0006_reglement.sql that read the prise en
-- charge.

-- The prises en charge posted before the split: all of it went to 429.
UPDATE responsabilite_demande SET prise_429 = montant_accorde WHERE ecriture_id IS NOT NULL;

-- Rows written by hand (tests, psql) get the same defaults as the models.
ALTER TABLE responsabilite_demande
    ALTER COLUMN prise_429 SET DEFAULT 0,
    ALTER COLUMN prise_agent SET DEFAULT 0,
    ALTER COLUMN rembourse_compte SET DEFAULT '';

-- The amounts of one order, as the rows stand (`selectors.Debet` computes the same).
CREATE OR REPLACE FUNCTION responsabilite_situation(p_ordre bigint,
    OUT reste numeric, OUT solde_429 numeric, OUT limite_non_valeur numeric,
    OUT limite_decharge numeric, OUT limite_agent numeric)
LANGUAGE sql STABLE AS $$
    WITH o AS (SELECT montant, ecriture_id FROM responsabilite_ordredebet WHERE id = p_ordre),
    v AS (SELECT coalesce(sum(montant), 0) AS paye
            FROM responsabilite_versement WHERE ordre_id = p_ordre),
    d AS (SELECT coalesce(sum(montant_accorde), 0) AS accorde,
                 coalesce(sum(montant_accorde) FILTER (WHERE ecriture_id IS NOT NULL), 0) AS pris,
                 coalesce(sum(prise_429), 0) AS pris_429,
                 coalesce(sum(prise_agent), 0) AS rendu
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
               - v.paye - d.pris_429 - n.pris - r.debet,
           n.pris - r.non_valeur,
           d.pris - r.decharge,
           v.paye - d.rendu - r.agent
      FROM o, v, d, n, r
$$;

-- al. 2: the sum granted, borne by the fund's budget: 429 first, the rest
-- given back to the agent comptable (4672), paid to him once.
CREATE OR REPLACE FUNCTION responsabilite_demande_prise_en_charge() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    IF (NEW.ecriture_id, NEW.prise_429, NEW.prise_agent)
       IS DISTINCT FROM (OLD.ecriture_id, OLD.prise_429, OLD.prise_agent) THEN
        IF OLD.ecriture_id IS NOT NULL OR NEW.ecriture_id IS NULL THEN
            RAISE EXCEPTION 'La prise en charge par l''organisme de la somme accordée se comptabilise une fois.'
                USING ERRCODE = 'LG896';
        END IF;
        IF NEW.etat <> 'accordee' OR NOT NEW.montant_accorde > 0 THEN
            RAISE EXCEPTION 'Seule une somme accordée en décharge ou en remise gracieuse est prise en charge par l''organisme (article D253-81).'
                USING ERRCODE = 'LG896';
        END IF;
        PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
        s := responsabilite_situation(NEW.ordre_id);
        IF NEW.prise_429 IS DISTINCT FROM least(NEW.montant_accorde, greatest(s.solde_429, 0))
           OR NEW.prise_429 + NEW.prise_agent IS DISTINCT FROM NEW.montant_accorde THEN
            RAISE EXCEPTION 'La prise en charge s''impute d''abord sur ce qui reste au compte 429 sur ce débet (%), le surplus revient à l''agent comptable (4672).', greatest(s.solde_429, 0)
                USING ERRCODE = 'LG896';
        END IF;
        IF NEW.prise_agent > s.limite_agent THEN
            RAISE EXCEPTION 'La part rendue à l''agent comptable (%) dépasse ce qu''il a payé et ne lui a pas encore été rendu (%).', NEW.prise_agent, s.limite_agent
                USING ERRCODE = 'LG896';
        END IF;
    END IF;
    IF (NEW.rembourse_le, NEW.rembourse_compte, NEW.rembourse_ecriture_id)
       IS DISTINCT FROM (OLD.rembourse_le, OLD.rembourse_compte, OLD.rembourse_ecriture_id) THEN
        IF OLD.rembourse_ecriture_id IS NOT NULL OR OLD.rembourse_le IS NOT NULL THEN
            RAISE EXCEPTION 'La part de la somme accordée rendue à l''agent comptable ne lui est remboursée qu''une fois.'
                USING ERRCODE = 'LG896';
        END IF;
        IF NEW.ecriture_id IS NULL OR NOT NEW.prise_agent > 0 THEN
            RAISE EXCEPTION 'Seule la part de la somme accordée portée au compte 4672 de l''agent comptable lui est remboursée.'
                USING ERRCODE = 'LG896';
        END IF;
    END IF;
    RETURN NEW;
END $$;
