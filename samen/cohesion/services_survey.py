"""Writes of the survey: waves with a one-time code per household, extra statements, answers.

Anonymity is the point of `survey_response_submit`: it marks the code used and stores the
answer in one transaction, but the answer row carries nothing that points back (no code, no
household, no user, no time) and no audit event is written. See docs/cohesion.md for what a
database administrator could still learn and how we reduce it.
"""

import secrets
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Exists, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.accounts.models import User
from samen.cohesion.instrument import ITEM_FIELDS
from samen.cohesion.models import (
    Agreement5,
    KnownByName,
    SurveyCode,
    SurveyItem,
    SurveyResponse,
    SurveyWave,
)
from samen.core.idempotency import run_once
from samen.neighbourhoods.models import (
    JOIN_CODE_ALPHABET,
    Household,
    Neighbourhood,
    normalise_join_code,
)
from samen.trajectories.models import Phase

# The alphabet of the join codes (no 0/O, 1/I/L, 5/S, 2/Z): codes are read from paper.
SURVEY_CODE_ALPHABET = JOIN_CODE_ALPHABET
SURVEY_CODE_LENGTH = 8
EXTRA_ITEMS_MAX = 10
TRANSLATION_LANGUAGES = ("fr", "en")

ALREADY_USED = _(
    "With this code the survey has already been filled in. Every household answers once per survey."
)
NOT_OPEN = _("This survey is not open. You can answer from %(opens)s to %(closes)s.")
LOCKED = _(
    "Answers have come in already, so the statements can no longer change: "
    "otherwise the answers would not be comparable."
)


def new_survey_code() -> str:
    """Make a random survey code (8 characters of an unambiguous alphabet)."""
    return "".join(secrets.choice(SURVEY_CODE_ALPHABET) for _ in range(SURVEY_CODE_LENGTH))


def normalise_survey_code(raw: str) -> str:
    """Turn what a person typed (spaces, dash, lower case) into the stored form."""
    return normalise_join_code(raw or "")


def format_survey_code(code: str) -> str:
    """Show a survey code in two groups of four: ABCD-EFGH."""
    return f"{code[:4]}-{code[4:]}" if len(code) == SURVEY_CODE_LENGTH else code


def _free_codes(count: int) -> list[str]:
    """Return `count` fresh codes that no survey code uses yet (one query per round)."""
    codes: set[str] = set()
    while len(codes) < count:
        candidates = {new_survey_code() for _ in range(count - len(codes))} - codes
        taken = set(SurveyCode.objects.filter(code__in=candidates).values_list("code", flat=True))
        codes |= candidates - taken
    return list(codes)


def survey_codes_ensure(*, wave: SurveyWave, households: Iterable[Household] | None = None) -> int:
    """Give every household (of the neighbourhood, or the ones given) a code; return how many new."""
    if households is None:
        households = Household.objects.filter(neighbourhood_id=wave.neighbourhood_id)
    wanted = {h.pk for h in households}
    have = set(
        SurveyCode.objects.filter(wave=wave, household_id__in=wanted).values_list(
            "household_id", flat=True
        )
    )
    missing = sorted(wanted - have)
    if not missing:
        return 0
    for _attempt in range(3):
        try:
            with transaction.atomic():
                SurveyCode.objects.bulk_create(
                    SurveyCode(wave=wave, household_id=pk, code=code)
                    for pk, code in zip(missing, _free_codes(len(missing)), strict=True)
                )
            return len(missing)
        except IntegrityError:
            # A code taken in between, or a concurrent call gave a household its code: retry
            # with what is still missing.
            have = set(
                SurveyCode.objects.filter(wave=wave, household_id__in=missing).values_list(
                    "household_id", flat=True
                )
            )
            missing = [pk for pk in missing if pk not in have]
            if not missing:
                return 0
    raise IntegrityError("Could not hand out survey codes.")


def survey_code_for(*, household: Household, wave: SurveyWave) -> SurveyCode:
    """Return the household's code for the wave, making one when it has none yet."""
    if household.neighbourhood_id != wave.neighbourhood_id:
        raise ValidationError(_("This household does not live in this neighbourhood."))
    code = SurveyCode.objects.filter(wave=wave, household=household).first()
    if code is None:
        survey_codes_ensure(wave=wave, households=[household])
        code = SurveyCode.objects.get(wave=wave, household=household)
    return code


def wave_create(
    *,
    neighbourhood: Neighbourhood,
    title: str,
    kind: str,
    opens_on: date,
    closes_on: date,
    phase: Phase | None = None,
    actor: User | None = None,
    idempotency_key: str | None = None,
) -> SurveyWave:
    """Plan a survey wave and give every household of the neighbourhood its one-time code."""
    if opens_on and closes_on and closes_on < opens_on:
        raise ValidationError(
            {"closes_on": _("The survey must close on or after the day it opens.")}
        )
    if phase is not None and phase.trajectory.neighbourhood_id != neighbourhood.pk:
        raise ValidationError({"phase": _("Choose a phase of this neighbourhood.")})

    def create() -> SurveyWave:
        wave = SurveyWave(
            neighbourhood=neighbourhood,
            title=title.strip(),
            kind=kind,
            opens_on=opens_on,
            closes_on=closes_on,
            phase=phase,
            created_by=actor,
        )
        wave.full_clean(exclude=["created_by"])
        wave.save()
        survey_codes_ensure(wave=wave)
        return wave

    wave, _created = run_once(
        key=idempotency_key,
        scope=f"survey_wave_create:{neighbourhood.pk}",
        model=SurveyWave,
        create=create,
    )
    return wave


def _refuse_when_locked(wave: SurveyWave) -> None:
    if SurveyResponse.objects.filter(wave=wave).exists():
        raise ValidationError(LOCKED, code="locked")


