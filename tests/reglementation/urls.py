"""The project's URLs plus this app's page, until config/urls.py mounts it."""

from django.urls import include, path

from config.urls import urlpatterns as principales

urlpatterns = list(principales)
if not any(getattr(motif, "namespace", None) == "reglementation" for motif in principales):
    urlpatterns.append(path("reglementation/", include("reglementation.urls")))
