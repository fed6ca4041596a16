"""Demo data: Kapelakker's connecting activities of 2022 (plant swap with a cuttings workshop,
pet contest, winter drink) with registrations and attendance, and two upcoming activities so
the demo can be tried today."""

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from samen.activities.models import Activity, Attendance, Registration
from samen.core.demo import DemoContext

SWAP_TEXT = (
    "Heb je te veel stekjes, zaden of plantjes? Of zoek je iets groens voor je tuin of je "
    "vensterbank? Kom ruilen op het pleintje.\n\n"
    "Breng mee wat je wilt geven. Je hoeft niets mee te brengen om iets mee te nemen. "
    "Er is koffie en thee."
)
WORKSHOP_TEXT = (
    "Leer hoe je zelf stekjes maakt van je planten. Een buurvrouw met groene vingers laat "
    "het zien. Potjes en aarde zijn er. Er zijn 15 plaatsen: schrijf je in."
)
CONTEST_TEXT = (
    "Is jouw huisdier het liefste, grappigste of mooiste van Kapelakker? Stuur een foto en "
    "een korte tekst. Alle buren mogen stemmen: één stem per huishouden. Op 18 juni maken "
    "we de winnaar bekend, met een drankje op het pleintje."
)
WINTER_TEXT = (
    "Samen het jaar afsluiten met warme chocomelk, glühwein en soep. Schrijf een warme wens "
    "voor de wijk op een kaartje of online. De wensen hangen aan de wensmuur.\n\n"
    "Iedereen is welkom, ook de kinderen."
)
WINTER_NOW_TEXT = (
    "Ook dit jaar sluiten we het jaar samen af: met soep, warme chocomelk en een vuurkorf. "
    "Schrijf een warme wens voor de wijk. Schrijf je in, dan weten we hoeveel soep we maken."
)
SPRING_SWAP_TEXT = (
    "De lente komt eraan. Ruil je stekjes, zaden en plantjes met de buren. Breng mee wat je "
    "over hebt. Ook lege bloempotten zijn welkom."
)


def _at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def _third_friday_of_december(year: int) -> datetime.date:
    first = datetime.date(year, 12, 1)
    first_friday = first + datetime.timedelta(days=(4 - first.weekday()) % 7)
    return first_friday + datetime.timedelta(days=14)


def _picture(rng: random.Random, colours: tuple[tuple[int, int, int], ...]) -> ContentFile:
    """Draw a simple, friendly picture (no photo files in the repository)."""
    image = Image.new("RGB", (800, 600), colours[0])
    draw = ImageDraw.Draw(image)
    for _n in range(14):
        x, y, r = rng.randint(0, 800), rng.randint(0, 600), rng.randint(30, 110)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(colours[1:]))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name="demo.jpg")


def _activity(neighbourhood, track, creator, **fields) -> Activity:  # type: ignore[no-untyped-def]
    image = fields.pop("image", None)
    activity = Activity(neighbourhood=neighbourhood, track=track, created_by=creator, **fields)
    if image is not None:
        activity.image.save(image.name, image, save=False)
    activity.full_clean()
    activity.save()
    return activity


def _registrations(
    rng: random.Random, activity: Activity, households: list, *, days_before: int = 10
) -> list[Registration]:
    """Register these households (1–4 people each), in the order they came in."""
    start = activity.starts_at - datetime.timedelta(days=days_before)
    rows = [
        Registration(
            activity=activity,
            household=household,
            people=rng.choice((1, 1, 2, 2, 2, 3, 3, 4)),
            status=Registration.Status.REGISTERED,
            queued_at=start + datetime.timedelta(hours=6 * index + rng.randint(0, 5)),
        )
        for index, household in enumerate(households)
    ]
    return Registration.objects.bulk_create(rows)


def _attendance(
    rng: random.Random, activity: Activity, registrations: list, others: list, recorder
) -> None:  # type: ignore[no-untyped-def]
    """Most registered households came (some with one more or less), some came unannounced."""
    rows = []
    for registration in registrations:
        if rng.random() < 0.85:
            people = max(1, registration.people + rng.choice((0, 0, 0, 0, -1, 1)))
            rows.append(
                Attendance(
                    activity=activity,
                    household=registration.household,
                    people=people,
                    recorded_by=recorder,
                )
            )
    for household in others:
        rows.append(
            Attendance(
                activity=activity,
                household=household,
                people=rng.choice((1, 2, 2, 3)),
                recorded_by=recorder,
            )
        )
    Attendance.objects.bulk_create(rows)


def _remember_existing(ctx: DemoContext, neighbourhood) -> None:  # type: ignore[no-untyped-def]
    """Fill ctx.objects["activities"] from a demo loaded before (the later parts read it)."""
    activities = Activity.objects.filter(neighbourhood=neighbourhood)
    ctx.objects["activities"] = {
        "swap": activities.filter(title="Plantenruil").first(),
        "workshop": activities.filter(title="Stekjesworkshop").first(),
        "contest": activities.filter(title="Huisdierenwedstrijd").first(),
        "winter_drink": activities.filter(title__startswith="Winterdrink:").first(),
        "winter_drink_now": activities.filter(title__regex=r"^Winterdrink [0-9]{4}$").first(),
        "swap_spring": activities.filter(title="Plantenruil voorjaar").first(),
    }


