"""Permission-matrix rows of the theme suggestions (merged by tests/listening/matrix.py)."""

from samen.listening.models import Contribution, SuggestionRun, ThemeSuggestion
from tests.core.matrix_helpers import only

WORKERS = ("facilitator", "organisation_admin")

MATRIX: dict[str, tuple[str, dict[str, int]]] = {
    "listening:suggestions": ("get", only(WORKERS)),
    # A POST without a choice: the page again with "Choose: accept or set aside." (400).
    "listening:suggestion_decide": ("post", only(WORKERS, ok=400)),
}


def build(world: dict) -> None:
    """Add a finished run with one open suggestion."""
    neighbourhood = world["neighbourhood"]
    contribution = Contribution.objects.create(
        neighbourhood=neighbourhood,
        kind="frustration",
        text="Er zijn te weinig parkeerplaatsen.",
        channel="postcard",
        language="nl",
    )
    run = SuggestionRun.objects.create(
        neighbourhood=neighbourhood, status=SuggestionRun.Status.DONE, contribution_count=1
    )
    world["suggestion"] = ThemeSuggestion.objects.create(
        run=run,
        label="Parkeerplaats",
        top_words=["parkeerplaats"],
        quote_ids=[contribution.pk],
        contribution_ids=[contribution.pk],
    )


def kwargs(name: str, world: dict) -> dict:
    """Return the URL kwargs for a suggestions URL."""
    if name == "listening:suggestion_decide":
        return {"slug": world["slug"], "pk": world["suggestion"].pk}
    return {"slug": world["slug"]}
