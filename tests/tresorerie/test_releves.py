"""Bank statements: camt.053.001.02 read and written, CSV read, and what is refused
(the other camt versions: test_camt_versions.py)."""

import dataclasses
import datetime
from decimal import Decimal

import pytest
from lxml import etree
from pycamt.parser import Camt053Parser

from core import horloge
from core.exceptions import DonneeInvalide
from core.money import format_euros
from tresorerie.releves import (
    CODE_OPERATION,
    ESPACE_DE_NOMS,
    LigneReleve,
    Releve,
    ecrire_camt053,
    lire_camt053,
    lire_csv,
)
from tresorerie.sepa import Donneur, Virement, pain001

N = {"c": ESPACE_DE_NOMS}
IBAN = "FR7630006000011234567890189"
AUTRE_IBAN = "FR1420041010050500013M02606"
CREE_LE = datetime.datetime(2025, 4, 1, 6, 0)


def ligne(jour, montant, sens, libelle="", reference="", banque="", contrepartie="", valeur=None):
    return LigneReleve(
        date_operation=datetime.date(2025, 3, jour),
        date_valeur=valeur,
        montant=Decimal(montant),
        sens=sens,
        libelle=libelle,
        reference=reference,
        reference_banque=banque,
        contrepartie=contrepartie,
    )


def releve(iban=IBAN, ouverture="-150.00", identifiant="REL-2025-03", debut=1, fin=31):
    lignes = (
        ligne(
            3,
            "2500.00",
            "credit",
            "Cotisations employeur",
            "COT-17",
            "B0001",
            "SARL Dupré",
            valeur=datetime.date(2025, 3, 4),
        ),
        ligne(10, "1357.90", "debit", "Lot de virements de mars", "LOT1", "B0002"),
        ligne(
            12,
            "12.34",
            "debit",
            "Indemnités journalières n° 12 " + "x" * 200,
            "LOT1-000001",
            "B0003",
            "Hélène Dupré",
        ),
        ligne(20, "0.01", "credit"),
    )
    cloture = Decimal(ouverture) + Decimal("2500.00") - Decimal("1357.90") - Decimal("12.34")
    cloture += Decimal("0.01")
    return Releve(
        format="camt.053",
        identifiant=identifiant,
        iban=iban,
        date_debut=datetime.date(2025, 3, debut),
        date_fin=datetime.date(2025, 3, fin),
        solde_ouverture=Decimal(ouverture),
        solde_cloture=cloture,
        lignes=lignes,
    )


def ecrire(r=None):
    return ecrire_camt053(r or releve(), message_id="MSG-2025-03", cree_le=CREE_LE)


def modifier(contenu, action):
    document = etree.fromstring(contenu)
    action(document)
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8")


def elements(document, chemin):
    return document.xpath(chemin, namespaces=N)


# --------------------------------------------------------------- camt.053 round trip


def comme_ecrit(r):
    """`r` as read back from ecrire_camt053: version set, lines without a code get NMSC."""
    return dataclasses.replace(
        r,
        format="camt.053",
        version="camt.053.001.02",
        lignes=tuple(
            dataclasses.replace(x, code_operation=x.code_operation or CODE_OPERATION)
            for x in r.lignes
        ),
    )


def test_un_releve_ecrit_en_camt053_se_relit_a_l_identique():
    original = releve()
    relu = lire_camt053(ecrire(original))
    assert relu == comme_ecrit(original)
    assert relu.solde_ouverture == Decimal("-150.00")
    assert relu.lignes[2].libelle.startswith("Indemnités journalières n° 12 xxx")
    assert len(relu.lignes[2].libelle) > 140  # AddtlNtryInf keeps it whole, Ustrd is cut


