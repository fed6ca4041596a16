"""Reads of a contest: the shown entries, my household's vote and entry, results, moderation."""

from dataclasses import dataclass

from django.db.models import Count

from samen.activities.models import Activity, ContestEntry, Moderation, Vote
from samen.neighbourhoods.models import Household, Neighbourhood


def contest_of(*, neighbourhood: Neighbourhood, pk: int, organiser: bool) -> Activity | None:
    """Return the contest with this id if the user may see it (drafts: organisers only)."""
    activity = (
        Activity.objects.filter(neighbourhood=neighbourhood, pk=pk, kind=Activity.Kind.CONTEST)
        .select_related("neighbourhood")
        .first()
    )
    if activity is None or (not activity.published and not organiser):
        return None
    return activity


def contest_takes_entries(activity: Activity) -> bool:
    """Tell whether entries are still possible: until voting opens (without a window: the start)."""
    state = activity.voting_state()
    if state == "none":
        return not activity.is_over()
    return state == "not_yet"


def contest_entries_shown(*, activity: Activity) -> list[ContestEntry]:
    """Return the approved entries, in the order they came in."""
    return list(
        ContestEntry.objects.filter(activity=activity, status=Moderation.APPROVED).order_by(
            "created_at", "id"
        )
    )


@dataclass(frozen=True)
class ResultRow:
    """One entry in the results: its votes and its place (None without votes)."""

    entry: ContestEntry
    votes: int
    place: int | None
    shared: bool


def contest_results(*, activity: Activity) -> list[ResultRow]:
    """Rank the approved entries by votes; equal votes share a place (1, 2, 2, 4)."""
    entries = list(
        ContestEntry.objects.filter(activity=activity, status=Moderation.APPROVED)
        .annotate(vote_count=Count("votes"))
        .order_by("-vote_count", "title", "id")
    )
    counts = [e.vote_count for e in entries]  # type: ignore[attr-defined]
    rows = []
    for index, entry in enumerate(entries):
        votes = counts[index]
        place = counts.index(votes) + 1 if votes else None
        shared = votes > 0 and counts.count(votes) > 1
        rows.append(ResultRow(entry=entry, votes=votes, place=place, shared=shared))
    return rows


def household_vote(*, activity: Activity, household: Household) -> Vote | None:
    """Return the household's vote in this contest, with the entry, or None."""
    return (
        Vote.objects.filter(activity=activity, household=household).select_related("entry").first()
    )


def household_entry(*, activity: Activity, household: Household) -> ContestEntry | None:
    """Return the household's entry in this contest (any status), or None."""
    return ContestEntry.objects.filter(activity=activity, household=household).first()


def pending_entry_count(*, activity: Activity) -> int:
    """Count the entries that wait for a check."""
    return ContestEntry.objects.filter(activity=activity, status=Moderation.PENDING).count()


def entries_for_moderation(*, activity: Activity) -> dict[str, list[ContestEntry]]:
    """Return every entry grouped by moderation status (one query)."""
    groups: dict[str, list[ContestEntry]] = {status: [] for status in Moderation.values}
    for entry in ContestEntry.objects.filter(activity=activity).order_by("created_at", "id"):
        groups[entry.status].append(entry)
    return groups


def contest_entry_of(*, activity: Activity, pk: int) -> ContestEntry | None:
    """Return one entry of this contest (any status), or None."""
    return (
        ContestEntry.objects.filter(activity=activity, pk=pk)
        .select_related("activity__neighbourhood")
        .first()
    )


def contest_entry_shared(
    *, neighbourhood: Neighbourhood, pk: int, entry_pk: int
) -> ContestEntry | None:
    """Return an approved entry of a published contest for its public share page, or None."""
    return (
        ContestEntry.objects.filter(
            pk=entry_pk,
            activity_id=pk,
            activity__neighbourhood=neighbourhood,
            activity__kind=Activity.Kind.CONTEST,
            activity__published=True,
            status=Moderation.APPROVED,
        )
        .select_related("activity__neighbourhood")
        .first()
    )
