"""The cohesion monitor: survey waves, one-time codes, anonymous responses.

Anonymity is built into the tables, not only into the pages: a `SurveyResponse` has no link to
a household, to a code, to a user or to a moment (no timestamp, a random primary key, so the
order of the rows tells nothing either). A `SurveyCode` only remembers *that* it was used, not
when, so no one — staff or a database reader — can put a code and an answer side by side.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samen.core.models import TimeStampedModel
from samen.neighbourhoods.models import Household, Neighbourhood

ITEM_TEXT_MAX_CHARS = 200


class Agreement5(models.IntegerChoices):
    """The five-point agreement scale, as printed on the questionnaire."""

    DISAGREE_STRONGLY = 1, _("strongly disagree")
    DISAGREE = 2, _("disagree")
    NEUTRAL = 3, _("neither agree nor disagree")
    AGREE = 4, _("agree")
    AGREE_STRONGLY = 5, _("strongly agree")


class KnownByName(models.TextChoices):
    """How many neighbours do you know by name? (the answer bands)"""

    NONE = "0", _("none")
    ONE_TWO = "1-2", _("1 or 2")
    THREE_FIVE = "3-5", _("3 to 5")
    SIX_TEN = "6-10", _("6 to 10")
    MORE = "10+", _("more than 10")


class SurveyWave(TimeStampedModel):
    """One round of the cohesion survey in a neighbourhood, open between two dates."""

    class Kind(models.TextChoices):
        BASELINE = "baseline", _("baseline (at the start)")
        FOLLOW_UP = "follow_up", _("follow-up")
        OTHER = "other", _("other")

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="survey_waves",
    )
    title = models.CharField(_("title"), max_length=120)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    phase = models.ForeignKey(
        "trajectories.Phase",
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_waves",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        ordering = ["neighbourhood", "opens_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_wave_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "cohesion:wave_detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk}
        )

    def is_open_on(self, day) -> bool:  # type: ignore[no-untyped-def]
        """Return True when answers are taken on `day`."""
        return self.opens_on <= day <= self.closes_on


class SurveyItem(TimeStampedModel):
    """An extra statement of the facilitator's own, answered on the same five-point scale."""

    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="extra_items")
    text = models.CharField(_("statement (Dutch)"), max_length=ITEM_TEXT_MAX_CHARS)
    # {"fr": "...", "en": "...", ...}: the statement in the other interface languages.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("extra survey statement")
        verbose_name_plural = _("extra survey statements")
        ordering = ["wave", "position", "id"]

    def __str__(self) -> str:
        return self.text

    def text_in(self, language: str) -> str:
        """Return the statement in `language`, or in Dutch when it has no translation."""
        return self.translations.get(language) or self.text


class SurveyCode(models.Model):
    """A household's one-time code for one wave. Remembers that it was used, never when."""

    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="codes")
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="survey_codes")
    code = models.CharField(_("survey code"), max_length=12, unique=True)
    used = models.BooleanField(_("used"), default=False)

    class Meta:
        verbose_name = _("survey code")
        verbose_name_plural = _("survey codes")
        constraints = [
            models.UniqueConstraint(fields=["wave", "household"], name="survey_code_per_household")
        ]

    def __str__(self) -> str:
        return self.code


class SurveyResponse(models.Model):
    """One anonymous answer to a wave: no household, no code, no user, no time."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("paper")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    # The five CBS items on the 1–5 scale; empty when the item was skipped.
    item1 = models.PositiveSmallIntegerField(null=True, blank=True, choices=Agreement5.choices)
    item2 = models.PositiveSmallIntegerField(null=True, blank=True, choices=Agreement5.choices)
    item3 = models.PositiveSmallIntegerField(null=True, blank=True, choices=Agreement5.choices)
    item4 = models.PositiveSmallIntegerField(null=True, blank=True, choices=Agreement5.choices)
    item5 = models.PositiveSmallIntegerField(null=True, blank=True, choices=Agreement5.choices)
    known_by_name = models.CharField(max_length=8, blank=True, choices=KnownByName.choices)
    # {"<SurveyItem id>": 1..5} for the facilitator's own statements.
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(item1__gte=1, item1__lte=5) | models.Q(item1__isnull=True),
                name="survey_item1_on_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(item2__gte=1, item2__lte=5) | models.Q(item2__isnull=True),
                name="survey_item2_on_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(item3__gte=1, item3__lte=5) | models.Q(item3__isnull=True),
                name="survey_item3_on_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(item4__gte=1, item4__lte=5) | models.Q(item4__isnull=True),
                name="survey_item4_on_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(item5__gte=1, item5__lte=5) | models.Q(item5__isnull=True),
                name="survey_item5_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)
