from django.urls import path

from oppositions import api

urlpatterns = [
    path("", api.OppositionListApi.as_view(), name="api_oppositions"),
    path("enregistrer/", api.OppositionEnregistrerApi.as_view(), name="api_opposition_enregistrer"),
    path("<int:pk>/", api.OppositionDetailApi.as_view(), name="api_opposition"),
    path(
        "<int:pk>/mainlevee/",
        api.OppositionMainleveeApi.as_view(),
        name="api_opposition_mainlevee",
    ),
]
