from django.urls import path

from comptes_annuels import api

urlpatterns = [
    path(
        "correspondances/",
        api.CorrespondancesApi.as_view(),
        name="api_comptes_annuels_correspondances",
    ),
    path("<int:annee>/bilan/", api.BilanApi.as_view(), name="api_comptes_annuels_bilan"),
    path(
        "<int:annee>/compte-de-resultat/",
        api.CompteResultatApi.as_view(),
        name="api_comptes_annuels_resultat",
    ),
    path("<int:annee>/annexe/", api.AnnexeApi.as_view(), name="api_comptes_annuels_annexe"),
]

# The life of the comptes annuels after the board (comptes_annuels/api_urls_cycle.py).
from comptes_annuels import api_urls_cycle  # noqa: E402

urlpatterns += api_urls_cycle.urlpatterns
