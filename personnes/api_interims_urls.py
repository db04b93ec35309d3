"""Mounted under api/interims/."""

from django.urls import path

from personnes import api_interims

urlpatterns = [
    path("", api_interims.InterimsApi.as_view(), name="api_interims"),
    path("<int:pk>/", api_interims.InterimDetailApi.as_view(), name="api_interim"),
]
