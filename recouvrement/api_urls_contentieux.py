"""API of the contentieux part of recovery (annexe art. 13), under /api/recouvrement/."""

from django.urls import path

from recouvrement import api_contentieux as api

urlpatterns = [
    path(
        "contentieux/creances/",
        api.ContentieuxCreancesApi.as_view(),
        name="api_contentieux_creances",
    ),
    path(
        "contentieux/creances/<int:pk>/",
        api.ContentieuxCreanceApi.as_view(),
        name="api_contentieux_creance",
    ),
    path(
        "contentieux/mises-en-demeure/",
        api.MiseEnDemeureApi.as_view(),
        name="api_contentieux_mise_en_demeure",
    ),
    path(
        "contentieux/mises-en-demeure/<int:pk>/avis-reception/",
        api.AvisReceptionApi.as_view(),
        name="api_contentieux_avis_reception",
    ),
    path(
        "contentieux/mises-en-demeure/<int:pk>/reclamation/",
        api.RecoursApi.as_view(),
        name="api_contentieux_recours",
    ),
    path(
        "contentieux/reclamations/<int:pk>/decision/",
        api.DecisionApi.as_view(),
        name="api_contentieux_decision",
    ),
    path(
        "contentieux/creances/<int:pk>/poursuite/",
        api.PoursuiteApi.as_view(),
        name="api_contentieux_poursuite",
    ),
    path(
        "contentieux/creances/<int:pk>/avis-caisse/",
        api.AvisCaisseApi.as_view(),
        name="api_contentieux_avis_caisse",
    ),
    path(
        "contentieux/poursuites/<int:pk>/actes-huissier/",
        api.ActeHuissierApi.as_view(),
        name="api_contentieux_acte_huissier",
    ),
    path(
        "contentieux/actes-huissier/<int:pk>/resultat/",
        api.ResultatApi.as_view(),
        name="api_contentieux_resultat",
    ),
    path(
        "contentieux/debiteurs/<int:pk>/qualifier/",
        api.DebiteurApi.as_view(),
        name="api_contentieux_debiteur",
    ),
    path(
        "contentieux/debiteurs/<int:pk>/procedures-collectives/",
        api.ProcedureApi.as_view(),
        name="api_contentieux_procedure",
    ),
    path(
        "contentieux/procedures-collectives/",
        api.ContentieuxProceduresApi.as_view(),
        name="api_contentieux_procedures",
    ),
    path(
        "contentieux/procedures-collectives/<int:pk>/declarations/",
        api.DeclarationApi.as_view(),
        name="api_contentieux_declaration",
    ),
    path(
        "contentieux/procedures-collectives/<int:pk>/evenements/",
        api.EvenementApi.as_view(),
        name="api_contentieux_evenement",
    ),
    path(
        "contentieux/procedures-collectives/<int:pk>/issue/",
        api.IssueApi.as_view(),
        name="api_contentieux_issue",
    ),
    path("huissiers/", api.ContentieuxHuissiersApi.as_view(), name="api_contentieux_huissiers"),
    path(
        "huissiers/inscrire/", api.HuissierApi.as_view(), name="api_contentieux_huissier_inscrire"
    ),
    path("huissiers/<int:pk>/visites/", api.VisiteApi.as_view(), name="api_contentieux_visite"),
    path(
        "huissiers/<int:pk>/dispenses/", api.DispenseApi.as_view(), name="api_contentieux_dispense"
    ),
]
