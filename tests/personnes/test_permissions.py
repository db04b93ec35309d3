import datetime
from decimal import Decimal

import pytest

from core.exceptions import (
    DelegationInvalide,
    DonneeInvalide,
    MontantInvalide,
    SeparationDesFonctions,
)
from personnes.models import Affectation, Delegation, Fonction, Interim
from personnes.permissions import Capacite, exiger_separation, pouvoir_ordonnateur
from tests.factories import AffectationFactory, UtilisateurFactory
from tests.personnes.conftest import (
    LE,
    PREMIER_JANVIER,
    nommee,
    sans_gardes,
    une_delegation,
)

pytestmark = pytest.mark.django_db

RECETTE = Delegation.Nature.ORDRE_RECETTE
DEPENSE = Delegation.Nature.ORDRE_DEPENSE
NBSP = "\u00a0"


def _pouvoir(utilisateur, montant="1000.00", *, nature=RECETTE, compte="7511", le=LE):
    return pouvoir_ordonnateur(
        utilisateur, nature=nature, montant=Decimal(montant), compte_numero=compte, le=le
    )


def _refus(utilisateur, *args, attendu=DelegationInvalide, **kwargs):
    with pytest.raises(attendu) as erreur:
        _pouvoir(utilisateur, *args, **kwargs)
    return erreur.value


# --- Who may sign ------------------------------------------------------------


def test_le_directeur_signe_en_qualite_de_directeur(directrice):
    capacite = _pouvoir(directrice, "9999999.99", nature=DEPENSE, compte="6561")

    assert capacite == Capacite(utilisateur=directrice, qualite="Directeur", delegation=None)


def test_le_delegue_signe_dans_les_limites_de_sa_delegation(directrice, delegue):
    delegation = une_delegation(directrice, delegue)

    capacite = _pouvoir(delegue, "50000.00")

    assert capacite.utilisateur == delegue
    assert capacite.delegation == delegation
    assert capacite.qualite == (
        f"Délégué du directeur (délégation de signature n° {delegation.pk} du 01/01/2025)"
    )


def test_la_qualite_nomme_une_delegation_de_pouvoir(directrice, delegue):
    delegation = une_delegation(directrice, delegue, type=Delegation.Type.POUVOIR)

    capacite = _pouvoir(delegue)

    assert capacite.qualite == (
        f"Délégué du directeur (délégation de pouvoir n° {delegation.pk} du 01/01/2025)"
    )


def test_une_delegation_sans_plafond_ni_comptes_couvre_tout_montant_et_tout_compte(
    directrice, delegue
):
    delegation = une_delegation(directrice, delegue, nature=DEPENSE, montant_max=None)

    capacite = _pouvoir(delegue, "9999999.99", nature=DEPENSE, compte="205")

    assert capacite.delegation == delegation


def test_les_prefixes_de_comptes_couvrent_leurs_sous_comptes(directrice, delegue):
    delegation = une_delegation(directrice, delegue, classes_comptes="75,76")

    assert _pouvoir(delegue, compte="7511").delegation == delegation
    assert _pouvoir(delegue, compte="761").delegation == delegation


def test_la_delegation_vaut_du_premier_au_dernier_jour_et_des_le_jour_de_sa_notification(
    directrice, delegue
):
    delegation = une_delegation(directrice, delegue, notifiee_le=PREMIER_JANVIER)

    assert _pouvoir(delegue, le=PREMIER_JANVIER).delegation == delegation
    assert _pouvoir(delegue, le=datetime.date(2025, 12, 31)).delegation == delegation


def test_parmi_plusieurs_delegations_celle_qui_couvre_l_acte_est_retenue(directrice, delegue):
    une_delegation(directrice, delegue, classes_comptes="6", nature=DEPENSE)
    immobilisations = une_delegation(
        directrice, delegue, classes_comptes="2", nature=DEPENSE, montant_max=Decimal("100000.00")
    )

    capacite = _pouvoir(delegue, "36000.00", nature=DEPENSE, compte="205")

    assert capacite.delegation == immobilisations


# --- Refusals, each naming its rule ------------------------------------------


