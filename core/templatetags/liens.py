"""`{% lien "app:nom" cle %}`: the address of one row of a list, as `{% url %}` gives it.

`{% url %}` reverses every row's address anew, and a reversal reads the
resolver through the language and the script prefix (asgiref's locals, five
reads): about 0.1 ms a row, a tenth of the CPU of the payments page and its
164 links (bench/http). `lien` reverses the name once per name, script prefix
and language, with a sentinel number in place of the key, and puts each row's
key in its place. It serves names whose one argument is an integer key
(`<int:pk>`); the address is the one `{% url %}` writes, escaped the same way.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

register = template.Library()

SENTINELLE = 987_654_321_987_654_321


@lru_cache(maxsize=1024)
def _modele(nom: str, prefixe: str, langue: str | None, urlconf) -> tuple[str, str]:
    """The address of `nom` cut where its integer key goes (the key of the cache
    holds the prefix, the language and the request's URLconf, which `reverse` reads)."""
    adresse = reverse(nom, urlconf=urlconf, args=[SENTINELLE])
    avant, sentinelle, apres = adresse.partition(str(SENTINELLE))
    if not sentinelle or str(SENTINELLE) in apres:
        raise ValueError(f"{nom} ne prend pas une seule clé entière.")
    return avant, apres


@register.simple_tag
def lien(nom: str, cle) -> str:
    avant, apres = _modele(nom, get_script_prefix(), get_language(), get_urlconf())
    return f"{avant}{int(cle)}{apres}"


@receiver(setting_changed)
def _oublier(*, setting, **_kwargs) -> None:
    """Another ROOT_URLCONF (a test's `override_settings`): the addresses kept are stale."""
    if setting == "ROOT_URLCONF":
        _modele.cache_clear()
