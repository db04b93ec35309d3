"""camt.053 and camt.054: each refusal, with the figures it shows (pure functions)."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from core.money import format_euros
from tests.tresorerie.camt_outils import (
    DOMAINE,
    RETOUR_08,
    ecrire,
    ligne,
    modifier,
    refus,
    releve,
    releve_08,
)
from tresorerie.releves import lire_camt


def test_un_releve_intrajournalier_camt052_est_refuse_en_disant_quoi_demander():
    contenu = ecrire(version="camt.053.001.08").replace(b"camt.053.001.08", b"camt.052.001.08")
    assert refus(contenu) == (
        "Le fichier n'est pas un relevé camt.053 valide : c'est un message ISO 20022 "
        "camt.052.001.08 (un relevé intrajournalier, « Bank-to-Customer Account Report », "
        "provisoire : il ne se rapproche pas de la comptabilité), pas un relevé de compte ; "
        "demandez à la banque le relevé de fin de journée camt.053 (versions acceptées : de "
        "camt.053.001.02 à camt.053.001.14 pour un relevé, de camt.054.001.02 à "
        "camt.054.001.14 pour un avis ; de préférence camt.053.001.08)."
    )


def test_un_avis_d_une_version_non_prise_en_charge_est_refuse():
    contenu = ecrire(version="camt.054.001.08").replace(b"camt.054.001.08", b"camt.054.001.15")
    assert refus(contenu) == (
        "Le fichier n'est pas un avis camt.054 valide : sa version (camt.054.001.15) n'est pas "
        "prise en charge ; les versions acceptées vont de camt.054.001.02 à camt.054.001.14. "
        "Demandez à la banque un avis camt.054 dans l'une d'elles (de préférence "
        "camt.054.001.08)."
    )


@pytest.mark.parametrize(
    ("chemin", "attendu"),
    [
        (
            "//c:Acct/c:Ccy",
            "le relevé « REL-2026-03 » porte sur un compte en USD ; seuls les comptes en euros",
        ),
        (
            "//c:Ntry[2]/c:Amt/@Ccy",
            "le montant de l'écriture n° 2 du relevé « REL-2026-03 » (ligne 95) est en USD "
            "(1012.34 USD) ; seuls les montants en euros (EUR) sont acceptés.",
        ),
        (
            "//c:Bal[2]/c:Amt/@Ccy",
            "le solde CLBD du relevé « REL-2026-03 » est en USD (132.66 USD) ;",
        ),
    ],
)
def test_une_autre_devise_est_refusee_en_la_nommant(chemin, attendu):
    def en_dollars(document, n):
        (cible,) = document.xpath(chemin.removesuffix("/@Ccy"), namespaces=n)
        if chemin.endswith("@Ccy"):
            cible.set("Ccy", "USD")
        else:
            cible.text = "USD"

    assert attendu in refus(modifier(ecrire(), en_dollars))


def test_un_releve_08_desequilibre_est_refuse_avec_les_chiffres():
    entree = RETOUR_08.format(
        montant="80.00", rvsl="", code=DOMAINE, e2e="E", motif="<Cd>AC04</Cd>"
    )
    assert refus(releve_08(entree, cloture="590.00")) == (
        "Le relevé « 0312-7 » ne s'équilibre pas : le solde de clôture annoncé est de "
        f"{format_euros(Decimal('590.00'))}, alors que le solde d'ouverture "
        f"({format_euros(Decimal('500.00'))}) augmenté des crédits et diminué des débits donne "
        f"{format_euros(Decimal('580.00'))}."
    )


def test_une_periode_qui_finit_avant_de_commencer_est_refusee():
    r = releve((ligne("1.00", jour=20),), date_debut=datetime.date(2026, 3, 25))
    r = dataclasses.replace(r, date_fin=datetime.date(2026, 3, 20))

    def inverser(document, n):
        document.xpath("//c:FrToDt/c:FrDtTm", namespaces=n)[0].text = "2026-03-25T00:00:00"

    contenu = modifier(
        ecrire(dataclasses.replace(r, date_debut=datetime.date(2026, 3, 1))), inverser
    )
    assert refus(contenu) == (
        "Le fichier n'est pas un relevé camt.053 valide : la période du relevé « REL-2026-03 » "
        "finit le 20/03/2026, avant de commencer le 25/03/2026 ; demandez à la banque un relevé "
        "corrigé."
    )


def test_une_date_de_comptabilisation_hors_periode_est_notee_ou_refusee():
    proche = lire_camt(
        ecrire(releve((ligne("1.00", jour=3),), date_debut=datetime.date(2026, 3, 5)))
    )
    assert proche.ecarts == (
        "L'écriture n° 1 du relevé « REL-2026-03 » est comptabilisée le 03/03/2026, hors de la "
        "période du 05/03/2026 au 31/03/2026 ; elle est lue.",
    )
    loin = ecrire(releve((ligne("1.00", jour=3),), date_debut=datetime.date(2026, 3, 15)))
    assert refus(loin) == (
        "Le fichier n'est pas un relevé camt.053 valide : l'écriture n° 1 du relevé "
        "« REL-2026-03 » est comptabilisée le 03/03/2026, hors de la période du 15/03/2026 au "
        "31/03/2026 (plus de 7 jours d'écart)."
    )


def test_des_soldes_dates_a_rebours_sont_refuses():
    def rebours(document, n):
        document.xpath("//c:Bal[2]/c:Dt/c:Dt", namespaces=n)[0].text = "2026-02-27"

    assert refus(modifier(ecrire(), rebours)) == (
        "Le fichier n'est pas un relevé camt.053 valide : les soldes du relevé « REL-2026-03 » "
        "sont datés de façon incohérente : le solde de clôture (CLBD) est daté du 27/02/2026, "
        "avant le solde d'ouverture (OPBD) daté du 01/03/2026."
    )


def test_une_erreur_de_schema_sur_ce_qui_est_lu_refuse_le_fichier():
    def virgule(document, n):
        document.xpath("//c:Ntry/c:Amt", namespaces=n)[0].text = "250,00"

    message = refus(modifier(ecrire(), virgule))
    assert message == (
        "Le fichier n'est pas un relevé camt.053 valide : il n'est pas conforme au schéma ISO "
        "20022 camt.053.001.08 sur un élément que l'import lit (ligne 46 : la valeur « 250,00 » "
        "de « Stmt/Ntry/Amt » n'est pas admise par le schéma (type "
        "ActiveOrHistoricCurrencyAndAmount_SimpleType))."
    )

    def sans_sens(document, n):
        entree = document.xpath("//c:Ntry", namespaces=n)[0]
        entree.remove(entree.find("c:CdtDbtInd", n))

    assert "l'élément CdtDbtInd requis par le schéma manque dans « Stmt/Ntry » (« " in refus(
        modifier(ecrire(), sans_sens)
    )


def test_un_statut_inconnu_est_refuse_en_le_nommant():
    def inconnu(document, n):
        document.xpath("//c:Ntry/c:Sts/c:Cd", namespaces=n)[0].text = "ABCD"

    assert (
        "le statut de l'écriture n° 1 du relevé « REL-2026-03 » (ligne 45) (Sts) vaut « ABCD » ; "
        "attendu BOOK (comptabilisée), PDNG (en attente) ou INFO (pour information)."
    ) in refus(modifier(ecrire(), inconnu))


def test_un_releve_aux_seuls_soldes_disponibles_est_lu_sur_eux_avec_une_note():
    """Some banks give only the available balances (OPAV, CLAV): read on them,
    noted, the entries still having to lead from one to the other."""

    def disponibles(document, n):
        ouverture, cloture = document.xpath("//c:Bal/c:Tp/c:CdOrPrtry/c:Cd", namespaces=n)
        ouverture.text, cloture.text = "OPAV", "CLAV"

    attendu = lire_camt(ecrire())
    lu = lire_camt(modifier(ecrire(), disponibles))
    assert (lu.solde_ouverture, lu.solde_cloture, lu.lignes) == (
        attendu.solde_ouverture,
        attendu.solde_cloture,
        attendu.lignes,
    )
    assert lu.ecarts[0] == (
        "Le relevé « REL-2026-03 » ne donne que des soldes disponibles (OPAV, CLAV), pas de "
        "solde comptable : ils sont lus comme soldes d'ouverture et de clôture, et les écritures "
        "du relevé les relient."
    )


def test_un_releve_sans_solde_comptable_est_refuse_en_disant_ceux_qu_il_donne():
    def clotures_seules(document, n):
        ouverture, cloture = document.xpath("//c:Bal/c:Tp/c:CdOrPrtry/c:Cd", namespaces=n)
        ouverture.text, cloture.text = "CLAV", "CLBD"

    assert refus(modifier(ecrire(), clotures_seules)) == (
        "Le fichier n'est pas un relevé camt.053 valide : le relevé « REL-2026-03 » ne donne pas "
        "de solde d'ouverture comptable (OPBD, PRCD ou ITBD) ; soldes trouvés : CLAV, CLBD."
    )
