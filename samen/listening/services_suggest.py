"""Writes about theme suggestions: start a run, run it (a background task), accept or reject."""

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.core.idempotency import run_once
from samen.listening.models import Contribution, SuggestionRun, Theme, ThemeSuggestion
from samen.listening.services import contributions_assign, theme_create
from samen.listening.text import suggest_themes
from samen.neighbourhoods.models import Neighbourhood

logger = logging.getLogger(__name__)

RunStatus = SuggestionRun.Status
SuggestionStatus = ThemeSuggestion.Status

# The pipelines (after django-oscar): a service refuses any move that is not listed.
RUN_ALLOWED: dict[str, set[str]] = {
    RunStatus.QUEUED: {RunStatus.RUNNING},
    RunStatus.RUNNING: {RunStatus.DONE, RunStatus.FAILED},
}
SUGGESTION_ALLOWED: dict[str, set[str]] = {
    SuggestionStatus.OPEN: {SuggestionStatus.ACCEPTED, SuggestionStatus.REJECTED},
}


def suggestion_run_start(
    *, neighbourhood: Neighbourhood, actor: User | None, idempotency_key: str | None = None
) -> SuggestionRun:
    """Queue a suggestion run; a run that is still waiting or running is returned instead."""
    from samen.listening.tasks import run_theme_suggestions

    def create() -> SuggestionRun:
        busy = (
            SuggestionRun.objects.select_for_update(of=("self",))
            .filter(neighbourhood=neighbourhood, status__in=[RunStatus.QUEUED, RunStatus.RUNNING])
            .order_by("-id")
            .first()
        )
        if busy is not None:
            return busy
        run = SuggestionRun(neighbourhood=neighbourhood, requested_by=actor)
        run.full_clean(exclude=["requested_by"])
        run.save()
        pk = run.pk
        # Queue only once the run is committed, or a worker may not find it yet.
        transaction.on_commit(lambda: run_theme_suggestions.enqueue(pk))
        return run

    run, _created = run_once(
        key=idempotency_key,
        scope=f"suggestion_run_start:{neighbourhood.pk}",
        model=SuggestionRun,
        create=create,
    )
    return run


def _move(run_id: int, *, source: str, target: str, **fields: Any) -> bool:
    """Change a run's status if it is still `source`; refuse moves outside the pipeline."""
    if target not in RUN_ALLOWED.get(source, set()):
        raise ValueError(f"A suggestion run cannot go from {source} to {target}.")
    now = timezone.now()
    if target in {RunStatus.DONE, RunStatus.FAILED}:
        fields["finished_at"] = now
    return bool(
        SuggestionRun.objects.filter(pk=run_id, status=source).update(
            status=target, updated_at=now, **fields
        )
    )


def suggestion_run_execute(*, run_id: int) -> SuggestionRun:
    """Suggest themes for the contributions without a theme and store them; end DONE or FAILED."""
    # QUEUED → RUNNING in one statement, so a task delivered twice runs once.
    if not _move(run_id, source=RunStatus.QUEUED, target=RunStatus.RUNNING):
        logger.info("Suggestion run %s is not queued; nothing to do.", run_id)
        return SuggestionRun.objects.get(pk=run_id)
    run = SuggestionRun.objects.get(pk=run_id)
    try:
        documents = list(
            Contribution.objects.filter(
                neighbourhood_id=run.neighbourhood_id,
                status=Contribution.Status.NEW,
                theme__isnull=True,
            )
            .order_by("id")
            .values_list("id", "text", "language")
        )
        # Written at once (outside the long work), so the page shows what is being looked at.
        SuggestionRun.objects.filter(pk=run_id).update(
            contribution_count=len(documents), updated_at=timezone.now()
        )
        result = suggest_themes(
            [(pk, text, language or None) for pk, text, language in documents], seed=0
        )
        with transaction.atomic():
            ThemeSuggestion.objects.bulk_create(
                ThemeSuggestion(
                    run_id=run_id,
                    label=suggestion.label,
                    top_words=suggestion.top_words,
                    quote_ids=suggestion.quote_ids,
                    contribution_ids=suggestion.member_ids,
                    position=position,
                )
                for position, suggestion in enumerate(result.suggestions)
            )
            _move(
                run_id,
                source=RunStatus.RUNNING,
                target=RunStatus.DONE,
                left_out=[[pk, reason] for pk, reason in result.left_out],
            )
    except Exception as error:
        logger.exception("Suggestion run %s failed.", run_id)
        _move(
            run_id,
            source=RunStatus.RUNNING,
            target=RunStatus.FAILED,
            message=f"{type(error).__name__}: {error}"[:300],
        )
    return SuggestionRun.objects.get(pk=run_id)


def _locked(suggestion: ThemeSuggestion) -> ThemeSuggestion:
    return (
        ThemeSuggestion.objects.select_for_update(of=("self",))
        .select_related("run__neighbourhood", "theme")
        .get(pk=suggestion.pk)
    )


def _refuse(suggestion: ThemeSuggestion) -> ValidationError:
    return ValidationError(
        _("This suggestion is %(status)s already."),
        code="invalid_status",
        params={"status": suggestion.get_status_display()},
    )


def suggestion_accept(*, suggestion: ThemeSuggestion, title: str, actor: User) -> Theme:
    """Make the theme (or use the one with this title) and put the suggestion's free input in it."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the theme a name.")})
    with transaction.atomic():
        suggestion = _locked(suggestion)
        neighbourhood = suggestion.run.neighbourhood
        if suggestion.status == SuggestionStatus.ACCEPTED and suggestion.theme is not None:
            return suggestion.theme  # a double submit: accepted the first time
        if SuggestionStatus.ACCEPTED not in SUGGESTION_ALLOWED.get(suggestion.status, set()):
            raise _refuse(suggestion)
        theme = Theme.objects.filter(neighbourhood=neighbourhood, title=title).first()
        if theme is None:
            theme = theme_create(neighbourhood=neighbourhood, title=title, actor=actor)
        # Only what is still without a theme: the worker may have sorted some by hand meanwhile.
        free = Contribution.objects.filter(
            neighbourhood=neighbourhood, pk__in=suggestion.contribution_ids, theme__isnull=True
        ).values_list("id", flat=True)
        contributions_assign(neighbourhood=neighbourhood, contribution_ids=list(free), theme=theme)
        suggestion.status = SuggestionStatus.ACCEPTED
        suggestion.theme = theme
        suggestion.full_clean()
        suggestion.save(update_fields=["status", "theme"])
    return theme


def suggestion_reject(*, suggestion: ThemeSuggestion, actor: User) -> ThemeSuggestion:
    """Set a suggestion aside; its contributions stay as they are."""
    with transaction.atomic():
        suggestion = _locked(suggestion)
        if suggestion.status == SuggestionStatus.REJECTED:
            return suggestion
        if SuggestionStatus.REJECTED not in SUGGESTION_ALLOWED.get(suggestion.status, set()):
            raise _refuse(suggestion)
        suggestion.status = SuggestionStatus.REJECTED
        suggestion.full_clean()
        suggestion.save(update_fields=["status"])
    return suggestion
