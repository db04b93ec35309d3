"""The OpenAPI schema's honest part: the errors every operation may answer.

drf-spectacular documents what a view returns when all goes well. The API
answers its errors through one handler (`core.api.gestionnaire_exceptions`),
always in the shape `{"code", "message", "details"}`: this postprocessing hook
(`SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]`) adds that shape as the
component `Erreur`, one shared response per status under
`components.responses`, and refers to them from every operation for the
statuses it can really get:

- 400 everywhere (a query or body refused, a rule of the act not met),
  403 everywhere (not signed in, a function that may not act, a missing CSRF
  token of a session), 500 and 503 everywhere (an unforeseen fault, the
  database unreachable);
- 401 everywhere but the token's endpoint: an API token past its lifetime
  (`jeton_expire`, `personnes.jetons_api`); an anonymous call or an unknown
  token is a 403 (the session comes first, which names no scheme);
- 404 everywhere: an object named by the path, or by a filter or a field of
  the body (`?journal=`, `ligne_releve`), that does not exist or is not
  open to the caller;
- 406 everywhere (an `Accept` header without JSON);
- 409 (a state that forbids the act, an `Idempotency-Key` already used for
  another request) and 413 (body too large) on writes, but for the token's
  endpoint only 413; 415 (a media type the operation does not read) where
  there is a body;
- 429 where a password is checked: the token's endpoint and the acts signed
  with `mot_de_passe` (too many failures, the login or address suspended).

Every write but the token's also documents the optional `Idempotency-Key`
header (`core/idempotence.py`), every signed act the `X-Code-Signature` header
of a second factor, and the token endpoint its real answer `{"token"}`
without requiring credentials.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema

ERREUR = {
    "type": "object",
    "description": "Réponse d'erreur de l'API, toujours de cette forme.",
    "properties": {
        "code": {
            "type": "string",
            "description": "Code stable de l'erreur (donnee_invalide, transition_interdite…).",
        },
        "message": {"type": "string", "description": "Message en français, à montrer tel quel."},
        "details": {
            "type": "object",
            "additionalProperties": True,
            "description": "Précisions : pour une saisie refusée, les messages par champ.",
        },
    },
    "required": ["code", "message", "details"],
}

STATUTS = {
    "400": "Requête refusée : donnée invalide ou règle de l'acte non respectée.",
    "401": "Jeton d'API expiré : demandez-en un nouveau à /api/jeton/.",
    "403": "Accès refusé : non identifié, fonction sans ce droit, ou jeton CSRF absent.",
    "406": "En-tête Accept sans JSON.",
    "404": "Introuvable : l'objet désigné n'existe pas ou ne vous est pas ouvert.",
    "409": (
        "Conflit : l'état de l'objet ne permet pas l'acte, ou la clé d'idempotence a déjà "
        "servi pour une autre requête."
    ),
    "413": "Corps de requête trop volumineux.",
    "415": "Type de contenu non pris en charge.",
    "429": "Trop de tentatives : réessayez plus tard.",
    "500": "Erreur imprévue du serveur.",
    "503": "Service indisponible : la base de données ne répond pas.",
}

ECRITURES = {"post", "put", "patch", "delete"}
METHODES = ECRITURES | {"get", "head", "options", "trace"}

CLE_IDEMPOTENCE = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Clé choisie par le client pour rejouer sans risque une écriture : la même clé avec "
        "le même corps rend la même réponse sans second effet ; avec un autre corps, 409."
    ),
    # 1 to 255 printable ASCII characters, not all spaces (core.idempotence._FORME)
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "pattern": "^[ -~]*[!-~][ -~]*$",
    },
}

CODE_SIGNATURE = {
    "name": "X-Code-Signature",
    "in": "header",
    "required": False,
    "description": (
        "Code à six chiffres de l'application d'authentification, pour qui a mis en service "
        "un second facteur de signature ; absent ou faux : 403, compté comme un mot de passe "
        "erroné."
    ),
    "schema": {"type": "string", "pattern": "^[0-9]{6}$"},
}

CHEMIN_JETON = "/api/jeton/"
JETON = {
    "type": "object",
    "properties": {"token": {"type": "string", "readOnly": True}},
    "required": ["token"],
}


def _statuts(chemin: str, methode: str, operation: dict, *, signe: bool):
    statuts = ["400", "403", "404", "406", "500", "503"]
    if chemin != CHEMIN_JETON:
        statuts.append("401")
    if methode in ECRITURES:
        statuts += ["413"] if chemin == CHEMIN_JETON else ["409", "413"]
    if "requestBody" in operation:
        statuts.append("415")
    if chemin == CHEMIN_JETON or signe:
        statuts.append("429")
    return sorted(statuts)


def _signe(result, operation: dict) -> bool:
    """An act whose body carries a signer's password (`mot_de_passe…`)."""
    for contenu in operation.get("requestBody", {}).get("content", {}).values():
        schema = contenu.get("schema", {})
        if "$ref" in schema:
            schema = result["components"]["schemas"].get(schema["$ref"].rsplit("/", 1)[1], {})
        if any(nom.startswith("mot_de_passe") for nom in schema.get("properties", {})):
            return True  # mot_de_passe, or an installation's entrant's and sortant's
    return False


