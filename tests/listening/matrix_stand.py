"""Permission-matrix rows of stand mode (merged by tests/listening/matrix.py)."""

from tests.core.matrix_helpers import every, only

WORKERS = ("facilitator", "organisation_admin")

MATRIX: dict[str, tuple[str, dict[str, int]]] = {
    "listening:stand": ("get", only(WORKERS)),
    # The service worker is plain code with nothing private in it.
    "listening:stand_sw": ("get", every(200)),
}


def build(world: dict) -> None:
    """Stand mode needs nothing beyond the neighbourhood."""


def kwargs(name: str, world: dict) -> dict:
    """Return the URL kwargs for a stand-mode URL."""
    return {"slug": world["slug"]}
