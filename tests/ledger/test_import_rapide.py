"""The bulk import in two threads (issue 16, point 2): the producer's text and
hashes are those of a single posting, a refusal in any packet stores nothing,
and the import runs under the application's role."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from core.exceptions import DonneeInvalide, EcritureDesequilibree, ExerciceInvalide
from core.models import JournalAudit
from ledger.integrite import verifier_integrite
from ledger.models import Compte, Ecriture, Exercice, Journal, Ligne
from ledger.services import EcritureSaisie, LigneSaisie, ecritures_importer, importation
from ledger.services.ecritures import empreinte_ecriture
from ledger.services.importation_paquets import Preparateur, texte_copie
from tests.ledger.sql_brut import compte_id, connexion_brute

PASSEE_LE = datetime.datetime(2026, 5, 4, 10, 30, 15, 123456, tzinfo=datetime.UTC)
TEXTES = ("", "Loyer", 'guillemet " et \\ barre', "tab\tligne\nretour\r", "é€\u2028😀\x01")


def _preparateur(comptes, piece="lot:1"):
    exercice = Exercice(pk=7, annee=2026)
    journal = Journal(pk=3, code="RE")
    return Preparateur(
        exercice=exercice,
        journal=journal,
        comptes=comptes,
        auteur_id=42,
        passee_le=PASSEE_LE,
        piece=piece,
        numero=10,
        rang=20,
        precedente="a" * 64,
    )


def _lire_copie(champ: str) -> str:
    """What COPY's text format reads from a field (the escapes the producer writes)."""
    return (
        champ.replace("\\\\", "\0")
        .replace("\\t", "\t")
        .replace("\\n", "\n")
        .replace("\\r", "\r")
        .replace("\0", "\\")
    )


def test_le_texte_et_l_empreinte_sont_ceux_d_une_saisie():
    comptes = {
        "4111": Compte(pk=1, numero="4111", imputable=True, classe=4),
        "7511": Compte(pk=2, numero="7511", imputable=True, classe=7),
    }
    saisies = [
        EcritureSaisie(
            date=datetime.date(2026, 1 + rang % 12, 1 + rang % 28),
            libelle=TEXTES[rang % len(TEXTES)] * (1 + rang % 3),
            piece=TEXTES[(rang + 1) % len(TEXTES)],
            contrepasse_id=None if rang % 2 else 900 + rang,
            lignes=[
                # Strings and whole numbers take the checked path, cents the inline one.
                LigneSaisie("4111", debit=Decimal("12.30") if rang % 3 else f"{rang},5"),
                LigneSaisie(
                    "7511",
                    credit=Decimal("12.30") if rang % 3 else Decimal(f"{rang}.50"),
                    tiers=TEXTES[rang % len(TEXTES)],
                    libelle=TEXTES[(rang + 2) % len(TEXTES)],
                ),
            ],
        )
        for rang in range(30)
    ]
    preparateur = _preparateur(comptes)
    ecritures, lignes = preparateur.paquet(saisies, range(500, 530))
    rangees = ecritures.decode().split("\n")[:-1]
    rangees_lignes = lignes.decode().split("\n")[:-1]
    assert len(rangees) == 30 and len(rangees_lignes) == 60
    precedente = "a" * 64
    for rang, (saisie, rangee) in enumerate(zip(saisies, rangees, strict=True)):
        champs = rangee.split("\t")
        piece = saisie.piece or "lot:1"
        attendue = empreinte_ecriture(
            precedente=precedente,
            annee=2026,
            journal="RE",
            numero=11 + rang,
            rang=21 + rang,
            date=saisie.date,
            libelle=saisie.libelle,
            piece=piece,
            passee_par_id=42,
            passee_le=PASSEE_LE,
            contrepasse_id=saisie.contrepasse_id,
            lignes=[
                (
                    lg.compte,
                    Decimal(str(lg.debit).replace(",", ".")),
                    lg.credit,
                    lg.tiers,
                    lg.libelle,
                )
                for lg in saisie.lignes
            ],
        )
        assert champs == [
            str(500 + rang),
            "7",
            "3",
            str(11 + rang),
            str(21 + rang),
            saisie.date.isoformat(),
            texte_copie(saisie.libelle),
            texte_copie(piece),
            "42",
            PASSEE_LE.isoformat(),
            "\\N" if saisie.contrepasse_id is None else str(saisie.contrepasse_id),
            precedente,
            attendue,
        ]
        assert _lire_copie(champs[6]) == saisie.libelle
        premiere, seconde = (
            rangees_lignes[2 * rang].split("\t"),
            rangees_lignes[2 * rang + 1].split("\t"),
        )
        assert premiere[:4] == [str(500 + rang), "7", saisie.date.isoformat(), "1"]
        assert seconde[:4] == [str(500 + rang), "7", saisie.date.isoformat(), "2"]
        assert premiere[5] == "0.00" and seconde[4] == "0.00"
        assert _lire_copie(seconde[6]) == saisie.lignes[1].tiers
        assert _lire_copie(seconde[7]) == saisie.lignes[1].libelle
        precedente = attendue
    assert (preparateur.numero, preparateur.rang, preparateur.precedente) == (40, 50, precedente)


