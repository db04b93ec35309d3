"""Réquisition (circ. 93/82 §2.1.9.0, §2.1.9.1) and entries in the name of
who acted (§1.1.1): the directeur's réquisition posts nothing, the order goes
back to the agent comptable as *requis*; he visas it in his own name, or
refuses to defer in one of the five cases only."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from depenses import actes, selectors
from depenses import services as s
from depenses.models import OrdreDepense, ReponseRequisition, Requisition, Suspension
from ledger.models import Ecriture
from ledger.services import LigneSaisie, ecriture_passer
from oppositions.services import opposition_enregistrer
from personnes.models import Fonction
from tests.depenses.test_services import AUJOURD_HUI, _suspendu
from tests.factories import MOT_DE_PASSE, fonde_de_pouvoir, personne
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db


def _requis(directrice, comptable, credits, motif="pieces", **options):
    ordre = _suspendu(directrice, comptable, credits, motif, **options)
    s.ordre_depense_requerir(
        acting_user=directrice,
        ordre=ordre,
        motif="Continuité du service",
        mot_de_passe=MOT_DE_PASSE,
    )
    return OrdreDepense.objects.get(pk=ordre.pk)


def _etat_inchange(ordre, ecritures: int):
    frais = OrdreDepense.objects.get(pk=ordre.pk)
    assert frais.etat == "requis" and frais.vise_par_id is None and frais.ecriture_id is None
    assert Ecriture.objects.count() == ecritures
    assert not ReponseRequisition.objects.exists()


def test_la_requisition_rend_l_ordre_requis_sans_rien_passer(directrice, comptable, credits):
    # given an order suspended by the agent comptable for missing pièces
    ordre = _suspendu(directrice, comptable, credits, "pieces")
    ecritures = Ecriture.objects.count()

    # when the directrice requisitions it
    requisition = s.ordre_depense_requerir(
        acting_user=directrice,
        ordre=ordre,
        motif="Continuité du service",
        mot_de_passe=MOT_DE_PASSE,
    )

    # then the order waits for the agent comptable's visa; nothing is posted
    ordre = OrdreDepense.objects.get(pk=ordre.pk)
    assert ordre.etat == "requis" and ordre.get_etat_display() == (
        "requis, en attente du visa de l'agent comptable"
    )
    assert ordre.vise_par is None and ordre.ecriture is None
    assert Ecriture.objects.count() == ecritures
    assert requisition.requis_par == directrice and requisition.qualite == "Directeur"
    assert Suspension.objects.get(ordre=ordre).suite == "requis"
    assert JournalAudit.objects.filter(acte="ordre_depense.requis", acteur=directrice).exists()
    assert ordre in selectors.ordres_a_viser()


def test_le_fonde_de_pouvoir_vise_sur_requisition_en_son_propre_nom(directrice, comptable, credits):
    # given an order suspended by the agent comptable, then requisitioned
    ordre = _requis(directrice, comptable, credits)
    fonde = fonde_de_pouvoir()

    # when the fondé de pouvoir, acting for the agent comptable that day, defers
    ordre = s.ordre_depense_viser_sur_requisition(acting_user=fonde, ordre=ordre)

    # then the visa and its entry are his, not the directrice's nor the suspending comptable's
    ordre = OrdreDepense.objects.select_related("ecriture").get(pk=ordre.pk)
    assert ordre.etat == "vise" and ordre.vise_par == fonde
    assert ordre.ecriture.passee_par == fonde and ordre.ecriture.journal.code == "DE"
    lignes = sorted(ordre.ecriture.lignes.values_list("compte__numero", "debit", "credit"))
    assert lignes == [
        ("401", Decimal("0.00"), Decimal("1200.00")),
        ("6064", Decimal("1200.00"), Decimal("0.00")),
    ]
    reponse = Requisition.objects.get(ordre=ordre).reponse
    assert reponse.decision == "defere" and reponse.par == fonde
    assert reponse.ecriture == ordre.ecriture
    assert reponse.qualite == "Fondé de pouvoir de l'agent comptable"
    audit = JournalAudit.objects.get(acte="ordre_depense.vise_sur_requisition")
    assert audit.acteur == fonde
    assert audit.apres["responsabilite"].startswith("transférée à ")
    assert "circulaire 93/82 §2.1.9.1" in audit.apres["responsabilite"]


def test_la_directrice_ne_vise_pas_a_la_place_de_l_agent_comptable(directrice, comptable, credits):
    ordre = _requis(directrice, comptable, credits)
    ecritures = Ecriture.objects.count()
    with pytest.raises(DroitInsuffisant) as refus:
        s.ordre_depense_viser_sur_requisition(acting_user=directrice, ordre=ordre)
    assert refus.value.message.startswith(
        "Seul l'agent comptable (ou son fondé de pouvoir) peut viser un ordre sur réquisition"
    )
    _etat_inchange(ordre, ecritures)


def test_le_visa_ordinaire_ne_s_applique_pas_a_un_ordre_requis(directrice, comptable, credits):
    ordre = _requis(directrice, comptable, credits)
    ecritures = Ecriture.objects.count()
    with pytest.raises(TransitionInterdite) as refus:
        s.ordre_depense_viser(acting_user=comptable, ordre=ordre)
    assert refus.value.message == (
        f"L'ordre de dépense n° {ordre.reference} est requis, en attente du visa de l'agent "
        "comptable : on ne peut le viser que s'il est transmis à l'agent comptable."
    )
    _etat_inchange(ordre, ecritures)


def test_refuser_de_deferer_hors_des_cinq_cas_est_refuse_avec_leur_liste(
    directrice, comptable, credits
):
    ordre = _requis(directrice, comptable, credits)
    ecritures = Ecriture.objects.count()
    with pytest.raises(DonneeInvalide) as refus:
        s.ordre_depense_refuser_de_deferer(
            acting_user=comptable, ordre=ordre, cas="pieces", explication="Devis toujours absent"
        )
    assert refus.value.message == (
        "L'agent comptable qui a reçu un ordre de réquisition régulier en la forme est tenu de "
        "s'y conformer, sauf dans l'un de ces cas : opposition entre les mains de l'agent "
        "comptable ; dette contestée ; absence de service fait ; absence ou insuffisance de "
        "crédits ; décision du conseil suspendue ou annulée (circulaire 93/82 §2.1.9.0)."
    )
    _etat_inchange(ordre, ecritures)
    assert Suspension.objects.filter(ordre=ordre).count() == 1


@pytest.mark.parametrize(
    ("cas", "dementi"),
    [
        ("service_fait", "le service fait est attesté"),
        ("opposition", "aucune opposition entre vos mains ne vise un créancier de l'ordre"),
        ("credits", "les crédits de l'ordre sont ouverts et suffisants"),
    ],
)
def test_un_cas_de_refus_dementi_par_les_faits_est_refuse(
    directrice, comptable, credits, cas, dementi
):
    ordre = _requis(directrice, comptable, credits)
    ecritures = Ecriture.objects.count()
    with pytest.raises(TransitionInterdite) as refus:
        s.ordre_depense_refuser_de_deferer(
            acting_user=comptable, ordre=ordre, cas=cas, explication="Je ne paierai pas"
        )
    label = Suspension.Motif(cas).label
    assert refus.value.message == (
        f"Vous ne pouvez refuser de déférer pour « {label} » : {dementi} "
        "(circulaire 93/82 §2.1.9.0)."
    )
    _etat_inchange(ordre, ecritures)


def test_une_opposition_servie_apres_la_requisition_fonde_le_refus_de_deferer(
    directrice, comptable, credits
):
    # given a requisitioned order, then an opposition served on the agent comptable
    ordre = _requis(directrice, comptable, credits)
    opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant="55210055400013",
        opposant="Trésor public",
        opposant_iban="FR7610011000201234567890188",
        opposant_bic="BDFEFRPPXXX",
        nature="avis_tiers_detenteur",
        montant=Decimal("300.00"),
        signifiee_le=AUJOURD_HUI,
    )
    assert s.cas_constates(ordre) == {"opposition": ["une opposition vise Papeterie Centrale"]}
    ecritures = Ecriture.objects.count()

    # when the agent comptable refuses to defer for that opposition
    reponse = s.ordre_depense_refuser_de_deferer(
        acting_user=comptable, ordre=ordre, cas="opposition", explication="ATD du Trésor public"
    )

    # then the order is suspended again for that case, nothing is posted
    ordre = OrdreDepense.objects.get(pk=ordre.pk)
    assert ordre.etat == "suspendu" and ordre.ecriture is None
    assert Ecriture.objects.count() == ecritures
    assert reponse.decision == "refus" and reponse.cas == "opposition"
    nouvelle = reponse.suspension
    assert (nouvelle.motif, nouvelle.explication, nouvelle.suite) == (
        "opposition",
        "ATD du Trésor public",
        "",
    )
    # and the directrice may not requisition the same order again
    with pytest.raises(TransitionInterdite) as refus:
        s.ordre_depense_requerir(
            acting_user=directrice, ordre=ordre, motif="Encore", mot_de_passe=MOT_DE_PASSE
        )
    assert refus.value.message.startswith(
        f"L'agent comptable a refusé le {AUJOURD_HUI:%d/%m/%Y} de déférer à la réquisition de "
        f"l'ordre n° {ordre.reference} (opposition entre les mains de l'agent comptable) : "
        "complétez le dossier ou retirez l'ordre"
    )
    assert Requisition.objects.count() == 1
    # she withdraws it
    s.ordre_depense_retirer(acting_user=directrice, ordre=ordre, motif="Opposition")
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "retire"


def test_une_dette_contestee_se_refuse_sur_la_parole_motivee_du_comptable(
    directrice, comptable, credits
):
    ordre = _requis(directrice, comptable, credits)
    with pytest.raises(DonneeInvalide, match="est motivé par écrit"):
        s.ordre_depense_refuser_de_deferer(
            acting_user=comptable, ordre=ordre, cas="dette_contestee", explication=" "
        )
    reponse = s.ordre_depense_refuser_de_deferer(
        acting_user=comptable,
        ordre=ordre,
        cas="dette_contestee",
        explication="Le fournisseur conteste lui-même la facture",
    )
    assert reponse.get_cas_display() == "dette contestée"
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "suspendu"


# --- PostgreSQL keeps the same rules, whatever writes -------------------------


def test_la_base_refuse_un_ordre_requis_vise_sans_la_reponse_du_comptable(
    directrice, comptable, credits
):
    ordre = _requis(directrice, comptable, credits)
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_ordredepense SET etat = 'vise', vise_par_id = %s WHERE id = %s",
            [directrice.pk, ordre.pk],
        ),
        f"L'ordre de dépense n° {ordre.numero} requis n'est visé que par l'agent comptable qui "
        "défère à la réquisition, sur l'écriture passée en son nom",
    )
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "requis"


def test_la_base_refuse_un_ordre_requis_sans_requisition(directrice, comptable, credits):
    ordre = _suspendu(directrice, comptable, credits, "pieces")
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_ordredepense SET etat = 'requis' WHERE id = %s", [ordre.pk]
        ),
        f"L'ordre de dépense n° {ordre.numero} ne devient requis que par la réquisition écrite "
        "du directeur",
    )
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "suspendu"


def test_la_base_refuse_un_visa_sur_requisition_passe_au_nom_d_un_autre(
    directrice, comptable, credits
):
    # given a requisitioned order, and an entry passed by the agent comptable
    ordre = _requis(directrice, comptable, credits)
    autre = ecriture_passer(
        acting_user=comptable,
        exercice=credits,
        journal="OD",
        date=AUJOURD_HUI,
        libelle="Une autre écriture",
        lignes=[LigneSaisie("6064", debit="10.00"), LigneSaisie("401", credit="10.00")],
    )
    requisition = Requisition.objects.get(ordre=ordre)
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)

    def repondre(cur, par, ecriture):
        cur.execute(
            "INSERT INTO depenses_reponserequisition (requisition_id, decision, cas, explication,"
            " par_id, qualite, le, ecriture_id) VALUES (%s, 'defere', '', '', %s, 'x', now(), %s)",
            [requisition.pk, par.pk, ecriture.pk],
        )

    # the fondé de pouvoir cannot answer on an entry in the agent comptable's name
    refus_sql(
        lambda cur: repondre(cur, fonde, autre),
        "est passé au nom de l'agent comptable qui défère : la tenue de la comptabilité ne peut "
        "faire l'objet d'une délégation (circulaire 93/82 §1.1.1)",
    )
    # nor the directrice answer her own réquisition
    refus_sql(
        lambda cur: repondre(cur, directrice, autre),
        "Celui qui a requis ne répond pas à sa propre réquisition",
    )
    assert not ReponseRequisition.objects.exists()


# --- Pages and API ------------------------------------------------------------


def test_l_api_requis_puis_visa_du_comptable_et_refus_a_la_directrice(
    directrice, comptable, credits
):
    ordre = _suspendu(directrice, comptable, credits, "pieces")
    api = APIClient()
    api.force_authenticate(directrice)
    requis = api.post(
        f"/api/ordres-depense/{ordre.pk}/requerir/",
        {"motif": "Urgence", "mot_de_passe": MOT_DE_PASSE},
        format="json",
    )
    assert requis.status_code == 200 and requis.json()["etat"] == "requis"
    assert requis.json()["requisition"]["reponse"] is None

    # the directrice is refused at the edge, with the catalogue's sentence
    refus = api.post(f"/api/ordres-depense/{ordre.pk}/viser-sur-requisition/")
    assert refus.status_code == 403
    assert refus.json()["message"] == actes.VISER_SUR_REQUISITION_DROIT.refus
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "requis"

    api.force_authenticate(comptable)
    hors_cas = api.post(
        f"/api/ordres-depense/{ordre.pk}/refuser-de-deferer/",
        {"cas": "pieces", "explication": "x"},
        format="json",
    )
    assert hors_cas.status_code == 400 and "sauf dans l'un de ces cas" in hors_cas.json()["message"]
    assert hors_cas.json()["details"]["cas"][0] == "opposition"
    vise = api.post(f"/api/ordres-depense/{ordre.pk}/viser-sur-requisition/")
    assert vise.status_code == 200, vise.json()
    assert vise.json()["etat"] == "vise"
    assert vise.json()["requisition"]["reponse"]["decision"] == "defere"
    assert vise.json()["requisition"]["reponse"]["par"] == comptable.pk
    assert Ecriture.objects.get(
        pk=OrdreDepense.objects.get(pk=ordre.pk).ecriture_id
    ).passee_par == (comptable)


def test_la_file_du_comptable_montre_l_ordre_requis_et_il_le_vise_par_la_page(
    client, directrice, comptable, credits
):
    ordre = _requis(directrice, comptable, credits)
    client.force_login(comptable)
    file = client.get("/depenses/a-viser/").content.decode()
    assert (
        ordre.reference in file and "requis, en attente du visa de l&#x27;agent comptable" in file
    )
    page = client.get(f"/depenses/{ordre.pk}/").content.decode()
    assert "Viser sur réquisition" in page and "Refuser de déférer" in page
    reponse = client.post(f"/depenses/{ordre.pk}/viser-sur-requisition/", follow=True)
    assert f"Ordre n° {ordre.reference} visé sur réquisition" in reponse.content.decode()
    assert OrdreDepense.objects.get(pk=ordre.pk).vise_par == comptable
    rapport = client.get("/depenses/requisitions/").content.decode()
    assert "Visé sur réquisition le" in rapport


def test_la_page_refuse_de_deferer_hors_des_cas_et_ne_change_rien(
    client, directrice, comptable, credits
):
    ordre = _requis(directrice, comptable, credits)
    client.force_login(comptable)
    reponse = client.post(
        f"/depenses/{ordre.pk}/refuser-de-deferer/",
        {"cas": "service_fait", "explication": "Je doute"},
        follow=True,
    )
    assert "le service fait est attesté" in reponse.content.decode()
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "requis"
    assert not ReponseRequisition.objects.exists()


def test_l_api_refuse_de_deferer_et_la_page_du_directeur_le_dit(
    client, directrice, comptable, credits
):
    ordre = _requis(directrice, comptable, credits)
    api = APIClient()
    api.force_authenticate(comptable)
    refus = api.post(
        f"/api/ordres-depense/{ordre.pk}/refuser-de-deferer/",
        {"cas": "dette_contestee", "explication": "Le fournisseur conteste la facture"},
        format="json",
    )
    assert refus.status_code == 200, refus.json()
    assert refus.json()["etat"] == "suspendu"
    assert refus.json()["requisition"]["reponse"]["decision"] == "refus"
    assert refus.json()["requisition"]["reponse"]["cas"] == "dette_contestee"

    client.force_login(directrice)
    page = client.get(f"/depenses/{ordre.pk}/").content.decode()
    assert "a refusé de déférer à la réquisition" in page and "dette contestée" in page
    assert "Signer la réquisition" not in page and "Compléter et renvoyer" in page
