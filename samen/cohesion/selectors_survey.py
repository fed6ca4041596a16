"""Reads of the survey: waves with their counts, codes, the open wave of a resident.

No query here joins the answers (`SurveyResponse`) with the codes or the households: counts
of answers and counts of used codes are taken in separate queries, so that not even a query
plan puts the two side by side.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from samen.cohesion.models import SurveyCode, SurveyItem, SurveyResponse, SurveyWave
from samen.neighbourhoods.models import Household, Neighbourhood, Resident
from samen.neighbourhoods.selectors import resident_in
from samen.trajectories.models import Phase

STATUS_NOT_YET = "not_yet"
STATUS_OPEN = "open"
STATUS_CLOSED = "closed"


def wave_status(wave: SurveyWave, today: date | None = None) -> str:
    """Return "not_yet", "open" or "closed" for a wave on `today`."""
    today = today or timezone.localdate()
    if today < wave.opens_on:
        return STATUS_NOT_YET
    if today > wave.closes_on:
        return STATUS_CLOSED
    return STATUS_OPEN


@dataclass
class WaveRow:
    """A wave with its counts, for the wave list and the wave page."""

    wave: SurveyWave
    status: str
    answers: int
    codes_used: int
    households: int

    @property
    def share(self) -> int | None:
        """Return the share of households that answered, in percent (None without households)."""
        if not self.households:
            return None
        return round(100 * self.codes_used / self.households)


def _answer_counts(waves: list[SurveyWave]) -> dict[int, int]:
    rows = (
        SurveyResponse.objects.filter(wave__in=[w.pk for w in waves])
        .values("wave_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["wave_id"]: row["n"] for row in rows}


def _used_counts(waves: list[SurveyWave]) -> dict[int, int]:
    rows = (
        SurveyCode.objects.filter(wave__in=[w.pk for w in waves], used=True)
        .values("wave_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["wave_id"]: row["n"] for row in rows}


def _rows(neighbourhood: Neighbourhood, waves: list[SurveyWave]) -> list[WaveRow]:
    if not waves:
        return []
    today = timezone.localdate()
    answers = _answer_counts(waves)
    used = _used_counts(waves)
    households = Household.objects.filter(neighbourhood=neighbourhood).count()
    return [
        WaveRow(
            wave=wave,
            status=wave_status(wave, today),
            answers=answers.get(wave.pk, 0),
            codes_used=used.get(wave.pk, 0),
            households=households,
        )
        for wave in waves
    ]


def waves_of(*, neighbourhood: Neighbourhood) -> list[WaveRow]:
    """Return the neighbourhood's waves, oldest first, with answer and household counts."""
    waves = list(
        SurveyWave.objects.filter(neighbourhood=neighbourhood)
        .select_related("phase", "neighbourhood")
        .order_by("opens_on", "id")
    )
    return _rows(neighbourhood, waves)


def wave_of(*, neighbourhood: Neighbourhood, pk: int) -> SurveyWave | None:
    """Return one wave of the neighbourhood (with its phase), or None."""
    return (
        SurveyWave.objects.filter(neighbourhood=neighbourhood, pk=pk)
        .select_related("phase", "neighbourhood")
        .first()
    )


def wave_row(*, wave: SurveyWave) -> WaveRow:
    """Return one wave with its counts."""
    return _rows(wave.neighbourhood, [wave])[0]


def wave_is_locked(*, wave: SurveyWave) -> bool:
    """Tell whether answers came in (then the statements may no longer change)."""
    return SurveyResponse.objects.filter(wave=wave).exists()


def extra_items_of(*, wave: SurveyWave) -> list[SurveyItem]:
    """Return the facilitator's extra statements of a wave, in order."""
    return list(SurveyItem.objects.filter(wave=wave).order_by("position", "id"))


def phases_of(*, neighbourhood: Neighbourhood) -> QuerySet[Phase]:
    """Return the phases of the neighbourhood's trajectories (to link a wave to)."""
    return (
        Phase.objects.filter(trajectory__neighbourhood=neighbourhood)
        .select_related("trajectory")
        .order_by("starts_on", "id")
    )


def households_of(*, neighbourhood: Neighbourhood) -> QuerySet[Household]:
    """Return the neighbourhood's households in walking order."""
    return Household.objects.filter(neighbourhood=neighbourhood).order_by(
        "street", "number_sort", "number", "box", "pk"
    )


def survey_code_by_text(*, code: str) -> SurveyCode | None:
    """Return the survey code with this (normalised) text, with its wave, or None."""
    if not code:
        return None
    return (
        SurveyCode.objects.filter(code=code).select_related("wave", "wave__neighbourhood").first()
    )


def survey_code_by_id(*, pk: Any) -> SurveyCode | None:
    """Return a survey code by id (kept in the session between the two steps), or None."""
    if not isinstance(pk, int):
        return None
    return SurveyCode.objects.filter(pk=pk).select_related("wave", "wave__neighbourhood").first()


def household_code_used(*, household: Household, wave: SurveyWave) -> bool:
    """Tell whether the household already answered this wave."""
    return SurveyCode.objects.filter(wave=wave, household=household, used=True).exists()


def open_wave_for_resident(
    *, user: Any, neighbourhood: Neighbourhood, resident: Resident | None = None
) -> SurveyWave | None:
    """Return the wave the resident's household can still answer today, or None.

    Pass `resident` when the page already looked it up, to save a query.
    """
    if resident is None:
        resident = resident_in(user=user, neighbourhood=neighbourhood)
    if resident is None:
        return None
    today = timezone.localdate()
    used = SurveyCode.objects.filter(
        wave=OuterRef("pk"), household_id=resident.household_id, used=True
    )
    return (
        SurveyWave.objects.filter(
            neighbourhood=neighbourhood, opens_on__lte=today, closes_on__gte=today
        )
        .filter(~Exists(used))
        .select_related("neighbourhood")
        .order_by("closes_on", "id")
        .first()
    )
