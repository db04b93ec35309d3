"""An uploaded pièce is checked whole (issue 14, point 8): a PDF parsed by
pypdf, an image decoded by Pillow; polyglots (a PDF or an image hiding a
program or an archive), active content, encryption, trailing data and
decompression bombs are refused with a French message, and a refused upload
stores nothing, neither a row nor a file. A bank statement's XML with a DTD
(external entity, billion laughs) is refused too."""

import datetime
import io
import json
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import StreamObject
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide
from core.pieces import controler_fichier
from depenses.models import OrdreDepense, PieceDepense
from tests.depenses.conftest import credits  # noqa: F401 (a fixture)
from tests.depenses.test_api_pieces_parapheur import _corps
from tests.depenses.test_pages_api import _donnees
from tests.depenses.test_services import engager
from tests.fichiers import jpeg, pdf, png
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)
from tresorerie.models import Releve

# A minimal Windows executable: the DOS header whose e_lfanew points to "PE\0\0".
PROGRAMME = b"MZ" + b"\x90" * 58 + (64).to_bytes(4, "little") + b"PE\0\0" + b"\0" * 200


def _ecrire(ecrivain: PdfWriter) -> bytes:
    sortie = io.BytesIO()
    ecrivain.write(sortie)
    return sortie.getvalue()


def _pdf_avec(preparer) -> bytes:
    ecrivain = PdfWriter()
    ecrivain.add_blank_page(595, 842)
    preparer(ecrivain)
    return _ecrire(ecrivain)


def _zip() -> bytes:
    sortie = io.BytesIO()
    with zipfile.ZipFile(sortie, "w") as archive:
        archive.writestr("lisez-moi.txt", "bonjour")
    return sortie.getvalue()


def _refus(nom: str, contenu: bytes) -> str:
    with pytest.raises(DonneeInvalide) as refus:
        controler_fichier(nom, contenu)
    return str(refus.value)


# --- Accepted --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nom", "contenu", "type_mime"),
    [
        ("facture.pdf", pdf("facture"), "application/pdf"),
        ("photo.png", png("photo"), "image/png"),
        ("photo.jpg", jpeg("photo"), "image/jpeg"),
        ("scan.JPEG", jpeg("scan", largeur=1240, hauteur=1754), "image/jpeg"),
        ("remplie.png", png("remplie") + b"\0\0", "image/png"),  # a scanner's padding
    ],
)
def test_un_vrai_fichier_est_admis(nom, contenu, type_mime):
    assert controler_fichier(nom, contenu) == type_mime


def test_un_pdf_de_weasyprint_et_celui_de_la_demo_sont_admis():
    from weasyprint import HTML

    from accueil.demo.pieces import facture

    assert controler_fichier("a.pdf", HTML(string="<h1>Facture</h1>").write_pdf())
    nom, contenu = facture("Papeterie", "Ramettes", 12, datetime.date(2026, 6, 15), "118")
    assert controler_fichier(nom, contenu) == "application/pdf"


# --- Polyglots -------------------------------------------------------------------------


def test_un_pdf_suivi_d_un_programme_est_refuse():
    assert _refus("facture.pdf", pdf() + PROGRAMME) == (
        "Le fichier « facture.pdf » est refusé : il contient un programme Windows."
    )


def test_un_programme_cache_avant_la_fin_du_pdf_est_refuse():
    # the executable slipped in before a final %%EOF, so that nothing trails it
    contenu = pdf()[: -len(b"%%EOF\n")] + PROGRAMME + b"\n%%EOF\n"
    assert "il contient un programme Windows" in _refus("facture.pdf", contenu)


def test_un_programme_qui_porte_un_en_tete_pdf_est_refuse():
    # readers look for %PDF- within the first 1,024 bytes; we want it first
    contenu = PROGRAMME + b"%PDF-1.4\n" + pdf()
    assert _refus("facture.pdf", contenu) == (
        "Le fichier « facture.pdf » n'est pas ce qu'il prétend être : son contenu n'est pas un PDF."
    )


