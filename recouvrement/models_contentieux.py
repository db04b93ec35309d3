"""Models of the contentieux part of recovery (filled by its own change)."""

__all__: list[str] = []