@pytest.mark.parametrize(
    ("lignes", "erreur", "message"),
    [
        (
            [
                LigneSaisie("4111", debit=Decimal("5.00")),
                LigneSaisie("7511", credit=Decimal("4.00")),
            ],
            EcritureDesequilibree,
            "L'écriture n'est pas équilibrée : débits 5,00",
        ),
        (
            [
                LigneSaisie("4111", debit=Decimal("5.001")),
                LigneSaisie("7511", credit=Decimal("5.00")),
            ],
            DonneeInvalide,
            "Ligne 1 : le débit a plus de deux décimales",
        ),
        (
            [
                LigneSaisie("9999", debit=Decimal("5.00")),
                LigneSaisie("7511", credit=Decimal("5.00")),
            ],
            DonneeInvalide,
            "Ligne 1 : le compte 9999 n'existe pas au plan comptable.",
        ),
        (
            [
                LigneSaisie("4111", debit=Decimal("-5.00")),
                LigneSaisie("7511", credit=Decimal("-5.00")),
            ],
            DonneeInvalide,
            "Ligne 1 : le débit ne peut pas être négatif",
        ),
        (
            [LigneSaisie("4111", debit=Decimal("5.00"), credit=Decimal("5.00"))] * 2,
            DonneeInvalide,
            "Ligne 1 : une ligne porte soit un débit, soit un crédit",
        ),
        (
            [LigneSaisie("4111", debit=Decimal("5.00"))],
            EcritureDesequilibree,
            "au moins deux lignes",
        ),
    ],
)
def test_le_producteur_refuse_comme_une_saisie(lignes, erreur, message):
    comptes = {
        "4111": Compte(pk=1, numero="4111", imputable=True, classe=4),
        "7511": Compte(pk=2, numero="7511", imputable=True, classe=7),
    }
    saisie = EcritureSaisie(date=datetime.date(2026, 3, 1), libelle="x", lignes=lignes)
    with pytest.raises(erreur, match=message):
        _preparateur(comptes).paquet([saisie], [1])


def _saisies(nombre: int, annee: int, fausse: int | None = None, lignes_fausses=None):
    for rang in range(nombre):
        montant = Decimal(rang + 1).scaleb(-2) + 1
        lignes = [LigneSaisie("4111", debit=montant), LigneSaisie("7511", credit=montant)]
        yield EcritureSaisie(
            date=datetime.date(annee, 1 + rang % 12, 1 + rang % 28),
            libelle=f"Import {rang + 1}",
            lignes=lignes_fausses if rang == fausse else lignes,
        )


def _etat():
    return Ecriture.objects.count(), Ligne.objects.count(), JournalAudit.objects.count()


