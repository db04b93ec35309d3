-- The ordres de dépense take the guards common to every order (ordres app):
-- same triggers and codes, one function for both kinds.
DROP TRIGGER ordre_depense_numero_verifier ON depenses_ordredepense;
DROP TRIGGER ordre_depense_numero_avancer ON depenses_ordredepense;
DROP TRIGGER compteurordredepense_verifier ON depenses_compteurordredepense;
DROP TRIGGER ordre_depense_fige ON depenses_ordredepense;
DROP TRIGGER ligne_depense_fige ON depenses_ligneordredepense;
DROP TRIGGER piece_depense_fige ON depenses_piecedepense;
DROP FUNCTION depenses_numero_verifier();
DROP FUNCTION depenses_numero_avancer();
DROP FUNCTION depenses_compteur_verifier();
DROP FUNCTION depenses_ordre_fige();
DROP FUNCTION depenses_detail_fige();

-- The generic functions of ordres/migrations/sql/0001_fonctions.sql, with the
-- tables, SQLSTATE codes and words of the ordres de dépense.
CREATE TRIGGER ordre_depense_numero_verifier BEFORE INSERT ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_numero_verifier('depenses_compteurordredepense', 'LG201', 'ordres de dépense');
CREATE TRIGGER ordre_depense_numero_avancer AFTER INSERT ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_numero_avancer('depenses_compteurordredepense');
CREATE TRIGGER compteurordredepense_verifier BEFORE INSERT OR UPDATE ON depenses_compteurordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_compteur_verifier('depenses_ordredepense', 'LG202', 'ordres de dépense');

-- The columns the acts after the signature write (visa, payment mention,
-- itself guarded by tresorerie's ordre_depense_mention_paiement), and the
-- passages between states: OrdreDepense.TRANSITIONS (tests/ordres/test_transitions.py).
CREATE TRIGGER ordre_depense_fige BEFORE UPDATE ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_ordre_fige(
        'LG2', 'ordre de dépense', 'depenses_ligneordredepense',
        '{transmis_le,vise_le,vise_par_id,ecriture_id,motif_abandon,paye_le,paiement_moyen,paiement_reference,paye_par_id}',
        '{brouillon>signe,brouillon>abandonne,signe>transmis,transmis>vise,transmis>suspendu,transmis>remplace,suspendu>transmis,suspendu>retire,suspendu>vise,vise>paye,vise>remplace}',
        '');

-- Lines change only on a draft; pièces too, or as a complement while suspended.
CREATE TRIGGER ligne_depense_fige BEFORE INSERT OR UPDATE OR DELETE ON depenses_ligneordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_detail_fige('depenses_ordredepense', 'LG215', 'ordre de dépense', '');
CREATE TRIGGER piece_depense_fige BEFORE INSERT OR UPDATE OR DELETE ON depenses_piecedepense
    FOR EACH ROW EXECUTE FUNCTION ordres_detail_fige('depenses_ordredepense', 'LG215', 'ordre de dépense', 'suspendu');