def test_des_donnees_apres_la_fin_du_pdf_sont_refusees():
    assert _refus("facture.pdf", pdf() + b"<script>alert(1)</script>") == (
        "Le fichier « facture.pdf » est refusé : "
        "des données étrangères suivent la fin du document PDF."
    )


def test_une_image_suivie_d_une_archive_est_refusee():
    assert _refus("photo.png", png() + _zip()) == (
        "Le fichier « photo.png » est refusé : il contient une archive ZIP."
    )


def _zip64() -> bytes:
    """`_zip()` in ZIP64 form, as an archive beyond 4 GiB ends: the classic end
    record says 0xFFFFFFFF and readers take the sizes from the ZIP64 end record,
    found through its locator."""
    donnees = _zip()
    fin = donnees.rfind(b"PK\x05\x06")
    _, _, _, par_disque, total, taille, debut, _ = struct.unpack(
        "<4s4H2LH", donnees[fin : fin + 22]
    )
    enregistrement = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, par_disque, total, taille, debut
    )
    localisateur = struct.pack("<4sLQL", b"PK\x06\x07", 0, fin, 1)
    fin_classique = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0
    )
    return donnees[:fin] + enregistrement + localisateur + fin_classique


def _pdf_portant(donnees: bytes) -> bytes:
    """A valid PDF carrying `donnees` as a stream object's content."""

    def ajouter(ecrivain: PdfWriter) -> None:
        flux = StreamObject()
        flux.set_data(donnees)
        ecrivain._add_object(flux)

    return _pdf_avec(ajouter)


@pytest.mark.parametrize("nom", ["facture.pdf", "photo.png"])
def test_une_archive_zip64_cachee_est_refusee(nom):
    archive = _zip64()
    contenu = _pdf_portant(archive) if nom.endswith(".pdf") else png() + archive
    # a real polyglot: it opens as a ZIP too
    assert zipfile.ZipFile(io.BytesIO(contenu)).read("lisez-moi.txt") == b"bonjour"
    assert _refus(nom, contenu) == f"Le fichier « {nom} » est refusé : il contient une archive ZIP."


def test_un_pdf_portant_un_flux_ordinaire_est_admis():
    assert controler_fichier("facture.pdf", _pdf_portant(b"BT /F1 12 Tf (PK) Tj ET")) == (
        "application/pdf"
    )


def test_une_image_suivie_de_donnees_est_refusee():
    assert _refus("photo.jpg", jpeg() + b"donnees cachees") == (
        "Le fichier « photo.jpg » est refusé : des données étrangères suivent la fin de l'image."
    )


# --- PDF -------------------------------------------------------------------------------


def test_un_pdf_avec_du_javascript_est_refuse():
    contenu = _pdf_avec(lambda e: e.add_open_action(JavaScript("app.alert('bonjour');")))
    assert _refus("facture.pdf", contenu) == (
        "Le fichier « facture.pdf » est refusé : il contient du JavaScript."
    )


def test_un_pdf_avec_un_fichier_incorpore_est_refuse():
    contenu = _pdf_avec(lambda e: e.add_attachment("programme.exe", b"contenu"))
    assert "il contient des fichiers incorporés" in _refus("facture.pdf", contenu)


def test_un_pdf_chiffre_est_refuse():
    contenu = _pdf_avec(lambda e: e.encrypt("secret"))
    assert _refus("facture.pdf", contenu) == (
        "Le fichier « facture.pdf » est refusé : il est chiffré ou protégé par un mot de passe ; "
        "joignez-le sans protection, pour qu'il puisse être archivé et relu."
    )


def _pdf_a_la_main(catalogue: bytes, *autres: bytes) -> bytes:
    """A one-page PDF whose catalogue and extra objects are written by hand."""
    objets = [
        catalogue,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *autres,
    ]
    sortie, positions = bytearray(b"%PDF-1.4\n"), []
    for numero, objet in enumerate(objets, start=1):
        positions.append(len(sortie))
        sortie += f"{numero} 0 obj\n".encode() + objet + b"\nendobj\n"
    xref = len(sortie)
    sortie += f"xref\n0 {len(objets) + 1}\n0000000000 65535 f \n".encode()
    sortie += b"".join(f"{p:010d} 00000 n \n".encode() for p in positions)
    sortie += f"trailer\n<< /Size {len(objets) + 1} /Root 1 0 R >>\n".encode()
    return bytes(sortie + f"startxref\n{xref}\n%%EOF\n".encode())


