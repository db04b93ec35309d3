"""Cash after the day's arrêté de caisse (issue 10, point 10): once a caisse or a
régie is arrêtée for a day, nothing is recorded on it at that date or before;
the money goes to the next day, the arrêté's figures stay true (circ. 93/82
§2.2). Through the services, the page, the API, raw SQL, and two acts at once."""

import datetime
import re
import threading
from decimal import Decimal

import pytest
from django.db import connections, transaction
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from core.exceptions import RegleComptableViolee, TransitionInterdite
from depenses.models import OrdreDepense
from ledger.models import Ecriture
from tests.ledger.sql_brut import inserer_ecriture
from tests.savepoint import curseur_en_savepoint, refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tresorerie import services as t
from tresorerie.models import ArreteCaisse, Encaissement, LotPaiement, Quittance
from tresorerie.selectors import solde_comptable
from tresorerie.services.caisse import jour_ouvre_suivant

pytestmark = pytest.mark.django_db

HIER = AUJOURD_HUI - datetime.timedelta(days=1)
LENDEMAIN = jour_ouvre_suivant(AUJOURD_HUI)


def encaisser(utilisateur, compte, montant="100.00", **autres):
    return t.encaissement_enregistrer(
        acting_user=utilisateur,
        compte=compte,
        moyen=autres.pop("moyen", "numeraire"),
        montant=montant,
        payeur=autres.pop("payeur", "M. Girard"),
        objet=autres.pop("objet", "Versement au guichet"),
        **autres,
    )


def arreter(comptable, compte, comptage=None, date=None) -> ArreteCaisse:
    return t.arrete_caisse(
        acting_user=comptable,
        compte=compte,
        comptage={"100": 1} if comptage is None else comptage,
        date=date,
    )


def refus(arrete: ArreteCaisse, acte: str, nom="La caisse « Caisse de l'agence comptable »"):
    """The service's French refusal, as a regular expression."""
    le = timezone.localtime(arrete.le)
    return re.escape(
        f"{nom} a été arrêtée le {le:%d/%m/%Y} à {le:%H:%M} pour la journée du "
        f"{arrete.date:%d/%m/%Y} : aucun mouvement n'y est plus enregistré à cette date ni avant, "
        f"sans quoi l'arrêté ne serait plus juste. Enregistrez {acte} sur la journée du "
        f"{jour_ouvre_suivant(arrete.date):%d/%m/%Y}, à l'ouverture de la caisse "
        "(circulaire 93/82 §2.2)."
    )


def etat_caisse():
    return (
        Ecriture.objects.count(),
        Encaissement.objects.count(),
        Quittance.objects.count(),
        LotPaiement.objects.count(),
        solde_comptable("531", AUJOURD_HUI),
    )


# --- Through the services ------------------------------------------------------------------


def test_apres_l_arrete_du_jour_les_especes_sont_refusees_et_rien_ne_change(comptable, comptes):
    encaisser(comptable, comptes["CAISSE"], "100.00")
    arrete = arreter(comptable, comptes["CAISSE"])
    assert arrete.ecart == 0
    avant = etat_caisse()

    with pytest.raises(TransitionInterdite, match=refus(arrete, "l'encaissement")):
        encaisser(comptable, comptes["CAISSE"], "50.00", payeur="Mme Roux")

    assert etat_caisse() == avant
    assert solde_comptable("531", AUJOURD_HUI) == arrete.solde_comptable == Decimal("100.00")


def test_le_lendemain_les_especes_s_enregistrent_et_l_arrete_reste_juste(
    comptable, comptes, horloge
):
    encaisser(comptable, comptes["CAISSE"], "100.00")
    arrete = arreter(comptable, comptes["CAISSE"])
    horloge(LENDEMAIN)

    recu = encaisser(comptable, comptes["CAISSE"], "50.00", payeur="Mme Roux")

    assert recu.date == LENDEMAIN and recu.quittances.count() == 1
    assert solde_comptable("531", AUJOURD_HUI) == arrete.solde_comptable == Decimal("100.00")
    assert solde_comptable("531", LENDEMAIN) == Decimal("150.00")


def test_un_encaissement_antidate_sur_une_journee_arretee_est_refuse(comptable, comptes):
    arrete = arreter(comptable, comptes["CAISSE"], comptage={}, date=HIER)

    with pytest.raises(TransitionInterdite, match=refus(arrete, "l'encaissement")):
        encaisser(comptable, comptes["CAISSE"], "20.00", date=HIER)
    assert encaisser(comptable, comptes["CAISSE"], "20.00").date == AUJOURD_HUI


