-- Back to 0015 is not automated: the partitioned tables would have to be
-- rebuilt as plain ones and the other applications' foreign keys restored.
-- Restore the dump taken before the migration instead.
DO $$ BEGIN
    RAISE EXCEPTION 'La migration ledger 0016 (partitions par exercice) ne se défait pas : restaurez la sauvegarde prise avant.';
END $$;
