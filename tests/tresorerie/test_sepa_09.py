"""pain.001.001.09, the default version, and what both versions share: every file written
validates against its official XSD (asserted here with libxml2 directly), the EPC rules
the XSD does not check are refused in French naming the transfer, amounts and
EndToEndIds go round trip, 10,000 transfers in each version."""

import datetime
from decimal import Decimal

import pytest
from lxml import etree

from core import horloge
from core.exceptions import DonneeInvalide
from tresorerie.sepa import (
    VERSION,
    VERSION_03,
    VERSION_09,
    VERSIONS,
    Adresse,
    Donneur,
    Virement,
    espace_de_noms,
    pain001,
    valider_pain001,
)
from tresorerie.sepa.commun import schema

JOUR = horloge.aujourdhui() + datetime.timedelta(days=1)
CREE_LE = datetime.datetime.combine(JOUR - datetime.timedelta(days=1), datetime.time(9, 15))
ADRESSE_CAISSE = Adresse("Rue de la Solidarité", "12", "76540", "Valmont", "FR")
CAISSE = Donneur("Caisse générale", "FR7630006000011234567890189", "AGRIFRPP", ADRESSE_CAISSE)


def virements():
    return [
        Virement(
            "Hélène Dupré",
            "FR1420041010050500013M02606",
            "PSSTFRPPPAR",
            Decimal("12.34"),
            "LOT9-000001",
            "Indemnités n° 12",
            Adresse("Avenue Foch", "3 bis", "75016", "Paris", "FR"),
        ),
        Virement(
            "Jean Müller", "DE89370400440532013000", "", Decimal("1000.00"), "LOT9-000002", ""
        ),
        Virement(
            "Pharmacie", "FR7630006000011234567890189", "AGRIFRPP", Decimal("0.01"), "LOT9-3", "x"
        ),
    ]


def fichier(version=VERSION_09, **changements):
    arguments = {
        "message_id": "LOT9",
        "donneur": CAISSE,
        "date_execution": JOUR,
        "virements": virements(),
        "cree_le": CREE_LE,
        "version": version,
    }
    arguments.update(changements)
    return pain001(**arguments)


def xpath(contenu, chemin, version=VERSION_09):
    document = etree.fromstring(contenu)
    return document.xpath(chemin, namespaces={"p": espace_de_noms(version)})


def conforme_au_xsd(contenu, version):
    """The official XSD, by libxml2 directly (not through valider_pain001)."""
    document = etree.fromstring(contenu)
    assert etree.QName(document).namespace == espace_de_noms(version)
    return schema(version).validate(document)


def test_la_version_par_defaut_est_la_09():
    assert VERSION == VERSION_09 == "pain.001.001.09"
    contenu = pain001(message_id="LOT9", donneur=CAISSE, date_execution=JOUR, virements=virements())
    assert conforme_au_xsd(contenu, VERSION_09)
    assert valider_pain001(contenu) == VERSION_09


@pytest.mark.parametrize("version", VERSIONS)
def test_chaque_version_valide_contre_son_xsd_officiel_et_fait_l_aller_retour(version):
    contenu = fichier(version)
    assert conforme_au_xsd(contenu, version)
    assert valider_pain001(contenu) == version
    assert xpath(contenu, "//p:CdtTrfTxInf/p:Amt/p:InstdAmt/text()", version) == [
        "12.34",
        "1000.00",
        "0.01",
    ]
    assert xpath(contenu, "//p:EndToEndId/text()", version) == [
        "LOT9-000001",
        "LOT9-000002",
        "LOT9-3",
    ]
    # One block per batch, booked as one, its id the batch's message id (camt Btch/PmtInfId).
    assert xpath(contenu, "//p:PmtInf/p:PmtInfId/text()", version) == ["LOT9"]
    assert xpath(contenu, "//p:GrpHdr/p:MsgId/text()", version) == ["LOT9"]
    assert xpath(contenu, "//p:PmtInf/p:BtchBookg/text()", version) == ["true"]
    assert xpath(contenu, "//p:PmtInf/p:CtrlSum/text()", version) == ["1012.35"]
    assert fichier(version) == contenu  # deterministic


