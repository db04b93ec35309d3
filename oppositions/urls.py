from django.urls import path

from oppositions import views

app_name = "oppositions"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("nouvelle/", views.nouvelle, name="nouvelle"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/mainlevee/", views.mainlevee, name="mainlevee"),
]
