"""Returns read in statements and notifications: a returned transfer cancels its
payment (order back to visé) and matches the counter-entry; a returned direct
debit cancels the receipt and reopens the claim."""

import dataclasses
import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide
from core.money import format_euros
from ledger.models import Ligne
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_recette, ordre_vise
from tests.tresorerie.releves_outils import fichier, importer, ligne, lignes_du_lot, mode
from tresorerie import releves
from tresorerie import services as t
from tresorerie.models import Encaissement, LotPaiement, Paiement, Retour
from tresorerie.selectors import etat_rapprochement
from tresorerie.selectors_releves import suites
from tresorerie.services.retours_releve import anomalie_de_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def lot(directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90", identifiant="")
    return t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])


def retour_de(paiement, **signes):
    return ligne(paiement.montant, "credit", paiement.bout_en_bout, "Retour de virement", **signes)


@pytest.mark.parametrize(
    "signes",
    [
        {"contre_passation": True},
        {"code_operation": "PMNT/ICDT/RRTN"},
        {"motif_retour": "AC04", "motif_retour_info": "Compte clos depuis le 2 juin"},
    ],
    ids=["indicateur-de-contre-passation", "code-RRTN", "motif-AC04"],
)
def test_un_virement_retourne_annule_le_paiement_et_se_rapproche_de_la_contre_ecriture(
    comptable, comptes, lot, signes
):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    releve = importer(
        comptable,
        banque,
        fichier([*lignes_du_lot(lot), retour_de(paiement, **signes)], banque.iban),
    )

    retour = Retour.objects.get()
    assert retour.paiement == paiement and retour.motif == signes.get("motif_retour", "")
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "vise"
    ligne_retour = releve.lignes.get(sens="credit")
    assert mode(ligne_retour) == "automatique"
    livre = ligne_retour.rapprochement.lignes_ecriture.get()
    assert (livre.ecriture_id, livre.compte.numero, livre.debit) == (
        retour.ecriture_id,
        "5122",
        Decimal("1200.00"),
    )
    assert "revenu à visé" in ligne_retour.rapprochement.explication
    assert [mode(lg) for lg in releve.lignes.filter(sens="debit")] == ["automatique"] * 2
    etat = etat_rapprochement(banque)
    assert etat.ecritures_non_rapprochees == [] and etat.ecart == Decimal("0.00")


