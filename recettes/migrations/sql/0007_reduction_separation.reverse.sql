DROP TRIGGER IF EXISTS reduction_separation ON recettes_reduction;
DROP FUNCTION IF EXISTS recettes_reduction_separation();
