"""Pages of the surveillance part of recovery."""

urlpatterns: list = []
