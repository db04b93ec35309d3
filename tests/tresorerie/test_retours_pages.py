"""« Virements revenus »: the list (CSV, PDF), the correction of the bank
details by page and by API, the reason shown on the ordre de dépense."""

import html

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.tresorerie.conftest import ordre_vise
from tresorerie import services as t
from tresorerie.models import CorrectionCoordonnees

pytestmark = pytest.mark.django_db

NOUVEL_IBAN = "FR7630004000031234567890143"


def page(reponse) -> str:
    return html.unescape(reponse.content.decode()).replace("\xa0", " ")


def page_pdf(client) -> str:
    """The PDF's HTML (weasyprint's input), to read its columns."""
    from django.template.loader import render_to_string

    from tresorerie import selectors_retours

    lignes = selectors_retours.retours()
    return html.unescape(
        render_to_string("tresorerie/retours_pdf.html", {"lignes": lignes, "total": 0})
    ).replace("\xa0", " ")


@pytest.fixture
def retour(directrice, comptable, comptes, credits):
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    return t.paiement_retourner(
        acting_user=comptable,
        paiement=lot.paiements.get(),
        motif="AC04",
        motif_info="Compte soldé",
    )


def test_la_page_liste_le_retour_et_la_correction_se_fait_par_page(client, comptable, retour):
    client.force_login(comptable)
    liste = page(client.get(reverse("tresorerie:retours")))
    assert "Virements revenus" in liste
    assert "Papeterie Centrale" in liste and "1 200,00 €" in liste
    assert "AC04 — compte clos (Compte soldé)" in liste and "à corriger" in liste
    csv = client.get(reverse("tresorerie:retours"), {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    contenu = csv.content.decode("utf-8-sig").splitlines()
    assert contenu[0].startswith("Retourné le;Ordre de dépense;Bénéficiaire;Montant;Motif")
    assert ";Papeterie Centrale;1200,00;AC04;compte clos;Compte soldé;" in contenu[1]
    pdf = client.get(reverse("tresorerie:retours"), {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    ordre = page(client.get(reverse("depenses:detail", args=[retour.ordre_id])))
    assert "Virement rejeté par la banque le 15/06/2026 : motif AC04 — compte clos" in ordre
    a_payer = page(client.get(reverse("tresorerie:paiements")))
    assert "virement revenu</strong></a> : seule la part retournée se paie" in a_payer

    refus = client.post(
        reverse("tresorerie:retour_corriger", args=[retour.pk]),
        {"iban": retour.paiement.iban, "justification": "RIB"},
        follow=True,
    )
    assert "ne peut pas être repris, donnez un autre IBAN" in page(refus)
    reponse = client.post(
        reverse("tresorerie:retour_corriger", args=[retour.pk]),
        {"iban": NOUVEL_IBAN, "bic": "BNPAFRPPXXX", "justification": "RIB reçu le 12 juin"},
    )
    assert reponse.status_code == 302
    assert CorrectionCoordonnees.objects.get().iban == NOUVEL_IBAN
    detail = page(client.get(reponse["Location"]))
    assert "Coordonnées de Papeterie Centrale corrigées" in detail
    assert "corrigé" in detail
    # The cleared mention as a date and words, never ISO; no statement line: by hand.
    assert "payé le 15/06/2026 par virement SEPA, référence " in detail
    assert "2026-06-15" not in detail
    assert "(enregistré à la main, sans ligne de relevé)" in detail
    # The order's creditors: the closed IBAN, and under it the corrected one.
    ordre = page(client.get(reverse("depenses:detail", args=[retour.ordre_id])))
    assert "corrigé : FR76 3000 4000 0312 3456 7890 143 (BNPAFRPPXXX) (le 15/06/2026)" in ordre
    pdf = page_pdf(client)
    assert "size: A4 landscape" in pdf and '<th scope="col">IBAN corrigé</th>' in pdf
    assert '<td class="iban">FR76 3000 4000 0312 3456 7890 143</td>' in pdf
    t.lot_payer(acting_user=comptable, ordres=[retour.ordre], compte=retour.paiement.lot.compte)
    ordre = page(client.get(reverse("depenses:detail", args=[retour.ordre_id])))
    assert f"réf. {retour.paiement.bout_en_bout} — " in ordre
    assert "lot de paiement</a> — <strong>retourné par la banque le 15/06/2026</strong>" in ordre
    assert "repayé" in page(client.get(reverse("tresorerie:retours")))


def test_l_auditeur_lit_mais_ne_corrige_pas(client, auditeur, retour):
    client.force_login(auditeur)
    assert client.get(reverse("tresorerie:retours")).status_code == 200
    assert "Enregistrer la correction" not in page(
        client.get(reverse("tresorerie:retour", args=[retour.pk]))
    )
    reponse = client.post(
        reverse("tresorerie:retour_corriger", args=[retour.pk]),
        {"iban": NOUVEL_IBAN, "justification": "RIB"},
    )
    assert reponse.status_code == 403
    assert (
        "Seul l'agent comptable (ou son fondé de pouvoir) peut corriger les coordonnées "
        "bancaires d'un virement retourné" in page(reponse)
    )
    assert "payer un ordre" not in page(reponse)
    assert not CorrectionCoordonnees.objects.exists()


def test_l_api_liste_et_corrige(comptable, auditeur, retour):
    api = APIClient()
    api.force_authenticate(auditeur)
    liste = api.get("/api/tresorerie/retours/").json()
    assert [(r["beneficiaire"], r["montant"], r["motif"], r["etat"]) for r in liste] == [
        ("Papeterie Centrale", "1200.00", "AC04", "a_corriger")
    ]
    interdit = api.post(
        f"/api/tresorerie/retours/{retour.pk}/corriger/",
        {"iban": NOUVEL_IBAN, "justification": "RIB"},
        format="json",
    )
    assert interdit.status_code == 403
    api.force_authenticate(comptable)
    refus = api.post(
        f"/api/tresorerie/retours/{retour.pk}/corriger/",
        {"iban": retour.paiement.iban, "justification": "RIB"},
        format="json",
    )
    assert refus.status_code == 400, refus.json()
    assert "donnez un autre IBAN" in refus.json()["message"]
    fait = api.post(
        f"/api/tresorerie/retours/{retour.pk}/corriger/",
        {"iban": NOUVEL_IBAN, "bic": "BNPAFRPPXXX", "justification": "RIB reçu le 12 juin"},
        format="json",
    )
    assert fait.status_code == 200, fait.json()
    assert (fait.json()["etat"], fait.json()["iban_corrige"]) == ("corrige", NOUVEL_IBAN)
    assert api.get(f"/api/tresorerie/retours/{retour.pk}/").json() == fait.json()


def test_la_liste_ne_fait_pas_une_requete_par_retour(
    client, directrice, comptable, comptes, credits, retour, django_assert_max_num_queries
):
    for montant in ("10.00", "20.00", "30.00"):
        # Another account: the fixture's was returned « compte clos ».
        ordre = ordre_vise(
            directrice, comptable, credits, montant=montant, iban="FR7630001007941234567890185"
        )
        lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
        t.paiement_retourner(acting_user=comptable, paiement=lot.paiements.get(), motif="MS03")
    client.force_login(comptable)
    with django_assert_max_num_queries(12):
        reponse = client.get(reverse("tresorerie:retours"))
    assert page(reponse).count("à corriger</span>") == 4
