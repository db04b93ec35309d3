-- The sursis de versement of an ordre de recette against the agent comptable
-- (circ. 93/82 §6.2): it moves only none → demande → accorde | refuse; it is
-- never requested when the mise en cause involves fraud or embezzlement; it
-- is granted for one year at most from the decision; once decided it never
-- changes. Error code LG894; the services (responsabilite/services_sursis.py)
-- check the same first.

CREATE FUNCTION responsabilite_ordredebet_sursis() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sursis_etat IS DISTINCT FROM OLD.sursis_etat
       AND NOT ((OLD.sursis_etat = '' AND NEW.sursis_etat = 'demande')
                OR (OLD.sursis_etat = 'demande' AND NEW.sursis_etat IN ('accorde', 'refuse'))) THEN
        RAISE EXCEPTION 'Le sursis de versement ne passe pas de l''état « % » à l''état « % ».', OLD.sursis_etat, NEW.sursis_etat
            USING ERRCODE = 'LG894';
    END IF;
    IF OLD.sursis_etat IN ('accorde', 'refuse')
       AND (NEW.sursis_demande_le, NEW.sursis_motifs, NEW.sursis_decide_le, NEW.sursis_decision, NEW.sursis_fin_le)
           IS DISTINCT FROM
           (OLD.sursis_demande_le, OLD.sursis_motifs, OLD.sursis_decide_le, OLD.sursis_decision, OLD.sursis_fin_le) THEN
        RAISE EXCEPTION 'La décision sur le sursis de versement, une fois enregistrée, ne se modifie pas.'
            USING ERRCODE = 'LG894';
    END IF;
    IF OLD.sursis_etat = '' AND NEW.sursis_etat = 'demande'
       AND EXISTS (SELECT 1 FROM responsabilite_miseencause m
                    WHERE m.id = NEW.mise_en_cause_id AND m.fraude) THEN
        RAISE EXCEPTION 'Le sursis de versement ne peut être demandé en cas de fraude ou de détournement (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG894';
    END IF;
    IF NEW.sursis_fin_le IS NOT NULL AND NEW.sursis_fin_le > NEW.sursis_decide_le + interval '1 year' THEN
        RAISE EXCEPTION 'Le sursis de versement est limité à un an à compter de la décision (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG894';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ordredebet_sursis BEFORE UPDATE ON responsabilite_ordredebet
    FOR EACH ROW EXECUTE FUNCTION responsabilite_ordredebet_sursis();
