-- The interim's holder receives too, even with no affectation in the fund:
-- during a vacancy, an absence or an impediment of the agent comptable, his
-- functions are assumed by the fondé de pouvoir, then by the intérimaire the
-- board names (circulaire 93/82 §1.1.2; personnes.selectors.fonctions_exercees_le).
CREATE OR REPLACE FUNCTION tresorerie_encaisseur_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_auteur integer;
    c record;
BEGIN
    SELECT passee_par_id INTO v_auteur FROM ledger_ecriture WHERE id = NEW.ecriture_id;
    IF v_auteur IS DISTINCT FROM NEW.recu_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG360',
            MESSAGE = 'L''écriture d''un encaissement est passée au nom de qui l''a reçu (circulaire 93/82 §1.1.1).';
    END IF;
    IF EXISTS (SELECT 1 FROM personnes_affectation a
                WHERE a.utilisateur_id = NEW.recu_par_id
                  AND a.fonction IN ('agent_comptable', 'fonde_de_pouvoir')
                  AND a.debut <= NEW.date AND (a.fin IS NULL OR a.fin >= NEW.date))
       OR EXISTS (SELECT 1 FROM personnes_interim i
                   WHERE i.utilisateur_id = NEW.recu_par_id
                     AND i.debut <= NEW.date AND i.fin >= NEW.date) THEN
        RETURN NEW;
    END IF;
    SELECT nature, regisseur_id, libelle INTO c FROM tresorerie_comptedisponibilite WHERE id = NEW.compte_id;
    IF c.nature IS DISTINCT FROM 'regie' OR c.regisseur_id IS DISTINCT FROM NEW.recu_par_id
       OR NOT EXISTS (SELECT 1 FROM personnes_affectation a
                       WHERE a.utilisateur_id = NEW.recu_par_id AND a.fonction = 'regisseur'
                         AND a.debut <= NEW.date AND (a.fin IS NULL OR a.fin >= NEW.date)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG361',
            MESSAGE = 'Seul l''agent comptable manie les fonds de l''organisme ; un régisseur n''encaisse qu''à sa propre régie (circulaire 93/82 §2.2 et §II).';
    END IF;
    RETURN NEW;
END;
$$;
