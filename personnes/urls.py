from django.urls import path

from personnes import views

app_name = "personnes"

urlpatterns = [
    path("delegations/", views.delegations, name="delegations"),
    path("delegations/<int:pk>/notifier/", views.notifier, name="notifier"),
    path("delegations/<int:pk>/retirer/", views.retirer, name="retirer"),
    path("procurations/", views.procurations, name="procurations"),
]
