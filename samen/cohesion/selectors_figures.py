"""Reads for the cohesion figures: scores per wave, the acquaintance network and the funnel.

Every selector costs a fixed number of queries, whatever the number of answers, pairs or
neighbourhoods. Survey answers are read by wave id only: no query here ever puts a survey
response next to a household (tests/cohesion/test_figures_views.py checks the SQL).
Nothing here names or lists a household: households are counted, never shown.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Avg, CharField, Count, DateField, Q, QuerySet, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from samen.activities.models import Acquaintance, Activity, Attendance, Registration
from samen.cohesion.funnel import Event, FunnelStep, funnel
from samen.cohesion.instrument import CBS_ITEMS, ITEM_FIELDS, MIN_GROUP, Item, group_score
from samen.cohesion.models import KnownByName, SurveyResponse, SurveyWave
from samen.cohesion.network import NetworkFigures, network_figures
from samen.committee.models import Membership
from samen.listening.models import Contribution, Volunteer
from samen.neighbourhoods.models import Neighbourhood, Organisation, Resident
from samen.trajectories.models import Phase, Trajectory

FAR_FUTURE = datetime.date(9999, 12, 31)
BANDS: tuple[KnownByName, ...] = tuple(KnownByName)


@dataclass(frozen=True)
class ItemFigure:
    """The mean answer (1–5) to one statement, or None below five answers."""

    item: Item
    mean: float | None
    answered: int


@dataclass(frozen=True)
class Band:
    """One answer band of "how many neighbours do you know by name?"."""

    key: str
    label: object
    count: int
    share: float

    @property
    def percent(self) -> float:
        """Return the share in percent."""
        return 100 * self.share


@dataclass
class WaveFigures:
    """The figures of one survey wave."""

    wave: SurveyWave
    answers: int
    score: float | None
    scored: int
    items: list[ItemFigure]
    bands: list[Band] | None  # None: fewer than five answered the question
    band_answers: int
    network: NetworkFigures | None = None
    change: float | None = None  # the score minus the previous wave's score

    @property
    def direction(self) -> str:
        """Return 'up', 'down', 'same' or '' (no change to tell)."""
        if self.change is None:
            return ""
        if round(self.change, 1) > 0:
            return "up"
        if round(self.change, 1) < 0:
            return "down"
        return "same"


@dataclass(frozen=True)
class NetworkMoment:
    """The network right after one activity."""

    title: str
    day: datetime.date
    figures: NetworkFigures


@dataclass(frozen=True)
class PhaseFunnel:
    """The funnel of one phase (or of the whole trajectory)."""

    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    steps: list[FunnelStep]


@dataclass
class NeighbourhoodFigures:
    """Everything the dashboard and the effect report show about one neighbourhood."""

    neighbourhood: Neighbourhood
    households: int
    waves: list[WaveFigures]
    network_now: NetworkFigures | None
    network_over_time: list[NetworkMoment] | None  # None: fewer than five households
    trajectory: Trajectory | None
    funnels: list[PhaseFunnel]
    whole_funnel: PhaseFunnel | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def latest(self) -> WaveFigures | None:
        """Return the latest wave."""
        return self.waves[-1] if self.waves else None

    @property
    def previous(self) -> WaveFigures | None:
        """Return the wave before the latest."""
        return self.waves[-2] if len(self.waves) > 1 else None

    @property
    def network_suppressed(self) -> bool:
        """Return True when the neighbourhood has too few households for network figures."""
        return self.households < MIN_GROUP


def _one_decimal(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def end_of_day(day: datetime.date) -> datetime.datetime:
    """Return the first moment after `day` in the current time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )


def _waves_with_aggregates(neighbourhood_ids: Sequence[int]) -> list[SurveyWave]:
    """Return the waves with per-wave aggregates computed in SQL (one query)."""
    aggregates: dict[str, Any] = {"answer_count": Count("responses")}
    for name in ITEM_FIELDS:
        aggregates[f"mean_{name}"] = Avg(f"responses__{name}")
        aggregates[f"n_{name}"] = Count(f"responses__{name}")
    for index, band in enumerate(BANDS):
        aggregates[f"band_{index}"] = Count(
            "responses", filter=Q(responses__known_by_name=band.value)
        )
    return list(
        SurveyWave.objects.filter(neighbourhood_id__in=neighbourhood_ids)
        .annotate(**aggregates)
        .order_by("neighbourhood_id", "opens_on", "id")
    )


