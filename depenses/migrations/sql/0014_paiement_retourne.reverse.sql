-- Back to migration 0009's passages.
DROP TRIGGER ordre_depense_fige ON depenses_ordredepense;
CREATE TRIGGER ordre_depense_fige BEFORE UPDATE ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_ordre_fige(
        'LG2', 'ordre de dépense', 'depenses_ligneordredepense',
        '{transmis_le,vise_le,vise_par_id,ecriture_id,motif_abandon,paye_le,paiement_moyen,paiement_reference,paye_par_id}',
        '{brouillon>signe,brouillon>abandonne,signe>transmis,transmis>vise,transmis>suspendu,transmis>remplace,suspendu>transmis,suspendu>retire,suspendu>requis,requis>vise,requis>suspendu,vise>paye,vise>remplace}',
        '');
