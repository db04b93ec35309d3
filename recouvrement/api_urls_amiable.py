"""API of the amiable part of recovery (`/api/recouvrement/amiable/…`)."""

from django.urls import path

from recouvrement import api_amiable as api

urlpatterns = [
    path("amiable/creances/", api.AmiableCreancesApi.as_view(), name="api_amiable_creances"),
    path("amiable/creances/<int:pk>/", api.AmiableDossierApi.as_view(), name="api_amiable_dossier"),
    path(
        "amiable/creances/<int:pk>/delai/",
        api.DelaiAccorderApi.as_view(),
        name="api_amiable_delai",
    ),
    path(
        "amiable/creances/<int:pk>/transmettre/",
        api.TransmettreApi.as_view(),
        name="api_amiable_transmettre",
    ),
    path("amiable/relances/", api.RelancerApi.as_view(), name="api_amiable_relancer"),
    path("amiable/lots/<int:pk>/", api.AmiableLotApi.as_view(), name="api_amiable_lot"),
    path(
        "amiable/delais/<int:pk>/defaillance/",
        api.DefaillanceApi.as_view(),
        name="api_amiable_defaillance",
    ),
]
