"""Pages of the treasury: what a person does through them, and what they refuse."""

import html
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree

from depenses.models import OrdreDepense
from ledger.models import Ecriture, Ligne
from recettes import services as r
from recettes.models import OrdreRecette
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_recette, ordre_vise
from tresorerie import services as t
from tresorerie.models import (
    Affectation,
    ArreteCaisse,
    Carnet,
    Encaissement,
    LotPaiement,
    Quittance,
    Rapprochement,
    Releve,
)
from tresorerie.releves import LigneReleve as LigneLue
from tresorerie.releves import Releve as ReleveLu
from tresorerie.releves import ecrire_camt053
from tresorerie.sepa import valider_pain001

pytestmark = pytest.mark.django_db

sans_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils absent (make test l'installe)"
)


def texte_pdf(contenu: bytes) -> str:
    sortie = subprocess.run(
        ["pdftotext", "-", "-"], input=contenu, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(sortie.split())  # also folds the non-breaking spaces of amounts


def page(reponse) -> str:
    """The page as read: entities decoded, non-breaking spaces as plain spaces."""
    return html.unescape(reponse.content.decode()).replace("\xa0", " ")


def encaisser(comptable, compte, montant="100.00", moyen="numeraire", **autres):
    return t.encaissement_enregistrer(
        acting_user=comptable,
        compte=compte,
        moyen=moyen,
        montant=montant,
        payeur=autres.pop("payeur", "M. Girard"),
        objet=autres.pop("objet", "Versement"),
        **autres,
    )


def releve_des_livres(compte, identifiant="REL-TEST-1") -> bytes:
    """A camt.053 statement holding every book line of the account, as the bank saw them."""
    lignes = [
        LigneLue(
            date_operation=lg.ecriture.date,
            date_valeur=None,
            montant=lg.debit or lg.credit,
            sens="credit" if lg.debit > 0 else "debit",
            libelle=lg.ecriture.libelle[:140],
            reference="",
            reference_banque=f"B{lg.pk}",
            contrepartie="",
        )
        for lg in Ligne.objects.filter(compte=compte.compte)
        .select_related("ecriture")
        .order_by("ecriture__date", "id")
    ]
    cloture = sum((lg.montant if lg.sens == "credit" else -lg.montant for lg in lignes), Decimal(0))
    return ecrire_camt053(
        ReleveLu(
            format="camt.053",
            identifiant=identifiant,
            iban=compte.iban,
            date_debut=AUJOURD_HUI,
            date_fin=AUJOURD_HUI,
            solde_ouverture=Decimal("0.00"),
            solde_cloture=cloture,
            lignes=tuple(lignes),
        ),
        message_id=f"MSG-{identifiant}",
    )


# --- Encaissements -----------------------------------------------------------------------


@sans_pdftotext
def test_un_paiement_en_especes_au_guichet_solde_l_ordre_et_donne_sa_quittance(
    client, directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    ligne = ordre.lignes.get()
    client.force_login(comptable)
    # From the ordre de recette: the debtor's line, what remains and the payer are filled in.
    formulaire = page(client.get(reverse("tresorerie:encaissements"), {"ligne": ligne.pk}))
    assert f'<option value="{ligne.pk}" selected>{ordre.reference} — Société Orion' in formulaire
    assert 'value="1250,40"' in formulaire and 'value="Société Orion"' in formulaire
    reponse = client.post(
        reverse("tresorerie:encaissements"),
        {
            "compte": comptes["CAISSE"].pk,
            "moyen": "numeraire",
            "montant": "1 250,40",
            "payeur": "Société Orion",
            "objet": f"Règlement de l'ordre de recette n° {ordre.reference}",
            "date": AUJOURD_HUI.isoformat(),
            "ligne_1": ligne.pk,
            "montant_1": "1250,40",
        },
    )
    encaissement = Encaissement.objects.get()
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("tresorerie:encaissement", args=[encaissement.pk])
    assert r.reste_a_recouvrer(OrdreRecette.objects.get(pk=ordre.pk)) == Decimal("0.00")
    quittance = encaissement.quittances.get()
    detail = page(client.get(reponse["Location"]))
    assert f"Encaissement {encaissement.reference_interne} enregistré" in detail
    assert f"Quittance n° {quittance.reference} (PDF)" in detail
    assert reverse("ledger:ecriture", args=[encaissement.ecriture_id]) in detail

    pdf = client.get(reverse("tresorerie:quittance_pdf", args=[quittance.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert f'filename="quittance-{quittance.reference}.pdf"' in pdf["Content-Disposition"]
    texte = texte_pdf(pdf.content)
    assert "QUITTANCE" in texte and quittance.reference in texte
    assert "mille deux cent cinquante euros et quarante centimes" in texte
    assert "1 250,40 €" in texte and "Société Orion" in texte and ordre.reference in texte
    assert "circulaire 93/82 §2.0.6" in texte and quittance.empreinte[:32] in texte


@sans_pdftotext
def test_l_annulation_donne_un_document_qui_reference_la_quittance(
    client, directrice, comptable, comptes
):
    encaissement = encaisser(comptable, comptes["CAISSE"], "80.00")
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:annuler", args=[encaissement.pk]), {"motif": "Erreur de payeur"}
    )
    assert reponse.status_code == 302
    quittance, annulation = encaissement.quittances.order_by("numero")
    assert annulation.annule_id == quittance.pk
    texte = texte_pdf(client.get(reverse("tresorerie:quittance_pdf", args=[annulation.pk])).content)
    assert f"ANNULATION DE LA QUITTANCE n° {quittance.reference}" in texte
    assert "Erreur de payeur" in texte and "quatre-vingts euros" in texte


def test_un_montant_faux_est_refuse_en_francais_et_rien_n_est_enregistre(
    client, directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    client.force_login(comptable)
    ecritures = Ecriture.objects.count()
    donnees = {
        "compte": comptes["CAISSE"].pk,
        "moyen": "numeraire",
        "montant": "douze euros",
        "payeur": "Société Orion",
        "objet": "Règlement",
        "date": AUJOURD_HUI.isoformat(),
    }
    reponse = client.post(reverse("tresorerie:encaissements"), donnees)
    assert reponse.status_code == 400
    contenu = page(reponse)
    assert "Le montant encaissé « douze euros » n'est pas un nombre." in contenu
    assert 'role="alert"' in contenu
    # The service's own refusal is shown the same way: more than the order leaves.
    donnees.update(montant="2000", ligne_1=ordre.lignes.get().pk, montant_1="2000")
    reponse = client.post(reverse("tresorerie:encaissements"), donnees)
    assert reponse.status_code == 400
    assert f"L'ordre de recette n° {ordre.reference} ne laisse que 1 250,40 €" in page(reponse)
    assert Encaissement.objects.count() == 0 and Quittance.objects.count() == 0
    assert Ecriture.objects.count() == ecritures


def test_le_regisseur_ne_voit_que_sa_regie(client, comptable, regisseur, comptes):
    encaisser(comptable, comptes["CAISSE"], "10.00", payeur="Payeur de la caisse")
    client.force_login(regisseur)
    assert client.get(reverse("tresorerie:tableau"))["Location"] == reverse(
        "tresorerie:encaissements"
    )
    assert client.get(reverse("tresorerie:restes")).status_code == 403
    reponse = client.post(
        reverse("tresorerie:encaissements"),
        {
            "compte": comptes["REGIE"].pk,
            "moyen": "numeraire",
            "montant": "15,00",
            "payeur": "Payeur de la régie",
            "objet": "Droit d'accès",
            "date": AUJOURD_HUI.isoformat(),
        },
        follow=True,
    )
    assert reponse.status_code == 200
    liste = page(client.get(reverse("tresorerie:encaissements")))
    assert "Payeur de la régie" in liste and "Payeur de la caisse" not in liste
    assert "Caisse de l'agence comptable" not in liste  # not offered in the form either
    autre = Encaissement.objects.get(payeur="Payeur de la caisse")
    assert client.get(reverse("tresorerie:encaissement", args=[autre.pk])).status_code == 403


# --- Lecture seule -------------------------------------------------------------------------


def test_l_auditeur_lit_chaque_page_et_ne_peut_rien_faire(
    client, directrice, comptable, auditeur, comptes, credits
):
    ordre = ordre_recette(directrice, comptable)
    encaissement = encaisser(comptable, comptes["CAISSE"], "120.00")
    virement = encaisser(comptable, comptes["BANQUE"], "40.00", moyen="virement")
    lot = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits)],
        compte=comptes["EXECUTION"],
    )
    t.releve_importer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        nom_fichier="releve.xml",
        contenu=releve_des_livres(comptes["BANQUE"]),
    )
    rapprochement = Rapprochement.objects.first()
    arrete = t.arrete_caisse(
        acting_user=comptable, compte=comptes["CAISSE"], comptage={"100": 1, "20": 1}
    )
    quittance = encaissement.quittances.get()
    carnet = Carnet.objects.first()
    banque = comptes["BANQUE"].pk

    def etat():
        return (
            Ecriture.objects.count(),
            Encaissement.objects.filter(etat="enregistre").count(),
            Affectation.objects.count(),
            Quittance.objects.count(),
            Carnet.objects.filter(clos_le__isnull=True).count(),
            LotPaiement.objects.count(),
            Releve.objects.count(),
            Rapprochement.objects.count(),
            ArreteCaisse.objects.count(),
            OrdreDepense.objects.filter(etat="paye").count(),
        )

    avant = etat()
    client.force_login(auditeur)
    pages = [
        reverse("tresorerie:tableau"),
        reverse("tresorerie:encaissements"),
        reverse("tresorerie:encaissements") + f"?ligne={ordre.lignes.get().pk}",
        reverse("tresorerie:encaissement", args=[encaissement.pk]),
        reverse("tresorerie:encaissement", args=[virement.pk]),
        reverse("tresorerie:sans_titre"),
        reverse("tresorerie:restes"),
        reverse("tresorerie:paiements"),
        reverse("tresorerie:lot", args=[lot.pk]),
        reverse("tresorerie:releves"),
        reverse("tresorerie:rapprochement", args=[banque]),
        reverse("tresorerie:caisse"),
    ]
    for adresse in pages:
        reponse = client.get(adresse)
        assert reponse.status_code == 200, adresse
        # Only the logout form of the banner: no act is offered to the auditor.
        assert reponse.content.decode().count('method="post"') == 1, adresse
    for adresse in (
        reverse("tresorerie:quittance_pdf", args=[quittance.pk]),
        reverse("tresorerie:rapprochement_pdf", args=[banque]),
        reverse("tresorerie:arrete_pdf", args=[arrete.pk]),
    ):
        reponse = client.get(adresse)
        assert reponse.status_code == 200 and reponse.content.startswith(b"%PDF"), adresse
    assert client.get(reverse("tresorerie:pain001", args=[lot.pk])).status_code == 200

    actes = [
        (reverse("tresorerie:tableau"), {"type": "recu", "serie": "X", "compte": banque}),
        (reverse("tresorerie:carnet_clore", args=[carnet.pk]), {}),
        (
            reverse("tresorerie:encaissements"),
            {"compte": banque, "moyen": "virement", "montant": "5", "payeur": "A", "objet": "B"},
        ),
        (
            reverse("tresorerie:excedent_affecter", args=[encaissement.pk]),
            {"ligne": ordre.lignes.get().pk, "montant": "10"},
        ),
        (
            reverse("tresorerie:excedent_rembourser", args=[encaissement.pk]),
            {"compte": banque, "montant": "10"},
        ),
        (reverse("tresorerie:recu_delivrer", args=[virement.pk]), {}),
        (reverse("tresorerie:annuler", args=[encaissement.pk]), {"motif": "essai"}),
        (reverse("tresorerie:sans_titre"), {"montant": "5"}),
        (reverse("tresorerie:regularisation_preparer"), {"annee": "2026", "mois": "1"}),
        (reverse("tresorerie:paiements"), {"ordres": [1], "compte": banque}),
        (reverse("tresorerie:releves"), {"compte": banque}),
        (
            reverse("tresorerie:rapprochement", args=[banque]),
            {"acte": "defaire", "rapprochement": rapprochement.pk},
        ),
        (reverse("tresorerie:caisse"), {"compte": comptes["CAISSE"].pk, "coupure_1": "3"}),
    ]
    for adresse, donnees in actes:
        assert client.post(adresse, donnees).status_code == 403, adresse
    assert etat() == avant


def test_la_directrice_lit_sans_formulaire_d_acte(client, directrice, comptable, comptes):
    client.force_login(directrice)
    for nom in ("tableau", "encaissements", "paiements", "releves", "caisse"):
        reponse = client.get(reverse(f"tresorerie:{nom}"))
        assert reponse.status_code == 200
        assert reponse.content.decode().count('method="post"') == 1, nom
    # Her only act here: preparing the monthly regularisation.
    assert "Préparer l'ordre de régularisation du mois" in page(
        client.get(reverse("tresorerie:sans_titre"))
    )


def test_encaissement_sans_titre_puis_ordre_de_regularisation_dans_le_parapheur(
    client, directrice, comptable, comptes
):
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:sans_titre"),
        {
            "compte": comptes["BANQUE"].pk,
            "moyen": "virement",
            "montant": "720,00",
            "payeur": "Mme Roux",
            "objet": "Loyer de l'appartement",
            "compte_produit": "752",
            "nature_recette": "loyer",
            "date": AUJOURD_HUI.isoformat(),
        },
    )
    encaissement = Encaissement.objects.get()
    assert reponse.status_code == 302 and encaissement.sans_titre
    assert "Mme Roux" in page(client.get(reverse("tresorerie:sans_titre")))
    client.force_login(directrice)
    reponse = client.post(
        reverse("tresorerie:regularisation_preparer"),
        {"annee": AUJOURD_HUI.year, "mois": AUJOURD_HUI.month},
    )
    assert reponse["Location"] == reverse("recettes:parapheur")
    encaissement.refresh_from_db()
    assert encaissement.regularise_par.montant == Decimal("720.00")


