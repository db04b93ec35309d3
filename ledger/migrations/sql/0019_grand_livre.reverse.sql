DROP INDEX IF EXISTS ligne_grand_livre;
