import datetime
from decimal import Decimal

import pytest
from django.db import connection

from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    MontantInvalide,
    SeparationDesFonctions,
    TransitionInterdite,
)
from core.models import JournalAudit
from personnes.models import Delegation, Fonction, Interim
from personnes.permissions import pouvoir_ordonnateur
from personnes.services import (
    delegation_creer,
    delegation_notifier,
    delegation_retirer,
    fin_maximale_interim,
    interim_designer,
)
from tests.factories import AffectationFactory
from tests.personnes.conftest import (
    LE,
    PREMIER_JANVIER,
    TRENTE_ET_UN_DECEMBRE,
    nommee,
    une_delegation,
)

pytestmark = pytest.mark.django_db

RECETTE = Delegation.Nature.ORDRE_RECETTE
DEPENSE = Delegation.Nature.ORDRE_DEPENSE


def _creer(acting_user, delegataire, **champs):
    valeurs = {
        "type": Delegation.Type.SIGNATURE,
        "nature": RECETTE,
        "debut": PREMIER_JANVIER,
        "fin": TRENTE_ET_UN_DECEMBRE,
        "specimen_signature": "P. Girard",
        "montant_max": Decimal("50000.00"),
    }
    valeurs.update(champs)
    return delegation_creer(acting_user=acting_user, delegataire=delegataire, **valeurs)


def _etat():
    return Delegation.objects.count(), Interim.objects.count(), JournalAudit.objects.count()


# --- delegation_creer ----------------------------------------------------------


def test_le_directeur_delegue_et_l_acte_est_audite(directrice, delegue):
    delegation = _creer(directrice, delegue, classes_comptes=" 75, 76 ", montant_max="50 000,00")

    delegation.refresh_from_db()
    assert delegation.delegant == directrice
    assert delegation.delegataire == delegue
    assert delegation.classes_comptes == "75,76"
    assert delegation.montant_max == Decimal("50000.00")
    assert delegation.notifiee_le is None
    assert delegation.retiree_le is None
    ligne = JournalAudit.objects.get(acte="delegation.creee")
    assert ligne.acteur == directrice
    assert ligne.objet_type == "personnes.delegation"
    assert ligne.objet_id == str(delegation.pk)
    assert ligne.objet_libelle == (
        f"Délégation de signature n° {delegation.pk} (ordres de recette) à Paul Girard"
    )
    assert ligne.apres == {
        "delegant": directrice.pk,
        "delegataire": delegue.pk,
        "type": "signature",
        "nature": "ordre_recette",
        "classes_comptes": "75,76",
        "montant_max": "50000.00",
        "debut": "2025-01-01",
        "fin": "2025-12-31",
    }


def test_une_delegation_creee_ne_vaut_qu_une_fois_notifiee(directrice, delegue, comptable):
    delegation = _creer(directrice, delegue)
    with pytest.raises(DroitInsuffisant) as avant:
        pouvoir_ordonnateur(
            delegue, nature=RECETTE, montant=Decimal("100"), compte_numero="7511", le=LE
        )

    delegation_notifier(acting_user=comptable, delegation=delegation, le=datetime.date(2025, 1, 3))
    capacite = pouvoir_ordonnateur(
        delegue, nature=RECETTE, montant=Decimal("100"), compte_numero="7511", le=LE
    )

    assert avant.value.details["regle"] == "notification"
    assert capacite.delegation == delegation


@pytest.mark.parametrize("qui", ["delegue", "comptable", "auditeur"])
def test_seul_le_directeur_delegue(request, qui, delegue, auditeur):
    acteur = request.getfixturevalue(qui)
    beneficiaire = auditeur if qui == "delegue" else delegue
    etat = _etat()

    with pytest.raises(DroitInsuffisant) as erreur:
        _creer(acteur, beneficiaire)

    assert erreur.value.code == "droit_insuffisant"
    assert erreur.value.message == (
        "Seul le directeur peut déléguer sa signature ou son pouvoir ; vous ne l'êtes pas le "
        "01/01/2025 (circulaire 93/82 §1.0 : le directeur délègue une partie de ses pouvoirs "
        "sous sa responsabilité)."
    )
    assert _etat() == etat


def test_le_directeur_doit_l_etre_au_premier_jour_de_la_delegation(delegue):
    future = nommee(
        "future", "Sophie", "Renaud", Fonction.DIRECTEUR, debut=datetime.date(2025, 5, 1)
    )

    with pytest.raises(DroitInsuffisant):
        _creer(future, delegue)
    delegation = _creer(future, delegue, debut=datetime.date(2025, 5, 1))

    assert delegation.debut == datetime.date(2025, 5, 1)


