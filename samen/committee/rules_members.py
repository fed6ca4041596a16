"""Who may read and edit the committee's members, roles, charter, news and questions."""

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_committee_member,
    is_facilitator,
    is_organisation_admin,
    is_resident,
)

can_edit_committee = is_committee_member | is_facilitator | is_organisation_admin

if not rules.perm_exists("committee.view_committee"):
    rules.add_perm("committee.view_committee", has_any_role)
if not rules.perm_exists("committee.edit_committee"):
    rules.add_perm("committee.edit_committee", can_edit_committee)
if not rules.perm_exists("committee.view_questions"):
    rules.add_perm("committee.view_questions", can_edit_committee | is_resident)
if not rules.perm_exists("committee.ask_question"):
    rules.add_perm("committee.ask_question", is_resident)