def test_le_fichier_ecrit_porte_soldes_sens_et_references():
    document = etree.fromstring(ecrire())
    assert elements(document, "//c:Bal/c:Tp/c:CdOrPrtry/c:Cd/text()") == ["OPBD", "CLBD"]
    assert elements(document, "//c:Bal/c:CdtDbtInd/text()") == ["DBIT", "CRDT"]
    assert elements(document, "//c:Bal/c:Amt/text()") == ["150.00", "979.77"]
    assert elements(document, "//c:Ntry/c:CdtDbtInd/text()") == ["CRDT", "DBIT", "DBIT", "CRDT"]
    assert elements(document, "//c:Ntry/c:Sts/text()") == ["BOOK"] * 4
    assert elements(document, "//c:Ntry/c:Amt/@Ccy") == ["EUR"] * 4
    assert elements(document, "//c:Refs/c:EndToEndId/text()") == [
        "COT-17",
        "LOT1",
        "LOT1-000001",
        "NOTPROVIDED",
    ]
    assert elements(document, "//c:RltdPties/c:Dbtr/c:Nm/text()") == ["SARL Dupré"]
    assert elements(document, "//c:RltdPties/c:Cdtr/c:Nm/text()") == ["Hélène Dupré"]
    assert len(elements(document, "//c:RmtInf/c:Ustrd/text()")[2]) == 140


def test_un_lecteur_independant_pycamt_lit_le_fichier_ecrit_de_meme():
    lecteur = Camt053Parser(ecrire())
    assert lecteur.version == "camt.053.001.02"
    (compte,) = lecteur.get_statement_info()
    assert compte["IBAN"] == IBAN
    assert Decimal(compte["OpeningBalance"]) == Decimal("-150.00")
    assert Decimal(compte["ClosingBalance"]) == Decimal("979.77")
    transactions = lecteur.get_transactions()
    assert [(t["Amount"], t["CreditDebitIndicator"], t["EndToEndId"]) for t in transactions] == [
        ("2500.00", "CRDT", "COT-17"),
        ("1357.90", "DBIT", "LOT1"),
        ("12.34", "DBIT", "LOT1-000001"),
        ("0.01", "CRDT", "NOTPROVIDED"),
    ]
    assert [t["TransactionID"] for t in transactions] == ["B0001", "B0002", "B0003", None]


def test_un_releve_csv_converti_en_camt053_se_relit_a_l_identique():
    r = lire_csv(CSV_TROIS_LIGNES, iban=IBAN, solde_ouverture=Decimal("1000.00"))
    assert lire_camt053(ecrire(r)) == comme_ecrit(r)


def test_un_releve_dont_les_soldes_ne_s_equilibrent_pas_n_est_pas_ecrit():
    faux = dataclasses.replace(releve(), solde_cloture=Decimal("1.00"))
    with pytest.raises(DonneeInvalide, match="ne s'équilibre pas"):
        ecrire(faux)


# --------------------------------------------------------------- camt.053 reading


def test_les_ecritures_non_comptabilisees_sont_ignorees():
    def en_attente(document):
        entree = elements(document, "//c:Ntry")[0]  # credit of 2 500,00
        entree.find("c:Sts", N).text = "PDNG"
        cloture = elements(document, "//c:Bal[c:Tp/c:CdOrPrtry/c:Cd='CLBD']")[0]
        cloture.find("c:Amt", N).text = "1520.23"
        cloture.find("c:CdtDbtInd", N).text = "DBIT"

    relu = lire_camt053(modifier(ecrire(), en_attente))
    assert [ligne.reference for ligne in relu.lignes] == ["LOT1", "LOT1-000001", ""]
    assert relu.solde_cloture == Decimal("-1520.23")