def test_la_tutelle_ne_recoit_pas_de_delegation(directrice):
    auditrice = nommee("auditrice", "Anne", "Lefèvre", Fonction.AUDITEUR)
    etat = _etat()

    with pytest.raises(SeparationDesFonctions) as erreur:
        _creer(directrice, auditrice)

    assert erreur.value.message == (
        "Anne Lefèvre exerce entre le 01/01/2025 et le 31/12/2025 la fonction d'auditeur "
        "(tutelle) : celui qui contrôle l'organisme n'agit pas pour son directeur, qui ne "
        "délègue qu'à « certains agents de l'organisme » (circulaire 93/82 §1.0)."
    )
    assert _etat() == etat


def test_la_delegation_va_a_un_delegue_du_directeur_a_son_premier_jour(directrice):
    arrive = nommee("arrive", "Léa", "Morin", Fonction.DELEGUE, debut=datetime.date(2025, 2, 1))
    etat = _etat()

    with pytest.raises(DonneeInvalide) as erreur:
        _creer(directrice, arrive)
    assert erreur.value.message == (
        "Léa Morin n'est pas délégué du directeur le 01/01/2025 : la délégation va à un agent "
        "affecté à cette fonction, et tombe quand il la quitte (circulaire 93/82 §1.0)."
    )
    assert _etat() == etat
    assert _creer(directrice, arrive, debut=datetime.date(2025, 2, 1)).delegataire == arrive


@pytest.mark.parametrize(
    ("fixture", "fonction"),
    [("comptable", "agent comptable"), ("fonde", "fondé de pouvoir"), ("regisseur", "régisseur")],
)
def test_dualite_de_delegation_interdite(request, directrice, fixture, fonction):
    beneficiaire = request.getfixturevalue(fixture)
    etat = _etat()

    with pytest.raises(SeparationDesFonctions) as erreur:
        _creer(directrice, beneficiaire)

    assert erreur.value.code == "separation_des_fonctions"
    assert erreur.value.message == (
        f"{beneficiaire.get_full_name()} agit pour l'agent comptable entre le 01/01/2025 et le "
        f"31/12/2025 ({fonction}) : la dualité de délégation du directeur et de l'agent "
        "comptable est interdite (circulaire 93/82 §1.1.1)."
    )
    assert _etat() == etat


def test_dualite_avec_un_mandataire_qui_le_devient_en_cours_de_periode(directrice):
    # Délégué until 31 August, mandataire of the agent comptable from 1 September.
    mandataire = nommee(
        "mandataire", "Marc", "Dubois", Fonction.DELEGUE, fin=datetime.date(2025, 8, 31)
    )
    AffectationFactory(
        utilisateur=mandataire, fonction=Fonction.MANDATAIRE, debut=datetime.date(2025, 9, 1)
    )

    with pytest.raises(SeparationDesFonctions) as erreur:
        _creer(directrice, mandataire)
    avant = _creer(directrice, mandataire, fin=datetime.date(2025, 8, 31))

    assert erreur.value.details["fonctions"] == ["mandataire"]
    assert avant.fin == datetime.date(2025, 8, 31)


def test_dualite_avec_un_interimaire_de_l_agent_comptable(directrice, auditeur):
    interim = Interim.objects.create(
        utilisateur=auditeur,
        nature=Interim.Nature.INTERIMAIRE,
        debut=datetime.date(2025, 6, 1),
        nomme_le=datetime.date(2025, 6, 1),
        deliberation="CA n° 12",
        fin=datetime.date(2025, 11, 30),
    )

    with pytest.raises(SeparationDesFonctions) as erreur:
        _creer(directrice, auditeur)

    assert "(intérim de l'agent comptable)" in erreur.value.message
    assert erreur.value.details["interims"] == [interim.pk]


def test_le_directeur_ne_se_delegue_pas_a_lui_meme(directrice):
    with pytest.raises(DonneeInvalide) as erreur:
        _creer(directrice, directrice)

    assert erreur.value.message == (
        "Le directeur ne se délègue pas à lui-même : la délégation désigne un autre agent de "
        "l'organisme (circulaire 93/82 §1.0)."
    )
    assert Delegation.objects.count() == 0


