-- Guards of the treasury (circulaire DSS/F 93/82 §2.0.6, §2.1.5, §2.1.6, §2.2).
-- Error codes LG3xx; messages in French, shown to the user as they are.

-- Documents and movements are append-only.
CREATE TRIGGER quittance_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_quittance
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une quittance ou un reçu ne se modifie jamais : une erreur s''annule par un nouveau document qui le référence (circulaire 93/82 §2.0.6).');
CREATE TRIGGER affectation_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_affectation
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une affectation d''encaissement ne se modifie ni ne se supprime : on l''annule par une affectation de sens contraire.');
CREATE TRIGGER lot_paiement_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_lotpaiement
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un lot de paiements émis ne se modifie ni ne se supprime.');
CREATE TRIGGER paiement_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_paiement
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un paiement émis ne se modifie ni ne se supprime.');
CREATE TRIGGER releve_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_releve
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un relevé importé ne se modifie ni ne se supprime.');
CREATE TRIGGER ligne_releve_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_lignereleve
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Une ligne de relevé importée ne se modifie ni ne se supprime.');
CREATE TRIGGER arrete_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_arretecaisse
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un arrêté de caisse ne se modifie ni ne se supprime.');
CREATE TRIGGER carnet_pas_de_suppression BEFORE DELETE OR TRUNCATE ON tresorerie_carnet
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un carnet à souches ne se supprime pas : il se clôt.');
CREATE TRIGGER encaissement_pas_de_suppression BEFORE DELETE OR TRUNCATE ON tresorerie_encaissement
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un encaissement ne se supprime pas : il s''annule par contre-passation.');

-- A payment line is paid once to the creditor and once to each opposing party.
CREATE UNIQUE INDEX paiement_une_fois ON tresorerie_paiement (ligne_id, opposition_id) NULLS NOT DISTINCT;

