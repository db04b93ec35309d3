"""Pages of recovery; each part adds its own patterns (`urls_*`)."""

from django.urls import path  # noqa: F401 (each part adds its patterns)

app_name = "recouvrement"

urlpatterns: list = []
