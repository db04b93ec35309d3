"""The project's URLs plus the budget's, until config/urls.py mounts them
(budget/ and api/credits/); then this adds nothing."""

from django.urls import include, path

from config.urls import urlpatterns as _projet

urlpatterns = list(_projet)
if not any(getattr(p, "namespace", None) == "budget" for p in _projet):
    urlpatterns.append(path("budget/", include("budget.urls")))
if not any(getattr(p, "urlconf_name", None) == "budget.api_urls" for p in _projet):
    urlpatterns.append(path("api/credits/", include("budget.api_urls")))
