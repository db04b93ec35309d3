import datetime
import hashlib
import threading
from decimal import Decimal

import pytest
from django.db import connections, transaction

from core import horloge
from core.exceptions import (
    DelegationInvalide,
    DonneeInvalide,
    DroitInsuffisant,
    ExerciceInvalide,
    SeparationDesFonctions,
    TransitionInterdite,
)
from core.models import JournalAudit
from ledger.models import Ecriture, Exercice
from ledger.selectors import balance_generale
from personnes.models import Affectation, Delegation, Fonction
from recettes import services as s
from recettes.models import OrdreRecette, Reduction
from tests.factories import MOT_DE_PASSE, personne
from tests.fichiers import pdf

pytestmark = pytest.mark.django_db
AUJOURD_HUI = horloge.aujourdhui()


@pytest.fixture
def delegue(db, directrice, comptable):
    utilisateur = personne("delegue", Fonction.DELEGUE)
    Delegation.objects.create(
        delegant=directrice,
        delegataire=utilisateur,
        type="signature",
        nature="ordre_recette",
        montant_max=Decimal("50000.00"),
        debut=datetime.date(AUJOURD_HUI.year, 1, 1),
        fin=datetime.date(AUJOURD_HUI.year, 12, 31),
        specimen_signature="P. Girard",
        notifiee_le=datetime.date(AUJOURD_HUI.year, 1, 1),
    )
    return utilisateur


def saisie(**modifs) -> s.SaisieOrdre:
    valeurs = dict(
        nature="autre",
        objet="Remboursement de frais de dossier",
        bases_liquidation="Convention du 3 mars",
        compte_imputation="7585",
        compte_tiers="4671",
        date_fait=AUJOURD_HUI,
        dates={"liquidation": AUJOURD_HUI},
        lignes=[s.LigneDebiteur("Société Orion", "débiteur (SIRET 12345678900011)", "1250.40")],
        pieces_references="Convention du 3 mars, au dossier du service",
    )
    valeurs.update(modifs)
    return s.SaisieOrdre(**valeurs)


def creer(utilisateur, **modifs) -> OrdreRecette:
    return s.ordre_recette_creer(acting_user=utilisateur, saisie=saisie(**modifs))


def signe_et_transmis(directrice, **modifs) -> OrdreRecette:
    ordre = creer(directrice, **modifs)
    s.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    return s.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)


def tous_conformes(ordre):
    return [s.ControleSaisi(point, True) for point in s.controles_requis(ordre).points]


def etat(ordre):
    ordre = OrdreRecette.objects.get(pk=ordre.pk)
    return ordre.etat, ordre.montant, ordre.signatures.count(), Ecriture.objects.count()


def test_de_la_signature_a_la_prise_en_charge_le_titre_est_comptabilise(
    directrice, comptable, exercice
):
    ordre = signe_et_transmis(
        directrice,
        type="collectif",
        lignes=[
            s.LigneDebiteur("Société Orion", "débiteur", "1000.00"),
            s.LigneDebiteur("Garage Lambert", "débiteur", "250.40"),
        ],
    )
    signature = s.derniere_signature(ordre)
    assert (signature.signataire, signature.qualite) == (directrice, "Directeur")
    assert signature.empreinte_contenu == s.empreinte_contenu(ordre)

    ordre = s.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )

    assert ordre.etat == OrdreRecette.Etat.PRIS_EN_CHARGE and ordre.pris_en_charge_par == comptable
    lignes = sorted(ordre.ecriture.lignes.values_list("compte__numero", "debit", "credit", "tiers"))
    assert lignes == [
        ("4671", Decimal("250.40"), Decimal("0.00"), "Garage Lambert"),
        ("4671", Decimal("1000.00"), Decimal("0.00"), "Société Orion"),
        ("7585", Decimal("0.00"), Decimal("1250.40"), ""),
    ]
    balance = {ligne.numero: ligne for ligne in balance_generale(exercice=exercice).lignes}
    assert balance["4671"].solde_debit == Decimal("1250.40")
    actes = list(
        JournalAudit.objects.filter(objet_type="recettes.ordrerecette", objet_id=str(ordre.pk))
        .order_by("id")
        .values_list("acte", flat=True)
    )
    assert actes == [
        "ordre_recette.cree",
        "ordre_recette.signe",
        "ordre_recette.transmis",
        "ordre_recette.pris_en_charge",
    ]