def test_les_restes_a_recouvrer_concordent_avec_la_comptabilite(
    client, directrice, comptable, auditeur, comptes
):
    ordre = ordre_recette(directrice, comptable)
    encaisser(
        comptable,
        comptes["CAISSE"],
        "250.40",
        payeur="Société Orion",
        repartitions=[t.Repartition(ordre.lignes.get(), "250.40")],
    )
    client.force_login(auditeur)
    contenu = page(client.get(reverse("tresorerie:restes")))
    assert "Société Orion" in contenu and "1 000,00 €" in contenu
    assert "La comptabilité concorde avec les restes à recouvrer : écart 0,00 €." in contenu


# --- Paiements -----------------------------------------------------------------------------


def test_payer_deux_ordres_vises_et_telecharger_le_fichier_sepa(
    client, directrice, comptable, comptes, credits
):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90", creancier="Imprimerie Morel")
    client.force_login(comptable)
    liste = page(client.get(reverse("tresorerie:paiements")))
    assert f"Payer l'ordre {a.reference}" in liste and f"Payer l'ordre {b.reference}" in liste
    assert "Compte spécial d'encaissement" not in liste  # never pays
    reponse = client.post(
        reverse("tresorerie:paiements"),
        {
            "ordres": [a.pk, b.pk],
            "compte": comptes["EXECUTION"].pk,
            "moyen": "virement",
            "le": AUJOURD_HUI.isoformat(),
        },
    )
    lot = LotPaiement.objects.get()
    assert reponse["Location"] == reverse("tresorerie:lot", args=[lot.pk])
    assert set(OrdreDepense.objects.values_list("etat", flat=True)) == {"paye"}
    detail = page(client.get(reponse["Location"]))
    assert "Télécharger le fichier SEPA (pain.001.001.09)" in detail
    assert "FR76 3000 6000 0112 3456 7890 189" in detail and "1 299,90 €" in detail
    fichier = client.get(reverse("tresorerie:pain001", args=[lot.pk]))
    assert fichier["Content-Type"] == "application/xml"
    assert (
        f'attachment; filename="pain.001.001.09-{lot.message_id}.xml"'
        == (fichier["Content-Disposition"])
    )
    valider_pain001(fichier.content)
    document = etree.fromstring(fichier.content)
    assert len(document.xpath("//*[local-name()='CdtTrfTxInf']")) == 2
    assert document.xpath("string(//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs'])") == "2"


