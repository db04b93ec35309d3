-- The plan de contrôle's draw (circ. 93/82 §2.0.1.1; ordres/tirage.py): made
-- when the agent comptable takes a transmitted order in charge, the number
-- following from the recorded seed and the order it names, never changed.

CREATE FUNCTION recettes_tirage_verifier() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    SELECT n.cle, n.nombre, o.etat,
           'recette-' || x.annee || '-' || lpad(o.numero::text, 5, '0') AS attendue,
           ('x' || substr(encode(sha256(convert_to(n.graine || ':' || n.cle, 'UTF8')), 'hex'), 1, 15))
               ::bit(60)::bigint % 100 AS rejoue
      INTO r
      FROM nouveaux n
      JOIN recettes_ordrerecette o ON o.id = n.ordre_id
      JOIN ledger_exercice x ON x.id = o.exercice_id
     WHERE o.etat <> 'transmis'
        OR n.cle <> 'recette-' || x.annee || '-' || lpad(o.numero::text, 5, '0')
        OR n.nombre <> ('x' || substr(encode(sha256(convert_to(n.graine || ':' || n.cle, 'UTF8')), 'hex'), 1, 15))
               ::bit(60)::bigint % 100
     LIMIT 1;
    IF FOUND THEN
        IF r.etat <> 'transmis' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG120',
                MESSAGE = format('Le plan de contrôle tire un ordre de recette quand l''agent comptable le prend en charge : l''ordre %s est « %s ».', r.attendue, r.etat);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG121',
            MESSAGE = format('Le tirage « %s » ne suit pas de sa graine (nombre %s, la graine donne %s) ou ne nomme pas l''ordre tiré (« %s ») : un tirage se rejoue, il ne se choisit pas.', r.cle, r.nombre, r.rejoue, r.attendue);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tirage_verifier AFTER INSERT ON recettes_tiragecontrole
    REFERENCING NEW TABLE AS nouveaux
    FOR EACH STATEMENT EXECUTE FUNCTION recettes_tirage_verifier();
CREATE TRIGGER tirage_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON recettes_tiragecontrole
    FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser('Un tirage du plan de contrôle ne se modifie ni ne se supprime : il se rejoue.');