@pytest.fixture
def petits_paquets(monkeypatch):
    monkeypatch.setattr(importation, "TAILLE_PAQUET", 4)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lignes_fausses", "erreur", "message"),
    [
        (
            [
                LigneSaisie("4111", debit=Decimal("5.00")),
                LigneSaisie("7511", credit=Decimal("4.00")),
            ],
            EcritureDesequilibree,
            "n.est pas équilibrée : débits 5,00\xa0€, crédits 4,00\xa0€",
        ),
        (
            [LigneSaisie("4111", debit="5"), LigneSaisie("9999", credit="5")],
            DonneeInvalide,
            "le compte 9999 n'existe pas",
        ),
    ],
)
def test_une_ecriture_fausse_du_troisieme_paquet_n_ecrit_rien(
    comptable, exercice, petits_paquets, lignes_fausses, erreur, message
):
    """Packets of 4: the 10th entry is prepared by the producer while the 2nd
    packet is written; its refusal rolls back the packets already copied."""
    avant = _etat()
    with pytest.raises(erreur, match=message):
        ecritures_importer(
            acting_user=comptable,
            exercice=exercice,
            journal="RE",
            ecritures=_saisies(15, exercice.annee, fausse=9, lignes_fausses=lignes_fausses),
        )
    assert _etat() == avant


@pytest.mark.django_db
def test_une_date_hors_exercice_au_dernier_paquet_n_ecrit_rien(comptable, exercice, petits_paquets):
    def saisies():
        yield from _saisies(9, exercice.annee)
        yield EcritureSaisie(
            date=datetime.date(exercice.annee + 1, 1, 2),
            libelle="Trop tard",
            lignes=[LigneSaisie("4111", debit="1"), LigneSaisie("7511", credit="1")],
        )

    avant = _etat()
    with pytest.raises(ExerciceInvalide, match=f"hors de l'exercice {exercice.annee}"):
        ecritures_importer(
            acting_user=comptable, exercice=exercice, journal="RE", ecritures=saisies()
        )
    assert _etat() == avant


@pytest.mark.django_db
def test_l_appelant_lit_ses_saisies_dans_son_propre_fil(comptable, exercice, petits_paquets):
    """The caller's iterable runs in the caller's thread, on its connection."""
    import threading

    fils = set()

    def saisies():
        for saisie in _saisies(10, exercice.annee):
            fils.add(threading.get_ident())
            yield saisie

    ecritures_importer(acting_user=comptable, exercice=exercice, journal="RE", ecritures=saisies())
    assert fils == {threading.get_ident()}


@pytest.mark.django_db
def test_sous_le_role_applicatif_l_import_numerote_chaine_et_cumule(
    comptable, exercice, petits_paquets
):
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        importees = ecritures_importer(
            acting_user=comptable,
            exercice=exercice,
            journal="RE",
            piece="reprise",
            ecritures=_saisies(11, exercice.annee),
        )
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    assert importees == 11
    ecritures = list(Ecriture.objects.filter(journal__code="RE").order_by("rang"))
    assert [e.numero for e in ecritures] == list(range(1, 12))
    assert all(
        suivante.empreinte_precedente == ecriture.empreinte
        for ecriture, suivante in zip(ecritures, ecritures[1:], strict=False)
    )
    attendu = sum(Decimal(rang + 1).scaleb(-2) + 1 for rang in range(11))
    with connection.cursor() as cur:
        cur.execute(
            "SELECT sum(cu.debit) FROM ledger_cumul cu JOIN ledger_compte c ON c.id = cu.compte_id"
            " WHERE c.numero = '4111' AND cu.exercice_id = %s",
            [exercice.pk],
        )
        assert cur.fetchone()[0] == attendu
    # The hashes are recomputed from the stored rows, the totals from the lines.
    assert verifier_integrite(annee=exercice.annee).anomalies == []


