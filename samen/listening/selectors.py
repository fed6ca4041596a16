"""Reads about contributions, themes, reach, volunteers and the feedback report."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from samen.listening.models import (
    Channel,
    Contribution,
    FeedbackReport,
    Kind,
    Theme,
    ThemeResponse,
    Volunteer,
)
from samen.neighbourhoods.models import Household, Neighbourhood, Resident


def contributions_of_resident(*, resident: Resident) -> QuerySet[Contribution]:
    """Return what a resident's household said, with the theme and its answer."""
    return (
        Contribution.objects.filter(Q(author=resident) | Q(household=resident.household_id))
        .select_related("theme", "theme__response")
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class ContributionFilter:
    """The filters of the contributions overview."""

    kind: str = ""
    channel: str = ""
    status: str = ""
    theme: int | None = None
    street: str = ""
    search: str = ""
    without_theme: bool = False


def contributions_for_workers(
    *, neighbourhood: Neighbourhood, filters: ContributionFilter | None = None
) -> QuerySet[Contribution]:
    """Return a neighbourhood's contributions for community workers, filtered, newest first."""
    filters = filters or ContributionFilter()
    queryset = Contribution.objects.filter(neighbourhood=neighbourhood).select_related(
        "household", "author", "theme", "entered_by"
    )
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.theme:
        queryset = queryset.filter(theme_id=filters.theme)
    if filters.without_theme:
        queryset = queryset.filter(theme__isnull=True)
    if filters.street:
        queryset = queryset.filter(street=filters.street)
    if filters.search.strip():
        queryset = queryset.filter(text__icontains=filters.search.strip())
    return queryset.order_by("-created_at", "-id")


def contribution_of(*, neighbourhood: Neighbourhood, pk: int) -> Contribution | None:
    """Return one contribution of the neighbourhood with its household and theme."""
    return (
        Contribution.objects.filter(neighbourhood=neighbourhood, pk=pk)
        .select_related("household", "author", "theme", "entered_by")
        .first()
    )


def themes_of(*, neighbourhood: Neighbourhood) -> QuerySet[Theme]:
    """Return the themes with their counts per kind and their answer."""
    kinds = {
        f"count_{kind}": Count("contributions", filter=Q(contributions__kind=kind))
        for kind in Kind.values
    }
    return (
        Theme.objects.filter(neighbourhood=neighbourhood)
        .select_related("response", "neighbourhood")
        .annotate(total=Count("contributions"), **kinds)
        .order_by("-total", "title")
    )


def theme_of(*, neighbourhood: Neighbourhood, pk: int) -> Theme | None:
    """Return one theme of the neighbourhood with its answer."""
    return (
        Theme.objects.filter(neighbourhood=neighbourhood, pk=pk)
        .select_related("response", "response__answered_by", "neighbourhood")
        .first()
    )


def theme_contributions(*, theme: Theme) -> QuerySet[Contribution]:
    """Return a theme's contributions, newest first."""
    return (
        Contribution.objects.filter(theme=theme)
        .select_related("household", "author")
        .order_by("-created_at", "-id")
    )


def contributions_without_theme(*, neighbourhood: Neighbourhood) -> QuerySet[Contribution]:
    """Return the contributions that are in no theme yet, oldest first."""
    return Contribution.objects.filter(neighbourhood=neighbourhood, theme__isnull=True).order_by(
        "created_at", "id"
    )


# --- Reach ---------------------------------------------------------------------------------


@dataclass
class StreetReach:
    street: str
    households: int = 0
    reached: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.reached / self.households) if self.households else 0


@dataclass
class Reach:
    """Which households have been heard, on which channel, per street."""

    households: int = 0
    reached: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)
    streets: list[StreetReach] = field(default_factory=list)
    contributions: int = 0
    street_only: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.reached / self.households) if self.households else 0

    def channel_rows(self) -> list[tuple[str, int, int]]:
        """Return (channel label, households, percent) for every channel."""
        return [
            (
                str(label),
                self.by_channel.get(value, 0),
                round(100 * self.by_channel.get(value, 0) / self.households)
                if self.households
                else 0,
            )
            for value, label in Channel.choices
        ]


def reach_of(*, neighbourhood: Neighbourhood) -> Reach:
    """Return the reach of the listening: households heard, per channel and per street."""
    households = dict(
        Household.objects.filter(neighbourhood=neighbourhood).values_list("id", "street")
    )
    heard: dict[int, set[str]] = defaultdict(set)
    contributions = 0
    street_only = 0
    rows = Contribution.objects.filter(neighbourhood=neighbourhood).values_list(
        "household_id", "channel"
    )
    for household_id, channel in rows:
        contributions += 1
        if household_id is None:
            street_only += 1
            continue
        heard[household_id].add(channel)
    by_channel: Counter[str] = Counter()
    for channels in heard.values():
        by_channel.update(channels)
    streets: dict[str, StreetReach] = {}
    for household_id, street in households.items():
        entry = streets.setdefault(street, StreetReach(street=street))
        entry.households += 1
        entry.reached += household_id in heard
    return Reach(
        households=len(households),
        reached=sum(1 for household_id in households if household_id in heard),
        by_channel=dict(by_channel),
        streets=sorted(streets.values(), key=lambda s: s.street),
        contributions=contributions,
        street_only=street_only,
    )


