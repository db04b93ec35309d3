-- Payments that cannot escape an opposition, and batches that cannot pay from
-- nothing (circ. 93/82 §2.1.5; issue 10). Codes LG34x.

-- The agent comptable's decisions on held lines are never changed nor removed.
CREATE TRIGGER decision_opposition_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON tresorerie_decisionopposition
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(
        'Une décision de l''agent comptable sur une opposition ne se modifie ni ne se supprime.');

-- A creditor's share (a payment row without opposition) is refused while an
-- opposition in force on the batch's date still stops that line: matched by
-- the key of its identifier, or by name and IBAN for a line without one, or
-- applied to it by the agent comptable, and something of it remains after the
-- imputations already written (the batch writes its opposing parties' shares
-- first); and refused for a line held in doubt (name only, or IBAN only)
-- before the agent comptable decided. The rules of oppositions.rapprochement,
-- on the keys of oppositions/identifiants.py. Statement-level: a batch of
-- 10,000 rows is one check, and none when no opposition is in force.
CREATE FUNCTION tresorerie_paiement_oppositions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_le date;
BEGIN
    SELECT min(lot.date) INTO v_le FROM tresorerie_lotpaiement lot
     WHERE lot.id IN (SELECT DISTINCT lot_id FROM nouveaux);
    IF NOT EXISTS (SELECT 1 FROM oppositions_opposition
                    WHERE signifiee_le <= (SELECT max(lot.date) FROM tresorerie_lotpaiement lot
                                             WHERE lot.id IN (SELECT DISTINCT lot_id FROM nouveaux))
                      AND (mainlevee_le IS NULL OR mainlevee_le > v_le)) THEN
        RETURN NULL;
    END IF;
    WITH creancier AS MATERIALIZED (
        SELECT n.ligne_id, lot.date AS le, l.creancier, l.iban, o.numero, e.annee,
               oppositions_cle_identifiant(l.identifiant) AS cle,
               CASE WHEN oppositions_cle_identifiant(l.identifiant) = ''
                    THEN oppositions_cle_nom(l.creancier) ELSE '' END AS nom_cle
          FROM nouveaux n
          JOIN tresorerie_lotpaiement lot ON lot.id = n.lot_id
          JOIN depenses_ligneordredepense l ON l.id = n.ligne_id
          JOIN depenses_ordredepense o ON o.id = l.ordre_id
          JOIN ledger_exercice e ON e.id = o.exercice_id
         WHERE n.opposition_id IS NULL
    ), vigueur AS MATERIALIZED (
        SELECT op.id, op.creancier_nom, op.creancier_cle, op.creancier_nom_cle, op.creancier_iban,
               op.signifiee_le, op.mainlevee_le,
               op.montant - coalesce((SELECT sum(i.montant) FROM oppositions_imputation i
                                       WHERE i.opposition_id = op.id), 0) AS reste
          FROM oppositions_opposition op
         WHERE op.mainlevee_le IS NULL OR op.mainlevee_le > v_le
    )
    SELECT c.annee, c.numero, c.creancier, c.le, v.id AS opposition, v.creancier_nom, v.reste,
           (c.cle <> '' AND c.cle = v.creancier_cle)
           OR (c.cle = '' AND c.nom_cle = v.creancier_nom_cle AND v.creancier_iban <> ''
               AND v.creancier_iban = c.iban)
           OR d.decision = 'appliquer' AS appliquee
      INTO r
      FROM creancier c
      JOIN vigueur v
        ON v.signifiee_le <= c.le AND (v.mainlevee_le IS NULL OR v.mainlevee_le > c.le)
       AND v.reste > 0
       AND ((c.cle <> '' AND c.cle = v.creancier_cle)
            OR (c.cle = '' AND c.nom_cle <> '' AND c.nom_cle = v.creancier_nom_cle)
            OR (v.creancier_iban <> '' AND v.creancier_iban = c.iban))
      LEFT JOIN tresorerie_decisionopposition d ON d.ligne_id = c.ligne_id AND d.opposition_id = v.id
     WHERE d.decision IS DISTINCT FROM 'lever'
     LIMIT 1;
    IF FOUND AND r.appliquee THEN
        RAISE EXCEPTION USING ERRCODE = 'LG340',
            MESSAGE = format('L''ordre de dépense n° %s-%s paierait %s alors que l''opposition n° %s (%s) arrête encore %s de ce paiement : l''opposant est payé d''abord (circulaire 93/82 §2.1.5).',
                             r.annee, lpad(r.numero::text, 5, '0'), r.creancier, r.opposition, r.creancier_nom,
                             budget_euros(r.reste));
    ELSIF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG341',
            MESSAGE = format('Le paiement de %s (ordre de dépense n° %s-%s) est en attente de décision de l''agent comptable : l''opposition n° %s (%s) le vise peut-être (circulaire 93/82 §2.1.5).',
                             r.creancier, r.annee, lpad(r.numero::text, 5, '0'), r.opposition, r.creancier_nom);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER paiement_oppositions AFTER INSERT ON tresorerie_paiement
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION tresorerie_paiement_oppositions();

-- A batch never leaves its account's book balance (the daily totals of its
-- class 5 account in the exercise of the batch's date, up to that date, the
-- batch's own entry included: it is posted before the batch row) below the
-- overdraft authorised for the account. The account's row is locked first,
-- as the service does, so two batches on one account are checked one after
-- the other.
CREATE FUNCTION tresorerie_lot_solde() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    c record;
    v_solde numeric;
BEGIN
    SELECT cd.libelle, cd.compte_id, cd.decouvert_autorise, lc.numero INTO c
      FROM tresorerie_comptedisponibilite cd JOIN ledger_compte lc ON lc.id = cd.compte_id
     WHERE cd.id = NEW.compte_id FOR UPDATE OF cd;
    SELECT coalesce(sum(cu.debit) - sum(cu.credit), 0) INTO v_solde
      FROM ledger_cumul cu
     WHERE cu.compte_id = c.compte_id AND cu.exercice_id = NEW.exercice_id AND cu.date <= NEW.date;
    IF v_solde < -c.decouvert_autorise THEN
        RAISE EXCEPTION USING ERRCODE = 'LG342',
            MESSAGE = format('Le lot de paiements laisserait le compte « %s » (%s) à un solde comptable de %s, en deçà du découvert autorisé (%s) : solde comptable %s, lot %s.',
                             c.libelle, c.numero, budget_euros(v_solde),
                             budget_euros(c.decouvert_autorise),
                             budget_euros(v_solde + NEW.total), budget_euros(NEW.total));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER lot_solde AFTER INSERT ON tresorerie_lotpaiement
    FOR EACH ROW EXECUTE FUNCTION tresorerie_lot_solde();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON tresorerie_decisionopposition FROM caisse_app;
    END IF;
END $$;
