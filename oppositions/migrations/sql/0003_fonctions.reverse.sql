DROP FUNCTION oppositions_cle_nom(text);
DROP FUNCTION oppositions_cle_identifiant(text);
DROP FUNCTION oppositions_identifiant_normal(text);
