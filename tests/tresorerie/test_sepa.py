"""SEPA credit transfer files in pain.001.001.03: content, XSD validation, refusals.

pain.001.001.09, the default, and what both versions share: test_sepa_09.py."""

import datetime
from decimal import Decimal

import pytest
from lxml import etree

from core import horloge
from core.exceptions import DonneeInvalide
from tresorerie.sepa import (
    VERSION_03,
    Donneur,
    Virement,
    en_latin_sepa,
    espace_de_noms,
    pain001,
    valider_pain001,
)

N = {"p": espace_de_noms(VERSION_03)}
CAISSE = Donneur(
    nom="Caisse générale de sécurité sociale",
    iban="FR76 3000 6000 0112 3456 7890 189",
    bic="AGRIFRPP",
)
# The suite's clock is frozen (tests/conftest.py): the file is made the day
# before the execution it asks for, which is tomorrow.
JOUR = horloge.aujourdhui() + datetime.timedelta(days=1)
CREE_LE = datetime.datetime.combine(JOUR - datetime.timedelta(days=1), datetime.time(14, 30, 5))


def trois_virements():
    return [
        Virement(
            beneficiaire="Hélène Dupré-Çœur",
            iban="FR1420041010050500013M02606",
            bic="PSSTFRPPPAR",
            montant=Decimal("12.34"),
            bout_en_bout="LOT1-000001",
            libelle="Indemnités journalières n° 12 « mars »",
        ),
        Virement(
            beneficiaire="Jean Müller & Söhne",
            iban="DE89370400440532013000",
            bic="",
            montant=Decimal("1000.00"),
            bout_en_bout="LOT1-000002",
            libelle="Remboursement",
        ),
        Virement(
            beneficiaire="Pharmacie de l'Église",
            iban="FR7630006000011234567890189",
            bic="AGRIFRPP",
            montant=Decimal("345.56"),
            bout_en_bout="LOT1-000003",
            libelle="Tiers payant",
        ),
    ]


def fichier(virements=None, **changements):
    arguments = {
        "message_id": "LOT1",
        "donneur": CAISSE,
        "date_execution": JOUR,
        "virements": trois_virements() if virements is None else virements,
        "cree_le": CREE_LE,
        "version": VERSION_03,
    }
    arguments.update(changements)
    return pain001(**arguments)


def lire(contenu):
    return etree.fromstring(contenu)


def texte(document, chemin):
    return document.xpath(chemin, namespaces=N)


def test_un_lot_de_trois_virements_est_valide_et_compte_juste():
    contenu = fichier()
    valider_pain001(contenu)  # does not raise
    assert contenu.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    document = lire(contenu)
    assert texte(document, "//p:GrpHdr/p:NbOfTxs/text()") == ["3"]
    assert texte(document, "//p:GrpHdr/p:CtrlSum/text()") == ["1357.90"]
    assert texte(document, "//p:PmtInf/p:NbOfTxs/text()") == ["3"]
    assert texte(document, "//p:PmtInf/p:CtrlSum/text()") == ["1357.90"]
    assert len(texte(document, "//p:PmtInf")) == 1
    assert texte(document, "//p:GrpHdr/p:MsgId/text()") == ["LOT1"]
    assert texte(document, "//p:GrpHdr/p:CreDtTm/text()") == [CREE_LE.isoformat()]
    assert texte(document, "//p:PmtInf/p:PmtInfId/text()") == ["LOT1"]
    assert texte(document, "//p:PmtInf/p:ReqdExctnDt/text()") == [JOUR.isoformat()]
    assert texte(document, "//p:DbtrAcct/p:Id/p:IBAN/text()") == ["FR7630006000011234567890189"]
    assert texte(document, "//p:CdtTrfTxInf/p:PmtId/p:EndToEndId/text()") == [
        "LOT1-000001",
        "LOT1-000002",
        "LOT1-000003",
    ]
    assert texte(document, "//p:CdtTrfTxInf/p:Amt/p:InstdAmt/text()") == [
        "12.34",
        "1000.00",
        "345.56",
    ]
    assert texte(document, "//p:CdtTrfTxInf/p:Amt/p:InstdAmt/@Ccy") == ["EUR"] * 3