def test_le_retour_vu_par_l_avis_puis_par_le_releve_n_est_passe_qu_une_fois(
    comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    retour = retour_de(paiement, code_operation="PMNT/ICDT/RRTN", motif_retour="AC04")
    avis = importer(
        comptable, banque, fichier([retour], banque.iban, "AVIS-1", version="camt.054.001.04")
    )
    assert Retour.objects.get().ligne_releve == avis.lignes.get()
    assert mode(avis.lignes.get()) is None  # a notification is never matched
    ecritures = Ligne.objects.filter(compte__numero="5122").count()

    releve = importer(comptable, banque, fichier([*lignes_du_lot(lot), retour], banque.iban))

    assert Retour.objects.count() == 1
    assert Ligne.objects.filter(compte__numero="5122").count() == ecritures
    livre = releve.lignes.get(sens="credit").rapprochement.lignes_ecriture.get()
    assert livre.ecriture_id == Retour.objects.get().ecriture_id
    assert etat_rapprochement(banque).ecart == Decimal("0.00")


def test_un_retour_de_reference_inconnue_reste_a_rapprocher_et_dit_pourquoi(
    comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    etranger = ligne("1200.00", "credit", "INCONNU-1", motif_retour="AC04")
    releve = importer(comptable, banque, fichier([*lignes_du_lot(lot), etranger], banque.iban))

    seule = releve.lignes.get(sens="credit")
    assert mode(seule) is None and not Retour.objects.exists()
    suite = suites([seule], banque)[seule.pk]
    assert suite.badges == ["retour : AC04 (compte clos)"]
    assert suite.texte.startswith(
        "Retour d'un virement de référence « INCONNU-1 » : aucun de nos paiements"
    )


def test_un_retour_d_un_autre_montant_n_annule_rien(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    partiel = ligne("1190.00", "credit", paiement.bout_en_bout, contre_passation=True)
    releve = importer(comptable, banque, fichier([*lignes_du_lot(lot), partiel], banque.iban))

    seule = releve.lignes.get(sens="credit")
    assert mode(seule) is None and not Retour.objects.exists()
    attendu = f"la banque rend {format_euros(Decimal('1190.00'))}, le montant diffère"
    assert attendu in suites([seule], banque)[seule.pk].texte


@pytest.fixture
def preleve(directrice, comptable, comptes):
    ordre = ordre_recette(directrice, comptable)
    encaissement = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="prelevement",
        montant="1250.40",
        payeur="Société Orion",
        objet="Prélèvement SEPA",
        reference="PRLV-ORION-0001",
        repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
    )
    return encaissement, ordre.lignes.get()


def test_un_prelevement_impaye_annule_l_encaissement_et_rouvre_la_creance(
    comptable, comptes, preleve
):
    banque = comptes["BANQUE"]
    encaissement, creance = preleve
    assert t.reste_sur_ligne(creance) == Decimal("0.00")
    lignes = [
        ligne("1250.40", "credit", "PRLV-ORION-0001", "Prélèvement SEPA"),
        ligne(
            "1250.40",
            "debit",
            "PRLV-ORION-0001",
            "Impayé",
            code_operation="PMNT/IDDT/UPDD",
            motif_retour="MD07",
        ),
    ]
    releve = importer(comptable, banque, fichier(lignes, banque.iban))

    encaissement.refresh_from_db()
    assert encaissement.etat == Encaissement.Etat.ANNULE
    assert encaissement.motif_annulation == (
        f"Prélèvement SEPA impayé, retourné par la banque le {AUJOURD_HUI:%d/%m/%Y} (motif MD07 — "
        "titulaire du compte décédé), relevé de compte REL-1"
    )
    assert t.reste_sur_ligne(creance) == Decimal("1250.40")
    impaye = releve.lignes.get(sens="debit")
    livre = impaye.rapprochement.lignes_ecriture.get()
    assert (livre.ecriture_id, livre.credit) == (
        encaissement.ecriture_annulation_id,
        Decimal("1250.40"),
    )
    assert mode(releve.lignes.get(sens="credit")) == "automatique"
    assert etat_rapprochement(banque).ecart == Decimal("0.00")


def test_un_prelevement_sans_reference_ou_en_caisse_est_refuse(comptable, comptes):
    for compte, reference, message in (
        (comptes["BANQUE"], "", "se reconnaît à sa référence"),
        (comptes["CAISSE"], "PRLV-1", "pas en caisse"),
    ):
        with pytest.raises(DonneeInvalide, match=message):
            t.encaissement_enregistrer(
                acting_user=comptable,
                compte=compte,
                moyen="prelevement",
                montant="10.00",
                payeur="M. Petit",
                objet="Prélèvement",
                reference=reference,
            )
    assert not Encaissement.objects.exists()


def test_la_page_du_releve_montre_les_badges_et_ce_qui_a_ete_fait(client, comptable, comptes, lot):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    retour = retour_de(paiement, contre_passation=True, motif_retour="AC04")
    releve = importer(comptable, banque, fichier([*lignes_du_lot(lot), retour], banque.iban))
    client.force_login(comptable)

    page = client.get(reverse("tresorerie:releve", args=[releve.pk])).content.decode()
    assert "camt.053.001.08" in page and "relevé de compte" in page
    assert '<span class="badge">contre-passation</span>' in page
    assert '<span class="badge">retour : AC04 (compte clos)</span>' in page
    assert f"ordre n° {paiement.ordre.reference} revenu à visé" in page
    liste = client.get(reverse("tresorerie:releves")).content.decode()
    assert "versions .001.02 à .001.1" in liste and ".001.02, .001.04 et .001.08" in liste


def test_l_api_importe_et_rend_les_champs_du_retour(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    retour = retour_de(paiement, code_operation="PMNT/ICDT/RRTN", motif_retour="AC04")
    contenu = fichier([*lignes_du_lot(lot), retour], banque.iban, version="camt.053.001.04")
    api = APIClient()
    api.force_authenticate(comptable)

    reponse = api.post(
        "/api/tresorerie/releves/",
        {"compte": "BANQUE", "fichier": SimpleUploadedFile("releve.xml", contenu)},
        format="multipart",
    )

    assert reponse.status_code == 201, reponse.json()
    releve = reponse.json()
    assert (releve["version"], releve["nature"], releve["ecarts"]) == (
        "camt.053.001.04",
        "releve",
        [],
    )
    assert releve["lignes_rapprochees"] == 3
    ligne_retour = next(lg for lg in releve["lignes"] if lg["sens"] == "credit")
    assert {k: ligne_retour[k] for k in ("code_operation", "motif_retour", "contre_passation")} == {
        "code_operation": "PMNT/ICDT/RRTN",
        "motif_retour": "AC04",
        "contre_passation": False,
    }
    assert ligne_retour["etat"] == "rapprochee"
    assert "revenu à visé" in ligne_retour["rapprochement"]["explication"]
    assert ligne_retour["suite"]["badges"] == ["retour : AC04 (compte clos)"]
    assert ligne_retour["suite"]["texte"].startswith(f"Paiement {paiement.bout_en_bout} à ")
    assert {lg["suite"] for lg in releve["lignes"] if lg["sens"] == "debit"} == {None}


def test_l_etat_de_rapprochement_de_l_api_dit_pourquoi_un_retour_reste(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    etranger = ligne("1200.00", "credit", "INCONNU-1", contre_passation=True)
    importer(comptable, banque, fichier([*lignes_du_lot(lot), etranger], banque.iban))
    api = APIClient()
    api.force_authenticate(comptable)

    etat = api.get(f"/api/tresorerie/rapprochement/{banque.pk}/").json()

    (seule,) = etat["releve_non_rapproche"]
    assert seule["contre_passation"] is True and seule["suite"]["badges"] == ["contre-passation"]
    assert "aucun de nos paiements depuis ce compte" in seule["suite"]["texte"]


def test_un_cheque_impaye_annule_son_encaissement(directrice, comptable, comptes):
    banque = comptes["BANQUE"]
    ordre = ordre_recette(directrice, comptable)
    encaissement = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=banque,
        moyen="cheque",
        montant="1250.40",
        payeur="Société Orion",
        objet="Chèque",
        reference="CHQ 7654321",
        repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
    )
    lignes = [
        ligne("1250.40", "credit", "CHQ 7654321", "Remise de chèque"),
        ligne("1250.40", "debit", "CHQ 7654321", "Chèque impayé", code_operation="PMNT/RCHQ/UPCQ"),
    ]
    releve = importer(comptable, banque, fichier(lignes, banque.iban, version="camt.053.001.02"))

    encaissement.refresh_from_db()
    assert encaissement.etat == Encaissement.Etat.ANNULE
    assert encaissement.motif_annulation.startswith(
        f"Chèque impayé, retourné par la banque le {AUJOURD_HUI:%d/%m/%Y} (motif PMNT/RCHQ/UPCQ)"
    )
    assert t.reste_sur_ligne(ordre.lignes.get()) == Decimal("1250.40")
    assert [mode(lg) for lg in releve.lignes.all()] == ["automatique"] * 2


# --------------------------------------------------------------- dates of a return


def releve_du(lignes, iban, debut, identifiant="REL-DATES"):
    """A camt.053.001.08 of these lines over `debut`..the last line's day."""
    mouvement = sum(
        (lg.montant if lg.sens == "credit" else -lg.montant for lg in lignes), Decimal("0.00")
    )
    contenu = releves.Releve(
        format="camt.053",
        identifiant=identifiant,
        iban=iban,
        date_debut=debut,
        date_fin=max(lg.date_operation for lg in lignes),
        solde_ouverture=Decimal("0.00"),
        solde_cloture=mouvement,
        lignes=tuple(lignes),
    )
    return releves.ecrire_camt(contenu, message_id=f"MSG-{identifiant}")


def test_un_retour_date_d_avant_le_paiement_n_annule_rien_et_dit_pourquoi(
    client, comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    avant = AUJOURD_HUI - datetime.timedelta(days=12)
    retour = dataclasses.replace(
        retour_de(paiement, contre_passation=True, motif_retour="AC04"),
        date_operation=avant,
        date_valeur=avant,
    )
    releve = importer(
        comptable, banque, releve_du([retour, *lignes_du_lot(lot)], banque.iban, avant)
    )

    assert not Retour.objects.exists()
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "paye"
    seule = releve.lignes.get(sens="credit")
    assert mode(seule) is None  # nor matched by its amount
    assert [mode(lg) for lg in releve.lignes.filter(sens="debit")] == ["automatique"] * 2
    attendu = (
        f"Retour daté du {avant:%d/%m/%Y}, avant le paiement qu'il retournerait "
        f"({AUJOURD_HUI:%d/%m/%Y}) : rien n'a été annulé ; vérifiez la référence."
    )
    assert suites([seule], banque)[seule.pk].texte == attendu
    client.force_login(comptable)
    for page in (
        reverse("tresorerie:releve", args=[releve.pk]),
        reverse("tresorerie:rapprochement", args=[banque.pk]),
    ):
        assert escape(attendu) in client.get(page).content.decode()


@pytest.mark.parametrize(
    "moyen, reference, code, quoi",
    [
        ("prelevement", "PRLV-ORION-0001", "PMNT/IDDT/UPDD", "le prélèvement"),
        ("cheque", "CHQ 7654321", "PMNT/RCHQ/UPCQ", "l'encaissement"),
    ],
)
def test_un_impaye_date_d_avant_l_encaissement_ne_rouvre_pas_la_creance(
    directrice, comptable, comptes, moyen, reference, code, quoi
):
    banque = comptes["BANQUE"]
    ordre = ordre_recette(directrice, comptable)
    encaissement = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=banque,
        moyen=moyen,
        montant="1250.40",
        payeur="Société Orion",
        objet="Recette",
        reference=reference,
        repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
    )
    avant = AUJOURD_HUI - datetime.timedelta(days=5)
    impaye = dataclasses.replace(
        ligne("1250.40", "debit", reference, "Impayé", code_operation=code, motif_retour="MD06"),
        date_operation=avant,
    )
    recu = ligne("1250.40", "credit", reference, "Recette")
    releve = importer(comptable, banque, releve_du([impaye, recu], banque.iban, avant))

    encaissement.refresh_from_db()
    assert encaissement.etat == Encaissement.Etat.ENREGISTRE
    assert t.reste_sur_ligne(ordre.lignes.get()) == Decimal("0.00")
    seule = releve.lignes.get(sens="debit")
    assert mode(seule) is None
    assert mode(releve.lignes.get(sens="credit")) == "automatique"
    assert suites([seule], banque)[seule.pk].texte == (
        f"Impayé daté du {avant:%d/%m/%Y}, avant {quoi} qu'il reprendrait "
        f"({AUJOURD_HUI:%d/%m/%Y}) : rien n'a été annulé ; vérifiez la référence."
    )


def test_un_prelevement_impaye_plus_de_13_mois_apres_n_annule_rien(
    comptable, comptes, preleve, horloge
):
    banque = comptes["BANQUE"]
    encaissement, creance = preleve
    tard = datetime.date(AUJOURD_HUI.year + 1, 7, 16)  # 13 months and a day after 15/06
    horloge(tard)
    impaye = dataclasses.replace(
        ligne("1250.40", "debit", "PRLV-ORION-0001", "Impayé", code_operation="PMNT/IDDT/UPDD"),
        date_operation=tard,
        date_valeur=tard,
    )
    releve = importer(comptable, banque, releve_du([impaye], banque.iban, tard))

    encaissement.refresh_from_db()
    assert encaissement.etat == Encaissement.Etat.ENREGISTRE
    assert t.reste_sur_ligne(creance) == Decimal("0.00")
    seule = releve.lignes.get()
    assert mode(seule) is None
    assert suites([seule], banque)[seule.pk].texte == (
        f"Impayé daté du {tard:%d/%m/%Y}, plus de 13 mois après le prélèvement qu'il reprendrait "
        f"({AUJOURD_HUI:%d/%m/%Y}) : un prélèvement SEPA ne se conteste plus après le "
        f"15/07/{tard.year} ; rien n'a été annulé ; vérifiez la référence."
    )


def _encaissement(jour, moyen="prelevement"):
    return Encaissement(date=jour, moyen=moyen, montant=Decimal("10.00"))


def _retour_le(jour, sens="debit"):
    return dataclasses.replace(ligne("10.00", sens, "R-1"), date_operation=jour)


@pytest.mark.parametrize(
    "recu, retourne, refuse",
    [
        (datetime.date(2026, 6, 15), datetime.date(2026, 6, 15), False),  # the same day
        (datetime.date(2026, 6, 15), datetime.date(2027, 7, 15), False),  # 13 months exactly
        (datetime.date(2026, 6, 15), datetime.date(2027, 7, 16), True),
        (datetime.date(2026, 1, 31), datetime.date(2027, 2, 28), False),  # no 31 February
        (datetime.date(2026, 1, 31), datetime.date(2027, 3, 1), True),
    ],
)
def test_le_delai_de_13_mois_d_un_prelevement_se_compte_en_mois(recu, retourne, refuse):
    assert bool(anomalie_de_date(_retour_le(retourne), _encaissement(recu))) is refuse


def test_un_cheque_ou_un_virement_retourne_longtemps_apres_reste_possible():
    """No limit where the rules give none: a cheque, a transfer returned after a recall."""
    longtemps = datetime.date(2028, 6, 15)
    assert anomalie_de_date(_retour_le(longtemps), _encaissement(AUJOURD_HUI, "cheque")) == ""
    paiement = Paiement(lot=LotPaiement(date=AUJOURD_HUI), montant=Decimal("10.00"))
    assert anomalie_de_date(_retour_le(longtemps, "credit"), paiement) == ""
    veille = AUJOURD_HUI - datetime.timedelta(days=1)
    assert anomalie_de_date(_retour_le(veille, "credit"), paiement).startswith(
        f"Retour daté du {veille:%d/%m/%Y}, avant le paiement"
    )


def test_l_impaye_d_un_mandat_reprend_le_prelevement_encaisse_avant_lui(comptable, comptes):
    """Every collection of a mandate may carry its reference: the return takes back the
    latest received on or before its own date, not a later one."""
    banque = comptes["BANQUE"]
    mai, juin = (
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=banque,
            moyen="prelevement",
            montant="100.00",
            payeur="Société Orion",
            objet="Prélèvement mensuel",
            reference="MANDAT-ORION",
            date=jour,
        )
        for jour in (datetime.date(2026, 5, 15), AUJOURD_HUI)
    )
    le = AUJOURD_HUI - datetime.timedelta(days=5)
    impaye = dataclasses.replace(
        ligne("100.00", "debit", "MANDAT-ORION", "Impayé", code_operation="PMNT/IDDT/UPDD"),
        date_operation=le,
    )
    releve = importer(comptable, banque, releve_du([impaye], banque.iban, le))

    mai.refresh_from_db()
    juin.refresh_from_db()
    assert (mai.etat, juin.etat) == (Encaissement.Etat.ANNULE, Encaissement.Etat.ENREGISTRE)
    seule = releve.lignes.get()
    assert mode(seule) == "automatique"
    assert suites([seule], banque)[seule.pk].texte.startswith(
        f"Encaissement {mai.reference_interne} de Société Orion"
    )
