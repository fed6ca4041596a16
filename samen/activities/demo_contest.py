"""Demo data of the contest: the 2022 pet contest with results, and a contest open today.

The pet photos are drawn with Pillow (simple coloured shapes), so the demo needs no files and
is the same every time.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from samen.activities.models import Activity, ContestEntry, Moderation, Vote
from samen.core.demo import DemoContext

# (name, animal, text)
PETS_2022 = [
    ("Minoes", "cat", "Minoes ligt de hele dag in de zon op de vensterbank."),
    ("Bruno", "dog", "Bruno brengt elke ochtend de krant naar binnen. Soms in stukjes."),
    ("Flappie", "rabbit", "Flappie eet het liefst peterselie uit onze moestuinbak."),
    ("Kiwi", "parakeet", "Kiwi fluit mee met de radio, vooral met oude liedjes."),
    ("Nemo en Dory", "fish", "Twee goudvissen die altijd samen zwemmen."),
    ("Simba", "cat", "Simba denkt dat hij een leeuw is. Hij is drie kilo."),
    ("Lola", "dog", "Lola speelt graag met de kinderen van de speeltuin."),
    ("Pluis", "rabbit", "Pluis is zo zacht als een wolk."),
    ("Tijger", "cat", "Tijger vangt geen muizen, maar wel sokken."),
]
REJECTED_2022 = ("Onze kinderen met de hond", "dog", "Een foto van de hele familie in de tuin.")
# Votes per entry above, 30 in all, with a tie for the second place.
VOTES_2022 = [9, 6, 6, 4, 2, 1, 1, 1, 0]
PETS_NOW = [
    ("Sneeuwbal", "cat", "Sneeuwbal is helemaal wit en verdwijnt in de sneeuw."),
    ("Max", "dog", "Max draagt in de winter een rood jasje."),
    ("Hazel", "rabbit", "Hazel woont binnen als het vriest."),
    ("Pietje", "parakeet", "Pietje zegt 'goeiemorgen' tegen iedereen."),
    ("Goudje", "fish", "Goudje is al zeven jaar oud."),
]
BACKGROUNDS = [(244, 225, 193), (200, 225, 240), (215, 236, 205), (240, 214, 226), (230, 230, 210)]


def pet_photo(animal: str, seed: int) -> ContentFile:
    """Draw a simple, friendly pet picture (a JPEG of 400×300)."""
    image = Image.new("RGB", (400, 300), BACKGROUNDS[seed % len(BACKGROUNDS)])
    draw = ImageDraw.Draw(image)
    fur = [(90, 70, 50), (230, 140, 60), (60, 60, 60), (250, 250, 250), (170, 120, 80)][seed % 5]
    if animal == "cat":
        draw.ellipse((130, 130, 270, 270), fill=fur)
        draw.polygon([(140, 160), (160, 90), (195, 140)], fill=fur)
        draw.polygon([(260, 160), (240, 90), (205, 140)], fill=fur)
        for x in (170, 230):
            draw.ellipse((x - 10, 180, x + 10, 200), fill=(60, 160, 60))
    elif animal == "dog":
        draw.ellipse((125, 110, 275, 260), fill=fur)
        draw.ellipse((95, 120, 145, 220), fill=(60, 40, 30))
        draw.ellipse((255, 120, 305, 220), fill=(60, 40, 30))
        draw.ellipse((185, 200, 215, 225), fill=(20, 20, 20))
        for x in (165, 235):
            draw.ellipse((x - 9, 160, x + 9, 178), fill=(20, 20, 20))
    elif animal == "rabbit":
        draw.ellipse((140, 150, 260, 270), fill=fur)
        draw.ellipse((150, 30, 185, 170), fill=fur)
        draw.ellipse((215, 30, 250, 170), fill=fur)
        draw.ellipse((192, 215, 208, 228), fill=(230, 120, 140))
    elif animal == "parakeet":
        draw.ellipse((150, 120, 250, 260), fill=(80, 180, 70))
        draw.ellipse((160, 70, 240, 150), fill=(240, 220, 60))
        draw.polygon([(200, 115), (215, 125), (200, 135)], fill=(120, 90, 60))
        draw.ellipse((180, 95, 192, 107), fill=(20, 20, 20))
    else:
        draw.ellipse((110, 110, 270, 200), fill=(240, 140, 30))
        draw.polygon([(265, 155), (330, 105), (330, 205)], fill=(240, 140, 30))
        draw.ellipse((140, 140, 155, 155), fill=(20, 20, 20))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return ContentFile(output.getvalue(), name=f"demo-{animal}-{seed}.jpg")


def _entry(activity: Activity, household, pet: tuple, seed: int, status: str, at) -> ContestEntry:  # type: ignore[no-untyped-def]
    name, animal, text = pet
    entry = ContestEntry(
        activity=activity, household=household, title=name, text=text, status=status
    )
    entry.photo = pet_photo(animal, seed)
    if status != Moderation.PENDING:
        entry.moderated_at = at
    entry.save()
    ContestEntry.objects.filter(pk=entry.pk).update(created_at=at, updated_at=at)
    return entry


def _contest_2022(ctx: DemoContext, activity: Activity) -> None:
    households = ctx.objects["households"]
    facilitator = ctx.objects.get("facilitator")
    opens = activity.voting_opens_at or activity.starts_at
    entrants = households[10:20]
    entries = []
    for index, pet in enumerate(PETS_2022):
        at = opens - datetime.timedelta(days=20 - index)
        entries.append(_entry(activity, entrants[index], pet, index, Moderation.APPROVED, at))
    _entry(
        activity,
        entrants[9],
        REJECTED_2022,
        9,
        Moderation.REJECTED,
        opens - datetime.timedelta(days=5),
    )
    ContestEntry.objects.filter(activity=activity).update(moderated_by=facilitator)
    # Voters never own an entry, so nobody votes for their own pet.
    voters = [h for h in households if h not in entrants]
    ctx.rng.shuffle(voters)
    votes = []
    for entry, count in zip(entries, VOTES_2022, strict=True):
        for _index in range(count):
            votes.append(Vote(activity=activity, entry=entry, household=voters.pop()))
    Vote.objects.bulk_create(votes)


def _contest_now(ctx: DemoContext) -> Activity:
    households = ctx.objects["households"]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    follow_up = ctx.objects.get("follow_up")
    track = follow_up.tracks.filter(key="activities").first() if follow_up else None
    starts = (now + datetime.timedelta(days=21)).replace(hour=15)
    activity = Activity.objects.create(
        neighbourhood=ctx.objects["neighbourhood"],
        track=track,
        kind=Activity.Kind.CONTEST,
        title="Huisdier van de winter",
        description=(
            "Stuur een foto van je huisdier in zijn of haar winterse stek. Alle buren stemmen. "
            "De winnaar krijgt een mand vol lekkers, uitgereikt op de winterdrink."
        ),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place="Ontmoetingsruimte Kapelakker",
        voting_opens_at=now - datetime.timedelta(days=7),
        voting_closes_at=now + datetime.timedelta(days=10),
        created_by=ctx.objects.get("facilitator"),
    )
    # Not Youssef's (1) nor Fatima's (2) household: both can vote in the demo.
    entrants = households[22:27]
    entries = [
        _entry(
            activity,
            household,
            pet,
            20 + index,
            Moderation.APPROVED,
            now - datetime.timedelta(days=14 - index),
        )
        for index, (household, pet) in enumerate(zip(entrants, PETS_NOW, strict=True))
    ]
    voters = households[30:36]
    Vote.objects.bulk_create(
        Vote(activity=activity, entry=entries[index % len(entries)], household=household)
        for index, household in enumerate(voters)
    )
    return activity


def load(ctx: DemoContext) -> None:
    """Load the 2022 pet contest (entries, votes, results) and a contest open for voting today."""
    activities = ctx.objects.setdefault("activities", {})
    if "contest" in activities:
        _contest_2022(ctx, activities["contest"])
    activities["contest_now"] = _contest_now(ctx)
