"""The agent comptable's amicable recovery (D253-16 al. 1; circ. 93/82 §2.0.5):
reminders in batches, payment delays on the debtor's written request and
their échéancier, the default, the hand-over to the directeur; who may act.

The suite runs on 15/06/2026; the claims of the fixtures fall due that day."""

import datetime
import re
from decimal import Decimal

import pytest

from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    RegleComptableViolee,
    TransitionInterdite,
)
from core.models import JournalAudit
from recouvrement import amiable as a
from recouvrement import amiable_lecture as lecture
from recouvrement.a_echoir import COMPTABLE, DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance, DelaiPaiement, LotRelances
from tests.fichiers import pdf
from tests.recouvrement.conftest import ordre_pris_en_charge
from tresorerie import services as t

pytestmark = pytest.mark.django_db

J = datetime.date
LENDEMAIN = J(2026, 6, 16)
PDF = pdf("lettre du debiteur")


def _ligne(ordre):
    return ordre.lignes.get()


def _delai(comptable, ligne, echeances=(("2026-07-15", "300.00"), ("2026-08-15", "300.00"))):
    return a.delai_accorder(
        acting_user=comptable,
        ligne=ligne,
        demande_le=J(2026, 6, 10),
        demande_reference="Lettre de M. Petit du 10/06/2026",
        echeances=[a.EcheanceSaisie(J.fromisoformat(d), m) for d, m in echeances],
    )


def _payer(comptable, comptes, ligne, montant):
    return t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant=montant,
        payeur="M. Petit",
        objet="Échéance",
        reference="VIR",
        repartitions=[t.Repartition(ligne, montant)],
    )


# --- Relances ----------------------------------------------------------------------


def test_un_lot_de_relances_une_lettre_par_debiteur(ordre_loyer, directrice, comptable, horloge):
    second = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="M. Petit",
        qualite="locataire",
        montant="600.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
        objet="Loyer d'avril",
    )
    autre = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="Mme Durand",
        qualite="locataire",
        montant="450.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
        objet="Loyer d'avril",
    )
    horloge(LENDEMAIN)
    lot = a.relances_envoyer(
        acting_user=comptable, lignes=[_ligne(ordre_loyer), _ligne(second), _ligne(autre)]
    )
    assert lot.reference == "2026-0001" and lot.le == LENDEMAIN
    lettres = {lettre.debiteur.nom: lettre for lettre in lot.lettres.all()}
    assert set(lettres) == {"M. Petit", "Mme Durand"}
    assert lettres["M. Petit"].lignes.count() == 2
    assert lettres["M. Petit"].total == Decimal("1200.00")
    assert lettres["M. Petit"].rang == 1
    creance = Creance.objects.get(ligne=_ligne(ordre_loyer))
    assert creance.stade == Creance.Stade.RELANCE
    acte = creance.actes.get()
    assert (acte.type, acte.le, acte.montant) == (Acte.Type.RELANCE, LENDEMAIN, Decimal("600.00"))
    assert acte.libelle.startswith("1re relance (lot n° 2026-0001)")
    assert JournalAudit.objects.filter(acte="recouvrement.relances_envoyer").count() == 1
    # A second batch: 2e relance, numbered on.
    horloge(J(2026, 7, 1))
    lot2 = a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    assert lot2.numero == 2
    assert lot2.lettres.get().rang == 2
    assert lot2.lettres.get().rang_libelle == "2e relance"
    # The same claim again that day (a retried request): refused, nothing sent.
    with pytest.raises(TransitionInterdite) as refus:
        a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer), _ligne(autre)])
    assert str(refus.value) == (
        f"La créance de M. Petit sur l'ordre de recette n° {ordre_loyer.reference} a déjà été "
        "relancée aujourd'hui (01/07/2026), par le lot n° 2026-0002 : une relance par jour au plus."
    )
    assert LotRelances.objects.count() == 2
    assert Acte.objects.filter(type=Acte.Type.RELANCE).count() == 4


