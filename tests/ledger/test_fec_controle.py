"""The FEC passes an independent check of its format (issue 11, point 7).

No maintained checker of the format can be installed here (the DGFiP's
Test Compta Demat is a Windows program; no validating library is on the
package index this project reaches), so `controler_fec` below is a reading
of article A47 A-1 of the Livre des procédures fiscales and of its
commentary (BOI-CF-IOR-60-40-20), written without our exporter's code or
constants. It returns every anomaly it finds, as the DGFiP's tool lists
them, and is run on the FECs of a closed exercise with its inventory and
result, and of the next one with its à-nouveaux and the reversal of the
inventory; and on broken files, to show it sees what it must.
"""

from __future__ import annotations

import datetime
import re
from collections import OrderedDict
from decimal import Decimal, InvalidOperation

import pytest
from django.conf import settings
from django.core.management import call_command

from ledger.models import Exercice
from ledger.services import LigneSaisie, a_nouveaux_passer, ecriture_passer
from tests.ledger.cloture_outils import clore
from tests.ledger.test_hledger_comptes_annuels import _exercice_avec_inventaire

pytestmark = pytest.mark.django_db

D = datetime.date

# A47 A-1, I: the fields of each record, in this order, named on the first line.
ENTETE = [
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
]
# Fields that may be empty, but only together (auxiliary account, lettering, currency).
PAIRES = (("CompAuxNum", "CompAuxLib"), ("EcritureLet", "DateLet"), ("Montantdevise", "Idevise"))
FACULTATIFS = {champ for paire in PAIRES for champ in paire}
DATES = ("EcritureDate", "PieceDate", "ValidDate")
NOM = re.compile(r"(?P<siren>\d{9})FEC(?P<cloture>\d{8})\.txt")
# A decimal comma, no thousands separator, at most two decimals.
MONTANT = re.compile(r"-?\d+(,\d{1,2})?")


def _date(texte: str) -> datetime.date | None:
    if not re.fullmatch(r"\d{8}", texte):
        return None
    try:
        return datetime.datetime.strptime(texte, "%Y%m%d").date()
    except ValueError:
        return None


def _numero(ecriture_num: str) -> int | None:
    """The sequence number an EcritureNum carries (its last digits)."""
    trouve = re.search(r"(\d+)$", ecriture_num)
    return int(trouve.group(1)) if trouve else None


