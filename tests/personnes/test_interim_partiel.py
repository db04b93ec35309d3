"""The interim's scope and the board's nomination (circ. 93/82 §1.1.2, issue 12
point 1): « L'intérim est présumé général si l'acte de nomination de
l'intérimaire ne restreint pas explicitement ses attributions ». A partial
interim gives its holder the acts it lists, and those only; the titular,
absent, does not take back the others meanwhile."""

import datetime
import re
from decimal import Decimal

import pytest

from core import acte_courant
from core.exceptions import DonneeInvalide, DroitInsuffisant
from core.models import JournalAudit
from ledger.models import Ecriture
from personnes.models import Fonction, Interim
from personnes.permissions import exiger_comptable
from personnes.services import interim_designer
from tests.factories import UtilisateurFactory, personne
from tests.savepoint import curseur_en_savepoint, refus_sql
from tresorerie import services as t
from tresorerie.demo import creer_tresorerie_demo
from tresorerie.models import ArreteCaisse, Encaissement

pytestmark = pytest.mark.django_db

D = datetime.date
LE = D(2026, 6, 15)  # the suite's day
DEBUT = D(2026, 6, 13)


def _interimaire():
    return UtilisateurFactory(username="interimaire", first_name="Marc", last_name="Dumas")


def _designer(directrice, qui, **champs) -> Interim:
    valeurs = {
        "nature": Interim.Nature.INTERIMAIRE,
        "debut": DEBUT,
        "fin": LE,
        "nomme_le": D(2026, 6, 10),
        "deliberation": "CA 2026-07",
    }
    valeurs.update(champs)
    return interim_designer(acting_user=directrice, utilisateur=qui, **valeurs)


@pytest.fixture
def partiel(comptable, directrice, exercice):
    """Jacques Berthier is titular; the board named Marc Dumas intérimaire
    from 13 to 15 June 2026 for the encaissements only."""
    comptable.first_name, comptable.last_name = "Jacques", "Berthier"
    comptable.save()
    comptes = creer_tresorerie_demo(
        comptable=comptable,
        regisseur=personne("regisseur", Fonction.REGISSEUR),
        debut=D(2026, 1, 1),
    )
    comptes["BANQUE"].decouvert_autorise = Decimal("100000.00")
    comptes["BANQUE"].save(update_fields=["decouvert_autorise"])
    interimaire = _interimaire()
    interim = _designer(
        directrice, interimaire, portee="partiel", attributions=" tresorerie.encaisser "
    )
    return comptable, interimaire, interim, comptes


def _cheque(qui, comptes):
    return t.encaissement_enregistrer(
        acting_user=qui,
        compte=comptes["BANQUE"],
        moyen="cheque",
        montant="100.00",
        payeur="M. Girard",
        objet="Chèque reçu par courrier",
    )


def test_l_interim_partiel_permet_ses_attributions_et_refuse_le_reste(partiel):
    _titulaire, interimaire, interim, comptes = partiel
    assert (interim.portee, interim.codes) == ("partiel", ["tresorerie.encaisser"])

    # within the attributions: the encaissement and its posting (which names no act)
    encaissement = _cheque(interimaire, comptes)
    assert encaissement.recu_par == interimaire
    assert encaissement.ecriture.passee_par == interimaire

    # outside them: refused, the interim and its attributions named, nothing recorded
    avant = Ecriture.objects.count()
    with pytest.raises(DroitInsuffisant) as refus:
        t.arrete_caisse(acting_user=interimaire, compte=comptes["CAISSE"], comptage={"100": 0})
    assert refus.value.message == (
        f"Votre intérim partiel n° {interim.pk} (agent comptable intérimaire, délibération "
        "CA 2026-07 du 10/06/2026, du 13/06/2026 au 15/06/2026) ne vous attribue que les actes "
        "tresorerie.encaisser : pas « tresorerie.arrete_caisse » ; les autres actes de l'agent "
        "comptable attendent son retour ou une autre décision (circulaire 93/82 §1.1.2)."
    )
    assert refus.value.details["regle"] == "interim_partiel"
    assert refus.value.details["attributions"] == ["tresorerie.encaisser"]
    assert not ArreteCaisse.objects.exists()
    assert Ecriture.objects.count() == avant


def test_un_acte_sans_code_suit_l_acte_que_la_page_ou_l_api_execute(partiel):
    _titulaire, interimaire, _interim, _comptes = partiel
    with pytest.raises(DroitInsuffisant, match="pas « viser un ordre de dépense »"):
        exiger_comptable(interimaire, LE, "viser un ordre de dépense")
    with acte_courant.en_cours("tresorerie.encaisser"):
        exiger_comptable(interimaire, LE, "passer une écriture")


def test_pendant_l_interim_partiel_le_titulaire_absent_reste_refuse(partiel):
    titulaire, _interimaire, _interim, comptes = partiel
    avant = Encaissement.objects.count()
    with pytest.raises(DroitInsuffisant) as refus:
        t.arrete_caisse(acting_user=titulaire, compte=comptes["CAISSE"], comptage={"100": 0})
    assert refus.value.message.endswith(
        "(circulaire 93/82 §1.1.2). L'intérim est partiel (attributions : "
        "tresorerie.encaisser) : les autres actes attendent votre retour."
    )
    assert refus.value.details["portee"] == "partiel"
    assert Encaissement.objects.count() == avant