def test_relance_refusee_avant_l_echeance_passee(ordre_loyer, comptable):
    with pytest.raises(
        TransitionInterdite,
        match="n'est pas encore exigible impayée : son échéance est le 15/06/2026",
    ):
        a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    assert not LotRelances.objects.exists() and not Acte.objects.exists()


def test_relance_refusee_d_une_creance_payee(ordre_loyer, comptable, comptes, horloge):
    horloge(LENDEMAIN)
    _payer(comptable, comptes, _ligne(ordre_loyer), "600.00")
    with pytest.raises(TransitionInterdite, match="entièrement recouvrée"):
        a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    assert not LotRelances.objects.exists()


def test_relance_refusee_au_directeur_sur_une_creance_de_l_agent_comptable(
    ordre_loyer, directrice, horloge
):
    horloge(LENDEMAIN)
    with pytest.raises(DroitInsuffisant, match="appartient à l'agent comptable \\(article D253-16"):
        a.relances_envoyer(acting_user=directrice, lignes=[_ligne(ordre_loyer)])
    assert not Acte.objects.exists()


def test_les_cotisations_le_directeur_relance_l_agent_comptable_est_refuse(
    ordre_cotisation, directrice, comptable, horloge
):
    horloge(LENDEMAIN)
    with pytest.raises(
        DroitInsuffisant, match="recouvrées par le directeur \\(article D253-16, alinéa 1\\)"
    ):
        a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_cotisation)])
    lot = a.relances_envoyer(acting_user=directrice, lignes=[_ligne(ordre_cotisation)])
    acte = Acte.objects.get()
    assert (acte.qualite, acte.auteur) == ("Directeur", directrice)
    assert lot.lettres.get().debiteur.nom == "Société Orion"
    with pytest.raises(TransitionInterdite, match="recouvrée par le directeur depuis l'origine"):
        a.creance_transmettre(acting_user=directrice, ligne=_ligne(ordre_cotisation))


def test_relance_refusee_sous_un_delai_honore(ordre_loyer, comptable, horloge):
    horloge(LENDEMAIN)
    _delai(comptable, _ligne(ordre_loyer))
    with pytest.raises(
        TransitionInterdite,
        match=(
            "bénéficie d'un délai de paiement accordé le 16/06/2026 dont les échéances sont "
            "honorées ; prochaine échéance le 15/07/2026"
        ),
    ):
        a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])


# --- Délais de paiement -----------------------------------------------------------


def test_delai_accorde_sur_demande_ecrite(ordre_loyer, comptable, horloge):
    horloge(LENDEMAIN)
    delai = a.delai_accorder(
        acting_user=comptable,
        ligne=_ligne(ordre_loyer),
        demande_le=J(2026, 6, 10),
        fichier=("demande.pdf", PDF),
        motif="Perte d'emploi",
        echeances=[
            a.EcheanceSaisie(J(2026, 8, 15), "250,00"),
            a.EcheanceSaisie(J(2026, 7, 15), "350.00"),
        ],
    )
    assert delai.montant == Decimal("600.00") and delai.demande_sha256
    assert [(e.rang, e.le, e.montant) for e in delai.echeances.all()] == [
        (1, J(2026, 7, 15), Decimal("350.00")),
        (2, J(2026, 8, 15), Decimal("250.00")),
    ]
    creance = delai.creance
    assert creance.stade == Creance.Stade.DELAI
    assert list(creance.actes.values_list("type", "le")) == [
        (Acte.Type.DEMANDE_DELAI, J(2026, 6, 10)),
        (Acte.Type.DELAI, LENDEMAIN),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"demande_reference": ""}, "justifie par écrit sa demande : indiquez la référence"),
        ({"fichier": ("demande.pdf", b"GIF89a")}, "n'est pas ce qu'il prétend être"),
        (
            {"echeances": [("2026-07-15", "300.00")]},
            "totalisent 300,00\xa0€ : elles doivent égaler exactement le reste à recouvrer de 600,00\xa0€",
        ),
        ({"echeances": [("2026-06-16", "600.00")]}, "doit être postérieure au 16/06/2026"),
        ({"echeances": []}, "indiquez au moins une échéance"),
        ({"demande_le": J(2026, 6, 20)}, "ne peut être datée après aujourd'hui"),
    ],
)
def test_delai_refuse(ordre_loyer, comptable, horloge, kwargs, message):
    horloge(LENDEMAIN)
    donnees = {
        "demande_le": J(2026, 6, 10),
        "demande_reference": "Lettre du 10/06",
        "echeances": [("2026-07-15", "300.00"), ("2026-08-15", "300.00")],
    }
    donnees.update(kwargs)
    donnees["echeances"] = [
        a.EcheanceSaisie(J.fromisoformat(d), m) for d, m in donnees["echeances"]
    ]
    with pytest.raises(DonneeInvalide, match=message):
        a.delai_accorder(acting_user=comptable, ligne=_ligne(ordre_loyer), **donnees)
    assert not DelaiPaiement.objects.exists()
    assert not Acte.objects.exists()


