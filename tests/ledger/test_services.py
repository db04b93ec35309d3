import datetime
from decimal import Decimal

import pytest

from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    EcritureDesequilibree,
    ExerciceClos,
    ExerciceInvalide,
    MontantInvalide,
    TransitionInterdite,
)
from core.models import JournalAudit
from ledger.models import Ecriture, Exercice, Ligne
from ledger.selectors import balance_generale
from ledger.services import (
    EcritureSaisie,
    LigneSaisie,
    balance_figer,
    ecriture_contrepasser,
    ecriture_passer,
    ecritures_importer,
    exercice_clore,
    exercice_ouvrir,
    exercice_ouvrir_periode_complementaire,
)
from tests.ledger.cloture_outils import clore

pytestmark = pytest.mark.django_db


def _passer(utilisateur, exercice, jour, lignes, journal="OD", libelle="Opération"):
    return ecriture_passer(
        acting_user=utilisateur,
        exercice=exercice,
        journal=journal,
        date=jour,
        libelle=libelle,
        lignes=lignes,
    )


def _etat_ledger():
    return Ecriture.objects.count(), Ligne.objects.count(), JournalAudit.objects.count()


def test_passer_une_ecriture_la_numerote_la_chaine_et_l_audite(comptable, exercice, jour):
    premiere = _passer(
        comptable,
        exercice,
        jour,
        [LigneSaisie("531", debit="100"), LigneSaisie("5122", credit="100")],
    )
    seconde = _passer(
        comptable,
        exercice,
        jour,
        [LigneSaisie("6064", debit="12,50"), LigneSaisie("401", credit="12.50")],
    )
    autre_journal = _passer(
        comptable,
        exercice,
        jour,
        [LigneSaisie("4111", debit="7"), LigneSaisie("7511", credit="7")],
        journal="RE",
    )

    assert [premiere.numero, seconde.numero, autre_journal.numero] == [1, 2, 1]
    assert [premiere.rang, seconde.rang, autre_journal.rang] == [1, 2, 3]
    assert seconde.empreinte_precedente == premiere.empreinte
    assert autre_journal.empreinte_precedente == seconde.empreinte
    audit = JournalAudit.objects.filter(acte="ecriture.passee", objet_id=str(seconde.pk)).get()
    assert audit.acteur == comptable
    assert audit.apres["montant"] == "12.50"


@pytest.mark.parametrize(
    ("lignes", "erreur", "message"),
    [
        ([LigneSaisie("531", debit="10")], EcritureDesequilibree, "au moins deux lignes"),
        (
            [LigneSaisie("531", debit="10"), LigneSaisie("5122", credit="9.99")],
            EcritureDesequilibree,
            "n'est pas équilibrée : débits 10,00\u00a0€, crédits 9,99\u00a0€",
        ),
        (
            [LigneSaisie("531", debit="-10"), LigneSaisie("5122", credit="-10")],
            MontantInvalide,
            "ne peut pas être négatif",
        ),
        (
            [LigneSaisie("531", debit="10.005"), LigneSaisie("5122", credit="10.005")],
            MontantInvalide,
            "plus de deux décimales",
        ),
        (
            [LigneSaisie("531", debit=10.5), LigneSaisie("5122", credit=10.5)],
            MontantInvalide,
            "pas en nombre flottant",
        ),
        (
            [LigneSaisie("531", debit="dix"), LigneSaisie("5122", credit="10")],
            MontantInvalide,
            "n'est pas un nombre",
        ),
        (
            [LigneSaisie("531", debit="10", credit="10"), LigneSaisie("5122", credit="10")],
            DonneeInvalide,
            "soit un débit, soit un crédit",
        ),
        (
            [LigneSaisie("999", debit="10"), LigneSaisie("5122", credit="10")],
            DonneeInvalide,
            "le compte 999 n'existe pas",
        ),
        (
            [LigneSaisie("411", debit="10"), LigneSaisie("7511", credit="10")],
            DonneeInvalide,
            "compte de regroupement",
        ),
        (
            [LigneSaisie("626", debit="10"), LigneSaisie("5123", credit="10")],
            DonneeInvalide,
            "compte spécial d'encaissement",
        ),
    ],
)
def test_une_saisie_invalide_est_refusee_en_francais_sans_rien_ecrire(
    comptable, exercice, jour, lignes, erreur, message
):
    avant = _etat_ledger()
    with pytest.raises(erreur) as refus:
        _passer(comptable, exercice, jour, lignes)
    assert message in refus.value.message
    assert _etat_ledger() == avant


def test_seul_le_comptable_passe_des_ecritures(directrice, auditeur, exercice, jour):
    for intrus in (directrice, auditeur):
        avant = _etat_ledger()
        with pytest.raises(DroitInsuffisant) as refus:
            _passer(
                intrus,
                exercice,
                jour,
                [LigneSaisie("531", debit="1"), LigneSaisie("5122", credit="1")],
            )
        assert "Seul l'agent comptable" in refus.value.message
        assert _etat_ledger() == avant


def test_une_date_hors_exercice_est_refusee(comptable, exercice):
    with pytest.raises(ExerciceInvalide) as refus:
        _passer(
            comptable,
            exercice,
            datetime.date(exercice.annee - 1, 12, 31),
            [LigneSaisie("531", debit="1"), LigneSaisie("5122", credit="1")],
        )
    assert f"hors de l'exercice {exercice.annee}" in refus.value.message
    assert Ecriture.objects.count() == 0


def test_un_exercice_inexistant_est_refuse(comptable, exercice, jour):
    with pytest.raises(ExerciceInvalide) as refus:
        _passer(
            comptable, 1990, jour, [LigneSaisie("531", debit="1"), LigneSaisie("5122", credit="1")]
        )
    assert refus.value.message == "L'exercice 1990 n'existe pas."


