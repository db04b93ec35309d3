"""The demo's passwords."""


def mot_de_passe_demo(login: str) -> str:
    """Demo passwords: printed by `make run`, valid in the demo database only."""
    return f"demo-{login}-valmont"
