"""API of the amiable part of recovery."""

urlpatterns: list = []