def test_les_noms_et_libelles_sont_translitteres_dans_le_jeu_de_caracteres_sepa():
    document = lire(fichier())
    assert texte(document, "//p:Cdtr/p:Nm/text()") == [
        "Helene Dupre-Coeur",
        "Jean Muller + Sohne",
        "Pharmacie de l'Eglise",
    ]
    assert texte(document, "//p:Dbtr/p:Nm/text()") == ["Caisse generale de securite sociale"]
    assert texte(document, "//p:RmtInf/p:Ustrd/text()")[0] == "Indemnites journalieres no 12 mars"


def test_en_latin_sepa_ne_garde_que_les_caracteres_admis_et_coupe():
    assert en_latin_sepa("Œuvre d’art\t— 50 € @ 10 %", 140) == "OEuvre d'art -- 50 EUR 10"
    assert en_latin_sepa("é" * 200, 70) == "e" * 70
    assert en_latin_sepa("   ", 70) == ""


def test_sans_bic_le_beneficiaire_n_a_pas_d_agent_et_le_donneur_a_notprovided():
    donneur = Donneur(nom="Caisse", iban="FR7630006000011234567890189", bic="")
    document = lire(fichier(donneur=donneur))
    agents = texte(document, "//p:CdtTrfTxInf/p:CdtrAgt/p:FinInstnId/p:BIC/text()")
    assert agents == ["PSSTFRPPPAR", "AGRIFRPP"]  # none for the 2nd transfer
    assert texte(document, "//p:DbtrAgt/p:FinInstnId/p:Othr/p:Id/text()") == ["NOTPROVIDED"]
    assert texte(document, "//p:DbtrAgt//p:BIC") == []


def test_un_libelle_vide_ne_donne_pas_d_information_de_remise():
    virements = trois_virements()
    virements[1] = Virement("Jean", "DE89370400440532013000", "", Decimal("1.00"), "X-2", "  ")
    document = lire(fichier(virements))
    assert len(texte(document, "//p:CdtTrfTxInf")) == 3
    assert len(texte(document, "//p:CdtTrfTxInf/p:RmtInf")) == 2


def test_le_meme_lot_donne_le_meme_fichier():
    assert fichier() == fichier()


# --------------------------------------------------------------- tampered files


def modifier(contenu, action):
    document = etree.fromstring(contenu)
    action(document)
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8")


def test_un_fichier_sans_total_de_controle_est_refuse():
    def enlever(document):
        total = texte(document, "//p:GrpHdr/p:CtrlSum")[0]
        total.getparent().remove(total)

    with pytest.raises(DonneeInvalide, match=r"total de contrôle de l'en-tête \(CtrlSum\) manque"):
        valider_pain001(modifier(fichier(), enlever))


def test_un_total_de_controle_faux_est_refuse_en_nommant_les_deux_montants():
    def fausser(document):
        texte(document, "//p:PmtInf/p:CtrlSum")[0].text = "1357.91"

    with pytest.raises(DonneeInvalide) as erreur:
        valider_pain001(modifier(fichier(), fausser))
    assert "1\u00a0357,91\u00a0€" in erreur.value.message
    assert "1\u00a0357,90\u00a0€" in erreur.value.message


def test_un_nombre_de_virements_faux_est_refuse():
    def fausser(document):
        texte(document, "//p:GrpHdr/p:NbOfTxs")[0].text = "4"

    with pytest.raises(DonneeInvalide, match="NbOfTxs.*« 4 ».*en contient 3"):
        valider_pain001(modifier(fichier(), fausser))


def test_un_iban_mal_forme_dans_le_fichier_est_refuse_par_le_schema():
    def fausser(document):
        texte(document, "//p:CdtrAcct/p:Id/p:IBAN")[1].text = "DE89 3704 0044"

    with pytest.raises(DonneeInvalide) as erreur:
        valider_pain001(modifier(fichier(), fausser))
    message = erreur.value.message
    assert message.startswith("Le fichier de virements n'est pas un fichier SEPA")
    assert "schéma ISO 20022 pain.001.001.03" in message
    assert "(ligne " in message and "IBAN" in message


def test_un_fichier_qui_n_est_pas_du_xml_est_refuse():
    with pytest.raises(DonneeInvalide, match="pas un document XML bien formé"):
        valider_pain001(b"MsgId;montant\nLOT1;12,00\n")


def test_une_reference_de_bout_en_bout_en_double_dans_le_fichier_est_refusee():
    def doubler(document):
        texte(document, "//p:EndToEndId")[2].text = "LOT1-000001"

    with pytest.raises(DonneeInvalide, match="« LOT1-000001 » y figure plusieurs fois"):
        valider_pain001(modifier(fichier(), doubler))


