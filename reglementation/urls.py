from django.urls import path

from reglementation import views

app_name = "reglementation"

urlpatterns = [
    path("", views.regles, name="regles"),
]