def test_la_09_ecrit_la_date_en_choix_le_bicfi_et_les_adresses_structurees():
    contenu = fichier()
    assert xpath(contenu, "//p:PmtInf/p:ReqdExctnDt/p:Dt/text()") == [JOUR.isoformat()]
    assert xpath(contenu, "//p:DbtrAgt/p:FinInstnId/p:BICFI/text()") == ["AGRIFRPP"]
    assert xpath(contenu, "//p:CdtrAgt/p:FinInstnId/p:BICFI/text()") == [
        "PSSTFRPPPAR",
        "AGRIFRPP",
    ]
    assert [
        [(etree.QName(e).localname, e.text) for e in adresse]
        for adresse in xpath(contenu, "//p:PstlAdr")
    ] == [
        [
            ("StrtNm", "Rue de la Solidarite"),
            ("BldgNb", "12"),
            ("PstCd", "76540"),
            ("TwnNm", "Valmont"),
            ("Ctry", "FR"),
        ],
        [
            ("StrtNm", "Avenue Foch"),
            ("BldgNb", "3 bis"),
            ("PstCd", "75016"),
            ("TwnNm", "Paris"),
            ("Ctry", "FR"),
        ],
    ]
    assert xpath(contenu, "//p:AdrLine") == []
    # The creditor without a known address has none; without a BIC, no agent.
    assert len(xpath(contenu, "//p:CdtTrfTxInf[2]/p:Cdtr/p:PstlAdr")) == 0
    assert len(xpath(contenu, "//p:CdtTrfTxInf[2]/p:CdtrAgt")) == 0


def test_la_03_n_ecrit_pas_d_adresse():
    contenu = fichier(VERSION_03)
    assert xpath(contenu, "//p:PstlAdr", VERSION_03) == []
    assert xpath(contenu, "//p:PmtInf/p:ReqdExctnDt/text()", VERSION_03) == [JOUR.isoformat()]


@pytest.mark.parametrize("version", VERSIONS)
def test_sans_bic_la_banque_de_la_caisse_est_notprovided(version):
    contenu = fichier(version, donneur=Donneur("Caisse", CAISSE.iban, "", ADRESSE_CAISSE))
    assert conforme_au_xsd(contenu, version)
    assert xpath(contenu, "//p:DbtrAgt/p:FinInstnId/p:Othr/p:Id/text()", version) == ["NOTPROVIDED"]


def test_une_adresse_sans_ville_ou_une_version_inconnue_est_refusee():
    sans_ville = Donneur("Caisse", CAISSE.iban, "", Adresse("Rue", "1", "76540", "", "FR"))
    with pytest.raises(DonneeInvalide, match=r"au moins la ville \(TwnNm\) et le pays"):
        fichier(donneur=sans_ville)
    mauvais_pays = Donneur("Caisse", CAISSE.iban, "", Adresse("Rue", "1", "1", "Ville", "France"))
    with pytest.raises(DonneeInvalide, match="« France » n'est pas un code ISO 3166"):
        fichier(donneur=mauvais_pays)
    with pytest.raises(DonneeInvalide, match=r"« pain.001.001.10 » .* n'est pas prise en charge"):
        fichier("pain.001.001.10")


def test_une_date_passee_est_refusee_dans_la_09():
    hier = horloge.aujourdhui() - datetime.timedelta(days=1)
    with pytest.raises(DonneeInvalide, match=r"est passée .* jamais avant \(ReqdExctnDt\)"):
        fichier(date_execution=hier, cree_le=None)


# --------------------------------------------------------------- EPC rules on a file


def falsifier(contenu, action, version=VERSION_09):
    document = etree.fromstring(contenu)
    action(document, {"namespaces": {"p": espace_de_noms(version)}})
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8")


def premier(document, p, chemin):
    return document.xpath(chemin, **p)[0]


