"""Contributions (inbreng), themes, theme suggestions, volunteers and the feedback."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samen.core.models import TimeStampedModel
from samen.neighbourhoods.models import Household, Neighbourhood, Resident
from samen.trajectories.models import Phase

TEXT_MAX_CHARS = 3000


class Kind(models.TextChoices):
    QUESTION = "question", _("question")
    FRUSTRATION = "frustration", _("frustration")
    IDEA = "idea", _("idea or solution")
    NEED = "need", _("need or expectation")


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    STAND = "stand", _("stand in the street")
    POSTCARD = "postcard", _("postcard")
    DOOR_TO_DOOR = "door_to_door", _("at the door")
    MEETING = "meeting", _("meeting")
    PHONE = "phone", _("phone")


class Theme(TimeStampedModel):
    """A group of contributions about one subject, made by the community worker."""

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="themes",
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["neighbourhood", "title"], name="theme_title_unique")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "listening:theme_detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk}
        )


class Contribution(TimeStampedModel):
    """One thing a resident said: a question, frustration, idea or need."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        THEMED = "themed", _("in a theme")
        ANSWERED = "answered", _("answered")

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("text"), max_length=TEXT_MAX_CHARS)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=8, blank=True)
    language_confirmed = models.BooleanField(_("language checked by a person"), default=False)
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    street = models.CharField(_("street"), max_length=120, blank=True)
    author = models.ForeignKey(
        Resident,
        verbose_name=_("resident"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_named = models.BooleanField(
        _("the housing company may see who said this"), default=False
    )
    photo = models.ImageField(_("photo of the card"), upload_to="contributions/%Y/%m/", blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    # Made by the device that entered it (stand mode), so a replayed sync stores it once.
    client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["neighbourhood", "status"]),
            models.Index(fields=["neighbourhood", "channel"]),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_anonymous(self) -> bool:
        """Nobody, housing company included, may learn who said this."""
        return self.author_id is None and self.household_id is None


class ThemeResponse(TimeStampedModel):
    """The housing company's (or the trajectory's) answer to a theme: 'we did'."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("we will do this")
        DONE = "done", pgettext_lazy("answer to a theme", "done")
        EXPLAINED = "explained", _("not possible, and why")

    theme = models.OneToOneField(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="response"
    )
    text = models.TextField(_("answer"), max_length=4000)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published = models.BooleanField(_("shown to residents"), default=True)

    class Meta:
        verbose_name = _("answer to a theme")
        verbose_name_plural = _("answers to themes")

    def __str__(self) -> str:
        return f"{self.theme}: {self.get_status_display()}"


class SuggestionRun(TimeStampedModel):
    """One run of the theme suggester over a neighbourhood's contributions (a background task)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to run")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.CASCADE, related_name="suggestion_runs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    contribution_count = models.PositiveIntegerField(default=0)
    left_out = models.JSONField(default=list, blank=True)
    message = models.CharField(max_length=300, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("theme suggestion run")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.neighbourhood} {self.created_at:%Y-%m-%d %H:%M}"


class ThemeSuggestion(models.Model):
    """A suggested theme: its top words, three quotes and the contributions it groups."""

    class Status(models.TextChoices):
        OPEN = "open", _("to decide")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    run = models.ForeignKey(SuggestionRun, on_delete=models.CASCADE, related_name="suggestions")
    label = models.CharField(_("suggested title"), max_length=120)
    top_words = models.JSONField(default=list)
    quote_ids = models.JSONField(default=list)
    contribution_ids = models.JSONField(default=list)
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("theme suggestion")
        ordering = ["run", "position"]

    def __str__(self) -> str:
        return self.label


class Volunteer(TimeStampedModel):
    """'I want to help with…': a resident who offers help."""

    class Area(models.TextChoices):
        ACTIVITIES = "activities", _("activities")
        COMMITTEE = "committee", _("the neighbourhood committee")
        TASK = "task", _("a concrete task")

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="volunteers",
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteers",
    )
    resident = models.ForeignKey(
        Resident,
        verbose_name=_("resident"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteering",
    )
    name = models.CharField(_("name"), max_length=80, blank=True)
    areas = models.JSONField(_("wants to help with"), default=list)
    detail = models.TextField(_("what exactly"), max_length=1000, blank=True)
    contact = models.CharField(_("how to reach"), max_length=120, blank=True)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name or str(self.resident or _("volunteer"))


class FeedbackReport(TimeStampedModel):
    """The community worker's conclusion for the feedback report to the housing company."""

    neighbourhood = models.OneToOneField(
        Neighbourhood, on_delete=models.CASCADE, related_name="feedback_report"
    )
    conclusion = models.TextField(_("conclusion on engagement"), max_length=6000, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("feedback report")

    def __str__(self) -> str:
        return str(self.neighbourhood)


def new_client_id() -> uuid.UUID:
    """Make an id for an entry (the stand-mode script makes its own in the browser)."""
    return uuid.uuid4()