-- A carnet changes only by one more number drawn (from the quittance trigger)
-- or by its closure, once.
CREATE FUNCTION tresorerie_carnet_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.type, NEW.serie, NEW.compte_id, NEW.titulaire_id, NEW.premier_numero, NEW.dernier_numero,
           NEW.ouvert_le, NEW.ouvert_par_id)
       IS DISTINCT FROM ROW(OLD.type, OLD.serie, OLD.compte_id, OLD.titulaire_id, OLD.premier_numero,
           OLD.dernier_numero, OLD.ouvert_le, OLD.ouvert_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG301',
            MESSAGE = format('Le carnet %s ne se modifie pas : seuls ses numéros se délivrent, et il se clôt.', OLD.serie);
    END IF;
    IF OLD.clos_le IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG302',
            MESSAGE = format('Le carnet %s est clos : il ne délivre plus aucun numéro.', OLD.serie);
    END IF;
    IF NEW.dernier_utilise <> OLD.dernier_utilise
       AND (NEW.dernier_utilise <> OLD.dernier_utilise + 1 OR pg_trigger_depth() < 2) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG303',
            MESSAGE = format('Le carnet %s délivre ses numéros un à un, en délivrant un document.', OLD.serie);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER carnet_verifier BEFORE UPDATE ON tresorerie_carnet
    FOR EACH ROW EXECUTE FUNCTION tresorerie_carnet_verifier();

-- A document takes the next number of an open carnet of its kind, and only that.
-- The carnet row is locked until commit: numbers are continuous, with no gap.
CREATE FUNCTION tresorerie_quittance_numeroter() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    SELECT * INTO c FROM tresorerie_carnet WHERE id = NEW.carnet_id FOR UPDATE;
    IF c.clos_le IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG304',
            MESSAGE = format('Le carnet %s est clos : ouvrez un nouveau carnet.', c.serie);
    END IF;
    IF (NEW.nature = 'quittance' AND c.type <> 'quittance') OR (NEW.nature = 'recu' AND c.type <> 'recu') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG305',
            MESSAGE = format('Un document « %s » ne se tire pas du carnet %s (%s).', NEW.nature, c.serie, c.type);
    END IF;
    IF NEW.numero <> c.dernier_utilise + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG306',
            MESSAGE = format('Le prochain numéro du carnet %s est le %s, pas le %s : la numérotation est continue.',
                             c.serie, c.dernier_utilise + 1, NEW.numero);
    END IF;
    IF NEW.numero > c.dernier_numero THEN
        RAISE EXCEPTION USING ERRCODE = 'LG307',
            MESSAGE = format('Le carnet %s est épuisé (dernier numéro %s) : ouvrez un nouveau carnet.', c.serie, c.dernier_numero);
    END IF;
    UPDATE tresorerie_carnet SET dernier_utilise = NEW.numero WHERE id = NEW.carnet_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER quittance_numeroter BEFORE INSERT ON tresorerie_quittance
    FOR EACH ROW EXECUTE FUNCTION tresorerie_quittance_numeroter();

-- A receipt changes only by its cancellation (with its reversing entry) and
-- by being regularised once by an ordre de recette.
CREATE FUNCTION tresorerie_encaissement_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.exercice_id, NEW.date, NEW.compte_id, NEW.moyen, NEW.montant, NEW.payeur, NEW.objet,
           NEW.reference, NEW.sans_titre, NEW.compte_produit_id, NEW.nature_recette, NEW.recu_par_id,
           NEW.recu_le, NEW.ecriture_id)
       IS DISTINCT FROM ROW(OLD.exercice_id, OLD.date, OLD.compte_id, OLD.moyen, OLD.montant, OLD.payeur,
           OLD.objet, OLD.reference, OLD.sans_titre, OLD.compte_produit_id, OLD.nature_recette,
           OLD.recu_par_id, OLD.recu_le, OLD.ecriture_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG310',
            MESSAGE = 'Un encaissement enregistré ne se modifie pas : annulez-le (contre-passation) et enregistrez le bon.';
    END IF;
    IF OLD.etat = 'annule' AND ROW(NEW.etat, NEW.motif_annulation, NEW.ecriture_annulation_id)
       IS DISTINCT FROM ROW(OLD.etat, OLD.motif_annulation, OLD.ecriture_annulation_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG311', MESSAGE = 'Cet encaissement est déjà annulé.';
    END IF;
    IF NEW.etat = 'annule' AND OLD.etat <> 'annule'
       AND (NEW.ecriture_annulation_id IS NULL OR length(trim(NEW.motif_annulation)) = 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG312',
            MESSAGE = 'Un encaissement s''annule avec un motif et une écriture de contre-passation.';
    END IF;
    IF OLD.regularise_par_id IS NOT NULL AND NEW.regularise_par_id IS DISTINCT FROM OLD.regularise_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG313', MESSAGE = 'Cet encaissement est déjà régularisé par un ordre de recette.';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER encaissement_verifier BEFORE UPDATE ON tresorerie_encaissement
    FOR EACH ROW EXECUTE FUNCTION tresorerie_encaissement_verifier();

-- An allocation never goes beyond the receipt, the debtor's line or what
-- remains to recover on the order (taken in charge, less reductions taken in
-- charge). The receipt and the order are locked until commit, so that two
-- allocations at the same time cannot both take the same euros.
CREATE FUNCTION tresorerie_affectation_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_encaisse numeric;
    v_etat_enc text;
    v_affecte numeric;
    o record;
    v_ligne numeric;
    v_sur_ligne numeric;
    v_reduit numeric;
    v_recouvre numeric;
BEGIN
    SELECT montant, etat INTO v_encaisse, v_etat_enc FROM tresorerie_encaissement WHERE id = NEW.encaissement_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG325', MESSAGE = format('L''encaissement n° %s n''existe pas.', NEW.encaissement_id);
    END IF;
    IF NEW.montant > 0 AND v_etat_enc <> 'enregistre' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG320', MESSAGE = 'Un encaissement annulé ne s''affecte plus.';
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_affecte FROM tresorerie_affectation WHERE encaissement_id = NEW.encaissement_id;
    IF v_affecte + NEW.montant > v_encaisse OR v_affecte + NEW.montant < 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG321',
            MESSAGE = format('L''encaissement n° %s est de %s € dont %s € déjà affectés : on ne peut y affecter %s € de plus.',
                             NEW.encaissement_id, v_encaisse, v_affecte, NEW.montant);
    END IF;
    IF NEW.ordre_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT id, numero, etat, montant INTO o FROM recettes_ordrerecette WHERE id = NEW.ordre_id FOR UPDATE;
    SELECT montant INTO v_ligne FROM recettes_ligneordrerecette WHERE id = NEW.ligne_id AND ordre_id = NEW.ordre_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG322', MESSAGE = format('Ce débiteur ne figure pas sur l''ordre de recette n° %s.', o.numero);
    END IF;
    IF NEW.montant > 0 AND o.etat <> 'pris_en_charge' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG323',
            MESSAGE = format('L''ordre de recette n° %s n''est pas pris en charge (%s) : on ne recouvre que ce que l''agent comptable a pris en charge.', o.numero, o.etat);
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_sur_ligne FROM tresorerie_affectation WHERE ligne_id = NEW.ligne_id;
    SELECT coalesce(sum(montant), 0) INTO v_reduit FROM recettes_reduction WHERE ordre_id = NEW.ordre_id AND etat = 'prise_en_charge';
    SELECT coalesce(sum(montant), 0) INTO v_recouvre FROM tresorerie_affectation WHERE ordre_id = NEW.ordre_id;
    IF v_sur_ligne + NEW.montant > v_ligne OR v_recouvre + NEW.montant > o.montant - v_reduit THEN
        RAISE EXCEPTION USING ERRCODE = 'LG324',
            MESSAGE = format('L''ordre de recette n° %s n''a plus que %s € à recouvrer (ce débiteur : %s €) : %s € dépasseraient la créance.',
                             o.numero, o.montant - v_reduit - v_recouvre, v_ligne - v_sur_ligne, NEW.montant);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER affectation_verifier BEFORE INSERT ON tresorerie_affectation
    FOR EACH ROW EXECUTE FUNCTION tresorerie_affectation_verifier();

-- Payments: only visaed orders, never beyond the order's amount nor its
-- line's, checked per statement after locking the orders (a batch of 10,000
-- is one statement).
CREATE FUNCTION tresorerie_paiement_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    PERFORM 1 FROM depenses_ordredepense WHERE id IN (SELECT ordre_id FROM nouveaux) ORDER BY id FOR UPDATE;
    SELECT o.numero, o.etat INTO r
      FROM depenses_ordredepense o WHERE o.id IN (SELECT ordre_id FROM nouveaux) AND o.etat <> 'vise' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG330',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas visé (%s) : seul un ordre visé se paie (circulaire 93/82 §2.1.6).', r.numero, r.etat);
    END IF;
    SELECT l.id, o.numero, l.montant, p.paye INTO r
      FROM (SELECT ligne_id, sum(montant) AS paye FROM tresorerie_paiement
             WHERE ligne_id IN (SELECT ligne_id FROM nouveaux) GROUP BY ligne_id) p
      JOIN depenses_ligneordredepense l ON l.id = p.ligne_id
      JOIN depenses_ordredepense o ON o.id = l.ordre_id
     WHERE p.paye > l.montant OR NOT EXISTS (SELECT 1 FROM nouveaux n WHERE n.ligne_id = l.id AND n.ordre_id = l.ordre_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG331',
            MESSAGE = format('L''ordre de dépense n° %s serait payé au-delà de son montant : %s € pour une ligne de %s €.',
                             r.numero, r.paye, r.montant);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER paiement_verifier AFTER INSERT ON tresorerie_paiement
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION tresorerie_paiement_verifier();

-- The payment mention (circ. 93/82 §2.1.6): written when, and only when, the
-- order goes from visé to payé, with its payments adding up to its amount;
-- never changed afterwards.
CREATE FUNCTION tresorerie_mention_paiement() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_paye numeric;
BEGIN
    IF OLD.paye_le IS NOT NULL AND ROW(NEW.paye_le, NEW.paiement_moyen, NEW.paiement_reference, NEW.paye_par_id)
       IS DISTINCT FROM ROW(OLD.paye_le, OLD.paiement_moyen, OLD.paiement_reference, OLD.paye_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG332',
            MESSAGE = format('La mention de paiement de l''ordre de dépense n° %s est portée : elle ne change plus.', OLD.numero);
    END IF;
    IF NEW.etat = 'paye' AND OLD.etat <> 'paye' THEN
        SELECT coalesce(sum(montant), 0) INTO v_paye FROM tresorerie_paiement WHERE ordre_id = NEW.id;
        IF NEW.paye_le IS NULL OR NEW.paye_par_id IS NULL OR v_paye <> NEW.montant THEN
            RAISE EXCEPTION USING ERRCODE = 'LG333',
                MESSAGE = format('L''ordre de dépense n° %s ne passe « payé » qu''avec sa mention de paiement et des paiements égaux à son montant (%s € payés sur %s €).',
                                 NEW.numero, v_paye, NEW.montant);
        END IF;
    ELSIF NEW.etat <> 'paye' AND NEW.paye_le IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG334',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas payé : il ne porte pas de mention de paiement.', NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER ordre_depense_mention_paiement BEFORE UPDATE ON depenses_ordredepense
    FOR EACH ROW EXECUTE FUNCTION tresorerie_mention_paiement();
