"""API of recovery; each part adds its own routes."""

urlpatterns: list = []
