"""Recording separated from validation (migration 0023, issue 16 point 1).

An entry is recorded in a queue, checked, balanced and immutable, with no lock
shared with another writer; the sequencer validates the queue in batches:
numbers, ranks and chain links under the exercise's locks, the entries, lines
and audit rows written to the ledger, where every trigger checks them. What
the ledger refuses at validation is rejected with its reason. Nobody writes the
queue, the validations or the rejections but the two functions.
"""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection, connections

from core.exceptions import DonneeInvalide, ExerciceClos, ExerciceInvalide
from core.models import JournalAudit
from core.money import format_euros
from ledger.integrite import verifier_integrite
from ledger.models import Ecriture, Ligne
from ledger.services import (
    LigneSaisie,
    ecriture_contrepasser,
    ecriture_enregistrer,
    ecriture_passer,
    file_attente,
    rejets,
    suivi_enregistrement,
    valider_file,
)
from ledger.services.enregistrement import ecriture_validee
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db


def _lignes(montant: str):
    return [
        LigneSaisie("4111", debit=Decimal(montant)),
        LigneSaisie("7511", credit=Decimal(montant)),
    ]


def _enregistrer(comptable, exercice, jour, montant="12.34", libelle="Cotisation", **autres):
    return ecriture_enregistrer(
        acting_user=comptable,
        exercice=exercice,
        journal=autres.pop("journal", "RE"),
        date=jour,
        libelle=libelle,
        lignes=autres.pop("lignes", None) or _lignes(montant),
        **autres,
    )


def test_une_ecriture_enregistree_attend_puis_est_validee_numerotee_et_chainee(
    comptable, exercice, jour
):
    avant = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="RE",
        date=jour,
        libelle="Passée à l'instant",
        lignes=_lignes("1.00"),
    )
    premiere = _enregistrer(comptable, exercice, jour, "10.00", "Première")
    seconde = _enregistrer(comptable, exercice, jour, "20.50", "Seconde", piece="PJ-2")

    # Recorded: in the queue, in no report, with no number.
    nombre, attente = file_attente(exercice)
    assert nombre == 2
    assert [(e.id, e.libelle, e.montant) for e in attente] == [
        (premiere.id, "Première", Decimal("10.00")),
        (seconde.id, "Seconde", Decimal("20.50")),
    ]
    assert Ecriture.objects.filter(exercice=exercice).count() == 1
    assert ecriture_validee(premiere.id) is None

    assert valider_file(exercice) == (2, 0)

    assert file_attente(exercice)[0] == 0
    une, deux = ecriture_validee(premiere.id), ecriture_validee(seconde.id)
    assert (une.journal.code, une.numero, une.rang) == ("RE", avant.numero + 1, avant.rang + 1)
    assert (deux.numero, deux.rang, deux.piece) == (avant.numero + 2, avant.rang + 2, "PJ-2")
    assert une.empreinte_precedente == avant.empreinte
    assert deux.empreinte_precedente == une.empreinte
    assert [(lg.compte.numero, lg.debit, lg.credit) for lg in deux.lignes.order_by("id")] == [
        ("4111", Decimal("20.50"), Decimal("0.00")),
        ("7511", Decimal("0.00"), Decimal("20.50")),
    ]
    assert deux.passee_par == comptable
    audit = JournalAudit.objects.get(acte="ecriture.passee", objet_id=str(deux.pk))
    assert audit.acteur == comptable
    assert audit.apres["numero"] == deux.numero
    assert audit.apres["montant"] == "20.50"
    assert audit.apres["enregistrement"] == seconde.id
    # The verifier recomputes every hash in Python: the sequencer's are the same.
    rapport = verifier_integrite(annee=exercice.annee)
    assert rapport.intact, rapport.anomalies
    # Numbers continue after the validated ones for an entry posted at once.
    apres = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="RE",
        date=jour,
        libelle="Après",
        lignes=_lignes("3.00"),
    )
    assert (apres.numero, apres.empreinte_precedente) == (deux.numero + 1, deux.empreinte)
    assert valider_file(exercice) == (0, 0)


