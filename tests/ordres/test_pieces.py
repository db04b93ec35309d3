"""No order is signed without its pièces (circ. 93/82 §2.0.2, §2.1.3; §VI):
joined to it, or their references written on it. The service refuses, the
parapheur reports it for that order, the page and the API say it in French,
and PostgreSQL refuses the same passage whatever writes it. What a signature
covers keeps the hashes of the orders signed before the rule."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.audit import JournalAudit
from core.exceptions import DonneeInvalide
from depenses import services as depenses
from depenses.models import OrdreDepense
from ordres.services import empreinte
from recettes import services as recettes
from recettes.models import OrdreRecette
from tests.depenses.test_services import AUJOURD_HUI, IBAN
from tests.factories import MOT_DE_PASSE
from tests.fichiers import pdf
from tests.recettes.test_services import saisie
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
FACTURE = pdf("facture 118 de la Papeterie Centrale")
REFUS_RECETTE = (
    "ne se signe pas sans ses pièces justificatives : joignez-les ou portez leurs "
    "références sur l'ordre (circulaire 93/82 §2.0.2 : « Les ordres de recette sont "
    "accompagnés des pièces justificatives. Si elles ne sont pas jointes, une mention "
    "relative aux références des pièces justificatives doit être portée sur l'ordre de "
    "recette. »)."
)


def saisie_depense(**modifs) -> depenses.SaisieDepense:
    valeurs = dict(
        gestion="technique",
        nature="prestation",
        objet="Indemnités journalières",
        bases_liquidation="Arrêt de travail du 2 au 9",
        compte_imputation="6561",
        compte_tiers="412",
        date_fait=AUJOURD_HUI,
        dates={"service_fait": AUJOURD_HUI},
        lignes=[depenses.LigneCreancier("Mme Martin", "assurée", IBAN, "312.40")],
        pieces_references="Avis d'arrêt de travail, au dossier de l'assurée",
    )
    valeurs.update(modifs)
    return depenses.SaisieDepense(**valeurs)


def _recette_sans_piece(directrice, references=""):
    return recettes.ordre_recette_creer(
        acting_user=directrice, saisie=saisie(pieces_references=references)
    )


def _depense_sans_piece(directrice, references=""):
    return depenses.ordre_depense_creer(
        acting_user=directrice, saisie=saisie_depense(pieces_references=references)
    )


def _signatures_auditees(ordre) -> int:
    return JournalAudit.objects.filter(objet_id=str(ordre.pk), acte__endswith=".signe").count()


# --- The service ------------------------------------------------------------------------


def test_un_ordre_de_recette_sans_piece_ni_reference_ne_se_signe_pas(directrice, exercice):
    # given a draft with neither a pièce joined nor a reference written
    ordre = _recette_sans_piece(directrice)
    # when the directrice signs it
    with pytest.raises(DonneeInvalide) as refus:
        recettes.ordre_recette_signer(
            acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE
        )
    # then the refusal quotes the circulaire, and nothing moved
    assert refus.value.code == "pieces_manquantes"
    assert refus.value.message == (f"L'ordre de recette n° {ordre.reference} " + REFUS_RECETTE)
    relu = OrdreRecette.objects.get(pk=ordre.pk)
    assert (relu.etat, relu.empreinte_contenu, relu.signatures.count()) == ("brouillon", "", 0)
    assert _signatures_auditees(ordre) == 0


def test_des_references_faites_d_espaces_ne_sont_pas_des_references(directrice, exercice):
    ordre = _recette_sans_piece(directrice, references="   ")
    assert ordre.pieces_references == ""
    with pytest.raises(DonneeInvalide, match="ne se signe pas sans ses pièces"):
        recettes.ordre_recette_signer(
            acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE
        )


def test_un_ordre_de_depense_sans_piece_ni_reference_ne_se_signe_pas(directrice, exercice):
    ordre = _depense_sans_piece(directrice)
    with pytest.raises(DonneeInvalide) as refus:
        depenses.ordre_depense_signer(
            acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE
        )
    assert refus.value.code == "pieces_manquantes"
    assert refus.value.message.startswith(
        f"L'ordre de dépense n° {ordre.reference} ne se signe pas sans ses pièces "
        "justificatives : joignez-les ou portez leurs références sur l'ordre (circulaire "
        "93/82 §2.1.3 : « Les ordres de dépense sont accompagnés des pièces justificatives."
    )
    assert "§VI : les dépenses payées en l'absence de pièces justificatives" in (
        refus.value.message
    )
    relu = OrdreDepense.objects.get(pk=ordre.pk)
    assert (relu.etat, relu.signatures.count()) == ("brouillon", 0)


def test_une_piece_jointe_ou_des_references_suffisent(directrice, exercice):
    # a pièce joined, no reference
    jointe = recettes.ordre_recette_creer(
        acting_user=directrice,
        saisie=saisie(pieces_references=""),
        pieces=[("convention.pdf", pdf("convention"))],
    )
    # references written, no pièce
    referencee = _depense_sans_piece(directrice, references="Arrêt de travail n° 4411")
    recettes.ordre_recette_signer(acting_user=directrice, ordre=jointe, mot_de_passe=MOT_DE_PASSE)
    depenses.ordre_depense_signer(
        acting_user=directrice, ordre=referencee, mot_de_passe=MOT_DE_PASSE
    )
    assert OrdreRecette.objects.get(pk=jointe.pk).etat == "signe"
    assert OrdreDepense.objects.get(pk=referencee.pk).etat == "signe"


def test_le_parapheur_signe_les_ordres_justifies_et_dit_pourquoi_pas_les_autres(
    directrice, exercice
):
    sans = _recette_sans_piece(directrice)
    avec = recettes.ordre_recette_creer(acting_user=directrice, saisie=saisie())
    signes, refus = recettes.ordre_recette_signer_lot(
        acting_user=directrice, ordres=[sans, avec], mot_de_passe=MOT_DE_PASSE
    )
    assert [o.pk for o in signes] == [avec.pk]
    assert [(o.pk, m) for o, m in refus] == [
        (sans.pk, f"L'ordre de recette n° {sans.reference} " + REFUS_RECETTE)
    ]
    assert OrdreRecette.objects.get(pk=sans.pk).etat == "brouillon"


# --- Pages and API ----------------------------------------------------------------------


def test_l_api_refuse_la_signature_sans_piece_en_francais(directrice, exercice):
    ordre = _depense_sans_piece(directrice)
    api = APIClient()
    api.force_authenticate(directrice)
    reponse = api.post(
        f"/api/ordres-depense/{ordre.pk}/signer/", {"mot_de_passe": MOT_DE_PASSE}, format="json"
    )
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "pieces_manquantes"
    assert "ne se signe pas sans ses pièces justificatives" in reponse.json()["message"]
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "brouillon"
    # the references are typed through the API and read back
    cree = api.post(
        "/api/ordres-recette/creer/",
        {
            "nature": "autre",
            "objet": "Frais de dossier",
            "bases_liquidation": "Convention du 3 mars",
            "compte_imputation": "7585",
            "compte_tiers": "4671",
            "date_fait": AUJOURD_HUI.isoformat(),
            "dates": {"liquidation": AUJOURD_HUI.isoformat()},
            "lignes": [{"debiteur": "Société Orion", "qualite": "débiteur", "montant": "25.00"}],
            "pieces_references": "Convention du 3 mars, classeur 12",
        },
        format="json",
    )
    assert cree.status_code == 201, cree.json()
    assert cree.json()["pieces_references"] == "Convention du 3 mars, classeur 12"
    signe = api.post(
        f"/api/ordres-recette/{cree.json()['id']}/signer/",
        {"mot_de_passe": MOT_DE_PASSE},
        format="json",
    )
    assert signe.status_code == 200 and signe.json()["etat"] == "signe"


def test_la_page_dit_le_refus_et_le_formulaire_porte_les_references(client, directrice, exercice):
    ordre = _recette_sans_piece(directrice)
    client.force_login(directrice)
    page = client.get(reverse("recettes:detail", args=[ordre.pk])).content.decode()
    assert "Aucune pièce jointe ni référencée" in page
    reponse = client.post(
        reverse("recettes:signer", args=[ordre.pk]), {"mot_de_passe": MOT_DE_PASSE}, follow=True
    )
    assert "ne se signe pas sans ses pièces justificatives" in reponse.content.decode()
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"
    formulaire = client.get(reverse("depenses:nouveau")).content.decode()
    assert "Références des pièces justificatives" in formulaire


# --- PostgreSQL -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table, code, creer",
    [
        ("recettes_ordrerecette", "LG117", _recette_sans_piece),
        ("depenses_ordredepense", "LG217", _depense_sans_piece),
    ],
)
def test_la_base_refuse_la_signature_d_un_ordre_sans_piece(
    directrice, exercice, table, code, creer
):
    # given a draft without pièce or reference, its lines and amount right
    ordre = creer(directrice)
    nom = "ordre de recette" if table.startswith("recettes") else "ordre de dépense"
    texte = "§2.0.2" if table.startswith("recettes") else "§2.1.3"
    # when someone with SQL access marks it signed, with a hash
    erreur = refus_sql(
        lambda cur: cur.execute(
            f"UPDATE {table} SET etat = 'signe', empreinte_contenu = repeat('a', 64) WHERE id = %s",
            [ordre.pk],
        ),
        f"L'{nom} n° {ordre.numero} ne se signe pas sans ses pièces justificatives : "
        f"joignez-les ou portez leurs références sur l'ordre (circulaire 93/82 {texte}).",
    )
    # then PostgreSQL refuses it with its own code, and the order is a draft
    assert erreur.sqlstate == code
    assert type(ordre).objects.get(pk=ordre.pk).etat == "brouillon"


def test_la_base_laisse_signer_un_ordre_qui_porte_ses_references(directrice, exercice):
    ordre = _depense_sans_piece(directrice, references="Arrêt de travail n° 4411")
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            "UPDATE depenses_ordredepense SET etat = 'signe', empreinte_contenu = repeat('a', 64) "
            "WHERE id = %s",
            [ordre.pk],
        )
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "signe"


def test_les_references_et_le_motif_d_un_ordre_signe_sont_figes(directrice, exercice):
    ordre = recettes.ordre_recette_creer(acting_user=directrice, saisie=saisie())
    recettes.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    for colonne in ("pieces_references", "motif_rattachement"):
        refus_sql(
            lambda cur, colonne=colonne: cur.execute(
                f"UPDATE recettes_ordrerecette SET {colonne} = 'autre chose' WHERE id = %s",
                [ordre.pk],
            ),
            "est signé : son contenu ne peut plus être modifié",
        )


# --- What a signature covers ------------------------------------------------------------


def _contenu_d_avant(ordre) -> dict:
    """What `ordres.services.contenu_signe` covered before the reason of the
    attachment existed (commit 0ad3826), written out field by field."""
    return {
        "exercice": ordre.exercice.annee,
        "numero": ordre.numero,
        "type": ordre.type,
        "nature": ordre.nature,
        "objet": ordre.objet,
        "bases": ordre.bases_liquidation,
        "imputation": ordre.compte_imputation.numero,
        "tiers": ordre.compte_tiers.numero,
        "montant": f"{ordre.montant:.2f}",
        "date_fait": ordre.date_fait.isoformat(),
        "dates": {
            cle: (v.isoformat() if v else None) for cle, v in ordre.dates_rattachement.items()
        },
        "article": ordre.article_rattachement,
        "pieces_references": ordre.pieces_references,
        "lignes": [
            [lg.debiteur, lg.qualite, lg.identifiant, f"{lg.montant:.2f}"]
            for lg in ordre.lignes.order_by("id")
        ],
        "pieces": [[p.nom, p.sha256] for p in ordre.pieces.order_by("id")],
    }


def test_l_empreinte_d_un_ordre_de_l_exercice_de_son_fait_est_celle_d_avant(directrice, exercice):
    ordre = recettes.ordre_recette_creer(
        acting_user=directrice, saisie=saisie(), pieces=[("convention.pdf", pdf("c"))]
    )
    recettes.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    ordre = OrdreRecette.objects.get(pk=ordre.pk)
    assert ordre.motif_rattachement == ""
    # the hash signed is the one the previous code computed for the same order
    assert ordre.empreinte_contenu == empreinte(_contenu_d_avant(ordre))
    assert recettes.derniere_signature(ordre).empreinte_contenu == ordre.empreinte_contenu


def test_le_motif_du_rattachement_est_couvert_par_la_signature(directrice, exercice):
    ordre = recettes.ordre_recette_creer(acting_user=directrice, saisie=saisie())
    OrdreRecette.objects.filter(pk=ordre.pk).update(motif_rattachement="Rattaché à l'exercice")
    ordre = OrdreRecette.objects.get(pk=ordre.pk)
    avec = recettes.empreinte_contenu(ordre)
    assert avec == empreinte(
        {**_contenu_d_avant(ordre), "motif_rattachement": "Rattaché à l'exercice"}
    )
    assert avec != empreinte(_contenu_d_avant(ordre))
