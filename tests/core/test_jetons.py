"""The one-time token of the pages' act forms (core.jetons): a form sent twice
records its act once, a refused act leaves the form usable, a missing, forged,
lent or stale token is refused; PostgreSQL keeps a consumed token consumed.

These tests post with Django's plain `Client`, which adds no token (the
suite's `client` fixture adds a fresh one to every POST that has none)."""

import datetime
import re
import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from core import horloge as horloge_caisse
from core import jetons
from core.exceptions import FormulaireDejaEnvoye
from core.models import JetonConsomme
from ledger.models import Ecriture
from personnes.models import Fonction
from recettes.models import OrdreRecette
from tests.factories import MOT_DE_PASSE, personne
from tests.recettes.test_services import creer
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

DEJA = "Ce formulaire a déjà été envoyé : l&#x27;acte n&#x27;a pas été enregistré une seconde fois."


def connecte(utilisateur) -> Client:
    client = Client()
    client.force_login(utilisateur)
    return client


def jeton_de(page: str) -> str:
    """The token the rendered form carries."""
    trouve = re.search(rf'name="{jetons.CHAMP}" value="([^"]+)"', page)
    assert trouve, "le formulaire ne porte pas de jeton"
    return trouve.group(1)


def saisie(exercice, jeton=None, credit="120") -> dict:
    donnees = {
        "journal": "OD",
        "date": f"{exercice.annee}-05-02",
        "libelle": "Fournitures de bureau",
        "compte_1": "6064",
        "debit_1": "120",
        "compte_2": "401",
        "credit_2": credit,
    }
    if jeton is not None:
        donnees[jetons.CHAMP] = jeton
    return donnees


# --- Through a page_formulaire (the ledger's entry) ----------------------------------------


def test_une_ecriture_envoyee_deux_fois_n_est_passee_qu_une_fois(comptable, exercice):
    client = connecte(comptable)
    jeton = jeton_de(client.get(reverse("ledger:saisie")).content.decode())

    premiere = client.post(reverse("ledger:saisie"), saisie(exercice, jeton))
    ecriture = Ecriture.objects.get()
    assert premiere.status_code == 302
    assert premiere["Location"] == reverse("ledger:ecriture", args=[ecriture.pk])

    # Back, and the same form sent again: refused, back to the entry recorded.
    seconde = client.post(reverse("ledger:saisie"), saisie(exercice, jeton), follow=True)
    assert seconde.redirect_chain == [(reverse("ledger:ecriture", args=[ecriture.pk]), 302)]
    assert DEJA in seconde.content.decode()
    assert Ecriture.objects.count() == 1
    consomme = JetonConsomme.objects.get()
    assert (consomme.utilisateur, consomme.chemin, consomme.vers) == (
        comptable,
        reverse("ledger:saisie"),
        reverse("ledger:ecriture", args=[ecriture.pk]),
    )


def test_une_ecriture_refusee_laisse_le_formulaire_utilisable(comptable, exercice):
    client = connecte(comptable)
    jeton = jetons.emettre(comptable)

    refusee = client.post(reverse("ledger:saisie"), saisie(exercice, jeton, credit="119"))
    assert refusee.status_code == 400
    assert "n&#x27;est pas équilibrée" in refusee.content.decode()
    assert Ecriture.objects.count() == 0 and not JetonConsomme.objects.exists()

    corrigee = client.post(reverse("ledger:saisie"), saisie(exercice, jeton))
    assert corrigee.status_code == 302
    assert Ecriture.objects.count() == 1 and JetonConsomme.objects.count() == 1


@pytest.mark.parametrize(
    ("jeton", "message"),
    [
        (None, "Ce formulaire ne porte pas de jeton d&#x27;envoi"),
        ("", "Ce formulaire ne porte pas de jeton d&#x27;envoi"),
        ("abc:def", "Le jeton d&#x27;envoi de ce formulaire n&#x27;est pas valide"),
        ("forge", "Le jeton d&#x27;envoi de ce formulaire n&#x27;est pas valide"),
        ("autrui", "Ce formulaire a été ouvert par une autre personne"),
    ],
)
def test_un_jeton_absent_ou_forge_est_refuse_et_rien_n_est_passe(
    comptable, exercice, jeton, message
):
    """Missing, empty, not a token, altered, issued to someone else."""
    if jeton == "forge":
        # A real token with its nonce changed: its signature no longer matches.
        vrai = jetons.emettre(comptable)
        jeton = vrai[:5] + ("A" if vrai[5] != "A" else "B") + vrai[6:]
    elif jeton == "autrui":
        jeton = jetons.emettre(personne("fonde", Fonction.FONDE_DE_POUVOIR))
    client = connecte(comptable)

    reponse = client.post(reverse("ledger:saisie"), saisie(exercice, jeton))

    assert reponse.status_code == 400
    assert message in reponse.content.decode()
    assert "Rien n&#x27;a été enregistré." in reponse.content.decode()
    assert Ecriture.objects.count() == 0 and not JetonConsomme.objects.exists()
    # The form shown again carries a fresh token, which is accepted.
    nouveau = jeton_de(reponse.content.decode())
    assert client.post(reverse("ledger:saisie"), saisie(exercice, nouveau)).status_code == 302
    assert Ecriture.objects.count() == 1