def test_l_interim_general_couvre_tous_les_actes(comptable, directrice):
    interimaire = _interimaire()
    interim = _designer(directrice, interimaire)
    assert (interim.portee, interim.codes) == ("general", [])
    exiger_comptable(interimaire, LE, "clore un exercice", code="exercice.clore")
    exiger_comptable(interimaire, LE, "viser un ordre de dépense")


def test_la_designation_est_auditee_avec_ses_termes(directrice):
    interimaire = _interimaire()
    interim = _designer(
        directrice,
        interimaire,
        portee="partiel",
        attributions="tresorerie.encaisser,tresorerie.payer",
    )
    ligne = JournalAudit.objects.get(acte="interim.designe")
    assert ligne.apres == {
        "utilisateur": interimaire.pk,
        "nature": "interimaire",
        "debut": "2026-06-13",
        "fin": "2026-06-15",
        "portee": "partiel",
        "attributions": "tresorerie.encaisser,tresorerie.payer",
        "nomme_le": "2026-06-10",
        "deliberation": "CA 2026-07",
    }
    assert interim.nomme_le == D(2026, 6, 10)


@pytest.mark.parametrize(
    "champs, message",
    [
        (
            {"nomme_le": None, "deliberation": ""},
            "L'agent comptable intérimaire est nommé par le conseil d'administration : indiquez "
            "la date de sa décision et la délibération qui le nomme (article R122-4, circulaire "
            "93/82 §1.1.2).",
        ),
        (
            {"deliberation": "  "},
            "L'agent comptable intérimaire est nommé par le conseil d'administration",
        ),
        (
            {"portee": "partiel"},
            "Un intérim partiel énumère les attributions que l'acte de nomination donne à "
            "l'intérimaire",
        ),
        (
            {"attributions": "tresorerie.payer"},
            "Un intérim général n'énumère pas d'attributions (tresorerie.payer) : si l'acte de "
            "nomination restreint explicitement les attributions de l'intérimaire, l'intérim est "
            "partiel (circulaire 93/82 §1.1.2).",
        ),
        ({"portee": "total"}, "Portée d'intérim inconnue : « total »"),
        (
            {"portee": "partiel", "attributions": "Payer!"},
            "« Payer! » n'est pas un code d'acte",
        ),
        (
            {"nomme_le": D(2026, 6, 14)},
            "L'intérim commence le 13/06/2026, avant la décision du conseil d'administration du "
            "14/06/2026 qui nomme l'intérimaire (circulaire 93/82 §1.1.2).",
        ),
        (
            {"nomme_le": D(2026, 6, 16), "debut": D(2026, 6, 20), "fin": D(2026, 6, 30)},
            "La décision du conseil d'administration du 16/06/2026 n'est pas encore prise",
        ),
    ],
)
def test_termes_refuses(directrice, champs, message):
    with pytest.raises(DonneeInvalide) as refus:
        _designer(directrice, _interimaire(), **champs)
    assert refus.value.message.startswith(message)
    assert not Interim.objects.exists()


def test_le_fonde_de_pouvoir_assure_l_interim_sans_decision_du_conseil(directrice):
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    interim = _designer(
        directrice,
        fonde,
        nature=Interim.Nature.FONDE_DE_POUVOIR,
        nomme_le=None,
        deliberation="",
        portee="partiel",
        attributions="tresorerie.encaisser",
    )
    assert (interim.nomme_le, interim.deliberation, interim.codes) == (
        None,
        "",
        ["tresorerie.encaisser"],
    )


INSERER = (
    "INSERT INTO personnes_interim (utilisateur_id, nature, debut, fin, portee, attributions,"
    " nomme_le, deliberation, cree_le) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, now())"
)


def test_postgresql_refuse_l_interimaire_sans_decision_du_conseil(db):
    qui = _interimaire()
    refus_sql(
        lambda cur: cur.execute(
            INSERER, [qui.pk, "interimaire", DEBUT, LE, "general", "", None, ""]
        ),
        "interim_interimaire_nomme_par_le_conseil",
    )
    refus_sql(
        lambda cur: cur.execute(
            INSERER, [qui.pk, "interimaire", DEBUT, LE, "partiel", "", DEBUT, "CA 1"]
        ),
        "interim_partiel_attributions",
    )
    refus_sql(
        lambda cur: cur.execute(
            INSERER, [qui.pk, "interimaire", DEBUT, LE, "general", "", LE, "CA 1"]
        ),
        "interim_nomme_avant_effet",
    )


def test_postgresql_garde_les_termes_de_la_nomination(directrice):
    interim = _designer(directrice, _interimaire())
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE personnes_interim SET portee = 'partiel', attributions = 'tresorerie.payer'"
            " WHERE id = %s",
            [interim.pk],
        ),
        f"Les termes de l'intérim n° {interim.pk} (portée, attributions, nomination par le "
        "conseil d'administration) ne sont pas modifiés une fois enregistrés",
    )
    # the period may still be corrected (its own guards apply)
    with curseur_en_savepoint() as cur:
        cur.execute("UPDATE personnes_interim SET fin = %s WHERE id = %s", [DEBUT, interim.pk])
    interim.refresh_from_db()
    assert interim.fin == DEBUT
    assert re.search(r"CA 2026-07", interim.deliberation)