def _plusieurs(cur, exercice, comptable, jour, *, trou=0, rompre=None, forme=None):
    """One INSERT of four entries in two journals (OD, RE), chained in rank
    order across them, then one INSERT of their eight lines."""
    cur.execute("SELECT id, code FROM ledger_journal WHERE code IN ('OD', 'RE')")
    journaux = dict((code, ident) for ident, code in cur.fetchall())
    tete = "0" * 64
    valeurs, precedente = [], tete
    for rang, (code, numero) in enumerate((("OD", 1), ("RE", 1), ("OD", 2), ("RE", 2 + trou)), 1):
        empreinte = forme if (forme and rang == 3) else f"{rang:064x}"
        valeurs.append(
            (
                exercice.pk,
                journaux[code],
                numero,
                rang,
                jour,
                comptable.pk,
                "f" * 64 if rang == rompre else precedente,
                empreinte,
            )
        )
        precedente = empreinte
    cur.execute(
        "INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle, piece,"
        " passee_par_id, passee_le, empreinte_precedente, empreinte) SELECT v.e, v.j, v.n, v.r,"
        " v.d, 'sql', '', v.u, now(), v.p, v.h FROM unnest(%s::bigint[], %s::bigint[],"
        " %s::int[], %s::bigint[], %s::date[], %s::int[], %s::text[], %s::text[])"
        " AS v(e, j, n, r, d, u, p, h) RETURNING id",
        [list(colonne) for colonne in zip(*valeurs, strict=True)],
    )
    ids = [ligne[0] for ligne in cur.fetchall()]
    debit, credit = compte_id(cur, "4111"), compte_id(cur, "7511")
    lignes = [(i, exercice.pk, jour, debit, "3.00", "0") for i in ids]
    lignes += [(i, exercice.pk, jour, credit, "0", "3.00") for i in ids]
    cur.executemany(
        "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
        " VALUES (%s, %s, %s, %s, %s, %s)",
        lignes,
    )


@pytest.mark.django_db(transaction=True)
def test_un_insert_de_plusieurs_journaux_est_verifie_en_une_passe(exercice, comptable, jour):
    with connexion_brute() as conn, conn.cursor() as cur:
        _plusieurs(cur, exercice, comptable, jour)
        conn.commit()
        cur.execute(
            "SELECT j.code, c.dernier_numero FROM ledger_compteur c"
            " JOIN ledger_journal j ON j.id = c.journal_id"
            " WHERE c.exercice_id = %s AND c.dernier_numero > 0",
            [exercice.pk],
        )
        assert dict(cur.fetchall()) == {"OD": 2, "RE": 2}
        cur.execute(
            "SELECT dernier_rang, derniere_empreinte FROM ledger_chaine WHERE exercice_id = %s",
            [exercice.pk],
        )
        assert cur.fetchone() == (4, f"{4:064x}")
        cur.execute(
            "SELECT sum(debit), sum(credit) FROM ledger_cumul WHERE exercice_id = %s",
            [exercice.pk],
        )
        assert cur.fetchone() == (Decimal("12.00"), Decimal("12.00"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"trou": 1}, "doit porter le numéro 1 \\(reçu 1 à 3\\)"),
        ({"rompre": 3}, "ne reprend pas l'empreinte de la précédente"),
        ({"rompre": 1}, "ne reprend pas l'empreinte de la précédente"),
        ({"forme": "G" * 64}, "ne reprend pas l'empreinte de la précédente"),
    ],
)
def test_un_insert_de_plusieurs_journaux_refuse_trou_et_chaine_rompue(
    exercice, comptable, jour, options, message
):
    import psycopg

    with (
        connexion_brute() as conn,
        conn.cursor() as cur,
        pytest.raises(psycopg.Error, match=message),
    ):
        _plusieurs(cur, exercice, comptable, jour, **options)
    assert Ecriture.objects.count() == 0


def test_les_paquets_commencent_petits_et_doublent(monkeypatch):
    """The server waits for the first packet only: it is short; the next ones double."""
    monkeypatch.setattr(importation, "PREMIER_PAQUET", 3)
    monkeypatch.setattr(importation, "TAILLE_PAQUET", 10)
    assert [len(paquet) for paquet in importation._paquets(iter(range(40)))] == [
        3,
        6,
        10,
        10,
        10,
        1,
    ]
