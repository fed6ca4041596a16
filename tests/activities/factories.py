"""factory_boy factories for the activities app (shared by its test modules)."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from samen.activities.models import (
    Activity,
    Attendance,
    ContestEntry,
    Moderation,
    Registration,
    SwapItem,
    Vote,
    Wish,
)
from tests.factories import HouseholdFactory, NeighbourhoodFactory


def jpeg_file(name: str = "photo.jpg", size: tuple[int, int] = (40, 30)) -> ContentFile:
    """Return a small, real JPEG file."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 160, 90)).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    kind = Activity.Kind.GATHERING
    title = factory.Sequence(lambda n: f"Buurtactiviteit {n}")
    description = "Kom gezellig langs."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Ontmoetingsruimte Kapelakker"


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    activity = factory.SubFactory(ActivityFactory)
    household = factory.SubFactory(
        HouseholdFactory, neighbourhood=factory.SelfAttribute("..activity.neighbourhood")
    )
    people = 2
    status = Registration.Status.REGISTERED


class AttendanceFactory(DjangoModelFactory):
    class Meta:
        model = Attendance

    activity = factory.SubFactory(ActivityFactory)
    household = factory.SubFactory(
        HouseholdFactory, neighbourhood=factory.SelfAttribute("..activity.neighbourhood")
    )
    people = 2


class SwapItemFactory(DjangoModelFactory):
    class Meta:
        model = SwapItem

    activity = factory.SubFactory(ActivityFactory, kind=Activity.Kind.SWAP)
    household = factory.SubFactory(
        HouseholdFactory, neighbourhood=factory.SelfAttribute("..activity.neighbourhood")
    )
    kind = SwapItem.Kind.OFFER
    category = SwapItem.Category.CUTTING
    title = "Stekjes van een vetplant"


class ContestEntryFactory(DjangoModelFactory):
    class Meta:
        model = ContestEntry

    activity = factory.SubFactory(ActivityFactory, kind=Activity.Kind.CONTEST)
    household = factory.SubFactory(
        HouseholdFactory, neighbourhood=factory.SelfAttribute("..activity.neighbourhood")
    )
    title = factory.Sequence(lambda n: f"Poes {n}")
    text = "Ze slaapt graag in de zon."
    photo = factory.LazyFunction(jpeg_file)
    status = Moderation.APPROVED


class VoteFactory(DjangoModelFactory):
    class Meta:
        model = Vote

    entry = factory.SubFactory(ContestEntryFactory)
    activity = factory.SelfAttribute("entry.activity")
    household = factory.SubFactory(
        HouseholdFactory, neighbourhood=factory.SelfAttribute("..entry.activity.neighbourhood")
    )


class WishFactory(DjangoModelFactory):
    class Meta:
        model = Wish

    activity = factory.SubFactory(ActivityFactory, kind=Activity.Kind.WISH_WALL)
    text = "Een warme winter voor iedereen in de wijk!"
    channel = Wish.Channel.ONLINE
    status = Moderation.APPROVED
