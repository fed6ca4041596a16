"""Who may do what with neighbourhood agreements (wijkafspraken).

- Everyone, also visitors, sees the list of agreements in force with the share of households
  that take part (no names): `/wijk/<slug>/afspraken/`.
- People with a role in the neighbourhood open an agreement in force; the community workers,
  organisation admins, committee members and housing staff see every agreement, drafts too.
- The committee works on the agreements with the community workers and admins: write, edit,
  translate, evaluate. Housing staff co-sign: they may move an agreement along its pipeline.
- Residents (a household) say “wij doen mee”.
"""

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_committee_member,
    is_facilitator,
    is_housing_staff,
    is_organisation_admin,
    is_resident,
)

is_worker = is_facilitator | is_organisation_admin
writes_agreements = is_worker | is_committee_member

rules.add_perm("agreements.view_agreement", has_any_role)
rules.add_perm("agreements.view_all_agreements", writes_agreements | is_housing_staff)
rules.add_perm("agreements.edit_agreement", writes_agreements)
rules.add_perm("agreements.change_agreement_status", writes_agreements | is_housing_staff)
rules.add_perm("agreements.evaluate_agreement", writes_agreements)
rules.add_perm("agreements.endorse_agreement", is_resident)
rules.add_perm("agreements.print_agreements", writes_agreements | is_housing_staff)
# The leaflet per household carries addresses: only the community workers print it.
rules.add_perm("agreements.print_agreement_leaflets", is_worker)

# The reports part declares its permissions in its own module.
from samen.agreements import rules_reports  # noqa: F401,E402