def _reponse(statut: str) -> dict[str, Any]:
    return {
        "description": STATUTS[statut],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Erreur"}}},
    }


def documenter_les_erreurs(result, generator, request, public):
    """Postprocessing hook: the `Erreur` component, its responses, the idempotency key."""
    composants = result.setdefault("components", {})
    composants.setdefault("schemas", {})["Erreur"] = ERREUR
    reponses = composants.setdefault("responses", {})
    for chemin, item in result.get("paths", {}).items():
        for methode, operation in item.items():
            if methode not in METHODES:
                continue
            documentees = operation.setdefault("responses", {})
            signe = _signe(result, operation)
            statuts = _statuts(chemin, methode, operation, signe=signe)
            for statut in statuts:
                nom = f"Erreur{statut}"
                reponses.setdefault(nom, _reponse(statut))
                existante = documentees.get(statut)
                if existante is None or "content" not in existante:
                    documentees[statut] = {"$ref": f"#/components/responses/{nom}"}
            entetes = []
            if methode in ECRITURES and chemin != CHEMIN_JETON:
                entetes.append(CLE_IDEMPOTENCE)
            if signe:
                entetes.append(CODE_SIGNATURE)
            parametres = operation.get("parameters", [])
            nouveaux = [
                e for e in entetes if not any(p.get("name") == e["name"] for p in parametres)
            ]
            if nouveaux:
                operation["parameters"] = parametres + nouveaux
    _documenter_le_jeton(result)
    return result


def _documenter_le_jeton(result) -> None:
    """DRF's `obtain_auth_token` is described with its request's serializer as answer."""
    operation = result.get("paths", {}).get(CHEMIN_JETON, {}).get("post")
    if operation is None:
        return
    result["components"]["schemas"]["Jeton"] = JETON
    operation["security"] = [{}]
    operation["summary"] = operation.get("summary") or "Obtenir le jeton d'API d'un utilisateur"
    operation["responses"]["200"] = {
        "description": "Le jeton à envoyer dans l'en-tête « Authorization: Token <jeton> ».",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Jeton"}}},
    }


class SchemaCaisse(AutoSchema):
    """drf-spectacular's AutoSchema (REST_FRAMEWORK's DEFAULT_SCHEMA_CLASS), but
    a read-only field declared by hand whose source passes through a nullable
    model field (`SlugRelatedField(source="parent", read_only=True)`, a
    `CharField(source="compte_produit.numero")`) is documented nullable: it
    answers null, where only the fields a ModelSerializer builds itself carry
    `allow_null` from the model."""

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if field.read_only and not meta.get("nullable") and _source_nullable(field):
            meta["nullable"] = True
        return meta


def _source_nullable(field) -> bool:
    modele = getattr(getattr(getattr(field, "parent", None), "Meta", None), "model", None)
    if modele is None or field.source == "*":
        return False
    for attribut in field.source_attrs:
        try:
            champ = modele._meta.get_field(attribut)
        except FieldDoesNotExist:  # a property or a method: its type hint says
            return False
        if not champ.concrete:  # a reverse relation: a list, never null
            return False
        if getattr(champ, "null", False):
            return True
        modele = champ.related_model
        if modele is None:
            return False
    return False
