-- Back to 0006's guard, which counted the à-nouveaux' lines as well.
CREATE OR REPLACE FUNCTION tresorerie_caisse_arretee() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    SELECT d.nature, d.libelle, e.date AS date_ligne, a.date AS date_arrete, a.le
      INTO r
      FROM nouvelles_lignes n
      JOIN tresorerie_comptedisponibilite d
        ON d.compte_id = n.compte_id AND d.nature IN ('caisse', 'regie')
      JOIN ledger_ecriture e ON e.id = n.ecriture_id
      JOIN LATERAL (
            SELECT a.date, a.le FROM tresorerie_arretecaisse a
             WHERE a.compte_id = d.id AND a.date >= e.date
             ORDER BY a.date DESC LIMIT 1
      ) a ON true
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG350',
            MESSAGE = format(
                '%s « %s » a été arrêtée le %s à %s pour la journée du %s : aucun mouvement n''y est plus enregistré à cette date ni avant (écriture datée du %s), sans quoi l''arrêté ne serait plus juste. Enregistrez-le sur la journée du %s, à l''ouverture de la caisse (circulaire 93/82 §2.2).',
                CASE r.nature WHEN 'regie' THEN 'La régie' ELSE 'La caisse' END,
                r.libelle,
                -- The fund's time zone (settings.TIME_ZONE); the connection's is UTC.
                to_char(r.le AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY'),
                to_char(r.le AT TIME ZONE 'Europe/Paris', 'HH24:MI'),
                to_char(r.date_arrete, 'DD/MM/YYYY'),
                to_char(r.date_ligne, 'DD/MM/YYYY'),
                -- The next working day, as tresorerie.services.caisse.jour_ouvre_suivant.
                to_char(r.date_arrete + CASE extract(isodow FROM r.date_arrete)
                                            WHEN 5 THEN 3 WHEN 6 THEN 2 ELSE 1 END,
                        'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;
