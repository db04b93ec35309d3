"""`core.pdf`: WeasyPrint warmed in the server's arbiter, then a PDF rendered
in a process forked after it, as gunicorn's processes are (`demarrer`)."""

import datetime
import os
import shutil
import subprocess

import pytest

from core import pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils)")


def _texte(contenu: bytes, chemin) -> str:
    chemin.write_bytes(contenu)
    return subprocess.run(
        ["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_un_processus_forke_apres_le_prechauffage_rend_son_pdf(tmp_path, settings):
    pdf.prechauffer()
    lecture, ecriture = os.pipe()
    enfant = os.fork()
    if enfant == 0:  # the child: one document, its bytes to the parent, then leave
        code = 1
        try:
            os.close(lecture)
            contenu = pdf.pdf_de("<h1>Quittance n° 2026-000123</h1><p>1 234,56 €</p>")
            with os.fdopen(ecriture, "wb") as sortie:
                sortie.write(contenu)
            code = 0
        finally:
            os._exit(code)
    os.close(ecriture)
    with os.fdopen(lecture, "rb") as entree:
        contenu = entree.read()
    _, statut = os.waitpid(enfant, 0)
    assert os.waitstatus_to_exitcode(statut) == 0
    assert contenu.startswith(b"%PDF-")
    texte = _texte(contenu, tmp_path / "enfant.pdf")
    assert "Quittance n° 2026-000123" in texte and "1 234,56 €" in texte


def test_un_document_porte_l_organisme_et_l_heure_d_edition(tmp_path, settings, horloge):
    settings.NOM_ORGANISME = "Caisse de Valmont"
    horloge(datetime.datetime(2026, 3, 2, 9, 30))
    gabarit = tmp_path / "gabarits" / "essai.html"
    gabarit.parent.mkdir()
    gabarit.write_text(
        "<p>{{ organisme }} — édité le {{ edite_le|date:'d/m/Y' }} — {{ objet }}</p>",
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [str(gabarit.parent), *settings.TEMPLATES[0]["DIRS"]]}
    ]
    texte = _texte(pdf.document_pdf("essai.html", {"objet": "Lettre"}), tmp_path / "doc.pdf")
    assert "Caisse de Valmont — édité le 02/03/2026 — Lettre" in texte
