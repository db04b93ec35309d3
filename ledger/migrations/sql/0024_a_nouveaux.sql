-- The journal of the à-nouveaux holds the opening balances of an exercise:
-- the closing balances of the one before (ledger.services.cloture,
-- a_nouveaux_passer) or, in a fund's first year, those taken over from its
-- former system. Such an entry is dated the exercise's first day (LG092) and
-- carries no charge or produit account, classes 6 and 7 (LG093):
-- an à-nouveau dated in December, or on a class 6 account, rewrites the
-- opening balances the previous exercise's closing gave.

-- 1. Every entry written to the ledger (posting, validation of a recorded
--    entry, bulk import, raw SQL): one pass over the statement's new entries.
CREATE FUNCTION ledger_ecriture_verifier_a_nouveaux() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    r record;
BEGIN
    SELECT n.date, x.annee, j.code INTO r
      FROM nouvelles n
      JOIN ledger_journal j ON j.id = n.journal_id AND j.a_nouveaux
      JOIN ledger_exercice x ON x.id = n.exercice_id
     WHERE n.date <> make_date(x.annee, 1, 1)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG092',
            MESSAGE = format('Le journal des à-nouveaux (%s) ne reçoit que les soldes d''ouverture, '
                             'datés du premier jour de l''exercice (01/01/%s), pas du %s.',
                             r.code, r.annee, to_char(r.date, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER ecriture_verifier_a_nouveaux AFTER INSERT ON ledger_ecriture
    REFERENCING NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_ecriture_verifier_a_nouveaux();

-- 2. A recorded entry (migration 0023) is refused at once, not at its
--    validation: its date and its accounts.
CREATE FUNCTION ledger_enregistrement_verifier_a_nouveaux() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_code text;
    v_annee integer;
    v_compte text;
BEGIN
    SELECT j.code INTO v_code FROM ledger_journal j WHERE j.id = NEW.journal_id AND j.a_nouveaux;
    IF NOT FOUND THEN
        RETURN NEW;
    END IF;
    SELECT x.annee INTO v_annee FROM ledger_exercice x WHERE x.id = NEW.exercice_id;
    IF NEW.date <> make_date(v_annee, 1, 1) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG092',
            MESSAGE = format('Le journal des à-nouveaux (%s) ne reçoit que les soldes d''ouverture, '
                             'datés du premier jour de l''exercice (01/01/%s), pas du %s.',
                             v_code, v_annee, to_char(NEW.date, 'DD/MM/YYYY'));
    END IF;
    SELECT c.numero INTO v_compte FROM ledger_compte c
     WHERE c.id = ANY (NEW.compte_ids) AND c.classe IN (6, 7)
     ORDER BY c.numero LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG093',
            MESSAGE = format('Le journal des à-nouveaux (%s) ne reprend pas les comptes de charges '
                             'et de produits (classes 6 et 7) : le compte %s en est un.',
                             v_code, v_compte);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER enregistrement_verifier_a_nouveaux BEFORE INSERT ON ledger_enregistrement
    FOR EACH ROW EXECUTE FUNCTION ledger_enregistrement_verifier_a_nouveaux();
