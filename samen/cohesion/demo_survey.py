"""Demo data of the survey: Kapelakker's baseline and follow-up, two more neighbourhoods of the
housing company with two waves each, and an open wave in Molenveld (Sanne can answer today).

The waves lie in the past, where the submit service (rightly) refuses answers, so the demo
writes the historical answers and the used flags directly; every count matches.
"""

import datetime
from collections.abc import Sequence
from random import Random
from typing import Any

from django.utils import timezone

from samen.activities.models import Acquaintance
from samen.cohesion.instrument import ITEM_FIELDS, group_score
from samen.cohesion.models import SurveyCode, SurveyItem, SurveyResponse, SurveyWave
from samen.cohesion.services_survey import wave_create
from samen.core.demo import DemoContext
from samen.neighbourhoods.models import Household, Neighbourhood, Role
from samen.neighbourhoods.services import household_create, neighbourhood_create, role_assign

# Answer weights per wave "mood": item 1 (reversed: "people hardly know each other"), items
# 2–5, and the known-by-name bands. A new estate starts low and grows.
MOODS: dict[str, dict[str, Any]] = {
    "low": {
        "item1": [0.02, 0.08, 0.2, 0.45, 0.25],
        "other": [0.04, 0.12, 0.34, 0.42, 0.08],
        "known": [0.35, 0.4, 0.18, 0.05, 0.02],
    },
    "mid": {
        "item1": [0.06, 0.22, 0.32, 0.3, 0.1],
        "other": [0.03, 0.1, 0.3, 0.45, 0.12],
        "known": [0.12, 0.3, 0.33, 0.17, 0.08],
    },
    "high": {
        "item1": [0.1, 0.3, 0.3, 0.24, 0.06],
        "other": [0.02, 0.06, 0.28, 0.48, 0.16],
        "known": [0.04, 0.16, 0.36, 0.28, 0.16],
    },
}
# The range a wave's mean score should land in, per mood.
TARGETS = {"low": (5.0, 5.45), "mid": (5.6, 6.1), "high": (6.0, 6.5)}
BANDS = ["0", "1-2", "3-5", "6-10", "10+"]
SCALE = [1, 2, 3, 4, 5]


def _answer(rng: Random, mood: str, extra_ids: Sequence[int]) -> SurveyResponse:
    weights = MOODS[mood]
    values: dict[str, Any] = {"item1": rng.choices(SCALE, weights["item1"])[0]}
    for field in ("item2", "item3", "item4", "item5"):
        values[field] = rng.choices(SCALE, weights["other"])[0]
    # Now and then someone skips a question ("I'd rather not say").
    if rng.random() < 0.12:
        values[rng.choice(["item1", "item2", "item3", "item4", "item5"])] = None
    known = rng.choices(BANDS, weights["known"])[0] if rng.random() > 0.05 else ""
    extra = {str(pk): rng.choices(SCALE, weights["other"])[0] for pk in extra_ids}
    return SurveyResponse(
        channel=rng.choice(
            [
                SurveyResponse.Channel.PAPER,
                SurveyResponse.Channel.ONLINE,
                SurveyResponse.Channel.PAPER,
            ]
        ),
        known_by_name=known,
        extra=extra,
        **values,
    )


