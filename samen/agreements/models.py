"""Neighbourhood agreements (wijkafspraken) and reports of problems (meldingen)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samen.core.models import TimeStampedModel
from samen.neighbourhoods.models import Household, Neighbourhood, Resident


class Topic(models.TextChoices):
    HOME_UPKEEP = "home_upkeep", _("upkeep of the home")
    GARDEN = "garden", _("garden")
    COMMON_AREAS = "common_areas", _("common areas")
    WASTE = "waste", _("waste")
    PARKING = "parking", _("parking")
    NOISE = "noise", _("noise")
    PETS = "pets", _("pets")
    CHILDREN = "children", _("children playing")
    OTHER = "other", _("other")


class Responsible(models.TextChoices):
    RESIDENTS = "residents", _("the residents")
    COMMITTEE = "committee", _("the neighbourhood committee")
    HOUSING_COMPANY = "housing_company", _("the housing company")
    TOGETHER = "together", _("together")


class Agreement(TimeStampedModel):
    """An agreement between residents and the housing company, with a lifecycle."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        DISCUSSED = "discussed", _("discussed")
        ADOPTED = "adopted", _("adopted")
        EVALUATED = "evaluated", _("evaluated")

    # The explicit pipeline (after django-oscar): a service refuses any other change.
    PIPELINE = {
        Status.DRAFT: {Status.DISCUSSED},
        Status.DISCUSSED: {Status.ADOPTED, Status.DRAFT},
        Status.ADOPTED: {Status.EVALUATED, Status.DRAFT},
        Status.EVALUATED: {Status.DRAFT, Status.ADOPTED},
    }

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), max_length=2000)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    responsible = models.CharField(_("who does it"), max_length=20, choices=Responsible.choices)
    review_on = models.DateField(_("review date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    # Where it was discussed or adopted (a meeting or an activity), in words until those exist.
    discussed_at = models.CharField(_("discussed at"), max_length=160, blank=True)
    adopted_at = models.CharField(_("adopted at"), max_length=160, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    review_reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["topic", "title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk})


class AgreementVersion(models.Model):
    """A saved version of an agreement's text (a new one on every change of text)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=120)
    text = models.TextField(max_length=2000)
    status = models.CharField(max_length=12, choices=Agreement.Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agreement version")
        ordering = ["agreement", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "version"], name="agreement_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"


class AgreementTranslation(TimeStampedModel):
    """The agreement's text in another language."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.RESIDENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), max_length=2000)

    class Meta:
        verbose_name = _("translation of an agreement")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "language"], name="agreement_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement} ({self.language})"


class Endorsement(models.Model):
    """A household says 'wij doen mee' to an adopted agreement (once per household)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="endorsements")
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="endorsements")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("endorsement")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "household"], name="endorsement_once_per_household"
            )
        ]

    def __str__(self) -> str:
        return f"{self.household} → {self.agreement}"


class Evaluation(TimeStampedModel):
    """How an agreement worked out at its review, and what follows."""

    class Outcome(models.TextChoices):
        KEPT = "kept", _("kept")
        PARTLY = "partly", _("partly kept")
        NOT_KEPT = "not_kept", _("not kept")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="evaluations")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    follow_up = models.TextField(_("follow-up"), max_length=2000, blank=True)
    evaluated_on = models.DateField(_("evaluated on"))
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("evaluation")
        ordering = ["-evaluated_on", "-id"]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.get_outcome_display()}"


class Report(TimeStampedModel):
    """A report (melding) of a maintenance or nuisance problem, routed to the housing company."""

    class Kind(models.TextChoices):
        COMMON_UPKEEP = "common_upkeep", _("upkeep of a common area")
        HOME_UPKEEP = "home_upkeep", _("upkeep of the home")
        NUISANCE = "nuisance", _("nuisance")
        SAFETY = "safety", _("safety")
        OTHER = "other", _("other")

    class Place(models.TextChoices):
        HOME = "home", _("my home")
        COMMON_AREA = "common_area", _("a common area")
        STREET = "street", _("a street")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        ASSIGNED = "assigned", _("assigned")
        PLANNED = "planned", _("planned")
        RESOLVED = "resolved", _("resolved")
        CLOSED = "closed", _("closed")
        NOT_OURS = "not_ours", _("not for us")

    PIPELINE = {
        Status.RECEIVED: {Status.ASSIGNED, Status.PLANNED, Status.RESOLVED, Status.NOT_OURS},
        Status.ASSIGNED: {Status.PLANNED, Status.RESOLVED, Status.NOT_OURS},
        Status.PLANNED: {Status.RESOLVED, Status.ASSIGNED},
        Status.RESOLVED: {Status.CLOSED, Status.ASSIGNED},
        Status.CLOSED: set(),
        Status.NOT_OURS: {Status.ASSIGNED},
    }
    OPEN = (Status.RECEIVED, Status.ASSIGNED, Status.PLANNED)

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("what is wrong"), max_length=3000)
    photo = models.ImageField(_("photo"), upload_to="reports/%Y/%m/", blank=True)
    place = models.CharField(_("place"), max_length=16, choices=Place.choices)
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    street = models.CharField(_("street"), max_length=120, blank=True)
    place_detail = models.CharField(_("where exactly"), max_length=160, blank=True)
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        Resident,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The housing company sees who reported only when the reporter chose so.
    reporter_visible = models.BooleanField(
        _("the housing company may see who reported"), default=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
    )
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    redirect_to = models.CharField(_("where to go instead"), max_length=300, blank=True)
    first_answer_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["neighbourhood", "status"])]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return reverse(
            "agreements:report_detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk}
        )


class ReportEvent(models.Model):
    """A step in a report's life: a status change or an answer, timed."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=Report.Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Report.Status.choices)
    answer = models.TextField(_("answer"), max_length=3000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("report event")
        ordering = ["report", "at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_status} → {self.to_status}"