def test_delai_refuse_au_directeur(ordre_loyer, directrice, horloge):
    horloge(LENDEMAIN)
    with pytest.raises(
        DroitInsuffisant, match="le directeur ne peut accorder un délai de paiement"
    ):
        _delai(directrice, _ligne(ordre_loyer))


def test_echeance_due_puis_defaut_le_lendemain(ordre_loyer, comptable, comptes, horloge):
    horloge(LENDEMAIN)
    delai = _delai(comptable, _ligne(ordre_loyer))
    # The instalment falls due on 15/07: coming, for the agent comptable.
    horloge(J(2026, 7, 15))
    suivi = lecture.suivi(delai, J(2026, 7, 15))
    assert [e.statut for e in suivi.echeances] == [lecture.DUE, lecture.A_VENIR]
    items = [e for e in a_echoir(J(2026, 7, 15), COMPTABLE) if e.nature == "Échéancier"]
    assert [(e.le, e.quoi) for e in items][0] == (
        J(2026, 7, 15),
        f"Échéance n° 1 de l'échéancier de M. Petit (ordre n° {ordre_loyer.reference}) : 300,00\xa0€",
    )
    assert not [e for e in a_echoir(J(2026, 7, 15), DIRECTEUR) if e.nature.startswith("Échéancier")]
    with pytest.raises(
        TransitionInterdite, match="honorées à ce jour .* ne se constate qu'à compter du 16/07/2026"
    ):
        a.defaillance_constater(acting_user=comptable, delai=delai)
    # Part paid on the day: still short the day after → default.
    _payer(comptable, comptes, _ligne(ordre_loyer), "100.00")
    horloge(J(2026, 7, 16))
    suivi = lecture.suivi(delai, J(2026, 7, 16))
    assert suivi.en_defaut and suivi.premiere_impayee.manque == Decimal("200.00")
    defauts = [e for e in a_echoir(J(2026, 7, 16), COMPTABLE) if e.nature == "Échéancier en défaut"]
    assert defauts[0].le == J(2026, 7, 16)
    assert "échéance n° 1 du 15/07/2026 impayée (200,00\xa0€)" in defauts[0].quoi
    delai = a.defaillance_constater(acting_user=comptable, delai=delai)
    assert (delai.etat, delai.defaillance_le) == (DelaiPaiement.Etat.DEFAILLANT, J(2026, 7, 16))
    creance = Creance.objects.get(pk=delai.creance_id)
    assert creance.stade == Creance.Stade.DEFAILLANCE
    acte = creance.actes.last()
    assert acte.type == Acte.Type.DEFAILLANCE and acte.montant == Decimal("500.00")
    # No more item once recorded; reminders are allowed again.
    assert not [e for e in a_echoir(J(2026, 7, 16)) if e.nature.startswith("Échéancier")]
    a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])