def test_les_refus_a_l_enregistrement_sont_en_francais_et_n_enregistrent_rien(
    comptable, directrice, exercice, jour
):
    cas = [
        (dict(montant="1.234"), DonneeInvalide, "plus de deux décimales (1.234)"),
        (
            dict(
                lignes=[
                    LigneSaisie("4111", debit=Decimal("5")),
                    LigneSaisie("7511", credit=Decimal("4")),
                ]
            ),
            Exception,
            "équilibr",
        ),
        (
            dict(
                lignes=[
                    LigneSaisie("9999", debit=Decimal("5")),
                    LigneSaisie("7511", credit=Decimal("5")),
                ]
            ),
            DonneeInvalide,
            "9999",
        ),
        (dict(libelle="  "), DonneeInvalide, "libellé"),
        (dict(journal="ZZ"), DonneeInvalide, "ZZ"),
    ]
    for autres, classe, morceau in cas:
        with pytest.raises(classe) as refus:
            _enregistrer(comptable, exercice, jour, **autres)
        assert morceau in str(refus.value), (autres, str(refus.value))
    with pytest.raises(ExerciceInvalide, match="hors de l'exercice"):
        _enregistrer(comptable, exercice, datetime.date(exercice.annee + 1, 1, 2))
    with pytest.raises(Exception, match="agent comptable"):
        _enregistrer(directrice, exercice, jour)
    assert file_attente()[0] == 0


def test_sous_caisse_app_la_fonction_refuse_ce_que_le_service_refuse(comptable, exercice, jour):
    appel = (
        "SELECT ledger_enregistrer_ecriture(%s, 'RE', %s, 'x', '', %s, now(), NULL,"
        " ARRAY['4111','7511'], %s::numeric[], %s::numeric[], ARRAY['',''], ARRAY['',''])"
    )
    refus = [
        (["10.00", "0"], ["0", "9.99"], "LG088", "pas équilibrée"),
        (["10.001", "0"], ["0", "10.001"], "LG089", "euros et centimes"),
        (["-5", "0"], ["0", "-5"], "LG089", "positif"),
        (["5", "0"], ["5", "5"], "LG089", "soit un débit, soit un crédit"),
    ]
    for debits, credits, code, morceau in refus:
        erreur = refus_sql(
            lambda cur, d=debits, c=credits: (
                cur.execute("SET ROLE caisse_app"),
                cur.execute(appel, [exercice.annee, jour, comptable.pk, d, c]),
            ),
            morceau,
        )
        assert erreur.sqlstate == code
    with curseur_en_savepoint() as cur:
        cur.execute("SET ROLE caisse_app")
        cur.execute(appel, [exercice.annee, jour, comptable.pk, ["7.00", "0"], ["0", "7.00"]])
        (identifiant,) = cur.fetchone()
        cur.execute("RESET ROLE")
    assert identifiant > 0
    assert file_attente(exercice)[0] == 1


@pytest.mark.parametrize(
    "instruction, morceau",
    [
        (
            "INSERT INTO ledger_enregistrement (exercice_id, journal_id, date, libelle, piece,"
            " passee_par_id, passee_le, compte_ids, debits, credits, tiers, libelles,"
            " contenu_suite, montant) SELECT exercice_id, journal_id, date, libelle, piece,"
            " passee_par_id, passee_le, compte_ids, debits, credits, tiers, libelles,"
            " contenu_suite, montant FROM ledger_enregistrement",
            "permission denied",
        ),
        ("UPDATE ledger_enregistrement SET debits = ARRAY[1, 0]", "permission denied"),
        ("DELETE FROM ledger_enregistrement", "permission denied"),
        (
            "INSERT INTO ledger_validation (enregistrement_id, ecriture_id, exercice_id,"
            " enregistree_le) SELECT id, 1, exercice_id, now() FROM ledger_enregistrement",
            "permission denied",
        ),
        (
            "INSERT INTO ledger_rejet SELECT id, exercice_id, journal_id, date, libelle, piece,"
            " passee_par_id, passee_le, NULL, compte_ids, debits, credits, tiers, libelles,"
            " montant, enregistree_le, 'X', 'x' FROM ledger_enregistrement",
            "permission denied",
        ),
        ("SELECT ledger_valider_paquet(1, ARRAY[1::bigint])", "permission denied"),
    ],
)
def test_le_role_applicatif_n_ecrit_la_file_que_par_la_fonction(
    comptable, exercice, jour, instruction, morceau
):
    _enregistrer(comptable, exercice, jour)
    refus_sql(lambda cur: (cur.execute("SET ROLE caisse_app"), cur.execute(instruction)), morceau)
    assert file_attente(exercice)[0] == 1


