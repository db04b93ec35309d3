"""Article D253-81: the agent comptable's payment from his own money (al. 1),
the sums granted borne by the fund (al. 2), the notice to the association de
cautionnement mutuel (al. 3), the non-valeur (al. 4), the later recoveries
split to the cent between the débet, the fund and the agent comptable (al. 5
to 7), and the paying back of his share."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from ledger.models import Ligne
from responsabilite import selectors
from responsabilite import services_reglement as reg
from responsabilite.models import Recouvrement, Versement
from responsabilite.services_decharge import decision_conseil_enregistrer, demande_deposer
from tests.responsabilite.test_decharge import seuil

pytestmark = pytest.mark.django_db
D = datetime.date


def solde(numero: str, tiers: str | None = None) -> Decimal:
    """Debit minus credit of an account (and tiers) in the books."""
    lignes = Ligne.objects.filter(compte__numero=numero)
    if tiers is not None:
        lignes = lignes.filter(tiers=tiers)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0.00"))


def _decharge_accordee(comptable, directrice, ordre, montant):
    seuil("5000.00")
    demande = demande_deposer(
        acting_user=comptable, ordre=ordre, nature="decharge", motifs="Considérations de droit"
    )
    return decision_conseil_enregistrer(
        acting_user=directrice,
        demande=demande,
        conseil_le=D(2026, 6, 15),
        deliberation="Délibération n° 2026-30",
        montant=montant,
    )


def test_le_versement_passe_531_429_et_reduit_le_reste_du(mille, comptable, banque):
    tiers = selectors.debets()[0].ordre.ecriture.lignes.get(compte__numero="429").tiers
    assert solde("429", tiers) == Decimal("1000.00")
    v = reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="400", compte="531")
    assert (v.ecriture.journal.code, v.montant) == ("TR", Decimal("400.00"))
    assert solde("531") == Decimal("400.00") and solde("429", tiers) == Decimal("600.00")
    reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="100.50", compte="5122")
    assert solde("5122") == Decimal("100.50")
    (debet,) = selectors.debets()
    assert (debet.paye, debet.reste, debet.ouvert) == (Decimal("500.50"), Decimal("499.50"), True)
    assert debet.poursuite_personnelle
    assert "couvert par l'agent comptable sur ses deniers à hauteur de 500,50\xa0€" in debet.etat
    with pytest.raises(DonneeInvalide, match=r"dépasse le reste dû .* \(499,50.€\)"):
        reg.versement_enregistrer(
            acting_user=comptable, ordre=mille, montant="499.51", compte="531"
        )
    with pytest.raises(DonneeInvalide, match="Choisissez la caisse"):
        reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="1", compte="5121")
    reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="499.50", compte="531")
    (debet,) = selectors.debets()
    assert debet.reste == 0 and not debet.ouvert and debet.etat.endswith(", soldé")
    assert solde("429", tiers) == 0
    # the quitus no longer lists it
    assert selectors.debets_ouverts(D(2026, 1, 1), D(2026, 12, 31), mille.agent_comptable) == []
    assert JournalAudit.objects.filter(acte="responsabilite.versement").count() == 3


def test_le_compte_special_d_encaissement_ne_recoit_pas_le_versement(mille, comptable, banque):
    """The compte spécial d'encaissement receives the contributions only
    (circ. 93/82 §2.2.0.2) and the compte spécial d'exécution only the daily
    draw (§2.2.0.0): the agent comptable's money goes to the cash or a compte
    externe."""
    from ledger.models import Compte
    from tresorerie.models import CompteDisponibilite

    CompteDisponibilite.objects.create(
        code="ENCAISSEMENT",
        libelle="Compte spécial d'encaissement des cotisations",
        nature="encaissement",
        compte=Compte.objects.get(numero="5123"),
        compte_frais=banque,
        ouvert_le=banque.ouvert_le,
    )
    CompteDisponibilite.objects.create(
        code="EXECUTION",
        libelle="Compte spécial d'exécution",
        nature="execution",
        compte=Compte.objects.get(numero="5121"),
        ouvert_le=banque.ouvert_le,
    )
    assert [n for n, _ in reg.comptes_disponibles()] == ["531", "5122"]
    with pytest.raises(DonneeInvalide, match="Choisissez la caisse"):
        reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="1", compte="5123")
    assert not Versement.objects.exists()


def test_pas_de_versement_avant_la_comptabilisation_au_429(ordre, comptable):
    with pytest.raises(TransitionInterdite, match="n'est pas encore comptabilisé au compte 429"):
        reg.versement_enregistrer(acting_user=comptable, ordre=ordre, montant="1", compte="531")


def test_la_decharge_accordee_est_prise_en_charge_6712_429_une_fois(mille, comptable, directrice):
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    demande = reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
    assert solde("6712") == Decimal("300.00") and solde("429") == Decimal("700.00")
    assert demande.ecriture.journal.code == "OD"
    with pytest.raises(TransitionInterdite, match="déjà comptabilisée"):
        reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
    (debet,) = selectors.debets()
    assert (debet.decharge, debet.pris_en_charge, debet.reste) == (
        Decimal("300.00"),
        Decimal("300.00"),
        Decimal("700.00"),
    )


def test_la_non_valeur_decidee_par_le_conseil_puis_6541_429(mille, comptable, directrice):
    with pytest.raises(DroitInsuffisant):  # the agent comptable records no board decision
        reg.non_valeur_enregistrer(
            acting_user=comptable,
            ordre=mille,
            conseil_le=D(2026, 6, 15),
            deliberation="n° 31",
            montant="200",
        )
    with pytest.raises(DonneeInvalide, match="dépasse le reste dû"):
        reg.non_valeur_enregistrer(
            acting_user=directrice,
            ordre=mille,
            conseil_le=D(2026, 6, 15),
            deliberation="n° 31",
            montant="1000.01",
        )
    nv = reg.non_valeur_enregistrer(
        acting_user=directrice,
        ordre=mille,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 31",
        montant="200",
    )
    (debet,) = selectors.debets()
    assert (debet.non_valeur, debet.reste) == (Decimal("200.00"), Decimal("800.00"))
    with pytest.raises(DroitInsuffisant):  # the directeur keeps no books
        reg.non_valeur_comptabiliser(acting_user=directrice, non_valeur=nv)
    nv = reg.non_valeur_comptabiliser(acting_user=comptable, non_valeur=nv)
    assert solde("6541") == Decimal("200.00") and solde("429") == Decimal("800.00")
    with pytest.raises(TransitionInterdite, match="déjà comptabilisée"):
        reg.non_valeur_comptabiliser(acting_user=comptable, non_valeur=nv)


def test_la_notification_a_l_association_une_fois_par_le_directeur(mille, comptable, directrice):
    donnees = {"le": D(2026, 6, 15), "association": "AFCM", "reference": "Lettre DSS n° 12"}
    with pytest.raises(DroitInsuffisant):
        reg.notification_association_enregistrer(acting_user=comptable, ordre=mille, **donnees)
    n = reg.notification_association_enregistrer(acting_user=directrice, ordre=mille, **donnees)
    assert str(n) == "Notification à AFCM du 15/06/2026 (Lettre DSS n° 12)"
    with pytest.raises(TransitionInterdite, match="déjà enregistrée"):
        reg.notification_association_enregistrer(acting_user=directrice, ordre=mille, **donnees)


def _recouvrer(comptable, ordre, montant, compte="531"):
    return reg.recouvrement_enregistrer(
        acting_user=comptable,
        ordre=ordre,
        le=D(2026, 6, 15),
        debiteur="M. Faux-Créancier",
        montant=montant,
        compte=compte,
    )


def _parts(r: Recouvrement):
    return (r.part_debet, r.part_non_valeur, r.part_decharge, r.part_agent)


def test_la_cascade_au_centime_organisme_puis_agent_comptable(mille, comptable, directrice):
    """Débet 1 000,00, décharge 300,00 posted, the agent comptable paid 700,00:
    450,00 recovered → 300,00 to the fund, 150,00 to him; then at most 550,00
    more, all his."""
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
    reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="700", compte="531")
    assert solde("429") == 0
    r = _recouvrer(comptable, mille, "450")
    assert _parts(r) == (0, 0, Decimal("300.00"), Decimal("150.00"))
    assert solde("771") == Decimal("-300.00") and solde("4672") == Decimal("-150.00")
    assert solde("429") == 0 and solde("531") == Decimal("1150.00")
    with pytest.raises(
        DonneeInvalide, match=r"dépasse ce qui peut encore être recouvré .*550,00.€"
    ):
        _recouvrer(comptable, mille, "600")
    r2 = _recouvrer(comptable, mille, "550")
    assert _parts(r2) == (0, 0, 0, Decimal("550.00"))
    with pytest.raises(DonneeInvalide, match=r"\(0,00.€\)"):
        _recouvrer(comptable, mille, "0.01")
    (debet,) = selectors.debets()
    assert (debet.recouvre_organisme, debet.recouvre_agent, debet.recouvre) == (
        Decimal("300.00"),
        Decimal("700.00"),
        Decimal("1000.00"),
    )
    assert debet.a_reverser == Decimal("700.00")
    # the agent comptable's share paid back to him: 4672 / 512x
    r = reg.reversement_enregistrer(acting_user=comptable, recouvrement=r, compte="531")
    assert r.reverse_ecriture is not None and solde("4672") == Decimal("-550.00")
    with pytest.raises(TransitionInterdite, match="déjà été reversée"):
        reg.reversement_enregistrer(acting_user=comptable, recouvrement=r, compte="531")
    (debet,) = selectors.debets()
    assert (debet.reverse, debet.a_reverser) == (Decimal("150.00"), Decimal("550.00"))


def test_un_recouvrement_solde_d_abord_le_reste_du(mille, comptable, directrice):
    reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="800", compte="531")
    r = _recouvrer(comptable, mille, "300")
    assert _parts(r) == (Decimal("200.00"), 0, 0, Decimal("100.00"))
    assert solde("429") == 0 and solde("4672") == Decimal("-100.00")
    (debet,) = selectors.debets()
    assert (debet.reste, debet.recouvre_debet) == (0, Decimal("200.00"))


def test_la_non_valeur_revient_a_l_organisme_avant_la_decharge(mille, comptable, directrice):
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
    nv = reg.non_valeur_enregistrer(
        acting_user=directrice,
        ordre=mille,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 32",
        montant="700",
    )
    reg.non_valeur_comptabiliser(acting_user=comptable, non_valeur=nv)
    r = _recouvrer(comptable, mille, "800.01")
    assert _parts(r) == (0, Decimal("700.00"), Decimal("100.01"), 0)
    assert solde("7741") == Decimal("-700.00") and solde("771") == Decimal("-100.01")
    with pytest.raises(TransitionInterdite, match="ne revient pas à l'agent comptable"):
        reg.reversement_enregistrer(acting_user=comptable, recouvrement=r, compte="531")


def test_les_mauvaises_personnes(mille, comptable, directrice, auditeur):
    for qui in (auditeur, directrice):
        with pytest.raises(DroitInsuffisant):
            reg.versement_enregistrer(acting_user=qui, ordre=mille, montant="1", compte="531")
        with pytest.raises(DroitInsuffisant):
            _recouvrer(qui, mille, "1")
    assert not Versement.objects.exists() and not Recouvrement.objects.exists()
