"""The posting function of migration 0017: one round trip, the same hash as Python.

`ledger_passer_ecriture` locks, numbers, hashes in SQL and inserts the entry,
its lines and its audit row. Its hash must be exactly the one
`empreinte_ecriture` computes (the verifier, `ledger.integrite`, recomputes it
in Python); its refusals come in French and leave nothing behind.
"""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.exceptions import DonneeInvalide, ExerciceClos, ExerciceInvalide
from core.models import JournalAudit
from ledger.integrite import verifier_integrite
from ledger.models import Ecriture, Ligne
from ledger.services import EMPREINTE_INITIALE, LigneSaisie, ecriture_passer, empreinte_ecriture
from tests.ledger.sql_brut import inserer_ecriture
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

LIBELLES_PIEGES = [
    "",
    "simple",
    'guillemets " et \\ barre oblique inverse \\" mêlés',
    "retour\nà la ligne\r\net tabulation\tfin",
    "contrôles \x01\x02\x07\x08\x0b\x0c\x1b\x1f et DEL \x7f",
    "séparateurs unicode \u2028 \u2029 et espace insécable \u00a0\u202f",
    "accents éèàçœ, grec αβγ, chinois 会计, arabe محاسبة",
    "emoji 💶🧾 et drapeau 🇫🇷, variation ❤️",
    "x" * 255,
    "é" * 255,
    "</script><!-- & ' ",
    '["forgé",1]',
]
MONTANTS = ["0.10", "0.01", "1.00", "1234567.89", "999999999999.99", "5.50"]
INSTANTS = [
    datetime.datetime(2026, 3, 15, 9, 30, 0, tzinfo=datetime.UTC),
    datetime.datetime(2026, 3, 15, 9, 30, 0, 1, tzinfo=datetime.UTC),
    datetime.datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.UTC),
    datetime.datetime(
        2026, 6, 30, 23, 30, 0, 500000, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    ),
]


def _empreinte_sql(**champs) -> str:
    lignes = champs["lignes"]
    with connection.cursor() as cur:
        cur.execute(
            "SELECT ledger_empreinte_ecriture(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
            " %s::text[], %s::numeric[], %s::numeric[], %s::text[], %s::text[])",
            [
                champs["precedente"],
                champs["annee"],
                champs["journal"],
                champs["numero"],
                champs["rang"],
                champs["date"],
                champs["libelle"],
                champs["piece"],
                champs["passee_par_id"],
                champs["passee_le"],
                champs["contrepasse_id"],
                [ligne[0] for ligne in lignes],
                [ligne[1] for ligne in lignes],
                [ligne[2] for ligne in lignes],
                [ligne[3] for ligne in lignes],
                [ligne[4] for ligne in lignes],
            ],
        )
        return cur.fetchone()[0]


def _champs(libelle="Cotisation", montant="10.00", passee_le=INSTANTS[0], contrepasse_id=None):
    m = Decimal(montant)
    return {
        "precedente": "ab" * 32,
        "annee": 2026,
        "journal": "RE",
        "numero": 41,
        "rang": 1234,
        "date": datetime.date(2026, 3, 15),
        "libelle": libelle,
        "piece": f"pièce {libelle[:20]}",
        "passee_par_id": 7,
        "passee_le": passee_le,
        "contrepasse_id": contrepasse_id,
        "lignes": [
            ("4111", m, Decimal("0.00"), libelle[:120], libelle),
            ("7511", Decimal("0.00"), m, "", f"ligne {libelle[:40]}"),
        ],
    }


@pytest.mark.parametrize("libelle", LIBELLES_PIEGES)
def test_empreinte_sql_egale_empreinte_python_sur_les_libelles_pieges(libelle):
    champs = _champs(libelle=libelle)
    assert _empreinte_sql(**champs) == empreinte_ecriture(**champs)


@pytest.mark.parametrize("montant", MONTANTS)
@pytest.mark.parametrize("passee_le", INSTANTS)
def test_empreinte_sql_egale_empreinte_python_sur_montants_et_instants(montant, passee_le):
    champs = _champs(montant=montant, passee_le=passee_le, contrepasse_id=987654)
    assert _empreinte_sql(**champs) == empreinte_ecriture(**champs)