def test_payer_sans_rien_cocher_est_refuse(client, directrice, comptable, comptes, credits):
    ordre_vise(directrice, comptable, credits)
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:paiements"),
        {"compte": comptes["EXECUTION"].pk, "moyen": "virement", "le": AUJOURD_HUI.isoformat()},
    )
    assert reponse.status_code == 400
    assert "Cochez au moins un ordre de dépense visé à payer." in page(reponse)
    assert not LotPaiement.objects.exists()


# --- Arrêté de caisse ----------------------------------------------------------------------


@sans_pdftotext
def test_un_arrete_avec_un_manquant_met_un_debet_a_la_charge_du_comptable(
    client, comptable, comptes
):
    encaisser(comptable, comptes["CAISSE"], "100.00")
    client.force_login(comptable)
    formulaire = page(client.get(reverse("tresorerie:caisse")))
    assert "Billets de 500 €" in formulaire and "Pièces de 0,01 €" in formulaire
    reponse = client.post(
        reverse("tresorerie:caisse"),
        {
            "compte": comptes["CAISSE"].pk,
            "date": AUJOURD_HUI.isoformat(),
            "coupure_50": "1",
            "coupure_20": "2",
            "coupure_2": "2",
            "coupure_0_50": "1",
            "observations": "Comptage contradictoire avec la caissière",
        },
    )
    assert reponse.status_code == 302
    arrete = ArreteCaisse.objects.get()
    assert (arrete.total_compte, arrete.solde_comptable, arrete.ecart) == (
        Decimal("94.50"),
        Decimal("100.00"),
        Decimal("-5.50"),
    )
    assert arrete.ecriture.journal.code == "OD"
    debet = arrete.ecriture.lignes.get(compte__numero="4722")
    assert debet.debit == Decimal("5.50")
    texte = texte_pdf(client.get(reverse("tresorerie:arrete_pdf", args=[arrete.pk])).content)
    assert "Procès-verbal d'arrêté de caisse" in texte and "Manquant de 5,50 €" in texte
    assert "4722" in texte and "429" in texte and f"OD-{arrete.ecriture.numero}" in texte
    assert "Billets de 500 € 0 0,00 €" in texte and "Billets de 20 € 2 40,00 €" in texte


