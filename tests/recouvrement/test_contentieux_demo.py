"""The demo's contentious recovery, loaded on a day of late November: two
bailiffs (one visited this half-year, one due by 31 December), Transports
Valmontais's cotisations put in default more than thirty days ago and under
a contrainte served by Maître Dupuis, whose fee waits as a draft ordre de
dépense 622/401, and the Hôtel du Lac's redressement judiciaire with its
declaration."""

import datetime
from decimal import Decimal

import pytest

from accueil.demo import charger_demo
from comptes_annuels.defaut import charger_correspondances
from comptes_annuels.models import Correspondance, Rubrique
from recouvrement import contentieux_lecture as lecture
from recouvrement.a_echoir import DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance
from recouvrement.models_contentieux import Poursuite
from recouvrement.models_procedures import ProcedureCollective

pytestmark = pytest.mark.django_db
D = datetime.date


def test_la_demo_du_contentieux(horloge):
    charger_correspondances(Rubrique, Correspondance)
    jour = D(2026, 11, 30)
    horloge(jour)
    assert charger_demo(aujourd_hui=jour) > 0
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
