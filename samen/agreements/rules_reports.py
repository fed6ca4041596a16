"""Who may do what with reports (meldingen).

Organisation admins of the housing company are housing staff too (their membership makes them
so, see docs/architecture.md), so `is_housing_staff` covers both.
"""

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_facilitator,
    is_housing_staff,
    is_resident,
)

# Residents report online; community workers type in a report on a resident's behalf.
rules.add_perm("agreements.add_report", is_resident | is_facilitator)
rules.add_perm("agreements.view_own_reports", is_resident)
# The queue and a report's page: the housing company, and the community workers who follow up.
rules.add_perm("agreements.view_reports", is_housing_staff | is_facilitator)
# Only the housing company moves a report along its pipeline or answers it.
rules.add_perm("agreements.move_report", is_housing_staff)
# Figures without names: every member of the neighbourhood.
rules.add_perm("agreements.view_report_aggregates", has_any_role)
