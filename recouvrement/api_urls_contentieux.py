"""API of the contentieux part of recovery."""

urlpatterns: list = []
