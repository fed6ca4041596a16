"""Demo data of getting to know each other: pairs that grow activity by activity, "I met N"
counts, and meeting codes for Youssef and Fatima (the cohesion monitor reads these)."""

import datetime

from samen.activities.models import (
    Acquaintance,
    Activity,
    Attendance,
    MeetingCode,
    NewNeighboursCount,
)
from samen.activities.services_acquaintances import MEETING_CODE_ALPHABET, MEETING_CODE_LENGTH
from samen.core.demo import DemoContext

# New pairs per activity, in the order of 2022: the network grows with every activity.
NEW_PAIRS = (("swap", 15), ("contest", 25), ("winter_drink", 30))
COUNTS_PER_ACTIVITY = 20


def _pairs(ctx: DemoContext, activity: Activity, wanted: int, known: set) -> None:
    rng = ctx.rng
    facilitator = ctx.objects["facilitator"]
    came = list(
        Attendance.objects.filter(activity=activity)
        .select_related("household")
        .prefetch_related("household__residents")
        .order_by("household_id")
    )
    households = [a.household for a in came]
    rows = []
    attempts = 0
    while len(rows) < wanted and attempts < wanted * 50 and len(households) > 1:
        attempts += 1
        a, b = rng.sample(households, 2)
        low, high = sorted((a, b), key=lambda h: h.pk)
        if (low.pk, high.pk) in known:
            continue
        known.add((low.pk, high.pk))
        by_code = rng.random() < 0.25
        typist = next((r.user for r in high.residents.all() if r.user_id), None)
        rows.append(
            Acquaintance(
                neighbourhood_id=activity.neighbourhood_id,
                activity=activity,
                household_low=low,
                household_high=high,
                source=Acquaintance.Source.CODE if by_code else Acquaintance.Source.SIGN_IN,
                recorded_by=typist if by_code else facilitator,
                created_at=activity.starts_at + datetime.timedelta(minutes=rng.randint(30, 150)),
            )
        )
    Acquaintance.objects.bulk_create(rows)
    counted = rng.sample(households, min(COUNTS_PER_ACTIVITY, len(households)))
    NewNeighboursCount.objects.bulk_create(
        NewNeighboursCount(
            activity=activity,
            household=household,
            count=rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6)),
        )
        for household in counted
    )


def _meeting_codes(ctx: DemoContext, households: list) -> None:
    taken = set(MeetingCode.objects.values_list("code", flat=True))
    for household in households:
        if MeetingCode.objects.filter(household=household).exists():
            continue
        code = ""
        while not code or code in taken:
            code = "".join(
                ctx.rng.choice(MEETING_CODE_ALPHABET) for _i in range(MEETING_CODE_LENGTH)
            )
        taken.add(code)
        MeetingCode.objects.create(household=household, code=code)


def load(ctx: DemoContext) -> None:
    """Make the acquaintances of the 2022 activities, "I met N" counts and two meeting codes."""
    neighbourhood = ctx.objects["neighbourhood"]
    activities = ctx.objects.get("activities") or {}
    if not Acquaintance.objects.filter(neighbourhood=neighbourhood).exists():
        known: set = set()
        for key, wanted in NEW_PAIRS:
            activity = activities.get(key)
            if activity is not None:
                _pairs(ctx, activity, wanted, known)
    households = list(ctx.objects["households"])
    _meeting_codes(ctx, households[1:3])
