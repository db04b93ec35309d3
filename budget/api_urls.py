"""Mounted under api/credits/ (names are global, like the other API modules)."""

from django.urls import path

from budget import api

urlpatterns = [
    path("", api.CreditsApi.as_view(), name="api_credits"),
    path("ouvrir/", api.CreditOuvrirApi.as_view(), name="api_credit_ouvrir"),
    path("<int:pk>/", api.CreditDetailApi.as_view(), name="api_credit"),
    path("<int:pk>/modifier/", api.CreditModifierApi.as_view(), name="api_credit_modifier"),
]
