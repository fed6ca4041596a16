"""Reads of getting to know each other: anonymous figures, my meetings, icebreaker pairs."""

import random
from collections import Counter
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum

from samen.activities.models import (
    Acquaintance,
    Activity,
    Attendance,
    NewNeighboursCount,
    Registration,
)
from samen.neighbourhoods.models import Household, Neighbourhood, Resident

# A self-reported average over fewer households could give away one household's answer.
MIN_HOUSEHOLDS_FOR_AVERAGE = 5


def activity_for_acquaintances(
    *, neighbourhood: Neighbourhood, pk: int, include_drafts: bool
) -> Activity | None:
    """Return activity `pk` of the neighbourhood (drafts only when asked)."""
    activities = Activity.objects.select_related("neighbourhood").filter(
        neighbourhood=neighbourhood, pk=pk
    )
    if not include_drafts:
        activities = activities.filter(published=True)
    return activities.first()


def acquaintance_figures(*, activity: Activity) -> dict[str, Any]:
    """Return the anonymous figures of an activity: new pairs, households, "I met N" totals.

    Pairs and households are counted as they are (they say nothing about one person); the
    sum and average of "I met N new neighbours" are only given from five households on.
    """
    pairs = list(
        Acquaintance.objects.filter(activity=activity).values_list(
            "household_low_id", "household_high_id"
        )
    )
    households = {pk for pair in pairs for pk in pair}
    reported = NewNeighboursCount.objects.filter(activity=activity).aggregate(
        households=Count("id"), total=Sum("count"), average=Avg("count")
    )
    shown = reported["households"] >= MIN_HOUSEHOLDS_FOR_AVERAGE
    return {
        "pairs": len(pairs),
        "households": len(households),
        "reported_households": reported["households"],
        "reported_shown": shown,
        "reported_total": (reported["total"] or 0) if shown else None,
        "reported_average": round(reported["average"] or 0, 1) if shown else None,
    }


def acquaintances_of_household(*, activity: Activity, household: Household) -> list[dict]:
    """Return the households this one first met at the activity: only listed names, no address."""
    pairs = list(
        Acquaintance.objects.filter(activity=activity)
        .filter(Q(household_low=household) | Q(household_high=household))
        .order_by("created_at", "id")
    )
    others = {
        (a.household_high_id if a.household_low_id == household.pk else a.household_low_id): a
        for a in pairs
    }
    names: dict[int, list[str]] = {}
    if others:
        for household_id, name in (
            Resident.objects.filter(household_id__in=others, listed=True)
            .order_by("display_name")
            .values_list("household_id", "display_name")
        ):
            names.setdefault(household_id, []).append(name)
    return [
        {
            "names": names.get(pk, []),
            "source": acquaintance.get_source_display(),
            "met_on": acquaintance.created_at,
        }
        for pk, acquaintance in others.items()
    ]


def acquaintances_recorded_at(*, activity: Activity) -> QuerySet[Acquaintance]:
    """Return every pair first met at this activity, with both households and the recorder."""
    return (
        Acquaintance.objects.filter(activity=activity)
        .select_related("household_low", "household_high", "recorded_by")
        .order_by("-created_at", "-id")
    )


def new_neighbours_of(*, activity: Activity, household: Household) -> NewNeighboursCount | None:
    """Return the household's "I met N new neighbours" at this activity, if given."""
    return NewNeighboursCount.objects.filter(activity=activity, household=household).first()


def households_to_pair(*, activity: Activity) -> dict[str, list[Household]]:
    """Return the households an organiser can choose: those who came first, then all others."""
    households = list(
        Household.objects.filter(neighbourhood_id=activity.neighbourhood_id).annotate(
            came=Exists(Attendance.objects.filter(activity=activity, household_id=OuterRef("pk")))
        )
    )
    return {
        "came": [h for h in households if h.came],
        "others": [h for h in households if not h.came],
    }


def icebreaker_pairs(*, activity: Activity, round_no: int = 1) -> dict[str, Any]:
    """Suggest pairs of registered households who have not met yet, for a round of talks.

    Each household is in at most one pair. Households who know the fewest neighbours go
    first; each gets a partner it does not know, preferably from another street and
    with few acquaintances itself. The same activity and round always give the same pairs.
    """
    households = [
        r.household
        for r in Registration.objects.filter(
            activity=activity, status=Registration.Status.REGISTERED
        )
        .select_related("household")
        .prefetch_related(
            Prefetch(
                "household__residents",
                queryset=Resident.objects.filter(listed=True).order_by("display_name"),
                to_attr="listed_residents",
            )
        )
    ]
    known = set(
        Acquaintance.objects.filter(neighbourhood_id=activity.neighbourhood_id).values_list(
            "household_low_id", "household_high_id"
        )
    )
    pairs = pair_up(households, known, seed=activity.pk * 1000 + round_no)
    paired = {h.pk for pair in pairs for h in pair}
    return {
        "pairs": pairs,
        "unpaired": [h for h in households if h.pk not in paired],
        "households": households,
    }


def pair_up(
    households: list[Household], known: set[tuple[int, int]], *, seed: int
) -> list[tuple[Household, Household]]:
    """Pair households who have not met yet, each at most once, the least connected first.

    A greedy matching: the household with the fewest possible partners left chooses first
    (so few are left alone), ties going to who knows the fewest neighbours; it takes a
    partner from another street where it can, then the partner who knows the fewest.
    """
    degree: Counter[int] = Counter()
    for low, high in known:
        degree[low] += 1
        degree[high] += 1
    rng = random.Random(seed)
    by_pk = {h.pk: h for h in sorted(households, key=lambda h: h.pk)}
    tiebreak = {pk: rng.random() for pk in by_pk}
    free = {
        pk: {o for o in by_pk if o != pk and (min(pk, o), max(pk, o)) not in known} for pk in by_pk
    }
    pairs = []
    while True:
        open_ = [pk for pk in free if free[pk]]
        if not open_:
            break
        first = min(open_, key=lambda pk: (len(free[pk]), degree[pk], tiebreak[pk]))
        partner = min(
            free[first],
            key=lambda o: (
                by_pk[o].street == by_pk[first].street,
                len(free[o]),
                degree[o],
                tiebreak[o],
            ),
        )
        pairs.append((by_pk[first], by_pk[partner]))
        for pk in (first, partner):
            del free[pk]
        for options in free.values():
            options.discard(first)
            options.discard(partner)
    return pairs
