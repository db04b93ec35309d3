DROP TRIGGER IF EXISTS interim_termes_figes ON personnes_interim;
DROP FUNCTION IF EXISTS personnes_interim_termes_figes();
ALTER TABLE personnes_interim DROP CONSTRAINT IF EXISTS interim_interimaire_nomme_par_le_conseil;
