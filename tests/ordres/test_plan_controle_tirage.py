"""The plan de contrôle's sample cannot be predicted by the ordonnateur (issue
10, point 12): a sampled order is drawn when the agent comptable acts on it
(prise en charge, visa), from a random seed recorded with the result, and the
auditor replays the draw from the recorded seed (ordres.tirage)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant
from core.models import JournalAudit
from depenses import services as depenses
from depenses.models import OrdreDepense, PlanControleDepense, TirageControleDepense
from depenses.services.controles import plan_applicable
from ordres.tirage import cle_tirage, graine_nouvelle, nombre_tire
from recettes import services as recettes
from recettes.models import OrdreRecette, PlanControle, TirageControle
from tests.factories import MOT_DE_PASSE
from tests.ordres.test_services import AUJOURD_HUI, _saisie_depense
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

APPRECIATIONS = {"imputation": (True, ""), "validite_dette": (True, "")}


def _taux(nature: str, taux: int, modele=PlanControle) -> None:
    modele.objects.filter(nature=nature).update(mode="sondage", taux=taux)


def cotisations(directrice, debiteur="Boulangerie Morel") -> OrdreRecette:
    """A collective order of cotisations (sampled by the plan), signed and transmitted."""
    ordre = recettes.ordre_recette_creer(
        acting_user=directrice,
        saisie=recettes.SaisieOrdre(
            nature="cotisation",
            objet="Cotisations de mai",
            bases_liquidation="Déclarations sociales nominatives de mai",
            compte_imputation="7511",
            compte_tiers="4111",
            date_fait=AUJOURD_HUI,
            dates={"droits_acquis": AUJOURD_HUI},
            lignes=[recettes.LigneDebiteur(debiteur, "employeur", "2500.00")],
            type="individuel",
            pieces_references="DSN de mai, au dossier",
        ),
    )
    recettes.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    return recettes.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)


def prestation(directrice) -> OrdreDepense:
    """A benefit (sampled by the plan of dépenses), signed and transmitted."""
    ordre = depenses.ordre_depense_creer(acting_user=directrice, saisie=_saisie_depense())
    depenses.ordre_depense_attester_service_fait(
        acting_user=directrice, ordre=ordre, le=AUJOURD_HUI
    )
    depenses.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    return depenses.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)


def tous_conformes(ordre):
    return [recettes.ControleSaisi(p, True) for p in recettes.controles_requis(ordre).points]


# --- The draw itself ------------------------------------------------------------------


def test_la_meme_reference_tire_autrement_avec_d_autres_graines():
    cle = "recette-2026-00001"
    nombres = {nombre_tire(f"{n:02x}" * 32, cle) for n in range(40)}
    assert len(nombres) > 20
    assert all(0 <= n < 100 for n in nombres)
    # The same seed gives the same number: the draw replays.
    graine = graine_nouvelle()
    assert re.fullmatch(r"[0-9a-f]{64}", graine)
    assert nombre_tire(graine, cle) == nombre_tire(graine, cle)
    # A seed is bound to the order it was drawn for.
    assert {nombre_tire("00" * 32, f"recette-2026-{n:05d}") for n in range(40)} != {
        nombre_tire("00" * 32, cle)
    }


def test_avant_la_prise_en_charge_personne_ne_sait_si_l_ordre_sera_tire(
    client, directrice, comptable, exercice
):
    ordre = cotisations(directrice)
    client.force_login(comptable)
    page = client.get(reverse("recettes:detail", args=[ordre.pk])).content.decode()
    assert "Le tirage au sort est fait à la prise en charge" in page
    requis = recettes.controles_requis(ordre)
    assert requis.selectionne is None and requis.tirage is None
    assert requis.motif == (
        "sondage à 5 % : l'ordre sera tiré au sort quand l'agent comptable le contrôlera"
    )
    assert not TirageControle.objects.exists()
    prestations = prestation(directrice)
    assert plan_applicable(prestations).selectionne is None
    assert not TirageControleDepense.objects.exists()


def test_la_prise_en_charge_tire_l_ordre_et_enregistre_graine_et_resultat(
    directrice, comptable, exercice
):
    ordre = cotisations(directrice)
    recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    tirage = TirageControle.objects.get(ordre=ordre)
    assert (tirage.taux, tirage.cle, tirage.par) == (5, f"recette-{ordre.reference}", comptable)
    assert tirage.nombre == nombre_tire(tirage.graine, tirage.cle)
    assert tirage.selectionne == (tirage.nombre < 5)
    assert tirage.conforme and tirage.rejoue == tirage.nombre
    audit = JournalAudit.objects.get(acte="ordre_recette.controle_tire", objet_id=str(ordre.pk))
    assert audit.apres["graine"] == tirage.graine and audit.apres["nombre"] == tirage.nombre
    # Two orders drawn the same day do not share a seed.
    autre = cotisations(directrice, "Hôtel du Lac")
    recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=autre, controles=tous_conformes(autre)
    )
    assert TirageControle.objects.get(ordre=autre).graine != tirage.graine


def test_le_rejeu_de_chaque_tirage_enregistre_concorde(directrice, comptable, exercice):
    _taux("cotisation", 50)
    _taux("prestation", 50, PlanControleDepense)
    for n in range(6):
        ordre = cotisations(directrice, f"Employeur {n}")
        recettes.ordre_recette_prendre_en_charge(
            acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
        )
    for _ in range(3):
        depenses.ordre_depense_viser(
            acting_user=comptable, ordre=prestation(directrice), appreciations=APPRECIATIONS
        )
    tirages = [*TirageControle.objects.all(), *TirageControleDepense.objects.all()]
    assert len(tirages) == 9
    for tirage in tirages:
        assert nombre_tire(tirage.graine, tirage.cle) == tirage.nombre
        assert (tirage.nombre < tirage.taux) == tirage.selectionne
        assert tirage.cle == cle_tirage(
            "recette" if isinstance(tirage, TirageControle) else "depense", tirage.ordre
        )


def test_un_ordre_tire_sans_ses_controles_est_refuse_et_garde_son_tirage(
    directrice, comptable, exercice
):
    _taux("cotisation", 100)  # every draw designates the order
    ordre = cotisations(directrice)
    with pytest.raises(DonneeInvalide) as refus:
        recettes.ordre_recette_prendre_en_charge(acting_user=comptable, ordre=ordre)
    tirage = TirageControle.objects.get(ordre=ordre)
    assert refus.value.message.startswith(
        f"Le plan de contrôle demande de vérifier (sondage à 100 % : nombre tiré "
        f"{tirage.nombre}, ordre désigné pour le contrôle) : "
    )
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "transmis"
    # Sending it again does not draw again, whatever the plan says now.
    _taux("cotisation", 0)
    with pytest.raises(DonneeInvalide, match="ordre désigné pour le contrôle"):
        recettes.ordre_recette_prendre_en_charge(acting_user=comptable, ordre=ordre)
    assert TirageControle.objects.get(ordre=ordre) == tirage
    assert TirageControle.objects.count() == 1
    recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "pris_en_charge"


def test_seul_l_agent_comptable_tire_et_rien_ne_reste_d_un_refus(directrice, exercice):
    ordre = cotisations(directrice)
    with pytest.raises(DroitInsuffisant, match="peut prendre en charge un ordre de recette"):
        recettes.ordre_recette_prendre_en_charge(acting_user=directrice, ordre=ordre)
    assert not TirageControle.objects.exists()


def test_un_ordre_non_designe_se_prend_en_charge_sans_controle(directrice, comptable, exercice):
    _taux("cotisation", 0)
    ordre = cotisations(directrice)
    recettes.ordre_recette_prendre_en_charge(acting_user=comptable, ordre=ordre)
    tirage = TirageControle.objects.get(ordre=ordre)
    assert not tirage.selectionne
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "pris_en_charge"


def test_le_visa_tire_l_ordre_de_depense_et_garde_le_tirage_d_un_refus(
    directrice, comptable, exercice
):
    _taux("prestation", 100, PlanControleDepense)
    ordre = prestation(directrice)
    with pytest.raises(DonneeInvalide) as refus:
        depenses.ordre_depense_viser(acting_user=comptable, ordre=ordre)
    tirage = TirageControleDepense.objects.get(ordre=ordre)
    assert f"sondage à 100 % : nombre tiré {tirage.nombre}" in refus.value.message
    assert tirage.cle == f"depense-{ordre.reference}" and tirage.conforme
    ordre = depenses.ordre_depense_viser(
        acting_user=comptable, ordre=ordre, appreciations=APPRECIATIONS
    )
    assert ordre.etat == "vise" and TirageControleDepense.objects.count() == 1


# --- The database keeps the draws ----------------------------------------------------------


def test_la_base_refuse_un_tirage_choisi_modifie_ou_hors_de_la_prise_en_charge(
    directrice, comptable, exercice
):
    ordre = cotisations(directrice)
    graine = "ab" * 32
    cle = f"recette-{ordre.reference}"
    juste = nombre_tire(graine, cle)
    faux = (juste + 1) % 100

    def inserer(nombre, cle=cle):
        return lambda cur: cur.execute(
            "INSERT INTO recettes_tiragecontrole (ordre_id, taux, cle, graine, nombre, selectionne,"
            " par_id, le) VALUES (%s, 100, %s, %s, %s, true, %s, now())",
            [ordre.pk, cle, graine, nombre, comptable.pk],
        )

    refus_sql(inserer(faux), f"(nombre {faux}, la graine donne {juste})")
    refus_sql(
        inserer(nombre_tire(graine, "recette-1999-00001"), "recette-1999-00001"), "ne nomme pas"
    )
    assert not TirageControle.objects.exists()

    recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    tirage = TirageControle.objects.get(ordre=ordre)
    for sql in (
        "UPDATE recettes_tiragecontrole SET nombre = 99, selectionne = false",
        "DELETE FROM recettes_tiragecontrole",
    ):
        refus_sql(lambda cur, sql=sql: cur.execute(sql), "ne se modifie ni ne se supprime")
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO recettes_tiragecontrole (ordre_id, taux, cle, graine, nombre, selectionne,"
            " par_id, le) SELECT %s, taux, cle, graine, nombre, selectionne, par_id, now()"
            " FROM recettes_tiragecontrole",
            [cotisations(directrice, "Autre").pk],
        ),
        "ne nomme pas",
    )
    assert TirageControle.objects.get(ordre=ordre).nombre == tirage.nombre


def test_la_base_refuse_un_tirage_hors_de_la_prise_en_charge(directrice, comptable, exercice):
    PlanControle.objects.filter(nature="cotisation").update(mode="exhaustif")
    ordre = cotisations(directrice)
    recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    assert not TirageControle.objects.exists()  # an exhaustive plan draws nothing
    graine, cle = "cd" * 32, f"recette-{ordre.reference}"
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO recettes_tiragecontrole (ordre_id, taux, cle, graine, nombre, selectionne,"
            " par_id, le) VALUES (%s, 100, %s, %s, %s, true, %s, now())",
            [ordre.pk, cle, graine, nombre_tire(graine, cle), comptable.pk],
        ),
        f"quand l'agent comptable le prend en charge : l'ordre {cle} est « pris_en_charge »",
    )
    assert not TirageControle.objects.exists()


# --- What the auditor reads ----------------------------------------------------------------


def test_l_auditeur_lit_et_rejoue_le_tirage_par_l_api_et_sur_la_page(
    client, directrice, comptable, auditeur, exercice
):
    ordre = cotisations(directrice)
    api = APIClient()
    api.force_authenticate(auditeur)
    assert api.get(f"/api/ordres-recette/{ordre.pk}/").json()["tirage"] is None
    recettes.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    tirage = TirageControle.objects.get(ordre=ordre)

    lu = api.get(f"/api/ordres-recette/{ordre.pk}/").json()["tirage"]

    assert lu["graine"] == tirage.graine and lu["cle"] == tirage.cle
    assert lu["nombre"] == lu["rejoue"] == nombre_tire(lu["graine"], lu["cle"])
    assert lu["conforme"] is True and lu["taux"] == 5 and lu["par"] == "comptable"
    assert lu["selectionne"] == (lu["nombre"] < 5)
    client.force_login(auditeur)
    page = client.get(reverse("recettes:detail", args=[ordre.pk])).content.decode()
    assert "Tirage du plan de contrôle" in page and tirage.graine in page
    assert f"la graine donne {tirage.nombre}" in page and "conforme" in page


def test_le_tirage_d_un_ordre_de_depense_se_lit_par_l_api(
    directrice, comptable, auditeur, exercice
):
    ordre = depenses.ordre_depense_viser(
        acting_user=comptable, ordre=prestation(directrice), appreciations=APPRECIATIONS
    )
    api = APIClient()
    api.force_authenticate(auditeur)
    lu = api.get(f"/api/ordres-depense/{ordre.pk}/").json()["tirage"]
    assert lu["cle"] == f"depense-{ordre.reference}" and lu["conforme"] is True
    assert lu["nombre"] == nombre_tire(lu["graine"], lu["cle"])


# --- Through the pages: the form's token does not undo the draw ------------------------


@pytest.mark.parametrize("sorte", ["recette", "depense"])
def test_par_la_page_un_refus_garde_le_tirage_et_on_ne_retire_pas(
    client, directrice, comptable, exercice, sorte
):
    # every draw designates the order, and the agent comptable sends the form
    # without the controls the draw asks
    attendu = "ordre désigné pour le contrôle"
    if sorte == "recette":
        _taux("cotisation", 100)
        ordre, modele, url = cotisations(directrice), TirageControle, "recettes:prendre_en_charge"
    else:
        _taux("prestation", 100, PlanControleDepense)
        ordre, modele, url = prestation(directrice), TirageControleDepense, "depenses:viser"
    client.force_login(comptable)
    page = client.post(reverse(url, args=[ordre.pk]), {}, follow=True)
    assert attendu in page.content.decode()
    # then the refused act kept its draw, although the form's transaction rolled back
    tirage = modele.objects.get(ordre=ordre)
    assert tirage.selectionne
    # and a new form, the plan now sampling nobody, finds the same draw
    _taux("cotisation" if sorte == "recette" else "prestation", 0, type(plan_modele(sorte)))
    page = client.post(reverse(url, args=[ordre.pk]), {}, follow=True)
    assert attendu in page.content.decode()
    assert list(modele.objects.filter(ordre=ordre)) == [tirage]
    assert type(ordre).objects.get(pk=ordre.pk).etat == "transmis"


def plan_modele(sorte):
    return PlanControle() if sorte == "recette" else PlanControleDepense()
