-- The ordres de recette take the guards common to every order (ordres app):
-- same triggers, same messages and SQLSTATE codes, one function for both kinds.
DROP TRIGGER ordre_numero_verifier ON recettes_ordrerecette;
DROP TRIGGER ordre_numero_avancer ON recettes_ordrerecette;
DROP TRIGGER compteurordre_verifier ON recettes_compteurordre;
DROP TRIGGER ordre_fige ON recettes_ordrerecette;
DROP TRIGGER ligne_ordre_fige ON recettes_ligneordrerecette;
DROP TRIGGER piece_fige ON recettes_piecejustificative;
DROP FUNCTION recettes_numero_verifier();
DROP FUNCTION recettes_numero_avancer();
DROP FUNCTION recettes_compteur_verifier();
DROP FUNCTION recettes_ordre_fige();
DROP FUNCTION recettes_detail_fige();

-- The generic functions of ordres/migrations/sql/0001_fonctions.sql, with the
-- tables, SQLSTATE codes and words of the ordres de recette.
CREATE TRIGGER ordre_numero_verifier BEFORE INSERT ON recettes_ordrerecette
    FOR EACH ROW EXECUTE FUNCTION ordres_numero_verifier('recettes_compteurordre', 'LG101', 'ordres de recette');
CREATE TRIGGER ordre_numero_avancer AFTER INSERT ON recettes_ordrerecette
    FOR EACH ROW EXECUTE FUNCTION ordres_numero_avancer('recettes_compteurordre');
CREATE TRIGGER compteurordre_verifier BEFORE INSERT OR UPDATE ON recettes_compteurordre
    FOR EACH ROW EXECUTE FUNCTION ordres_compteur_verifier('recettes_ordrerecette', 'LG102', 'ordres de recette');

-- The columns the acts after the signature write, and the passages between
-- states: OrdreRecette.TRANSITIONS (tests/ordres/test_transitions.py).
CREATE TRIGGER ordre_fige BEFORE UPDATE ON recettes_ordrerecette
    FOR EACH ROW EXECUTE FUNCTION ordres_ordre_fige(
        'LG1', 'ordre de recette', 'recettes_ligneordrerecette',
        '{transmis_le,pris_en_charge_le,pris_en_charge_par_id,ecriture_id,motif_rejet,rejete_le,motif_abandon}',
        '{brouillon>signe,brouillon>abandonne,signe>transmis,transmis>pris_en_charge,transmis>rejete,rejete>brouillon,rejete>abandonne,pris_en_charge>annule}',
        ' (ordre de réduction ou d''annulation seulement)');

CREATE TRIGGER ligne_ordre_fige BEFORE INSERT OR UPDATE OR DELETE ON recettes_ligneordrerecette
    FOR EACH ROW EXECUTE FUNCTION ordres_detail_fige('recettes_ordrerecette', 'LG115', 'ordre de recette', '');
CREATE TRIGGER piece_fige BEFORE INSERT OR UPDATE OR DELETE ON recettes_piecejustificative
    FOR EACH ROW EXECUTE FUNCTION ordres_detail_fige('recettes_ordrerecette', 'LG115', 'ordre de recette', '');
