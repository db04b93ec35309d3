from django.urls import path

from budget import views

app_name = "budget"

urlpatterns = [
    path("", views.credits, name="credits"),
    path("ouvrir/", views.ouvrir, name="ouvrir"),
    path("modifier/", views.modifier, name="modifier"),
    path("<int:pk>/", views.credit, name="credit"),
]