def _fill(
    ctx: DemoContext,
    wave: SurveyWave,
    *,
    answers: int,
    mood: str,
    keep_free: Sequence[int] = (),
) -> None:
    """Store `answers` anonymous answers and mark as many random codes used."""
    rng = ctx.rng
    extra_ids = list(SurveyItem.objects.filter(wave=wave).values_list("pk", flat=True))
    code_ids = list(
        SurveyCode.objects.filter(wave=wave)
        .exclude(household_id__in=keep_free)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    used = rng.sample(code_ids, answers)
    SurveyCode.objects.filter(pk__in=used).update(used=True)
    low, high = TARGETS[mood]
    for _attempt in range(100):
        # Draw again until the wave's score lands in the story's range (deterministic: ctx.rng).
        responses = [_answer(rng, mood, extra_ids) for _ in range(answers)]
        score, _count = group_score([tuple(getattr(r, f) for f in ITEM_FIELDS) for r in responses])
        if score is None or low <= score <= high:
            break
    for response in responses:
        response.wave = wave
        response.full_clean()
    SurveyResponse.objects.bulk_create(responses)


def _wave(
    neighbourhood: Neighbourhood,
    title: str,
    kind: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    actor: Any,
    phase: Any = None,
) -> SurveyWave:
    return wave_create(
        neighbourhood=neighbourhood,
        title=title,
        kind=kind,
        opens_on=opens_on,
        closes_on=closes_on,
        phase=phase,
        actor=actor,
    )


def _households(
    ctx: DemoContext, neighbourhood: Neighbourhood, streets: Sequence[str], count: int, prefix: str
) -> list[Household]:
    households = []
    for index in range(count):
        street = streets[index % len(streets)]
        households.append(
            household_create(
                neighbourhood=neighbourhood,
                street=street,
                number=str(index // len(streets) + 1),
                postal_code="2960" if prefix == "HK" else "2990",
                tenant_ref=f"{prefix}-{index + 1:04d}",
                language=ctx.rng.choice(["nl", "nl", "nl", "nl", "fr", "en"]),
            )
        )
    return households


def _acquaintances(
    ctx: DemoContext,
    neighbourhood: Neighbourhood,
    households: Sequence[Household],
    pairs: int,
    before: datetime.date,
    recorded_by: Any,
) -> None:
    """Add `pairs` new acquaintances (from sign-in lists) met in the months before `before`."""
    rng = ctx.rng
    ids = sorted(h.pk for h in households)
    existing = set(
        Acquaintance.objects.filter(neighbourhood=neighbourhood).values_list(
            "household_low_id", "household_high_id"
        )
    )
    made = 0
    while made < pairs:
        low, high = sorted(rng.sample(ids, 2))
        if (low, high) in existing:
            continue
        existing.add((low, high))
        met = before - datetime.timedelta(days=rng.randint(10, 200))
        Acquaintance.objects.create(
            neighbourhood=neighbourhood,
            activity=None,
            household_low_id=low,
            household_high_id=high,
            source=Acquaintance.Source.SIGN_IN,
            recorded_by=recorded_by,
            created_at=timezone.make_aware(datetime.datetime.combine(met, datetime.time(19, 0))),
        )
        made += 1


def load(ctx: DemoContext) -> None:
    """Load the survey waves, codes and answers of the demo neighbourhoods."""
    facilitator = ctx.objects["facilitator"]
    kapelakker = ctx.objects["neighbourhood"]
    baseline = _wave(
        kapelakker,
        "Nulmeting",
        SurveyWave.Kind.BASELINE,
        datetime.date(2021, 10, 4),
        datetime.date(2021, 10, 31),
        facilitator,
        ctx.objects.get("exploration"),
    )
    _fill(ctx, baseline, answers=30, mood="low")
    final = _wave(
        kapelakker,
        "Eindmeting",
        SurveyWave.Kind.FOLLOW_UP,
        datetime.date(2022, 12, 1),
        datetime.date(2022, 12, 31),
        facilitator,
        ctx.objects.get("follow_up"),
    )
    SurveyItem.objects.create(
        wave=final,
        text="Ik voel me veilig in de wijk.",
        translations={
            "fr": "Je me sens en sécurité dans le quartier.",
            "en": "I feel safe in the neighbourhood.",
        },
        position=1,
    )
    _fill(ctx, final, answers=35, mood="high")

    company, community = ctx.objects["company"], ctx.objects["community"]
    made = []
    for slug, name, municipality, streets, count, prefix, plan in (
        (
            "heikant",
            "Heikant",
            "Brecht",
            ["Heikantstraat", "Bremstraat"],
            24,
            "HK",
            [(2022, 14, "low", 6), (2023, 17, "mid", 18)],
        ),
        (
            "zonnedries",
            "Zonnedries",
            "Wuustwezel",
            ["Zonnedries", "Dreef"],
            30,
            "ZD",
            # The 2022 wave has only four answers: its figures stay hidden (fewer than five).
            [(2022, 4, "low", 5), (2023, 16, "mid", 14)],
        ),
    ):
        neighbourhood = neighbourhood_create(
            organisation=company,
            name=name,
            slug=slug,
            municipality=municipality,
            introduction=f"{name} is een wijk met {count} sociale woningen.",
        )
        neighbourhood.partners.add(community)
        role_assign(
            neighbourhood=neighbourhood, user=facilitator, role=Role.FACILITATOR, actor=None
        )
        households = _households(ctx, neighbourhood, streets, count, prefix)
        for year, answers, mood, pairs in plan:
            opens_on = datetime.date(year, 5, 2)
            _acquaintances(ctx, neighbourhood, households, pairs, opens_on, facilitator)
            kind = SurveyWave.Kind.BASELINE if year == 2022 else SurveyWave.Kind.FOLLOW_UP
            title = "Nulmeting" if year == 2022 else "Vervolgmeting"
            wave = _wave(
                neighbourhood,
                f"{title} {year}",
                kind,
                opens_on,
                datetime.date(year, 5, 31),
                facilitator,
            )
            _fill(ctx, wave, answers=answers, mood=mood)
        made.append(neighbourhood)
    ctx.objects["cohesion_neighbourhoods"] = made

    # Molenveld: a baseline open today, so Sanne (MNVE-7D4K) can answer online in the demo.
    molenveld = ctx.objects["molenveld"]
    today = timezone.localdate()
    open_wave = _wave(
        molenveld,
        "Nulmeting Molenveld",
        SurveyWave.Kind.BASELINE,
        today - datetime.timedelta(days=10),
        today + datetime.timedelta(days=20),
        facilitator,
    )
    sanne = Household.objects.filter(neighbourhood=molenveld, join_code="MNVE7D4K").values_list(
        "pk", flat=True
    )
    _fill(ctx, open_wave, answers=3, mood="low", keep_free=list(sanne))
    ctx.objects["survey_open_wave"] = open_wave
