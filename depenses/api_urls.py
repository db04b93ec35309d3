from django.urls import path

from depenses import api

urlpatterns = [
    path("", api.OrdreListApi.as_view(), name="api_ordres_depense"),
    path("creer/", api.OrdreCreerApi.as_view(), name="api_ordre_depense_creer"),
    path("engagements/creer/", api.EngagementCreerApi.as_view(), name="api_engagement_creer"),
    path("<int:pk>/", api.OrdreDetailApi.as_view(), name="api_ordre_depense"),
    path("<int:pk>/pieces/<int:piece_pk>/", api.PieceApi.as_view(), name="api_ordre_depense_piece"),
    path(
        "<int:pk>/service-fait/",
        api.ServiceFaitApi.as_view(),
        name="api_ordre_depense_service_fait",
    ),
    path("<int:pk>/signer/", api.SignerApi.as_view(), name="api_ordre_depense_signer"),
    path(
        "<int:pk>/transmettre/", api.TransmettreApi.as_view(), name="api_ordre_depense_transmettre"
    ),
    path("<int:pk>/viser/", api.ViserApi.as_view(), name="api_ordre_depense_viser"),
    path("<int:pk>/suspendre/", api.SuspendreApi.as_view(), name="api_ordre_depense_suspendre"),
    path("<int:pk>/completer/", api.CompleterApi.as_view(), name="api_ordre_depense_completer"),
    path("<int:pk>/retirer/", api.RetirerApi.as_view(), name="api_ordre_depense_retirer"),
    path("<int:pk>/requerir/", api.RequerirApi.as_view(), name="api_ordre_depense_requerir"),
]