def controler_fec(nom: str, contenu: bytes, debut: datetime.date, fin: datetime.date) -> list:
    """Every anomaly of a FEC for the exercise [debut, fin]; empty when it conforms."""
    anomalies: list[str] = []
    trouve = NOM.fullmatch(nom)
    if trouve is None:
        anomalies.append(f"nom du fichier « {nom} » : attendu SIRENFECAAAAMMJJ.txt")
    elif _date(trouve["cloture"]) != fin:
        anomalies.append(f"nom du fichier : date de clôture {trouve['cloture']} ≠ {fin:%Y%m%d}")
    try:
        texte = contenu.decode("utf-8")
    except UnicodeDecodeError:
        try:
            texte = contenu.decode("iso-8859-15")
        except UnicodeDecodeError:
            return [*anomalies, "encodage ni UTF-8 ni ISO 8859-15"]
    lignes = texte.splitlines()
    if not lignes:
        return [*anomalies, "fichier vide"]
    separateur = "\t" if "\t" in lignes[0] else "|"
    if lignes[0].split(separateur) != ENTETE:
        anomalies.append(f"première ligne : les 18 noms de champs attendus, non {lignes[0]!r}")
    ecritures: OrderedDict[tuple[str, str], dict] = OrderedDict()
    derniere_cle = None
    for rang, ligne in enumerate(lignes[1:], start=2):
        valeurs = ligne.split(separateur)
        if len(valeurs) != len(ENTETE):
            anomalies.append(f"ligne {rang} : {len(valeurs)} champs au lieu de 18")
            continue
        e = dict(zip(ENTETE, valeurs, strict=True))
        for champ in ENTETE:
            if champ not in FACULTATIFS and not e[champ].strip():
                anomalies.append(f"ligne {rang} : {champ} vide")
        for a, b in PAIRES:
            if bool(e[a].strip()) != bool(e[b].strip()):
                anomalies.append(f"ligne {rang} : {a} et {b} vont ensemble")
        dates = {}
        for champ in (*DATES, *(["DateLet"] if e["DateLet"] else [])):
            dates[champ] = _date(e[champ])
            if dates[champ] is None:
                anomalies.append(
                    f"ligne {rang} : {champ} « {e[champ]} » n'est pas une date AAAAMMJJ"
                )
        if dates.get("EcritureDate") and not debut <= dates["EcritureDate"] <= fin:
            anomalies.append(f"ligne {rang} : EcritureDate hors de l'exercice")
        if not re.fullmatch(r"\d{3}\w*", e["CompteNum"]):
            anomalies.append(f"ligne {rang} : CompteNum « {e['CompteNum']} » (3 chiffres du plan)")
        montants = {}
        for champ in ("Debit", "Credit", *(["Montantdevise"] if e["Montantdevise"] else [])):
            if not MONTANT.fullmatch(e[champ]):
                anomalies.append(f"ligne {rang} : {champ} « {e[champ]} » (virgule décimale)")
                continue
            try:
                montants[champ] = Decimal(e[champ].replace(",", "."))
            except InvalidOperation:
                anomalies.append(f"ligne {rang} : {champ} illisible")
        if montants.get("Debit", 0) < 0 or montants.get("Credit", 0) < 0:
            anomalies.append(f"ligne {rang} : montant négatif")
        cle = (e["JournalCode"], e["EcritureNum"])
        if cle in ecritures and cle != derniere_cle:
            anomalies.append(f"ligne {rang} : les lignes de l'écriture {cle} ne se suivent pas")
        derniere_cle = cle
        ecriture = ecritures.setdefault(
            cle,
            {
                "rang": rang,
                "solde": Decimal(0),
                "date": e["EcritureDate"],
                "valid": dates.get("ValidDate"),
                "journal_lib": e["JournalLib"],
            },
        )
        ecriture["solde"] += montants.get("Debit", 0) - montants.get("Credit", 0)
        if (e["EcritureDate"], e["JournalLib"]) != (ecriture["date"], ecriture["journal_lib"]):
            anomalies.append(f"ligne {rang} : l'écriture {cle} change de date ou de journal")
        if dates.get("ValidDate") != ecriture["valid"]:
            anomalies.append(f"ligne {rang} : l'écriture {cle} a plusieurs ValidDate")
    if not ecritures:
        anomalies.append("aucune écriture")
    for cle, ecriture in ecritures.items():
        if ecriture["solde"] != 0:
            anomalies.append(f"écriture {cle} déséquilibrée de {ecriture['solde']}")
    # Numbers run on a continuous sequence, in each journal.
    par_journal: dict[str, list[int]] = {}
    for journal, numero in ecritures:
        n = _numero(numero)
        if n is None:
            anomalies.append(f"EcritureNum « {numero} » sans numéro de séquence")
        else:
            par_journal.setdefault(journal, []).append(n)
    for journal, numeros in par_journal.items():
        attendus = list(range(min(numeros), min(numeros) + len(numeros)))
        if sorted(numeros) != attendus or len(set(numeros)) != len(numeros):
            anomalies.append(f"journal {journal} : numérotation discontinue {sorted(numeros)}")
    # The à-nouveaux come first, then the entries in the order of their validation.
    suite = [(cle, ec["valid"]) for cle, ec in ecritures.items() if ec["valid"]]
    while suite and ecritures[suite[0][0]]["date"] == f"{debut:%Y%m%d}":
        suite.pop(0)  # the opening entries, dated the first day
    for (avant, va), (apres, vb) in zip(suite, suite[1:], strict=False):
        if vb < va:
            anomalies.append(f"écriture {apres} validée avant {avant} mais placée après")
    return anomalies