def _wave_figures(waves: list[SurveyWave]) -> dict[int, list[WaveFigures]]:
    """Return the figures per neighbourhood id, waves in date order (one query for the rows)."""
    # Person scores need each answer's five items (the reverse item, the four-item minimum);
    # the rows are read by wave id only, so no household table is ever in this query.
    rows: dict[int, list[tuple]] = defaultdict(list)
    for wave_id, *answers in SurveyResponse.objects.filter(
        wave_id__in=[wave.pk for wave in waves]
    ).values_list("wave_id", *ITEM_FIELDS):
        rows[wave_id].append(answers)
    result: dict[int, list[WaveFigures]] = defaultdict(list)
    for wave in waves:
        score, scored = group_score(rows[wave.pk])
        items = []
        for item in CBS_ITEMS:
            answered = getattr(wave, f"n_{item.field}")
            mean = getattr(wave, f"mean_{item.field}")
            items.append(ItemFigure(item, mean if answered >= MIN_GROUP else None, answered))
        counts = [getattr(wave, f"band_{index}") for index in range(len(BANDS))]
        band_answers = sum(counts)
        bands = (
            [
                Band(band.value, band.label, count, count / band_answers)
                for band, count in zip(BANDS, counts, strict=True)
            ]
            if band_answers >= MIN_GROUP
            else None
        )
        figures = WaveFigures(
            wave=wave,
            answers=wave.answer_count,
            score=score,
            scored=scored,
            items=items,
            bands=bands,
            band_answers=band_answers,
        )
        earlier = result[wave.neighbourhood_id]
        if earlier and earlier[-1].score is not None and score is not None:
            # From the rounded scores, so that the change matches the figures people read.
            figures.change = float(_one_decimal(score) - _one_decimal(earlier[-1].score))
        earlier.append(figures)
    return result


def _pairs(neighbourhood_ids: Sequence[int]) -> dict[int, list[tuple[int, int, datetime.datetime]]]:
    """Return every acquaintance pair per neighbourhood as (low, high, created_at), in order."""
    pairs: dict[int, list[tuple[int, int, datetime.datetime]]] = defaultdict(list)
    for neighbourhood_id, low, high, created_at in (
        Acquaintance.objects.filter(neighbourhood_id__in=neighbourhood_ids)
        .order_by("created_at", "id")
        .values_list("neighbourhood_id", "household_low_id", "household_high_id", "created_at")
    ):
        pairs[neighbourhood_id].append((low, high, created_at))
    return pairs


def _network_until(
    pairs: list[tuple[int, int, datetime.datetime]], households: int, until: datetime.datetime
) -> NetworkFigures:
    return network_figures(
        ((low, high) for low, high, created_at in pairs if created_at < until), households
    )


def _events(neighbourhood_ids: Sequence[int]) -> dict[int, list[Event]]:
    """Return the dated steps households took, per neighbourhood (one UNION query)."""

    def tagged(queryset: QuerySet, nbh: str, household: str, start: Any, end: Any, kind: str):  # type: ignore[no-untyped-def]
        # No ORDER BY: compound statements refuse it in their parts.
        return queryset.order_by().values_list(
            nbh, household, start, end, Value(kind, output_field=CharField())
        )

    day = DateField()
    contributed = tagged(
        Contribution.objects.filter(
            neighbourhood_id__in=neighbourhood_ids, household__isnull=False
        ),
        "neighbourhood_id",
        "household_id",
        TruncDate("created_at", output_field=day),
        TruncDate("created_at", output_field=day),
        "contributed",
    )
    registered = tagged(
        Registration.objects.filter(
            activity__neighbourhood_id__in=neighbourhood_ids,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
        ),
        "activity__neighbourhood_id",
        "household_id",
        TruncDate("activity__starts_at", output_field=day),
        TruncDate("activity__starts_at", output_field=day),
        "registered",
    )
    attended = tagged(
        Attendance.objects.filter(activity__neighbourhood_id__in=neighbourhood_ids),
        "activity__neighbourhood_id",
        "household_id",
        TruncDate("activity__starts_at", output_field=day),
        TruncDate("activity__starts_at", output_field=day),
        "attended",
    )
    volunteered = tagged(
        Volunteer.objects.filter(neighbourhood_id__in=neighbourhood_ids, household__isnull=False),
        "neighbourhood_id",
        "household_id",
        TruncDate("created_at", output_field=day),
        TruncDate("created_at", output_field=day),
        "helped",
    )
    committee = tagged(
        Membership.objects.filter(committee__neighbourhood_id__in=neighbourhood_ids),
        "committee__neighbourhood_id",
        "resident__household_id",
        "starts_on",
        Coalesce("ends_on", Value(FAR_FUTURE, output_field=day), output_field=day),
        "helped",
    )
    joined = tagged(
        Resident.objects.filter(
            household__neighbourhood_id__in=neighbourhood_ids, user__isnull=False
        ),
        "household__neighbourhood_id",
        "household_id",
        TruncDate("user__date_joined", output_field=day),
        TruncDate("user__date_joined", output_field=day),
        "joined",
    )
    events: dict[int, list[Event]] = defaultdict(list)
    for neighbourhood_id, household_id, starts_on, ends_on, kind in contributed.union(
        registered, attended, volunteered, committee, joined, all=True
    ):
        if household_id is None or starts_on is None:
            continue
        events[neighbourhood_id].append(
            Event(household_id, kind, _as_date(starts_on), _as_date(ends_on or FAR_FUTURE))
        )
    return events