def texte_de(chemin, valeur):
    def action(document, p):
        premier(document, p, chemin).text = valeur

    return action


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (
            texte_de("//p:CdtTrfTxInf[2]/p:Cdtr/p:Nm", "Jean Müller"),
            "virement n° 2 (« LOT9-000002 ») : le texte « Jean Müller » (Nm) contient le "
            "caractère « ü », hors du jeu de caractères latin SEPA",
        ),
        (
            texte_de("//p:CdtTrfTxInf[1]/p:Cdtr/p:Nm", "A" * 71),
            "virement n° 1 (« LOT9-000001 ») : le nom « " + "A" * 71 + " » compte 71 caractères",
        ),
        (
            texte_de("//p:CdtTrfTxInf[3]/p:PmtId/p:EndToEndId", "LOT9 3"),
            "l'identifiant EndToEndId « LOT9 3 » contient un caractère non admis",
        ),
        (
            texte_de("//p:CdtTrfTxInf[3]/p:PmtId/p:EndToEndId", "LOT9-000001"),
            "virement n° 3 (« LOT9-000001 ») : la référence de bout en bout « LOT9-000001 » y "
            "figure plusieurs fois.",
        ),
        (
            texte_de("//p:PmtInf/p:PmtMtd", "CHK"),
            "a pour méthode de paiement « CHK » ; un virement SEPA est de méthode TRF.",
        ),
        (
            texte_de("//p:PmtInf/p:PmtTpInf/p:SvcLvl/p:Cd", "NURG"),
            "le niveau de service (SvcLvl) est « NURG » ; un virement SEPA porte le code SEPA.",
        ),
        (
            texte_de("//p:PmtInf/p:ChrgBr", "DEBT"),
            "les frais (ChrgBr) sont « DEBT »",
        ),
        (
            texte_de("//p:CdtTrfTxInf[2]/p:CdtrAcct/p:Id/p:IBAN", "DE89370400440532013001"),
            "virement n° 2 (« LOT9-000002 ») : le compte du bénéficiaire : La clé de l'IBAN",
        ),
        (
            texte_de("//p:DbtrAcct/p:Id/p:IBAN", "FR7630006000011234567890188"),
            "le compte débité du lot n° 1 (LOT9) : La clé",
        ),
        (
            texte_de("//p:CdtTrfTxInf[1]/p:CdtrAgt/p:FinInstnId/p:BICFI", "PSSTQQPPPAR"),
            "virement n° 1 (« LOT9-000001 ») : la banque du bénéficiaire : Le BIC « PSSTQQPPPAR » "
            "porte le code pays « QQ »",
        ),
        (
            texte_de("//p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt", "12.345"),
            "virement n° 1 (« LOT9-000001 ») : le montant « 12.345 » a plus de deux décimales.",
        ),
        (
            texte_de("//p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt", "0"),
            "le montant « 0 » n'est pas strictement positif.",
        ),
        (
            texte_de("//p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt", "1000000000.00"),
            "dépasse le maximum d'un virement SEPA (999\u202f999\u202f999,99\u00a0€)",
        ),
        (
            texte_de("//p:GrpHdr/p:CtrlSum", "1012.36"),
            "le total de contrôle de l'en-tête (CtrlSum) vaut 1\u202f012,36\u00a0€ alors que la "
            "somme des virements est de 1\u202f012,35\u00a0€.",
        ),
        (
            texte_de("//p:PmtInf/p:NbOfTxs", "2"),
            "le nombre de virements du lot n° 1 (NbOfTxs) vaut « 2 » alors que le fichier en "
            "contient 3.",
        ),
    ],
)
def test_les_regles_epc_que_le_xsd_ne_verifie_pas_sont_refusees_en_francais(action, message):
    contenu = falsifier(fichier(), action)
    with pytest.raises(DonneeInvalide) as erreur:
        valider_pain001(contenu)
    texte = erreur.value.message
    assert texte.startswith("Le fichier de virements n'est pas un fichier SEPA pain.001.001.09 ")
    assert message.replace("\u202f", "\u00a0") in texte.replace("\u202f", "\u00a0")