def test_une_entite_externe_est_refusee():
    contenu = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<Document>&x;</Document>"
    )
    with pytest.raises(DonneeInvalide, match="DOCTYPE"):
        valider_pain001(contenu)


# --------------------------------------------------------------- refused inputs


def test_une_reference_de_bout_en_bout_en_double_est_refusee_a_la_production():
    virements = trois_virements()
    virements[2] = Virement(
        "Paul", "FR7630006000011234567890189", "", Decimal("1"), "LOT1-000001", ""
    )
    with pytest.raises(DonneeInvalide, match=r"Virement n° 3 : .*« LOT1-000001 » est déjà"):
        fichier(virements)


@pytest.mark.parametrize(
    ("changement", "message"),
    [
        ({"iban": "FR7630006000011234567890188"}, r"Virement n° 2 \(« LOT1-000002 »\) : La clé"),
        ({"bic": "AGRI"}, r"Virement n° 2 .*: Le BIC « AGRI »"),
        ({"montant": Decimal("10.001")}, r"montant du virement n° 2 a plus de deux décimales"),
        ({"montant": 10.5}, "décimal exact"),
        ({"montant": Decimal("0")}, "strictement positif"),
        ({"montant": Decimal("1000000000.00")}, "maximum d'un virement SEPA"),
        ({"bout_en_bout": "X" * 36}, "36 caractères ; 35 au plus"),
        ({"bout_en_bout": "réf 1"}, "caractère non admis"),
        ({"bout_en_bout": "NOTPROVIDED"}, "réservée"),
        ({"beneficiaire": "€€"}, None),  # "EUR EUR" after transliteration: accepted
        ({"beneficiaire": "@@"}, "nom du bénéficiaire est obligatoire"),
    ],
)
def test_un_virement_aux_donnees_fausses_est_refuse_en_le_nommant(changement, message):
    virements = trois_virements()
    champs = {**virements[1].__dict__, **changement}
    virements[1] = Virement(**champs)
    if message is None:
        valider_pain001(fichier(virements))
        return
    with pytest.raises(DonneeInvalide, match=message):
        fichier(virements)


def test_un_lot_vide_ou_un_compte_de_la_caisse_faux_est_refuse():
    with pytest.raises(DonneeInvalide, match="aucun virement"):
        fichier([])
    with pytest.raises(DonneeInvalide, match="Compte débité de la caisse : La clé"):
        fichier(donneur=Donneur("Caisse", "FR7630006000011234567890188", "AGRIFRPP"))
    with pytest.raises(DonneeInvalide, match="MsgId"):
        fichier(message_id="")


def test_une_date_d_execution_passee_est_refusee_et_celle_du_jour_acceptee():
    aujourd_hui = horloge.aujourdhui()
    with pytest.raises(
        DonneeInvalide,
        match=rf"La date d'exécution demandée \({aujourd_hui - datetime.timedelta(days=1):%d/%m/%Y}\) "
        rf"est passée : un fichier de virements demande une exécution le jour même "
        rf"\({aujourd_hui:%d/%m/%Y}\) ou plus tard, jamais avant \(ReqdExctnDt\)\.",
    ):
        fichier(date_execution=aujourd_hui - datetime.timedelta(days=1), cree_le=None)
    document = lire(fichier(date_execution=aujourd_hui, cree_le=None))
    assert texte(document, "//p:PmtInf/p:ReqdExctnDt/text()") == [aujourd_hui.isoformat()]


def test_un_fichier_qui_demande_une_execution_avant_sa_creation_est_refuse():
    contenu = fichier()
    passe = (JOUR - datetime.timedelta(days=3)).isoformat()
    falsifie = contenu.replace(
        f"<ReqdExctnDt>{JOUR.isoformat()}</ReqdExctnDt>".encode(),
        f"<ReqdExctnDt>{passe}</ReqdExctnDt>".encode(),
    )
    assert falsifie != contenu
    with pytest.raises(
        DonneeInvalide,
        match=rf"il demande une exécution le {JOUR - datetime.timedelta(days=3):%d/%m/%Y}, avant "
        rf"sa propre création \({CREE_LE:%d/%m/%Y}\) ; une date d'exécution n'est jamais passée",
    ):
        valider_pain001(falsifie)
