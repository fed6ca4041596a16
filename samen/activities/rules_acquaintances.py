"""Who may record and see acquaintances (who met whom at an activity)."""

import rules

from samen.activities.rules import can_organise
from samen.neighbourhoods.rules import is_resident

# Residents confirm their own meetings; organisers record pairs from the sign-in list.
if not rules.perm_exists("activities.meet_neighbours"):
    rules.add_perm("activities.meet_neighbours", is_resident | can_organise)
if not rules.perm_exists("activities.record_acquaintances"):
    rules.add_perm("activities.record_acquaintances", can_organise)