def test_refus_au_dela_du_plafond(directrice, delegue):
    delegation = une_delegation(directrice, delegue)

    erreur = _refus(delegue, "60000.00")

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Le montant de 60{NBSP}000,00{NBSP}€ dépasse le plafond de 50{NBSP}000,00{NBSP}€ "
        f"de votre délégation n° {delegation.pk} (circulaire 93/82 §1.0)."
    )
    assert erreur.details["regle"] == "plafond"
    assert erreur.details["delegation"] == delegation.pk
    assert erreur.details["plafond"] == "50000.00"
    assert erreur.details["montant"] == "60000.00"


def test_refus_hors_de_la_periode(directrice, delegue):
    delegation = une_delegation(directrice, delegue)

    erreur = _refus(delegue, le=datetime.date(2026, 1, 2))

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} ne vaut que du 01/01/2025 au 31/12/2025 : "
        "elle ne couvre pas un acte du 02/01/2026 (circulaire 93/82 §1.0 : la délégation "
        "précise sa durée)."
    )
    assert erreur.details["regle"] == "periode"
    assert erreur.details["fin"] == "2025-12-31"


def test_refus_d_une_delegation_non_notifiee(directrice, delegue):
    delegation = une_delegation(directrice, delegue, notifiee_le=None)

    erreur = _refus(delegue)

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} n'a pas été notifiée à l'agent comptable : elle ne "
        "peut pas être exercée avant de l'être (circulaire 93/82 §1.0 : les délégations de "
        "signature sont notifiées à l'agent comptable)."
    )
    assert erreur.details["regle"] == "notification"
    assert erreur.details["notifiee_le"] is None


def test_refus_avant_le_jour_de_la_notification(directrice, delegue):
    delegation = une_delegation(directrice, delegue, notifiee_le=datetime.date(2025, 4, 1))

    erreur = _refus(delegue, le=datetime.date(2025, 3, 31))

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} n'a été notifiée à l'agent comptable que le "
        "01/04/2025 : elle ne vaut pas pour un acte du 31/03/2025 (circulaire 93/82 §1.0 : les "
        "délégations de signature sont notifiées à l'agent comptable)."
    )
    assert erreur.details["notifiee_le"] == "2025-04-01"


def test_refus_d_une_autre_nature_d_operations(directrice, delegue):
    delegation = une_delegation(directrice, delegue, nature=RECETTE)

    erreur = _refus(delegue, nature=DEPENSE, compte="6064")

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} porte sur les ordres de recette : elle ne vous "
        "permet pas de signer les ordres de dépense (circulaire 93/82 §1.0 : la délégation "
        "précise la nature des opérations)."
    )
    assert erreur.details["regle"] == "nature"
    assert erreur.details["nature_delegation"] == "ordre_recette"


def test_refus_d_un_compte_hors_des_classes_deleguees(directrice, delegue):
    delegation = une_delegation(directrice, delegue, classes_comptes="75,76")

    erreur = _refus(delegue, compte="771")

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} est limitée aux comptes commençant par 75, 76 : "
        "elle ne couvre pas une imputation au compte 771 (circulaire 93/82 §1.0 : la délégation "
        "précise la nature des opérations)."
    )
    assert erreur.details["regle"] == "compte"
    assert erreur.details["classes_comptes"] == "75,76"


def test_refus_d_une_delegation_retiree_des_le_jour_du_retrait(directrice, delegue):
    delegation = une_delegation(directrice, delegue, retiree_le=datetime.date(2025, 6, 1))
    assert _pouvoir(delegue, le=datetime.date(2025, 5, 31)).delegation == delegation

    erreur = _refus(delegue, le=datetime.date(2025, 6, 1))

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} a été retirée le 01/06/2025 : elle ne vaut plus "
        "pour un acte du 01/06/2025 (circulaire 93/82 §1.0)."
    )
    assert erreur.details["regle"] == "retrait"


def test_la_delegation_tombe_quand_le_delegant_n_est_plus_directeur(delegue):
    ancien = nommee(
        "ancien",
        "Hervé",
        "Lemoine",
        Fonction.DIRECTEUR,
        debut=datetime.date(2020, 1, 1),
        fin=datetime.date(2025, 4, 30),
    )
    nommee("nouvelle", "Sophie", "Renaud", Fonction.DIRECTEUR, debut=datetime.date(2025, 5, 1))
    delegation = une_delegation(ancien, delegue)
    assert _pouvoir(delegue, le=datetime.date(2025, 4, 30)).delegation == delegation

    erreur = _refus(delegue, le=datetime.date(2025, 5, 2))

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        f"Votre délégation n° {delegation.pk} vous a été donnée par Hervé Lemoine, qui n'est "
        "plus directeur le 02/05/2025 : une délégation a un caractère personnel et tombe "
        "d'elle-même quand le délégant change (circulaire 93/82 §1.0)."
    )
    assert erreur.details["regle"] == "delegant"
    assert erreur.details["delegant"] == ancien.pk


