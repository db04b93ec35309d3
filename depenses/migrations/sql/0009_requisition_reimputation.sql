-- Entries in the name of who acted (circulaire 93/82 §1.1.1 : « La tenue de la
-- comptabilité ne peut faire l'objet d'une délégation, l'agent comptable étant
-- seul responsable de l'exactitude et de la sincérité des écritures »).

-- 1. The passages between states: OrdreDepense.TRANSITIONS, with the state
-- « requis » (tests/ordres/test_transitions.py). Same columns as migration 0007.
DROP TRIGGER ordre_depense_fige ON depenses_ordredepense;
CREATE TRIGGER ordre_depense_fige BEFORE UPDATE ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION ordres_ordre_fige(
        'LG2', 'ordre de dépense', 'depenses_ligneordredepense',
        '{transmis_le,vise_le,vise_par_id,ecriture_id,motif_abandon,paye_le,paiement_moyen,paiement_reference,paye_par_id}',
        '{brouillon>signe,brouillon>abandonne,signe>transmis,transmis>vise,transmis>suspendu,transmis>remplace,suspendu>transmis,suspendu>retire,suspendu>requis,requis>vise,requis>suspendu,vise>paye,vise>remplace}',
        '');

-- 2. A réquisition is written on a suspended order only (circ. §2.1.9.0).
CREATE FUNCTION depenses_requisition_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_etat text;
    v_numero integer;
BEGIN
    SELECT etat, numero INTO v_etat, v_numero FROM depenses_ordredepense WHERE id = NEW.ordre_id;
    IF v_etat IS DISTINCT FROM 'suspendu' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG270',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas suspendu : le directeur ne requiert l''agent comptable qu''après une suspension (circulaire 93/82 §2.1.9.0).', v_numero);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER requisition_verifier BEFORE INSERT ON depenses_requisition
    FOR EACH ROW EXECUTE FUNCTION depenses_requisition_verifier();

-- 3. The agent comptable's answer: append-only; never by the one who
-- requisitioned; a visa on réquisition is posted in the name of who answers.
CREATE TRIGGER reponserequisition_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON depenses_reponserequisition
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('La réponse de l''agent comptable à une réquisition ne se modifie ni ne se supprime.');

CREATE FUNCTION depenses_reponse_requisition_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    SELECT q.requis_par_id, o.etat, o.numero INTO r
      FROM depenses_requisition q JOIN depenses_ordredepense o ON o.id = q.ordre_id
     WHERE q.id = NEW.requisition_id;
    IF r.etat IS DISTINCT FROM 'requis' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG271',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas requis : il n''y a pas de réquisition à laquelle répondre.', r.numero);
    END IF;
    IF NEW.par_id = r.requis_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG272',
            MESSAGE = 'Celui qui a requis ne répond pas à sa propre réquisition : une même personne ne peut être à la fois ordonnateur et comptable (circulaire 93/82 §2.4.0).';
    END IF;
    IF NEW.decision = 'defere'
       AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = NEW.ecriture_id AND e.passee_par_id = NEW.par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG273',
            MESSAGE = format('Le visa sur réquisition de l''ordre de dépense n° %s est passé au nom de l''agent comptable qui défère : la tenue de la comptabilité ne peut faire l''objet d''une délégation (circulaire 93/82 §1.1.1).', r.numero);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reponse_requisition_verifier BEFORE INSERT ON depenses_reponserequisition
    FOR EACH ROW EXECUTE FUNCTION depenses_reponse_requisition_verifier();

-- 4. An order becomes « requis » only by the directeur's written réquisition,
-- leaves it for « visé » only by the agent comptable's deferring, on his own
-- entry and in his name, and for « suspendu » only by his refusal.
CREATE FUNCTION depenses_ordre_requis_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_requisition bigint;
    r record;
