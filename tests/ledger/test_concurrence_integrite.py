"""Concurrent writers, tampering detection, and an independent recomputation."""

import datetime
import shutil
import subprocess
import threading
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.integrite import verifier_integrite
from ledger.models import Ecriture
from ledger.selectors import balance_generale
from ledger.services import LigneSaisie, ecriture_passer
from tests.ledger.sql_brut import connexion_brute

pytestmark = pytest.mark.django_db(transaction=True)

ECRIVAINS = 8
PAR_ECRIVAIN = 15


class AnnulationVoulue(Exception):
    pass


def test_huit_ecrivains_concurrents_ne_laissent_ni_trou_ni_doublon(comptable, exercice, jour):
    """8 threads post at once, some transactions roll back after taking a
    number: the numbers stay 1..N without gap or duplicate."""
    depart = threading.Barrier(ECRIVAINS)
    erreurs = []

    def ecrivain(indice):
        try:
            depart.wait()
            for n in range(PAR_ECRIVAIN):
                lignes = [
                    LigneSaisie("4111", debit=Decimal(indice + 1)),
                    LigneSaisie("7511", credit=Decimal(indice + 1)),
                ]
                try:
                    with transaction.atomic():
                        ecriture_passer(
                            acting_user=comptable,
                            exercice=exercice,
                            journal="RE",
                            date=jour,
                            libelle=f"écrivain {indice} n°{n}",
                            lignes=lignes,
                        )
                        if n % 5 == 4:
                            raise AnnulationVoulue
                except AnnulationVoulue:
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
    gardees = ECRIVAINS * (PAR_ECRIVAIN - PAR_ECRIVAIN // 5)
    numeros = sorted(Ecriture.objects.filter(journal__code="RE").values_list("numero", flat=True))
    assert numeros == list(range(1, gardees + 1))
    rangs = sorted(Ecriture.objects.values_list("rang", flat=True))
    assert rangs == list(range(1, gardees + 1))
    rapport = verifier_integrite(annee=exercice.annee)
    assert rapport.intact, rapport.anomalies


def test_verifier_integrite_detecte_une_ligne_falsifiee(comptable, exercice, jour):
    for montant in ("10.00", "20.00", "30.00"):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="OD",
            date=jour,
            libelle="Test",
            lignes=[LigneSaisie("531", debit=montant), LigneSaisie("5122", credit=montant)],
        )
    call_command("verifier_integrite")  # intact: no exception

    # A superuser disables the guard and alters an amount on both sides.
    with connexion_brute() as conn, conn.cursor() as cur:
        cur.execute("ALTER TABLE ledger_ligne DISABLE TRIGGER ligne_ajout_seul")
        cur.execute("UPDATE ledger_ligne SET debit = 25 WHERE debit = 20")
        cur.execute("UPDATE ledger_ligne SET credit = 25 WHERE credit = 20")
        cur.execute("ALTER TABLE ledger_ligne ENABLE TRIGGER ligne_ajout_seul")
        conn.commit()

    rapport = verifier_integrite()
    assert any("empreinte invalide" in a for a in rapport.anomalies)
    assert any("cumul(s) journalier(s)" in a for a in rapport.anomalies)
    with pytest.raises(CommandError, match="Intégrité rompue"):
        call_command("verifier_integrite")


def test_verifier_integrite_detecte_une_ecriture_supprimee(comptable, exercice, jour):
    for montant in ("10.00", "20.00", "30.00"):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="OD",
            date=jour,
            libelle="Test",
            lignes=[LigneSaisie("531", debit=montant), LigneSaisie("5122", credit=montant)],
        )
    with connexion_brute() as conn, conn.cursor() as cur:
        # Foreign keys towards entries are deferred; check them at once so
        # the guard can be put back in the same transaction.
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("ALTER TABLE ledger_ligne DISABLE TRIGGER ligne_ajout_seul")
        cur.execute("ALTER TABLE ledger_ecriture DISABLE TRIGGER ecriture_ajout_seul")
        cur.execute(
            "DELETE FROM ledger_ligne WHERE ecriture_id = (SELECT id FROM ledger_ecriture WHERE numero = 2)"
        )
        cur.execute("DELETE FROM ledger_ecriture WHERE numero = 2")
        cur.execute("ALTER TABLE ledger_ecriture ENABLE TRIGGER ecriture_ajout_seul")
        cur.execute("ALTER TABLE ledger_ligne ENABLE TRIGGER ligne_ajout_seul")
        conn.commit()
    anomalies = verifier_integrite().anomalies
    assert any("écriture manquante" in a for a in anomalies)
    assert any("numérotation discontinue" in a for a in anomalies)