def _as_date(value: Any) -> datetime.date:
    # SQLite hands dates of a UNION back as text.
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def _phases(neighbourhood_ids: Sequence[int]) -> dict[int, tuple[Trajectory, list[Phase]]]:
    """Return the latest trajectory of each neighbourhood with its phases (one query)."""
    latest: dict[int, tuple[Trajectory, list[Phase]]] = {}
    for phase in (
        Phase.objects.filter(trajectory__neighbourhood_id__in=neighbourhood_ids)
        .select_related("trajectory")
        .order_by("starts_on", "position", "id")
    ):
        trajectory = phase.trajectory
        current = latest.get(trajectory.neighbourhood_id)
        if current is None or (trajectory.created_at, trajectory.pk) > (
            current[0].created_at,
            current[0].pk,
        ):
            latest[trajectory.neighbourhood_id] = (trajectory, [phase])
        elif current[0].pk == trajectory.pk:
            current[1].append(phase)
    return latest


def _funnels(
    events: list[Event], phases: list[Phase], households: int
) -> tuple[list[PhaseFunnel], PhaseFunnel | None]:
    per_phase = [
        PhaseFunnel(
            phase.title,
            phase.starts_on,
            phase.ends_on,
            funnel(events, starts_on=phase.starts_on, ends_on=phase.ends_on, households=households),
        )
        for phase in phases
    ]
    if not phases:
        return per_phase, None
    starts_on = min(phase.starts_on for phase in phases)
    ends_on = max(phase.ends_on for phase in phases)
    whole = PhaseFunnel(
        "",
        starts_on,
        ends_on,
        funnel(events, starts_on=starts_on, ends_on=ends_on, households=households),
    )
    return per_phase, whole


def _figures_of(
    neighbourhoods: Iterable[Neighbourhood], *, over_time: bool
) -> list[NeighbourhoodFigures]:
    """Compute the figures of several neighbourhoods with a fixed number of queries."""
    neighbourhoods = list(neighbourhoods)
    ids = [n.pk for n in neighbourhoods]
    waves = _wave_figures(_waves_with_aggregates(ids))
    pairs = _pairs(ids)
    events = _events(ids)
    phases = _phases(ids)
    moments: dict[int, list[tuple[str, datetime.datetime, datetime.datetime | None]]] = defaultdict(
        list
    )
    if over_time:
        for neighbourhood_id, title, starts_at, ends_at in (
            Activity.objects.filter(
                neighbourhood_id__in=ids,
                published=True,
                cancelled=False,
                starts_at__lte=timezone.now(),
            )
            .order_by("starts_at", "id")
            .values_list("neighbourhood_id", "title", "starts_at", "ends_at")
        ):
            moments[neighbourhood_id].append((title, starts_at, ends_at))
    now = timezone.now()
    result = []
    for neighbourhood in neighbourhoods:
        households = neighbourhood.household_count  # annotated by the caller's queryset
        own_pairs = pairs[neighbourhood.pk]
        own_waves = waves[neighbourhood.pk]
        enough = households >= MIN_GROUP
        for wave in own_waves:
            if enough:
                wave.network = _network_until(
                    own_pairs, households, end_of_day(wave.wave.closes_on)
                )
        over = None
        if over_time and enough:
            over = []
            for title, starts_at, _ends_at in moments[neighbourhood.pk]:
                day = timezone.localdate(starts_at)
                over.append(
                    NetworkMoment(
                        title, day, _network_until(own_pairs, households, end_of_day(day))
                    )
                )
        trajectory, own_phases = phases.get(neighbourhood.pk, (None, []))
        per_phase, whole = _funnels(events[neighbourhood.pk], own_phases, households)
        result.append(
            NeighbourhoodFigures(
                neighbourhood=neighbourhood,
                households=households,
                waves=own_waves,
                network_now=_network_until(own_pairs, households, now + datetime.timedelta(1))
                if enough
                else None,
                network_over_time=over,
                trajectory=trajectory,
                funnels=per_phase,
                whole_funnel=whole,
            )
        )
    return result


def neighbourhood_figures(*, neighbourhood: Neighbourhood) -> NeighbourhoodFigures:
    """Return all figures of one neighbourhood for its dashboard and effect report."""
    annotated = Neighbourhood.objects.filter(pk=neighbourhood.pk).annotate(
        household_count=Count("households")
    )
    return _figures_of(annotated, over_time=True)[0]


def organisation_by_slug(*, slug: str) -> Organisation | None:
    """Return the housing company with this slug, or None."""
    return Organisation.objects.filter(slug=slug, kind=Organisation.Kind.HOUSING_COMPANY).first()


def company_figures(*, organisation: Organisation) -> list[NeighbourhoodFigures]:
    """Return the figures of every neighbourhood of a housing company, by name."""
    neighbourhoods = (
        Neighbourhood.objects.filter(organisation=organisation)
        .annotate(household_count=Count("households"))
        .order_by("name", "id")
    )
    return _figures_of(neighbourhoods, over_time=False)
