"""Who may put things on a swap board and change them."""

from typing import Any

import rules

from samen.activities.rules import can_organise
from samen.neighbourhoods.rules import is_resident


@rules.predicate
def owns_swap_item(user: Any, item: Any) -> bool:
    """The user lives in the household that put this item on the board."""
    resident = getattr(user, "resident", None) if user.is_authenticated else None
    return (
        item is not None
        and resident is not None
        and resident.household_id == item.household_id
        and is_resident(user, item.activity.neighbourhood)
    )


@rules.predicate
def organises_swap_item(user: Any, item: Any) -> bool:
    """The user organises activities in the item's neighbourhood."""
    return item is not None and can_organise(user, item.activity.neighbourhood)


if not rules.perm_exists("activities.add_swap_item"):
    rules.add_perm("activities.add_swap_item", is_resident)
if not rules.perm_exists("activities.change_swap_item"):
    # Organisers may mark things as given too: at the swap they help people who have no phone.
    rules.add_perm("activities.change_swap_item", owns_swap_item | organises_swap_item)