def test_un_formulaire_ouvert_depuis_plus_de_douze_heures_est_refuse(comptable, exercice, horloge):
    client = connecte(comptable)
    jeton = jetons.emettre(comptable)
    horloge(horloge_caisse.maintenant() + datetime.timedelta(hours=12, minutes=1))

    reponse = client.post(reverse("ledger:saisie"), saisie(exercice, jeton))

    assert reponse.status_code == 400
    assert "Ce formulaire a été ouvert il y a plus de 12 heures" in reponse.content.decode()
    assert Ecriture.objects.count() == 0 and not JetonConsomme.objects.exists()


# --- Through a page_acte (a one-button act: the reversal) ----------------------------------


def test_une_contrepassation_renvoyee_ne_contrepasse_pas_deux_fois(comptable, exercice):
    client = connecte(comptable)
    client.post(reverse("ledger:saisie"), saisie(exercice, jetons.emettre(comptable)))
    cible = Ecriture.objects.get()
    page = client.get(reverse("ledger:ecriture", args=[cible.pk])).content.decode()
    jeton = jeton_de(page)
    adresse = reverse("ledger:ecriture_contrepasser", args=[cible.pk])

    premiere = client.post(adresse, {jetons.CHAMP: jeton})
    inverse = Ecriture.objects.get(contrepasse=cible)
    assert premiere["Location"] == reverse("ledger:ecriture", args=[inverse.pk])

    seconde = client.post(adresse, {jetons.CHAMP: jeton}, follow=True)
    assert seconde.redirect_chain == [(reverse("ledger:ecriture", args=[inverse.pk]), 302)]
    assert DEJA in seconde.content.decode()
    assert Ecriture.objects.count() == 2


def test_une_contrepassation_sans_jeton_est_refusee(comptable, exercice):
    client = connecte(comptable)
    client.post(reverse("ledger:saisie"), saisie(exercice, jetons.emettre(comptable)))
    cible = Ecriture.objects.get()

    reponse = client.post(reverse("ledger:ecriture_contrepasser", args=[cible.pk]), follow=True)

    assert "Ce formulaire ne porte pas de jeton d&#x27;envoi" in reponse.content.decode()
    assert not Ecriture.objects.filter(contrepasse=cible).exists()


# --- The parapheur (its own page, through core.jetons.une_fois) ---------------------------


def test_le_parapheur_renvoye_ne_signe_pas_deux_fois_et_un_mot_de_passe_faux_se_corrige(
    directrice, exercice
):
    ordre = creer(directrice)
    client = connecte(directrice)
    jeton = jeton_de(client.get(reverse("recettes:parapheur")).content.decode())
    envoi = {"ordres": [ordre.pk], jetons.CHAMP: jeton}

    faux = client.post(reverse("recettes:parapheur"), {**envoi, "mot_de_passe": "faux"})
    assert faux["Location"] == reverse("recettes:parapheur")
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"

    signe = client.post(
        reverse("recettes:parapheur"), {**envoi, "mot_de_passe": MOT_DE_PASSE}, follow=True
    )
    assert f"1 ordre(s) signé(s) : {ordre.reference}." in signe.content.decode()

    renvoye = client.post(
        reverse("recettes:parapheur"), {**envoi, "mot_de_passe": MOT_DE_PASSE}, follow=True
    )
    assert DEJA in renvoye.content.decode()
    ordre = OrdreRecette.objects.get(pk=ordre.pk)
    assert ordre.etat == "signe" and ordre.signatures.count() == 1