@pytest.mark.parametrize(
    ("champs", "attendu", "message"),
    [
        (
            {"specimen_signature": "   "},
            DonneeInvalide,
            "Le spécimen de la signature et du paraphe du délégué est obligatoire "
            "(circulaire 93/82 §1.0).",
        ),
        (
            {"fin": datetime.date(2024, 12, 31)},
            DonneeInvalide,
            "La date de fin (31/12/2024) précède la date de début (01/01/2025).",
        ),
        (
            {"montant_max": "0"},
            MontantInvalide,
            "Le plafond de la délégation doit être strictement positif.",
        ),
        (
            {"classes_comptes": "7a"},
            DonneeInvalide,
            "« 7a » n'est pas un début de numéro de compte : indiquez des chiffres séparés par "
            "des virgules (par exemple « 75,76 »), ou rien pour tous les comptes.",
        ),
        (
            {"type": "procuration"},
            DonneeInvalide,
            "Type de délégation inconnu : « procuration » (délégation de signature ou de pouvoir).",
        ),
        (
            {"nature": "ordre_paiement"},
            DonneeInvalide,
            "Nature d'opérations inconnue : « ordre_paiement » (ordres de recette ou de dépense).",
        ),
    ],
)
def test_une_delegation_mal_formee_est_refusee(directrice, delegue, champs, attendu, message):
    with pytest.raises(attendu) as erreur:
        _creer(directrice, delegue, **champs)

    assert erreur.value.message == message
    assert _etat() == (0, 0, 0)


def test_deux_delegations_qui_se_recouvrent_sont_refusees(directrice, delegue):
    premiere = _creer(directrice, delegue, classes_comptes="75")

    with pytest.raises(TransitionInterdite) as erreur:
        _creer(directrice, delegue, classes_comptes="7", debut=datetime.date(2025, 7, 1))

    assert erreur.value.code == "transition_interdite"
    assert erreur.value.message == (
        f"Paul Girard tient déjà la délégation n° {premiere.pk} sur les ordres de recette du "
        "01/01/2025 au 31/12/2025, pour des comptes qui recoupent ceux-ci : retirez-la d'abord, "
        "une seule délégation fixe la nature, les comptes et le plafond d'un même acte "
        "(circulaire 93/82 §1.0)."
    )
    assert Delegation.objects.count() == 1


def test_des_delegations_sur_des_comptes_ou_natures_distincts_coexistent(directrice, delegue):
    _creer(directrice, delegue, nature=DEPENSE, classes_comptes="6")
    _creer(directrice, delegue, nature=DEPENSE, classes_comptes="2", montant_max="100000")
    _creer(directrice, delegue, nature=RECETTE)

    assert Delegation.objects.filter(delegataire=delegue).count() == 3


def test_une_delegation_retiree_peut_etre_remplacee(directrice, delegue, horloge):
    ancienne = _creer(directrice, delegue)
    horloge(datetime.date(2025, 6, 1))  # a withdrawal is dated the day it is decided
    delegation_retirer(acting_user=directrice, delegation=ancienne, le=datetime.date(2025, 6, 1))

    nouvelle = _creer(
        directrice, delegue, debut=datetime.date(2025, 6, 1), montant_max=Decimal("80000")
    )

    assert nouvelle.montant_max == Decimal("80000.00")


# --- delegation_notifier --------------------------------------------------------


@pytest.mark.parametrize("qui", ["comptable", "fonde"])
def test_l_agent_comptable_enregistre_la_notification(request, qui, directrice, delegue):
    acteur = request.getfixturevalue(qui)
    delegation = une_delegation(directrice, delegue, notifiee_le=None)

    delegation_notifier(acting_user=acteur, delegation=delegation, le=datetime.date(2025, 1, 6))

    delegation.refresh_from_db()
    assert delegation.notifiee_le == datetime.date(2025, 1, 6)
    ligne = JournalAudit.objects.get(acte="delegation.notifiee")
    assert ligne.acteur == acteur
    assert ligne.objet_id == str(delegation.pk)
    assert ligne.avant == {"notifiee_le": None}
    assert ligne.apres == {"notifiee_le": "2025-01-06"}


@pytest.mark.parametrize("qui", ["directrice", "delegue"])
def test_l_ordonnateur_n_enregistre_pas_la_notification(request, qui, directrice, delegue):
    acteur = request.getfixturevalue(qui)
    delegation = une_delegation(directrice, delegue, notifiee_le=None)

    with pytest.raises(DroitInsuffisant) as erreur:
        delegation_notifier(acting_user=acteur, delegation=delegation, le=LE)

    assert erreur.value.message == (
        "Seul l'agent comptable (ou son fondé de pouvoir) enregistre la notification d'une "
        "délégation : c'est à lui qu'elle est notifiée (circulaire 93/82 §1.0)."
    )
    delegation.refresh_from_db()
    assert delegation.notifiee_le is None
    assert not JournalAudit.objects.exists()


