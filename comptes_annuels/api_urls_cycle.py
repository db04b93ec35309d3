"""The API of the comptes annuels' life after the board, added to
`comptes_annuels.api_urls`."""

from django.urls import path

from comptes_annuels import api_cycle

urlpatterns = [
    path(
        "<int:annee>/vie/",
        api_cycle.VieDesComptesApi.as_view(),
        name="api_comptes_annuels_vie",
    ),
    *[
        path(
            f"<int:annee>/vie/{slug}/",
            vue.as_view(),
            name=f"api_comptes_annuels_vie_{slug.replace('-', '_')}",
        )
        for slug, vue in api_cycle.ACTES_API.items()
    ],
]
