from django.urls import path

from depenses import api, api_differe

urlpatterns = [
    path("", api.OrdreListApi.as_view(), name="api_ordres_depense"),
    path("creer/", api.OrdreCreerApi.as_view(), name="api_ordre_depense_creer"),
    path(
        "differes/<int:annee>/",
        api_differe.PaiementsDifferesApi.as_view(),
        name="api_paiements_differes",
    ),
    path(
        "<int:pk>/differer/",
        api_differe.PaiementDiffererApi.as_view(),
        name="api_ordre_depense_differer",
    ),
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
    path(
        "<int:pk>/viser-sur-requisition/",
        api.ViserSurRequisitionApi.as_view(),
        name="api_ordre_depense_viser_sur_requisition",
    ),
    path(
        "<int:pk>/refuser-de-deferer/",
        api.RefuserDeDefererApi.as_view(),
        name="api_ordre_depense_refuser_de_deferer",
    ),
    path("<int:pk>/reimputer/", api.ReimputerApi.as_view(), name="api_ordre_depense_reimputer"),
    path(
        "reimputations/<int:pk>/prendre-en-charge/",
        api.ReimputationPrendreEnChargeApi.as_view(),
        name="api_reimputation_prendre_en_charge",
    ),
    path(
        "reimputations/<int:pk>/rejeter/",
        api.ReimputationRejeterApi.as_view(),
        name="api_reimputation_rejeter",
    ),
]
