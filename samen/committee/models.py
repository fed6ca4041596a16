"""The neighbourhood committee: members and roles, charter, meetings, decisions, tasks, news."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samen.core.models import TimeStampedModel
from samen.neighbourhoods.models import Household, Neighbourhood, Resident


class CommitteeRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    SECRETARY = "secretary", _("secretary")
    TREASURER = "treasurer", _("treasurer")
    HOUSING_CONTACT = "housing_contact", _("contact for the housing company")
    MEMBER = "member", _("member")


class Committee(TimeStampedModel):
    """The buurtcomité of a neighbourhood."""

    neighbourhood = models.OneToOneField(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="committee",
    )
    name = models.CharField(_("name"), max_length=120)
    introduction = models.TextField(_("introduction for residents"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("neighbourhood committee")
        verbose_name_plural = _("neighbourhood committees")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committee:public", kwargs={"slug": self.neighbourhood.slug})


class RoleDescription(TimeStampedModel):
    """What a role in this committee does (its tasks), in plain words."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="role_descriptions"
    )
    role = models.CharField(_("role"), max_length=20, choices=CommitteeRole.choices)
    description = models.TextField(_("tasks of this role"), max_length=2000)

    class Meta:
        verbose_name = _("role description")
        constraints = [
            models.UniqueConstraint(fields=["committee", "role"], name="role_description_unique")
        ]

    def __str__(self) -> str:
        return self.get_role_display()


class Membership(TimeStampedModel):
    """A resident holds a role in the committee for a term; history is kept (ended terms)."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    resident = models.ForeignKey(
        Resident,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="committee_memberships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=CommitteeRole.choices, default=CommitteeRole.MEMBER
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("committee membership")
        ordering = ["committee", "-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="membership_term_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.resident} – {self.get_role_display()}"


class CharterDocument(TimeStampedModel):
    """One part of the committee's charter: mission, vision, structure or meeting agreements."""

    class Kind(models.TextChoices):
        MISSION = "mission", _("mission")
        VISION = "vision", _("vision")
        STRUCTURE = "structure", _("organisation structure")
        MEETING_AGREEMENTS = "meeting_agreements", _("meeting agreements")

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="charter")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("charter document")
        constraints = [
            models.UniqueConstraint(fields=["committee", "kind"], name="charter_kind_unique")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Meeting(TimeStampedModel):
    """A committee meeting with its agenda, attendance, minutes and decisions."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=160)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=160)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.TextField(_("minutes"), max_length=20000, blank=True)
    # What housing staff may read beyond the public part.
    shared_with_housing = models.BooleanField(
        _("share the minutes with the housing company"), default=False
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "committee:meeting_detail",
            kwargs={"slug": self.committee.neighbourhood.slug, "pk": self.pk},
        )


class CharterVersion(models.Model):
    """A version of a charter document, and the meeting that adopted it (if any yet)."""

    document = models.ForeignKey(CharterDocument, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    text = models.TextField(_("text"), max_length=10000)
    adopted_at = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_charter_versions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("charter version")
        ordering = ["document", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["document", "version"], name="charter_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.version}"


class AgendaItem(TimeStampedModel):
    """A point on a meeting's agenda, with its owner and its minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    owner = models.ForeignKey(
        Resident,
        verbose_name=_("who brings it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minutes = models.TextField(_("minutes of this point"), max_length=5000, blank=True)
    is_public = models.BooleanField(_("residents may see this point"), default=True)
    # Set when the point was carried over from an open task.
    task = models.ForeignKey(
        "Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )

    class Meta:
        verbose_name = _("agenda item")
        ordering = ["meeting", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """Whether a member was present, excused or absent at a meeting."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)

    class Meta:
        verbose_name = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "resident"], name="attendance_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resident}: {self.get_status_display()}"


class Decision(TimeStampedModel):
    """A decision taken at a meeting (the decision log)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    text = models.TextField(_("decision"), max_length=2000)
    is_public = models.BooleanField(_("residents may see this decision"), default=True)

    class Meta:
        verbose_name = _("decision")
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Task(TimeStampedModel):
    """An action point with an owner, a due date and a status, carried from meeting to meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DOING = "doing", _("doing")
        DONE = "done", pgettext_lazy("task status", "done")
        DROPPED = "dropped", _("dropped")

    OPEN_STATUSES = (Status.OPEN, Status.DOING)

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("what"), max_length=200)
    owner = models.ForeignKey(
        Resident,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    decided_at = models.ForeignKey(
        Meeting,
        verbose_name=_("decided at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["status", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class News(TimeStampedModel):
    """A news item the committee posts on the neighbourhood page."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="news")
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"), max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Question(TimeStampedModel):
    """A resident's question to the committee, and the committee's answer."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="questions")
    resident = models.ForeignKey(
        Resident,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="committee_questions",
    )
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("question"), max_length=3000)
    answer = models.TextField(_("answer"), max_length=3000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("question to the committee")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]