def test_meme_le_proprietaire_ne_modifie_ni_ne_retire_une_ecriture_enregistree(
    comptable, exercice, jour
):
    enregistrement = _enregistrer(comptable, exercice, jour)
    refus_sql(
        lambda cur: cur.execute("UPDATE ledger_enregistrement SET debits = ARRAY[1, 0]"),
        "ne se modifie pas",
    )
    erreur = refus_sql(
        lambda cur: cur.execute("DELETE FROM ledger_enregistrement"),
        f"L'écriture enregistrée n° {enregistrement.id} ne quitte la file qu'avec sa validation",
    )
    assert erreur.sqlstate == "LG090"
    valider_file(exercice)
    for table in ("ledger_validation", "ledger_rejet"):
        refus_sql(lambda cur, t=table: cur.execute(f"DELETE FROM {t}"), "ni modifi")


def test_une_contrepassation_enregistree_deja_faite_est_rejetee_avec_son_motif(
    comptable, exercice, jour
):
    origine = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="À annuler",
        lignes=_lignes("8.00"),
    )
    bonne = _enregistrer(comptable, exercice, jour, "4.00", "Valide")
    enregistree = _enregistrer(
        comptable,
        exercice,
        jour,
        libelle="Contrepassation enregistrée",
        journal="OD",
        lignes=[
            LigneSaisie("7511", debit=Decimal("8.00")),
            LigneSaisie("4111", credit=Decimal("8.00")),
        ],
        contrepasse=origine,
    )
    ecriture_contrepasser(acting_user=comptable, ecriture=origine)

    # The batch fails on the second reversal: validated again one by one, the
    # good entry passes and the other is rejected with the ledger's message.
    assert valider_file(exercice) == (1, 1)
    assert ecriture_validee(bonne.id).libelle == "Valide"
    assert ecriture_validee(enregistree.id) is None
    nombre, derniers = rejets(exercice)
    assert nombre == 1
    assert derniers[0].id == enregistree.id
    assert derniers[0].montant == Decimal("8.00")
    assert "contrepass" in derniers[0].motif
    suivi = suivi_enregistrement(enregistree.id)
    assert (suivi.etat, suivi.ecriture, suivi.motif) == ("rejetée", None, derniers[0].motif)
    assert suivi_enregistrement(bonne.id).ecriture.libelle == "Valide"
    assert JournalAudit.objects.filter(
        acte="ecriture.rejetee", objet_id=str(enregistree.id)
    ).exists()
    assert file_attente(exercice)[0] == 0
    rapport = verifier_integrite(annee=exercice.annee)
    assert rapport.intact, rapport.anomalies


def test_la_cloture_valide_d_abord_la_file(comptable, exercice, jour):
    """What waits in the queue is in the books before they are read whole."""
    from ledger.services.ecritures import attendre_ecritures_en_cours

    enregistrement = _enregistrer(comptable, exercice, jour, "9.99")
    attendre_ecritures_en_cours(exercice)
    assert file_attente(exercice)[0] == 0
    assert ecriture_validee(enregistrement.id).lignes.filter(debit=Decimal("9.99")).exists()


def test_un_exercice_clos_refuse_l_enregistrement(comptable, exercice, jour):
    from ledger.models import Exercice

    for etat in (Exercice.Etat.COMPLEMENTAIRE, Exercice.Etat.CLOS):
        Exercice.objects.filter(pk=exercice.pk).update(etat=etat)
    with pytest.raises(ExerciceClos, match="clos"):
        _enregistrer(comptable, exercice, jour)
    assert file_attente()[0] == 0


def test_le_sequenceur_en_commande_vide_la_file(comptable, exercice, jour, capsys):
    for n in range(3):
        _enregistrer(comptable, exercice, jour, f"{n + 1}.00")
    call_command("sequenceur", "--une-fois")
    assert "3 écriture(s) validée(s), 0 rejetée(s)." in capsys.readouterr().out
    assert file_attente()[0] == 0
    assert Ligne.objects.filter(ecriture__exercice=exercice).count() == 6


ECRIVAINS = 6
PAR_ECRIVAIN = 15