def test_l_arrete_de_la_caisse_ne_ferme_ni_la_banque_ni_la_regie(comptable, regisseur, comptes):
    arreter(comptable, comptes["CAISSE"], comptage={})

    assert encaisser(comptable, comptes["BANQUE"], "80.00", moyen="virement").pk
    assert encaisser(regisseur, comptes["REGIE"], "15.00").pk


def test_la_regie_arretee_refuse_les_especes_du_regisseur(comptable, regisseur, comptes):
    encaisser(regisseur, comptes["REGIE"], "15.00")
    arrete = arreter(comptable, comptes["REGIE"], comptage={"10": 1, "5": 1})
    avant = etat_caisse()

    with pytest.raises(
        TransitionInterdite,
        match=refus(arrete, "l'encaissement", nom="La régie « Régie de recettes de l'accueil »"),
    ):
        encaisser(regisseur, comptes["REGIE"], "15.00", payeur="Mme Roux")
    assert etat_caisse() == avant


def test_apres_l_arrete_ni_paiement_ni_virement_ni_remboursement_ni_annulation_en_especes(
    directrice, comptable, comptes, credits
):
    ordre = ordre_vise(directrice, comptable, credits, montant="120.00")
    recu = encaisser(comptable, comptes["CAISSE"], "500.00")  # 500 € in 4711, to refund
    arrete = arreter(comptable, comptes["CAISSE"], comptage={"500": 1})
    avant = etat_caisse()

    with pytest.raises(TransitionInterdite, match=refus(arrete, "le paiement")):
        t.lot_payer(
            acting_user=comptable, ordres=[ordre], compte=comptes["CAISSE"], moyen="numeraire"
        )
    with pytest.raises(TransitionInterdite, match=refus(arrete, "le virement")):
        t.virement_interne(
            acting_user=comptable, de=comptes["CAISSE"], vers=comptes["BANQUE"], montant="300"
        )
    with pytest.raises(TransitionInterdite, match=refus(arrete, "le remboursement")):
        t.excedent_rembourser(
            acting_user=comptable, encaissement=recu, compte=comptes["CAISSE"], montant="10"
        )
    with pytest.raises(TransitionInterdite, match=refus(arrete, "l'annulation")):
        t.encaissement_annuler(acting_user=comptable, encaissement=recu, motif="Erreur")

    assert etat_caisse() == avant
    assert Encaissement.objects.get(pk=recu.pk).etat == "enregistre"
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "vise"


def test_une_journee_anterieure_au_dernier_arrete_ne_s_arrete_plus(comptable, comptes):
    arreter(comptable, comptes["CAISSE"], comptage={})

    with pytest.raises(
        TransitionInterdite,
        match=re.escape(
            "La caisse « Caisse de l'agence comptable » est déjà arrêtée pour le "
            f"{AUJOURD_HUI:%d/%m/%Y} : la journée du {HIER:%d/%m/%Y}, antérieure, ne s'arrête "
            "plus après coup (circulaire 93/82 §2.2)."
        ),
    ):
        arreter(comptable, comptes["CAISSE"], comptage={"5": 1}, date=HIER)
    assert ArreteCaisse.objects.count() == 1


def test_le_jour_ouvre_suivant_saute_le_week_end():
    vendredi = datetime.date(2026, 6, 12)
    assert [jour_ouvre_suivant(vendredi + datetime.timedelta(days=n)) for n in range(4)] == [
        datetime.date(2026, 6, 15),
        datetime.date(2026, 6, 15),
        datetime.date(2026, 6, 15),
        datetime.date(2026, 6, 16),
    ]


# --- Through the page and the API ----------------------------------------------------------


def test_la_page_refuse_l_encaissement_apres_l_arrete(client, comptable, comptes):
    arrete = arreter(comptable, comptes["CAISSE"], comptage={})
    client.force_login(comptable)
    avant = etat_caisse()

    reponse = client.post(
        reverse("tresorerie:encaissements"),
        {
            "compte": comptes["CAISSE"].pk,
            "moyen": "numeraire",
            "montant": "40,00",
            "payeur": "M. Petit",
            "objet": "Versement au guichet",
            "date": AUJOURD_HUI.isoformat(),
        },
    )

    assert reponse.status_code == 400
    texte = reponse.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert re.search(refus(arrete, "l'encaissement"), texte)
    assert etat_caisse() == avant


def test_la_page_de_la_caisse_dit_la_journee_arretee_et_celle_ou_vont_les_especes(
    client, comptable, comptes
):
    arrete = arreter(comptable, comptes["CAISSE"], comptage={})
    client.force_login(comptable)

    texte = client.get(reverse("tresorerie:caisse")).content.decode().replace("&#x27;", "'")

    le = timezone.localtime(arrete.le)
    assert (
        f"journée du {AUJOURD_HUI:%d/%m/%Y}, arrêtée le {le:%d/%m/%Y à %H:%M} : les espèces "
        f"s'enregistrent sur la journée du {LENDEMAIN:%d/%m/%Y}"
    ) in texte


