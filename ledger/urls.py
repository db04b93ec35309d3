from django.urls import path

from ledger import views

app_name = "ledger"

urlpatterns = [
    path("balance/", views.balance, name="balance"),
    path("balance.csv", views.balance_csv, name="balance_csv"),
    path("balance.pdf", views.balance_pdf_vue, name="balance_pdf"),
    path("grand-livre/", views.grand_livre, name="grand_livre"),
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
]
