"""Who may do what with contributions, themes, volunteers and the feedback."""

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_facilitator,
    is_housing_staff,
    is_organisation_admin,
    is_resident,
)
from samen.trajectories.rules import phase_allows

is_worker = is_facilitator | is_organisation_admin

# Residents give input online while a phase that allows it runs; workers enter paper any time.
rules.add_perm(
    "listening.submit_online", is_resident & phase_allows("submit", "listening.Contribution")
)
rules.add_perm("listening.view_own", is_resident)
# Offers to help are welcome in every phase, also after the trajectory.
rules.add_perm("listening.volunteer", is_resident)
rules.add_perm("listening.enter_paper", is_worker)
rules.add_perm("listening.use_stand", is_worker)
rules.add_perm("listening.view_contributions", is_worker)
rules.add_perm("listening.manage_themes", is_worker)
rules.add_perm("listening.view_reach", is_worker)
rules.add_perm("listening.view_volunteers", is_worker)
rules.add_perm("listening.export", is_worker)
rules.add_perm("listening.view_report", is_worker | is_housing_staff)
rules.add_perm("listening.write_conclusion", is_worker)
rules.add_perm("listening.answer_theme", is_housing_staff | is_worker)
rules.add_perm("listening.view_you_said", has_any_role)
