from django.urls import path

from recettes import api

urlpatterns = [
    path("", api.OrdreListApi.as_view(), name="api_ordres_recette"),
    path("creer/", api.OrdreCreerApi.as_view(), name="api_ordre_recette_creer"),
    path("<int:pk>/", api.OrdreDetailApi.as_view(), name="api_ordre_recette"),
    path("<int:pk>/pieces/<int:piece_pk>/", api.PieceApi.as_view(), name="api_ordre_recette_piece"),
    path("<int:pk>/modifier/", api.OrdreModifierApi.as_view(), name="api_ordre_recette_modifier"),
    path("<int:pk>/signer/", api.OrdreSignerApi.as_view(), name="api_ordre_recette_signer"),
    path(
        "<int:pk>/transmettre/",
        api.OrdreTransmettreApi.as_view(),
        name="api_ordre_recette_transmettre",
    ),
    path(
        "<int:pk>/prendre-en-charge/",
        api.OrdrePrendreEnChargeApi.as_view(),
        name="api_ordre_recette_prendre_en_charge",
    ),
    path("<int:pk>/rejeter/", api.OrdreRejeterApi.as_view(), name="api_ordre_recette_rejeter"),
    path(
        "<int:pk>/reprendre/", api.OrdreReprendreApi.as_view(), name="api_ordre_recette_reprendre"
    ),
    path(
        "<int:pk>/abandonner/",
        api.OrdreAbandonnerApi.as_view(),
        name="api_ordre_recette_abandonner",
    ),
    path("<int:pk>/reduire/", api.OrdreReduireApi.as_view(), name="api_ordre_recette_reduire"),
    path(
        "<int:pk>/reductions/<int:reduction_pk>/prendre-en-charge/",
        api.ReductionPrendreEnChargeApi.as_view(),
        name="api_reduction_prendre_en_charge",
    ),
]