def test_le_rattachement_et_son_article_sont_portes_par_l_ordre(directrice, exercice):
    ordre = creer(
        directrice,
        nature="loyer",
        compte_imputation="752",
        dates={"echeance": datetime.date(AUJOURD_HUI.year, 12, 1)},
    )
    assert ordre.exercice == exercice
    assert "§2.0.7 2°" in ordre.article_rattachement
    assert ordre.critere_rattachement.startswith("veille de l'échéance : 30/11/")


def test_transmettre_un_ordre_non_signe_est_refuse(directrice, exercice):
    ordre = creer(directrice)
    avant = etat(ordre)
    with pytest.raises(TransitionInterdite) as refus:
        s.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    assert refus.value.message == (
        f"L'ordre de recette n° {ordre.reference} est brouillon : on ne peut le transmettre que s'il est signé."
    )
    assert etat(ordre) == avant


def test_un_mauvais_mot_de_passe_ne_signe_rien(directrice, exercice):
    ordre = creer(directrice)
    with pytest.raises(DroitInsuffisant, match="Mot de passe incorrect"):
        s.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe="faux")
    assert etat(ordre)[:3] == ("brouillon", Decimal("1250.40"), 0)


def test_le_delegue_signe_dans_sa_delegation(delegue, directrice, exercice):
    ordre = creer(directrice)
    s.ordre_recette_signer(acting_user=delegue, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    signature = s.derniere_signature(ordre)
    assert signature.delegation is not None
    assert "délégation" in signature.qualite.lower()


@pytest.mark.parametrize(
    ("modifier", "message"),
    [
        ("montant", "dépasse le plafond"),
        ("dates", "ne vaut que du"),
        ("nature", None),
        ("notification", "notifiée"),
    ],
)
def test_un_delegue_hors_de_sa_delegation_ne_signe_pas(
    delegue, directrice, exercice, modifier, message
):
    delegation = Delegation.objects.get(delegataire=delegue)
    ordre = creer(directrice)
    if modifier == "montant":
        ordre = creer(directrice, lignes=[s.LigneDebiteur("Société Orion", "débiteur", "60000.00")])
    elif modifier == "dates":
        Delegation.objects.filter(pk=delegation.pk).update(
            fin=AUJOURD_HUI - datetime.timedelta(days=1),
            debut=AUJOURD_HUI - datetime.timedelta(days=30),
        )
    elif modifier == "nature":
        Delegation.objects.filter(pk=delegation.pk).update(nature="ordre_depense")
    elif modifier == "notification":
        Delegation.objects.filter(pk=delegation.pk).update(notifiee_le=None)
    avant = etat(ordre)
    with pytest.raises(DelegationInvalide) as refus:
        s.ordre_recette_signer(acting_user=delegue, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    if message:
        assert message in refus.value.message
    assert refus.value.message
    assert etat(ordre) == avant


def test_le_meme_agent_ne_signe_pas_et_ne_prend_pas_en_charge(directrice, comptable, exercice):
    ordre = signe_et_transmis(directrice)
    # The directrice later becomes agent comptable: she still may not take in
    # charge an order she signed (circ. 93/82 §2.4.0).
    Affectation.objects.filter(utilisateur=directrice).update(
        fin=AUJOURD_HUI - datetime.timedelta(days=1), debut=datetime.date(2000, 1, 1)
    )
    Affectation.objects.create(
        utilisateur=directrice, fonction=Fonction.AGENT_COMPTABLE, debut=AUJOURD_HUI
    )
    avant = etat(ordre)
    with pytest.raises(SeparationDesFonctions):
        s.ordre_recette_prendre_en_charge(
            acting_user=directrice, ordre=ordre, controles=tous_conformes(ordre)
        )
    assert etat(ordre) == avant


def test_le_directeur_ne_prend_pas_en_charge(directrice, exercice):
    ordre = signe_et_transmis(directrice)
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        s.ordre_recette_prendre_en_charge(acting_user=directrice, ordre=ordre)
    assert etat(ordre)[0] == "transmis"


def test_un_ordre_signe_ne_se_modifie_plus(directrice, exercice):
    ordre = creer(directrice)
    s.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    avant = etat(ordre)
    with pytest.raises(
        TransitionInterdite, match="est signé : on ne peut le modifier que s'il est brouillon"
    ):
        s.ordre_recette_modifier(
            acting_user=directrice, ordre=ordre, saisie=saisie(objet="Autre chose")
        )
    assert etat(ordre) == avant
    assert OrdreRecette.objects.get(pk=ordre.pk).objet == "Remboursement de frais de dossier"


def test_les_controles_du_plan_sont_exiges_et_une_anomalie_impose_le_rejet(
    directrice, comptable, exercice
):
    ordre = signe_et_transmis(directrice)
    with pytest.raises(DonneeInvalide, match="Le plan de contrôle demande de vérifier"):
        s.ordre_recette_prendre_en_charge(acting_user=comptable, ordre=ordre, controles=[])
    controles = tous_conformes(ordre)
    controles[0] = s.ControleSaisi(controles[0].point, False, "délégation expirée")
    with pytest.raises(TransitionInterdite, match="rejetez l'ordre"):
        s.ordre_recette_prendre_en_charge(acting_user=comptable, ordre=ordre, controles=controles)
    assert etat(ordre)[0] == "transmis"

    s.ordre_recette_rejeter(acting_user=comptable, ordre=ordre, motif="Pièce manquante")
    s.ordre_recette_reprendre(acting_user=directrice, ordre=ordre)
    ordre = s.ordre_recette_modifier(
        acting_user=directrice, ordre=ordre, saisie=saisie(pieces_references="facture 12")
    )
    s.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    assert OrdreRecette.objects.get(pk=ordre.pk).signatures.count() == 2


def test_un_rejet_sans_motif_est_refuse(directrice, comptable, exercice):
    ordre = signe_et_transmis(directrice)
    with pytest.raises(DonneeInvalide, match="doit être motivé"):
        s.ordre_recette_rejeter(acting_user=comptable, ordre=ordre, motif="  ")
    assert etat(ordre)[0] == "transmis"


def test_un_ordre_de_l_exercice_precedent_apres_sa_periode_complementaire_va_a_l_exercice_courant(
    directrice, comptable, annee
):
    from ledger.services import exercice_ouvrir

    courant = exercice_ouvrir(acting_user=comptable, annee=annee)
    precedent = Exercice.objects.create(
        annee=annee - 1, etat=Exercice.Etat.OUVERT, ouvert_le=horloge.maintenant()
    )
    jour = datetime.date(annee - 1, 12, 20)
    ordre = creer(directrice, date_fait=jour, dates={"liquidation": jour})
    assert ordre.exercice == courant
    assert f"après la fin de la période complémentaire de l'exercice {annee - 1}" in (
        ordre.motif_rattachement
    )
    assert f"le 10/01/{annee}" in ordre.motif_rattachement
    assert not OrdreRecette.objects.filter(exercice=precedent).exists()


def test_dans_la_periode_complementaire_l_ordre_est_encore_recevable(directrice, comptable, annee):
    from ledger.services import exercice_ouvrir

    exercice_ouvrir(acting_user=comptable, annee=annee)
    ordre = creer(directrice)
    ordre.limite_emission = datetime.date(annee + 1, 1, 10)
    s.verifier_delai_emission(ordre, datetime.date(annee + 1, 1, 10))  # accepted: last day
    with pytest.raises(ExerciceInvalide, match=f"s'est achevée le 10/01/{annee + 1}"):
        s.verifier_delai_emission(ordre, datetime.date(annee + 1, 1, 11))


def test_reduction_plus_grande_que_le_reste_refusee(directrice, comptable, exercice):
    ordre = signe_et_transmis(directrice)
    s.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    reduction = s.ordre_recette_reduire(
        acting_user=directrice,
        ordre=ordre,
        type="reduction",
        montant_reduction="250.40",
        motif="Erreur de base",
        nouvelles_bases="1 000 €",
        mot_de_passe=MOT_DE_PASSE,
    )
    s.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)
    assert s.reste_a_recouvrer(ordre) == Decimal("1000.00")
    ecritures = Ecriture.objects.count()
    with pytest.raises(DonneeInvalide) as refus:
        s.ordre_recette_reduire(
            acting_user=directrice,
            ordre=ordre,
            type="reduction",
            montant_reduction="1000.01",
            motif="x",
            nouvelles_bases="y",
            mot_de_passe=MOT_DE_PASSE,
        )
    assert "dépasse le reste à recouvrer de 1\u00a0000,00\u00a0€" in refus.value.message
    assert (
        Reduction.objects.filter(ordre=ordre).count() == 1 and Ecriture.objects.count() == ecritures
    )


def test_admission_en_non_valeur_puis_annulation_du_reste(directrice, comptable, exercice):
    ordre = signe_et_transmis(directrice)
    s.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    nv = s.ordre_recette_reduire(
        acting_user=directrice,
        ordre=ordre,
        type="non_valeur",
        montant_reduction="250.40",
        motif="Débiteur insolvable",
        nouvelles_bases="Certificat d'irrécouvrabilité",
        mot_de_passe=MOT_DE_PASSE,
    )
    nv = s.reduction_prendre_en_charge(acting_user=comptable, reduction=nv)
    assert sorted(nv.ecriture.lignes.values_list("compte__numero", "debit")) == [
        ("4671", Decimal("0.00")),
        ("6541", Decimal("250.40")),
    ]
    an = s.ordre_recette_reduire(
        acting_user=directrice,
        ordre=ordre,
        type="annulation",
        montant_reduction="0",
        motif="Titre émis à tort",
        nouvelles_bases="Néant",
        mot_de_passe=MOT_DE_PASSE,
    )
    assert an.montant == Decimal("1000.00")
    s.reduction_prendre_en_charge(acting_user=comptable, reduction=an)
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == OrdreRecette.Etat.ANNULE
    balance = {ligne.numero: ligne for ligne in balance_generale(exercice=exercice).lignes}
    assert "4671" not in balance or balance["4671"].solde_debit == 0


def test_abandon_d_un_petit_indu_sous_le_seuil_d133_2(directrice, comptable, exercice):
    def indu(valeur):
        ordre = signe_et_transmis(
            directrice,
            nature="recuperation_indu",
            compte_tiers="413",
            dates={"reglement": AUJOURD_HUI},
            lignes=[s.LigneDebiteur("Mme Martin", "assurée (NIR 2800575123456)", valeur)],
        )
        return s.ordre_recette_prendre_en_charge(
            acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
        )

    petit, gros = indu("12.00"), indu("15.24")
    reduction = s.ordre_recette_reduire(
        acting_user=directrice,
        ordre=petit,
        type="abandon_indu",
        montant_reduction="12",
        motif="Indu inférieur au seuil",
        nouvelles_bases="Néant",
        mot_de_passe=MOT_DE_PASSE,
    )
    assert reduction.montant == Decimal("12.00")
    with pytest.raises(DonneeInvalide, match="inférieur au seuil de 15,24"):
        s.ordre_recette_reduire(
            acting_user=directrice,
            ordre=gros,
            type="abandon_indu",
            montant_reduction="15.24",
            motif="x",
            nouvelles_bases="y",
            mot_de_passe=MOT_DE_PASSE,
        )


def test_une_piece_qui_n_est_pas_ce_qu_elle_pretend_est_refusee(directrice, exercice):
    ordre = creer(directrice)
    with pytest.raises(DonneeInvalide, match="n'est pas ce qu'il prétend être"):
        s.ordre_recette_joindre_piece(
            acting_user=directrice, ordre=ordre, nom="facture.pdf", contenu=b"MZ\x90\x00"
        )
    piece = s.ordre_recette_joindre_piece(
        acting_user=directrice, ordre=ordre, nom="facture.pdf", contenu=pdf("facture")
    )
    assert piece.sha256 == hashlib.sha256(pdf("facture")).hexdigest()
    assert piece.taille == len(pdf("facture")) and piece.type_mime == "application/pdf"
    assert piece.fichier.read() == pdf("facture")
    assert ordre.pieces.count() == 1


ECRIVAINS, PAR_ECRIVAIN = 6, 5


@pytest.mark.django_db(transaction=True)
def test_la_numerotation_des_ordres_n_a_pas_de_trou_sous_creation_concurrente(
    directrice, comptable, annee
):
    from ledger.models import Compte, Journal
    from ledger.plan import charger_plan
    from ledger.services import exercice_ouvrir

    charger_plan(Compte, Journal)
    exercice_ouvrir(acting_user=comptable, annee=annee)
    depart = threading.Barrier(ECRIVAINS)
    erreurs = []

    def ecrivain(indice):
        try:
            depart.wait()
            for n in range(PAR_ECRIVAIN):
                try:
                    with transaction.atomic():
                        creer(directrice, objet=f"écrivain {indice} n° {n}")
                        if n == 2:
                            raise RuntimeError("annulation voulue")
                except RuntimeError:
                    pass
        except Exception as exc:  # noqa: BLE001 - reported below
            erreurs.append(exc)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=ecrivain, args=(i,)) for i in range(ECRIVAINS)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert erreurs == []
    numeros = sorted(OrdreRecette.objects.values_list("numero", flat=True))
    assert numeros == list(range(1, ECRIVAINS * (PAR_ECRIVAIN - 1) + 1))