# Any text PostgreSQL holds: no NUL, no lone surrogate.
TEXTE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(libelle=TEXTE, piece=TEXTE, tiers=TEXTE, microsecondes=st.integers(0, 999_999))
def test_empreinte_sql_egale_empreinte_python_sur_tout_texte(libelle, piece, tiers, microsecondes):
    champs = _champs(libelle=libelle, passee_le=INSTANTS[0].replace(microsecond=microsecondes))
    champs["piece"] = piece
    champs["lignes"][1] = ("7511", Decimal("0.00"), Decimal("10.00"), tiers, piece)
    assert _empreinte_sql(**champs) == empreinte_ecriture(**champs)


def test_une_ecriture_passee_porte_l_empreinte_que_python_recalcule(comptable, exercice, jour):
    """Tricky labels through the service: the verifier (Python) agrees with the hash (SQL)."""
    for n, libelle in enumerate(LIBELLES_PIEGES[1:], start=1):
        ecriture = ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="RE",
            date=jour,
            libelle=libelle,
            piece=libelle[:150],
            lignes=[
                LigneSaisie(
                    "4111", debit=MONTANTS[n % len(MONTANTS)], tiers=libelle, libelle=libelle
                ),
                LigneSaisie("7511", credit=MONTANTS[n % len(MONTANTS)]),
            ],
        )
        assert ecriture.numero == n and ecriture.rang == n
    retour = ecriture_passer(
        acting_user=comptable,
        exercice=exercice.annee,
        journal="RE",
        date=jour,
        libelle="Contre-passation",
        lignes=[LigneSaisie("7511", debit="0.10"), LigneSaisie("4111", credit="0.10")],
        contrepasse=ecriture,
    )
    stockee = Ecriture.objects.get(pk=retour.pk)
    assert (stockee.numero, stockee.empreinte, stockee.empreinte_precedente) == (
        retour.numero,
        retour.empreinte,
        ecriture.empreinte,
    )
    assert retour.exercice_id == exercice.pk and retour.journal.code == "RE"
    rapport = verifier_integrite(annee=exercice.annee)
    assert rapport.intact, rapport.anomalies
    # Lines in the order given, with their entry's exercise and date; the audit row as before.
    lignes = list(
        Ligne.objects.filter(ecriture=ecriture).values_list("compte__numero", "exercice_id", "date")
    )
    assert lignes == [("4111", exercice.pk, jour), ("7511", exercice.pk, jour)]
    audit = JournalAudit.objects.get(acte="ecriture.passee", objet_id=str(retour.pk))
    assert audit.acteur_id == comptable.pk
    assert audit.objet_libelle == f"RE-{retour.numero} du {jour:%d/%m/%Y}"
    assert audit.apres == {
        "journal": "RE",
        "numero": retour.numero,
        "date": jour.isoformat(),
        "montant": "0.10",
        "exercice": exercice.annee,
        "piece": "",
    }


APPEL = (
    "SELECT numero, rang, empreinte_precedente, empreinte FROM ledger_passer_ecriture("
    "%s, 'RE', %s, 'Appel direct', '', %s, now(), NULL, ARRAY['4111', '7511'],"
    " ARRAY[12.34, 0]::numeric[], ARRAY[0, 12.34]::numeric[], ARRAY['', ''], ARRAY['', ''])"
)


def test_sous_caisse_app_la_fonction_numerote_et_chaine_elle_meme(comptable, exercice, jour):
    premiere = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="RE",
        date=jour,
        libelle="Avant",
        lignes=[LigneSaisie("4111", debit="1.00"), LigneSaisie("7511", credit="1.00")],
    )
    with curseur_en_savepoint() as cur:
        cur.execute("SET LOCAL ROLE caisse_app")
        numero, rang, precedente, empreinte = cur.execute(
            APPEL, [exercice.annee, jour, comptable.pk]
        ).fetchone()
    assert (numero, rang, precedente) == (2, 2, premiere.empreinte)
    stockee = Ecriture.objects.get(numero=2, journal__code="RE", exercice=exercice)
    assert stockee.empreinte == empreinte
    assert verifier_integrite(annee=exercice.annee).intact
    # A raw insert that picks its own number or link is still refused.
    refus_sql(
        lambda cur: (
            cur.execute("SET LOCAL ROLE caisse_app"),
            inserer_ecriture(
                cur,
                exercice_id=exercice.pk,
                user_id=comptable.pk,
                date=jour,
                lignes=[("4111", "1.00", "0"), ("7511", "0", "1.00")],
                journal="RE",
                decalage_numero=5,
            ),
        ),
        "Numérotation discontinue",
    )