def test_un_comptage_negatif_est_refuse(client, comptable, comptes):
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:caisse"),
        {"compte": comptes["CAISSE"].pk, "date": AUJOURD_HUI.isoformat(), "coupure_10": "-2"},
    )
    assert reponse.status_code == 400
    assert "Billets de 10 € : le nombre ne peut être négatif." in page(reponse)
    assert not ArreteCaisse.objects.exists()


# --- Relevés et rapprochement ---------------------------------------------------------------


@sans_pdftotext
def test_un_releve_tire_des_livres_se_rapproche_et_l_ecart_est_nul(
    client, directrice, comptable, comptes
):
    ordre = ordre_recette(directrice, comptable)
    banque = comptes["BANQUE"]
    encaisser(
        comptable,
        banque,
        "1250.40",
        moyen="virement",
        payeur="Société Orion",
        repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
    )
    encaisser(comptable, banque, "45.20", moyen="virement", payeur="M. Faure")
    t.excedent_rembourser(
        acting_user=comptable,
        encaissement=Encaissement.objects.get(payeur="M. Faure"),
        compte=banque,
        montant="5.20",
    )
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:releves"),
        {
            "compte": banque.pk,
            "fichier": SimpleUploadedFile(
                "releve.xml", releve_des_livres(banque), content_type="application/xml"
            ),
        },
        follow=True,
    )
    assert "Relevé REL-TEST-1 importé : 3 ligne(s), 3 rapprochée(s)" in page(reponse)
    etat = page(client.get(reverse("tresorerie:rapprochement", args=[banque.pk])))
    assert "0,00 € — compte rapproché" in etat
    pdf = client.get(reverse("tresorerie:rapprochement_pdf", args=[banque.pk]))
    texte = texte_pdf(pdf.content)
    assert "État de rapprochement bancaire" in texte
    assert "Solde bancaire reconstitué 1 290,40 €" in texte
    assert "Écart 0,00 €" in texte


