-- empreinte: 72608592da1083c573b777870a035312fee6da9fcc654155ea59f963097c175b
-- postgresql: 16
-- utilisateur: postgres
-- Produit par `make base-tests` (tests/gabarit.py) : ne pas modifier à la main.
--
-- PostgreSQL database dump
--

-- Dumped from database version 16.2
-- Dumped by pg_dump version 16.2

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: ledger_ecritures_groupe; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ledger_ecritures_groupe AS (
	exercice_id bigint,
	journal_id bigint,
	nombre bigint,
	premier integer,
	dernier integer,
	rang_premier bigint,
	rang_dernier bigint,
	id_min bigint,
	id_max bigint,
	autre_tx boolean,
	date_min date,
	date_max date,
	auteur_min integer,
	auteur_max integer,
	contrepassations bigint,
	rompue boolean,
	tete text,
	derniere text
);


--
-- Name: ledger_lignes_groupe; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ledger_lignes_groupe AS (
	exercice_id bigint,
	compte_id bigint,
	date date,
	journal_id bigint,
	debit numeric,
	credit numeric,
	orphelines bigint,
	etrangeres bigint,
	decalees bigint
);


--
-- Name: reglementation_textrange; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.reglementation_textrange AS RANGE (
    subtype = text,
    multirange_type_name = public.reglementation_textmultirange,
    collation = pg_catalog."C"
);


--
-- Name: budget_credit_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.budget_credit_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_etat text;
    v_annee integer;
    s record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM budget_mouvementcredit WHERE credit_id = OLD.id)
           OR EXISTS (SELECT 1 FROM budget_modificationcredit WHERE credit_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB09',
                MESSAGE = format('Le crédit du chapitre %s porte des mouvements ou des modifications : il ne peut pas être supprimé.', OLD.chapitre);
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'INSERT' THEN
        SELECT etat, annee INTO v_etat, v_annee FROM ledger_exercice WHERE id = NEW.exercice_id;
        IF v_etat = 'clos' THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB08',
                MESSAGE = format('L''exercice %s est clos : ses crédits ne s''ouvrent ni ne bougent plus.', v_annee);
        END IF;
        IF NEW.modifications <> 0 OR NEW.engage <> 0 OR NEW.ordonnance <> 0 OR NEW.paye <> 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB03',
                MESSAGE = 'Un crédit s''ouvre sans modification, engagement, ordonnancement ni paiement : ces totaux sont tenus par la base.';
        END IF;
    ELSE
        IF NEW.exercice_id <> OLD.exercice_id OR NEW.chapitre <> OLD.chapitre
           OR NEW.montant_initial <> OLD.montant_initial OR NEW.id <> OLD.id THEN
            RAISE EXCEPTION USING ERRCODE = 'LGB02',
                MESSAGE = format('L''exercice, le chapitre et le montant initial du crédit %s ne se modifient pas : passez une décision modificative.', OLD.chapitre);
        END IF;
        IF ROW(NEW.modifications, NEW.engage, NEW.ordonnance, NEW.paye)
           IS DISTINCT FROM ROW(OLD.modifications, OLD.engage, OLD.ordonnance, OLD.paye) THEN
            SELECT coalesce((SELECT sum(montant) FROM budget_modificationcredit WHERE credit_id = NEW.id), 0) AS modifications,
                   coalesce(sum(montant) FILTER (WHERE nature = 'engagement'), 0) AS engage,
                   coalesce(sum(montant) FILTER (WHERE nature = 'ordonnancement'), 0) AS ordonnance,
                   coalesce(sum(montant) FILTER (WHERE nature = 'paiement'), 0) AS paye
              INTO s
              FROM budget_mouvementcredit WHERE credit_id = NEW.id;
            IF ROW(NEW.modifications, NEW.engage, NEW.ordonnance, NEW.paye)
               IS DISTINCT FROM ROW(s.modifications, s.engage, s.ordonnance, s.paye) THEN
                RAISE EXCEPTION USING ERRCODE = 'LGB01',
                    MESSAGE = format('Les totaux du crédit %s sont tenus par la base à partir de ses mouvements et modifications : ils ne se modifient pas directement.', OLD.chapitre);
            END IF;
        END IF;
    END IF;

    IF NEW.montant_initial < 0 OR NEW.paye < 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB07',
            MESSAGE = format('Au chapitre %s (%s), ni les crédits initiaux ni les paiements ne peuvent être négatifs.', NEW.chapitre, NEW.libelle);
    END IF;
    IF NEW.engage > NEW.montant_initial + NEW.modifications THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB04',
            MESSAGE = format('Crédits insuffisants au chapitre %s (%s) : les engagements (%s) dépasseraient les crédits ouverts (%s) (circulaire 93/82 §2.1.2).',
                             NEW.chapitre, NEW.libelle, budget_euros(NEW.engage), budget_euros(NEW.montant_initial + NEW.modifications));
    END IF;
    IF NEW.ordonnance > NEW.engage THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB05',
            MESSAGE = format('Au chapitre %s (%s), les ordonnancements (%s) dépasseraient les engagements (%s) : on n''ordonnance que ce qui est engagé (circulaire 93/82 §2.1.0).',
                             NEW.chapitre, NEW.libelle, budget_euros(NEW.ordonnance), budget_euros(NEW.engage));
    END IF;
    IF NEW.paye > NEW.ordonnance THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB06',
            MESSAGE = format('Au chapitre %s (%s), les paiements (%s) dépasseraient les ordonnancements (%s) : on ne paie que ce qui est ordonnancé (circulaire 93/82 §2.1.0).',
                             NEW.chapitre, NEW.libelle, budget_euros(NEW.paye), budget_euros(NEW.ordonnance));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: budget_credits_verrouiller(bigint[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.budget_credits_verrouiller(p_ids bigint[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
    v_trouves integer;
BEGIN
    PERFORM 1 FROM budget_credit WHERE id = ANY (p_ids) ORDER BY id FOR UPDATE;
    -- The credits' exercises, share-locked until commit: a closure (which
    -- locks the exercise FOR UPDATE) waits for a movement in flight, and a
    -- movement that waited for a closure then reads the exercise closed.
    -- Movements share the lock, so they never wait on each other.
    PERFORM 1 FROM ledger_exercice
     WHERE id IN (SELECT exercice_id FROM budget_credit WHERE id = ANY (p_ids))
     ORDER BY id FOR SHARE;
    SELECT count(*) INTO v_trouves FROM budget_credit WHERE id = ANY (p_ids);
    IF v_trouves <> cardinality(p_ids) THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB10', MESSAGE = 'Le crédit du mouvement n''existe pas.';
    END IF;
    SELECT c.chapitre, x.annee INTO r
      FROM budget_credit c JOIN ledger_exercice x ON x.id = c.exercice_id
     WHERE c.id = ANY (p_ids) AND x.etat = 'clos'
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LGB08',
            MESSAGE = format('L''exercice %s est clos : ses crédits ne s''ouvrent ni ne bougent plus (chapitre %s).', r.annee, r.chapitre);
    END IF;
END;
$$;


--
-- Name: budget_euros(numeric); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.budget_euros(v numeric) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT replace(replace(to_char(v, 'FM999,999,999,999,999,990.00'), ',', U&'\00A0'), '.', ',')
           || U&'\00A0€'
$$;


--
-- Name: budget_modification_reporter(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.budget_modification_reporter() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM budget_credits_verrouiller(ARRAY(SELECT DISTINCT credit_id FROM nouvelles));
    UPDATE budget_credit c
       SET modifications = c.modifications + t.montant
      FROM (SELECT credit_id, sum(montant) AS montant FROM nouvelles GROUP BY credit_id) t
     WHERE c.id = t.credit_id;
    RETURN NULL;
END;
$$;


--
-- Name: budget_mouvement_reporter(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.budget_mouvement_reporter() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM budget_credits_verrouiller(ARRAY(SELECT DISTINCT credit_id FROM nouveaux));
    UPDATE budget_credit c
       SET engage = c.engage + t.engage,
           ordonnance = c.ordonnance + t.ordonnance,
           paye = c.paye + t.paye
      FROM (SELECT credit_id,
                   coalesce(sum(montant) FILTER (WHERE nature = 'engagement'), 0) AS engage,
                   coalesce(sum(montant) FILTER (WHERE nature = 'ordonnancement'), 0) AS ordonnance,
                   coalesce(sum(montant) FILTER (WHERE nature = 'paiement'), 0) AS paye
              FROM nouveaux GROUP BY credit_id) t
     WHERE c.id = t.credit_id;
    RETURN NULL;
END;
$$;


--
-- Name: caisse_refuser(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.caisse_refuser() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'LG001', MESSAGE = TG_ARGV[0];
END;
$$;


--
-- Name: comptes_annuels_approbation_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.comptes_annuels_approbation_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM comptes_annuels_transmissioncomptes t
         WHERE t.exercice_id = NEW.exercice_id AND t.transmis_le <= NEW.approuve_le
    ) THEN
        RAISE EXCEPTION 'Les comptes annuels ne s''approuvent qu''une fois transmis au comité d''examen des comptes et au directeur régional, et après leur transmission (D613-41).'
            USING ERRCODE = 'LG883';
    END IF;
    IF EXISTS (
        SELECT 1 FROM comptes_annuels_renvoiministre r
         WHERE r.exercice_id = NEW.exercice_id
           AND (NEW.autorite <> 'ministre' OR r.transmis_le > NEW.approuve_le)
    ) THEN
        RAISE EXCEPTION 'Les comptes annuels transmis au ministre pour approbation sont approuvés par le ministre, après leur transmission (D613-41).'
            USING ERRCODE = 'LG884';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: comptes_annuels_apres_transmission(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.comptes_annuels_apres_transmission() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    jour date;
BEGIN
    -- One statement per table: PL/pgSQL resolves NEW's fields when it runs one.
    IF TG_TABLE_NAME = 'comptes_annuels_aviscodec' THEN
        jour := NEW.rendu_le;
    ELSE
        jour := NEW.transmis_le;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM comptes_annuels_transmissioncomptes t
         WHERE t.exercice_id = NEW.exercice_id AND t.transmis_le <= jour
    ) THEN
        RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = TG_ARGV[1];
    END IF;
    RETURN NEW;
END $$;


--
-- Name: comptes_annuels_comptefinancier_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.comptes_annuels_comptefinancier_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    dernier int;
BEGIN
    -- Two establishments at once that read the same last number: the UNIQUE
    -- index on numero makes the second wait for the first, then fail.
    SELECT coalesce(max(numero), 0) INTO dernier FROM comptes_annuels_comptefinancier;
    IF NEW.numero <> dernier + 1 THEN
        RAISE EXCEPTION 'Le compte financier doit porter le numéro % (numérotation sans interruption).',
            dernier + 1 USING ERRCODE = 'CA010';
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM ledger_balancefigee b
         WHERE b.id = NEW.balance_id AND b.exercice_id = NEW.exercice_id
           AND b.nature = 'apres_inventaire'
    ) THEN
        RAISE EXCEPTION 'Le compte financier s''établit sur la balance après inventaire figée de son exercice.'
            USING ERRCODE = 'CA011';
    END IF;
    IF EXISTS (SELECT 1 FROM ledger_exercice x WHERE x.id = NEW.exercice_id AND x.etat = 'ouvert') THEN
        RAISE EXCEPTION 'Le compte financier ne s''établit pas pour un exercice encore ouvert.'
            USING ERRCODE = 'CA012';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: comptes_annuels_correspondance_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.comptes_annuels_correspondance_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    annee_close int;
BEGIN
    SELECT max(e.annee) INTO annee_close
      FROM ledger_exercice e
     WHERE e.etat = 'clos' AND make_date(e.annee, 12, 31) >= NEW.valable_du;
    IF annee_close IS NOT NULL THEN
        RAISE EXCEPTION 'L''exercice % est clos : une correspondance ne peut prendre effet avant le 1er janvier %.',
            annee_close, annee_close + 1
            USING ERRCODE = 'CA001';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: comptes_annuels_quitus_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.comptes_annuels_quitus_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    dernier record;
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM comptes_annuels_approbation a
         WHERE a.exercice_id = NEW.exercice_id AND a.approuve_le <= NEW.donne_le
    ) THEN
        RAISE EXCEPTION 'Le conseil d''administration ne peut délivrer quitus à l''agent comptable que lorsque les comptes sont approuvés (circulaire 93/82 §IV).'
            USING ERRCODE = 'LG885';
    END IF;
    IF NEW.qualite = 'fonde_de_pouvoir' THEN
        SELECT v.id, v.favorable INTO dernier
          FROM comptes_annuels_avisfonde v
         WHERE v.exercice_id = NEW.exercice_id AND v.fonde_id = NEW.beneficiaire_id
         ORDER BY v.rendu_le DESC, v.id DESC
         LIMIT 1;
        IF NOT FOUND OR NEW.avis_id IS DISTINCT FROM dernier.id OR NOT dernier.favorable THEN
            RAISE EXCEPTION 'Le quitus donné aux fondés de pouvoir est subordonné à l''avis favorable de l''agent comptable (circulaire 93/82 §IV) : le dernier avis sur ce fondé de pouvoir pour cet exercice doit être favorable.'
                USING ERRCODE = 'LG886';
        END IF;
    ELSIF NEW.qualite <> 'agent_comptable' THEN
        RAISE EXCEPTION 'Le quitus se donne à l''agent comptable ou à un fondé de pouvoir.'
            USING ERRCODE = 'LG887';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: comptes_annuels_transmission_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.comptes_annuels_transmission_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM ledger_arretecomptes a
         WHERE a.exercice_id = NEW.exercice_id AND a.arrete_le <= NEW.transmis_le
    ) THEN
        RAISE EXCEPTION 'Les comptes annuels se transmettent une fois arrêtés par le conseil d''administration, et au plus tôt le jour de l''arrêté (D613-41).'
            USING ERRCODE = 'LG880';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: core_jeton_fige(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.core_jeton_fige() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF ROW(NEW.nonce, NEW.utilisateur_id, NEW.chemin, NEW.le, NEW.empreinte)
       IS DISTINCT FROM ROW(OLD.nonce, OLD.utilisateur_id, OLD.chemin, OLD.le, OLD.empreinte)
       OR (OLD.vers <> '' AND NEW.vers IS DISTINCT FROM OLD.vers) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG002',
            MESSAGE = 'Un jeton de formulaire consommé ne se modifie pas : seule la page où l''acte a conduit s''y inscrit, une fois.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: depenses_ordre_requis_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.depenses_ordre_requis_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_requisition bigint;
    r record;
BEGIN
    SELECT id INTO v_requisition FROM depenses_requisition WHERE ordre_id = NEW.id;
    SELECT decision, par_id, ecriture_id INTO r FROM depenses_reponserequisition WHERE requisition_id = v_requisition;
    IF NEW.etat = 'requis' AND (v_requisition IS NULL OR r.decision IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG274',
            MESSAGE = format('L''ordre de dépense n° %s ne devient requis que par la réquisition écrite du directeur (circulaire 93/82 §2.1.9.0).', NEW.numero);
    END IF;
    IF OLD.etat = 'requis' AND NEW.etat = 'vise'
       AND (r.decision IS DISTINCT FROM 'defere' OR r.par_id IS DISTINCT FROM NEW.vise_par_id
            OR r.ecriture_id IS DISTINCT FROM NEW.ecriture_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG275',
            MESSAGE = format('L''ordre de dépense n° %s requis n''est visé que par l''agent comptable qui défère à la réquisition, sur l''écriture passée en son nom (circulaire 93/82 §1.1.1, §2.1.9.0).', NEW.numero);
    END IF;
    IF OLD.etat = 'requis' AND NEW.etat = 'suspendu' AND r.decision IS DISTINCT FROM 'refus' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG276',
            MESSAGE = format('L''ordre de dépense n° %s requis ne revient suspendu que par le refus motivé de l''agent comptable de déférer (circulaire 93/82 §2.1.9.0).', NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: depenses_paiement_separation(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.depenses_paiement_separation() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v record;
BEGIN
    WITH payes AS (
        SELECT n.id, n.exercice_id, n.numero, n.paye_par_id
          FROM nouveaux n JOIN anciens o ON o.id = n.id
         WHERE n.paye_par_id IS NOT NULL AND n.paye_par_id IS DISTINCT FROM o.paye_par_id
    ), fautes AS (
        SELECT p.*, 'a signé' AS fait
          FROM payes p JOIN depenses_signaturedepense s
            ON s.ordre_id = p.id AND s.signataire_id = p.paye_par_id
        UNION ALL
        SELECT p.*, 'a attesté le service fait de'
          FROM payes p JOIN depenses_servicefait f
            ON f.ordre_id = p.id AND f.atteste_par_id = p.paye_par_id
        UNION ALL
        SELECT p.*, 'a requis le paiement de'
          FROM payes p JOIN depenses_requisition r
            ON r.ordre_id = p.id AND r.requis_par_id = p.paye_par_id
        UNION ALL
        SELECT p.*, 'a émis'
          FROM payes p JOIN depenses_ordredepense o
            ON o.id = p.id AND o.cree_par_id = p.paye_par_id
    )
    SELECT f.fait, f.numero, e.annee, personnes_nom(f.paye_par_id) AS nom INTO v
      FROM fautes f JOIN ledger_exercice e ON e.id = f.exercice_id
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG230',
            MESSAGE = format('%s %s l''ordre de dépense n° %s-%s comme ordonnateur : une même personne ne peut pas aussi le payer (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1).',
                             v.nom, v.fait, v.annee, lpad(v.numero::text, 5, '0'));
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: depenses_reimputation_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.depenses_reimputation_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    o record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG280',
            MESSAGE = 'Un certificat de réimputation ne se supprime pas : l''agent comptable le rejette.';
    END IF;
    SELECT gestion, numero, etat INTO o FROM depenses_ordredepense WHERE id = NEW.ordre_id;
    IF TG_OP = 'INSERT' THEN
        IF NEW.etat <> 'delivre' OR NEW.ecriture_id IS NOT NULL OR NEW.traite_par_id IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG281',
                MESSAGE = 'Un certificat de réimputation est délivré par le directeur ; l''agent comptable le prend en charge ensuite (circulaire 93/82 §2.1.4, §1.1.1).';
        END IF;
        IF o.gestion <> 'budgetaire' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG282',
                MESSAGE = format('L''ordre de dépense n° %s ne relève pas des gestions budgétaires : le certificat de réimputation ne rectifie que leurs opérations (circulaire 93/82 §2.1.4).', o.numero);
        END IF;
        RETURN NEW;
    END IF;
    IF ROW(NEW.id, NEW.ordre_id, NEW.ancien_compte_id, NEW.nouveau_compte_id, NEW.motif, NEW.par_id, NEW.qualite, NEW.le)
       IS DISTINCT FROM ROW(OLD.id, OLD.ordre_id, OLD.ancien_compte_id, OLD.nouveau_compte_id, OLD.motif, OLD.par_id, OLD.qualite, OLD.le) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG283',
            MESSAGE = 'Un certificat de réimputation délivré ne se modifie pas : l''agent comptable le rejette et le directeur en délivre un autre.';
    END IF;
    IF OLD.etat <> 'delivre' OR NEW.etat NOT IN ('pris_en_charge', 'rejete') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG284',
            MESSAGE = 'Un certificat de réimputation n''est pris en charge ou rejeté qu''une fois.';
    END IF;
    IF NEW.traite_par_id IS NULL OR NEW.traite_par_id = NEW.par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG285',
            MESSAGE = 'Celui qui a délivré le certificat de réimputation ne le prend pas en charge : une même personne ne peut être à la fois ordonnateur et comptable (circulaire 93/82 §2.4.0).';
    END IF;
    IF NEW.etat = 'pris_en_charge'
       AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = NEW.ecriture_id AND e.passee_par_id = NEW.traite_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG286',
            MESSAGE = 'Le certificat de réimputation est passé en écriture au nom de l''agent comptable qui le prend en charge (circulaire 93/82 §1.1.1).';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: depenses_reponse_requisition_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.depenses_reponse_requisition_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    SELECT q.requis_par_id, o.etat, o.numero INTO r
      FROM depenses_requisition q JOIN depenses_ordredepense o ON o.id = q.ordre_id
     WHERE q.id = NEW.requisition_id;
    IF r.etat IS DISTINCT FROM 'requis' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG271',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas requis : il n''y a pas de réquisition à laquelle répondre.', r.numero);
    END IF;
    IF NEW.par_id = r.requis_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG272',
            MESSAGE = 'Celui qui a requis ne répond pas à sa propre réquisition : une même personne ne peut être à la fois ordonnateur et comptable (circulaire 93/82 §2.4.0).';
    END IF;
    IF NEW.decision = 'defere'
       AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = NEW.ecriture_id AND e.passee_par_id = NEW.par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG273',
            MESSAGE = format('Le visa sur réquisition de l''ordre de dépense n° %s est passé au nom de l''agent comptable qui défère : la tenue de la comptabilité ne peut faire l''objet d''une délégation (circulaire 93/82 §1.1.1).', r.numero);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: depenses_requisition_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.depenses_requisition_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_etat text;
    v_numero integer;
BEGIN
    SELECT etat, numero INTO v_etat, v_numero FROM depenses_ordredepense WHERE id = NEW.ordre_id;
    IF v_etat IS DISTINCT FROM 'suspendu' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG270',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas suspendu : le directeur ne requiert l''agent comptable qu''après une suspension (circulaire 93/82 §2.1.9.0).', v_numero);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: depenses_tirage_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.depenses_tirage_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    SELECT n.cle, n.nombre, o.etat,
           'depense-' || x.annee || '-' || lpad(o.numero::text, 5, '0') AS attendue,
           ('x' || substr(encode(sha256(convert_to(n.graine || ':' || n.cle, 'UTF8')), 'hex'), 1, 15))
               ::bit(60)::bigint % 100 AS rejoue
      INTO r
      FROM nouveaux n
      JOIN depenses_ordredepense o ON o.id = n.ordre_id
      JOIN ledger_exercice x ON x.id = o.exercice_id
     WHERE o.etat <> 'transmis'
        OR n.cle <> 'depense-' || x.annee || '-' || lpad(o.numero::text, 5, '0')
        OR n.nombre <> ('x' || substr(encode(sha256(convert_to(n.graine || ':' || n.cle, 'UTF8')), 'hex'), 1, 15))
               ::bit(60)::bigint % 100
     LIMIT 1;
    IF FOUND THEN
        IF r.etat <> 'transmis' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG250',
                MESSAGE = format('Le plan de contrôle tire un ordre de dépense quand l''agent comptable le vise : l''ordre %s est « %s ».', r.attendue, r.etat);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG251',
            MESSAGE = format('Le tirage « %s » ne suit pas de sa graine (nombre %s, la graine donne %s) ou ne nomme pas l''ordre tiré (« %s ») : un tirage se rejoue, il ne se choisit pas.', r.cle, r.nombre, r.rejoue, r.attendue);
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: inventaire_article_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.inventaire_article_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n JOIN inventaire_etatinventaire e ON e.id = n.etat_id
        WHERE e.tx <> txid_current() OR e.tx_serveur <> pg_postmaster_start_time()
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG851',
            MESSAGE = 'Un état d''inventaire signé est figé : aucun article ne s''y ajoute.';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: inventaire_etat_numeroter(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.inventaire_etat_numeroter() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    attendu integer;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('inventaire_etat'), NEW.exercice_id::integer);
    SELECT coalesce(max(numero), 0) + 1 INTO attendu
        FROM inventaire_etatinventaire WHERE exercice_id = NEW.exercice_id;
    IF NEW.numero <> attendu THEN
        RAISE EXCEPTION USING ERRCODE = 'LG850',
            MESSAGE = format('Les états d''inventaire d''un exercice se numérotent sans interruption : le suivant porte le n° %s, non %s.', attendu, NEW.numero);
    END IF;
    NEW.tx := txid_current();
    NEW.tx_serveur := pg_postmaster_start_time();
    RETURN NEW;
END $$;


--
-- Name: ledger_arretecomptes_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_arretecomptes_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n
          LEFT JOIN ledger_exercice x ON x.id = n.exercice_id
         WHERE x.id IS NULL OR x.etat <> 'complementaire'
    ) THEN
        RAISE EXCEPTION 'L''arrêté des comptes s''enregistre pendant la période complémentaire de l''exercice.'
            USING ERRCODE = 'LG062';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: ledger_balancefigee_marquer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_balancefigee_marquer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    NEW.tx := pg_current_xact_id();
    NEW.tx_serveur := pg_postmaster_start_time();
    RETURN NEW;
END $$;


--
-- Name: ledger_chaine_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_chaine_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_rang bigint;
    v_empreinte text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.exercice_id <> OLD.exercice_id THEN
            RAISE EXCEPTION USING ERRCODE = 'LG024', MESSAGE = 'La chaîne d''empreintes ne change pas d''exercice.';
        END IF;
        SELECT rang, empreinte INTO v_rang, v_empreinte FROM ledger_ecriture
         WHERE exercice_id = NEW.exercice_id ORDER BY rang DESC LIMIT 1;
    END IF;
    IF NEW.dernier_rang <> coalesce(v_rang, 0)
       OR NEW.derniere_empreinte <> coalesce(v_empreinte, repeat('0', 64)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG024',
            MESSAGE = 'La tête de la chaîne d''empreintes doit désigner la dernière écriture passée.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: ledger_compteur_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_compteur_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_max integer;
BEGIN
    -- A new counter starts at zero (INSERT ... ON CONFLICT runs this too).
    IF TG_OP = 'INSERT' THEN
        v_max := 0;
    ELSE
        SELECT coalesce(max(numero), 0) INTO v_max FROM ledger_ecriture
         WHERE exercice_id = NEW.exercice_id AND journal_id = NEW.journal_id;
    END IF;
    IF NEW.dernier_numero <> v_max OR NEW.exercice_id <> coalesce(OLD.exercice_id, NEW.exercice_id)
       OR NEW.journal_id <> coalesce(OLD.journal_id, NEW.journal_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG023',
            MESSAGE = format('Le compteur d''écritures doit égaler le dernier numéro passé (%s).', v_max);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: ledger_contenu_ecriture(text, integer, text, integer, bigint, date, text, text, integer, timestamp with time zone, bigint, text[], numeric[], numeric[], text[], text[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_contenu_ecriture(p_precedente text, p_annee integer, p_journal text, p_numero integer, p_rang bigint, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    SELECT '[' || to_json(p_precedente)::text || ',' || p_annee::text || ','
        || to_json(p_journal)::text || ',' || p_numero::text || ',' || p_rang::text || ','
        || '"' || to_char(p_date, 'YYYY-MM-DD') || '",'
        || to_json(p_libelle)::text || ',' || to_json(p_piece)::text || ','
        || p_passee_par::text || ',"'
        || to_char(p_passee_le AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN extract(microseconds FROM p_passee_le)::bigint % 1000000 = 0 THEN ''
                ELSE to_char(p_passee_le AT TIME ZONE 'UTC', '.US') END
        || '+00:00",'
        || coalesce(p_contrepasse::text, 'null') || ',['
        || coalesce((
               SELECT string_agg(
                          '[' || to_json(v.compte)::text || ',"'
                          || round(v.debit, 2)::text || '","' || round(v.credit, 2)::text || '",'
                          || to_json(v.tiers)::text || ',' || to_json(v.libelle)::text || ']',
                          ',' ORDER BY v.ordre)
                 FROM unnest(p_comptes, p_debits, p_credits, p_tiers, p_libelles)
                      WITH ORDINALITY AS v(compte, debit, credit, tiers, libelle, ordre)
           ), '')
        || ']]'
$$;


--
-- Name: ledger_contenu_tete(text, integer, text, integer, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_contenu_tete(p_precedente text, p_annee integer, p_journal text, p_numero integer, p_rang bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    SELECT '[' || to_json(p_precedente)::text || ',' || p_annee::text || ','
        || to_json(p_journal)::text || ',' || p_numero::text || ',' || p_rang::text || ','
$$;


--
-- Name: ledger_cumul_proteger(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_cumul_proteger() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    IF pg_trigger_depth() < 2 OR TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG025',
            MESSAGE = 'Les cumuls des comptes sont tenus par la base à partir des lignes : ils ne se modifient pas directement.';
    END IF;
    RETURN CASE WHEN TG_LEVEL = 'ROW' THEN NEW ELSE NULL END;
END;
$$;


--
-- Name: ledger_ecriture_apres_inventaire(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_ecriture_apres_inventaire() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    annee integer;
BEGIN
    SELECT x.annee INTO annee
      FROM nouveaux n
      JOIN ledger_exercice x ON x.id = n.exercice_id
     WHERE x.etat = 'complementaire'  -- a closed one refuses everything (LG012)
       AND n.piece IS DISTINCT FROM 'resultat:' || x.annee
       AND EXISTS (
           SELECT 1 FROM ledger_balancefigee b
            WHERE b.exercice_id = n.exercice_id AND b.nature = 'apres_inventaire')
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'La balance après inventaire de l''exercice % est figée : seule l''écriture de résultat s''y passe encore (circulaire 93/82 §3.2).', annee
            USING ERRCODE = 'LG063';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: ledger_ecriture_verifier_a_nouveaux(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_ecriture_verifier_a_nouveaux() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    SELECT n.date, x.annee, j.code INTO r
      FROM nouvelles n
      JOIN ledger_journal j ON j.id = n.journal_id AND j.a_nouveaux
      JOIN ledger_exercice x ON x.id = n.exercice_id
     WHERE n.date <> make_date(x.annee, 1, 1)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG092',
            MESSAGE = format('Le journal des à-nouveaux (%s) ne reçoit que les soldes d''ouverture, '
                             'datés du premier jour de l''exercice (01/01/%s), pas du %s.',
                             r.code, r.annee, to_char(r.date, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: ledger_ecriture_verifier_contrepassation(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_ecriture_verifier_contrepassation() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouvelles n
          JOIN ledger_ecriture e ON e.id = n.contrepasse_id AND e.exercice_id <> n.exercice_id
         WHERE n.contrepasse_id IS NOT NULL
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG017',
            MESSAGE = 'Une écriture de contre-passation se passe dans l''exercice de l''écriture qu''elle contrepasse.';
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: ledger_ecriture_verifier_insertion(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_ecriture_verifier_insertion() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_tx xid8 := pg_current_xact_id();
    v_serveur timestamptz := pg_postmaster_start_time();
    v_groupes ledger_ecritures_groupe[];
    g ledger_ecritures_groupe;
    r record;
    c record;
    x record;
    v_dernier integer;
BEGIN
    -- The one pass: each entry beside the one before it in its exercise's chain.
    SELECT array_agg(s::ledger_ecritures_groupe ORDER BY s.exercice_id, s.journal_id) INTO v_groupes
      FROM (SELECT exercice_id, journal_id, count(*), min(numero), max(numero), min(rang), max(rang),
                   min(id), max(id), bool_or(tx <> v_tx OR tx_serveur <> v_serveur),
                   min(date), max(date), min(passee_par_id), max(passee_par_id), count(contrepasse_id),
                   bool_or(empreinte_precedente <> precedente
                           OR length(empreinte) <> 64 OR empreinte ~ '[^0-9a-f]'),
                   max(empreinte_precedente) FILTER (WHERE precedente IS NULL),
                   max(empreinte) FILTER (WHERE suivant IS NULL)
              FROM (SELECT n.*, lag(n.empreinte) OVER w AS precedente, lead(n.rang) OVER w AS suivant
                      FROM nouvelles n
                    WINDOW w AS (PARTITION BY n.exercice_id ORDER BY n.rang)) n
             GROUP BY exercice_id, journal_id) s;
    IF v_groupes IS NULL THEN
        RETURN NULL;
    END IF;

    FOREACH g IN ARRAY v_groupes LOOP
        IF g.autre_tx THEN
            RAISE EXCEPTION USING ERRCODE = 'LG010',
                MESSAGE = 'Une écriture ne peut pas être rattachée à une autre transaction que celle qui la passe.';
        END IF;
    END LOOP;

    -- The exercise exists, is not closed, and the date lies within its year
    -- (D253-17 to D253-19-1: each operation belongs to one exercise).
    FOREACH g IN ARRAY v_groupes LOOP
        SELECT id, annee, etat INTO x FROM ledger_exercice WHERE id = g.exercice_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'LG011', MESSAGE = 'L''exercice de l''écriture n''existe pas.';
        ELSIF x.etat = 'clos' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG012',
                MESSAGE = format('L''exercice %s est clos : aucune écriture ne peut plus y être passée.', x.annee);
        ELSIF g.date_min < make_date(x.annee, 1, 1) OR g.date_max > make_date(x.annee, 12, 31) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG013',
                MESSAGE = format('La date %s est hors de l''exercice %s (du 01/01/%s au 31/12/%s).',
                                 to_char(CASE WHEN g.date_min < make_date(x.annee, 1, 1)
                                              THEN g.date_min ELSE g.date_max END, 'DD/MM/YYYY'),
                                 x.annee, x.annee, x.annee);
        END IF;
    END LOOP;

    FOREACH g IN ARRAY v_groupes LOOP
        IF NOT EXISTS (SELECT 1 FROM ledger_journal WHERE id = g.journal_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG014', MESSAGE = 'Le journal de l''écriture n''existe pas.';
        END IF;
    END LOOP;
    FOREACH g IN ARRAY v_groupes LOOP
        IF NOT EXISTS (SELECT 1 FROM auth_user WHERE id = g.auteur_min)
           OR NOT EXISTS (SELECT 1 FROM auth_user WHERE id = g.auteur_max)
           OR (g.auteur_min <> g.auteur_max AND EXISTS (
                SELECT 1 FROM nouvelles n LEFT JOIN auth_user u ON u.id = n.passee_par_id WHERE u.id IS NULL)) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG015', MESSAGE = 'L''auteur de l''écriture n''existe pas.';
        END IF;
    END LOOP;
    IF (SELECT sum(contrepassations) FROM unnest(v_groupes)) > 0 AND EXISTS (
        SELECT 1 FROM nouvelles n
         WHERE n.contrepasse_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = n.contrepasse_id AND e.id <> n.id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG016', MESSAGE = 'L''écriture contrepassée n''existe pas.';
    END IF;

    -- Continuous numbering per exercise and journal: exactly the numbers
    -- following the counter, which is locked until commit.
    FOREACH g IN ARRAY v_groupes LOOP
        INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)
             VALUES (g.exercice_id, g.journal_id, 0) ON CONFLICT DO NOTHING;
        SELECT dernier_numero INTO v_dernier FROM ledger_compteur
         WHERE exercice_id = g.exercice_id AND journal_id = g.journal_id FOR UPDATE;
        IF g.premier <> v_dernier + 1 OR g.dernier <> v_dernier + g.nombre THEN
            RAISE EXCEPTION USING ERRCODE = 'LG020',
                MESSAGE = format('Numérotation discontinue : l''écriture suivante du journal doit porter le numéro %s (reçu %s à %s).',
                                 v_dernier + 1, g.premier, g.dernier);
        END IF;
        UPDATE ledger_compteur SET dernier_numero = g.dernier
         WHERE exercice_id = g.exercice_id AND journal_id = g.journal_id;
    END LOOP;

    -- Hash chain per exercise: ranks follow the head, each entry names the
    -- hash of the one before it.
    FOR r IN SELECT exercice_id, min(rang_premier) AS premier, max(rang_dernier) AS dernier,
                    sum(nombre) AS nombre, bool_or(rompue) AS rompue,
                    max(tete) AS tete, max(derniere) AS derniere
               FROM unnest(v_groupes) GROUP BY exercice_id ORDER BY exercice_id
    LOOP
        INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)
             VALUES (r.exercice_id, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        SELECT * INTO c FROM ledger_chaine WHERE exercice_id = r.exercice_id FOR UPDATE;
        IF r.premier <> c.dernier_rang + 1 OR r.dernier <> c.dernier_rang + r.nombre THEN
            RAISE EXCEPTION USING ERRCODE = 'LG021',
                MESSAGE = format('Chaîne d''empreintes discontinue : rang attendu %s (reçu %s à %s).',
                                 c.dernier_rang + 1, r.premier, r.dernier);
        END IF;
        IF r.rompue OR r.tete <> c.derniere_empreinte THEN
            RAISE EXCEPTION USING ERRCODE = 'LG022',
                MESSAGE = 'Chaîne d''empreintes rompue : une écriture ne reprend pas l''empreinte de la précédente.';
        END IF;
        UPDATE ledger_chaine SET dernier_rang = r.dernier, derniere_empreinte = r.derniere
         WHERE exercice_id = r.exercice_id;
    END LOOP;

    INSERT INTO ledger_lot (premier_id, dernier_id, nombre)
    SELECT min(id_min), max(id_max), sum(nombre) FROM unnest(v_groupes);
    RETURN NULL;
END;
$$;


--
-- Name: ledger_empreinte_ecriture(text, integer, text, integer, bigint, date, text, text, integer, timestamp with time zone, bigint, text[], numeric[], numeric[], text[], text[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_empreinte_ecriture(p_precedente text, p_annee integer, p_journal text, p_numero integer, p_rang bigint, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    SELECT encode(sha256(convert_to(ledger_contenu_ecriture(
        p_precedente, p_annee, p_journal, p_numero, p_rang, p_date, p_libelle, p_piece,
        p_passee_par, p_passee_le, p_contrepasse, p_comptes, p_debits, p_credits, p_tiers,
        p_libelles), 'UTF8')), 'hex')
$$;


--
-- Name: ledger_enregistrement_sortie(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_enregistrement_sortie() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_id bigint;
BEGIN
    SELECT o.id INTO v_id FROM anciennes o
     WHERE NOT EXISTS (SELECT 1 FROM ledger_validation v WHERE v.enregistrement_id = o.id)
       AND NOT EXISTS (SELECT 1 FROM ledger_rejet r WHERE r.enregistrement_id = o.id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG090',
            MESSAGE = format('L''écriture enregistrée n° %s ne quitte la file qu''avec sa validation '
                             'ou son rejet.', v_id);
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: ledger_enregistrement_verifier_a_nouveaux(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_enregistrement_verifier_a_nouveaux() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_code text;
    v_annee integer;
    v_compte text;
BEGIN
    SELECT j.code INTO v_code FROM ledger_journal j WHERE j.id = NEW.journal_id AND j.a_nouveaux;
    IF NOT FOUND THEN
        RETURN NEW;
    END IF;
    SELECT x.annee INTO v_annee FROM ledger_exercice x WHERE x.id = NEW.exercice_id;
    IF NEW.date <> make_date(v_annee, 1, 1) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG092',
            MESSAGE = format('Le journal des à-nouveaux (%s) ne reçoit que les soldes d''ouverture, '
                             'datés du premier jour de l''exercice (01/01/%s), pas du %s.',
                             v_code, v_annee, to_char(NEW.date, 'DD/MM/YYYY'));
    END IF;
    SELECT c.numero INTO v_compte FROM ledger_compte c
     WHERE c.id = ANY (NEW.compte_ids) AND c.classe IN (6, 7)
     ORDER BY c.numero LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG093',
            MESSAGE = format('Le journal des à-nouveaux (%s) ne reprend pas les comptes de charges '
                             'et de produits (classes 6 et 7) : le compte %s en est un.',
                             v_code, v_compte);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: ledger_enregistrer_ecriture(integer, text, date, text, text, integer, timestamp with time zone, bigint, text[], numeric[], numeric[], text[], text[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_enregistrer_ecriture(p_annee integer, p_journal text, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_exercice bigint;
    v_etat text;
    v_journal bigint;
    v_ids bigint[];
    v_manque record;
    v_nulle integer;
    v_libelle text := left(p_libelle, 255);
    v_piece text := left(coalesce(p_piece, ''), 120);
    v_debit numeric;
    v_credit numeric;
    v_fausse integer;
    v_id bigint;
    v_entree record;
    v_autre record;
    v_sortie record;
BEGIN
    IF coalesce(array_length(p_debits, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_credits, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_tiers, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_libelles, 1), 0) <> coalesce(array_length(p_comptes, 1), 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG087',
            MESSAGE = format('Les lignes de l''écriture sont incomplètes : %s comptes, %s débits, '
                             '%s crédits, %s tiers et %s libellés.',
                             coalesce(array_length(p_comptes, 1), 0), coalesce(array_length(p_debits, 1), 0),
                             coalesce(array_length(p_credits, 1), 0), coalesce(array_length(p_tiers, 1), 0),
                             coalesce(array_length(p_libelles, 1), 0));
    END IF;
    v_nulle := least(array_position(p_comptes, NULL), array_position(p_debits, NULL),
                     array_position(p_credits, NULL), array_position(p_tiers, NULL),
                     array_position(p_libelles, NULL));
    IF v_nulle IS NOT NULL OR p_date IS NULL OR p_passee_par IS NULL OR p_passee_le IS NULL
       OR coalesce(btrim(v_libelle), '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG087',
            MESSAGE = format('Ligne %s : le compte, le débit, le crédit, le tiers et le libellé '
                             'sont tous donnés (une chaîne vide pour un tiers ou un libellé sans objet), '
                             'comme la date, le libellé, l''auteur et l''heure de l''écriture.',
                             coalesce(v_nulle, 0));
    END IF;
    -- Circ. 93/82 §III: double entry; each line is a debit or a credit, in
    -- euros and cents, and the entry is balanced.
    SELECT min(v.ordre) INTO v_fausse
      FROM unnest(p_debits, p_credits) WITH ORDINALITY AS v(debit, credit, ordre)
     WHERE v.debit < 0 OR v.credit < 0 OR (v.debit = 0) = (v.credit = 0)
        OR v.debit <> round(v.debit, 2) OR v.credit <> round(v.credit, 2);
    IF v_fausse IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG089',
            MESSAGE = format('Ligne %s : une ligne porte soit un débit, soit un crédit, positif et '
                             'en euros et centimes.', v_fausse);
    END IF;
    SELECT sum(d), (SELECT sum(c) FROM unnest(p_credits) AS c) INTO v_debit, v_credit
      FROM unnest(p_debits) AS d;
    IF coalesce(array_length(p_comptes, 1), 0) < 2 OR v_debit <> v_credit THEN
        RAISE EXCEPTION USING ERRCODE = 'LG088',
            MESSAGE = format('L''écriture n''est pas équilibrée : %s ligne(s), débits %s, crédits %s '
                             '(il faut au moins deux lignes et autant de débits que de crédits).',
                             coalesce(array_length(p_comptes, 1), 0), coalesce(v_debit, 0),
                             coalesce(v_credit, 0));
    END IF;

    SELECT x.id, x.etat INTO v_exercice, v_etat FROM ledger_exercice x WHERE x.annee = p_annee;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG080',
            MESSAGE = format('L''exercice %s n''existe pas.', p_annee);
    END IF;
    SELECT j.id INTO v_journal FROM ledger_journal j WHERE j.code = p_journal;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG081',
            MESSAGE = format('Le journal « %s » n''existe pas.', p_journal);
    END IF;
    SELECT array_agg(c.id ORDER BY v.ordre) INTO v_ids
      FROM unnest(p_comptes) WITH ORDINALITY AS v(numero, ordre)
      JOIN ledger_compte c ON c.numero = v.numero AND c.imputable;
    IF coalesce(array_length(v_ids, 1), 0) <> coalesce(array_length(p_comptes, 1), 0) THEN
        SELECT v.numero, v.ordre, c.id AS compte INTO v_manque
          FROM unnest(p_comptes) WITH ORDINALITY AS v(numero, ordre)
          LEFT JOIN ledger_compte c ON c.numero = v.numero
         WHERE c.id IS NULL OR NOT c.imputable
         ORDER BY v.ordre LIMIT 1;
        IF v_manque.compte IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG082',
                MESSAGE = format('Ligne %s : le compte %s n''existe pas au plan comptable.',
                                 v_manque.ordre, v_manque.numero);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG083',
            MESSAGE = format('Ligne %s : le compte %s est un compte de regroupement : imputez un de ses sous-comptes.',
                             v_manque.ordre, v_manque.numero);
    END IF;
    -- Circ. 93/82 §2.2.0.2 and §2.2.0.3: a compte spécial d'encaissement is fed
    -- by the cotisations alone, and only its nivellement to another treasury
    -- account debits it. The lot's check at validation says it too
    -- (LG044, LG045); here the entry is refused when it is recorded, with the
    -- service's words (`verifier_compte_special_encaissement`), its lines taken
    -- in their order.
    SELECT v.numero, v.ordre INTO v_entree
      FROM unnest(p_comptes, p_debits) WITH ORDINALITY AS v(numero, debit, ordre)
      JOIN ledger_compte c ON c.numero = v.numero
     WHERE c.credit_seulement AND v.debit > 0
     ORDER BY v.ordre LIMIT 1;
    IF FOUND THEN
        SELECT v.numero, c.libelle INTO v_autre
          FROM unnest(p_comptes, p_credits) WITH ORDINALITY AS v(numero, credit, ordre)
          JOIN ledger_compte c ON c.numero = v.numero
         WHERE v.credit > 0 AND NOT c.cotisations
         ORDER BY v.ordre LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'LG094',
                MESSAGE = format('Le compte %s est un compte spécial d''encaissement, alimenté par le '
                                 'seul versement des cotisations (circulaire 93/82 §2.2.0.2) : '
                                 'l''écriture qui le débite ne crédite que des comptes de cotisants, '
                                 'de cotisations ou de majorations, ou les versements en attente '
                                 'd''affectation, non le compte %s (%s).',
                                 v_entree.numero, v_autre.numero, v_autre.libelle),
                DETAIL = json_build_object('compte', v_entree.numero,
                                           'contrepartie', v_autre.numero)::text;
        END IF;
    END IF;
    SELECT coalesce(sum(v.credit) FILTER (WHERE c.credit_seulement), 0) AS sortie,
           coalesce(sum(v.debit - v.credit) FILTER (WHERE c.classe = 5 AND NOT c.credit_seulement), 0)
               AS tresorerie,
           (array_agg(v.numero ORDER BY v.ordre)
               FILTER (WHERE c.credit_seulement AND v.credit > 0))[1] AS numero
      INTO v_sortie
      FROM unnest(p_comptes, p_debits, p_credits) WITH ORDINALITY AS v(numero, debit, credit, ordre)
      JOIN ledger_compte c ON c.numero = v.numero;
    IF v_sortie.sortie > 0 AND v_sortie.sortie > v_sortie.tresorerie THEN
        RAISE EXCEPTION USING ERRCODE = 'LG095',
            MESSAGE = format('Le compte %s est un compte spécial d''encaissement : il n''enregistre '
                             'que des crédits (versements de cotisations) ; ni paiement ni frais n''y '
                             'sont imputés, seul son nivellement vers un autre compte de '
                             'disponibilités le débite (circulaire 93/82 §2.2.0.2 et §2.2.0.3).',
                             v_sortie.numero);
    END IF;
    -- D253-17 to D253-19-1: never a closed exercise, a date within its year.
    IF v_etat = 'clos' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG084',
            MESSAGE = format('L''exercice %s est clos : aucune écriture ne peut plus y être passée.', p_annee);
    END IF;
    IF p_date < make_date(p_annee, 1, 1) OR p_date > make_date(p_annee, 12, 31) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG085',
            MESSAGE = format('La date %s est hors de l''exercice %s (du 01/01/%s au 31/12/%s).',
                             to_char(p_date, 'DD/MM/YYYY'), p_annee, p_annee, p_annee);
    END IF;
    -- Circ. 93/82 §3.2: once the balance après inventaire is frozen, only the
    -- result's entry still posts, and it posts at once (ledger_passer_ecriture).
    IF v_etat = 'complementaire'
       AND EXISTS (SELECT 1 FROM ledger_balancefigee b
                    WHERE b.exercice_id = v_exercice AND b.nature = 'apres_inventaire') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG086',
            MESSAGE = format('La balance après inventaire de l''exercice %s est figée : ses comptes '
                             'sont arrêtés et seule l''écriture de résultat s''y passe encore '
                             '(circulaire 93/82 §3.2) ; une opération nouvelle se rattache à '
                             'l''exercice %s.', p_annee, p_annee + 1);
    END IF;
    IF p_contrepasse IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ledger_ecriture e WHERE e.id = p_contrepasse) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG091', MESSAGE = 'L''écriture contrepassée n''existe pas.';
    END IF;

    INSERT INTO ledger_enregistrement (exercice_id, journal_id, date, libelle, piece, passee_par_id,
                                       passee_le, contrepasse_id, compte_ids, debits, credits,
                                       tiers, libelles, contenu_suite, montant)
    VALUES (v_exercice, v_journal, p_date, v_libelle, v_piece, p_passee_par, p_passee_le,
            p_contrepasse, v_ids, p_debits, p_credits, p_tiers, p_libelles,
            -- The canonical text from the date on: ledger_contenu_ecriture's,
            -- cut after the rank (the prefix has no comma inside a value but
            -- the journal code's and the previous hash's, neither of which
            -- holds one).
            substr(ledger_contenu_ecriture(repeat('0', 64), p_annee, p_journal, 0, 0, p_date,
                                           v_libelle, v_piece, p_passee_par, p_passee_le,
                                           p_contrepasse, p_comptes, p_debits, p_credits,
                                           p_tiers, p_libelles),
                   length('[' || to_json(repeat('0', 64))::text || ',' || p_annee::text || ','
                          || to_json(p_journal)::text || ',0,0,') + 1),
            v_debit)
    RETURNING id INTO v_id;
    RETURN v_id;
END;
$$;


--
-- Name: ledger_envoibalance_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_envoibalance_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouveaux n
          JOIN ledger_balancefigee b ON b.id = n.balance_id
         WHERE n.envoyee_le < (b.figee_le AT TIME ZONE 'Europe/Paris')::date
    ) THEN
        RAISE EXCEPTION 'Une balance ne peut pas avoir été envoyée avant d''avoir été figée.'
            USING ERRCODE = 'LG061';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: ledger_exercice_partitionner(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_exercice_partitionner() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM ledger_partitions_creer(NEW.id, NEW.annee::text);
    RETURN NULL;
END;
$$;


--
-- Name: ledger_exercice_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_exercice_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM ledger_ecriture WHERE exercice_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG050',
                MESSAGE = format('L''exercice %s porte des écritures : il ne peut pas être supprimé.', OLD.annee);
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.annee <> OLD.annee THEN
        RAISE EXCEPTION USING ERRCODE = 'LG051', MESSAGE = 'L''année d''un exercice ne se modifie pas.';
    END IF;
    IF OLD.etat = 'clos' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG052',
            MESSAGE = format('L''exercice %s est clos : il ne peut plus être modifié ni rouvert.', OLD.annee);
    END IF;
    IF NEW.etat <> OLD.etat AND NOT (
        (OLD.etat = 'ouvert' AND NEW.etat = 'complementaire')
        OR (OLD.etat = 'complementaire' AND NEW.etat = 'clos')
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG053',
            MESSAGE = format('Passage de l''état « %s » à « %s » interdit : un exercice va d''ouvert à période complémentaire, puis à clos.',
                             OLD.etat, NEW.etat);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: ledger_ligne_verifier_insertion(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_ligne_verifier_insertion() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_tx xid8 := pg_current_xact_id();
    v_serveur timestamptz := pg_postmaster_start_time();
    r record;
    v_min bigint;
    v_max bigint;
    v_groupes ledger_lignes_groupe[];
BEGIN
    -- The entries a statement's lines belong to lie in one id range: reading
    -- only that range keeps the cost of a packet independent of the ledger's
    -- size (a first, light read of the transition table: two numbers).
    SELECT min(ecriture_id), max(ecriture_id) INTO v_min, v_max FROM nouvelles;

    -- An entry whose commit-time check already ran in this transaction (fired
    -- early by SET CONSTRAINTS … IMMEDIATE, as the import does per packet)
    -- receives no more lines: nothing would check them again at COMMIT.
    IF EXISTS (SELECT 1 FROM ledger_lot_controle k
                WHERE k.tx = v_tx AND k.tx_serveur = v_serveur
                  AND k.premier_id <= v_max AND k.dernier_id >= v_min
                  AND EXISTS (SELECT 1 FROM nouvelles n
                               WHERE n.ecriture_id BETWEEN k.premier_id AND k.dernier_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG047',
            MESSAGE = 'Une écriture déjà contrôlée (équilibre, nombre de lignes) ne peut plus recevoir de ligne : passez une nouvelle écriture.';
    END IF;

    -- The one pass: each line joined to its entry, summed per exercise,
    -- account, day and journal, with what is wrong counted on the way.
    SELECT array_agg(s::ledger_lignes_groupe) INTO v_groupes
      FROM (SELECT n.exercice_id, n.compte_id, n.date, e.journal_id, sum(n.debit), sum(n.credit),
                   count(*) - count(e.id),
                   count(*) FILTER (WHERE e.tx <> v_tx OR e.tx_serveur <> v_serveur),
                   count(*) FILTER (WHERE e.exercice_id <> n.exercice_id OR e.date <> n.date)
              FROM nouvelles n
              LEFT JOIN (SELECT id, tx, tx_serveur, exercice_id, date, journal_id FROM ledger_ecriture
                          WHERE id BETWEEN v_min AND v_max) e
                ON e.id = n.ecriture_id
             GROUP BY n.exercice_id, n.compte_id, n.date, e.journal_id) s;

    IF (SELECT sum(orphelines + etrangeres + decalees) FROM unnest(v_groupes)) > 0 THEN
        SELECT n.ecriture_id, n.exercice_id AS ligne_exercice, n.date AS ligne_date,
               e.id, e.tx, e.tx_serveur, e.exercice_id, e.date INTO r
          FROM nouvelles n
          LEFT JOIN (SELECT id, tx, tx_serveur, exercice_id, date FROM ledger_ecriture
                      WHERE id BETWEEN v_min AND v_max) e
            ON e.id = n.ecriture_id
         WHERE e.id IS NULL OR e.tx <> pg_current_xact_id() OR e.tx_serveur <> pg_postmaster_start_time()
            OR e.exercice_id <> n.exercice_id OR e.date <> n.date
         LIMIT 1;
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG040', MESSAGE = format('L''écriture %s n''existe pas.', r.ecriture_id);
        ELSIF r.tx <> pg_current_xact_id() OR r.tx_serveur <> pg_postmaster_start_time() THEN
            RAISE EXCEPTION USING ERRCODE = 'LG041',
                MESSAGE = 'Une écriture comptabilisée ne peut plus recevoir de ligne : passez une nouvelle écriture.';
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG046',
            MESSAGE = format('Une ligne de l''écriture %s porte l''exercice %s et la date %s, l''écriture l''exercice %s et la date %s : une ligne porte l''exercice et la date de son écriture.',
                             r.ecriture_id, r.ligne_exercice, to_char(r.ligne_date, 'DD/MM/YYYY'),
                             r.exercice_id, to_char(r.date, 'DD/MM/YYYY'));
    END IF;

    SELECT g.compte_id, c.id, c.numero, c.imputable INTO r
      FROM unnest(v_groupes) g LEFT JOIN ledger_compte c ON c.id = g.compte_id
     WHERE c.id IS NULL OR NOT c.imputable
     LIMIT 1;
    IF FOUND THEN
        IF r.id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG042', MESSAGE = format('Le compte %s n''existe pas.', r.compte_id);
        ELSIF NOT r.imputable THEN
            RAISE EXCEPTION USING ERRCODE = 'LG043',
                MESSAGE = format('Le compte %s est un compte de regroupement : imputez un de ses sous-comptes.', r.numero);
        END IF;
    END IF;

    INSERT INTO ledger_cumul (exercice_id, compte_id, date, a_nouveau, debit, credit)
    SELECT g.exercice_id, g.compte_id, g.date, j.a_nouveaux, sum(g.debit), sum(g.credit)
      FROM unnest(v_groupes) g
      JOIN ledger_journal j ON j.id = g.journal_id
     GROUP BY g.exercice_id, g.compte_id, g.date, j.a_nouveaux
     ORDER BY g.exercice_id, g.compte_id, g.date, j.a_nouveaux
    ON CONFLICT (exercice_id, compte_id, date, a_nouveau) DO UPDATE
       SET debit = ledger_cumul.debit + EXCLUDED.debit,
           credit = ledger_cumul.credit + EXCLUDED.credit;
    RETURN NULL;
END;
$$;


--
-- Name: ledger_lignebalancefigee_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_lignebalancefigee_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM nouvelles n
          LEFT JOIN ledger_balancefigee b ON b.id = n.balance_id
         WHERE b.id IS NULL OR b.tx <> pg_current_xact_id() OR b.tx_serveur <> pg_postmaster_start_time()
    ) THEN
        RAISE EXCEPTION 'Une balance figée ne reçoit plus de lignes : figez une nouvelle balance.'
            USING ERRCODE = 'LG060';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: ledger_lot_verifier_equilibre(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_lot_verifier_equilibre() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    SET enable_nestloop TO 'off'
    AS $$
DECLARE
    r record;
    v_code text;
    v_speciaux bigint[];
    v_tresorerie bigint[];
    v_cotisations bigint[];
    v_compte text;
    v_special text;
    v_autre text;
    v_a_nouveaux bigint[];
BEGIN
    SELECT coalesce(array_agg(id) FILTER (WHERE credit_seulement), '{}'),
           coalesce(array_agg(id) FILTER (WHERE classe = 5 AND NOT credit_seulement), '{}'),
           coalesce(array_agg(id) FILTER (WHERE cotisations), '{}')
      INTO v_speciaux, v_tresorerie, v_cotisations
      FROM ledger_compte;
    SELECT coalesce(array_agg(id), '{}') INTO v_a_nouveaux FROM ledger_journal WHERE a_nouveaux;

    SELECT e.id, e.numero, e.journal_id, coalesce(t.lignes, 0) AS lignes,
           coalesce(t.debit, 0) AS debit, coalesce(t.credit, 0) AS credit,
           coalesce(t.sortie, 0) AS sortie, coalesce(t.tresorerie, 0) AS tresorerie,
           coalesce(t.entree, 0) AS entree, t.autres
      INTO r
      FROM ledger_ecriture e
      LEFT JOIN (
            SELECT l.ecriture_id, count(*) AS lignes, sum(l.debit) AS debit, sum(l.credit) AS credit,
                   sum(l.credit) FILTER (WHERE l.compte_id = ANY (v_speciaux)) AS sortie,
                   sum(l.debit - l.credit) FILTER (WHERE l.compte_id = ANY (v_tresorerie)) AS tresorerie,
                   sum(l.debit) FILTER (WHERE l.compte_id = ANY (v_speciaux)) AS entree,
                   count(*) FILTER (WHERE l.credit > 0 AND NOT l.compte_id = ANY (v_cotisations)) AS autres
              FROM ledger_ligne l
             WHERE l.ecriture_id BETWEEN NEW.premier_id AND NEW.dernier_id
             GROUP BY l.ecriture_id
      ) t ON t.ecriture_id = e.id
     WHERE e.id BETWEEN NEW.premier_id AND NEW.dernier_id
       AND e.tx = NEW.tx AND e.tx_serveur = NEW.tx_serveur
       AND (coalesce(t.lignes, 0) < 2 OR coalesce(t.debit, 0) <> coalesce(t.credit, 0)
            OR (t.sortie > 0 AND t.sortie > coalesce(t.tresorerie, 0))
            OR (t.entree > 0 AND t.autres > 0)
            -- LG093 (migration 0025): an entry of an à-nouveaux journal carries
            -- no charge or produit account. Its lines are read for the
            -- à-nouveaux entries only, in the same pass over the lot.
            OR (e.journal_id = ANY (v_a_nouveaux) AND EXISTS (
                    SELECT FROM ledger_ligne g JOIN ledger_compte c ON c.id = g.compte_id
                     WHERE g.ecriture_id = e.id AND g.exercice_id = e.exercice_id
                       AND c.classe IN (6, 7))))
     LIMIT 1;
    IF FOUND THEN
        SELECT code INTO v_code FROM ledger_journal WHERE id = r.journal_id;
        IF r.journal_id = ANY (v_a_nouveaux) THEN
            SELECT min(c.numero) INTO v_compte
              FROM ledger_ligne l JOIN ledger_compte c ON c.id = l.compte_id
             WHERE l.ecriture_id = r.id AND c.classe IN (6, 7);
            IF v_compte IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'LG093',
                    MESSAGE = format('Le journal des à-nouveaux (%s) ne reprend pas les comptes de charges '
                                     'et de produits (classes 6 et 7) : le compte %s en est un.',
                                     v_code, v_compte);
            END IF;
        END IF;
        SELECT min(c.numero) FILTER (WHERE c.credit_seulement AND l.credit > 0),
               min(c.numero) FILTER (WHERE c.credit_seulement AND l.debit > 0),
               min(c.numero) FILTER (WHERE l.credit > 0 AND NOT c.cotisations)
          INTO v_compte, v_special, v_autre
          FROM ledger_ligne l JOIN ledger_compte c ON c.id = l.compte_id
         WHERE l.ecriture_id = r.id;
        IF r.lignes < 2 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG030',
                MESSAGE = format('L''écriture %s-%s a %s ligne(s) : il en faut au moins deux.', v_code, r.numero, r.lignes);
        ELSIF r.debit <> r.credit THEN
            RAISE EXCEPTION USING ERRCODE = 'LG031',
                MESSAGE = format('L''écriture %s-%s n''est pas équilibrée : débits %s, crédits %s.',
                                 v_code, r.numero, r.debit, r.credit);
        ELSIF r.sortie > 0 AND r.sortie > r.tresorerie THEN
            RAISE EXCEPTION USING ERRCODE = 'LG044',
                MESSAGE = format('Écriture %s-%s : le compte %s est un compte spécial d''encaissement ; il n''enregistre que des crédits (versements de cotisations), ni paiement ni frais n''y sont imputés, seul son nivellement vers un autre compte de disponibilités le débite (circulaire 93/82 §2.2.0.2 et §2.2.0.3).', v_code, r.numero, v_compte);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'LG045',
                MESSAGE = format('Écriture %s-%s : le compte %s est un compte spécial d''encaissement, alimenté par le seul versement des cotisations (circulaire 93/82 §2.2.0.2) ; l''écriture qui le débite ne crédite que des comptes de cotisants, de cotisations ou de majorations, ou les versements en attente d''affectation, non le compte %s.', v_code, r.numero, v_special, v_autre);
        END IF;
    END IF;
    -- Checked: the entries of this lot receive no more lines in this
    -- transaction (ledger_ligne_verifier_insertion, LG047).
    INSERT INTO ledger_lot_controle (premier_id, dernier_id) VALUES (NEW.premier_id, NEW.dernier_id);
    RETURN NULL;
END;
$$;


--
-- Name: ledger_partition_nommer_cles(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_partition_nommer_cles(p_partition text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT ip.relname AS actuel, p_partition || '_' || cp.conname AS voulu
          FROM pg_inherits h
          JOIN pg_class ip ON ip.oid = h.inhrelid
          JOIN pg_index i ON i.indexrelid = h.inhrelid
          JOIN pg_constraint cp ON cp.conindid = h.inhparent AND cp.contype IN ('p', 'u')
         WHERE i.indrelid = ('public.' || quote_ident(p_partition))::regclass
           AND ip.relname <> p_partition || '_' || cp.conname
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', r.actuel, left(r.voulu, 63));
    END LOOP;
END;
$$;


--
-- Name: ledger_partitions_creer(bigint, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_partitions_creer(p_exercice bigint, p_nom text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_table text;
    v_partition text;
    v_occupee boolean;
    v_orpheline text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['ledger_ecriture', 'ledger_ligne'] LOOP
        v_partition := v_table || '_' || p_nom;
        -- A partition of this name left by an exercise since deleted (only an
        -- exercise without entries can be, LG050; a test database's flush
        -- empties the tables but keeps the partitions): empty, it is renamed
        -- out of the way (a rename locks it alone; a DROP or DETACH would lock
        -- the whole ledger until this transaction ends).
        IF to_regclass('public.' || v_partition) IS NOT NULL THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I)', v_partition) INTO v_occupee;
            IF v_occupee THEN
                RAISE EXCEPTION USING ERRCODE = 'LG059',
                    MESSAGE = format('La partition %s existe déjà et porte des écritures : l''exercice %s ne peut pas être créé.', v_partition, p_nom);
            END IF;
            v_orpheline := v_partition || '_orpheline_' || to_regclass('public.' || v_partition)::oid;
            EXECUTE format('ALTER TABLE public.%I RENAME TO %I', v_partition, v_orpheline);
            PERFORM ledger_partition_nommer_cles(v_orpheline);
        END IF;
        -- Created apart, then attached: ATTACH PARTITION takes only a SHARE
        -- UPDATE EXCLUSIVE lock on the parent (reads and postings go on),
        -- where CREATE TABLE … PARTITION OF would lock it exclusively until
        -- the transaction that creates the exercise ends.
        EXECUTE format('CREATE TABLE public.%I (LIKE public.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
                       ' INCLUDING STORAGE)', v_partition, v_table);
        EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', v_partition);
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
            EXECUTE format('REVOKE ALL ON public.%I FROM caisse_app', v_partition);
        END IF;
        EXECUTE format('CREATE TRIGGER partition_ajout_seul BEFORE UPDATE OR DELETE OR TRUNCATE ON public.%I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(%L)', v_partition,
                       'Une partition du grand livre ne se modifie pas directement : les écritures sont passées par ' || v_table || ', et ne sont ni modifiées ni supprimées.');
        EXECUTE format('CREATE TRIGGER partition_par_le_parent AFTER INSERT ON public.%I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION caisse_refuser(%L)', v_partition,
                       'Une partition du grand livre ne reçoit rien directement : passez par ' || v_table || '.');
        EXECUTE format('ALTER TABLE public.%I ATTACH PARTITION public.%I FOR VALUES IN (%s)',
                       v_table, v_partition, p_exercice);
        PERFORM ledger_partition_nommer_cles(v_partition);
    END LOOP;
END;
$$;


--
-- Name: ledger_passer_ecriture(integer, text, date, text, text, integer, timestamp with time zone, bigint, text[], numeric[], numeric[], text[], text[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_passer_ecriture(p_annee integer, p_journal text, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]) RETURNS TABLE(id bigint, exercice_id bigint, journal_id bigint, numero integer, rang bigint, empreinte_precedente text, empreinte text, etat text)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
#variable_conflict use_column
DECLARE
    v_exercice bigint;
    v_journal bigint;
    v_code text;
    v_dernier integer;
    v_rang bigint;
    v_precedente text;
    v_etat text;
    v_libelle text := left(p_libelle, 255);
    v_piece text := left(p_piece, 120);
    v_ids bigint[];
    v_manque record;
    v_numero integer;
    v_empreinte text;
    v_id bigint;
    v_total numeric;
    v_nulle integer;
BEGIN
    -- The five arrays are the lines' columns: one element per line in each,
    -- none NULL. A NULL element made its line's text NULL, which string_agg
    -- skips: the line would vanish from the hashed text; arrays of unequal
    -- lengths would be padded with NULLs by unnest.
    IF coalesce(array_length(p_debits, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_credits, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_tiers, 1), 0) <> coalesce(array_length(p_comptes, 1), 0)
       OR coalesce(array_length(p_libelles, 1), 0) <> coalesce(array_length(p_comptes, 1), 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG087',
            MESSAGE = format('Les lignes de l''écriture sont incomplètes : %s comptes, %s débits, '
                             '%s crédits, %s tiers et %s libellés.',
                             coalesce(array_length(p_comptes, 1), 0), coalesce(array_length(p_debits, 1), 0),
                             coalesce(array_length(p_credits, 1), 0), coalesce(array_length(p_tiers, 1), 0),
                             coalesce(array_length(p_libelles, 1), 0));
    END IF;
    v_nulle := least(array_position(p_comptes, NULL), array_position(p_debits, NULL),
                     array_position(p_credits, NULL), array_position(p_tiers, NULL),
                     array_position(p_libelles, NULL));
    IF v_nulle IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG087',
            MESSAGE = format('Ligne %s : le compte, le débit, le crédit, le tiers et le libellé '
                             'sont tous donnés (une chaîne vide pour un tiers ou un libellé sans objet).',
                             v_nulle);
    END IF;
    SELECT x.id INTO v_exercice FROM ledger_exercice x WHERE x.annee = p_annee;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG080',
            MESSAGE = format('L''exercice %s n''existe pas.', p_annee);
    END IF;
    SELECT j.id, j.code INTO v_journal, v_code FROM ledger_journal j WHERE j.code = p_journal;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG081',
            MESSAGE = format('Le journal « %s » n''existe pas.', p_journal);
    END IF;

    -- Accounts by number, in the order given; the first unknown or
    -- non-imputable one is refused as the service refuses it.
    SELECT array_agg(c.id ORDER BY v.ordre) INTO v_ids
      FROM unnest(p_comptes) WITH ORDINALITY AS v(numero, ordre)
      JOIN ledger_compte c ON c.numero = v.numero AND c.imputable;
    IF coalesce(array_length(v_ids, 1), 0) <> coalesce(array_length(p_comptes, 1), 0) THEN
        SELECT v.numero, v.ordre, c.id AS compte INTO v_manque
          FROM unnest(p_comptes) WITH ORDINALITY AS v(numero, ordre)
          LEFT JOIN ledger_compte c ON c.numero = v.numero
         WHERE c.id IS NULL OR NOT c.imputable
         ORDER BY v.ordre LIMIT 1;
        IF v_manque.compte IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG082',
                MESSAGE = format('Ligne %s : le compte %s n''existe pas au plan comptable.',
                                 v_manque.ordre, v_manque.numero);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'LG083',
            MESSAGE = format('Ligne %s : le compte %s est un compte de regroupement : imputez un de ses sous-comptes.',
                             v_manque.ordre, v_manque.numero);
    END IF;

    -- The lock, until COMMIT: the journal's counter and the exercise's chain
    -- head, created when missing (the same statement as _verrouiller did).
    FOR i IN 1..2 LOOP
        SELECT c.dernier_numero, h.dernier_rang, h.derniere_empreinte, x.etat
          INTO v_dernier, v_rang, v_precedente, v_etat
          FROM ledger_compteur c
          JOIN ledger_chaine h ON h.exercice_id = c.exercice_id
          JOIN ledger_exercice x ON x.id = c.exercice_id
         WHERE c.exercice_id = v_exercice AND c.journal_id = v_journal
           FOR UPDATE OF c, h;
        EXIT WHEN FOUND;
        INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)
             VALUES (v_exercice, v_journal, 0) ON CONFLICT DO NOTHING;
        INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)
             VALUES (v_exercice, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    END LOOP;
    IF v_etat IS NULL THEN
        RAISE EXCEPTION 'compteur introuvable';
    END IF;

    -- D253-17 to D253-19-1: never a closed exercise, a date within its year.
    IF v_etat = 'clos' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG084',
            MESSAGE = format('L''exercice %s est clos : aucune écriture ne peut plus y être passée.', p_annee);
    END IF;
    IF p_date < make_date(p_annee, 1, 1) OR p_date > make_date(p_annee, 12, 31) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG085',
            MESSAGE = format('La date %s est hors de l''exercice %s (du 01/01/%s au 31/12/%s).',
                             to_char(p_date, 'DD/MM/YYYY'), p_annee, p_annee, p_annee);
    END IF;
    -- Circ. 93/82 §3.2: once the balance après inventaire is frozen, only the
    -- result's entry still posts (read under the chain head's lock, which the
    -- freezing takes; LG063 stays the trigger's guard).
    IF v_etat = 'complementaire' AND v_piece IS DISTINCT FROM 'resultat:' || p_annee
       AND EXISTS (SELECT 1 FROM ledger_balancefigee b
                    WHERE b.exercice_id = v_exercice AND b.nature = 'apres_inventaire') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG086',
            MESSAGE = format('La balance après inventaire de l''exercice %s est figée : ses comptes '
                             'sont arrêtés et seule l''écriture de résultat s''y passe encore '
                             '(circulaire 93/82 §3.2) ; une opération nouvelle se rattache à '
                             'l''exercice %s.', p_annee, p_annee + 1);
    END IF;

    v_numero := v_dernier + 1;
    v_rang := v_rang + 1;
    v_empreinte := ledger_empreinte_ecriture(
        v_precedente, p_annee, v_code, v_numero, v_rang, p_date, v_libelle, v_piece,
        p_passee_par, p_passee_le, p_contrepasse, p_comptes, p_debits, p_credits, p_tiers,
        p_libelles);

    INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle, piece,
                                 passee_par_id, passee_le, contrepasse_id,
                                 empreinte_precedente, empreinte)
    VALUES (v_exercice, v_journal, v_numero, v_rang, p_date, v_libelle, v_piece,
            p_passee_par, p_passee_le, p_contrepasse, v_precedente, v_empreinte)
    RETURNING ledger_ecriture.id INTO v_id;

    -- Lines get their ids in the order given, the order the hash was computed in.
    INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit, tiers, libelle)
    SELECT v_id, v_exercice, p_date, v.compte_id, v.debit, v.credit, v.tiers, v.libelle
      FROM unnest(v_ids, p_debits, p_credits, p_tiers, p_libelles)
           WITH ORDINALITY AS v(compte_id, debit, credit, tiers, libelle, ordre)
     ORDER BY v.ordre;

    SELECT sum(d) INTO v_total FROM unnest(p_debits) AS d;
    INSERT INTO core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,
                                   objet_libelle, avant, apres)
    VALUES (now(), p_passee_par, 'ecriture.passee', 'ledger.ecriture', v_id::text,
            format('%s-%s du %s', v_code, v_numero, to_char(p_date, 'DD/MM/YYYY')), NULL,
            jsonb_build_object('journal', v_code, 'numero', v_numero,
                               'date', to_char(p_date, 'YYYY-MM-DD'), 'montant', v_total::text,
                               'exercice', p_annee, 'piece', p_piece));

    RETURN QUERY SELECT v_id, v_exercice, v_journal, v_numero, v_rang, v_precedente,
                        v_empreinte, v_etat;
END;
$$;


--
-- Name: ledger_reference_existe(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_reference_existe() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
DECLARE
    v_id bigint;
BEGIN
    EXECUTE format('SELECT ($1).%I', TG_ARGV[1]) INTO v_id USING NEW;
    IF v_id IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_ARGV[0] = 'ledger_ligne' THEN
        IF NOT EXISTS (SELECT 1 FROM ledger_ligne WHERE id = v_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG058',
                MESSAGE = format('La ligne d''écriture %s n''existe pas (%s.%s).', v_id, TG_TABLE_NAME, TG_ARGV[1]);
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM ledger_ecriture WHERE id = v_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG057',
            MESSAGE = format('L''écriture %s n''existe pas (%s.%s).', v_id, TG_TABLE_NAME, TG_ARGV[1]);
    END IF;
    RETURN NULL;
END;
$_$;


--
-- Name: ledger_reference_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_reference_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_TABLE_NAME = 'ledger_compte' THEN
        IF (TG_OP = 'DELETE' OR NEW.numero <> OLD.numero OR NEW.id <> OLD.id)
           AND EXISTS (SELECT 1 FROM ledger_ligne WHERE compte_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG054',
                MESSAGE = format('Le compte %s porte des écritures : il ne peut être ni supprimé ni renuméroté.', OLD.numero);
        END IF;
    ELSIF TG_TABLE_NAME = 'ledger_journal' THEN
        IF (TG_OP = 'DELETE' OR NEW.code <> OLD.code OR NEW.id <> OLD.id OR NEW.a_nouveaux <> OLD.a_nouveaux)
           AND EXISTS (SELECT 1 FROM ledger_ecriture WHERE journal_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG055',
                MESSAGE = format('Le journal %s porte des écritures : il ne peut être ni supprimé ni recodé.', OLD.code);
        END IF;
    ELSIF TG_TABLE_NAME = 'auth_user' THEN
        IF (TG_OP = 'DELETE' OR NEW.id <> OLD.id)
           AND EXISTS (SELECT 1 FROM ledger_ecriture WHERE passee_par_id = OLD.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG056',
                MESSAGE = 'Cet utilisateur a passé des écritures : il peut être désactivé, pas supprimé.';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;


--
-- Name: ledger_valider_enregistrements(bigint, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_valider_enregistrements(p_exercice bigint DEFAULT NULL::bigint, p_limite integer DEFAULT 10000) RETURNS TABLE(validees integer, rejetees integer)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_exercice bigint;
    v_ids bigint[];
    v_id bigint;
    v_validees integer := 0;
    v_rejetees integer := 0;
    v_code text;
    v_motif text;
BEGIN
    FOR v_exercice IN
        SELECT DISTINCT e.exercice_id FROM ledger_enregistrement e
         WHERE p_exercice IS NULL OR e.exercice_id = p_exercice
         ORDER BY 1
    LOOP
        -- The counters of the queue's journals, then the chain head: the
        -- order of ledger_passer_ecriture and of the entries' trigger.
        INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)
        SELECT DISTINCT v_exercice, e.journal_id, 0 FROM ledger_enregistrement e
         WHERE e.exercice_id = v_exercice
        ON CONFLICT DO NOTHING;
        PERFORM 1 FROM ledger_compteur c
         WHERE c.exercice_id = v_exercice
           AND c.journal_id IN (SELECT e.journal_id FROM ledger_enregistrement e
                                 WHERE e.exercice_id = v_exercice)
         ORDER BY c.journal_id FOR UPDATE;
        INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)
             VALUES (v_exercice, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM ledger_chaine h WHERE h.exercice_id = v_exercice FOR UPDATE;

        -- Read under the locks: what another sequencer validated is gone.
        SELECT array_agg(q.id ORDER BY q.id) INTO v_ids
          FROM (SELECT e.id FROM ledger_enregistrement e WHERE e.exercice_id = v_exercice
                 ORDER BY e.id LIMIT p_limite) q;
        CONTINUE WHEN v_ids IS NULL;
        BEGIN
            v_validees := v_validees + ledger_valider_paquet(v_exercice, v_ids);
        EXCEPTION WHEN OTHERS THEN
            FOREACH v_id IN ARRAY v_ids LOOP
                BEGIN
                    v_validees := v_validees + ledger_valider_paquet(v_exercice, ARRAY[v_id]);
                EXCEPTION WHEN OTHERS THEN
                    GET STACKED DIAGNOSTICS v_code = RETURNED_SQLSTATE, v_motif = MESSAGE_TEXT;
                    INSERT INTO ledger_rejet (enregistrement_id, exercice_id, journal_id, date, libelle,
                                              piece, passee_par_id, passee_le, contrepasse_id,
                                              compte_ids, debits, credits, tiers, libelles, montant,
                                              enregistree_le, code, motif)
                    SELECT e.id, e.exercice_id, e.journal_id, e.date, e.libelle, e.piece,
                           e.passee_par_id, e.passee_le, e.contrepasse_id, e.compte_ids, e.debits,
                           e.credits, e.tiers, e.libelles, e.montant, e.enregistree_le,
                           v_code, v_motif
                      FROM ledger_enregistrement e WHERE e.id = v_id;
                    INSERT INTO core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,
                                                   objet_libelle, avant, apres)
                    SELECT now(), e.passee_par_id, 'ecriture.rejetee', 'ledger.enregistrement',
                           e.id::text, format('Écriture enregistrée n° %s du %s', e.id,
                                              to_char(e.date, 'DD/MM/YYYY')),
                           NULL, jsonb_build_object('code', v_code, 'motif', v_motif,
                                                    'montant', e.montant::text)
                      FROM ledger_enregistrement e WHERE e.id = v_id;
                    DELETE FROM ledger_enregistrement e WHERE e.id = v_id;
                    v_rejetees := v_rejetees + 1;
                END;
            END LOOP;
        END;
    END LOOP;
    validees := v_validees;
    rejetees := v_rejetees;
    RETURN NEXT;
END;
$$;


--
-- Name: ledger_valider_paquet(bigint, bigint[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_valider_paquet(p_exercice bigint, p_ids bigint[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_annee integer;
    v_rang bigint;
    v_precedente text;
    v_ids bigint[] := '{}';
    v_numeros integer[] := '{}';
    v_rangs bigint[] := '{}';
    v_precedentes text[] := '{}';
    v_empreintes text[] := '{}';
    v_ecritures bigint[];
    r record;
BEGIN
    SELECT annee INTO v_annee FROM ledger_exercice WHERE id = p_exercice;
    SELECT dernier_rang, derniere_empreinte INTO v_rang, v_precedente
      FROM ledger_chaine WHERE exercice_id = p_exercice;

    -- Numbers per journal after each journal's counter, ranks after the head.
    FOR r IN
        SELECT e.id, e.contenu_suite, j.code,
               (c.dernier_numero + row_number() OVER (PARTITION BY e.journal_id ORDER BY e.id))::integer AS numero
          FROM unnest(p_ids) AS q(id)
          JOIN ledger_enregistrement e ON e.id = q.id AND e.exercice_id = p_exercice
          JOIN ledger_journal j ON j.id = e.journal_id
          JOIN ledger_compteur c ON c.exercice_id = p_exercice AND c.journal_id = e.journal_id
         ORDER BY e.id
    LOOP
        v_rang := v_rang + 1;
        v_ids := v_ids || r.id;
        v_numeros := v_numeros || r.numero;
        v_rangs := v_rangs || v_rang;
        v_precedentes := v_precedentes || v_precedente;
        v_precedente := encode(sha256(convert_to(
            ledger_contenu_tete(v_precedente, v_annee, r.code, r.numero, v_rang) || r.contenu_suite,
            'UTF8')), 'hex');
        v_empreintes := v_empreintes || v_precedente;
    END LOOP;
    IF cardinality(v_ids) = 0 THEN
        RETURN 0;
    END IF;

    -- Entries get their ids in rank order; read back by rank.
    WITH nouvelles AS (
        INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle, piece,
                                     passee_par_id, passee_le, contrepasse_id,
                                     empreinte_precedente, empreinte)
        SELECT e.exercice_id, e.journal_id, p.numero, p.rang, e.date, e.libelle, e.piece,
               e.passee_par_id, e.passee_le, e.contrepasse_id, p.precedente, p.empreinte
          FROM unnest(v_ids, v_numeros, v_rangs, v_precedentes, v_empreintes)
               WITH ORDINALITY AS p(id, numero, rang, precedente, empreinte, ordre)
          JOIN ledger_enregistrement e ON e.id = p.id
         ORDER BY p.ordre
        RETURNING ledger_ecriture.id, ledger_ecriture.rang
    )
    SELECT array_agg(n.id ORDER BY n.rang) INTO v_ecritures FROM nouvelles n;

    INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit, tiers, libelle)
    SELECT p.ecriture_id, e.exercice_id, e.date, v.compte_id, v.debit, v.credit, v.tiers, v.libelle
      FROM unnest(v_ids, v_ecritures) WITH ORDINALITY AS p(id, ecriture_id, ordre)
      JOIN ledger_enregistrement e ON e.id = p.id
      CROSS JOIN LATERAL unnest(e.compte_ids, e.debits, e.credits, e.tiers, e.libelles)
           WITH ORDINALITY AS v(compte_id, debit, credit, tiers, libelle, rang_ligne)
     ORDER BY p.ordre, v.rang_ligne;

    INSERT INTO core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,
                                   objet_libelle, avant, apres)
    SELECT now(), e.passee_par_id, 'ecriture.passee', 'ledger.ecriture', p.ecriture_id::text,
           format('%s-%s du %s', j.code, p.numero, to_char(e.date, 'DD/MM/YYYY')), NULL,
           jsonb_build_object('journal', j.code, 'numero', p.numero,
                              'date', to_char(e.date, 'YYYY-MM-DD'), 'montant', e.montant::text,
                              'exercice', v_annee, 'piece', e.piece,
                              'enregistrement', e.id,
                              'enregistree_le', to_char(e.enregistree_le AT TIME ZONE 'UTC',
                                                        'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'))
      FROM unnest(v_ids, v_ecritures, v_numeros) WITH ORDINALITY AS p(id, ecriture_id, numero, ordre)
      JOIN ledger_enregistrement e ON e.id = p.id
      JOIN ledger_journal j ON j.id = e.journal_id
     ORDER BY p.ordre;

    INSERT INTO ledger_validation (enregistrement_id, ecriture_id, exercice_id, enregistree_le)
    SELECT p.id, p.ecriture_id, p_exercice, e.enregistree_le
      FROM unnest(v_ids, v_ecritures) AS p(id, ecriture_id)
      JOIN ledger_enregistrement e ON e.id = p.id;

    DELETE FROM ledger_enregistrement e WHERE e.id = ANY (v_ids);
    RETURN cardinality(v_ids);
END;
$$;


--
-- Name: oppositions_cle_identifiant(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.oppositions_cle_identifiant(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $_$
    SELECT regexp_replace(
               regexp_replace(public.oppositions_identifiant_normal(t), '^([0-9]{9})[0-9]{5}$', '\1'),
               '^([1-8][0-9]{4}([0-9]{2}|2A|2B)[0-9]{6})[0-9]{2}$', '\1')
$_$;


--
-- Name: oppositions_cle_nom(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.oppositions_cle_nom(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT coalesce(string_agg(mot, ' ' ORDER BY mot), '')
      FROM regexp_split_to_table(
               btrim(regexp_replace(
                   lower(translate(
                       replace(replace(replace(replace(coalesce(t, ''),
                           'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'),
                       'ÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝŸàâäáãåçéèêëíìîïñóòôöõøúùûüýÿ',
                       'AAAAAACEEEEIIIINOOOOOOUUUUYYaaaaaaceeeeiiiinoooooouuuuyy')),
                   '[^a-z0-9]+', ' ', 'g')),
               ' ') AS mot
     WHERE mot <> ''
       AND mot NOT IN ('sarl', 'sas', 'sasu', 'sa', 'eurl', 'sci', 'scp', 'scm', 'snc',
                       'selarl', 'selas', 'gie', 'm', 'mr', 'mme', 'mlle', 'monsieur',
                       'madame', 'mademoiselle', 'me', 'maitre', 'dr', 'docteur')
$$;


--
-- Name: oppositions_euros(numeric); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.oppositions_euros(v numeric) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT replace(to_char(v, 'FM9999999999999999990.00'), '.', ',') || ' €'
$$;


--
-- Name: oppositions_identifiant_normal(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.oppositions_identifiant_normal(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT upper(regexp_replace(coalesce(t, ''), '[^0-9A-Za-z]+', '', 'g'))
$$;


--
-- Name: oppositions_identifiant_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.oppositions_identifiant_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.creancier_identifiant IS DISTINCT FROM oppositions_identifiant_normal(NEW.creancier_identifiant) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG706',
            MESSAGE = format('L''identifiant du créancier « %s » s''écrit en lettres et chiffres seulement (« %s ») : c''est sous cette forme qu''il est rapproché des ordres de dépense (circulaire 93/82 §2.1.5).',
                             NEW.creancier_identifiant, oppositions_identifiant_normal(NEW.creancier_identifiant));
    END IF;
    IF NEW.creancier_iban IS DISTINCT FROM upper(regexp_replace(NEW.creancier_iban, '[^0-9A-Za-z]+', '', 'g')) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG707',
            MESSAGE = format('L''IBAN du créancier « %s » s''écrit sans espaces, en majuscules : c''est sous cette forme qu''il est comparé à celui des ordres de dépense.',
                             NEW.creancier_iban);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: oppositions_imputation_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.oppositions_imputation_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    o record;
    v_deja numeric;
BEGIN
    SELECT id, montant, signifiee_le INTO o
      FROM oppositions_opposition WHERE id = NEW.opposition_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG701',
            MESSAGE = format('L''opposition n° %s n''existe pas.', NEW.opposition_id);
    END IF;
    IF NEW.le < o.signifiee_le THEN
        RAISE EXCEPTION USING ERRCODE = 'LG702',
            MESSAGE = format('Un paiement du %s ne peut pas être imputé sur l''opposition n° %s, signifiée à l''agent comptable le %s : une opposition n''a d''effet qu''une fois signifiée (circulaire 93/82 §2.1.5).',
                             to_char(NEW.le, 'DD/MM/YYYY'), o.id, to_char(o.signifiee_le, 'DD/MM/YYYY'));
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_deja
      FROM oppositions_imputation WHERE opposition_id = NEW.opposition_id;
    IF v_deja + NEW.montant > o.montant THEN
        RAISE EXCEPTION USING ERRCODE = 'LG703',
            MESSAGE = format('L''opposition n° %s ne vaut qu''à concurrence de %s (circulaire 93/82 §2.1.5) : %s ont déjà été versés à l''opposant, il reste %s, un versement de %s la dépasserait.',
                             o.id, oppositions_euros(o.montant), oppositions_euros(v_deja),
                             oppositions_euros(o.montant - v_deja), oppositions_euros(NEW.montant));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: oppositions_opposition_figer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.oppositions_opposition_figer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF ROW(NEW.id, NEW.montant, NEW.creancier_nom, NEW.creancier_identifiant, NEW.creancier_iban, NEW.signifiee_le)
       IS DISTINCT FROM ROW(OLD.id, OLD.montant, OLD.creancier_nom, OLD.creancier_identifiant, OLD.creancier_iban, OLD.signifiee_le)
       AND EXISTS (SELECT 1 FROM oppositions_imputation WHERE opposition_id = OLD.id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG704',
            MESSAGE = format('Des versements ont déjà été imputés sur l''opposition n° %s : son montant, son créancier et sa date de signification ne peuvent plus être modifiés (circulaire 93/82 §2.1.5).', OLD.id);
    END IF;
    IF OLD.mainlevee_le IS NOT NULL AND NEW.mainlevee_le IS DISTINCT FROM OLD.mainlevee_le THEN
        RAISE EXCEPTION USING ERRCODE = 'LG705',
            MESSAGE = format('La mainlevée de l''opposition n° %s a été enregistrée au %s : elle ne se modifie ni ne s''annule.',
                             OLD.id, to_char(OLD.mainlevee_le, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: ordres_compteur_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ordres_compteur_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
DECLARE
    v_max integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_max := 0;
    ELSE
        EXECUTE format('SELECT coalesce(max(numero), 0) FROM %I WHERE exercice_id = $1', TG_ARGV[0])
           INTO v_max USING NEW.exercice_id;
    END IF;
    IF NEW.dernier_numero <> v_max OR (TG_OP = 'UPDATE' AND NEW.exercice_id <> OLD.exercice_id) THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
            MESSAGE = format('Le compteur des %s doit égaler le dernier numéro donné (%s).', TG_ARGV[2], v_max);
    END IF;
    RETURN NEW;
END;
$_$;


--
-- Name: ordres_detail_fige(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ordres_detail_fige() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
DECLARE
    v_etat text;
    v_numero integer;
BEGIN
    EXECUTE format('SELECT etat, numero FROM %I WHERE id = $1', TG_ARGV[0])
       INTO v_etat, v_numero
      USING CASE WHEN TG_OP = 'DELETE' THEN OLD.ordre_id ELSE NEW.ordre_id END;
    IF v_etat = 'brouillon' AND (TG_OP <> 'UPDATE' OR NEW.ordre_id = OLD.ordre_id) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'INSERT' AND TG_ARGV[3] <> '' AND v_etat = TG_ARGV[3]
       AND coalesce((to_jsonb(NEW) ->> 'complement')::boolean, false) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
        MESSAGE = format('L''%s n° %s n''est plus un brouillon : ses lignes et ses pièces ne changent plus.',
                         TG_ARGV[2], v_numero);
END;
$_$;


--
-- Name: ordres_numero_avancer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ordres_numero_avancer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
BEGIN
    EXECUTE format('UPDATE %I SET dernier_numero = $1 WHERE exercice_id = $2', TG_ARGV[0])
      USING NEW.numero, NEW.exercice_id;
    RETURN NULL;
END;
$_$;


--
-- Name: ordres_numero_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ordres_numero_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
DECLARE
    v_dernier integer;
BEGIN
    EXECUTE format('INSERT INTO %I (exercice_id, dernier_numero) VALUES ($1, 0) ON CONFLICT DO NOTHING',
                   TG_ARGV[0]) USING NEW.exercice_id;
    EXECUTE format('SELECT dernier_numero FROM %I WHERE exercice_id = $1 FOR UPDATE', TG_ARGV[0])
       INTO v_dernier USING NEW.exercice_id;
    IF NEW.numero <> v_dernier + 1 THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
            MESSAGE = format('Numérotation des %s discontinue : le suivant porte le numéro %s (reçu %s).',
                             TG_ARGV[2], v_dernier + 1, NEW.numero);
    END IF;
    RETURN NEW;
END;
$_$;


--
-- Name: ordres_ordre_fige(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ordres_ordre_fige() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
DECLARE
    v_actes text[] := TG_ARGV[3]::text[] || ARRAY['etat', 'empreinte_contenu'];
    v_lignes integer;
    v_total numeric;
BEGIN
    IF OLD.etat <> 'brouillon' AND (to_jsonb(NEW) - v_actes) IS DISTINCT FROM (to_jsonb(OLD) - v_actes) THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '10',
            MESSAGE = format('L''%s n° %s est signé : son contenu ne peut plus être modifié%s.',
                             TG_ARGV[1], OLD.numero, TG_ARGV[5]);
    END IF;
    IF NEW.empreinte_contenu IS DISTINCT FROM OLD.empreinte_contenu
       AND NOT (OLD.etat = 'brouillon' AND NEW.etat = 'signe')
       AND NOT (OLD.etat = 'rejete' AND NEW.etat = 'brouillon') THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '11', MESSAGE = 'L''empreinte signée d''un ordre ne se modifie pas.';
    END IF;
    IF NEW.etat <> OLD.etat AND NOT (OLD.etat || '>' || NEW.etat) = ANY (TG_ARGV[4]::text[]) THEN
        RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '12',
            MESSAGE = format('Passage de l''état « %s » à « %s » interdit pour un %s.', OLD.etat, NEW.etat, TG_ARGV[1]);
    END IF;
    IF OLD.etat = 'brouillon' AND NEW.etat = 'signe' THEN
        EXECUTE format('SELECT count(*), coalesce(sum(montant), 0) FROM %I WHERE ordre_id = $1', TG_ARGV[2])
           INTO v_lignes, v_total USING NEW.id;
        IF v_lignes = 0 OR v_total <> NEW.montant OR (NEW.type = 'individuel' AND v_lignes <> 1) THEN
            RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '13',
                MESSAGE = 'Le montant de l''ordre doit égaler la somme de ses lignes (une seule ligne pour un ordre individuel).';
        END IF;
        IF length(NEW.empreinte_contenu) <> 64 THEN
            RAISE EXCEPTION USING ERRCODE = TG_ARGV[0] || '14', MESSAGE = 'Un ordre signé porte l''empreinte de son contenu.';
        END IF;
    END IF;
    RETURN NEW;
END;
$_$;


--
-- Name: ordres_pieces_exigees(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ordres_pieces_exigees() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
DECLARE
    v_jointes boolean;
BEGIN
    IF coalesce(NEW.pieces_references, '') ~ '^\s*$' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE ordre_id = $1)', TG_ARGV[0])
           INTO v_jointes USING NEW.id;
        IF NOT v_jointes THEN
            RAISE EXCEPTION USING ERRCODE = TG_ARGV[1],
                MESSAGE = format('L''%s n° %s ne se signe pas sans ses pièces justificatives : '
                                 'joignez-les ou portez leurs références sur l''ordre (%s).',
                                 TG_ARGV[2], NEW.numero, TG_ARGV[3]);
        END IF;
    END IF;
    RETURN NEW;
END;
$_$;


--
-- Name: personnes_affectation_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_affectation_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_delegation personnes_delegation;
BEGIN
    IF NOT personnes_fonction_exclue(NEW.fonction) THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM auth_user WHERE id = NEW.utilisateur_id FOR NO KEY UPDATE;
    v_delegation := personnes_delegation_en_vigueur(NEW.utilisateur_id, NEW.debut, NEW.fin);
    IF v_delegation.id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG604',
            MESSAGE = format('%s tient la délégation n° %s du directeur du %s au %s : la fonction %s ne lui est pas donnée tant qu''elle dure ; retirez-la d''abord (circulaire 93/82 §1.0, §1.1.1).',
                             personnes_nom(NEW.utilisateur_id), v_delegation.id,
                             to_char(v_delegation.debut, 'DD/MM/YYYY'), to_char(v_delegation.fin, 'DD/MM/YYYY'),
                             personnes_fonction_avec_de(NEW.fonction));
    END IF;
    RETURN NULL;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: personnes_delegation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_delegation (
    id bigint NOT NULL,
    type character varying(20) NOT NULL,
    nature character varying(20) NOT NULL,
    classes_comptes character varying(200) NOT NULL,
    montant_max numeric(18,2),
    debut date NOT NULL,
    fin date NOT NULL,
    specimen_signature text NOT NULL,
    notifiee_le date,
    retiree_le date,
    creee_le timestamp with time zone NOT NULL,
    delegant_id integer NOT NULL,
    delegataire_id integer NOT NULL,
    CONSTRAINT delegation_classes_comptes_format CHECK (((classes_comptes)::text ~ '^([0-9]+(,[0-9]+)*)?$'::text)),
    CONSTRAINT delegation_nature_connue CHECK (((nature)::text = ANY ((ARRAY['ordre_recette'::character varying, 'ordre_depense'::character varying])::text[]))),
    CONSTRAINT delegation_pas_a_soi_meme CHECK ((NOT (delegant_id = delegataire_id))),
    CONSTRAINT delegation_periode_ordonnee CHECK ((debut <= fin)),
    CONSTRAINT delegation_plafond_positif CHECK (((montant_max IS NULL) OR (montant_max > (0)::numeric))),
    CONSTRAINT delegation_specimen_obligatoire CHECK ((specimen_signature ~ '[^[:space:]]'::text)),
    CONSTRAINT delegation_type_connu CHECK (((type)::text = ANY ((ARRAY['signature'::character varying, 'pouvoir'::character varying])::text[])))
);


--
-- Name: personnes_delegation_en_vigueur(integer, date, date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_delegation_en_vigueur(p_utilisateur integer, p_debut date, p_fin date) RETURNS public.personnes_delegation
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    SELECT d.* FROM personnes_delegation d
     WHERE d.delegataire_id = p_utilisateur
       AND d.debut <= coalesce(p_fin, 'infinity'::date)
       AND least(d.fin, coalesce(d.retiree_le - 1, d.fin)) >= greatest(d.debut, p_debut)
     ORDER BY d.debut, d.id
     LIMIT 1;
$$;


--
-- Name: personnes_delegation_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_delegation_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_fonctions text;
BEGIN
    PERFORM 1 FROM auth_user WHERE id = NEW.delegataire_id FOR NO KEY UPDATE;
    IF NOT EXISTS (
        SELECT 1 FROM personnes_affectation a
         WHERE a.utilisateur_id = NEW.delegant_id AND a.fonction = 'directeur'
           AND a.debut <= NEW.debut AND (a.fin IS NULL OR a.fin >= NEW.debut)
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG601',
            MESSAGE = format('%s n''est pas directeur le %s : seul le directeur délègue sa signature ou son pouvoir (circulaire 93/82 §1.0).',
                             personnes_nom(NEW.delegant_id), to_char(NEW.debut, 'DD/MM/YYYY'));
    END IF;
    SELECT string_agg(DISTINCT personnes_fonction_libelle(a.fonction), ', ') INTO v_fonctions
      FROM personnes_affectation a
     WHERE a.utilisateur_id = NEW.delegataire_id AND personnes_fonction_exclue(a.fonction)
       AND a.debut <= NEW.fin AND (a.fin IS NULL OR a.fin >= NEW.debut);
    IF v_fonctions IS NULL AND EXISTS (
        SELECT 1 FROM personnes_interim i
         WHERE i.utilisateur_id = NEW.delegataire_id AND i.debut <= NEW.fin AND i.fin >= NEW.debut
    ) THEN
        v_fonctions := 'intérim de l''agent comptable';
    END IF;
    IF v_fonctions IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG602',
            MESSAGE = format('%s exerce entre le %s et le %s une fonction pour l''agent comptable ou la tutelle (%s) : il ne reçoit pas de délégation du directeur, qui ne délègue qu''à des agents de l''organisme agissant pour lui (circulaire 93/82 §1.0, §1.1.1).',
                             personnes_nom(NEW.delegataire_id), to_char(NEW.debut, 'DD/MM/YYYY'),
                             to_char(NEW.fin, 'DD/MM/YYYY'), v_fonctions);
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM personnes_affectation a
         WHERE a.utilisateur_id = NEW.delegataire_id AND a.fonction = 'delegue'
           AND a.debut <= NEW.debut AND (a.fin IS NULL OR a.fin >= NEW.debut)
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG603',
            MESSAGE = format('%s n''est pas délégué du directeur le %s : la délégation va à un agent affecté à cette fonction (circulaire 93/82 §1.0).',
                             personnes_nom(NEW.delegataire_id), to_char(NEW.debut, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: personnes_fonction_avec_de(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_fonction_avec_de(p_fonction text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE WHEN left(personnes_fonction_libelle(p_fonction), 1) IN ('a', 'e', 'é', 'i', 'o', 'u')
                THEN 'd''' || personnes_fonction_libelle(p_fonction)
                ELSE 'de ' || personnes_fonction_libelle(p_fonction) END;
$$;


--
-- Name: personnes_fonction_exclue(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_fonction_exclue(p_fonction text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT p_fonction IN ('agent_comptable', 'fonde_de_pouvoir', 'mandataire', 'regisseur', 'auditeur');
$$;


--
-- Name: personnes_fonction_libelle(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_fonction_libelle(p_fonction text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE p_fonction
        WHEN 'directeur' THEN 'directeur'
        WHEN 'delegue' THEN 'délégué du directeur'
        WHEN 'agent_comptable' THEN 'agent comptable'
        WHEN 'fonde_de_pouvoir' THEN 'fondé de pouvoir'
        WHEN 'mandataire' THEN 'mandataire'
        WHEN 'regisseur' THEN 'régisseur'
        WHEN 'auditeur' THEN 'auditeur (tutelle)'
        ELSE p_fonction END;
$$;


--
-- Name: personnes_fondes_en_trop(date, date, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_fondes_en_trop(p_debut date, p_fin date, p_procurations boolean) RETURNS TABLE(jour date, nombre bigint)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    WITH lignes AS (
        SELECT a.utilisateur_id AS qui, a.debut, coalesce(a.fin, 'infinity'::date) AS fin
          FROM personnes_affectation a
         WHERE NOT p_procurations AND a.fonction = 'fonde_de_pouvoir'
        UNION ALL
        SELECT p.fonde_id, p.debut, coalesce(p.fin, 'infinity'::date)
          FROM personnes_procuration p
         WHERE p_procurations
    ), jours AS (
        SELECT p_debut AS jour
        UNION
        SELECT l.debut FROM lignes l
         WHERE l.debut > p_debut AND l.debut <= coalesce(p_fin, 'infinity'::date)
    )
    SELECT j.jour, count(DISTINCT l.qui)
      FROM jours j JOIN lignes l ON l.debut <= j.jour AND l.fin >= j.jour
     GROUP BY j.jour
    HAVING count(DISTINCT l.qui) > 2
     ORDER BY j.jour
     LIMIT 1;
$$;


--
-- Name: personnes_fondes_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_fondes_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_en_trop record;
    v_procurations boolean := TG_TABLE_NAME = 'personnes_procuration';
    v_qui integer;
BEGIN
    -- NEW's fields are read as JSON: each table has its own columns.
    IF v_procurations THEN
        v_qui := (to_jsonb(NEW) ->> 'fonde_id')::integer;
    ELSIF to_jsonb(NEW) ->> 'fonction' = 'fonde_de_pouvoir' THEN
        v_qui := (to_jsonb(NEW) ->> 'utilisateur_id')::integer;
    ELSE
        RETURN NULL;
    END IF;
    -- Fondés de pouvoir are counted one act after the other.
    PERFORM pg_advisory_xact_lock(hashtext('personnes_fondes_de_pouvoir'));
    SELECT * INTO v_en_trop FROM personnes_fondes_en_trop(NEW.debut, NEW.fin, v_procurations);
    IF v_en_trop.jour IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG607',
            MESSAGE = format('Avec %s, %s personnes seraient fondés de pouvoir de l''agent comptable le %s : le nombre de fondés de pouvoir ne saurait être supérieur à deux (circulaire 93/82 §1.1.1).',
                             personnes_nom(v_qui), v_en_trop.nombre, to_char(v_en_trop.jour, 'DD/MM/YYYY'));
    END IF;
    IF v_procurations AND NOT EXISTS (
        SELECT 1 FROM personnes_affectation a
         WHERE a.utilisateur_id = v_qui AND a.fonction = 'fonde_de_pouvoir'
           AND a.debut <= NEW.debut AND (a.fin IS NULL OR a.fin >= NEW.debut)
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG608',
            MESSAGE = format('%s n''est pas fondé de pouvoir de l''agent comptable le %s : la procuration va à un fondé de pouvoir (circulaire 93/82 §1.1.1).',
                             personnes_nom(v_qui), to_char(NEW.debut, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: personnes_installation_figee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_installation_figee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'LG610',
        MESSAGE = 'Le procès-verbal d''installation et de remise de service, ses réserves et leurs prorogations ne sont ni modifiés ni supprimés une fois enregistrés (circulaire 93/82 §1.1.0).';
END;
$$;


--
-- Name: personnes_interim_chaine_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_interim_chaine_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_debut date := NEW.debut;
    v_fin date := NEW.fin;
    v_nouveau_debut date;
    v_nouvelle_fin date;
    v_mois integer := CASE NEW.nature WHEN 'fonde_de_pouvoir' THEN 3 ELSE 6 END;
    v_fin_max date;
BEGIN
    -- One person's interims are checked one after the other.
    PERFORM 1 FROM auth_user WHERE id = NEW.utilisateur_id FOR NO KEY UPDATE;
    LOOP
        SELECT least(v_debut, min(i.debut)), greatest(v_fin, max(i.fin))
          INTO v_nouveau_debut, v_nouvelle_fin
          FROM personnes_interim i
         WHERE i.utilisateur_id = NEW.utilisateur_id AND i.nature = NEW.nature
           AND i.debut <= v_fin + 1 AND i.fin >= v_debut - 1;
        EXIT WHEN v_nouveau_debut = v_debut AND v_nouvelle_fin = v_fin;
        v_debut := v_nouveau_debut;
        v_fin := v_nouvelle_fin;
    END LOOP;
    v_fin_max := (v_debut + make_interval(months => v_mois) - interval '1 day')::date;
    IF v_fin > v_fin_max THEN
        RAISE EXCEPTION USING ERRCODE = 'LG606',
            MESSAGE = format('%s exercerait l''intérim de l''agent comptable (%s) sans interruption du %s au %s, au-delà du %s : %s mois au plus, sur des périodes consécutives comme sur une seule (article D253-14, circulaire 93/82 §1.1.2).',
                             personnes_nom(NEW.utilisateur_id),
                             CASE NEW.nature WHEN 'fonde_de_pouvoir' THEN 'fondé de pouvoir faisant fonction' ELSE 'agent comptable intérimaire' END,
                             to_char(v_debut, 'DD/MM/YYYY'), to_char(v_fin, 'DD/MM/YYYY'),
                             to_char(v_fin_max, 'DD/MM/YYYY'), v_mois);
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: personnes_interim_termes_figes(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_interim_termes_figes() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'LG613',
        MESSAGE = format('Les termes de l''intérim n° %s (portée, attributions, nomination par le conseil d''administration) ne sont pas modifiés une fois enregistrés : un autre acte de nomination est un autre intérim (circulaire 93/82 §1.1.2).', OLD.id);
END;
$$;


--
-- Name: personnes_interim_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_interim_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_delegation personnes_delegation;
BEGIN
    PERFORM 1 FROM auth_user WHERE id = NEW.utilisateur_id FOR NO KEY UPDATE;
    v_delegation := personnes_delegation_en_vigueur(NEW.utilisateur_id, NEW.debut, NEW.fin);
    IF v_delegation.id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG605',
            MESSAGE = format('%s tient la délégation n° %s du directeur du %s au %s : il n''assure pas l''intérim de l''agent comptable tant qu''elle dure (circulaire 93/82 §1.1.1, §2.4.0).',
                             personnes_nom(NEW.utilisateur_id), v_delegation.id,
                             to_char(v_delegation.debut, 'DD/MM/YYYY'), to_char(v_delegation.fin, 'DD/MM/YYYY'));
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: personnes_mandat_fige(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_mandat_fige() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.retire_le IS NOT NULL OR NEW.retire_le IS NULL
       OR (to_jsonb(NEW) - 'retire_le') <> (to_jsonb(OLD) - 'retire_le')
       OR NEW.retire_le < OLD.debut OR NEW.retire_le > OLD.fin THEN
        RAISE EXCEPTION USING ERRCODE = 'LG612',
            MESSAGE = 'Un mandat spécial ne se modifie ni ne se supprime : seul son retrait s''enregistre, une fois, pendant sa période (circulaire 93/82 §1.1.1).';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: personnes_nom(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_nom(p_utilisateur integer) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    SELECT coalesce(nullif(btrim(first_name || ' ' || last_name), ''), username)
      FROM auth_user WHERE id = p_utilisateur;
$$;


--
-- Name: personnes_procuration_figee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_procuration_figee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'LG609',
        MESSAGE = 'Une procuration agréée par le conseil d''administration ne se modifie ni ne se supprime : le conseil en agrée une nouvelle (circulaire 93/82 §1.1.1).';
END;
$$;


--
-- Name: personnes_reserve_dans_le_delai(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.personnes_reserve_dans_le_delai() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_installe_le date;
    v_limite date;
BEGIN
    SELECT i.installe_le INTO v_installe_le FROM personnes_installation i WHERE i.id = NEW.installation_id;
    SELECT greatest((v_installe_le + interval '6 months')::date, max(p.nouvelle_limite))
      INTO v_limite
      FROM personnes_prorogationreserves p WHERE p.installation_id = NEW.installation_id;
    IF NEW.formulee_le < v_installe_le OR NEW.formulee_le > v_limite THEN
        RAISE EXCEPTION USING ERRCODE = 'LG611',
            MESSAGE = format('Réserve formulée le %s, hors du délai ouvert du %s au %s : les réserves sur la gestion du prédécesseur sont formulées dans les six mois qui suivent l''installation, sauf prorogation accordée (circulaire 93/82 §1.1.0).',
                             to_char(NEW.formulee_le, 'DD/MM/YYYY'), to_char(v_installe_le, 'DD/MM/YYYY'),
                             to_char(v_limite, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: recettes_reduction_figee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recettes_reduction_figee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF ROW(NEW.ordre_id, NEW.ligne_id, NEW.type, NEW.montant, NEW.motif, NEW.nouvelles_bases, NEW.signataire_id, NEW.qualite, NEW.signee_le)
       IS DISTINCT FROM ROW(OLD.ordre_id, OLD.ligne_id, OLD.type, OLD.montant, OLD.motif, OLD.nouvelles_bases, OLD.signataire_id, OLD.qualite, OLD.signee_le)
       OR OLD.etat <> 'signee' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG116', MESSAGE = 'Un ordre de réduction signé ne se modifie pas.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: recettes_reduction_ligne(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recettes_reduction_ligne() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_lignes integer;
    v_numero integer;
BEGIN
    SELECT numero INTO v_numero FROM recettes_ordrerecette WHERE id = NEW.ordre_id;
    IF NEW.ligne_id IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM recettes_ligneordrerecette
                        WHERE id = NEW.ligne_id AND ordre_id = NEW.ordre_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG132',
                MESSAGE = format('Ce débiteur ne figure pas sur l''ordre de recette n° %s : la réduction ne peut pas le concerner.', v_numero);
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO v_lignes FROM recettes_ligneordrerecette WHERE ordre_id = NEW.ordre_id;
        IF v_lignes > 1 THEN
            RAISE EXCEPTION USING ERRCODE = 'LG133',
                MESSAGE = format('L''ordre de recette n° %s est collectif (%s débiteurs) : sa réduction nomme le débiteur qu''elle concerne.', v_numero, v_lignes);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: recettes_reduction_separation(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recettes_reduction_separation() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_fait text;
BEGIN
    IF TG_OP = 'INSERT' OR NEW.signataire_id IS DISTINCT FROM OLD.signataire_id THEN
        SELECT fait INTO v_fait FROM (
            SELECT 'a pris cet ordre en charge' AS fait, 1 AS rang
              FROM recettes_ordrerecette o
             WHERE o.id = NEW.ordre_id AND o.pris_en_charge_par_id = NEW.signataire_id
            UNION ALL
            SELECT 'a pris en charge une réduction de cet ordre', 2
              FROM recettes_reduction r
             WHERE r.ordre_id = NEW.ordre_id AND r.id <> NEW.id
               AND r.pris_en_charge_par_id = NEW.signataire_id
            UNION ALL
            SELECT 'a contrôlé cet ordre', 3
              FROM recettes_controleeffectue c
             WHERE c.ordre_id = NEW.ordre_id AND c.par_id = NEW.signataire_id
        ) f ORDER BY rang LIMIT 1;
        IF v_fait IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG130',
                MESSAGE = format('%s %s pour l''agent comptable : une même personne ne peut pas aussi en signer la réduction comme ordonnateur (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1).',
                                 personnes_nom(NEW.signataire_id), v_fait);
        END IF;
    END IF;
    IF NEW.pris_en_charge_par_id IS NOT NULL AND NEW.pris_en_charge_par_id = NEW.signataire_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG131',
            MESSAGE = format('%s a signé cette réduction comme ordonnateur : une même personne ne peut pas aussi la prendre en charge (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1).',
                             personnes_nom(NEW.signataire_id));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: recettes_tirage_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recettes_tirage_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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


--
-- Name: recouvrement_actehuissier_naissance(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_actehuissier_naissance() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    debut date;
BEGIN
    SELECT le INTO debut FROM recouvrement_poursuite WHERE id = NEW.poursuite_id;
    IF NEW.le < debut THEN
        RAISE EXCEPTION 'L''acte d''huissier du % ne peut précéder la procédure qu''il exécute (%).',
            to_char(NEW.le, 'DD/MM/YYYY'), to_char(debut, 'DD/MM/YYYY') USING ERRCODE = 'LG940';
    END IF;
    IF NEW.resultat_le IS NOT NULL OR NEW.somme_recouvree IS NOT NULL THEN
        RAISE EXCEPTION 'Le résultat d''un acte d''huissier s''enregistre après l''acte.' USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: recouvrement_actehuissier_resultat(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_actehuissier_resultat() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF OLD.resultat_le IS NOT NULL
       OR (NEW.poursuite_id, NEW.huissier_id, NEW.le, NEW.nature, NEW.cout, NEW.ordre_depense_id, NEW.enregistre_par_id, NEW.enregistre_le)
          IS DISTINCT FROM (OLD.poursuite_id, OLD.huissier_id, OLD.le, OLD.nature, OLD.cout, OLD.ordre_depense_id, OLD.enregistre_par_id, OLD.enregistre_le) THEN
        RAISE EXCEPTION 'Un acte d''huissier ne se modifie pas : seul son résultat s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.resultat_le IS NULL OR NEW.resultat_le < NEW.le OR NEW.somme_recouvree IS NULL OR NEW.somme_recouvree < 0 THEN
        RAISE EXCEPTION 'Le résultat d''un acte d''huissier est daté, au plus tôt du jour de l''acte, avec la somme recouvrée (0 si rien).'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: recouvrement_aviscaisse_naissance(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_aviscaisse_naissance() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recouvrement_miseendemeurecreance
                   WHERE mise_en_demeure_id = NEW.mise_en_demeure_id AND creance_id = NEW.creance_id) THEN
        RAISE EXCEPTION 'La créance signalée figure sur la mise en demeure.' USING ERRCODE = 'LG940';
    END IF;
    PERFORM recouvrement_defaut_constate(NEW.mise_en_demeure_id, NEW.creance_id, NEW.le, false);
    RETURN NEW;
END $$;


--
-- Name: recouvrement_creance_transmise(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_creance_transmise() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF OLD.transmise_le IS NOT NULL AND (
        NEW.transmise_le IS DISTINCT FROM OLD.transmise_le
        OR NEW.transmise_par_id IS DISTINCT FROM OLD.transmise_par_id
        OR NEW.responsable <> 'directeur'
    ) THEN
        RAISE EXCEPTION 'La créance n° % a été transmise au directeur le % : elle ne revient pas à l''agent comptable et sa transmission ne se modifie pas (circulaire 93/82 §2.0.5).',
            OLD.id, to_char(OLD.transmise_le, 'DD/MM/YYYY') USING ERRCODE = 'LG921';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: recouvrement_defaut_constate(bigint, bigint, date, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_defaut_constate(mise_id bigint, creance_id bigint, le date, poursuite boolean) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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


--
-- Name: recouvrement_echeancier_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_echeancier_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    d_id bigint;
    total numeric;
    somme numeric;
BEGIN
    IF TG_TABLE_NAME = 'recouvrement_delaipaiement' THEN
        d_id := NEW.id;
    ELSE
        d_id := NEW.delai_id;
    END IF;
    SELECT montant INTO total FROM recouvrement_delaipaiement WHERE id = d_id;
    IF total IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT COALESCE(SUM(montant), 0) INTO somme FROM recouvrement_echeance WHERE delai_id = d_id;
    IF somme <> total THEN
        RAISE EXCEPTION 'Les échéances du délai de paiement n° % totalisent % € : elles doivent égaler exactement le montant échelonné de % € (circulaire 93/82 §2.0.5).',
            d_id, somme, total USING ERRCODE = 'LG920';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: recouvrement_etat_nominatif_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_etat_nominatif_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('recouvrement_etat_nominatif'), NEW.annee * 10 + NEW.semestre);
    IF NOT ((NEW.semestre = 1 AND NEW.arrete_au = make_date(NEW.annee, 6, 30))
            OR (NEW.semestre = 2 AND NEW.arrete_au = make_date(NEW.annee, 12, 31))) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG962',
            MESSAGE = format('L''état nominatif du semestre %s de %s est arrêté au 30 juin ou au 31 décembre (annexe art. 13), non au %s.',
                             NEW.semestre, NEW.annee, to_char(NEW.arrete_au, 'DD/MM/YYYY'));
    END IF;
    IF NEW.envoye_le <= NEW.arrete_au THEN
        RAISE EXCEPTION USING ERRCODE = 'LG961',
            MESSAGE = format('L''état nominatif arrêté au %s ne s''adresse qu''après la fin du semestre, non le %s.',
                             to_char(NEW.arrete_au, 'DD/MM/YYYY'), to_char(NEW.envoye_le, 'DD/MM/YYYY'));
    END IF;
    IF EXISTS (SELECT 1 FROM recouvrement_envoietatnominatif
                WHERE annee = NEW.annee AND semestre = NEW.semestre) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG960',
            MESSAGE = format('L''état nominatif arrêté au %s est déjà adressé à la caisse : il ne s''adresse qu''une fois.',
                             to_char(NEW.arrete_au, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: recouvrement_miseendemeure_avis(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_miseendemeure_avis() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF OLD.avis_reception_le IS NOT NULL
       OR (NEW.debiteur_id, NEW.envoyee_le, NEW.montant, NEW.signataire_id, NEW.qualite, NEW.enregistree_le)
          IS DISTINCT FROM (OLD.debiteur_id, OLD.envoyee_le, OLD.montant, OLD.signataire_id, OLD.qualite, OLD.enregistree_le) THEN
        RAISE EXCEPTION 'Une mise en demeure ne se modifie pas : seul l''avis de réception s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.avis_reception_le IS NOT NULL AND NEW.avis_reception_le < NEW.envoyee_le THEN
        RAISE EXCEPTION 'L''avis de réception (%) ne peut précéder l''envoi de la mise en demeure (%).',
            to_char(NEW.avis_reception_le, 'DD/MM/YYYY'), to_char(NEW.envoyee_le, 'DD/MM/YYYY')
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.fin_delai IS DISTINCT FROM NEW.avis_reception_le + 30 THEN
        RAISE EXCEPTION 'Le délai de la mise en demeure est de trente jours à compter de l''avis de réception.'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: recouvrement_poursuite_naissance(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_poursuite_naissance() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recouvrement_miseendemeurecreance
                   WHERE mise_en_demeure_id = NEW.mise_en_demeure_id AND creance_id = NEW.creance_id) THEN
        RAISE EXCEPTION 'La créance poursuivie figure sur la mise en demeure.' USING ERRCODE = 'LG940';
    END IF;
    PERFORM recouvrement_defaut_constate(NEW.mise_en_demeure_id, NEW.creance_id, NEW.le, true);
    RETURN NEW;
END $$;


--
-- Name: recouvrement_procedure_issue(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_procedure_issue() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF OLD.issue_le IS NOT NULL
       OR (NEW.debiteur_id, NEW.type, NEW.jugement_le, NEW.tribunal, NEW.mandataire, NEW.limite_declaration, NEW.enregistree_par_id, NEW.enregistree_le)
          IS DISTINCT FROM (OLD.debiteur_id, OLD.type, OLD.jugement_le, OLD.tribunal, OLD.mandataire, OLD.limite_declaration, OLD.enregistree_par_id, OLD.enregistree_le) THEN
        RAISE EXCEPTION 'Une procédure collective ne se modifie pas : seule son issue s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.issue_le IS NULL OR NEW.issue_le < NEW.jugement_le OR NEW.issue = '' THEN
        RAISE EXCEPTION 'L''issue d''une procédure collective est datée, au plus tôt du jour du jugement, et décrite.'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: recouvrement_recours_decision(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_recours_decision() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF OLD.decision <> ''
       OR (NEW.mise_en_demeure_id, NEW.saisie_le, NEW.objet, NEW.fin_commission, NEW.enregistre_par_id)
          IS DISTINCT FROM (OLD.mise_en_demeure_id, OLD.saisie_le, OLD.objet, OLD.fin_commission, OLD.enregistre_par_id) THEN
        RAISE EXCEPTION 'Une réclamation ne se modifie pas : seule la décision de la commission s''y inscrit, une fois.'
            USING ERRCODE = 'LG944';
    END IF;
    IF NEW.decision = '' OR NEW.decision_le IS NULL OR NEW.decision_le < NEW.saisie_le THEN
        RAISE EXCEPTION 'La décision de la commission est datée, au plus tôt du jour de la réclamation.'
            USING ERRCODE = 'LG944';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: recouvrement_recours_naissance(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.recouvrement_recours_naissance() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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


--
-- Name: responsabilite_avisministres_naissance(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_avisministres_naissance() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    m record;
BEGIN
    SELECT auteur, decide_le INTO m FROM responsabilite_miseencause WHERE id = NEW.mise_en_cause_id;
    IF m.auteur IS DISTINCT FROM 'tutelle' THEN
        RAISE EXCEPTION 'Seule la mise en cause décidée par l''autorité de tutelle est transmise pour avis aux ministres.'
            USING ERRCODE = 'LG897';
    END IF;
    IF NEW.transmis_le < m.decide_le THEN
        RAISE EXCEPTION 'La mise en cause ne peut être transmise pour avis avant d''être décidée (%).', m.decide_le
            USING ERRCODE = 'LG897';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_demande_exiger_dossier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_demande_exiger_dossier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM responsabilite_dossierdrass WHERE demande_id = NEW.id) THEN
        RAISE EXCEPTION 'L''approbation des ministres s''enregistre après la transmission du dossier de la DRASS (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG897';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_demande_inserer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_demande_inserer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.etat <> 'demandee' OR NEW.conseil_le IS NOT NULL OR NEW.approbation_le IS NOT NULL THEN
        RAISE EXCEPTION 'Une demande de décharge ou de remise gracieuse naît demandée, sans décision.'
            USING ERRCODE = 'LG895';
    END IF;
    IF NEW.nature = 'remise' AND NOT EXISTS (
        SELECT 1 FROM responsabilite_demande d
         WHERE d.ordre_id = NEW.ordre_id AND d.nature = 'decharge' AND d.etat = 'refusee') THEN
        RAISE EXCEPTION 'La remise gracieuse ne se demande que si la décharge de responsabilité n''est pas accordée (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG895';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_demande_modifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_demande_modifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF (NEW.ordre_id, NEW.nature, NEW.demande_le, NEW.motifs, NEW.montant_demande,
        NEW.force_majeure, NEW.piece, NEW.piece_nom, NEW.piece_sha256)
       IS DISTINCT FROM
       (OLD.ordre_id, OLD.nature, OLD.demande_le, OLD.motifs, OLD.montant_demande,
        OLD.force_majeure, OLD.piece, OLD.piece_nom, OLD.piece_sha256) THEN
        RAISE EXCEPTION 'Ce que l''agent comptable a demandé ne se modifie pas.'
            USING ERRCODE = 'LG895';
    END IF;
    IF NEW.etat IS DISTINCT FROM OLD.etat AND NOT (
        (OLD.etat = 'demandee' AND NEW.etat IN ('accordee', 'refusee', 'approbation'))
        OR (OLD.etat = 'approbation' AND NEW.etat IN ('accordee', 'refusee'))) THEN
        RAISE EXCEPTION 'La demande ne passe pas de l''état « % » à l''état « % ».', OLD.etat, NEW.etat
            USING ERRCODE = 'LG895';
    END IF;
    IF (OLD.conseil_le IS NOT NULL
        AND (NEW.conseil_le, NEW.deliberation, NEW.montant_accorde, NEW.seuil)
            IS DISTINCT FROM (OLD.conseil_le, OLD.deliberation, OLD.montant_accorde, OLD.seuil))
       OR (OLD.approbation_le IS NOT NULL
        AND (NEW.approbation_le, NEW.approbation_reference, NEW.approuvee)
            IS DISTINCT FROM (OLD.approbation_le, OLD.approbation_reference, OLD.approuvee)) THEN
        RAISE EXCEPTION 'La décision du conseil et l''approbation ministérielle s''enregistrent une fois.'
            USING ERRCODE = 'LG895';
    END IF;
    IF OLD.etat = 'demandee' AND NEW.etat <> 'demandee' AND NEW.seuil IS NULL THEN
        RAISE EXCEPTION 'La décision du conseil retient la somme fixée par arrêté en vigueur ce jour-là.'
            USING ERRCODE = 'LG895';
    END IF;
    IF NEW.etat = 'approbation' AND OLD.etat = 'demandee'
       AND NOT (SELECT o.montant > NEW.seuil FROM responsabilite_ordredebet o WHERE o.id = NEW.ordre_id) THEN
        RAISE EXCEPTION 'Seule la décision sur un débet qui dépasse la somme fixée par arrêté attend l''approbation ministérielle.'
            USING ERRCODE = 'LG895';
    END IF;
    IF OLD.etat = 'demandee' AND NEW.etat IN ('accordee', 'refusee')
       AND (SELECT o.montant > NEW.seuil FROM responsabilite_ordredebet o WHERE o.id = NEW.ordre_id) THEN
        RAISE EXCEPTION 'Le débet dépasse la somme fixée par arrêté : la décision du conseil est soumise à l''approbation des ministres (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG895';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_demande_prise_en_charge(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_demande_prise_en_charge() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    s record;
BEGIN
    IF (NEW.ecriture_id, NEW.prise_429, NEW.prise_agent)
       IS DISTINCT FROM (OLD.ecriture_id, OLD.prise_429, OLD.prise_agent) THEN
        IF OLD.ecriture_id IS NOT NULL OR NEW.ecriture_id IS NULL THEN
            RAISE EXCEPTION 'La prise en charge par l''organisme de la somme accordée se comptabilise une fois.'
                USING ERRCODE = 'LG896';
        END IF;
        IF NEW.etat <> 'accordee' OR NOT NEW.montant_accorde > 0 THEN
            RAISE EXCEPTION 'Seule une somme accordée en décharge ou en remise gracieuse est prise en charge par l''organisme (article D253-81).'
                USING ERRCODE = 'LG896';
        END IF;
        PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
        s := responsabilite_situation(NEW.ordre_id);
        IF NEW.prise_429 IS DISTINCT FROM least(NEW.montant_accorde, greatest(s.solde_429, 0))
           OR NEW.prise_429 + NEW.prise_agent IS DISTINCT FROM NEW.montant_accorde THEN
            RAISE EXCEPTION 'La prise en charge s''impute d''abord sur ce qui reste au compte 429 sur ce débet (%), le surplus revient à l''agent comptable (4672).', greatest(s.solde_429, 0)
                USING ERRCODE = 'LG896';
        END IF;
        IF NEW.prise_agent > s.limite_agent THEN
            RAISE EXCEPTION 'La part rendue à l''agent comptable (%) dépasse ce qu''il a payé et ne lui a pas encore été rendu (%).', NEW.prise_agent, s.limite_agent
                USING ERRCODE = 'LG896';
        END IF;
    END IF;
    IF (NEW.rembourse_le, NEW.rembourse_compte, NEW.rembourse_ecriture_id)
       IS DISTINCT FROM (OLD.rembourse_le, OLD.rembourse_compte, OLD.rembourse_ecriture_id) THEN
        IF OLD.rembourse_ecriture_id IS NOT NULL OR OLD.rembourse_le IS NOT NULL THEN
            RAISE EXCEPTION 'La part de la somme accordée rendue à l''agent comptable ne lui est remboursée qu''une fois.'
                USING ERRCODE = 'LG896';
        END IF;
        IF NEW.ecriture_id IS NULL OR NOT NEW.prise_agent > 0 THEN
            RAISE EXCEPTION 'Seule la part de la somme accordée portée au compte 4672 de l''agent comptable lui est remboursée.'
                USING ERRCODE = 'LG896';
        END IF;
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_dossierdrass_naissance(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_dossierdrass_naissance() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    d record;
BEGIN
    SELECT etat, conseil_le INTO d FROM responsabilite_demande WHERE id = NEW.demande_id;
    IF d.etat IS DISTINCT FROM 'approbation' THEN
        RAISE EXCEPTION 'Le dossier de la DRASS accompagne une demande en attente d''approbation ministérielle.'
            USING ERRCODE = 'LG897';
    END IF;
    IF NEW.transmis_le < d.conseil_le THEN
        RAISE EXCEPTION 'Le dossier de la DRASS ne peut être transmis avant la décision du conseil (%).', d.conseil_le
            USING ERRCODE = 'LG897';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_exiger_comptabilise(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_exiger_comptabilise(p_ordre bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF (SELECT ecriture_id FROM responsabilite_ordredebet WHERE id = p_ordre) IS NULL THEN
        RAISE EXCEPTION 'Le débet n''est pas encore comptabilisé au compte 429.'
            USING ERRCODE = 'LG896';
    END IF;
END $$;


--
-- Name: responsabilite_nonvaleur_inserer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_nonvaleur_inserer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.ecriture_id IS NOT NULL THEN
        RAISE EXCEPTION 'Une admission en non-valeur naît décidée, non comptabilisée.'
            USING ERRCODE = 'LG896';
    END IF;
    IF NEW.montant > (responsabilite_situation(NEW.ordre_id)).reste THEN
        RAISE EXCEPTION 'L''admission en non-valeur ne peut dépasser le reste dû sur le débet.'
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_nonvaleur_modifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_nonvaleur_modifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF (NEW.ordre_id, NEW.conseil_le, NEW.deliberation, NEW.montant, NEW.enregistre_par_id,
        NEW.enregistre_le)
       IS DISTINCT FROM
       (OLD.ordre_id, OLD.conseil_le, OLD.deliberation, OLD.montant, OLD.enregistre_par_id,
        OLD.enregistre_le) THEN
        RAISE EXCEPTION 'La décision d''admission en non-valeur ne se modifie pas.'
            USING ERRCODE = 'LG896';
    END IF;
    IF NEW.ecriture_id IS DISTINCT FROM OLD.ecriture_id THEN
        IF OLD.ecriture_id IS NOT NULL THEN
            RAISE EXCEPTION 'L''admission en non-valeur se comptabilise une fois.'
                USING ERRCODE = 'LG896';
        END IF;
        PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
        IF NEW.montant > (responsabilite_situation(NEW.ordre_id)).solde_429 THEN
            RAISE EXCEPTION 'L''admission en non-valeur dépasse ce qui reste au compte 429 sur ce débet.'
                USING ERRCODE = 'LG896';
        END IF;
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_ordredebet_modifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_ordredebet_modifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF (NEW.annee, NEW.numero, NEW.mise_en_cause_id, NEW.agent_comptable_id, NEW.montant,
        NEW.compte, NEW.emis_le, NEW.emis_par_id)
       IS DISTINCT FROM
       (OLD.annee, OLD.numero, OLD.mise_en_cause_id, OLD.agent_comptable_id, OLD.montant,
        OLD.compte, OLD.emis_le, OLD.emis_par_id) THEN
        RAISE EXCEPTION 'L''ordre de recette émis à l''encontre de l''agent comptable ne se modifie pas (circulaire 93/82 §6.1).'
            USING ERRCODE = 'LG891';
    END IF;
    IF NEW.etat IS DISTINCT FROM OLD.etat AND NOT (OLD.etat = 'emis' AND NEW.etat = 'notifie') THEN
        RAISE EXCEPTION 'L''ordre de recette à l''encontre de l''agent comptable ne passe pas de l''état « % » à l''état « % ».', OLD.etat, NEW.etat
            USING ERRCODE = 'LG892';
    END IF;
    IF (OLD.accuse_reception_le IS NOT NULL AND NEW.accuse_reception_le IS DISTINCT FROM OLD.accuse_reception_le)
       OR (OLD.conseil_informe_le IS NOT NULL AND NEW.conseil_informe_le IS DISTINCT FROM OLD.conseil_informe_le)
       OR (OLD.ecriture_id IS NOT NULL AND NEW.ecriture_id IS DISTINCT FROM OLD.ecriture_id) THEN
        RAISE EXCEPTION 'L''avis de réception, l''information du conseil et la comptabilisation d''un ordre de recette à l''encontre de l''agent comptable s''enregistrent une fois.'
            USING ERRCODE = 'LG893';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_ordredebet_numeroter(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_ordredebet_numeroter() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    dernier int;
BEGIN
    SELECT coalesce(max(numero), 0) INTO dernier
      FROM responsabilite_ordredebet WHERE annee = NEW.annee;
    IF NEW.numero <> dernier + 1 THEN
        RAISE EXCEPTION 'L''ordre de recette à l''encontre de l''agent comptable porte le numéro suivant le dernier de son année (%), sans trou.', dernier + 1
            USING ERRCODE = 'LG890';
    END IF;
    IF NEW.etat <> 'emis' OR NEW.accuse_reception_le IS NOT NULL THEN
        RAISE EXCEPTION 'Un ordre de recette à l''encontre de l''agent comptable naît émis, sans avis de réception.'
            USING ERRCODE = 'LG892';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_ordredebet_sursis(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_ordredebet_sursis() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.sursis_etat IS DISTINCT FROM OLD.sursis_etat
       AND NOT ((OLD.sursis_etat = '' AND NEW.sursis_etat = 'demande')
                OR (OLD.sursis_etat = 'demande' AND NEW.sursis_etat IN ('accorde', 'refuse'))) THEN
        RAISE EXCEPTION 'Le sursis de versement ne passe pas de l''état « % » à l''état « % ».', OLD.sursis_etat, NEW.sursis_etat
            USING ERRCODE = 'LG894';
    END IF;
    IF OLD.sursis_etat IN ('accorde', 'refuse')
       AND (NEW.sursis_demande_le, NEW.sursis_motifs, NEW.sursis_decide_le, NEW.sursis_decision, NEW.sursis_fin_le)
           IS DISTINCT FROM
           (OLD.sursis_demande_le, OLD.sursis_motifs, OLD.sursis_decide_le, OLD.sursis_decision, OLD.sursis_fin_le) THEN
        RAISE EXCEPTION 'La décision sur le sursis de versement, une fois enregistrée, ne se modifie pas.'
            USING ERRCODE = 'LG894';
    END IF;
    IF OLD.sursis_etat = '' AND NEW.sursis_etat = 'demande'
       AND EXISTS (SELECT 1 FROM responsabilite_miseencause m
                    WHERE m.id = NEW.mise_en_cause_id AND m.fraude) THEN
        RAISE EXCEPTION 'Le sursis de versement ne peut être demandé en cas de fraude ou de détournement (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG894';
    END IF;
    IF NEW.sursis_fin_le IS NOT NULL AND NEW.sursis_fin_le > NEW.sursis_decide_le + interval '1 year' THEN
        RAISE EXCEPTION 'Le sursis de versement est limité à un an à compter de la décision (circulaire 93/82 §6.2).'
            USING ERRCODE = 'LG894';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_recouvrement_inserer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_recouvrement_inserer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    s record;
    reste numeric := NEW.montant;
    debet numeric;
    non_valeur numeric;
    decharge numeric;
BEGIN
    PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
    IF NEW.reverse_ecriture_id IS NOT NULL OR NEW.reverse_le IS NOT NULL THEN
        RAISE EXCEPTION 'Un recouvrement naît sans reversement à l''agent comptable.'
            USING ERRCODE = 'LG896';
    END IF;
    s := responsabilite_situation(NEW.ordre_id);
    debet := least(reste, s.reste);
    reste := reste - debet;
    non_valeur := least(reste, s.limite_non_valeur);
    reste := reste - non_valeur;
    decharge := least(reste, s.limite_decharge);
    reste := reste - decharge;
    IF reste > s.limite_agent THEN
        RAISE EXCEPTION 'Le recouvrement dépasse le reste dû, les sommes laissées à la charge de l''organisme et ce que l''agent comptable a versé (article D253-81).'
            USING ERRCODE = 'LG896';
    END IF;
    IF (NEW.part_debet, NEW.part_non_valeur, NEW.part_decharge, NEW.part_agent)
       IS DISTINCT FROM (debet, non_valeur, decharge, reste) THEN
        RAISE EXCEPTION 'Le recouvrement se répartit dans l''ordre de l''article D253-81 : le reste dû (%), l''organisme (% puis %), l''agent comptable (%).', debet, non_valeur, decharge, reste
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_recouvrement_modifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_recouvrement_modifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF (NEW.ordre_id, NEW.le, NEW.debiteur, NEW.montant, NEW.compte, NEW.part_debet,
        NEW.part_non_valeur, NEW.part_decharge, NEW.part_agent, NEW.ecriture_id,
        NEW.enregistre_par_id, NEW.enregistre_le)
       IS DISTINCT FROM
       (OLD.ordre_id, OLD.le, OLD.debiteur, OLD.montant, OLD.compte, OLD.part_debet,
        OLD.part_non_valeur, OLD.part_decharge, OLD.part_agent, OLD.ecriture_id,
        OLD.enregistre_par_id, OLD.enregistre_le) THEN
        RAISE EXCEPTION 'Le recouvrement enregistré et sa répartition ne se modifient pas.'
            USING ERRCODE = 'LG896';
    END IF;
    IF OLD.reverse_ecriture_id IS NOT NULL
       AND (NEW.reverse_le, NEW.reverse_compte, NEW.reverse_ecriture_id)
           IS DISTINCT FROM (OLD.reverse_le, OLD.reverse_compte, OLD.reverse_ecriture_id) THEN
        RAISE EXCEPTION 'La part de l''agent comptable ne lui est reversée qu''une fois.'
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: responsabilite_situation(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_situation(p_ordre bigint, OUT reste numeric, OUT solde_429 numeric, OUT limite_non_valeur numeric, OUT limite_decharge numeric, OUT limite_agent numeric) RETURNS record
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    WITH o AS (SELECT montant, ecriture_id FROM responsabilite_ordredebet WHERE id = p_ordre),
    v AS (SELECT coalesce(sum(montant), 0) AS paye
            FROM responsabilite_versement WHERE ordre_id = p_ordre),
    d AS (SELECT coalesce(sum(montant_accorde), 0) AS accorde,
                 coalesce(sum(montant_accorde) FILTER (WHERE ecriture_id IS NOT NULL), 0) AS pris,
                 coalesce(sum(prise_429), 0) AS pris_429,
                 coalesce(sum(prise_agent), 0) AS rendu
            FROM responsabilite_demande WHERE ordre_id = p_ordre AND etat = 'accordee'),
    n AS (SELECT coalesce(sum(montant), 0) AS admis,
                 coalesce(sum(montant) FILTER (WHERE ecriture_id IS NOT NULL), 0) AS pris
            FROM responsabilite_nonvaleur WHERE ordre_id = p_ordre),
    r AS (SELECT coalesce(sum(part_debet), 0) AS debet,
                 coalesce(sum(part_non_valeur), 0) AS non_valeur,
                 coalesce(sum(part_decharge), 0) AS decharge,
                 coalesce(sum(part_agent), 0) AS agent
            FROM responsabilite_recouvrement WHERE ordre_id = p_ordre)
    SELECT greatest(o.montant - v.paye - d.accorde - n.admis - r.debet, 0),
           CASE WHEN o.ecriture_id IS NULL THEN 0 ELSE o.montant END
               - v.paye - d.pris_429 - n.pris - r.debet,
           n.pris - r.non_valeur,
           d.pris - r.decharge,
           v.paye - d.rendu - r.agent
      FROM o, v, d, n, r
$$;


--
-- Name: responsabilite_versement_inserer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.responsabilite_versement_inserer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM responsabilite_exiger_comptabilise(NEW.ordre_id);
    IF NEW.montant > (responsabilite_situation(NEW.ordre_id)).reste THEN
        RAISE EXCEPTION 'Le versement de l''agent comptable ne peut dépasser le reste dû sur le débet.'
            USING ERRCODE = 'LG896';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: tresorerie_affectation_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_affectation_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_encaisse numeric;
    v_etat_enc text;
    v_affecte numeric;
    o record;
    v_ligne numeric;
    v_sur_ligne numeric;
    v_reduit numeric;
    v_reduit_ligne numeric;
    v_premiere bigint;
    v_affecte_ordre numeric;
    v_regularise numeric;
    v_recouvre numeric;
BEGIN
    SELECT montant, etat INTO v_encaisse, v_etat_enc FROM tresorerie_encaissement WHERE id = NEW.encaissement_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG325', MESSAGE = format('L''encaissement n° %s n''existe pas.', NEW.encaissement_id);
    END IF;
    IF NEW.montant > 0 AND v_etat_enc <> 'enregistre' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG320', MESSAGE = 'Un encaissement annulé ne s''affecte plus.';
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_affecte FROM tresorerie_affectation WHERE encaissement_id = NEW.encaissement_id;
    IF v_affecte + NEW.montant > v_encaisse OR v_affecte + NEW.montant < 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG321',
            MESSAGE = format('L''encaissement n° %s est de %s € dont %s € déjà affectés : on ne peut y affecter %s € de plus.',
                             NEW.encaissement_id, v_encaisse, v_affecte, NEW.montant);
    END IF;
    IF NEW.ordre_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT id, numero, etat, montant INTO o FROM recettes_ordrerecette WHERE id = NEW.ordre_id FOR UPDATE;
    SELECT montant INTO v_ligne FROM recettes_ligneordrerecette WHERE id = NEW.ligne_id AND ordre_id = NEW.ordre_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG322', MESSAGE = format('Ce débiteur ne figure pas sur l''ordre de recette n° %s.', o.numero);
    END IF;
    IF NEW.montant > 0 AND o.etat <> 'pris_en_charge' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG323',
            MESSAGE = format('L''ordre de recette n° %s n''est pas pris en charge (%s) : on ne recouvre que ce que l''agent comptable a pris en charge.', o.numero, o.etat);
    END IF;
    SELECT coalesce(sum(montant), 0) INTO v_sur_ligne FROM tresorerie_affectation WHERE ligne_id = NEW.ligne_id;
    SELECT coalesce(sum(montant), 0) INTO v_reduit FROM recettes_reduction WHERE ordre_id = NEW.ordre_id AND etat = 'prise_en_charge';
    SELECT min(id) INTO v_premiere FROM recettes_ligneordrerecette WHERE ordre_id = NEW.ordre_id;
    SELECT coalesce(sum(montant), 0) INTO v_reduit_ligne FROM recettes_reduction
     WHERE ordre_id = NEW.ordre_id AND etat = 'prise_en_charge'
       AND (ligne_id = NEW.ligne_id OR (ligne_id IS NULL AND NEW.ligne_id = v_premiere));
    SELECT coalesce(sum(montant), 0) INTO v_affecte_ordre FROM tresorerie_affectation WHERE ordre_id = NEW.ordre_id;
    SELECT coalesce(sum(montant), 0) INTO v_regularise FROM tresorerie_encaissement
     WHERE regularise_par_id = NEW.ordre_id AND etat = 'enregistre';
    v_recouvre := v_affecte_ordre + v_regularise;
    IF v_sur_ligne + NEW.montant > v_ligne - v_reduit_ligne OR v_recouvre + NEW.montant > o.montant - v_reduit THEN
        RAISE EXCEPTION USING ERRCODE = 'LG324',
            MESSAGE = format('L''ordre de recette n° %s n''a plus que %s € à recouvrer (ce débiteur : %s €) : %s € dépasseraient la créance.',
                             o.numero, o.montant - v_reduit - v_recouvre, v_ligne - v_reduit_ligne - v_sur_ligne, NEW.montant);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_caisse_arretee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_caisse_arretee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    SELECT d.nature, d.libelle, e.date AS date_ligne, a.date AS date_arrete, a.le
      INTO r
      FROM nouvelles_lignes n
      JOIN tresorerie_comptedisponibilite d
        ON d.compte_id = n.compte_id AND d.nature IN ('caisse', 'regie')
      JOIN ledger_ecriture e ON e.id = n.ecriture_id
      JOIN ledger_journal j ON j.id = e.journal_id AND NOT j.a_nouveaux
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


--
-- Name: tresorerie_carnet_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_carnet_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF ROW(NEW.type, NEW.serie, NEW.compte_id, NEW.titulaire_id, NEW.premier_numero, NEW.dernier_numero,
           NEW.ouvert_le, NEW.ouvert_par_id)
       IS DISTINCT FROM ROW(OLD.type, OLD.serie, OLD.compte_id, OLD.titulaire_id, OLD.premier_numero,
           OLD.dernier_numero, OLD.ouvert_le, OLD.ouvert_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG301',
            MESSAGE = format('Le carnet %s ne se modifie pas : seuls ses numéros se délivrent, et il se clôt.', OLD.serie);
    END IF;
    IF OLD.clos_le IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG302',
            MESSAGE = format('Le carnet %s est clos : il ne délivre plus aucun numéro.', OLD.serie);
    END IF;
    IF NEW.dernier_utilise <> OLD.dernier_utilise
       AND (NEW.dernier_utilise <> OLD.dernier_utilise + 1 OR pg_trigger_depth() < 2) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG303',
            MESSAGE = format('Le carnet %s délivre ses numéros un à un, en délivrant un document.', OLD.serie);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_correction_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_correction_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
BEGIN
    IF NEW.iban !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'
       OR (NEW.bic <> '' AND NEW.bic !~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG385',
            MESSAGE = 'Les coordonnées corrigées s''écrivent en forme normale : IBAN et BIC en lettres capitales et chiffres, sans espace.';
    END IF;
    IF NOT (
        EXISTS (SELECT 1 FROM personnes_interim i
                 WHERE i.utilisateur_id = NEW.par_id AND i.debut <= NEW.le AND i.fin >= NEW.le)
        OR EXISTS (SELECT 1 FROM personnes_affectation a
                    WHERE a.utilisateur_id = NEW.par_id AND a.fonction = 'fonde_de_pouvoir'
                      AND a.debut <= NEW.le AND (a.fin IS NULL OR a.fin >= NEW.le))
        OR (EXISTS (SELECT 1 FROM personnes_affectation a
                     WHERE a.utilisateur_id = NEW.par_id AND a.fonction = 'agent_comptable'
                       AND a.debut <= NEW.le AND (a.fin IS NULL OR a.fin >= NEW.le))
            AND NOT EXISTS (SELECT 1 FROM personnes_interim i
                             WHERE i.utilisateur_id <> NEW.par_id
                               AND i.debut <= NEW.le AND i.fin >= NEW.le))) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG393',
            MESSAGE = format('Seul l''agent comptable (ou son fondé de pouvoir) corrige les coordonnées bancaires d''un créancier : %s n''exerce pas ses fonctions le %s (circulaire 93/82 §1.1.1).',
                             personnes_nom(NEW.par_id), to_char(NEW.le, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$_$;


--
-- Name: tresorerie_credit_depaye(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_credit_depaye() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT a.reference,
               (SELECT -sum(m.montant) FROM budget_mouvementcredit m
                 WHERE m.nature = 'paiement' AND m.montant < 0 AND m.reference = a.reference) AS annule,
               (SELECT rt.montant FROM tresorerie_retour rt JOIN tresorerie_paiement p ON p.id = rt.paiement_id
                 WHERE rt.transaction = txid_current() AND rt.tx_serveur = pg_postmaster_start_time()
                   AND a.reference = 'retour:' || p.bout_en_bout) AS retourne
          FROM (SELECT DISTINCT n.reference FROM nouveaux n
                 WHERE n.nature = 'paiement' AND n.montant < 0
                   AND NOT EXISTS (SELECT 1 FROM nouveaux m
                                    WHERE m.nature = 'paiement' AND m.reference = n.reference
                                      AND m.montant = -n.montant AND m.credit_id <> n.credit_id)) a
    LOOP
        IF r.retourne IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG387',
                MESSAGE = 'Un paiement sur un crédit ne s''annule que pour un virement retourné par la banque, dans l''acte qui enregistre ce retour.';
        END IF;
        IF r.annule > r.retourne THEN
            RAISE EXCEPTION USING ERRCODE = 'LG391',
                MESSAGE = format('Le virement retourné « %s » rend aux crédits au plus son montant, %s : les paiements annulés sous cette référence feraient %s.',
                                 substr(r.reference, 8), budget_euros(r.retourne), budget_euros(r.annule));
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;


--
-- Name: tresorerie_depense_regie_figee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_depense_regie_figee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense payée par le régisseur ne se supprime pas : l''état des dépenses la justifie devant l''agent comptable.';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.regie_id IS DISTINCT FROM OLD.regie_id
       OR NEW.operation_id IS DISTINCT FROM OLD.operation_id OR NEW.date IS DISTINCT FROM OLD.date
       OR NEW.beneficiaire IS DISTINCT FROM OLD.beneficiaire OR NEW.objet IS DISTINCT FROM OLD.objet
       OR NEW.piece IS DISTINCT FROM OLD.piece OR NEW.montant IS DISTINCT FROM OLD.montant
       OR NEW.payee_par_id IS DISTINCT FROM OLD.payee_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense payée par le régisseur ne se modifie pas (montant, nature, date, bénéficiaire, objet, pièce) : seul son rattachement à l''état des dépenses s''inscrit, une fois.';
    END IF;
    IF OLD.etat_depenses_id IS NOT NULL AND NEW.etat_depenses_id IS DISTINCT FROM OLD.etat_depenses_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense portée sur un état des dépenses y reste : elle ne passe pas à un autre état.';
    END IF;
    IF OLD.etat_depenses_id IS NULL AND NEW.etat_depenses_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM tresorerie_etatdepensesregie
            WHERE id = NEW.etat_depenses_id AND regie_id = NEW.regie_id AND admis_le IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG375',
            MESSAGE = 'Une dépense ne se porte que sur un état des dépenses de sa régie, pas encore admis.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_encaissement_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_encaissement_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF ROW(NEW.exercice_id, NEW.date, NEW.compte_id, NEW.moyen, NEW.montant, NEW.payeur, NEW.objet,
           NEW.reference, NEW.sans_titre, NEW.compte_produit_id, NEW.nature_recette, NEW.recu_par_id,
           NEW.recu_le, NEW.ecriture_id)
       IS DISTINCT FROM ROW(OLD.exercice_id, OLD.date, OLD.compte_id, OLD.moyen, OLD.montant, OLD.payeur,
           OLD.objet, OLD.reference, OLD.sans_titre, OLD.compte_produit_id, OLD.nature_recette,
           OLD.recu_par_id, OLD.recu_le, OLD.ecriture_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG310',
            MESSAGE = 'Un encaissement enregistré ne se modifie pas : annulez-le (contre-passation) et enregistrez le bon.';
    END IF;
    IF OLD.etat = 'annule' AND ROW(NEW.etat, NEW.motif_annulation, NEW.ecriture_annulation_id)
       IS DISTINCT FROM ROW(OLD.etat, OLD.motif_annulation, OLD.ecriture_annulation_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG311', MESSAGE = 'Cet encaissement est déjà annulé.';
    END IF;
    IF NEW.etat = 'annule' AND OLD.etat <> 'annule'
       AND (NEW.ecriture_annulation_id IS NULL OR length(trim(NEW.motif_annulation)) = 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG312',
            MESSAGE = 'Un encaissement s''annule avec un motif et une écriture de contre-passation.';
    END IF;
    IF OLD.regularise_par_id IS NOT NULL AND NEW.regularise_par_id IS DISTINCT FROM OLD.regularise_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG313', MESSAGE = 'Cet encaissement est déjà régularisé par un ordre de recette.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_encaisseur_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_encaisseur_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_auteur integer;
    c record;
BEGIN
    SELECT passee_par_id INTO v_auteur FROM ledger_ecriture WHERE id = NEW.ecriture_id;
    IF v_auteur IS DISTINCT FROM NEW.recu_par_id THEN
        RAISE EXCEPTION USING ERRCODE = 'LG360',
            MESSAGE = 'L''écriture d''un encaissement est passée au nom de qui l''a reçu (circulaire 93/82 §1.1.1).';
    END IF;
    IF EXISTS (SELECT 1 FROM personnes_affectation a
                WHERE a.utilisateur_id = NEW.recu_par_id
                  AND a.fonction IN ('agent_comptable', 'fonde_de_pouvoir')
                  AND a.debut <= NEW.date AND (a.fin IS NULL OR a.fin >= NEW.date))
       OR EXISTS (SELECT 1 FROM personnes_interim i
                   WHERE i.utilisateur_id = NEW.recu_par_id
                     AND i.debut <= NEW.date AND i.fin >= NEW.date) THEN
        RETURN NEW;
    END IF;
    SELECT nature, regisseur_id, libelle INTO c FROM tresorerie_comptedisponibilite WHERE id = NEW.compte_id;
    IF c.nature IS DISTINCT FROM 'regie' OR c.regisseur_id IS DISTINCT FROM NEW.recu_par_id
       OR NOT EXISTS (SELECT 1 FROM personnes_affectation a
                       WHERE a.utilisateur_id = NEW.recu_par_id AND a.fonction = 'regisseur'
                         AND a.debut <= NEW.date AND (a.fin IS NULL OR a.fin >= NEW.date)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG361',
            MESSAGE = 'Seul l''agent comptable manie les fonds de l''organisme ; un régisseur n''encaisse qu''à sa propre régie (circulaire 93/82 §2.2 et §II).';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_etat_depenses_regie_fige(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_etat_depenses_regie_fige() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG376',
            MESSAGE = 'Un état des dépenses de régie ne se supprime pas.';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.regie_id IS DISTINCT FROM OLD.regie_id
       OR NEW.numero IS DISTINCT FROM OLD.numero OR NEW.etabli_le IS DISTINCT FROM OLD.etabli_le
       OR NEW.etabli_par_id IS DISTINCT FROM OLD.etabli_par_id OR NEW.total IS DISTINCT FROM OLD.total THEN
        RAISE EXCEPTION USING ERRCODE = 'LG376',
            MESSAGE = 'Un état des dépenses de régie ne se modifie pas (numéro, date, total) : seule son admission par l''agent comptable s''y inscrit, une fois.';
    END IF;
    IF ROW(NEW.admis_le, NEW.admis_par_id, NEW.observations, NEW.ecriture_id)
       IS DISTINCT FROM ROW(OLD.admis_le, OLD.admis_par_id, OLD.observations, OLD.ecriture_id) THEN
        IF OLD.admis_le IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG376',
                MESSAGE = format('L''état des dépenses a été admis le %s : son admission ne se modifie plus.',
                                 to_char(OLD.admis_le, 'DD/MM/YYYY'));
        END IF;
        IF NEW.admis_le IS NULL OR NEW.admis_par_id IS NULL OR NEW.ecriture_id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'LG376',
                MESSAGE = 'L''admission d''un état des dépenses porte sa date, l''agent comptable qui l''admet et son écriture.';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_imputation_restituee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_imputation_restituee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_retourne numeric;
    v_deja numeric;
BEGIN
    SELECT r.montant INTO v_retourne
      FROM tresorerie_retour r JOIN tresorerie_paiement p ON p.id = r.paiement_id
     WHERE p.opposition_id = NEW.opposition_id AND r.montant = -NEW.montant
       AND NEW.reference = 'retour:' || p.bout_en_bout;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG386',
            MESSAGE = format('Une imputation sur l''opposition n° %s ne se rétablit que pour un virement à l''opposant retourné par la banque, de son montant.', NEW.opposition_id);
    END IF;
    SELECT coalesce(-sum(montant), 0) INTO v_deja
      FROM oppositions_imputation
     WHERE opposition_id = NEW.opposition_id AND reference = NEW.reference AND montant < 0;
    IF v_deja - NEW.montant > v_retourne THEN
        RAISE EXCEPTION USING ERRCODE = 'LG392',
            MESSAGE = format('Le virement retourné « %s » rend à l''opposition n° %s au plus son montant, %s : %s lui ont déjà été rendus.',
                             substr(NEW.reference, 8), NEW.opposition_id, budget_euros(v_retourne), budget_euros(v_deja));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_lot_solde(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_lot_solde() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    c record;
    v_solde numeric;
BEGIN
    SELECT cd.libelle, cd.compte_id, cd.decouvert_autorise, lc.numero INTO c
      FROM tresorerie_comptedisponibilite cd JOIN ledger_compte lc ON lc.id = cd.compte_id
     WHERE cd.id = NEW.compte_id FOR NO KEY UPDATE OF cd;
    v_solde := tresorerie_solde_comptable(c.compte_id, NEW.date);
    IF v_solde < -c.decouvert_autorise THEN
        RAISE EXCEPTION USING ERRCODE = 'LG342',
            MESSAGE = format('Le lot de paiements laisserait le compte « %s » (%s) à un solde comptable de %s, en deçà du découvert autorisé (%s) : solde comptable %s, lot %s.',
                             c.libelle, c.numero, budget_euros(v_solde),
                             budget_euros(c.decouvert_autorise),
                             budget_euros(v_solde + NEW.total), budget_euros(NEW.total));
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: tresorerie_mention_paiement(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_mention_paiement() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_paye numeric;
BEGIN
    IF OLD.etat = 'paye' AND NEW.etat = 'vise' THEN
        IF NOT EXISTS (SELECT 1 FROM tresorerie_retour r
                        WHERE r.ordre_id = NEW.id AND r.transaction = txid_current()
                          AND r.tx_serveur = pg_postmaster_start_time()) THEN
            RAISE EXCEPTION USING ERRCODE = 'LG380',
                MESSAGE = format('L''ordre de dépense n° %s est payé : il ne revient « visé » que si la banque a retourné un de ses virements, retour enregistré dans le même acte.', OLD.numero);
        END IF;
        IF NEW.paye_le IS NOT NULL OR NEW.paye_par_id IS NOT NULL
           OR NEW.paiement_moyen <> '' OR NEW.paiement_reference <> '' THEN
            RAISE EXCEPTION USING ERRCODE = 'LG334',
                MESSAGE = format('L''ordre de dépense n° %s n''est pas payé : il ne porte pas de mention de paiement.', NEW.numero);
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.paye_le IS NOT NULL AND ROW(NEW.paye_le, NEW.paiement_moyen, NEW.paiement_reference, NEW.paye_par_id)
       IS DISTINCT FROM ROW(OLD.paye_le, OLD.paiement_moyen, OLD.paiement_reference, OLD.paye_par_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG332',
            MESSAGE = format('La mention de paiement de l''ordre de dépense n° %s est portée : elle ne change plus.', OLD.numero);
    END IF;
    IF NEW.etat = 'paye' AND OLD.etat <> 'paye' THEN
        SELECT coalesce(sum(montant), 0) INTO v_paye FROM tresorerie_paiement p
         WHERE p.ordre_id = NEW.id
           AND NOT EXISTS (SELECT 1 FROM tresorerie_retour r WHERE r.paiement_id = p.id);
        IF NEW.paye_le IS NULL OR NEW.paye_par_id IS NULL OR v_paye <> NEW.montant THEN
            RAISE EXCEPTION USING ERRCODE = 'LG333',
                MESSAGE = format('L''ordre de dépense n° %s ne passe « payé » qu''avec sa mention de paiement et des paiements égaux à son montant (%s € payés sur %s €).',
                                 NEW.numero, v_paye, NEW.montant);
        END IF;
    ELSIF NEW.etat <> 'paye' AND NEW.paye_le IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG334',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas payé : il ne porte pas de mention de paiement.', NEW.numero);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_paiement_oppositions(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_paiement_oppositions() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
    v_le date;
BEGIN
    SELECT min(lot.date) INTO v_le FROM tresorerie_lotpaiement lot
     WHERE lot.id IN (SELECT DISTINCT lot_id FROM nouveaux);
    IF NOT EXISTS (SELECT 1 FROM oppositions_opposition
                    WHERE signifiee_le <= (SELECT max(lot.date) FROM tresorerie_lotpaiement lot
                                             WHERE lot.id IN (SELECT DISTINCT lot_id FROM nouveaux))
                      AND (mainlevee_le IS NULL OR mainlevee_le > v_le)) THEN
        RETURN NULL;
    END IF;
    WITH creancier AS MATERIALIZED (
        SELECT n.ligne_id, lot.date AS le, l.creancier, l.iban, o.numero, e.annee,
               oppositions_cle_identifiant(l.identifiant) AS cle,
               CASE WHEN oppositions_cle_identifiant(l.identifiant) = ''
                    THEN oppositions_cle_nom(l.creancier) ELSE '' END AS nom_cle
          FROM nouveaux n
          JOIN tresorerie_lotpaiement lot ON lot.id = n.lot_id
          JOIN depenses_ligneordredepense l ON l.id = n.ligne_id
          JOIN depenses_ordredepense o ON o.id = l.ordre_id
          JOIN ledger_exercice e ON e.id = o.exercice_id
         WHERE n.opposition_id IS NULL
    ), vigueur AS MATERIALIZED (
        SELECT op.id, op.creancier_nom, op.creancier_cle, op.creancier_nom_cle, op.creancier_iban,
               op.signifiee_le, op.mainlevee_le,
               op.montant - coalesce((SELECT sum(i.montant) FROM oppositions_imputation i
                                       WHERE i.opposition_id = op.id), 0) AS reste
          FROM oppositions_opposition op
         WHERE op.mainlevee_le IS NULL OR op.mainlevee_le > v_le
    )
    SELECT c.annee, c.numero, c.creancier, c.le, v.id AS opposition, v.creancier_nom, v.reste,
           (c.cle <> '' AND c.cle = v.creancier_cle)
           OR (c.cle = '' AND c.nom_cle = v.creancier_nom_cle AND v.creancier_iban <> ''
               AND v.creancier_iban = c.iban)
           OR d.decision = 'appliquer' AS appliquee
      INTO r
      FROM creancier c
      JOIN vigueur v
        ON v.signifiee_le <= c.le AND (v.mainlevee_le IS NULL OR v.mainlevee_le > c.le)
       AND v.reste > 0
       AND ((c.cle <> '' AND c.cle = v.creancier_cle)
            OR (c.cle = '' AND c.nom_cle <> '' AND c.nom_cle = v.creancier_nom_cle)
            OR (v.creancier_iban <> '' AND v.creancier_iban = c.iban))
      LEFT JOIN tresorerie_decisionopposition d ON d.ligne_id = c.ligne_id AND d.opposition_id = v.id
     WHERE d.decision IS DISTINCT FROM 'lever'
     LIMIT 1;
    IF FOUND AND r.appliquee THEN
        RAISE EXCEPTION USING ERRCODE = 'LG340',
            MESSAGE = format('L''ordre de dépense n° %s-%s paierait %s alors que l''opposition n° %s (%s) arrête encore %s de ce paiement : l''opposant est payé d''abord (circulaire 93/82 §2.1.5).',
                             r.annee, lpad(r.numero::text, 5, '0'), r.creancier, r.opposition, r.creancier_nom,
                             budget_euros(r.reste));
    ELSIF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG341',
            MESSAGE = format('Le paiement de %s (ordre de dépense n° %s-%s) est en attente de décision de l''agent comptable : l''opposition n° %s (%s) le vise peut-être (circulaire 93/82 §2.1.5).',
                             r.creancier, r.annee, lpad(r.numero::text, 5, '0'), r.opposition, r.creancier_nom);
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: tresorerie_paiement_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_paiement_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    PERFORM 1 FROM depenses_ordredepense WHERE id IN (SELECT ordre_id FROM nouveaux) ORDER BY id FOR UPDATE;
    SELECT o.numero, o.etat INTO r
      FROM depenses_ordredepense o WHERE o.id IN (SELECT ordre_id FROM nouveaux) AND o.etat <> 'vise' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG330',
            MESSAGE = format('L''ordre de dépense n° %s n''est pas visé (%s) : seul un ordre visé se paie (circulaire 93/82 §2.1.6).', r.numero, r.etat);
    END IF;
    SELECT l.id, o.numero, l.montant, p.paye INTO r
      FROM (SELECT ligne_id, sum(montant) AS paye FROM tresorerie_paiement pa
             WHERE ligne_id IN (SELECT ligne_id FROM nouveaux)
               AND NOT EXISTS (SELECT 1 FROM tresorerie_retour rt WHERE rt.paiement_id = pa.id)
             GROUP BY ligne_id) p
      JOIN depenses_ligneordredepense l ON l.id = p.ligne_id
      JOIN depenses_ordredepense o ON o.id = l.ordre_id
     WHERE p.paye > l.montant OR NOT EXISTS (SELECT 1 FROM nouveaux n WHERE n.ligne_id = l.id AND n.ordre_id = l.ordre_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG331',
            MESSAGE = format('L''ordre de dépense n° %s serait payé au-delà de son montant : %s € pour une ligne de %s €.',
                             r.numero, r.paye, r.montant);
    END IF;
    -- Another live payment of the same line to the same beneficiary (an older
    -- one, or one of the same statement): through the line's index.
    SELECT o.numero, n.beneficiaire INTO r
      FROM nouveaux n
      JOIN tresorerie_paiement pa
        ON pa.ligne_id = n.ligne_id AND pa.opposition_id IS NOT DISTINCT FROM n.opposition_id
       AND pa.id <> n.id
      JOIN depenses_ordredepense o ON o.id = n.ordre_id
     WHERE NOT EXISTS (SELECT 1 FROM tresorerie_retour rt WHERE rt.paiement_id = pa.id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'LG384',
            MESSAGE = format('L''ordre de dépense n° %s serait payé deux fois à %s : une ligne ne se paie de nouveau que si la banque a retourné son virement.',
                             r.numero, r.beneficiaire);
    END IF;
    RETURN NULL;
END;
$$;


--
-- Name: tresorerie_quittance_numeroter(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_quittance_numeroter() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    c record;
BEGIN
    SELECT * INTO c FROM tresorerie_carnet WHERE id = NEW.carnet_id FOR UPDATE;
    IF c.clos_le IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG304',
            MESSAGE = format('Le carnet %s est clos : ouvrez un nouveau carnet.', c.serie);
    END IF;
    IF (NEW.nature = 'quittance' AND c.type <> 'quittance') OR (NEW.nature = 'recu' AND c.type <> 'recu') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG305',
            MESSAGE = format('Un document « %s » ne se tire pas du carnet %s (%s).', NEW.nature, c.serie, c.type);
    END IF;
    IF NEW.numero <> c.dernier_utilise + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG306',
            MESSAGE = format('Le prochain numéro du carnet %s est le %s, pas le %s : la numérotation est continue.',
                             c.serie, c.dernier_utilise + 1, NEW.numero);
    END IF;
    IF NEW.numero > c.dernier_numero THEN
        RAISE EXCEPTION USING ERRCODE = 'LG307',
            MESSAGE = format('Le carnet %s est épuisé (dernier numéro %s) : ouvrez un nouveau carnet.', c.serie, c.dernier_numero);
    END IF;
    UPDATE tresorerie_carnet SET dernier_utilise = NEW.numero WHERE id = NEW.carnet_id;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_regie_arretee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_regie_arretee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_regie integer;
    v_arrete date;
BEGIN
    IF TG_TABLE_NAME = 'tresorerie_encaissement' THEN
        SELECT id INTO v_regie FROM tresorerie_regie WHERE compte_id = NEW.compte_id;
    ELSE
        v_regie := NEW.regie_id;
    END IF;
    IF v_regie IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT max(date) INTO v_arrete FROM tresorerie_arreteregie
     WHERE regie_id = v_regie AND date >= NEW.date;
    IF v_arrete IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG372',
            MESSAGE = format('Le régisseur a arrêté sa régie pour la journée du %s : aucune recette ni dépense n''y est plus enregistrée à cette date ni avant (opération datée du %s).',
                             to_char(v_arrete, 'DD/MM/YYYY'), to_char(NEW.date, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_regie_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_regie_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.etat <> 'projet' AND (
           NEW.avis_favorable IS NOT TRUE OR NEW.avis_le IS NULL OR NEW.decision_le IS NULL
           OR NEW.decision_le < NEW.avis_le OR NOT NEW.vise_instruction
           OR NEW.acte_reference = '') THEN
        RAISE EXCEPTION USING ERRCODE = 'LG370',
            MESSAGE = 'Une régie n''est créée que sur décision du directeur après avis conforme de l''agent comptable, par un acte constitutif qui vise l''instruction particulière relative aux règles simplifiées de recettes et de dépenses (circulaire 93/82).';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.etat <> 'projet' AND (
           NEW.decision_le IS DISTINCT FROM OLD.decision_le
           OR NEW.avis_le IS DISTINCT FROM OLD.avis_le
           OR NEW.avis_favorable IS DISTINCT FROM OLD.avis_favorable
           OR NEW.regisseur_id IS DISTINCT FROM OLD.regisseur_id
           OR NEW.compte_id IS DISTINCT FROM OLD.compte_id
           OR (OLD.etat = 'close' AND NEW.etat <> 'close')) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG371',
            MESSAGE = 'La décision de création d''une régie, l''avis conforme qui la précède et le régisseur nommé ne se modifient pas : une nouvelle décision du directeur y pourvoit.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_retour_marquer(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_retour_marquer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    NEW.transaction := txid_current();
    NEW.tx_serveur := pg_postmaster_start_time();
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_retour_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_retour_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    p record;
    e record;
BEGIN
    NEW.transaction := txid_current();
    SELECT pa.ordre_id, pa.montant, pa.bout_en_bout, lot.moyen, lot.compte_id AS disponibilite,
           cd.libelle AS disponibilite_libelle, cd.compte_id AS fonds,
           o.compte_tiers_id, o.numero, x.annee
      INTO p
      FROM tresorerie_paiement pa
      JOIN tresorerie_lotpaiement lot ON lot.id = pa.lot_id
      JOIN tresorerie_comptedisponibilite cd ON cd.id = lot.compte_id
      JOIN depenses_ordredepense o ON o.id = pa.ordre_id
      JOIN ledger_exercice x ON x.id = o.exercice_id
     WHERE pa.id = NEW.paiement_id;
    PERFORM 1 FROM depenses_ordredepense WHERE id = p.ordre_id FOR UPDATE;
    IF p.moyen <> 'virement' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG381',
            MESSAGE = format('Le paiement %s n''est pas un virement : seul un virement est retourné par la banque.', p.bout_en_bout);
    END IF;
    IF NEW.ordre_id <> p.ordre_id OR NEW.montant <> p.montant THEN
        RAISE EXCEPTION USING ERRCODE = 'LG382',
            MESSAGE = format('Le retour du virement %s porte sur l''ordre de dépense n° %s-%s et sur %s : il en reprend l''ordre et le montant.',
                             p.bout_en_bout, p.annee, lpad(p.numero::text, 5, '0'), budget_euros(p.montant));
    END IF;
    SELECT count(*) AS lignes,
           count(*) FILTER (WHERE l.compte_id = p.fonds AND l.debit = p.montant AND l.credit = 0) AS debits,
           count(*) FILTER (WHERE l.compte_id = p.compte_tiers_id AND l.credit = p.montant AND l.debit = 0) AS credits
      INTO e
      FROM ledger_ecriture ec
      JOIN ledger_journal j ON j.id = ec.journal_id
      JOIN ledger_ligne l ON l.ecriture_id = ec.id
     WHERE ec.id = NEW.ecriture_id AND ec.piece = p.bout_en_bout AND ec.passee_par_id = NEW.par_id
       AND j.code = 'TR';
    IF e.lignes <> 2 OR e.debits <> 1 OR e.credits <> 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'LG383',
            MESSAGE = format('Le retour du virement %s s''inscrit par une contre-écriture de %s, pièce %s, au nom de qui l''enregistre, au journal TR et en deux lignes : débit du compte de disponibilités, crédit du compte du créancier.',
                             p.bout_en_bout, budget_euros(p.montant), p.bout_en_bout);
    END IF;
    IF NEW.ligne_releve_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM tresorerie_lignereleve lr JOIN tresorerie_releve rl ON rl.id = lr.releve_id
         WHERE lr.id = NEW.ligne_releve_id AND lr.sens = 'credit' AND lr.montant = p.montant
           AND rl.compte_id = p.disponibilite) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG390',
            MESSAGE = format('Le retour du virement %s se lit sur une ligne au crédit de %s d''un relevé du compte « %s », qui l''a payé.',
                             p.bout_en_bout, budget_euros(p.montant), p.disponibilite_libelle);
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_solde_comptable(bigint, date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_solde_comptable(p_compte bigint, p_au date) RETURNS numeric
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
    WITH depuis AS (
        SELECT coalesce(max(e.annee), 0) AS annee
          FROM ledger_exercice e
         WHERE e.annee <= extract(year FROM p_au)
           AND EXISTS (SELECT 1 FROM ledger_cumul a WHERE a.exercice_id = e.id AND a.a_nouveau)
    )
    SELECT coalesce(sum(cu.debit) - sum(cu.credit), 0)
      FROM ledger_cumul cu
      JOIN ledger_exercice e ON e.id = cu.exercice_id
     CROSS JOIN depuis
     WHERE cu.compte_id = p_compte AND cu.date <= p_au AND e.annee >= depuis.annee
$$;


--
-- Name: tresorerie_versement_regie_arretee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_versement_regie_arretee() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
DECLARE
    v_arrete date;
BEGIN
    SELECT max(date) INTO v_arrete FROM tresorerie_arreteregie
     WHERE regie_id = NEW.regie_id AND date >= NEW.remis_le;
    IF v_arrete IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LG372',
            MESSAGE = format('Le régisseur a arrêté sa régie pour la journée du %s : aucun versement n''y est plus enregistré à cette date ni avant (versement remis le %s).',
                             to_char(v_arrete, 'DD/MM/YYYY'), to_char(NEW.remis_le, 'DD/MM/YYYY'));
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_versement_regie_fige(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_versement_regie_fige() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG377',
            MESSAGE = 'Le versement d''une régie ne se supprime pas : son bordereau est remis à l''agent comptable.';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.regie_id IS DISTINCT FROM OLD.regie_id
       OR NEW.numero IS DISTINCT FROM OLD.numero OR NEW.remis_le IS DISTINCT FROM OLD.remis_le
       OR NEW.remis_par_id IS DISTINCT FROM OLD.remis_par_id OR NEW.montant IS DISTINCT FROM OLD.montant
       OR NEW.observations IS DISTINCT FROM OLD.observations THEN
        RAISE EXCEPTION USING ERRCODE = 'LG377',
            MESSAGE = 'Le versement remis par le régisseur ne se modifie pas (bordereau, date, montant) : seule sa réception par l''agent comptable s''y inscrit.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: tresorerie_versement_regie_verifier(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tresorerie_versement_regie_verifier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.recu_par_id IS NOT NULL AND (
           NEW.recu_par_id = NEW.remis_par_id
           OR NEW.recu_par_id = (SELECT regisseur_id FROM tresorerie_regie WHERE id = NEW.regie_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'LG373',
            MESSAGE = 'Le régisseur ne constate pas lui-même la réception de son versement : l''agent comptable le reçoit (circulaire 93/82 : les régisseurs agissent pour le compte et sous la surveillance de l''agent comptable).';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.etat = 'recu' THEN
        RAISE EXCEPTION USING ERRCODE = 'LG374',
            MESSAGE = 'Un versement de régie reçu ne se modifie plus.';
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: auth_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_group (
    id integer NOT NULL,
    name character varying(150) NOT NULL
);


--
-- Name: auth_group_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_group ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_group_permissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_group_permissions (
    id bigint NOT NULL,
    group_id integer NOT NULL,
    permission_id integer NOT NULL
);


--
-- Name: auth_group_permissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_group_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_permission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_permission (
    id integer NOT NULL,
    name character varying(255) NOT NULL,
    content_type_id integer NOT NULL,
    codename character varying(100) NOT NULL
);


--
-- Name: auth_permission_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_permission ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_permission_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user (
    id integer NOT NULL,
    password character varying(128) NOT NULL,
    last_login timestamp with time zone,
    is_superuser boolean NOT NULL,
    username character varying(150) NOT NULL,
    first_name character varying(150) NOT NULL,
    last_name character varying(150) NOT NULL,
    email character varying(254) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL
);


--
-- Name: auth_user_groups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user_groups (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    group_id integer NOT NULL
);


--
-- Name: auth_user_groups_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user_groups ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_groups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user_user_permissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user_user_permissions (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    permission_id integer NOT NULL
);


--
-- Name: auth_user_user_permissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user_user_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_user_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: authtoken_token; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.authtoken_token (
    key character varying(40) NOT NULL,
    created timestamp with time zone NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: budget_credit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budget_credit (
    id bigint NOT NULL,
    chapitre character varying(12) NOT NULL,
    libelle character varying(200) NOT NULL,
    montant_initial numeric(18,2) NOT NULL,
    modifications numeric(18,2) NOT NULL,
    engage numeric(18,2) NOT NULL,
    ordonnance numeric(18,2) NOT NULL,
    paye numeric(18,2) NOT NULL,
    cree_le timestamp with time zone DEFAULT statement_timestamp() NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT credit_chapitre_chiffres CHECK (((chapitre)::text ~ '^[1-8][0-9]{0,11}$'::text)),
    CONSTRAINT credit_disponible_positif CHECK ((engage <= (montant_initial + modifications))),
    CONSTRAINT credit_initial_positif CHECK ((montant_initial >= (0)::numeric)),
    CONSTRAINT credit_ordonnance_engage CHECK ((ordonnance <= engage)),
    CONSTRAINT credit_paye_ordonnance CHECK ((paye <= ordonnance)),
    CONSTRAINT credit_paye_positif CHECK ((paye >= (0)::numeric))
);


--
-- Name: budget_credit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.budget_credit ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.budget_credit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: budget_modificationcredit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budget_modificationcredit (
    id bigint NOT NULL,
    montant numeric(18,2) NOT NULL,
    motif text NOT NULL,
    decidee_le date NOT NULL,
    cree_le timestamp with time zone DEFAULT statement_timestamp() NOT NULL,
    credit_id bigint NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT modificationcredit_montant_non_nul CHECK ((NOT (montant = (0)::numeric))),
    CONSTRAINT modificationcredit_motif_obligatoire CHECK ((NOT (motif = ''::text)))
);


--
-- Name: budget_modificationcredit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.budget_modificationcredit ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.budget_modificationcredit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: budget_mouvementcredit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budget_mouvementcredit (
    id bigint NOT NULL,
    nature character varying(20) NOT NULL,
    montant numeric(18,2) NOT NULL,
    reference character varying(120) NOT NULL,
    cree_le timestamp with time zone DEFAULT statement_timestamp() NOT NULL,
    credit_id bigint NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT mouvementcredit_montant_non_nul CHECK ((NOT (montant = (0)::numeric))),
    CONSTRAINT mouvementcredit_nature CHECK (((nature)::text = ANY ((ARRAY['engagement'::character varying, 'ordonnancement'::character varying, 'paiement'::character varying])::text[]))),
    CONSTRAINT mouvementcredit_reference_obligatoire CHECK ((NOT ((reference)::text = ''::text)))
);


--
-- Name: budget_mouvementcredit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.budget_mouvementcredit ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.budget_mouvementcredit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_approbation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_approbation (
    id bigint NOT NULL,
    autorite character varying(10) NOT NULL,
    approuve_le date NOT NULL,
    reference character varying(200) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT approbation_autorite_connue CHECK (((autorite)::text = ANY ((ARRAY['drass'::character varying, 'ministre'::character varying])::text[]))),
    CONSTRAINT approbation_reference CHECK ((NOT ((reference)::text = ''::text)))
);


--
-- Name: comptes_annuels_approbation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_approbation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_approbation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_aviscodec; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_aviscodec (
    id bigint NOT NULL,
    rendu_le date NOT NULL,
    favorable boolean NOT NULL,
    observations text NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    exercice_id bigint NOT NULL
);


--
-- Name: comptes_annuels_aviscodec_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_aviscodec ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_aviscodec_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_avisfonde; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_avisfonde (
    id bigint NOT NULL,
    favorable boolean NOT NULL,
    texte text NOT NULL,
    rendu_le date NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    fonde_id integer NOT NULL,
    CONSTRAINT avisfonde_texte CHECK ((texte ~ '[^[:space:]]'::text))
);


--
-- Name: comptes_annuels_avisfonde_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_avisfonde ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_avisfonde_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_comptefinancier; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_comptefinancier (
    id bigint NOT NULL,
    numero integer NOT NULL,
    etabli_le timestamp with time zone NOT NULL,
    qualite character varying(120) NOT NULL,
    agent_comptable character varying(200) NOT NULL,
    commission_le date NOT NULL,
    rapport character varying(100) NOT NULL,
    rapport_nom character varying(200) NOT NULL,
    rapport_taille integer NOT NULL,
    rapport_sha256 character varying(64) NOT NULL,
    contenu jsonb NOT NULL,
    empreinte character varying(64) NOT NULL,
    balance_id bigint NOT NULL,
    etabli_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT comptefinancier_empreintes_hex CHECK ((((empreinte)::text ~ '^[0-9a-f]{64}$'::text) AND ((rapport_sha256)::text ~ '^[0-9a-f]{64}$'::text))),
    CONSTRAINT comptefinancier_numero_positif CHECK ((numero >= 1)),
    CONSTRAINT comptes_annuels_comptefinancier_numero_check CHECK ((numero >= 0)),
    CONSTRAINT comptes_annuels_comptefinancier_rapport_taille_check CHECK ((rapport_taille >= 0))
);


--
-- Name: comptes_annuels_comptefinancier_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_comptefinancier ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_comptefinancier_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_correspondance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_correspondance (
    id bigint NOT NULL,
    prefixe character varying(12) NOT NULL,
    valable_du date NOT NULL,
    fixee_le timestamp with time zone,
    fixee_par_id integer,
    rubrique_id bigint NOT NULL,
    CONSTRAINT correspondance_prefixe_chiffres CHECK (((prefixe)::text ~ '^[1-8][0-9]{0,11}$'::text))
);


--
-- Name: comptes_annuels_correspondance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_correspondance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_correspondance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_quitus; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_quitus (
    id bigint NOT NULL,
    qualite character varying(20) NOT NULL,
    donne_le date NOT NULL,
    deliberation character varying(200) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    avis_id bigint,
    beneficiaire_id integer NOT NULL,
    enregistre_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT quitus_avis_du_fonde CHECK ((((avis_id IS NULL) AND ((qualite)::text = 'agent_comptable'::text)) OR ((avis_id IS NOT NULL) AND ((qualite)::text = 'fonde_de_pouvoir'::text)))),
    CONSTRAINT quitus_deliberation CHECK ((NOT ((deliberation)::text = ''::text)))
);


--
-- Name: comptes_annuels_quitus_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_quitus ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_quitus_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_renvoiministre; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_renvoiministre (
    id bigint NOT NULL,
    transmis_le date NOT NULL,
    reference character varying(200) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT renvoiministre_reference CHECK ((NOT ((reference)::text = ''::text)))
);


--
-- Name: comptes_annuels_renvoiministre_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_renvoiministre ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_renvoiministre_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_rubrique; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_rubrique (
    id bigint NOT NULL,
    code character varying(10) NOT NULL,
    libelle character varying(200) NOT NULL,
    etat character varying(10) NOT NULL,
    gestion character varying(20) NOT NULL,
    ordre smallint NOT NULL,
    CONSTRAINT comptes_annuels_rubrique_ordre_check CHECK ((ordre >= 0)),
    CONSTRAINT rubrique_gestion_selon_etat CHECK (((((etat)::text = ANY ((ARRAY['actif'::character varying, 'passif'::character varying])::text[])) AND ((gestion)::text = ''::text)) OR (((etat)::text = ANY ((ARRAY['charges'::character varying, 'produits'::character varying])::text[])) AND (NOT ((gestion)::text = ''::text)))))
);


--
-- Name: comptes_annuels_rubrique_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_rubrique ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_rubrique_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: comptes_annuels_transmissioncomptes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comptes_annuels_transmissioncomptes (
    id bigint NOT NULL,
    transmis_le date NOT NULL,
    reference character varying(200) NOT NULL,
    limite date NOT NULL,
    article_limite character varying(200) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT transmissioncomptes_reference CHECK ((NOT ((reference)::text = ''::text)))
);


--
-- Name: comptes_annuels_transmissioncomptes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.comptes_annuels_transmissioncomptes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.comptes_annuels_transmissioncomptes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: core_cleidempotence; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.core_cleidempotence (
    id bigint NOT NULL,
    cle character varying(255) NOT NULL,
    methode character varying(10) NOT NULL,
    chemin character varying(255) NOT NULL,
    empreinte character varying(64) NOT NULL,
    statut smallint,
    type_contenu character varying(100) NOT NULL,
    reponse text NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    utilisateur_id integer NOT NULL,
    CONSTRAINT core_cleidempotence_statut_check CHECK ((statut >= 0))
);


--
-- Name: core_cleidempotence_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.core_cleidempotence ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.core_cleidempotence_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: core_jetonconsomme; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.core_jetonconsomme (
    id bigint NOT NULL,
    nonce character varying(64) NOT NULL,
    chemin character varying(255) NOT NULL,
    vers character varying(500) NOT NULL,
    le timestamp with time zone NOT NULL,
    utilisateur_id integer NOT NULL,
    empreinte character varying(64) DEFAULT ''::character varying NOT NULL
);


--
-- Name: core_jetonconsomme_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.core_jetonconsomme ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.core_jetonconsomme_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: core_journalaudit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.core_journalaudit (
    id bigint NOT NULL,
    horodatage timestamp with time zone NOT NULL,
    acte character varying(80) NOT NULL,
    objet_type character varying(80) NOT NULL,
    objet_id character varying(40) NOT NULL,
    objet_libelle character varying(255) NOT NULL,
    avant jsonb,
    apres jsonb,
    acteur_id integer
);


--
-- Name: core_journalaudit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.core_journalaudit ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.core_journalaudit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: core_progression; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.core_progression (
    id bigint NOT NULL,
    libelle text NOT NULL,
    cible text DEFAULT ''::text NOT NULL,
    droit text DEFAULT ''::text NOT NULL,
    utilisateur_id integer,
    pid integer,
    transaction_debut timestamp with time zone,
    etat text DEFAULT 'en_cours'::text NOT NULL,
    etapes jsonb DEFAULT '[]'::jsonb NOT NULL,
    message text DEFAULT ''::text NOT NULL,
    debut timestamp with time zone NOT NULL,
    duree double precision,
    fin timestamp with time zone,
    CONSTRAINT core_progression_check CHECK (((etat = 'en_cours'::text) = (fin IS NULL))),
    CONSTRAINT core_progression_duree_check CHECK ((duree >= (0)::double precision)),
    CONSTRAINT core_progression_etapes_check CHECK ((jsonb_typeof(etapes) = 'array'::text)),
    CONSTRAINT core_progression_etat_check CHECK ((etat = ANY (ARRAY['en_cours'::text, 'terminee'::text, 'echouee'::text]))),
    CONSTRAINT core_progression_libelle_check CHECK ((libelle <> ''::text))
);


--
-- Name: core_progression_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.core_progression_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: core_progression_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.core_progression_id_seq OWNED BY public.core_progression.id;


--
-- Name: depenses_certificatnonpaiement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_certificatnonpaiement (
    id bigint NOT NULL,
    le timestamp with time zone NOT NULL,
    observation text NOT NULL,
    par_id integer NOT NULL,
    ordre_id bigint NOT NULL
);


--
-- Name: depenses_certificatnonpaiement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_certificatnonpaiement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_certificatnonpaiement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_certificatreimputation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_certificatreimputation (
    id bigint NOT NULL,
    motif text NOT NULL,
    le timestamp with time zone NOT NULL,
    ancien_compte_id bigint NOT NULL,
    ecriture_id bigint,
    nouveau_compte_id bigint NOT NULL,
    par_id integer NOT NULL,
    ordre_id bigint NOT NULL,
    etat character varying(16) NOT NULL,
    motif_rejet text NOT NULL,
    qualite character varying(255) NOT NULL,
    traite_le timestamp with time zone,
    traite_par_id integer,
    CONSTRAINT reimputation_etat_coherent CHECK ((((ecriture_id IS NULL) AND ((etat)::text = 'delivre'::text) AND (traite_par_id IS NULL)) OR ((ecriture_id IS NOT NULL) AND ((etat)::text = 'pris_en_charge'::text) AND (traite_par_id IS NOT NULL)) OR ((ecriture_id IS NULL) AND ((etat)::text = 'rejete'::text) AND (traite_par_id IS NOT NULL) AND (NOT (motif_rejet = ''::text)))))
);


--
-- Name: depenses_certificatreimputation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_certificatreimputation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_certificatreimputation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_compteurordredepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_compteurordredepense (
    exercice_id bigint NOT NULL,
    dernier_numero integer NOT NULL,
    CONSTRAINT depenses_compteurordredepense_dernier_numero_check CHECK ((dernier_numero >= 0))
);


--
-- Name: depenses_controledepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_controledepense (
    id bigint NOT NULL,
    controle character varying(30) NOT NULL,
    automatique boolean NOT NULL,
    conforme boolean NOT NULL,
    detail text NOT NULL,
    le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    ordre_id bigint NOT NULL
);


--
-- Name: depenses_controledepense_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_controledepense ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_controledepense_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_depensesansordonnancement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_depensesansordonnancement (
    id bigint NOT NULL,
    objet character varying(255) NOT NULL,
    creancier character varying(200) NOT NULL,
    montant numeric(18,2) NOT NULL,
    payee_le date NOT NULL,
    reference character varying(120) NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    limite_regularisation date NOT NULL,
    compte_charge_id bigint NOT NULL,
    ecriture_id bigint NOT NULL,
    enregistree_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT dso_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: depenses_depensesansordonnancement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_depensesansordonnancement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_depensesansordonnancement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_engagement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_engagement (
    id bigint NOT NULL,
    gestion character varying(12) NOT NULL,
    objet character varying(255) NOT NULL,
    creancier character varying(200) NOT NULL,
    montant numeric(18,2) NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    compte_imputation_id bigint NOT NULL,
    cree_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT engagement_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: depenses_engagement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_engagement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_engagement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_ligneordredepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_ligneordredepense (
    id bigint NOT NULL,
    creancier character varying(200) NOT NULL,
    qualite character varying(120) NOT NULL,
    identifiant character varying(40) NOT NULL,
    iban character varying(34) NOT NULL,
    bic character varying(11) NOT NULL,
    montant numeric(18,2) NOT NULL,
    ordre_id bigint NOT NULL,
    CONSTRAINT ligne_ordre_depense_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: depenses_ligneordredepense_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_ligneordredepense ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_ligneordredepense_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_ordredepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_ordredepense (
    id bigint NOT NULL,
    numero integer NOT NULL,
    type character varying(12) NOT NULL,
    gestion character varying(12) NOT NULL,
    nature character varying(24) NOT NULL,
    objet character varying(255) NOT NULL,
    bases_liquidation text NOT NULL,
    montant numeric(18,2) NOT NULL,
    acompte smallint,
    date_fait date NOT NULL,
    date_service_fait date,
    date_liquidation date,
    date_echeance date,
    date_contrat date,
    date_reception date,
    date_decision date,
    date_deliberation date,
    date_transaction date,
    date_encaissement date,
    date_paiement date,
    article_rattachement character varying(200) NOT NULL,
    critere_rattachement character varying(120) NOT NULL,
    limite_emission date NOT NULL,
    pieces_references text NOT NULL,
    etat character varying(20) NOT NULL,
    empreinte_contenu character varying(64) NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    transmis_le timestamp with time zone,
    vise_le timestamp with time zone,
    motif_abandon text NOT NULL,
    compte_imputation_id bigint NOT NULL,
    compte_tiers_id bigint NOT NULL,
    cree_par_id integer NOT NULL,
    duplicata_de_id bigint,
    ecriture_id bigint,
    engagement_id bigint,
    exercice_id bigint NOT NULL,
    regularise_id bigint,
    vise_par_id integer,
    paiement_moyen character varying(20) NOT NULL,
    paiement_reference character varying(60) NOT NULL,
    paye_le date,
    paye_par_id integer,
    motif_rattachement text NOT NULL,
    CONSTRAINT depenses_ordredepense_acompte_check CHECK ((acompte >= 0)),
    CONSTRAINT depenses_ordredepense_numero_check CHECK ((numero >= 0)),
    CONSTRAINT ordre_depense_montant_positif CHECK ((montant >= (0)::numeric))
);


--
-- Name: depenses_ordredepense_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_ordredepense ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_ordredepense_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_paiementdiffere; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_paiementdiffere (
    id bigint NOT NULL,
    motif character varying(16) NOT NULL,
    echeance date NOT NULL,
    seuil numeric(18,2) NOT NULL,
    decide_le date NOT NULL,
    qualite character varying(255) NOT NULL,
    exercice_id bigint NOT NULL,
    ordre_id bigint NOT NULL,
    par_id integer NOT NULL
);


--
-- Name: depenses_paiementdiffere_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_paiementdiffere ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_paiementdiffere_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_piecedepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_piecedepense (
    id bigint NOT NULL,
    fichier character varying(100) NOT NULL,
    nom character varying(200) NOT NULL,
    type_mime character varying(80) NOT NULL,
    taille integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    ajoutee_le timestamp with time zone NOT NULL,
    complement boolean NOT NULL,
    ajoutee_par_id integer NOT NULL,
    ordre_id bigint NOT NULL,
    CONSTRAINT depenses_piecedepense_taille_check CHECK ((taille >= 0))
);


--
-- Name: depenses_piecedepense_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_piecedepense ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_piecedepense_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_plancontroledepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_plancontroledepense (
    id bigint NOT NULL,
    nature character varying(24) NOT NULL,
    mode character varying(12) NOT NULL,
    seuil numeric(18,2),
    taux smallint NOT NULL,
    CONSTRAINT depenses_plancontroledepense_taux_check CHECK ((taux >= 0))
);


--
-- Name: depenses_plancontroledepense_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_plancontroledepense ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_plancontroledepense_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_reponserequisition; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_reponserequisition (
    id bigint NOT NULL,
    decision character varying(8) NOT NULL,
    cas character varying(30) NOT NULL,
    explication text NOT NULL,
    qualite character varying(255) NOT NULL,
    le timestamp with time zone NOT NULL,
    ecriture_id bigint,
    par_id integer NOT NULL,
    requisition_id bigint NOT NULL,
    suspension_id bigint,
    CONSTRAINT reponse_requisition_coherente CHECK (((((cas)::text = ''::text) AND ((decision)::text = 'defere'::text) AND (ecriture_id IS NOT NULL) AND (suspension_id IS NULL)) OR (((cas)::text = ANY ((ARRAY['opposition'::character varying, 'dette_contestee'::character varying, 'service_fait'::character varying, 'credits'::character varying, 'decision_suspendue'::character varying])::text[])) AND ((decision)::text = 'refus'::text) AND (ecriture_id IS NULL) AND (suspension_id IS NOT NULL) AND (NOT (explication = ''::text)))))
);


--
-- Name: depenses_reponserequisition_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_reponserequisition ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_reponserequisition_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_requisition; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_requisition (
    id bigint NOT NULL,
    motif text NOT NULL,
    qualite character varying(255) NOT NULL,
    le timestamp with time zone NOT NULL,
    ordre_id bigint NOT NULL,
    requis_par_id integer NOT NULL,
    suspension_id bigint NOT NULL
);


--
-- Name: depenses_requisition_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_requisition ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_requisition_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_servicefait; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_servicefait (
    id bigint NOT NULL,
    le date NOT NULL,
    atteste_le timestamp with time zone NOT NULL,
    observation text NOT NULL,
    atteste_par_id integer NOT NULL,
    ordre_id bigint NOT NULL
);


--
-- Name: depenses_servicefait_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_servicefait ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_servicefait_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_signaturedepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_signaturedepense (
    id bigint NOT NULL,
    qualite character varying(255) NOT NULL,
    signee_le timestamp with time zone NOT NULL,
    empreinte_contenu character varying(64) NOT NULL,
    delegation_id bigint,
    ordre_id bigint NOT NULL,
    signataire_id integer NOT NULL
);


--
-- Name: depenses_signaturedepense_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_signaturedepense ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_signaturedepense_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_suspension; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_suspension (
    id bigint NOT NULL,
    motif character varying(30) NOT NULL,
    explication text NOT NULL,
    le timestamp with time zone NOT NULL,
    suite character varying(12) NOT NULL,
    suite_le timestamp with time zone,
    complement text NOT NULL,
    ordre_id bigint NOT NULL,
    par_id integer NOT NULL,
    suite_par_id integer
);


--
-- Name: depenses_suspension_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_suspension ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_suspension_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: depenses_tiragecontroledepense; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.depenses_tiragecontroledepense (
    id bigint NOT NULL,
    taux smallint NOT NULL,
    cle character varying(60) NOT NULL,
    graine character varying(64) NOT NULL,
    nombre smallint NOT NULL,
    selectionne boolean NOT NULL,
    le timestamp with time zone NOT NULL,
    ordre_id bigint NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT depenses_tirage_graine_hex CHECK (((graine)::text ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT depenses_tirage_nombre_0_99 CHECK ((nombre < 100)),
    CONSTRAINT depenses_tirage_resultat CHECK ((((nombre < taux) AND selectionne) OR ((nombre >= taux) AND (NOT selectionne)))),
    CONSTRAINT depenses_tirage_taux_pourcentage CHECK ((taux <= 100)),
    CONSTRAINT depenses_tiragecontroledepense_nombre_check CHECK ((nombre >= 0)),
    CONSTRAINT depenses_tiragecontroledepense_taux_check CHECK ((taux >= 0))
);


--
-- Name: depenses_tiragecontroledepense_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.depenses_tiragecontroledepense ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.depenses_tiragecontroledepense_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_admin_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_admin_log (
    id integer NOT NULL,
    action_time timestamp with time zone NOT NULL,
    object_id text,
    object_repr character varying(200) NOT NULL,
    action_flag smallint NOT NULL,
    change_message text NOT NULL,
    content_type_id integer,
    user_id integer NOT NULL,
    CONSTRAINT django_admin_log_action_flag_check CHECK ((action_flag >= 0))
);


--
-- Name: django_admin_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_admin_log ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_admin_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_content_type; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_content_type (
    id integer NOT NULL,
    app_label character varying(100) NOT NULL,
    model character varying(100) NOT NULL
);


--
-- Name: django_content_type_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_content_type ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_content_type_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_migrations (
    id bigint NOT NULL,
    app character varying(255) NOT NULL,
    name character varying(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);


--
-- Name: django_migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_migrations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_migrations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_session (
    session_key character varying(40) NOT NULL,
    session_data text NOT NULL,
    expire_date timestamp with time zone NOT NULL
);


--
-- Name: inventaire_articleetat; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inventaire_articleetat (
    id bigint NOT NULL,
    rang smallint NOT NULL,
    libelle character varying(255) NOT NULL,
    tiers character varying(120) NOT NULL,
    compte_debit character varying(12) NOT NULL,
    compte_credit character varying(12) NOT NULL,
    base numeric(18,2),
    taux numeric(7,4),
    montant numeric(18,2) NOT NULL,
    pour_memoire boolean NOT NULL,
    etat_id bigint NOT NULL,
    compte_provision character varying(12) NOT NULL,
    nouveau numeric(18,2),
    precedent numeric(18,2),
    CONSTRAINT article_montant_pos CHECK ((montant > (0)::numeric)),
    CONSTRAINT article_revue_coherente CHECK ((((nouveau IS NULL) AND (precedent IS NULL)) OR ((nouveau >= (0)::numeric) AND (precedent > (0)::numeric) AND (((montant = precedent) AND (nouveau = precedent) AND pour_memoire) OR ((montant = (nouveau - precedent)) AND (NOT pour_memoire)) OR ((montant = (precedent - nouveau)) AND (NOT pour_memoire)))))),
    CONSTRAINT inventaire_articleetat_rang_check CHECK ((rang >= 0))
);


--
-- Name: inventaire_articleetat_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.inventaire_articleetat ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.inventaire_articleetat_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: inventaire_contrepassationinventaire; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inventaire_contrepassationinventaire (
    id bigint NOT NULL,
    le timestamp with time zone NOT NULL,
    ecriture_id bigint,
    exercice_id bigint NOT NULL,
    par_id integer NOT NULL
);


--
-- Name: inventaire_contrepassationinventaire_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.inventaire_contrepassationinventaire ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.inventaire_contrepassationinventaire_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: inventaire_etatinventaire; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inventaire_etatinventaire (
    id bigint NOT NULL,
    numero integer NOT NULL,
    nature character varying(30) NOT NULL,
    methode character varying(20) NOT NULL,
    explication text NOT NULL,
    fondement text NOT NULL,
    total numeric(18,2) NOT NULL,
    etabli_le timestamp with time zone NOT NULL,
    qualite character varying(120) NOT NULL,
    empreinte character varying(64) NOT NULL,
    tx bigint DEFAULT txid_current() NOT NULL,
    ecriture_id bigint,
    etabli_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    tx_serveur timestamp with time zone DEFAULT pg_postmaster_start_time() NOT NULL,
    CONSTRAINT etat_numero_positif CHECK ((numero >= 1)),
    CONSTRAINT etat_textes_bornes CHECK (((char_length(explication) <= 4000) AND (char_length(fondement) <= 4000))),
    CONSTRAINT etat_total_positif CHECK ((total > (0)::numeric)),
    CONSTRAINT inventaire_etatinventaire_numero_check CHECK ((numero >= 0))
);


--
-- Name: inventaire_etatinventaire_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.inventaire_etatinventaire ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.inventaire_etatinventaire_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_arretecomptes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_arretecomptes (
    id bigint NOT NULL,
    arrete_le date NOT NULL,
    deliberation character varying(200) NOT NULL,
    affectation character varying(20) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    exercice_id bigint NOT NULL,
    CONSTRAINT arretecomptes_deliberation CHECK ((NOT ((deliberation)::text = ''::text)))
);


--
-- Name: ledger_arretecomptes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_arretecomptes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_arretecomptes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_balancefigee; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_balancefigee (
    id bigint NOT NULL,
    nature character varying(20) NOT NULL,
    au date NOT NULL,
    demande character varying(200) NOT NULL,
    figee_le timestamp with time zone NOT NULL,
    ouverture_debit numeric(18,2) NOT NULL,
    ouverture_credit numeric(18,2) NOT NULL,
    mouvement_debit numeric(18,2) NOT NULL,
    mouvement_credit numeric(18,2) NOT NULL,
    solde_debit numeric(18,2) NOT NULL,
    solde_credit numeric(18,2) NOT NULL,
    empreinte character varying(64) NOT NULL,
    exercice_id bigint NOT NULL,
    figee_par_id integer NOT NULL,
    tx xid8 DEFAULT pg_current_xact_id() NOT NULL,
    tx_serveur timestamp with time zone DEFAULT pg_postmaster_start_time() NOT NULL,
    CONSTRAINT balancefigee_empreinte_hex CHECK (((empreinte)::text ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: ledger_balancefigee_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_balancefigee ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_balancefigee_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_chaine; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_chaine (
    exercice_id bigint NOT NULL,
    dernier_rang bigint NOT NULL,
    derniere_empreinte character varying(64) NOT NULL,
    CONSTRAINT ledger_chaine_dernier_rang_check CHECK ((dernier_rang >= 0))
);


--
-- Name: ledger_compte; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_compte (
    id bigint NOT NULL,
    numero character varying(12) NOT NULL,
    libelle character varying(200) NOT NULL,
    classe smallint NOT NULL,
    nature character varying(20) NOT NULL,
    sens_normal character varying(1) NOT NULL,
    imputable boolean NOT NULL,
    credit_seulement boolean NOT NULL,
    parent_id bigint,
    cotisations boolean DEFAULT false NOT NULL,
    CONSTRAINT compte_classe_1_8 CHECK (((classe >= 1) AND (classe <= 8))),
    CONSTRAINT compte_numero_chiffres CHECK (((numero)::text ~ '^[1-8][0-9]*$'::text)),
    CONSTRAINT ledger_compte_classe_check CHECK ((classe >= 0))
);


--
-- Name: ledger_compte_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_compte ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_compte_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_compteur; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_compteur (
    id bigint NOT NULL,
    dernier_numero integer NOT NULL,
    exercice_id bigint NOT NULL,
    journal_id bigint NOT NULL,
    CONSTRAINT ledger_compteur_dernier_numero_check CHECK ((dernier_numero >= 0))
);


--
-- Name: ledger_compteur_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_compteur ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_compteur_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_cumul; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_cumul (
    id bigint NOT NULL,
    date date NOT NULL,
    a_nouveau boolean NOT NULL,
    debit numeric(18,2) NOT NULL,
    credit numeric(18,2) NOT NULL,
    compte_id bigint NOT NULL,
    exercice_id bigint NOT NULL
);


--
-- Name: ledger_cumul_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_cumul ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_cumul_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_ecriture; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_ecriture (
    id bigint NOT NULL,
    numero integer NOT NULL,
    rang bigint NOT NULL,
    date date NOT NULL,
    libelle character varying(255) NOT NULL,
    piece character varying(120) DEFAULT ''::character varying NOT NULL,
    passee_le timestamp with time zone NOT NULL,
    empreinte_precedente character varying(64) NOT NULL,
    empreinte character varying(64) NOT NULL,
    contrepasse_id bigint,
    exercice_id bigint NOT NULL,
    passee_par_id integer NOT NULL,
    journal_id bigint NOT NULL,
    tx xid8 DEFAULT pg_current_xact_id() NOT NULL,
    tx_serveur timestamp with time zone DEFAULT pg_postmaster_start_time() NOT NULL,
    CONSTRAINT ecriture_numero_positif CHECK ((numero >= 1)),
    CONSTRAINT ecriture_rang_positif CHECK ((rang >= 1)),
    CONSTRAINT ledger_ecriture_numero_check CHECK ((numero >= 0)),
    CONSTRAINT ledger_ecriture_rang_check CHECK ((rang >= 0))
)
PARTITION BY LIST (exercice_id);


--
-- Name: ledger_ecriture_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_ecriture ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_ecriture_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_enregistrement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_enregistrement (
    id bigint NOT NULL,
    exercice_id bigint NOT NULL,
    journal_id bigint NOT NULL,
    date date NOT NULL,
    libelle character varying(255) NOT NULL,
    piece character varying(120) NOT NULL,
    passee_par_id integer NOT NULL,
    passee_le timestamp with time zone NOT NULL,
    contrepasse_id bigint,
    compte_ids bigint[] NOT NULL,
    debits numeric[] NOT NULL,
    credits numeric[] NOT NULL,
    tiers text[] NOT NULL,
    libelles text[] NOT NULL,
    contenu_suite text NOT NULL,
    montant numeric NOT NULL,
    enregistree_le timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: ledger_enregistrement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_enregistrement ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ledger_enregistrement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_envoibalance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_envoibalance (
    id bigint NOT NULL,
    destinataire character varying(20) NOT NULL,
    envoyee_le date NOT NULL,
    reference character varying(200) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    balance_id bigint NOT NULL,
    enregistre_par_id integer NOT NULL
);


--
-- Name: ledger_envoibalance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_envoibalance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_envoibalance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_exercice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_exercice (
    id bigint NOT NULL,
    annee smallint NOT NULL,
    etat character varying(20) NOT NULL,
    ouvert_le timestamp with time zone NOT NULL,
    complementaire_le timestamp with time zone,
    clos_le timestamp with time zone,
    CONSTRAINT exercice_annee_plausible CHECK (((annee >= 1900) AND (annee <= 2999))),
    CONSTRAINT ledger_exercice_annee_check CHECK ((annee >= 0))
);


--
-- Name: ledger_exercice_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_exercice ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_exercice_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_journal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_journal (
    id bigint NOT NULL,
    code character varying(4) NOT NULL,
    libelle character varying(100) NOT NULL,
    a_nouveaux boolean NOT NULL
);


--
-- Name: ledger_journal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_journal ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_journal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_ligne; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_ligne (
    id bigint NOT NULL,
    debit numeric NOT NULL,
    credit numeric NOT NULL,
    tiers character varying(120) DEFAULT ''::character varying NOT NULL,
    libelle character varying(255) DEFAULT ''::character varying NOT NULL,
    compte_id bigint NOT NULL,
    ecriture_id bigint NOT NULL,
    exercice_id bigint NOT NULL,
    date date NOT NULL,
    CONSTRAINT ligne_montants_au_centime CHECK (((debit >= (0)::numeric) AND (credit >= (0)::numeric) AND (debit = trunc(debit, 2)) AND (credit = trunc(credit, 2)) AND (debit < '10000000000000000'::numeric) AND (credit < '10000000000000000'::numeric))),
    CONSTRAINT ligne_un_seul_sens CHECK ((((debit > (0)::numeric) AND (credit = (0)::numeric)) OR ((debit = (0)::numeric) AND (credit > (0)::numeric))))
)
PARTITION BY LIST (exercice_id);


--
-- Name: ledger_ligne_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_ligne ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_ligne_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_lignebalancefigee; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_lignebalancefigee (
    id bigint NOT NULL,
    rang integer NOT NULL,
    numero character varying(12) NOT NULL,
    libelle character varying(200) NOT NULL,
    classe smallint NOT NULL,
    ouverture_debit numeric(18,2) NOT NULL,
    ouverture_credit numeric(18,2) NOT NULL,
    mouvement_debit numeric(18,2) NOT NULL,
    mouvement_credit numeric(18,2) NOT NULL,
    solde_debit numeric(18,2) NOT NULL,
    solde_credit numeric(18,2) NOT NULL,
    balance_id bigint NOT NULL,
    CONSTRAINT ledger_lignebalancefigee_classe_check CHECK ((classe >= 0)),
    CONSTRAINT ledger_lignebalancefigee_rang_check CHECK ((rang >= 0))
);


--
-- Name: ledger_lignebalancefigee_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_lignebalancefigee ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_lignebalancefigee_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_lot; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_lot (
    id bigint NOT NULL,
    tx xid8 DEFAULT pg_current_xact_id() NOT NULL,
    premier_id bigint NOT NULL,
    dernier_id bigint NOT NULL,
    nombre integer NOT NULL,
    cree_le timestamp with time zone DEFAULT now() NOT NULL,
    tx_serveur timestamp with time zone DEFAULT pg_postmaster_start_time() NOT NULL
);


--
-- Name: ledger_lot_controle; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_lot_controle (
    id bigint NOT NULL,
    tx xid8 DEFAULT pg_current_xact_id() NOT NULL,
    tx_serveur timestamp with time zone DEFAULT pg_postmaster_start_time() NOT NULL,
    premier_id bigint NOT NULL,
    dernier_id bigint NOT NULL
);


--
-- Name: ledger_lot_controle_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_lot_controle ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ledger_lot_controle_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_lot_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_lot ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ledger_lot_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_rejet; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_rejet (
    enregistrement_id bigint NOT NULL,
    exercice_id bigint NOT NULL,
    journal_id bigint NOT NULL,
    date date NOT NULL,
    libelle character varying(255) NOT NULL,
    piece character varying(120) NOT NULL,
    passee_par_id integer NOT NULL,
    passee_le timestamp with time zone NOT NULL,
    contrepasse_id bigint,
    compte_ids bigint[] NOT NULL,
    debits numeric[] NOT NULL,
    credits numeric[] NOT NULL,
    tiers text[] NOT NULL,
    libelles text[] NOT NULL,
    montant numeric NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    code text NOT NULL,
    motif text NOT NULL,
    rejete_le timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: ledger_validation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_validation (
    enregistrement_id bigint NOT NULL,
    ecriture_id bigint NOT NULL,
    exercice_id bigint NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    validee_le timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: oppositions_imputation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oppositions_imputation (
    id bigint NOT NULL,
    montant numeric(18,2) NOT NULL,
    reference character varying(120) NOT NULL,
    le date NOT NULL,
    par_id integer NOT NULL,
    opposition_id bigint NOT NULL,
    CONSTRAINT imputation_montant_non_nul CHECK ((NOT (montant = (0)::numeric)))
);


--
-- Name: oppositions_imputation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.oppositions_imputation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.oppositions_imputation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: oppositions_opposition; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oppositions_opposition (
    id bigint NOT NULL,
    creancier_nom character varying(200) NOT NULL,
    creancier_identifiant character varying(40) NOT NULL,
    opposant character varying(200) NOT NULL,
    opposant_iban character varying(34) NOT NULL,
    opposant_bic character varying(11) NOT NULL,
    nature character varying(30) NOT NULL,
    montant numeric(18,2) NOT NULL,
    signifiee_le date NOT NULL,
    reference_acte character varying(120) NOT NULL,
    mainlevee_le date,
    enregistree_le timestamp with time zone NOT NULL,
    enregistree_par_id integer NOT NULL,
    creancier_iban character varying(34) NOT NULL,
    creancier_cle text GENERATED ALWAYS AS (public.oppositions_cle_identifiant((creancier_identifiant)::text)) STORED,
    creancier_nom_cle text GENERATED ALWAYS AS (public.oppositions_cle_nom((creancier_nom)::text)) STORED,
    CONSTRAINT opposition_creancier_identifie CHECK ((NOT ((creancier_identifiant)::text = ''::text))),
    CONSTRAINT opposition_mainlevee_apres_signification CHECK (((mainlevee_le IS NULL) OR (mainlevee_le >= signifiee_le))),
    CONSTRAINT opposition_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: oppositions_opposition_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.oppositions_opposition ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.oppositions_opposition_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_affectation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_affectation (
    id bigint NOT NULL,
    fonction character varying(30) NOT NULL,
    debut date NOT NULL,
    fin date,
    utilisateur_id integer NOT NULL,
    CONSTRAINT affectation_periode_ordonnee CHECK (((fin IS NULL) OR (fin >= debut)))
);


--
-- Name: personnes_affectation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_affectation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_affectation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_compteurechecs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_compteurechecs (
    id bigint NOT NULL,
    portee character varying(10) NOT NULL,
    cle character varying(150) NOT NULL,
    echecs integer NOT NULL,
    debut_fenetre timestamp with time zone,
    bloque_jusqua timestamp with time zone,
    niveau integer NOT NULL,
    CONSTRAINT personnes_compteurechecs_echecs_check CHECK ((echecs >= 0)),
    CONSTRAINT personnes_compteurechecs_niveau_check CHECK ((niveau >= 0))
);


--
-- Name: personnes_compteurechecs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_compteurechecs ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_compteurechecs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_delegation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_delegation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_delegation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_installation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_installation (
    id bigint NOT NULL,
    installe_le date NOT NULL,
    solde_caisse numeric(18,2) NOT NULL,
    solde_banque numeric(18,2) NOT NULL,
    observations text NOT NULL,
    creee_le timestamp with time zone NOT NULL,
    agent_comptable_id integer NOT NULL,
    enregistree_par_id integer NOT NULL,
    predecesseur_id integer,
    ancien_titulaire_id integer,
    interim_id bigint,
    CONSTRAINT installation_pas_son_propre_predecesseur CHECK ((NOT ((predecesseur_id = agent_comptable_id) AND (predecesseur_id IS NOT NULL))))
);


--
-- Name: personnes_installation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_installation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_installation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_interim; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_interim (
    id bigint NOT NULL,
    nature character varying(20) NOT NULL,
    debut date NOT NULL,
    fin date NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    utilisateur_id integer NOT NULL,
    attributions character varying(500) DEFAULT ''::character varying NOT NULL,
    deliberation character varying(100) DEFAULT ''::character varying NOT NULL,
    nomme_le date,
    portee character varying(10) DEFAULT 'general'::character varying NOT NULL,
    CONSTRAINT interim_attributions_format CHECK (((attributions)::text ~ '^([a-z_.]+(,[a-z_.]+)*)?$'::text)),
    CONSTRAINT interim_duree_legale CHECK ((((fin <= (((debut + '3 mons'::interval) - '1 day'::interval))::date) AND ((nature)::text = 'fonde_de_pouvoir'::text)) OR ((fin <= (((debut + '6 mons'::interval) - '1 day'::interval))::date) AND ((nature)::text = 'interimaire'::text)))),
    CONSTRAINT interim_nomme_avant_effet CHECK (((nomme_le IS NULL) OR (nomme_le <= debut))),
    CONSTRAINT interim_partiel_attributions CHECK (((((attributions)::text = ''::text) AND ((portee)::text = 'general'::text)) OR (((portee)::text = 'partiel'::text) AND (NOT ((attributions)::text = ''::text))))),
    CONSTRAINT interim_periode_ordonnee CHECK ((debut <= fin))
);


--
-- Name: personnes_interim_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_interim ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_interim_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_mandat; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_mandat (
    id bigint NOT NULL,
    objet character varying(20) NOT NULL,
    precisions character varying(300) NOT NULL,
    debut date NOT NULL,
    fin date NOT NULL,
    retire_le date,
    cree_le timestamp with time zone NOT NULL,
    agent_comptable_id integer NOT NULL,
    enregistre_par_id integer NOT NULL,
    mandataire_id integer NOT NULL,
    CONSTRAINT mandat_objet_connu CHECK (((objet)::text = ANY ((ARRAY['controles'::character varying, 'verifications'::character varying])::text[]))),
    CONSTRAINT mandat_pas_a_soi_meme CHECK ((NOT (mandataire_id = agent_comptable_id))),
    CONSTRAINT mandat_periode_ordonnee CHECK ((fin >= debut))
);


--
-- Name: personnes_mandat_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_mandat ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_mandat_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_procuration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_procuration (
    id bigint NOT NULL,
    debut date NOT NULL,
    fin date,
    agreee_le date NOT NULL,
    deliberation character varying(100) NOT NULL,
    actes character varying(500) NOT NULL,
    montant_max numeric(18,2),
    creee_le timestamp with time zone NOT NULL,
    agent_comptable_id integer NOT NULL,
    enregistree_par_id integer NOT NULL,
    fonde_id integer NOT NULL,
    CONSTRAINT procuration_actes_format CHECK (((actes)::text ~ '^([a-z_.]+(,[a-z_.]+)*)?$'::text)),
    CONSTRAINT procuration_agreee_avant_effet CHECK ((agreee_le <= debut)),
    CONSTRAINT procuration_deliberation_obligatoire CHECK (((deliberation)::text ~ '[^[:space:]]'::text)),
    CONSTRAINT procuration_pas_a_soi_meme CHECK ((NOT (fonde_id = agent_comptable_id))),
    CONSTRAINT procuration_periode_ordonnee CHECK (((fin IS NULL) OR (fin >= debut))),
    CONSTRAINT procuration_plafond_positif CHECK (((montant_max IS NULL) OR (montant_max > (0)::numeric)))
);


--
-- Name: personnes_procuration_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_procuration ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_procuration_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_prorogationreserves; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_prorogationreserves (
    id bigint NOT NULL,
    demandee_le date NOT NULL,
    accordee_le date NOT NULL,
    accordee_par character varying(200) NOT NULL,
    nouvelle_limite date NOT NULL,
    creee_le timestamp with time zone NOT NULL,
    enregistree_par_id integer NOT NULL,
    installation_id bigint NOT NULL,
    CONSTRAINT prorogation_accordee_apres_demande CHECK ((accordee_le >= demandee_le)),
    CONSTRAINT prorogation_autorite_obligatoire CHECK (((accordee_par)::text ~ '[^[:space:]]'::text))
);


--
-- Name: personnes_prorogationreserves_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_prorogationreserves ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_prorogationreserves_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_reserve; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_reserve (
    id bigint NOT NULL,
    formulee_le date NOT NULL,
    objet text NOT NULL,
    creee_le timestamp with time zone NOT NULL,
    enregistree_par_id integer NOT NULL,
    installation_id bigint NOT NULL,
    CONSTRAINT reserve_objet_obligatoire CHECK ((objet ~ '[^[:space:]]'::text))
);


--
-- Name: personnes_reserve_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_reserve ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_reserve_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: personnes_secondfacteur; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personnes_secondfacteur (
    id bigint NOT NULL,
    secret character varying(64) NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    confirme_le timestamp with time zone,
    dernier_pas bigint NOT NULL,
    utilisateur_id integer NOT NULL
);


--
-- Name: personnes_secondfacteur_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.personnes_secondfacteur ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.personnes_secondfacteur_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_compteurordre; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_compteurordre (
    exercice_id bigint NOT NULL,
    dernier_numero integer NOT NULL,
    CONSTRAINT recettes_compteurordre_dernier_numero_check CHECK ((dernier_numero >= 0))
);


--
-- Name: recettes_controleeffectue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_controleeffectue (
    id bigint NOT NULL,
    point character varying(255) NOT NULL,
    conforme boolean NOT NULL,
    commentaire text NOT NULL,
    le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    ordre_id bigint NOT NULL
);


--
-- Name: recettes_controleeffectue_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_controleeffectue ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_controleeffectue_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_ligneordrerecette; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_ligneordrerecette (
    id bigint NOT NULL,
    debiteur character varying(200) NOT NULL,
    qualite character varying(120) NOT NULL,
    identifiant character varying(40) NOT NULL,
    montant numeric(18,2) NOT NULL,
    ordre_id bigint NOT NULL,
    CONSTRAINT ligne_ordre_recette_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: recettes_ligneordrerecette_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_ligneordrerecette ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_ligneordrerecette_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_ordrerecette; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_ordrerecette (
    id bigint NOT NULL,
    numero integer NOT NULL,
    type character varying(12) NOT NULL,
    nature character varying(24) NOT NULL,
    objet character varying(255) NOT NULL,
    bases_liquidation text NOT NULL,
    montant numeric(18,2) NOT NULL,
    date_fait date NOT NULL,
    date_droits_acquis date,
    date_liquidation date,
    date_echeance date,
    date_contrat date,
    date_reception date,
    date_decision date,
    date_reglement date,
    date_encaissement date,
    article_rattachement character varying(200) NOT NULL,
    critere_rattachement character varying(120) NOT NULL,
    limite_emission date NOT NULL,
    pieces_references text NOT NULL,
    etat character varying(20) NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    empreinte_contenu character varying(64) NOT NULL,
    transmis_le timestamp with time zone,
    pris_en_charge_le timestamp with time zone,
    motif_rejet text NOT NULL,
    rejete_le timestamp with time zone,
    motif_abandon text NOT NULL,
    compte_imputation_id bigint NOT NULL,
    compte_tiers_id bigint NOT NULL,
    cree_par_id integer NOT NULL,
    ecriture_id bigint,
    exercice_id bigint NOT NULL,
    pris_en_charge_par_id integer,
    motif_rattachement text NOT NULL,
    CONSTRAINT ordre_recette_montant_positif CHECK ((montant >= (0)::numeric)),
    CONSTRAINT recettes_ordrerecette_numero_check CHECK ((numero >= 0))
);


--
-- Name: recettes_ordrerecette_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_ordrerecette ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_ordrerecette_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_piecejustificative; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_piecejustificative (
    id bigint NOT NULL,
    fichier character varying(100) NOT NULL,
    nom character varying(200) NOT NULL,
    type_mime character varying(80) NOT NULL,
    taille integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    ajoutee_le timestamp with time zone NOT NULL,
    ajoutee_par_id integer NOT NULL,
    ordre_id bigint NOT NULL,
    CONSTRAINT recettes_piecejustificative_taille_check CHECK ((taille >= 0))
);


--
-- Name: recettes_piecejustificative_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_piecejustificative ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_piecejustificative_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_plancontrole; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_plancontrole (
    id bigint NOT NULL,
    nature character varying(24) NOT NULL,
    mode character varying(12) NOT NULL,
    seuil numeric(18,2),
    taux smallint NOT NULL,
    points text NOT NULL,
    CONSTRAINT recettes_plancontrole_taux_check CHECK ((taux >= 0))
);


--
-- Name: recettes_plancontrole_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_plancontrole ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_plancontrole_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_reduction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_reduction (
    id bigint NOT NULL,
    type character varying(20) NOT NULL,
    montant numeric(18,2) NOT NULL,
    motif text NOT NULL,
    nouvelles_bases text NOT NULL,
    etat character varying(20) NOT NULL,
    qualite character varying(255) NOT NULL,
    signee_le timestamp with time zone NOT NULL,
    ecriture_id bigint,
    ordre_id bigint NOT NULL,
    pris_en_charge_par_id integer,
    signataire_id integer NOT NULL,
    ligne_id bigint,
    CONSTRAINT reduction_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: recettes_reduction_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_reduction ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_reduction_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_signature; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_signature (
    id bigint NOT NULL,
    qualite character varying(255) NOT NULL,
    signee_le timestamp with time zone NOT NULL,
    empreinte_contenu character varying(64) NOT NULL,
    delegation_id bigint,
    ordre_id bigint NOT NULL,
    signataire_id integer NOT NULL
);


--
-- Name: recettes_signature_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_signature ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_signature_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recettes_tiragecontrole; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recettes_tiragecontrole (
    id bigint NOT NULL,
    taux smallint NOT NULL,
    cle character varying(60) NOT NULL,
    graine character varying(64) NOT NULL,
    nombre smallint NOT NULL,
    selectionne boolean NOT NULL,
    le timestamp with time zone NOT NULL,
    ordre_id bigint NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT recettes_tirage_graine_hex CHECK (((graine)::text ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT recettes_tirage_nombre_0_99 CHECK ((nombre < 100)),
    CONSTRAINT recettes_tirage_resultat CHECK ((((nombre < taux) AND selectionne) OR ((nombre >= taux) AND (NOT selectionne)))),
    CONSTRAINT recettes_tirage_taux_pourcentage CHECK ((taux <= 100)),
    CONSTRAINT recettes_tiragecontrole_nombre_check CHECK ((nombre >= 0)),
    CONSTRAINT recettes_tiragecontrole_taux_check CHECK ((taux >= 0))
);


--
-- Name: recettes_tiragecontrole_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recettes_tiragecontrole ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recettes_tiragecontrole_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_acte; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_acte (
    id bigint NOT NULL,
    type character varying(24) NOT NULL,
    le date NOT NULL,
    libelle character varying(255) NOT NULL,
    resultat text NOT NULL,
    montant numeric(18,2),
    qualite character varying(255) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    auteur_id integer NOT NULL,
    ecriture_id bigint,
    creance_id bigint,
    debiteur_id bigint NOT NULL
);


--
-- Name: recouvrement_acte_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_acte ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_acte_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_actehuissier; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_actehuissier (
    id bigint NOT NULL,
    le date NOT NULL,
    nature character varying(200) NOT NULL,
    cout numeric(18,2) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    resultat_le date,
    resultat text NOT NULL,
    somme_recouvree numeric(18,2),
    enregistre_par_id integer NOT NULL,
    ordre_depense_id bigint,
    huissier_id bigint NOT NULL,
    poursuite_id bigint NOT NULL,
    CONSTRAINT actehuissier_cout CHECK ((cout >= (0)::numeric)),
    CONSTRAINT actehuissier_ordre_si_cout CHECK (((ordre_depense_id IS NULL) OR (cout > (0)::numeric)))
);


--
-- Name: recouvrement_actehuissier_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_actehuissier ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_actehuissier_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_aviscaisse; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_aviscaisse (
    id bigint NOT NULL,
    le date NOT NULL,
    destinataire character varying(200) NOT NULL,
    montant numeric(18,2) NOT NULL,
    qualite character varying(255) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    creance_id bigint NOT NULL,
    signataire_id integer NOT NULL,
    mise_en_demeure_id bigint NOT NULL
);


--
-- Name: recouvrement_aviscaisse_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_aviscaisse ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_aviscaisse_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_contratconserve; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_contratconserve (
    id bigint NOT NULL,
    nature character varying(8) NOT NULL,
    objet character varying(255) NOT NULL,
    cocontractant character varying(200) NOT NULL,
    debut date NOT NULL,
    expire_le date NOT NULL,
    preavis_mois smallint NOT NULL,
    original character varying(200) NOT NULL,
    directeur_informe_le date,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    CONSTRAINT contrat_conserve_expire_apres_debut CHECK ((expire_le > debut)),
    CONSTRAINT contrat_conserve_preavis CHECK (((preavis_mois >= 1) AND (preavis_mois <= 24))),
    CONSTRAINT recouvrement_contratconserve_preavis_mois_check CHECK ((preavis_mois >= 0))
);


--
-- Name: recouvrement_contratconserve_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_contratconserve ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_contratconserve_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_creance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_creance (
    id bigint NOT NULL,
    responsable character varying(10) NOT NULL,
    stade character varying(24) NOT NULL,
    ouverte_le date NOT NULL,
    transmise_le date,
    compte_rendu text NOT NULL,
    ligne_id bigint NOT NULL,
    transmise_par_id integer,
    debiteur_id bigint NOT NULL,
    CONSTRAINT creance_transmise_au_directeur CHECK (((transmise_le IS NULL) OR ((responsable)::text = 'directeur'::text)))
);


--
-- Name: recouvrement_creance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_creance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_creance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_debiteur; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_debiteur (
    id bigint NOT NULL,
    nom character varying(120) NOT NULL,
    qualite character varying(120) NOT NULL,
    adresse text NOT NULL,
    regime character varying(12) NOT NULL,
    forme character varying(10) NOT NULL,
    compte_id bigint NOT NULL
);


--
-- Name: recouvrement_debiteur_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_debiteur ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_debiteur_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_declarationcreance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_declarationcreance (
    id bigint NOT NULL,
    le date NOT NULL,
    montant numeric(18,2) NOT NULL,
    qualite character varying(255) NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    procedure_id bigint NOT NULL
);


--
-- Name: recouvrement_declarationcreance_creances; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_declarationcreance_creances (
    id bigint NOT NULL,
    declarationcreance_id bigint NOT NULL,
    creance_id bigint NOT NULL
);


--
-- Name: recouvrement_declarationcreance_creances_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_declarationcreance_creances ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_declarationcreance_creances_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_declarationcreance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_declarationcreance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_declarationcreance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_delaipaiement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_delaipaiement (
    id bigint NOT NULL,
    demande_le date NOT NULL,
    demande_reference character varying(120) NOT NULL,
    demande_fichier character varying(100) NOT NULL,
    demande_sha256 character varying(64) NOT NULL,
    motif text NOT NULL,
    accorde_le date NOT NULL,
    qualite character varying(255) NOT NULL,
    montant numeric(18,2) NOT NULL,
    etat character varying(12) NOT NULL,
    defaillance_le date,
    accorde_par_id integer NOT NULL,
    creance_id bigint NOT NULL,
    CONSTRAINT delai_demande_ecrite CHECK (((NOT ((demande_reference)::text = ''::text)) OR (NOT ((demande_fichier)::text = ''::text)))),
    CONSTRAINT delai_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: recouvrement_delaipaiement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_delaipaiement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_delaipaiement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_dispensevisite; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_dispensevisite (
    id bigint NOT NULL,
    du date NOT NULL,
    au date NOT NULL,
    accord_le date NOT NULL,
    accord_reference character varying(120) NOT NULL,
    motif text NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    huissier_id bigint NOT NULL,
    CONSTRAINT dispense_dates CHECK ((du <= au))
);


--
-- Name: recouvrement_dispensevisite_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_dispensevisite ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_dispensevisite_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_echeance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_echeance (
    id bigint NOT NULL,
    rang smallint NOT NULL,
    le date NOT NULL,
    montant numeric(18,2) NOT NULL,
    delai_id bigint NOT NULL,
    CONSTRAINT echeance_montant_positif CHECK ((montant > (0)::numeric)),
    CONSTRAINT recouvrement_echeance_rang_check CHECK ((rang >= 0))
);


--
-- Name: recouvrement_echeance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_echeance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_echeance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_envoietatnominatif; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_envoietatnominatif (
    id bigint NOT NULL,
    annee smallint NOT NULL,
    semestre smallint NOT NULL,
    arrete_au date NOT NULL,
    envoye_le date NOT NULL,
    reference character varying(120) NOT NULL,
    qualite character varying(255) NOT NULL,
    debiteurs integer NOT NULL,
    montant numeric(18,2) NOT NULL,
    contenu text NOT NULL,
    en_retard boolean NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT etat_nominatif_apres_arrete CHECK ((envoye_le > arrete_au)),
    CONSTRAINT recouvrement_envoietatnominatif_annee_check CHECK ((annee >= 0)),
    CONSTRAINT recouvrement_envoietatnominatif_debiteurs_check CHECK ((debiteurs >= 0)),
    CONSTRAINT recouvrement_envoietatnominatif_semestre_check CHECK ((semestre >= 0))
);


--
-- Name: recouvrement_envoietatnominatif_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_envoietatnominatif ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_envoietatnominatif_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_envoiliste; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_envoiliste (
    id bigint NOT NULL,
    liste character varying(14) NOT NULL,
    le date NOT NULL,
    qualite character varying(255) NOT NULL,
    nombre integer NOT NULL,
    montant numeric(18,2) NOT NULL,
    contenu text NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT recouvrement_envoiliste_nombre_check CHECK ((nombre >= 0))
);


--
-- Name: recouvrement_envoiliste_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_envoiliste ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_envoiliste_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_evenementprocedure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_evenementprocedure (
    id bigint NOT NULL,
    le date NOT NULL,
    libelle character varying(255) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    procedure_id bigint NOT NULL
);


--
-- Name: recouvrement_evenementprocedure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_evenementprocedure ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_evenementprocedure_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_garantie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_garantie (
    id bigint NOT NULL,
    nature character varying(14) NOT NULL,
    montant numeric(18,2) NOT NULL,
    objet character varying(255) NOT NULL,
    prise_le date NOT NULL,
    inscrite_le date,
    bureau character varying(160) NOT NULL,
    peremption_le date,
    signalee_le date,
    renouvelee_le date,
    etat character varying(12) NOT NULL,
    mainlevee_le date,
    qualite character varying(255) NOT NULL,
    creance_id bigint,
    debiteur_id bigint NOT NULL,
    enregistree_par_id integer NOT NULL,
    CONSTRAINT garantie_hypotheque_inscrite CHECK (((NOT ((nature)::text = 'hypotheque'::text)) OR ((inscrite_le IS NOT NULL) AND (peremption_le > inscrite_le) AND (peremption_le IS NOT NULL)))),
    CONSTRAINT garantie_mainlevee_datee CHECK (((((etat)::text = 'en_vigueur'::text) AND (mainlevee_le IS NULL)) OR (((etat)::text = 'levee'::text) AND (mainlevee_le IS NOT NULL)))),
    CONSTRAINT garantie_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: recouvrement_garantie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_garantie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_garantie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_huissier; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_huissier (
    id bigint NOT NULL,
    nom character varying(200) NOT NULL,
    etude character varying(200) NOT NULL,
    adresse text NOT NULL,
    iban character varying(34) NOT NULL,
    bic character varying(11) NOT NULL,
    convention_depuis date NOT NULL,
    inscrit_le timestamp with time zone NOT NULL,
    inscrit_par_id integer NOT NULL
);


--
-- Name: recouvrement_huissier_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_huissier ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_huissier_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_lettrerelance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_lettrerelance (
    id bigint NOT NULL,
    rang smallint NOT NULL,
    total numeric(18,2) NOT NULL,
    debiteur_id bigint NOT NULL,
    lot_id bigint NOT NULL,
    CONSTRAINT recouvrement_lettrerelance_rang_check CHECK ((rang >= 0))
);


--
-- Name: recouvrement_lettrerelance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_lettrerelance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_lettrerelance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_lignerelance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_lignerelance (
    id bigint NOT NULL,
    rang smallint NOT NULL,
    reste numeric(18,2) NOT NULL,
    acte_id bigint NOT NULL,
    creance_id bigint NOT NULL,
    lettre_id bigint NOT NULL,
    CONSTRAINT recouvrement_lignerelance_rang_check CHECK ((rang >= 0)),
    CONSTRAINT relance_reste_positif CHECK ((reste > (0)::numeric))
);


--
-- Name: recouvrement_lignerelance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_lignerelance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_lignerelance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_lotrelances; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_lotrelances (
    id bigint NOT NULL,
    annee smallint NOT NULL,
    numero integer NOT NULL,
    le date NOT NULL,
    qualite character varying(255) NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT recouvrement_lotrelances_annee_check CHECK ((annee >= 0)),
    CONSTRAINT recouvrement_lotrelances_numero_check CHECK ((numero >= 0))
);


--
-- Name: recouvrement_lotrelances_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_lotrelances ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_lotrelances_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_miseendemeure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_miseendemeure (
    id bigint NOT NULL,
    envoyee_le date NOT NULL,
    montant numeric(18,2) NOT NULL,
    qualite character varying(255) NOT NULL,
    avis_reception_le date,
    fin_delai date,
    enregistree_le timestamp with time zone NOT NULL,
    debiteur_id bigint NOT NULL,
    signataire_id integer NOT NULL,
    CONSTRAINT miseendemeure_delai_avec_avis CHECK ((((avis_reception_le IS NULL) AND (fin_delai IS NULL)) OR ((avis_reception_le IS NOT NULL) AND (fin_delai IS NOT NULL))))
);


--
-- Name: recouvrement_miseendemeure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_miseendemeure ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_miseendemeure_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_miseendemeurecreance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_miseendemeurecreance (
    id bigint NOT NULL,
    montant numeric(18,2) NOT NULL,
    creance_id bigint NOT NULL,
    mise_en_demeure_id bigint NOT NULL
);


--
-- Name: recouvrement_miseendemeurecreance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_miseendemeurecreance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_miseendemeurecreance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_periodiciteliste; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_periodiciteliste (
    id bigint NOT NULL,
    liste character varying(14) NOT NULL,
    mois smallint NOT NULL,
    a_compter_du date NOT NULL,
    fixee_le timestamp with time zone NOT NULL,
    fixee_par_id integer NOT NULL,
    CONSTRAINT periodicite_liste_mois CHECK (((mois >= 1) AND (mois <= 12))),
    CONSTRAINT recouvrement_periodiciteliste_mois_check CHECK ((mois >= 0))
);


--
-- Name: recouvrement_periodiciteliste_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_periodiciteliste ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_periodiciteliste_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_poursuite; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_poursuite (
    id bigint NOT NULL,
    type character varying(12) NOT NULL,
    description text NOT NULL,
    le date NOT NULL,
    montant numeric(18,2) NOT NULL,
    qualite character varying(255) NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    creance_id bigint NOT NULL,
    mise_en_demeure_id bigint NOT NULL,
    signataire_id integer NOT NULL
);


--
-- Name: recouvrement_poursuite_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_poursuite ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_poursuite_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_procedurecollective; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_procedurecollective (
    id bigint NOT NULL,
    type character varying(12) NOT NULL,
    jugement_le date NOT NULL,
    tribunal character varying(200) NOT NULL,
    mandataire character varying(200) NOT NULL,
    limite_declaration date NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    issue_le date,
    issue text NOT NULL,
    debiteur_id bigint NOT NULL,
    enregistree_par_id integer NOT NULL,
    CONSTRAINT procedure_limite_apres_jugement CHECK ((limite_declaration >= jugement_le))
);


--
-- Name: recouvrement_procedurecollective_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_procedurecollective ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_procedurecollective_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_recoursamiable; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_recoursamiable (
    id bigint NOT NULL,
    saisie_le date NOT NULL,
    objet text NOT NULL,
    fin_commission date NOT NULL,
    decision character varying(10) NOT NULL,
    decision_le date,
    decision_reference character varying(120) NOT NULL,
    decision_motifs text NOT NULL,
    enregistre_par_id integer NOT NULL,
    mise_en_demeure_id bigint NOT NULL
);


--
-- Name: recouvrement_recoursamiable_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_recoursamiable ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_recoursamiable_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recouvrement_visitehuissier; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recouvrement_visitehuissier (
    id bigint NOT NULL,
    le date NOT NULL,
    compte_rendu text NOT NULL,
    enregistree_le timestamp with time zone NOT NULL,
    huissier_id bigint NOT NULL,
    par_id integer NOT NULL
);


--
-- Name: recouvrement_visitehuissier_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recouvrement_visitehuissier ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.recouvrement_visitehuissier_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reglementation_parametre; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reglementation_parametre (
    id bigint NOT NULL,
    cle character varying(60) NOT NULL,
    valeur text NOT NULL,
    debut date NOT NULL,
    fin date,
    article character varying(200) NOT NULL,
    libelle text NOT NULL,
    CONSTRAINT parametre_debut_avant_fin CHECK (((fin IS NULL) OR (debut <= fin)))
);


--
-- Name: reglementation_parametre_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reglementation_parametre ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reglementation_parametre_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reglementation_reglerattachement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reglementation_reglerattachement (
    id bigint NOT NULL,
    sens character varying(10) NOT NULL,
    nature character varying(40) NOT NULL,
    regime character varying(10) NOT NULL,
    debut date NOT NULL,
    fin date,
    critere character varying(20) NOT NULL,
    delai_jours smallint,
    delai_mois smallint,
    article character varying(300) NOT NULL,
    libelle text NOT NULL,
    CONSTRAINT regle_critere_connu CHECK (((critere)::text = ANY ((ARRAY['droits_acquis'::character varying, 'encaissement'::character varying, 'liquidation'::character varying, 'contrat'::character varying, 'veille_echeance'::character varying, 'reception'::character varying, 'decision'::character varying, 'reglement'::character varying, 'paiement'::character varying, 'service_fait'::character varying, 'deliberation'::character varying, 'transaction'::character varying])::text[]))),
    CONSTRAINT regle_debut_avant_fin CHECK (((fin IS NULL) OR (debut <= fin))),
    CONSTRAINT regle_delai_mois_positif CHECK (((delai_mois IS NULL) OR (delai_mois >= 1))),
    CONSTRAINT regle_regime_connu CHECK (((regime)::text = ANY ((ARRAY['general'::character varying, 'autre'::character varying, 'tous'::character varying])::text[]))),
    CONSTRAINT regle_sens_connu CHECK (((sens)::text = ANY ((ARRAY['recette'::character varying, 'depense'::character varying])::text[]))),
    CONSTRAINT regle_un_seul_delai CHECK ((((delai_jours IS NOT NULL) AND (delai_mois IS NULL)) OR ((delai_jours IS NULL) AND (delai_mois IS NOT NULL)))),
    CONSTRAINT reglementation_reglerattachement_delai_jours_check CHECK ((delai_jours >= 0)),
    CONSTRAINT reglementation_reglerattachement_delai_mois_check CHECK ((delai_mois >= 0))
);


--
-- Name: reglementation_reglerattachement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reglementation_reglerattachement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reglementation_reglerattachement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_avisministres; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_avisministres (
    id bigint NOT NULL,
    seuil numeric(18,2) NOT NULL,
    transmis_le date NOT NULL,
    avis_le date NOT NULL,
    avis_reference character varying(120) NOT NULL,
    favorable boolean NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    mise_en_cause_id bigint NOT NULL,
    CONSTRAINT avisministres_apres_transmission CHECK ((avis_le >= transmis_le)),
    CONSTRAINT avisministres_reference CHECK (((avis_reference)::text ~ '[^[:space:]]'::text))
);


--
-- Name: responsabilite_avisministres_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_avisministres ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_avisministres_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_demande; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_demande (
    id bigint NOT NULL,
    nature character varying(10) NOT NULL,
    demande_le date NOT NULL,
    motifs text NOT NULL,
    montant_demande numeric(18,2) NOT NULL,
    force_majeure boolean NOT NULL,
    piece character varying(100) NOT NULL,
    piece_nom character varying(200) NOT NULL,
    piece_sha256 character varying(64) NOT NULL,
    etat character varying(12) NOT NULL,
    conseil_le date,
    deliberation character varying(120) NOT NULL,
    montant_accorde numeric(18,2),
    seuil numeric(18,2),
    approbation_le date,
    approbation_reference character varying(120) NOT NULL,
    approuvee boolean,
    ordre_id bigint NOT NULL,
    ecriture_id bigint,
    prise_429 numeric(18,2) DEFAULT 0 NOT NULL,
    prise_agent numeric(18,2) DEFAULT 0 NOT NULL,
    rembourse_compte character varying(20) DEFAULT ''::character varying NOT NULL,
    rembourse_ecriture_id bigint,
    rembourse_le date,
    CONSTRAINT demande_decision_conseil CHECK ((((conseil_le IS NULL) AND ((etat)::text = 'demandee'::text)) OR ((NOT ((etat)::text = 'demandee'::text)) AND (conseil_le >= demande_le) AND (montant_accorde >= (0)::numeric) AND (montant_accorde <= montant_demande)))),
    CONSTRAINT demande_force_majeure_prouvee CHECK (((NOT force_majeure) OR ((piece_sha256)::text ~ '^[0-9a-f]{64}$'::text))),
    CONSTRAINT demande_montant CHECK ((montant_demande > (0)::numeric)),
    CONSTRAINT demande_motifs CHECK ((motifs ~ '[^[:space:]]'::text)),
    CONSTRAINT demande_prise_en_charge_parts CHECK ((((ecriture_id IS NULL) AND (prise_429 = (0)::numeric) AND (prise_agent = (0)::numeric)) OR ((ecriture_id IS NOT NULL) AND (montant_accorde = (prise_429 + prise_agent)) AND (prise_429 >= (0)::numeric) AND (prise_agent >= (0)::numeric)))),
    CONSTRAINT demande_remboursement CHECK (((((rembourse_compte)::text = ''::text) AND (rembourse_ecriture_id IS NULL) AND (rembourse_le IS NULL)) OR ((prise_agent > (0)::numeric) AND (rembourse_ecriture_id IS NOT NULL) AND (rembourse_le IS NOT NULL) AND (NOT ((rembourse_compte)::text = ''::text)))))
);


--
-- Name: responsabilite_demande_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_demande ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_demande_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_dossierdrass; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_dossierdrass (
    id bigint NOT NULL,
    transmis_le date NOT NULL,
    revenus numeric(18,2) NOT NULL,
    biens_immobiliers numeric(18,2) NOT NULL,
    cautionnement character varying(100) NOT NULL,
    cautionnement_nom character varying(200) NOT NULL,
    cautionnement_sha256 character varying(64) NOT NULL,
    assurance character varying(100) NOT NULL,
    assurance_nom character varying(200) NOT NULL,
    assurance_sha256 character varying(64) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    demande_id bigint NOT NULL,
    enregistre_par_id integer NOT NULL,
    CONSTRAINT dossierdrass_copies CHECK ((((assurance_sha256)::text ~ '^[0-9a-f]{64}$'::text) AND ((cautionnement_sha256)::text ~ '^[0-9a-f]{64}$'::text))),
    CONSTRAINT dossierdrass_montants CHECK (((biens_immobiliers >= (0)::numeric) AND (revenus >= (0)::numeric)))
);


--
-- Name: responsabilite_dossierdrass_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_dossierdrass ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_dossierdrass_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_miseencause; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_miseencause (
    id bigint NOT NULL,
    auteur character varying(20) NOT NULL,
    decide_le date NOT NULL,
    faits_le date NOT NULL,
    motifs text NOT NULL,
    montant numeric(18,2) NOT NULL,
    fraude boolean NOT NULL,
    information_drass_le date,
    information_nationale_le date,
    enregistre_le timestamp with time zone NOT NULL,
    agent_comptable_id integer NOT NULL,
    enregistre_par_id integer NOT NULL,
    arrete_caisse_id bigint,
    CONSTRAINT miseencause_faits_avant CHECK ((faits_le <= decide_le)),
    CONSTRAINT miseencause_information_si_fraude CHECK (((fraude AND (information_drass_le IS NOT NULL) AND (information_nationale_le IS NOT NULL)) OR ((NOT fraude) AND (information_drass_le IS NULL) AND (information_nationale_le IS NULL)))),
    CONSTRAINT miseencause_montant CHECK ((montant > (0)::numeric)),
    CONSTRAINT miseencause_motifs CHECK ((motifs ~ '[^[:space:]]'::text))
);


--
-- Name: responsabilite_miseencause_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_miseencause ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_miseencause_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_nonvaleur; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_nonvaleur (
    id bigint NOT NULL,
    conseil_le date NOT NULL,
    deliberation character varying(120) NOT NULL,
    montant numeric(18,2) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    ecriture_id bigint,
    enregistre_par_id integer NOT NULL,
    ordre_id bigint NOT NULL,
    CONSTRAINT nonvaleur_deliberation CHECK (((deliberation)::text ~ '[^[:space:]]'::text)),
    CONSTRAINT nonvaleur_montant CHECK ((montant > (0)::numeric))
);


--
-- Name: responsabilite_nonvaleur_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_nonvaleur ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_nonvaleur_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_notificationassociation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_notificationassociation (
    id bigint NOT NULL,
    le date NOT NULL,
    association character varying(200) NOT NULL,
    reference character varying(120) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    enregistre_par_id integer NOT NULL,
    ordre_id bigint NOT NULL,
    CONSTRAINT notification_association_remplie CHECK ((((association)::text ~ '[^[:space:]]'::text) AND ((reference)::text ~ '[^[:space:]]'::text)))
);


--
-- Name: responsabilite_notificationassociation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_notificationassociation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_notificationassociation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_ordredebet; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_ordredebet (
    id bigint NOT NULL,
    annee integer NOT NULL,
    numero integer NOT NULL,
    montant numeric(18,2) NOT NULL,
    compte character varying(20) NOT NULL,
    emis_le date NOT NULL,
    etat character varying(10) NOT NULL,
    accuse_reception_le date,
    conseil_informe_le date,
    agent_comptable_id integer NOT NULL,
    ecriture_id bigint,
    emis_par_id integer NOT NULL,
    mise_en_cause_id bigint NOT NULL,
    sursis_decide_le date,
    sursis_decision character varying(120) NOT NULL,
    sursis_demande_le date,
    sursis_etat character varying(10) NOT NULL,
    sursis_fin_le date,
    sursis_motifs text NOT NULL,
    CONSTRAINT ordredebet_accuse_reception CHECK ((((accuse_reception_le IS NULL) AND ((etat)::text = 'emis'::text)) OR ((accuse_reception_le >= emis_le) AND ((etat)::text = 'notifie'::text)))),
    CONSTRAINT ordredebet_montant CHECK ((montant > (0)::numeric)),
    CONSTRAINT ordredebet_sursis CHECK ((((sursis_demande_le IS NULL) AND ((sursis_etat)::text = ''::text)) OR ((sursis_decide_le IS NULL) AND (sursis_demande_le IS NOT NULL) AND ((sursis_etat)::text = 'demande'::text) AND (sursis_fin_le IS NULL)) OR ((sursis_decide_le >= sursis_demande_le) AND ((sursis_etat)::text = 'refuse'::text) AND (sursis_fin_le IS NULL)) OR ((sursis_decide_le >= sursis_demande_le) AND ((sursis_etat)::text = 'accorde'::text) AND (sursis_fin_le >= sursis_decide_le)))),
    CONSTRAINT responsabilite_ordredebet_annee_check CHECK ((annee >= 0)),
    CONSTRAINT responsabilite_ordredebet_numero_check CHECK ((numero >= 0))
);


--
-- Name: responsabilite_ordredebet_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_ordredebet ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_ordredebet_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_recouvrement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_recouvrement (
    id bigint NOT NULL,
    le date NOT NULL,
    debiteur character varying(200) NOT NULL,
    montant numeric(18,2) NOT NULL,
    compte character varying(20) NOT NULL,
    part_debet numeric(18,2) NOT NULL,
    part_non_valeur numeric(18,2) NOT NULL,
    part_decharge numeric(18,2) NOT NULL,
    part_agent numeric(18,2) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    reverse_le date,
    reverse_compte character varying(20) NOT NULL,
    ecriture_id bigint NOT NULL,
    enregistre_par_id integer NOT NULL,
    ordre_id bigint NOT NULL,
    reverse_ecriture_id bigint,
    CONSTRAINT recouvrement_montant CHECK ((montant > (0)::numeric)),
    CONSTRAINT recouvrement_parts CHECK (((montant = (((part_debet + part_non_valeur) + part_decharge) + part_agent)) AND (part_agent >= (0)::numeric) AND (part_debet >= (0)::numeric) AND (part_decharge >= (0)::numeric) AND (part_non_valeur >= (0)::numeric))),
    CONSTRAINT recouvrement_reversement CHECK (((((reverse_compte)::text = ''::text) AND (reverse_ecriture_id IS NULL) AND (reverse_le IS NULL)) OR ((part_agent > (0)::numeric) AND (reverse_ecriture_id IS NOT NULL) AND (reverse_le IS NOT NULL) AND (NOT ((reverse_compte)::text = ''::text)))))
);


--
-- Name: responsabilite_recouvrement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_recouvrement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_recouvrement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsabilite_versement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsabilite_versement (
    id bigint NOT NULL,
    le date NOT NULL,
    montant numeric(18,2) NOT NULL,
    compte character varying(20) NOT NULL,
    enregistre_le timestamp with time zone NOT NULL,
    ecriture_id bigint NOT NULL,
    enregistre_par_id integer NOT NULL,
    ordre_id bigint NOT NULL,
    CONSTRAINT versement_montant CHECK ((montant > (0)::numeric))
);


--
-- Name: responsabilite_versement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.responsabilite_versement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.responsabilite_versement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_affectation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_affectation (
    id bigint NOT NULL,
    montant numeric(18,2) NOT NULL,
    le timestamp with time zone NOT NULL,
    ecriture_id bigint,
    ligne_id bigint,
    ordre_id bigint,
    par_id integer NOT NULL,
    encaissement_id bigint NOT NULL,
    CONSTRAINT affectation_non_nulle CHECK ((NOT (montant = 0.00))),
    CONSTRAINT affectation_ordre_et_ligne CHECK ((((ligne_id IS NULL) AND (ordre_id IS NULL)) OR ((ligne_id IS NOT NULL) AND (ordre_id IS NOT NULL))))
);


--
-- Name: tresorerie_affectation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_affectation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_affectation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_arretecaisse; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_arretecaisse (
    id bigint NOT NULL,
    date date NOT NULL,
    comptage jsonb NOT NULL,
    total_compte numeric(18,2) NOT NULL,
    solde_comptable numeric(18,2) NOT NULL,
    ecart numeric(18,2) NOT NULL,
    observations text NOT NULL,
    le timestamp with time zone NOT NULL,
    ecriture_id bigint,
    par_id integer NOT NULL,
    compte_id bigint NOT NULL
);


--
-- Name: tresorerie_arretecaisse_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_arretecaisse ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_arretecaisse_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_arreteregie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_arreteregie (
    id bigint NOT NULL,
    date date NOT NULL,
    comptage jsonb NOT NULL,
    total_compte numeric(18,2) NOT NULL,
    solde_comptable numeric(18,2) NOT NULL,
    remises_en_cours numeric(18,2) NOT NULL,
    depenses_a_justifier numeric(18,2) NOT NULL,
    encaisse_theorique numeric(18,2) NOT NULL,
    ecart numeric(18,2) NOT NULL,
    observations text NOT NULL,
    le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    regie_id bigint NOT NULL,
    cheques_comptes numeric(18,2) NOT NULL,
    cheques_non_verses numeric(18,2) NOT NULL
);


--
-- Name: tresorerie_arreteregie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_arreteregie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_arreteregie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_avanceregie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_avanceregie (
    id bigint NOT NULL,
    date date NOT NULL,
    montant numeric(18,2) NOT NULL,
    ecriture_id bigint NOT NULL,
    par_id integer NOT NULL,
    source_id bigint NOT NULL,
    regie_id bigint NOT NULL,
    CONSTRAINT avance_positive CHECK ((montant > (0)::numeric))
);


--
-- Name: tresorerie_avanceregie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_avanceregie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_avanceregie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_carnet; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_carnet (
    id bigint NOT NULL,
    type character varying(10) NOT NULL,
    serie character varying(20) NOT NULL,
    premier_numero integer NOT NULL,
    dernier_numero integer NOT NULL,
    dernier_utilise integer NOT NULL,
    ouvert_le timestamp with time zone NOT NULL,
    clos_le timestamp with time zone,
    clos_par_id integer,
    ouvert_par_id integer NOT NULL,
    titulaire_id integer NOT NULL,
    compte_id bigint NOT NULL,
    CONSTRAINT carnet_bornes CHECK (((dernier_numero >= premier_numero) AND (dernier_utilise >= (premier_numero - 1)) AND (dernier_utilise <= dernier_numero))),
    CONSTRAINT tresorerie_carnet_dernier_numero_check CHECK ((dernier_numero >= 0)),
    CONSTRAINT tresorerie_carnet_dernier_utilise_check CHECK ((dernier_utilise >= 0)),
    CONSTRAINT tresorerie_carnet_premier_numero_check CHECK ((premier_numero >= 0))
);


--
-- Name: tresorerie_carnet_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_carnet ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_carnet_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_comptedisponibilite; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_comptedisponibilite (
    id bigint NOT NULL,
    code character varying(20) NOT NULL,
    libelle character varying(200) NOT NULL,
    nature character varying(16) NOT NULL,
    etablissement character varying(200) NOT NULL,
    iban character varying(34) NOT NULL,
    bic character varying(11) NOT NULL,
    ouvert_le date NOT NULL,
    actif boolean NOT NULL,
    compte_id bigint NOT NULL,
    compte_frais_id bigint,
    regisseur_id integer,
    decouvert_autorise numeric(18,2) NOT NULL,
    format_virements character varying(20) DEFAULT 'pain.001.001.09'::character varying NOT NULL,
    CONSTRAINT decouvert_autorise_positif CHECK ((decouvert_autorise >= (0)::numeric)),
    CONSTRAINT encaissement_frais_ailleurs CHECK (((NOT ((nature)::text = 'encaissement'::text)) OR (compte_frais_id IS NOT NULL))),
    CONSTRAINT numeraire_sans_iban CHECK (((NOT ((nature)::text = ANY ((ARRAY['caisse'::character varying, 'regie'::character varying])::text[]))) OR ((iban)::text = ''::text)))
);


--
-- Name: tresorerie_comptedisponibilite_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_comptedisponibilite ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_comptedisponibilite_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_controleregie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_controleregie (
    id bigint NOT NULL,
    numero integer NOT NULL,
    date date NOT NULL,
    especes_comptees numeric(18,2) NOT NULL,
    solde_comptable numeric(18,2) NOT NULL,
    encaisse_theorique numeric(18,2) NOT NULL,
    ecart numeric(18,2) NOT NULL,
    quittance_du integer,
    quittance_au integer,
    observations text NOT NULL,
    conclusion character varying(12) NOT NULL,
    le timestamp with time zone NOT NULL,
    par_id integer NOT NULL,
    regie_id bigint NOT NULL,
    cheques_comptes numeric(18,2) NOT NULL,
    cheques_non_verses numeric(18,2) NOT NULL,
    CONSTRAINT controle_quittances_bornes CHECK (((quittance_du IS NULL) OR (quittance_au >= quittance_du))),
    CONSTRAINT tresorerie_controleregie_numero_check CHECK ((numero >= 0)),
    CONSTRAINT tresorerie_controleregie_quittance_au_check CHECK ((quittance_au >= 0)),
    CONSTRAINT tresorerie_controleregie_quittance_du_check CHECK ((quittance_du >= 0))
);


--
-- Name: tresorerie_controleregie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_controleregie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_controleregie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_correctioncoordonnees; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_correctioncoordonnees (
    id bigint NOT NULL,
    iban character varying(34) NOT NULL,
    bic character varying(11) NOT NULL,
    justification text NOT NULL,
    le date NOT NULL,
    cree_le timestamp with time zone DEFAULT statement_timestamp() NOT NULL,
    par_id integer NOT NULL,
    retour_id bigint,
    ligne_id bigint,
    CONSTRAINT correction_iban CHECK ((NOT ((iban)::text = ''::text))),
    CONSTRAINT correction_justifiee CHECK ((NOT (justification = ''::text))),
    CONSTRAINT correction_retour_ou_ligne CHECK ((((ligne_id IS NULL) AND (retour_id IS NOT NULL)) OR ((ligne_id IS NOT NULL) AND (retour_id IS NULL))))
);


--
-- Name: tresorerie_correctioncoordonnees_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_correctioncoordonnees ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_correctioncoordonnees_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_decisionopposition; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_decisionopposition (
    id bigint NOT NULL,
    decision character varying(10) NOT NULL,
    doute text NOT NULL,
    motif text NOT NULL,
    le timestamp with time zone NOT NULL,
    ligne_id bigint NOT NULL,
    opposition_id bigint NOT NULL,
    par_id integer NOT NULL,
    CONSTRAINT decision_opposition_connue CHECK (((decision)::text = ANY ((ARRAY['appliquer'::character varying, 'lever'::character varying])::text[])))
);


--
-- Name: tresorerie_decisionopposition_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_decisionopposition ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_decisionopposition_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_depenseregie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_depenseregie (
    id bigint NOT NULL,
    date date NOT NULL,
    beneficiaire character varying(200) NOT NULL,
    objet character varying(255) NOT NULL,
    piece character varying(120) NOT NULL,
    montant numeric(18,2) NOT NULL,
    payee_par_id integer NOT NULL,
    etat_depenses_id bigint,
    operation_id bigint NOT NULL,
    regie_id bigint NOT NULL,
    CONSTRAINT depense_regie_positive CHECK ((montant > (0)::numeric))
);


--
-- Name: tresorerie_depenseregie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_depenseregie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_depenseregie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_encaissement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_encaissement (
    id bigint NOT NULL,
    date date NOT NULL,
    moyen character varying(12) NOT NULL,
    montant numeric(18,2) NOT NULL,
    payeur character varying(200) NOT NULL,
    objet character varying(255) NOT NULL,
    reference character varying(120) NOT NULL,
    sans_titre boolean NOT NULL,
    nature_recette character varying(24) NOT NULL,
    recu_le timestamp with time zone NOT NULL,
    etat character varying(12) NOT NULL,
    motif_annulation text NOT NULL,
    compte_id bigint NOT NULL,
    compte_produit_id bigint,
    ecriture_id bigint NOT NULL,
    ecriture_annulation_id bigint,
    exercice_id bigint NOT NULL,
    recu_par_id integer NOT NULL,
    regularise_par_id bigint,
    CONSTRAINT encaissement_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: tresorerie_encaissement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_encaissement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_encaissement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_etatdepensesregie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_etatdepensesregie (
    id bigint NOT NULL,
    numero integer NOT NULL,
    etabli_le date NOT NULL,
    total numeric(18,2) NOT NULL,
    admis_le date,
    observations text NOT NULL,
    admis_par_id integer,
    ecriture_id bigint,
    etabli_par_id integer NOT NULL,
    regie_id bigint NOT NULL,
    CONSTRAINT tresorerie_etatdepensesregie_numero_check CHECK ((numero >= 0))
);


--
-- Name: tresorerie_etatdepensesregie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_etatdepensesregie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_etatdepensesregie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_lignereleve; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_lignereleve (
    id bigint NOT NULL,
    date_operation date NOT NULL,
    date_valeur date,
    montant numeric(18,2) NOT NULL,
    sens character varying(6) NOT NULL,
    libelle character varying(255) NOT NULL,
    reference character varying(140) NOT NULL,
    reference_banque character varying(140) NOT NULL,
    contrepartie character varying(200) NOT NULL,
    releve_id bigint NOT NULL,
    code_operation character varying(40) DEFAULT ''::character varying NOT NULL,
    contre_passation boolean DEFAULT false NOT NULL,
    motif_retour character varying(35) DEFAULT ''::character varying NOT NULL,
    motif_retour_info character varying(255) DEFAULT ''::character varying NOT NULL,
    nombre_operations integer,
    reference_lot character varying(35) DEFAULT ''::character varying NOT NULL,
    CONSTRAINT ligne_releve_montant_positif CHECK ((montant > (0)::numeric)),
    CONSTRAINT ligne_releve_sens CHECK (((sens)::text = ANY ((ARRAY['credit'::character varying, 'debit'::character varying])::text[]))),
    CONSTRAINT tresorerie_lignereleve_nombre_operations_check CHECK ((nombre_operations >= 0))
);


--
-- Name: tresorerie_lignereleve_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_lignereleve ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_lignereleve_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_lotpaiement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_lotpaiement (
    id bigint NOT NULL,
    moyen character varying(10) NOT NULL,
    date date NOT NULL,
    nombre integer NOT NULL,
    total numeric(18,2) NOT NULL,
    message_id character varying(35) NOT NULL,
    fichier bytea NOT NULL,
    empreinte_fichier character varying(64) NOT NULL,
    cree_le timestamp with time zone NOT NULL,
    compte_id bigint NOT NULL,
    cree_par_id integer NOT NULL,
    ecriture_id bigint NOT NULL,
    exercice_id bigint NOT NULL,
    format character varying(20) DEFAULT ''::character varying NOT NULL,
    CONSTRAINT tresorerie_lotpaiement_nombre_check CHECK ((nombre >= 0))
);


--
-- Name: tresorerie_lotpaiement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_lotpaiement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_lotpaiement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_operationregie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_operationregie (
    id bigint NOT NULL,
    sens character varying(8) NOT NULL,
    libelle character varying(120) NOT NULL,
    nature_recette character varying(24) NOT NULL,
    compte_id bigint NOT NULL,
    regie_id bigint NOT NULL
);


--
-- Name: tresorerie_operationregie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_operationregie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_operationregie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_paiement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_paiement (
    id bigint NOT NULL,
    beneficiaire character varying(200) NOT NULL,
    iban character varying(34) NOT NULL,
    bic character varying(11) NOT NULL,
    montant numeric(18,2) NOT NULL,
    bout_en_bout character varying(35) NOT NULL,
    ligne_id bigint NOT NULL,
    lot_id bigint NOT NULL,
    opposition_id bigint,
    ordre_id bigint NOT NULL,
    CONSTRAINT paiement_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: tresorerie_paiement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_paiement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_paiement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_quittance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_quittance (
    id bigint NOT NULL,
    numero integer NOT NULL,
    nature character varying(12) NOT NULL,
    montant numeric(18,2) NOT NULL,
    emise_le timestamp with time zone NOT NULL,
    signataire character varying(200) NOT NULL,
    qualite character varying(120) NOT NULL,
    motif text NOT NULL,
    empreinte character varying(64) NOT NULL,
    annule_id bigint,
    carnet_id bigint NOT NULL,
    emise_par_id integer NOT NULL,
    encaissement_id bigint NOT NULL,
    CONSTRAINT annulation_reference_document CHECK ((((annule_id IS NOT NULL) AND ((nature)::text = 'annulation'::text)) OR ((NOT ((nature)::text = 'annulation'::text)) AND (annule_id IS NULL)))),
    CONSTRAINT tresorerie_quittance_numero_check CHECK ((numero >= 0))
);


--
-- Name: tresorerie_quittance_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_quittance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_quittance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_rapprochement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_rapprochement (
    id bigint NOT NULL,
    mode character varying(12) NOT NULL,
    explication text NOT NULL,
    le timestamp with time zone NOT NULL,
    ligne_releve_id bigint NOT NULL,
    par_id integer NOT NULL
);


--
-- Name: tresorerie_rapprochement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_rapprochement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_rapprochement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_rapprochement_lignes_ecriture; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_rapprochement_lignes_ecriture (
    id bigint NOT NULL,
    rapprochement_id bigint NOT NULL,
    ligne_id bigint NOT NULL
);


--
-- Name: tresorerie_rapprochement_lignes_ecriture_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_rapprochement_lignes_ecriture ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_rapprochement_lignes_ecriture_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_regie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_regie (
    id bigint NOT NULL,
    libelle character varying(200) NOT NULL,
    type character varying(10) NOT NULL,
    etat character varying(8) NOT NULL,
    plafond_encaisse numeric(18,2) NOT NULL,
    plafond_depense numeric(18,2),
    projet_le date NOT NULL,
    avis_favorable boolean,
    avis_le date,
    avis_observations text NOT NULL,
    decision_le date,
    acte_reference character varying(120) NOT NULL,
    vise_instruction boolean NOT NULL,
    fin_le date,
    fin_reference character varying(120) NOT NULL,
    avis_par_id integer,
    compte_id bigint NOT NULL,
    decision_par_id integer,
    fin_par_id integer,
    projet_par_id integer NOT NULL,
    regisseur_id integer NOT NULL,
    CONSTRAINT regie_plafond_depense_positif CHECK (((plafond_depense IS NULL) OR (plafond_depense > (0)::numeric))),
    CONSTRAINT regie_plafond_positif CHECK ((plafond_encaisse > (0)::numeric))
);


--
-- Name: tresorerie_regie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_regie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_regie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_releve; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_releve (
    id bigint NOT NULL,
    format character varying(10) NOT NULL,
    identifiant character varying(80) NOT NULL,
    date_debut date NOT NULL,
    date_fin date NOT NULL,
    solde_ouverture numeric(18,2),
    solde_cloture numeric(18,2),
    nom_fichier character varying(200) NOT NULL,
    empreinte character varying(64) NOT NULL,
    importe_le timestamp with time zone NOT NULL,
    compte_id bigint NOT NULL,
    importe_par_id integer NOT NULL,
    ecarts jsonb DEFAULT '[]'::jsonb NOT NULL,
    nature character varying(8) DEFAULT 'releve'::character varying NOT NULL,
    version character varying(20) DEFAULT ''::character varying NOT NULL,
    CONSTRAINT releve_periode CHECK ((date_fin >= date_debut)),
    CONSTRAINT releve_soldes CHECK ((((nature)::text = 'avis'::text) OR ((solde_cloture IS NOT NULL) AND (solde_ouverture IS NOT NULL))))
);


--
-- Name: tresorerie_releve_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_releve ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_releve_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_retour; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_retour (
    id bigint NOT NULL,
    montant numeric(18,2) NOT NULL,
    motif character varying(35) NOT NULL,
    motif_libelle character varying(255) NOT NULL,
    motif_info character varying(255) NOT NULL,
    date date NOT NULL,
    mention jsonb NOT NULL,
    cree_le timestamp with time zone DEFAULT statement_timestamp() NOT NULL,
    transaction bigint,
    ecriture_id bigint NOT NULL,
    ligne_releve_id bigint,
    ordre_id bigint NOT NULL,
    paiement_id bigint NOT NULL,
    par_id integer NOT NULL,
    tx_serveur timestamp with time zone DEFAULT pg_postmaster_start_time() NOT NULL,
    CONSTRAINT retour_montant_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: tresorerie_retour_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_retour ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_retour_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tresorerie_versementregie; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tresorerie_versementregie (
    id bigint NOT NULL,
    numero integer NOT NULL,
    remis_le date NOT NULL,
    montant numeric(18,2) NOT NULL,
    observations text NOT NULL,
    etat character varying(6) NOT NULL,
    recu_le date,
    destination_id bigint,
    ecriture_id bigint,
    recu_par_id integer,
    regie_id bigint NOT NULL,
    remis_par_id integer NOT NULL,
    CONSTRAINT tresorerie_versementregie_numero_check CHECK ((numero >= 0)),
    CONSTRAINT versement_regie_positif CHECK ((montant > (0)::numeric))
);


--
-- Name: tresorerie_versementregie_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.tresorerie_versementregie ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tresorerie_versementregie_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: core_progression id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_progression ALTER COLUMN id SET DEFAULT nextval('public.core_progression_id_seq'::regclass);


--
-- Data for Name: auth_group; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_group_permissions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_permission; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.auth_permission VALUES
	(1, 'Can add log entry', 1, 'add_logentry'),
	(2, 'Can change log entry', 1, 'change_logentry'),
	(3, 'Can delete log entry', 1, 'delete_logentry'),
	(4, 'Can view log entry', 1, 'view_logentry'),
	(5, 'Can add permission', 2, 'add_permission'),
	(6, 'Can change permission', 2, 'change_permission'),
	(7, 'Can delete permission', 2, 'delete_permission'),
	(8, 'Can view permission', 2, 'view_permission'),
	(9, 'Can add group', 3, 'add_group'),
	(10, 'Can change group', 3, 'change_group'),
	(11, 'Can delete group', 3, 'delete_group'),
	(12, 'Can view group', 3, 'view_group'),
	(13, 'Can add user', 4, 'add_user'),
	(14, 'Can change user', 4, 'change_user'),
	(15, 'Can delete user', 4, 'delete_user'),
	(16, 'Can view user', 4, 'view_user'),
	(17, 'Can add content type', 5, 'add_contenttype'),
	(18, 'Can change content type', 5, 'change_contenttype'),
	(19, 'Can delete content type', 5, 'delete_contenttype'),
	(20, 'Can view content type', 5, 'view_contenttype'),
	(21, 'Can add session', 6, 'add_session'),
	(22, 'Can change session', 6, 'change_session'),
	(23, 'Can delete session', 6, 'delete_session'),
	(24, 'Can view session', 6, 'view_session'),
	(25, 'Can add Token', 7, 'add_token'),
	(26, 'Can change Token', 7, 'change_token'),
	(27, 'Can delete Token', 7, 'delete_token'),
	(28, 'Can view Token', 7, 'view_token'),
	(29, 'Can add Token', 8, 'add_tokenproxy'),
	(30, 'Can change Token', 8, 'change_tokenproxy'),
	(31, 'Can delete Token', 8, 'delete_tokenproxy'),
	(32, 'Can view Token', 8, 'view_tokenproxy'),
	(33, 'Can add entrée du journal d''audit', 9, 'add_journalaudit'),
	(34, 'Can change entrée du journal d''audit', 9, 'change_journalaudit'),
	(35, 'Can delete entrée du journal d''audit', 9, 'delete_journalaudit'),
	(36, 'Can view entrée du journal d''audit', 9, 'view_journalaudit'),
	(37, 'Can add jeton de formulaire consommé', 10, 'add_jetonconsomme'),
	(38, 'Can change jeton de formulaire consommé', 10, 'change_jetonconsomme'),
	(39, 'Can delete jeton de formulaire consommé', 10, 'delete_jetonconsomme'),
	(40, 'Can view jeton de formulaire consommé', 10, 'view_jetonconsomme'),
	(41, 'Can add clé d''idempotence', 11, 'add_cleidempotence'),
	(42, 'Can change clé d''idempotence', 11, 'change_cleidempotence'),
	(43, 'Can delete clé d''idempotence', 11, 'delete_cleidempotence'),
	(44, 'Can view clé d''idempotence', 11, 'view_cleidempotence'),
	(45, 'Can add affectation', 12, 'add_affectation'),
	(46, 'Can change affectation', 12, 'change_affectation'),
	(47, 'Can delete affectation', 12, 'delete_affectation'),
	(48, 'Can view affectation', 12, 'view_affectation'),
	(49, 'Can add délégation du directeur', 13, 'add_delegation'),
	(50, 'Can change délégation du directeur', 13, 'change_delegation'),
	(51, 'Can delete délégation du directeur', 13, 'delete_delegation'),
	(52, 'Can view délégation du directeur', 13, 'view_delegation'),
	(53, 'Can add intérim de l''agent comptable', 14, 'add_interim'),
	(54, 'Can change intérim de l''agent comptable', 14, 'change_interim'),
	(55, 'Can delete intérim de l''agent comptable', 14, 'delete_interim'),
	(56, 'Can view intérim de l''agent comptable', 14, 'view_interim'),
	(57, 'Can add procuration de fondé de pouvoir', 15, 'add_procuration'),
	(58, 'Can change procuration de fondé de pouvoir', 15, 'change_procuration'),
	(59, 'Can delete procuration de fondé de pouvoir', 15, 'delete_procuration'),
	(60, 'Can view procuration de fondé de pouvoir', 15, 'view_procuration'),
	(61, 'Can add installation', 16, 'add_installation'),
	(62, 'Can change installation', 16, 'change_installation'),
	(63, 'Can delete installation', 16, 'delete_installation'),
	(64, 'Can view installation', 16, 'view_installation'),
	(65, 'Can add prorogation reserves', 17, 'add_prorogationreserves'),
	(66, 'Can change prorogation reserves', 17, 'change_prorogationreserves'),
	(67, 'Can delete prorogation reserves', 17, 'delete_prorogationreserves'),
	(68, 'Can view prorogation reserves', 17, 'view_prorogationreserves'),
	(69, 'Can add reserve', 18, 'add_reserve'),
	(70, 'Can change reserve', 18, 'change_reserve'),
	(71, 'Can delete reserve', 18, 'delete_reserve'),
	(72, 'Can view reserve', 18, 'view_reserve'),
	(73, 'Can add mandat', 19, 'add_mandat'),
	(74, 'Can change mandat', 19, 'change_mandat'),
	(75, 'Can delete mandat', 19, 'delete_mandat'),
	(76, 'Can view mandat', 19, 'view_mandat'),
	(77, 'Can add compteur d''échecs d''authentification', 20, 'add_compteurechecs'),
	(78, 'Can change compteur d''échecs d''authentification', 20, 'change_compteurechecs'),
	(79, 'Can delete compteur d''échecs d''authentification', 20, 'delete_compteurechecs'),
	(80, 'Can view compteur d''échecs d''authentification', 20, 'view_compteurechecs'),
	(81, 'Can add second facteur de signature', 21, 'add_secondfacteur'),
	(82, 'Can change second facteur de signature', 21, 'change_secondfacteur'),
	(83, 'Can delete second facteur de signature', 21, 'delete_secondfacteur'),
	(84, 'Can view second facteur de signature', 21, 'view_secondfacteur'),
	(85, 'Can add paramètre réglementaire', 22, 'add_parametre'),
	(86, 'Can change paramètre réglementaire', 22, 'change_parametre'),
	(87, 'Can delete paramètre réglementaire', 22, 'delete_parametre'),
	(88, 'Can view paramètre réglementaire', 22, 'view_parametre'),
	(89, 'Can add règle de rattachement à l''exercice', 23, 'add_reglerattachement'),
	(90, 'Can change règle de rattachement à l''exercice', 23, 'change_reglerattachement'),
	(91, 'Can delete règle de rattachement à l''exercice', 23, 'delete_reglerattachement'),
	(92, 'Can view règle de rattachement à l''exercice', 23, 'view_reglerattachement'),
	(93, 'Can add exercice', 24, 'add_exercice'),
	(94, 'Can change exercice', 24, 'change_exercice'),
	(95, 'Can delete exercice', 24, 'delete_exercice'),
	(96, 'Can view exercice', 24, 'view_exercice'),
	(97, 'Can add compte', 25, 'add_compte'),
	(98, 'Can change compte', 25, 'change_compte'),
	(99, 'Can delete compte', 25, 'delete_compte'),
	(100, 'Can view compte', 25, 'view_compte'),
	(101, 'Can add compteur', 26, 'add_compteur'),
	(102, 'Can change compteur', 26, 'change_compteur'),
	(103, 'Can delete compteur', 26, 'delete_compteur'),
	(104, 'Can view compteur', 26, 'view_compteur'),
	(105, 'Can add cumul', 27, 'add_cumul'),
	(106, 'Can change cumul', 27, 'change_cumul'),
	(107, 'Can delete cumul', 27, 'delete_cumul'),
	(108, 'Can view cumul', 27, 'view_cumul'),
	(109, 'Can add ecriture', 28, 'add_ecriture'),
	(110, 'Can change ecriture', 28, 'change_ecriture'),
	(111, 'Can delete ecriture', 28, 'delete_ecriture'),
	(112, 'Can view ecriture', 28, 'view_ecriture'),
	(113, 'Can add journal', 29, 'add_journal'),
	(114, 'Can change journal', 29, 'change_journal'),
	(115, 'Can delete journal', 29, 'delete_journal'),
	(116, 'Can view journal', 29, 'view_journal'),
	(117, 'Can add ligne', 30, 'add_ligne'),
	(118, 'Can change ligne', 30, 'change_ligne'),
	(119, 'Can delete ligne', 30, 'delete_ligne'),
	(120, 'Can view ligne', 30, 'view_ligne'),
	(121, 'Can add chaine', 31, 'add_chaine'),
	(122, 'Can change chaine', 31, 'change_chaine'),
	(123, 'Can delete chaine', 31, 'delete_chaine'),
	(124, 'Can view chaine', 31, 'view_chaine'),
	(125, 'Can add balance figee', 32, 'add_balancefigee'),
	(126, 'Can change balance figee', 32, 'change_balancefigee'),
	(127, 'Can delete balance figee', 32, 'delete_balancefigee'),
	(128, 'Can view balance figee', 32, 'view_balancefigee'),
	(129, 'Can add envoi balance', 33, 'add_envoibalance'),
	(130, 'Can change envoi balance', 33, 'change_envoibalance'),
	(131, 'Can delete envoi balance', 33, 'delete_envoibalance'),
	(132, 'Can view envoi balance', 33, 'view_envoibalance'),
	(133, 'Can add ligne balance figee', 34, 'add_lignebalancefigee'),
	(134, 'Can change ligne balance figee', 34, 'change_lignebalancefigee'),
	(135, 'Can delete ligne balance figee', 34, 'delete_lignebalancefigee'),
	(136, 'Can view ligne balance figee', 34, 'view_lignebalancefigee'),
	(137, 'Can add arrete comptes', 35, 'add_arretecomptes'),
	(138, 'Can change arrete comptes', 35, 'change_arretecomptes'),
	(139, 'Can delete arrete comptes', 35, 'delete_arretecomptes'),
	(140, 'Can view arrete comptes', 35, 'view_arretecomptes'),
	(141, 'Can add crédit', 36, 'add_credit'),
	(142, 'Can change crédit', 36, 'change_credit'),
	(143, 'Can delete crédit', 36, 'delete_credit'),
	(144, 'Can view crédit', 36, 'view_credit'),
	(145, 'Can add modification de crédit', 37, 'add_modificationcredit'),
	(146, 'Can change modification de crédit', 37, 'change_modificationcredit'),
	(147, 'Can delete modification de crédit', 37, 'delete_modificationcredit'),
	(148, 'Can view modification de crédit', 37, 'view_modificationcredit'),
	(149, 'Can add mouvement de crédit', 38, 'add_mouvementcredit'),
	(150, 'Can change mouvement de crédit', 38, 'change_mouvementcredit'),
	(151, 'Can delete mouvement de crédit', 38, 'delete_mouvementcredit'),
	(152, 'Can view mouvement de crédit', 38, 'view_mouvementcredit'),
	(153, 'Can add opposition', 39, 'add_opposition'),
	(154, 'Can change opposition', 39, 'change_opposition'),
	(155, 'Can delete opposition', 39, 'delete_opposition'),
	(156, 'Can view opposition', 39, 'view_opposition'),
	(157, 'Can add imputation', 40, 'add_imputation'),
	(158, 'Can change imputation', 40, 'change_imputation'),
	(159, 'Can delete imputation', 40, 'delete_imputation'),
	(160, 'Can view imputation', 40, 'view_imputation'),
	(161, 'Can add compteur ordre', 41, 'add_compteurordre'),
	(162, 'Can change compteur ordre', 41, 'change_compteurordre'),
	(163, 'Can delete compteur ordre', 41, 'delete_compteurordre'),
	(164, 'Can view compteur ordre', 41, 'view_compteurordre'),
	(165, 'Can add plan de contrôle', 42, 'add_plancontrole'),
	(166, 'Can change plan de contrôle', 42, 'change_plancontrole'),
	(167, 'Can delete plan de contrôle', 42, 'delete_plancontrole'),
	(168, 'Can view plan de contrôle', 42, 'view_plancontrole'),
	(169, 'Can add ordre de recette', 43, 'add_ordrerecette'),
	(170, 'Can change ordre de recette', 43, 'change_ordrerecette'),
	(171, 'Can delete ordre de recette', 43, 'delete_ordrerecette'),
	(172, 'Can view ordre de recette', 43, 'view_ordrerecette'),
	(173, 'Can add ligne ordre recette', 44, 'add_ligneordrerecette'),
	(174, 'Can change ligne ordre recette', 44, 'change_ligneordrerecette'),
	(175, 'Can delete ligne ordre recette', 44, 'delete_ligneordrerecette'),
	(176, 'Can view ligne ordre recette', 44, 'view_ligneordrerecette'),
	(177, 'Can add controle effectue', 45, 'add_controleeffectue'),
	(178, 'Can change controle effectue', 45, 'change_controleeffectue'),
	(179, 'Can delete controle effectue', 45, 'delete_controleeffectue'),
	(180, 'Can view controle effectue', 45, 'view_controleeffectue'),
	(181, 'Can add pièce justificative', 46, 'add_piecejustificative'),
	(182, 'Can change pièce justificative', 46, 'change_piecejustificative'),
	(183, 'Can delete pièce justificative', 46, 'delete_piecejustificative'),
	(184, 'Can view pièce justificative', 46, 'view_piecejustificative'),
	(185, 'Can add reduction', 47, 'add_reduction'),
	(186, 'Can change reduction', 47, 'change_reduction'),
	(187, 'Can delete reduction', 47, 'delete_reduction'),
	(188, 'Can view reduction', 47, 'view_reduction'),
	(189, 'Can add signature', 48, 'add_signature'),
	(190, 'Can change signature', 48, 'change_signature'),
	(191, 'Can delete signature', 48, 'delete_signature'),
	(192, 'Can view signature', 48, 'view_signature'),
	(193, 'Can add tirage du plan de contrôle', 49, 'add_tiragecontrole'),
	(194, 'Can change tirage du plan de contrôle', 49, 'change_tiragecontrole'),
	(195, 'Can delete tirage du plan de contrôle', 49, 'delete_tiragecontrole'),
	(196, 'Can view tirage du plan de contrôle', 49, 'view_tiragecontrole'),
	(197, 'Can add compteur ordre depense', 50, 'add_compteurordredepense'),
	(198, 'Can change compteur ordre depense', 50, 'change_compteurordredepense'),
	(199, 'Can delete compteur ordre depense', 50, 'delete_compteurordredepense'),
	(200, 'Can view compteur ordre depense', 50, 'view_compteurordredepense');
INSERT INTO public.auth_permission VALUES
	(201, 'Can add depense sans ordonnancement', 51, 'add_depensesansordonnancement'),
	(202, 'Can change depense sans ordonnancement', 51, 'change_depensesansordonnancement'),
	(203, 'Can delete depense sans ordonnancement', 51, 'delete_depensesansordonnancement'),
	(204, 'Can view depense sans ordonnancement', 51, 'view_depensesansordonnancement'),
	(205, 'Can add engagement', 52, 'add_engagement'),
	(206, 'Can change engagement', 52, 'change_engagement'),
	(207, 'Can delete engagement', 52, 'delete_engagement'),
	(208, 'Can view engagement', 52, 'view_engagement'),
	(209, 'Can add ordre de dépense', 53, 'add_ordredepense'),
	(210, 'Can change ordre de dépense', 53, 'change_ordredepense'),
	(211, 'Can delete ordre de dépense', 53, 'delete_ordredepense'),
	(212, 'Can view ordre de dépense', 53, 'view_ordredepense'),
	(213, 'Can add ligne ordre depense', 54, 'add_ligneordredepense'),
	(214, 'Can change ligne ordre depense', 54, 'change_ligneordredepense'),
	(215, 'Can delete ligne ordre depense', 54, 'delete_ligneordredepense'),
	(216, 'Can view ligne ordre depense', 54, 'view_ligneordredepense'),
	(217, 'Can add controle depense', 55, 'add_controledepense'),
	(218, 'Can change controle depense', 55, 'change_controledepense'),
	(219, 'Can delete controle depense', 55, 'delete_controledepense'),
	(220, 'Can view controle depense', 55, 'view_controledepense'),
	(221, 'Can add certificat reimputation', 56, 'add_certificatreimputation'),
	(222, 'Can change certificat reimputation', 56, 'change_certificatreimputation'),
	(223, 'Can delete certificat reimputation', 56, 'delete_certificatreimputation'),
	(224, 'Can view certificat reimputation', 56, 'view_certificatreimputation'),
	(225, 'Can add certificat non paiement', 57, 'add_certificatnonpaiement'),
	(226, 'Can change certificat non paiement', 57, 'change_certificatnonpaiement'),
	(227, 'Can delete certificat non paiement', 57, 'delete_certificatnonpaiement'),
	(228, 'Can view certificat non paiement', 57, 'view_certificatnonpaiement'),
	(229, 'Can add piece depense', 58, 'add_piecedepense'),
	(230, 'Can change piece depense', 58, 'change_piecedepense'),
	(231, 'Can delete piece depense', 58, 'delete_piecedepense'),
	(232, 'Can view piece depense', 58, 'view_piecedepense'),
	(233, 'Can add service fait', 59, 'add_servicefait'),
	(234, 'Can change service fait', 59, 'change_servicefait'),
	(235, 'Can delete service fait', 59, 'delete_servicefait'),
	(236, 'Can view service fait', 59, 'view_servicefait'),
	(237, 'Can add signature depense', 60, 'add_signaturedepense'),
	(238, 'Can change signature depense', 60, 'change_signaturedepense'),
	(239, 'Can delete signature depense', 60, 'delete_signaturedepense'),
	(240, 'Can view signature depense', 60, 'view_signaturedepense'),
	(241, 'Can add suspension', 61, 'add_suspension'),
	(242, 'Can change suspension', 61, 'change_suspension'),
	(243, 'Can delete suspension', 61, 'delete_suspension'),
	(244, 'Can view suspension', 61, 'view_suspension'),
	(245, 'Can add requisition', 62, 'add_requisition'),
	(246, 'Can change requisition', 62, 'change_requisition'),
	(247, 'Can delete requisition', 62, 'delete_requisition'),
	(248, 'Can view requisition', 62, 'view_requisition'),
	(249, 'Can add plan de contrôle des dépenses', 63, 'add_plancontroledepense'),
	(250, 'Can change plan de contrôle des dépenses', 63, 'change_plancontroledepense'),
	(251, 'Can delete plan de contrôle des dépenses', 63, 'delete_plancontroledepense'),
	(252, 'Can view plan de contrôle des dépenses', 63, 'view_plancontroledepense'),
	(253, 'Can add reponse requisition', 64, 'add_reponserequisition'),
	(254, 'Can change reponse requisition', 64, 'change_reponserequisition'),
	(255, 'Can delete reponse requisition', 64, 'delete_reponserequisition'),
	(256, 'Can view reponse requisition', 64, 'view_reponserequisition'),
	(257, 'Can add tirage du plan de contrôle des dépenses', 65, 'add_tiragecontroledepense'),
	(258, 'Can change tirage du plan de contrôle des dépenses', 65, 'change_tiragecontroledepense'),
	(259, 'Can delete tirage du plan de contrôle des dépenses', 65, 'delete_tiragecontroledepense'),
	(260, 'Can view tirage du plan de contrôle des dépenses', 65, 'view_tiragecontroledepense'),
	(261, 'Can add paiement différé (article D133-2)', 66, 'add_paiementdiffere'),
	(262, 'Can change paiement différé (article D133-2)', 66, 'change_paiementdiffere'),
	(263, 'Can delete paiement différé (article D133-2)', 66, 'delete_paiementdiffere'),
	(264, 'Can view paiement différé (article D133-2)', 66, 'view_paiementdiffere'),
	(265, 'Can add ligne releve', 67, 'add_lignereleve'),
	(266, 'Can change ligne releve', 67, 'change_lignereleve'),
	(267, 'Can delete ligne releve', 67, 'delete_lignereleve'),
	(268, 'Can view ligne releve', 67, 'view_lignereleve'),
	(269, 'Can add compte de disponibilités', 68, 'add_comptedisponibilite'),
	(270, 'Can change compte de disponibilités', 68, 'change_comptedisponibilite'),
	(271, 'Can delete compte de disponibilités', 68, 'delete_comptedisponibilite'),
	(272, 'Can view compte de disponibilités', 68, 'view_comptedisponibilite'),
	(273, 'Can add carnet', 69, 'add_carnet'),
	(274, 'Can change carnet', 69, 'change_carnet'),
	(275, 'Can delete carnet', 69, 'delete_carnet'),
	(276, 'Can view carnet', 69, 'view_carnet'),
	(277, 'Can add arrete caisse', 70, 'add_arretecaisse'),
	(278, 'Can change arrete caisse', 70, 'change_arretecaisse'),
	(279, 'Can delete arrete caisse', 70, 'delete_arretecaisse'),
	(280, 'Can view arrete caisse', 70, 'view_arretecaisse'),
	(281, 'Can add encaissement', 71, 'add_encaissement'),
	(282, 'Can change encaissement', 71, 'change_encaissement'),
	(283, 'Can delete encaissement', 71, 'delete_encaissement'),
	(284, 'Can view encaissement', 71, 'view_encaissement'),
	(285, 'Can add affectation', 72, 'add_affectation'),
	(286, 'Can change affectation', 72, 'change_affectation'),
	(287, 'Can delete affectation', 72, 'delete_affectation'),
	(288, 'Can view affectation', 72, 'view_affectation'),
	(289, 'Can add lot de paiements', 73, 'add_lotpaiement'),
	(290, 'Can change lot de paiements', 73, 'change_lotpaiement'),
	(291, 'Can delete lot de paiements', 73, 'delete_lotpaiement'),
	(292, 'Can view lot de paiements', 73, 'view_lotpaiement'),
	(293, 'Can add paiement', 74, 'add_paiement'),
	(294, 'Can change paiement', 74, 'change_paiement'),
	(295, 'Can delete paiement', 74, 'delete_paiement'),
	(296, 'Can view paiement', 74, 'view_paiement'),
	(297, 'Can add quittance', 75, 'add_quittance'),
	(298, 'Can change quittance', 75, 'change_quittance'),
	(299, 'Can delete quittance', 75, 'delete_quittance'),
	(300, 'Can view quittance', 75, 'view_quittance'),
	(301, 'Can add rapprochement', 76, 'add_rapprochement'),
	(302, 'Can change rapprochement', 76, 'change_rapprochement'),
	(303, 'Can delete rapprochement', 76, 'delete_rapprochement'),
	(304, 'Can view rapprochement', 76, 'view_rapprochement'),
	(305, 'Can add releve', 77, 'add_releve'),
	(306, 'Can change releve', 77, 'change_releve'),
	(307, 'Can delete releve', 77, 'delete_releve'),
	(308, 'Can view releve', 77, 'view_releve'),
	(309, 'Can add décision sur une opposition', 78, 'add_decisionopposition'),
	(310, 'Can change décision sur une opposition', 78, 'change_decisionopposition'),
	(311, 'Can delete décision sur une opposition', 78, 'delete_decisionopposition'),
	(312, 'Can view décision sur une opposition', 78, 'view_decisionopposition'),
	(313, 'Can add régie', 79, 'add_regie'),
	(314, 'Can change régie', 79, 'change_regie'),
	(315, 'Can delete régie', 79, 'delete_regie'),
	(316, 'Can view régie', 79, 'view_regie'),
	(317, 'Can add operation regie', 80, 'add_operationregie'),
	(318, 'Can change operation regie', 80, 'change_operationregie'),
	(319, 'Can delete operation regie', 80, 'delete_operationregie'),
	(320, 'Can view operation regie', 80, 'view_operationregie'),
	(321, 'Can add etat depenses regie', 81, 'add_etatdepensesregie'),
	(322, 'Can change etat depenses regie', 81, 'change_etatdepensesregie'),
	(323, 'Can delete etat depenses regie', 81, 'delete_etatdepensesregie'),
	(324, 'Can view etat depenses regie', 81, 'view_etatdepensesregie'),
	(325, 'Can add depense regie', 82, 'add_depenseregie'),
	(326, 'Can change depense regie', 82, 'change_depenseregie'),
	(327, 'Can delete depense regie', 82, 'delete_depenseregie'),
	(328, 'Can view depense regie', 82, 'view_depenseregie'),
	(329, 'Can add controle regie', 83, 'add_controleregie'),
	(330, 'Can change controle regie', 83, 'change_controleregie'),
	(331, 'Can delete controle regie', 83, 'delete_controleregie'),
	(332, 'Can view controle regie', 83, 'view_controleregie'),
	(333, 'Can add avance regie', 84, 'add_avanceregie'),
	(334, 'Can change avance regie', 84, 'change_avanceregie'),
	(335, 'Can delete avance regie', 84, 'delete_avanceregie'),
	(336, 'Can view avance regie', 84, 'view_avanceregie'),
	(337, 'Can add arrete regie', 85, 'add_arreteregie'),
	(338, 'Can change arrete regie', 85, 'change_arreteregie'),
	(339, 'Can delete arrete regie', 85, 'delete_arreteregie'),
	(340, 'Can view arrete regie', 85, 'view_arreteregie'),
	(341, 'Can add versement regie', 86, 'add_versementregie'),
	(342, 'Can change versement regie', 86, 'change_versementregie'),
	(343, 'Can delete versement regie', 86, 'delete_versementregie'),
	(344, 'Can view versement regie', 86, 'view_versementregie'),
	(345, 'Can add virement retourné', 87, 'add_retour'),
	(346, 'Can change virement retourné', 87, 'change_retour'),
	(347, 'Can delete virement retourné', 87, 'delete_retour'),
	(348, 'Can view virement retourné', 87, 'view_retour'),
	(349, 'Can add correction de coordonnées bancaires', 88, 'add_correctioncoordonnees'),
	(350, 'Can change correction de coordonnées bancaires', 88, 'change_correctioncoordonnees'),
	(351, 'Can delete correction de coordonnées bancaires', 88, 'delete_correctioncoordonnees'),
	(352, 'Can view correction de coordonnées bancaires', 88, 'view_correctioncoordonnees'),
	(353, 'Can add contrepassation inventaire', 89, 'add_contrepassationinventaire'),
	(354, 'Can change contrepassation inventaire', 89, 'change_contrepassationinventaire'),
	(355, 'Can delete contrepassation inventaire', 89, 'delete_contrepassationinventaire'),
	(356, 'Can view contrepassation inventaire', 89, 'view_contrepassationinventaire'),
	(357, 'Can add etat inventaire', 90, 'add_etatinventaire'),
	(358, 'Can change etat inventaire', 90, 'change_etatinventaire'),
	(359, 'Can delete etat inventaire', 90, 'delete_etatinventaire'),
	(360, 'Can view etat inventaire', 90, 'view_etatinventaire'),
	(361, 'Can add article etat', 91, 'add_articleetat'),
	(362, 'Can change article etat', 91, 'change_articleetat'),
	(363, 'Can delete article etat', 91, 'delete_articleetat'),
	(364, 'Can view article etat', 91, 'view_articleetat'),
	(365, 'Can add rubrique', 92, 'add_rubrique'),
	(366, 'Can change rubrique', 92, 'change_rubrique'),
	(367, 'Can delete rubrique', 92, 'delete_rubrique'),
	(368, 'Can view rubrique', 92, 'view_rubrique'),
	(369, 'Can add correspondance', 93, 'add_correspondance'),
	(370, 'Can change correspondance', 93, 'change_correspondance'),
	(371, 'Can delete correspondance', 93, 'delete_correspondance'),
	(372, 'Can view correspondance', 93, 'view_correspondance'),
	(373, 'Can add compte financier', 94, 'add_comptefinancier'),
	(374, 'Can change compte financier', 94, 'change_comptefinancier'),
	(375, 'Can delete compte financier', 94, 'delete_comptefinancier'),
	(376, 'Can view compte financier', 94, 'view_comptefinancier'),
	(377, 'Can add avis du comité départemental d''examen des comptes', 95, 'add_aviscodec'),
	(378, 'Can change avis du comité départemental d''examen des comptes', 95, 'change_aviscodec'),
	(379, 'Can delete avis du comité départemental d''examen des comptes', 95, 'delete_aviscodec'),
	(380, 'Can view avis du comité départemental d''examen des comptes', 95, 'view_aviscodec'),
	(381, 'Can add avis de l''agent comptable sur un fondé de pouvoir', 96, 'add_avisfonde'),
	(382, 'Can change avis de l''agent comptable sur un fondé de pouvoir', 96, 'change_avisfonde'),
	(383, 'Can delete avis de l''agent comptable sur un fondé de pouvoir', 96, 'delete_avisfonde'),
	(384, 'Can view avis de l''agent comptable sur un fondé de pouvoir', 96, 'view_avisfonde'),
	(385, 'Can add quitus', 97, 'add_quitus'),
	(386, 'Can change quitus', 97, 'change_quitus'),
	(387, 'Can delete quitus', 97, 'delete_quitus'),
	(388, 'Can view quitus', 97, 'view_quitus'),
	(389, 'Can add transmission au ministre pour approbation', 98, 'add_renvoiministre'),
	(390, 'Can change transmission au ministre pour approbation', 98, 'change_renvoiministre'),
	(391, 'Can delete transmission au ministre pour approbation', 98, 'delete_renvoiministre'),
	(392, 'Can view transmission au ministre pour approbation', 98, 'view_renvoiministre'),
	(393, 'Can add transmission des comptes annuels', 99, 'add_transmissioncomptes'),
	(394, 'Can change transmission des comptes annuels', 99, 'change_transmissioncomptes'),
	(395, 'Can delete transmission des comptes annuels', 99, 'delete_transmissioncomptes'),
	(396, 'Can view transmission des comptes annuels', 99, 'view_transmissioncomptes'),
	(397, 'Can add approbation des comptes annuels', 100, 'add_approbation'),
	(398, 'Can change approbation des comptes annuels', 100, 'change_approbation'),
	(399, 'Can delete approbation des comptes annuels', 100, 'delete_approbation'),
	(400, 'Can view approbation des comptes annuels', 100, 'view_approbation');
INSERT INTO public.auth_permission VALUES
	(401, 'Can add mise en cause de l''agent comptable', 101, 'add_miseencause'),
	(402, 'Can change mise en cause de l''agent comptable', 101, 'change_miseencause'),
	(403, 'Can delete mise en cause de l''agent comptable', 101, 'delete_miseencause'),
	(404, 'Can view mise en cause de l''agent comptable', 101, 'view_miseencause'),
	(405, 'Can add ordre de recette à l''encontre de l''agent comptable', 102, 'add_ordredebet'),
	(406, 'Can change ordre de recette à l''encontre de l''agent comptable', 102, 'change_ordredebet'),
	(407, 'Can delete ordre de recette à l''encontre de l''agent comptable', 102, 'delete_ordredebet'),
	(408, 'Can view ordre de recette à l''encontre de l''agent comptable', 102, 'view_ordredebet'),
	(409, 'Can add demande de décharge ou de remise gracieuse', 103, 'add_demande'),
	(410, 'Can change demande de décharge ou de remise gracieuse', 103, 'change_demande'),
	(411, 'Can delete demande de décharge ou de remise gracieuse', 103, 'delete_demande'),
	(412, 'Can view demande de décharge ou de remise gracieuse', 103, 'view_demande'),
	(413, 'Can add admission en non-valeur d''un débet', 104, 'add_nonvaleur'),
	(414, 'Can change admission en non-valeur d''un débet', 104, 'change_nonvaleur'),
	(415, 'Can delete admission en non-valeur d''un débet', 104, 'delete_nonvaleur'),
	(416, 'Can view admission en non-valeur d''un débet', 104, 'view_nonvaleur'),
	(417, 'Can add notification du débet à l''association de cautionnement mutuel', 105, 'add_notificationassociation'),
	(418, 'Can change notification du débet à l''association de cautionnement mutuel', 105, 'change_notificationassociation'),
	(419, 'Can delete notification du débet à l''association de cautionnement mutuel', 105, 'delete_notificationassociation'),
	(420, 'Can view notification du débet à l''association de cautionnement mutuel', 105, 'view_notificationassociation'),
	(421, 'Can add recouvrement sur le débiteur d''un débet', 106, 'add_recouvrement'),
	(422, 'Can change recouvrement sur le débiteur d''un débet', 106, 'change_recouvrement'),
	(423, 'Can delete recouvrement sur le débiteur d''un débet', 106, 'delete_recouvrement'),
	(424, 'Can view recouvrement sur le débiteur d''un débet', 106, 'view_recouvrement'),
	(425, 'Can add versement de l''agent comptable sur ses deniers', 107, 'add_versement'),
	(426, 'Can change versement de l''agent comptable sur ses deniers', 107, 'change_versement'),
	(427, 'Can delete versement de l''agent comptable sur ses deniers', 107, 'delete_versement'),
	(428, 'Can view versement de l''agent comptable sur ses deniers', 107, 'view_versement'),
	(429, 'Can add avis des ministres sur une mise en cause', 108, 'add_avisministres'),
	(430, 'Can change avis des ministres sur une mise en cause', 108, 'change_avisministres'),
	(431, 'Can delete avis des ministres sur une mise en cause', 108, 'delete_avisministres'),
	(432, 'Can view avis des ministres sur une mise en cause', 108, 'view_avisministres'),
	(433, 'Can add dossier transmis par la DRASS au ministre', 109, 'add_dossierdrass'),
	(434, 'Can change dossier transmis par la DRASS au ministre', 109, 'change_dossierdrass'),
	(435, 'Can delete dossier transmis par la DRASS au ministre', 109, 'delete_dossierdrass'),
	(436, 'Can view dossier transmis par la DRASS au ministre', 109, 'view_dossierdrass'),
	(437, 'Can add débiteur', 110, 'add_debiteur'),
	(438, 'Can change débiteur', 110, 'change_debiteur'),
	(439, 'Can delete débiteur', 110, 'delete_debiteur'),
	(440, 'Can view débiteur', 110, 'view_debiteur'),
	(441, 'Can add créance en recouvrement', 111, 'add_creance'),
	(442, 'Can change créance en recouvrement', 111, 'change_creance'),
	(443, 'Can delete créance en recouvrement', 111, 'delete_creance'),
	(444, 'Can view créance en recouvrement', 111, 'view_creance'),
	(445, 'Can add acte de recouvrement', 112, 'add_acte'),
	(446, 'Can change acte de recouvrement', 112, 'change_acte'),
	(447, 'Can delete acte de recouvrement', 112, 'delete_acte'),
	(448, 'Can view acte de recouvrement', 112, 'view_acte'),
	(449, 'Can add délai de paiement', 113, 'add_delaipaiement'),
	(450, 'Can change délai de paiement', 113, 'change_delaipaiement'),
	(451, 'Can delete délai de paiement', 113, 'delete_delaipaiement'),
	(452, 'Can view délai de paiement', 113, 'view_delaipaiement'),
	(453, 'Can add échéance', 114, 'add_echeance'),
	(454, 'Can change échéance', 114, 'change_echeance'),
	(455, 'Can delete échéance', 114, 'delete_echeance'),
	(456, 'Can view échéance', 114, 'view_echeance'),
	(457, 'Can add lettre de relance', 115, 'add_lettrerelance'),
	(458, 'Can change lettre de relance', 115, 'change_lettrerelance'),
	(459, 'Can delete lettre de relance', 115, 'delete_lettrerelance'),
	(460, 'Can view lettre de relance', 115, 'view_lettrerelance'),
	(461, 'Can add créance relancée', 116, 'add_lignerelance'),
	(462, 'Can change créance relancée', 116, 'change_lignerelance'),
	(463, 'Can delete créance relancée', 116, 'delete_lignerelance'),
	(464, 'Can view créance relancée', 116, 'view_lignerelance'),
	(465, 'Can add lot de relances', 117, 'add_lotrelances'),
	(466, 'Can change lot de relances', 117, 'change_lotrelances'),
	(467, 'Can delete lot de relances', 117, 'delete_lotrelances'),
	(468, 'Can view lot de relances', 117, 'view_lotrelances'),
	(469, 'Can add envoi d''une liste au directeur', 118, 'add_envoiliste'),
	(470, 'Can change envoi d''une liste au directeur', 118, 'change_envoiliste'),
	(471, 'Can delete envoi d''une liste au directeur', 118, 'delete_envoiliste'),
	(472, 'Can view envoi d''une liste au directeur', 118, 'view_envoiliste'),
	(473, 'Can add bail, contrat ou titre conservé', 119, 'add_contratconserve'),
	(474, 'Can change bail, contrat ou titre conservé', 119, 'change_contratconserve'),
	(475, 'Can delete bail, contrat ou titre conservé', 119, 'delete_contratconserve'),
	(476, 'Can view bail, contrat ou titre conservé', 119, 'view_contratconserve'),
	(477, 'Can add envoi de l''état nominatif semestriel', 120, 'add_envoietatnominatif'),
	(478, 'Can change envoi de l''état nominatif semestriel', 120, 'change_envoietatnominatif'),
	(479, 'Can delete envoi de l''état nominatif semestriel', 120, 'delete_envoietatnominatif'),
	(480, 'Can view envoi de l''état nominatif semestriel', 120, 'view_envoietatnominatif'),
	(481, 'Can add garantie ou sûreté', 121, 'add_garantie'),
	(482, 'Can change garantie ou sûreté', 121, 'change_garantie'),
	(483, 'Can delete garantie ou sûreté', 121, 'delete_garantie'),
	(484, 'Can view garantie ou sûreté', 121, 'view_garantie'),
	(485, 'Can add périodicité d''une liste', 122, 'add_periodiciteliste'),
	(486, 'Can change périodicité d''une liste', 122, 'change_periodiciteliste'),
	(487, 'Can delete périodicité d''une liste', 122, 'delete_periodiciteliste'),
	(488, 'Can view périodicité d''une liste', 122, 'view_periodiciteliste'),
	(489, 'Can add huissier', 123, 'add_huissier'),
	(490, 'Can change huissier', 123, 'change_huissier'),
	(491, 'Can delete huissier', 123, 'delete_huissier'),
	(492, 'Can view huissier', 123, 'view_huissier'),
	(493, 'Can add dispense de visite semestrielle', 124, 'add_dispensevisite'),
	(494, 'Can change dispense de visite semestrielle', 124, 'change_dispensevisite'),
	(495, 'Can delete dispense de visite semestrielle', 124, 'delete_dispensevisite'),
	(496, 'Can view dispense de visite semestrielle', 124, 'view_dispensevisite'),
	(497, 'Can add mise en demeure', 125, 'add_miseendemeure'),
	(498, 'Can change mise en demeure', 125, 'change_miseendemeure'),
	(499, 'Can delete mise en demeure', 125, 'delete_miseendemeure'),
	(500, 'Can view mise en demeure', 125, 'view_miseendemeure'),
	(501, 'Can add avis à la caisse du défaut de paiement', 126, 'add_aviscaisse'),
	(502, 'Can change avis à la caisse du défaut de paiement', 126, 'change_aviscaisse'),
	(503, 'Can delete avis à la caisse du défaut de paiement', 126, 'delete_aviscaisse'),
	(504, 'Can view avis à la caisse du défaut de paiement', 126, 'view_aviscaisse'),
	(505, 'Can add mise en demeure creance', 127, 'add_miseendemeurecreance'),
	(506, 'Can change mise en demeure creance', 127, 'change_miseendemeurecreance'),
	(507, 'Can delete mise en demeure creance', 127, 'delete_miseendemeurecreance'),
	(508, 'Can view mise en demeure creance', 127, 'view_miseendemeurecreance'),
	(509, 'Can add procédure de recouvrement forcé', 128, 'add_poursuite'),
	(510, 'Can change procédure de recouvrement forcé', 128, 'change_poursuite'),
	(511, 'Can delete procédure de recouvrement forcé', 128, 'delete_poursuite'),
	(512, 'Can view procédure de recouvrement forcé', 128, 'view_poursuite'),
	(513, 'Can add acte d''huissier', 129, 'add_actehuissier'),
	(514, 'Can change acte d''huissier', 129, 'change_actehuissier'),
	(515, 'Can delete acte d''huissier', 129, 'delete_actehuissier'),
	(516, 'Can view acte d''huissier', 129, 'view_actehuissier'),
	(517, 'Can add procédure collective', 130, 'add_procedurecollective'),
	(518, 'Can change procédure collective', 130, 'change_procedurecollective'),
	(519, 'Can delete procédure collective', 130, 'delete_procedurecollective'),
	(520, 'Can view procédure collective', 130, 'view_procedurecollective'),
	(521, 'Can add événement d''une procédure collective', 131, 'add_evenementprocedure'),
	(522, 'Can change événement d''une procédure collective', 131, 'change_evenementprocedure'),
	(523, 'Can delete événement d''une procédure collective', 131, 'delete_evenementprocedure'),
	(524, 'Can view événement d''une procédure collective', 131, 'view_evenementprocedure'),
	(525, 'Can add déclaration de créance', 132, 'add_declarationcreance'),
	(526, 'Can change déclaration de créance', 132, 'change_declarationcreance'),
	(527, 'Can delete déclaration de créance', 132, 'delete_declarationcreance'),
	(528, 'Can view déclaration de créance', 132, 'view_declarationcreance'),
	(529, 'Can add recours devant la commission de recours amiable', 133, 'add_recoursamiable'),
	(530, 'Can change recours devant la commission de recours amiable', 133, 'change_recoursamiable'),
	(531, 'Can delete recours devant la commission de recours amiable', 133, 'delete_recoursamiable'),
	(532, 'Can view recours devant la commission de recours amiable', 133, 'view_recoursamiable'),
	(533, 'Can add visite d''un huissier', 134, 'add_visitehuissier'),
	(534, 'Can change visite d''un huissier', 134, 'change_visitehuissier'),
	(535, 'Can delete visite d''un huissier', 134, 'delete_visitehuissier'),
	(536, 'Can view visite d''un huissier', 134, 'view_visitehuissier');


--
-- Data for Name: auth_user; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_user_groups; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_user_user_permissions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: authtoken_token; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budget_credit; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budget_modificationcredit; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budget_mouvementcredit; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: comptes_annuels_approbation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: comptes_annuels_aviscodec; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: comptes_annuels_avisfonde; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: comptes_annuels_comptefinancier; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: comptes_annuels_correspondance; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.comptes_annuels_correspondance VALUES
	(1, '1', '1900-01-01', NULL, NULL, 10),
	(2, '10', '1900-01-01', NULL, NULL, 7),
	(3, '11', '1900-01-01', NULL, NULL, 7),
	(4, '12', '1900-01-01', NULL, NULL, 8),
	(5, '15', '1900-01-01', NULL, NULL, 9),
	(6, '2', '1900-01-01', NULL, NULL, 2),
	(7, '20', '1900-01-01', NULL, NULL, 1),
	(8, '280', '1900-01-01', NULL, NULL, 1),
	(9, '3', '1900-01-01', NULL, NULL, 3),
	(10, '4', '1900-01-01', NULL, NULL, 14),
	(11, '40', '1900-01-01', NULL, NULL, 11),
	(12, '409', '1900-01-01', NULL, NULL, 5),
	(13, '41', '1900-01-01', NULL, NULL, 4),
	(14, '412', '1900-01-01', NULL, NULL, 12),
	(15, '42', '1900-01-01', NULL, NULL, 13),
	(16, '43', '1900-01-01', NULL, NULL, 13),
	(17, '44', '1900-01-01', NULL, NULL, 13),
	(18, '429', '1900-01-01', NULL, NULL, 5),
	(19, '45', '1900-01-01', NULL, NULL, 5),
	(20, '4671', '1900-01-01', NULL, NULL, 5),
	(21, '4687', '1900-01-01', NULL, NULL, 5),
	(22, '4721', '1900-01-01', NULL, NULL, 5),
	(23, '4722', '1900-01-01', NULL, NULL, 5),
	(24, '486', '1900-01-01', NULL, NULL, 5),
	(25, '49', '1900-01-01', NULL, NULL, 5),
	(26, '491', '1900-01-01', NULL, NULL, 4),
	(27, '5', '1900-01-01', NULL, NULL, 6),
	(28, '6', '1900-01-01', NULL, NULL, 16),
	(29, '65', '1900-01-01', NULL, NULL, 15),
	(30, '6817', '1900-01-01', NULL, NULL, 15),
	(31, '66', '1900-01-01', NULL, NULL, 17),
	(32, '67', '1900-01-01', NULL, NULL, 18),
	(33, '7', '1900-01-01', NULL, NULL, 20),
	(34, '75', '1900-01-01', NULL, NULL, 19),
	(35, '752', '1900-01-01', NULL, NULL, 20),
	(36, '76', '1900-01-01', NULL, NULL, 21),
	(37, '77', '1900-01-01', NULL, NULL, 22);


--
-- Data for Name: comptes_annuels_quitus; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: comptes_annuels_renvoiministre; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: comptes_annuels_rubrique; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.comptes_annuels_rubrique VALUES
	(1, 'AI', 'Immobilisations incorporelles (nettes)', 'actif', '', 10),
	(2, 'AC', 'Immobilisations corporelles (nettes)', 'actif', '', 20),
	(3, 'AS', 'Stocks', 'actif', '', 30),
	(4, 'AK', 'Créances sur cotisants (nettes des dépréciations)', 'actif', '', 40),
	(5, 'AD', 'Autres créances', 'actif', '', 50),
	(6, 'AL', 'Disponibilités', 'actif', '', 60),
	(7, 'PD', 'Dotations, réserves et report à nouveau', 'passif', '', 10),
	(8, 'PR', 'Résultat de l''exercice (comptabilisé)', 'passif', '', 20),
	(9, 'PP', 'Provisions pour risques et charges', 'passif', '', 30),
	(10, 'PE', 'Emprunts, dettes financières et comptes de liaison', 'passif', '', 40),
	(11, 'PF', 'Dettes fournisseurs', 'passif', '', 50),
	(12, 'PA', 'Dettes envers les assurés et allocataires', 'passif', '', 60),
	(13, 'PS', 'Dettes sociales et fiscales', 'passif', '', 70),
	(14, 'PO', 'Autres dettes', 'passif', '', 80),
	(15, 'CT', 'Charges de gestion technique', 'charges', 'technique', 10),
	(16, 'CC', 'Charges de gestion courante', 'charges', 'courante', 20),
	(17, 'CF', 'Charges financières', 'charges', 'financiere', 30),
	(18, 'CE', 'Charges exceptionnelles', 'charges', 'exceptionnelle', 40),
	(19, 'RT', 'Produits de gestion technique', 'produits', 'technique', 10),
	(20, 'RC', 'Produits de gestion courante', 'produits', 'courante', 20),
	(21, 'RF', 'Produits financiers', 'produits', 'financiere', 30),
	(22, 'RE', 'Produits exceptionnels', 'produits', 'exceptionnelle', 40);


--
-- Data for Name: comptes_annuels_transmissioncomptes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: core_cleidempotence; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: core_jetonconsomme; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: core_journalaudit; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: core_progression; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_certificatnonpaiement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_certificatreimputation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_compteurordredepense; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_controledepense; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_depensesansordonnancement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_engagement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_ligneordredepense; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_ordredepense; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_paiementdiffere; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_piecedepense; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_plancontroledepense; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.depenses_plancontroledepense VALUES
	(1, 'prestation', 'sondage', NULL, 10),
	(2, 'fournitures', 'selectif', 5000.00, 100),
	(3, 'loyer', 'selectif', 10000.00, 100),
	(4, 'interets', 'selectif', 5000.00, 100);


--
-- Data for Name: depenses_reponserequisition; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_requisition; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_servicefait; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_signaturedepense; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_suspension; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: depenses_tiragecontroledepense; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: django_admin_log; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: django_content_type; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.django_content_type VALUES
	(1, 'admin', 'logentry'),
	(2, 'auth', 'permission'),
	(3, 'auth', 'group'),
	(4, 'auth', 'user'),
	(5, 'contenttypes', 'contenttype'),
	(6, 'sessions', 'session'),
	(7, 'authtoken', 'token'),
	(8, 'authtoken', 'tokenproxy'),
	(9, 'core', 'journalaudit'),
	(10, 'core', 'jetonconsomme'),
	(11, 'core', 'cleidempotence'),
	(12, 'personnes', 'affectation'),
	(13, 'personnes', 'delegation'),
	(14, 'personnes', 'interim'),
	(15, 'personnes', 'procuration'),
	(16, 'personnes', 'installation'),
	(17, 'personnes', 'prorogationreserves'),
	(18, 'personnes', 'reserve'),
	(19, 'personnes', 'mandat'),
	(20, 'personnes', 'compteurechecs'),
	(21, 'personnes', 'secondfacteur'),
	(22, 'reglementation', 'parametre'),
	(23, 'reglementation', 'reglerattachement'),
	(24, 'ledger', 'exercice'),
	(25, 'ledger', 'compte'),
	(26, 'ledger', 'compteur'),
	(27, 'ledger', 'cumul'),
	(28, 'ledger', 'ecriture'),
	(29, 'ledger', 'journal'),
	(30, 'ledger', 'ligne'),
	(31, 'ledger', 'chaine'),
	(32, 'ledger', 'balancefigee'),
	(33, 'ledger', 'envoibalance'),
	(34, 'ledger', 'lignebalancefigee'),
	(35, 'ledger', 'arretecomptes'),
	(36, 'budget', 'credit'),
	(37, 'budget', 'modificationcredit'),
	(38, 'budget', 'mouvementcredit'),
	(39, 'oppositions', 'opposition'),
	(40, 'oppositions', 'imputation'),
	(41, 'recettes', 'compteurordre'),
	(42, 'recettes', 'plancontrole'),
	(43, 'recettes', 'ordrerecette'),
	(44, 'recettes', 'ligneordrerecette'),
	(45, 'recettes', 'controleeffectue'),
	(46, 'recettes', 'piecejustificative'),
	(47, 'recettes', 'reduction'),
	(48, 'recettes', 'signature'),
	(49, 'recettes', 'tiragecontrole'),
	(50, 'depenses', 'compteurordredepense'),
	(51, 'depenses', 'depensesansordonnancement'),
	(52, 'depenses', 'engagement'),
	(53, 'depenses', 'ordredepense'),
	(54, 'depenses', 'ligneordredepense'),
	(55, 'depenses', 'controledepense'),
	(56, 'depenses', 'certificatreimputation'),
	(57, 'depenses', 'certificatnonpaiement'),
	(58, 'depenses', 'piecedepense'),
	(59, 'depenses', 'servicefait'),
	(60, 'depenses', 'signaturedepense'),
	(61, 'depenses', 'suspension'),
	(62, 'depenses', 'requisition'),
	(63, 'depenses', 'plancontroledepense'),
	(64, 'depenses', 'reponserequisition'),
	(65, 'depenses', 'tiragecontroledepense'),
	(66, 'depenses', 'paiementdiffere'),
	(67, 'tresorerie', 'lignereleve'),
	(68, 'tresorerie', 'comptedisponibilite'),
	(69, 'tresorerie', 'carnet'),
	(70, 'tresorerie', 'arretecaisse'),
	(71, 'tresorerie', 'encaissement'),
	(72, 'tresorerie', 'affectation'),
	(73, 'tresorerie', 'lotpaiement'),
	(74, 'tresorerie', 'paiement'),
	(75, 'tresorerie', 'quittance'),
	(76, 'tresorerie', 'rapprochement'),
	(77, 'tresorerie', 'releve'),
	(78, 'tresorerie', 'decisionopposition'),
	(79, 'tresorerie', 'regie'),
	(80, 'tresorerie', 'operationregie'),
	(81, 'tresorerie', 'etatdepensesregie'),
	(82, 'tresorerie', 'depenseregie'),
	(83, 'tresorerie', 'controleregie'),
	(84, 'tresorerie', 'avanceregie'),
	(85, 'tresorerie', 'arreteregie'),
	(86, 'tresorerie', 'versementregie'),
	(87, 'tresorerie', 'retour'),
	(88, 'tresorerie', 'correctioncoordonnees'),
	(89, 'inventaire', 'contrepassationinventaire'),
	(90, 'inventaire', 'etatinventaire'),
	(91, 'inventaire', 'articleetat'),
	(92, 'comptes_annuels', 'rubrique'),
	(93, 'comptes_annuels', 'correspondance'),
	(94, 'comptes_annuels', 'comptefinancier'),
	(95, 'comptes_annuels', 'aviscodec'),
	(96, 'comptes_annuels', 'avisfonde'),
	(97, 'comptes_annuels', 'quitus'),
	(98, 'comptes_annuels', 'renvoiministre'),
	(99, 'comptes_annuels', 'transmissioncomptes'),
	(100, 'comptes_annuels', 'approbation'),
	(101, 'responsabilite', 'miseencause'),
	(102, 'responsabilite', 'ordredebet'),
	(103, 'responsabilite', 'demande'),
	(104, 'responsabilite', 'nonvaleur'),
	(105, 'responsabilite', 'notificationassociation'),
	(106, 'responsabilite', 'recouvrement'),
	(107, 'responsabilite', 'versement'),
	(108, 'responsabilite', 'avisministres'),
	(109, 'responsabilite', 'dossierdrass'),
	(110, 'recouvrement', 'debiteur'),
	(111, 'recouvrement', 'creance'),
	(112, 'recouvrement', 'acte'),
	(113, 'recouvrement', 'delaipaiement'),
	(114, 'recouvrement', 'echeance'),
	(115, 'recouvrement', 'lettrerelance'),
	(116, 'recouvrement', 'lignerelance'),
	(117, 'recouvrement', 'lotrelances'),
	(118, 'recouvrement', 'envoiliste'),
	(119, 'recouvrement', 'contratconserve'),
	(120, 'recouvrement', 'envoietatnominatif'),
	(121, 'recouvrement', 'garantie'),
	(122, 'recouvrement', 'periodiciteliste'),
	(123, 'recouvrement', 'huissier'),
	(124, 'recouvrement', 'dispensevisite'),
	(125, 'recouvrement', 'miseendemeure'),
	(126, 'recouvrement', 'aviscaisse'),
	(127, 'recouvrement', 'miseendemeurecreance'),
	(128, 'recouvrement', 'poursuite'),
	(129, 'recouvrement', 'actehuissier'),
	(130, 'recouvrement', 'procedurecollective'),
	(131, 'recouvrement', 'evenementprocedure'),
	(132, 'recouvrement', 'declarationcreance'),
	(133, 'recouvrement', 'recoursamiable'),
	(134, 'recouvrement', 'visitehuissier');


--
-- Data for Name: django_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.django_migrations VALUES
	(1, 'contenttypes', '0001_initial', '2026-12-02 15:19:29.486603+00'),
	(2, 'auth', '0001_initial', '2026-12-02 15:19:29.513033+00'),
	(3, 'admin', '0001_initial', '2026-12-02 15:19:29.522007+00'),
	(4, 'admin', '0002_logentry_remove_auto_add', '2026-12-02 15:19:29.525748+00'),
	(5, 'admin', '0003_logentry_add_action_flag_choices', '2026-12-02 15:19:29.529382+00'),
	(6, 'contenttypes', '0002_remove_content_type_name', '2026-12-02 15:19:29.536692+00'),
	(7, 'auth', '0002_alter_permission_name_max_length', '2026-12-02 15:19:29.540431+00'),
	(8, 'auth', '0003_alter_user_email_max_length', '2026-12-02 15:19:29.545608+00'),
	(9, 'auth', '0004_alter_user_username_opts', '2026-12-02 15:19:29.54889+00'),
	(10, 'auth', '0005_alter_user_last_login_null', '2026-12-02 15:19:29.552731+00'),
	(11, 'auth', '0006_require_contenttypes_0002', '2026-12-02 15:19:29.553333+00'),
	(12, 'auth', '0007_alter_validators_add_error_messages', '2026-12-02 15:19:29.55652+00'),
	(13, 'auth', '0008_alter_user_username_max_length', '2026-12-02 15:19:29.561533+00'),
	(14, 'auth', '0009_alter_user_last_name_max_length', '2026-12-02 15:19:29.565134+00'),
	(15, 'auth', '0010_alter_group_name_max_length', '2026-12-02 15:19:29.569207+00'),
	(16, 'auth', '0011_update_proxy_permissions', '2026-12-02 15:19:29.572589+00'),
	(17, 'auth', '0012_alter_user_first_name_max_length', '2026-12-02 15:19:29.576264+00'),
	(18, 'authtoken', '0001_initial', '2026-12-02 15:19:29.584577+00'),
	(19, 'authtoken', '0002_auto_20160226_1747', '2026-12-02 15:19:29.595572+00'),
	(20, 'authtoken', '0003_tokenproxy', '2026-12-02 15:19:29.596673+00'),
	(21, 'authtoken', '0004_alter_tokenproxy_options', '2026-12-02 15:19:29.598452+00'),
	(22, 'sessions', '0001_initial', '2026-12-02 15:19:29.602342+00'),
	(23, 'personnes', '0001_initial', '2026-12-02 15:19:29.609214+00'),
	(24, 'ledger', '0001_initial', '2026-12-02 15:19:29.726773+00'),
	(25, 'core', '0001_initial', '2026-12-02 15:19:29.741443+00'),
	(26, 'core', '0002_audit', '2026-12-02 15:19:29.743164+00'),
	(27, 'ledger', '0002_invariants', '2026-12-02 15:19:29.748424+00'),
	(28, 'ledger', '0003_plan_comptable', '2026-12-02 15:19:29.785083+00'),
	(29, 'ledger', '0004_valeurs_par_defaut', '2026-12-02 15:19:29.803723+00'),
	(30, 'ledger', '0005_role_applicatif', '2026-12-02 15:19:29.807178+00'),
	(31, 'budget', '0001_initial', '2026-12-02 15:19:29.9975+00'),
	(32, 'budget', '0002_gardes', '2026-12-02 15:19:30.000228+00'),
	(33, 'budget', '0003_exercice_partage', '2026-12-02 15:19:30.001953+00'),
	(34, 'personnes', '0002_delegation_interim', '2026-12-02 15:19:30.036103+00'),
	(35, 'recettes', '0001_initial', '2026-12-02 15:19:30.293281+00'),
	(36, 'recettes', '0002_gardes', '2026-12-02 15:19:30.295979+00'),
	(37, 'recettes', '0003_plan_controle', '2026-12-02 15:19:30.332429+00'),
	(38, 'oppositions', '0001_initial', '2026-12-02 15:19:30.438581+00'),
	(39, 'oppositions', '0002_gardes', '2026-12-02 15:19:30.440406+00'),
	(40, 'ledger', '0006_verifications_par_plage', '2026-12-02 15:19:30.441822+00'),
	(41, 'ledger', '0007_format_empreinte', '2026-12-02 15:19:30.443153+00'),
	(42, 'ledger', '0008_compte_special_encaissement', '2026-12-02 15:19:30.571715+00'),
	(43, 'depenses', '0001_initial', '2026-12-02 15:19:31.112678+00'),
	(44, 'depenses', '0002_gardes', '2026-12-02 15:19:31.115527+00'),
	(45, 'depenses', '0003_libelle_qualite', '2026-12-02 15:19:31.141868+00'),
	(46, 'depenses', '0004_plan_controle', '2026-12-02 15:19:31.148756+00'),
	(47, 'depenses', '0005_plan_controle_initial', '2026-12-02 15:19:31.185113+00'),
	(48, 'depenses', '0006_ordredepense_paiement_moyen_and_more', '2026-12-02 15:19:31.287811+00'),
	(49, 'tresorerie', '0001_initial', '2026-12-02 15:19:32.192012+00'),
	(50, 'tresorerie', '0002_gardes', '2026-12-02 15:19:32.195368+00'),
	(51, 'tresorerie', '0003_affectation_le_horloge', '2026-12-02 15:19:32.220783+00'),
	(52, 'tresorerie', '0004_reste_a_recouvrer', '2026-12-02 15:19:32.222973+00'),
	(53, 'oppositions', '0003_rapprochement', '2026-12-02 15:19:32.445599+00'),
	(54, 'ordres', '0001_fonctions', '2026-12-02 15:19:32.448661+00'),
	(55, 'depenses', '0007_gardes_communes', '2026-12-02 15:19:32.600653+00'),
	(56, 'tresorerie', '0005_oppositions_solde', '2026-12-02 15:19:32.805681+00'),
	(57, 'tresorerie', '0006_caisse_arretee', '2026-12-02 15:19:32.80695+00'),
	(58, 'personnes', '0003_delegataires', '2026-12-02 15:19:32.80867+00'),
	(59, 'tresorerie', '0007_encaisseur', '2026-12-02 15:19:32.809848+00'),
	(60, 'tresorerie', '0008_solde_reporte', '2026-12-02 15:19:32.811258+00'),
	(61, 'recettes', '0004_gardes_communes', '2026-12-02 15:19:32.812649+00'),
	(62, 'ordres', '0002_pieces_exigees', '2026-12-02 15:19:32.813631+00'),
	(63, 'recettes', '0005_motif_rattachement_pieces_exigees', '2026-12-02 15:19:32.862782+00'),
	(64, 'recettes', '0006_tirage_controle', '2026-12-02 15:19:32.895093+00'),
	(65, 'recettes', '0007_reduction_separation', '2026-12-02 15:19:32.896328+00'),
	(66, 'recettes', '0008_reduction_ligne', '2026-12-02 15:19:32.92526+00'),
	(67, 'tresorerie', '0009_reste_ligne', '2026-12-02 15:19:32.926547+00'),
	(68, 'tresorerie', '0010_a_nouveaux_caisse_arretee', '2026-12-02 15:19:32.9276+00'),
	(69, 'personnes', '0004_libelle_fonction', '2026-12-02 15:19:32.928733+00'),
	(70, 'personnes', '0005_interims_consecutifs', '2026-12-02 15:19:32.929822+00'),
	(71, 'personnes', '0006_procurations', '2026-12-02 15:19:32.962189+00'),
	(72, 'personnes', '0007_fondes_de_pouvoir', '2026-12-02 15:19:32.963697+00'),
	(73, 'tresorerie', '0011_encaisseur_interim', '2026-12-02 15:19:32.964795+00'),
	(74, 'ledger', '0009_compte_special_cotisations', '2026-12-02 15:19:33.001613+00'),
	(75, 'ledger', '0010_balances_figees', '2026-12-02 15:19:33.276759+00'),
	(76, 'ledger', '0011_arrete_comptes', '2026-12-02 15:19:33.310928+00'),
	(77, 'ledger', '0012_apres_inventaire_fige', '2026-12-02 15:19:33.312065+00'),
	(78, 'ledger', '0013_compte_manquants_en_attente', '2026-12-02 15:19:33.34437+00'),
	(79, 'tresorerie', '0012_regies', '2026-12-02 15:19:34.13638+00'),
	(80, 'tresorerie', '0013_versement_regie_arretee', '2026-12-02 15:19:34.138615+00'),
	(81, 'tresorerie', '0014_regies_cheques_gardes', '2026-12-02 15:19:34.446594+00'),
	(82, 'responsabilite', '0001_initial', '2026-12-02 15:19:34.869876+00'),
	(83, 'responsabilite', '0002_manquant_de_caisse', '2026-12-02 15:19:34.907388+00'),
	(84, 'responsabilite', '0003_sursis', '2026-12-02 15:19:35.266165+00'),
	(85, 'responsabilite', '0004_demandes', '2026-12-02 15:19:35.311366+00'),
	(86, 'responsabilite', '0005_verrous_role_applicatif', '2026-12-02 15:19:35.312814+00'),
	(87, 'responsabilite', '0006_reglement', '2026-12-02 15:19:35.517366+00'),
	(88, 'responsabilite', '0007_remboursement_decharge', '2026-12-02 15:19:35.750459+00'),
	(89, 'responsabilite', '0008_dossier_drass', '2026-12-02 15:19:35.840763+00'),
	(90, 'reglementation', '0001_initial', '2026-12-02 15:19:35.848235+00'),
	(91, 'reglementation', '0002_sans_chevauchement', '2026-12-02 15:19:35.851383+00'),
	(92, 'reglementation', '0003_donnees', '2026-12-02 15:19:35.942294+00'),
	(93, 'reglementation', '0004_citation_titre_comptable', '2026-12-02 15:19:35.984193+00'),
	(94, 'reglementation', '0005_delais_comptes_annuels', '2026-12-02 15:19:36.176383+00'),
	(95, 'reglementation', '0006_seuil_approbation_decharge', '2026-12-02 15:19:36.218975+00'),
	(96, 'recouvrement', '0001_initial', '2026-12-02 15:19:36.443161+00'),
	(97, 'recouvrement', '0002_amiable', '2026-12-02 15:19:37.184218+00'),
	(98, 'recouvrement', '0003_surveillance', '2026-12-02 15:19:37.579193+00'),
	(99, 'depenses', '0008_motif_rattachement_pieces_exigees', '2026-12-02 15:19:37.668472+00'),
	(100, 'depenses', '0009_requisition_reimputation', '2026-12-02 15:19:38.33547+00'),
	(101, 'depenses', '0010_tirage_controle', '2026-12-02 15:19:38.387522+00'),
	(102, 'depenses', '0011_paiement_separation', '2026-12-02 15:19:38.388933+00'),
	(103, 'depenses', '0012_paiement_separation_complete', '2026-12-02 15:19:38.39016+00'),
	(104, 'recouvrement', '0004_contentieux', '2026-12-02 15:19:39.692807+00'),
	(105, 'recouvrement', '0005_contentieux_cotisations', '2026-12-02 15:19:39.695354+00'),
	(106, 'personnes', '0008_installation', '2026-12-02 15:19:40.376407+00'),
	(107, 'personnes', '0009_installation_gardes', '2026-12-02 15:19:40.380026+00'),
	(108, 'personnes', '0010_mandats', '2026-12-02 15:19:40.445888+00'),
	(109, 'personnes', '0011_mandats_gardes', '2026-12-02 15:19:40.448006+00'),
	(110, 'personnes', '0012_interim_portee_nomination', '2026-12-02 15:19:41.217519+00'),
	(111, 'personnes', '0013_authentification', '2026-12-02 15:19:41.283779+00'),
	(112, 'oppositions', '0004_restauration', '2026-12-02 15:19:41.286188+00'),
	(113, 'ledger', '0014_gardes_restauration', '2026-12-02 15:19:41.289941+00'),
	(114, 'inventaire', '0001_initial', '2026-12-02 15:19:41.794587+00'),
	(115, 'inventaire', '0002_gardes', '2026-12-02 15:19:41.797004+00'),
	(116, 'inventaire', '0003_revue_provisions', '2026-12-02 15:19:41.92863+00'),
	(117, 'inventaire', '0004_gardes_restauration', '2026-12-02 15:19:41.931564+00'),
	(118, 'depenses', '0013_paiement_differe_d133_2', '2026-12-02 15:19:42.138536+00'),
	(119, 'core', '0003_jetons', '2026-12-02 15:19:42.212725+00'),
	(120, 'core', '0004_jeton_empreinte', '2026-12-02 15:19:42.269341+00'),
	(121, 'core', '0005_progression', '2026-12-02 15:19:42.274051+00'),
	(122, 'core', '0006_cle_idempotence', '2026-12-02 15:19:42.344158+00'),
	(123, 'core', '0007_cle_idempotence_reponse_texte', '2026-12-02 15:19:42.40405+00'),
	(124, 'comptes_annuels', '0001_initial', '2026-12-02 15:19:42.609405+00'),
	(125, 'comptes_annuels', '0002_gardes', '2026-12-02 15:19:42.61177+00'),
	(126, 'comptes_annuels', '0003_correspondances_par_defaut', '2026-12-02 15:19:42.724526+00'),
	(127, 'comptes_annuels', '0004_compte_financier', '2026-12-02 15:19:42.797842+00'),
	(128, 'comptes_annuels', '0005_cycle', '2026-12-02 15:19:43.866052+00'),
	(129, 'comptes_annuels', '0006_manquants_en_attente', '2026-12-02 15:19:44.080223+00'),
	(130, 'comptes_annuels', '0007_chemin_de_recherche', '2026-12-02 15:19:44.08633+00'),
	(131, 'tresorerie', '0015_formats_bancaires', '2026-12-02 15:19:45.09043+00'),
	(132, 'oppositions', '0005_imputation_restituee', '2026-12-02 15:19:45.226027+00'),
	(133, 'depenses', '0014_paiement_retourne', '2026-12-02 15:19:45.229765+00'),
	(134, 'tresorerie', '0016_retours', '2026-12-02 15:19:45.791161+00'),
	(135, 'tresorerie', '0017_valeurs_par_defaut_en_base', '2026-12-02 15:19:46.255337+00'),
	(136, 'tresorerie', '0018_retours_restauration', '2026-12-02 15:19:46.64181+00'),
	(137, 'tresorerie', '0019_retours_gardes', '2026-12-02 15:19:46.75644+00'),
	(138, 'ledger', '0015_lignes_exercice_date', '2026-12-02 15:19:46.972597+00'),
	(139, 'ledger', '0016_partitions', '2026-12-02 15:19:46.986497+00'),
	(140, 'ledger', '0017_saisie_serveur', '2026-12-02 15:19:46.99193+00'),
	(141, 'ledger', '0018_import_rapide', '2026-12-02 15:19:46.995184+00'),
	(142, 'ledger', '0019_grand_livre', '2026-12-02 15:19:46.999293+00'),
	(143, 'ledger', '0020_lot_controle', '2026-12-02 15:19:47.003285+00'),
	(144, 'ledger', '0021_saisie_tableaux', '2026-12-02 15:19:47.005356+00'),
	(145, 'ledger', '0022_inventaire_references', '2026-12-02 15:19:47.006743+00'),
	(146, 'ledger', '0023_enregistrement_validation', '2026-12-02 15:19:47.01451+00'),
	(147, 'ledger', '0024_a_nouveaux', '2026-12-02 15:19:47.016628+00'),
	(148, 'ledger', '0025_a_nouveaux_gestion', '2026-12-02 15:19:47.018851+00'),
	(149, 'ledger', '0026_enregistrement_comptes_speciaux', '2026-12-02 15:19:47.020782+00'),
	(150, 'depenses', '0015_ecritures_partitionnees', '2026-12-02 15:19:47.423564+00'),
	(151, 'depenses', '0016_index_etat_numero', '2026-12-02 15:19:47.484956+00'),
	(152, 'recettes', '0009_ecritures_partitionnees', '2026-12-02 15:19:47.61145+00'),
	(153, 'recettes', '0010_index_etat_numero', '2026-12-02 15:19:47.856319+00'),
	(154, 'recouvrement', '0006_ecritures_partitionnees', '2026-12-02 15:19:47.923517+00'),
	(155, 'responsabilite', '0009_ecritures_partitionnees', '2026-12-02 15:19:48.533978+00'),
	(156, 'tresorerie', '0020_ecritures_partitionnees', '2026-12-02 15:19:49.637323+00');


--
-- Data for Name: django_session; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: inventaire_articleetat; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: inventaire_contrepassationinventaire; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: inventaire_etatinventaire; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_arretecomptes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_balancefigee; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_chaine; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_compte; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.ledger_compte VALUES
	(1, '10', 'Dotations et réserves', 1, 'passif', 'C', false, false, NULL, false),
	(2, '102', 'Dotations', 1, 'passif', 'C', true, false, 1, false),
	(3, '106', 'Réserves', 1, 'passif', 'C', true, false, 1, false),
	(4, '110', 'Report à nouveau créditeur', 1, 'passif', 'C', true, false, NULL, false),
	(5, '119', 'Report à nouveau débiteur', 1, 'passif', 'D', true, false, NULL, false),
	(6, '120', 'Résultat de l''exercice (excédent)', 1, 'passif', 'C', true, false, NULL, false),
	(7, '129', 'Résultat de l''exercice (déficit)', 1, 'passif', 'D', true, false, NULL, false),
	(8, '15', 'Provisions', 1, 'passif', 'C', false, false, NULL, false),
	(9, '151', 'Provisions pour risques', 1, 'passif', 'C', true, false, 8, false),
	(10, '158', 'Provisions pour charges', 1, 'passif', 'C', true, false, 8, false),
	(11, '164', 'Emprunts auprès des établissements de crédit', 1, 'passif', 'C', true, false, NULL, false),
	(12, '181', 'Compte de liaison avec la caisse nationale', 1, 'mixte', 'C', true, false, NULL, false),
	(13, '205', 'Logiciels', 2, 'actif', 'D', true, false, NULL, false),
	(14, '213', 'Constructions', 2, 'actif', 'D', true, false, NULL, false),
	(15, '2183', 'Matériel informatique', 2, 'actif', 'D', true, false, NULL, false),
	(16, '2184', 'Mobilier', 2, 'actif', 'D', true, false, NULL, false),
	(17, '2805', 'Amortissements des logiciels', 2, 'actif', 'C', true, false, NULL, false),
	(18, '2813', 'Amortissements des constructions', 2, 'actif', 'C', true, false, NULL, false),
	(19, '2818', 'Amortissements des autres immobilisations corporelles', 2, 'actif', 'C', true, false, NULL, false),
	(20, '401', 'Fournisseurs', 4, 'passif', 'C', true, false, NULL, false),
	(21, '404', 'Fournisseurs d''immobilisations', 4, 'passif', 'C', true, false, NULL, false),
	(22, '408', 'Fournisseurs, factures non parvenues', 4, 'passif', 'C', true, false, NULL, false),
	(23, '409', 'Avances et acomptes versés', 4, 'actif', 'D', true, false, NULL, false),
	(27, '412', 'Assurés et allocataires, prestations à payer', 4, 'passif', 'C', true, false, NULL, false),
	(28, '413', 'Assurés et allocataires, indus à récupérer', 4, 'actif', 'D', true, false, NULL, false),
	(31, '421', 'Personnel, rémunérations dues', 4, 'passif', 'C', true, false, NULL, false),
	(32, '428', 'Personnel, charges à payer', 4, 'passif', 'C', false, false, NULL, false),
	(33, '4286', 'Personnel, autres charges à payer', 4, 'passif', 'C', true, false, 32, false),
	(34, '429', 'Déficits et débets des comptables et régisseurs', 4, 'actif', 'D', true, false, NULL, false),
	(35, '431', 'Sécurité sociale (organisme employeur)', 4, 'passif', 'C', true, false, NULL, false),
	(36, '447', 'Autres impôts, taxes et versements assimilés', 4, 'passif', 'C', true, false, NULL, false),
	(37, '451', 'Organismes du régime général, caisse nationale', 4, 'mixte', 'D', true, false, NULL, false),
	(38, '458', 'Opérations pour le compte de tiers', 4, 'mixte', 'D', true, false, NULL, false),
	(39, '4671', 'Débiteurs divers', 4, 'actif', 'D', true, false, NULL, false),
	(40, '4672', 'Créditeurs divers', 4, 'passif', 'C', true, false, NULL, false),
	(41, '4673', 'Oppositions sur paiements, à reverser', 4, 'passif', 'C', true, false, NULL, false),
	(42, '4686', 'Divers, charges à payer', 4, 'passif', 'C', true, false, NULL, false),
	(43, '4687', 'Divers, produits à recevoir', 4, 'actif', 'D', true, false, NULL, false),
	(45, '4712', 'Excédents de caisse, en attente de prescription', 4, 'passif', 'C', true, false, NULL, false),
	(46, '4713', 'Encaissements sur contrats gérés par l''agent comptable, à régulariser', 4, 'passif', 'C', true, false, NULL, false),
	(47, '4721', 'Dépenses payées sans ordonnancement préalable, à régulariser', 4, 'actif', 'D', true, false, NULL, false),
	(48, '4722', 'Manquants de caisse en attente de l''ordre de recette contre l''agent comptable', 4, 'actif', 'D', true, false, NULL, false),
	(49, '486', 'Charges constatées d''avance', 4, 'actif', 'D', true, false, NULL, false),
	(50, '487', 'Produits constatés d''avance', 4, 'passif', 'C', true, false, NULL, false),
	(51, '491', 'Dépréciation des comptes de cotisants', 4, 'actif', 'C', true, false, NULL, false),
	(52, '496', 'Dépréciation des comptes de débiteurs divers', 4, 'actif', 'C', true, false, NULL, false),
	(53, '512', 'Comptes externes de disponibilités', 5, 'actif', 'D', false, false, NULL, false),
	(54, '5121', 'Compte spécial d''exécution', 5, 'actif', 'D', true, false, 53, false),
	(55, '5122', 'Compte externe de disponibilités, banque', 5, 'actif', 'D', true, false, 53, false),
	(56, '5123', 'Compte spécial d''encaissement des cotisations', 5, 'actif', 'D', true, true, 53, false),
	(57, '515', 'Caisse des dépôts, compte unique de disponibilités courantes', 5, 'actif', 'D', true, false, NULL, false),
	(58, '531', 'Caisse (numéraire)', 5, 'actif', 'D', true, false, NULL, false),
	(59, '541', 'Régies d''avances et de recettes', 5, 'actif', 'D', true, false, NULL, false),
	(60, '580', 'Virements internes', 5, 'actif', 'D', true, false, NULL, false),
	(61, '6061', 'Eau, énergie', 6, 'charge', 'D', true, false, NULL, false),
	(62, '6064', 'Fournitures administratives', 6, 'charge', 'D', true, false, NULL, false),
	(63, '613', 'Locations', 6, 'charge', 'D', true, false, NULL, false),
	(64, '615', 'Entretien et réparations', 6, 'charge', 'D', true, false, NULL, false),
	(65, '622', 'Honoraires', 6, 'charge', 'D', true, false, NULL, false),
	(66, '626', 'Frais postaux et de télécommunications', 6, 'charge', 'D', true, false, NULL, false),
	(67, '627', 'Services bancaires', 6, 'charge', 'D', true, false, NULL, false),
	(68, '635', 'Impôts et taxes', 6, 'charge', 'D', true, false, NULL, false),
	(69, '641', 'Rémunérations du personnel', 6, 'charge', 'D', true, false, NULL, false),
	(70, '645', 'Charges de sécurité sociale et de prévoyance', 6, 'charge', 'D', true, false, NULL, false),
	(71, '654', 'Pertes sur créances irrécouvrables', 6, 'charge', 'D', false, false, NULL, false),
	(72, '6541', 'Créances admises en non-valeur', 6, 'charge', 'D', true, false, 71, false),
	(73, '656', 'Prestations sociales', 6, 'charge', 'D', false, false, NULL, false),
	(74, '6561', 'Prestations légales', 6, 'charge', 'D', true, false, 73, false),
	(75, '6562', 'Prestations extralégales, action sanitaire et sociale', 6, 'charge', 'D', true, false, 73, false),
	(76, '6563', 'Prévention', 6, 'charge', 'D', true, false, 73, false),
	(77, '661', 'Charges d''intérêts', 6, 'charge', 'D', true, false, NULL, false),
	(78, '671', 'Charges exceptionnelles sur opérations de gestion', 6, 'charge', 'D', true, false, NULL, false),
	(79, '6712', 'Débets des comptables pris en charge par l''organisme', 6, 'charge', 'D', true, false, 78, false),
	(80, '673', 'Titres annulés sur exercices antérieurs', 6, 'charge', 'D', true, false, NULL, false),
	(81, '681', 'Dotations aux amortissements, dépréciations et provisions', 6, 'charge', 'D', false, false, NULL, false),
	(82, '6811', 'Dotations aux amortissements', 6, 'charge', 'D', true, false, 81, false),
	(83, '6815', 'Dotations aux provisions pour risques et charges', 6, 'charge', 'D', true, false, 81, false),
	(84, '6817', 'Dotations aux dépréciations des actifs circulants', 6, 'charge', 'D', true, false, 81, false),
	(89, '752', 'Revenus des immeubles (loyers)', 7, 'produit', 'C', true, false, NULL, false),
	(91, '7585', 'Récupérations d''indus', 7, 'produit', 'C', true, false, NULL, false),
	(92, '761', 'Produits financiers (intérêts)', 7, 'produit', 'C', true, false, NULL, false),
	(93, '771', 'Produits exceptionnels sur opérations de gestion (condamnations)', 7, 'produit', 'C', true, false, NULL, false),
	(94, '7741', 'Encaissements sur créances admises en non-valeur', 7, 'produit', 'C', true, false, NULL, false),
	(95, '775', 'Produits des cessions d''éléments d''actif', 7, 'produit', 'C', true, false, NULL, false),
	(96, '7788', 'Produits exceptionnels divers (excédents de caisse prescrits)', 7, 'produit', 'C', true, false, NULL, false),
	(97, '781', 'Reprises sur amortissements, dépréciations et provisions', 7, 'produit', 'C', true, false, NULL, false),
	(98, '801', 'Engagements donnés', 8, 'hors_bilan', 'D', true, false, NULL, false),
	(99, '802', 'Engagements reçus', 8, 'hors_bilan', 'C', true, false, NULL, false),
	(24, '411', 'Cotisants', 4, 'actif', 'D', false, false, NULL, true),
	(25, '4111', 'Cotisants, employeurs', 4, 'actif', 'D', true, false, 24, true),
	(26, '4112', 'Cotisants, travailleurs indépendants', 4, 'actif', 'D', true, false, 24, true),
	(29, '416', 'Cotisants douteux ou litigieux', 4, 'actif', 'D', true, false, NULL, true),
	(30, '418', 'Cotisants, produits à recevoir', 4, 'actif', 'D', true, false, NULL, true),
	(44, '4711', 'Recettes à classer (encaissements non affectés)', 4, 'passif', 'C', true, false, NULL, true),
	(85, '751', 'Cotisations sociales', 7, 'produit', 'C', false, false, NULL, true),
	(86, '7511', 'Cotisations patronales', 7, 'produit', 'C', true, false, 85, true),
	(87, '7512', 'Cotisations salariales', 7, 'produit', 'C', true, false, 85, true),
	(88, '7513', 'Cotisations des travailleurs indépendants', 7, 'produit', 'C', true, false, 85, true),
	(90, '753', 'Majorations et pénalités de retard', 7, 'produit', 'C', true, false, NULL, true);


--
-- Data for Name: ledger_compteur; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_cumul; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_enregistrement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_envoibalance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_exercice; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_journal; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.ledger_journal VALUES
	(1, 'RE', 'Recettes', false),
	(2, 'DE', 'Dépenses', false),
	(3, 'TR', 'Trésorerie', false),
	(4, 'OD', 'Opérations diverses', false),
	(5, 'AN', 'À-nouveaux', true),
	(6, 'IN', 'Inventaire', false);


--
-- Data for Name: ledger_lignebalancefigee; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_lot; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_lot_controle; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_rejet; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_validation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: oppositions_imputation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: oppositions_opposition; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_affectation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_compteurechecs; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_delegation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_installation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_interim; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_mandat; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_procuration; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_prorogationreserves; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_reserve; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: personnes_secondfacteur; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_compteurordre; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_controleeffectue; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_ligneordrerecette; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_ordrerecette; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_piecejustificative; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_plancontrole; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.recettes_plancontrole VALUES
	(1, 'cotisation', 'sondage', NULL, 5, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation'),
	(2, 'majoration', 'sondage', NULL, 10, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation'),
	(3, 'penalite', 'sondage', NULL, 20, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation'),
	(4, 'loyer', 'selectif', 5000.00, 100, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation
Pièces justificatives (existence, conformité, réalité)
Conformité au bail (terme, montant)'),
	(5, 'interets', 'selectif', 5000.00, 100, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation
Pièces justificatives (existence, conformité, réalité)
Calcul des intérêts'),
	(6, 'vente', 'exhaustif', NULL, 100, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation
Pièces justificatives (existence, conformité, réalité)
Acte de vente et prix'),
	(7, 'condamnation', 'exhaustif', NULL, 100, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation
Pièces justificatives (existence, conformité, réalité)
Caractère définitif de la décision'),
	(8, 'recuperation_indu', 'exhaustif', NULL, 100, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation
Pièces justificatives (existence, conformité, réalité)
Calcul de l''indu'),
	(9, 'travaux_fournitures', 'exhaustif', NULL, 100, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation
Pièces justificatives (existence, conformité, réalité)
Réception des travaux ou fournitures'),
	(10, 'autre', 'exhaustif', NULL, 100, 'Qualité du signataire (délégation valide à la date)
Exercice et compte d''imputation
Pièces justificatives (existence, conformité, réalité)
Exactitude de la liquidation (bases et calcul)');


--
-- Data for Name: recettes_reduction; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_signature; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recettes_tiragecontrole; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_acte; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_actehuissier; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_aviscaisse; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_contratconserve; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_creance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_debiteur; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_declarationcreance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_declarationcreance_creances; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_delaipaiement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_dispensevisite; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_echeance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_envoietatnominatif; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_envoiliste; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_evenementprocedure; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_garantie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_huissier; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_lettrerelance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_lignerelance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_lotrelances; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_miseendemeure; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_miseendemeurecreance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_periodiciteliste; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_poursuite; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_procedurecollective; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_recoursamiable; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: recouvrement_visitehuissier; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: reglementation_parametre; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reglementation_parametre VALUES
	(1, 'seuil_d133_2', '15.24', '1945-01-01', NULL, 'D133-2', 'Montant en deçà duquel l''organisme peut abandonner la mise en recouvrement des indus de prestations (al. 1) et différer jusqu''à la fin de l''exercice le paiement d''un rappel de prestation (al. 2) : 100 F dans les deux rédactions du 21 et du 22 mars 1997, soit 15,24 € au taux de conversion de 6,55957 F pour 1 € (arrondi au centime).'),
	(2, 'titre_agent_comptable', 'agent comptable', '1945-01-01', '2022-12-31', 'circulaire DSS/F 93/82 §I', 'Titre du comptable de l''organisme : les opérations financières et comptables sont assurées par un directeur et un agent comptable.'),
	(3, 'titre_agent_comptable', 'directeur comptable et financier', '2023-01-01', NULL, 'décret n° 2022-1283 du 30 septembre 2022, art. 4', 'Titre du comptable de l''organisme à compter du 1er janvier 2023, date d''entrée en vigueur fixée par l''article 4 du décret.'),
	(4, 'regime_organisme', 'general', '1945-01-01', NULL, 'D253-1', 'La caisse est une caisse primaire d''assurance maladie, organisme du régime général visé à l''article D253-1 : les règles propres à ces organismes lui sont appliquées.'),
	(5, 'caisse_nationale', 'non', '1945-01-01', NULL, 'D613-41', 'La caisse n''est pas la caisse nationale : ses comptes annuels sont transmis avant le 1er avril qui suit la fin de l''exercice et approuvés par le directeur régional des affaires sanitaires et sociales ou, s''il les lui transmet, par le ministre chargé de la sécurité sociale. « oui » : la caisse nationale, dont l''approbation des comptes est de la compétence du ministre.'),
	(6, 'transmission_comptes_annuels', '03-31', '1945-01-01', NULL, 'D613-41 al. 1 ; circulaire DSS/F 93/82 §IV', 'Dernier jour de la transmission des comptes annuels arrêtés par le conseil d''administration au comité départemental d''examen des comptes et au directeur régional des affaires sanitaires et sociales : « avant le 1er avril qui suit la fin de l''exercice », soit le 31 mars.'),
	(7, 'transmission_comptes_annuels_caisse_nationale', '04-30', '1945-01-01', NULL, 'D613-41 al. 4', 'Dernier jour de la transmission des comptes annuels de la caisse nationale aux comités départementaux d''examen des comptes : « au plus tard pour le 30 avril qui suit la fin de l''exercice ».'),
	(8, 'seuil_approbation_decharge', '0.00', '1945-01-01', NULL, 'circulaire DSS/F 93/82 §6.2', 'Somme fixée par arrêté au-delà de laquelle la décision du conseil d''administration sur la décharge de responsabilité ou la remise gracieuse de l''agent comptable est soumise à l''approbation du ministre chargé de la sécurité sociale et du ministre chargé du budget. Le montant de l''arrêté ne figure pas dans les textes de la caisse : 0 soumet toute décision à l''approbation, jusqu''à l''enregistrement du montant de l''arrêté à sa date.');


--
-- Data for Name: reglementation_reglerattachement; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reglementation_reglerattachement VALUES
	(1, 'recette', 'cotisation', 'general', '1945-01-01', '1997-03-21', 'droits_acquis', NULL, 2, 'D253-17-1 al. 1 et 2 ; D253-17 al. 4 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes visés à l''article D253-1, les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis ; le directeur dispose de deux mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent (D253-17-1 al. 1). L''exercice d''encaissement (D253-17 al. 1) ne leur est pas applicable (D253-17 al. 4).'),
	(2, 'recette', 'majoration', 'general', '1945-01-01', '1997-03-21', 'droits_acquis', NULL, 2, 'D253-17-1 al. 1 et 2 ; D253-17 al. 4 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes visés à l''article D253-1, les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis ; le directeur dispose de deux mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent (D253-17-1 al. 1). L''exercice d''encaissement (D253-17 al. 1) ne leur est pas applicable (D253-17 al. 4).'),
	(3, 'recette', 'penalite', 'general', '1945-01-01', '1997-03-21', 'droits_acquis', NULL, 2, 'D253-17-1 al. 1 et 2 ; D253-17 al. 4 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes visés à l''article D253-1, les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis ; le directeur dispose de deux mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent (D253-17-1 al. 1). L''exercice d''encaissement (D253-17 al. 1) ne leur est pas applicable (D253-17 al. 4).'),
	(4, 'recette', 'cotisation', 'autre', '1945-01-01', '1997-03-21', 'encaissement', 10, NULL, 'D253-17 al. 1 et 3 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes autres que ceux visés à l''article D253-1, les cotisations et majorations de retard se rattachent à l''exercice au cours duquel elles ont été encaissées (al. 1) ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre les ordres de recette (al. 3). L''article D253-17-1 ne s''appliquait qu''aux organismes visés à l''article D253-1.'),
	(5, 'recette', 'majoration', 'autre', '1945-01-01', '1997-03-21', 'encaissement', 10, NULL, 'D253-17 al. 1 et 3 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes autres que ceux visés à l''article D253-1, les cotisations et majorations de retard se rattachent à l''exercice au cours duquel elles ont été encaissées (al. 1) ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre les ordres de recette (al. 3). L''article D253-17-1 ne s''appliquait qu''aux organismes visés à l''article D253-1.'),
	(6, 'recette', 'penalite', 'autre', '1945-01-01', '1997-03-21', 'liquidation', 10, NULL, 'D253-17 al. 2 et 3 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes autres que ceux visés à l''article D253-1, les pénalités ne figurent pas au premier alinéa (« cotisations et majorations de retard ») : ce sont des autres recettes, rattachées à l''exercice au cours duquel elles ont été liquidées (al. 2) ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre les ordres de recette (al. 3).'),
	(7, 'recette', 'cotisation', 'general', '1997-03-22', NULL, 'droits_acquis', NULL, 2, 'D253-17-1 al. 1 (rédaction du 22 mars 1997)', 'Les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis ; pour les organismes visés à l''article D253-1, le directeur dispose de deux mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent.'),
	(8, 'recette', 'cotisation', 'autre', '1997-03-22', NULL, 'droits_acquis', NULL, 1, 'D253-17-1 al. 1 et 2 (rédaction du 22 mars 1997)', 'Les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis (al. 1) ; pour les organismes autres que ceux visés à l''article D253-1, le directeur dispose d''un mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent (al. 2).'),
	(9, 'recette', 'majoration', 'general', '1997-03-22', NULL, 'droits_acquis', NULL, 2, 'D253-17-1 al. 1 (rédaction du 22 mars 1997)', 'Les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis ; pour les organismes visés à l''article D253-1, le directeur dispose de deux mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent.'),
	(10, 'recette', 'majoration', 'autre', '1997-03-22', NULL, 'droits_acquis', NULL, 1, 'D253-17-1 al. 1 et 2 (rédaction du 22 mars 1997)', 'Les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis (al. 1) ; pour les organismes autres que ceux visés à l''article D253-1, le directeur dispose d''un mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent (al. 2).'),
	(11, 'recette', 'penalite', 'general', '1997-03-22', NULL, 'droits_acquis', NULL, 2, 'D253-17-1 al. 1 (rédaction du 22 mars 1997)', 'Les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis ; pour les organismes visés à l''article D253-1, le directeur dispose de deux mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent.'),
	(12, 'recette', 'penalite', 'autre', '1997-03-22', NULL, 'droits_acquis', NULL, 1, 'D253-17-1 al. 1 et 2 (rédaction du 22 mars 1997)', 'Les cotisations, majorations de retard et pénalités se rattachent à l''exercice au cours duquel les droits ont été acquis (al. 1) ; pour les organismes autres que ceux visés à l''article D253-1, le directeur dispose d''un mois au début de l''exercice suivant pour constater les droits acquis au cours de l''exercice précédent (al. 2).'),
	(13, 'recette', 'autre', 'tous', '1945-01-01', '1997-03-21', 'liquidation', 10, NULL, 'D253-17 al. 2 et 3 (rédaction antérieure au 22 mars 1997)', 'Les recettes autres que les cotisations et majorations de retard se rattachent à l''exercice au cours duquel elles ont été liquidées (al. 2) ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre les ordres de recette correspondant aux droits acquis au cours de l''exercice précédent (al. 3).'),
	(14, 'recette', 'autre', 'tous', '1997-03-22', NULL, 'liquidation', 10, NULL, 'D253-17 al. 1 et 2 (rédaction du 22 mars 1997)', 'Les recettes de toute nature, à l''exception des cotisations, majorations de retard et pénalités (D253-17-1 à D253-17-4), se rattachent à l''exercice au cours duquel elles ont été liquidées (al. 1) ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre les ordres de recette correspondant aux droits acquis au cours de l''exercice précédent (al. 2).'),
	(15, 'recette', 'vente', 'tous', '1945-01-01', '1997-03-21', 'contrat', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 1° ; D253-17 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour une vente d''immeuble, l''exercice est celui du contrat ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 3).'),
	(16, 'recette', 'loyer', 'tous', '1945-01-01', '1997-03-21', 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 2° ; D253-17 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour des loyers, l''exercice est celui du jour qui précède l''échéance de chaque terme ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 3).'),
	(17, 'recette', 'travaux_fournitures', 'tous', '1945-01-01', '1997-03-21', 'reception', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 3° ; D253-17 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour des travaux ou fournitures, l''exercice est celui de la réception ou de la constatation des opérations ouvrant droit à encaissement partiel ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 3).'),
	(18, 'recette', 'interets', 'tous', '1945-01-01', '1997-03-21', 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 4° ; D253-17 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour des intérêts en faveur de l''organisme, l''exercice est celui du jour qui précède leur échéance ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 3).'),
	(19, 'recette', 'condamnation', 'tous', '1945-01-01', '1997-03-21', 'decision', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 5° ; D253-17 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour une condamnation prononcée en faveur de la caisse, l''exercice est celui de la décision judiciaire définitive (jugement, arrêt) ou de l''acte d''acquiescement au jugement non définitif ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 3).'),
	(20, 'recette', 'recuperation_indu', 'tous', '1945-01-01', '1997-03-21', 'reglement', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 6° ; D253-17 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour la récupération de sommes indûment réglées, l''exercice est celui de la date de règlement de ces sommes ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 3).'),
	(21, 'recette', 'vente', 'tous', '1997-03-22', NULL, 'contrat', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 1° ; D253-17 al. 2 (rédaction du 22 mars 1997)', 'Pour une vente d''immeuble, l''exercice est celui du contrat ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 2).'),
	(22, 'recette', 'loyer', 'tous', '1997-03-22', NULL, 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 2° ; D253-17 al. 2 (rédaction du 22 mars 1997)', 'Pour des loyers, l''exercice est celui du jour qui précède l''échéance de chaque terme ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 2).'),
	(23, 'recette', 'travaux_fournitures', 'tous', '1997-03-22', NULL, 'reception', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 3° ; D253-17 al. 2 (rédaction du 22 mars 1997)', 'Pour des travaux ou fournitures, l''exercice est celui de la réception ou de la constatation des opérations ouvrant droit à encaissement partiel ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 2).'),
	(24, 'recette', 'interets', 'tous', '1997-03-22', NULL, 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 4° ; D253-17 al. 2 (rédaction du 22 mars 1997)', 'Pour des intérêts en faveur de l''organisme, l''exercice est celui du jour qui précède leur échéance ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 2).'),
	(25, 'recette', 'condamnation', 'tous', '1997-03-22', NULL, 'decision', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 5° ; D253-17 al. 2 (rédaction du 22 mars 1997)', 'Pour une condamnation prononcée en faveur de la caisse, l''exercice est celui de la décision judiciaire définitive (jugement, arrêt) ou de l''acte d''acquiescement au jugement non définitif ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 2).'),
	(26, 'recette', 'recuperation_indu', 'tous', '1997-03-22', NULL, 'reglement', 10, NULL, 'circulaire DSS/F 93/82 §2.0.7 6° ; D253-17 al. 2 (rédaction du 22 mars 1997)', 'Pour la récupération de sommes indûment réglées, l''exercice est celui de la date de règlement de ces sommes ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de recette (D253-17 al. 2).'),
	(27, 'depense', 'prestation', 'general', '1945-01-01', '1997-03-21', 'service_fait', 10, NULL, 'D253-19-1 al. 1 et 2 ; D253-19 al. 4 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes visés à l''article D253-1, les dépenses des gestions techniques qui ont fait l''objet d''un service fait ou d''une ouverture de droits au cours d''un exercice sont comptabilisées au titre de cet exercice ; le directeur dispose de dix jours au début de l''exercice suivant pour les constater (D253-19-1). L''exercice du paiement (D253-19 al. 1) ne leur est pas applicable (D253-19 al. 4).'),
	(28, 'depense', 'prestation', 'autre', '1945-01-01', '1997-03-21', 'paiement', 0, NULL, 'D253-19 al. 1 (rédaction antérieure au 22 mars 1997)', 'Pour les organismes autres que ceux visés à l''article D253-1, les dépenses relatives aux gestions techniques appartiennent à l''exercice au cours duquel elles ont été payées ; aucun délai complémentaire : le délai de dix jours de l''alinéa 3 ne vise que les ordres de dépense des gestions budgétaires.'),
	(29, 'depense', 'prestation', 'general', '1997-03-22', NULL, 'service_fait', 10, NULL, 'D253-19-1 al. 1 (rédaction du 22 mars 1997)', 'Pour les organismes visés à l''article D253-1, les dépenses des gestions techniques qui ont fait l''objet d''un service fait ou d''une ouverture de droits au cours d''un exercice sont comptabilisées au titre de cet exercice ; le directeur dispose de dix jours au début de l''exercice suivant pour les constater.'),
	(30, 'depense', 'prestation', 'autre', '1997-03-22', NULL, 'service_fait', NULL, 1, 'D253-19-1 al. 3 (rédaction du 22 mars 1997)', 'Pour les organismes autres que ceux visés à l''article D253-1, les dépenses des gestions techniques se rattachent à l''exercice du service fait ou de l''ouverture des droits ; le directeur dispose d''un mois au début de l''exercice suivant pour constater les opérations de l''exercice précédent.'),
	(31, 'depense', 'autre', 'tous', '1945-01-01', '1997-03-21', 'liquidation', 10, NULL, 'D253-19 al. 2 et 3 (rédaction antérieure au 22 mars 1997)', 'Les dépenses des gestions budgétaires se rattachent à l''exercice au cours duquel elles sont liquidées et ordonnancées (al. 2) ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre les ordres de dépense correspondant aux services faits au cours de l''exercice précédent (al. 3).'),
	(32, 'depense', 'autre', 'tous', '1997-03-22', NULL, 'liquidation', 10, NULL, 'D253-19 al. 1 et 2 (rédaction du 22 mars 1997)', 'Les dépenses des gestions budgétaires se rattachent à l''exercice au cours duquel elles sont liquidées et ordonnancées (al. 1) ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre les ordres de dépense correspondant aux services faits au cours de l''exercice précédent (al. 2).'),
	(33, 'depense', 'acquisition_immeuble', 'tous', '1945-01-01', '1997-03-21', 'contrat', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 1° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour une acquisition d''immeuble, l''exercice est celui du contrat ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(34, 'depense', 'loyer', 'tous', '1945-01-01', '1997-03-21', 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 2° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour des loyers, l''exercice est celui du jour qui précède l''échéance de chaque terme ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(35, 'depense', 'travaux', 'tous', '1945-01-01', '1997-03-21', 'reception', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 3° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour des travaux, l''exercice est celui de la réception ou de la constatation des opérations ouvrant droit à paiement partiel ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(36, 'depense', 'fournitures', 'tous', '1945-01-01', '1997-03-21', 'reception', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 3° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour des fournitures, l''exercice est celui de la réception ou de la constatation des opérations ouvrant droit à paiement partiel ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(37, 'depense', 'interets', 'tous', '1945-01-01', '1997-03-21', 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 4° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour des intérêts à la charge de l''organisme, l''exercice est celui du jour qui précède leur échéance ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(38, 'depense', 'subvention', 'tous', '1945-01-01', '1997-03-21', 'deliberation', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 5° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour une subvention à une collectivité ou œuvre étrangère à la caisse, l''exercice est celui de la date spécifiée par la délibération du conseil d''administration ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(39, 'depense', 'transaction', 'tous', '1945-01-01', '1997-03-21', 'transaction', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 6° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour une dette qui a fait l''objet d''une transaction, l''exercice est celui de la transaction conclue avec le créancier ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(40, 'depense', 'condamnation', 'tous', '1945-01-01', '1997-03-21', 'decision', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 7° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour une condamnation prononcée contre la caisse, l''exercice est celui de la décision judiciaire définitive (jugement, arrêt) ou de l''acte d''acquiescement au jugement non définitif ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(41, 'depense', 'restitution', 'tous', '1945-01-01', '1997-03-21', 'encaissement', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 8° ; D253-19 al. 3 (rédaction antérieure au 22 mars 1997)', 'Pour la restitution de sommes indûment portées en recettes, l''exercice est celui de l''encaissement de la somme indûment perçue ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 3).'),
	(42, 'depense', 'acquisition_immeuble', 'tous', '1997-03-22', NULL, 'contrat', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 1° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour une acquisition d''immeuble, l''exercice est celui du contrat ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(43, 'depense', 'loyer', 'tous', '1997-03-22', NULL, 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 2° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour des loyers, l''exercice est celui du jour qui précède l''échéance de chaque terme ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(44, 'depense', 'travaux', 'tous', '1997-03-22', NULL, 'reception', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 3° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour des travaux, l''exercice est celui de la réception ou de la constatation des opérations ouvrant droit à paiement partiel ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(45, 'depense', 'fournitures', 'tous', '1997-03-22', NULL, 'reception', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 3° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour des fournitures, l''exercice est celui de la réception ou de la constatation des opérations ouvrant droit à paiement partiel ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(46, 'depense', 'interets', 'tous', '1997-03-22', NULL, 'veille_echeance', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 4° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour des intérêts à la charge de l''organisme, l''exercice est celui du jour qui précède leur échéance ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(47, 'depense', 'subvention', 'tous', '1997-03-22', NULL, 'deliberation', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 5° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour une subvention à une collectivité ou œuvre étrangère à la caisse, l''exercice est celui de la date spécifiée par la délibération du conseil d''administration ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(48, 'depense', 'transaction', 'tous', '1997-03-22', NULL, 'transaction', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 6° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour une dette qui a fait l''objet d''une transaction, l''exercice est celui de la transaction conclue avec le créancier ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(49, 'depense', 'condamnation', 'tous', '1997-03-22', NULL, 'decision', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 7° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour une condamnation prononcée contre la caisse, l''exercice est celui de la décision judiciaire définitive (jugement, arrêt) ou de l''acte d''acquiescement au jugement non définitif ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).'),
	(50, 'depense', 'restitution', 'tous', '1997-03-22', NULL, 'encaissement', 10, NULL, 'circulaire DSS/F 93/82 §2.1.7 8° ; D253-19 al. 2 (rédaction du 22 mars 1997)', 'Pour la restitution de sommes indûment portées en recettes, l''exercice est celui de l''encaissement de la somme indûment perçue ; le directeur dispose de dix jours au début de l''exercice suivant pour émettre l''ordre de dépense (D253-19 al. 2).');


--
-- Data for Name: responsabilite_avisministres; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_demande; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_dossierdrass; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_miseencause; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_nonvaleur; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_notificationassociation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_ordredebet; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_recouvrement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: responsabilite_versement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_affectation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_arretecaisse; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_arreteregie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_avanceregie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_carnet; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_comptedisponibilite; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_controleregie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_correctioncoordonnees; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_decisionopposition; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_depenseregie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_encaissement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_etatdepensesregie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_lignereleve; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_lotpaiement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_operationregie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_paiement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_quittance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_rapprochement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_rapprochement_lignes_ecriture; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_regie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_releve; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_retour; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: tresorerie_versementregie; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: auth_group_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_group_id_seq', 1, false);


--
-- Name: auth_group_permissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_group_permissions_id_seq', 1, false);


--
-- Name: auth_permission_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_permission_id_seq', 536, true);


--
-- Name: auth_user_groups_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_groups_id_seq', 1, false);


--
-- Name: auth_user_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_id_seq', 1, false);


--
-- Name: auth_user_user_permissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_user_permissions_id_seq', 1, false);


--
-- Name: budget_credit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.budget_credit_id_seq', 1, false);


--
-- Name: budget_modificationcredit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.budget_modificationcredit_id_seq', 1, false);


--
-- Name: budget_mouvementcredit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.budget_mouvementcredit_id_seq', 1, false);


--
-- Name: comptes_annuels_approbation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_approbation_id_seq', 1, false);


--
-- Name: comptes_annuels_aviscodec_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_aviscodec_id_seq', 1, false);


--
-- Name: comptes_annuels_avisfonde_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_avisfonde_id_seq', 1, false);


--
-- Name: comptes_annuels_comptefinancier_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_comptefinancier_id_seq', 1, false);


--
-- Name: comptes_annuels_correspondance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_correspondance_id_seq', 37, true);


--
-- Name: comptes_annuels_quitus_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_quitus_id_seq', 1, false);


--
-- Name: comptes_annuels_renvoiministre_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_renvoiministre_id_seq', 1, false);


--
-- Name: comptes_annuels_rubrique_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_rubrique_id_seq', 22, true);


--
-- Name: comptes_annuels_transmissioncomptes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.comptes_annuels_transmissioncomptes_id_seq', 1, false);


--
-- Name: core_cleidempotence_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.core_cleidempotence_id_seq', 1, false);


--
-- Name: core_jetonconsomme_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.core_jetonconsomme_id_seq', 1, false);


--
-- Name: core_journalaudit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.core_journalaudit_id_seq', 1, false);


--
-- Name: core_progression_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.core_progression_id_seq', 1, false);


--
-- Name: depenses_certificatnonpaiement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_certificatnonpaiement_id_seq', 1, false);


--
-- Name: depenses_certificatreimputation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_certificatreimputation_id_seq', 1, false);


--
-- Name: depenses_controledepense_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_controledepense_id_seq', 1, false);


--
-- Name: depenses_depensesansordonnancement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_depensesansordonnancement_id_seq', 1, false);


--
-- Name: depenses_engagement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_engagement_id_seq', 1, false);


--
-- Name: depenses_ligneordredepense_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_ligneordredepense_id_seq', 1, false);


--
-- Name: depenses_ordredepense_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_ordredepense_id_seq', 1, false);


--
-- Name: depenses_paiementdiffere_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_paiementdiffere_id_seq', 1, false);


--
-- Name: depenses_piecedepense_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_piecedepense_id_seq', 1, false);


--
-- Name: depenses_plancontroledepense_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_plancontroledepense_id_seq', 4, true);


--
-- Name: depenses_reponserequisition_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_reponserequisition_id_seq', 1, false);


--
-- Name: depenses_requisition_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_requisition_id_seq', 1, false);


--
-- Name: depenses_servicefait_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_servicefait_id_seq', 1, false);


--
-- Name: depenses_signaturedepense_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_signaturedepense_id_seq', 1, false);


--
-- Name: depenses_suspension_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_suspension_id_seq', 1, false);


--
-- Name: depenses_tiragecontroledepense_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.depenses_tiragecontroledepense_id_seq', 1, false);


--
-- Name: django_admin_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_admin_log_id_seq', 1, false);


--
-- Name: django_content_type_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_content_type_id_seq', 134, true);


--
-- Name: django_migrations_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_migrations_id_seq', 156, true);


--
-- Name: inventaire_articleetat_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.inventaire_articleetat_id_seq', 1, false);


--
-- Name: inventaire_contrepassationinventaire_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.inventaire_contrepassationinventaire_id_seq', 1, false);


--
-- Name: inventaire_etatinventaire_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.inventaire_etatinventaire_id_seq', 1, false);


--
-- Name: ledger_arretecomptes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_arretecomptes_id_seq', 1, false);


--
-- Name: ledger_balancefigee_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_balancefigee_id_seq', 1, false);


--
-- Name: ledger_compte_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_compte_id_seq', 99, true);


--
-- Name: ledger_compteur_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_compteur_id_seq', 1, false);


--
-- Name: ledger_cumul_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_cumul_id_seq', 1, false);


--
-- Name: ledger_ecriture_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_ecriture_id_seq', 1, false);


--
-- Name: ledger_enregistrement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_enregistrement_id_seq', 1, false);


--
-- Name: ledger_envoibalance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_envoibalance_id_seq', 1, false);


--
-- Name: ledger_exercice_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_exercice_id_seq', 1, false);


--
-- Name: ledger_journal_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_journal_id_seq', 6, true);


--
-- Name: ledger_ligne_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_ligne_id_seq', 1, false);


--
-- Name: ledger_lignebalancefigee_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_lignebalancefigee_id_seq', 1, false);


--
-- Name: ledger_lot_controle_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_lot_controle_id_seq', 1, false);


--
-- Name: ledger_lot_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_lot_id_seq', 1, false);


--
-- Name: oppositions_imputation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.oppositions_imputation_id_seq', 1, false);


--
-- Name: oppositions_opposition_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.oppositions_opposition_id_seq', 1, false);


--
-- Name: personnes_affectation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_affectation_id_seq', 1, false);


--
-- Name: personnes_compteurechecs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_compteurechecs_id_seq', 1, false);


--
-- Name: personnes_delegation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_delegation_id_seq', 1, false);


--
-- Name: personnes_installation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_installation_id_seq', 1, false);


--
-- Name: personnes_interim_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_interim_id_seq', 1, false);


--
-- Name: personnes_mandat_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_mandat_id_seq', 1, false);


--
-- Name: personnes_procuration_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_procuration_id_seq', 1, false);


--
-- Name: personnes_prorogationreserves_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_prorogationreserves_id_seq', 1, false);


--
-- Name: personnes_reserve_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_reserve_id_seq', 1, false);


--
-- Name: personnes_secondfacteur_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personnes_secondfacteur_id_seq', 1, false);


--
-- Name: recettes_controleeffectue_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_controleeffectue_id_seq', 1, false);


--
-- Name: recettes_ligneordrerecette_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_ligneordrerecette_id_seq', 1, false);


--
-- Name: recettes_ordrerecette_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_ordrerecette_id_seq', 1, false);


--
-- Name: recettes_piecejustificative_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_piecejustificative_id_seq', 1, false);


--
-- Name: recettes_plancontrole_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_plancontrole_id_seq', 10, true);


--
-- Name: recettes_reduction_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_reduction_id_seq', 1, false);


--
-- Name: recettes_signature_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_signature_id_seq', 1, false);


--
-- Name: recettes_tiragecontrole_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recettes_tiragecontrole_id_seq', 1, false);


--
-- Name: recouvrement_acte_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_acte_id_seq', 1, false);


--
-- Name: recouvrement_actehuissier_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_actehuissier_id_seq', 1, false);


--
-- Name: recouvrement_aviscaisse_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_aviscaisse_id_seq', 1, false);


--
-- Name: recouvrement_contratconserve_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_contratconserve_id_seq', 1, false);


--
-- Name: recouvrement_creance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_creance_id_seq', 1, false);


--
-- Name: recouvrement_debiteur_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_debiteur_id_seq', 1, false);


--
-- Name: recouvrement_declarationcreance_creances_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_declarationcreance_creances_id_seq', 1, false);


--
-- Name: recouvrement_declarationcreance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_declarationcreance_id_seq', 1, false);


--
-- Name: recouvrement_delaipaiement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_delaipaiement_id_seq', 1, false);


--
-- Name: recouvrement_dispensevisite_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_dispensevisite_id_seq', 1, false);


--
-- Name: recouvrement_echeance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_echeance_id_seq', 1, false);


--
-- Name: recouvrement_envoietatnominatif_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_envoietatnominatif_id_seq', 1, false);


--
-- Name: recouvrement_envoiliste_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_envoiliste_id_seq', 1, false);


--
-- Name: recouvrement_evenementprocedure_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_evenementprocedure_id_seq', 1, false);


--
-- Name: recouvrement_garantie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_garantie_id_seq', 1, false);


--
-- Name: recouvrement_huissier_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_huissier_id_seq', 1, false);


--
-- Name: recouvrement_lettrerelance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_lettrerelance_id_seq', 1, false);


--
-- Name: recouvrement_lignerelance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_lignerelance_id_seq', 1, false);


--
-- Name: recouvrement_lotrelances_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_lotrelances_id_seq', 1, false);


--
-- Name: recouvrement_miseendemeure_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_miseendemeure_id_seq', 1, false);


--
-- Name: recouvrement_miseendemeurecreance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_miseendemeurecreance_id_seq', 1, false);


--
-- Name: recouvrement_periodiciteliste_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_periodiciteliste_id_seq', 1, false);


--
-- Name: recouvrement_poursuite_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_poursuite_id_seq', 1, false);


--
-- Name: recouvrement_procedurecollective_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_procedurecollective_id_seq', 1, false);


--
-- Name: recouvrement_recoursamiable_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_recoursamiable_id_seq', 1, false);


--
-- Name: recouvrement_visitehuissier_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.recouvrement_visitehuissier_id_seq', 1, false);


--
-- Name: reglementation_parametre_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reglementation_parametre_id_seq', 8, true);


--
-- Name: reglementation_reglerattachement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reglementation_reglerattachement_id_seq', 50, true);


--
-- Name: responsabilite_avisministres_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_avisministres_id_seq', 1, false);


--
-- Name: responsabilite_demande_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_demande_id_seq', 1, false);


--
-- Name: responsabilite_dossierdrass_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_dossierdrass_id_seq', 1, false);


--
-- Name: responsabilite_miseencause_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_miseencause_id_seq', 1, false);


--
-- Name: responsabilite_nonvaleur_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_nonvaleur_id_seq', 1, false);


--
-- Name: responsabilite_notificationassociation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_notificationassociation_id_seq', 1, false);


--
-- Name: responsabilite_ordredebet_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_ordredebet_id_seq', 1, false);


--
-- Name: responsabilite_recouvrement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_recouvrement_id_seq', 1, false);


--
-- Name: responsabilite_versement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.responsabilite_versement_id_seq', 1, false);


--
-- Name: tresorerie_affectation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_affectation_id_seq', 1, false);


--
-- Name: tresorerie_arretecaisse_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_arretecaisse_id_seq', 1, false);


--
-- Name: tresorerie_arreteregie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_arreteregie_id_seq', 1, false);


--
-- Name: tresorerie_avanceregie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_avanceregie_id_seq', 1, false);


--
-- Name: tresorerie_carnet_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_carnet_id_seq', 1, false);


--
-- Name: tresorerie_comptedisponibilite_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_comptedisponibilite_id_seq', 1, false);


--
-- Name: tresorerie_controleregie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_controleregie_id_seq', 1, false);


--
-- Name: tresorerie_correctioncoordonnees_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_correctioncoordonnees_id_seq', 1, false);


--
-- Name: tresorerie_decisionopposition_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_decisionopposition_id_seq', 1, false);


--
-- Name: tresorerie_depenseregie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_depenseregie_id_seq', 1, false);


--
-- Name: tresorerie_encaissement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_encaissement_id_seq', 1, false);


--
-- Name: tresorerie_etatdepensesregie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_etatdepensesregie_id_seq', 1, false);


--
-- Name: tresorerie_lignereleve_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_lignereleve_id_seq', 1, false);


--
-- Name: tresorerie_lotpaiement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_lotpaiement_id_seq', 1, false);


--
-- Name: tresorerie_operationregie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_operationregie_id_seq', 1, false);


--
-- Name: tresorerie_paiement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_paiement_id_seq', 1, false);


--
-- Name: tresorerie_quittance_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_quittance_id_seq', 1, false);


--
-- Name: tresorerie_rapprochement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_rapprochement_id_seq', 1, false);


--
-- Name: tresorerie_rapprochement_lignes_ecriture_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_rapprochement_lignes_ecriture_id_seq', 1, false);


--
-- Name: tresorerie_regie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_regie_id_seq', 1, false);


--
-- Name: tresorerie_releve_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_releve_id_seq', 1, false);


--
-- Name: tresorerie_retour_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_retour_id_seq', 1, false);


--
-- Name: tresorerie_versementregie_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tresorerie_versementregie_id_seq', 1, false);


--
-- Name: inventaire_articleetat article_etat_rang; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_articleetat
    ADD CONSTRAINT article_etat_rang UNIQUE (etat_id, rang);


--
-- Name: auth_group auth_group_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_name_key UNIQUE (name);


--
-- Name: auth_group_permissions auth_group_permissions_group_id_permission_id_0cd325b0_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_permission_id_0cd325b0_uniq UNIQUE (group_id, permission_id);


--
-- Name: auth_group_permissions auth_group_permissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_pkey PRIMARY KEY (id);


--
-- Name: auth_group auth_group_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_pkey PRIMARY KEY (id);


--
-- Name: auth_permission auth_permission_content_type_id_codename_01ab375a_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_codename_01ab375a_uniq UNIQUE (content_type_id, codename);


--
-- Name: auth_permission auth_permission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_pkey PRIMARY KEY (id);


--
-- Name: auth_user_groups auth_user_groups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_pkey PRIMARY KEY (id);


--
-- Name: auth_user_groups auth_user_groups_user_id_group_id_94350c0c_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_group_id_94350c0c_uniq UNIQUE (user_id, group_id);


--
-- Name: auth_user auth_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_pkey PRIMARY KEY (id);


--
-- Name: auth_user_user_permissions auth_user_user_permissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_pkey PRIMARY KEY (id);


--
-- Name: auth_user_user_permissions auth_user_user_permissions_user_id_permission_id_14a6b632_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_permission_id_14a6b632_uniq UNIQUE (user_id, permission_id);


--
-- Name: auth_user auth_user_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_username_key UNIQUE (username);


--
-- Name: authtoken_token authtoken_token_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.authtoken_token
    ADD CONSTRAINT authtoken_token_pkey PRIMARY KEY (key);


--
-- Name: authtoken_token authtoken_token_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.authtoken_token
    ADD CONSTRAINT authtoken_token_user_id_key UNIQUE (user_id);


--
-- Name: budget_credit budget_credit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_credit
    ADD CONSTRAINT budget_credit_pkey PRIMARY KEY (id);


--
-- Name: budget_modificationcredit budget_modificationcredit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_modificationcredit
    ADD CONSTRAINT budget_modificationcredit_pkey PRIMARY KEY (id);


--
-- Name: budget_mouvementcredit budget_mouvementcredit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_mouvementcredit
    ADD CONSTRAINT budget_mouvementcredit_pkey PRIMARY KEY (id);


--
-- Name: core_cleidempotence cle_idempotence_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_cleidempotence
    ADD CONSTRAINT cle_idempotence_unique UNIQUE (utilisateur_id, cle);


--
-- Name: comptes_annuels_approbation comptes_annuels_approbation_exercice_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_approbation
    ADD CONSTRAINT comptes_annuels_approbation_exercice_id_key UNIQUE (exercice_id);


--
-- Name: comptes_annuels_approbation comptes_annuels_approbation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_approbation
    ADD CONSTRAINT comptes_annuels_approbation_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_aviscodec comptes_annuels_aviscodec_exercice_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_aviscodec
    ADD CONSTRAINT comptes_annuels_aviscodec_exercice_id_key UNIQUE (exercice_id);


--
-- Name: comptes_annuels_aviscodec comptes_annuels_aviscodec_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_aviscodec
    ADD CONSTRAINT comptes_annuels_aviscodec_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_avisfonde comptes_annuels_avisfonde_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_avisfonde
    ADD CONSTRAINT comptes_annuels_avisfonde_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_comptefinancier comptes_annuels_comptefinancier_exercice_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_comptefinancier
    ADD CONSTRAINT comptes_annuels_comptefinancier_exercice_id_key UNIQUE (exercice_id);


--
-- Name: comptes_annuels_comptefinancier comptes_annuels_comptefinancier_numero_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_comptefinancier
    ADD CONSTRAINT comptes_annuels_comptefinancier_numero_key UNIQUE (numero);


--
-- Name: comptes_annuels_comptefinancier comptes_annuels_comptefinancier_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_comptefinancier
    ADD CONSTRAINT comptes_annuels_comptefinancier_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_correspondance comptes_annuels_correspondance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_correspondance
    ADD CONSTRAINT comptes_annuels_correspondance_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_quitus comptes_annuels_quitus_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_quitus
    ADD CONSTRAINT comptes_annuels_quitus_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_renvoiministre comptes_annuels_renvoiministre_exercice_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_renvoiministre
    ADD CONSTRAINT comptes_annuels_renvoiministre_exercice_id_key UNIQUE (exercice_id);


--
-- Name: comptes_annuels_renvoiministre comptes_annuels_renvoiministre_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_renvoiministre
    ADD CONSTRAINT comptes_annuels_renvoiministre_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_rubrique comptes_annuels_rubrique_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_rubrique
    ADD CONSTRAINT comptes_annuels_rubrique_code_key UNIQUE (code);


--
-- Name: comptes_annuels_rubrique comptes_annuels_rubrique_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_rubrique
    ADD CONSTRAINT comptes_annuels_rubrique_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_transmissioncomptes comptes_annuels_transmissioncomptes_exercice_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_transmissioncomptes
    ADD CONSTRAINT comptes_annuels_transmissioncomptes_exercice_id_key UNIQUE (exercice_id);


--
-- Name: comptes_annuels_transmissioncomptes comptes_annuels_transmissioncomptes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_transmissioncomptes
    ADD CONSTRAINT comptes_annuels_transmissioncomptes_pkey PRIMARY KEY (id);


--
-- Name: ledger_compteur compteur_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_compteur
    ADD CONSTRAINT compteur_unique UNIQUE (exercice_id, journal_id);


--
-- Name: tresorerie_controleregie controle_regie_numero; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_controleregie
    ADD CONSTRAINT controle_regie_numero UNIQUE (regie_id, numero);


--
-- Name: core_cleidempotence core_cleidempotence_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_cleidempotence
    ADD CONSTRAINT core_cleidempotence_pkey PRIMARY KEY (id);


--
-- Name: core_jetonconsomme core_jetonconsomme_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_jetonconsomme
    ADD CONSTRAINT core_jetonconsomme_pkey PRIMARY KEY (id);


--
-- Name: core_journalaudit core_journalaudit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_journalaudit
    ADD CONSTRAINT core_journalaudit_pkey PRIMARY KEY (id);


--
-- Name: core_progression core_progression_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_progression
    ADD CONSTRAINT core_progression_pkey PRIMARY KEY (id);


--
-- Name: comptes_annuels_correspondance correspondance_unique_par_date; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_correspondance
    ADD CONSTRAINT correspondance_unique_par_date UNIQUE (prefixe, valable_du);


--
-- Name: budget_credit credit_unique_chapitre; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_credit
    ADD CONSTRAINT credit_unique_chapitre UNIQUE (exercice_id, chapitre);


--
-- Name: ledger_cumul cumul_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_cumul
    ADD CONSTRAINT cumul_unique UNIQUE (exercice_id, compte_id, date, a_nouveau);


--
-- Name: recouvrement_debiteur debiteur_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_debiteur
    ADD CONSTRAINT debiteur_unique UNIQUE (compte_id, nom);


--
-- Name: tresorerie_decisionopposition decision_opposition_une_fois; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_decisionopposition
    ADD CONSTRAINT decision_opposition_une_fois UNIQUE (ligne_id, opposition_id);


--
-- Name: responsabilite_demande demande_une_par_nature; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_demande
    ADD CONSTRAINT demande_une_par_nature UNIQUE (ordre_id, nature);


--
-- Name: depenses_certificatnonpaiement depenses_certificatnonpaiement_ordre_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatnonpaiement
    ADD CONSTRAINT depenses_certificatnonpaiement_ordre_id_key UNIQUE (ordre_id);


--
-- Name: depenses_certificatnonpaiement depenses_certificatnonpaiement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatnonpaiement
    ADD CONSTRAINT depenses_certificatnonpaiement_pkey PRIMARY KEY (id);


--
-- Name: depenses_certificatreimputation depenses_certificatreimputation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatreimputation
    ADD CONSTRAINT depenses_certificatreimputation_pkey PRIMARY KEY (id);


--
-- Name: depenses_compteurordredepense depenses_compteurordredepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_compteurordredepense
    ADD CONSTRAINT depenses_compteurordredepense_pkey PRIMARY KEY (exercice_id);


--
-- Name: depenses_controledepense depenses_controledepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_controledepense
    ADD CONSTRAINT depenses_controledepense_pkey PRIMARY KEY (id);


--
-- Name: depenses_depensesansordonnancement depenses_depensesansordonnancement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_depensesansordonnancement
    ADD CONSTRAINT depenses_depensesansordonnancement_pkey PRIMARY KEY (id);


--
-- Name: depenses_engagement depenses_engagement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_engagement
    ADD CONSTRAINT depenses_engagement_pkey PRIMARY KEY (id);


--
-- Name: depenses_ligneordredepense depenses_ligneordredepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ligneordredepense
    ADD CONSTRAINT depenses_ligneordredepense_pkey PRIMARY KEY (id);


--
-- Name: depenses_ordredepense depenses_ordredepense_duplicata_de_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepense_duplicata_de_id_key UNIQUE (duplicata_de_id);


--
-- Name: depenses_ordredepense depenses_ordredepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepense_pkey PRIMARY KEY (id);


--
-- Name: depenses_ordredepense depenses_ordredepense_regularise_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepense_regularise_id_key UNIQUE (regularise_id);


--
-- Name: depenses_paiementdiffere depenses_paiementdiffere_ordre_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_paiementdiffere
    ADD CONSTRAINT depenses_paiementdiffere_ordre_id_key UNIQUE (ordre_id);


--
-- Name: depenses_paiementdiffere depenses_paiementdiffere_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_paiementdiffere
    ADD CONSTRAINT depenses_paiementdiffere_pkey PRIMARY KEY (id);


--
-- Name: depenses_piecedepense depenses_piecedepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_piecedepense
    ADD CONSTRAINT depenses_piecedepense_pkey PRIMARY KEY (id);


--
-- Name: depenses_plancontroledepense depenses_plancontroledepense_nature_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_plancontroledepense
    ADD CONSTRAINT depenses_plancontroledepense_nature_key UNIQUE (nature);


--
-- Name: depenses_plancontroledepense depenses_plancontroledepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_plancontroledepense
    ADD CONSTRAINT depenses_plancontroledepense_pkey PRIMARY KEY (id);


--
-- Name: depenses_reponserequisition depenses_reponserequisition_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_reponserequisition
    ADD CONSTRAINT depenses_reponserequisition_pkey PRIMARY KEY (id);


--
-- Name: depenses_reponserequisition depenses_reponserequisition_requisition_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_reponserequisition
    ADD CONSTRAINT depenses_reponserequisition_requisition_id_key UNIQUE (requisition_id);


--
-- Name: depenses_reponserequisition depenses_reponserequisition_suspension_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_reponserequisition
    ADD CONSTRAINT depenses_reponserequisition_suspension_id_key UNIQUE (suspension_id);


--
-- Name: depenses_requisition depenses_requisition_ordre_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_requisition
    ADD CONSTRAINT depenses_requisition_ordre_id_key UNIQUE (ordre_id);


--
-- Name: depenses_requisition depenses_requisition_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_requisition
    ADD CONSTRAINT depenses_requisition_pkey PRIMARY KEY (id);


--
-- Name: depenses_requisition depenses_requisition_suspension_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_requisition
    ADD CONSTRAINT depenses_requisition_suspension_id_key UNIQUE (suspension_id);


--
-- Name: depenses_servicefait depenses_servicefait_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_servicefait
    ADD CONSTRAINT depenses_servicefait_pkey PRIMARY KEY (id);


--
-- Name: depenses_signaturedepense depenses_signaturedepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_signaturedepense
    ADD CONSTRAINT depenses_signaturedepense_pkey PRIMARY KEY (id);


--
-- Name: depenses_suspension depenses_suspension_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_suspension
    ADD CONSTRAINT depenses_suspension_pkey PRIMARY KEY (id);


--
-- Name: depenses_tiragecontroledepense depenses_tiragecontroledepense_ordre_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_tiragecontroledepense
    ADD CONSTRAINT depenses_tiragecontroledepense_ordre_id_key UNIQUE (ordre_id);


--
-- Name: depenses_tiragecontroledepense depenses_tiragecontroledepense_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_tiragecontroledepense
    ADD CONSTRAINT depenses_tiragecontroledepense_pkey PRIMARY KEY (id);


--
-- Name: django_admin_log django_admin_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_pkey PRIMARY KEY (id);


--
-- Name: django_content_type django_content_type_app_label_model_76bd3d3b_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_app_label_model_76bd3d3b_uniq UNIQUE (app_label, model);


--
-- Name: django_content_type django_content_type_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_pkey PRIMARY KEY (id);


--
-- Name: django_migrations django_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_migrations
    ADD CONSTRAINT django_migrations_pkey PRIMARY KEY (id);


--
-- Name: django_session django_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_session
    ADD CONSTRAINT django_session_pkey PRIMARY KEY (session_key);


--
-- Name: recouvrement_echeance echeance_rang_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_echeance
    ADD CONSTRAINT echeance_rang_unique UNIQUE (delai_id, rang);


--
-- Name: ledger_ecriture ecriture_numero_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_ecriture
    ADD CONSTRAINT ecriture_numero_unique UNIQUE (exercice_id, journal_id, numero);


--
-- Name: ledger_ecriture ecriture_rang_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_ecriture
    ADD CONSTRAINT ecriture_rang_unique UNIQUE (exercice_id, rang);


--
-- Name: ledger_envoibalance envoibalance_un_par_destinataire; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_envoibalance
    ADD CONSTRAINT envoibalance_un_par_destinataire UNIQUE (balance_id, destinataire);


--
-- Name: tresorerie_etatdepensesregie etat_depenses_numero; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_etatdepensesregie
    ADD CONSTRAINT etat_depenses_numero UNIQUE (regie_id, numero);


--
-- Name: inventaire_etatinventaire etat_inventaire_numero; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_etatinventaire
    ADD CONSTRAINT etat_inventaire_numero UNIQUE (exercice_id, numero);


--
-- Name: recouvrement_envoietatnominatif etat_nominatif_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_envoietatnominatif
    ADD CONSTRAINT etat_nominatif_unique UNIQUE (annee, semestre);


--
-- Name: recouvrement_huissier huissier_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_huissier
    ADD CONSTRAINT huissier_unique UNIQUE (nom, etude);


--
-- Name: oppositions_imputation imputation_un_paiement_une_fois; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oppositions_imputation
    ADD CONSTRAINT imputation_un_paiement_une_fois UNIQUE (opposition_id, reference);


--
-- Name: personnes_installation installation_unique_par_jour; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_installation
    ADD CONSTRAINT installation_unique_par_jour UNIQUE (agent_comptable_id, installe_le);


--
-- Name: personnes_interim interim_interimaire_nomme_par_le_conseil; Type: CHECK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.personnes_interim
    ADD CONSTRAINT interim_interimaire_nomme_par_le_conseil CHECK (((NOT ((nature)::text = 'interimaire'::text)) OR ((nomme_le IS NOT NULL) AND ((deliberation)::text ~ '[^[:space:]]'::text)))) NOT VALID;


--
-- Name: inventaire_articleetat inventaire_articleetat_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_articleetat
    ADD CONSTRAINT inventaire_articleetat_pkey PRIMARY KEY (id);


--
-- Name: inventaire_contrepassationinventaire inventaire_contrepassationinventaire_ecriture_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_contrepassationinventaire
    ADD CONSTRAINT inventaire_contrepassationinventaire_ecriture_id_key UNIQUE (ecriture_id);


--
-- Name: inventaire_contrepassationinventaire inventaire_contrepassationinventaire_exercice_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_contrepassationinventaire
    ADD CONSTRAINT inventaire_contrepassationinventaire_exercice_id_key UNIQUE (exercice_id);


--
-- Name: inventaire_contrepassationinventaire inventaire_contrepassationinventaire_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_contrepassationinventaire
    ADD CONSTRAINT inventaire_contrepassationinventaire_pkey PRIMARY KEY (id);


--
-- Name: inventaire_etatinventaire inventaire_etatinventaire_ecriture_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_etatinventaire
    ADD CONSTRAINT inventaire_etatinventaire_ecriture_id_key UNIQUE (ecriture_id);


--
-- Name: inventaire_etatinventaire inventaire_etatinventaire_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_etatinventaire
    ADD CONSTRAINT inventaire_etatinventaire_pkey PRIMARY KEY (id);


--
-- Name: core_jetonconsomme jeton_une_seule_fois; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_jetonconsomme
    ADD CONSTRAINT jeton_une_seule_fois UNIQUE (nonce);


--
-- Name: ledger_arretecomptes ledger_arretecomptes_exercice_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_arretecomptes
    ADD CONSTRAINT ledger_arretecomptes_exercice_id_key UNIQUE (exercice_id);


--
-- Name: ledger_arretecomptes ledger_arretecomptes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_arretecomptes
    ADD CONSTRAINT ledger_arretecomptes_pkey PRIMARY KEY (id);


--
-- Name: ledger_balancefigee ledger_balancefigee_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_balancefigee
    ADD CONSTRAINT ledger_balancefigee_pkey PRIMARY KEY (id);


--
-- Name: ledger_chaine ledger_chaine_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_chaine
    ADD CONSTRAINT ledger_chaine_pkey PRIMARY KEY (exercice_id);


--
-- Name: ledger_compte ledger_compte_numero_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_compte
    ADD CONSTRAINT ledger_compte_numero_key UNIQUE (numero);


--
-- Name: ledger_compte ledger_compte_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_compte
    ADD CONSTRAINT ledger_compte_pkey PRIMARY KEY (id);


--
-- Name: ledger_compteur ledger_compteur_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_compteur
    ADD CONSTRAINT ledger_compteur_pkey PRIMARY KEY (id);


--
-- Name: ledger_cumul ledger_cumul_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_cumul
    ADD CONSTRAINT ledger_cumul_pkey PRIMARY KEY (id);


--
-- Name: ledger_ecriture ledger_ecriture_contrepasse_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_ecriture
    ADD CONSTRAINT ledger_ecriture_contrepasse_id_key UNIQUE (contrepasse_id, exercice_id);


--
-- Name: ledger_ecriture ledger_ecriture_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_ecriture
    ADD CONSTRAINT ledger_ecriture_pkey PRIMARY KEY (id, exercice_id);


--
-- Name: ledger_enregistrement ledger_enregistrement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_enregistrement
    ADD CONSTRAINT ledger_enregistrement_pkey PRIMARY KEY (id);


--
-- Name: ledger_envoibalance ledger_envoibalance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_envoibalance
    ADD CONSTRAINT ledger_envoibalance_pkey PRIMARY KEY (id);


--
-- Name: ledger_exercice ledger_exercice_annee_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_exercice
    ADD CONSTRAINT ledger_exercice_annee_key UNIQUE (annee);


--
-- Name: ledger_exercice ledger_exercice_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_exercice
    ADD CONSTRAINT ledger_exercice_pkey PRIMARY KEY (id);


--
-- Name: ledger_journal ledger_journal_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_journal
    ADD CONSTRAINT ledger_journal_code_key UNIQUE (code);


--
-- Name: ledger_journal ledger_journal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_journal
    ADD CONSTRAINT ledger_journal_pkey PRIMARY KEY (id);


--
-- Name: ledger_ligne ledger_ligne_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_ligne
    ADD CONSTRAINT ledger_ligne_pkey PRIMARY KEY (id, exercice_id);


--
-- Name: ledger_lignebalancefigee ledger_lignebalancefigee_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_lignebalancefigee
    ADD CONSTRAINT ledger_lignebalancefigee_pkey PRIMARY KEY (id);


--
-- Name: ledger_lot_controle ledger_lot_controle_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_lot_controle
    ADD CONSTRAINT ledger_lot_controle_pkey PRIMARY KEY (id);


--
-- Name: ledger_lot ledger_lot_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_lot
    ADD CONSTRAINT ledger_lot_pkey PRIMARY KEY (id);


--
-- Name: ledger_rejet ledger_rejet_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_rejet
    ADD CONSTRAINT ledger_rejet_pkey PRIMARY KEY (enregistrement_id);


--
-- Name: ledger_validation ledger_validation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_validation
    ADD CONSTRAINT ledger_validation_pkey PRIMARY KEY (enregistrement_id);


--
-- Name: recouvrement_lettrerelance lettre_relance_par_debiteur; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lettrerelance
    ADD CONSTRAINT lettre_relance_par_debiteur UNIQUE (lot_id, debiteur_id);


--
-- Name: ledger_lignebalancefigee lignebalancefigee_rang; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_lignebalancefigee
    ADD CONSTRAINT lignebalancefigee_rang UNIQUE (balance_id, rang);


--
-- Name: recouvrement_lotrelances lot_relances_numero; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lotrelances
    ADD CONSTRAINT lot_relances_numero UNIQUE (annee, numero);


--
-- Name: recouvrement_miseendemeurecreance miseendemeure_une_par_creance; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_miseendemeurecreance
    ADD CONSTRAINT miseendemeure_une_par_creance UNIQUE (creance_id);


--
-- Name: tresorerie_operationregie operation_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_operationregie
    ADD CONSTRAINT operation_unique UNIQUE (regie_id, sens, libelle);


--
-- Name: oppositions_imputation oppositions_imputation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oppositions_imputation
    ADD CONSTRAINT oppositions_imputation_pkey PRIMARY KEY (id);


--
-- Name: oppositions_opposition oppositions_opposition_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oppositions_opposition
    ADD CONSTRAINT oppositions_opposition_pkey PRIMARY KEY (id);


--
-- Name: depenses_ordredepense ordre_depense_numero_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT ordre_depense_numero_unique UNIQUE (exercice_id, numero);


--
-- Name: recettes_ordrerecette ordre_recette_numero_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ordrerecette
    ADD CONSTRAINT ordre_recette_numero_unique UNIQUE (exercice_id, numero);


--
-- Name: responsabilite_ordredebet ordredebet_numero_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_ordredebet
    ADD CONSTRAINT ordredebet_numero_unique UNIQUE (annee, numero);


--
-- Name: reglementation_parametre parametre_sans_chevauchement; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reglementation_parametre
    ADD CONSTRAINT parametre_sans_chevauchement EXCLUDE USING gist (public.reglementation_textrange((cle)::text, (cle)::text, '[]'::text) WITH =, daterange(debut, fin, '[]'::text) WITH &&);


--
-- Name: personnes_affectation personnes_affectation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_affectation
    ADD CONSTRAINT personnes_affectation_pkey PRIMARY KEY (id);


--
-- Name: personnes_compteurechecs personnes_compteur_echecs_cle; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_compteurechecs
    ADD CONSTRAINT personnes_compteur_echecs_cle UNIQUE (portee, cle);


--
-- Name: personnes_compteurechecs personnes_compteurechecs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_compteurechecs
    ADD CONSTRAINT personnes_compteurechecs_pkey PRIMARY KEY (id);


--
-- Name: personnes_delegation personnes_delegation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_delegation
    ADD CONSTRAINT personnes_delegation_pkey PRIMARY KEY (id);


--
-- Name: personnes_installation personnes_installation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_installation
    ADD CONSTRAINT personnes_installation_pkey PRIMARY KEY (id);


--
-- Name: personnes_interim personnes_interim_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_interim
    ADD CONSTRAINT personnes_interim_pkey PRIMARY KEY (id);


--
-- Name: personnes_mandat personnes_mandat_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_mandat
    ADD CONSTRAINT personnes_mandat_pkey PRIMARY KEY (id);


--
-- Name: personnes_procuration personnes_procuration_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_procuration
    ADD CONSTRAINT personnes_procuration_pkey PRIMARY KEY (id);


--
-- Name: personnes_prorogationreserves personnes_prorogationreserves_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_prorogationreserves
    ADD CONSTRAINT personnes_prorogationreserves_pkey PRIMARY KEY (id);


--
-- Name: personnes_reserve personnes_reserve_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_reserve
    ADD CONSTRAINT personnes_reserve_pkey PRIMARY KEY (id);


--
-- Name: personnes_secondfacteur personnes_secondfacteur_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_secondfacteur
    ADD CONSTRAINT personnes_secondfacteur_pkey PRIMARY KEY (id);


--
-- Name: personnes_secondfacteur personnes_secondfacteur_utilisateur_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_secondfacteur
    ADD CONSTRAINT personnes_secondfacteur_utilisateur_id_key UNIQUE (utilisateur_id);


--
-- Name: tresorerie_quittance quittance_numero_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_quittance
    ADD CONSTRAINT quittance_numero_unique UNIQUE (carnet_id, numero);


--
-- Name: comptes_annuels_quitus quitus_un_par_beneficiaire; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_quitus
    ADD CONSTRAINT quitus_un_par_beneficiaire UNIQUE (exercice_id, beneficiaire_id);


--
-- Name: recettes_compteurordre recettes_compteurordre_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_compteurordre
    ADD CONSTRAINT recettes_compteurordre_pkey PRIMARY KEY (exercice_id);


--
-- Name: recettes_controleeffectue recettes_controleeffectue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_controleeffectue
    ADD CONSTRAINT recettes_controleeffectue_pkey PRIMARY KEY (id);


--
-- Name: recettes_ligneordrerecette recettes_ligneordrerecette_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ligneordrerecette
    ADD CONSTRAINT recettes_ligneordrerecette_pkey PRIMARY KEY (id);


--
-- Name: recettes_ordrerecette recettes_ordrerecette_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ordrerecette
    ADD CONSTRAINT recettes_ordrerecette_pkey PRIMARY KEY (id);


--
-- Name: recettes_piecejustificative recettes_piecejustificative_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_piecejustificative
    ADD CONSTRAINT recettes_piecejustificative_pkey PRIMARY KEY (id);


--
-- Name: recettes_plancontrole recettes_plancontrole_nature_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_plancontrole
    ADD CONSTRAINT recettes_plancontrole_nature_key UNIQUE (nature);


--
-- Name: recettes_plancontrole recettes_plancontrole_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_plancontrole
    ADD CONSTRAINT recettes_plancontrole_pkey PRIMARY KEY (id);


--
-- Name: recettes_reduction recettes_reduction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_reduction
    ADD CONSTRAINT recettes_reduction_pkey PRIMARY KEY (id);


--
-- Name: recettes_signature recettes_signature_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_signature
    ADD CONSTRAINT recettes_signature_pkey PRIMARY KEY (id);


--
-- Name: recettes_tiragecontrole recettes_tiragecontrole_ordre_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_tiragecontrole
    ADD CONSTRAINT recettes_tiragecontrole_ordre_id_key UNIQUE (ordre_id);


--
-- Name: recettes_tiragecontrole recettes_tiragecontrole_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_tiragecontrole
    ADD CONSTRAINT recettes_tiragecontrole_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_acte recouvrement_acte_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_acte
    ADD CONSTRAINT recouvrement_acte_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_actehuissier recouvrement_actehuissier_ordre_depense_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_actehuissier
    ADD CONSTRAINT recouvrement_actehuissier_ordre_depense_id_key UNIQUE (ordre_depense_id);


--
-- Name: recouvrement_actehuissier recouvrement_actehuissier_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_actehuissier
    ADD CONSTRAINT recouvrement_actehuissier_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_aviscaisse recouvrement_aviscaisse_creance_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_aviscaisse
    ADD CONSTRAINT recouvrement_aviscaisse_creance_id_key UNIQUE (creance_id);


--
-- Name: recouvrement_aviscaisse recouvrement_aviscaisse_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_aviscaisse
    ADD CONSTRAINT recouvrement_aviscaisse_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_contratconserve recouvrement_contratconserve_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_contratconserve
    ADD CONSTRAINT recouvrement_contratconserve_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_creance recouvrement_creance_ligne_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_creance
    ADD CONSTRAINT recouvrement_creance_ligne_id_key UNIQUE (ligne_id);


--
-- Name: recouvrement_creance recouvrement_creance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_creance
    ADD CONSTRAINT recouvrement_creance_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_debiteur recouvrement_debiteur_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_debiteur
    ADD CONSTRAINT recouvrement_debiteur_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_declarationcreance_creances recouvrement_declaration_declarationcreance_id_cr_cbd8c5de_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_declarationcreance_creances
    ADD CONSTRAINT recouvrement_declaration_declarationcreance_id_cr_cbd8c5de_uniq UNIQUE (declarationcreance_id, creance_id);


--
-- Name: recouvrement_declarationcreance_creances recouvrement_declarationcreance_creances_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_declarationcreance_creances
    ADD CONSTRAINT recouvrement_declarationcreance_creances_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_declarationcreance recouvrement_declarationcreance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_declarationcreance
    ADD CONSTRAINT recouvrement_declarationcreance_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_delaipaiement recouvrement_delaipaiement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_delaipaiement
    ADD CONSTRAINT recouvrement_delaipaiement_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_dispensevisite recouvrement_dispensevisite_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_dispensevisite
    ADD CONSTRAINT recouvrement_dispensevisite_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_echeance recouvrement_echeance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_echeance
    ADD CONSTRAINT recouvrement_echeance_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_envoietatnominatif recouvrement_envoietatnominatif_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_envoietatnominatif
    ADD CONSTRAINT recouvrement_envoietatnominatif_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_envoiliste recouvrement_envoiliste_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_envoiliste
    ADD CONSTRAINT recouvrement_envoiliste_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_evenementprocedure recouvrement_evenementprocedure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_evenementprocedure
    ADD CONSTRAINT recouvrement_evenementprocedure_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_garantie recouvrement_garantie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_garantie
    ADD CONSTRAINT recouvrement_garantie_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_huissier recouvrement_huissier_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_huissier
    ADD CONSTRAINT recouvrement_huissier_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_lettrerelance recouvrement_lettrerelance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lettrerelance
    ADD CONSTRAINT recouvrement_lettrerelance_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_lignerelance recouvrement_lignerelance_acte_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lignerelance
    ADD CONSTRAINT recouvrement_lignerelance_acte_id_key UNIQUE (acte_id);


--
-- Name: recouvrement_lignerelance recouvrement_lignerelance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lignerelance
    ADD CONSTRAINT recouvrement_lignerelance_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_lotrelances recouvrement_lotrelances_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lotrelances
    ADD CONSTRAINT recouvrement_lotrelances_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_miseendemeure recouvrement_miseendemeure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_miseendemeure
    ADD CONSTRAINT recouvrement_miseendemeure_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_miseendemeurecreance recouvrement_miseendemeurecreance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_miseendemeurecreance
    ADD CONSTRAINT recouvrement_miseendemeurecreance_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_periodiciteliste recouvrement_periodiciteliste_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_periodiciteliste
    ADD CONSTRAINT recouvrement_periodiciteliste_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_poursuite recouvrement_poursuite_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_poursuite
    ADD CONSTRAINT recouvrement_poursuite_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_procedurecollective recouvrement_procedurecollective_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_procedurecollective
    ADD CONSTRAINT recouvrement_procedurecollective_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_recoursamiable recouvrement_recoursamiable_mise_en_demeure_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_recoursamiable
    ADD CONSTRAINT recouvrement_recoursamiable_mise_en_demeure_id_key UNIQUE (mise_en_demeure_id);


--
-- Name: recouvrement_recoursamiable recouvrement_recoursamiable_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_recoursamiable
    ADD CONSTRAINT recouvrement_recoursamiable_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_visitehuissier recouvrement_visitehuissier_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_visitehuissier
    ADD CONSTRAINT recouvrement_visitehuissier_pkey PRIMARY KEY (id);


--
-- Name: reglementation_reglerattachement regle_sans_chevauchement; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reglementation_reglerattachement
    ADD CONSTRAINT regle_sans_chevauchement EXCLUDE USING gist (public.reglementation_textrange((sens)::text, (sens)::text, '[]'::text) WITH =, public.reglementation_textrange((nature)::text, (nature)::text, '[]'::text) WITH =, (
CASE regime
    WHEN 'general'::text THEN int4range(1, 1, '[]'::text)
    WHEN 'autre'::text THEN int4range(2, 2, '[]'::text)
    ELSE int4range(1, 2, '[]'::text)
END) WITH &&, daterange(debut, fin, '[]'::text) WITH &&);


--
-- Name: reglementation_parametre reglementation_parametre_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reglementation_parametre
    ADD CONSTRAINT reglementation_parametre_pkey PRIMARY KEY (id);


--
-- Name: reglementation_reglerattachement reglementation_reglerattachement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reglementation_reglerattachement
    ADD CONSTRAINT reglementation_reglerattachement_pkey PRIMARY KEY (id);


--
-- Name: recouvrement_lignerelance relance_rang_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lignerelance
    ADD CONSTRAINT relance_rang_unique UNIQUE (creance_id, rang);


--
-- Name: tresorerie_releve releve_identifiant_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_releve
    ADD CONSTRAINT releve_identifiant_unique UNIQUE (compte_id, nature, identifiant);


--
-- Name: tresorerie_releve releve_importe_une_fois; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_releve
    ADD CONSTRAINT releve_importe_une_fois UNIQUE (compte_id, empreinte);


--
-- Name: responsabilite_avisministres responsabilite_avisministres_mise_en_cause_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_avisministres
    ADD CONSTRAINT responsabilite_avisministres_mise_en_cause_id_key UNIQUE (mise_en_cause_id);


--
-- Name: responsabilite_avisministres responsabilite_avisministres_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_avisministres
    ADD CONSTRAINT responsabilite_avisministres_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_demande responsabilite_demande_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_demande
    ADD CONSTRAINT responsabilite_demande_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_dossierdrass responsabilite_dossierdrass_demande_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_dossierdrass
    ADD CONSTRAINT responsabilite_dossierdrass_demande_id_key UNIQUE (demande_id);


--
-- Name: responsabilite_dossierdrass responsabilite_dossierdrass_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_dossierdrass
    ADD CONSTRAINT responsabilite_dossierdrass_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_miseencause responsabilite_miseencause_arrete_caisse_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_miseencause
    ADD CONSTRAINT responsabilite_miseencause_arrete_caisse_id_key UNIQUE (arrete_caisse_id);


--
-- Name: responsabilite_miseencause responsabilite_miseencause_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_miseencause
    ADD CONSTRAINT responsabilite_miseencause_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_nonvaleur responsabilite_nonvaleur_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_nonvaleur
    ADD CONSTRAINT responsabilite_nonvaleur_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_notificationassociation responsabilite_notificationassociation_ordre_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_notificationassociation
    ADD CONSTRAINT responsabilite_notificationassociation_ordre_id_key UNIQUE (ordre_id);


--
-- Name: responsabilite_notificationassociation responsabilite_notificationassociation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_notificationassociation
    ADD CONSTRAINT responsabilite_notificationassociation_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_ordredebet responsabilite_ordredebet_mise_en_cause_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_ordredebet
    ADD CONSTRAINT responsabilite_ordredebet_mise_en_cause_id_key UNIQUE (mise_en_cause_id);


--
-- Name: responsabilite_ordredebet responsabilite_ordredebet_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_ordredebet
    ADD CONSTRAINT responsabilite_ordredebet_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_recouvrement responsabilite_recouvrement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_recouvrement
    ADD CONSTRAINT responsabilite_recouvrement_pkey PRIMARY KEY (id);


--
-- Name: responsabilite_versement responsabilite_versement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_versement
    ADD CONSTRAINT responsabilite_versement_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_affectation tresorerie_affectation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_affectation
    ADD CONSTRAINT tresorerie_affectation_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_arretecaisse tresorerie_arretecaisse_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arretecaisse
    ADD CONSTRAINT tresorerie_arretecaisse_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_arreteregie tresorerie_arreteregie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arreteregie
    ADD CONSTRAINT tresorerie_arreteregie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_avanceregie tresorerie_avanceregie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_avanceregie
    ADD CONSTRAINT tresorerie_avanceregie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_carnet tresorerie_carnet_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_carnet
    ADD CONSTRAINT tresorerie_carnet_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_carnet tresorerie_carnet_serie_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_carnet
    ADD CONSTRAINT tresorerie_carnet_serie_key UNIQUE (serie);


--
-- Name: tresorerie_comptedisponibilite tresorerie_comptedisponibilite_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_comptedisponibilite
    ADD CONSTRAINT tresorerie_comptedisponibilite_code_key UNIQUE (code);


--
-- Name: tresorerie_comptedisponibilite tresorerie_comptedisponibilite_compte_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_comptedisponibilite
    ADD CONSTRAINT tresorerie_comptedisponibilite_compte_id_key UNIQUE (compte_id);


--
-- Name: tresorerie_comptedisponibilite tresorerie_comptedisponibilite_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_comptedisponibilite
    ADD CONSTRAINT tresorerie_comptedisponibilite_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_controleregie tresorerie_controleregie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_controleregie
    ADD CONSTRAINT tresorerie_controleregie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_correctioncoordonnees tresorerie_correctioncoordonnees_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_correctioncoordonnees
    ADD CONSTRAINT tresorerie_correctioncoordonnees_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_decisionopposition tresorerie_decisionopposition_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_decisionopposition
    ADD CONSTRAINT tresorerie_decisionopposition_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_depenseregie tresorerie_depenseregie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_depenseregie
    ADD CONSTRAINT tresorerie_depenseregie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_encaissement tresorerie_encaissement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_encaissement
    ADD CONSTRAINT tresorerie_encaissement_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_etatdepensesregie tresorerie_etatdepensesregie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_etatdepensesregie
    ADD CONSTRAINT tresorerie_etatdepensesregie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_lignereleve tresorerie_lignereleve_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_lignereleve
    ADD CONSTRAINT tresorerie_lignereleve_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_lotpaiement tresorerie_lotpaiement_message_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_lotpaiement
    ADD CONSTRAINT tresorerie_lotpaiement_message_id_key UNIQUE (message_id);


--
-- Name: tresorerie_lotpaiement tresorerie_lotpaiement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_lotpaiement
    ADD CONSTRAINT tresorerie_lotpaiement_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_operationregie tresorerie_operationregie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_operationregie
    ADD CONSTRAINT tresorerie_operationregie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_paiement tresorerie_paiement_bout_en_bout_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_paiement
    ADD CONSTRAINT tresorerie_paiement_bout_en_bout_key UNIQUE (bout_en_bout);


--
-- Name: tresorerie_paiement tresorerie_paiement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_paiement
    ADD CONSTRAINT tresorerie_paiement_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_quittance tresorerie_quittance_annule_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_quittance
    ADD CONSTRAINT tresorerie_quittance_annule_id_key UNIQUE (annule_id);


--
-- Name: tresorerie_quittance tresorerie_quittance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_quittance
    ADD CONSTRAINT tresorerie_quittance_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_rapprochement tresorerie_rapprochement_ligne_releve_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_rapprochement
    ADD CONSTRAINT tresorerie_rapprochement_ligne_releve_id_key UNIQUE (ligne_releve_id);


--
-- Name: tresorerie_rapprochement_lignes_ecriture tresorerie_rapprochement_lignes_ecriture_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_rapprochement_lignes_ecriture
    ADD CONSTRAINT tresorerie_rapprochement_lignes_ecriture_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_rapprochement tresorerie_rapprochement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_rapprochement
    ADD CONSTRAINT tresorerie_rapprochement_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_rapprochement_lignes_ecriture tresorerie_rapprochement_rapprochement_id_ligne_i_9a45ddd3_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_rapprochement_lignes_ecriture
    ADD CONSTRAINT tresorerie_rapprochement_rapprochement_id_ligne_i_9a45ddd3_uniq UNIQUE (rapprochement_id, ligne_id);


--
-- Name: tresorerie_regie tresorerie_regie_compte_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_compte_id_key UNIQUE (compte_id);


--
-- Name: tresorerie_regie tresorerie_regie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_releve tresorerie_releve_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_releve
    ADD CONSTRAINT tresorerie_releve_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_retour tresorerie_retour_paiement_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_retour
    ADD CONSTRAINT tresorerie_retour_paiement_id_key UNIQUE (paiement_id);


--
-- Name: tresorerie_retour tresorerie_retour_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_retour
    ADD CONSTRAINT tresorerie_retour_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_versementregie tresorerie_versementregie_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_versementregie
    ADD CONSTRAINT tresorerie_versementregie_pkey PRIMARY KEY (id);


--
-- Name: tresorerie_arreteregie un_arrete_de_regie_par_jour; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arreteregie
    ADD CONSTRAINT un_arrete_de_regie_par_jour UNIQUE (regie_id, date);


--
-- Name: tresorerie_arretecaisse un_arrete_par_jour; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arretecaisse
    ADD CONSTRAINT un_arrete_par_jour UNIQUE (compte_id, date);


--
-- Name: tresorerie_versementregie versement_regie_numero; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_versementregie
    ADD CONSTRAINT versement_regie_numero UNIQUE (regie_id, numero);


--
-- Name: acte_debiteur_le; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX acte_debiteur_le ON public.recouvrement_acte USING btree (debiteur_id, le);


--
-- Name: auth_group_name_a6ea08ec_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_name_a6ea08ec_like ON public.auth_group USING btree (name varchar_pattern_ops);


--
-- Name: auth_group_permissions_group_id_b120cbf9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_permissions_group_id_b120cbf9 ON public.auth_group_permissions USING btree (group_id);


--
-- Name: auth_group_permissions_permission_id_84c5c92e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_permissions_permission_id_84c5c92e ON public.auth_group_permissions USING btree (permission_id);


--
-- Name: auth_permission_content_type_id_2f476e4b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_permission_content_type_id_2f476e4b ON public.auth_permission USING btree (content_type_id);


--
-- Name: auth_user_groups_group_id_97559544; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_groups_group_id_97559544 ON public.auth_user_groups USING btree (group_id);


--
-- Name: auth_user_groups_user_id_6a12ed8b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_groups_user_id_6a12ed8b ON public.auth_user_groups USING btree (user_id);


--
-- Name: auth_user_user_permissions_permission_id_1fbb5f2c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_user_permissions_permission_id_1fbb5f2c ON public.auth_user_user_permissions USING btree (permission_id);


--
-- Name: auth_user_user_permissions_user_id_a95ead1b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_user_permissions_user_id_a95ead1b ON public.auth_user_user_permissions USING btree (user_id);


--
-- Name: auth_user_username_6821ab7c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_username_6821ab7c_like ON public.auth_user USING btree (username varchar_pattern_ops);


--
-- Name: authtoken_token_key_10f0b77e_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX authtoken_token_key_10f0b77e_like ON public.authtoken_token USING btree (key varchar_pattern_ops);


--
-- Name: budget_credit_exercice_id_87822cb4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budget_credit_exercice_id_87822cb4 ON public.budget_credit USING btree (exercice_id);


--
-- Name: budget_modificationcredit_credit_id_9febb5e9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budget_modificationcredit_credit_id_9febb5e9 ON public.budget_modificationcredit USING btree (credit_id);


--
-- Name: budget_modificationcredit_par_id_421cb33e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budget_modificationcredit_par_id_421cb33e ON public.budget_modificationcredit USING btree (par_id);


--
-- Name: budget_mouvementcredit_credit_id_c52ff30d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budget_mouvementcredit_credit_id_c52ff30d ON public.budget_mouvementcredit USING btree (credit_id);


--
-- Name: budget_mouvementcredit_par_id_b34fd5aa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budget_mouvementcredit_par_id_b34fd5aa ON public.budget_mouvementcredit USING btree (par_id);


--
-- Name: comptes_annuels_approbation_enregistre_par_id_5be2cdba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_approbation_enregistre_par_id_5be2cdba ON public.comptes_annuels_approbation USING btree (enregistre_par_id);


--
-- Name: comptes_annuels_aviscodec_enregistre_par_id_98202fa4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_aviscodec_enregistre_par_id_98202fa4 ON public.comptes_annuels_aviscodec USING btree (enregistre_par_id);


--
-- Name: comptes_annuels_avisfonde_enregistre_par_id_4830dff9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_avisfonde_enregistre_par_id_4830dff9 ON public.comptes_annuels_avisfonde USING btree (enregistre_par_id);


--
-- Name: comptes_annuels_avisfonde_exercice_id_e7cc2043; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_avisfonde_exercice_id_e7cc2043 ON public.comptes_annuels_avisfonde USING btree (exercice_id);


--
-- Name: comptes_annuels_avisfonde_fonde_id_5c58f781; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_avisfonde_fonde_id_5c58f781 ON public.comptes_annuels_avisfonde USING btree (fonde_id);


--
-- Name: comptes_annuels_comptefinancier_balance_id_1a923c9d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_comptefinancier_balance_id_1a923c9d ON public.comptes_annuels_comptefinancier USING btree (balance_id);


--
-- Name: comptes_annuels_comptefinancier_etabli_par_id_ed20fc12; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_comptefinancier_etabli_par_id_ed20fc12 ON public.comptes_annuels_comptefinancier USING btree (etabli_par_id);


--
-- Name: comptes_annuels_correspondance_fixee_par_id_8836ff2a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_correspondance_fixee_par_id_8836ff2a ON public.comptes_annuels_correspondance USING btree (fixee_par_id);


--
-- Name: comptes_annuels_correspondance_rubrique_id_b3d90e29; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_correspondance_rubrique_id_b3d90e29 ON public.comptes_annuels_correspondance USING btree (rubrique_id);


--
-- Name: comptes_annuels_quitus_avis_id_b38ab9af; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_quitus_avis_id_b38ab9af ON public.comptes_annuels_quitus USING btree (avis_id);


--
-- Name: comptes_annuels_quitus_beneficiaire_id_1320c348; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_quitus_beneficiaire_id_1320c348 ON public.comptes_annuels_quitus USING btree (beneficiaire_id);


--
-- Name: comptes_annuels_quitus_enregistre_par_id_935ac0e2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_quitus_enregistre_par_id_935ac0e2 ON public.comptes_annuels_quitus USING btree (enregistre_par_id);


--
-- Name: comptes_annuels_quitus_exercice_id_626e3f6c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_quitus_exercice_id_626e3f6c ON public.comptes_annuels_quitus USING btree (exercice_id);


--
-- Name: comptes_annuels_renvoiministre_enregistre_par_id_39b96e1d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_renvoiministre_enregistre_par_id_39b96e1d ON public.comptes_annuels_renvoiministre USING btree (enregistre_par_id);


--
-- Name: comptes_annuels_rubrique_code_d50326f8_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_rubrique_code_d50326f8_like ON public.comptes_annuels_rubrique USING btree (code varchar_pattern_ops);


--
-- Name: comptes_annuels_transmissioncomptes_enregistre_par_id_fe1c6f96; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX comptes_annuels_transmissioncomptes_enregistre_par_id_fe1c6f96 ON public.comptes_annuels_transmissioncomptes USING btree (enregistre_par_id);


--
-- Name: core_cleidempotence_cree_le_e7221a46; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_cleidempotence_cree_le_e7221a46 ON public.core_cleidempotence USING btree (cree_le);


--
-- Name: core_cleidempotence_utilisateur_id_7a3e3613; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_cleidempotence_utilisateur_id_7a3e3613 ON public.core_cleidempotence USING btree (utilisateur_id);


--
-- Name: core_jetonconsomme_empreinte_abdb4b32; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_jetonconsomme_empreinte_abdb4b32 ON public.core_jetonconsomme USING btree (empreinte);


--
-- Name: core_jetonconsomme_empreinte_abdb4b32_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_jetonconsomme_empreinte_abdb4b32_like ON public.core_jetonconsomme USING btree (empreinte varchar_pattern_ops);


--
-- Name: core_jetonconsomme_utilisateur_id_6004af8f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_jetonconsomme_utilisateur_id_6004af8f ON public.core_jetonconsomme USING btree (utilisateur_id);


--
-- Name: core_journa_objet_t_8a42a5_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_journa_objet_t_8a42a5_idx ON public.core_journalaudit USING btree (objet_type, objet_id);


--
-- Name: core_journalaudit_acte_9c77dc9b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_journalaudit_acte_9c77dc9b ON public.core_journalaudit USING btree (acte);


--
-- Name: core_journalaudit_acte_9c77dc9b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_journalaudit_acte_9c77dc9b_like ON public.core_journalaudit USING btree (acte varchar_pattern_ops);


--
-- Name: core_journalaudit_acteur_id_06cdffd3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_journalaudit_acteur_id_06cdffd3 ON public.core_journalaudit USING btree (acteur_id);


--
-- Name: core_journalaudit_horodatage_ed520dba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_journalaudit_horodatage_ed520dba ON public.core_journalaudit USING btree (horodatage);


--
-- Name: core_progression_cible; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_progression_cible ON public.core_progression USING btree (cible, debut DESC);


--
-- Name: core_progression_debut; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX core_progression_debut ON public.core_progression USING btree (debut DESC);


--
-- Name: depenses_certificatnonpaiement_par_id_476cf8d9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_certificatnonpaiement_par_id_476cf8d9 ON public.depenses_certificatnonpaiement USING btree (par_id);


--
-- Name: depenses_certificatreimputation_ancien_compte_id_88c3ef1f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_certificatreimputation_ancien_compte_id_88c3ef1f ON public.depenses_certificatreimputation USING btree (ancien_compte_id);


--
-- Name: depenses_certificatreimputation_ecriture_id_d7ec3659; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_certificatreimputation_ecriture_id_d7ec3659 ON public.depenses_certificatreimputation USING btree (ecriture_id);


--
-- Name: depenses_certificatreimputation_nouveau_compte_id_e3298dc5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_certificatreimputation_nouveau_compte_id_e3298dc5 ON public.depenses_certificatreimputation USING btree (nouveau_compte_id);


--
-- Name: depenses_certificatreimputation_ordre_id_03421f29; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_certificatreimputation_ordre_id_03421f29 ON public.depenses_certificatreimputation USING btree (ordre_id);


--
-- Name: depenses_certificatreimputation_par_id_6952b265; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_certificatreimputation_par_id_6952b265 ON public.depenses_certificatreimputation USING btree (par_id);


--
-- Name: depenses_certificatreimputation_traite_par_id_a5c96408; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_certificatreimputation_traite_par_id_a5c96408 ON public.depenses_certificatreimputation USING btree (traite_par_id);


--
-- Name: depenses_controledepense_ordre_id_1ca1aefd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_controledepense_ordre_id_1ca1aefd ON public.depenses_controledepense USING btree (ordre_id);


--
-- Name: depenses_controledepense_par_id_57bebd8c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_controledepense_par_id_57bebd8c ON public.depenses_controledepense USING btree (par_id);


--
-- Name: depenses_depensesansordonnancement_compte_charge_id_5d4d9f3c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_depensesansordonnancement_compte_charge_id_5d4d9f3c ON public.depenses_depensesansordonnancement USING btree (compte_charge_id);


--
-- Name: depenses_depensesansordonnancement_ecriture_id_5a9f80ab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_depensesansordonnancement_ecriture_id_5a9f80ab ON public.depenses_depensesansordonnancement USING btree (ecriture_id);


--
-- Name: depenses_depensesansordonnancement_enregistree_par_id_4dbd9459; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_depensesansordonnancement_enregistree_par_id_4dbd9459 ON public.depenses_depensesansordonnancement USING btree (enregistree_par_id);


--
-- Name: depenses_depensesansordonnancement_exercice_id_c8ba093e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_depensesansordonnancement_exercice_id_c8ba093e ON public.depenses_depensesansordonnancement USING btree (exercice_id);


--
-- Name: depenses_engagement_compte_imputation_id_deec4312; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_engagement_compte_imputation_id_deec4312 ON public.depenses_engagement USING btree (compte_imputation_id);


--
-- Name: depenses_engagement_cree_par_id_f2cfb41c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_engagement_cree_par_id_f2cfb41c ON public.depenses_engagement USING btree (cree_par_id);


--
-- Name: depenses_engagement_exercice_id_9a05dda7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_engagement_exercice_id_9a05dda7 ON public.depenses_engagement USING btree (exercice_id);


--
-- Name: depenses_ligneordredepense_ordre_id_2ba45a8e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ligneordredepense_ordre_id_2ba45a8e ON public.depenses_ligneordredepense USING btree (ordre_id);


--
-- Name: depenses_ordredepense_compte_imputation_id_97869d75; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_compte_imputation_id_97869d75 ON public.depenses_ordredepense USING btree (compte_imputation_id);


--
-- Name: depenses_ordredepense_compte_tiers_id_c35301a8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_compte_tiers_id_c35301a8 ON public.depenses_ordredepense USING btree (compte_tiers_id);


--
-- Name: depenses_ordredepense_cree_par_id_19c19889; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_cree_par_id_19c19889 ON public.depenses_ordredepense USING btree (cree_par_id);


--
-- Name: depenses_ordredepense_ecriture_id_06fa6e0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_ecriture_id_06fa6e0a ON public.depenses_ordredepense USING btree (ecriture_id);


--
-- Name: depenses_ordredepense_engagement_id_2fe88d56; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_engagement_id_2fe88d56 ON public.depenses_ordredepense USING btree (engagement_id);


--
-- Name: depenses_ordredepense_exercice_id_8792a2ee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_exercice_id_8792a2ee ON public.depenses_ordredepense USING btree (exercice_id);


--
-- Name: depenses_ordredepense_paye_par_id_9958b5c3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_paye_par_id_9958b5c3 ON public.depenses_ordredepense USING btree (paye_par_id);


--
-- Name: depenses_ordredepense_vise_par_id_5df6cc11; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_ordredepense_vise_par_id_5df6cc11 ON public.depenses_ordredepense USING btree (vise_par_id);


--
-- Name: depenses_paiementdiffere_exercice_id_b8d38c9b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_paiementdiffere_exercice_id_b8d38c9b ON public.depenses_paiementdiffere USING btree (exercice_id);


--
-- Name: depenses_paiementdiffere_par_id_ea35858f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_paiementdiffere_par_id_ea35858f ON public.depenses_paiementdiffere USING btree (par_id);


--
-- Name: depenses_piecedepense_ajoutee_par_id_b708eaaa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_piecedepense_ajoutee_par_id_b708eaaa ON public.depenses_piecedepense USING btree (ajoutee_par_id);


--
-- Name: depenses_piecedepense_ordre_id_a97f6d20; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_piecedepense_ordre_id_a97f6d20 ON public.depenses_piecedepense USING btree (ordre_id);


--
-- Name: depenses_plancontroledepense_nature_9d646dc7_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_plancontroledepense_nature_9d646dc7_like ON public.depenses_plancontroledepense USING btree (nature varchar_pattern_ops);


--
-- Name: depenses_reponserequisition_ecriture_id_493b31bf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_reponserequisition_ecriture_id_493b31bf ON public.depenses_reponserequisition USING btree (ecriture_id);


--
-- Name: depenses_reponserequisition_par_id_561a4fcb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_reponserequisition_par_id_561a4fcb ON public.depenses_reponserequisition USING btree (par_id);


--
-- Name: depenses_requisition_requis_par_id_3ff68733; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_requisition_requis_par_id_3ff68733 ON public.depenses_requisition USING btree (requis_par_id);


--
-- Name: depenses_servicefait_atteste_par_id_3f9e7b81; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_servicefait_atteste_par_id_3f9e7b81 ON public.depenses_servicefait USING btree (atteste_par_id);


--
-- Name: depenses_servicefait_ordre_id_c042dc81; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_servicefait_ordre_id_c042dc81 ON public.depenses_servicefait USING btree (ordre_id);


--
-- Name: depenses_signaturedepense_delegation_id_ccfc6705; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_signaturedepense_delegation_id_ccfc6705 ON public.depenses_signaturedepense USING btree (delegation_id);


--
-- Name: depenses_signaturedepense_ordre_id_7362cf55; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_signaturedepense_ordre_id_7362cf55 ON public.depenses_signaturedepense USING btree (ordre_id);


--
-- Name: depenses_signaturedepense_signataire_id_a47a228b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_signaturedepense_signataire_id_a47a228b ON public.depenses_signaturedepense USING btree (signataire_id);


--
-- Name: depenses_suspension_ordre_id_63e2015f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_suspension_ordre_id_63e2015f ON public.depenses_suspension USING btree (ordre_id);


--
-- Name: depenses_suspension_par_id_554219dd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_suspension_par_id_554219dd ON public.depenses_suspension USING btree (par_id);


--
-- Name: depenses_suspension_suite_par_id_4334bbf5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_suspension_suite_par_id_4334bbf5 ON public.depenses_suspension USING btree (suite_par_id);


--
-- Name: depenses_tiragecontroledepense_par_id_8a12e8f2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX depenses_tiragecontroledepense_par_id_8a12e8f2 ON public.depenses_tiragecontroledepense USING btree (par_id);


--
-- Name: django_admin_log_content_type_id_c4bce8eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_admin_log_content_type_id_c4bce8eb ON public.django_admin_log USING btree (content_type_id);


--
-- Name: django_admin_log_user_id_c564eba6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_admin_log_user_id_c564eba6 ON public.django_admin_log USING btree (user_id);


--
-- Name: django_session_expire_date_a5c62663; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_session_expire_date_a5c62663 ON public.django_session USING btree (expire_date);


--
-- Name: django_session_session_key_c0390e0f_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_session_session_key_c0390e0f_like ON public.django_session USING btree (session_key varchar_pattern_ops);


--
-- Name: ecriture_exercice_date; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecriture_exercice_date ON ONLY public.ledger_ecriture USING btree (exercice_id, date);


--
-- Name: ecriture_passee_par; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecriture_passee_par ON ONLY public.ledger_ecriture USING btree (passee_par_id);


--
-- Name: encaissement_date; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX encaissement_date ON public.tresorerie_encaissement USING btree (exercice_id, date);


--
-- Name: etat_revue_provisions_unique; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX etat_revue_provisions_unique ON public.inventaire_etatinventaire USING btree (exercice_id) WHERE ((nature)::text = 'revue_provisions'::text);


--
-- Name: inventaire_articleetat_etat_id_2e929b73; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX inventaire_articleetat_etat_id_2e929b73 ON public.inventaire_articleetat USING btree (etat_id);


--
-- Name: inventaire_contrepassationinventaire_par_id_c0e751ed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX inventaire_contrepassationinventaire_par_id_c0e751ed ON public.inventaire_contrepassationinventaire USING btree (par_id);


--
-- Name: inventaire_etatinventaire_etabli_par_id_34a1ef71; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX inventaire_etatinventaire_etabli_par_id_34a1ef71 ON public.inventaire_etatinventaire USING btree (etabli_par_id);


--
-- Name: inventaire_etatinventaire_exercice_id_b57f47d3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX inventaire_etatinventaire_exercice_id_b57f47d3 ON public.inventaire_etatinventaire USING btree (exercice_id);


--
-- Name: ledger_arretecomptes_enregistre_par_id_6e7b9d39; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_arretecomptes_enregistre_par_id_6e7b9d39 ON public.ledger_arretecomptes USING btree (enregistre_par_id);


--
-- Name: ledger_balancefigee_exercice_id_fb528eb3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_balancefigee_exercice_id_fb528eb3 ON public.ledger_balancefigee USING btree (exercice_id);


--
-- Name: ledger_balancefigee_figee_par_id_66bda546; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_balancefigee_figee_par_id_66bda546 ON public.ledger_balancefigee USING btree (figee_par_id);


--
-- Name: ledger_compte_numero_a647c8fe_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_compte_numero_a647c8fe_like ON public.ledger_compte USING btree (numero varchar_pattern_ops);


--
-- Name: ledger_compte_parent_id_1acb3a19; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_compte_parent_id_1acb3a19 ON public.ledger_compte USING btree (parent_id);


--
-- Name: ledger_compteur_exercice_id_59ea4f51; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_compteur_exercice_id_59ea4f51 ON public.ledger_compteur USING btree (exercice_id);


--
-- Name: ledger_compteur_journal_id_988308c4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_compteur_journal_id_988308c4 ON public.ledger_compteur USING btree (journal_id);


--
-- Name: ledger_enregistrement_exercice; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_enregistrement_exercice ON public.ledger_enregistrement USING btree (exercice_id, id);


--
-- Name: ledger_envoibalance_balance_id_96bc2a13; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_envoibalance_balance_id_96bc2a13 ON public.ledger_envoibalance USING btree (balance_id);


--
-- Name: ledger_envoibalance_enregistre_par_id_12c16089; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_envoibalance_enregistre_par_id_12c16089 ON public.ledger_envoibalance USING btree (enregistre_par_id);


--
-- Name: ledger_journal_code_51c3ccae_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_journal_code_51c3ccae_like ON public.ledger_journal USING btree (code varchar_pattern_ops);


--
-- Name: ledger_ligne_ecriture_id_e1270f1b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_ligne_ecriture_id_e1270f1b ON ONLY public.ledger_ligne USING btree (ecriture_id);


--
-- Name: ledger_lignebalancefigee_balance_id_742633da; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_lignebalancefigee_balance_id_742633da ON public.ledger_lignebalancefigee USING btree (balance_id);


--
-- Name: ledger_lot_controle_tx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_lot_controle_tx ON public.ledger_lot_controle USING btree (tx);


--
-- Name: ledger_rejet_exercice; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_rejet_exercice ON public.ledger_rejet USING btree (exercice_id, enregistrement_id);


--
-- Name: ledger_validation_ecriture; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ledger_validation_ecriture ON public.ledger_validation USING btree (ecriture_id);


--
-- Name: ligne_compte; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ligne_compte ON ONLY public.ledger_ligne USING btree (compte_id, ecriture_id);


--
-- Name: ligne_grand_livre; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ligne_grand_livre ON ONLY public.ledger_ligne USING btree (compte_id, date, ecriture_id, id) INCLUDE (exercice_id, debit, credit);


--
-- Name: mouvementcredit_credit_nature; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mouvementcredit_credit_nature ON public.budget_mouvementcredit USING btree (credit_id, nature);


--
-- Name: mouvementcredit_reference; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mouvementcredit_reference ON public.budget_mouvementcredit USING btree (reference);


--
-- Name: opposition_cle; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX opposition_cle ON public.oppositions_opposition USING btree (creancier_cle);


--
-- Name: opposition_creancier; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX opposition_creancier ON public.oppositions_opposition USING btree (creancier_identifiant, signifiee_le);


--
-- Name: oppositions_imputation_opposition_id_29e74034; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX oppositions_imputation_opposition_id_29e74034 ON public.oppositions_imputation USING btree (opposition_id);


--
-- Name: oppositions_imputation_par_id_9313a845; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX oppositions_imputation_par_id_9313a845 ON public.oppositions_imputation USING btree (par_id);


--
-- Name: oppositions_opposition_enregistree_par_id_9621b9ea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX oppositions_opposition_enregistree_par_id_9621b9ea ON public.oppositions_opposition USING btree (enregistree_par_id);


--
-- Name: ordre_depense_etat_numero; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ordre_depense_etat_numero ON public.depenses_ordredepense USING btree (etat, exercice_id, numero);


--
-- Name: ordre_recette_etat_numero; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ordre_recette_etat_numero ON public.recettes_ordrerecette USING btree (etat, exercice_id, numero);


--
-- Name: paiement_ligne_opposition; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX paiement_ligne_opposition ON public.tresorerie_paiement USING btree (ligne_id, opposition_id);


--
-- Name: personnes_affectation_utilisateur_id_ec6f48ed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_affectation_utilisateur_id_ec6f48ed ON public.personnes_affectation USING btree (utilisateur_id);


--
-- Name: personnes_d_delegat_d58fab_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_d_delegat_d58fab_idx ON public.personnes_delegation USING btree (delegataire_id, nature);


--
-- Name: personnes_delegation_delegant_id_30687a03; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_delegation_delegant_id_30687a03 ON public.personnes_delegation USING btree (delegant_id);


--
-- Name: personnes_delegation_delegataire_id_18be6c11; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_delegation_delegataire_id_18be6c11 ON public.personnes_delegation USING btree (delegataire_id);


--
-- Name: personnes_installation_agent_comptable_id_4e4b3441; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_installation_agent_comptable_id_4e4b3441 ON public.personnes_installation USING btree (agent_comptable_id);


--
-- Name: personnes_installation_ancien_titulaire_id_8d9e2b7f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_installation_ancien_titulaire_id_8d9e2b7f ON public.personnes_installation USING btree (ancien_titulaire_id);


--
-- Name: personnes_installation_enregistree_par_id_c46ad07b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_installation_enregistree_par_id_c46ad07b ON public.personnes_installation USING btree (enregistree_par_id);


--
-- Name: personnes_installation_interim_id_7600cccd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_installation_interim_id_7600cccd ON public.personnes_installation USING btree (interim_id);


--
-- Name: personnes_installation_predecesseur_id_f51f0ca0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_installation_predecesseur_id_f51f0ca0 ON public.personnes_installation USING btree (predecesseur_id);


--
-- Name: personnes_interim_utilisateur_id_200c42e5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_interim_utilisateur_id_200c42e5 ON public.personnes_interim USING btree (utilisateur_id);


--
-- Name: personnes_mandat_agent_comptable_id_13d45a1e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_mandat_agent_comptable_id_13d45a1e ON public.personnes_mandat USING btree (agent_comptable_id);


--
-- Name: personnes_mandat_enregistre_par_id_4e399f5d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_mandat_enregistre_par_id_4e399f5d ON public.personnes_mandat USING btree (enregistre_par_id);


--
-- Name: personnes_mandat_mandataire_id_fb7b91a2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_mandat_mandataire_id_fb7b91a2 ON public.personnes_mandat USING btree (mandataire_id);


--
-- Name: personnes_procuration_agent_comptable_id_af13c070; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_procuration_agent_comptable_id_af13c070 ON public.personnes_procuration USING btree (agent_comptable_id);


--
-- Name: personnes_procuration_enregistree_par_id_78dbab93; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_procuration_enregistree_par_id_78dbab93 ON public.personnes_procuration USING btree (enregistree_par_id);


--
-- Name: personnes_procuration_fonde_id_8037af0e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_procuration_fonde_id_8037af0e ON public.personnes_procuration USING btree (fonde_id);


--
-- Name: personnes_prorogationreserves_enregistree_par_id_0e81c12a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_prorogationreserves_enregistree_par_id_0e81c12a ON public.personnes_prorogationreserves USING btree (enregistree_par_id);


--
-- Name: personnes_prorogationreserves_installation_id_e99b26c0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_prorogationreserves_installation_id_e99b26c0 ON public.personnes_prorogationreserves USING btree (installation_id);


--
-- Name: personnes_reserve_enregistree_par_id_7f6078c0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_reserve_enregistree_par_id_7f6078c0 ON public.personnes_reserve USING btree (enregistree_par_id);


--
-- Name: personnes_reserve_installation_id_68ce48b0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX personnes_reserve_installation_id_68ce48b0 ON public.personnes_reserve USING btree (installation_id);


--
-- Name: recettes_controleeffectue_ordre_id_0f64556f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_controleeffectue_ordre_id_0f64556f ON public.recettes_controleeffectue USING btree (ordre_id);


--
-- Name: recettes_controleeffectue_par_id_936f312d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_controleeffectue_par_id_936f312d ON public.recettes_controleeffectue USING btree (par_id);


--
-- Name: recettes_ligneordrerecette_ordre_id_93928a29; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_ligneordrerecette_ordre_id_93928a29 ON public.recettes_ligneordrerecette USING btree (ordre_id);


--
-- Name: recettes_ordrerecette_compte_imputation_id_b855d52f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_ordrerecette_compte_imputation_id_b855d52f ON public.recettes_ordrerecette USING btree (compte_imputation_id);


--
-- Name: recettes_ordrerecette_compte_tiers_id_c395070d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_ordrerecette_compte_tiers_id_c395070d ON public.recettes_ordrerecette USING btree (compte_tiers_id);


--
-- Name: recettes_ordrerecette_cree_par_id_d09394d6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_ordrerecette_cree_par_id_d09394d6 ON public.recettes_ordrerecette USING btree (cree_par_id);


--
-- Name: recettes_ordrerecette_ecriture_id_3553de71; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_ordrerecette_ecriture_id_3553de71 ON public.recettes_ordrerecette USING btree (ecriture_id);


--
-- Name: recettes_ordrerecette_exercice_id_a2d2e4b2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_ordrerecette_exercice_id_a2d2e4b2 ON public.recettes_ordrerecette USING btree (exercice_id);


--
-- Name: recettes_ordrerecette_pris_en_charge_par_id_9951c361; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_ordrerecette_pris_en_charge_par_id_9951c361 ON public.recettes_ordrerecette USING btree (pris_en_charge_par_id);


--
-- Name: recettes_piecejustificative_ajoutee_par_id_c4407bce; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_piecejustificative_ajoutee_par_id_c4407bce ON public.recettes_piecejustificative USING btree (ajoutee_par_id);


--
-- Name: recettes_piecejustificative_ordre_id_18c0c8ee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_piecejustificative_ordre_id_18c0c8ee ON public.recettes_piecejustificative USING btree (ordre_id);


--
-- Name: recettes_plancontrole_nature_b6e03619_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_plancontrole_nature_b6e03619_like ON public.recettes_plancontrole USING btree (nature varchar_pattern_ops);


--
-- Name: recettes_reduction_ecriture_id_fafa04ca; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_reduction_ecriture_id_fafa04ca ON public.recettes_reduction USING btree (ecriture_id);


--
-- Name: recettes_reduction_ligne_id_32cce506; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_reduction_ligne_id_32cce506 ON public.recettes_reduction USING btree (ligne_id);


--
-- Name: recettes_reduction_ordre_id_89f9a57e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_reduction_ordre_id_89f9a57e ON public.recettes_reduction USING btree (ordre_id);


--
-- Name: recettes_reduction_pris_en_charge_par_id_c9b37263; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_reduction_pris_en_charge_par_id_c9b37263 ON public.recettes_reduction USING btree (pris_en_charge_par_id);


--
-- Name: recettes_reduction_signataire_id_ea58e6ee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_reduction_signataire_id_ea58e6ee ON public.recettes_reduction USING btree (signataire_id);


--
-- Name: recettes_signature_delegation_id_1c2d7741; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_signature_delegation_id_1c2d7741 ON public.recettes_signature USING btree (delegation_id);


--
-- Name: recettes_signature_ordre_id_a6d8e9c2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_signature_ordre_id_a6d8e9c2 ON public.recettes_signature USING btree (ordre_id);


--
-- Name: recettes_signature_signataire_id_4755baa3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_signature_signataire_id_4755baa3 ON public.recettes_signature USING btree (signataire_id);


--
-- Name: recettes_tiragecontrole_par_id_d2bcda7d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recettes_tiragecontrole_par_id_d2bcda7d ON public.recettes_tiragecontrole USING btree (par_id);


--
-- Name: recouvrement_acte_auteur_id_ca99ce68; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_acte_auteur_id_ca99ce68 ON public.recouvrement_acte USING btree (auteur_id);


--
-- Name: recouvrement_acte_creance_id_c3aa4eb5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_acte_creance_id_c3aa4eb5 ON public.recouvrement_acte USING btree (creance_id);


--
-- Name: recouvrement_acte_debiteur_id_1226e8da; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_acte_debiteur_id_1226e8da ON public.recouvrement_acte USING btree (debiteur_id);


--
-- Name: recouvrement_acte_ecriture_id_a1c3b5a8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_acte_ecriture_id_a1c3b5a8 ON public.recouvrement_acte USING btree (ecriture_id);


--
-- Name: recouvrement_actehuissier_enregistre_par_id_23b85ea9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_actehuissier_enregistre_par_id_23b85ea9 ON public.recouvrement_actehuissier USING btree (enregistre_par_id);


--
-- Name: recouvrement_actehuissier_huissier_id_377dde1f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_actehuissier_huissier_id_377dde1f ON public.recouvrement_actehuissier USING btree (huissier_id);


--
-- Name: recouvrement_actehuissier_poursuite_id_52f626c5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_actehuissier_poursuite_id_52f626c5 ON public.recouvrement_actehuissier USING btree (poursuite_id);


--
-- Name: recouvrement_aviscaisse_mise_en_demeure_id_e28a095b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_aviscaisse_mise_en_demeure_id_e28a095b ON public.recouvrement_aviscaisse USING btree (mise_en_demeure_id);


--
-- Name: recouvrement_aviscaisse_signataire_id_8e250700; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_aviscaisse_signataire_id_8e250700 ON public.recouvrement_aviscaisse USING btree (signataire_id);


--
-- Name: recouvrement_contratconserve_enregistre_par_id_9382ac5d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_contratconserve_enregistre_par_id_9382ac5d ON public.recouvrement_contratconserve USING btree (enregistre_par_id);


--
-- Name: recouvrement_creance_debiteur_id_7c69f68d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_creance_debiteur_id_7c69f68d ON public.recouvrement_creance USING btree (debiteur_id);


--
-- Name: recouvrement_creance_transmise_par_id_86fbabda; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_creance_transmise_par_id_86fbabda ON public.recouvrement_creance USING btree (transmise_par_id);


--
-- Name: recouvrement_debiteur_compte_id_87dfa809; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_debiteur_compte_id_87dfa809 ON public.recouvrement_debiteur USING btree (compte_id);


--
-- Name: recouvrement_declarationcr_declarationcreance_id_02014060; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_declarationcr_declarationcreance_id_02014060 ON public.recouvrement_declarationcreance_creances USING btree (declarationcreance_id);


--
-- Name: recouvrement_declarationcreance_creances_creance_id_695ca072; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_declarationcreance_creances_creance_id_695ca072 ON public.recouvrement_declarationcreance_creances USING btree (creance_id);


--
-- Name: recouvrement_declarationcreance_par_id_d722f2df; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_declarationcreance_par_id_d722f2df ON public.recouvrement_declarationcreance USING btree (par_id);


--
-- Name: recouvrement_declarationcreance_procedure_id_0a6b1273; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_declarationcreance_procedure_id_0a6b1273 ON public.recouvrement_declarationcreance USING btree (procedure_id);


--
-- Name: recouvrement_delaipaiement_accorde_par_id_97f168f8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_delaipaiement_accorde_par_id_97f168f8 ON public.recouvrement_delaipaiement USING btree (accorde_par_id);


--
-- Name: recouvrement_delaipaiement_creance_id_3b867dea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_delaipaiement_creance_id_3b867dea ON public.recouvrement_delaipaiement USING btree (creance_id);


--
-- Name: recouvrement_dispensevisite_huissier_id_bf579ad3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_dispensevisite_huissier_id_bf579ad3 ON public.recouvrement_dispensevisite USING btree (huissier_id);


--
-- Name: recouvrement_dispensevisite_par_id_9b86c3ed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_dispensevisite_par_id_9b86c3ed ON public.recouvrement_dispensevisite USING btree (par_id);


--
-- Name: recouvrement_echeance_delai_id_2f4ca232; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_echeance_delai_id_2f4ca232 ON public.recouvrement_echeance USING btree (delai_id);


--
-- Name: recouvrement_envoietatnominatif_par_id_bbc9c902; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_envoietatnominatif_par_id_bbc9c902 ON public.recouvrement_envoietatnominatif USING btree (par_id);


--
-- Name: recouvrement_envoiliste_par_id_3c857f56; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_envoiliste_par_id_3c857f56 ON public.recouvrement_envoiliste USING btree (par_id);


--
-- Name: recouvrement_evenementprocedure_par_id_64298051; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_evenementprocedure_par_id_64298051 ON public.recouvrement_evenementprocedure USING btree (par_id);


--
-- Name: recouvrement_evenementprocedure_procedure_id_87da30eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_evenementprocedure_procedure_id_87da30eb ON public.recouvrement_evenementprocedure USING btree (procedure_id);


--
-- Name: recouvrement_garantie_creance_id_63f956e3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_garantie_creance_id_63f956e3 ON public.recouvrement_garantie USING btree (creance_id);


--
-- Name: recouvrement_garantie_debiteur_id_efdf1dbe; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_garantie_debiteur_id_efdf1dbe ON public.recouvrement_garantie USING btree (debiteur_id);


--
-- Name: recouvrement_garantie_enregistree_par_id_1176f2b0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_garantie_enregistree_par_id_1176f2b0 ON public.recouvrement_garantie USING btree (enregistree_par_id);


--
-- Name: recouvrement_huissier_inscrit_par_id_a10d0e50; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_huissier_inscrit_par_id_a10d0e50 ON public.recouvrement_huissier USING btree (inscrit_par_id);


--
-- Name: recouvrement_lettrerelance_debiteur_id_30d78b14; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_lettrerelance_debiteur_id_30d78b14 ON public.recouvrement_lettrerelance USING btree (debiteur_id);


--
-- Name: recouvrement_lettrerelance_lot_id_0093d9c0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_lettrerelance_lot_id_0093d9c0 ON public.recouvrement_lettrerelance USING btree (lot_id);


--
-- Name: recouvrement_lignerelance_creance_id_33bdee73; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_lignerelance_creance_id_33bdee73 ON public.recouvrement_lignerelance USING btree (creance_id);


--
-- Name: recouvrement_lignerelance_lettre_id_839b45a1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_lignerelance_lettre_id_839b45a1 ON public.recouvrement_lignerelance USING btree (lettre_id);


--
-- Name: recouvrement_lotrelances_par_id_4eb3d50f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_lotrelances_par_id_4eb3d50f ON public.recouvrement_lotrelances USING btree (par_id);


--
-- Name: recouvrement_miseendemeure_debiteur_id_05d92cb9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_miseendemeure_debiteur_id_05d92cb9 ON public.recouvrement_miseendemeure USING btree (debiteur_id);


--
-- Name: recouvrement_miseendemeure_signataire_id_96f36395; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_miseendemeure_signataire_id_96f36395 ON public.recouvrement_miseendemeure USING btree (signataire_id);


--
-- Name: recouvrement_miseendemeurecreance_creance_id_819ed711; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_miseendemeurecreance_creance_id_819ed711 ON public.recouvrement_miseendemeurecreance USING btree (creance_id);


--
-- Name: recouvrement_miseendemeurecreance_mise_en_demeure_id_3bfb8c27; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_miseendemeurecreance_mise_en_demeure_id_3bfb8c27 ON public.recouvrement_miseendemeurecreance USING btree (mise_en_demeure_id);


--
-- Name: recouvrement_periodiciteliste_fixee_par_id_205a2cbb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_periodiciteliste_fixee_par_id_205a2cbb ON public.recouvrement_periodiciteliste USING btree (fixee_par_id);


--
-- Name: recouvrement_poursuite_creance_id_7629e8ec; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_poursuite_creance_id_7629e8ec ON public.recouvrement_poursuite USING btree (creance_id);


--
-- Name: recouvrement_poursuite_mise_en_demeure_id_ea87f6e1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_poursuite_mise_en_demeure_id_ea87f6e1 ON public.recouvrement_poursuite USING btree (mise_en_demeure_id);


--
-- Name: recouvrement_poursuite_signataire_id_38c345c8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_poursuite_signataire_id_38c345c8 ON public.recouvrement_poursuite USING btree (signataire_id);


--
-- Name: recouvrement_procedurecollective_debiteur_id_b5e3c4e3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_procedurecollective_debiteur_id_b5e3c4e3 ON public.recouvrement_procedurecollective USING btree (debiteur_id);


--
-- Name: recouvrement_procedurecollective_enregistree_par_id_d3e21bfd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_procedurecollective_enregistree_par_id_d3e21bfd ON public.recouvrement_procedurecollective USING btree (enregistree_par_id);


--
-- Name: recouvrement_recoursamiable_enregistre_par_id_40eecdf7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_recoursamiable_enregistre_par_id_40eecdf7 ON public.recouvrement_recoursamiable USING btree (enregistre_par_id);


--
-- Name: recouvrement_visitehuissier_huissier_id_66f87d45; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_visitehuissier_huissier_id_66f87d45 ON public.recouvrement_visitehuissier USING btree (huissier_id);


--
-- Name: recouvrement_visitehuissier_par_id_d2dfb9a7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recouvrement_visitehuissier_par_id_d2dfb9a7 ON public.recouvrement_visitehuissier USING btree (par_id);


--
-- Name: reimputation_une_en_attente; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX reimputation_une_en_attente ON public.depenses_certificatreimputation USING btree (ordre_id) WHERE ((etat)::text = 'delivre'::text);


--
-- Name: responsabilite_avisministres_enregistre_par_id_7eaccc64; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_avisministres_enregistre_par_id_7eaccc64 ON public.responsabilite_avisministres USING btree (enregistre_par_id);


--
-- Name: responsabilite_demande_ecriture_id_b67d165a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_demande_ecriture_id_b67d165a ON public.responsabilite_demande USING btree (ecriture_id);


--
-- Name: responsabilite_demande_ordre_id_af177878; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_demande_ordre_id_af177878 ON public.responsabilite_demande USING btree (ordre_id);


--
-- Name: responsabilite_demande_rembourse_ecriture_id_1644b1fc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_demande_rembourse_ecriture_id_1644b1fc ON public.responsabilite_demande USING btree (rembourse_ecriture_id);


--
-- Name: responsabilite_dossierdrass_enregistre_par_id_5da2fcde; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_dossierdrass_enregistre_par_id_5da2fcde ON public.responsabilite_dossierdrass USING btree (enregistre_par_id);


--
-- Name: responsabilite_miseencause_agent_comptable_id_62ce5172; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_miseencause_agent_comptable_id_62ce5172 ON public.responsabilite_miseencause USING btree (agent_comptable_id);


--
-- Name: responsabilite_miseencause_enregistre_par_id_4d841914; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_miseencause_enregistre_par_id_4d841914 ON public.responsabilite_miseencause USING btree (enregistre_par_id);


--
-- Name: responsabilite_nonvaleur_ecriture_id_0e7c8d2d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_nonvaleur_ecriture_id_0e7c8d2d ON public.responsabilite_nonvaleur USING btree (ecriture_id);


--
-- Name: responsabilite_nonvaleur_enregistre_par_id_cc32b3ee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_nonvaleur_enregistre_par_id_cc32b3ee ON public.responsabilite_nonvaleur USING btree (enregistre_par_id);


--
-- Name: responsabilite_nonvaleur_ordre_id_f99f4439; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_nonvaleur_ordre_id_f99f4439 ON public.responsabilite_nonvaleur USING btree (ordre_id);


--
-- Name: responsabilite_notificatio_enregistre_par_id_caf74116; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_notificatio_enregistre_par_id_caf74116 ON public.responsabilite_notificationassociation USING btree (enregistre_par_id);


--
-- Name: responsabilite_ordredebet_agent_comptable_id_a89eed5d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_ordredebet_agent_comptable_id_a89eed5d ON public.responsabilite_ordredebet USING btree (agent_comptable_id);


--
-- Name: responsabilite_ordredebet_ecriture_id_8a4bacbb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_ordredebet_ecriture_id_8a4bacbb ON public.responsabilite_ordredebet USING btree (ecriture_id);


--
-- Name: responsabilite_ordredebet_emis_par_id_ee19d0cf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_ordredebet_emis_par_id_ee19d0cf ON public.responsabilite_ordredebet USING btree (emis_par_id);


--
-- Name: responsabilite_recouvrement_ecriture_id_56f87db3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_recouvrement_ecriture_id_56f87db3 ON public.responsabilite_recouvrement USING btree (ecriture_id);


--
-- Name: responsabilite_recouvrement_enregistre_par_id_e957b4bd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_recouvrement_enregistre_par_id_e957b4bd ON public.responsabilite_recouvrement USING btree (enregistre_par_id);


--
-- Name: responsabilite_recouvrement_ordre_id_0bcef8ea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_recouvrement_ordre_id_0bcef8ea ON public.responsabilite_recouvrement USING btree (ordre_id);


--
-- Name: responsabilite_recouvrement_reverse_ecriture_id_430e0f0d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_recouvrement_reverse_ecriture_id_430e0f0d ON public.responsabilite_recouvrement USING btree (reverse_ecriture_id);


--
-- Name: responsabilite_versement_ecriture_id_8c4cbedf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_versement_ecriture_id_8c4cbedf ON public.responsabilite_versement USING btree (ecriture_id);


--
-- Name: responsabilite_versement_enregistre_par_id_eac3be66; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_versement_enregistre_par_id_eac3be66 ON public.responsabilite_versement USING btree (enregistre_par_id);


--
-- Name: responsabilite_versement_ordre_id_8b483984; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX responsabilite_versement_ordre_id_8b483984 ON public.responsabilite_versement USING btree (ordre_id);


--
-- Name: tresorerie_affectation_ecriture_id_929bcef3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_affectation_ecriture_id_929bcef3 ON public.tresorerie_affectation USING btree (ecriture_id);


--
-- Name: tresorerie_affectation_encaissement_id_f4ecdc83; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_affectation_encaissement_id_f4ecdc83 ON public.tresorerie_affectation USING btree (encaissement_id);


--
-- Name: tresorerie_affectation_ligne_id_88666fe6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_affectation_ligne_id_88666fe6 ON public.tresorerie_affectation USING btree (ligne_id);


--
-- Name: tresorerie_affectation_ordre_id_9f4ac89a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_affectation_ordre_id_9f4ac89a ON public.tresorerie_affectation USING btree (ordre_id);


--
-- Name: tresorerie_affectation_par_id_a4930789; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_affectation_par_id_a4930789 ON public.tresorerie_affectation USING btree (par_id);


--
-- Name: tresorerie_arretecaisse_compte_id_6c74a54c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_arretecaisse_compte_id_6c74a54c ON public.tresorerie_arretecaisse USING btree (compte_id);


--
-- Name: tresorerie_arretecaisse_ecriture_id_777d3c36; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_arretecaisse_ecriture_id_777d3c36 ON public.tresorerie_arretecaisse USING btree (ecriture_id);


--
-- Name: tresorerie_arretecaisse_par_id_0b67754a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_arretecaisse_par_id_0b67754a ON public.tresorerie_arretecaisse USING btree (par_id);


--
-- Name: tresorerie_arreteregie_par_id_d00db137; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_arreteregie_par_id_d00db137 ON public.tresorerie_arreteregie USING btree (par_id);


--
-- Name: tresorerie_arreteregie_regie_id_7ff5cad0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_arreteregie_regie_id_7ff5cad0 ON public.tresorerie_arreteregie USING btree (regie_id);


--
-- Name: tresorerie_avanceregie_ecriture_id_93f241c6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_avanceregie_ecriture_id_93f241c6 ON public.tresorerie_avanceregie USING btree (ecriture_id);


--
-- Name: tresorerie_avanceregie_par_id_dd157cf3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_avanceregie_par_id_dd157cf3 ON public.tresorerie_avanceregie USING btree (par_id);


--
-- Name: tresorerie_avanceregie_regie_id_f021a982; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_avanceregie_regie_id_f021a982 ON public.tresorerie_avanceregie USING btree (regie_id);


--
-- Name: tresorerie_avanceregie_source_id_09ac0f80; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_avanceregie_source_id_09ac0f80 ON public.tresorerie_avanceregie USING btree (source_id);


--
-- Name: tresorerie_carnet_clos_par_id_400bb9c6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_carnet_clos_par_id_400bb9c6 ON public.tresorerie_carnet USING btree (clos_par_id);


--
-- Name: tresorerie_carnet_compte_id_2c379828; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_carnet_compte_id_2c379828 ON public.tresorerie_carnet USING btree (compte_id);


--
-- Name: tresorerie_carnet_ouvert_par_id_9d53eaac; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_carnet_ouvert_par_id_9d53eaac ON public.tresorerie_carnet USING btree (ouvert_par_id);


--
-- Name: tresorerie_carnet_serie_50752f24_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_carnet_serie_50752f24_like ON public.tresorerie_carnet USING btree (serie varchar_pattern_ops);


--
-- Name: tresorerie_carnet_titulaire_id_2a5cd5dd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_carnet_titulaire_id_2a5cd5dd ON public.tresorerie_carnet USING btree (titulaire_id);


--
-- Name: tresorerie_comptedisponibilite_code_48033d07_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_comptedisponibilite_code_48033d07_like ON public.tresorerie_comptedisponibilite USING btree (code varchar_pattern_ops);


--
-- Name: tresorerie_comptedisponibilite_compte_frais_id_b96f06d8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_comptedisponibilite_compte_frais_id_b96f06d8 ON public.tresorerie_comptedisponibilite USING btree (compte_frais_id);


--
-- Name: tresorerie_comptedisponibilite_regisseur_id_c73b1364; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_comptedisponibilite_regisseur_id_c73b1364 ON public.tresorerie_comptedisponibilite USING btree (regisseur_id);


--
-- Name: tresorerie_controleregie_par_id_bc5c7f6e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_controleregie_par_id_bc5c7f6e ON public.tresorerie_controleregie USING btree (par_id);


--
-- Name: tresorerie_controleregie_regie_id_0f600b92; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_controleregie_regie_id_0f600b92 ON public.tresorerie_controleregie USING btree (regie_id);


--
-- Name: tresorerie_correctioncoordonnees_ligne_id_03c22184; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_correctioncoordonnees_ligne_id_03c22184 ON public.tresorerie_correctioncoordonnees USING btree (ligne_id);


--
-- Name: tresorerie_correctioncoordonnees_par_id_8a7eb7cc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_correctioncoordonnees_par_id_8a7eb7cc ON public.tresorerie_correctioncoordonnees USING btree (par_id);


--
-- Name: tresorerie_correctioncoordonnees_retour_id_bfa11573; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_correctioncoordonnees_retour_id_bfa11573 ON public.tresorerie_correctioncoordonnees USING btree (retour_id);


--
-- Name: tresorerie_decisionopposition_ligne_id_d35bb268; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_decisionopposition_ligne_id_d35bb268 ON public.tresorerie_decisionopposition USING btree (ligne_id);


--
-- Name: tresorerie_decisionopposition_opposition_id_b80f36d1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_decisionopposition_opposition_id_b80f36d1 ON public.tresorerie_decisionopposition USING btree (opposition_id);


--
-- Name: tresorerie_decisionopposition_par_id_2b6d4009; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_decisionopposition_par_id_2b6d4009 ON public.tresorerie_decisionopposition USING btree (par_id);


--
-- Name: tresorerie_depenseregie_etat_depenses_id_049f7345; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_depenseregie_etat_depenses_id_049f7345 ON public.tresorerie_depenseregie USING btree (etat_depenses_id);


--
-- Name: tresorerie_depenseregie_operation_id_35bcc8c0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_depenseregie_operation_id_35bcc8c0 ON public.tresorerie_depenseregie USING btree (operation_id);


--
-- Name: tresorerie_depenseregie_payee_par_id_6377be22; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_depenseregie_payee_par_id_6377be22 ON public.tresorerie_depenseregie USING btree (payee_par_id);


--
-- Name: tresorerie_depenseregie_regie_id_b4b7f9c0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_depenseregie_regie_id_b4b7f9c0 ON public.tresorerie_depenseregie USING btree (regie_id);


--
-- Name: tresorerie_encaissement_compte_id_edd7d533; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_encaissement_compte_id_edd7d533 ON public.tresorerie_encaissement USING btree (compte_id);


--
-- Name: tresorerie_encaissement_compte_produit_id_8684e467; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_encaissement_compte_produit_id_8684e467 ON public.tresorerie_encaissement USING btree (compte_produit_id);


--
-- Name: tresorerie_encaissement_ecriture_annulation_id_3210f7af; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_encaissement_ecriture_annulation_id_3210f7af ON public.tresorerie_encaissement USING btree (ecriture_annulation_id);


--
-- Name: tresorerie_encaissement_ecriture_id_418b0bc6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_encaissement_ecriture_id_418b0bc6 ON public.tresorerie_encaissement USING btree (ecriture_id);


--
-- Name: tresorerie_encaissement_exercice_id_07a73df5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_encaissement_exercice_id_07a73df5 ON public.tresorerie_encaissement USING btree (exercice_id);


--
-- Name: tresorerie_encaissement_recu_par_id_2ef83619; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_encaissement_recu_par_id_2ef83619 ON public.tresorerie_encaissement USING btree (recu_par_id);


--
-- Name: tresorerie_encaissement_regularise_par_id_dd7fab8d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_encaissement_regularise_par_id_dd7fab8d ON public.tresorerie_encaissement USING btree (regularise_par_id);


--
-- Name: tresorerie_etatdepensesregie_admis_par_id_24a582e0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_etatdepensesregie_admis_par_id_24a582e0 ON public.tresorerie_etatdepensesregie USING btree (admis_par_id);


--
-- Name: tresorerie_etatdepensesregie_ecriture_id_c78e848a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_etatdepensesregie_ecriture_id_c78e848a ON public.tresorerie_etatdepensesregie USING btree (ecriture_id);


--
-- Name: tresorerie_etatdepensesregie_etabli_par_id_a25af144; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_etatdepensesregie_etabli_par_id_a25af144 ON public.tresorerie_etatdepensesregie USING btree (etabli_par_id);


--
-- Name: tresorerie_etatdepensesregie_regie_id_bfeb691d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_etatdepensesregie_regie_id_bfeb691d ON public.tresorerie_etatdepensesregie USING btree (regie_id);


--
-- Name: tresorerie_lignereleve_releve_id_18d2ccae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_lignereleve_releve_id_18d2ccae ON public.tresorerie_lignereleve USING btree (releve_id);


--
-- Name: tresorerie_lotpaiement_compte_id_a0b92113; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_lotpaiement_compte_id_a0b92113 ON public.tresorerie_lotpaiement USING btree (compte_id);


--
-- Name: tresorerie_lotpaiement_cree_par_id_8d55add2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_lotpaiement_cree_par_id_8d55add2 ON public.tresorerie_lotpaiement USING btree (cree_par_id);


--
-- Name: tresorerie_lotpaiement_ecriture_id_0f315391; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_lotpaiement_ecriture_id_0f315391 ON public.tresorerie_lotpaiement USING btree (ecriture_id);


--
-- Name: tresorerie_lotpaiement_exercice_id_ba894ec8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_lotpaiement_exercice_id_ba894ec8 ON public.tresorerie_lotpaiement USING btree (exercice_id);


--
-- Name: tresorerie_lotpaiement_message_id_6c1e7aa4_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_lotpaiement_message_id_6c1e7aa4_like ON public.tresorerie_lotpaiement USING btree (message_id varchar_pattern_ops);


--
-- Name: tresorerie_operationregie_compte_id_f8400264; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_operationregie_compte_id_f8400264 ON public.tresorerie_operationregie USING btree (compte_id);


--
-- Name: tresorerie_operationregie_regie_id_21fc8fda; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_operationregie_regie_id_21fc8fda ON public.tresorerie_operationregie USING btree (regie_id);


--
-- Name: tresorerie_paiement_bout_en_bout_d63b2d38_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_paiement_bout_en_bout_d63b2d38_like ON public.tresorerie_paiement USING btree (bout_en_bout varchar_pattern_ops);


--
-- Name: tresorerie_paiement_ligne_id_7f088606; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_paiement_ligne_id_7f088606 ON public.tresorerie_paiement USING btree (ligne_id);


--
-- Name: tresorerie_paiement_lot_id_bc7aa531; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_paiement_lot_id_bc7aa531 ON public.tresorerie_paiement USING btree (lot_id);


--
-- Name: tresorerie_paiement_opposition_id_f6bda49c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_paiement_opposition_id_f6bda49c ON public.tresorerie_paiement USING btree (opposition_id);


--
-- Name: tresorerie_paiement_ordre_id_a17e0857; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_paiement_ordre_id_a17e0857 ON public.tresorerie_paiement USING btree (ordre_id);


--
-- Name: tresorerie_quittance_carnet_id_41884ca2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_quittance_carnet_id_41884ca2 ON public.tresorerie_quittance USING btree (carnet_id);


--
-- Name: tresorerie_quittance_emise_par_id_8e411b2d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_quittance_emise_par_id_8e411b2d ON public.tresorerie_quittance USING btree (emise_par_id);


--
-- Name: tresorerie_quittance_encaissement_id_af463735; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_quittance_encaissement_id_af463735 ON public.tresorerie_quittance USING btree (encaissement_id);


--
-- Name: tresorerie_rapprochement_l_rapprochement_id_63bdccaa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_rapprochement_l_rapprochement_id_63bdccaa ON public.tresorerie_rapprochement_lignes_ecriture USING btree (rapprochement_id);


--
-- Name: tresorerie_rapprochement_lignes_ecriture_ligne_id_b2ab288a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_rapprochement_lignes_ecriture_ligne_id_b2ab288a ON public.tresorerie_rapprochement_lignes_ecriture USING btree (ligne_id);


--
-- Name: tresorerie_rapprochement_par_id_00825ddb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_rapprochement_par_id_00825ddb ON public.tresorerie_rapprochement USING btree (par_id);


--
-- Name: tresorerie_regie_avis_par_id_f32f6e79; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_regie_avis_par_id_f32f6e79 ON public.tresorerie_regie USING btree (avis_par_id);


--
-- Name: tresorerie_regie_decision_par_id_bb4ed68f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_regie_decision_par_id_bb4ed68f ON public.tresorerie_regie USING btree (decision_par_id);


--
-- Name: tresorerie_regie_fin_par_id_b55bbe83; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_regie_fin_par_id_b55bbe83 ON public.tresorerie_regie USING btree (fin_par_id);


--
-- Name: tresorerie_regie_projet_par_id_43e47fee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_regie_projet_par_id_43e47fee ON public.tresorerie_regie USING btree (projet_par_id);


--
-- Name: tresorerie_regie_regisseur_id_38243aee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_regie_regisseur_id_38243aee ON public.tresorerie_regie USING btree (regisseur_id);


--
-- Name: tresorerie_releve_compte_id_0a9a1c18; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_releve_compte_id_0a9a1c18 ON public.tresorerie_releve USING btree (compte_id);


--
-- Name: tresorerie_releve_importe_par_id_2e27921b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_releve_importe_par_id_2e27921b ON public.tresorerie_releve USING btree (importe_par_id);


--
-- Name: tresorerie_retour_ecriture_id_b592baf5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_retour_ecriture_id_b592baf5 ON public.tresorerie_retour USING btree (ecriture_id);


--
-- Name: tresorerie_retour_ligne_releve_id_f81301d4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_retour_ligne_releve_id_f81301d4 ON public.tresorerie_retour USING btree (ligne_releve_id);


--
-- Name: tresorerie_retour_ordre_id_3a1ba297; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_retour_ordre_id_3a1ba297 ON public.tresorerie_retour USING btree (ordre_id);


--
-- Name: tresorerie_retour_par_id_685c9678; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_retour_par_id_685c9678 ON public.tresorerie_retour USING btree (par_id);


--
-- Name: tresorerie_versementregie_destination_id_ffe1a78e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_versementregie_destination_id_ffe1a78e ON public.tresorerie_versementregie USING btree (destination_id);


--
-- Name: tresorerie_versementregie_ecriture_id_4978cace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_versementregie_ecriture_id_4978cace ON public.tresorerie_versementregie USING btree (ecriture_id);


--
-- Name: tresorerie_versementregie_recu_par_id_fd7336b0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_versementregie_recu_par_id_fd7336b0 ON public.tresorerie_versementregie USING btree (recu_par_id);


--
-- Name: tresorerie_versementregie_regie_id_ef247983; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_versementregie_regie_id_ef247983 ON public.tresorerie_versementregie USING btree (regie_id);


--
-- Name: tresorerie_versementregie_remis_par_id_92592aa1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tresorerie_versementregie_remis_par_id_92592aa1 ON public.tresorerie_versementregie USING btree (remis_par_id);


--
-- Name: un_carnet_ouvert; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX un_carnet_ouvert ON public.tresorerie_carnet USING btree (type, compte_id, titulaire_id) WHERE (clos_le IS NULL);


--
-- Name: un_delai_en_cours_par_creance; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX un_delai_en_cours_par_creance ON public.recouvrement_delaipaiement USING btree (creance_id) WHERE ((etat)::text = 'en_cours'::text);


--
-- Name: recouvrement_acte acte_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER acte_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_acte FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un acte de recouvrement enregistré ne se modifie ni ne se supprime : un acte nouveau le complète.');


--
-- Name: recouvrement_actehuissier actehuissier_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER actehuissier_naissance BEFORE INSERT ON public.recouvrement_actehuissier FOR EACH ROW EXECUTE FUNCTION public.recouvrement_actehuissier_naissance();


--
-- Name: recouvrement_actehuissier actehuissier_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER actehuissier_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.recouvrement_actehuissier FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un acte d''huissier enregistré ne se supprime pas.');


--
-- Name: recouvrement_actehuissier actehuissier_resultat; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER actehuissier_resultat BEFORE UPDATE ON public.recouvrement_actehuissier FOR EACH ROW EXECUTE FUNCTION public.recouvrement_actehuissier_resultat();


--
-- Name: tresorerie_affectation affectation_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER affectation_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_affectation FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une affectation d''encaissement ne se modifie ni ne se supprime : on l''annule par une affectation de sens contraire.');


--
-- Name: personnes_affectation affectation_fondes_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER affectation_fondes_verifier AFTER INSERT OR UPDATE OF utilisateur_id, fonction, debut, fin ON public.personnes_affectation FOR EACH ROW EXECUTE FUNCTION public.personnes_fondes_verifier();


--
-- Name: personnes_affectation affectation_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER affectation_verifier AFTER INSERT OR UPDATE OF utilisateur_id, fonction, debut, fin ON public.personnes_affectation FOR EACH ROW EXECUTE FUNCTION public.personnes_affectation_verifier();


--
-- Name: tresorerie_affectation affectation_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER affectation_verifier BEFORE INSERT ON public.tresorerie_affectation FOR EACH ROW EXECUTE FUNCTION public.tresorerie_affectation_verifier();


--
-- Name: comptes_annuels_approbation approbation_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER approbation_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.comptes_annuels_approbation FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''approbation des comptes annuels enregistrée ne se modifie ni ne se supprime.');


--
-- Name: comptes_annuels_approbation approbation_apres_transmission; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER approbation_apres_transmission BEFORE INSERT ON public.comptes_annuels_approbation FOR EACH ROW EXECUTE FUNCTION public.comptes_annuels_approbation_verifier();


--
-- Name: tresorerie_arretecaisse arrete_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER arrete_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_arretecaisse FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un arrêté de caisse ne se modifie ni ne se supprime.');


--
-- Name: tresorerie_arreteregie arrete_regie_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER arrete_regie_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_arreteregie FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''arrêté d''une régie ne se modifie ni ne se supprime.');


--
-- Name: ledger_arretecomptes arretecomptes_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER arretecomptes_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.ledger_arretecomptes FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''arrêté des comptes enregistré ne se modifie ni ne se supprime.');


--
-- Name: ledger_arretecomptes arretecomptes_periode_complementaire; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER arretecomptes_periode_complementaire AFTER INSERT ON public.ledger_arretecomptes REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_arretecomptes_verifier();


--
-- Name: inventaire_articleetat article_etat_ajout; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER article_etat_ajout AFTER INSERT ON public.inventaire_articleetat REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.inventaire_article_verifier();


--
-- Name: inventaire_articleetat article_etat_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER article_etat_fige BEFORE DELETE OR UPDATE OR TRUNCATE ON public.inventaire_articleetat FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les articles d''un état d''inventaire signé ne se modifient ni ne se suppriment.');


--
-- Name: core_journalaudit audit_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_ajout_seul BEFORE DELETE OR UPDATE ON public.core_journalaudit FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le journal d''audit est en ajout seul : une entrée ne peut être ni modifiée ni supprimée.');


--
-- Name: core_journalaudit audit_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_pas_de_vidage BEFORE TRUNCATE ON public.core_journalaudit FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le journal d''audit ne peut pas être vidé.');


--
-- Name: tresorerie_avanceregie avance_regie_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER avance_regie_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_avanceregie FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''avance versée à une régie ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_aviscaisse aviscaisse_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER aviscaisse_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_aviscaisse FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un avis à la caisse enregistré ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_aviscaisse aviscaisse_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER aviscaisse_naissance BEFORE INSERT ON public.recouvrement_aviscaisse FOR EACH ROW EXECUTE FUNCTION public.recouvrement_aviscaisse_naissance();


--
-- Name: comptes_annuels_aviscodec aviscodec_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER aviscodec_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.comptes_annuels_aviscodec FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''avis du comité d''examen des comptes enregistré ne se modifie ni ne se supprime.');


--
-- Name: comptes_annuels_aviscodec aviscodec_apres_transmission; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER aviscodec_apres_transmission BEFORE INSERT ON public.comptes_annuels_aviscodec FOR EACH ROW EXECUTE FUNCTION public.comptes_annuels_apres_transmission('Le comité d''examen des comptes rend son avis sur des comptes annuels qui lui ont été transmis, et après leur transmission (D613-41).', 'LG881');


--
-- Name: comptes_annuels_avisfonde avisfonde_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER avisfonde_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.comptes_annuels_avisfonde FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''avis de l''agent comptable sur un fondé de pouvoir ne se modifie ni ne se supprime : un nouvel avis le remplace.');


--
-- Name: responsabilite_avisministres avisministres_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER avisministres_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.responsabilite_avisministres FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''avis des ministres sur la mise en cause de l''agent comptable ne se modifie ni ne se supprime.');


--
-- Name: responsabilite_avisministres avisministres_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER avisministres_naissance BEFORE INSERT ON public.responsabilite_avisministres FOR EACH ROW EXECUTE FUNCTION public.responsabilite_avisministres_naissance();


--
-- Name: ledger_balancefigee balancefigee_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER balancefigee_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.ledger_balancefigee FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une balance figée ne se modifie ni ne se supprime : figez-en une nouvelle.');


--
-- Name: ledger_balancefigee balancefigee_marquer; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER balancefigee_marquer BEFORE INSERT ON public.ledger_balancefigee FOR EACH ROW EXECUTE FUNCTION public.ledger_balancefigee_marquer();


--
-- Name: tresorerie_carnet carnet_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER carnet_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.tresorerie_carnet FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un carnet à souches ne se supprime pas : il se clôt.');


--
-- Name: tresorerie_carnet carnet_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER carnet_verifier BEFORE UPDATE ON public.tresorerie_carnet FOR EACH ROW EXECUTE FUNCTION public.tresorerie_carnet_verifier();


--
-- Name: ledger_chaine chaine_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER chaine_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.ledger_chaine FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('La chaîne d''empreintes ne peut pas être supprimée.');


--
-- Name: ledger_chaine chaine_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER chaine_verifier BEFORE INSERT OR UPDATE ON public.ledger_chaine FOR EACH ROW EXECUTE FUNCTION public.ledger_chaine_verifier();


--
-- Name: ledger_compte compte_reference_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER compte_reference_verifier BEFORE DELETE OR UPDATE ON public.ledger_compte FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_verifier();


--
-- Name: comptes_annuels_comptefinancier comptefinancier_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER comptefinancier_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.comptes_annuels_comptefinancier FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le compte financier établi ne se modifie ni ne se supprime.');


--
-- Name: comptes_annuels_comptefinancier comptefinancier_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER comptefinancier_verifier BEFORE INSERT ON public.comptes_annuels_comptefinancier FOR EACH ROW EXECUTE FUNCTION public.comptes_annuels_comptefinancier_verifier();


--
-- Name: ledger_compteur compteur_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER compteur_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.ledger_compteur FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un compteur d''écritures ne peut pas être supprimé.');


--
-- Name: ledger_compteur compteur_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER compteur_verifier BEFORE INSERT OR UPDATE ON public.ledger_compteur FOR EACH ROW EXECUTE FUNCTION public.ledger_compteur_verifier();


--
-- Name: recettes_compteurordre compteurordre_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER compteurordre_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.recettes_compteurordre FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le compteur des ordres de recette ne se supprime pas.');


--
-- Name: recettes_compteurordre compteurordre_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER compteurordre_verifier BEFORE INSERT OR UPDATE ON public.recettes_compteurordre FOR EACH ROW EXECUTE FUNCTION public.ordres_compteur_verifier('recettes_ordrerecette', 'LG102', 'ordres de recette');


--
-- Name: depenses_compteurordredepense compteurordredepense_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER compteurordredepense_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.depenses_compteurordredepense FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le compteur des ordres de dépense ne se supprime pas.');


--
-- Name: depenses_compteurordredepense compteurordredepense_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER compteurordredepense_verifier BEFORE INSERT OR UPDATE ON public.depenses_compteurordredepense FOR EACH ROW EXECUTE FUNCTION public.ordres_compteur_verifier('depenses_ordredepense', 'LG202', 'ordres de dépense');


--
-- Name: inventaire_contrepassationinventaire contrepassation_inventaire_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER contrepassation_inventaire_figee BEFORE DELETE OR UPDATE OR TRUNCATE ON public.inventaire_contrepassationinventaire FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('La contrepassation des produits à recevoir et charges à payer ne se modifie ni ne se supprime.');


--
-- Name: recettes_controleeffectue controle_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER controle_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recettes_controleeffectue FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un contrôle enregistré ne se modifie ni ne se supprime.');


--
-- Name: depenses_controledepense controle_depense_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER controle_depense_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.depenses_controledepense FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un contrôle enregistré ne se modifie ni ne se supprime.');


--
-- Name: tresorerie_controleregie controle_regie_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER controle_regie_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_controleregie FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le rapport de contrôle d''une régie ne se modifie ni ne se supprime.');


--
-- Name: tresorerie_correctioncoordonnees correction_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER correction_verifier BEFORE INSERT ON public.tresorerie_correctioncoordonnees FOR EACH ROW EXECUTE FUNCTION public.tresorerie_correction_verifier();


--
-- Name: tresorerie_correctioncoordonnees correctioncoordonnees_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER correctioncoordonnees_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_correctioncoordonnees FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une correction de coordonnées bancaires ne se modifie ni ne se supprime : enregistrez-en une nouvelle.');


--
-- Name: comptes_annuels_correspondance correspondance_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER correspondance_ajout_seul BEFORE DELETE OR UPDATE ON public.comptes_annuels_correspondance FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une correspondance de comptes ne se modifie ni ne se supprime : fixez-en une nouvelle à compter d''une date.');


--
-- Name: comptes_annuels_correspondance correspondance_hors_exercice_clos; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER correspondance_hors_exercice_clos BEFORE INSERT ON public.comptes_annuels_correspondance FOR EACH ROW EXECUTE FUNCTION public.comptes_annuels_correspondance_verifier();


--
-- Name: recouvrement_creance creance_transmise_reste_au_directeur; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER creance_transmise_reste_au_directeur BEFORE UPDATE ON public.recouvrement_creance FOR EACH ROW EXECUTE FUNCTION public.recouvrement_creance_transmise();


--
-- Name: budget_credit credit_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER credit_verifier BEFORE INSERT OR DELETE OR UPDATE ON public.budget_credit FOR EACH ROW EXECUTE FUNCTION public.budget_credit_verifier();


--
-- Name: ledger_cumul cumul_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cumul_pas_de_vidage BEFORE TRUNCATE ON public.ledger_cumul FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_cumul_proteger();


--
-- Name: ledger_cumul cumul_proteger; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cumul_proteger BEFORE INSERT OR DELETE OR UPDATE ON public.ledger_cumul FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_cumul_proteger();


--
-- Name: tresorerie_decisionopposition decision_opposition_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_opposition_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_decisionopposition FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une décision de l''agent comptable sur une opposition ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_declarationcreance declarationcreance_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER declarationcreance_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_declarationcreance FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une déclaration de créance enregistrée ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_declarationcreance_creances declarationcreance_creances_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER declarationcreance_creances_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_declarationcreance_creances FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les créances d''une déclaration ne se modifient ni ne se suppriment.');


--
-- Name: recouvrement_delaipaiement delai_echeancier_total; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER delai_echeancier_total AFTER INSERT OR UPDATE OF montant ON public.recouvrement_delaipaiement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.recouvrement_echeancier_verifier();


--
-- Name: personnes_delegation delegation_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER delegation_verifier AFTER INSERT OR UPDATE OF delegant_id, delegataire_id, debut, fin ON public.personnes_delegation FOR EACH ROW EXECUTE FUNCTION public.personnes_delegation_verifier();


--
-- Name: responsabilite_demande demande_approbation_dossier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER demande_approbation_dossier BEFORE UPDATE ON public.responsabilite_demande FOR EACH ROW WHEN ((((old.etat)::text = 'approbation'::text) AND ((new.etat)::text <> 'approbation'::text))) EXECUTE FUNCTION public.responsabilite_demande_exiger_dossier();


--
-- Name: responsabilite_demande demande_jamais_supprimee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER demande_jamais_supprimee BEFORE DELETE OR TRUNCATE ON public.responsabilite_demande FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une demande de décharge ou de remise gracieuse ne se supprime pas.');


--
-- Name: responsabilite_demande demande_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER demande_naissance BEFORE INSERT ON public.responsabilite_demande FOR EACH ROW EXECUTE FUNCTION public.responsabilite_demande_inserer();


--
-- Name: responsabilite_demande demande_prise_en_charge; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER demande_prise_en_charge BEFORE UPDATE ON public.responsabilite_demande FOR EACH ROW EXECUTE FUNCTION public.responsabilite_demande_prise_en_charge();


--
-- Name: responsabilite_demande demande_transitions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER demande_transitions BEFORE UPDATE ON public.responsabilite_demande FOR EACH ROW EXECUTE FUNCTION public.responsabilite_demande_modifier();


--
-- Name: tresorerie_depenseregie depense_regie_arretee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER depense_regie_arretee BEFORE INSERT ON public.tresorerie_depenseregie FOR EACH ROW EXECUTE FUNCTION public.tresorerie_regie_arretee();


--
-- Name: tresorerie_depenseregie depense_regie_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER depense_regie_figee BEFORE DELETE OR UPDATE ON public.tresorerie_depenseregie FOR EACH ROW EXECUTE FUNCTION public.tresorerie_depense_regie_figee();


--
-- Name: tresorerie_depenseregie depense_regie_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER depense_regie_pas_de_vidage BEFORE TRUNCATE ON public.tresorerie_depenseregie FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les dépenses payées par les régisseurs ne se suppriment pas.');


--
-- Name: recouvrement_dispensevisite dispensevisite_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dispensevisite_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_dispensevisite FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une dispense de visite enregistrée ne se modifie ni ne se supprime.');


--
-- Name: responsabilite_dossierdrass dossierdrass_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dossierdrass_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.responsabilite_dossierdrass FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le dossier transmis par la DRASS au ministre ne se modifie ni ne se supprime.');


--
-- Name: responsabilite_dossierdrass dossierdrass_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dossierdrass_naissance BEFORE INSERT ON public.responsabilite_dossierdrass FOR EACH ROW EXECUTE FUNCTION public.responsabilite_dossierdrass_naissance();


--
-- Name: depenses_depensesansordonnancement dso_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dso_pas_de_suppression BEFORE DELETE OR UPDATE OR TRUNCATE ON public.depenses_depensesansordonnancement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une dépense payée sans ordonnancement ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_echeance echeance_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER echeance_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_echeance FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une échéance accordée ne se modifie ni ne se supprime : la défaillance se constate, un délai nouveau s''accorde.');


--
-- Name: recouvrement_echeance echeance_echeancier_total; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER echeance_echeancier_total AFTER INSERT ON public.recouvrement_echeance DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.recouvrement_echeancier_verifier();


--
-- Name: ledger_ecriture ecriture_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ecriture_ajout_seul BEFORE DELETE OR UPDATE ON public.ledger_ecriture FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une écriture comptabilisée ne peut être ni modifiée ni supprimée : passez une écriture de contre-passation.');


--
-- Name: tresorerie_encaissement ecriture_annulation_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_annulation_id_existe AFTER INSERT OR UPDATE OF ecriture_annulation_id ON public.tresorerie_encaissement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_annulation_id');


--
-- Name: ledger_ecriture ecriture_apres_inventaire_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ecriture_apres_inventaire_figee AFTER INSERT ON public.ledger_ecriture REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_ecriture_apres_inventaire();


--
-- Name: depenses_certificatreimputation ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.depenses_certificatreimputation DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: depenses_depensesansordonnancement ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.depenses_depensesansordonnancement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: depenses_ordredepense ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.depenses_ordredepense DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: depenses_reponserequisition ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.depenses_reponserequisition DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: inventaire_contrepassationinventaire ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.inventaire_contrepassationinventaire DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: inventaire_etatinventaire ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.inventaire_etatinventaire DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: recettes_ordrerecette ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.recettes_ordrerecette DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: recettes_reduction ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.recettes_reduction DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: recouvrement_acte ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.recouvrement_acte DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: responsabilite_demande ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.responsabilite_demande DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: responsabilite_nonvaleur ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.responsabilite_nonvaleur DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: responsabilite_ordredebet ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.responsabilite_ordredebet DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: responsabilite_recouvrement ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.responsabilite_recouvrement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: responsabilite_versement ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.responsabilite_versement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_affectation ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_affectation DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_arretecaisse ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_arretecaisse DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_avanceregie ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_avanceregie DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_encaissement ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_encaissement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_etatdepensesregie ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_etatdepensesregie DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_lotpaiement ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_lotpaiement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_retour ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_retour DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: tresorerie_versementregie ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id ON public.tresorerie_versementregie DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'ecriture_id');


--
-- Name: ledger_ecriture ecriture_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ecriture_pas_de_vidage BEFORE TRUNCATE ON public.ledger_ecriture FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le journal des écritures ne peut pas être vidé.');


--
-- Name: ledger_ecriture ecriture_verifier_a_nouveaux; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ecriture_verifier_a_nouveaux AFTER INSERT ON public.ledger_ecriture REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_ecriture_verifier_a_nouveaux();


--
-- Name: ledger_ecriture ecriture_verifier_contrepassation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ecriture_verifier_contrepassation AFTER INSERT ON public.ledger_ecriture REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_ecriture_verifier_contrepassation();


--
-- Name: ledger_ecriture ecriture_verifier_insertion; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ecriture_verifier_insertion AFTER INSERT ON public.ledger_ecriture REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_ecriture_verifier_insertion();


--
-- Name: tresorerie_encaissement encaissement_encaisseur_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER encaissement_encaisseur_verifier BEFORE INSERT ON public.tresorerie_encaissement FOR EACH ROW EXECUTE FUNCTION public.tresorerie_encaisseur_verifier();


--
-- Name: tresorerie_encaissement encaissement_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER encaissement_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.tresorerie_encaissement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un encaissement ne se supprime pas : il s''annule par contre-passation.');


--
-- Name: tresorerie_encaissement encaissement_regie_arretee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER encaissement_regie_arretee BEFORE INSERT ON public.tresorerie_encaissement FOR EACH ROW EXECUTE FUNCTION public.tresorerie_regie_arretee();


--
-- Name: tresorerie_encaissement encaissement_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER encaissement_verifier BEFORE UPDATE ON public.tresorerie_encaissement FOR EACH ROW EXECUTE FUNCTION public.tresorerie_encaissement_verifier();


--
-- Name: ledger_enregistrement enregistrement_pas_de_modification; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER enregistrement_pas_de_modification BEFORE UPDATE ON public.ledger_enregistrement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une écriture enregistrée ne se modifie pas : elle est validée telle quelle ou rejetée.');


--
-- Name: ledger_enregistrement enregistrement_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER enregistrement_pas_de_vidage BEFORE TRUNCATE ON public.ledger_enregistrement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les écritures enregistrées ne peuvent pas être vidées.');


--
-- Name: ledger_enregistrement enregistrement_sortie; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER enregistrement_sortie AFTER DELETE ON public.ledger_enregistrement REFERENCING OLD TABLE AS anciennes FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_enregistrement_sortie();


--
-- Name: ledger_enregistrement enregistrement_verifier_a_nouveaux; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER enregistrement_verifier_a_nouveaux BEFORE INSERT ON public.ledger_enregistrement FOR EACH ROW EXECUTE FUNCTION public.ledger_enregistrement_verifier_a_nouveaux();


--
-- Name: recouvrement_envoietatnominatif envoi_etat_nominatif_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER envoi_etat_nominatif_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_envoietatnominatif FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''envoi d''un état nominatif semestriel ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_envoiliste envoi_liste_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER envoi_liste_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_envoiliste FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une liste adressée au directeur ne se modifie ni ne se supprime : un envoi nouveau la complète.');


--
-- Name: ledger_envoibalance envoibalance_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER envoibalance_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.ledger_envoibalance FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''envoi d''une balance enregistré ne se modifie ni ne se supprime.');


--
-- Name: ledger_envoibalance envoibalance_date; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER envoibalance_date AFTER INSERT ON public.ledger_envoibalance REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_envoibalance_verifier();


--
-- Name: tresorerie_etatdepensesregie etat_depenses_regie_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER etat_depenses_regie_fige BEFORE DELETE OR UPDATE ON public.tresorerie_etatdepensesregie FOR EACH ROW EXECUTE FUNCTION public.tresorerie_etat_depenses_regie_fige();


--
-- Name: tresorerie_etatdepensesregie etat_depenses_regie_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER etat_depenses_regie_pas_de_vidage BEFORE TRUNCATE ON public.tresorerie_etatdepensesregie FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les états des dépenses des régies ne se suppriment pas.');


--
-- Name: inventaire_etatinventaire etat_inventaire_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER etat_inventaire_fige BEFORE DELETE OR UPDATE OR TRUNCATE ON public.inventaire_etatinventaire FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un état d''inventaire signé ne se modifie ni ne se supprime : une erreur se corrige par un nouvel état.');


--
-- Name: inventaire_etatinventaire etat_inventaire_numero; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER etat_inventaire_numero BEFORE INSERT ON public.inventaire_etatinventaire FOR EACH ROW EXECUTE FUNCTION public.inventaire_etat_numeroter();


--
-- Name: recouvrement_envoietatnominatif etat_nominatif_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER etat_nominatif_verifier BEFORE INSERT ON public.recouvrement_envoietatnominatif FOR EACH ROW EXECUTE FUNCTION public.recouvrement_etat_nominatif_verifier();


--
-- Name: recouvrement_evenementprocedure evenementprocedure_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER evenementprocedure_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_evenementprocedure FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un événement de procédure collective enregistré ne se modifie ni ne se supprime.');


--
-- Name: ledger_exercice exercice_partitionner; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER exercice_partitionner AFTER INSERT ON public.ledger_exercice FOR EACH ROW EXECUTE FUNCTION public.ledger_exercice_partitionner();


--
-- Name: ledger_exercice exercice_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER exercice_verifier BEFORE DELETE OR UPDATE ON public.ledger_exercice FOR EACH ROW EXECUTE FUNCTION public.ledger_exercice_verifier();


--
-- Name: oppositions_imputation imputation_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER imputation_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.oppositions_imputation FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un versement imputé sur une opposition ne se modifie ni ne se supprime : il a été payé à l''opposant.');


--
-- Name: oppositions_imputation imputation_dans_le_montant; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER imputation_dans_le_montant BEFORE INSERT ON public.oppositions_imputation FOR EACH ROW EXECUTE FUNCTION public.oppositions_imputation_verifier();


--
-- Name: oppositions_imputation imputation_restituee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER imputation_restituee BEFORE INSERT ON public.oppositions_imputation FOR EACH ROW WHEN ((new.montant < (0)::numeric)) EXECUTE FUNCTION public.tresorerie_imputation_restituee();


--
-- Name: personnes_installation installation_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER installation_figee BEFORE DELETE OR UPDATE ON public.personnes_installation FOR EACH ROW EXECUTE FUNCTION public.personnes_installation_figee();


--
-- Name: personnes_interim interim_chaine_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER interim_chaine_verifier AFTER INSERT OR UPDATE OF utilisateur_id, nature, debut, fin ON public.personnes_interim FOR EACH ROW EXECUTE FUNCTION public.personnes_interim_chaine_verifier();


--
-- Name: personnes_interim interim_termes_figes; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER interim_termes_figes BEFORE UPDATE OF portee, attributions, nomme_le, deliberation ON public.personnes_interim FOR EACH ROW WHEN ((((old.portee)::text IS DISTINCT FROM (new.portee)::text) OR ((old.attributions)::text IS DISTINCT FROM (new.attributions)::text) OR (old.nomme_le IS DISTINCT FROM new.nomme_le) OR ((old.deliberation)::text IS DISTINCT FROM (new.deliberation)::text))) EXECUTE FUNCTION public.personnes_interim_termes_figes();


--
-- Name: personnes_interim interim_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER interim_verifier AFTER INSERT OR UPDATE OF utilisateur_id, debut, fin ON public.personnes_interim FOR EACH ROW EXECUTE FUNCTION public.personnes_interim_verifier();


--
-- Name: core_jetonconsomme jeton_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER jeton_fige BEFORE UPDATE ON public.core_jetonconsomme FOR EACH ROW EXECUTE FUNCTION public.core_jeton_fige();


--
-- Name: core_jetonconsomme jeton_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER jeton_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.core_jetonconsomme FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un jeton de formulaire consommé ne se supprime pas : le formulaire qui le portait serait accepté une seconde fois.');


--
-- Name: ledger_journal journal_reference_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER journal_reference_verifier BEFORE DELETE OR UPDATE ON public.ledger_journal FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_verifier();


--
-- Name: ledger_ligne ligne_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ligne_ajout_seul BEFORE DELETE OR UPDATE ON public.ledger_ligne FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une ligne d''écriture comptabilisée ne peut être ni modifiée ni supprimée : passez une écriture de contre-passation.');


--
-- Name: ledger_ligne ligne_caisse_arretee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ligne_caisse_arretee AFTER INSERT ON public.ledger_ligne REFERENCING NEW TABLE AS nouvelles_lignes FOR EACH STATEMENT EXECUTE FUNCTION public.tresorerie_caisse_arretee();


--
-- Name: depenses_ligneordredepense ligne_depense_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ligne_depense_fige BEFORE INSERT OR DELETE OR UPDATE ON public.depenses_ligneordredepense FOR EACH ROW EXECUTE FUNCTION public.ordres_detail_fige('depenses_ordredepense', 'LG215', 'ordre de dépense', '');


--
-- Name: tresorerie_rapprochement_lignes_ecriture ligne_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ligne_id_existe AFTER INSERT OR UPDATE OF ligne_id ON public.tresorerie_rapprochement_lignes_ecriture DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ligne', 'ligne_id');


--
-- Name: recettes_ligneordrerecette ligne_ordre_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ligne_ordre_fige BEFORE INSERT OR DELETE OR UPDATE ON public.recettes_ligneordrerecette FOR EACH ROW EXECUTE FUNCTION public.ordres_detail_fige('recettes_ordrerecette', 'LG115', 'ordre de recette', '');


--
-- Name: ledger_ligne ligne_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ligne_pas_de_vidage BEFORE TRUNCATE ON public.ledger_ligne FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les lignes d''écriture ne peuvent pas être vidées.');


--
-- Name: tresorerie_lignereleve ligne_releve_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ligne_releve_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_lignereleve FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une ligne de relevé importée ne se modifie ni ne se supprime.');


--
-- Name: ledger_ligne ligne_verifier_insertion; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ligne_verifier_insertion AFTER INSERT ON public.ledger_ligne REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_ligne_verifier_insertion();


--
-- Name: ledger_lignebalancefigee lignebalancefigee_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lignebalancefigee_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.ledger_lignebalancefigee FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une ligne de balance figée ne se modifie ni ne se supprime : figez une nouvelle balance.');


--
-- Name: ledger_lignebalancefigee lignebalancefigee_meme_transaction; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lignebalancefigee_meme_transaction AFTER INSERT ON public.ledger_lignebalancefigee REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_lignebalancefigee_verifier();


--
-- Name: ledger_lot lot_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lot_ajout_seul BEFORE DELETE OR UPDATE ON public.ledger_lot FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les lots de comptabilisation ne peuvent être ni modifiés ni supprimés.');


--
-- Name: ledger_lot_controle lot_controle_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lot_controle_ajout_seul BEFORE DELETE OR UPDATE ON public.ledger_lot_controle FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les contrôles de lots ne peuvent être ni modifiés ni supprimés.');


--
-- Name: ledger_lot_controle lot_controle_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lot_controle_pas_de_vidage BEFORE TRUNCATE ON public.ledger_lot_controle FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les contrôles de lots ne peuvent pas être vidés.');


--
-- Name: tresorerie_lotpaiement lot_paiement_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lot_paiement_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_lotpaiement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un lot de paiements émis ne se modifie ni ne se supprime.');


--
-- Name: ledger_lot lot_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lot_pas_de_vidage BEFORE TRUNCATE ON public.ledger_lot FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les lots de comptabilisation ne peuvent pas être vidés.');


--
-- Name: tresorerie_lotpaiement lot_solde; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lot_solde AFTER INSERT ON public.tresorerie_lotpaiement FOR EACH ROW EXECUTE FUNCTION public.tresorerie_lot_solde();


--
-- Name: ledger_lot lot_verifier_equilibre; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER lot_verifier_equilibre AFTER INSERT ON public.ledger_lot DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_lot_verifier_equilibre();


--
-- Name: personnes_mandat mandat_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mandat_fige BEFORE DELETE OR UPDATE ON public.personnes_mandat FOR EACH ROW EXECUTE FUNCTION public.personnes_mandat_fige();


--
-- Name: responsabilite_miseencause miseencause_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER miseencause_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.responsabilite_miseencause FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('La mise en cause de l''agent comptable enregistrée ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_miseendemeure miseendemeure_avis; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER miseendemeure_avis BEFORE UPDATE ON public.recouvrement_miseendemeure FOR EACH ROW EXECUTE FUNCTION public.recouvrement_miseendemeure_avis();


--
-- Name: recouvrement_miseendemeure miseendemeure_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER miseendemeure_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.recouvrement_miseendemeure FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une mise en demeure enregistrée ne se supprime pas.');


--
-- Name: recouvrement_miseendemeurecreance miseendemeurecreance_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER miseendemeurecreance_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_miseendemeurecreance FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les créances d''une mise en demeure ne se modifient ni ne se suppriment.');


--
-- Name: budget_modificationcredit modificationcredit_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER modificationcredit_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.budget_modificationcredit FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une décision modificative de crédits ne se modifie ni ne se supprime : prenez une nouvelle décision de sens contraire.');


--
-- Name: budget_modificationcredit modificationcredit_reporter; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER modificationcredit_reporter AFTER INSERT ON public.budget_modificationcredit REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.budget_modification_reporter();


--
-- Name: budget_mouvementcredit mouvementcredit_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mouvementcredit_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.budget_mouvementcredit FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un mouvement de crédit ne se modifie ni ne se supprime : passez un mouvement de sens contraire (un engagement se réduit par une libération).');


--
-- Name: budget_mouvementcredit mouvementcredit_depaye; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mouvementcredit_depaye AFTER INSERT ON public.budget_mouvementcredit REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.tresorerie_credit_depaye();


--
-- Name: budget_mouvementcredit mouvementcredit_reporter; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mouvementcredit_reporter AFTER INSERT ON public.budget_mouvementcredit REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.budget_mouvement_reporter();


--
-- Name: responsabilite_nonvaleur nonvaleur_comptabilisation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER nonvaleur_comptabilisation BEFORE UPDATE ON public.responsabilite_nonvaleur FOR EACH ROW EXECUTE FUNCTION public.responsabilite_nonvaleur_modifier();


--
-- Name: responsabilite_nonvaleur nonvaleur_jamais_supprimee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER nonvaleur_jamais_supprimee BEFORE DELETE OR TRUNCATE ON public.responsabilite_nonvaleur FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une admission en non-valeur ne se supprime pas.');


--
-- Name: responsabilite_nonvaleur nonvaleur_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER nonvaleur_naissance BEFORE INSERT ON public.responsabilite_nonvaleur FOR EACH ROW EXECUTE FUNCTION public.responsabilite_nonvaleur_inserer();


--
-- Name: responsabilite_notificationassociation notification_association_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER notification_association_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.responsabilite_notificationassociation FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('La notification du débet à l''association de cautionnement mutuel ne se modifie ni ne se supprime.');


--
-- Name: oppositions_opposition opposition_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER opposition_figee BEFORE UPDATE ON public.oppositions_opposition FOR EACH ROW EXECUTE FUNCTION public.oppositions_opposition_figer();


--
-- Name: oppositions_opposition opposition_identifiant_normal; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER opposition_identifiant_normal BEFORE INSERT OR UPDATE OF creancier_identifiant, creancier_iban ON public.oppositions_opposition FOR EACH ROW EXECUTE FUNCTION public.oppositions_identifiant_verifier();


--
-- Name: oppositions_opposition opposition_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER opposition_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.oppositions_opposition FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une opposition ne se supprime pas : elle prend fin par une mainlevée (circulaire 93/82 §2.1.5).');


--
-- Name: depenses_ordredepense ordre_depense_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_depense_fige BEFORE UPDATE ON public.depenses_ordredepense FOR EACH ROW EXECUTE FUNCTION public.ordres_ordre_fige('LG2', 'ordre de dépense', 'depenses_ligneordredepense', '{transmis_le,vise_le,vise_par_id,ecriture_id,motif_abandon,paye_le,paiement_moyen,paiement_reference,paye_par_id}', '{brouillon>signe,brouillon>abandonne,signe>transmis,transmis>vise,transmis>suspendu,transmis>remplace,suspendu>transmis,suspendu>retire,suspendu>requis,requis>vise,requis>suspendu,vise>paye,vise>remplace,paye>vise}', '');


--
-- Name: depenses_ordredepense ordre_depense_mention_paiement; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_depense_mention_paiement BEFORE UPDATE ON public.depenses_ordredepense FOR EACH ROW EXECUTE FUNCTION public.tresorerie_mention_paiement();


--
-- Name: depenses_ordredepense ordre_depense_numero_avancer; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_depense_numero_avancer AFTER INSERT ON public.depenses_ordredepense FOR EACH ROW EXECUTE FUNCTION public.ordres_numero_avancer('depenses_compteurordredepense');


--
-- Name: depenses_ordredepense ordre_depense_numero_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_depense_numero_verifier BEFORE INSERT ON public.depenses_ordredepense FOR EACH ROW EXECUTE FUNCTION public.ordres_numero_verifier('depenses_compteurordredepense', 'LG201', 'ordres de dépense');


--
-- Name: depenses_ordredepense ordre_depense_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_depense_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.depenses_ordredepense FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un ordre de dépense ne se supprime pas : un brouillon s''abandonne, un ordre transmis se retire.');


--
-- Name: depenses_ordredepense ordre_depense_pieces_exigees; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_depense_pieces_exigees BEFORE UPDATE ON public.depenses_ordredepense FOR EACH ROW WHEN ((((old.etat)::text = 'brouillon'::text) AND ((new.etat)::text = 'signe'::text))) EXECUTE FUNCTION public.ordres_pieces_exigees('depenses_piecedepense', 'LG217', 'ordre de dépense', 'circulaire 93/82 §2.1.3');


--
-- Name: depenses_ordredepense ordre_depense_requis_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_depense_requis_verifier BEFORE UPDATE OF etat ON public.depenses_ordredepense FOR EACH ROW WHEN ((((old.etat)::text IS DISTINCT FROM (new.etat)::text) AND (('requis'::text = (old.etat)::text) OR ('requis'::text = (new.etat)::text)))) EXECUTE FUNCTION public.depenses_ordre_requis_verifier();


--
-- Name: recettes_ordrerecette ordre_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_fige BEFORE UPDATE ON public.recettes_ordrerecette FOR EACH ROW EXECUTE FUNCTION public.ordres_ordre_fige('LG1', 'ordre de recette', 'recettes_ligneordrerecette', '{transmis_le,pris_en_charge_le,pris_en_charge_par_id,ecriture_id,motif_rejet,rejete_le,motif_abandon}', '{brouillon>signe,brouillon>abandonne,signe>transmis,transmis>pris_en_charge,transmis>rejete,rejete>brouillon,rejete>abandonne,pris_en_charge>annule}', ' (ordre de réduction ou d''annulation seulement)');


--
-- Name: recettes_ordrerecette ordre_numero_avancer; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_numero_avancer AFTER INSERT ON public.recettes_ordrerecette FOR EACH ROW EXECUTE FUNCTION public.ordres_numero_avancer('recettes_compteurordre');


--
-- Name: recettes_ordrerecette ordre_numero_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_numero_verifier BEFORE INSERT ON public.recettes_ordrerecette FOR EACH ROW EXECUTE FUNCTION public.ordres_numero_verifier('recettes_compteurordre', 'LG101', 'ordres de recette');


--
-- Name: recettes_ordrerecette ordre_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.recettes_ordrerecette FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un ordre de recette ne se supprime pas : un brouillon s''abandonne, un ordre pris en charge s''annule par un ordre d''annulation.');


--
-- Name: recettes_ordrerecette ordre_pieces_exigees; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordre_pieces_exigees BEFORE UPDATE ON public.recettes_ordrerecette FOR EACH ROW WHEN ((((old.etat)::text = 'brouillon'::text) AND ((new.etat)::text = 'signe'::text))) EXECUTE FUNCTION public.ordres_pieces_exigees('recettes_piecejustificative', 'LG117', 'ordre de recette', 'circulaire 93/82 §2.0.2');


--
-- Name: responsabilite_ordredebet ordredebet_jamais_supprime; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordredebet_jamais_supprime BEFORE DELETE OR TRUNCATE ON public.responsabilite_ordredebet FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('L''ordre de recette émis à l''encontre de l''agent comptable ne se supprime pas.');


--
-- Name: responsabilite_ordredebet ordredebet_numero; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordredebet_numero BEFORE INSERT ON public.responsabilite_ordredebet FOR EACH ROW EXECUTE FUNCTION public.responsabilite_ordredebet_numeroter();


--
-- Name: responsabilite_ordredebet ordredebet_sursis; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordredebet_sursis BEFORE UPDATE ON public.responsabilite_ordredebet FOR EACH ROW EXECUTE FUNCTION public.responsabilite_ordredebet_sursis();


--
-- Name: responsabilite_ordredebet ordredebet_transitions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ordredebet_transitions BEFORE UPDATE ON public.responsabilite_ordredebet FOR EACH ROW EXECUTE FUNCTION public.responsabilite_ordredebet_modifier();


--
-- Name: tresorerie_paiement paiement_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER paiement_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_paiement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un paiement émis ne se modifie ni ne se supprime.');


--
-- Name: tresorerie_paiement paiement_oppositions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER paiement_oppositions AFTER INSERT ON public.tresorerie_paiement REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.tresorerie_paiement_oppositions();


--
-- Name: depenses_ordredepense paiement_separation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER paiement_separation AFTER UPDATE ON public.depenses_ordredepense REFERENCING OLD TABLE AS anciens NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.depenses_paiement_separation();


--
-- Name: tresorerie_paiement paiement_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER paiement_verifier AFTER INSERT ON public.tresorerie_paiement REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.tresorerie_paiement_verifier();


--
-- Name: depenses_piecedepense piece_depense_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER piece_depense_fige BEFORE INSERT OR DELETE OR UPDATE ON public.depenses_piecedepense FOR EACH ROW EXECUTE FUNCTION public.ordres_detail_fige('depenses_ordredepense', 'LG215', 'ordre de dépense', 'suspendu');


--
-- Name: recettes_piecejustificative piece_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER piece_fige BEFORE INSERT OR DELETE OR UPDATE ON public.recettes_piecejustificative FOR EACH ROW EXECUTE FUNCTION public.ordres_detail_fige('recettes_ordrerecette', 'LG115', 'ordre de recette', '');


--
-- Name: recouvrement_poursuite poursuite_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER poursuite_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_poursuite FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une procédure de recouvrement forcé enregistrée ne se modifie ni ne se supprime.');


--
-- Name: recouvrement_poursuite poursuite_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER poursuite_naissance BEFORE INSERT ON public.recouvrement_poursuite FOR EACH ROW EXECUTE FUNCTION public.recouvrement_poursuite_naissance();


--
-- Name: recouvrement_procedurecollective procedurecollective_issue; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER procedurecollective_issue BEFORE UPDATE ON public.recouvrement_procedurecollective FOR EACH ROW EXECUTE FUNCTION public.recouvrement_procedure_issue();


--
-- Name: recouvrement_procedurecollective procedurecollective_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER procedurecollective_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.recouvrement_procedurecollective FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une procédure collective enregistrée ne se supprime pas.');


--
-- Name: personnes_procuration procuration_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER procuration_figee BEFORE DELETE OR UPDATE OF fonde_id, agent_comptable_id, debut, agreee_le, deliberation, actes, montant_max ON public.personnes_procuration FOR EACH ROW EXECUTE FUNCTION public.personnes_procuration_figee();


--
-- Name: personnes_procuration procuration_fondes_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER procuration_fondes_verifier AFTER INSERT OR UPDATE OF fonde_id, debut, fin ON public.personnes_procuration FOR EACH ROW EXECUTE FUNCTION public.personnes_fondes_verifier();


--
-- Name: personnes_prorogationreserves prorogation_reserves_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER prorogation_reserves_figee BEFORE DELETE OR UPDATE ON public.personnes_prorogationreserves FOR EACH ROW EXECUTE FUNCTION public.personnes_installation_figee();


--
-- Name: tresorerie_quittance quittance_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER quittance_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_quittance FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une quittance ou un reçu ne se modifie jamais : une erreur s''annule par un nouveau document qui le référence (circulaire 93/82 §2.0.6).');


--
-- Name: tresorerie_quittance quittance_numeroter; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER quittance_numeroter BEFORE INSERT ON public.tresorerie_quittance FOR EACH ROW EXECUTE FUNCTION public.tresorerie_quittance_numeroter();


--
-- Name: comptes_annuels_quitus quitus_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER quitus_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.comptes_annuels_quitus FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le quitus enregistré ne se modifie ni ne se supprime.');


--
-- Name: comptes_annuels_quitus quitus_apres_approbation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER quitus_apres_approbation BEFORE INSERT ON public.comptes_annuels_quitus FOR EACH ROW EXECUTE FUNCTION public.comptes_annuels_quitus_verifier();


--
-- Name: recouvrement_recoursamiable recoursamiable_decision; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER recoursamiable_decision BEFORE UPDATE ON public.recouvrement_recoursamiable FOR EACH ROW EXECUTE FUNCTION public.recouvrement_recours_decision();


--
-- Name: recouvrement_recoursamiable recoursamiable_naissance; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER recoursamiable_naissance BEFORE INSERT ON public.recouvrement_recoursamiable FOR EACH ROW EXECUTE FUNCTION public.recouvrement_recours_naissance();


--
-- Name: recouvrement_recoursamiable recoursamiable_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER recoursamiable_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.recouvrement_recoursamiable FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une réclamation devant la commission de recours amiable ne se supprime pas.');


--
-- Name: responsabilite_recouvrement recouvrement_jamais_supprime; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER recouvrement_jamais_supprime BEFORE DELETE OR TRUNCATE ON public.responsabilite_recouvrement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un recouvrement sur le débiteur ne se supprime pas.');


--
-- Name: responsabilite_recouvrement recouvrement_repartition; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER recouvrement_repartition BEFORE INSERT ON public.responsabilite_recouvrement FOR EACH ROW EXECUTE FUNCTION public.responsabilite_recouvrement_inserer();


--
-- Name: responsabilite_recouvrement recouvrement_reversement; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER recouvrement_reversement BEFORE UPDATE ON public.responsabilite_recouvrement FOR EACH ROW EXECUTE FUNCTION public.responsabilite_recouvrement_modifier();


--
-- Name: recettes_reduction reduction_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reduction_figee BEFORE UPDATE ON public.recettes_reduction FOR EACH ROW EXECUTE FUNCTION public.recettes_reduction_figee();


--
-- Name: recettes_reduction reduction_ligne; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reduction_ligne BEFORE INSERT OR UPDATE OF ligne_id, ordre_id ON public.recettes_reduction FOR EACH ROW EXECUTE FUNCTION public.recettes_reduction_ligne();


--
-- Name: recettes_reduction reduction_pas_de_suppression; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reduction_pas_de_suppression BEFORE DELETE OR TRUNCATE ON public.recettes_reduction FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un ordre de réduction ne se supprime pas.');


--
-- Name: recettes_reduction reduction_separation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reduction_separation BEFORE INSERT OR UPDATE OF signataire_id, pris_en_charge_par_id ON public.recettes_reduction FOR EACH ROW EXECUTE FUNCTION public.recettes_reduction_separation();


--
-- Name: tresorerie_regie regie_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER regie_verifier BEFORE INSERT OR UPDATE ON public.tresorerie_regie FOR EACH ROW EXECUTE FUNCTION public.tresorerie_regie_verifier();


--
-- Name: depenses_certificatreimputation reimputation_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reimputation_pas_de_vidage BEFORE TRUNCATE ON public.depenses_certificatreimputation FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les certificats de réimputation ne se suppriment pas.');


--
-- Name: depenses_certificatreimputation reimputation_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reimputation_verifier BEFORE INSERT OR DELETE OR UPDATE ON public.depenses_certificatreimputation FOR EACH ROW EXECUTE FUNCTION public.depenses_reimputation_verifier();


--
-- Name: ledger_rejet rejet_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER rejet_ajout_seul BEFORE DELETE OR UPDATE ON public.ledger_rejet FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les rejets d''écritures ne peuvent être ni modifiés ni supprimés.');


--
-- Name: ledger_rejet rejet_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER rejet_pas_de_vidage BEFORE TRUNCATE ON public.ledger_rejet FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les rejets d''écritures ne peuvent pas être vidés.');


--
-- Name: tresorerie_releve releve_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER releve_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_releve FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un relevé importé ne se modifie ni ne se supprime.');


--
-- Name: responsabilite_demande rembourse_ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER rembourse_ecriture_id_existe AFTER INSERT OR UPDATE OF rembourse_ecriture_id ON public.responsabilite_demande DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'rembourse_ecriture_id');


--
-- Name: comptes_annuels_renvoiministre renvoiministre_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER renvoiministre_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.comptes_annuels_renvoiministre FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('La transmission des comptes au ministre enregistrée ne se modifie ni ne se supprime.');


--
-- Name: comptes_annuels_renvoiministre renvoiministre_apres_transmission; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER renvoiministre_apres_transmission BEFORE INSERT ON public.comptes_annuels_renvoiministre FOR EACH ROW EXECUTE FUNCTION public.comptes_annuels_apres_transmission('Le directeur régional transmet au ministre des comptes annuels qui lui ont été transmis, et après leur transmission (D613-41).', 'LG882');


--
-- Name: depenses_reponserequisition reponse_requisition_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reponse_requisition_verifier BEFORE INSERT ON public.depenses_reponserequisition FOR EACH ROW EXECUTE FUNCTION public.depenses_reponse_requisition_verifier();


--
-- Name: depenses_reponserequisition reponserequisition_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reponserequisition_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.depenses_reponserequisition FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('La réponse de l''agent comptable à une réquisition ne se modifie ni ne se supprime.');


--
-- Name: depenses_requisition requisition_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER requisition_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.depenses_requisition FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une réquisition ne se modifie ni ne se supprime.');


--
-- Name: depenses_requisition requisition_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER requisition_verifier BEFORE INSERT ON public.depenses_requisition FOR EACH ROW EXECUTE FUNCTION public.depenses_requisition_verifier();


--
-- Name: personnes_reserve reserve_dans_le_delai; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reserve_dans_le_delai BEFORE INSERT ON public.personnes_reserve FOR EACH ROW EXECUTE FUNCTION public.personnes_reserve_dans_le_delai();


--
-- Name: personnes_reserve reserve_figee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reserve_figee BEFORE DELETE OR UPDATE ON public.personnes_reserve FOR EACH ROW EXECUTE FUNCTION public.personnes_installation_figee();


--
-- Name: tresorerie_retour retour_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER retour_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.tresorerie_retour FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un virement retourné par la banque ne se modifie ni ne se supprime.');


--
-- Name: tresorerie_retour retour_marquer; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER retour_marquer BEFORE INSERT ON public.tresorerie_retour FOR EACH ROW EXECUTE FUNCTION public.tresorerie_retour_marquer();


--
-- Name: tresorerie_retour retour_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER retour_verifier BEFORE INSERT ON public.tresorerie_retour FOR EACH ROW EXECUTE FUNCTION public.tresorerie_retour_verifier();


--
-- Name: responsabilite_recouvrement reverse_ecriture_id_existe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER reverse_ecriture_id_existe AFTER INSERT OR UPDATE OF reverse_ecriture_id ON public.responsabilite_recouvrement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_existe('ledger_ecriture', 'reverse_ecriture_id');


--
-- Name: depenses_servicefait service_fait_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER service_fait_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.depenses_servicefait FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une attestation de service fait ne se modifie ni ne se supprime.');


--
-- Name: recettes_signature signature_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER signature_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recettes_signature FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une signature ne se modifie ni ne se supprime.');


--
-- Name: depenses_signaturedepense signature_depense_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER signature_depense_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.depenses_signaturedepense FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une signature ne se modifie ni ne se supprime.');


--
-- Name: depenses_tiragecontroledepense tirage_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tirage_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.depenses_tiragecontroledepense FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un tirage du plan de contrôle ne se modifie ni ne se supprime : il se rejoue.');


--
-- Name: recettes_tiragecontrole tirage_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tirage_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recettes_tiragecontrole FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Un tirage du plan de contrôle ne se modifie ni ne se supprime : il se rejoue.');


--
-- Name: depenses_tiragecontroledepense tirage_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tirage_verifier AFTER INSERT ON public.depenses_tiragecontroledepense REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.depenses_tirage_verifier();


--
-- Name: recettes_tiragecontrole tirage_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tirage_verifier AFTER INSERT ON public.recettes_tiragecontrole REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION public.recettes_tirage_verifier();


--
-- Name: comptes_annuels_transmissioncomptes transmissioncomptes_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER transmissioncomptes_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.comptes_annuels_transmissioncomptes FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('La transmission des comptes annuels enregistrée ne se modifie ni ne se supprime.');


--
-- Name: comptes_annuels_transmissioncomptes transmissioncomptes_apres_arrete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER transmissioncomptes_apres_arrete BEFORE INSERT ON public.comptes_annuels_transmissioncomptes FOR EACH ROW EXECUTE FUNCTION public.comptes_annuels_transmission_verifier();


--
-- Name: auth_user utilisateur_reference_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER utilisateur_reference_verifier BEFORE DELETE OR UPDATE ON public.auth_user FOR EACH ROW EXECUTE FUNCTION public.ledger_reference_verifier();


--
-- Name: ledger_validation validation_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER validation_ajout_seul BEFORE DELETE OR UPDATE ON public.ledger_validation FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les validations d''écritures ne peuvent être ni modifiées ni supprimées.');


--
-- Name: ledger_validation validation_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER validation_pas_de_vidage BEFORE TRUNCATE ON public.ledger_validation FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les validations d''écritures ne peuvent pas être vidées.');


--
-- Name: responsabilite_versement versement_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER versement_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.responsabilite_versement FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Le versement de l''agent comptable sur ses deniers ne se modifie ni ne se supprime.');


--
-- Name: responsabilite_versement versement_plafond; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER versement_plafond BEFORE INSERT ON public.responsabilite_versement FOR EACH ROW EXECUTE FUNCTION public.responsabilite_versement_inserer();


--
-- Name: tresorerie_versementregie versement_regie_arretee; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER versement_regie_arretee BEFORE INSERT ON public.tresorerie_versementregie FOR EACH ROW EXECUTE FUNCTION public.tresorerie_versement_regie_arretee();


--
-- Name: tresorerie_versementregie versement_regie_fige; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER versement_regie_fige BEFORE DELETE OR UPDATE ON public.tresorerie_versementregie FOR EACH ROW EXECUTE FUNCTION public.tresorerie_versement_regie_fige();


--
-- Name: tresorerie_versementregie versement_regie_pas_de_vidage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER versement_regie_pas_de_vidage BEFORE TRUNCATE ON public.tresorerie_versementregie FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Les versements des régies ne se suppriment pas.');


--
-- Name: tresorerie_versementregie versement_regie_verifier; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER versement_regie_verifier BEFORE INSERT OR UPDATE ON public.tresorerie_versementregie FOR EACH ROW EXECUTE FUNCTION public.tresorerie_versement_regie_verifier();


--
-- Name: recouvrement_visitehuissier visitehuissier_ajout_seul; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER visitehuissier_ajout_seul BEFORE DELETE OR UPDATE OR TRUNCATE ON public.recouvrement_visitehuissier FOR EACH STATEMENT EXECUTE FUNCTION public.caisse_refuser('Une visite d''huissier enregistrée ne se modifie ni ne se supprime.');


--
-- Name: auth_group_permissions auth_group_permissio_permission_id_84c5c92e_fk_auth_perm; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissio_permission_id_84c5c92e_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_group_permissions auth_group_permissions_group_id_b120cbf9_fk_auth_group_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_b120cbf9_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_permission auth_permission_content_type_id_2f476e4b_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_2f476e4b_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_groups auth_user_groups_group_id_97559544_fk_auth_group_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_group_id_97559544_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_groups auth_user_groups_user_id_6a12ed8b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_6a12ed8b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_user_permissions auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_user_permissions auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: authtoken_token authtoken_token_user_id_35299eff_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.authtoken_token
    ADD CONSTRAINT authtoken_token_user_id_35299eff_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budget_credit budget_credit_exercice_id_87822cb4_fk_ledger_exercice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_credit
    ADD CONSTRAINT budget_credit_exercice_id_87822cb4_fk_ledger_exercice_id FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budget_modificationcredit budget_modificationc_credit_id_9febb5e9_fk_budget_cr; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_modificationcredit
    ADD CONSTRAINT budget_modificationc_credit_id_9febb5e9_fk_budget_cr FOREIGN KEY (credit_id) REFERENCES public.budget_credit(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budget_modificationcredit budget_modificationcredit_par_id_421cb33e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_modificationcredit
    ADD CONSTRAINT budget_modificationcredit_par_id_421cb33e_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budget_mouvementcredit budget_mouvementcredit_credit_id_c52ff30d_fk_budget_credit_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_mouvementcredit
    ADD CONSTRAINT budget_mouvementcredit_credit_id_c52ff30d_fk_budget_credit_id FOREIGN KEY (credit_id) REFERENCES public.budget_credit(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budget_mouvementcredit budget_mouvementcredit_par_id_b34fd5aa_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget_mouvementcredit
    ADD CONSTRAINT budget_mouvementcredit_par_id_b34fd5aa_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_approbation comptes_annuels_appr_enregistre_par_id_5be2cdba_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_approbation
    ADD CONSTRAINT comptes_annuels_appr_enregistre_par_id_5be2cdba_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_approbation comptes_annuels_appr_exercice_id_1af0af90_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_approbation
    ADD CONSTRAINT comptes_annuels_appr_exercice_id_1af0af90_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_avisfonde comptes_annuels_avis_enregistre_par_id_4830dff9_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_avisfonde
    ADD CONSTRAINT comptes_annuels_avis_enregistre_par_id_4830dff9_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_aviscodec comptes_annuels_avis_enregistre_par_id_98202fa4_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_aviscodec
    ADD CONSTRAINT comptes_annuels_avis_enregistre_par_id_98202fa4_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_aviscodec comptes_annuels_avis_exercice_id_de56b7a3_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_aviscodec
    ADD CONSTRAINT comptes_annuels_avis_exercice_id_de56b7a3_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_avisfonde comptes_annuels_avis_exercice_id_e7cc2043_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_avisfonde
    ADD CONSTRAINT comptes_annuels_avis_exercice_id_e7cc2043_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_avisfonde comptes_annuels_avisfonde_fonde_id_5c58f781_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_avisfonde
    ADD CONSTRAINT comptes_annuels_avisfonde_fonde_id_5c58f781_fk_auth_user_id FOREIGN KEY (fonde_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_comptefinancier comptes_annuels_comp_balance_id_1a923c9d_fk_ledger_ba; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_comptefinancier
    ADD CONSTRAINT comptes_annuels_comp_balance_id_1a923c9d_fk_ledger_ba FOREIGN KEY (balance_id) REFERENCES public.ledger_balancefigee(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_comptefinancier comptes_annuels_comp_etabli_par_id_ed20fc12_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_comptefinancier
    ADD CONSTRAINT comptes_annuels_comp_etabli_par_id_ed20fc12_fk_auth_user FOREIGN KEY (etabli_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_comptefinancier comptes_annuels_comp_exercice_id_f583dadc_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_comptefinancier
    ADD CONSTRAINT comptes_annuels_comp_exercice_id_f583dadc_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_correspondance comptes_annuels_corr_fixee_par_id_8836ff2a_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_correspondance
    ADD CONSTRAINT comptes_annuels_corr_fixee_par_id_8836ff2a_fk_auth_user FOREIGN KEY (fixee_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_correspondance comptes_annuels_corr_rubrique_id_b3d90e29_fk_comptes_a; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_correspondance
    ADD CONSTRAINT comptes_annuels_corr_rubrique_id_b3d90e29_fk_comptes_a FOREIGN KEY (rubrique_id) REFERENCES public.comptes_annuels_rubrique(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_quitus comptes_annuels_quit_avis_id_b38ab9af_fk_comptes_a; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_quitus
    ADD CONSTRAINT comptes_annuels_quit_avis_id_b38ab9af_fk_comptes_a FOREIGN KEY (avis_id) REFERENCES public.comptes_annuels_avisfonde(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_quitus comptes_annuels_quit_enregistre_par_id_935ac0e2_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_quitus
    ADD CONSTRAINT comptes_annuels_quit_enregistre_par_id_935ac0e2_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_quitus comptes_annuels_quit_exercice_id_626e3f6c_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_quitus
    ADD CONSTRAINT comptes_annuels_quit_exercice_id_626e3f6c_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_quitus comptes_annuels_quitus_beneficiaire_id_1320c348_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_quitus
    ADD CONSTRAINT comptes_annuels_quitus_beneficiaire_id_1320c348_fk_auth_user_id FOREIGN KEY (beneficiaire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_renvoiministre comptes_annuels_renv_enregistre_par_id_39b96e1d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_renvoiministre
    ADD CONSTRAINT comptes_annuels_renv_enregistre_par_id_39b96e1d_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_renvoiministre comptes_annuels_renv_exercice_id_d9983884_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_renvoiministre
    ADD CONSTRAINT comptes_annuels_renv_exercice_id_d9983884_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_transmissioncomptes comptes_annuels_tran_enregistre_par_id_fe1c6f96_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_transmissioncomptes
    ADD CONSTRAINT comptes_annuels_tran_enregistre_par_id_fe1c6f96_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: comptes_annuels_transmissioncomptes comptes_annuels_tran_exercice_id_fe174b02_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comptes_annuels_transmissioncomptes
    ADD CONSTRAINT comptes_annuels_tran_exercice_id_fe174b02_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: core_cleidempotence core_cleidempotence_utilisateur_id_7a3e3613_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_cleidempotence
    ADD CONSTRAINT core_cleidempotence_utilisateur_id_7a3e3613_fk_auth_user_id FOREIGN KEY (utilisateur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: core_jetonconsomme core_jetonconsomme_utilisateur_id_6004af8f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_jetonconsomme
    ADD CONSTRAINT core_jetonconsomme_utilisateur_id_6004af8f_fk_auth_user_id FOREIGN KEY (utilisateur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: core_journalaudit core_journalaudit_acteur_id_06cdffd3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.core_journalaudit
    ADD CONSTRAINT core_journalaudit_acteur_id_06cdffd3_fk_auth_user_id FOREIGN KEY (acteur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_certificatnonpaiement depenses_certificatn_ordre_id_016a2212_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatnonpaiement
    ADD CONSTRAINT depenses_certificatn_ordre_id_016a2212_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_certificatnonpaiement depenses_certificatnonpaiement_par_id_476cf8d9_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatnonpaiement
    ADD CONSTRAINT depenses_certificatnonpaiement_par_id_476cf8d9_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_certificatreimputation depenses_certificatr_ancien_compte_id_88c3ef1f_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatreimputation
    ADD CONSTRAINT depenses_certificatr_ancien_compte_id_88c3ef1f_fk_ledger_co FOREIGN KEY (ancien_compte_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_certificatreimputation depenses_certificatr_nouveau_compte_id_e3298dc5_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatreimputation
    ADD CONSTRAINT depenses_certificatr_nouveau_compte_id_e3298dc5_fk_ledger_co FOREIGN KEY (nouveau_compte_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_certificatreimputation depenses_certificatr_ordre_id_03421f29_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatreimputation
    ADD CONSTRAINT depenses_certificatr_ordre_id_03421f29_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_certificatreimputation depenses_certificatr_traite_par_id_a5c96408_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatreimputation
    ADD CONSTRAINT depenses_certificatr_traite_par_id_a5c96408_fk_auth_user FOREIGN KEY (traite_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_certificatreimputation depenses_certificatreimputation_par_id_6952b265_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_certificatreimputation
    ADD CONSTRAINT depenses_certificatreimputation_par_id_6952b265_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_compteurordredepense depenses_compteurord_exercice_id_6581383d_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_compteurordredepense
    ADD CONSTRAINT depenses_compteurord_exercice_id_6581383d_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_controledepense depenses_controledep_ordre_id_1ca1aefd_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_controledepense
    ADD CONSTRAINT depenses_controledep_ordre_id_1ca1aefd_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_controledepense depenses_controledepense_par_id_57bebd8c_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_controledepense
    ADD CONSTRAINT depenses_controledepense_par_id_57bebd8c_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_depensesansordonnancement depenses_depensesans_compte_charge_id_5d4d9f3c_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_depensesansordonnancement
    ADD CONSTRAINT depenses_depensesans_compte_charge_id_5d4d9f3c_fk_ledger_co FOREIGN KEY (compte_charge_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_depensesansordonnancement depenses_depensesans_enregistree_par_id_4dbd9459_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_depensesansordonnancement
    ADD CONSTRAINT depenses_depensesans_enregistree_par_id_4dbd9459_fk_auth_user FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_depensesansordonnancement depenses_depensesans_exercice_id_c8ba093e_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_depensesansordonnancement
    ADD CONSTRAINT depenses_depensesans_exercice_id_c8ba093e_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_engagement depenses_engagement_compte_imputation_id_deec4312_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_engagement
    ADD CONSTRAINT depenses_engagement_compte_imputation_id_deec4312_fk_ledger_co FOREIGN KEY (compte_imputation_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_engagement depenses_engagement_cree_par_id_f2cfb41c_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_engagement
    ADD CONSTRAINT depenses_engagement_cree_par_id_f2cfb41c_fk_auth_user_id FOREIGN KEY (cree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_engagement depenses_engagement_exercice_id_9a05dda7_fk_ledger_exercice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_engagement
    ADD CONSTRAINT depenses_engagement_exercice_id_9a05dda7_fk_ledger_exercice_id FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ligneordredepense depenses_ligneordred_ordre_id_2ba45a8e_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ligneordredepense
    ADD CONSTRAINT depenses_ligneordred_ordre_id_2ba45a8e_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepens_compte_imputation_id_97869d75_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepens_compte_imputation_id_97869d75_fk_ledger_co FOREIGN KEY (compte_imputation_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepens_compte_tiers_id_c35301a8_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepens_compte_tiers_id_c35301a8_fk_ledger_co FOREIGN KEY (compte_tiers_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepens_duplicata_de_id_5b31d0fe_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepens_duplicata_de_id_5b31d0fe_fk_depenses_ FOREIGN KEY (duplicata_de_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepens_engagement_id_2fe88d56_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepens_engagement_id_2fe88d56_fk_depenses_ FOREIGN KEY (engagement_id) REFERENCES public.depenses_engagement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepens_exercice_id_8792a2ee_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepens_exercice_id_8792a2ee_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepens_regularise_id_4b0fc6f1_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepens_regularise_id_4b0fc6f1_fk_depenses_ FOREIGN KEY (regularise_id) REFERENCES public.depenses_depensesansordonnancement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepense_cree_par_id_19c19889_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepense_cree_par_id_19c19889_fk_auth_user_id FOREIGN KEY (cree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepense_paye_par_id_9958b5c3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepense_paye_par_id_9958b5c3_fk_auth_user_id FOREIGN KEY (paye_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_ordredepense depenses_ordredepense_vise_par_id_5df6cc11_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_ordredepense
    ADD CONSTRAINT depenses_ordredepense_vise_par_id_5df6cc11_fk_auth_user_id FOREIGN KEY (vise_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_paiementdiffere depenses_paiementdif_exercice_id_b8d38c9b_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_paiementdiffere
    ADD CONSTRAINT depenses_paiementdif_exercice_id_b8d38c9b_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_paiementdiffere depenses_paiementdif_ordre_id_35cd847b_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_paiementdiffere
    ADD CONSTRAINT depenses_paiementdif_ordre_id_35cd847b_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_paiementdiffere depenses_paiementdiffere_par_id_ea35858f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_paiementdiffere
    ADD CONSTRAINT depenses_paiementdiffere_par_id_ea35858f_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_piecedepense depenses_piecedepens_ordre_id_a97f6d20_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_piecedepense
    ADD CONSTRAINT depenses_piecedepens_ordre_id_a97f6d20_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_piecedepense depenses_piecedepense_ajoutee_par_id_b708eaaa_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_piecedepense
    ADD CONSTRAINT depenses_piecedepense_ajoutee_par_id_b708eaaa_fk_auth_user_id FOREIGN KEY (ajoutee_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_reponserequisition depenses_reponserequ_requisition_id_3f142042_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_reponserequisition
    ADD CONSTRAINT depenses_reponserequ_requisition_id_3f142042_fk_depenses_ FOREIGN KEY (requisition_id) REFERENCES public.depenses_requisition(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_reponserequisition depenses_reponserequ_suspension_id_280b8210_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_reponserequisition
    ADD CONSTRAINT depenses_reponserequ_suspension_id_280b8210_fk_depenses_ FOREIGN KEY (suspension_id) REFERENCES public.depenses_suspension(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_reponserequisition depenses_reponserequisition_par_id_561a4fcb_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_reponserequisition
    ADD CONSTRAINT depenses_reponserequisition_par_id_561a4fcb_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_requisition depenses_requisition_ordre_id_abc98f28_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_requisition
    ADD CONSTRAINT depenses_requisition_ordre_id_abc98f28_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_requisition depenses_requisition_requis_par_id_3ff68733_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_requisition
    ADD CONSTRAINT depenses_requisition_requis_par_id_3ff68733_fk_auth_user_id FOREIGN KEY (requis_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_requisition depenses_requisition_suspension_id_9cf2cb29_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_requisition
    ADD CONSTRAINT depenses_requisition_suspension_id_9cf2cb29_fk_depenses_ FOREIGN KEY (suspension_id) REFERENCES public.depenses_suspension(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_servicefait depenses_servicefait_atteste_par_id_3f9e7b81_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_servicefait
    ADD CONSTRAINT depenses_servicefait_atteste_par_id_3f9e7b81_fk_auth_user_id FOREIGN KEY (atteste_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_servicefait depenses_servicefait_ordre_id_c042dc81_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_servicefait
    ADD CONSTRAINT depenses_servicefait_ordre_id_c042dc81_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_signaturedepense depenses_signaturede_delegation_id_ccfc6705_fk_personnes; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_signaturedepense
    ADD CONSTRAINT depenses_signaturede_delegation_id_ccfc6705_fk_personnes FOREIGN KEY (delegation_id) REFERENCES public.personnes_delegation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_signaturedepense depenses_signaturede_ordre_id_7362cf55_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_signaturedepense
    ADD CONSTRAINT depenses_signaturede_ordre_id_7362cf55_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_signaturedepense depenses_signaturede_signataire_id_a47a228b_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_signaturedepense
    ADD CONSTRAINT depenses_signaturede_signataire_id_a47a228b_fk_auth_user FOREIGN KEY (signataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_suspension depenses_suspension_ordre_id_63e2015f_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_suspension
    ADD CONSTRAINT depenses_suspension_ordre_id_63e2015f_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_suspension depenses_suspension_par_id_554219dd_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_suspension
    ADD CONSTRAINT depenses_suspension_par_id_554219dd_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_suspension depenses_suspension_suite_par_id_4334bbf5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_suspension
    ADD CONSTRAINT depenses_suspension_suite_par_id_4334bbf5_fk_auth_user_id FOREIGN KEY (suite_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_tiragecontroledepense depenses_tiragecontr_ordre_id_575a45fd_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_tiragecontroledepense
    ADD CONSTRAINT depenses_tiragecontr_ordre_id_575a45fd_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: depenses_tiragecontroledepense depenses_tiragecontroledepense_par_id_8a12e8f2_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.depenses_tiragecontroledepense
    ADD CONSTRAINT depenses_tiragecontroledepense_par_id_8a12e8f2_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: django_admin_log django_admin_log_content_type_id_c4bce8eb_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_content_type_id_c4bce8eb_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: django_admin_log django_admin_log_user_id_c564eba6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_user_id_c564eba6_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: inventaire_articleetat inventaire_articleet_etat_id_2e929b73_fk_inventair; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_articleetat
    ADD CONSTRAINT inventaire_articleet_etat_id_2e929b73_fk_inventair FOREIGN KEY (etat_id) REFERENCES public.inventaire_etatinventaire(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: inventaire_contrepassationinventaire inventaire_contrepas_exercice_id_8d3c00db_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_contrepassationinventaire
    ADD CONSTRAINT inventaire_contrepas_exercice_id_8d3c00db_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: inventaire_contrepassationinventaire inventaire_contrepas_par_id_c0e751ed_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_contrepassationinventaire
    ADD CONSTRAINT inventaire_contrepas_par_id_c0e751ed_fk_auth_user FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: inventaire_etatinventaire inventaire_etatinven_etabli_par_id_34a1ef71_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_etatinventaire
    ADD CONSTRAINT inventaire_etatinven_etabli_par_id_34a1ef71_fk_auth_user FOREIGN KEY (etabli_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: inventaire_etatinventaire inventaire_etatinven_exercice_id_b57f47d3_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inventaire_etatinventaire
    ADD CONSTRAINT inventaire_etatinven_exercice_id_b57f47d3_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_arretecomptes ledger_arretecomptes_enregistre_par_id_6e7b9d39_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_arretecomptes
    ADD CONSTRAINT ledger_arretecomptes_enregistre_par_id_6e7b9d39_fk_auth_user_id FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_arretecomptes ledger_arretecomptes_exercice_id_57254f9b_fk_ledger_exercice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_arretecomptes
    ADD CONSTRAINT ledger_arretecomptes_exercice_id_57254f9b_fk_ledger_exercice_id FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_balancefigee ledger_balancefigee_exercice_id_fb528eb3_fk_ledger_exercice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_balancefigee
    ADD CONSTRAINT ledger_balancefigee_exercice_id_fb528eb3_fk_ledger_exercice_id FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_balancefigee ledger_balancefigee_figee_par_id_66bda546_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_balancefigee
    ADD CONSTRAINT ledger_balancefigee_figee_par_id_66bda546_fk_auth_user_id FOREIGN KEY (figee_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_chaine ledger_chaine_exercice_id_af3e9e12_fk_ledger_exercice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_chaine
    ADD CONSTRAINT ledger_chaine_exercice_id_af3e9e12_fk_ledger_exercice_id FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_compte ledger_compte_parent_id_1acb3a19_fk_ledger_compte_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_compte
    ADD CONSTRAINT ledger_compte_parent_id_1acb3a19_fk_ledger_compte_id FOREIGN KEY (parent_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_compteur ledger_compteur_exercice_id_59ea4f51_fk_ledger_exercice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_compteur
    ADD CONSTRAINT ledger_compteur_exercice_id_59ea4f51_fk_ledger_exercice_id FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_compteur ledger_compteur_journal_id_988308c4_fk_ledger_journal_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_compteur
    ADD CONSTRAINT ledger_compteur_journal_id_988308c4_fk_ledger_journal_id FOREIGN KEY (journal_id) REFERENCES public.ledger_journal(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_envoibalance ledger_envoibalance_balance_id_96bc2a13_fk_ledger_ba; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_envoibalance
    ADD CONSTRAINT ledger_envoibalance_balance_id_96bc2a13_fk_ledger_ba FOREIGN KEY (balance_id) REFERENCES public.ledger_balancefigee(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_envoibalance ledger_envoibalance_enregistre_par_id_12c16089_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_envoibalance
    ADD CONSTRAINT ledger_envoibalance_enregistre_par_id_12c16089_fk_auth_user_id FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_lignebalancefigee ledger_lignebalancef_balance_id_742633da_fk_ledger_ba; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_lignebalancefigee
    ADD CONSTRAINT ledger_lignebalancef_balance_id_742633da_fk_ledger_ba FOREIGN KEY (balance_id) REFERENCES public.ledger_balancefigee(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: oppositions_imputation oppositions_imputati_opposition_id_29e74034_fk_oppositio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oppositions_imputation
    ADD CONSTRAINT oppositions_imputati_opposition_id_29e74034_fk_oppositio FOREIGN KEY (opposition_id) REFERENCES public.oppositions_opposition(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: oppositions_imputation oppositions_imputation_par_id_9313a845_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oppositions_imputation
    ADD CONSTRAINT oppositions_imputation_par_id_9313a845_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: oppositions_opposition oppositions_oppositi_enregistree_par_id_9621b9ea_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oppositions_opposition
    ADD CONSTRAINT oppositions_oppositi_enregistree_par_id_9621b9ea_fk_auth_user FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_affectation personnes_affectation_utilisateur_id_ec6f48ed_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_affectation
    ADD CONSTRAINT personnes_affectation_utilisateur_id_ec6f48ed_fk_auth_user_id FOREIGN KEY (utilisateur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_delegation personnes_delegation_delegant_id_30687a03_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_delegation
    ADD CONSTRAINT personnes_delegation_delegant_id_30687a03_fk_auth_user_id FOREIGN KEY (delegant_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_delegation personnes_delegation_delegataire_id_18be6c11_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_delegation
    ADD CONSTRAINT personnes_delegation_delegataire_id_18be6c11_fk_auth_user_id FOREIGN KEY (delegataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_installation personnes_installati_agent_comptable_id_4e4b3441_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_installation
    ADD CONSTRAINT personnes_installati_agent_comptable_id_4e4b3441_fk_auth_user FOREIGN KEY (agent_comptable_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_installation personnes_installati_ancien_titulaire_id_8d9e2b7f_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_installation
    ADD CONSTRAINT personnes_installati_ancien_titulaire_id_8d9e2b7f_fk_auth_user FOREIGN KEY (ancien_titulaire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_installation personnes_installati_enregistree_par_id_c46ad07b_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_installation
    ADD CONSTRAINT personnes_installati_enregistree_par_id_c46ad07b_fk_auth_user FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_installation personnes_installati_interim_id_7600cccd_fk_personnes; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_installation
    ADD CONSTRAINT personnes_installati_interim_id_7600cccd_fk_personnes FOREIGN KEY (interim_id) REFERENCES public.personnes_interim(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_installation personnes_installation_predecesseur_id_f51f0ca0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_installation
    ADD CONSTRAINT personnes_installation_predecesseur_id_f51f0ca0_fk_auth_user_id FOREIGN KEY (predecesseur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_interim personnes_interim_utilisateur_id_200c42e5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_interim
    ADD CONSTRAINT personnes_interim_utilisateur_id_200c42e5_fk_auth_user_id FOREIGN KEY (utilisateur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_mandat personnes_mandat_agent_comptable_id_13d45a1e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_mandat
    ADD CONSTRAINT personnes_mandat_agent_comptable_id_13d45a1e_fk_auth_user_id FOREIGN KEY (agent_comptable_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_mandat personnes_mandat_enregistre_par_id_4e399f5d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_mandat
    ADD CONSTRAINT personnes_mandat_enregistre_par_id_4e399f5d_fk_auth_user_id FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_mandat personnes_mandat_mandataire_id_fb7b91a2_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_mandat
    ADD CONSTRAINT personnes_mandat_mandataire_id_fb7b91a2_fk_auth_user_id FOREIGN KEY (mandataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_procuration personnes_procuratio_agent_comptable_id_af13c070_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_procuration
    ADD CONSTRAINT personnes_procuratio_agent_comptable_id_af13c070_fk_auth_user FOREIGN KEY (agent_comptable_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_procuration personnes_procuratio_enregistree_par_id_78dbab93_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_procuration
    ADD CONSTRAINT personnes_procuratio_enregistree_par_id_78dbab93_fk_auth_user FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_procuration personnes_procuration_fonde_id_8037af0e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_procuration
    ADD CONSTRAINT personnes_procuration_fonde_id_8037af0e_fk_auth_user_id FOREIGN KEY (fonde_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_prorogationreserves personnes_prorogatio_enregistree_par_id_0e81c12a_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_prorogationreserves
    ADD CONSTRAINT personnes_prorogatio_enregistree_par_id_0e81c12a_fk_auth_user FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_prorogationreserves personnes_prorogatio_installation_id_e99b26c0_fk_personnes; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_prorogationreserves
    ADD CONSTRAINT personnes_prorogatio_installation_id_e99b26c0_fk_personnes FOREIGN KEY (installation_id) REFERENCES public.personnes_installation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_reserve personnes_reserve_enregistree_par_id_7f6078c0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_reserve
    ADD CONSTRAINT personnes_reserve_enregistree_par_id_7f6078c0_fk_auth_user_id FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_reserve personnes_reserve_installation_id_68ce48b0_fk_personnes; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_reserve
    ADD CONSTRAINT personnes_reserve_installation_id_68ce48b0_fk_personnes FOREIGN KEY (installation_id) REFERENCES public.personnes_installation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: personnes_secondfacteur personnes_secondfacteur_utilisateur_id_cecb225c_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personnes_secondfacteur
    ADD CONSTRAINT personnes_secondfacteur_utilisateur_id_cecb225c_fk_auth_user_id FOREIGN KEY (utilisateur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_compteurordre recettes_compteurord_exercice_id_fcfb6b1a_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_compteurordre
    ADD CONSTRAINT recettes_compteurord_exercice_id_fcfb6b1a_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_controleeffectue recettes_controleeff_ordre_id_0f64556f_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_controleeffectue
    ADD CONSTRAINT recettes_controleeff_ordre_id_0f64556f_fk_recettes_ FOREIGN KEY (ordre_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_controleeffectue recettes_controleeffectue_par_id_936f312d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_controleeffectue
    ADD CONSTRAINT recettes_controleeffectue_par_id_936f312d_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_ligneordrerecette recettes_ligneordrer_ordre_id_93928a29_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ligneordrerecette
    ADD CONSTRAINT recettes_ligneordrer_ordre_id_93928a29_fk_recettes_ FOREIGN KEY (ordre_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_ordrerecette recettes_ordrerecett_compte_imputation_id_b855d52f_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ordrerecette
    ADD CONSTRAINT recettes_ordrerecett_compte_imputation_id_b855d52f_fk_ledger_co FOREIGN KEY (compte_imputation_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_ordrerecette recettes_ordrerecett_compte_tiers_id_c395070d_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ordrerecette
    ADD CONSTRAINT recettes_ordrerecett_compte_tiers_id_c395070d_fk_ledger_co FOREIGN KEY (compte_tiers_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_ordrerecette recettes_ordrerecett_exercice_id_a2d2e4b2_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ordrerecette
    ADD CONSTRAINT recettes_ordrerecett_exercice_id_a2d2e4b2_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_ordrerecette recettes_ordrerecett_pris_en_charge_par_i_9951c361_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ordrerecette
    ADD CONSTRAINT recettes_ordrerecett_pris_en_charge_par_i_9951c361_fk_auth_user FOREIGN KEY (pris_en_charge_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_ordrerecette recettes_ordrerecette_cree_par_id_d09394d6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_ordrerecette
    ADD CONSTRAINT recettes_ordrerecette_cree_par_id_d09394d6_fk_auth_user_id FOREIGN KEY (cree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_piecejustificative recettes_piecejustif_ajoutee_par_id_c4407bce_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_piecejustificative
    ADD CONSTRAINT recettes_piecejustif_ajoutee_par_id_c4407bce_fk_auth_user FOREIGN KEY (ajoutee_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_piecejustificative recettes_piecejustif_ordre_id_18c0c8ee_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_piecejustificative
    ADD CONSTRAINT recettes_piecejustif_ordre_id_18c0c8ee_fk_recettes_ FOREIGN KEY (ordre_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_reduction recettes_reduction_ligne_id_32cce506_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_reduction
    ADD CONSTRAINT recettes_reduction_ligne_id_32cce506_fk_recettes_ FOREIGN KEY (ligne_id) REFERENCES public.recettes_ligneordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_reduction recettes_reduction_ordre_id_89f9a57e_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_reduction
    ADD CONSTRAINT recettes_reduction_ordre_id_89f9a57e_fk_recettes_ FOREIGN KEY (ordre_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_reduction recettes_reduction_pris_en_charge_par_i_c9b37263_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_reduction
    ADD CONSTRAINT recettes_reduction_pris_en_charge_par_i_c9b37263_fk_auth_user FOREIGN KEY (pris_en_charge_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_reduction recettes_reduction_signataire_id_ea58e6ee_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_reduction
    ADD CONSTRAINT recettes_reduction_signataire_id_ea58e6ee_fk_auth_user_id FOREIGN KEY (signataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_signature recettes_signature_delegation_id_1c2d7741_fk_personnes; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_signature
    ADD CONSTRAINT recettes_signature_delegation_id_1c2d7741_fk_personnes FOREIGN KEY (delegation_id) REFERENCES public.personnes_delegation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_signature recettes_signature_ordre_id_a6d8e9c2_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_signature
    ADD CONSTRAINT recettes_signature_ordre_id_a6d8e9c2_fk_recettes_ FOREIGN KEY (ordre_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_signature recettes_signature_signataire_id_4755baa3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_signature
    ADD CONSTRAINT recettes_signature_signataire_id_4755baa3_fk_auth_user_id FOREIGN KEY (signataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_tiragecontrole recettes_tiragecontr_ordre_id_767c7b9b_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_tiragecontrole
    ADD CONSTRAINT recettes_tiragecontr_ordre_id_767c7b9b_fk_recettes_ FOREIGN KEY (ordre_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recettes_tiragecontrole recettes_tiragecontrole_par_id_d2bcda7d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recettes_tiragecontrole
    ADD CONSTRAINT recettes_tiragecontrole_par_id_d2bcda7d_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_acte recouvrement_acte_auteur_id_ca99ce68_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_acte
    ADD CONSTRAINT recouvrement_acte_auteur_id_ca99ce68_fk_auth_user_id FOREIGN KEY (auteur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_acte recouvrement_acte_creance_id_c3aa4eb5_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_acte
    ADD CONSTRAINT recouvrement_acte_creance_id_c3aa4eb5_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_acte recouvrement_acte_debiteur_id_1226e8da_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_acte
    ADD CONSTRAINT recouvrement_acte_debiteur_id_1226e8da_fk_recouvrem FOREIGN KEY (debiteur_id) REFERENCES public.recouvrement_debiteur(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_actehuissier recouvrement_actehui_enregistre_par_id_23b85ea9_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_actehuissier
    ADD CONSTRAINT recouvrement_actehui_enregistre_par_id_23b85ea9_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_actehuissier recouvrement_actehui_huissier_id_377dde1f_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_actehuissier
    ADD CONSTRAINT recouvrement_actehui_huissier_id_377dde1f_fk_recouvrem FOREIGN KEY (huissier_id) REFERENCES public.recouvrement_huissier(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_actehuissier recouvrement_actehui_ordre_depense_id_a71add26_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_actehuissier
    ADD CONSTRAINT recouvrement_actehui_ordre_depense_id_a71add26_fk_depenses_ FOREIGN KEY (ordre_depense_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_actehuissier recouvrement_actehui_poursuite_id_52f626c5_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_actehuissier
    ADD CONSTRAINT recouvrement_actehui_poursuite_id_52f626c5_fk_recouvrem FOREIGN KEY (poursuite_id) REFERENCES public.recouvrement_poursuite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_aviscaisse recouvrement_aviscai_creance_id_a61ada5f_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_aviscaisse
    ADD CONSTRAINT recouvrement_aviscai_creance_id_a61ada5f_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_aviscaisse recouvrement_aviscai_mise_en_demeure_id_e28a095b_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_aviscaisse
    ADD CONSTRAINT recouvrement_aviscai_mise_en_demeure_id_e28a095b_fk_recouvrem FOREIGN KEY (mise_en_demeure_id) REFERENCES public.recouvrement_miseendemeure(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_aviscaisse recouvrement_aviscaisse_signataire_id_8e250700_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_aviscaisse
    ADD CONSTRAINT recouvrement_aviscaisse_signataire_id_8e250700_fk_auth_user_id FOREIGN KEY (signataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_contratconserve recouvrement_contrat_enregistre_par_id_9382ac5d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_contratconserve
    ADD CONSTRAINT recouvrement_contrat_enregistre_par_id_9382ac5d_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_creance recouvrement_creance_debiteur_id_7c69f68d_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_creance
    ADD CONSTRAINT recouvrement_creance_debiteur_id_7c69f68d_fk_recouvrem FOREIGN KEY (debiteur_id) REFERENCES public.recouvrement_debiteur(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_creance recouvrement_creance_ligne_id_03defa25_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_creance
    ADD CONSTRAINT recouvrement_creance_ligne_id_03defa25_fk_recettes_ FOREIGN KEY (ligne_id) REFERENCES public.recettes_ligneordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_creance recouvrement_creance_transmise_par_id_86fbabda_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_creance
    ADD CONSTRAINT recouvrement_creance_transmise_par_id_86fbabda_fk_auth_user_id FOREIGN KEY (transmise_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_debiteur recouvrement_debiteur_compte_id_87dfa809_fk_ledger_compte_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_debiteur
    ADD CONSTRAINT recouvrement_debiteur_compte_id_87dfa809_fk_ledger_compte_id FOREIGN KEY (compte_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_declarationcreance_creances recouvrement_declara_creance_id_695ca072_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_declarationcreance_creances
    ADD CONSTRAINT recouvrement_declara_creance_id_695ca072_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_declarationcreance_creances recouvrement_declara_declarationcreance_i_02014060_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_declarationcreance_creances
    ADD CONSTRAINT recouvrement_declara_declarationcreance_i_02014060_fk_recouvrem FOREIGN KEY (declarationcreance_id) REFERENCES public.recouvrement_declarationcreance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_declarationcreance recouvrement_declara_procedure_id_0a6b1273_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_declarationcreance
    ADD CONSTRAINT recouvrement_declara_procedure_id_0a6b1273_fk_recouvrem FOREIGN KEY (procedure_id) REFERENCES public.recouvrement_procedurecollective(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_declarationcreance recouvrement_declarationcreance_par_id_d722f2df_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_declarationcreance
    ADD CONSTRAINT recouvrement_declarationcreance_par_id_d722f2df_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_delaipaiement recouvrement_delaipa_accorde_par_id_97f168f8_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_delaipaiement
    ADD CONSTRAINT recouvrement_delaipa_accorde_par_id_97f168f8_fk_auth_user FOREIGN KEY (accorde_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_delaipaiement recouvrement_delaipa_creance_id_3b867dea_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_delaipaiement
    ADD CONSTRAINT recouvrement_delaipa_creance_id_3b867dea_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_dispensevisite recouvrement_dispens_huissier_id_bf579ad3_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_dispensevisite
    ADD CONSTRAINT recouvrement_dispens_huissier_id_bf579ad3_fk_recouvrem FOREIGN KEY (huissier_id) REFERENCES public.recouvrement_huissier(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_dispensevisite recouvrement_dispensevisite_par_id_9b86c3ed_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_dispensevisite
    ADD CONSTRAINT recouvrement_dispensevisite_par_id_9b86c3ed_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_echeance recouvrement_echeanc_delai_id_2f4ca232_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_echeance
    ADD CONSTRAINT recouvrement_echeanc_delai_id_2f4ca232_fk_recouvrem FOREIGN KEY (delai_id) REFERENCES public.recouvrement_delaipaiement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_envoietatnominatif recouvrement_envoietatnominatif_par_id_bbc9c902_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_envoietatnominatif
    ADD CONSTRAINT recouvrement_envoietatnominatif_par_id_bbc9c902_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_envoiliste recouvrement_envoiliste_par_id_3c857f56_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_envoiliste
    ADD CONSTRAINT recouvrement_envoiliste_par_id_3c857f56_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_evenementprocedure recouvrement_eveneme_procedure_id_87da30eb_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_evenementprocedure
    ADD CONSTRAINT recouvrement_eveneme_procedure_id_87da30eb_fk_recouvrem FOREIGN KEY (procedure_id) REFERENCES public.recouvrement_procedurecollective(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_evenementprocedure recouvrement_evenementprocedure_par_id_64298051_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_evenementprocedure
    ADD CONSTRAINT recouvrement_evenementprocedure_par_id_64298051_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_garantie recouvrement_garanti_creance_id_63f956e3_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_garantie
    ADD CONSTRAINT recouvrement_garanti_creance_id_63f956e3_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_garantie recouvrement_garanti_debiteur_id_efdf1dbe_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_garantie
    ADD CONSTRAINT recouvrement_garanti_debiteur_id_efdf1dbe_fk_recouvrem FOREIGN KEY (debiteur_id) REFERENCES public.recouvrement_debiteur(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_garantie recouvrement_garanti_enregistree_par_id_1176f2b0_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_garantie
    ADD CONSTRAINT recouvrement_garanti_enregistree_par_id_1176f2b0_fk_auth_user FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_huissier recouvrement_huissier_inscrit_par_id_a10d0e50_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_huissier
    ADD CONSTRAINT recouvrement_huissier_inscrit_par_id_a10d0e50_fk_auth_user_id FOREIGN KEY (inscrit_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_lettrerelance recouvrement_lettrer_debiteur_id_30d78b14_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lettrerelance
    ADD CONSTRAINT recouvrement_lettrer_debiteur_id_30d78b14_fk_recouvrem FOREIGN KEY (debiteur_id) REFERENCES public.recouvrement_debiteur(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_lettrerelance recouvrement_lettrer_lot_id_0093d9c0_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lettrerelance
    ADD CONSTRAINT recouvrement_lettrer_lot_id_0093d9c0_fk_recouvrem FOREIGN KEY (lot_id) REFERENCES public.recouvrement_lotrelances(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_lignerelance recouvrement_lignere_acte_id_92f5e2a0_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lignerelance
    ADD CONSTRAINT recouvrement_lignere_acte_id_92f5e2a0_fk_recouvrem FOREIGN KEY (acte_id) REFERENCES public.recouvrement_acte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_lignerelance recouvrement_lignere_creance_id_33bdee73_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lignerelance
    ADD CONSTRAINT recouvrement_lignere_creance_id_33bdee73_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_lignerelance recouvrement_lignere_lettre_id_839b45a1_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lignerelance
    ADD CONSTRAINT recouvrement_lignere_lettre_id_839b45a1_fk_recouvrem FOREIGN KEY (lettre_id) REFERENCES public.recouvrement_lettrerelance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_lotrelances recouvrement_lotrelances_par_id_4eb3d50f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_lotrelances
    ADD CONSTRAINT recouvrement_lotrelances_par_id_4eb3d50f_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_miseendemeurecreance recouvrement_miseend_creance_id_819ed711_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_miseendemeurecreance
    ADD CONSTRAINT recouvrement_miseend_creance_id_819ed711_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_miseendemeure recouvrement_miseend_debiteur_id_05d92cb9_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_miseendemeure
    ADD CONSTRAINT recouvrement_miseend_debiteur_id_05d92cb9_fk_recouvrem FOREIGN KEY (debiteur_id) REFERENCES public.recouvrement_debiteur(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_miseendemeurecreance recouvrement_miseend_mise_en_demeure_id_3bfb8c27_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_miseendemeurecreance
    ADD CONSTRAINT recouvrement_miseend_mise_en_demeure_id_3bfb8c27_fk_recouvrem FOREIGN KEY (mise_en_demeure_id) REFERENCES public.recouvrement_miseendemeure(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_miseendemeure recouvrement_miseend_signataire_id_96f36395_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_miseendemeure
    ADD CONSTRAINT recouvrement_miseend_signataire_id_96f36395_fk_auth_user FOREIGN KEY (signataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_periodiciteliste recouvrement_periodi_fixee_par_id_205a2cbb_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_periodiciteliste
    ADD CONSTRAINT recouvrement_periodi_fixee_par_id_205a2cbb_fk_auth_user FOREIGN KEY (fixee_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_poursuite recouvrement_poursui_creance_id_7629e8ec_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_poursuite
    ADD CONSTRAINT recouvrement_poursui_creance_id_7629e8ec_fk_recouvrem FOREIGN KEY (creance_id) REFERENCES public.recouvrement_creance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_poursuite recouvrement_poursui_mise_en_demeure_id_ea87f6e1_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_poursuite
    ADD CONSTRAINT recouvrement_poursui_mise_en_demeure_id_ea87f6e1_fk_recouvrem FOREIGN KEY (mise_en_demeure_id) REFERENCES public.recouvrement_miseendemeure(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_poursuite recouvrement_poursuite_signataire_id_38c345c8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_poursuite
    ADD CONSTRAINT recouvrement_poursuite_signataire_id_38c345c8_fk_auth_user_id FOREIGN KEY (signataire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_procedurecollective recouvrement_procedu_debiteur_id_b5e3c4e3_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_procedurecollective
    ADD CONSTRAINT recouvrement_procedu_debiteur_id_b5e3c4e3_fk_recouvrem FOREIGN KEY (debiteur_id) REFERENCES public.recouvrement_debiteur(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_procedurecollective recouvrement_procedu_enregistree_par_id_d3e21bfd_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_procedurecollective
    ADD CONSTRAINT recouvrement_procedu_enregistree_par_id_d3e21bfd_fk_auth_user FOREIGN KEY (enregistree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_recoursamiable recouvrement_recours_enregistre_par_id_40eecdf7_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_recoursamiable
    ADD CONSTRAINT recouvrement_recours_enregistre_par_id_40eecdf7_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_recoursamiable recouvrement_recours_mise_en_demeure_id_d5461ff6_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_recoursamiable
    ADD CONSTRAINT recouvrement_recours_mise_en_demeure_id_d5461ff6_fk_recouvrem FOREIGN KEY (mise_en_demeure_id) REFERENCES public.recouvrement_miseendemeure(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_visitehuissier recouvrement_visiteh_huissier_id_66f87d45_fk_recouvrem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_visitehuissier
    ADD CONSTRAINT recouvrement_visiteh_huissier_id_66f87d45_fk_recouvrem FOREIGN KEY (huissier_id) REFERENCES public.recouvrement_huissier(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: recouvrement_visitehuissier recouvrement_visitehuissier_par_id_d2dfb9a7_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recouvrement_visitehuissier
    ADD CONSTRAINT recouvrement_visitehuissier_par_id_d2dfb9a7_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_avisministres responsabilite_avism_enregistre_par_id_7eaccc64_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_avisministres
    ADD CONSTRAINT responsabilite_avism_enregistre_par_id_7eaccc64_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_avisministres responsabilite_avism_mise_en_cause_id_b3b8daad_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_avisministres
    ADD CONSTRAINT responsabilite_avism_mise_en_cause_id_b3b8daad_fk_responsab FOREIGN KEY (mise_en_cause_id) REFERENCES public.responsabilite_miseencause(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_demande responsabilite_deman_ordre_id_af177878_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_demande
    ADD CONSTRAINT responsabilite_deman_ordre_id_af177878_fk_responsab FOREIGN KEY (ordre_id) REFERENCES public.responsabilite_ordredebet(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_dossierdrass responsabilite_dossi_demande_id_037b78f5_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_dossierdrass
    ADD CONSTRAINT responsabilite_dossi_demande_id_037b78f5_fk_responsab FOREIGN KEY (demande_id) REFERENCES public.responsabilite_demande(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_dossierdrass responsabilite_dossi_enregistre_par_id_5da2fcde_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_dossierdrass
    ADD CONSTRAINT responsabilite_dossi_enregistre_par_id_5da2fcde_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_miseencause responsabilite_misee_agent_comptable_id_62ce5172_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_miseencause
    ADD CONSTRAINT responsabilite_misee_agent_comptable_id_62ce5172_fk_auth_user FOREIGN KEY (agent_comptable_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_miseencause responsabilite_misee_arrete_caisse_id_555ff1d6_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_miseencause
    ADD CONSTRAINT responsabilite_misee_arrete_caisse_id_555ff1d6_fk_tresoreri FOREIGN KEY (arrete_caisse_id) REFERENCES public.tresorerie_arretecaisse(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_miseencause responsabilite_misee_enregistre_par_id_4d841914_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_miseencause
    ADD CONSTRAINT responsabilite_misee_enregistre_par_id_4d841914_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_nonvaleur responsabilite_nonva_enregistre_par_id_cc32b3ee_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_nonvaleur
    ADD CONSTRAINT responsabilite_nonva_enregistre_par_id_cc32b3ee_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_nonvaleur responsabilite_nonva_ordre_id_f99f4439_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_nonvaleur
    ADD CONSTRAINT responsabilite_nonva_ordre_id_f99f4439_fk_responsab FOREIGN KEY (ordre_id) REFERENCES public.responsabilite_ordredebet(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_notificationassociation responsabilite_notif_enregistre_par_id_caf74116_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_notificationassociation
    ADD CONSTRAINT responsabilite_notif_enregistre_par_id_caf74116_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_notificationassociation responsabilite_notif_ordre_id_cc2d1caf_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_notificationassociation
    ADD CONSTRAINT responsabilite_notif_ordre_id_cc2d1caf_fk_responsab FOREIGN KEY (ordre_id) REFERENCES public.responsabilite_ordredebet(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_ordredebet responsabilite_ordre_agent_comptable_id_a89eed5d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_ordredebet
    ADD CONSTRAINT responsabilite_ordre_agent_comptable_id_a89eed5d_fk_auth_user FOREIGN KEY (agent_comptable_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_ordredebet responsabilite_ordre_mise_en_cause_id_f886e5b0_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_ordredebet
    ADD CONSTRAINT responsabilite_ordre_mise_en_cause_id_f886e5b0_fk_responsab FOREIGN KEY (mise_en_cause_id) REFERENCES public.responsabilite_miseencause(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_ordredebet responsabilite_ordredebet_emis_par_id_ee19d0cf_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_ordredebet
    ADD CONSTRAINT responsabilite_ordredebet_emis_par_id_ee19d0cf_fk_auth_user_id FOREIGN KEY (emis_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_recouvrement responsabilite_recou_enregistre_par_id_e957b4bd_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_recouvrement
    ADD CONSTRAINT responsabilite_recou_enregistre_par_id_e957b4bd_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_recouvrement responsabilite_recou_ordre_id_0bcef8ea_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_recouvrement
    ADD CONSTRAINT responsabilite_recou_ordre_id_0bcef8ea_fk_responsab FOREIGN KEY (ordre_id) REFERENCES public.responsabilite_ordredebet(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_versement responsabilite_verse_enregistre_par_id_eac3be66_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_versement
    ADD CONSTRAINT responsabilite_verse_enregistre_par_id_eac3be66_fk_auth_user FOREIGN KEY (enregistre_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responsabilite_versement responsabilite_verse_ordre_id_8b483984_fk_responsab; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsabilite_versement
    ADD CONSTRAINT responsabilite_verse_ordre_id_8b483984_fk_responsab FOREIGN KEY (ordre_id) REFERENCES public.responsabilite_ordredebet(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_affectation tresorerie_affectati_encaissement_id_f4ecdc83_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_affectation
    ADD CONSTRAINT tresorerie_affectati_encaissement_id_f4ecdc83_fk_tresoreri FOREIGN KEY (encaissement_id) REFERENCES public.tresorerie_encaissement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_affectation tresorerie_affectati_ligne_id_88666fe6_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_affectation
    ADD CONSTRAINT tresorerie_affectati_ligne_id_88666fe6_fk_recettes_ FOREIGN KEY (ligne_id) REFERENCES public.recettes_ligneordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_affectation tresorerie_affectati_ordre_id_9f4ac89a_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_affectation
    ADD CONSTRAINT tresorerie_affectati_ordre_id_9f4ac89a_fk_recettes_ FOREIGN KEY (ordre_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_affectation tresorerie_affectation_par_id_a4930789_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_affectation
    ADD CONSTRAINT tresorerie_affectation_par_id_a4930789_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_arretecaisse tresorerie_arretecai_compte_id_6c74a54c_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arretecaisse
    ADD CONSTRAINT tresorerie_arretecai_compte_id_6c74a54c_fk_tresoreri FOREIGN KEY (compte_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_arretecaisse tresorerie_arretecaisse_par_id_0b67754a_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arretecaisse
    ADD CONSTRAINT tresorerie_arretecaisse_par_id_0b67754a_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_arreteregie tresorerie_arreteregie_par_id_d00db137_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arreteregie
    ADD CONSTRAINT tresorerie_arreteregie_par_id_d00db137_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_arreteregie tresorerie_arreteregie_regie_id_7ff5cad0_fk_tresorerie_regie_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_arreteregie
    ADD CONSTRAINT tresorerie_arreteregie_regie_id_7ff5cad0_fk_tresorerie_regie_id FOREIGN KEY (regie_id) REFERENCES public.tresorerie_regie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_avanceregie tresorerie_avancereg_source_id_09ac0f80_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_avanceregie
    ADD CONSTRAINT tresorerie_avancereg_source_id_09ac0f80_fk_tresoreri FOREIGN KEY (source_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_avanceregie tresorerie_avanceregie_par_id_dd157cf3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_avanceregie
    ADD CONSTRAINT tresorerie_avanceregie_par_id_dd157cf3_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_avanceregie tresorerie_avanceregie_regie_id_f021a982_fk_tresorerie_regie_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_avanceregie
    ADD CONSTRAINT tresorerie_avanceregie_regie_id_f021a982_fk_tresorerie_regie_id FOREIGN KEY (regie_id) REFERENCES public.tresorerie_regie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_carnet tresorerie_carnet_clos_par_id_400bb9c6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_carnet
    ADD CONSTRAINT tresorerie_carnet_clos_par_id_400bb9c6_fk_auth_user_id FOREIGN KEY (clos_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_carnet tresorerie_carnet_compte_id_2c379828_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_carnet
    ADD CONSTRAINT tresorerie_carnet_compte_id_2c379828_fk_tresoreri FOREIGN KEY (compte_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_carnet tresorerie_carnet_ouvert_par_id_9d53eaac_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_carnet
    ADD CONSTRAINT tresorerie_carnet_ouvert_par_id_9d53eaac_fk_auth_user_id FOREIGN KEY (ouvert_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_carnet tresorerie_carnet_titulaire_id_2a5cd5dd_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_carnet
    ADD CONSTRAINT tresorerie_carnet_titulaire_id_2a5cd5dd_fk_auth_user_id FOREIGN KEY (titulaire_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_comptedisponibilite tresorerie_comptedis_compte_frais_id_b96f06d8_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_comptedisponibilite
    ADD CONSTRAINT tresorerie_comptedis_compte_frais_id_b96f06d8_fk_tresoreri FOREIGN KEY (compte_frais_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_comptedisponibilite tresorerie_comptedis_compte_id_7ac44908_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_comptedisponibilite
    ADD CONSTRAINT tresorerie_comptedis_compte_id_7ac44908_fk_ledger_co FOREIGN KEY (compte_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_comptedisponibilite tresorerie_comptedis_regisseur_id_c73b1364_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_comptedisponibilite
    ADD CONSTRAINT tresorerie_comptedis_regisseur_id_c73b1364_fk_auth_user FOREIGN KEY (regisseur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_controleregie tresorerie_controler_regie_id_0f600b92_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_controleregie
    ADD CONSTRAINT tresorerie_controler_regie_id_0f600b92_fk_tresoreri FOREIGN KEY (regie_id) REFERENCES public.tresorerie_regie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_controleregie tresorerie_controleregie_par_id_bc5c7f6e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_controleregie
    ADD CONSTRAINT tresorerie_controleregie_par_id_bc5c7f6e_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_correctioncoordonnees tresorerie_correctio_ligne_id_03c22184_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_correctioncoordonnees
    ADD CONSTRAINT tresorerie_correctio_ligne_id_03c22184_fk_depenses_ FOREIGN KEY (ligne_id) REFERENCES public.depenses_ligneordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_correctioncoordonnees tresorerie_correctio_par_id_8a7eb7cc_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_correctioncoordonnees
    ADD CONSTRAINT tresorerie_correctio_par_id_8a7eb7cc_fk_auth_user FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_correctioncoordonnees tresorerie_correctio_retour_id_bfa11573_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_correctioncoordonnees
    ADD CONSTRAINT tresorerie_correctio_retour_id_bfa11573_fk_tresoreri FOREIGN KEY (retour_id) REFERENCES public.tresorerie_retour(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_decisionopposition tresorerie_decisiono_ligne_id_d35bb268_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_decisionopposition
    ADD CONSTRAINT tresorerie_decisiono_ligne_id_d35bb268_fk_depenses_ FOREIGN KEY (ligne_id) REFERENCES public.depenses_ligneordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_decisionopposition tresorerie_decisiono_opposition_id_b80f36d1_fk_oppositio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_decisionopposition
    ADD CONSTRAINT tresorerie_decisiono_opposition_id_b80f36d1_fk_oppositio FOREIGN KEY (opposition_id) REFERENCES public.oppositions_opposition(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_decisionopposition tresorerie_decisionopposition_par_id_2b6d4009_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_decisionopposition
    ADD CONSTRAINT tresorerie_decisionopposition_par_id_2b6d4009_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_depenseregie tresorerie_depensere_etat_depenses_id_049f7345_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_depenseregie
    ADD CONSTRAINT tresorerie_depensere_etat_depenses_id_049f7345_fk_tresoreri FOREIGN KEY (etat_depenses_id) REFERENCES public.tresorerie_etatdepensesregie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_depenseregie tresorerie_depensere_operation_id_35bcc8c0_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_depenseregie
    ADD CONSTRAINT tresorerie_depensere_operation_id_35bcc8c0_fk_tresoreri FOREIGN KEY (operation_id) REFERENCES public.tresorerie_operationregie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_depenseregie tresorerie_depensere_regie_id_b4b7f9c0_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_depenseregie
    ADD CONSTRAINT tresorerie_depensere_regie_id_b4b7f9c0_fk_tresoreri FOREIGN KEY (regie_id) REFERENCES public.tresorerie_regie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_depenseregie tresorerie_depenseregie_payee_par_id_6377be22_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_depenseregie
    ADD CONSTRAINT tresorerie_depenseregie_payee_par_id_6377be22_fk_auth_user_id FOREIGN KEY (payee_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_encaissement tresorerie_encaissem_compte_id_edd7d533_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_encaissement
    ADD CONSTRAINT tresorerie_encaissem_compte_id_edd7d533_fk_tresoreri FOREIGN KEY (compte_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_encaissement tresorerie_encaissem_compte_produit_id_8684e467_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_encaissement
    ADD CONSTRAINT tresorerie_encaissem_compte_produit_id_8684e467_fk_ledger_co FOREIGN KEY (compte_produit_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_encaissement tresorerie_encaissem_exercice_id_07a73df5_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_encaissement
    ADD CONSTRAINT tresorerie_encaissem_exercice_id_07a73df5_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_encaissement tresorerie_encaissem_regularise_par_id_dd7fab8d_fk_recettes_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_encaissement
    ADD CONSTRAINT tresorerie_encaissem_regularise_par_id_dd7fab8d_fk_recettes_ FOREIGN KEY (regularise_par_id) REFERENCES public.recettes_ordrerecette(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_encaissement tresorerie_encaissement_recu_par_id_2ef83619_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_encaissement
    ADD CONSTRAINT tresorerie_encaissement_recu_par_id_2ef83619_fk_auth_user_id FOREIGN KEY (recu_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_etatdepensesregie tresorerie_etatdepen_admis_par_id_24a582e0_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_etatdepensesregie
    ADD CONSTRAINT tresorerie_etatdepen_admis_par_id_24a582e0_fk_auth_user FOREIGN KEY (admis_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_etatdepensesregie tresorerie_etatdepen_etabli_par_id_a25af144_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_etatdepensesregie
    ADD CONSTRAINT tresorerie_etatdepen_etabli_par_id_a25af144_fk_auth_user FOREIGN KEY (etabli_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_etatdepensesregie tresorerie_etatdepen_regie_id_bfeb691d_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_etatdepensesregie
    ADD CONSTRAINT tresorerie_etatdepen_regie_id_bfeb691d_fk_tresoreri FOREIGN KEY (regie_id) REFERENCES public.tresorerie_regie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_lignereleve tresorerie_lignerele_releve_id_18d2ccae_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_lignereleve
    ADD CONSTRAINT tresorerie_lignerele_releve_id_18d2ccae_fk_tresoreri FOREIGN KEY (releve_id) REFERENCES public.tresorerie_releve(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_lotpaiement tresorerie_lotpaieme_compte_id_a0b92113_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_lotpaiement
    ADD CONSTRAINT tresorerie_lotpaieme_compte_id_a0b92113_fk_tresoreri FOREIGN KEY (compte_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_lotpaiement tresorerie_lotpaieme_exercice_id_ba894ec8_fk_ledger_ex; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_lotpaiement
    ADD CONSTRAINT tresorerie_lotpaieme_exercice_id_ba894ec8_fk_ledger_ex FOREIGN KEY (exercice_id) REFERENCES public.ledger_exercice(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_lotpaiement tresorerie_lotpaiement_cree_par_id_8d55add2_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_lotpaiement
    ADD CONSTRAINT tresorerie_lotpaiement_cree_par_id_8d55add2_fk_auth_user_id FOREIGN KEY (cree_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_operationregie tresorerie_operation_compte_id_f8400264_fk_ledger_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_operationregie
    ADD CONSTRAINT tresorerie_operation_compte_id_f8400264_fk_ledger_co FOREIGN KEY (compte_id) REFERENCES public.ledger_compte(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_operationregie tresorerie_operation_regie_id_21fc8fda_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_operationregie
    ADD CONSTRAINT tresorerie_operation_regie_id_21fc8fda_fk_tresoreri FOREIGN KEY (regie_id) REFERENCES public.tresorerie_regie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_paiement tresorerie_paiement_ligne_id_7f088606_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_paiement
    ADD CONSTRAINT tresorerie_paiement_ligne_id_7f088606_fk_depenses_ FOREIGN KEY (ligne_id) REFERENCES public.depenses_ligneordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_paiement tresorerie_paiement_lot_id_bc7aa531_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_paiement
    ADD CONSTRAINT tresorerie_paiement_lot_id_bc7aa531_fk_tresoreri FOREIGN KEY (lot_id) REFERENCES public.tresorerie_lotpaiement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_paiement tresorerie_paiement_opposition_id_f6bda49c_fk_oppositio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_paiement
    ADD CONSTRAINT tresorerie_paiement_opposition_id_f6bda49c_fk_oppositio FOREIGN KEY (opposition_id) REFERENCES public.oppositions_opposition(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_paiement tresorerie_paiement_ordre_id_a17e0857_fk_depenses_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_paiement
    ADD CONSTRAINT tresorerie_paiement_ordre_id_a17e0857_fk_depenses_ FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_quittance tresorerie_quittance_annule_id_18f56558_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_quittance
    ADD CONSTRAINT tresorerie_quittance_annule_id_18f56558_fk_tresoreri FOREIGN KEY (annule_id) REFERENCES public.tresorerie_quittance(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_quittance tresorerie_quittance_carnet_id_41884ca2_fk_tresorerie_carnet_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_quittance
    ADD CONSTRAINT tresorerie_quittance_carnet_id_41884ca2_fk_tresorerie_carnet_id FOREIGN KEY (carnet_id) REFERENCES public.tresorerie_carnet(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_quittance tresorerie_quittance_emise_par_id_8e411b2d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_quittance
    ADD CONSTRAINT tresorerie_quittance_emise_par_id_8e411b2d_fk_auth_user_id FOREIGN KEY (emise_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_quittance tresorerie_quittance_encaissement_id_af463735_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_quittance
    ADD CONSTRAINT tresorerie_quittance_encaissement_id_af463735_fk_tresoreri FOREIGN KEY (encaissement_id) REFERENCES public.tresorerie_encaissement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_rapprochement tresorerie_rapproche_ligne_releve_id_114c0aca_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_rapprochement
    ADD CONSTRAINT tresorerie_rapproche_ligne_releve_id_114c0aca_fk_tresoreri FOREIGN KEY (ligne_releve_id) REFERENCES public.tresorerie_lignereleve(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_rapprochement_lignes_ecriture tresorerie_rapproche_rapprochement_id_63bdccaa_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_rapprochement_lignes_ecriture
    ADD CONSTRAINT tresorerie_rapproche_rapprochement_id_63bdccaa_fk_tresoreri FOREIGN KEY (rapprochement_id) REFERENCES public.tresorerie_rapprochement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_rapprochement tresorerie_rapprochement_par_id_00825ddb_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_rapprochement
    ADD CONSTRAINT tresorerie_rapprochement_par_id_00825ddb_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_regie tresorerie_regie_avis_par_id_f32f6e79_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_avis_par_id_f32f6e79_fk_auth_user_id FOREIGN KEY (avis_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_regie tresorerie_regie_compte_id_674fb959_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_compte_id_674fb959_fk_tresoreri FOREIGN KEY (compte_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_regie tresorerie_regie_decision_par_id_bb4ed68f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_decision_par_id_bb4ed68f_fk_auth_user_id FOREIGN KEY (decision_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_regie tresorerie_regie_fin_par_id_b55bbe83_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_fin_par_id_b55bbe83_fk_auth_user_id FOREIGN KEY (fin_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_regie tresorerie_regie_projet_par_id_43e47fee_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_projet_par_id_43e47fee_fk_auth_user_id FOREIGN KEY (projet_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_regie tresorerie_regie_regisseur_id_38243aee_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_regie
    ADD CONSTRAINT tresorerie_regie_regisseur_id_38243aee_fk_auth_user_id FOREIGN KEY (regisseur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_releve tresorerie_releve_compte_id_0a9a1c18_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_releve
    ADD CONSTRAINT tresorerie_releve_compte_id_0a9a1c18_fk_tresoreri FOREIGN KEY (compte_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_releve tresorerie_releve_importe_par_id_2e27921b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_releve
    ADD CONSTRAINT tresorerie_releve_importe_par_id_2e27921b_fk_auth_user_id FOREIGN KEY (importe_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_retour tresorerie_retour_ligne_releve_id_f81301d4_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_retour
    ADD CONSTRAINT tresorerie_retour_ligne_releve_id_f81301d4_fk_tresoreri FOREIGN KEY (ligne_releve_id) REFERENCES public.tresorerie_lignereleve(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_retour tresorerie_retour_ordre_id_3a1ba297_fk_depenses_ordredepense_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_retour
    ADD CONSTRAINT tresorerie_retour_ordre_id_3a1ba297_fk_depenses_ordredepense_id FOREIGN KEY (ordre_id) REFERENCES public.depenses_ordredepense(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_retour tresorerie_retour_paiement_id_9e0ea119_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_retour
    ADD CONSTRAINT tresorerie_retour_paiement_id_9e0ea119_fk_tresoreri FOREIGN KEY (paiement_id) REFERENCES public.tresorerie_paiement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_retour tresorerie_retour_par_id_685c9678_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_retour
    ADD CONSTRAINT tresorerie_retour_par_id_685c9678_fk_auth_user_id FOREIGN KEY (par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_versementregie tresorerie_versement_destination_id_ffe1a78e_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_versementregie
    ADD CONSTRAINT tresorerie_versement_destination_id_ffe1a78e_fk_tresoreri FOREIGN KEY (destination_id) REFERENCES public.tresorerie_comptedisponibilite(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_versementregie tresorerie_versement_regie_id_ef247983_fk_tresoreri; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_versementregie
    ADD CONSTRAINT tresorerie_versement_regie_id_ef247983_fk_tresoreri FOREIGN KEY (regie_id) REFERENCES public.tresorerie_regie(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_versementregie tresorerie_versementregie_recu_par_id_fd7336b0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_versementregie
    ADD CONSTRAINT tresorerie_versementregie_recu_par_id_fd7336b0_fk_auth_user_id FOREIGN KEY (recu_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: tresorerie_versementregie tresorerie_versementregie_remis_par_id_92592aa1_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tresorerie_versementregie
    ADD CONSTRAINT tresorerie_versementregie_remis_par_id_92592aa1_fk_auth_user_id FOREIGN KEY (remis_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO caisse_app;


--
-- Name: FUNCTION ledger_enregistrer_ecriture(p_annee integer, p_journal text, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.ledger_enregistrer_ecriture(p_annee integer, p_journal text, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]) TO caisse_app;


--
-- Name: FUNCTION ledger_exercice_partitionner(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.ledger_exercice_partitionner() FROM PUBLIC;


--
-- Name: FUNCTION ledger_partition_nommer_cles(p_partition text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.ledger_partition_nommer_cles(p_partition text) FROM PUBLIC;


--
-- Name: FUNCTION ledger_partitions_creer(p_exercice bigint, p_nom text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.ledger_partitions_creer(p_exercice bigint, p_nom text) FROM PUBLIC;


--
-- Name: FUNCTION ledger_passer_ecriture(p_annee integer, p_journal text, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.ledger_passer_ecriture(p_annee integer, p_journal text, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.ledger_passer_ecriture(p_annee integer, p_journal text, p_date date, p_libelle text, p_piece text, p_passee_par integer, p_passee_le timestamp with time zone, p_contrepasse bigint, p_comptes text[], p_debits numeric[], p_credits numeric[], p_tiers text[], p_libelles text[]) TO caisse_app;


--
-- Name: FUNCTION ledger_valider_enregistrements(p_exercice bigint, p_limite integer); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.ledger_valider_enregistrements(p_exercice bigint, p_limite integer) TO caisse_app;


--
-- Name: FUNCTION ledger_valider_paquet(p_exercice bigint, p_ids bigint[]); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.ledger_valider_paquet(p_exercice bigint, p_ids bigint[]) FROM PUBLIC;


--
-- Name: FUNCTION oppositions_cle_identifiant(t text); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.oppositions_cle_identifiant(t text) TO caisse_app;


--
-- Name: FUNCTION oppositions_cle_nom(t text); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.oppositions_cle_nom(t text) TO caisse_app;


--
-- Name: FUNCTION oppositions_identifiant_normal(t text); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.oppositions_identifiant_normal(t text) TO caisse_app;


--
-- Name: TABLE personnes_delegation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_delegation TO caisse_app;


--
-- Name: TABLE auth_group; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.auth_group TO caisse_app;


--
-- Name: SEQUENCE auth_group_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.auth_group_id_seq TO caisse_app;


--
-- Name: TABLE auth_group_permissions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.auth_group_permissions TO caisse_app;


--
-- Name: SEQUENCE auth_group_permissions_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.auth_group_permissions_id_seq TO caisse_app;


--
-- Name: TABLE auth_permission; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.auth_permission TO caisse_app;


--
-- Name: SEQUENCE auth_permission_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.auth_permission_id_seq TO caisse_app;


--
-- Name: TABLE auth_user; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.auth_user TO caisse_app;


--
-- Name: TABLE auth_user_groups; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.auth_user_groups TO caisse_app;


--
-- Name: SEQUENCE auth_user_groups_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.auth_user_groups_id_seq TO caisse_app;


--
-- Name: SEQUENCE auth_user_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.auth_user_id_seq TO caisse_app;


--
-- Name: TABLE auth_user_user_permissions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.auth_user_user_permissions TO caisse_app;


--
-- Name: SEQUENCE auth_user_user_permissions_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.auth_user_user_permissions_id_seq TO caisse_app;


--
-- Name: TABLE authtoken_token; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.authtoken_token TO caisse_app;


--
-- Name: TABLE budget_credit; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.budget_credit TO caisse_app;


--
-- Name: SEQUENCE budget_credit_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.budget_credit_id_seq TO caisse_app;


--
-- Name: TABLE budget_modificationcredit; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.budget_modificationcredit TO caisse_app;


--
-- Name: SEQUENCE budget_modificationcredit_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.budget_modificationcredit_id_seq TO caisse_app;


--
-- Name: TABLE budget_mouvementcredit; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.budget_mouvementcredit TO caisse_app;


--
-- Name: SEQUENCE budget_mouvementcredit_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.budget_mouvementcredit_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_approbation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.comptes_annuels_approbation TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_approbation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_approbation_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_aviscodec; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.comptes_annuels_aviscodec TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_aviscodec_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_aviscodec_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_avisfonde; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.comptes_annuels_avisfonde TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_avisfonde_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_avisfonde_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_comptefinancier; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.comptes_annuels_comptefinancier TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_comptefinancier_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_comptefinancier_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_correspondance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.comptes_annuels_correspondance TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_correspondance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_correspondance_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_quitus; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.comptes_annuels_quitus TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_quitus_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_quitus_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_renvoiministre; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.comptes_annuels_renvoiministre TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_renvoiministre_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_renvoiministre_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_rubrique; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.comptes_annuels_rubrique TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_rubrique_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_rubrique_id_seq TO caisse_app;


--
-- Name: TABLE comptes_annuels_transmissioncomptes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.comptes_annuels_transmissioncomptes TO caisse_app;


--
-- Name: SEQUENCE comptes_annuels_transmissioncomptes_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.comptes_annuels_transmissioncomptes_id_seq TO caisse_app;


--
-- Name: TABLE core_cleidempotence; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.core_cleidempotence TO caisse_app;


--
-- Name: SEQUENCE core_cleidempotence_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.core_cleidempotence_id_seq TO caisse_app;


--
-- Name: TABLE core_jetonconsomme; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.core_jetonconsomme TO caisse_app;


--
-- Name: SEQUENCE core_jetonconsomme_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.core_jetonconsomme_id_seq TO caisse_app;


--
-- Name: TABLE core_journalaudit; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.core_journalaudit TO caisse_app;


--
-- Name: SEQUENCE core_journalaudit_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.core_journalaudit_id_seq TO caisse_app;


--
-- Name: TABLE core_progression; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.core_progression TO caisse_app;


--
-- Name: SEQUENCE core_progression_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.core_progression_id_seq TO caisse_app;


--
-- Name: TABLE depenses_certificatnonpaiement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_certificatnonpaiement TO caisse_app;


--
-- Name: SEQUENCE depenses_certificatnonpaiement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_certificatnonpaiement_id_seq TO caisse_app;


--
-- Name: TABLE depenses_certificatreimputation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_certificatreimputation TO caisse_app;


--
-- Name: SEQUENCE depenses_certificatreimputation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_certificatreimputation_id_seq TO caisse_app;


--
-- Name: TABLE depenses_compteurordredepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_compteurordredepense TO caisse_app;


--
-- Name: TABLE depenses_controledepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_controledepense TO caisse_app;


--
-- Name: SEQUENCE depenses_controledepense_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_controledepense_id_seq TO caisse_app;


--
-- Name: TABLE depenses_depensesansordonnancement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_depensesansordonnancement TO caisse_app;


--
-- Name: SEQUENCE depenses_depensesansordonnancement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_depensesansordonnancement_id_seq TO caisse_app;


--
-- Name: TABLE depenses_engagement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_engagement TO caisse_app;


--
-- Name: SEQUENCE depenses_engagement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_engagement_id_seq TO caisse_app;


--
-- Name: TABLE depenses_ligneordredepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_ligneordredepense TO caisse_app;


--
-- Name: SEQUENCE depenses_ligneordredepense_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_ligneordredepense_id_seq TO caisse_app;


--
-- Name: TABLE depenses_ordredepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_ordredepense TO caisse_app;


--
-- Name: SEQUENCE depenses_ordredepense_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_ordredepense_id_seq TO caisse_app;


--
-- Name: TABLE depenses_paiementdiffere; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_paiementdiffere TO caisse_app;


--
-- Name: SEQUENCE depenses_paiementdiffere_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_paiementdiffere_id_seq TO caisse_app;


--
-- Name: TABLE depenses_piecedepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_piecedepense TO caisse_app;


--
-- Name: SEQUENCE depenses_piecedepense_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_piecedepense_id_seq TO caisse_app;


--
-- Name: TABLE depenses_plancontroledepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_plancontroledepense TO caisse_app;


--
-- Name: SEQUENCE depenses_plancontroledepense_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_plancontroledepense_id_seq TO caisse_app;


--
-- Name: TABLE depenses_reponserequisition; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_reponserequisition TO caisse_app;


--
-- Name: SEQUENCE depenses_reponserequisition_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_reponserequisition_id_seq TO caisse_app;


--
-- Name: TABLE depenses_requisition; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_requisition TO caisse_app;


--
-- Name: SEQUENCE depenses_requisition_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_requisition_id_seq TO caisse_app;


--
-- Name: TABLE depenses_servicefait; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_servicefait TO caisse_app;


--
-- Name: SEQUENCE depenses_servicefait_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_servicefait_id_seq TO caisse_app;


--
-- Name: TABLE depenses_signaturedepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_signaturedepense TO caisse_app;


--
-- Name: SEQUENCE depenses_signaturedepense_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_signaturedepense_id_seq TO caisse_app;


--
-- Name: TABLE depenses_suspension; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_suspension TO caisse_app;


--
-- Name: SEQUENCE depenses_suspension_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_suspension_id_seq TO caisse_app;


--
-- Name: TABLE depenses_tiragecontroledepense; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.depenses_tiragecontroledepense TO caisse_app;


--
-- Name: SEQUENCE depenses_tiragecontroledepense_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.depenses_tiragecontroledepense_id_seq TO caisse_app;


--
-- Name: TABLE django_admin_log; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.django_admin_log TO caisse_app;


--
-- Name: SEQUENCE django_admin_log_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.django_admin_log_id_seq TO caisse_app;


--
-- Name: TABLE django_content_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.django_content_type TO caisse_app;


--
-- Name: SEQUENCE django_content_type_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.django_content_type_id_seq TO caisse_app;


--
-- Name: TABLE django_migrations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.django_migrations TO caisse_app;


--
-- Name: SEQUENCE django_migrations_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.django_migrations_id_seq TO caisse_app;


--
-- Name: TABLE django_session; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.django_session TO caisse_app;


--
-- Name: TABLE inventaire_articleetat; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.inventaire_articleetat TO caisse_app;


--
-- Name: SEQUENCE inventaire_articleetat_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.inventaire_articleetat_id_seq TO caisse_app;


--
-- Name: TABLE inventaire_contrepassationinventaire; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.inventaire_contrepassationinventaire TO caisse_app;


--
-- Name: SEQUENCE inventaire_contrepassationinventaire_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.inventaire_contrepassationinventaire_id_seq TO caisse_app;


--
-- Name: TABLE inventaire_etatinventaire; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.inventaire_etatinventaire TO caisse_app;


--
-- Name: SEQUENCE inventaire_etatinventaire_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.inventaire_etatinventaire_id_seq TO caisse_app;


--
-- Name: TABLE ledger_arretecomptes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ledger_arretecomptes TO caisse_app;


--
-- Name: SEQUENCE ledger_arretecomptes_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_arretecomptes_id_seq TO caisse_app;


--
-- Name: TABLE ledger_balancefigee; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.ledger_balancefigee TO caisse_app;


--
-- Name: SEQUENCE ledger_balancefigee_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_balancefigee_id_seq TO caisse_app;


--
-- Name: TABLE ledger_chaine; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.ledger_chaine TO caisse_app;


--
-- Name: TABLE ledger_compte; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ledger_compte TO caisse_app;


--
-- Name: SEQUENCE ledger_compte_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_compte_id_seq TO caisse_app;


--
-- Name: TABLE ledger_compteur; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.ledger_compteur TO caisse_app;


--
-- Name: SEQUENCE ledger_compteur_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_compteur_id_seq TO caisse_app;


--
-- Name: TABLE ledger_cumul; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.ledger_cumul TO caisse_app;


--
-- Name: SEQUENCE ledger_cumul_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_cumul_id_seq TO caisse_app;


--
-- Name: TABLE ledger_ecriture; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.ledger_ecriture TO caisse_app;


--
-- Name: SEQUENCE ledger_ecriture_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_ecriture_id_seq TO caisse_app;


--
-- Name: TABLE ledger_enregistrement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.ledger_enregistrement TO caisse_app;


--
-- Name: SEQUENCE ledger_enregistrement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_enregistrement_id_seq TO caisse_app;


--
-- Name: TABLE ledger_envoibalance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.ledger_envoibalance TO caisse_app;


--
-- Name: SEQUENCE ledger_envoibalance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_envoibalance_id_seq TO caisse_app;


--
-- Name: TABLE ledger_exercice; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ledger_exercice TO caisse_app;


--
-- Name: SEQUENCE ledger_exercice_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_exercice_id_seq TO caisse_app;


--
-- Name: TABLE ledger_journal; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ledger_journal TO caisse_app;


--
-- Name: SEQUENCE ledger_journal_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_journal_id_seq TO caisse_app;


--
-- Name: TABLE ledger_ligne; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.ledger_ligne TO caisse_app;


--
-- Name: SEQUENCE ledger_ligne_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_ligne_id_seq TO caisse_app;


--
-- Name: TABLE ledger_lignebalancefigee; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.ledger_lignebalancefigee TO caisse_app;


--
-- Name: SEQUENCE ledger_lignebalancefigee_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_lignebalancefigee_id_seq TO caisse_app;


--
-- Name: TABLE ledger_lot; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.ledger_lot TO caisse_app;


--
-- Name: TABLE ledger_lot_controle; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.ledger_lot_controle TO caisse_app;


--
-- Name: SEQUENCE ledger_lot_controle_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_lot_controle_id_seq TO caisse_app;


--
-- Name: SEQUENCE ledger_lot_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.ledger_lot_id_seq TO caisse_app;


--
-- Name: TABLE ledger_rejet; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.ledger_rejet TO caisse_app;


--
-- Name: TABLE ledger_validation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.ledger_validation TO caisse_app;


--
-- Name: TABLE oppositions_imputation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.oppositions_imputation TO caisse_app;


--
-- Name: SEQUENCE oppositions_imputation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.oppositions_imputation_id_seq TO caisse_app;


--
-- Name: TABLE oppositions_opposition; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.oppositions_opposition TO caisse_app;


--
-- Name: SEQUENCE oppositions_opposition_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.oppositions_opposition_id_seq TO caisse_app;


--
-- Name: TABLE personnes_affectation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_affectation TO caisse_app;


--
-- Name: SEQUENCE personnes_affectation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_affectation_id_seq TO caisse_app;


--
-- Name: TABLE personnes_compteurechecs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_compteurechecs TO caisse_app;


--
-- Name: SEQUENCE personnes_compteurechecs_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_compteurechecs_id_seq TO caisse_app;


--
-- Name: SEQUENCE personnes_delegation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_delegation_id_seq TO caisse_app;


--
-- Name: TABLE personnes_installation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_installation TO caisse_app;


--
-- Name: SEQUENCE personnes_installation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_installation_id_seq TO caisse_app;


--
-- Name: TABLE personnes_interim; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_interim TO caisse_app;


--
-- Name: SEQUENCE personnes_interim_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_interim_id_seq TO caisse_app;


--
-- Name: TABLE personnes_mandat; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_mandat TO caisse_app;


--
-- Name: SEQUENCE personnes_mandat_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_mandat_id_seq TO caisse_app;


--
-- Name: TABLE personnes_procuration; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_procuration TO caisse_app;


--
-- Name: SEQUENCE personnes_procuration_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_procuration_id_seq TO caisse_app;


--
-- Name: TABLE personnes_prorogationreserves; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_prorogationreserves TO caisse_app;


--
-- Name: SEQUENCE personnes_prorogationreserves_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_prorogationreserves_id_seq TO caisse_app;


--
-- Name: TABLE personnes_reserve; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_reserve TO caisse_app;


--
-- Name: SEQUENCE personnes_reserve_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_reserve_id_seq TO caisse_app;


--
-- Name: TABLE personnes_secondfacteur; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personnes_secondfacteur TO caisse_app;


--
-- Name: SEQUENCE personnes_secondfacteur_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.personnes_secondfacteur_id_seq TO caisse_app;


--
-- Name: TABLE recettes_compteurordre; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_compteurordre TO caisse_app;


--
-- Name: TABLE recettes_controleeffectue; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_controleeffectue TO caisse_app;


--
-- Name: SEQUENCE recettes_controleeffectue_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_controleeffectue_id_seq TO caisse_app;


--
-- Name: TABLE recettes_ligneordrerecette; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_ligneordrerecette TO caisse_app;


--
-- Name: SEQUENCE recettes_ligneordrerecette_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_ligneordrerecette_id_seq TO caisse_app;


--
-- Name: TABLE recettes_ordrerecette; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_ordrerecette TO caisse_app;


--
-- Name: SEQUENCE recettes_ordrerecette_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_ordrerecette_id_seq TO caisse_app;


--
-- Name: TABLE recettes_piecejustificative; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_piecejustificative TO caisse_app;


--
-- Name: SEQUENCE recettes_piecejustificative_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_piecejustificative_id_seq TO caisse_app;


--
-- Name: TABLE recettes_plancontrole; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_plancontrole TO caisse_app;


--
-- Name: SEQUENCE recettes_plancontrole_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_plancontrole_id_seq TO caisse_app;


--
-- Name: TABLE recettes_reduction; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_reduction TO caisse_app;


--
-- Name: SEQUENCE recettes_reduction_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_reduction_id_seq TO caisse_app;


--
-- Name: TABLE recettes_signature; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_signature TO caisse_app;


--
-- Name: SEQUENCE recettes_signature_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_signature_id_seq TO caisse_app;


--
-- Name: TABLE recettes_tiragecontrole; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recettes_tiragecontrole TO caisse_app;


--
-- Name: SEQUENCE recettes_tiragecontrole_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recettes_tiragecontrole_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_acte; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_acte TO caisse_app;


--
-- Name: COLUMN recouvrement_acte.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_acte TO caisse_app;


--
-- Name: SEQUENCE recouvrement_acte_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_acte_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_actehuissier; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.recouvrement_actehuissier TO caisse_app;


--
-- Name: SEQUENCE recouvrement_actehuissier_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_actehuissier_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_aviscaisse; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_aviscaisse TO caisse_app;


--
-- Name: COLUMN recouvrement_aviscaisse.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_aviscaisse TO caisse_app;


--
-- Name: SEQUENCE recouvrement_aviscaisse_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_aviscaisse_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_contratconserve; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_contratconserve TO caisse_app;


--
-- Name: SEQUENCE recouvrement_contratconserve_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_contratconserve_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_creance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_creance TO caisse_app;


--
-- Name: SEQUENCE recouvrement_creance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_creance_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_debiteur; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_debiteur TO caisse_app;


--
-- Name: SEQUENCE recouvrement_debiteur_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_debiteur_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_declarationcreance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_declarationcreance TO caisse_app;


--
-- Name: COLUMN recouvrement_declarationcreance.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_declarationcreance TO caisse_app;


--
-- Name: TABLE recouvrement_declarationcreance_creances; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_declarationcreance_creances TO caisse_app;


--
-- Name: COLUMN recouvrement_declarationcreance_creances.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_declarationcreance_creances TO caisse_app;


--
-- Name: SEQUENCE recouvrement_declarationcreance_creances_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_declarationcreance_creances_id_seq TO caisse_app;


--
-- Name: SEQUENCE recouvrement_declarationcreance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_declarationcreance_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_delaipaiement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_delaipaiement TO caisse_app;


--
-- Name: SEQUENCE recouvrement_delaipaiement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_delaipaiement_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_dispensevisite; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_dispensevisite TO caisse_app;


--
-- Name: COLUMN recouvrement_dispensevisite.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_dispensevisite TO caisse_app;


--
-- Name: SEQUENCE recouvrement_dispensevisite_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_dispensevisite_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_echeance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_echeance TO caisse_app;


--
-- Name: COLUMN recouvrement_echeance.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_echeance TO caisse_app;


--
-- Name: SEQUENCE recouvrement_echeance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_echeance_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_envoietatnominatif; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_envoietatnominatif TO caisse_app;


--
-- Name: COLUMN recouvrement_envoietatnominatif.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_envoietatnominatif TO caisse_app;


--
-- Name: SEQUENCE recouvrement_envoietatnominatif_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_envoietatnominatif_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_envoiliste; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_envoiliste TO caisse_app;


--
-- Name: COLUMN recouvrement_envoiliste.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_envoiliste TO caisse_app;


--
-- Name: SEQUENCE recouvrement_envoiliste_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_envoiliste_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_evenementprocedure; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_evenementprocedure TO caisse_app;


--
-- Name: COLUMN recouvrement_evenementprocedure.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_evenementprocedure TO caisse_app;


--
-- Name: SEQUENCE recouvrement_evenementprocedure_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_evenementprocedure_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_garantie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_garantie TO caisse_app;


--
-- Name: SEQUENCE recouvrement_garantie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_garantie_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_huissier; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_huissier TO caisse_app;


--
-- Name: SEQUENCE recouvrement_huissier_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_huissier_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_lettrerelance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_lettrerelance TO caisse_app;


--
-- Name: SEQUENCE recouvrement_lettrerelance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_lettrerelance_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_lignerelance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_lignerelance TO caisse_app;


--
-- Name: SEQUENCE recouvrement_lignerelance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_lignerelance_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_lotrelances; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_lotrelances TO caisse_app;


--
-- Name: SEQUENCE recouvrement_lotrelances_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_lotrelances_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_miseendemeure; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.recouvrement_miseendemeure TO caisse_app;


--
-- Name: SEQUENCE recouvrement_miseendemeure_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_miseendemeure_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_miseendemeurecreance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_miseendemeurecreance TO caisse_app;


--
-- Name: COLUMN recouvrement_miseendemeurecreance.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_miseendemeurecreance TO caisse_app;


--
-- Name: SEQUENCE recouvrement_miseendemeurecreance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_miseendemeurecreance_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_periodiciteliste; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recouvrement_periodiciteliste TO caisse_app;


--
-- Name: SEQUENCE recouvrement_periodiciteliste_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_periodiciteliste_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_poursuite; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_poursuite TO caisse_app;


--
-- Name: COLUMN recouvrement_poursuite.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_poursuite TO caisse_app;


--
-- Name: SEQUENCE recouvrement_poursuite_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_poursuite_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_procedurecollective; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.recouvrement_procedurecollective TO caisse_app;


--
-- Name: SEQUENCE recouvrement_procedurecollective_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_procedurecollective_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_recoursamiable; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.recouvrement_recoursamiable TO caisse_app;


--
-- Name: SEQUENCE recouvrement_recoursamiable_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_recoursamiable_id_seq TO caisse_app;


--
-- Name: TABLE recouvrement_visitehuissier; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.recouvrement_visitehuissier TO caisse_app;


--
-- Name: COLUMN recouvrement_visitehuissier.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.recouvrement_visitehuissier TO caisse_app;


--
-- Name: SEQUENCE recouvrement_visitehuissier_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.recouvrement_visitehuissier_id_seq TO caisse_app;


--
-- Name: TABLE reglementation_parametre; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.reglementation_parametre TO caisse_app;


--
-- Name: SEQUENCE reglementation_parametre_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.reglementation_parametre_id_seq TO caisse_app;


--
-- Name: TABLE reglementation_reglerattachement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.reglementation_reglerattachement TO caisse_app;


--
-- Name: SEQUENCE reglementation_reglerattachement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.reglementation_reglerattachement_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_avisministres; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.responsabilite_avisministres TO caisse_app;


--
-- Name: COLUMN responsabilite_avisministres.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.responsabilite_avisministres TO caisse_app;


--
-- Name: SEQUENCE responsabilite_avisministres_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_avisministres_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_demande; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.responsabilite_demande TO caisse_app;


--
-- Name: SEQUENCE responsabilite_demande_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_demande_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_dossierdrass; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.responsabilite_dossierdrass TO caisse_app;


--
-- Name: COLUMN responsabilite_dossierdrass.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.responsabilite_dossierdrass TO caisse_app;


--
-- Name: SEQUENCE responsabilite_dossierdrass_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_dossierdrass_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_miseencause; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.responsabilite_miseencause TO caisse_app;


--
-- Name: COLUMN responsabilite_miseencause.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.responsabilite_miseencause TO caisse_app;


--
-- Name: SEQUENCE responsabilite_miseencause_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_miseencause_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_nonvaleur; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.responsabilite_nonvaleur TO caisse_app;


--
-- Name: SEQUENCE responsabilite_nonvaleur_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_nonvaleur_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_notificationassociation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.responsabilite_notificationassociation TO caisse_app;


--
-- Name: SEQUENCE responsabilite_notificationassociation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_notificationassociation_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_ordredebet; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.responsabilite_ordredebet TO caisse_app;


--
-- Name: SEQUENCE responsabilite_ordredebet_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_ordredebet_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_recouvrement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.responsabilite_recouvrement TO caisse_app;


--
-- Name: SEQUENCE responsabilite_recouvrement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_recouvrement_id_seq TO caisse_app;


--
-- Name: TABLE responsabilite_versement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.responsabilite_versement TO caisse_app;


--
-- Name: SEQUENCE responsabilite_versement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.responsabilite_versement_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_affectation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_affectation TO caisse_app;


--
-- Name: SEQUENCE tresorerie_affectation_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_affectation_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_arretecaisse; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_arretecaisse TO caisse_app;


--
-- Name: SEQUENCE tresorerie_arretecaisse_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_arretecaisse_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_arreteregie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_arreteregie TO caisse_app;


--
-- Name: COLUMN tresorerie_arreteregie.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.tresorerie_arreteregie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_arreteregie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_arreteregie_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_avanceregie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_avanceregie TO caisse_app;


--
-- Name: COLUMN tresorerie_avanceregie.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.tresorerie_avanceregie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_avanceregie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_avanceregie_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_carnet; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_carnet TO caisse_app;


--
-- Name: SEQUENCE tresorerie_carnet_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_carnet_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_comptedisponibilite; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_comptedisponibilite TO caisse_app;


--
-- Name: SEQUENCE tresorerie_comptedisponibilite_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_comptedisponibilite_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_controleregie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_controleregie TO caisse_app;


--
-- Name: COLUMN tresorerie_controleregie.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.tresorerie_controleregie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_controleregie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_controleregie_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_correctioncoordonnees; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_correctioncoordonnees TO caisse_app;


--
-- Name: SEQUENCE tresorerie_correctioncoordonnees_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_correctioncoordonnees_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_decisionopposition; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_decisionopposition TO caisse_app;


--
-- Name: SEQUENCE tresorerie_decisionopposition_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_decisionopposition_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_depenseregie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_depenseregie TO caisse_app;


--
-- Name: COLUMN tresorerie_depenseregie.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.tresorerie_depenseregie TO caisse_app;


--
-- Name: COLUMN tresorerie_depenseregie.etat_depenses_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(etat_depenses_id) ON TABLE public.tresorerie_depenseregie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_depenseregie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_depenseregie_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_encaissement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_encaissement TO caisse_app;


--
-- Name: SEQUENCE tresorerie_encaissement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_encaissement_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_etatdepensesregie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_etatdepensesregie TO caisse_app;


--
-- Name: COLUMN tresorerie_etatdepensesregie.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.tresorerie_etatdepensesregie TO caisse_app;


--
-- Name: COLUMN tresorerie_etatdepensesregie.admis_le; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(admis_le) ON TABLE public.tresorerie_etatdepensesregie TO caisse_app;


--
-- Name: COLUMN tresorerie_etatdepensesregie.observations; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(observations) ON TABLE public.tresorerie_etatdepensesregie TO caisse_app;


--
-- Name: COLUMN tresorerie_etatdepensesregie.admis_par_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(admis_par_id) ON TABLE public.tresorerie_etatdepensesregie TO caisse_app;


--
-- Name: COLUMN tresorerie_etatdepensesregie.ecriture_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(ecriture_id) ON TABLE public.tresorerie_etatdepensesregie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_etatdepensesregie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_etatdepensesregie_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_lignereleve; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_lignereleve TO caisse_app;


--
-- Name: SEQUENCE tresorerie_lignereleve_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_lignereleve_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_lotpaiement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_lotpaiement TO caisse_app;


--
-- Name: SEQUENCE tresorerie_lotpaiement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_lotpaiement_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_operationregie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_operationregie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_operationregie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_operationregie_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_paiement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_paiement TO caisse_app;


--
-- Name: SEQUENCE tresorerie_paiement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_paiement_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_quittance; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_quittance TO caisse_app;


--
-- Name: SEQUENCE tresorerie_quittance_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_quittance_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_rapprochement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_rapprochement TO caisse_app;


--
-- Name: SEQUENCE tresorerie_rapprochement_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_rapprochement_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_rapprochement_lignes_ecriture; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_rapprochement_lignes_ecriture TO caisse_app;


--
-- Name: SEQUENCE tresorerie_rapprochement_lignes_ecriture_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_rapprochement_lignes_ecriture_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_regie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_regie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_regie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_regie_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_releve; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tresorerie_releve TO caisse_app;


--
-- Name: SEQUENCE tresorerie_releve_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_releve_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_retour; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_retour TO caisse_app;


--
-- Name: SEQUENCE tresorerie_retour_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_retour_id_seq TO caisse_app;


--
-- Name: TABLE tresorerie_versementregie; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tresorerie_versementregie TO caisse_app;


--
-- Name: COLUMN tresorerie_versementregie.id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(id) ON TABLE public.tresorerie_versementregie TO caisse_app;


--
-- Name: COLUMN tresorerie_versementregie.etat; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(etat) ON TABLE public.tresorerie_versementregie TO caisse_app;


--
-- Name: COLUMN tresorerie_versementregie.recu_le; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(recu_le) ON TABLE public.tresorerie_versementregie TO caisse_app;


--
-- Name: COLUMN tresorerie_versementregie.destination_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(destination_id) ON TABLE public.tresorerie_versementregie TO caisse_app;


--
-- Name: COLUMN tresorerie_versementregie.ecriture_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(ecriture_id) ON TABLE public.tresorerie_versementregie TO caisse_app;


--
-- Name: COLUMN tresorerie_versementregie.recu_par_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(recu_par_id) ON TABLE public.tresorerie_versementregie TO caisse_app;


--
-- Name: SEQUENCE tresorerie_versementregie_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.tresorerie_versementregie_id_seq TO caisse_app;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT,USAGE ON SEQUENCES TO caisse_app;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES TO caisse_app;


--
-- PostgreSQL database dump complete
--

