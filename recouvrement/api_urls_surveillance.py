"""API of the surveillance part of recovery."""

urlpatterns: list = []
