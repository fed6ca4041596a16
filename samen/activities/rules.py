"""Who may see and organise activities; each part's rules_<part>.py adds its own perms."""

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_committee_member,
    is_facilitator,
    is_organisation_admin,
    is_resident,
)

# The community worker and the committee organise activities together.
can_organise = is_facilitator | is_committee_member | is_organisation_admin

rules.add_perm("activities.view_activities", has_any_role)
rules.add_perm("activities.organise", can_organise)
rules.add_perm("activities.take_part", is_resident)
