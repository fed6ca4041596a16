"""Who may do what in the activities core (on top of the shared perms in rules.py)."""

import rules

from samen.activities.rules import can_organise
from samen.neighbourhoods.rules import is_resident

# Organisers see registrations with addresses, record attendance and print flyers.
if not rules.perm_exists("activities.manage_registrations"):
    rules.add_perm("activities.manage_registrations", can_organise)
if not rules.perm_exists("activities.register"):
    rules.add_perm("activities.register", is_resident)