def test_rapprocher_a_la_main_puis_defaire(client, comptable, comptes):
    banque = comptes["BANQUE"]
    encaisser(comptable, banque, "30.00", moyen="virement")
    livre = Ligne.objects.get(compte=banque.compte)
    contenu = ecrire_camt053(
        ReleveLu(
            format="camt.053",
            identifiant="REL-MAIN",
            iban=banque.iban,
            date_debut=AUJOURD_HUI,
            date_fin=AUJOURD_HUI,
            solde_ouverture=Decimal("0.00"),
            solde_cloture=Decimal("30.00"),
            lignes=(
                LigneLue(AUJOURD_HUI, None, Decimal("10.00"), "credit", "Part 1", "", "B1", ""),
                LigneLue(AUJOURD_HUI, None, Decimal("20.00"), "credit", "Part 2", "", "B2", ""),
            ),
        ),
        message_id="MSG-MAIN",
    )
    t.releve_importer(acting_user=comptable, compte=banque, nom_fichier="r.xml", contenu=contenu)
    assert not Rapprochement.objects.exists()
    client.force_login(comptable)
    adresse = reverse("tresorerie:rapprochement", args=[banque.pk])
    premiere = Releve.objects.get().lignes.get(libelle="Part 1")
    reponse = client.post(
        adresse,
        {"acte": "rapprocher", "ligne_releve": premiere.pk, "lignes": [livre.pk]},
        follow=True,
    )
    assert "le rapprochement doit tomber juste" in page(reponse)
    reponse = client.post(
        adresse,
        {"acte": "expliquer", "ligne_releve": premiere.pk, "explication": "Erreur de la banque"},
        follow=True,
    )
    assert "Ligne du relevé expliquée." in page(reponse)
    explique = Rapprochement.objects.get()
    assert explique.mode == "explique"
    client.post(adresse, {"acte": "defaire", "rapprochement": explique.pk})
    assert not Rapprochement.objects.exists()


