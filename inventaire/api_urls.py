from django.urls import path

from inventaire import api

urlpatterns = [
    path("<int:annee>/etats/", api.EtatListApi.as_view(), name="api_inventaire_etats"),
    path(
        "<int:annee>/etats/<slug:nature>/",
        api.EtatEtablirApi.as_view(),
        name="api_inventaire_etablir",
    ),
    path(
        "<int:annee>/revue-provisions/",
        api.RevueProvisionsApi.as_view(),
        name="api_inventaire_revue_provisions",
    ),
    path("etats/<int:pk>/", api.EtatDetailApi.as_view(), name="api_inventaire_etat"),
    path(
        "<int:annee>/contrepasser/",
        api.ContrepasserApi.as_view(),
        name="api_inventaire_contrepasser",
    ),
]
