-- Progress of long operations (core/progression.py): written through a
-- connection of its own, in autocommit, so that it is read while the
-- operation's transaction is still open. No foreign key: the row is written
-- outside that transaction, which may hold the only copy of what it names.
CREATE TABLE core_progression (
    id bigserial PRIMARY KEY,
    libelle text NOT NULL CHECK (libelle <> ''),
    cible text NOT NULL DEFAULT '',
    droit text NOT NULL DEFAULT '',
    utilisateur_id integer,
    pid integer,
    transaction_debut timestamptz,
    etat text NOT NULL DEFAULT 'en_cours'
        CHECK (etat IN ('en_cours', 'terminee', 'echouee')),
    etapes jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(etapes) = 'array'),
    message text NOT NULL DEFAULT '',
    debut timestamptz NOT NULL,
    duree double precision CHECK (duree >= 0),
    fin timestamptz,
    CHECK ((etat = 'en_cours') = (fin IS NULL))
);
CREATE INDEX core_progression_debut ON core_progression (debut DESC);
CREATE INDEX core_progression_cible ON core_progression (cible, debut DESC);