def test_une_ecriture_groupee_est_detaillee_par_virement():
    def grouper(document):
        entree = elements(document, "//c:Ntry")[1]  # debit of 1 357,90, our pain.001 batch
        details = entree.find("c:NtryDtls", N)
        details.remove(details.find("c:TxDtls", N))
        for reference, montant, nom in (
            ("LOT1-000001", "12.34", "Helene Dupre"),
            ("LOT1-000002", "1000.00", "Jean Muller"),
            ("LOT1-000003", "345.56", "Pharmacie"),
        ):
            tx = etree.SubElement(details, f"{{{ESPACE_DE_NOMS}}}TxDtls")
            refs = etree.SubElement(tx, f"{{{ESPACE_DE_NOMS}}}Refs")
            etree.SubElement(refs, f"{{{ESPACE_DE_NOMS}}}EndToEndId").text = reference
            detail = etree.SubElement(tx, f"{{{ESPACE_DE_NOMS}}}AmtDtls")
            montant_tx = etree.SubElement(detail, f"{{{ESPACE_DE_NOMS}}}TxAmt")
            etree.SubElement(montant_tx, f"{{{ESPACE_DE_NOMS}}}Amt", Ccy="EUR").text = montant
            parties = etree.SubElement(tx, f"{{{ESPACE_DE_NOMS}}}RltdPties")
            creancier = etree.SubElement(parties, f"{{{ESPACE_DE_NOMS}}}Cdtr")
            etree.SubElement(creancier, f"{{{ESPACE_DE_NOMS}}}Nm").text = nom

    relu = lire_camt053(modifier(ecrire(), grouper))
    lot = [ligne for ligne in relu.lignes if ligne.reference_banque == "B0002"]
    assert [(x.reference, x.montant, x.contrepartie) for x in lot] == [
        ("LOT1-000001", Decimal("12.34"), "Helene Dupre"),
        ("LOT1-000002", Decimal("1000.00"), "Jean Muller"),
        ("LOT1-000003", Decimal("345.56"), "Pharmacie"),
    ]
    assert all(x.sens == "debit" and x.libelle == "Lot de virements de mars" for x in lot)


def test_deux_releves_du_meme_compte_qui_se_suivent_sont_reunis():
    mars = releve(ouverture="0.00", identifiant="REL-A", debut=1, fin=20)
    suite = dataclasses.replace(
        releve(ouverture=str(mars.solde_cloture), identifiant="REL-B", debut=21, fin=31),
        lignes=(ligne(25, str(mars.solde_cloture), "debit", "Solde vers le compte du Trésor"),),
    )
    suite = dataclasses.replace(suite, solde_cloture=Decimal("0.00"))
    contenu = ajouter_stmt(ecrire(suite), ecrire(mars))
    relu = lire_camt053(contenu)
    assert relu.identifiant == "REL-A + REL-B"
    assert (relu.date_debut, relu.date_fin) == (
        datetime.date(2025, 3, 1),
        datetime.date(2025, 3, 31),
    )
    assert (relu.solde_ouverture, relu.solde_cloture) == (Decimal("0.00"), Decimal("0.00"))
    assert len(relu.lignes) == 5


def ajouter_stmt(contenu, autre):
    """`contenu` with the Stmt of `autre` added after its own."""
    document = etree.fromstring(contenu)
    elements(document, "//c:BkToCstmrStmt")[0].append(
        elements(etree.fromstring(autre), "//c:Stmt")[0]
    )
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8")


# --------------------------------------------------------------- camt.053 refusals


def test_un_fichier_qui_n_est_pas_du_xml_est_refuse():
    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt053(b"date;libelle\n01/03/2025;loyer\n")
    assert erreur.value.message.startswith(
        "Le fichier n'est pas un relevé camt.053 valide : ce n'est pas un document XML bien formé"
    )
    with pytest.raises(DonneeInvalide, match="le fichier est vide"):
        lire_camt053(b"")


def test_un_fichier_de_virements_pain001_n_est_pas_un_releve():
    virement = Virement("Jean", IBAN, "", Decimal("1.00"), "E-1", "essai")
    contenu = pain001(
        message_id="LOT9",
        donneur=Donneur("Caisse", IBAN, "AGRIFRPP"),
        date_execution=horloge.aujourdhui(),  # never in the past (tresorerie.sepa)
        virements=[virement],
        version="pain.001.001.03",
    )
    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt053(contenu)
    assert erreur.value.message == (
        "Le fichier n'est pas un relevé camt.053 valide : c'est un message ISO 20022 "
        "pain.001.001.03 (un ordre de virement, que la caisse envoie à la banque), pas un "
        "relevé de compte ; importez le relevé de compte camt.053 (ou l'avis camt.054) de la "
        "banque (versions acceptées : de camt.053.001.02 à camt.053.001.14 pour un relevé, de "
        "camt.054.001.02 à camt.054.001.14 pour un avis ; de préférence camt.053.001.08)."
    )


def test_une_version_de_camt053_non_prise_en_charge_est_refusee_en_la_nommant():
    contenu = ecrire().replace(b"camt.053.001.02", b"camt.053.001.01")
    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt053(contenu)
    assert erreur.value.message == (
        "Le fichier n'est pas un relevé camt.053 valide : sa version (camt.053.001.01) n'est "
        "pas prise en charge ; les versions acceptées vont de camt.053.001.02 à "
        "camt.053.001.14. Demandez à la banque un relevé camt.053 dans l'une d'elles (de "
        "préférence camt.053.001.08)."
    )


