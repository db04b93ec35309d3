"""Mounted under api/procurations/."""

from django.urls import path

from personnes import api_procurations

urlpatterns = [
    path("", api_procurations.ProcurationsApi.as_view(), name="api_procurations"),
    path("<int:pk>/", api_procurations.ProcurationDetailApi.as_view(), name="api_procuration"),
]
