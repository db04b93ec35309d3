"""The provisions of N carried into N+1 by the à-nouveaux are reviewed at the
inventory of N+1 (D253-17-4, D253-19-3): a fall or an end is a reprise to 781
(the chart has no 7815 / 7817), a rise a complementary dotation; the état
lists each one's previous amount, the new one and the movement."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, ExerciceInvalide, TransitionInterdite
from core.models import JournalAudit
from inventaire import revue as r
from inventaire import services as s
from inventaire.models import EtatInventaire
from inventaire.pdf import etat_pdf
from ledger.models import Exercice, Ligne
from ledger.services import a_nouveaux_passer, balance_figer, exercice_ouvrir_periode_complementaire
from recettes import services as recettes
from tests.factories import MOT_DE_PASSE
from tests.inventaire.test_services import _cotisant
from tests.ledger.cloture_outils import clore
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

D = datetime.date
A = s.Article
MOREL = "Boulangerie Morel"


def _solde(exercice, compte, tiers=None) -> Decimal:
    lignes = Ligne.objects.filter(ecriture__exercice=exercice, compte__numero=compte)
    if tiers is not None:
        lignes = lignes.filter(tiers=tiers)
    t = lignes.aggregate(d=Sum("debit"), c=Sum("credit"))
    return (t["d"] or 0) - (t["c"] or 0)


def _provisions_de_n(comptable, exercice):
    """N's inventory: 1 500 on Morel's claim of 2 500, 2 000 forfaitaire, 3 000
    for a lawsuit."""
    s.provisions_depreciation_constituer(
        acting_user=comptable,
        exercice=exercice,
        methode="individuelle",
        explication="Redressement judiciaire",
        articles=[A("Cotisations de mai", "1500.00", tiers=MOREL)],
        mot_de_passe=MOT_DE_PASSE,
    )
    s.provisions_depreciation_constituer(
        acting_user=comptable,
        exercice=exercice,
        methode="forfaitaire",
        explication="Taux de non-recouvrement par ancienneté",
        population="Créances des employeurs de moins de 10 salariés",
        articles=[A("Créances de plus de 2 ans", base="10000.00", taux="20")],
        mot_de_passe=MOT_DE_PASSE,
    )
    s.provisions_risques_constituer(
        acting_user=comptable,
        exercice=exercice,
        explication="Contentieux prud'homal",
        donnees_historiques="2019-2024 : 40 % des demandes accordées",
        articles=[A("Prud'hommes, M. Petit", "3000.00")],
        mot_de_passe=MOT_DE_PASSE,
    )


def _annee_suivante(horloge, directrice, comptable, exercice, pendant_n1=None) -> Exercice:
    """N closed with its provisions, the à-nouveaux of N+1 passed, then
    `pendant_n1` (an act of N+1), N+1 in its période complémentaire (the clock
    on 20 January N+2)."""
    ordre = _cotisant(directrice, comptable)
    n = exercice.annee
    horloge(D(n + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    horloge(D(n + 1, 1, 20))
    balance_figer(acting_user=comptable, exercice=exercice, nature="avant_inventaire")
    _provisions_de_n(comptable, Exercice.objects.get(pk=exercice.pk))
    clos = clore(Exercice.objects.get(pk=exercice.pk), comptable)
    a_nouveaux_passer(acting_user=comptable, exercice=clos)
    if pendant_n1 is not None:
        pendant_n1(ordre)
    horloge(D(n + 2, 1, 2))
    n1 = Exercice.objects.get(annee=n + 1)
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=n1)
    horloge(D(n + 2, 1, 20))
    balance_figer(acting_user=comptable, exercice=n1, nature="avant_inventaire")
    return Exercice.objects.get(pk=n1.pk)


@pytest.fixture
def suivant(horloge, directrice, comptable, exercice) -> Exercice:
    return _annee_suivante(horloge, directrice, comptable, exercice)


def revoir(comptable, exercice, revues, explication="Situation de chaque débiteur au 31/12"):
    return s.provisions_revoir(
        acting_user=comptable,
        exercice=exercice,
        explication=explication,
        revues=[r.Revue(rang, nouveau) for rang, nouveau in revues],
        mot_de_passe=MOT_DE_PASSE,
    )


def test_les_provisions_reprises_en_a_nouveaux_sont_proposees(suivant):
    provisions = r.provisions_a_revoir(suivant)
    n = suivant.annee - 1
    assert [(p.rang, p.compte, p.tiers, p.libelle, p.montant) for p in provisions] == [
        (1, "491", MOREL, "Cotisations de mai", Decimal("1500.00")),
        (2, "491", "", "Créances de plus de 2 ans", Decimal("2000.00")),
        (3, "151", "", "Prud'hommes, M. Petit", Decimal("3000.00")),
    ]
    assert provisions[0].etats == [f"{n}-001"] and provisions[2].compte_dotation == "6815"
    # Morel still owes his 2 500: the provision is proposed as it was.
    assert provisions[0].reste_du == Decimal("2500.00") and provisions[0].propose == Decimal(
        "1500.00"
    )
    # The à-nouveaux carried them: the ledger of N+1 holds the same amounts.
    assert _solde(suivant, "491") == Decimal("-3500.00")
    assert _solde(suivant, "151") == Decimal("-3000.00")


def test_reprise_baisse_et_dotation_complementaire_au_centime(comptable, suivant):
    etat = revoir(comptable, suivant, [(1, "1 000,01"), (2, "2350.55"), (3, "0")])
    n1 = suivant.annee
    assert etat.nature == "revue_provisions" and etat.reference == f"{n1}-001"
    assert etat.ecriture.journal.code == "IN" and etat.ecriture.date == D(n1, 12, 31)
    assert etat.total == Decimal("3850.54")  # 499,99 + 350,55 + 3 000,00
    assert sorted(
        (lg.compte.numero, lg.debit, lg.credit, lg.tiers) for lg in etat.ecriture.lignes.all()
    ) == [
        ("151", Decimal("3000.00"), 0, ""),
        ("491", 0, Decimal("350.55"), ""),
        ("491", Decimal("499.99"), 0, MOREL),
        ("6817", Decimal("350.55"), 0, ""),
        ("781", 0, Decimal("499.99"), MOREL),
        ("781", 0, Decimal("3000.00"), ""),
    ]
    assert [(a.precedent, a.nouveau, a.montant) for a in etat.articles.all()] == [
        (Decimal("1500.00"), Decimal("1000.01"), Decimal("499.99")),
        (Decimal("2000.00"), Decimal("2350.55"), Decimal("350.55")),
        (Decimal("3000.00"), Decimal("0.00"), Decimal("3000.00")),
    ]
    # The provisions now stand at their new amounts, and a reprise is a produit.
    assert _solde(suivant, "491", MOREL) == Decimal("-1000.01")
    assert _solde(suivant, "491") == Decimal("-3350.56")
    assert _solde(suivant, "151") == 0
    assert _solde(suivant, "781") == Decimal("-3499.99")
    assert JournalAudit.objects.filter(acte="inventaire.revue_provisions").count() == 1


def test_l_annexe_montre_les_dotations_et_reprises_de_la_revue(comptable, suivant):
    from comptes_annuels.selectors import annexe

    etat = revoir(comptable, suivant, [(1, "1000.01"), (2, "2350.55"), (3, "0")])
    a = annexe(suivant)
    mouvements = {m.numero: (m.ouverture, m.dotations, m.reprises, m.cloture) for m in a.provisions}
    assert mouvements["491"] == (
        Decimal("3500.00"),
        Decimal("350.55"),
        Decimal("499.99"),
        Decimal("3350.56"),
    )
    assert mouvements["151"] == (Decimal("3000.00"), 0, Decimal("3000.00"), 0)
    assert [(d.numero, d.montant) for d in a.dotations] == [("6817", Decimal("350.55"))]
    assert [(r.numero, r.montant) for r in a.reprises] == [("781", Decimal("3499.99"))]
    assert etat in a.etats


def test_une_provision_inchangee_est_portee_pour_memoire(comptable, suivant):
    etat = revoir(comptable, suivant, [(3, "3500")])
    articles = list(etat.articles.all())
    assert [(a.pour_memoire, a.montant) for a in articles] == [
        (True, Decimal("1500.00")),
        (True, Decimal("2000.00")),
        (False, Decimal("500.00")),
    ]
    assert (articles[2].compte_debit, articles[2].compte_credit) == ("6815", "151")
    assert etat.total == Decimal("500.00") and etat.ecriture.lignes.count() == 2


def test_la_revue_de_n_plus_1_se_reporte_sur_n_plus_2(comptable, suivant):
    """What a review keeps is what the next inventory reviews."""
    revoir(comptable, suivant, [(1, "1000.00"), (3, "0")])
    n2 = Exercice.objects.get(annee=suivant.annee + 1)
    provisions = r.provisions_a_revoir(n2)
    assert [(p.compte, p.libelle, p.montant) for p in provisions] == [
        ("491", "Cotisations de mai", Decimal("1000.00")),
        ("491", "Créances de plus de 2 ans", Decimal("2000.00")),
    ]


def test_une_depreciation_ne_depasse_pas_la_creance(comptable, suivant):
    with pytest.raises(DonneeInvalide, match="ne doit plus que 2.500,00.€"):
        revoir(comptable, suivant, [(1, "2600")])
    assert not EtatInventaire.objects.filter(exercice=suivant).exists()


def test_une_creance_admise_en_non_valeur_voit_sa_provision_reprise(
    horloge, directrice, comptable, exercice
):
    """Morel's claim written off during N+1 (reste 0): its provision is proposed
    at zero and may not be kept."""

    def admettre_en_non_valeur(ordre):
        reduction = recettes.ordre_recette_reduire(
            acting_user=directrice,
            ordre=ordre,
            type="non_valeur",
            montant_reduction="2500.00",
            motif="Liquidation judiciaire clôturée pour insuffisance d'actif",
            nouvelles_bases="Certificat d'irrécouvrabilité du liquidateur",
            mot_de_passe=MOT_DE_PASSE,
        )
        recettes.reduction_prendre_en_charge(acting_user=comptable, reduction=reduction)

    suivant = _annee_suivante(
        horloge, directrice, comptable, exercice, pendant_n1=admettre_en_non_valeur
    )
    (morel, *_autres) = r.provisions_a_revoir(suivant)
    assert morel.reste_du == 0 and morel.propose == 0
    with pytest.raises(DonneeInvalide, match="ne doit plus que 0,00.€"):
        revoir(comptable, suivant, [])
    etat = revoir(comptable, suivant, [(1, "0")])
    assert _solde(suivant, "491", MOREL) == 0
    assert etat.articles.get(rang=1).compte_credit == "781"


def test_refus(comptable, directrice, suivant, horloge):
    avant = EtatInventaire.objects.count()
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        revoir(directrice, suivant, [(1, "0")])
    with pytest.raises(DonneeInvalide, match="Aucune provision ne change de montant"):
        revoir(comptable, suivant, [(1, "1500")])
    with pytest.raises(DonneeInvalide, match="La provision n° 9 n'est pas à revoir"):
        revoir(comptable, suivant, [(9, "0")])
    with pytest.raises(DonneeInvalide, match="méthode d'évaluation"):
        revoir(comptable, suivant, [(1, "0")], explication=" ")
    assert EtatInventaire.objects.count() == avant
    etat = revoir(comptable, suivant, [(1, "0")])
    with pytest.raises(TransitionInterdite, match=f"déjà été revues.*{etat.reference}"):
        revoir(comptable, suivant, [(2, "0")])


def test_refusee_hors_periode_complementaire_et_sans_rien_a_revoir(
    comptable, exercice, suivant, horloge
):
    n2 = Exercice.objects.get(annee=suivant.annee + 1)
    with pytest.raises(ExerciceInvalide, match="pendant sa période complémentaire"):
        revoir(comptable, n2, [(1, "0")])
    # N itself: N−1 does not exist, nothing was carried into it (N is closed too).
    with pytest.raises(ExerciceInvalide):
        revoir(comptable, exercice, [(1, "0")])
    assert r.provisions_a_revoir(exercice) == []


def test_la_base_garde_une_revue_par_exercice_et_des_articles_coherents(comptable, suivant):
    etat = revoir(comptable, suivant, [(1, "0")])
    refus_sql(
        lambda curseur: curseur.execute(
            "INSERT INTO inventaire_etatinventaire (exercice_id, numero, nature, methode, "
            "explication, fondement, total, etabli_par_id, etabli_le, qualite, empreinte) "
            "VALUES (%s, 2, 'revue_provisions', 'individuelle', 'x', '', 1, %s, now(), 'x', 'x')",
            [suivant.pk, comptable.pk],
        ),
        "etat_revue_provisions_unique",
    )
    # An item in the état's own transaction, whose movement is not the difference.
    refus_sql(
        lambda curseur: curseur.execute(
            "INSERT INTO inventaire_articleetat (etat_id, rang, libelle, tiers, compte_debit, "
            "compte_credit, montant, pour_memoire, compte_provision, precedent, nouveau) "
            "VALUES (%s, 9, 'x', '', '491', '781', 10, false, '491', 100, 80)",
            [etat.pk],
        ),
        "article_revue_coherente",
    )


pdf_requis = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler absent")


@pdf_requis
def test_l_etat_de_la_revue_en_pdf(comptable, suivant):
    etat = revoir(comptable, suivant, [(1, "1000.01"), (2, "2350.55"), (3, "0")])
    texte = " ".join(
        subprocess.run(
            ["pdftotext", "-", "-"], input=etat_pdf(etat), capture_output=True, check=True
        )
        .stdout.decode()
        .split()
    )
    assert f"État d'inventaire n° {etat.reference} : revue des provisions" in texte
    assert "D253-17-4, D253-19-3" in texte
    assert "Situation de chaque débiteur au 31/12" in texte
    assert (
        "Cotisations de mai — Boulangerie Morel 491 1 500,00 € 1 000,01 € reprise 491 / 781 499,99 €"
        in texte
    )
    assert (
        "Créances de plus de 2 ans 491 2 000,00 € 2 350,55 € dotation 6817 / 491 350,55 €" in texte
    )
    assert "Prud'hommes, M. Petit 151 3 000,00 € 0,00 € reprise 151 / 781 3 000,00 €" in texte
    assert "3 850,54 €" in texte, texte


def test_la_page_et_l_api(client, comptable, directrice, suivant):
    client.force_login(comptable)
    adresse = reverse("inventaire:revoir", args=[suivant.annee])
    page = client.get(adresse).content.decode()
    assert "Cotisations de mai" in page and 'name="nouveau_1" value="1500,00"' in page
    reponse = client.post(
        adresse,
        {
            "explication": "Situation au 31/12",
            "nouveau_1": "1500,00",
            "nouveau_2": "1800,00",
            "nouveau_3": "3000,00",
            "mot_de_passe": MOT_DE_PASSE,
        },
        follow=True,
    )
    assert "signé ; écriture IN-" in reponse.content.decode()
    etat = EtatInventaire.objects.get(exercice=suivant, nature="revue_provisions")
    assert etat.total == Decimal("200.00")

    api = APIClient()
    api.force_authenticate(directrice)
    url = reverse("api_inventaire_revue_provisions", args=[suivant.annee])
    assert [p["montant"] for p in api.get(url).json()] == ["1500.00", "2000.00", "3000.00"]
    refus = api.post(url, {"explication": "x", "mot_de_passe": MOT_DE_PASSE}, format="json")
    assert refus.status_code == 403
    api.force_authenticate(comptable)
    deja = api.post(
        url,
        {"explication": "x", "mot_de_passe": MOT_DE_PASSE, "revues": [{"rang": 1, "nouveau": "0"}]},
        format="json",
    )
    assert deja.status_code == 409 and "déjà été revues" in deja.json()["message"]
