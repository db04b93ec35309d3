"""The API of the agent comptable's liability (`/api/responsabilite/`)."""

from django.urls import path

from responsabilite import api

urlpatterns = [
    path("registre/", api.RegistreApi.as_view(), name="api_responsabilite_registre"),
    path(
        "requisitions/",
        api.RequisitionsApi.as_view(),
        name="api_responsabilite_requisitions",
    ),
    path("mises-en-cause/", api.MiseEnCauseApi.as_view(), name="api_responsabilite_mise"),
    path(
        "mises-en-cause/<int:pk>/ordre/",
        api.EmettreApi.as_view(),
        name="api_responsabilite_emettre",
    ),
    path(
        "manquants/<int:pk>/ordre/",
        api.SurManquantApi.as_view(),
        name="api_responsabilite_sur_manquant",
    ),
    path(
        "ordres/<int:pk>/accuse-reception/",
        api.AccuseReceptionApi.as_view(),
        name="api_responsabilite_accuse_reception",
    ),
    path(
        "ordres/<int:pk>/conseil-informe/",
        api.ConseilInformeApi.as_view(),
        name="api_responsabilite_conseil_informe",
    ),
    path(
        "ordres/<int:pk>/comptabiliser/",
        api.ComptabiliserApi.as_view(),
        name="api_responsabilite_comptabiliser",
    ),
    path(
        "ordres/<int:pk>/sursis/",
        api.SursisDemanderApi.as_view(),
        name="api_responsabilite_sursis_demander",
    ),
    path(
        "ordres/<int:pk>/sursis/decision/",
        api.SursisDeciderApi.as_view(),
        name="api_responsabilite_sursis_decider",
    ),
    path(
        "ordres/<int:pk>/demandes/",
        api.DemandeApi.as_view(),
        name="api_responsabilite_demande",
    ),
    path(
        "demandes/<int:pk>/conseil/",
        api.DemandeConseilApi.as_view(),
        name="api_responsabilite_demande_conseil",
    ),
    path(
        "demandes/<int:pk>/approbation/",
        api.DemandeApprobationApi.as_view(),
        name="api_responsabilite_demande_approbation",
    ),
]