def test_echeance_honoree_n_est_pas_en_defaut(ordre_loyer, comptable, comptes, horloge):
    horloge(LENDEMAIN)
    delai = _delai(comptable, _ligne(ordre_loyer))
    horloge(J(2026, 7, 10))
    _payer(comptable, comptes, _ligne(ordre_loyer), "300.00")
    horloge(J(2026, 7, 20))
    suivi = lecture.suivi(delai, J(2026, 7, 20))
    assert [e.statut for e in suivi.echeances] == [lecture.HONOREE, lecture.A_VENIR]
    assert suivi.respecte
    with pytest.raises(TransitionInterdite, match="dont les échéances sont honorées"):
        a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))


# --- Transmission au directeur -----------------------------------------------------


def test_transmission_au_directeur(ordre_loyer, comptable, directrice, horloge):
    horloge(LENDEMAIN)
    a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    horloge(J(2026, 7, 20))
    creance = a.creance_transmettre(
        acting_user=comptable, ligne=_ligne(ordre_loyer), compte_rendu="Aucune réponse du débiteur."
    )
    assert creance.responsable == Creance.Responsable.DIRECTEUR
    assert (creance.transmise_le, creance.transmise_par) == (J(2026, 7, 20), comptable)
    assert creance.stade == Creance.Stade.TRANSMISE and creance.contentieux
    assert creance.compte_rendu.startswith("Aucune réponse du débiteur.")
    assert "16/06/2026 — lettre de relance : 1re relance" in creance.compte_rendu
    acte = creance.actes.last()
    assert (acte.type, acte.montant) == (Acte.Type.TRANSMISSION, Decimal("600.00"))
    # After the hand-over, no amicable act any more, by anyone.
    for qui in (comptable, directrice):
        with pytest.raises(TransitionInterdite, match="a été transmise au directeur le 20/07/2026"):
            a.relances_envoyer(acting_user=qui, lignes=[_ligne(ordre_loyer)])
    with pytest.raises(TransitionInterdite, match="a été transmise au directeur le 20/07/2026"):
        a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))
    with pytest.raises(TransitionInterdite, match="a été transmise"):
        _delai(comptable, _ligne(ordre_loyer))


def test_transmission_refusee_d_une_creance_payee_ou_au_directeur(
    ordre_loyer, comptable, directrice, comptes, horloge
):
    horloge(LENDEMAIN)
    with pytest.raises(DroitInsuffisant, match="le directeur ne peut transmettre"):
        a.creance_transmettre(acting_user=directrice, ligne=_ligne(ordre_loyer))
    _payer(comptable, comptes, _ligne(ordre_loyer), "600.00")
    with pytest.raises(TransitionInterdite, match="entièrement recouvrée"):
        a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))
    assert not Creance.objects.filter(transmise_le__isnull=False).exists()


def test_la_liste_des_creances_exigibles_impayees(
    ordre_loyer, ordre_cotisation, comptable, horloge
):
    assert lecture.creances_impayees(J(2026, 6, 15)) == []
    horloge(LENDEMAIN)
    a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    liste = lecture.creances_impayees(LENDEMAIN, responsable=Creance.Responsable.COMPTABLE)
    assert [(s.debiteur, s.reste, s.rang, s.dernier_acte.type) for s in liste] == [
        ("M. Petit", Decimal("600.00"), 1, Acte.Type.RELANCE)
    ]
    assert [s.debiteur for s in lecture.creances_impayees(LENDEMAIN)] == [
        "M. Petit",
        "Société Orion",
    ]


# --- PostgreSQL's guards ---------------------------------------------------------


def test_sql_les_echeances_totalisent_le_montant_echelonne(ordre_loyer, comptable, horloge):
    from tests.savepoint import refus_sql

    horloge(LENDEMAIN)
    delai = _delai(comptable, _ligne(ordre_loyer))
    refus_sql(
        lambda c: c.execute(
            "INSERT INTO recouvrement_echeance (delai_id, rang, le, montant) VALUES (%s, 3, '2026-09-15', 10)",
            [delai.pk],
        ),
        "totalisent 610.00 € : elles doivent égaler exactement le montant échelonné de 600.00 €",
    )
    refus_sql(
        lambda c: c.execute("UPDATE recouvrement_echeance SET montant = 1"),
        "Une échéance accordée ne se modifie ni ne se supprime",
    )