@pytest.mark.django_db(transaction=True)
def test_des_ecrivains_concurrents_et_le_sequenceur_sans_trou_ni_double(comptable, exercice, jour):
    """Writers record under caisse_app while a sequencer validates, and a
    writer posts at once now and then: every recorded entry is validated once,
    the numbers have no gap, the chain verifies."""
    depart = threading.Barrier(ECRIVAINS + 1)
    fini = threading.Event()
    erreurs = []
    identifiants = []

    def ecrivain(indice):
        try:
            with connection.cursor() as cur:
                cur.execute("SET ROLE caisse_app")
            depart.wait()
            for n in range(PAR_ECRIVAIN):
                montant = str(Decimal(indice * 100 + n + 1).scaleb(-2))
                if n % 5 == 4:
                    ecriture_passer(
                        acting_user=comptable,
                        exercice=exercice,
                        journal="RE",
                        date=jour,
                        libelle=f"immédiate {indice}-{n}",
                        lignes=_lignes(montant),
                    )
                else:
                    identifiants.append(
                        _enregistrer(comptable, exercice, jour, montant, f"{indice}-{n}").id
                    )
        except Exception as exc:  # noqa: BLE001 - reported below
            erreurs.append(exc)
        finally:
            connections.close_all()

    def sequenceur():
        try:
            with connection.cursor() as cur:
                cur.execute("SET ROLE caisse_app")
            depart.wait()
            while True:
                validees, rejetees = valider_file(exercice, 7)
                assert rejetees == 0
                if validees == 0 and fini.is_set():
                    break
        except Exception as exc:  # noqa: BLE001 - reported below
            erreurs.append(exc)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=ecrivain, args=(i,)) for i in range(ECRIVAINS)]
    seq = threading.Thread(target=sequenceur)
    seq.start()
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    fini.set()
    seq.join()

    assert erreurs == []
    total = ECRIVAINS * PAR_ECRIVAIN
    assert file_attente()[0] == 0
    numeros = sorted(Ecriture.objects.filter(journal__code="RE").values_list("numero", flat=True))
    assert numeros == list(range(1, total + 1))
    with connection.cursor() as cur:
        cur.execute(
            "SELECT count(*), count(DISTINCT ecriture_id) FROM ledger_validation"
            " WHERE enregistrement_id = ANY(%s)",
            [identifiants],
        )
        assert cur.fetchone() == (len(identifiants), len(identifiants))
    assert len(identifiants) == total - ECRIVAINS * (PAR_ECRIVAIN // 5)
    assert JournalAudit.objects.filter(acte="ecriture.passee").count() == total
    rapport = verifier_integrite(annee=exercice.annee)
    assert rapport.intact, rapport.anomalies


def test_par_l_api_l_ecriture_est_enregistree_puis_visible_une_fois_validee(
    comptable, auditeur, exercice, jour
):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(comptable)
    corps = {
        "exercice": exercice.annee,
        "journal": "OD",
        "date": jour.isoformat(),
        "libelle": "Frais de tenue de compte",
        "lignes": [
            {"compte": "627", "debit": "12.30"},
            {"compte": "5122", "credit": "12.30"},
        ],
    }
    reponse = api.post("/api/ecritures/enregistrer/", corps, format="json")
    assert reponse.status_code == 202, reponse.json()
    recu = reponse.json()
    assert recu["etat"] == "en attente de validation"
    assert recu["montant"] == "12.30"
    # Refused as a posting is refused, nothing recorded.
    faux = {
        **corps,
        "lignes": [{"compte": "627", "debit": "12.30"}, {"compte": "5122", "credit": "12.31"}],
    }
    refus = api.post("/api/ecritures/enregistrer/", faux, format="json")
    assert refus.status_code == 400
    assert "pas équilibrée" in refus.json()["message"]
    trop_fin = {**corps, "lignes": [{**corps["lignes"][0], "debit": "12.305"}, corps["lignes"][1]]}
    refus = api.post("/api/ecritures/enregistrer/", trop_fin, format="json").json()
    assert refus["message"].startswith("Champ « lignes », élément 1, « debit » : ")
    assert "deux décimales" in refus["message"]

    api.force_authenticate(auditeur)
    assert api.post("/api/ecritures/enregistrer/", corps, format="json").status_code == 403
    file = api.get("/api/file-validation/").json()
    assert file["en_attente"] == 1
    assert file["premiers_en_attente"][0]["enregistrement"] == recu["enregistrement"]
    assert api.get("/api/balance/", {"exercice": exercice.annee}).json()["lignes"] == []

    suivi = f"/api/ecritures/enregistrements/{recu['enregistrement']}/"
    attente = api.get(suivi).json()
    assert (attente["etat"], attente["ecriture"], attente["motif"]) == (
        "en attente de validation",
        None,
        "",
    )
    valider_file()
    assert api.get("/api/file-validation/").json()["en_attente"] == 0
    validee = api.get(suivi).json()
    assert validee["etat"] == "validée"
    assert (validee["ecriture"]["journal"], validee["ecriture"]["numero"]) == ("OD", 1)
    inconnu = api.get(f"/api/ecritures/enregistrements/{recu['enregistrement'] + 999}/")
    assert inconnu.status_code == 404
    assert f"n° {recu['enregistrement'] + 999}" in inconnu.json()["message"]
    balance = api.get("/api/balance/", {"exercice": exercice.annee}).json()
    assert balance["totaux"]["mouvement_debit"] == "12.30"


def test_les_pages_des_livres_disent_ce_qui_attend_et_ce_qui_est_rejete(
    client, comptable, auditeur, exercice, jour
):
    enregistrement = _enregistrer(comptable, exercice, jour, "45.60", "Cotisation en file")
    client.force_login(auditeur)
    for page in (
        "/comptabilite/balance/",
        "/comptabilite/grand-livre/",
        "/comptabilite/ecritures/",
    ):
        texte = client.get(page, {"exercice": exercice.annee}).content.decode()
        assert "En attente de validation : 1 écriture enregistrée." in texte, page
        assert f"n° {enregistrement.id}" in texte
        assert format_euros(Decimal("45.60")) in texte
    valider_file()
    texte = client.get("/comptabilite/balance/", {"exercice": exercice.annee}).content.decode()
    assert "En attente de validation" not in texte
    assert "Rejetée" not in texte


@pytest.mark.django_db(transaction=True)
def test_le_sequenceur_lance_a_cote_du_serveur_valide_puis_s_arrete(
    comptable, exercice, jour, monkeypatch
):
    """`manage.py demarrer` starts it so (lancer_a_cote): a process of its own,
    which validates what is recorded within its interval and stops on SIGTERM."""
    import time
    import urllib.parse

    from ledger.management.commands.sequenceur import arreter, lancer_a_cote

    r = connection.settings_dict
    hote = r["HOST"] or ""
    auth = urllib.parse.quote(r["USER"] or "", safe="")
    if r["PASSWORD"]:
        auth += ":" + urllib.parse.quote(r["PASSWORD"], safe="")
    if hote.startswith("/"):
        url = f"postgresql://{auth}@/{r['NAME']}?host={urllib.parse.quote(hote)}&port={r['PORT']}"
    else:
        url = f"postgresql://{auth}@{hote}:{r['PORT']}/{r['NAME']}"
    monkeypatch.setenv("DATABASE_URL", url)
    identifiants = [_enregistrer(comptable, exercice, jour, f"{n + 1}.00").id for n in range(4)]
    processus = lancer_a_cote()
    try:
        limite = time.monotonic() + 60
        while file_attente()[0] and time.monotonic() < limite:
            time.sleep(0.1)
        assert file_attente()[0] == 0
        assert processus.poll() is None  # it keeps running, waiting for more
        encore = _enregistrer(comptable, exercice, jour, "5.00")
        while ecriture_validee(encore.id) is None and time.monotonic() < limite:
            time.sleep(0.1)
    finally:
        arreter(processus)
    assert processus.returncode == 0
    numeros = [ecriture_validee(i).numero for i in [*identifiants, encore.id]]
    assert numeros == [1, 2, 3, 4, 5]


SPECIAL_ENTREE = (
    "Le compte 5123 est un compte spécial d'encaissement, alimenté par le seul versement des "
    "cotisations (circulaire 93/82 §2.2.0.2) : l'écriture qui le débite ne crédite que des "
    "comptes de cotisants, de cotisations ou de majorations, ou les versements en attente "
    "d'affectation, non le compte 7585 (Récupérations d'indus)."
)
SPECIAL_SORTIE = (
    "Le compte 5123 est un compte spécial d'encaissement : il n'enregistre que des crédits "
    "(versements de cotisations) ; ni paiement ni frais n'y sont imputés, seul son nivellement "
    "vers un autre compte de disponibilités le débite (circulaire 93/82 §2.2.0.2 et §2.2.0.3)."
)


def test_le_compte_special_est_refuse_a_l_enregistrement_dans_les_mots_du_service(
    comptable, exercice, jour
):
    """The recording service no longer reads the accounts (ledger 0026): the
    function refuses what `ecriture_passer` refuses about a compte spécial
    d'encaissement, in the same words, before anything waits in the queue."""
    entree = [LigneSaisie("5123", debit=Decimal("10")), LigneSaisie("7585", credit=Decimal("10"))]
    sortie = [LigneSaisie("6064", debit=Decimal("10")), LigneSaisie("5123", credit=Decimal("10"))]
    for lignes, message, details in (
        (entree, SPECIAL_ENTREE, {"compte": "5123", "contrepartie": "7585"}),
        (sortie, SPECIAL_SORTIE, {}),
    ):
        with pytest.raises(DonneeInvalide) as enregistre:
            _enregistrer(comptable, exercice, jour, lignes=lignes, journal="OD")
        with pytest.raises(DonneeInvalide) as passe:
            ecriture_passer(
                acting_user=comptable,
                exercice=exercice,
                journal="OD",
                date=jour,
                libelle="Cotisation",
                lignes=lignes,
            )
        assert enregistre.value.message == passe.value.message == message
        assert enregistre.value.details == details
    # Its nivellement to the bank is accepted, and an unknown account is still named.
    nivellement = [
        LigneSaisie("5122", debit=Decimal("10")),
        LigneSaisie("5123", credit=Decimal("10")),
    ]
    assert _enregistrer(comptable, exercice, jour, lignes=nivellement, journal="OD").id > 0
    with pytest.raises(DonneeInvalide, match="Ligne 1 : le compte 9999 n'existe pas"):
        _enregistrer(
            comptable,
            exercice,
            jour,
            lignes=[
                LigneSaisie("9999", debit=Decimal("1")),
                LigneSaisie("7511", credit=Decimal("1")),
            ],
        )
    assert file_attente()[0] == 1


def test_sous_caisse_app_la_fonction_refuse_le_compte_special_sans_rien_enregistrer(
    comptable, exercice, jour
):
    appel = (
        "SELECT ledger_enregistrer_ecriture(%s, 'OD', %s, 'x', '', %s, now(), NULL,"
        " %s::text[], %s::numeric[], %s::numeric[], ARRAY['',''], ARRAY['',''])"
    )
    for comptes, code, morceau in (
        (["5123", "7585"], "LG094", "non le compte 7585 (Récupérations d'indus)."),
        (["6064", "5123"], "LG095", "seul son nivellement vers un autre compte"),
    ):
        erreur = refus_sql(
            lambda cur, c=comptes: (
                cur.execute("SET ROLE caisse_app"),
                cur.execute(
                    appel, [exercice.annee, jour, comptable.pk, c, ["10", "0"], ["0", "10"]]
                ),
            ),
            morceau,
        )
        assert erreur.sqlstate == code
    assert file_attente()[0] == 0


def test_les_appels_du_service_sont_prepares_une_fois_par_connexion(comptable, exercice, jour):
    """`core.preparees`: the recording call and the reading of who acts are
    parsed and planned once on the connection, whatever the values and after
    a refusal inside a transaction; they stay in the query log, and Django's
    own statements are left unprepared."""
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    def preparees():
        with connection.cursor() as curseur:
            curseur.execute("SELECT name, statement FROM pg_prepared_statements WHERE NOT from_sql")
            return sorted(curseur.fetchall())

    _enregistrer(comptable, exercice, jour, montant="1.00")
    premieres = preparees()
    assert len(premieres) == 2, premieres
    assert {("ledger_enregistrer_ecriture" in texte) for _, texte in premieres} == {True, False}
    with CaptureQueriesContext(connection) as requetes:
        for montant in ("2.00", "3.00", "123456789.99"):
            _enregistrer(comptable, exercice, jour, montant=montant, piece="P" * 40)
        with transaction.atomic():
            with pytest.raises(DonneeInvalide, match="9999"):
                _enregistrer(
                    comptable,
                    exercice,
                    jour,
                    lignes=[LigneSaisie("9999", debit="5"), LigneSaisie("7511", credit="5")],
                )
            _enregistrer(comptable, exercice, jour, montant="4.00")
    appels = [
        q["sql"] for q in requetes.captured_queries if "ledger_enregistrer_ecriture" in q["sql"]
    ]
    assert len(appels) == 5
    assert preparees() == premieres
    assert connection.connection.prepare_threshold is None
    assert file_attente()[0] == 5
