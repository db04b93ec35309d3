DROP TRIGGER IF EXISTS creance_transmise_reste_au_directeur ON recouvrement_creance;
DROP FUNCTION IF EXISTS recouvrement_creance_transmise();
DROP TRIGGER IF EXISTS echeance_ajout_seul ON recouvrement_echeance;
DROP TRIGGER IF EXISTS echeance_echeancier_total ON recouvrement_echeance;
DROP TRIGGER IF EXISTS delai_echeancier_total ON recouvrement_delaipaiement;
DROP FUNCTION IF EXISTS recouvrement_echeancier_verifier();