def test_une_delegation_ne_se_notifie_qu_une_fois(directrice, delegue, comptable):
    delegation = une_delegation(directrice, delegue, notifiee_le=datetime.date(2025, 1, 2))

    with pytest.raises(TransitionInterdite) as erreur:
        delegation_notifier(acting_user=comptable, delegation=delegation, le=LE)

    assert erreur.value.message == (
        f"La délégation n° {delegation.pk} a déjà été notifiée le 02/01/2025."
    )
    delegation.refresh_from_db()
    assert delegation.notifiee_le == datetime.date(2025, 1, 2)


def test_une_delegation_retiree_ne_se_notifie_plus(directrice, delegue, comptable):
    delegation = une_delegation(
        directrice, delegue, notifiee_le=None, retiree_le=datetime.date(2025, 2, 1)
    )

    with pytest.raises(TransitionInterdite) as erreur:
        delegation_notifier(acting_user=comptable, delegation=delegation, le=LE)

    assert erreur.value.message == (
        f"La délégation n° {delegation.pk} a été retirée le 01/02/2025 : elle ne se notifie plus."
    )


# --- delegation_retirer ---------------------------------------------------------


def test_un_retrait_ne_se_date_pas_du_passe(directrice, delegue, horloge):
    delegation = une_delegation(directrice, delegue)
    horloge(datetime.date(2025, 6, 2))
    with pytest.raises(DonneeInvalide) as erreur:
        delegation_retirer(
            acting_user=directrice, delegation=delegation, le=datetime.date(2025, 6, 1)
        )
    assert erreur.value.message.startswith(
        "Un retrait prend effet au plus tôt le jour où il est décidé : il ne se date pas du "
        "01/06/2025, avant aujourd'hui (02/06/2025)"
    )
    assert Delegation.objects.get(pk=delegation.pk).retiree_le is None


def test_le_directeur_retire_une_delegation(directrice, delegue, horloge):
    delegation = une_delegation(directrice, delegue)
    horloge(datetime.date(2025, 6, 1))

    delegation_retirer(acting_user=directrice, delegation=delegation, le=datetime.date(2025, 6, 1))

    delegation.refresh_from_db()
    assert delegation.retiree_le == datetime.date(2025, 6, 1)
    ligne = JournalAudit.objects.get(acte="delegation.retiree")
    assert ligne.acteur == directrice
    assert ligne.avant == {"retiree_le": None}
    assert ligne.apres == {"retiree_le": "2025-06-01"}
    with pytest.raises(DroitInsuffisant) as erreur:
        pouvoir_ordonnateur(
            delegue,
            nature=RECETTE,
            montant=Decimal("10"),
            compte_numero="7511",
            le=datetime.date(2025, 6, 1),
        )
    assert erreur.value.details["regle"] == "retrait"


@pytest.mark.parametrize("qui", ["comptable", "delegue"])
def test_seul_le_directeur_retire(request, qui, directrice, delegue):
    acteur = request.getfixturevalue(qui)
    delegation = une_delegation(directrice, delegue)

    with pytest.raises(DroitInsuffisant) as erreur:
        delegation_retirer(acting_user=acteur, delegation=delegation, le=LE)

    assert erreur.value.message == (
        "Seul le directeur peut retirer une délégation ; vous ne l'êtes pas le 17/03/2025 "
        "(circulaire 93/82 §1.0 : le directeur délègue une partie de ses pouvoirs sous sa "
        "responsabilité)."
    )
    delegation.refresh_from_db()
    assert delegation.retiree_le is None


def test_une_delegation_ne_se_retire_qu_une_fois(directrice, delegue):
    delegation = une_delegation(directrice, delegue, retiree_le=datetime.date(2025, 2, 1))

    with pytest.raises(TransitionInterdite) as erreur:
        delegation_retirer(acting_user=directrice, delegation=delegation, le=LE)

    assert erreur.value.message == (
        f"La délégation n° {delegation.pk} a déjà été retirée le 01/02/2025."
    )
    delegation.refresh_from_db()
    assert delegation.retiree_le == datetime.date(2025, 2, 1)


# --- interim_designer -------------------------------------------------------------


