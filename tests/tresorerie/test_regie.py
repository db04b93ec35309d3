"""A régisseur's receipt is posted in the régisseur's name, at his own régie
only (circ. 93/82 §1.1.1: the books are not delegated; the régisseurs act "pour
le compte et sous la surveillance de l'agent comptable")."""

import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant
from ledger.models import Compte, Ecriture
from ledger.services import LigneSaisie, ecriture_passer
from personnes.models import Fonction
from tests.factories import personne
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI
from tresorerie import services as t
from tresorerie.models import CompteDisponibilite, Encaissement

pytestmark = pytest.mark.django_db


def _encaisser(qui, compte, moyen="numeraire", montant="35.00"):
    return t.encaissement_enregistrer(
        acting_user=qui,
        compte=compte,
        moyen=moyen,
        montant=montant,
        payeur="M. Petit",
        objet="Frais de duplicata",
    )


def _autre_regie(comptable, exercice):
    """A second régie, at the annex, held by another régisseur."""
    collegue = personne("regisseur2", Fonction.REGISSEUR)
    regies = Compte.objects.get(numero="541")
    Compte.objects.create(
        numero="5412",
        libelle="Régie de l'annexe",
        classe=5,
        parent=regies,
        sens_normal=regies.sens_normal,
    )
    regie = t.compte_disponibilite_ouvrir(
        acting_user=comptable,
        code="REGIE2",
        libelle="Régie de recettes de l'annexe",
        nature="regie",
        compte_numero="5412",
        ouvert_le=datetime.date(exercice.annee, 1, 1),
        regisseur=collegue,
    )
    return collegue, regie


def test_l_encaissement_du_regisseur_est_passe_en_son_nom(regisseur, comptable, comptes):
    # when the régisseur takes 35,00 in cash at his régie
    encaissement = _encaisser(regisseur, comptes["REGIE"])

    # then the entry is his, not the agent comptable's
    ecriture = Ecriture.objects.get(pk=encaissement.ecriture_id)
    assert ecriture.passee_par == regisseur and ecriture.journal.code == "TR"
    assert encaissement.recu_par == regisseur
    debits = list(ecriture.lignes.filter(debit__gt=0).values_list("compte__numero", "debit"))
    assert debits == [("541", Decimal("35.00"))]
    # the agent comptable's own receipts stay his
    caisse = _encaisser(comptable, comptes["CAISSE"], montant="10.00")
    assert Ecriture.objects.get(pk=caisse.ecriture_id).passee_par == comptable


def test_le_regisseur_n_encaisse_pas_a_la_regie_d_un_autre(regisseur, comptable, comptes, exercice):
    collegue, regie = _autre_regie(comptable, exercice)
    avant = (Ecriture.objects.count(), Encaissement.objects.count())
    with pytest.raises(DroitInsuffisant) as refus:
        _encaisser(regisseur, regie, moyen="cheque")
    assert refus.value.message.startswith(
        "Seul l'agent comptable manie les fonds de l'organisme ; un régisseur n'encaisse que le "
        "numéraire et les chèques de sa propre régie (circulaire 93/82 §2.2"
    )
    assert (Ecriture.objects.count(), Encaissement.objects.count()) == avant
    # its own régisseur does, in his own name
    encaissement = _encaisser(collegue, regie, moyen="cheque")
    assert Ecriture.objects.get(pk=encaissement.ecriture_id).passee_par == collegue


def test_un_regisseur_ne_passe_aucune_autre_ecriture(regisseur, comptes, exercice):
    avant = Ecriture.objects.count()
    lignes = [LigneSaisie("541", debit="5.00"), LigneSaisie("4711", credit="5.00")]
    with pytest.raises(DroitInsuffisant, match="la tenue de la comptabilité lui est réservée"):
        ecriture_passer(
            acting_user=regisseur,
            exercice=exercice,
            journal="TR",
            date=AUJOURD_HUI,
            libelle="Versement",
            lignes=lignes,
        )
    for journal, regie, contenu in (
        ("OD", "541", lignes),
        ("TR", "541", [LigneSaisie("531", debit="5.00"), LigneSaisie("4711", credit="5.00")]),
    ):
        with pytest.raises(DonneeInvalide) as refus:
            ecriture_passer(
                acting_user=regisseur,
                exercice=exercice,
                journal=journal,
                date=AUJOURD_HUI,
                libelle="Versement",
                lignes=contenu,
                regie=regie,
            )
        assert refus.value.message == (
            "Un régisseur ne passe que l'encaissement de sa régie (journal TR, débit du compte "
            "541 seul) : les autres écritures sont celles de l'agent comptable (circulaire 93/82 "
            "§1.1.1)."
        )
    assert Ecriture.objects.count() == avant


def test_la_base_refuse_un_encaissement_au_nom_d_un_autre_ou_hors_de_sa_regie(
    regisseur, comptable, comptes
):
    # given a receipt of the agent comptable at the cash desk
    encaissement = _encaisser(comptable, comptes["CAISSE"], montant="10.00")

    def copier(cur, recu_par, compte):
        cur.execute(
            "INSERT INTO tresorerie_encaissement (exercice_id, date, compte_id, moyen, montant, "
            "payeur, objet, reference, recu_par_id, recu_le, ecriture_id, etat, motif_annulation, nature_recette)"
            " SELECT exercice_id, date, %s, moyen, montant, payeur, objet, reference, %s, recu_le,"
            " ecriture_id, etat, motif_annulation, nature_recette FROM tresorerie_encaissement WHERE id = %s",
            [compte.pk, recu_par.pk, encaissement.pk],
        )

    # recorded as received by the régisseur, on the agent comptable's entry
    refus_sql(
        lambda cur: copier(cur, regisseur, comptes["REGIE"]),
        "L'écriture d'un encaissement est passée au nom de qui l'a reçu",
    )
    # the régisseur's own entry, but at the cash desk, not his régie
    sien = _encaisser(regisseur, comptes["REGIE"])
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO tresorerie_encaissement (exercice_id, date, compte_id, moyen, montant, "
            "payeur, objet, reference, recu_par_id, recu_le, ecriture_id, etat, motif_annulation, nature_recette)"
            " SELECT exercice_id, date, %s, moyen, montant, payeur, objet, reference, recu_par_id,"
            " recu_le, ecriture_id, etat, motif_annulation, nature_recette FROM tresorerie_encaissement"
            " WHERE id = %s",
            [comptes["CAISSE"].pk, sien.pk],
        ),
        "un régisseur n'encaisse qu'à sa propre régie",
    )
    assert Encaissement.objects.count() == 2


def test_l_api_passe_l_encaissement_du_regisseur_en_son_nom(regisseur, comptes):
    api = APIClient()
    api.force_authenticate(regisseur)
    reponse = api.post(
        "/api/tresorerie/encaissements/",
        {
            "compte": "REGIE",
            "moyen": "numeraire",
            "montant": "35.00",
            "payeur": "M. Petit",
            "objet": "Frais de duplicata",
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    encaissement = Encaissement.objects.get()
    assert Ecriture.objects.get(pk=encaissement.ecriture_id).passee_par == regisseur
    assert CompteDisponibilite.objects.get(code="REGIE").regisseur == regisseur