def test_sql_une_creance_transmise_ne_revient_pas_a_l_agent_comptable(
    ordre_loyer, comptable, horloge
):
    from tests.savepoint import refus_sql

    horloge(LENDEMAIN)
    a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    creance = a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))
    refus_sql(
        lambda c: c.execute(
            "UPDATE recouvrement_creance SET responsable = 'comptable', transmise_le = NULL WHERE id = %s",
            [creance.pk],
        ),
        "ne revient pas à l'agent comptable",
    )
    refus_sql(
        lambda c: c.execute(
            "UPDATE recouvrement_creance SET transmise_le = '2026-06-01' WHERE id = %s",
            [creance.pk],
        ),
        "sa transmission ne se modifie pas",
    )
    creance.refresh_from_db()
    assert creance.responsable == Creance.Responsable.DIRECTEUR


def test_sql_refus_traduit_en_francais(ordre_loyer, comptable, horloge):
    """A refusal of the trigger reaching a service becomes its French message."""
    horloge(LENDEMAIN)
    a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    creance = a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))
    creance.responsable = Creance.Responsable.COMPTABLE
    creance.transmise_le = None
    from django.db import transaction

    with (
        pytest.raises(RegleComptableViolee, match="ne revient pas à l'agent comptable"),
        transaction.atomic(),
    ):
        try:
            creance.save()
        except Exception as exc:  # noqa: BLE001
            from core.exceptions import relever_erreur_base

            relever_erreur_base(exc)


def test_le_directeur_accorde_un_delai_sur_des_cotisations(
    ordre_cotisation, directrice, comptable, horloge
):
    horloge(LENDEMAIN)
    ligne = _ligne(ordre_cotisation)
    with pytest.raises(DroitInsuffisant, match="recouvrées par le directeur"):
        _delai(comptable, ligne, echeances=(("2026-07-15", "2400.00"),))
    delai = _delai(
        directrice, ligne, echeances=(("2026-07-15", "1200.00"), ("2026-08-15", "1200.00"))
    )
    assert delai.qualite == "Directeur"
    items = [e for e in a_echoir(LENDEMAIN, DIRECTEUR) if e.nature == "Échéancier"]
    assert [e.le for e in items] == [J(2026, 7, 15), J(2026, 8, 15)]
    assert not [e for e in a_echoir(LENDEMAIN, COMPTABLE) if e.nature == "Échéancier"]


def test_transmission_d_un_echeancier_en_defaut_non_constate(ordre_loyer, comptable, horloge):
    horloge(LENDEMAIN)
    delai = _delai(comptable, _ligne(ordre_loyer))
    horloge(J(2026, 7, 16))
    creance = a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))
    delai.refresh_from_db()
    assert (delai.etat, delai.defaillance_le) == (DelaiPaiement.Etat.DEFAILLANT, J(2026, 7, 16))
    assert creance.stade == Creance.Stade.TRANSMISE
    assert "délai de paiement accordé" in creance.compte_rendu
    # The default is in the journal, before the hand-over, with its audit row.
    types = list(creance.actes.order_by("le", "id").values_list("type", flat=True))
    assert types[-2:] == [Acte.Type.DEFAILLANCE, Acte.Type.TRANSMISSION]
    defaut = creance.actes.get(type=Acte.Type.DEFAILLANCE)
    assert defaut.le == J(2026, 7, 16) and defaut.montant == Decimal("600.00")
    assert defaut.libelle == (
        "Défaillance de l'échéancier : échéance n° 1 du 15/07/2026 impayée (300,00\xa0€ manquants)"
    )
    assert "16/07/2026 — défaillance" in creance.compte_rendu.lower()
    assert JournalAudit.objects.filter(
        acte="recouvrement.defaillance_constater", objet_id=str(delai.pk)
    ).exists()
    # What falls due no longer lists the échéancier of a claim handed over.
    assert not [e for e in a_echoir(J(2026, 7, 16)) if e.nature.startswith("Échéancier")]