def _fec(tmp_path, exercice) -> tuple[str, bytes]:
    call_command("exporter_fec", str(exercice.annee), "--dossier", str(tmp_path))
    nom = f"{settings.SIREN_ORGANISME}FEC{exercice.fin:%Y%m%d}.txt"
    return nom, (tmp_path / nom).read_bytes()


def test_le_fec_d_un_exercice_clos_et_du_suivant_passent_le_controle(
    tmp_path, horloge, directrice, comptable, exercice
):
    n = _exercice_avec_inventaire(horloge, directrice, comptable, exercice)
    clos = clore(n, comptable)  # the balance après inventaire reversed the inventory into N+1
    horloge(D(clos.annee + 1, 2, 3))
    a_nouveaux_passer(acting_user=comptable, exercice=clos)
    suivant = Exercice.objects.get(annee=clos.annee + 1)
    ecriture_passer(
        acting_user=comptable,
        exercice=suivant,
        journal="TR",
        date=D(suivant.annee, 2, 3),
        libelle="Encaissement | de février",
        lignes=[
            LigneSaisie("5122", debit="500.00"),
            LigneSaisie("4111", credit="500.00", tiers="Boulangerie Morel"),
        ],
    )

    nom, contenu = _fec(tmp_path, clos)
    assert controler_fec(nom, contenu, clos.debut, clos.fin) == []
    texte = contenu.decode()
    assert texte.count("\nIN\t") == 5 * 2  # the five états' entries, two lines each
    assert "resultat:" in texte and "etat_inventaire:" in texte

    nom, contenu = _fec(tmp_path, suivant)
    assert controler_fec(nom, contenu, suivant.debut, suivant.fin) == []
    enregistrements = [ligne.split("\t") for ligne in contenu.decode().splitlines()[1:]]
    # The à-nouveaux first (posted on 3 February, after the reversal of 20 January).
    assert enregistrements[0][0] == "AN" and enregistrements[0][3] == f"{suivant.annee}0101"
    assert enregistrements[0][15] == f"{suivant.annee}0203"
    journaux = list(OrderedDict.fromkeys(e[2] for e in enregistrements))
    assert journaux == ["AN-1", "IN-1", "TR-1"]


def test_le_controle_releve_les_anomalies(tmp_path, comptable, exercice):
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=D(exercice.annee, 3, 1),
        libelle="Opération",
        lignes=[LigneSaisie("5122", debit="10.00"), LigneSaisie("102", credit="10.00")],
    )
    nom, contenu = _fec(tmp_path, exercice)
    debut, fin = exercice.debut, exercice.fin
    assert controler_fec(nom, contenu, debut, fin) == []
    entete, ligne_1, ligne_2 = contenu.decode().splitlines()

    def controle(*lignes, nom=nom):
        return controler_fec(nom, "\r\n".join(lignes).encode(), debut, fin)

    assert controle(entete, ligne_1, ligne_2, nom="FEC.txt") == [
        "nom du fichier « FEC.txt » : attendu SIRENFECAAAAMMJJ.txt"
    ]
    assert controle(entete, ligne_1) == ["écriture ('OD', 'OD-1') déséquilibrée de 10.00"]
    assert controle(entete, ligne_1.replace("10,00", "10.00"), ligne_2)[0].endswith(
        "(virgule décimale)"
    )
    assert controle(entete, ligne_1, ligne_2.replace("OD-1", "OD-3"))[-1].startswith(
        "journal OD : numérotation discontinue"
    )
    fausse = f"{exercice.annee}0231"
    assert f"ligne 2 : EcritureDate « {fausse} » n'est pas une date AAAAMMJJ" in controle(
        entete, ligne_1.replace(f"{exercice.annee}0301", fausse, 1), ligne_2
    )
    assert controle(entete.replace("Idevise", "Devise"), ligne_1, ligne_2)[0].startswith(
        "première ligne"
    )
    sans_lib = ligne_1.split("\t")
    sans_lib[10] = ""
    assert controle(entete, "\t".join(sans_lib), ligne_2) == ["ligne 2 : EcritureLib vide"]
