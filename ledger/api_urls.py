from django.urls import path

from ledger import api

urlpatterns = [
    path("exercices/", api.ExerciceListApi.as_view(), name="api_exercices"),
    path("exercices/<int:annee>/", api.ExerciceDetailApi.as_view(), name="api_exercice"),
    path(
        "exercices/<int:annee>/periode-complementaire/",
        api.ExercicePeriodeComplementaireApi.as_view(),
        name="api_exercice_periode_complementaire",
    ),
    path("exercices/<int:annee>/clore/", api.ExerciceCloreApi.as_view(), name="api_exercice_clore"),
    path("comptes/", api.CompteListApi.as_view(), name="api_comptes"),
    path("ecritures/", api.EcritureListApi.as_view(), name="api_ecritures"),
    path("ecritures/passer/", api.EcriturePasserApi.as_view(), name="api_ecriture_passer"),
    path("ecritures/<int:pk>/", api.EcritureDetailApi.as_view(), name="api_ecriture"),
    path(
        "ecritures/<int:pk>/contrepasser/",
        api.EcritureContrepasserApi.as_view(),
        name="api_ecriture_contrepasser",
    ),
    path("balance/", api.BalanceApi.as_view(), name="api_balance"),
    path("grand-livre/", api.GrandLivreApi.as_view(), name="api_grand_livre"),
    path("integrite/", api.IntegriteApi.as_view(), name="api_integrite"),
]
