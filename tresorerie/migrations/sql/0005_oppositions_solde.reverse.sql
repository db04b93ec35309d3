DROP TRIGGER lot_solde ON tresorerie_lotpaiement;
DROP FUNCTION tresorerie_lot_solde();
DROP TRIGGER paiement_oppositions ON tresorerie_paiement;
DROP FUNCTION tresorerie_paiement_oppositions();
DROP TRIGGER decision_opposition_ajout_seul ON tresorerie_decisionopposition;
