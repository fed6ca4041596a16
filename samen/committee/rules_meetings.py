"""Who may read and edit the committee's meetings, decisions and tasks."""

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_committee_member,
    is_facilitator,
    is_housing_staff,
    is_organisation_admin,
)

can_edit_meetings = is_committee_member | is_facilitator | is_organisation_admin

if not rules.perm_exists("committee.edit_meetings"):
    rules.add_perm("committee.edit_meetings", can_edit_meetings)
if not rules.perm_exists("committee.view_meetings"):
    rules.add_perm("committee.view_meetings", has_any_role)
if not rules.perm_exists("committee.read_shared_minutes"):
    rules.add_perm("committee.read_shared_minutes", can_edit_meetings | is_housing_staff)