def test_un_xml_quelconque_est_refuse():
    with pytest.raises(DonneeInvalide, match="son élément racine est « html » .sans espace"):
        lire_camt053(b"<html><body>relev\xc3\xa9</body></html>")


def test_un_releve_non_conforme_au_schema_sur_ce_qui_est_lu_est_refuse_avec_la_ligne():
    def solde_illisible(document):
        elements(document, "//c:Bal/c:Amt")[0].text = "cent cinquante"

    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt053(modifier(ecrire(), solde_illisible))
    assert erreur.value.message == (
        "Le fichier n'est pas un relevé camt.053 valide : il n'est pas conforme au schéma "
        "ISO 20022 camt.053.001.02 sur un élément que l'import lit (ligne 27 : la valeur "
        "« cent cinquante » de « Stmt/Bal/Amt » n'est pas admise par le schéma (type "
        "ActiveOrHistoricCurrencyAndAmount_SimpleType))."
    )


def test_un_releve_sans_compte_est_refuse():
    def sans_compte(document):
        compte = elements(document, "//c:Acct")[0]
        compte.getparent().remove(compte)

    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt053(modifier(ecrire(), sans_compte))
    assert erreur.value.message == (
        "Le fichier n'est pas un relevé camt.053 valide : le relevé « REL-2025-03 » ne désigne "
        "pas son compte (élément Acct absent) ; demandez à la banque un relevé portant l'IBAN "
        "du compte (Acct/Id/IBAN)."
    )


def test_un_releve_dont_les_soldes_ne_s_equilibrent_pas_est_refuse_en_donnant_les_deux():
    def fausser(document):
        cloture = elements(document, "//c:Bal[c:Tp/c:CdOrPrtry/c:Cd='CLBD']/c:Amt")[0]
        cloture.text = "1979.77"

    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt053(modifier(ecrire(), fausser))
    message = erreur.value.message
    assert "« REL-2025-03 » ne s'équilibre pas" in message
    assert format_euros(Decimal("1979.77")) in message
    assert format_euros(Decimal("979.77")) in message
    assert format_euros(Decimal("-150.00")) in message


def test_un_fichier_portant_sur_deux_comptes_est_refuse():
    contenu = ajouter_stmt(ecrire(), ecrire(releve(iban=AUTRE_IBAN, identifiant="REL-AUTRE")))
    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt053(contenu)
    assert erreur.value.message.startswith(
        f"Le fichier contient les relevés de 2 comptes ({AUTRE_IBAN}, {IBAN})"
    )


def test_deux_releves_du_meme_compte_qui_ne_se_suivent_pas_sont_refuses():
    contenu = ajouter_stmt(ecrire(), ecrire(releve(identifiant="REL-2025-04")))
    with pytest.raises(DonneeInvalide, match="ne se suivent pas"):
        lire_camt053(contenu)


def test_un_montant_en_devise_est_refuse():
    def en_dollars(document):
        elements(document, "//c:Ntry/c:Amt")[0].set("Ccy", "USD")

    with pytest.raises(DonneeInvalide, match=r"est en USD \(2500.00 USD\) ; seuls les montants en"):
        lire_camt053(modifier(ecrire(), en_dollars))


def test_une_entite_externe_n_est_jamais_lue():
    contenu = (
        b'<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&x;</Document>'
    )
    with pytest.raises(DonneeInvalide, match="DOCTYPE, refusée par sécurité"):
        lire_camt053(contenu)


# --------------------------------------------------------------- CSV

CSV_TROIS_LIGNES = (
    "\ufeffdate;date_valeur;libelle;reference;debit;credit\r\n"
    "05/03/2025;06/03/2025;Cotisations URSSAF;COT-5;;12\u00a0345,67\r\n"
    '07/03/2025;;"Loyer ; mars";LOY-3;850,5;\r\n'
    "\r\n"
    "10/03/2025;10/03/2025;Virement Hélène;LOT1-000001;1 234 567,89;\r\n"
).encode()


