DROP TRIGGER IF EXISTS paiement_separation ON depenses_ordredepense;
DROP FUNCTION IF EXISTS depenses_paiement_separation();