def test_refus_sans_aucune_delegation(db):
    sans_fonction = UtilisateurFactory()
    erreur = _refus(sans_fonction, nature=DEPENSE, compte="6064")

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        "Vous n'êtes ni directeur ni délégué du directeur le 17/03/2025 : seuls le directeur et "
        "les agents qui ont reçu de lui une délégation signent les ordres de dépense "
        "(circulaire 93/82 §1.0)."
    )
    assert erreur.details["regle"] == "aucune_delegation"


def test_la_fonction_de_delegue_ne_suffit_pas_sans_delegation(delegue):
    erreur = _refus(delegue)

    assert erreur.details["regle"] == "aucune_delegation"


def test_le_refus_nomme_la_regle_qui_fait_vraiment_obstacle(directrice, delegue):
    une_delegation(
        directrice,
        delegue,
        debut=datetime.date(2024, 1, 1),
        fin=datetime.date(2024, 12, 31),
        notifiee_le=datetime.date(2024, 1, 1),
        montant_max=Decimal("100000.00"),
    )
    une_delegation(directrice, delegue, nature=DEPENSE)
    de_l_annee = une_delegation(directrice, delegue)

    erreur = _refus(delegue, "60000.00")

    assert erreur.details["regle"] == "plafond"
    assert erreur.details["delegation"] == de_l_annee.pk


# --- Délégation de pouvoir: the directeur loses the competence ------------------


def test_la_delegation_de_pouvoir_dessaisit_le_directeur(directrice, delegue):
    delegation = une_delegation(
        directrice, delegue, type=Delegation.Type.POUVOIR, classes_comptes="75"
    )

    erreur = _refus(directrice, "12000.00")

    assert erreur.code == "delegation_invalide"
    assert erreur.message == (
        "Vous avez délégué votre pouvoir sur les ordres de recette à Paul Girard du 01/01/2025 "
        f"au 31/12/2025 (délégation de pouvoir n° {delegation.pk}) : vous ne pouvez plus exercer "
        "cette compétence tant que dure la délégation (circulaire 93/82 §1.0)."
    )
    assert erreur.details["regle"] == "dessaisi_par_delegation_de_pouvoir"
    assert erreur.details["delegataire"] == delegue.pk
    assert _pouvoir(delegue, "12000.00").delegation == delegation


def test_le_directeur_garde_ce_que_la_delegation_de_pouvoir_ne_couvre_pas(directrice, delegue):
    une_delegation(directrice, delegue, type=Delegation.Type.POUVOIR, classes_comptes="75")

    assert _pouvoir(directrice, "60000.00").qualite == "Directeur"
    assert _pouvoir(directrice, compte="771").qualite == "Directeur"
    assert _pouvoir(directrice, nature=DEPENSE, compte="6064").qualite == "Directeur"
    assert _pouvoir(directrice, le=datetime.date(2026, 1, 5)).qualite == "Directeur"


def test_la_delegation_de_pouvoir_ne_dessaisit_qu_une_fois_notifiee_et_jusqu_a_son_retrait(
    directrice, delegue
):
    une_delegation(directrice, delegue, type=Delegation.Type.POUVOIR, notifiee_le=None)
    assert _pouvoir(directrice).qualite == "Directeur"

    retiree = une_delegation(
        directrice,
        delegue,
        type=Delegation.Type.POUVOIR,
        nature=DEPENSE,
        retiree_le=datetime.date(2025, 3, 1),
    )
    assert _pouvoir(directrice, nature=DEPENSE, compte="6064").qualite == "Directeur"
    assert retiree.retiree_le < LE


def test_la_delegation_de_pouvoir_tombee_rend_au_directeur_sa_competence(directrice, delegue):
    # the délégué who held the power left his affectation before the act's day
    une_delegation(directrice, delegue, type=Delegation.Type.POUVOIR, classes_comptes="75")
    Affectation.objects.filter(utilisateur=delegue).update(fin=LE - datetime.timedelta(days=1))
    # the délégation fell by itself: the directeur acts again, nobody else does
    assert _pouvoir(directrice, "12000.00").qualite == "Directeur"
    with pytest.raises(DelegationInvalide):
        _pouvoir(delegue, "12000.00")


