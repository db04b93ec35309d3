-- Back to 0006_reglement.sql: the prise en charge credits 429 alone.
CREATE OR REPLACE FUNCTION responsabilite_demande_prise_en_charge() RETURNS trigger
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

CREATE OR REPLACE FUNCTION responsabilite_situation(p_ordre bigint,
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

ALTER TABLE responsabilite_demande
    ALTER COLUMN prise_429 DROP DEFAULT,
    ALTER COLUMN prise_agent DROP DEFAULT,
    ALTER COLUMN rembourse_compte DROP DEFAULT;
