"""The served OpenAPI schema is valid, unambiguous and documents the errors.

/api/schema/ is read as a client reads it and checked with
openapi-spec-validator (OpenAPI 3.0). Its generation by drf-spectacular emits
no warning nor error (as `manage.py spectacular --validate --fail-on-warn`):
no component hiding another, no enum named twice, no field of unknown type.
Each endpoint is documented with its own bodies (the ordres de recette's
creation with the recette's, not the dépense's), every operation with the
error statuses of the API's one error shape (`Erreur`, `core/schema.py`),
every write with the optional Idempotency-Key header (but the token's), every
signed act with its 429 and the second factor's header."""

from __future__ import annotations

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

ECRITURES = {"post", "put", "patch", "delete"}
METHODES = ECRITURES | {"get"}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        reponse = Client().get("/api/schema/", {"format": "json"})
    assert reponse.status_code == 200
    return reponse.json()


def _operations(schema):
    for chemin, item in schema["paths"].items():
        for methode, operation in item.items():
            if methode in METHODES:
                yield chemin, methode, operation


def _composant(schema, ref: str) -> dict:
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def test_le_schema_servi_est_un_openapi_3_valide(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)  # raises OpenAPIValidationError, naming the faulty place


def test_la_generation_du_schema_n_emet_aucun_avertissement():
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache, sorted(GENERATOR_STATS._warn_cache)
    assert not GENERATOR_STATS._error_cache, sorted(GENERATOR_STATS._error_cache)


@pytest.mark.parametrize(
    ("chemin", "sens", "propre", "etranger"),
    [
        ("/api/ordres-recette/creer/", "Recette", "debiteur", "creancier"),
        ("/api/ordres-depense/creer/", "Depense", "creancier", "debiteur"),
    ],
)
def test_la_creation_d_un_ordre_est_documentee_avec_son_propre_corps(
    schema, chemin, sens, propre, etranger
):
    operation = schema["paths"][chemin]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert ref == f"#/components/schemas/Saisie{sens}"
    corps = _composant(schema, ref)["properties"]
    assert corps["nature"] == {"$ref": f"#/components/schemas/Nature{sens}Enum"}
    assert corps["lignes"]["items"] == {"$ref": f"#/components/schemas/LigneSaisie{sens}"}
    ligne = _composant(schema, corps["lignes"]["items"]["$ref"])["properties"]
    assert propre in ligne and etranger not in ligne
    cree = operation["responses"]["201"]["content"]["application/json"]["schema"]["$ref"]
    assert cree == f"#/components/schemas/Ordre{sens}"


def test_chaque_operation_documente_ses_erreurs_dans_la_forme_de_l_api(schema):
    erreur = schema["components"]["schemas"]["Erreur"]
    assert erreur["required"] == ["code", "message", "details"]
    assert erreur["properties"]["details"]["type"] == "object"
    manquants = []
    for chemin, methode, operation in _operations(schema):
        attendus = {"400", "403", "404", "406", "500", "503"}
        if chemin != "/api/jeton/":
            attendus.add("401")  # an API token past its lifetime (jeton_expire)
        if methode in ECRITURES:
            attendus |= {"413"} if chemin == "/api/jeton/" else {"409", "413"}
        if "requestBody" in operation:
            attendus.add("415")
        for statut in sorted(attendus - set(operation["responses"])):
            manquants.append(f"{methode.upper()} {chemin} {statut}")
        for statut, reponse in operation["responses"].items():
            if statut.startswith(("4", "5")) and "$ref" not in reponse:
                contenu = reponse.get("content", {}).get("application/json", {})
                if contenu.get("schema") != {"$ref": "#/components/schemas/Erreur"}:
                    manquants.append(f"{methode.upper()} {chemin} {statut} hors de la forme Erreur")
    assert not manquants, manquants
    reponses = schema["components"]["responses"]
    assert reponses["Erreur409"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Erreur"
    }
    assert "429" in schema["paths"]["/api/jeton/"]["post"]["responses"]


def test_un_acte_signe_documente_la_suspension_et_le_second_facteur(schema):
    signer = schema["paths"]["/api/ordres-recette/{id}/signer/"]["post"]
    assert "429" in signer["responses"]
    assert "X-Code-Signature" in {p["name"] for p in signer["parameters"]}
    creer = schema["paths"]["/api/ordres-recette/creer/"]["post"]
    assert "429" not in creer["responses"]
    assert "X-Code-Signature" not in {p["name"] for p in creer["parameters"]}


def test_chaque_ecriture_documente_la_cle_d_idempotence(schema):
    sans = [
        f"{methode.upper()} {chemin}"
        for chemin, methode, operation in _operations(schema)
        if methode in ECRITURES
        and chemin != "/api/jeton/"  # no act: a new token each time is harmless
        and not any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
    ]
    assert not sans, sans
    for sans_cle in (
        schema["paths"]["/api/exercices/"]["get"],
        schema["paths"]["/api/jeton/"]["post"],
    ):
        assert not any(p["name"] == "Idempotency-Key" for p in sans_cle.get("parameters", []))


def test_le_jeton_s_obtient_sans_authentification_et_se_documente_tel_qu_il_est_rendu(schema):
    operation = schema["paths"]["/api/jeton/"]["post"]
    assert {} in operation["security"]
    rendu = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert set(_composant(schema, rendu)["properties"]) == {"token"}
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["name"] == "Authorization"
    assert schemes["cookieAuth"]["in"] == "cookie"


def test_un_champ_lu_qui_peut_valoir_null_est_documente_nullable(schema):
    """A read-only field through a nullable foreign key answers null (the chart's
    top accounts have no parent); the schema must admit it."""
    composants = schema["components"]["schemas"]
    assert composants["Compte"]["properties"]["parent"].get("nullable") is True
    assert composants["Carnet"]["properties"]["clos_par"].get("nullable") is True
    assert not composants["Compte"]["properties"]["numero"].get("nullable")
