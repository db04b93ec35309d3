-- Annexe art. 13 al. 2 speaks of « défaut de paiement des cotisations »: the
-- refusal of compulsory recovery for a debtor of the régime à titre
-- volontaire, and the avis à la caisse, concern only the claims of nature
-- cotisation or majoration (recouvrement.services.NATURES_DU_DIRECTEUR); a
-- rent of the same debtor is recovered by the procedures of al. 1 and the
-- caisse is not told of it. The guard now reads the claim, not only its mise
-- en demeure. And a réclamation is not recorded on a mise en demeure whose
-- compulsory recovery was already engaged (error codes of 0004: LG940-LG959).
--   LG943  compulsory recovery of the cotisations of a debtor of the régime à
--          titre volontaire / avis à la caisse for another debtor or another claim
--   LG945  réclamation recorded after compulsory recovery was engaged

CREATE FUNCTION recouvrement_defaut_constate(mise_id bigint, creance_id bigint, le date, poursuite boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    m record;
    r record;
    regime text;
    nature text;
BEGIN
    SELECT avis_reception_le, fin_delai, debiteur_id INTO m FROM recouvrement_miseendemeure WHERE id = mise_id;
    IF m.fin_delai IS NULL THEN
        RAISE EXCEPTION 'L''avis de réception de la mise en demeure n''est pas enregistré : le délai de trente jours n''a pas couru.'
            USING ERRCODE = 'LG940';
    END IF;
    IF le <= m.fin_delai THEN
        RAISE EXCEPTION 'Le délai de trente jours de la mise en demeure (avis de réception du %) court jusqu''au % inclus : rien avant le %.',
            to_char(m.avis_reception_le, 'DD/MM/YYYY'), to_char(m.fin_delai, 'DD/MM/YYYY'), to_char(m.fin_delai + 1, 'DD/MM/YYYY')
            USING ERRCODE = 'LG940';
    END IF;
    SELECT decision, fin_commission, saisie_le INTO r FROM recouvrement_recoursamiable WHERE mise_en_demeure_id = mise_id;
    IF FOUND AND r.decision = '' AND le <= r.fin_commission THEN
        RAISE EXCEPTION 'La commission de recours amiable, saisie le %, a jusqu''au % pour statuer.',
            to_char(r.saisie_le, 'DD/MM/YYYY'), to_char(r.fin_commission, 'DD/MM/YYYY')
            USING ERRCODE = 'LG941';
    END IF;
    IF FOUND AND r.decision = 'fondee' THEN
        RAISE EXCEPTION 'La commission de recours amiable a reconnu la réclamation fondée.'
            USING ERRCODE = 'LG942';
    END IF;
    SELECT d.regime INTO regime FROM recouvrement_debiteur d WHERE d.id = m.debiteur_id;
    SELECT o.nature INTO nature
      FROM recouvrement_creance c
      JOIN recettes_ligneordrerecette l ON l.id = c.ligne_id
      JOIN recettes_ordrerecette o ON o.id = l.ordre_id
     WHERE c.id = creance_id;
    IF poursuite AND regime = 'volontaire' AND nature IN ('cotisation', 'majoration') THEN
        RAISE EXCEPTION 'Le débiteur relève du régime à titre volontaire : la caisse est avisée du défaut de paiement des cotisations, il n''y a pas de recouvrement forcé.'
            USING ERRCODE = 'LG943';
    END IF;
    IF NOT poursuite AND (regime IS DISTINCT FROM 'volontaire' OR nature NOT IN ('cotisation', 'majoration')) THEN
        RAISE EXCEPTION 'L''avis à la caisse ne concerne que le défaut de paiement des cotisations (ou majorations) d''un débiteur relevant du régime à titre volontaire.'
            USING ERRCODE = 'LG943';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION recouvrement_poursuite_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recouvrement_miseendemeurecreance
                   WHERE mise_en_demeure_id = NEW.mise_en_demeure_id AND creance_id = NEW.creance_id) THEN
        RAISE EXCEPTION 'La créance poursuivie figure sur la mise en demeure.' USING ERRCODE = 'LG940';
    END IF;
    PERFORM recouvrement_defaut_constate(NEW.mise_en_demeure_id, NEW.creance_id, NEW.le, true);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION recouvrement_aviscaisse_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recouvrement_miseendemeurecreance
                   WHERE mise_en_demeure_id = NEW.mise_en_demeure_id AND creance_id = NEW.creance_id) THEN
        RAISE EXCEPTION 'La créance signalée figure sur la mise en demeure.' USING ERRCODE = 'LG940';
    END IF;
    PERFORM recouvrement_defaut_constate(NEW.mise_en_demeure_id, NEW.creance_id, NEW.le, false);
    RETURN NEW;
END $$;

DROP FUNCTION recouvrement_defaut_constate(bigint, date, boolean);

-- The réclamation: within the thirty days; the commission has one month; not
-- once compulsory recovery of a claim of the mise en demeure is engaged.
CREATE OR REPLACE FUNCTION recouvrement_recours_naissance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    m record;
    engagee date;
BEGIN
    SELECT avis_reception_le, fin_delai INTO m FROM recouvrement_miseendemeure WHERE id = NEW.mise_en_demeure_id;
    IF m.fin_delai IS NULL THEN
        RAISE EXCEPTION 'La réclamation se rapporte à une mise en demeure dont l''avis de réception est enregistré.'
            USING ERRCODE = 'LG945';
    END IF;
    IF NEW.saisie_le > m.fin_delai OR NEW.saisie_le < m.avis_reception_le THEN
        RAISE EXCEPTION 'La réclamation du % n''a pas été introduite dans le délai de trente jours de la mise en demeure (du % au %).',
            to_char(NEW.saisie_le, 'DD/MM/YYYY'), to_char(m.avis_reception_le, 'DD/MM/YYYY'), to_char(m.fin_delai, 'DD/MM/YYYY')
            USING ERRCODE = 'LG945';
    END IF;
    SELECT min(p.le) INTO engagee FROM recouvrement_poursuite p WHERE p.mise_en_demeure_id = NEW.mise_en_demeure_id;
    IF engagee IS NOT NULL THEN
        RAISE EXCEPTION 'Le recouvrement forcé a été engagé le % : la réclamation du % ne s''enregistre plus.',
            to_char(engagee, 'DD/MM/YYYY'), to_char(NEW.saisie_le, 'DD/MM/YYYY')
            USING ERRCODE = 'LG945';
    END IF;
    IF NEW.fin_commission IS DISTINCT FROM (NEW.saisie_le + interval '1 month')::date THEN
        RAISE EXCEPTION 'La commission de recours amiable statue dans le délai d''un mois à compter de sa saisine.'
            USING ERRCODE = 'LG945';
    END IF;
    IF NEW.decision <> '' THEN
        RAISE EXCEPTION 'La décision de la commission s''enregistre après la réclamation.' USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;
