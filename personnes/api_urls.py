"""Mounted under api/delegations/ (names are global, like the other API modules)."""

from django.urls import path

from personnes import api

urlpatterns = [
    path("", api.DelegationsApi.as_view(), name="api_delegations"),
    path("creer/", api.DONNER.as_view(), name="api_delegation_creer"),
    path("<int:pk>/", api.DelegationDetailApi.as_view(), name="api_delegation"),
    path("<int:pk>/notifier/", api.DelegationNotifierApi.as_view(), name="api_delegation_notifier"),
    path("<int:pk>/retirer/", api.DelegationRetirerApi.as_view(), name="api_delegation_retirer"),
]