def test_un_nouveau_delai_apres_defaillance_et_pas_deux_en_cours(ordre_loyer, comptable, horloge):
    horloge(LENDEMAIN)
    delai = _delai(comptable, _ligne(ordre_loyer))
    with pytest.raises(TransitionInterdite, match="a déjà un délai de paiement en cours"):
        _delai(comptable, _ligne(ordre_loyer))
    horloge(J(2026, 7, 16))
    a.defaillance_constater(acting_user=comptable, delai=delai)
    with pytest.raises(TransitionInterdite, match="n'est plus en cours"):
        a.defaillance_constater(acting_user=comptable, delai=delai)
    nouveau = _delai(comptable, _ligne(ordre_loyer), echeances=(("2026-09-01", "600.00"),))
    assert nouveau.etat == DelaiPaiement.Etat.EN_COURS
    assert Creance.objects.get().stade == Creance.Stade.DELAI


def test_transmission_refusee_sans_tentative_amiable(ordre_loyer, comptable, horloge):
    """Circ. 93/82 §2.0.5: « Lorsque les tentatives de recouvrement amiable se sont
    avérées infructueuses, il en rend compte au directeur »."""
    horloge(LENDEMAIN)
    with pytest.raises(
        TransitionInterdite,
        match=r"aucune tentative de recouvrement amiable : ni relance, ni délai de paiement "
        r"défaillant.*" + re.escape("(circulaire 93/82 §2.0.5) : relancez d'abord le débiteur"),
    ):
        a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))
    assert not Creance.objects.filter(transmise_le__isnull=False).exists()
    assert not Acte.objects.exists()
    # A defaulted échéancier is an attempt too.
    delai = _delai(comptable, _ligne(ordre_loyer))
    horloge(J(2026, 7, 16))
    a.defaillance_constater(acting_user=comptable, delai=delai)
    creance = a.creance_transmettre(acting_user=comptable, ligne=_ligne(ordre_loyer))
    assert creance.stade == Creance.Stade.TRANSMISE


def test_l_encaissement_du_matin_avant_le_delai_ne_paie_pas_l_echeance(
    ordre_loyer, comptable, comptes, horloge
):
    """The delay spreads the reste left after the morning's receipt: that receipt
    must not count against the first instalment."""
    horloge(datetime.datetime(2026, 6, 16, 9, 0))
    _payer(comptable, comptes, _ligne(ordre_loyer), "100.00")
    horloge(datetime.datetime(2026, 6, 16, 11, 0))
    delai = _delai(
        comptable,
        _ligne(ordre_loyer),
        echeances=(("2026-07-15", "300.00"), ("2026-08-15", "200.00")),
    )
    assert delai.montant == Decimal("500.00")
    horloge(J(2026, 7, 16))
    suivi = lecture.suivi(delai, J(2026, 7, 16))
    assert suivi.paye == Decimal("0.00")
    assert suivi.en_defaut and suivi.premiere_impayee.manque == Decimal("300.00")
    delai = a.defaillance_constater(acting_user=comptable, delai=delai)
    acte = Creance.objects.get().actes.get(type=Acte.Type.DEFAILLANCE)
    assert "échéance n° 1 du 15/07/2026 impayée (300,00\xa0€ manquants)" in acte.libelle
    # A receipt after the grant, the same day as the next: it pays.
    horloge(J(2026, 7, 20))
    _payer(comptable, comptes, _ligne(ordre_loyer), "300.00")
    assert lecture.suivi(delai, J(2026, 7, 20)).paye == Decimal("300.00")