def load(ctx: DemoContext) -> None:
    """Make Kapelakker's activities of 2022 and two upcoming ones."""
    neighbourhood = ctx.objects["neighbourhood"]
    if Activity.objects.filter(neighbourhood=neighbourhood).exists():
        _remember_existing(ctx, neighbourhood)
        return
    rng = ctx.rng
    households = list(ctx.objects["households"])
    facilitator = ctx.objects["facilitator"]
    track = ctx.objects["follow_up"].tracks.filter(key="activities").first()
    make = lambda **fields: _activity(neighbourhood, track, facilitator, **fields)  # noqa: E731

    swap = make(
        kind=Activity.Kind.SWAP,
        title="Plantenruil",
        description=SWAP_TEXT,
        starts_at=_at(2022, 4, 23, 10),
        ends_at=_at(2022, 4, 23, 12),
        place="Pleintje Kapelakker",
        image=_picture(rng, ((226, 240, 217), (76, 140, 74), (140, 190, 90), (200, 120, 60))),
        image_alt="Stekjes en plantjes in kleine potjes",
        guest_count=4,
    )
    workshop = make(
        kind=Activity.Kind.WORKSHOP,
        title="Stekjesworkshop",
        description=WORKSHOP_TEXT,
        starts_at=_at(2022, 4, 23, 10, 30),
        ends_at=_at(2022, 4, 23, 11, 30),
        place="Pleintje Kapelakker",
        capacity=15,
        part_of=swap,
    )
    contest = make(
        kind=Activity.Kind.CONTEST,
        title="Huisdierenwedstrijd",
        description=CONTEST_TEXT,
        starts_at=_at(2022, 6, 18, 14),
        ends_at=_at(2022, 6, 18, 16),
        place="Pleintje Kapelakker",
        voting_opens_at=_at(2022, 6, 1, 9),
        voting_closes_at=_at(2022, 6, 17, 22),
        guest_count=2,
    )
    winter = make(
        kind=Activity.Kind.WISH_WALL,
        title="Winterdrink: warme wensen voor de wijk",
        description=WINTER_TEXT,
        starts_at=_at(2022, 12, 16, 18),
        ends_at=_at(2022, 12, 16, 21),
        place="Ontmoetingsruimte",
        capacity=80,
        guest_count=7,
    )

    # Past activities: 20–30 registered households each, most came, some came unannounced.
    for activity, count in ((swap, 26), (contest, 22), (winter, 29)):
        chosen = rng.sample(households, count)
        registrations = _registrations(rng, activity, chosen)
        rest = [h for h in households if h not in chosen]
        _attendance(rng, activity, registrations, rng.sample(rest, rng.randint(3, 6)), facilitator)
    # The workshop: 15 places counted in people; the last households stayed on the waiting list.
    workshop_households = rng.sample(households, 9)
    registrations = _registrations(rng, workshop, workshop_households, days_before=14)
    taken = 0
    for registration in registrations:
        if taken + registration.people <= workshop.capacity:
            taken += registration.people
        else:
            registration.status = Registration.Status.WAITING
            registration.save(update_fields=["status"])
    _attendance(
        rng,
        workshop,
        [r for r in registrations if r.status == Registration.Status.REGISTERED],
        [],
        facilitator,
    )

    # Upcoming: this year's winter drink (third Friday of December) and a spring swap.
    now = timezone.now()
    day = _third_friday_of_december(now.year)
    if timezone.make_aware(datetime.datetime.combine(day, datetime.time(18))) < now:
        day = _third_friday_of_december(now.year + 1)
    winter_now = make(
        kind=Activity.Kind.WISH_WALL,
        title=f"Winterdrink {day.year}",
        description=WINTER_NOW_TEXT,
        starts_at=_at(day.year, day.month, day.day, 18),
        ends_at=_at(day.year, day.month, day.day, 21),
        place="Ontmoetingsruimte",
        capacity=60,
        image=_picture(rng, ((28, 44, 84), (250, 210, 90), (230, 120, 60), (240, 240, 240))),
        image_alt="Lichtjes en warme kleuren in de winter",
    )
    spring_day = (timezone.localdate() + datetime.timedelta(days=150)).replace(day=1)
    # The Saturday in the first week of that month.
    spring_day += datetime.timedelta(days=(5 - spring_day.weekday()) % 7)
    swap_spring = make(
        kind=Activity.Kind.SWAP,
        title="Plantenruil voorjaar",
        description=SPRING_SWAP_TEXT,
        starts_at=_at(spring_day.year, spring_day.month, spring_day.day, 10),
        ends_at=_at(spring_day.year, spring_day.month, spring_day.day, 12),
        place="Pleintje Kapelakker",
    )
    # A few registrations, never Youssef's household (households[1]): he tries it himself.
    # Fatima's household (households[2]) comes to the winter drink.
    others = [h for i, h in enumerate(households) if i not in (1, 2)]
    _registrations(rng, winter_now, [households[2], *rng.sample(others, 8)], days_before=3)
    _registrations(rng, swap_spring, rng.sample(others, 4), days_before=-1)
    Registration.objects.filter(activity=swap_spring).update(queued_at=now)
    Registration.objects.filter(activity=winter_now).update(queued_at=now)

    ctx.objects["activities"] = {
        "swap": swap,
        "workshop": workshop,
        "contest": contest,
        "winter_drink": winter,
        "winter_drink_now": winter_now,
        "swap_spring": swap_spring,
    }
