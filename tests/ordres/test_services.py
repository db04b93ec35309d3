"""The acts both kinds of order share (ordres.services): creation with its
pièces in one transaction, the parapheur translating a database refusal."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection

from core.audit import JournalAudit
from core.exceptions import DonneeInvalide
from depenses import services as depenses
from depenses.models import CompteurOrdreDepense, OrdreDepense
from recettes import services as recettes
from recettes.models import CompteurOrdre, OrdreRecette
from tests.depenses.test_services import AUJOURD_HUI, IBAN
from tests.factories import MOT_DE_PASSE
from tests.fichiers import pdf
from tests.recettes.test_services import saisie

pytestmark = pytest.mark.django_db
PDF = pdf("facture")


def _saisie_depense(**modifs) -> depenses.SaisieDepense:
    valeurs = dict(
        gestion="technique",
        nature="prestation",
        objet="Indemnités journalières",
        bases_liquidation="Arrêt de travail du 2 au 9",
        compte_imputation="6561",
        compte_tiers="401",
        date_fait=AUJOURD_HUI,
        dates={"service_fait": AUJOURD_HUI},
        lignes=[depenses.LigneCreancier("Mme Martin", "assurée", IBAN, "312.40")],
        pieces_references="Avis d'arrêt de travail, au dossier de l'assurée",
    )
    valeurs.update(modifs)
    return depenses.SaisieDepense(**valeurs)


def test_un_ordre_de_recette_se_cree_avec_ses_pieces(directrice, exercice):
    ordre = recettes.ordre_recette_creer(
        acting_user=directrice, saisie=saisie(), pieces=[("facture.pdf", PDF)]
    )
    piece = ordre.pieces.get()
    assert (piece.nom, piece.sha256) == ("facture.pdf", hashlib.sha256(PDF).hexdigest())
    assert list(
        JournalAudit.objects.filter(objet_id=str(ordre.pk), acte__startswith="ordre_recette.")
        .order_by("id")
        .values_list("acte", flat=True)
    ) == ["ordre_recette.cree", "ordre_recette.piece_jointe"]
    # The signature covers the pièce joined at creation.
    recettes.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    ordre.refresh_from_db()
    assert ordre.empreinte_contenu == recettes.empreinte_contenu(ordre)


def test_une_piece_refusee_a_la_creation_ne_laisse_ni_ordre_ni_numero(directrice, exercice):
    recettes.ordre_recette_creer(acting_user=directrice, saisie=saisie())
    with pytest.raises(DonneeInvalide, match="n'est pas ce qu'il prétend être"):
        recettes.ordre_recette_creer(
            acting_user=directrice,
            saisie=saisie(),
            pieces=[("facture.pdf", PDF), ("releve.pdf", b"MZ\x90\x00")],
        )
    assert OrdreRecette.objects.count() == 1
    assert CompteurOrdre.objects.get(exercice=exercice).dernier_numero == 1


def test_un_ordre_de_depense_se_cree_avec_ses_pieces(directrice, exercice):
    ordre = depenses.ordre_depense_creer(
        acting_user=directrice, saisie=_saisie_depense(), pieces=[("arret.pdf", PDF)]
    )
    assert ordre.pieces.get().sha256 == hashlib.sha256(PDF).hexdigest()
    assert ordre.pieces.get().complement is False
    with pytest.raises(DonneeInvalide, match="est vide"):
        depenses.ordre_depense_creer(
            acting_user=directrice, saisie=_saisie_depense(), pieces=[("vide.pdf", b"")]
        )
    assert OrdreDepense.objects.count() == 1
    assert CompteurOrdreDepense.objects.get(exercice=exercice).dernier_numero == 1


def test_le_parapheur_des_depenses_traduit_le_refus_de_la_base(directrice, exercice):
    """A line changed behind the service's back (in SQL, on a draft): the
    database refuses the signature (LG213) and the parapheur reports it in
    French for that order, and signs the other."""
    faux = depenses.ordre_depense_creer(acting_user=directrice, saisie=_saisie_depense())
    bon = depenses.ordre_depense_creer(acting_user=directrice, saisie=_saisie_depense())
    with connection.cursor() as cur:
        cur.execute(
            "UPDATE depenses_ligneordredepense SET montant = 1.00 WHERE ordre_id = %s", [faux.pk]
        )
    resultat = depenses.ordre_depense_signer_lot(
        acting_user=directrice, ordres=[faux, bon], mot_de_passe=MOT_DE_PASSE
    )
    signes, refus = resultat
    assert [o.pk for o in signes] == [bon.pk]
    assert [(o.pk, message) for o, message in refus] == [
        (
            faux.pk,
            "Le montant de l'ordre doit égaler la somme de ses lignes "
            "(une seule ligne pour un ordre individuel).",
        )
    ]
    assert OrdreDepense.objects.get(pk=faux.pk).etat == "brouillon"
    assert OrdreDepense.objects.get(pk=bon.pk).etat == "signe"