@pytest.mark.parametrize(
    ("catalogue", "autres", "raison"),
    [
        (
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>",
            (),
            "il contient une action qui lance un programme",
        ),
        # a name written in hexadecimal escapes is the same name
        (
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
            (b"<< /S /Java#53cript /J#53 (app.alert(1)) >>",),
            "il contient du JavaScript",
        ),
    ],
)
def test_une_action_active_est_refusee_quelle_que_soit_son_ecriture(catalogue, autres, raison):
    assert controler_fichier("ok.pdf", _pdf_a_la_main(b"<< /Type /Catalog /Pages 2 0 R >>"))
    contenu = _pdf_a_la_main(catalogue, *autres)
    assert _refus("facture.pdf", contenu) == f"Le fichier « facture.pdf » est refusé : {raison}."


def test_un_pdf_imbrique_sans_fin_ou_aux_pages_en_boucle_est_refuse():
    profond = _pdf_a_la_main(b"<< /Type /Catalog /Pages 2 0 R >>", b"[" * 100_000 + b"]" * 100_000)
    assert "sa structure est endommagée" in _refus("profond.pdf", profond)
    boucle = _pdf_a_la_main(
        b"<< /Type /Catalog /Pages 4 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>"
    )
    assert "sa structure est endommagée" in _refus("boucle.pdf", boucle)


@pytest.mark.parametrize(
    ("contenu", "raison"),
    [
        (pdf()[:150], "il est incomplet, sa marque de fin « %%EOF » manque"),
        (pdf()[:-60] + b"\n%%EOF\n", "sa structure est endommagée ou incomplète"),
        (b"%PDF-1.4\n%%EOF\n", "sa structure est endommagée ou incomplète"),
    ],
)
def test_un_pdf_tronque_ou_illisible_est_refuse(contenu, raison):
    assert _refus("facture.pdf", contenu) == (
        f"Le fichier « facture.pdf » n'est pas un PDF lisible : {raison}."
    )


# --- Images ----------------------------------------------------------------------------


def test_un_jpeg_renomme_en_png_est_refuse():
    assert _refus("photo.png", jpeg()) == (
        "Le fichier « photo.png » n'est pas ce qu'il prétend être : son contenu n'est pas un PNG."
    )


def test_une_image_tronquee_est_refusee():
    assert _refus("photo.jpg", jpeg(largeur=64, hauteur=64)[:-80]) == (
        "Le fichier « photo.jpg » n'est pas une image JPEG lisible : "
        "elle est endommagée ou tronquée."
    )


