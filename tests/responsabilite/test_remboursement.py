"""D253-81 al. 2 « Les sommes allouées en décharge de responsabilité ou en
remise gracieuse sont supportées par le budget de l'organisme », also when the
agent comptable has already paid: the prise en charge credits 429 with what
the order still leaves there and gives him back the rest (4672), paid to him
once (4672 / 531 or 512x); what he got back no longer counts in his claim on
later recoveries. The act, its page, its API, and PostgreSQL's guards."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.db import connection
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from responsabilite import selectors
from responsabilite import services_reglement as reg
from responsabilite.models import Demande
from responsabilite.services_remboursement import remboursement_enregistrer
from tests.responsabilite.test_reglement import _decharge_accordee, _parts, _recouvrer, solde
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date


def _payer(comptable, ordre, montant):
    return reg.versement_enregistrer(
        acting_user=comptable, ordre=ordre, montant=montant, compte="531"
    )


def _prise_en_charge(comptable, directrice, ordre, montant):
    demande = _decharge_accordee(comptable, directrice, ordre, montant)
    return reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)


def test_debet_paye_puis_decharge_6712_4672_remboursement_et_cascade(mille, comptable, directrice):
    """Paid 1 000,00, then a décharge of 300,00: the fund bears it all the
    same and gives it back to him; a later recovery of 450,00 goes 300,00 to
    the fund and 150,00 to him."""
    _payer(comptable, mille, "1000")
    assert solde("429") == 0 and solde("531") == Decimal("1000.00")
    demande = _prise_en_charge(comptable, directrice, mille, "300")
    assert (demande.prise_429, demande.prise_agent) == (0, Decimal("300.00"))
    assert solde("6712") == Decimal("300.00") and solde("429") == 0
    assert solde("4672") == Decimal("-300.00")
    ligne = demande.ecriture.lignes.get(compte__numero="4672")
    assert ligne.tiers == f"{mille.agent_comptable.get_full_name()}, agent comptable"
    assert not demande.ecriture.lignes.filter(compte__numero="429").exists()
    (debet,) = selectors.debets()
    assert (debet.paye, debet.rendu, debet.paye_net, debet.reste) == (
        Decimal("1000.00"),
        Decimal("300.00"),
        Decimal("700.00"),
        0,
    )
    assert (debet.limite_decharge, debet.limite_agent, debet.a_reverser) == (
        Decimal("300.00"),
        Decimal("700.00"),
        Decimal("300.00"),
    )
    assert "dont 300,00\xa0€ supportés par l'organisme (décharge" in debet.etat
    assert debet.etat.endswith("300,00\xa0€ à lui rendre, soldé")
    audit = JournalAudit.objects.get(acte="responsabilite.prise_en_charge")
    assert audit.apres["prise_agent"] in ("300.00", 300, "300")

    # paid back to him: 4672 / 531, once
    demande = remboursement_enregistrer(acting_user=comptable, demande=demande, compte="531")
    assert demande.rembourse_compte == "531" and demande.rembourse_le is not None
    assert demande.rembourse_ecriture.journal.code == "TR"
    assert solde("4672") == 0 and solde("531") == Decimal("700.00")
    with pytest.raises(TransitionInterdite, match=r"déjà été remboursée le"):
        remboursement_enregistrer(acting_user=comptable, demande=demande, compte="531")
    assert JournalAudit.objects.filter(acte="responsabilite.remboursement").count() == 1
    (debet,) = selectors.debets()
    assert "300,00\xa0€ rendus à l'agent comptable, soldé" in debet.etat
    assert "à lui rendre" not in debet.etat
    assert (debet.paye_net, debet.reverse, debet.a_reverser) == (
        Decimal("700.00"),
        Decimal("300.00"),
        0,
    )

    # a later recovery: the fund first (what it bore), then him, up to 700,00
    r = _recouvrer(comptable, mille, "450")
    assert _parts(r) == (0, 0, Decimal("300.00"), Decimal("150.00"))
    assert solde("771") == Decimal("-300.00") and solde("4672") == Decimal("-150.00")
    with pytest.raises(DonneeInvalide, match=r"dépasse ce qui peut encore être recouvré .*550,00"):
        _recouvrer(comptable, mille, "550.01")
    (debet,) = selectors.debets()
    assert (debet.limite_agent, debet.recouvrable, debet.a_reverser) == (
        Decimal("550.00"),
        Decimal("550.00"),
        Decimal("150.00"),
    )


def test_paiement_partiel_puis_decharge_429_d_abord_le_reste_a_l_agent(
    mille, comptable, directrice
):
    """Paid 600,00 of 1 000,00, décharge of 500,00: 429 400,00, 4672 100,00."""
    _payer(comptable, mille, "600")
    demande = _prise_en_charge(comptable, directrice, mille, "500")
    assert (demande.prise_429, demande.prise_agent) == (Decimal("400.00"), Decimal("100.00"))
    assert solde("6712") == Decimal("500.00") and solde("429") == 0
    assert solde("4672") == Decimal("-100.00")
    (debet,) = selectors.debets()
    assert (debet.paye_net, debet.solde_429, debet.reste) == (Decimal("500.00"), 0, 0)
    remboursement_enregistrer(acting_user=comptable, demande=demande, compte="531")
    assert solde("4672") == 0 and solde("531") == Decimal("500.00")
    # whatever comes back now: 500,00 to the fund, then 500,00 to him
    r = _recouvrer(comptable, mille, "1000")
    assert _parts(r) == (0, 0, Decimal("500.00"), Decimal("500.00"))


def test_sans_paiement_rien_a_rembourser(mille, comptable, directrice):
    demande = _prise_en_charge(comptable, directrice, mille, "300")
    assert (demande.prise_429, demande.prise_agent) == (Decimal("300.00"), 0)
    assert solde("429") == Decimal("700.00") and solde("4672") == 0
    with pytest.raises(TransitionInterdite, match="rien ne lui est à rembourser"):
        remboursement_enregistrer(acting_user=comptable, demande=demande, compte="531")


def test_pas_de_remboursement_avant_la_prise_en_charge(mille, comptable, directrice):
    _payer(comptable, mille, "1000")
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    with pytest.raises(TransitionInterdite, match="n'est pas encore comptabilisée"):
        remboursement_enregistrer(acting_user=comptable, demande=demande, compte="531")


def test_la_somme_accordee_ne_rend_pas_plus_que_ce_qu_il_a_paye(mille, comptable, directrice):
    """Paid 600,00, the rest (400,00) admitted in non-valeur and posted: a
    décharge of 700,00 would give him back more than he paid."""
    _payer(comptable, mille, "600")
    nv = reg.non_valeur_enregistrer(
        acting_user=directrice,
        ordre=mille,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 60",
        montant="400",
    )
    reg.non_valeur_comptabiliser(acting_user=comptable, non_valeur=nv)
    demande = _decharge_accordee(comptable, directrice, mille, "700")
    with pytest.raises(DonneeInvalide, match=r"sans que l'organisme le lui ait rendu \(600,00"):
        reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
    assert Demande.objects.get(pk=demande.pk).ecriture_id is None and solde("6712") == 0


def test_les_mauvaises_personnes_ne_remboursent_pas(mille, comptable, directrice, auditeur):
    _payer(comptable, mille, "1000")
    demande = _prise_en_charge(comptable, directrice, mille, "300")
    for qui in (directrice, auditeur):
        with pytest.raises(DroitInsuffisant):
            remboursement_enregistrer(acting_user=qui, demande=demande, compte="531")
    demande.refresh_from_db()
    assert demande.rembourse_ecriture_id is None and solde("4672") == Decimal("-300.00")
    assert not JournalAudit.objects.filter(acte="responsabilite.remboursement").exists()
    with pytest.raises(DonneeInvalide, match="Choisissez la caisse"):
        remboursement_enregistrer(acting_user=comptable, demande=demande, compte="5121")


def _page(reponse) -> str:
    assert reponse.status_code == 200
    texte = html.unescape(re.sub(r"<[^>]+>", " ", reponse.content.decode()))
    return " ".join(texte.replace("\xa0", " ").split())


def test_la_page_et_l_api_du_remboursement(client, mille, comptable, directrice, auditeur):
    _payer(comptable, mille, "1000")
    demande = _prise_en_charge(comptable, directrice, mille, "300")
    url = f"/responsabilite/ordres/{mille.pk}/"
    client.force_login(auditeur)
    texte = _page(client.get(url))
    assert "300,00 € que l'agent comptable avait payés, à lui rembourser (compte 4672)" in texte
    assert "à rembourser" in texte and "Rembourser 300,00 €" not in texte
    refus = _page(
        client.post(
            f"/responsabilite/demandes/{demande.pk}/remboursement/", {"compte": "531"}, follow=True
        )
    )
    assert "Seul l'agent comptable (ou son fondé de pouvoir) passe les écritures" in refus
    client.force_login(comptable)
    contenu = client.get(url).content.decode()
    assert f'<label for="remboursement{demande.pk}_compte">Remboursé depuis' in contenu
    texte = _page(
        client.post(
            f"/responsabilite/demandes/{demande.pk}/remboursement/", {"compte": "531"}, follow=True
        )
    )
    assert (
        "300,00 € remboursés à l'agent comptable depuis le compte 531 : décharge de "
        f"responsabilité sur l'ordre {mille.reference} (compte 4672)." in texte
    )
    assert "remboursés le" in texte and "Rembourser 300,00 €" not in texte
    registre = _page(client.get("/responsabilite/"))
    assert "Rendu à l'agent comptable sur décharge ou remise" in registre
    assert "L'agent comptable a couvert de ses deniers 700,00 € (1 000,00 € payés" in registre
    csv = client.get("/responsabilite/document.csv").content.decode()
    # paid 1 000,00, décharge 300,00, given back 300,00, paid back 300,00
    assert ";1000,00;1000,00;300,00;0,00;0,00;0,00;0,00;0,00;300,00;300,00;0,00" in csv

    # the API: a second paying back is refused (409), the reading shows it
    api = APIClient()
    api.force_authenticate(comptable)
    reponse = api.post(
        f"/api/responsabilite/demandes/{demande.pk}/remboursement/",
        {"compte": "531"},
        format="json",
    )
    assert reponse.status_code == 409 and "déjà été remboursée" in reponse.json()["message"]
    lu = api.get(f"/api/responsabilite/ordres/{mille.pk}/reglement/").json()
    (prise,) = lu["prises_en_charge"]
    assert (prise["prise_429"], prise["prise_agent"], prise["rembourse_compte"]) == (
        "0.00",
        "300.00",
        "531",
    )
    assert (lu["debet"]["rendu"], lu["debet"]["paye_net"]) == ("300.00", "700.00")


def test_l_api_rembourse_une_fois(mille, comptable, directrice, auditeur):
    _payer(comptable, mille, "600")
    demande = _prise_en_charge(comptable, directrice, mille, "500")
    api = APIClient()
    api.force_authenticate(auditeur)
    url = f"/api/responsabilite/demandes/{demande.pk}/remboursement/"
    assert api.post(url, {"compte": "531"}, format="json").status_code == 403
    api.force_authenticate(comptable)
    reponse = api.post(url, {"compte": "531"}, format="json")
    assert reponse.status_code == 200, reponse.content
    assert reponse.json()["prise_agent"] == "100.00"
    assert reponse.json()["rembourse_ecriture"] is not None
    assert solde("4672") == 0 and solde("531") == Decimal("500.00")
    assert api.post(url, {"compte": "531"}, format="json").status_code == 409


def test_postgresql_garde_les_parts_et_le_remboursement(mille, comptable, directrice):
    _payer(comptable, mille, "600")
    demande = _decharge_accordee(comptable, directrice, mille, "500")
    # the whole granted sum to 429 although it leaves only 400,00 there
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_demande SET ecriture_id = (SELECT ecriture_id FROM"
            " responsabilite_ordredebet), prise_429 = 500, prise_agent = 0"
        ),
        "s'impute d'abord sur ce qui reste au compte 429",
    )
    # a refund before any prise en charge
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_demande SET rembourse_le = '2026-06-20',"
            " rembourse_compte = '531', rembourse_ecriture_id = (SELECT ecriture_id FROM"
            " responsabilite_ordredebet)"
        ),
        "Seule la part de la somme accordée portée au compte 4672",
    )
    demande = reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_demande SET prise_agent = 0"),
        "se comptabilise une fois",
    )
    remboursement_enregistrer(acting_user=comptable, demande=demande, compte="531")
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_demande SET rembourse_le = rembourse_le - 1"
        ),
        "remboursée qu'une fois",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_demande SET rembourse_le = NULL, rembourse_compte = '',"
            " rembourse_ecriture_id = NULL"
        ),
        "remboursée qu'une fois",
    )


def test_postgresql_ne_rend_pas_plus_que_ce_qu_il_a_paye(mille, comptable, directrice):
    _payer(comptable, mille, "100")
    nv = reg.non_valeur_enregistrer(
        acting_user=directrice,
        ordre=mille,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 61",
        montant="900",
    )
    reg.non_valeur_comptabiliser(acting_user=comptable, non_valeur=nv)
    _decharge_accordee(comptable, directrice, mille, "300")
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_demande SET ecriture_id = (SELECT ecriture_id FROM"
            " responsabilite_ordredebet), prise_429 = 0, prise_agent = 300"
        ),
        "dépasse ce qu'il a payé",
    )


def test_sous_le_role_applicatif(mille, comptable, directrice):
    _payer(comptable, mille, "1000")
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        demande = reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
        demande = remboursement_enregistrer(acting_user=comptable, demande=demande, compte="531")
        r = _recouvrer(comptable, mille, "450")
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    demande = Demande.objects.get(pk=demande.pk)
    assert (demande.prise_agent, demande.rembourse_compte) == (Decimal("300.00"), "531")
    assert _parts(r) == (0, 0, Decimal("300.00"), Decimal("150.00"))
