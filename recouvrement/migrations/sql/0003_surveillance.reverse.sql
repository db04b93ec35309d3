DROP TRIGGER IF EXISTS etat_nominatif_verifier ON recouvrement_envoietatnominatif;
DROP FUNCTION IF EXISTS recouvrement_etat_nominatif_verifier();
DROP TRIGGER IF EXISTS envoi_etat_nominatif_ajout_seul ON recouvrement_envoietatnominatif;
DROP TRIGGER IF EXISTS envoi_liste_ajout_seul ON recouvrement_envoiliste;
