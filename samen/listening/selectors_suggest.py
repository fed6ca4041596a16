"""Reads about theme suggestions: the latest run with its suggestions, quotes and left-out input."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

from samen.listening.models import Contribution, SuggestionRun, ThemeSuggestion
from samen.neighbourhoods.models import Neighbourhood

LEFT_OUT_PAGE_SIZE = 25


@dataclass
class LeftOutItem:
    """A contribution that is in no suggestion, with the reason (a code of text.LeftOut)."""

    pk: int
    reason: str
    text: str
    language: str
    # Filled in by the view, in the reader's language.
    reason_text: str = ""
    language_name: str = ""


@dataclass
class SuggestionOverview:
    """What the suggestions page shows."""

    run: SuggestionRun | None
    suggestions: list[ThemeSuggestion] = field(default_factory=list)
    left_out: Page | None = None
    without_theme: int = 0


def suggestion_run_latest(*, neighbourhood: Neighbourhood) -> SuggestionRun | None:
    """Return the neighbourhood's most recent suggestion run."""
    return (
        SuggestionRun.objects.filter(neighbourhood=neighbourhood)
        .order_by("-created_at", "-id")
        .first()
    )


def suggestion_overview(
    *, neighbourhood: Neighbourhood, left_out_page: str | int | None = None
) -> SuggestionOverview:
    """Return the latest run, its suggestions with their quotes, and a page of left-out input."""
    without_theme = Contribution.objects.filter(
        neighbourhood=neighbourhood, status=Contribution.Status.NEW, theme__isnull=True
    ).count()
    run = suggestion_run_latest(neighbourhood=neighbourhood)
    if run is None or run.status != SuggestionRun.Status.DONE:
        return SuggestionOverview(run=run, without_theme=without_theme)
    suggestions = list(
        ThemeSuggestion.objects.filter(run=run).select_related("theme").order_by("position", "id")
    )
    page = Paginator(run.left_out or [], LEFT_OUT_PAGE_SIZE).get_page(left_out_page)
    quote_ids = {pk for suggestion in suggestions for pk in suggestion.quote_ids}
    page_ids = {int(pk) for pk, _reason in page.object_list}
    # One query for every text on the page: the quotes and this page of left-out input.
    texts = {
        pk: (text, language)
        for pk, text, language in Contribution.objects.filter(
            neighbourhood=neighbourhood, pk__in=quote_ids | page_ids
        ).values_list("id", "text", "language")
    }
    for suggestion in suggestions:
        # Only the text: a quote never shows who said it.
        suggestion.quotes = [texts[pk][0] for pk in suggestion.quote_ids if pk in texts]
    page.object_list = [
        LeftOutItem(pk=int(pk), reason=reason, text=texts[int(pk)][0], language=texts[int(pk)][1])
        for pk, reason in page.object_list
        if int(pk) in texts  # deleted since the run
    ]
    return SuggestionOverview(
        run=run, suggestions=suggestions, left_out=page, without_theme=without_theme
    )


def suggestion_of(*, neighbourhood: Neighbourhood, pk: int) -> ThemeSuggestion | None:
    """Return one suggestion of the neighbourhood's runs."""
    return (
        ThemeSuggestion.objects.filter(run__neighbourhood=neighbourhood, pk=pk)
        .select_related("run", "theme")
        .first()
    )