def test_une_reduction_prise_en_charge_apres_le_delai_paie_les_echeances(
    ordre_loyer, directrice, comptable, horloge
):
    """A reduction taken in charge after the grant lowers what the debtor owes:
    it counts as paying the instalments, the earliest first (no false default)."""
    from recettes import services as r
    from tests.factories import MOT_DE_PASSE

    horloge(LENDEMAIN)
    delai = _delai(comptable, _ligne(ordre_loyer))
    horloge(J(2026, 7, 1))
    reduction = r.ordre_recette_reduire(
        acting_user=directrice,
        ordre=ordre_loyer,
        type="remise_gracieuse",
        montant_reduction="300.00",
        motif="Situation du locataire",
        nouvelles_bases="Loyer ramené à 300,00 €",
        mot_de_passe=MOT_DE_PASSE,
    )
    r.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)
    horloge(J(2026, 7, 16))
    suivi = lecture.suivi(delai, J(2026, 7, 16))
    assert suivi.paye == Decimal("300.00")
    assert [e.statut for e in suivi.echeances] == [lecture.HONOREE, lecture.A_VENIR]
    assert suivi.respecte
    with pytest.raises(TransitionInterdite, match="sont honorées à ce jour"):
        a.defaillance_constater(acting_user=comptable, delai=delai)
    # The same day, seen as it stood before the reduction: not paid.
    assert lecture.suivi(delai, J(2026, 6, 30)).paye == Decimal("0.00")


def test_un_ordre_pris_en_charge_a_minuit_trente_n_est_relancable_que_le_lendemain(
    directrice, comptable, exercice, horloge
):
    """Taken in charge on 1 July at 00:30, Paris time (30 June, 22:30 UTC), with no
    échéance: due on 1 July, the fund's day, remindable from 2 July."""
    from recettes import services as r
    from tests.factories import MOT_DE_PASSE

    horloge(datetime.datetime(2026, 7, 1, 0, 30))
    ordre = r.ordre_recette_creer(
        acting_user=directrice,
        saisie=r.SaisieOrdre(
            nature="autre",
            objet="Remboursement de frais",
            bases_liquidation="Convention",
            compte_imputation="752",
            compte_tiers="4671",
            date_fait=J(2026, 6, 30),
            dates={"liquidation": J(2026, 6, 30), "droits_acquis": J(2026, 6, 30)},
            lignes=[r.LigneDebiteur("M. Petit", "locataire", "600.00")],
            type="individuel",
            pieces_references="Bail",
        ),
    )
    r.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    controles = [r.ControleSaisi(p, True) for p in r.controles_requis(ordre).points]
    ordre = r.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=controles
    )
    ordre.refresh_from_db()
    assert ordre.date_echeance is None
    assert ordre.pris_en_charge_le.astimezone(datetime.UTC).date() == J(2026, 6, 30)
    assert lecture.exigible_le(_ligne(ordre)) == J(2026, 7, 1)
    horloge(datetime.datetime(2026, 7, 1, 15, 0))
    assert lecture.creances_impayees(J(2026, 7, 1)) == []
    with pytest.raises(
        TransitionInterdite,
        match="son échéance est le 01/07/2026 ; on ne peut relancer le débiteur qu'à compter",
    ):
        a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre)])
    assert not Acte.objects.exists()
    horloge(J(2026, 7, 2))
    assert [s.debiteur for s in lecture.creances_impayees(J(2026, 7, 2))] == ["M. Petit"]


def test_la_liste_lit_le_dernier_acte_de_chaque_creance_en_une_requete(
    ordre_loyer, comptable, horloge
):
    """The last act per claim (DISTINCT ON), not every act of every unpaid claim."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    horloge(LENDEMAIN)
    a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    horloge(J(2026, 7, 1))
    a.relances_envoyer(acting_user=comptable, lignes=[_ligne(ordre_loyer)])
    with CaptureQueriesContext(connection) as requetes:
        [suivie] = lecture.creances_impayees(J(2026, 7, 1))
    assert suivie.rang == 2 and suivie.dernier_acte.le == J(2026, 7, 1)
    assert suivie.dernier_acte.libelle.startswith("2e relance")
    lectures = [
        q["sql"]
        for q in requetes.captured_queries
        if q["sql"].split(" FROM ", 1)[-1].startswith('"recouvrement_acte"')
    ]
    assert len(lectures) == 1 and lectures[0].startswith("SELECT DISTINCT ON")