BEGIN
    SELECT id INTO v_requisition FROM depenses_requisition WHERE ordre_id = NEW.id;
    SELECT decision, par_id, ecriture_id INTO r FROM depenses_reponserequisition WHERE requisition_id = v_requisition;
    IF NEW.etat = 'requis' AND (v_requisition IS NULL OR r.decision IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG274',
            MESSAGE = format('L''ordre de dépense n° %s ne devient requis que par la réquisition écrite du directeur (circulaire 93/82 §2.1.9.0).', NEW.numero);
    END IF;
    IF OLD.etat = 'requis' AND NEW.etat = 'vise'
       AND (r.decision IS DISTINCT FROM 'defere' OR r.par_id IS DISTINCT FROM NEW.vise_par_id
            OR r.ecriture_id IS DISTINCT FROM NEW.ecriture_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG275',
            MESSAGE = format('L''ordre de dépense n° %s requis n''est visé que par l''agent comptable qui défère à la réquisition, sur l''écriture passée en son nom (circulaire 93/82 §1.1.1, §2.1.9.0).', NEW.numero);
    END IF;
    IF OLD.etat = 'requis' AND NEW.etat = 'suspendu' AND r.decision IS DISTINCT FROM 'refus' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG276',
            MESSAGE = format('L''ordre de dépense n° %s requis ne revient suspendu que par le refus motivé de l''agent comptable de déférer (circulaire 93/82 §2.1.9.0).', NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER ordre_depense_requis_verifier BEFORE UPDATE OF etat ON depenses_ordredepense
    FOR EACH ROW WHEN (OLD.etat IS DISTINCT FROM NEW.etat AND 'requis' IN (OLD.etat, NEW.etat))
    EXECUTE FUNCTION depenses_ordre_requis_verifier();

-- 5. Certificates of réimputation (circ. §2.1.4): issued by the directeur,
-- taken in charge (posted in the name of the agent comptable who takes it) or
-- rejected once, by someone else than its issuer; its content never changes.
DROP TRIGGER reimputation_ajout_seul ON depenses_certificatreimputation;
-- The certificates of the former act were posted by the agent comptable who issued them.
UPDATE depenses_certificatreimputation
   SET etat = 'pris_en_charge', traite_par_id = par_id, traite_le = le
 WHERE ecriture_id IS NOT NULL;

CREATE FUNCTION depenses_reimputation_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    o record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG280',
            MESSAGE = 'Un certificat de réimputation ne se supprime pas : l''agent comptable le rejette.';
    END IF;
    SELECT gestion, numero, etat INTO o FROM depenses_ordredepense WHERE id = NEW.ordre_id;
    IF TG_OP = 'INSERT' THEN
        IF NEW.etat <> 'delivre' OR NEW.ecriture_id IS NOT NULL OR NEW.traite_par_id IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG281',
                MESSAGE = 'Un certificat de réimputation est délivré par le directeur ; l''agent comptable le prend en charge ensuite (circulaire 93/82 §2.1.4, §1.1.1).';
        END IF;
        IF o.gestion <> 'budgetaire' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG282',
                MESSAGE = format('L''ordre de dépense n° %s ne relève pas des gestions budgétaires : le certificat de réimputation ne rectifie que leurs opérations (circulaire 93/82 §2.1.4).', o.numero);
        END IF;
        RETURN NEW;
    END IF;
    IF ROW(NEW.id, NEW.ordre_id, NEW.ancien_compte_id, NEW.nouveau_compte_id, NEW.motif, NEW.par_id, NEW.qualite, NEW.le)
       IS DISTINCT FROM ROW(OLD.id, OLD.ordre_id, OLD.ancien_compte_id, OLD.nouveau_compte_id, OLD.motif, OLD.par_id, OLD.qualite, OLD.le) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG283',
            MESSAGE = 'Un certificat de réimputation délivré ne se modifie pas : l''agent comptable le rejette et le directeur en délivre un autre.';
    END IF;
    IF OLD.etat <> 'delivre' OR NEW.etat NOT IN ('pris_en_charge', 'rejete') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG284',
            MESSAGE = 'Un certificat de réimputation n''est pris en charge ou rejeté qu''une fois.';
    END IF;
    IF NEW.traite_par_id IS NULL OR NEW.traite_par_id = NEW.par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG285',
            MESSAGE = 'Celui qui a délivré le certificat de réimputation ne le prend pas en charge : une même personne ne peut être à la fois ordonnateur et comptable (circulaire 93/82 §2.4.0).';
    END IF;
    IF NEW.etat = 'pris_en_charge'
       AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = NEW.ecriture_id AND e.passee_par_id = NEW.traite_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG286',
            MESSAGE = 'Le certificat de réimputation est passé en écriture au nom de l''agent comptable qui le prend en charge (circulaire 93/82 §1.1.1).';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reimputation_verifier BEFORE INSERT OR UPDATE OR DELETE ON depenses_certificatreimputation
    FOR EACH ROW EXECUTE FUNCTION depenses_reimputation_verifier();
CREATE TRIGGER reimputation_pas_de_vidage BEFORE TRUNCATE ON depenses_certificatreimputation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Les certificats de réimputation ne se suppriment pas.');
