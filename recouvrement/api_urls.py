"""API of recovery: each part has its own routes."""

from django.urls import include, path

urlpatterns = [
    path("", include("recouvrement.api_urls_amiable")),
    path("", include("recouvrement.api_urls_contentieux")),
    path("", include("recouvrement.api_urls_surveillance")),
]