def test_un_csv_de_trois_lignes_avec_separateurs_de_milliers_et_bom_est_lu():
    r = lire_csv(
        CSV_TROIS_LIGNES,
        iban="fr76 3000 6000 0112 3456 7890 189",
        solde_ouverture=Decimal("1000.00"),
    )
    assert r.format == "csv"
    assert r.iban == IBAN
    assert r.identifiant == "CSV-20250305-20250310"
    assert (r.date_debut, r.date_fin) == (datetime.date(2025, 3, 5), datetime.date(2025, 3, 10))
    assert r.solde_ouverture == Decimal("1000.00")
    assert r.solde_cloture == Decimal("1000.00") + Decimal("12345.67") - Decimal(
        "850.50"
    ) - Decimal("1234567.89")
    assert r.lignes == (
        LigneReleve(
            datetime.date(2025, 3, 5),
            datetime.date(2025, 3, 6),
            Decimal("12345.67"),
            "credit",
            "Cotisations URSSAF",
            "COT-5",
            "",
            "",
        ),
        LigneReleve(
            datetime.date(2025, 3, 7),
            None,
            Decimal("850.50"),
            "debit",
            "Loyer ; mars",
            "LOY-3",
            "",
            "",
        ),
        LigneReleve(
            datetime.date(2025, 3, 10),
            datetime.date(2025, 3, 10),
            Decimal("1234567.89"),
            "debit",
            "Virement Hélène",
            "LOT1-000001",
            "",
            "",
        ),
    )


def test_un_csv_en_windows_1252_est_lu_et_l_identifiant_peut_etre_donne():
    contenu = "date;date_valeur;libelle;reference;debit;credit\n02/03/2025;;Hélène;;;5,00\n"
    r = lire_csv(
        contenu.encode("cp1252"), iban=IBAN, solde_ouverture=Decimal("-5"), identifiant="R-1"
    )
    assert r.identifiant == "R-1"
    assert r.lignes[0].libelle == "Hélène"
    assert (r.solde_ouverture, r.solde_cloture) == (Decimal("-5.00"), Decimal("0.00"))


ENTETE = "date;date_valeur;libelle;reference;debit;credit\n"
BONNE = "01/03/2025;;Loyer;L1;100,00;\n"


@pytest.mark.parametrize(
    ("corps", "message"),
    [
        (
            BONNE + "2025-03-02;;Loyer;L2;100,00;\n",
            "Ligne 3 .*« 2025-03-02 » n'est pas au format JJ/MM/AAAA",
        ),
        (BONNE + "31/02/2025;;Loyer;L2;100,00;\n", "Ligne 3 .*« 31/02/2025 » n'existe pas"),
        (BONNE + "02/03/2025;32/03/2025;Loyer;L2;100,00;\n", "Ligne 3 .*date de valeur"),
        (
            BONNE + "02/03/2025;;Loyer;L2;100,001;\n",
            "Ligne 3 .*« 100,001 » a plus de deux décimales",
        ),
        (BONNE + "02/03/2025;;Loyer;L2;-100,00;\n", "Ligne 3 .*est négatif"),
        (BONNE + "02/03/2025;;Loyer;L2;100,00;5,00\n", r"Ligne 3 .*\(les deux le sont\)"),
        (BONNE + "02/03/2025;;Loyer;L2;;\n", r"Ligne 3 .*\(aucune ne l'est\)"),
        (BONNE + "02/03/2025;;Loyer;L2;100.00;\n", "Ligne 3 .*n'est pas un montant"),
        (BONNE + "02/03/2025;;Loyer;L2;12 34,00;\n", "Ligne 3 .*n'est pas un montant"),
        (BONNE + "02/03/2025;;Loyer;L2;0,00;\n", "Ligne 3 .*est nul"),
        (BONNE + "02/03/2025;;Loyer;100,00;\n", "Ligne 3 .*6 colonnes .* 5 trouvées"),
        (BONNE + "\n\n02/03/2025;;Loyer;L2;abc;\n", "Ligne 5 "),
        (BONNE + ';;"Loyer\n', "Ligne 3 "),
    ],
)
def test_une_ligne_fausse_du_csv_est_refusee_avec_son_numero(corps, message):
    with pytest.raises(DonneeInvalide, match=message):
        lire_csv((ENTETE + corps).encode(), iban=IBAN, solde_ouverture=Decimal("0"))