def _etat():
    return (Ecriture.objects.count(), Ligne.objects.count(), JournalAudit.objects.count())


def test_les_refus_sont_en_francais_et_ne_changent_rien(comptable, exercice, jour):
    lignes = [LigneSaisie("4111", debit="3.00"), LigneSaisie("7511", credit="3.00")]
    avant = _etat()
    hors = datetime.date(exercice.annee + 1, 1, 2)
    with pytest.raises(ExerciceInvalide, match=f"La date {hors:%d/%m/%Y} est hors de l'exercice"):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="RE",
            date=hors,
            libelle="x",
            lignes=lignes,
        )
    with pytest.raises(ExerciceInvalide, match="L'exercice 1999 n'existe pas."):
        ecriture_passer(
            acting_user=comptable,
            exercice=1999,
            journal="RE",
            date=jour,
            libelle="x",
            lignes=lignes,
        )
    with pytest.raises(DonneeInvalide, match="Le journal « ZZ » n'existe pas."):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="ZZ",
            date=jour,
            libelle="x",
            lignes=lignes,
        )
    with pytest.raises(DonneeInvalide, match="le compte 9999 n'existe pas au plan comptable"):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="RE",
            date=jour,
            libelle="x",
            lignes=[LigneSaisie("9999", debit="3.00"), LigneSaisie("7511", credit="3.00")],
        )
    assert _etat() == avant
    # Called directly, the function refuses the unknown account as the service does.
    refus_sql(
        lambda cur: cur.execute(
            APPEL.replace("'4111'", "'9999'"), [exercice.annee, jour, comptable.pk]
        ),
        "Ligne 1 : le compte 9999 n'existe pas au plan comptable.",
    )
    refus_sql(
        lambda cur: cur.execute(
            APPEL.replace("'4111'", "'411'"), [exercice.annee, jour, comptable.pk]
        ),
        "Ligne 1 : le compte 411 est un compte de regroupement",
    )
    # A closed exercise (its state set behind the guards, in this test's transaction only).
    with connection.cursor() as cur:
        cur.execute("SET session_replication_role = replica")
        cur.execute("UPDATE ledger_exercice SET etat = 'clos' WHERE id = %s", [exercice.pk])
        cur.execute("SET session_replication_role = origin")
    with pytest.raises(
        ExerciceClos, match=f"L'exercice {exercice.annee} est clos : aucune écriture"
    ):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="RE",
            date=jour,
            libelle="x",
            lignes=lignes,
        )
    assert _etat() == avant
    assert EMPREINTE_INITIALE == "0" * 64


ECRIVAINS = 8
PAR_ECRIVAIN = 12


@pytest.mark.django_db(transaction=True)
def test_huit_ecrivains_sous_caisse_app_sans_trou_et_chaine_valide(comptable, exercice, jour):
    depart = threading.Barrier(ECRIVAINS)
    erreurs = []

    def ecrivain(indice):
        try:
            with connection.cursor() as cur:
                cur.execute("SET ROLE caisse_app")
            depart.wait()
            for n in range(PAR_ECRIVAIN):
                montant = Decimal(indice * 100 + n + 1).scaleb(-2)
                ecriture_passer(
                    acting_user=comptable,
                    exercice=exercice,
                    journal="RE" if n % 3 else "OD",
                    date=jour + datetime.timedelta(days=n),
                    libelle=f"écrivain {indice} « {n} »\n",
                    lignes=[
                        LigneSaisie("4111", debit=montant),
                        LigneSaisie("7511", credit=montant),
                    ],
                )
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
    total = ECRIVAINS * PAR_ECRIVAIN
    od = ECRIVAINS * len(range(0, PAR_ECRIVAIN, 3))
    for code, nombre in (("RE", total - od), ("OD", od)):
        numeros = sorted(
            Ecriture.objects.filter(journal__code=code).values_list("numero", flat=True)
        )
        assert numeros == list(range(1, nombre + 1))
    assert sorted(Ecriture.objects.values_list("rang", flat=True)) == list(range(1, total + 1))
    assert JournalAudit.objects.filter(acte="ecriture.passee").count() == total
    rapport = verifier_integrite(annee=exercice.annee)
    assert rapport.intact, rapport.anomalies
