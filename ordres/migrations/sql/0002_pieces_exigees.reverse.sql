DROP FUNCTION ordres_pieces_exigees();
