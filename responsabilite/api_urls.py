"""The API of the agent comptable's liability (`/api/responsabilite/`)."""

from django.urls import path

from responsabilite import api, api_reglement

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
    # article D253-81
    path(
        "ordres/<int:pk>/reglement/",
        api_reglement.ReglementApi.as_view(),
        name="api_responsabilite_reglement",
    ),
    path(
        "ordres/<int:pk>/versements/",
        api_reglement.VersementApi.as_view(),
        name="api_responsabilite_versement",
    ),
    path(
        "ordres/<int:pk>/non-valeurs/",
        api_reglement.NonValeurApi.as_view(),
        name="api_responsabilite_non_valeur",
    ),
    path(
        "ordres/<int:pk>/association/",
        api_reglement.AssociationApi.as_view(),
        name="api_responsabilite_association",
    ),
    path(
        "ordres/<int:pk>/recouvrements/",
        api_reglement.RecouvrementApi.as_view(),
        name="api_responsabilite_recouvrement",
    ),
    path(
        "demandes/<int:pk>/prise-en-charge/",
        api_reglement.PriseEnChargeApi.as_view(),
        name="api_responsabilite_prise_en_charge",
    ),
    path(
        "non-valeurs/<int:pk>/comptabiliser/",
        api_reglement.NonValeurComptabiliserApi.as_view(),
        name="api_responsabilite_non_valeur_comptabiliser",
    ),
    path(
        "recouvrements/<int:pk>/reversement/",
        api_reglement.ReversementApi.as_view(),
        name="api_responsabilite_reversement",
    ),
]
