from django.urls import path

from comptes_annuels import api, api_compte_financier

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
    path(
        "<int:annee>/compte-financier/",
        api_compte_financier.CompteFinancierApi.as_view(),
        name="api_comptes_annuels_compte_financier",
    ),
    path(
        "<int:annee>/compte-financier/rapport/",
        api_compte_financier.RapportApi.as_view(),
        name="api_comptes_annuels_compte_financier_rapport",
    ),
]

# The life of the comptes annuels after the board (comptes_annuels/api_urls_cycle.py).
from comptes_annuels import api_urls_cycle  # noqa: E402

urlpatterns += api_urls_cycle.urlpatterns
