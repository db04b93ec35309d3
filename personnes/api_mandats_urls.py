"""Mounted under api/mandats/."""

from django.urls import path

from personnes import api_installations

urlpatterns = [
    path("", api_installations.MandatsApi.as_view(), name="api_mandats"),
    path(
        "<int:pk>/retirer/", api_installations.RetirerMandatApi.as_view(), name="api_mandat_retirer"
    ),
]