def test_les_frais_du_releve_se_comptabilisent_depuis_la_page(client, comptable, comptes):
    from tresorerie.demo import releve_exemple
    from tresorerie.selectors import etat_rapprochement

    banque = comptes["BANQUE"]
    releve = t.releve_importer(
        acting_user=comptable,
        compte=banque,
        nom_fichier="r.xml",
        contenu=releve_exemple(banque, AUJOURD_HUI, AUJOURD_HUI),
    )
    frais = releve.lignes.get(libelle="Frais de tenue de compte")
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:rapprochement", args=[banque.pk]),
        {"acte": "frais", "ligne_releve": frais.pk},
        follow=True,
    )
    assert "Frais bancaires comptabilisés" in page(reponse)
    assert Ligne.objects.get(compte__numero="627").debit == Decimal("12.50")
    etat = etat_rapprochement(banque)
    assert etat.releve_non_rapproche == [] and etat.ecart == Decimal("0.00")


def test_virer_des_fonds_de_la_caisse_des_depots_au_compte_d_execution(client, comptable, comptes):
    client.force_login(comptable)
    reponse = client.post(
        reverse("tresorerie:tableau"),
        {
            "acte": "virement",
            "virement-de": comptes["CDC"].pk,
            "virement-vers": comptes["EXECUTION"].pk,
            "virement-montant": "1 500,00",
        },
        follow=True,
    )
    assert "Virement passé" in page(reponse)
    assert Ligne.objects.get(compte__numero="5121").debit == Decimal("1500.00")
    refus = client.post(
        reverse("tresorerie:tableau"),
        {
            "acte": "virement",
            "virement-de": comptes["BANQUE"].pk,
            "virement-vers": comptes["ENCAISSEMENT"].pk,
            "virement-montant": "10",
        },
        follow=True,
    )
    assert "versement des cotisations" in html.unescape(page(refus))
    assert not Ligne.objects.filter(compte__numero="5123").exists()


def test_la_liste_des_encaissements_dit_l_affecte_et_l_excedent_de_chaque_ligne(
    client, directrice, comptable, comptes, django_assert_max_num_queries
):
    ordre = ordre_recette(directrice, comptable)  # 1 250,40 € à recouvrer
    encaisser(
        comptable,
        comptes["CAISSE"],
        "300.00",
        payeur="Payeur en partie affecté",
        repartitions=[t.Repartition(ordre.lignes.get(), "250.40")],
    )
    encaisser(comptable, comptes["CAISSE"], "80.00", payeur="Payeur sans affectation")
    client.force_login(comptable)
    # Session, user, functions, interim, the count, the page's ids and rows, what
    # each was allocated (one query for the page), the quittances, then the form's.
    with django_assert_max_num_queries(20):
        liste = page(client.get(reverse("tresorerie:encaissements")))
    lignes = liste.split("Encaissements enregistrés")[1]

    def montants(payeur):  # Montant, Affecté, Excédent of the payer's row
        ligne = lignes.split(payeur)[1].split("</tr>")[0]
        return [c.split("</td>")[0] for c in ligne.split('<td class="montant">')[1:]]

    assert montants("Payeur en partie affecté") == ["300,00 €", "250,40 €", "49,60 €"]
    assert montants("Payeur sans affectation") == ["80,00 €", "0,00 €", "80,00 €"]
    # The most recent first.
    assert lignes.index("Payeur sans affectation") < lignes.index("Payeur en partie affecté")