def test_la_delegation_de_signature_laisse_au_directeur_sa_competence(directrice, delegue):
    une_delegation(directrice, delegue, type=Delegation.Type.SIGNATURE)

    assert _pouvoir(directrice).qualite == "Directeur"


# --- Separation of ordonnateur and comptable ---------------------------------------


def test_l_agent_comptable_n_est_jamais_ordonnateur(comptable):
    erreur = _refus(comptable, attendu=SeparationDesFonctions)

    assert erreur.code == "separation_des_fonctions"
    assert erreur.message == (
        "Vous exercez le 17/03/2025 une fonction pour l'agent comptable (agent comptable) : une "
        "même personne ne peut être à la fois ordonnateur et comptable (séparation des "
        "fonctions, circulaire 93/82 §2.4.0 et §1.1.1)."
    )
    assert erreur.details["regle"] == "separation"
    assert erreur.details["fonctions"] == ["agent_comptable"]


def test_un_comptable_muni_d_une_delegation_reste_refuse(directrice, regisseur):
    # A delegation written before PostgreSQL refused it (personnes 0003).
    with sans_gardes():
        une_delegation(directrice, regisseur, montant_max=None)

    erreur = _refus(regisseur, attendu=SeparationDesFonctions)

    assert erreur.details["fonctions"] == ["regisseur"]


def test_un_directeur_qui_tient_aussi_une_fonction_comptable_est_refuse(directrice):
    AffectationFactory(utilisateur=directrice, fonction=Fonction.FONDE_DE_POUVOIR)

    erreur = _refus(directrice, attendu=SeparationDesFonctions)

    assert erreur.details["fonctions"] == ["fonde_de_pouvoir"]


def test_l_interimaire_de_l_agent_comptable_n_est_pas_ordonnateur(directrice, delegue):
    une_delegation(directrice, delegue)
    # An interim written before PostgreSQL refused it (personnes 0003).
    with sans_gardes():
        Interim.objects.create(
            utilisateur=delegue,
            nature=Interim.Nature.INTERIMAIRE,
            debut=datetime.date(2025, 3, 1),
            nomme_le=datetime.date(2025, 3, 1),
            deliberation="CA n° 12",
            fin=datetime.date(2025, 6, 30),
        )

    erreur = _refus(delegue, attendu=SeparationDesFonctions)
    avant = _pouvoir(delegue, le=datetime.date(2025, 2, 28))

    assert erreur.details["fonctions"] == ["agent_comptable"]
    assert avant.qualite.startswith("Délégué du directeur")


def test_exiger_separation_refuse_la_meme_personne(directrice, comptable):
    capacite = _pouvoir(directrice)

    assert exiger_separation(ordonnateur=capacite, comptable=comptable) is None
    assert exiger_separation(ordonnateur=directrice, comptable=comptable) is None
    with pytest.raises(SeparationDesFonctions) as erreur:
        exiger_separation(ordonnateur=capacite, comptable=directrice)

    assert erreur.value.code == "separation_des_fonctions"
    assert erreur.value.message == (
        "Hélène Marchand a signé cet ordre comme ordonnateur : une même personne ne peut pas en "
        "être aussi le comptable (séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1)."
    )
    assert erreur.value.details == {"regle": "separation", "utilisateur": directrice.pk}


# --- Bad input ------------------------------------------------------------------


def test_une_nature_inconnue_est_refusee(directrice):
    with pytest.raises(DonneeInvalide) as erreur:
        pouvoir_ordonnateur(
            directrice, nature="ordre_paiement", montant=Decimal("1"), compte_numero="6", le=LE
        )

    assert erreur.value.message == (
        "Nature d'ordre inconnue : « ordre_paiement » (ordre_recette ou ordre_depense)."
    )


def test_un_montant_flottant_est_refuse(directrice):
    with pytest.raises(MontantInvalide) as erreur:
        pouvoir_ordonnateur(directrice, nature=RECETTE, montant=12.5, compte_numero="7", le=LE)

    assert erreur.value.code == "montant_invalide"
