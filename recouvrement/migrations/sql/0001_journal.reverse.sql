DROP TRIGGER IF EXISTS acte_ajout_seul ON recouvrement_acte;