# --- The mechanism itself -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_un_jeton_ne_se_consomme_que_dans_la_transaction_d_un_acte(comptable, rf):
    """Consumed outside the act's transaction, the token would stay consumed by an
    act refused: the mechanism refuses to."""
    requete = rf.post("/essai/", {jetons.CHAMP: jetons.emettre(comptable)})
    requete.user = comptable

    with pytest.raises(RuntimeError, match="dans la transaction de l'acte"):
        jetons.consommer(requete)
    assert not JetonConsomme.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_deux_envois_simultanes_du_meme_formulaire_un_seul_passe(comptable, rf):
    """A double click: the second submission waits on the first's nonce until it
    commits, then is refused with the page the first led to; the act ran once."""
    jeton = jetons.emettre(comptable)
    dans_l_acte, fin_de_l_acte = threading.Event(), threading.Event()
    actes, issues = [], {}

    def envoyer(nom, faire):
        requete = rf.post("/essai/", {jetons.CHAMP: jeton})
        requete.user = comptable
        try:
            issues[nom] = jetons.une_fois(requete, faire, vers=lambda r: f"/fait/{r}/")
        except FormulaireDejaEnvoye as refus:
            issues[nom] = refus
        finally:
            connections.close_all()

    def premier_acte():
        actes.append("premier")
        dans_l_acte.set()
        fin_de_l_acte.wait(10)
        return 1

    premier = threading.Thread(target=envoyer, args=("premier", premier_acte))
    second = threading.Thread(target=envoyer, args=("second", lambda: actes.append("second") or 2))
    premier.start()
    assert dans_l_acte.wait(10)
    second.start()
    second.join(0.5)
    assert second.is_alive()  # waiting on the first's nonce
    fin_de_l_acte.set()
    premier.join(10)
    second.join(10)

    assert issues["premier"] == 1 and actes == ["premier"]
    assert isinstance(issues["second"], FormulaireDejaEnvoye)
    assert issues["second"].vers == "/fait/1/"
    assert issues["second"].message == (
        "Ce formulaire a déjà été envoyé : l'acte n'a pas été enregistré une seconde fois."
    )
    assert JetonConsomme.objects.count() == 1


# --- PostgreSQL keeps a consumed token consumed --------------------------------------------


def test_postgresql_refuse_un_jeton_consomme_deux_fois_modifie_ou_efface(comptable):
    JetonConsomme.objects.create(
        nonce="n-1", utilisateur=comptable, chemin="/essai/", vers="/fait/"
    )

    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO core_jetonconsomme (nonce, utilisateur_id, chemin, vers, le)"
            " VALUES ('n-1', %s, '/essai/', '', now())",
            [comptable.pk],
        ),
        "jeton_une_seule_fois",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM core_jetonconsomme"),
        "Un jeton de formulaire consommé ne se supprime pas",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE core_jetonconsomme SET nonce = 'n-2'"),
        "Un jeton de formulaire consommé ne se modifie pas",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE core_jetonconsomme SET vers = '/ailleurs/'"),
        "Un jeton de formulaire consommé ne se modifie pas",
    )
    assert JetonConsomme.objects.get().vers == "/fait/"


# --- The page reloaded behind the back button: a fresh token, the same data -----------------


def test_les_memes_donnees_avec_un_jeton_neuf_ne_passent_pas_une_seconde_ecriture(
    comptable, exercice
):
    client = connecte(comptable)
    client.post(
        reverse("ledger:saisie"),
        saisie(exercice, jeton_de(client.get(reverse("ledger:saisie")).content.decode())),
    )
    ecriture = Ecriture.objects.get()
    # the browser went back, reloaded the form (a fresh token) and filled it in again
    page = client.get(reverse("ledger:saisie")).content.decode()
    assert 'name="second_acte"' not in page
    seconde = client.post(reverse("ledger:saisie"), saisie(exercice, jeton_de(page)), follow=True)
    texte = seconde.content.decode()
    assert "Vous avez envoyé exactement les mêmes données depuis ce formulaire à " in texte
    assert "l&#x27;acte n&#x27;a pas été enregistré une seconde fois" in texte
    assert seconde.redirect_chain[-1][0] == reverse("ledger:ecriture", args=[ecriture.pk])
    assert Ecriture.objects.count() == 1
    # other data go through at once
    client.post(
        reverse("ledger:saisie"),
        saisie(exercice, jeton_de(client.get(reverse("ledger:saisie")).content.decode()), "100")
        | {"debit_1": "100"},
    )
    assert Ecriture.objects.count() == 2


def test_un_second_acte_identique_voulu_se_confirme(comptable, exercice):
    client = connecte(comptable)
    client.post(
        reverse("ledger:saisie"),
        saisie(exercice, jeton_de(client.get(reverse("ledger:saisie")).content.decode())),
    )
    client.post(
        reverse("ledger:saisie"),
        saisie(exercice, jeton_de(client.get(reverse("ledger:saisie")).content.decode())),
    )
    assert Ecriture.objects.count() == 1
    # the other pages' forms do not offer it (the entry recorded, its reversal)
    ecriture = Ecriture.objects.get()
    assert (
        'name="second_acte"'
        not in client.get(reverse("ledger:ecriture", args=[ecriture.pk])).content.decode()
    )
    # the form refused offers to confirm a second act on purpose
    page = client.get(reverse("ledger:saisie")).content.decode()
    assert 'name="second_acte"' in page
    assert "Second acte identique, voulu" in page
    confirme = saisie(exercice, jeton_de(page)) | {"second_acte": "1"}
    assert client.post(reverse("ledger:saisie"), confirme).status_code == 302
    assert Ecriture.objects.count() == 2
    # and the box is gone once the act is recorded
    assert 'name="second_acte"' not in client.get(reverse("ledger:saisie")).content.decode()
