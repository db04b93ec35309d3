"""An URLconf of its own for tests/core/test_liens.py: `ledger:ecriture` elsewhere."""

from django.urls import include, path

from ledger import urls as ledger_urls

urlpatterns = [path("autre/", include((ledger_urls.urlpatterns, "ledger"), namespace="ledger"))]
