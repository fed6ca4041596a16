"""Connecting activities: registrations, attendance, acquaintances, swap board, contest, wishes."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.models import TimeStampedModel
from samen.neighbourhoods.models import Household, Neighbourhood

TITLE_MAX_CHARS = 120
WISH_MAX_CHARS = 280
ENTRY_TEXT_MAX_CHARS = 500


class Activity(TimeStampedModel):
    """An activity where neighbours meet; its kind switches on its own mechanics."""

    class Kind(models.TextChoices):
        GATHERING = "gathering", _("get-together")
        SWAP = "swap", _("swap (plants, cuttings, things)")
        WORKSHOP = "workshop", _("workshop")
        CONTEST = "contest", _("contest")
        WISH_WALL = "wish_wall", _("wish wall")

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    track = models.ForeignKey(
        "trajectories.Track",
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    # A workshop that belongs to a swap shares the swap's board.
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parts",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX_CHARS)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many people can come. Leave empty when there is no limit."),
    )
    image = models.ImageField(_("image"), upload_to="activities/%Y/%m/", blank=True)
    image_alt = models.CharField(_("what the image shows"), max_length=200, blank=True)
    published = models.BooleanField(
        _("shown to residents"),
        default=True,
        help_text=_("A draft is only visible to the people who organise activities."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    # Contest: entries can be sent until voting opens; votes count inside the window.
    voting_opens_at = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_closes_at = models.DateTimeField(_("voting closes"), null=True, blank=True)
    # Guests at the door who are not a household of the neighbourhood (from the sign-in list).
    guest_count = models.PositiveSmallIntegerField(_("guests from elsewhere"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["neighbourhood", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(voting_opens_at__isnull=True)
                | models.Q(voting_closes_at__isnull=True)
                | models.Q(voting_closes_at__gt=models.F("voting_opens_at")),
                name="activity_voting_window_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk})

    @property
    def board_activity(self) -> "Activity":
        """Return the activity whose swap board this one shows (a workshop shows its swap's)."""
        if self.kind != self.Kind.SWAP and self.part_of_id and self.part_of is not None:
            return self.part_of
        return self

    def is_over(self, now=None) -> bool:  # type: ignore[no-untyped-def]
        """Return True when the activity has ended (or started, when no end is known)."""
        now = now or timezone.now()
        return (self.ends_at or self.starts_at) < now

    def voting_state(self, now=None) -> str:  # type: ignore[no-untyped-def]
        """Return 'none', 'not_yet', 'open' or 'closed' for the contest's voting window."""
        if not (self.voting_opens_at and self.voting_closes_at):
            return "none"
        now = now or timezone.now()
        if now < self.voting_opens_at:
            return "not_yet"
        if now >= self.voting_closes_at:
            return "closed"
        return "open"


class Registration(TimeStampedModel):
    """A household's registration for an activity (how many people), or its place in the queue."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="registrations"
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.CASCADE,
        related_name="activity_registrations",
    )
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # The queue order: when the (last) registration was made.
    queued_at = models.DateTimeField(_("registered at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["activity", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "household"], name="registration_once_per_household"
            ),
            models.CheckConstraint(
                condition=models.Q(people__gte=1), name="registration_at_least_one_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.household} → {self.activity}"


class Attendance(TimeStampedModel):
    """A household that came to an activity, recorded by the facilitator (also afterwards)."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="attendances"
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.CASCADE,
        related_name="activity_attendances",
    )
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "household"], name="attendance_once_per_household"
            ),
            models.CheckConstraint(
                condition=models.Q(people__gte=1), name="attendance_at_least_one_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.household} @ {self.activity}"


class Acquaintance(models.Model):
    """Two households that met, with the consent of both; kept once per pair.

    The pair is stored in order (lower household id first) and is unique in the whole
    neighbourhood, so the activity is where they first met: "new acquaintances" at an
    activity are exactly the pairs stored with it.
    """

    class Source(models.TextChoices):
        SIGN_IN = "sign_in", _("from the sign-in list")
        CODE = "code", _("confirmed with a meeting code")

    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.CASCADE, related_name="acquaintances"
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acquaintances",
    )
    household_low = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="acquaintances_low"
    )
    household_high = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="acquaintances_high"
    )
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("met on"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("acquaintance")
        verbose_name_plural = _("acquaintances")
        constraints = [
            models.UniqueConstraint(
                fields=["household_low", "household_high"], name="acquaintance_once_per_pair"
            ),
            models.CheckConstraint(
                condition=models.Q(household_low__lt=models.F("household_high")),
                name="acquaintance_pair_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.household_low_id}–{self.household_high_id}"


class MeetingCode(models.Model):
    """A household's short code to show a neighbour: "we met". Not a login code."""

    household = models.OneToOneField(
        Household, on_delete=models.CASCADE, related_name="meeting_code"
    )
    code = models.CharField(_("meeting code"), max_length=8, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting code")
        verbose_name_plural = _("meeting codes")

    def __str__(self) -> str:
        return self.code


class NewNeighboursCount(TimeStampedModel):
    """ "I met N new neighbours" at an activity: a plain count, once per household."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="new_neighbour_counts"
    )
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="new_neighbour_counts"
    )
    count = models.PositiveSmallIntegerField(_("new neighbours met"))

    class Meta:
        verbose_name = _("new neighbours met")
        verbose_name_plural = _("new neighbours met")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "household"], name="new_neighbours_once_per_household"
            ),
            models.CheckConstraint(
                condition=models.Q(count__lte=200), name="new_neighbours_count_sensible"
            ),
        ]

    def __str__(self) -> str:
        return str(self.count)


class SwapItem(TimeStampedModel):
    """An offer or a want on a swap board."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("I offer")
        WANT = "want", _("I am looking for")

    class Category(models.TextChoices):
        CUTTING = "cutting", _("cutting")
        PLANT = "plant", _("plant")
        SEED = "seed", _("seeds")
        POT = "pot", _("pot")
        TOOL = "tool", _("garden tool")
        OTHER = "other", _("something else")

    class Status(models.TextChoices):
        OPEN = "open", _("still open")
        DONE = "done", _("given or received")
        WITHDRAWN = "withdrawn", _("taken off the board")

    activity = models.ForeignKey(
        Activity, verbose_name=_("swap"), on_delete=models.CASCADE, related_name="swap_items"
    )
    household = models.ForeignKey(
        Household, verbose_name=_("household"), on_delete=models.CASCADE, related_name="swap_items"
    )
    kind = models.CharField(_("offer or want"), max_length=8, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    title = models.CharField(_("what"), max_length=TITLE_MAX_CHARS)
    description = models.TextField(_("more about it"), max_length=1000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="swap/%Y/%m/", blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateTimeField(_("given or received on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("swap item")
        verbose_name_plural = _("swap items")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["activity", "status", "kind"])]

    def __str__(self) -> str:
        return self.title


class Moderation(models.TextChoices):
    PENDING = "pending", _("waiting for a check")
    APPROVED = "approved", _("shown")
    REJECTED = "rejected", _("not shown")


class ContestEntry(TimeStampedModel):
    """A household's entry in a contest (a pet with a photo and a short text)."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("contest"), on_delete=models.CASCADE, related_name="entries"
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.CASCADE,
        related_name="contest_entries",
    )
    title = models.CharField(_("name"), max_length=TITLE_MAX_CHARS)
    text = models.TextField(_("short text"), max_length=ENTRY_TEXT_MAX_CHARS, blank=True)
    photo = models.ImageField(_("photo"), upload_to="contest/%Y/%m/")
    status = models.CharField(
        _("status"), max_length=12, choices=Moderation.choices, default=Moderation.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("contest entry")
        verbose_name_plural = _("contest entries")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "household"], name="contest_entry_once_per_household"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Vote(models.Model):
    """One household's vote in a contest."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="votes")
    entry = models.ForeignKey(ContestEntry, on_delete=models.CASCADE, related_name="votes")
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="votes")
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "household"], name="vote_once_per_household"
            )
        ]

    def __str__(self) -> str:
        return f"{self.household_id} → {self.entry_id}"


class Wish(TimeStampedModel):
    """A warm wish for the neighbourhood; shown only after a check."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("paper card")

    activity = models.ForeignKey(
        Activity, verbose_name=_("wish wall"), on_delete=models.CASCADE, related_name="wishes"
    )
    text = models.TextField(_("wish"), max_length=WISH_MAX_CHARS)
    signed = models.CharField(_("from"), max_length=80, blank=True)
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="wishes"
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Moderation.choices, default=Moderation.PENDING
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["activity", "status"])]

    def __str__(self) -> str:
        return self.text[:40]