def test_un_csv_a_l_en_tete_faux_vide_ou_sans_operation_est_refuse():
    with pytest.raises(
        DonneeInvalide, match="Ligne 1 du fichier CSV : l'en-tête doit être exactement"
    ):
        lire_csv(
            b"date;libelle;montant\n01/03/2025;Loyer;100,00\n",
            iban=IBAN,
            solde_ouverture=Decimal("0"),
        )
    with pytest.raises(DonneeInvalide, match="Le fichier CSV est vide"):
        lire_csv(b"\xef\xbb\xbf \r\n", iban=IBAN, solde_ouverture=Decimal("0"))
    with pytest.raises(DonneeInvalide, match="aucune opération"):
        lire_csv(ENTETE.encode(), iban=IBAN, solde_ouverture=Decimal("0"))


def test_l_iban_et_le_solde_d_ouverture_du_csv_sont_verifies():
    with pytest.raises(DonneeInvalide, match="La clé de l'IBAN"):
        lire_csv((ENTETE + BONNE).encode(), iban=IBAN[:-1] + "8", solde_ouverture=Decimal("0"))
    with pytest.raises(DonneeInvalide, match="décimal exact"):
        lire_csv((ENTETE + BONNE).encode(), iban=IBAN, solde_ouverture=0.1)
    with pytest.raises(DonneeInvalide, match="deux décimales au plus"):
        lire_csv((ENTETE + BONNE).encode(), iban=IBAN, solde_ouverture=Decimal("0.001"))


RELEVE_DE_BANQUE = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>BQ20250311</MsgId><CreDtTm>2025-03-11T05:12:00+01:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>0311-00042</Id>
   <ElctrncSeqNb>42</ElctrncSeqNb>
   <CreDtTm>2025-03-11T05:12:00+01:00</CreDtTm>
   <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
   <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt>
    <CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2025-03-09</Dt></Dt></Bal>
   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">70.00</Amt>
    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-10</Dt></Dt></Bal>
   <Ntry>
    <Amt Ccy="EUR">180.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><DtTm>2025-03-10T09:30:00+01:00</DtTm></BookgDt><ValDt><Dt>2025-03-10</Dt></ValDt>
    <AcctSvcrRef>BQ-778</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
     <RltdPties><Dbtr><Nm>M. Martin</Nm></Dbtr><Cdtr><Nm>Caisse</Nm></Cdtr></RltdPties>
     <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2025-03-10</Dt></BookgDt>
    <BkTxCd><Prtry><Cd>FRAIS</Cd></Prtry></BkTxCd>
    <AddtlNtryInf>COMMISSION TENUE DE COMPTE</AddtlNtryInf>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">999.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>INFO</Sts>
    <BkTxCd><Prtry><Cd>INFO</Cd></Prtry></BkTxCd>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>
"""


def test_un_releve_au_style_d_une_banque_est_lu():
    r = lire_camt053(RELEVE_DE_BANQUE)
    assert (r.identifiant, r.iban) == ("0311-00042", IBAN)
    # No FrToDt: the period starts the day after the previous closing (PRCD).
    assert (r.date_debut, r.date_fin) == (datetime.date(2025, 3, 10), datetime.date(2025, 3, 10))
    assert (r.solde_ouverture, r.solde_cloture) == (Decimal("-100.00"), Decimal("70.00"))
    assert r.lignes == (
        LigneReleve(
            date_operation=datetime.date(2025, 3, 10),
            date_valeur=datetime.date(2025, 3, 10),
            montant=Decimal("180.00"),
            sens="credit",
            libelle="RF18539007547034",
            reference="BQ-778",
            reference_banque="BQ-778",
            contrepartie="M. Martin",
            code_operation="PMNT/RCDT/ESCT",
        ),
        LigneReleve(
            date_operation=datetime.date(2025, 3, 10),
            date_valeur=None,
            montant=Decimal("10.00"),
            sens="debit",
            libelle="COMMISSION TENUE DE COMPTE",
            reference="",
            reference_banque="",
            contrepartie="",
            code_operation="FRAIS",
        ),
    )
