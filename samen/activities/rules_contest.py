"""Who may enter, vote in and moderate a contest; the vote rule is spelled out as predicates."""

from typing import Any

import rules

from samen.activities.models import Moderation, Vote
from samen.activities.rules import can_organise
from samen.activities.selectors_contest import contest_takes_entries
from samen.neighbourhoods.rules import is_resident


def _household_id(user: Any) -> int | None:
    resident = getattr(user, "resident", None) if user.is_authenticated else None
    return resident.household_id if resident is not None else None


@rules.predicate
def is_resident_of_entry(user: Any, entry: Any) -> bool:
    """The user lives in the entry's neighbourhood."""
    return entry is not None and is_resident(user, entry.activity.neighbourhood)


@rules.predicate
def voting_is_open(user: Any, entry: Any) -> bool:
    """The entry's contest is inside its voting window now."""
    return entry is not None and entry.activity.voting_state() == "open"


@rules.predicate
def entry_is_approved(user: Any, entry: Any) -> bool:
    """The entry was checked and is shown."""
    return entry is not None and entry.status == Moderation.APPROVED


@rules.predicate
def is_own_entry(user: Any, entry: Any) -> bool:
    """The entry is the user's own household's."""
    household_id = _household_id(user)
    return entry is not None and household_id is not None and entry.household_id == household_id


@rules.predicate
def household_has_voted(user: Any, entry: Any) -> bool:
    """The user's household already voted in the entry's contest."""
    household_id = _household_id(user)
    if entry is None or household_id is None:
        return False
    return Vote.objects.filter(activity_id=entry.activity_id, household_id=household_id).exists()


@rules.predicate
def takes_entries(user: Any, activity: Any) -> bool:
    """The contest still takes entries: until voting opens (or, without a window, until it starts)."""
    return (
        activity is not None
        and activity.kind == activity.Kind.CONTEST
        and contest_takes_entries(activity)
    )


@rules.predicate
def is_resident_of_contest(user: Any, activity: Any) -> bool:
    """The user lives in the contest's neighbourhood."""
    return activity is not None and is_resident(user, activity.neighbourhood)


@rules.predicate
def organises_contest(user: Any, activity: Any) -> bool:
    """The user organises activities in the contest's neighbourhood."""
    return activity is not None and can_organise(user, activity.neighbourhood)


can_vote = (
    is_resident_of_entry & voting_is_open & entry_is_approved & ~is_own_entry & ~household_has_voted
)

if not rules.perm_exists("activities.vote"):
    rules.add_perm("activities.vote", can_vote)
if not rules.perm_exists("activities.enter_contest"):
    rules.add_perm("activities.enter_contest", is_resident_of_contest & takes_entries)
if not rules.perm_exists("activities.moderate_contest"):
    rules.add_perm("activities.moderate_contest", organises_contest)
