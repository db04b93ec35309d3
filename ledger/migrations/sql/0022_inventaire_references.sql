-- The inventory's links to its entries get the existence check that replaced
-- the foreign keys to ledger_ecriture (0016; review of issue 16, M2).
--
-- inventaire.EtatInventaire.ecriture and inventaire.ContrepassationInventaire
-- .ecriture were declared with db_constraint=False from their first migration,
-- so 0016, which turned each existing foreign key into a check, found none
-- there: nothing checked that the entry they name exists. Same deferred
-- constraint trigger as 0016 creates (ledger_reference_existe, LG057).
-- tests/ledger/test_partitions.py checks that every field pointing at an
-- entry or a line has its check.
CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id
    ON inventaire_etatinventaire DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION ledger_reference_existe('ledger_ecriture', 'ecriture_id');
CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id
    ON inventaire_contrepassationinventaire DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION ledger_reference_existe('ledger_ecriture', 'ecriture_id');
