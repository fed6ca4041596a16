"""Who may see the cohesion figures and run the survey; parts add perms in rules_<part>.py.

No rule anywhere lets anyone see one person's answer: pages only show figures over five or
more answers or households.
"""

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_facilitator,
    is_housing_staff,
    is_organisation_admin,
    is_resident,
)

rules.add_perm("cohesion.view_figures", has_any_role)
rules.add_perm("cohesion.run_survey", is_facilitator | is_organisation_admin)
rules.add_perm("cohesion.answer_survey", is_resident)
rules.add_perm(
    "cohesion.view_effect_report", is_facilitator | is_housing_staff | is_organisation_admin
)
