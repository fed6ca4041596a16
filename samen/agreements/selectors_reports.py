"""Reads about reports (meldingen): own reports, the staff queue, response times, aggregates.

Medians are computed in Python over the timestamps of the selected reports: one query whatever
the size, and the same code on SQLite and PostgreSQL.

A report is *open* while it is received, assigned or planned; it is *overdue* when it is open
and was made more than OVERDUE_DAYS (14) days ago (see docs/reports.md).
"""

import datetime
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.agreements.models import Report, ReportEvent
from samen.neighbourhoods.models import Neighbourhood, Resident, Role
from samen.neighbourhoods.selectors import roles_by_neighbourhood

OVERDUE_DAYS = 14
AGES = {"7": 7, "30": 30}


def _events() -> Prefetch:
    return Prefetch(
        "events", queryset=ReportEvent.objects.select_related("by").order_by("at", "id")
    )


def reports_of_resident(*, resident: Resident) -> QuerySet[Report]:
    """Return the reports of a resident's household, newest first, with their events."""
    return (
        Report.objects.filter(household=resident.household_id)
        .select_related("agreement")
        .prefetch_related(Prefetch("events", queryset=ReportEvent.objects.order_by("at", "id")))
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class ReportFilter:
    """The filters of the staff queue: status ('open', 'all' or one status), kind, age in days."""

    status: str = "open"
    kind: str = ""
    age: str = ""


def reports_queue(*, neighbourhood: Neighbourhood, filters: ReportFilter) -> QuerySet[Report]:
    """Return the neighbourhood's reports for the staff queue, oldest open first."""
    reports = Report.objects.filter(neighbourhood=neighbourhood)
    if filters.status == "open":
        reports = reports.filter(status__in=Report.OPEN)
    elif filters.status in Report.Status.values:
        reports = reports.filter(status=filters.status)
    if filters.kind in Report.Kind.values:
        reports = reports.filter(kind=filters.kind)
    if filters.age in AGES:
        reports = reports.filter(
            created_at__lt=timezone.now() - datetime.timedelta(days=AGES[filters.age])
        )
    return reports.select_related("household", "reporter", "agreement", "assigned_to").order_by(
        "created_at", "id"
    )


def report_of(*, neighbourhood: Neighbourhood, pk: int) -> Report | None:
    """Return one report of the neighbourhood with its people and timed events, or None."""
    return (
        Report.objects.filter(neighbourhood=neighbourhood, pk=pk)
        .select_related("household", "reporter", "agreement", "assigned_to", "entered_by")
        .prefetch_related(_events())
        .first()
    )


def report_assignees(*, neighbourhood: Neighbourhood) -> QuerySet:
    """Return the housing company's staff, who may take a report on."""
    from samen.accounts.models import User

    return User.objects.filter(
        organisation_memberships__organisation=neighbourhood.organisation_id
    ).order_by("display_name", "id")


def reporter_label(report: Report, *, full: bool) -> str:
    """Say who reported: name and address when `full`, else at most the street.

    Housing staff get `full` only when the reporter chose so; the street alone does not point
    at one household.
    """
    if full and report.reporter is not None:
        address = report.household.address if report.household else report.street
        return f"{report.reporter.display_name}, {address}" if address else str(report.reporter)
    if full and report.household is not None:
        return _("a resident of %(address)s") % {"address": report.household.address}
    street = report.household.street if report.household else report.street
    if street:
        return _("a resident of %(street)s") % {"street": street}
    return _("a resident")


def place_label(report: Report, *, full: bool) -> str:
    """Say where the problem is, without the address of the home unless `full`."""
    if report.place == Report.Place.HOME:
        if full and report.household is not None:
            return _("the home at %(address)s") % {"address": report.household.address}
        return _("a home in %(street)s") % {"street": report.street or "?"}
    if report.place == Report.Place.COMMON_AREA:
        return ", ".join(part for part in (report.place_detail, report.street) if part)
    return report.street


def duration_text(delta: datetime.timedelta | None) -> str:
    """Say a duration in words a resident reads easily: hours under two days, else days."""
    if delta is None:
        return "–"
    hours = delta.total_seconds() / 3600
    if hours < 1:
        return _("less than an hour")
    if hours < 48:
        count = round(hours)
        return ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count}
    days = round(hours / 24)
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def _median(deltas: Iterable[datetime.timedelta]) -> datetime.timedelta | None:
    seconds = [d.total_seconds() for d in deltas]
    return datetime.timedelta(seconds=statistics.median(seconds)) if seconds else None


@dataclass
class ReportTimes:
    """Counts and median response times of a set of reports."""

    total: int = 0
    open: int = 0
    overdue: int = 0
    first_answer: datetime.timedelta | None = None
    resolution: datetime.timedelta | None = None

    @property
    def first_answer_text(self) -> str:
        return duration_text(self.first_answer)

    @property
    def resolution_text(self) -> str:
        return duration_text(self.resolution)