def test_l_api_refuse_l_encaissement_apres_l_arrete(comptable, comptes):
    arrete = arreter(comptable, comptes["CAISSE"], comptage={})
    api = APIClient()
    api.force_authenticate(comptable)
    avant = etat_caisse()

    reponse = api.post(
        "/api/tresorerie/encaissements/",
        {
            "compte": "CAISSE",
            "moyen": "numeraire",
            "montant": "40.00",
            "payeur": "M. Petit",
            "objet": "Versement au guichet",
        },
        format="json",
    )

    assert reponse.status_code == 409
    assert reponse.json()["code"] == "transition_interdite"
    assert re.fullmatch(refus(arrete, "l'encaissement"), reponse.json()["message"])
    assert etat_caisse() == avant


# --- PostgreSQL, whatever writes ------------------------------------------------------------


def test_postgresql_refuse_une_ligne_de_caisse_datee_d_une_journee_arretee(
    comptable, comptes, exercice
):
    arreter(comptable, comptes["CAISSE"], comptage={})

    def ecrire(date, compte="531"):
        def faire(cur):
            inserer_ecriture(
                cur,
                exercice_id=exercice.pk,
                user_id=comptable.pk,
                date=date,
                lignes=[(compte, "40.00", "0"), ("4711", "0", "40.00")],
            )

        return faire

    erreur = refus_sql(
        ecrire(AUJOURD_HUI),
        "La caisse « Caisse de l'agence comptable » a été arrêtée le ",
    )
    assert erreur.sqlstate == "LG350"
    assert f"pour la journée du {AUJOURD_HUI:%d/%m/%Y}" in str(erreur)
    assert f"Enregistrez-le sur la journée du {LENDEMAIN:%d/%m/%Y}" in str(erreur)
    refus_sql(ecrire(HIER), f"(écriture datée du {HIER:%d/%m/%Y})")
    # The next day, and the bank's account the same day, are open.
    with curseur_en_savepoint() as cur:
        ecrire(LENDEMAIN)(cur)
        ecrire(AUJOURD_HUI, compte="5121")(cur)


# --- Two acts at once ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_l_arrete_attend_l_encaissement_en_cours_et_le_compte(comptable, comptes):
    """A receipt in flight when the count starts: the arrêté waits for it and
    counts it, instead of reading the books without it."""
    compte_rendu, erreurs = {}, []
    commence = threading.Event()

    def arreter_en_parallele():
        try:
            commence.wait(10)
            compte_rendu["arrete"] = arreter(comptable, comptes["CAISSE"], comptage={"100": 1})
        except Exception as exc:  # noqa: BLE001 - reported below
            erreurs.append(exc)
        finally:
            connections.close_all()

    fil = threading.Thread(target=arreter_en_parallele)
    fil.start()
    with transaction.atomic():
        encaisser(comptable, comptes["CAISSE"], "100.00")
        commence.set()
        fil.join(0.5)
        assert fil.is_alive()  # the arrêté waits for the receipt to commit
    fil.join(10)

    assert erreurs == []
    arrete = compte_rendu["arrete"]
    assert (arrete.solde_comptable, arrete.ecart, arrete.ecriture) == (Decimal("100.00"), 0, None)


@pytest.mark.django_db(transaction=True)
def test_l_encaissement_qui_attendait_l_arrete_est_refuse_par_postgresql(comptable, comptes):
    """The count under way when a receipt comes: the receipt waits for it, then
    PostgreSQL refuses it (the service had checked before the arrêté committed)."""
    issue, commence = {}, threading.Event()

    def encaisser_en_parallele():
        try:
            commence.wait(10)
            issue["recu"] = encaisser(comptable, comptes["CAISSE"], "60.00")
        except Exception as exc:  # noqa: BLE001 - asserted below
            issue["refus"] = exc
        finally:
            connections.close_all()

    fil = threading.Thread(target=encaisser_en_parallele)
    fil.start()
    with transaction.atomic():
        arreter(comptable, comptes["CAISSE"], comptage={})
        commence.set()
        fil.join(0.5)
        assert fil.is_alive()  # the receipt waits for the count to commit
    fil.join(10)

    assert isinstance(issue.get("refus"), RegleComptableViolee), issue
    assert "a été arrêtée le" in issue["refus"].message
    assert not Encaissement.objects.exists() and not Quittance.objects.exists()
    assert solde_comptable("531", AUJOURD_HUI) == Decimal("0.00")
