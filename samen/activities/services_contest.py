"""Writes of a contest: enter a pet, vote for one, check entries before they are shown."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.activities.models import Activity, ContestEntry, Moderation, Vote
from samen.activities.selectors_contest import contest_takes_entries
from samen.core.idempotency import run_once
from samen.core.images import clean_photo_field
from samen.neighbourhoods.models import Household


class AlreadyEntered(ValidationError):
    """The household already has an entry in this contest."""


def contest_entry_create(
    *,
    activity: Activity,
    household: Household,
    title: str,
    text: str,
    photo: UploadedFile,
    actor: User | None = None,
    idempotency_key: str | None = None,
) -> ContestEntry:
    """Enter a household's pet; it waits for a check; a retry stores it once."""
    if activity.kind != Activity.Kind.CONTEST or household.neighbourhood_id != (
        activity.neighbourhood_id
    ):
        raise ValidationError(_("You cannot take part in this contest."))
    if not contest_takes_entries(activity):
        raise ValidationError(_("You can no longer take part: voting has started."))
    clean_photo = clean_photo_field(photo)

    def create() -> ContestEntry:
        entry = ContestEntry(
            activity=activity,
            household=household,
            title=title.strip(),
            text=text.strip(),
            status=Moderation.PENDING,
            created_by=actor,
        )
        entry.photo = clean_photo
        # The unique constraint is checked by the database (below), not twice here.
        entry.full_clean(validate_constraints=False)
        entry.save()
        return entry

    try:
        entry, _created = run_once(
            key=idempotency_key, scope="contest_entry_create", model=ContestEntry, create=create
        )
    except IntegrityError as error:
        raise AlreadyEntered(_("Your household already takes part in this contest.")) from error
    return entry


def contest_vote(*, entry: ContestEntry, household: Household, actor: User | None = None) -> Vote:
    """Cast a household's one vote for an entry, or refuse with the reason."""
    activity = entry.activity
    if household.neighbourhood_id != activity.neighbourhood_id:
        raise ValidationError(_("Only households of this neighbourhood can vote."))
    state = activity.voting_state()
    if state == "not_yet":
        raise ValidationError(_("Voting has not started yet."))
    if state != "open":
        raise ValidationError(_("Voting is closed."))
    if entry.status != Moderation.APPROVED:
        raise ValidationError(_("You cannot vote for this entry."))
    if entry.household_id == household.pk:
        raise ValidationError(_("You cannot vote for your own pet."))
    try:
        with transaction.atomic():
            return Vote.objects.create(
                activity=activity, entry=entry, household=household, cast_by=actor
            )
    except IntegrityError as error:
        # Two taps at once, or a second person of the household: the constraint decides.
        raise ValidationError(_("Your household has already voted.")) from error


def contest_entry_moderate(*, entry: ContestEntry, status: str, actor: User) -> ContestEntry:
    """Show an entry (approve) or keep it hidden (reject); a choice can be changed later."""
    if status not in (Moderation.APPROVED, Moderation.REJECTED):
        raise ValidationError(_("Choose to show or not to show the entry."))
    with transaction.atomic():
        entry = ContestEntry.objects.select_for_update().get(pk=entry.pk)
        entry.status = status
        entry.moderated_by = actor
        entry.moderated_at = timezone.now()
        entry.save(update_fields=["status", "moderated_by", "moderated_at", "updated_at"])
    return entry
