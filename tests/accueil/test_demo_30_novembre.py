"""The demo fund on 30 November 2026, loaded once for both tests
(`caisse_demo_30_novembre`: a copy of a template built once per worker).

Recovery. Its contentious
recovery: two bailiffs (one visited this half-year, one due by 31 December),
Transports Valmontais's cotisations put in default more than thirty days ago
and under a contrainte served by Maître Dupuis, whose fee waits as a draft
ordre de dépense 622/401, and the Hôtel du Lac's redressement judiciaire with
its declaration. Its surveillance: the lease expiring in a
few months that the agent comptable has still to announce, a mortgage
inscription securing cotisations lapsing within six months (the directeur's
to follow, circ. 93/82 §2.0.4),
the quarterly list of the claims not recovered, and the état nominatif of the
first half-year sent on 20 July, before 1 August.

Liability. The demo's cash shortfall of 17 June goes through the liability's acts:
the arrêté de caisse, the directrice's order, its posting 429 / 4722, and the
agent comptable's payment into the cash on 2 July; the register shows a paid
débet, nothing remains on 429 nor on 4722."""

import datetime
from decimal import Decimal

import pytest

from ledger.integrite import verifier_integrite
from ledger.models import Ligne
from recouvrement import contentieux_lecture as lecture
from recouvrement.a_echoir import COMPTABLE, DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance
from recouvrement.models_contentieux import Poursuite
from recouvrement.models_procedures import ProcedureCollective
from recouvrement.models_surveillance import EnvoiEtatNominatif, EnvoiListe, Garantie
from recouvrement.surveillance_garanties import de_cotisations
from responsabilite import selectors
from responsabilite.models import OrdreDebet, Versement

pytestmark = pytest.mark.django_db
D = datetime.date


def _solde(numero: str, annee: int) -> Decimal:
    lignes = Ligne.objects.filter(compte__numero=numero, ecriture__exercice__annee=annee)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0.00"))


def test_le_manquant_de_juin_de_la_demo_est_un_debet_paye(caisse_demo_30_novembre):
    assert caisse_demo_30_novembre > 0
    ordre = OrdreDebet.objects.get()
    assert (ordre.montant, ordre.compte, ordre.emis_le) == (
        Decimal("120.00"),
        "4722",
        D(2026, 6, 17),
    )
    assert ordre.mise_en_cause.arrete_caisse.date == D(2026, 6, 17)
    assert ordre.etat == OrdreDebet.Etat.NOTIFIE and ordre.ecriture is not None
    versement = Versement.objects.get()
    assert (versement.le, versement.montant, versement.compte) == (
        D(2026, 7, 2),
        Decimal("120.00"),
        "531",
    )
    (responsable,) = selectors.registre()
    (debet,) = responsable.debets
    assert (debet.du, debet.paye, debet.reste, debet.ouvert) == (
        Decimal("120.00"),
        Decimal("120.00"),
        0,
        False,
    )
    assert debet.poursuite_personnelle
    assert _solde("429", 2026) == 0 and _solde("4722", 2026) == 0
    rapport = verifier_integrite()
    assert rapport.intact, rapport.anomalies


def test_le_recouvrement_de_la_demo_au_30_novembre(caisse_demo_30_novembre):
    jour = D(2026, 11, 30)
    assert caisse_demo_30_novembre > 0
    _contentieux(jour)
    comptable = {e.nature: e for e in a_echoir(jour, COMPTABLE)}
    assert "28/02/2027" in comptable["Bail, contrat, titre"].quoi
    hypotheque = Garantie.objects.get(nature="hypotheque")
    assert hypotheque.peremption_le == D(2027, 5, 27)
    # It secures cotisations: the agent comptable does not watch it (« sauf en
    # matière de cotisations », circ. 93/82 §2.0.4); it is on the directeur's list.
    assert de_cotisations(hypotheque)
    assert "Inscription hypothécaire" not in comptable
    pour_directeur = {e.nature: e for e in a_echoir(jour, DIRECTEUR)}["Inscription hypothécaire"]
    assert pour_directeur.le == D(2027, 5, 27) and "garantit des cotisations" in pour_directeur.quoi
    envoi = EnvoiEtatNominatif.objects.get(annee=2026, semestre=1)
    assert (envoi.arrete_au, envoi.envoye_le, envoi.en_retard) == (
        D(2026, 6, 30),
        D(2026, 7, 20),
        False,
    )
    assert envoi.debiteurs >= 1
    assert [e.le for e in EnvoiListe.objects.order_by("le")] == [
        D(2026, 4, 1),
        D(2026, 7, 1),
        D(2026, 10, 1),
    ]
    directeur = [e.nature for e in a_echoir(jour, DIRECTEUR)]
    # Every half-year ended is sent; the second of 2026 has not ended.
    assert "État nominatif semestriel" not in directeur
    assert not EnvoiEtatNominatif.objects.filter(en_retard=True).exists()


def _contentieux(jour):
    registre = {r.huissier.nom: r for r in lecture.registre_huissiers(jour)}
    assert registre["Maître Dupuis, huissier"].visite_du_semestre is not None
    assert registre["Maître Lenoir, huissier"].visite_due_le == D(2026, 12, 31)
    visites = [e for e in a_echoir(jour, DIRECTEUR) if e.nature == "Visite d'huissier"]
    assert [e.quoi for e in visites] == [
        "Visite semestrielle à Maître Lenoir, huissier (Étude Lenoir)"
    ]
    poursuite = Poursuite.objects.get()
    creance = poursuite.creance
    assert creance.debiteur.nom == "Transports Valmontais"
    assert creance.stade == Creance.Stade.POURSUITE
    mise = poursuite.mise_en_demeure
    assert mise.fin_delai < jour - datetime.timedelta(days=30)
    assert poursuite.le > mise.fin_delai
    acte = poursuite.actes_huissier.get()
    assert acte.cout == Decimal("86.40") and acte.ordre_depense.etat == "brouillon"
    assert acte.ordre_depense.compte_imputation.numero == "622"
    types = list(creance.actes.values_list("type", flat=True))
    assert types == [
        Acte.Type.MISE_EN_DEMEURE,
        Acte.Type.AVIS_RECEPTION,
        Acte.Type.CONTRAINTE,
        Acte.Type.ACTE_HUISSIER,
    ]
    procedure = ProcedureCollective.objects.get()
    assert (procedure.debiteur.nom, procedure.type) == ("Hôtel du Lac", "redressement")
    assert procedure.declarations.get().montant == Decimal("144000.00")
    assert Creance.objects.get(debiteur__nom="Hôtel du Lac").stade == "procedure_collective"
