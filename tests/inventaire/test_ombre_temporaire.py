"""A temporary inventaire_etatinventaire does not unfreeze a signed état
(issue 14, point 7; see tests/ledger/test_ombre_temporaire.py)."""

import pytest

from inventaire.models import ArticleEtat
from tests.inventaire.test_services import par
from tests.ledger.test_ombre_temporaire import SANS_DROIT, _avec, _droit_rendu
from tests.savepoint import refus_sql


@pytest.mark.django_db(transaction=True)
def test_un_etat_signe_ne_recoit_pas_d_article_par_une_table_temporaire(comptable, periode):
    etat = par(comptable, periode)
    avant = ArticleEtat.objects.count()

    def sonde(cur):
        cur.execute("SET ROLE caisse_app")
        cur.execute(
            "CREATE TEMP TABLE inventaire_etatinventaire AS SELECT id, txid_current() AS tx,"
            " pg_postmaster_start_time() AS tx_serveur FROM public.inventaire_etatinventaire"
            " WHERE id = %s",
            [etat.pk],
        )
        cur.execute(
            "INSERT INTO public.inventaire_articleetat (etat_id, rang, libelle, tiers,"
            " compte_debit, compte_credit, montant, pour_memoire, compte_provision)"
            " VALUES (%s, 9, 'ajout', '', '418', '7511', 10, false, '')",
            [etat.pk],
        )

    refus_sql(sonde, SANS_DROIT)
    refus_sql(_avec(_droit_rendu, sonde), "Un état d'inventaire signé est figé")
    assert ArticleEtat.objects.count() == avant
