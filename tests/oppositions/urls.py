"""The project's URLs, with the oppositions pages and API mounted where
config/urls.py mounts them (added here only while it does not yet)."""

from django.urls import include, path

from config.urls import urlpatterns as urls_projet


def _monte(urlconf: str) -> bool:
    return any(getattr(p, "urlconf_name", None) == urlconf for p in urls_projet) or any(
        getattr(getattr(p, "urlconf_module", None), "__name__", None) == urlconf
        for p in urls_projet
    )


urlpatterns = list(urls_projet)
if not _monte("oppositions.urls"):
    urlpatterns.insert(0, path("oppositions/", include("oppositions.urls")))
if not _monte("oppositions.api_urls"):
    urlpatterns.insert(0, path("api/oppositions/", include("oppositions.api_urls")))
