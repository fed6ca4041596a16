"""Who may print what; predicates take (user, neighbourhood-or-object)."""

from typing import Any

import rules

from samen.neighbourhoods.rules import is_facilitator, is_organisation_admin
from samen.printing.registry import printables

is_worker = is_facilitator | is_organisation_admin


@rules.predicate
def may_print_something(user: Any, neighbourhood: Any) -> bool:
    """The user may start at least one printable kind on the printing page."""
    return any(
        user.has_perm(kind.perm, neighbourhood)
        for kind in printables.all()
        if kind.on_printing_page
    )


rules.add_perm("printing.print_postcards", is_worker)
# The printing page and its job pages: whoever may print one of its kinds.
rules.add_perm("printing.view_printables", may_print_something)
