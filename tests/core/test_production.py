"""The served mode (issue 14, point 1 and part of 5): DEBUG off by default,
French error pages with the navigation, security headers, the HTTPS switch,
the port check of `demarrer`, the production start's refusals, PostgreSQL
unreachable (503) and the embedded server's first start after a crash."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from accueil.management.commands.demarrer import DemarrageImpossible, reserver_port

RACINE = Path(__file__).resolve().parents[2]


def _port_ferme() -> int:
    """A port where nothing listens (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _python(code: str, **env) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter with a clean environment: no embedded
    server is started (DATABASE_URL names a closed port unless given)."""
    propre = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CAISSE_"))}
    propre.setdefault("DATABASE_URL", f"postgresql://caisse@127.0.0.1:{_port_ferme()}/caisse")
    propre.update(env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=RACINE,
        env=propre,
        capture_output=True,
        text=True,
        timeout=60,
    )


REGLAGES = """
    import json
    import config.settings as s
    print(json.dumps({
        "DEBUG": s.DEBUG,
        "SESSION_COOKIE_SECURE": getattr(s, "SESSION_COOKIE_SECURE", False),
        "CSRF_COOKIE_SECURE": getattr(s, "CSRF_COOKIE_SECURE", False),
        "SECURE_SSL_REDIRECT": getattr(s, "SECURE_SSL_REDIRECT", False),
        "SECURE_HSTS_SECONDS": getattr(s, "SECURE_HSTS_SECONDS", 0),
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": getattr(s, "SECURE_HSTS_INCLUDE_SUBDOMAINS", False),
        "SECURE_PROXY_SSL_HEADER": getattr(s, "SECURE_PROXY_SSL_HEADER", None),
        "SESSION_COOKIE_AGE": s.SESSION_COOKIE_AGE,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": s.SESSION_EXPIRE_AT_BROWSER_CLOSE,
        "SESSION_SAVE_EVERY_REQUEST": getattr(s, "SESSION_SAVE_EVERY_REQUEST", False),
        "MIDDLEWARE": s.MIDDLEWARE,
    }))
"""


def test_settings_by_default_debug_off_short_sessions_no_https():
    fini = _python(REGLAGES)
    assert fini.returncode == 0, fini.stderr
    reglages = json.loads(fini.stdout)
    assert reglages["DEBUG"] is False
    assert reglages["SESSION_COOKIE_AGE"] == 30 * 60
    assert reglages["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    # Renewed once a minute by core.sessions.SessionGlissante, not saved at every request.
    assert reglages["SESSION_SAVE_EVERY_REQUEST"] is False
    assert "core.sessions.SessionGlissante" in reglages["MIDDLEWARE"]
    assert reglages["SESSION_COOKIE_SECURE"] is False
    assert reglages["SECURE_HSTS_SECONDS"] == 0


def test_one_setting_switches_https_on():
    fini = _python(REGLAGES, CAISSE_HTTPS="1")
    assert fini.returncode == 0, fini.stderr
    reglages = json.loads(fini.stdout)
    assert reglages["SESSION_COOKIE_SECURE"] is True
    assert reglages["CSRF_COOKIE_SECURE"] is True
    assert reglages["SECURE_SSL_REDIRECT"] is True
    assert reglages["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert reglages["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert reglages["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_port_taken_french_message_before_any_login_is_printed():
    with socket.socket() as occupant:
        occupant.bind(("127.0.0.1", 0))
        occupant.listen(1)
        port = occupant.getsockname()[1]
        with pytest.raises(
            DemarrageImpossible, match=f"Le port {port} de 127.0.0.1 est déjà occupé"
        ):
            reserver_port("127.0.0.1", port)
        sortie, erreurs = io.StringIO(), io.StringIO()
        with pytest.raises(SystemExit) as fin:
            call_command("demarrer", adresse=f"127.0.0.1:{port}", stdout=sortie, stderr=erreurs)
    assert fin.value.code == 1
    assert "déjà occupé" in erreurs.getvalue()
    assert "--adresse 127.0.0.1:" in erreurs.getvalue()
    assert "Connectez-vous" not in sortie.getvalue()
    assert "demo-" not in sortie.getvalue()


def test_production_start_refuses_the_demo_key_and_missing_hosts(monkeypatch):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    monkeypatch.delenv("DJANGO_ALLOWED_HOSTS", raising=False)
    sortie, erreurs = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as fin:
        call_command(
            "demarrer",
            production=True,
            adresse=f"127.0.0.1:{_port_ferme()}",
            stdout=sortie,
            stderr=erreurs,
        )
    assert fin.value.code == 1
    message = erreurs.getvalue()
    assert "Démarrage en production refusé" in message
    assert "DJANGO_SECRET_KEY" in message and "DJANGO_ALLOWED_HOSTS" in message
    assert sortie.getvalue() == ""


@pytest.fixture
def client_connecte(comptable):
    client = Client(raise_request_exception=False)
    client.force_login(comptable)
    return client


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.core.urls_erreurs", DEBUG=False)
@pytest.mark.parametrize(
    ("adresse", "statut", "titre"),
    [
        ("/adresse-inconnue/", 404, "Page introuvable"),
        ("/essai/refus/", 403, "Accès refusé"),
        ("/essai/panne/", 500, "Erreur du serveur"),
        ("/essai/illisible/", 400, "Requête invalide"),
    ],
)
def test_error_pages_french_with_navigation(client_connecte, adresse, statut, titre):
    reponse = client_connecte.get(adresse)
    assert reponse.status_code == statut
    page = reponse.content.decode()
    assert f"<h1>{titre}</h1>" in page
    assert 'aria-label="Navigation principale"' in page
    assert "Revenir à l'accueil" in page
    for fuite in ("Traceback", "urlpatterns", "URLconf", "panne simulée", "Not Found"):
        assert fuite not in page


@pytest.mark.django_db
def test_security_headers_on_every_page(client, comptable):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(comptable)
    connecte = Client(raise_request_exception=False)
    connecte.force_login(comptable)
    reponses = {
        "connexion": client.get("/connexion/"),
        "accueil": connecte.get("/"),
        "api": api.get("/api/ordres-recette/"),
        "404": connecte.get("/adresse-inconnue/"),
        "404 api": api.get("/api/nexiste-pas/"),
    }
    assert {nom: r.status_code for nom, r in reponses.items()} == {
        "connexion": 200,
        "accueil": 200,
        "api": 200,
        "404": 404,
        "404 api": 404,
    }
    for nom, reponse in reponses.items():
        politique = reponse.get("Content-Security-Policy", "")
        assert "default-src 'self'" in politique, nom
        assert "script-src 'self'" in politique and "'unsafe-inline'" not in politique, nom
        assert "frame-ancestors 'none'" in politique, nom
        assert reponse["X-Content-Type-Options"] == "nosniff", nom
        assert reponse["X-Frame-Options"] == "DENY", nom
        assert reponse["Referrer-Policy"] == "same-origin", nom


@pytest.mark.django_db
def test_https_switch_emits_hsts_and_secure_cookies(comptable):
    """The settings CAISSE_HTTPS=1 gives (read in a fresh interpreter), applied here:
    the answers carry HSTS, the session cookie after login is Secure, plain HTTP
    is redirected to HTTPS."""
    from tests.factories import MOT_DE_PASSE

    fini = _python(REGLAGES, CAISSE_HTTPS="1")
    assert fini.returncode == 0, fini.stderr
    reglages = json.loads(fini.stdout)
    https = {
        nom: reglages[nom]
        for nom in (
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        )
    }
    with override_settings(
        **https, SECURE_PROXY_SSL_HEADER=tuple(reglages["SECURE_PROXY_SSL_HEADER"])
    ):
        client = Client()
        # plain HTTP: sent to HTTPS
        redirige = client.get("/connexion/")
        assert redirige.status_code == 301
        assert redirige["Location"] == "https://testserver/connexion/"
        # HTTPS as the proxy says it (X-Forwarded-Proto), and as a direct TLS request
        page = client.get("/connexion/", HTTP_X_FORWARDED_PROTO="https")
        assert page.status_code == 200
        assert page["Strict-Transport-Security"] == (
            f"max-age={reglages['SECURE_HSTS_SECONDS']}; includeSubDomains"
        )
        assert page.cookies["csrftoken"]["secure"] is True
        connexion = client.post(
            "/connexion/",
            {"username": "comptable", "password": MOT_DE_PASSE},
            secure=True,
            REMOTE_ADDR="192.0.2.10",
        )
        assert connexion.status_code == 302, connexion.content.decode()[:500]
        session = connexion.cookies["sessionid"]
        assert session.value and session["secure"] is True and session["httponly"] is True
        assert "Strict-Transport-Security" in connexion


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.core.urls_erreurs", DEBUG=False)
def test_a_lost_connection_in_a_view_gives_the_maintenance_page(client_connecte):
    page = client_connecte.get("/essai/base-perdue/")
    assert page.status_code == 503
    assert "Service momentanément indisponible" in page.content.decode()
    api = client_connecte.get("/api/essai/base-perdue/")
    assert api.status_code == 503
    assert api.json()["code"] == "base_indisponible"
    # served under a prefix (SCRIPT_NAME), the API still answers in its shape
    prefixee = client_connecte.get("/api/essai/base-perdue/", SCRIPT_NAME="/caisse")
    assert prefixee.status_code == 503
    assert prefixee.wsgi_request.path == "/caisse/api/essai/base-perdue/"
    assert prefixee.json()["code"] == "base_indisponible"


def test_database_unreachable_503_page_and_api_shape():
    """A real connection refused: the settings point at a port where nothing listens."""
    fini = _python(
        """
        import json, os
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
        import django
        django.setup()
        from django.test import Client
        client = Client(raise_request_exception=False)
        client.cookies["sessionid"] = "a" * 32
        vu = {}
        for adresse in ["/", "/connexion/", "/adresse-inconnue/", "/api/ordres-recette/"]:
            r = client.get(adresse)
            vu[adresse] = [r.status_code, r["Content-Type"], r.content.decode(), r.get("Retry-After")]
        print(json.dumps(vu))
        """
    )
    assert fini.returncode == 0, fini.stderr
    vu = json.loads(fini.stdout.strip().splitlines()[-1])
    for adresse in ["/", "/connexion/", "/adresse-inconnue/"]:
        statut, _type, page, attente = vu[adresse]
        assert statut == 503, (adresse, page[:300])
        assert "Service momentanément indisponible" in page
        assert "La base de données est momentanément indisponible" in page
        assert "Traceback" not in page and "OperationalError" not in page
        assert attente
    statut, type_contenu, corps, _ = vu["/api/ordres-recette/"]
    assert statut == 503
    assert type_contenu.startswith("application/json")
    assert json.loads(corps) == {
        "code": "base_indisponible",
        "message": "La base de données est momentanément indisponible : rien n'a été enregistré. "
        "Réessayez dans quelques minutes.",
        "details": {},
    }


SERVEUR_EMBARQUE = """
    import sys, time
    from pathlib import Path
    import psycopg
    from config.embedded import url_postgres_embarque
    with psycopg.connect(url_postgres_embarque(Path("."))) as conn:
        conn.execute("SELECT 1")
    print("PRET", flush=True)
    time.sleep(float(sys.argv[1]))
"""


@pytest.mark.redemarrage
def test_embedded_server_first_start_after_kill_9():
    """kill -9 of the postmaster (and of its only client): the next start works
    the first time, although postmaster.pid names a dead (often zombie) process."""
    pgdata = Path(tempfile.mkdtemp(prefix="caisse-essai-redemarrage-", dir="/var/tmp"))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "CAISSE_PGDATA", "DJANGO_SETTINGS_MODULE")
    }
    env["CAISSE_PGDATA"] = str(pgdata / "pg")
    code = textwrap.dedent(SERVEUR_EMBARQUE)
    try:
        tenant = subprocess.Popen(
            [sys.executable, "-c", code, "60"],
            cwd=RACINE,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert tenant.stdout.readline().strip() == "PRET"
        postmaster = int((pgdata / "pg" / "postmaster.pid").read_text().split()[0])
        os.kill(postmaster, signal.SIGKILL)
        tenant.kill()
        tenant.wait(10)
        assert (pgdata / "pg" / "postmaster.pid").exists()

        relance = subprocess.run(
            [sys.executable, "-c", code, "0"],
            cwd=RACINE,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert relance.returncode == 0, relance.stderr[-2000:]
        assert relance.stdout.strip() == "PRET"
    finally:
        fichier = pgdata / "pg" / "postmaster.pid"
        if fichier.exists():  # a server left running by a failed test
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(fichier.read_text().split()[0]), signal.SIGKILL)
        shutil.rmtree(pgdata, ignore_errors=True)


@pytest.mark.django_db
def test_a_refused_form_token_gets_the_french_403_page(comptable):
    client = Client(enforce_csrf_checks=True)
    client.force_login(comptable)
    reponse = client.post("/deconnexion/")
    assert reponse.status_code == 403
    page = reponse.content.decode()
    assert "<h1>Accès refusé</h1>" in page
    assert "Ce formulaire a expiré ou ne vient pas de ce site" in page
    assert 'aria-label="Navigation principale"' in page
    assert "CSRF verification failed" not in page


@pytest.mark.django_db
def test_first_account_of_a_production_database(monkeypatch):
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    from core.models import JournalAudit
    from personnes.models import Affectation

    monkeypatch.setenv("CAISSE_MOT_DE_PASSE", "12345678")
    with pytest.raises(CommandError, match="Mot de passe refusé"):
        call_command("creer_compte", "mdupont", prenom="Marie", nom="Dupont", fonction="directeur")
    assert not get_user_model().objects.filter(username="mdupont").exists()

    monkeypatch.setenv("CAISSE_MOT_DE_PASSE", "Lanterne-Orge-Cadastre-42")
    sortie = io.StringIO()
    call_command(
        "creer_compte", "mdupont", prenom="Marie", nom="Dupont", fonction="directeur", stdout=sortie
    )
    assert "Compte « mdupont » créé : Marie Dupont, directeur." in sortie.getvalue()
    utilisateur = get_user_model().objects.get(username="mdupont")
    assert utilisateur.check_password("Lanterne-Orge-Cadastre-42")
    assert Affectation.objects.filter(utilisateur=utilisateur, fonction="directeur").exists()
    assert JournalAudit.objects.filter(acte="compte_creer").count() == 1


EN_LIGNE = re.compile(
    r"<style|<script(?![^>]*\bsrc=)|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE
)


def test_no_page_template_has_inline_script_or_style():
    """The CSP refuses inline scripts and styles: no served page may carry one.
    The PDF templates (WeasyPrint, never served as HTML) keep their <style>."""
    fautes = []
    dossiers = [d for d in RACINE.iterdir() if d.is_dir() and not d.name.startswith(".")]
    modeles = sorted(p for d in dossiers for p in d.rglob("*.html") if "templates" in p.parts)
    assert len(modeles) > 50
    # ... nor the HTML the template tags and views write in Python (format_html, mark_safe).
    modeles += sorted(
        p
        for d in dossiers
        if d.name not in {"tests", "bench"}
        for p in d.rglob("*.py")
        if "format_html" in p.read_text() or "mark_safe" in p.read_text()
    )
    for modele in modeles:
        if "pdf" in modele.name:
            continue
        for numero, ligne in enumerate(modele.read_text().splitlines(), 1):
            if modele.suffix == ".py" and ligne.strip().startswith(('"""', "#")):
                continue  # a docstring or a comment names <style>, it writes none
            if EN_LIGNE.search(ligne):
                fautes.append(f"{modele.relative_to(RACINE)}:{numero}: {ligne.strip()[:100]}")
    assert not fautes, "\n".join(fautes)


def test_a_fund_database_named_by_database_url_gets_no_demo(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://caisse@serveur-de-la-caisse/compta")
    sortie, erreurs = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as fin:
        call_command(
            "demarrer", adresse=f"127.0.0.1:{_port_ferme()}", stdout=sortie, stderr=erreurs
        )
    assert fin.value.code == 1
    assert "DATABASE_URL désigne une base de l'organisme" in erreurs.getvalue()
    assert "--production" in erreurs.getvalue()
    assert sortie.getvalue() == ""


@pytest.mark.django_db
def test_the_demo_is_not_loaded_into_a_database_with_other_accounts():
    from django.contrib.auth import get_user_model

    from ledger.models import Exercice
    from personnes.models import Fonction
    from tests.factories import personne

    personne("m.durand", Fonction.AGENT_COMPTABLE)

    sortie, erreurs = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as fin:
        call_command("demarrer", sans_serveur=True, stdout=sortie, stderr=erreurs)
    assert fin.value.code == 1
    assert "Cette base n'est pas celle de la démonstration (comptes m.durand" in erreurs.getvalue()
    assert "Connectez-vous" not in sortie.getvalue()
    assert "demo-" not in sortie.getvalue()
    # Nothing of the demo was created: no cast, no exercise.
    assert not get_user_model().objects.filter(username="directrice").exists()
    assert not Exercice.objects.exists()


@pytest.mark.django_db
def test_each_start_takes_temporary_back_from_public_after_a_restore_gave_it():
    """A restore without --create gives TEMPORARY back to PUBLIC while the
    migration that took it stays recorded: the start takes it back."""
    from django.db import connection

    from accueil.management.commands.demarrer import sans_temporaire

    with connection.cursor() as curseur:
        curseur.execute(
            f'GRANT TEMPORARY ON DATABASE "{connection.settings_dict["NAME"]}" TO PUBLIC'
        )
        curseur.execute("SELECT has_database_privilege('public', current_database(), 'TEMPORARY')")
        assert curseur.fetchone()[0] is True
        assert sans_temporaire() is True
        curseur.execute("SELECT has_database_privilege('public', current_database(), 'TEMPORARY')")
        assert curseur.fetchone()[0] is False
        curseur.execute(
            "SELECT has_database_privilege('caisse_app', current_database(), 'TEMPORARY')"
        )
        assert curseur.fetchone()[0] is False


def test_a_server_error_is_written_with_its_traceback_to_the_servers_journal():
    """DEBUG off, the 500 page says the error was recorded: it is, on standard
    error (what `make run` and systemd keep), traceback included."""
    fini = _python(
        """
        import django, os
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
        django.setup()
        from django.test import Client
        from django.test.utils import override_settings
        with override_settings(ROOT_URLCONF="tests.core.urls_erreurs", ALLOWED_HOSTS=["*"]):
            reponse = Client(raise_request_exception=False).get("/essai/panne/")
        print(reponse.status_code)
        """
    )
    assert fini.stdout.strip() == "500", fini.stderr
    assert "ERROR django.request : Internal Server Error: /essai/panne/" in fini.stderr
    assert "RuntimeError: panne simulée" in fini.stderr
