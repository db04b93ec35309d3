-- An ordre de recette is signed only with its pièces joined or their
-- references written on it (circulaire 93/82 §2.0.2); ordres/migrations/sql/0002.
CREATE TRIGGER ordre_pieces_exigees BEFORE UPDATE ON recettes_ordrerecette
    FOR EACH ROW WHEN (OLD.etat = 'brouillon' AND NEW.etat = 'signe')
    EXECUTE FUNCTION ordres_pieces_exigees(
        'recettes_piecejustificative', 'LG117', 'ordre de recette', 'circulaire 93/82 §2.0.2');
