"""Trajectories, their dated phases and the tracks within a phase."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samen.core.models import TimeStampedModel
from samen.neighbourhoods.models import Neighbourhood
from samen.trajectories.registry import PhaseType, phase_types


class Trajectory(TimeStampedModel):
    """A participation trajectory in one neighbourhood."""

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="trajectories",
    )
    title = models.CharField(_("title"), max_length=160)
    question = models.TextField(_("the question"), max_length=1000, blank=True)
    goals = models.TextField(_("goals"), max_length=4000, blank=True)
    blueprint = models.CharField(_("made from blueprint"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "trajectories:detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk}
        )


class Phase(TimeStampedModel):
    """A dated phase of a trajectory; its type switches participation features on."""

    trajectory = models.ForeignKey(
        Trajectory, verbose_name=_("trajectory"), on_delete=models.CASCADE, related_name="phases"
    )
    type = models.CharField(_("type"), max_length=40)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["trajectory", "starts_on", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="phase_dates_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.type and self.type not in phase_types:
            raise ValidationError({"type": _("Unknown phase type.")})
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date must not be before the start date.")})

    @property
    def phase_type(self) -> PhaseType | None:
        """Return the registered phase type, or None if its app is gone."""
        return phase_types.get(self.type)

    def status_on(self, day: datetime.date) -> str:
        """Return 'past', 'current' or 'future' relative to `day`."""
        if day < self.starts_on:
            return "future"
        if day > self.ends_on:
            return "past"
        return "current"


class Track(TimeStampedModel):
    """A track (spoor) within a phase, such as 'connecting activities'."""

    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="tracks"
    )
    key = models.SlugField(_("key"), max_length=40)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["phase", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["phase", "key"], name="track_key_unique")]

    def __str__(self) -> str:
        return self.title
