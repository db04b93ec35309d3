from django.urls import path

from comptes_annuels import views

app_name = "comptes_annuels"

urlpatterns = [
    path("correspondances/", views.correspondances, name="correspondances"),
    path("<int:annee>/", views.exercice, name="exercice"),
    path(
        "<int:annee>/<slug:document>.<slug:format_>",
        views.document,
        name="document",
    ),
]
