"""Recording, releasing and paying under oppositions (circ. 93/82 §2.1.5)."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, DroitInsuffisant, MontantInvalide, TransitionInterdite
from core.models import JournalAudit
from oppositions import services
from oppositions.models import Imputation, Opposition
from oppositions.services import OppositionDepassee, Part
from tests.oppositions.conftest import (
    AUJOURD_HUI,
    BIC_CREANCIER,
    BIC_OPPOSANT_2,
    IBAN_CREANCIER,
    IBAN_OPPOSANT,
    IBAN_OPPOSANT_2,
    SIRET,
    enregistrer,
    il_y_a,
)

pytestmark = pytest.mark.django_db


def part_de(opposition, montant) -> Part:
    return Part(
        opposition.opposant,
        opposition.opposant_iban,
        opposition.opposant_bic,
        Decimal(montant),
        opposition.pk,
    )


def imputer(user, opposition, montant, reference="ordre_depense:2026-00012", le=None):
    services.imputer(
        acting_user=user,
        part=part_de(opposition, montant),
        reference=reference,
        le=le or AUJOURD_HUI,
    )


# --- Recording ---------------------------------------------------------------------


def test_l_agent_comptable_enregistre_une_opposition_normalisee_et_auditee(comptable):
    opposition = enregistrer(
        comptable,
        creancier_identifiant="123 456 789 00012",
        opposant_iban="fr76 3000 6000 0112 3456 7890 189",
        opposant_bic="agrifrpp",
        montant="1 250,40",
    )

    relue = Opposition.objects.get(pk=opposition.pk)
    assert (relue.creancier_identifiant, relue.opposant_iban, relue.opposant_bic) == (
        SIRET,
        IBAN_OPPOSANT,
        "AGRIFRPP",
    )
    assert relue.montant == Decimal("1250.40")
    assert relue.enregistree_par == comptable
    assert relue.mainlevee_le is None
    entree = JournalAudit.objects.get(acte="opposition.enregistree")
    assert (entree.acteur, entree.objet_id) == (comptable, str(opposition.pk))
    assert entree.apres["montant"] == "1250.40"
    assert entree.apres["signifiee_le"] == il_y_a(30).isoformat()


@pytest.mark.parametrize("qui", ["directrice", "auditeur"])
def test_seul_l_agent_comptable_enregistre_une_opposition(request, qui):
    utilisateur = request.getfixturevalue(qui)
    with pytest.raises(DroitInsuffisant) as erreur:
        enregistrer(utilisateur)
    assert "Seul l'agent comptable (ou son fondé de pouvoir) peut enregistrer une opposition" in (
        erreur.value.message
    )
    assert not Opposition.objects.exists()
    assert not JournalAudit.objects.filter(acte="opposition.enregistree").exists()


@pytest.mark.parametrize(
    ("donnees", "erreur", "message"),
    [
        ({"opposant_iban": "FR7630006000011234567890188"}, DonneeInvalide, "La clé de l'IBAN"),
        ({"opposant_bic": "DEUTDEFFXXX"}, DonneeInvalide, "ne désignent pas le même pays"),
        ({"montant": "0"}, MontantInvalide, "Le montant de l'opposition doit être strictement"),
        ({"montant": 12.5}, MontantInvalide, "pas en nombre flottant"),
        ({"montant": "-3"}, MontantInvalide, "ne peut pas être négatif"),
        ({"nature": "saisie_arret"}, DonneeInvalide, "Nature d'opposition inconnue"),
        ({"creancier_identifiant": "  "}, DonneeInvalide, "L'identifiant du créancier"),
        ({"opposant": ""}, DonneeInvalide, "Le nom de l'opposant est obligatoire"),
        (
            {"signifiee_le": AUJOURD_HUI + datetime.timedelta(days=1)},
            DonneeInvalide,
            "ne peut pas être postérieure à aujourd'hui",
        ),
    ],
)
def test_une_opposition_mal_saisie_est_refusee_sans_rien_enregistrer(
    comptable, donnees, erreur, message
):
    with pytest.raises(erreur) as refus:
        enregistrer(comptable, **donnees)
    assert message in refus.value.message
    assert not Opposition.objects.exists()


# --- What stops a payment on a given day -------------------------------------------


def test_une_opposition_n_a_d_effet_qu_a_partir_de_sa_signification(comptable):
    opposition = enregistrer(comptable, signifiee_le=il_y_a(10))

    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=il_y_a(11)) == []
    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=il_y_a(10)) == [
        opposition
    ]
    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=AUJOURD_HUI) == [
        opposition
    ]


def test_la_mainlevee_met_fin_a_l_effet_de_l_opposition_le_jour_meme(comptable):
    opposition = enregistrer(comptable, signifiee_le=il_y_a(10))
    services.opposition_mainlevee(acting_user=comptable, opposition=opposition, le=il_y_a(3))

    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=il_y_a(4)) == [
        opposition
    ]
    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=il_y_a(3)) == []
    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=AUJOURD_HUI) == []


def test_les_oppositions_opposables_sont_rangees_par_date_de_signification(comptable):
    tardive = enregistrer(comptable, signifiee_le=il_y_a(5), opposant="B")
    ancienne = enregistrer(comptable, signifiee_le=il_y_a(20), opposant="A")
    meme_jour = enregistrer(comptable, signifiee_le=il_y_a(5), opposant="C")
    enregistrer(comptable, creancier_identifiant="98765432100019")  # another creditor

    trouvees = services.oppositions_opposables(
        creancier_identifiant="123 456 789 00012", le=AUJOURD_HUI
    )

    assert trouvees == [ancienne, tardive, meme_jour]
    assert [o.montant_impute for o in trouvees] == [Decimal("0.00")] * 3


def test_une_opposition_soldee_n_arrete_plus_rien(comptable):
    opposition = enregistrer(comptable, montant="300.00")
    imputer(comptable, opposition, "300.00")

    assert services.reste_opposable(opposition) == Decimal("0.00")
    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=AUJOURD_HUI) == []


def test_le_reste_opposable_deduit_les_versements_faits(comptable):
    opposition = enregistrer(comptable, montant="1000.00")
    imputer(comptable, opposition, "250.00", reference="ordre_depense:2026-00001")
    imputer(comptable, opposition, "100.10", reference="ordre_depense:2026-00002")

    assert services.reste_opposable(opposition) == Decimal("649.90")
    (trouvee,) = services.oppositions_opposables(creancier_identifiant=SIRET, le=AUJOURD_HUI)
    assert trouvee.montant_impute == Decimal("350.10")


# --- Paying --------------------------------------------------------------------------


def test_un_paiement_est_reparti_puis_impute_et_le_suivant_tient_compte_du_premier(comptable):
    premiere = enregistrer(comptable, montant="700.00", signifiee_le=il_y_a(20))
    seconde = enregistrer(
        comptable,
        montant="500.00",
        signifiee_le=il_y_a(10),
        opposant="Huissier Lefèvre",
        opposant_iban=IBAN_OPPOSANT_2,
        opposant_bic=BIC_OPPOSANT_2,
        nature="saisie_attribution",
    )

    def payer(montant, reference):
        opposables = services.oppositions_opposables(creancier_identifiant=SIRET, le=AUJOURD_HUI)
        parts = services.repartir_paiement(
            montant=Decimal(montant),
            creancier_nom="Transports Martin SARL",
            creancier_iban=IBAN_CREANCIER,
            creancier_bic=BIC_CREANCIER,
            oppositions=opposables,
        )
        for part in parts:
            if part.opposition_id is not None:
                services.imputer(
                    acting_user=comptable, part=part, reference=reference, le=AUJOURD_HUI
                )
        return [(p.opposition_id, p.montant) for p in parts]

    assert payer("1000.00", "ordre_depense:2026-00012") == [
        (premiere.pk, Decimal("700.00")),
        (seconde.pk, Decimal("300.00")),
        (None, Decimal("0.00")),
    ]
    assert payer("800.00", "ordre_depense:2026-00013") == [
        (seconde.pk, Decimal("200.00")),
        (None, Decimal("600.00")),
    ]
    assert services.oppositions_opposables(creancier_identifiant=SIRET, le=AUJOURD_HUI) == []
    assert Imputation.objects.filter(opposition=seconde).count() == 2
    assert sorted(
        JournalAudit.objects.filter(acte="opposition.imputation").values_list(
            "apres__reste", flat=True
        )
    ) == ["0.00", "0.00", "200.00"]


def test_un_versement_au_dela_du_montant_de_l_opposition_est_refuse(comptable, opposition):
    imputer(comptable, opposition, "900.00", reference="ordre_depense:2026-00001")

    with pytest.raises(OppositionDepassee) as erreur:
        imputer(comptable, opposition, "100.01", reference="ordre_depense:2026-00002")

    assert erreur.value.message == (
        f"L'opposition n° {opposition.pk} ne vaut qu'à concurrence de 1\u00a0000,00\u00a0€ "
        "(circulaire 93/82 §2.1.5) : il en reste 100,00\u00a0€, un versement de "
        "100,01\u00a0€ la dépasserait."
    )
    assert erreur.value.statut_http == 409
    assert list(Imputation.objects.values_list("montant", flat=True)) == [Decimal("900.00")]


def test_seul_l_agent_comptable_impute_un_versement(directrice, opposition):
    with pytest.raises(DroitInsuffisant, match="imputer un paiement sur une opposition"):
        imputer(directrice, opposition, "10.00")
    assert not Imputation.objects.exists()


def test_la_part_du_creancier_ne_s_impute_pas(comptable, opposition):
    part = Part("Transports Martin SARL", IBAN_CREANCIER, BIC_CREANCIER, Decimal("10.00"), None)
    with pytest.raises(DonneeInvalide, match="revient au créancier lui-même"):
        services.imputer(acting_user=comptable, part=part, reference="od:1", le=AUJOURD_HUI)
    assert not Imputation.objects.exists()


def test_un_paiement_anterieur_a_la_signification_ne_s_impute_pas(comptable, opposition):
    with pytest.raises(TransitionInterdite, match="n'a été signifiée à l'agent comptable que le"):
        imputer(comptable, opposition, "10.00", le=il_y_a(31))
    assert not Imputation.objects.exists()


def test_apres_la_mainlevee_rien_ne_s_impute_plus(comptable, opposition):
    services.opposition_mainlevee(acting_user=comptable, opposition=opposition, le=il_y_a(1))
    with pytest.raises(TransitionInterdite, match="a fait l'objet d'une mainlevée"):
        imputer(comptable, opposition, "10.00")
    assert not Imputation.objects.exists()


def test_un_meme_paiement_ne_s_impute_qu_une_fois(comptable, opposition):
    imputer(comptable, opposition, "10.00", reference="ordre_depense:2026-00012")
    with pytest.raises(TransitionInterdite, match="a déjà été imputé"):
        imputer(comptable, opposition, "10.00", reference="ordre_depense:2026-00012")
    assert Imputation.objects.count() == 1


def test_une_part_viree_sur_un_autre_compte_que_celui_de_l_opposant_est_refusee(
    comptable, opposition
):
    part = Part("Quelqu'un", IBAN_OPPOSANT_2, BIC_OPPOSANT_2, Decimal("10.00"), opposition.pk)
    with pytest.raises(DonneeInvalide, match="qui n'est pas celui de l'opposant"):
        services.imputer(acting_user=comptable, part=part, reference="od:1", le=AUJOURD_HUI)
    assert not Imputation.objects.exists()


# --- Releasing -------------------------------------------------------------------------


def test_la_mainlevee_est_enregistree_une_fois_et_auditee(comptable, opposition):
    services.opposition_mainlevee(acting_user=comptable, opposition=opposition, le=il_y_a(2))

    with pytest.raises(TransitionInterdite, match="a déjà été enregistrée au"):
        services.opposition_mainlevee(acting_user=comptable, opposition=opposition, le=il_y_a(1))

    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le == il_y_a(2)
    entree = JournalAudit.objects.get(acte="opposition.mainlevee")
    assert (entree.avant["mainlevee_le"], entree.apres["mainlevee_le"]) == (
        None,
        il_y_a(2).isoformat(),
    )


def test_seul_l_agent_comptable_enregistre_la_mainlevee(directrice, opposition):
    with pytest.raises(DroitInsuffisant):
        services.opposition_mainlevee(acting_user=directrice, opposition=opposition, le=il_y_a(1))
    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le is None


@pytest.mark.parametrize(
    ("jours", "message"),
    [
        (31, "ne peut précéder la signification"),
        (-1, "ne peut pas être datée d'un jour à venir"),
    ],
)
def test_la_mainlevee_est_datee_entre_la_signification_et_aujourd_hui(
    comptable, opposition, jours, message
):
    with pytest.raises(DonneeInvalide, match=message):
        services.opposition_mainlevee(
            acting_user=comptable, opposition=opposition, le=il_y_a(jours)
        )
    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le is None


def test_la_mainlevee_ne_precede_pas_un_versement_deja_fait(comptable, opposition):
    imputer(comptable, opposition, "10.00", le=il_y_a(5))
    with pytest.raises(DonneeInvalide, match="ne peut pas être datée d'avant"):
        services.opposition_mainlevee(acting_user=comptable, opposition=opposition, le=il_y_a(6))
    services.opposition_mainlevee(acting_user=comptable, opposition=opposition, le=il_y_a(5))
    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le == il_y_a(5)
