"""Settings of the accounting system.

The database is PostgreSQL, always: `DATABASE_URL` when set, otherwise the
embedded cluster of `config.embedded`.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import dj_database_url

from config.embedded import url_postgres_embarque

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "demo-seulement-jamais-en-production")
# Off unless asked (DJANGO_DEBUG=1): a debug page lists every URL and shows the settings.
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

NOM_ORGANISME = os.environ.get("CAISSE_NOM", "Caisse primaire d'assurance maladie de Valmont")
# SIREN of the fund (fictitious for the demo): it names the FEC file (SIRENFECAAAAMMJJ.txt).
SIREN_ORGANISME = os.environ.get("CAISSE_SIREN", "775612302")
# The fund's postal address, structured as the SEPA transfer files write it (pain.001.001.09
# PstlAdr: StrtNm, BldgNb, PstCd, TwnNm, Ctry; tresorerie.sepa). Demo values by default.
ADRESSE_ORGANISME = {
    "rue": os.environ.get("CAISSE_ADRESSE_RUE", "Rue de la Solidarité"),
    "numero": os.environ.get("CAISSE_ADRESSE_NUMERO", "12"),
    "code_postal": os.environ.get("CAISSE_ADRESSE_CODE_POSTAL", "76540"),
    "ville": os.environ.get("CAISSE_ADRESSE_VILLE", "Valmont"),
    "pays": os.environ.get("CAISSE_ADRESSE_PAYS", "FR"),
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "csp",
    "core",
    "personnes",
    "reglementation",
    "ledger",
    "budget",
    "oppositions",
    "ordres",
    "recettes",
    "depenses",
    "tresorerie",
    "inventaire",
    "comptes_annuels",
    "responsabilite",
    "recouvrement",
    "accueil",
]

MIDDLEWARE = [
    "core.requetes.GardeRequetes",  # outermost: NUL refused, errors under /api/ as JSON
    # Who holds what, read once per request (personnes/memoire.py).
    "personnes.memoire.MemoireDeRequete",
    "django.middleware.security.SecurityMiddleware",
    # Static files served by the application itself, DEBUG or not (docs/bibliotheques.md).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before the sessions and the authentication, which reach the database first:
    # PostgreSQL unreachable gives the maintenance page (503), not a server error.
    "core.indisponible.BaseIndisponibleMiddleware",
    # The client's address, and the signing-password failures recorded after the act's
    # transaction (personnes.authentification).
    "personnes.authentification.ProtectionAuthentification",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # A session in use is renewed once a minute (core/sessions.py), not saved at every request.
    "core.sessions.SessionGlissante",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # An auditor's GET reads from the replica when one is declared (core/replique.py).
    "personnes.replique.LecturesAuditeur",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accueil.context_processors.organisme",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

_url = os.environ.get("DATABASE_URL") or url_postgres_embarque(BASE_DIR)

DATABASES = {"default": dj_database_url.parse(_url, conn_max_age=0)}
DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
# A Unix socket given as `?host=/path` belongs in HOST, where psql finds it too.
DATABASES["default"].setdefault("OPTIONS", {})
if "host" in DATABASES["default"]["OPTIONS"]:
    DATABASES["default"]["HOST"] = DATABASES["default"]["OPTIONS"].pop("host")
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("CAISSE_TEST_DB", "test_caisse")}
# The PostgreSQL role the served requests take once connected (`manage.py demarrer`
# sets it to caisse_app, which owns no table, after migrating as the owner).
if os.environ.get("CAISSE_ROLE_BASE"):
    DATABASES["default"]["OPTIONS"]["options"] = f"-c role={os.environ['CAISSE_ROLE_BASE']}"

# A read-only replica (a standby in streaming replication), optional: the auditors'
# safe requests read from it, everything else uses the primary (core/replique.py,
# docs/deploiement.md). Same role and options as the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replique"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=0
    )
    DATABASES["replique"]["ENGINE"] = "django.db.backends.postgresql"
    DATABASES["replique"].setdefault("OPTIONS", {})
    if "host" in DATABASES["replique"]["OPTIONS"]:
        DATABASES["replique"]["HOST"] = DATABASES["replique"]["OPTIONS"].pop("host")
    if "options" in DATABASES["default"]["OPTIONS"]:
        DATABASES["replique"]["OPTIONS"]["options"] = DATABASES["default"]["OPTIONS"]["options"]
    # The tests read the replica of their own test database, never create one there.
    DATABASES["replique"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["core.replique.RouteurReplique"]

# The clock (core.horloge): empty for the real time, an ISO date to freeze it.
CAISSE_HORLOGE = os.environ.get("CAISSE_HORLOGE", "")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATION}.UserAttributeSimilarityValidator"},
    # ... and not the first and last names together, in either order (personnes/mots_de_passe.py).
    {"NAME": "personnes.mots_de_passe.NomComplet"},
    {"NAME": f"{_VALIDATION}.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": f"{_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATION}.NumericPasswordValidator"},
    # Not a rule: a password set anew deletes the person's API tokens.
    {"NAME": "personnes.jetons_api.RevocationDesJetons"},
]

# Lockout after repeated password failures (personnes.authentification): per login
# and per client address, within a window; the lock lasts CAISSE_DUREE_BLOCAGE
# minutes, doubled at each lock in a row (at most a day).
CAISSE_ECHECS_PAR_COMPTE = int(os.environ.get("CAISSE_ECHECS_PAR_COMPTE", "5"))
CAISSE_ECHECS_PAR_ADRESSE = int(os.environ.get("CAISSE_ECHECS_PAR_ADRESSE", "20"))
CAISSE_FENETRE_ECHECS = int(os.environ.get("CAISSE_FENETRE_ECHECS", "15"))  # minutes
CAISSE_DUREE_BLOCAGE = int(os.environ.get("CAISSE_DUREE_BLOCAGE", "15"))  # minutes
# Behind a reverse proxy: how many proxies put the client's address in
# X-Forwarded-For (0: REMOTE_ADDR is the client). Set it only when every request
# comes through them, or a client could choose the address it is counted under.
CAISSE_PROXIES_DE_CONFIANCE = int(os.environ.get("CAISSE_PROXIES_DE_CONFIANCE", "0"))
# Every person holding an ordonnateur's or comptable's function must enrol a
# second factor (TOTP) before signing (personnes.second_facteur).
CAISSE_SECOND_FACTEUR_OBLIGATOIRE = os.environ.get("CAISSE_SECOND_FACTEUR_OBLIGATOIRE") == "1"
# An API token's lifetime in hours from its issue (personnes.jetons_api).
CAISSE_DUREE_JETON_API = int(os.environ.get("CAISSE_DUREE_JETON_API", "12"))
# Processes rendering PDFs in batch (core.pdf_lot), per server process; empty: the usable
# cores. 1 renders in the request's own process (no pool).
CAISSE_PDF_PROCESSUS = int(os.environ.get("CAISSE_PDF_PROCESSUS", "0") or "0")

LANGUAGE_CODE = "fr-fr"
# French only, whatever the browser asks (no LocaleMiddleware): the texts apply in French.
LANGUAGES = [("fr", "français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = BASE_DIR / "media"
# WhiteNoise serves what the finders find (static/ and the apps'), with no
# collectstatic step; the files are indexed once, when the server starts.
WHITENOISE_USE_FINDERS = True
# ... so STATIC_ROOT (for `collectstatic`, behind a proxy that serves it) may not exist.
warnings.filterwarnings("ignore", message=r"No directory at: .*staticfiles")

# Security of the served pages, in every mode (docs/deploiement.md).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A session ends after 30 minutes without a request (renewed once a minute by
# core.sessions.SessionGlissante), and with the browser.
SESSION_COOKIE_AGE = 30 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The pages load only their own style sheet: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# HTTPS deployments, behind a reverse proxy that ends TLS: one switch, CAISSE_HTTPS=1.
HTTPS = os.environ.get("CAISSE_HTTPS", "0") == "1"
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The proxy says the request came in HTTPS (it must set this header itself).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
# A refused form token (CSRF) gets the French 403 page, with the navigation.
CSRF_FAILURE_VIEW = "core.indisponible.echec_csrf"
if os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS"):
    CSRF_TRUSTED_ORIGINS = os.environ["DJANGO_CSRF_TRUSTED_ORIGINS"].split(",")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "accueil"
LOGOUT_REDIRECT_URL = "login"

# A body without files (JSON, a form's fields): 2.5 Mo; files are bounded by
# their own caps (core.pieces.TAILLE_MAX_PIECE, core.parseurs.TAILLE_MAX_ENVOI).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        # DRF's token, refused past CAISSE_DUREE_JETON_API hours (401 jeton_expire).
        "personnes.jetons_api.AuthentificationParJeton",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["personnes.droits.APourFonction"],
    "DEFAULT_SCHEMA_CLASS": "core.schema.SchemaCaisse",  # nullable read-only sources
    "DEFAULT_PAGINATION_CLASS": "core.pagination.Pagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "core.api.gestionnaire_exceptions",
    # Strict bodies: no float, bounded size, depth and strings (core.parseurs).
    "DEFAULT_PARSER_CLASSES": [
        "core.parseurs.ParseurJson",
        "core.parseurs.ParseurFormulaire",
        "core.parseurs.ParseurMultipart",
    ],
    "COERCE_DECIMAL_TO_STRING": True,
    # OPTIONS: the admitted methods and the schema's address, in French.
    "DEFAULT_METADATA_CLASS": "core.metadonnees.MetadonneesCaisse",
    # JSON only; DRF's browsable pages (inline styles, against the CSP) in DEBUG only.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "API comptable de la caisse",
    "DESCRIPTION": "Lecture du grand livre, des exercices et de la balance ; actes métier.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Every error status in the shape {code, message, details}, the Idempotency-Key header
    # (core/schema.py); the default enum hook kept first.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.schema.documenter_les_erreurs",
    ],
    # One name per choice set: fields of the same name in two models (nature, type…).
    "ENUM_NAME_OVERRIDES": {
        "NatureOppositionEnum": "oppositions.models.Opposition.Nature",
        "NatureDepenseEnum": "depenses.models.Nature",
        "NatureRecetteEnum": "recettes.models.Nature",
        "NatureBalanceEnum": "ledger.models.BalanceFigee.Nature",
        "NatureInterimEnum": "personnes.models.Interim.Nature",
        "NatureDelegationEnum": "personnes.models.Delegation.Nature",
        "TypeDelegationEnum": "personnes.models.Delegation.Type",
        "TypeReductionEnum": "recettes.models.Reduction.Type",
        "TypeRegieEnum": "tresorerie.models_regies.Regie.Type",
        "TypeOrdreEnum": "ordres.models.OrdreBase.Type",
        "TypeCarnetEnum": "tresorerie.models.Carnet.Type",
        "FormatVirementsEnum": "tresorerie.models.FormatVirements",
        "EtatEncaissementEnum": "tresorerie.models.Encaissement.Etat",
        "MoyenEncaissementEnum": "tresorerie.models.Encaissement.Moyen",
        "MoyenPaiementEnum": "tresorerie.models.LotPaiement.Moyen",
        "NatureReleveEnum": "tresorerie.models.Releve.Nature",
    },
}

# The server's journal (standard error, which `make run` and systemd keep): every
# server error with its traceback (django.request, ERROR: a 4xx is the client's
# business), every suspicious request (django.security: a forged Host, a body too
# large), the warnings and errors of our own modules; whatever DEBUG says.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "journal": {"format": "{asctime} {levelname} {name} : {message}", "style": "{"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "journal"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "ERROR"},
        "django.security": {"level": "WARNING"},
        "pgserver": {"level": "WARNING"},
    },
}
