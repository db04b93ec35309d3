"""Pages of recovery: each part has its own patterns."""

from django.urls import include, path

app_name = "recouvrement"

urlpatterns = [
    path("", include("recouvrement.urls_amiable")),
    path("", include("recouvrement.urls_contentieux")),
    path("", include("recouvrement.urls_surveillance")),
]
