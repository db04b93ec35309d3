"""Every endpoint of the API is in the OpenAPI schema (drf-spectacular).

The URL resolver is walked for every route under /api/ (whatever app mounts
it, `config/urls.py`); each must appear among the generated schema's paths,
with each of the HTTP methods its view answers. Only the schema's own view is
left out. The path parameters are compared by position, not by name: the
schema names `<int:pk>` `{id}`."""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.generators import SchemaGenerator

EXCLUES = {"api/schema/"}  # the schema itself
METHODES = ("get", "post", "put", "patch", "delete")


def _routes(motifs, prefixe=""):
    for motif in motifs:
        if isinstance(motif, URLResolver):
            yield from _routes(motif.url_patterns, prefixe + str(motif.pattern))
        elif isinstance(motif, URLPattern):
            yield prefixe + str(motif.pattern), motif.callback


def _forme(chemin: str) -> str:
    """`api/ordres/<int:pk>/x/` and `/api/ordres/{id}/x/` as `/api/ordres/{}/x/`."""
    chemin = re.sub(r"<[^>]+>|\{[^}]+\}", "{}", chemin.lstrip("^").rstrip("$"))
    return "/" + chemin.lstrip("/")


def _methodes(vue) -> set[str]:
    classe = getattr(vue, "cls", None) or getattr(vue, "view_class", None)
    if classe is None:
        return set()
    actions = getattr(vue, "actions", None)  # a viewset's routes
    if actions:
        return set(actions)
    return {m for m in METHODES if hasattr(classe, m)}


def _routes_api():
    return {
        _forme(route): vue
        for route, vue in _routes(get_resolver().url_patterns)
        if route.startswith("api/") and route not in EXCLUES
    }


def test_chaque_route_de_l_api_est_dans_le_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    decrites = {_forme(chemin): set(operations) for chemin, operations in schema["paths"].items()}
    routes = _routes_api()
    assert routes, "aucune route sous /api/"
    absentes = sorted(chemin for chemin in routes if chemin not in decrites)
    assert not absentes, f"Routes de l'API absentes du schéma OpenAPI : {absentes}"
    incompletes = sorted(
        f"{chemin} {sorted(_methodes(vue) - decrites[chemin])}"
        for chemin, vue in routes.items()
        if _methodes(vue) - decrites[chemin]
    )
    assert not incompletes, f"Méthodes absentes du schéma OpenAPI : {incompletes}"


def test_le_schema_ne_decrit_que_des_routes_existantes():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    routes = _routes_api()
    inconnues = sorted(
        c for c in schema["paths"] if c.startswith("/api/") and _forme(c) not in routes
    )
    assert not inconnues, f"Chemins du schéma sans route : {inconnues}"


# Two serializers of the same name in two apps make one component of the
# schema: one endpoint is then documented with the other's body (the arrêté
# de caisse was once documented with the accounts' arrêté). None is known.
HOMONYMES_CONNUS: set[str] = set()


def test_aucun_composant_du_schema_n_en_cache_un_autre():
    from drf_spectacular.drainage import GENERATOR_STATS

    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        SchemaGenerator().get_schema(request=None, public=True)
    homonymes = {
        m.group(1)
        for avertissement in GENERATOR_STATS._warn_cache
        if (m := re.search(r'components with identical names "([^"]+)"', avertissement))
    }
    assert homonymes == HOMONYMES_CONNUS, (
        "Composants homonymes du schéma OpenAPI (un point d'accès documenté avec le corps "
        f"d'un autre) : {sorted(homonymes)} ; connus : {sorted(HOMONYMES_CONNUS)}"
    )
