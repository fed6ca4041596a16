"""Demo data of the swap board: the 2022 plant swap (some given away) and the upcoming one."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from samen.activities.models import Activity, SwapItem
from samen.core.demo import DemoContext

OFFER, WANT = SwapItem.Kind.OFFER, SwapItem.Kind.WANT
C = SwapItem.Category
# (household index, kind, category, title, description, done, photo)
ITEMS_2022 = [
    (
        3,
        OFFER,
        C.CUTTING,
        "Stekjes van een pothos",
        "Vijf stekjes in een glas water, met wortels.",
        True,
        True,
    ),
    (
        4,
        WANT,
        C.CUTTING,
        "Pothos of een andere hangplant",
        "Voor op de kast in de living.",
        True,
        False,
    ),
    (5, OFFER, C.CUTTING, "Monstera stekjes", "Twee stekjes met een luchtwortel.", False, True),
    (
        6,
        WANT,
        C.CUTTING,
        "Stekje van een monstera",
        "Ik wil graag een grote plant laten groeien.",
        True,
        False,
    ),
    (
        7,
        OFFER,
        C.PLANT,
        "Graslelie (spin plant) met kindjes",
        "Een grote plant met veel kindjes.",
        True,
        True,
    ),
    (8, WANT, C.PLANT, "Graslelie voor de slaapkamer", "", False, False),
    (9, OFFER, C.SEED, "Tomatenzaden", "Zaden van kerstomaatjes uit mijn eigen tuin.", True, False),
    (10, WANT, C.SEED, "Zaden voor tomaten of paprika", "Voor de moestuinbakken.", True, False),
    (11, OFFER, C.POT, "Terracotta potten", "Zes potten in verschillende maten.", False, True),
    (12, WANT, C.POT, "Grote bloempot", "Voor een olijfboompje op het terras.", False, False),
    (13, OFFER, C.TOOL, "Gieter", "Een groene gieter van tien liter.", True, True),
    (14, WANT, C.TOOL, "Kleine schep en hark", "Voor de bakken op het balkon.", False, False),
    (15, OFFER, C.PLANT, "Aloë vera", "Drie kleine planten.", False, False),
    (
        16,
        OFFER,
        C.CUTTING,
        "Stekjes van vetplanten",
        "Echeveria en jade, makkelijk te verzorgen.",
        True,
        False,
    ),
    (17, WANT, C.CUTTING, "Vetplanten voor de vensterbank", "", True, False),
    (18, OFFER, C.SEED, "Zonnebloempitten", "Voor reuzenzonnebloemen.", False, False),
    (19, WANT, C.SEED, "Bloemzaden voor bijen", "Voor de gemeenschappelijke tuin.", False, False),
    (20, OFFER, C.OTHER, "Potgrond", "Een halve zak, nog goed.", True, False),
    (21, WANT, C.OTHER, "Potgrond voor het verpotten", "", True, False),
    (22, OFFER, C.PLANT, "Basilicum en munt", "Kruiden in kleine potjes.", False, False),
    (23, WANT, C.PLANT, "Kruiden voor de keuken", "Munt, peterselie of bieslook.", False, False),
    (24, OFFER, C.TOOL, "Snoeischaar", "Werkt nog goed, een beetje roestig.", False, False),
    (25, WANT, C.CUTTING, "Stekje van een vioolbladplant", "", False, False),
    (26, OFFER, C.POT, "Plastic kweekpotjes", "Een doos vol, voor zaaien.", False, False),
    (27, WANT, C.SEED, "Zaden van pompoen", "Voor Halloween met de kinderen.", False, False),
]
ITEMS_SPRING = [
    (1, WANT, C.CUTTING, "Stekje van een monstera", "Voor mijn nieuwe appartement.", False),
    (28, OFFER, C.CUTTING, "Monstera stekjes", "Drie stekjes, al in een potje.", True),
    (
        29,
        OFFER,
        C.SEED,
        "Zaden van pompoen en courgette",
        "Uit mijn moestuin van vorig jaar.",
        False,
    ),
    (30, WANT, C.TOOL, "Gieter voor het balkon", "", False),
    (31, OFFER, C.PLANT, "Graslelie met kindjes", "Gratis voor wie wil.", True),
    (32, WANT, C.POT, "Hangpotten", "Voor aan het balkon.", False),
    (33, OFFER, C.POT, "Terracotta potten", "Vier middelgrote potten.", False),
    (34, WANT, C.PLANT, "Een plant die weinig licht nodig heeft", "Voor de gang.", False),
]
LEAF = {
    C.CUTTING: (60, 150, 70),
    C.PLANT: (40, 120, 60),
    C.POT: (190, 90, 50),
    C.TOOL: (40, 130, 90),
}


def swap_photo(category: str, seed: int) -> ContentFile:
    """Draw a simple picture of a plant, a pot or a watering can (a JPEG of 400×300)."""
    image = Image.new("RGB", (400, 300), (236, 232, 220))
    draw = ImageDraw.Draw(image)
    colour = LEAF.get(category, (90, 140, 80))
    if category == C.POT:
        draw.polygon([(140, 120), (260, 120), (240, 260), (160, 260)], fill=colour)
        draw.rectangle((130, 105, 270, 125), fill=(170, 80, 45))
    elif category == C.TOOL:
        draw.ellipse((120, 130, 260, 250), fill=colour)
        draw.polygon([(250, 170), (340, 110), (350, 125), (255, 200)], fill=colour)
        draw.arc((140, 80, 240, 180), 180, 360, fill=colour, width=12)
    else:
        draw.rectangle((185, 190, 215, 280), fill=(150, 90, 50))
        for index in range(5):
            x = 120 + index * 40 + seed % 7
            draw.ellipse(
                (x - 30, 70 + (index % 2) * 40, x + 30, 170 + (index % 2) * 40), fill=colour
            )
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return ContentFile(output.getvalue(), name=f"demo-swap-{seed}.jpg")


def _item(activity: Activity, household, row: tuple, seed: int, at: datetime.datetime) -> SwapItem:  # type: ignore[no-untyped-def]
    _index, kind, category, title, description, done, photo = row
    item = SwapItem(
        activity=activity,
        household=household,
        kind=kind,
        category=category,
        title=title,
        description=description,
        status=SwapItem.Status.DONE if done else SwapItem.Status.OPEN,
        done_at=activity.starts_at if done else None,
    )
    if photo:
        item.photo = swap_photo(category, seed)
    item.save()
    SwapItem.objects.filter(pk=item.pk).update(created_at=at, updated_at=at)
    return item


def load(ctx: DemoContext) -> None:
    """Load the items on the 2022 swap and on the upcoming spring swap."""
    activities = ctx.objects.get("activities", {})
    households = ctx.objects["households"]
    swap = activities.get("swap")
    if swap is not None:
        for seed, row in enumerate(ITEMS_2022):
            at = swap.starts_at - datetime.timedelta(days=21 - seed % 20, hours=seed)
            _item(swap, households[row[0]], row, seed, at)
    spring = activities.get("swap_spring")
    if spring is not None:
        for seed, row in enumerate(ITEMS_SPRING):
            at = timezone.now() - datetime.timedelta(days=12 - seed, hours=seed)
            _item(spring, households[row[0]], (*row[:5], False, row[5]), 100 + seed, at)