def test_contrepasser_annule_l_effet_et_ne_se_fait_qu_une_fois(comptable, exercice, jour):
    ecriture = _passer(
        comptable,
        exercice,
        jour,
        [LigneSaisie("6064", debit="80"), LigneSaisie("401", credit="80")],
    )

    inverse = ecriture_contrepasser(acting_user=comptable, ecriture=ecriture)

    assert inverse.contrepasse == ecriture
    assert sorted(inverse.lignes.values_list("compte__numero", "debit", "credit")) == [
        ("401", Decimal("80.00"), Decimal("0.00")),
        ("6064", Decimal("0.00"), Decimal("80.00")),
    ]
    balance = balance_generale(exercice=exercice)
    assert all(ligne.solde_debit == ligne.solde_credit == 0 for ligne in balance.lignes)
    with pytest.raises(TransitionInterdite, match="déjà été contrepassée"):
        ecriture_contrepasser(acting_user=comptable, ecriture=ecriture)
    with pytest.raises(TransitionInterdite, match="ne se contrepasse pas"):
        ecriture_contrepasser(acting_user=comptable, ecriture=inverse)
    assert Ecriture.objects.count() == 2


def test_cycle_de_vie_de_l_exercice(comptable, exercice, jour, horloge):
    _passer(
        comptable, exercice, jour, [LigneSaisie("531", debit="5"), LigneSaisie("5122", credit="5")]
    )
    with pytest.raises(TransitionInterdite, match="qu'après le 31/12"):
        exercice_ouvrir_periode_complementaire(
            acting_user=comptable, exercice=exercice, le=exercice.fin
        )
    with pytest.raises(
        TransitionInterdite, match="on ne clôt qu'un exercice en période complémentaire"
    ):
        exercice_clore(acting_user=comptable, exercice=exercice)

    exercice_ouvrir_periode_complementaire(
        acting_user=comptable, exercice=exercice, le=datetime.date(exercice.annee + 1, 1, 1)
    )
    exercice.refresh_from_db()
    assert exercice.etat == Exercice.Etat.COMPLEMENTAIRE and exercice.complementaire_le is not None
    assert Exercice.objects.get(annee=exercice.annee + 1).etat == Exercice.Etat.OUVERT
    # The balance avant inventaire is frozen in January, before any inventory entry.
    horloge(datetime.date(exercice.annee + 1, 1, 20))
    balance_figer(acting_user=comptable, exercice=exercice, nature="avant_inventaire")
    # In the période complémentaire, entries of the year still post.
    _passer(
        comptable,
        exercice,
        exercice.fin,
        [LigneSaisie("531", debit="5"), LigneSaisie("5122", credit="5")],
        journal="IN",
    )
    # The closing is refused until every step of the year-end is done.
    with pytest.raises(TransitionInterdite, match="balance après inventaire"):
        exercice_clore(acting_user=comptable, exercice=exercice)

    clore(exercice, comptable)
    exercice.refresh_from_db()
    assert exercice.etat == Exercice.Etat.CLOS and exercice.clos_le is not None
    avant = _etat_ledger()
    with pytest.raises(ExerciceClos, match=f"L'exercice {exercice.annee} est clos"):
        _passer(
            comptable,
            exercice,
            jour,
            [LigneSaisie("531", debit="5"), LigneSaisie("5122", credit="5")],
        )
    assert _etat_ledger() == avant
    actes = list(
        JournalAudit.objects.filter(objet_type="ledger.exercice").values_list("acte", flat=True)
    )
    assert {"exercice.ouvert", "exercice.periode_complementaire", "exercice.clos"} <= set(actes)


def test_un_exercice_ne_s_ouvre_pas_deux_fois(comptable, exercice):
    with pytest.raises(TransitionInterdite, match="déjà ouvert"):
        exercice_ouvrir(acting_user=comptable, annee=exercice.annee)


def test_l_import_numerote_chaine_et_cumule(comptable, exercice, jour):
    saisies = (
        EcritureSaisie(
            date=jour,
            libelle=f"Cotisation {n}",
            lignes=[LigneSaisie("4111", debit=Decimal(n)), LigneSaisie("7511", credit=Decimal(n))],
        )
        for n in range(1, 1001)
    )
    assert (
        ecritures_importer(
            acting_user=comptable, exercice=exercice, journal="RE", ecritures=saisies
        )
        == 1000
    )
    numeros = list(
        Ecriture.objects.filter(journal__code="RE")
        .order_by("numero")
        .values_list("numero", flat=True)
    )
    assert numeros == list(range(1, 1001))
    balance = {ligne.numero: ligne for ligne in balance_generale(exercice=exercice).lignes}
    assert balance["4111"].mouvement_debit == Decimal(500500)
    assert balance["7511"].solde_credit == Decimal(500500)


def test_un_import_avec_une_ecriture_fausse_n_ecrit_rien(comptable, exercice, jour):
    saisies = [
        EcritureSaisie(
            date=jour,
            libelle="Juste",
            lignes=[LigneSaisie("4111", debit="5"), LigneSaisie("7511", credit="5")],
        ),
        EcritureSaisie(
            date=jour,
            libelle="Fausse",
            lignes=[LigneSaisie("4111", debit="5"), LigneSaisie("7511", credit="4")],
        ),
    ]
    avant = _etat_ledger()
    with pytest.raises(EcritureDesequilibree):
        ecritures_importer(
            acting_user=comptable, exercice=exercice, journal="RE", ecritures=saisies
        )
    assert _etat_ledger() == avant
