from django.urls import path

from ledger import views, views_exports, vues_balances, vues_progression

app_name = "ledger"

urlpatterns = [
    path("balance/", views.balance, name="balance"),
    path("balance.csv", views.balance_csv, name="balance_csv"),
    path("balance.pdf", views.balance_pdf_vue, name="balance_pdf"),
    path("grand-livre/", views.grand_livre, name="grand_livre"),
    path("grand-livre.csv", views_exports.grand_livre_csv_vue, name="grand_livre_csv"),
    path("grand-livre.pdf", views_exports.grand_livre_pdf_vue, name="grand_livre_pdf"),
    path("ecritures.csv", views_exports.ecritures_csv, name="ecritures_csv"),
    path("ecritures.pdf", views_exports.ecritures_pdf, name="ecritures_pdf"),
    path("ecritures/", views.ecritures, name="ecritures"),
    path("ecritures/<int:pk>/", views.ecriture, name="ecriture"),
    path(
        "ecritures/<int:pk>/contrepasser/",
        views.ecriture_contrepasser,
        name="ecriture_contrepasser",
    ),
    path("saisie/", views.saisie, name="saisie"),
    path("exercices/", views.exercices, name="exercices"),
    path(
        "exercices/<int:annee>/<slug:acte>/", views.exercice_transition, name="exercice_transition"
    ),
    path("integrite/", views.integrite, name="integrite"),
    # Long operations' progress (core.progression).
    path("operations/", vues_progression.operations, name="operations"),
    path("operations/<int:pk>/", vues_progression.operation, name="operation"),
    path("integrite.csv", views_exports.integrite_csv_vue, name="integrite_csv"),
    path("integrite.pdf", views_exports.integrite_pdf_vue, name="integrite_pdf"),
    path("fec/<int:annee>/", views_exports.exercice_fec, name="exercice_fec"),
    # Frozen balances (circ. 93/82 §3.2).
    path("balances-figees/<int:annee>/", vues_balances.liste, name="balances_figees"),
    path("balances-figees/<int:annee>/figer/", vues_balances.figer, name="balance_figer"),
    path("balance-figee/<int:pk>/", vues_balances.detail, name="balance_figee"),
    path("balance-figee/<int:pk>/envoyer/", vues_balances.envoyer, name="balance_envoyer"),
    path("balance-figee/<int:pk>.pdf", vues_balances.en_pdf, name="balance_figee_pdf"),
    path("balance-figee/<int:pk>.csv", vues_balances.en_csv, name="balance_figee_csv"),
    path("balance-figee/<int:pk>.xlsx", vues_balances.en_xlsx, name="balance_figee_xlsx"),
]
