"""Writes of getting to know each other: meeting codes, acquaintance pairs, "I met N"."""

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samen.activities.models import Acquaintance, Activity, MeetingCode, NewNeighboursCount
from samen.neighbourhoods.models import Household

# No 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B: a code read aloud or typed from a phone screen is
# typed right the first time.
MEETING_CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
MEETING_CODE_LENGTH = 6
NEW_NEIGHBOURS_MAX = 50


def normalise_meeting_code(text: str) -> str:
    """Return the typed code in capitals without spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def meeting_code_of(*, household: Household) -> MeetingCode:
    """Return the household's meeting code, making one the first time (unique, 6 characters)."""
    existing = MeetingCode.objects.filter(household=household).first()
    if existing is not None:
        return existing
    for _attempt in range(10):
        code = "".join(secrets.choice(MEETING_CODE_ALPHABET) for _i in range(MEETING_CODE_LENGTH))
        try:
            with transaction.atomic():
                return MeetingCode.objects.create(household=household, code=code)
        except IntegrityError:
            # Either the code is taken (try another) or a parallel request made this
            # household's code (use it).
            existing = MeetingCode.objects.filter(household=household).first()
            if existing is not None:
                return existing
    raise RuntimeError("No free meeting code found.")


def acquaintance_record(
    *,
    activity: Activity,
    household_a: Household,
    household_b: Household,
    source: str,
    recorded_by: Any,
) -> tuple[Acquaintance, bool]:
    """Store that two households met at this activity (once per pair); return it and if new."""
    if household_a.pk == household_b.pk:
        raise ValidationError(_("Choose two different households."), code="same")
    if {household_a.neighbourhood_id, household_b.neighbourhood_id} != {activity.neighbourhood_id}:
        raise ValidationError(_("Both households must live in this neighbourhood."), code="foreign")
    low, high = sorted((household_a, household_b), key=lambda h: h.pk)
    existing = Acquaintance.objects.filter(household_low=low, household_high=high).first()
    if existing is not None:
        return existing, False
    acquaintance = Acquaintance(
        neighbourhood_id=activity.neighbourhood_id,
        activity=activity,
        household_low=low,
        household_high=high,
        source=source,
        recorded_by=recorded_by if getattr(recorded_by, "is_authenticated", False) else None,
    )
    acquaintance.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            acquaintance.save()
    except IntegrityError:
        # Both households confirmed at the same moment: the first record stands.
        return Acquaintance.objects.get(household_low=low, household_high=high), False
    return acquaintance, True


def acquaintance_by_code(
    *, activity: Activity, household: Household, code: str, recorded_by: Any
) -> tuple[Acquaintance, bool]:
    """Record a meeting confirmed with the other household's meeting code."""
    typed = normalise_meeting_code(code)
    found = (
        MeetingCode.objects.select_related("household").filter(code=typed).first()
        if typed
        else None
    )
    if found is None:
        raise ValidationError(
            _("We do not know this code. Check the letters and try again."), code="unknown"
        )
    if found.household_id == household.pk:
        raise ValidationError(
            _("This is your own code. Type the code of the neighbour you met."), code="own"
        )
    if found.household.neighbourhood_id != activity.neighbourhood_id:
        raise ValidationError(
            _("This code belongs to a household of another neighbourhood."), code="foreign"
        )
    return acquaintance_record(
        activity=activity,
        household_a=household,
        household_b=found.household,
        source=Acquaintance.Source.CODE,
        recorded_by=recorded_by,
    )


@transaction.atomic
def new_neighbours_set(
    *, activity: Activity, household: Household, count: int
) -> NewNeighboursCount:
    """Store (or change) how many new neighbours the household met at this activity."""
    if not 0 <= count <= NEW_NEIGHBOURS_MAX:
        raise ValidationError(
            _("Fill in a number from 0 to %(max)s.") % {"max": NEW_NEIGHBOURS_MAX}, code="range"
        )
    if household.neighbourhood_id != activity.neighbourhood_id:
        raise ValidationError(_("Both households must live in this neighbourhood."))
    record, _created = NewNeighboursCount.objects.update_or_create(
        activity=activity, household=household, defaults={"count": count}
    )
    return record