def test_une_autre_devise_deux_remises_ou_une_adresse_non_structuree_sont_refusees():
    def dollars(document, p):
        premier(document, p, "//p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt").set("Ccy", "USD")

    with pytest.raises(DonneeInvalide, match=r"n° 1 .*la devise est « USD » ; un virement SEPA"):
        valider_pain001(falsifier(fichier(), dollars))

    def deux_lignes(document, p):
        remise = premier(document, p, "//p:CdtTrfTxInf[1]/p:RmtInf")
        etree.SubElement(remise, remise[0].tag).text = "seconde ligne"

    with pytest.raises(DonneeInvalide, match=r"2 ligne\(s\) libre\(s\) \(Ustrd\) et 0"):
        valider_pain001(falsifier(fichier(), deux_lignes))

    def non_structuree(document, p):
        adresse = premier(document, p, "//p:Dbtr/p:PstlAdr")
        for enfant in list(adresse):
            adresse.remove(enfant)
        ligne = etree.SubElement(adresse, adresse.tag.replace("PstlAdr", "AdrLine"))
        ligne.text = "12 Rue de la Solidarite 76540 Valmont"

    with pytest.raises(DonneeInvalide) as erreur:
        valider_pain001(falsifier(fichier(), non_structuree))
    assert (
        "l'adresse postale du donneur d'ordre du lot n° 1 (LOT9) n'a pas de ville (TwnNm) et "
        "de pays (Ctry) structurés ; depuis le 15 novembre 2026"
    ) in erreur.value.message


def test_une_date_d_execution_avant_la_creation_est_refusee_dans_chaque_version():
    passe = (JOUR - datetime.timedelta(days=3)).isoformat()
    neuf = falsifier(fichier(), texte_de("//p:ReqdExctnDt/p:Dt", passe))
    with pytest.raises(DonneeInvalide, match="avant sa propre création"):
        valider_pain001(neuf)
    trois = falsifier(fichier(VERSION_03), texte_de("//p:ReqdExctnDt", passe), VERSION_03)
    with pytest.raises(DonneeInvalide, match="avant sa propre création"):
        valider_pain001(trois)


def test_un_fichier_d_une_autre_version_est_refuse_en_la_nommant():
    contenu = fichier().replace(b"pain.001.001.09", b"pain.001.001.10")
    with pytest.raises(DonneeInvalide) as erreur:
        valider_pain001(contenu)
    assert erreur.value.message == (
        "Le fichier de virements n'est pas un fichier SEPA pain.001 valide : son espace de noms "
        "« urn:iso:std:iso:20022:tech:xsd:pain.001.001.10 » n'est pas celui d'une version prise "
        "en charge (pain.001.001.09 ou pain.001.001.03)."
    )


def test_le_schema_09_refuse_une_date_sans_choix():
    contenu = fichier().replace(
        f"<ReqdExctnDt>\n        <Dt>{JOUR.isoformat()}</Dt>\n      </ReqdExctnDt>".encode(),
        f"<ReqdExctnDt>{JOUR.isoformat()}</ReqdExctnDt>".encode(),
    )
    assert b"<ReqdExctnDt><Dt>" not in contenu and b"<Dt>" not in contenu
    with pytest.raises(DonneeInvalide, match=r"schéma ISO 20022 pain.001.001.09 \(ligne "):
        valider_pain001(contenu)


def test_deux_mille_virements_dans_chaque_version():
    """A large batch in each version: valid, counted and totalled (the time it
    takes is measured by the benchmark, not here)."""
    lot = [
        Virement(
            f"Allocataire n° {i} Gérard",
            "FR7630006000011234567890189",
            "AGRIFRPP" if i % 2 else "",
            Decimal(i) + Decimal("0.01"),
            f"PAIE-2026-06-{i:06d}",
            f"Prestation familiale juin 2026 dossier {i}",
        )
        for i in range(1, 2_001)
    ]
    total = sum((v.montant for v in lot), Decimal("0"))
    for version in VERSIONS:
        contenu = fichier(version, virements=lot, message_id="PAIE-2026-06")
        assert valider_pain001(contenu) == version
        assert conforme_au_xsd(contenu, version)
        assert xpath(contenu, "//p:GrpHdr/p:NbOfTxs/text()", version) == ["2000"]
        assert xpath(contenu, "//p:GrpHdr/p:CtrlSum/text()", version) == [f"{total:.2f}"]
        assert len(set(xpath(contenu, "//p:EndToEndId/text()", version))) == 2_000
