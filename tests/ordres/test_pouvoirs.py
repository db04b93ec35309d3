"""Every act of the ordonnateur is bound to the actor's own powers at the act's
date (issue 10, point 1; circ. 93/82 §1.0, §2.1): not only the signature, but
engaging, issuing, correcting, joining a pièce, attesting, transmitting,
taking back, abandoning, completing, withdrawing, reducing, preparing the
treasury's regularisation and signing in the parapheur.

Each refusal names the rule that stands in the way and changes nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from budget import services as budget
from budget.selectors import situation
from core import horloge
from core.exceptions import DelegationInvalide, DroitInsuffisant, SeparationDesFonctions
from core.models import JournalAudit
from depenses import services as d
from depenses.models import Engagement, OrdreDepense, ServiceFait
from personnes.models import Affectation, Delegation, Fonction
from recettes import services as r
from recettes.models import OrdreRecette, Reduction
from tests.depenses.test_services import CONFORMES, creer, engager, signe_transmis
from tests.factories import MOT_DE_PASSE, AffectationFactory, personne
from tests.fichiers import pdf
from tests.personnes.conftest import sans_gardes
from tests.recettes.test_services import saisie

pytestmark = pytest.mark.django_db

AUJOURD_HUI = horloge.aujourdhui()
HIER = AUJOURD_HUI - datetime.timedelta(days=1)
PREMIER_JANVIER = datetime.date(AUJOURD_HUI.year, 1, 1)
CIRC = "(circulaire 93/82 §1.0)"


@pytest.fixture
def delegue(db):
    return personne("delegue", Fonction.DELEGUE)


@pytest.fixture
def credits(directrice, exercice):
    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures administratives",
        montant_initial=Decimal("30000.00"),
    )
    return exercice


def deleguer(directrice, delegue, nature, **champs) -> Delegation:
    """A delegation as the register holds it: notified on 1 January, all year."""
    valeurs = {
        "type": Delegation.Type.SIGNATURE,
        "montant_max": Decimal("20000.00"),
        "debut": PREMIER_JANVIER,
        "fin": datetime.date(AUJOURD_HUI.year, 12, 31),
        "specimen_signature": "P. Girard",
        "notifiee_le": PREMIER_JANVIER,
    }
    valeurs.update(champs)
    return Delegation.objects.create(
        delegant=directrice, delegataire=delegue, nature=nature, **valeurs
    )


def _credit(exercice):
    return situation(credit=budget.credit_pour(exercice=exercice, compte_numero="6064"))


def _refus(acte, attendu=DelegationInvalide):
    audits = JournalAudit.objects.count()
    with pytest.raises(attendu) as erreur:
        acte()
    assert JournalAudit.objects.count() == audits
    return erreur.value


# --- The délégué within his delegation acts; outside it he is refused --------------------


def test_le_delegue_agit_dans_sa_delegation_de_l_engagement_a_la_transmission(
    directrice, delegue, credits
):
    deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE)

    engagement = engager(delegue, credits)
    ordre = creer(delegue, engagement)
    ordre = signe_transmis(delegue, ordre)

    assert (ordre.etat, ordre.cree_par, engagement.cree_par) == ("transmis", delegue, delegue)
    assert ordre.services_faits.get().atteste_par == delegue
    assert ordre.signatures.get().qualite.startswith("Délégué du directeur")


def test_une_delegation_d_une_autre_nature_n_engage_pas(directrice, delegue, credits):
    delegation = deleguer(directrice, delegue, Delegation.Nature.ORDRE_RECETTE)

    erreur = _refus(lambda: engager(delegue, credits))

    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} porte sur les ordres de recette : elle ne vous "
        "permet pas d'engager une dépense (circulaire 93/82 §1.0 : la délégation précise la "
        "nature des opérations)."
    )
    assert erreur.details["regle"] == "nature"
    assert not Engagement.objects.exists()
    assert _credit(credits).engage == 0


def test_une_delegation_limitee_a_d_autres_comptes_n_engage_pas(directrice, delegue, credits):
    deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE, classes_comptes="6061,62")

    erreur = _refus(lambda: engager(delegue, credits))

    assert "limitée aux comptes commençant par 6061, 62" in erreur.message
    assert "imputation au compte 6064" in erreur.message
    assert not Engagement.objects.exists()


def test_un_engagement_au_dela_du_plafond_est_refuse(directrice, delegue, credits):
    delegation = deleguer(
        directrice, delegue, Delegation.Nature.ORDRE_DEPENSE, montant_max=Decimal("1000.00")
    )

    erreur = _refus(lambda: engager(delegue, credits, montant="1200.00"))

    assert erreur.message == (
        "Le montant de 1\u00a0200,00\u00a0€ dépasse le plafond de 1\u00a0000,00\u00a0€ de votre "
        f"délégation n° {delegation.pk} {CIRC}."
    )
    assert not Engagement.objects.exists()
    assert _credit(credits).engage == 0
    # The credits themselves refuse the same movement to him (budget.services).
    with pytest.raises(DelegationInvalide, match="dépasse le plafond"):
        budget.credit_engager(
            acting_user=delegue,
            exercice=credits,
            compte_numero="6064",
            montant=Decimal("1200.00"),
            reference="essai",
        )
    assert _credit(credits).engage == 0


def test_une_delegation_expiree_ne_transmet_plus(directrice, delegue, credits):
    deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE, fin=HIER)
    ordre = creer(directrice, engager(directrice, credits))
    d.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=AUJOURD_HUI)
    d.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)

    erreur = _refus(lambda: d.ordre_depense_transmettre(acting_user=delegue, ordre=ordre))

    assert f"ne vaut que du 01/01/{AUJOURD_HUI.year} au {HIER:%d/%m/%Y}" in erreur.message
    assert erreur.details["regle"] == "periode"
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "signe"


# --- Each act of the ordonnateur, refused once the delegation is withdrawn -------------------


def _depense_brouillon(directrice, credits):
    return creer(directrice, engager(directrice, credits))


def _brouillon(directrice, _comptable, credits):
    return _depense_brouillon(directrice, credits)


def _depense_signee(directrice, credits):
    ordre = _depense_brouillon(directrice, credits)
    d.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=AUJOURD_HUI)
    d.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    return ordre


def _depense_suspendue(directrice, comptable, credits):
    ordre = signe_transmis(directrice, _depense_brouillon(directrice, credits))
    d.ordre_depense_suspendre(
        acting_user=comptable, ordre=ordre, motif="pieces", explication="Facture illisible"
    )
    return ordre


def _recette_brouillon(directrice):
    return r.ordre_recette_creer(acting_user=directrice, saisie=saisie())


def _recette_prise_en_charge(directrice, comptable):
    ordre = _recette_brouillon(directrice)
    r.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    controles = [r.ControleSaisi(p, True) for p in r.controles_requis(ordre).points]
    return r.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=controles
    )


def _etat(modele, ordre):
    return modele.objects.get(pk=ordre.pk).etat


# (name, setup(directrice, comptable, credits) -> objet, act(délégué, objet), what must not change)
ACTES = {
    "engager": (
        lambda di, co, cr: cr,
        lambda de, cr: engager(de, cr),
        lambda cr: Engagement.objects.count(),
    ),
    "émettre un ordre de dépense": (
        lambda di, co, cr: engager(di, cr),
        lambda de, eng: creer(de, eng),
        lambda eng: OrdreDepense.objects.count(),
    ),
    "attester le service fait": (
        _brouillon,
        lambda de, o: d.ordre_depense_attester_service_fait(
            acting_user=de, ordre=o, le=AUJOURD_HUI
        ),
        lambda o: ServiceFait.objects.filter(ordre=o).count(),
    ),
    "joindre une pièce": (
        _brouillon,
        lambda de, o: d.ordre_depense_joindre_piece(
            acting_user=de, ordre=o, nom="facture.pdf", contenu=pdf("facture")
        ),
        lambda o: o.pieces.count(),
    ),
    "transmettre": (
        lambda di, co, cr: _depense_signee(di, cr),
        lambda de, o: d.ordre_depense_transmettre(acting_user=de, ordre=o),
        lambda o: _etat(OrdreDepense, o),
    ),
    "compléter un ordre suspendu": (
        _depense_suspendue,
        lambda de, o: d.ordre_depense_completer(acting_user=de, ordre=o, complement="Facture"),
        lambda o: _etat(OrdreDepense, o),
    ),
    "retirer un ordre suspendu": (
        _depense_suspendue,
        lambda de, o: d.ordre_depense_retirer(acting_user=de, ordre=o, motif="Erreur"),
        lambda o: (_etat(OrdreDepense, o), _credit(o.exercice).ordonnance),
    ),
    "signer au parapheur": (
        _brouillon,
        lambda de, o: _lot_refuse(de, o),
        lambda o: _etat(OrdreDepense, o),
    ),
    "émettre un ordre de recette": (
        lambda di, co, cr: None,
        lambda de, _: r.ordre_recette_creer(acting_user=de, saisie=saisie()),
        lambda _: OrdreRecette.objects.count(),
    ),
    "modifier un ordre de recette": (
        lambda di, co, cr: _recette_brouillon(di),
        lambda de, o: r.ordre_recette_modifier(
            acting_user=de, ordre=o, saisie=saisie(objet="Autre objet")
        ),
        lambda o: OrdreRecette.objects.get(pk=o.pk).objet,
    ),
    "abandonner un ordre de recette": (
        lambda di, co, cr: _recette_brouillon(di),
        lambda de, o: r.ordre_recette_abandonner(acting_user=de, ordre=o, motif="Doublon"),
        lambda o: _etat(OrdreRecette, o),
    ),
    "réduire un ordre de recette": (
        lambda di, co, cr: _recette_prise_en_charge(di, co),
        lambda de, o: r.ordre_recette_reduire(
            acting_user=de,
            ordre=o,
            type="reduction",
            montant_reduction="100.00",
            motif="Erreur de liquidation",
            nouvelles_bases="Convention rectifiée",
            mot_de_passe=MOT_DE_PASSE,
        ),
        lambda o: Reduction.objects.filter(ordre=o).count(),
    ),
}


def _lot_refuse(delegue, ordre):
    """The parapheur does not stop on a refusal: it reports it; raise it here."""
    resultat = d.ordre_depense_signer_lot(
        acting_user=delegue, ordres=[ordre], mot_de_passe=MOT_DE_PASSE
    )
    assert resultat.signes == []
    [(_, message)] = resultat.refus
    raise DelegationInvalide(message)


@pytest.mark.parametrize("acte", list(ACTES))
def test_chaque_acte_de_l_ordonnateur_est_refuse_au_delegue_dont_la_delegation_est_retiree(
    acte, directrice, comptable, delegue, credits
):
    preparer, faire, lire = ACTES[acte]
    for nature in Delegation.Nature.values:
        deleguer(directrice, delegue, nature, retiree_le=AUJOURD_HUI)
    objet = preparer(directrice, comptable, credits)
    avant = lire(objet)

    erreur = _refus(lambda: faire(delegue, objet))

    assert f"a été retirée le {AUJOURD_HUI:%d/%m/%Y}" in erreur.message
    assert lire(objet) == avant


# --- The delegation falls when the delegate changes ----------------------------------------


def test_la_delegation_tombe_quand_l_affectation_du_delegue_prend_fin(directrice, delegue, credits):
    delegation = deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE)
    Affectation.objects.filter(utilisateur=delegue).update(fin=HIER)

    erreur = _refus(lambda: engager(delegue, credits), attendu=DroitInsuffisant)

    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} vous a été donnée le 01/01/{AUJOURD_HUI.year} "
        f"comme délégué du directeur ; vous n'êtes plus délégué du directeur le "
        f"{AUJOURD_HUI:%d/%m/%Y} : une délégation a un caractère personnel et tombe d'elle-même "
        f"quand le délégataire change {CIRC}."
    )
    assert erreur.details["regle"] == "delegataire"
    assert not Engagement.objects.exists()


def test_la_delegation_tombe_quand_le_delegue_change_d_affectation(directrice, delegue, credits):
    deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE)
    # Moved to another post on 1 June, délégué again: a new affectation.
    Affectation.objects.filter(utilisateur=delegue).update(
        fin=datetime.date(AUJOURD_HUI.year, 5, 31)
    )
    AffectationFactory(
        utilisateur=delegue, fonction=Fonction.DELEGUE, debut=datetime.date(AUJOURD_HUI.year, 6, 1)
    )

    erreur = _refus(lambda: engager(delegue, credits))

    assert (
        "vous n'exercez plus la même affectation de délégué du directeur (la vôtre date du "
        f"01/06/{AUJOURD_HUI.year})" in erreur.message
    )
    assert not Engagement.objects.exists()
    # A new delegation, given on the new affectation, holds again.
    Delegation.objects.all().update(retiree_le=AUJOURD_HUI)
    deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE, debut=AUJOURD_HUI)
    assert engager(delegue, credits).cree_par == delegue


# --- The directeur who delegated his power; the tutelle -------------------------------------


def test_le_directeur_dessaisi_par_une_delegation_de_pouvoir_n_engage_ni_ne_transmet(
    directrice, delegue, credits
):
    ordre = _depense_signee(directrice, credits)
    delegation = deleguer(
        directrice,
        delegue,
        Delegation.Nature.ORDRE_DEPENSE,
        type=Delegation.Type.POUVOIR,
        montant_max=None,
    )

    for acte in (
        lambda: engager(directrice, credits),
        lambda: d.ordre_depense_transmettre(acting_user=directrice, ordre=ordre),
    ):
        erreur = _refus(acte)
        assert erreur.details["regle"] == "dessaisi_par_delegation_de_pouvoir"
        assert f"(délégation de pouvoir n° {delegation.pk})" in erreur.message
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "signe"
    # The délégué holds the power: he transmits.
    assert d.ordre_depense_transmettre(acting_user=delegue, ordre=ordre).etat == "transmis"


def test_le_directeur_garde_les_ordres_de_recette_quand_il_delegue_les_depenses(
    directrice, delegue, exercice
):
    deleguer(
        directrice,
        delegue,
        Delegation.Nature.ORDRE_DEPENSE,
        type=Delegation.Type.POUVOIR,
        montant_max=None,
    )

    ordre = r.ordre_recette_creer(acting_user=directrice, saisie=saisie())

    assert ordre.cree_par == directrice


def test_l_auditeur_n_agit_jamais_pour_l_ordonnateur(directrice, auditeur, credits):
    # Even with a delegation written before PostgreSQL refused it (personnes 0003).
    with sans_gardes():
        deleguer(directrice, auditeur, Delegation.Nature.ORDRE_RECETTE, montant_max=None)

    erreur = _refus(
        lambda: r.ordre_recette_creer(acting_user=auditeur, saisie=saisie()),
        attendu=SeparationDesFonctions,
    )

    assert erreur.message == (
        f"Vous exercez le {AUJOURD_HUI:%d/%m/%Y} la fonction d'auditeur (tutelle) : celui qui "
        "contrôle l'organisme n'agit pas pour son directeur, qui ne délègue qu'à « certains "
        f"agents de l'organisme » {CIRC}."
    )
    assert not OrdreRecette.objects.exists()


def test_sans_fonction_ni_delegation_le_refus_est_celui_de_l_acte(comptable, credits):
    erreur = _refus(lambda: engager(comptable, credits), attendu=DroitInsuffisant)

    assert erreur.message == (
        "Seul l'ordonnateur (le directeur ou son délégué) peut engager une dépense "
        "(circulaire 93/82 §2.1)."
    )


# --- Through the API -------------------------------------------------------------------------


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_l_api_refuse_l_engagement_du_delegue_dont_la_delegation_est_retiree(
    directrice, delegue, credits
):
    delegation = deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE)
    corps = {
        "exercice": credits.annee,
        "gestion": "budgetaire",
        "objet": "Papeterie",
        "creancier": "Papeterie Centrale",
        "compte_imputation": "6064",
        "montant": "100.00",
    }
    assert _api(delegue).post("/api/ordres-depense/engagements/creer/", corps).status_code == 201
    Delegation.objects.filter(pk=delegation.pk).update(retiree_le=AUJOURD_HUI)

    reponse = _api(delegue).post("/api/ordres-depense/engagements/creer/", corps, format="json")

    assert reponse.status_code == 403, reponse.json()
    assert reponse.json()["code"] == "delegation_invalide"
    assert reponse.json()["message"] == (
        f"Votre délégation n° {delegation.pk} a été retirée le {AUJOURD_HUI:%d/%m/%Y} : elle "
        f"ne vaut plus pour un acte du {AUJOURD_HUI:%d/%m/%Y} {CIRC}."
    )
    assert reponse.json()["details"]["regle"] == "retrait"
    assert Engagement.objects.count() == 1
    assert _credit(credits).engage == Decimal("100.00")


def test_l_api_refuse_au_delegue_de_transmettre_au_dela_de_son_plafond(
    directrice, delegue, credits
):
    deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE, montant_max=Decimal("500"))
    ordre = _depense_signee(directrice, credits)

    reponse = _api(delegue).post(f"/api/ordres-depense/{ordre.pk}/transmettre/")

    assert reponse.status_code == 403, reponse.json()
    assert "dépasse le plafond de 500,00\u00a0€" in reponse.json()["message"]
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "signe"


def test_le_comptable_vise_ce_que_le_delegue_a_fait_dans_sa_delegation(
    directrice, comptable, delegue, credits
):
    deleguer(directrice, delegue, Delegation.Nature.ORDRE_DEPENSE)
    ordre = signe_transmis(delegue, creer(delegue, engager(delegue, credits)))

    vise = d.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=CONFORMES)

    assert vise.etat == "vise"


@pytest.mark.parametrize(
    ("corps", "type_contenu", "statut", "code"),
    [
        (b'{"oops": ', "application/json", 400, "corps_invalide"),
        (b"\xff\xfe\x00{", "application/json", 400, "corps_invalide"),
        (b"transmettre", "text/plain", 415, "unsupported_media_type"),
    ],
)
def test_un_acte_sans_donnees_refuse_un_corps_illisible_et_ne_fait_rien(
    directrice, credits, corps, type_contenu, statut, code
):
    """An act that reads no body (transmettre) still refuses a broken one: the
    client meant something else, and the order stays as it was."""
    ordre = _depense_signee(directrice, credits)

    reponse = _api(directrice).generic(
        "POST", f"/api/ordres-depense/{ordre.pk}/transmettre/", corps, content_type=type_contenu
    )

    assert reponse.status_code == statut, reponse.content
    assert reponse.json()["code"] == code
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "signe"
    assert _api(directrice).post(f"/api/ordres-depense/{ordre.pk}/transmettre/").status_code == 200
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "transmis"


def test_un_corps_json_null_est_refuse_en_francais(directrice, credits):
    reponse = _api(directrice).generic(
        "POST", "/api/ordres-depense/engagements/creer/", b"null", content_type="application/json"
    )

    assert reponse.status_code == 400, reponse.content
    assert reponse.json()["code"] == "corps_invalide"
    assert reponse.json()["message"] == (
        "Le corps de la requête est « null » : un objet JSON est attendu."
    )