def survey_item_add(
    *,
    wave: SurveyWave,
    text: str,
    translations: dict[str, str] | None = None,
    idempotency_key: str | None = None,
) -> SurveyItem:
    """Add an extra statement of the facilitator's own, as long as no answer came in."""

    def create() -> SurveyItem:
        with transaction.atomic():
            locked_wave = SurveyWave.objects.select_for_update().get(pk=wave.pk)
            _refuse_when_locked(locked_wave)
            existing = list(SurveyItem.objects.filter(wave=wave).values_list("position", flat=True))
            if len(existing) >= EXTRA_ITEMS_MAX:
                raise ValidationError(
                    _("A survey has at most %(max)d extra statements."),
                    params={"max": EXTRA_ITEMS_MAX},
                )
            item = SurveyItem(
                wave=wave,
                text=text.strip(),
                translations={
                    lang: value.strip()
                    for lang, value in (translations or {}).items()
                    if lang in TRANSLATION_LANGUAGES and value and value.strip()
                },
                position=max(existing, default=0) + 1,
            )
            item.full_clean()
            item.save()
            return item

    item, _created = run_once(
        key=idempotency_key, scope=f"survey_item_add:{wave.pk}", model=SurveyItem, create=create
    )
    return item


@transaction.atomic
def survey_item_remove(*, item: SurveyItem) -> None:
    """Remove an extra statement, as long as no answer came in."""
    SurveyWave.objects.select_for_update().get(pk=item.wave_id)
    _refuse_when_locked(item.wave)
    item.delete()


def _clean_answers(wave: SurveyWave, answers: dict[str, Any]) -> dict[str, Any]:
    """Check the answers: 1–5 or empty per item, a known band or empty, extras of this wave."""
    scale = set(Agreement5.values)
    cleaned: dict[str, Any] = {}
    for field in ITEM_FIELDS:
        value = answers.get(field)
        if value in (None, ""):
            cleaned[field] = None
        elif isinstance(value, int) and value in scale:
            cleaned[field] = value
        else:
            raise ValidationError({field: _("Choose one of the answers.")})
    known = answers.get("known_by_name") or ""
    if known not in set(KnownByName.values) | {""}:
        raise ValidationError({"known_by_name": _("Choose one of the answers.")})
    cleaned["known_by_name"] = known
    item_ids = {str(pk) for pk in SurveyItem.objects.filter(wave=wave).values_list("pk", flat=True)}
    extra: dict[str, int] = {}
    for key, value in (answers.get("extra") or {}).items():
        if str(key) not in item_ids:
            raise ValidationError(_("This statement is not part of this survey."))
        if value in (None, ""):
            continue
        if not isinstance(value, int) or value not in scale:
            raise ValidationError(_("Choose one of the answers."))
        extra[str(key)] = value
    cleaned["extra"] = extra
    return cleaned


def survey_response_submit(*, code: SurveyCode, answers: dict[str, Any], channel: str) -> None:
    """Use a household's one-time code and store its answers anonymously (once per household).

    Refuses a used code and a wave that is not open today. The response stores nothing that
    points to the code, the household, the person or the moment.
    """
    if channel not in SurveyResponse.Channel.values:
        raise ValidationError(_("Unknown channel."))
    with transaction.atomic():
        locked = (
            SurveyCode.objects.select_for_update().select_related("wave").filter(pk=code.pk).first()
        )
        if locked is None:
            raise ValidationError(_("We do not know this code."), code="unknown")
        wave = locked.wave
        today = timezone.localdate()
        if not wave.is_open_on(today):
            raise ValidationError(
                NOT_OPEN,
                code="not_open",
                params={
                    "opens": f"{wave.opens_on:%d-%m-%Y}",
                    "closes": f"{wave.closes_on:%d-%m-%Y}",
                },
            )
        if locked.used:
            raise ValidationError(ALREADY_USED, code="used")
        cleaned = _clean_answers(wave, answers)
        # One UPDATE over every code of the wave turns this code's flag and rewrites the others
        # unchanged. Why all of them: on PostgreSQL every code then carries this transaction's
        # id (xmin) and a new row version written in scan order, so the used code does not
        # stand out next to the new answer. Why conditional: it is the guard on every database
        # (SQLite ignores FOR UPDATE): of two racing submits only one finds the code unused.
        unused = SurveyCode.objects.filter(pk=locked.pk, used=False)
        changed = (
            SurveyCode.objects.filter(wave=wave)
            .filter(Exists(unused))
            .update(used=Case(When(pk=locked.pk, then=Value(True)), default=F("used")))
        )
        if not changed:
            raise ValidationError(ALREADY_USED, code="used")
        response = SurveyResponse(wave=wave, channel=channel, **cleaned)
        response.full_clean()
        response.save(force_insert=True)


def questionnaires_print_start(
    *,
    wave: SurveyWave,
    only: str | list[int],
    actor: User | None,
    idempotency_key: str | None = None,
) -> Any:
    """Hand out the missing codes, then start the print job of the paper questionnaires."""
    from samen.cohesion.printables import QUESTIONNAIRE_KIND
    from samen.printing.services import print_job_start

    households = Household.objects.filter(neighbourhood_id=wave.neighbourhood_id)
    if only != "all":
        households = households.filter(pk__in=list(only))
        if not households.exists():
            raise ValidationError(_("Choose a household of this neighbourhood."))
    survey_codes_ensure(wave=wave, households=households)
    return print_job_start(
        neighbourhood=wave.neighbourhood,
        kind=QUESTIONNAIRE_KIND,
        params={"wave": wave.pk, "only": only},
        actor=actor,
        idempotency_key=idempotency_key,
    )
