-- Installation and remise de service (circulaire 93/82 §1.1.0). Kept by
-- PostgreSQL for SQL written around the services
-- (personnes/services_installation.py says it first):
-- - the procès-verbal of an installation, its réserves and prorogations are
--   never changed nor deleted once recorded (LG610);
-- - « les réserves sur la gestion du prédécesseur sont formulées par l'agent
--   comptable dans les six mois qui suivent son installation », or by the
--   limit of a prorogation granted (LG611).

CREATE FUNCTION personnes_installation_figee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'LG610',
        MESSAGE = 'Le procès-verbal d''installation et de remise de service, ses réserves et leurs prorogations ne sont ni modifiés ni supprimés une fois enregistrés (circulaire 93/82 §1.1.0).';
END;
$$;

CREATE TRIGGER installation_figee BEFORE UPDATE OR DELETE ON personnes_installation
    FOR EACH ROW EXECUTE FUNCTION personnes_installation_figee();
CREATE TRIGGER reserve_figee BEFORE UPDATE OR DELETE ON personnes_reserve
    FOR EACH ROW EXECUTE FUNCTION personnes_installation_figee();
CREATE TRIGGER prorogation_reserves_figee BEFORE UPDATE OR DELETE ON personnes_prorogationreserves
    FOR EACH ROW EXECUTE FUNCTION personnes_installation_figee();

CREATE FUNCTION personnes_reserve_dans_le_delai() RETURNS trigger
LANGUAGE plpgsql AS $$
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

CREATE TRIGGER reserve_dans_le_delai BEFORE INSERT ON personnes_reserve
    FOR EACH ROW EXECUTE FUNCTION personnes_reserve_dans_le_delai();
