"""Mounted under api/installations/."""

from django.urls import path

from personnes import api_installations

urlpatterns = [
    path("", api_installations.InstallationsApi.as_view(), name="api_installations"),
    path("<int:pk>/", api_installations.InstallationDetailApi.as_view(), name="api_installation"),
    path(
        "<int:pk>/reserves/",
        api_installations.ReserveApi.as_view(),
        name="api_installation_reserve",
    ),
    path(
        "<int:pk>/prorogations/",
        api_installations.ProrogationApi.as_view(),
        name="api_installation_prorogation",
    ),
]
