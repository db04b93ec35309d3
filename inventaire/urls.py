from django.urls import path

from inventaire import views

app_name = "inventaire"

urlpatterns = [
    path("<int:annee>/", views.etats, name="etats"),
    path("<int:annee>/etablir/<slug:nature>/", views.etablir, name="etablir"),
    path("<int:annee>/revue-provisions/", views.revoir, name="revoir"),
    path("etats/<int:pk>/", views.etat, name="etat"),
    path("etats/<int:pk>/pdf/", views.etat_pdf_vue, name="etat_pdf"),
    path("exercices/<int:pk>/contrepasser/", views.contrepasser, name="contrepasser"),
]
