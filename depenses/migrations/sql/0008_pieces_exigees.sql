-- An ordre de dépense is signed only with its pièces joined or their
-- references written on it (circulaire 93/82 §2.1.3); ordres/migrations/sql/0002.
CREATE TRIGGER ordre_depense_pieces_exigees BEFORE UPDATE ON depenses_ordredepense
    FOR EACH ROW WHEN (OLD.etat = 'brouillon' AND NEW.etat = 'signe')
    EXECUTE FUNCTION ordres_pieces_exigees(
        'depenses_piecedepense', 'LG217', 'ordre de dépense', 'circulaire 93/82 §2.1.3');
