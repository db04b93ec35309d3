# ruff: noqa: F811  (the fixtures imported from cycle_outils are parameters of the tests)
"""PostgreSQL keeps the order of the comptes annuels' life after the board
whatever writes to it (comptes_annuels/migrations/sql/0005_cycle.sql): no
approval without a sending, no quitus without an approval, no fondé's quitus
without the agent comptable's favourable avis, and no row changed or removed."""

import datetime

import pytest

from comptes_annuels import services_cycle as cycle
from comptes_annuels.models import Approbation, Quitus
from personnes.models import Fonction
from tests.comptes_annuels.cycle_outils import approuve, clos, transmis  # noqa: F401 (fixtures)
from tests.factories import personne
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date

_APPROBATION = (
    "INSERT INTO comptes_annuels_approbation (exercice_id, autorite, approuve_le, reference,"
    " enregistre_par_id, enregistre_le) VALUES (%s, %s, %s, 'SQL', %s, now())"
)
_QUITUS = (
    "INSERT INTO comptes_annuels_quitus (exercice_id, beneficiaire_id, qualite, donne_le,"
    " deliberation, avis_id, enregistre_par_id, enregistre_le)"
    " VALUES (%s, %s, %s, %s, 'SQL', %s, %s, now())"
)


def test_une_approbation_sans_transmission_est_refusee(directrice, clos):
    refus_sql(
        lambda cur: cur.execute(
            _APPROBATION, [clos.pk, "drass", D(clos.annee + 1, 5, 1), directrice.pk]
        ),
        "ne s'approuvent qu'une fois transmis",
    )


def test_une_approbation_datee_avant_la_transmission_est_refusee(directrice, transmis):
    refus_sql(
        lambda cur: cur.execute(
            _APPROBATION, [transmis.pk, "drass", D(transmis.annee + 1, 3, 19), directrice.pk]
        ),
        "ne s'approuvent qu'une fois transmis",
    )


def test_une_transmission_sans_arrete_est_refusee(comptable, directrice, exercice):
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO comptes_annuels_transmissioncomptes (exercice_id, transmis_le, reference,"
            " limite, article_limite, enregistre_par_id, enregistre_le)"
            " VALUES (%s, %s, 'SQL', %s, 'D613-41', %s, now())",
            [exercice.pk, D(exercice.annee, 6, 1), D(exercice.annee + 1, 3, 31), directrice.pk],
        ),
        "une fois arrêtés par le conseil d'administration",
    )


def test_un_quitus_sans_approbation_est_refuse(comptable, directrice, transmis):
    refus_sql(
        lambda cur: cur.execute(
            _QUITUS,
            [
                transmis.pk,
                comptable.pk,
                "agent_comptable",
                D(transmis.annee + 1, 6, 1),
                None,
                directrice.pk,
            ],
        ),
        "Le conseil d'administration ne peut délivrer quitus à l'agent comptable que lorsque "
        "les comptes sont approuvés (circulaire 93/82 §IV).",
    )
    assert not Quitus.objects.exists()


def test_le_quitus_d_un_fonde_sans_avis_favorable_est_refuse(
    horloge,
    comptable,
    directrice,
    approuve,
):
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    horloge(D(approuve.annee + 1, 6, 1))
    defavorable = cycle.avis_fonde_enregistrer(
        acting_user=comptable, exercice=approuve, fonde=fonde, favorable=False, texte="Non."
    )
    refus_sql(
        lambda cur: cur.execute(
            _QUITUS,
            [
                approuve.pk,
                fonde.pk,
                "fonde_de_pouvoir",
                D(approuve.annee + 1, 6, 1),
                defavorable.pk,
                directrice.pk,
            ],
        ),
        "subordonné à l'avis favorable de l'agent comptable",
    )


def test_les_lignes_ne_se_modifient_ni_ne_se_suppriment(horloge, directrice, approuve):
    n1 = approuve.annee + 1
    horloge(D(n1, 6, 1))
    cycle.quitus_donner(acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="Q")
    refus_sql(
        lambda cur: cur.execute("UPDATE comptes_annuels_approbation SET autorite = 'ministre'"),
        "L'approbation des comptes annuels enregistrée ne se modifie ni ne se supprime.",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM comptes_annuels_transmissioncomptes"),
        "La transmission des comptes annuels enregistrée ne se modifie ni ne se supprime.",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM comptes_annuels_quitus"),
        "Le quitus enregistré ne se modifie ni ne se supprime.",
    )
    assert Approbation.objects.get().autorite == "drass" and Quitus.objects.count() == 1