def times_of(
    rows: Iterable[tuple[Any, ...]], *, now: datetime.datetime | None = None
) -> ReportTimes:
    """Compute counts and medians from (status, created_at, first_answer_at, resolved_at) rows."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=OVERDUE_DAYS)
    times = ReportTimes()
    answers, resolutions = [], []
    for status, created_at, first_answer_at, resolved_at in rows:
        times.total += 1
        if status in Report.OPEN:
            times.open += 1
            if created_at < limit:
                times.overdue += 1
        if first_answer_at is not None:
            answers.append(first_answer_at - created_at)
        if resolved_at is not None:
            resolutions.append(resolved_at - created_at)
    times.first_answer = _median(answers)
    times.resolution = _median(resolutions)
    return times


TIME_FIELDS = ("status", "created_at", "first_answer_at", "resolved_at")


def report_times_of(*, neighbourhood: Neighbourhood) -> ReportTimes:
    """Return the neighbourhood's open and overdue counts and median response times (one query)."""
    return times_of(Report.objects.filter(neighbourhood=neighbourhood).values_list(*TIME_FIELDS))


def _month_starts(now: datetime.datetime, count: int = 12) -> list[datetime.date]:
    year, month = now.year, now.month
    months = []
    for _step in range(count):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


@dataclass
class ReportAggregates:
    """The housing company's figures for one neighbourhood."""

    times: ReportTimes
    kinds: list[tuple[str, str]]
    months: list[dict[str, Any]]
    by_kind: list[tuple[str, int]]
    agreements: list[dict[str, Any]]


def report_aggregates_of(*, neighbourhood: Neighbourhood) -> ReportAggregates:
    """Return reports per kind and month (12 months), open, overdue, medians, agreements touched."""
    now = timezone.localtime()
    months = _month_starts(now)
    rows = list(
        Report.objects.filter(neighbourhood=neighbourhood).values_list("kind", *TIME_FIELDS)
    )
    times = times_of((row[1:] for row in rows), now=now)
    per_month: dict[datetime.date, Counter] = defaultdict(Counter)
    per_kind: Counter = Counter()
    first = months[0]
    for kind, _status, created_at, _answer, _resolved in rows:
        per_kind[kind] += 1
        local = timezone.localtime(created_at)
        start = datetime.date(local.year, local.month, 1)
        if start >= first:
            per_month[start][kind] += 1
    kinds = list(Report.Kind.choices)
    month_rows = [
        {
            "month": month,
            "counts": [per_month[month][value] for value, _label in kinds],
            "total": sum(per_month[month].values()),
        }
        for month in months
    ]
    agreements = list(
        Report.objects.filter(neighbourhood=neighbourhood, agreement__isnull=False)
        .values("agreement_id", "agreement__title")
        .annotate(count=Count("id"))
        .order_by("-count", "agreement__title")
    )
    return ReportAggregates(
        times=times,
        kinds=[(value, str(label)) for value, label in kinds],
        months=month_rows,
        by_kind=[(str(label), per_kind[value]) for value, label in kinds],
        agreements=agreements,
    )


def housing_neighbourhoods_of(*, user: Any) -> QuerySet[Neighbourhood]:
    """Return the neighbourhoods where `user` works for the housing company."""
    ids = [
        nid for nid, roles in roles_by_neighbourhood(user).items() if Role.HOUSING_STAFF in roles
    ]
    return Neighbourhood.objects.filter(pk__in=ids).select_related("organisation").order_by("name")


def company_overview_of(*, user: Any) -> list[tuple[Neighbourhood, ReportTimes]]:
    """Return one row per neighbourhood of the user's housing company: counts and medians."""
    neighbourhoods = list(housing_neighbourhoods_of(user=user))
    rows: dict[int, list] = defaultdict(list)
    for neighbourhood_id, *row in Report.objects.filter(
        neighbourhood__in=[n.pk for n in neighbourhoods]
    ).values_list("neighbourhood_id", *TIME_FIELDS):
        rows[neighbourhood_id].append(row)
    now = timezone.now()
    return [(n, times_of(rows[n.pk], now=now)) for n in neighbourhoods]


def reports_export_of(*, resident: Resident) -> list[dict[str, Any]]:
    """Return the reports a resident made, with their answers, as plain JSON (data download)."""
    reports = (
        Report.objects.filter(reporter=resident)
        .prefetch_related(Prefetch("events", queryset=ReportEvent.objects.order_by("at", "id")))
        .order_by("created_at", "id")
    )
    return [
        {
            "date": report.created_at.isoformat(),
            "kind": report.kind,
            "text": report.text,
            "place": report.place,
            "street": report.street,
            "place_detail": report.place_detail,
            "status": report.status,
            "housing_company_may_see_my_name": report.reporter_visible,
            "answers": [
                {"date": event.at.isoformat(), "status": event.to_status, "answer": event.answer}
                for event in report.events.all()
                if event.answer
            ],
        }
        for report in reports
    ]