def _png_blanc(largeur: int, hauteur: int) -> bytes:
    """A one-bit PNG of that size, written by hand (Pillow would take seconds)."""

    def bloc(type_bloc: bytes, donnees: bytes) -> bytes:
        corps = type_bloc + donnees
        return len(donnees).to_bytes(4, "big") + corps + zlib.crc32(corps).to_bytes(4, "big")

    compresseur = zlib.compressobj(9)
    ligne = b"\0" * (1 + (largeur + 7) // 8)  # filter byte, then the row's bits
    donnees = b"".join(compresseur.compress(ligne * 1000) for _ in range(hauteur // 1000))
    donnees += compresseur.compress(ligne * (hauteur % 1000)) + compresseur.flush()
    entete = largeur.to_bytes(4, "big") + hauteur.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n" + bloc(b"IHDR", entete) + bloc(b"IDAT", donnees) + bloc(b"IEND", b"")
    )


def test_une_bombe_de_decompression_est_refusee():
    # 20,000 × 20,000 pixels of one colour: some 50 kB compressed, 400 Mpx decoded
    bombe = _png_blanc(20_000, 20_000)
    assert len(bombe) < 100_000
    assert _refus("scan.png", bombe) == (
        "Le fichier « scan.png » est refusé : l'image est trop grande ; "
        "au plus 40 millions de pixels."
    )


def test_une_image_au_dela_de_la_borne_est_refusee_avec_ses_dimensions():
    assert controler_fichier("scan.png", _png_blanc(6_000, 6_000)) == "image/png"
    assert _refus("scan.png", _png_blanc(8_000, 6_000)) == (
        "Le fichier « scan.png » est refusé : l'image est trop grande "
        "(8\xa0000 × 6\xa0000 pixels) ; au plus 40 millions de pixels."
    )


# --- Through a page and the API: nothing stored ----------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _fichiers(dossier) -> list:
    return [chemin for chemin in dossier.rglob("*") if chemin.is_file()]


@pytest.mark.django_db
def test_la_page_refuse_un_polyglotte_et_ne_garde_rien(client, directrice, credits, media):  # noqa: F811
    client.force_login(directrice)
    engagement = engager(directrice, credits)
    # a good pièce first, which must not stay on disk when the second is refused
    bonne = SimpleUploadedFile("devis.pdf", pdf("devis"), "application/pdf")
    polyglotte = SimpleUploadedFile("facture.pdf", pdf() + PROGRAMME, "application/pdf")
    reponse = client.post(
        reverse("depenses:nouveau"), _donnees(engagement, pieces=[bonne, polyglotte])
    )
    assert reponse.status_code == 400
    assert (
        "Le fichier « facture.pdf » est refusé : il contient un programme Windows."
        in reponse.content.decode().replace("&#x27;", "'")
    )
    assert not OrdreDepense.objects.exists() and not PieceDepense.objects.exists()
    assert _fichiers(media) == []


@pytest.mark.django_db
def test_l_api_refuse_un_pdf_avec_du_javascript_et_ne_garde_rien(directrice, credits, media):  # noqa: F811
    engagement = engager(directrice, credits)
    contenu = _pdf_avec(lambda e: e.add_open_action(JavaScript("app.launchURL('x');")))
    api = APIClient()
    api.force_authenticate(directrice)
    reponse = api.post(
        "/api/ordres-depense/creer/",
        {
            "saisie": json.dumps(_corps(engagement)),
            "pieces": [SimpleUploadedFile("facture.pdf", contenu, "application/pdf")],
        },
        format="multipart",
    )
    assert reponse.status_code == 400
    assert reponse.json()["message"] == (
        "Le fichier « facture.pdf » est refusé : il contient du JavaScript."
    )
    assert not OrdreDepense.objects.exists() and not PieceDepense.objects.exists()
    assert _fichiers(media) == []


# --- Bank statements: no DTD -----------------------------------------------------------

ENTETE_CAMT = b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
RIRES = (
    b'<?xml version="1.0"?>\n<!DOCTYPE Document [\n<!ENTITY a "hahahahahahahahahaha">\n'
    + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n'.encode() for i in range(9)
    )
    + b"]>\n"
    + ENTETE_CAMT
    + b"&j;</Document>"
)
EXTERNE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    + ENTETE_CAMT
    + b"&x;</Document>"
)


@pytest.mark.django_db
@pytest.mark.parametrize("contenu", [RIRES, EXTERNE], ids=["milliard_de_rires", "entite_externe"])
def test_un_releve_avec_une_dtd_est_refuse(comptable, comptes, contenu):  # noqa: F811
    api = APIClient()
    api.force_authenticate(comptable)
    reponse = api.post(
        "/api/tresorerie/releves/",
        {"compte": "BANQUE", "fichier": SimpleUploadedFile("releve.xml", contenu)},
        format="multipart",
    )
    assert reponse.status_code == 400, reponse.content
    message = reponse.json()["message"]
    assert message.startswith("Le fichier n'est pas un relevé camt.053 valide"), message
    assert "DOCTYPE, refusée par sécurité" in message and "root:" not in message
    assert not Releve.objects.exists()