def households_with_reach(*, neighbourhood: Neighbourhood, street: str = "") -> QuerySet[Household]:
    """Return households with how often and on which channels they were heard."""
    queryset = Household.objects.filter(neighbourhood=neighbourhood).annotate(
        heard=Count("contributions"),
        **{
            f"heard_{channel}": Count("contributions", filter=Q(contributions__channel=channel))
            for channel in Channel.values
        },
    )
    if street:
        queryset = queryset.filter(street=street)
    return queryset.order_by("street", "number_sort", "number", "box")


def households_not_reached(*, neighbourhood: Neighbourhood) -> QuerySet[Household]:
    """Return the households nobody has heard yet, for the door-to-door round."""
    return (
        Household.objects.filter(neighbourhood=neighbourhood, contributions__isnull=True)
        .prefetch_related(Prefetch("residents", queryset=Resident.objects.order_by("display_name")))
        .order_by("street", "number_sort", "number", "box")
        .distinct()
    )


# --- Volunteers ----------------------------------------------------------------------------


def volunteers_of(*, neighbourhood: Neighbourhood, area: str = "") -> QuerySet[Volunteer]:
    """Return the volunteers of a neighbourhood, newest first."""
    queryset = Volunteer.objects.filter(neighbourhood=neighbourhood).select_related(
        "household", "resident"
    )
    if area:
        queryset = (
            queryset.filter(areas__contains=[area])
            if _json_contains()
            else queryset.filter(areas__icontains=f'"{area}"')
        )
    return queryset.order_by("-created_at", "-id")


def _json_contains() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def volunteer_counts(*, neighbourhood: Neighbourhood) -> dict[str, int]:
    """Return how many volunteers offered help per area (and in all)."""
    counts: Counter[str] = Counter()
    total = 0
    for areas in Volunteer.objects.filter(neighbourhood=neighbourhood).values_list(
        "areas", flat=True
    ):
        total += 1
        counts.update(areas)
    return {"total": total, **{area: counts.get(area, 0) for area in Volunteer.Area.values}}


# --- The feedback report and "you said, we did" -------------------------------------------


@dataclass
class ThemeSummary:
    theme: Theme
    total: int
    by_kind: dict[str, int]
    by_channel: dict[str, int]
    quotes: list[str]
    response: ThemeResponse | None


@dataclass
class FeedbackData:
    neighbourhood: Neighbourhood
    reach: Reach
    themes: list[ThemeSummary]
    by_kind: dict[str, int]
    by_channel: dict[str, int]
    without_theme: int
    volunteers: dict[str, int]
    report: FeedbackReport | None
    languages: dict[str, int]


QUOTES_PER_THEME = 3


def feedback_of(*, neighbourhood: Neighbourhood) -> FeedbackData:
    """Return every figure of the feedback report (anonymised: quotes carry no names)."""
    reach = reach_of(neighbourhood=neighbourhood)
    themes = {
        theme.pk: theme
        for theme in Theme.objects.filter(neighbourhood=neighbourhood).select_related("response")
    }
    per_theme: dict[int, dict[str, Any]] = {
        pk: {"kind": Counter(), "channel": Counter(), "quotes": []} for pk in themes
    }
    by_kind: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    without_theme = 0
    rows = (
        Contribution.objects.filter(neighbourhood=neighbourhood)
        .order_by("-consent_named", "id")
        .values_list("theme_id", "kind", "channel", "text", "language")
    )
    for theme_id, kind, channel, text, language in rows:
        by_kind[kind] += 1
        by_channel[channel] += 1
        languages[language or "?"] += 1
        if theme_id is None:
            without_theme += 1
            continue
        bucket = per_theme[theme_id]
        bucket["kind"][kind] += 1
        bucket["channel"][channel] += 1
        if len(bucket["quotes"]) < QUOTES_PER_THEME and 20 <= len(text) <= 400:
            bucket["quotes"].append(text)
    summaries = [
        ThemeSummary(
            theme=theme,
            total=sum(per_theme[pk]["kind"].values()),
            by_kind=dict(per_theme[pk]["kind"]),
            by_channel=dict(per_theme[pk]["channel"]),
            quotes=per_theme[pk]["quotes"],
            response=getattr(theme, "response", None),
        )
        for pk, theme in themes.items()
    ]
    summaries.sort(key=lambda s: (-s.total, s.theme.title))
    return FeedbackData(
        neighbourhood=neighbourhood,
        reach=reach,
        themes=summaries,
        by_kind=dict(by_kind),
        by_channel=dict(by_channel),
        without_theme=without_theme,
        volunteers=volunteer_counts(neighbourhood=neighbourhood),
        report=FeedbackReport.objects.filter(neighbourhood=neighbourhood).first(),
        languages=dict(languages),
    )


def you_said_of(*, neighbourhood: Neighbourhood) -> list[ThemeSummary]:
    """Return the themes with a published answer, for "Jullie zeiden, wij deden"."""
    return [
        summary
        for summary in feedback_of(neighbourhood=neighbourhood).themes
        if summary.response is not None and summary.response.published
    ]
