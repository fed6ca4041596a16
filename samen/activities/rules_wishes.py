"""Who may moderate, show and keep the wishes of a wish wall (writing one is public)."""

import rules

from samen.activities.rules import can_organise
from samen.neighbourhoods.rules import is_resident

# The community worker and the committee check the wishes and run the screen at the drink.
if not rules.perm_exists("activities.moderate_wishes"):
    rules.add_perm("activities.moderate_wishes", can_organise)
# The keepsake booklet is for the people who live here and those who organised the drink.
if not rules.perm_exists("activities.read_wish_keepsake"):
    rules.add_perm("activities.read_wish_keepsake", can_organise | is_resident)
