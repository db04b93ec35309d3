"""The caps of an interim hold over consecutive periods, not per row
(issue 12 point 1; D253-14, circ. 93/82 §1.1.2): service and PostgreSQL."""

import datetime

import pytest

from core.exceptions import DonneeInvalide
from core.models import JournalAudit
from personnes.models import Fonction, Interim
from personnes.services import interim_designer
from tests.personnes.conftest import nommee
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

D = datetime.date
INSERER_INTERIM = (
    "INSERT INTO personnes_interim (utilisateur_id, nature, debut, fin, nomme_le, deliberation, cree_le)"
    " SELECT v.u, v.n, v.d, v.f, CASE WHEN v.n = 'interimaire' THEN v.d END,"
    " CASE WHEN v.n = 'interimaire' THEN 'CA n° 12' ELSE '' END, now()"
    " FROM (VALUES (%s::bigint, %s::varchar, %s::date, %s::date)) v(u, n, d, f)"
)


def _designer(directrice, qui, nature, debut, fin) -> Interim:
    nomination = (
        {"nomme_le": debut, "deliberation": "CA n° 12"}
        if nature == Interim.Nature.INTERIMAIRE
        else {}
    )
    return interim_designer(
        acting_user=directrice, utilisateur=qui, nature=nature, debut=debut, fin=fin, **nomination
    )


def test_un_second_interim_consecutif_de_trois_mois_du_fonde_de_pouvoir_est_refuse(
    directrice, fonde
):
    FDP = Interim.Nature.FONDE_DE_POUVOIR
    premier = _designer(directrice, fonde, FDP, D(2025, 1, 1), D(2025, 3, 31))

    with pytest.raises(DonneeInvalide) as erreur:
        _designer(directrice, fonde, FDP, D(2025, 4, 1), D(2025, 6, 30))

    assert erreur.value.message == (
        "Le fondé de pouvoir n'assure les fonctions d'agent comptable que pour 3 mois au plus, "
        "sur des périodes consécutives comme sur une seule : avec l'intérim déjà enregistré "
        "(du 01/01/2025 au 31/03/2025), Claire Roussel l'exercerait sans interruption du "
        "01/01/2025 au 30/06/2025, au-delà du 31/03/2025 (article D253-14, circulaire 93/82 "
        "§1.1.2)."
    )
    assert erreur.value.details["interims"] == [premier.pk]
    assert list(Interim.objects.all()) == [premier]
    assert JournalAudit.objects.filter(acte="interim.designe").count() == 1


def test_la_chaine_se_compte_avant_et_apres_et_dans_la_limite_elle_passe(directrice, fonde):
    FDP = Interim.Nature.FONDE_DE_POUVOIR
    _designer(directrice, fonde, FDP, D(2025, 1, 1), D(2025, 1, 31))
    _designer(directrice, fonde, FDP, D(2025, 3, 1), D(2025, 3, 31))
    # Fills the gap: 1 January to 31 March, exactly three months.
    _designer(directrice, fonde, FDP, D(2025, 2, 1), D(2025, 2, 28))
    assert Interim.objects.count() == 3

    # One more day before or after the chain is refused.
    for debut, fin in ((D(2025, 4, 1), D(2025, 4, 1)), (D(2024, 12, 31), D(2024, 12, 31))):
        with pytest.raises(DonneeInvalide, match="les intérims déjà enregistrés"):
            _designer(directrice, fonde, FDP, debut, fin)
    assert Interim.objects.count() == 3


def test_un_jour_d_interruption_rouvre_le_compte(directrice, fonde):
    FDP = Interim.Nature.FONDE_DE_POUVOIR
    _designer(directrice, fonde, FDP, D(2025, 1, 1), D(2025, 3, 31))
    second = _designer(directrice, fonde, FDP, D(2025, 4, 2), D(2025, 7, 1))
    assert second.fin == D(2025, 7, 1)


def test_l_interimaire_six_mois_sur_des_periodes_consecutives(directrice):
    interimaire = nommee("interimaire", "Marc", "Dumas", Fonction.MANDATAIRE)
    INT = Interim.Nature.INTERIMAIRE
    _designer(directrice, interimaire, INT, D(2025, 1, 1), D(2025, 4, 30))
    _designer(directrice, interimaire, INT, D(2025, 5, 1), D(2025, 6, 30))
    with pytest.raises(DonneeInvalide) as erreur:
        _designer(directrice, interimaire, INT, D(2025, 7, 1), D(2025, 7, 15))
    assert erreur.value.message.startswith(
        "L'agent comptable intérimaire n'est nommé que pour 6 mois au plus, sur des périodes "
        "consécutives comme sur une seule"
    )
    assert erreur.value.details["fin_chaine"] == "2025-07-15"
    assert erreur.value.details["fin_maximale"] == "2025-06-30"


def test_postgresql_refuse_la_chaine_trop_longue(fonde):
    with curseur_en_savepoint() as cur:
        cur.execute(INSERER_INTERIM, [fonde.pk, "fonde_de_pouvoir", "2025-01-01", "2025-02-28"])

    refus = refus_sql(
        lambda cur: cur.execute(
            INSERER_INTERIM, [fonde.pk, "fonde_de_pouvoir", "2025-03-01", "2025-04-15"]
        ),
        "Claire Roussel exercerait l'intérim de l'agent comptable (fondé de pouvoir faisant "
        "fonction) sans interruption du 01/01/2025 au 15/04/2025, au-delà du 31/03/2025 : 3 mois "
        "au plus, sur des périodes consécutives comme sur une seule (article D253-14, circulaire "
        "93/82 §1.1.2).",
    )

    assert refus.sqlstate == "LG606"
    # The same row, ending on 31 March, is accepted; after a day's break too.
    with curseur_en_savepoint() as cur:
        cur.execute(INSERER_INTERIM, [fonde.pk, "fonde_de_pouvoir", "2025-03-01", "2025-03-31"])
        cur.execute(INSERER_INTERIM, [fonde.pk, "fonde_de_pouvoir", "2025-04-02", "2025-05-01"])
    assert Interim.objects.count() == 3


def test_postgresql_refuse_l_allongement_d_une_ligne_de_la_chaine(fonde):
    with curseur_en_savepoint() as cur:
        cur.execute(INSERER_INTERIM, [fonde.pk, "fonde_de_pouvoir", "2025-01-01", "2025-02-28"])
        cur.execute(INSERER_INTERIM, [fonde.pk, "fonde_de_pouvoir", "2025-03-01", "2025-03-31"])
    refus = refus_sql(
        lambda cur: cur.execute(
            "UPDATE personnes_interim SET fin = '2025-04-10' WHERE utilisateur_id = %s"
            " AND debut = '2025-03-01'",
            [fonde.pk],
        ),
        "au-delà du 31/03/2025",
    )
    assert refus.sqlstate == "LG606"
