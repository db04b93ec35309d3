from django.urls import path

from ledger import api, api_balances, api_cloture

urlpatterns = [
    path("exercices/", api.ExerciceListApi.as_view(), name="api_exercices"),
    path("exercices/<int:annee>/", api.ExerciceDetailApi.as_view(), name="api_exercice"),
    path(
        "exercices/<int:annee>/periode-complementaire/",
        api.ExercicePeriodeComplementaireApi.as_view(),
        name="api_exercice_periode_complementaire",
    ),
    path("exercices/<int:annee>/clore/", api.ExerciceCloreApi.as_view(), name="api_exercice_clore"),
    path("exercices/<int:annee>/fec/", api.ExerciceFecApi.as_view(), name="api_exercice_fec"),
    # The year-end after the inventory: result, board's arrêté, à-nouveaux.
    path(
        "exercices/<int:annee>/cloture/",
        api_cloture.ClotureApi.as_view(),
        name="api_exercice_cloture",
    ),
    path(
        "exercices/<int:annee>/resultat/",
        api_cloture.ResultatPasserApi.as_view(),
        name="api_exercice_resultat",
    ),
    path(
        "exercices/<int:annee>/arrete/",
        api_cloture.ArreteEnregistrerApi.as_view(),
        name="api_exercice_arrete",
    ),
    path(
        "exercices/<int:annee>/a-nouveaux/",
        api_cloture.ANouveauxPasserApi.as_view(),
        name="api_exercice_a_nouveaux",
    ),
    path("comptes/", api.CompteListApi.as_view(), name="api_comptes"),
    path("ecritures/", api.EcritureListApi.as_view(), name="api_ecritures"),
    path("ecritures/passer/", api.EcriturePasserApi.as_view(), name="api_ecriture_passer"),
    path(
        "ecritures/enregistrer/",
        api.EcritureEnregistrerApi.as_view(),
        name="api_ecriture_enregistrer",
    ),
    path("file-validation/", api.FileValidationApi.as_view(), name="api_file_validation"),
    path(
        "ecritures/enregistrements/<int:pk>/",
        api.SuiviEnregistrementApi.as_view(),
        name="api_suivi_enregistrement",
    ),
    path("ecritures/<int:pk>/", api.EcritureDetailApi.as_view(), name="api_ecriture"),
    path(
        "ecritures/<int:pk>/contrepasser/",
        api.EcritureContrepasserApi.as_view(),
        name="api_ecriture_contrepasser",
    ),
    path("balance/", api.BalanceApi.as_view(), name="api_balance"),
    path("grand-livre/", api.GrandLivreApi.as_view(), name="api_grand_livre"),
    path("integrite/", api.IntegriteApi.as_view(), name="api_integrite"),
    # Frozen balances (circ. 93/82 §3.2).
    path(
        "exercices/<int:annee>/balances/",
        api_balances.BalanceFigeeListApi.as_view(),
        name="api_balances_figees",
    ),
    path(
        "exercices/<int:annee>/balances/figer/",
        api_balances.BalanceFigerApi.as_view(),
        name="api_balance_figer",
    ),
    path(
        "balances/<int:pk>/", api_balances.BalanceFigeeDetailApi.as_view(), name="api_balance_figee"
    ),
    path(
        "balances/<int:pk>/envoyer/",
        api_balances.BalanceEnvoyerApi.as_view(),
        name="api_balance_envoyer",
    ),
]
