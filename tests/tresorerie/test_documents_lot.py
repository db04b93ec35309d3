"""Documents in batch: the mandats of a payment batch and the quittances of a day,
rendered by core.pdf_lot's process pool, merged into one PDF or zipped."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader
from rest_framework.test import APIClient

from core import pdf_lot, pdf_travailleur
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tresorerie import services as t
from tresorerie.models import Quittance

PAGE = "<html><body><p>Document n° {}</p></body></html>"


@pytest.fixture(scope="module", autouse=True)
def _pool_chaud():
    """One pool of two processes for the whole module (the pages' batches too),
    started once here; stopped at the end."""
    with override_settings(CAISSE_PDF_PROCESSUS=2):
        pdf_lot.rendre([(PAGE.format(n), None) for n in range(2)])
        yield
    pdf_lot.arreter()


def arrete(processus) -> bool:
    """Whether the process ends within 30 s (the pool's manager thread may reap it
    first: its exit code is then set there, so it is polled, not joined)."""
    for _ in range(600):
        if processus.exitcode is not None:
            return True
        time.sleep(0.05)
    return False


def pages_et_textes(contenu: bytes) -> list[str]:
    return [
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(contenu)).pages
    ]


@pytest.fixture
def lot(directrice, comptable, comptes, credits):
    ordres = [
        ordre_vise(
            directrice,
            comptable,
            credits,
            montant=f"{100 + rang}.00",
            creancier=f"Fournisseur {rang}",
            identifiant=f"5521005540{rang:04d}",
        )
        for rang in range(2)
    ]
    return t.lot_payer(acting_user=comptable, ordres=ordres, compte=comptes["BANQUE"]), ordres


def encaisser(comptable, caisse, nombre):
    for rang in range(nombre):
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=caisse,
            moyen="numeraire",
            montant=Decimal(f"{10 + rang}.50"),
            payeur=f"Payeur {rang}",
            objet=f"Frais de dossier n° {rang}",
        )
    return list(Quittance.objects.order_by("carnet__serie", "numero"))


# --- The pool ------------------------------------------------------------------------


def test_le_pool_rend_chaque_page_dans_l_ordre_sans_django_dans_ses_processus():
    pdfs = pdf_lot.rendre([(PAGE.format(n), None) for n in range(5)])
    assert [pages_et_textes(pdf) for pdf in pdfs] == [[f"Document n° {n}"] for n in range(5)]
    pid, django_charge = pdf_lot.executer(pdf_travailleur.etat_du_processus)
    assert not django_charge
    assert pid != pdf_travailleur.etat_du_processus()[0]
    fusion = pdf_lot.fusionner(pdfs)
    assert pages_et_textes(fusion) == [f"Document n° {n}" for n in range(5)]


def test_un_processus_qui_meurt_refuse_son_lot_et_un_autre_lot_en_cours_aboutit():
    """A process killed (executer's « mourir », as for memory) breaks the pool under
    another batch in progress: that one renders its packets not done on a new pool."""
    refus = []

    def pages():
        for n in range(8):
            if n == 4:  # the first packets are on the pool: another batch kills a process
                with pytest.raises(pdf_lot.RenduPdfImpossible) as erreur:
                    pdf_lot.executer(pdf_travailleur.mourir)
                refus.append(erreur.value.message)
            yield PAGE.format(n), None

    pdfs = pdf_lot.rendre(pages(), nombre=8)
    assert [pages_et_textes(pdf) for pdf in pdfs] == [[f"Document n° {n}"] for n in range(8)]
    assert len(refus) == 1 and "un processus de rendu s'est arrêté" in refus[0]
    assert len(pdf_lot.rendre([(PAGE.format(n), None) for n in range(3)])) == 3


def test_un_processus_bloque_est_arrete_dans_le_delai_sans_nuire_a_un_autre_lot(tmp_path):
    """On a warm pool, a task that hangs in its process (it says so in `signal`) is
    refused at its deadline; a batch of another thread, in progress on the same pool
    before and after that refusal, finishes; the stuck process is stopped then."""
    signal = tmp_path / "bloque"
    pdf_lot.executer(pdf_travailleur.etat_du_processus)  # the pool's processes are up
    pool = pdf_lot._pool
    refus = []
    refuse = threading.Event()

    def bloquer():
        try:
            pdf_lot.executer(pdf_travailleur.attendre, 600, str(signal), delai=3)
        except pdf_lot.RenduPdfImpossible as erreur:
            # Refused while the task hangs in its process (not while a process starts).
            refus.append((erreur.message, signal.exists()))
        finally:
            refuse.set()

    fil = threading.Thread(target=bloquer)
    fil.start()
    for _ in range(600):  # the task hangs in a process now
        if signal.exists() and signal.read_text():
            break
        time.sleep(0.05)
    bloque = pool.executeur._processes[int(signal.read_text())]

    avant_le_refus = []

    def pages():
        for n in range(6):
            if n == 0:  # the batch holds the pool: it began before the refusal
                avant_le_refus.append(not refuse.is_set())
            if n == 3:  # half the batch sent before the refusal, half after
                assert refuse.wait(timeout=120)
            yield PAGE.format(n), None

    pdfs = pdf_lot.rendre(pages(), nombre=6)
    fil.join()
    assert refus == [("Le processus de rendu n'a pas répondu dans le délai (3 s).", True)]
    assert [pages_et_textes(pdf) for pdf in pdfs] == [[f"Document n° {n}"] for n in range(6)]
    assert avant_le_refus == [True]
    # The batch done, its retired pool is stopped, the stuck process with it.
    assert arrete(bloque) and pdf_lot._pool is None
    assert len(pdf_lot.rendre([(PAGE.format(n), None) for n in range(2)])) == 2


def test_un_pool_d_une_autre_taille_ne_ferme_pas_celui_d_un_lot_en_cours():
    def pages():
        for n in range(6):
            if n == 3:  # another batch wants one process: a pool of its own
                pdf_lot.executer(pdf_travailleur.etat_du_processus, processus=1)
            yield PAGE.format(n), None

    pdfs = pdf_lot.rendre(pages(), nombre=6)
    assert [pages_et_textes(pdf) for pdf in pdfs] == [[f"Document n° {n}"] for n in range(6)]


def test_une_page_qui_echoue_en_cours_de_lot_n_envoie_plus_rien():
    def pages():
        yield PAGE.format(0), None
        raise RuntimeError("base indisponible")

    with pytest.raises(RuntimeError, match="base indisponible"):
        pdf_lot.rendre(pages(), nombre=8)


def test_un_seul_document_est_rendu_dans_le_processus_appelant(monkeypatch):
    monkeypatch.setattr(pdf_lot, "_prendre", lambda taille: pytest.fail("pool sollicité"))
    (pdf,) = pdf_lot.rendre([(PAGE.format(7), None)])
    assert pages_et_textes(pdf) == ["Document n° 7"]


# --- Mandats of a payment batch --------------------------------------------------------


def test_les_mandats_d_un_lot_en_un_pdf_une_page_et_son_numero_par_mandat(client, auditeur, lot):
    lot, ordres = lot
    client.force_login(auditeur)  # the auditor reads
    page = client.get(reverse("tresorerie:lot", args=[lot.pk])).content.decode()
    assert f'href="{reverse("tresorerie:lot_mandats", args=[lot.pk])}?forme=zip"' in page
    reponse = client.get(reverse("tresorerie:lot_mandats", args=[lot.pk]))
    assert reponse.status_code == 200 and reponse["Content-Type"] == "application/pdf"
    assert f'filename="mandats_{lot.reference}.pdf"' in reponse["Content-Disposition"]
    textes = pages_et_textes(reponse.content)
    assert len(textes) == len(ordres)
    for texte, ordre in zip(textes, ordres, strict=True):
        assert ordre.reference in texte


def test_les_mandats_d_un_lot_en_zip_un_pdf_nomme_par_numero(client, comptable, lot):
    lot, ordres = lot
    client.force_login(comptable)
    reponse = client.get(reverse("tresorerie:lot_mandats", args=[lot.pk]), {"forme": "zip"})
    assert reponse["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(reponse.content))
    assert archive.namelist() == [f"mandat_{o.reference}.pdf" for o in ordres]
    for ordre in ordres:
        (texte,) = pages_et_textes(archive.read(f"mandat_{ordre.reference}.pdf"))
        assert ordre.reference in texte


def test_un_regisseur_ne_telecharge_pas_les_mandats_d_un_lot(client, regisseur, lot):
    lot, _ = lot
    client.force_login(regisseur)
    reponse = client.get(reverse("tresorerie:lot_mandats", args=[lot.pk]))
    assert reponse.status_code == 403
    api = APIClient()
    api.force_authenticate(regisseur)
    reponse = api.get(reverse("api_tresorerie_lot_mandats", args=[lot.pk]))
    assert reponse.status_code == 404 and "n'existe pas" in reponse.json()["message"]


def test_l_api_donne_les_mandats_d_un_lot_et_refuse_une_partie_absente(auditeur, lot):
    lot, ordres = lot
    api = APIClient()
    api.force_authenticate(auditeur)
    adresse = reverse("api_tresorerie_lot_mandats", args=[lot.pk])
    reponse = api.get(adresse)
    assert reponse.status_code == 200 and reponse["X-Documents"] == str(len(ordres))
    assert len(pages_et_textes(reponse.content)) == len(ordres)
    refus = api.get(adresse, {"partie": 2})
    assert refus.status_code == 400
    assert refus.json()["message"].startswith("La partie 2 n'existe pas : ce lot en compte 1")


# --- Quittances of a day ------------------------------------------------------------------


def test_les_quittances_du_jour_en_un_pdf_et_en_zip(client, comptable, auditeur, comptes):
    quittances = encaisser(comptable, comptes["CAISSE"], 3)
    client.force_login(auditeur)
    adresse = reverse("tresorerie:quittances_jour")
    assert f'action="{adresse}"' in client.get(reverse("tresorerie:encaissements")).content.decode()
    reponse = client.get(adresse, {"jour": AUJOURD_HUI.isoformat()})
    assert reponse.status_code == 200
    textes = pages_et_textes(reponse.content)
    assert len(textes) == len(quittances)
    for texte, quittance in zip(textes, quittances, strict=True):
        assert quittance.reference in texte
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(adresse, {"jour": AUJOURD_HUI.isoformat(), "forme": "zip"}).content)
    )
    assert archive.namelist() == [f"quittance_{q.reference}.pdf" for q in quittances]


def test_un_jour_sans_quittance_est_refuse_en_francais(client, comptable, comptes):
    client.force_login(comptable)
    veille = AUJOURD_HUI  # nothing cashed
    reponse = client.get(
        reverse("tresorerie:quittances_jour"), {"jour": veille.isoformat()}, follow=True
    )
    messages = [str(m) for m in reponse.context["messages"]]
    assert messages == [
        f"Aucune quittance ni aucun reçu délivré le {veille:%d/%m/%Y} que vous puissiez lire."
    ]
    api = APIClient()
    api.force_authenticate(comptable)
    refus = api.get(reverse("api_tresorerie_quittances_jour"), {"jour": veille.isoformat()})
    assert refus.status_code == 400 and refus.json()["message"] == messages[0]


def test_un_regisseur_n_obtient_que_les_quittances_de_sa_regie(
    client, comptable, regisseur, comptes
):
    encaisser(comptable, comptes["CAISSE"], 2)  # the agent comptable's cash desk
    client.force_login(regisseur)
    reponse = client.get(
        reverse("tresorerie:quittances_jour"), {"jour": AUJOURD_HUI.isoformat()}, follow=True
    )
    assert [str(m) for m in reponse.context["messages"]] == [
        f"Aucune quittance ni aucun reçu délivré le {AUJOURD_HUI:%d/%m/%Y} que vous puissiez lire."
    ]


def test_sans_fonction_on_ne_telecharge_rien(client, comptable, comptes, django_user_model):
    encaisser(comptable, comptes["CAISSE"], 1)
    intrus = django_user_model.objects.create_user("intrus", password="x")
    client.force_login(intrus)
    reponse = client.get(reverse("tresorerie:quittances_jour"), {"jour": AUJOURD_HUI.isoformat()})
    assert reponse.status_code == 403
    api = APIClient()
    api.force_authenticate(intrus)
    refus = api.get(reverse("api_tresorerie_quittances_jour"), {"jour": AUJOURD_HUI.isoformat()})
    assert refus.status_code == 403
