"""Helpers of the surveillance's tests: a claim put in contentious recovery
by rows of the journal, as the amicable and contentious parts write them."""

from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest
from django.db import transaction

from recouvrement.models import Creance
from recouvrement.services import creance_de, journaliser

pdf_requis = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler absent")


def texte_pdf(contenu: bytes) -> str:
    """The PDF's text, its whitespace (the cells' line breaks) made single spaces."""
    texte = subprocess.run(
        ["pdftotext", "-", "-"], input=contenu, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(texte.split())


def en_contentieux(ordre, auteur, le: datetime.date, type: str = "mise_en_demeure", **extra):
    """The claim of the order's line, with one act of the journal on it; a
    claim of the agent comptable is first handed to the directeur."""
    with transaction.atomic():
        creance = creance_de(ordre.lignes.get(), le)
        if creance.responsable == Creance.Responsable.COMPTABLE:
            Creance.objects.filter(pk=creance.pk).update(
                responsable=Creance.Responsable.DIRECTEUR, transmise_le=le
            )
            journaliser(
                debiteur=creance.debiteur,
                creance=creance,
                type="transmission",
                le=le,
                libelle="Transmission au directeur",
                auteur=auteur,
                qualite="agent comptable",
            )
        journaliser(
            debiteur=creance.debiteur,
            creance=creance,
            type=type,
            le=le,
            libelle=extra.pop("libelle", f"Acte {type}"),
            auteur=auteur,
            qualite="directeur",
            **extra,
        )
    creance.refresh_from_db()
    return creance