def test_le_fonde_de_pouvoir_assure_l_interim_trois_mois_au_plus(directrice, fonde):
    interim = interim_designer(
        acting_user=directrice,
        utilisateur=fonde,
        nature=Interim.Nature.FONDE_DE_POUVOIR,
        debut=datetime.date(2025, 1, 1),
        fin=datetime.date(2025, 3, 31),
    )

    assert interim.fin == datetime.date(2025, 3, 31)
    ligne = JournalAudit.objects.get(acte="interim.designe")
    assert ligne.acteur == directrice
    assert ligne.objet_type == "personnes.interim"
    assert ligne.apres == {
        "utilisateur": fonde.pk,
        "nature": "fonde_de_pouvoir",
        "debut": "2025-01-01",
        "fin": "2025-03-31",
        "portee": "general",
        "attributions": "",
        "nomme_le": None,
        "deliberation": "",
    }


def test_l_interim_du_fonde_de_pouvoir_au_dela_de_trois_mois_est_refuse(directrice, fonde):
    with pytest.raises(DonneeInvalide) as erreur:
        interim_designer(
            acting_user=directrice,
            utilisateur=fonde,
            nature=Interim.Nature.FONDE_DE_POUVOIR,
            debut=datetime.date(2025, 1, 1),
            fin=datetime.date(2025, 4, 1),
        )

    assert erreur.value.message == (
        "Le fondé de pouvoir n'assure les fonctions d'agent comptable que pour 3 mois au plus : "
        "un intérim commençant le 01/01/2025 prend fin au plus tard le 31/03/2025, pas le "
        "01/04/2025 (article D253-14, circulaire 93/82 §1.1.2)."
    )
    assert erreur.value.details == {"duree_max_mois": 3, "fin_maximale": "2025-03-31"}
    assert _etat() == (0, 0, 0)


def test_l_agent_comptable_interimaire_est_nomme_six_mois_au_plus(comptable, auditeur):
    interim = interim_designer(
        acting_user=comptable,
        utilisateur=auditeur,
        nature=Interim.Nature.INTERIMAIRE,
        debut=datetime.date(2025, 2, 1),
        nomme_le=datetime.date(2025, 2, 1),
        deliberation="CA n° 12",
        fin=datetime.date(2025, 7, 31),
    )
    with pytest.raises(DonneeInvalide) as erreur:
        interim_designer(
            acting_user=comptable,
            utilisateur=auditeur,
            nature=Interim.Nature.INTERIMAIRE,
            debut=datetime.date(2025, 8, 1),
            nomme_le=datetime.date(2025, 8, 1),
            deliberation="CA n° 12",
            fin=datetime.date(2026, 2, 1),
        )

    assert interim.fin == datetime.date(2025, 7, 31)
    assert erreur.value.message == (
        "L'agent comptable intérimaire n'est nommé que pour 6 mois au plus : un intérim "
        "commençant le 01/08/2025 prend fin au plus tard le 31/01/2026, pas le 01/02/2026 "
        "(article D253-14, circulaire 93/82 §1.1.2)."
    )


def test_l_interim_de_fonde_de_pouvoir_revient_au_fonde_de_pouvoir(directrice, auditeur):
    with pytest.raises(DonneeInvalide) as erreur:
        interim_designer(
            acting_user=directrice,
            utilisateur=auditeur,
            nature=Interim.Nature.FONDE_DE_POUVOIR,
            debut=datetime.date(2025, 1, 1),
            fin=datetime.date(2025, 2, 28),
        )

    assert erreur.value.message == (
        f"{auditeur.get_full_name()} n'est pas fondé de pouvoir de l'agent comptable le "
        "01/01/2025 : seul le fondé de pouvoir assure de droit les fonctions d'agent comptable "
        "(article D253-14, circulaire 93/82 §1.1.2)."
    )


def test_l_ordonnateur_ne_fait_pas_l_interim_de_l_agent_comptable(directrice, delegue, comptable):
    delegation = une_delegation(directrice, delegue)

    with pytest.raises(SeparationDesFonctions) as par_delegation:
        interim_designer(
            acting_user=comptable,
            utilisateur=delegue,
            nature=Interim.Nature.INTERIMAIRE,
            debut=datetime.date(2025, 9, 1),
            nomme_le=datetime.date(2025, 9, 1),
            deliberation="CA n° 12",
            fin=datetime.date(2025, 12, 31),
        )
    with pytest.raises(SeparationDesFonctions) as directeur:
        interim_designer(
            acting_user=comptable,
            utilisateur=directrice,
            nature=Interim.Nature.INTERIMAIRE,
            debut=datetime.date(2025, 9, 1),
            nomme_le=datetime.date(2025, 9, 1),
            deliberation="CA n° 12",
            fin=datetime.date(2025, 12, 31),
        )

    assert par_delegation.value.message.startswith(
        "Paul Girard agit pour le directeur entre le 01/09/2025 et le 31/12/2025 (délégué du "
        "directeur) : une même personne ne peut être à la fois ordonnateur et comptable"
    )
    assert directeur.value.details == {"fonctions": ["directeur"], "delegations": []}
    assert delegation.pk
    assert Interim.objects.count() == 0


