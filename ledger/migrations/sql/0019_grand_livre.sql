-- The grand livre by pages of keys (issue 16, point 3): an account's lines in
-- the order of the book, (date, entry, line), read from any key by one index
-- range; the exercise and the amounts included, so that the balance of the
-- lines of one day up to a key is read from the index alone. Created on the
-- parent table: on a partitioned ledger_ligne each partition gets its own.
CREATE INDEX ligne_grand_livre ON ledger_ligne (compte_id, date, ecriture_id, id)
    INCLUDE (exercice_id, debit, credit);
