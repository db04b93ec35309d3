-- Back to migration 0007's transitions and 0002's append-only certificates.
DROP TRIGGER IF EXISTS reimputation_pas_de_vidage ON depenses_certificatreimputation;
DROP TRIGGER IF EXISTS reimputation_verifier ON depenses_certificatreimputation;
DROP FUNCTION IF EXISTS depenses_reimputation_verifier();
CREATE TRIGGER reimputation_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON depenses_certificatreimputation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un certificat de réimputation ne se modifie ni ne se supprime.');

DROP TRIGGER IF EXISTS ordre_depense_requis_verifier ON depenses_ordredepense;
DROP FUNCTION IF EXISTS depenses_ordre_requis_verifier();
DROP TRIGGER IF EXISTS reponse_requisition_verifier ON depenses_reponserequisition;
DROP FUNCTION IF EXISTS depenses_reponse_requisition_verifier();
DROP TRIGGER IF EXISTS reponserequisition_ajout_seul ON depenses_reponserequisition;
DROP TRIGGER IF EXISTS requisition_verifier ON depenses_requisition;
DROP FUNCTION IF EXISTS depenses_requisition_verifier();

DROP TRIGGER IF EXISTS ordre_depense_fige ON depenses_ordredepense;
CREATE TRIGGER ordre_depense_fige BEFORE UPDATE ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_ordre_fige(
        'LG2', 'ordre de dépense', 'depenses_ligneordredepense',
        '{transmis_le,vise_le,vise_par_id,ecriture_id,motif_abandon,paye_le,paiement_moyen,paiement_reference,paye_par_id}',
        '{brouillon>signe,brouillon>abandonne,signe>transmis,transmis>vise,transmis>suspendu,transmis>remplace,suspendu>transmis,suspendu>retire,suspendu>vise,vise>paye,vise>remplace}',
        '');