def test_un_delegataire_sans_fonction_d_ordonnateur_reste_exclu_de_l_interim(directrice, comptable):
    # Délégué until 31 August, his delegation running to 31 December.
    ancien = nommee("ancien", "Marc", "Dubois", Fonction.DELEGUE, fin=datetime.date(2025, 8, 31))
    delegation = une_delegation(directrice, ancien)

    with pytest.raises(SeparationDesFonctions) as erreur:
        interim_designer(
            acting_user=comptable,
            utilisateur=ancien,
            nature=Interim.Nature.INTERIMAIRE,
            debut=datetime.date(2025, 9, 1),
            nomme_le=datetime.date(2025, 9, 1),
            deliberation="CA n° 12",
            fin=datetime.date(2025, 12, 31),
        )

    assert f"(délégation n° {delegation.pk})" in erreur.value.message
    assert erreur.value.details["delegations"] == [delegation.pk]


def test_deux_interims_ne_se_chevauchent_pas(directrice, fonde, auditeur):
    premier = interim_designer(
        acting_user=directrice,
        utilisateur=fonde,
        nature=Interim.Nature.FONDE_DE_POUVOIR,
        debut=datetime.date(2025, 1, 1),
        fin=datetime.date(2025, 3, 31),
    )

    with pytest.raises(TransitionInterdite) as erreur:
        interim_designer(
            acting_user=directrice,
            utilisateur=auditeur,
            nature=Interim.Nature.INTERIMAIRE,
            debut=datetime.date(2025, 3, 31),
            nomme_le=datetime.date(2025, 3, 31),
            deliberation="CA n° 12",
            fin=datetime.date(2025, 9, 29),
        )
    suivant = interim_designer(
        acting_user=directrice,
        utilisateur=auditeur,
        nature=Interim.Nature.INTERIMAIRE,
        debut=datetime.date(2025, 4, 1),
        nomme_le=datetime.date(2025, 4, 1),
        deliberation="CA n° 12",
        fin=datetime.date(2025, 9, 30),
    )

    assert erreur.value.details == {"interim_existant": premier.pk}
    assert erreur.value.message.startswith(
        "Un intérim de l'agent comptable court déjà sur cette période : Claire Roussel, fondé "
        "de pouvoir faisant fonction d'agent comptable du 01/01/2025 au 31/03/2025."
    )
    assert suivant.debut == datetime.date(2025, 4, 1)


def test_seuls_le_directeur_ou_l_agent_comptable_designent_l_interim(auditeur, fonde):
    with pytest.raises(DroitInsuffisant) as erreur:
        interim_designer(
            acting_user=auditeur,
            utilisateur=fonde,
            nature=Interim.Nature.FONDE_DE_POUVOIR,
            debut=datetime.date(2025, 1, 1),
            fin=datetime.date(2025, 3, 31),
        )

    assert erreur.value.message == (
        "Seuls le directeur ou l'agent comptable enregistrent l'intérim de l'agent comptable "
        "(article D253-14, circulaire 93/82 §1.1.2)."
    )
    assert _etat() == (0, 0, 0)


@pytest.mark.parametrize("mois", [3, 6])
def test_la_fin_maximale_calculee_en_python_est_celle_de_postgresql(mois):
    debut = datetime.date(2023, 1, 1)
    jours = [debut + datetime.timedelta(days=n) for n in range(0, 800, 1)]
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT (d + make_interval(months => %s) - interval '1 day')::date"
            " FROM unnest(%s::date[]) AS d",
            [mois, jours],
        )
        selon_postgresql = [ligne[0] for ligne in curseur.fetchall()]

    assert [fin_maximale_interim(jour, mois) for jour in jours] == selon_postgresql
    assert fin_maximale_interim(datetime.date(2024, 11, 30), 3) == datetime.date(2025, 2, 27)