COMPTES = ["4111", "7511", "5122", "6561", "412", "531", "401", "6064"]
montants = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@st.composite
def ecritures_equilibrees(draw):
    """A balanced entry: random debits spread on random accounts, the same
    total on random credit accounts."""
    debits = draw(st.lists(st.tuples(st.sampled_from(COMPTES), montants), min_size=1, max_size=4))
    total = sum(m for _, m in debits)
    credits_comptes = draw(st.lists(st.sampled_from(COMPTES), min_size=1, max_size=3))
    parts = [(total / len(credits_comptes)).quantize(Decimal("0.01"))] * len(credits_comptes)
    parts[-1] = total - sum(parts[:-1])
    if any(part <= 0 for part in parts):
        parts, credits_comptes = [total], credits_comptes[:1]
    jour = draw(st.integers(min_value=0, max_value=364))
    return jour, [LigneSaisie(c, debit=m) for c, m in debits] + [
        LigneSaisie(c, credit=m) for c, m in zip(credits_comptes, parts, strict=True)
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lot=st.lists(ecritures_equilibrees(), min_size=1, max_size=8), coupure=st.integers(0, 364))
def test_propriete_la_balance_est_toujours_equilibree(comptable, exercice, lot, coupure):
    """Whatever balanced entries are posted, the balance's totals agree with
    each other and with the sum of the lines, for the year and for any period."""
    with transaction.atomic():
        for decalage, lignes in lot:
            ecriture_passer(
                acting_user=comptable,
                exercice=exercice,
                journal="OD",
                date=exercice.debut + datetime.timedelta(days=min(decalage, 364)),
                libelle="Propriété",
                lignes=lignes,
            )
        with connection.cursor() as cur:
            cur.execute(
                "SELECT sum(debit), sum(credit) FROM ledger_ligne l JOIN ledger_ecriture e"
                " ON e.id = l.ecriture_id WHERE e.exercice_id = %s",
                [exercice.pk],
            )
            total_debit, total_credit = cur.fetchone()
        annee = balance_generale(exercice=exercice)
        du = exercice.debut + datetime.timedelta(days=coupure)
        periode = balance_generale(exercice=exercice, du=du)
        # Roll back so each example starts from an empty ledger.
        transaction.set_rollback(True)
    for balance in (annee, periode):
        t = balance.totaux
        assert balance.equilibree
        assert t.ouverture_debit + t.mouvement_debit - t.ouverture_credit - t.mouvement_credit == (
            t.solde_debit - t.solde_credit
        )
    assert annee.totaux.mouvement_debit == total_debit == total_credit
    assert (
        periode.totaux.ouverture_debit + periode.totaux.mouvement_debit
        >= periode.totaux.solde_debit
    )


@pytest.mark.skipif(
    shutil.which("hledger") is None, reason="hledger n'est pas installé (make test l'installe)"
)
def test_hledger_recalcule_la_meme_balance_sur_la_caisse_de_demo(tmp_path, caisse_demo):
    from core import horloge
    from ledger.models import Exercice

    annee = horloge.aujourdhui().year
    exercice = Exercice.objects.get(annee=annee)
    fichier = tmp_path / "export.journal"
    call_command("exporter_journal", str(annee), "--format", "hledger", "--sortie", str(fichier))

    sortie = subprocess.run(
        ["hledger", "-f", str(fichier), "balance", "--flat", "--no-total", "-O", "csv"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    par_hledger = {}
    for ligne in sortie.strip().splitlines()[1:]:
        compte, montant = (champ.strip('"') for champ in ligne.split('","'))
        par_hledger[compte.split(" ")[0]] = Decimal(montant.replace(" EUR", "").replace(",", ""))

    balance = balance_generale(exercice=exercice)
    chez_nous = {ligne.numero: ligne.solde_debit - ligne.solde_credit for ligne in balance.lignes}
    chez_nous = {numero: solde for numero, solde in chez_nous.items() if solde}
    assert len(chez_nous) >= 8  # at least the opening entry's accounts, even on 1 January
    assert par_hledger == chez_nous
    assert balance.equilibree
