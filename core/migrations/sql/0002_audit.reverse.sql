DROP TRIGGER IF EXISTS audit_pas_de_vidage ON core_journalaudit;
DROP TRIGGER IF EXISTS audit_ajout_seul ON core_journalaudit;
DROP FUNCTION IF EXISTS caisse_refuser();
