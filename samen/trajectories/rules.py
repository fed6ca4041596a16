"""Permissions on trajectories, and predicates that ask the active phase."""

import contextlib
from typing import Any

import rules

from samen.neighbourhoods.rules import (
    has_any_role,
    is_facilitator,
    is_organisation_admin,
    neighbourhood_of,
)


def phase_allows(feature: str, model_label: str | None = None) -> rules.Predicate:
    """Make a predicate: a phase that runs today in the object's neighbourhood has `feature`.

    Apps use it in their own rules, e.g.
    `is_resident & phase_allows("submit", "listening.Contribution")`.
    The answer is cached on the user for the request, so many checks cost one query.
    """

    def check(user: Any, obj: Any = None) -> bool:
        from samen.trajectories.selectors import active_phase_types

        neighbourhood = neighbourhood_of(obj)
        if neighbourhood is None:
            return False
        cache = getattr(user, "_samen_phase_types", None)
        if cache is None:
            cache = {}
            with contextlib.suppress(AttributeError):
                user._samen_phase_types = cache
        if neighbourhood.pk not in cache:
            cache[neighbourhood.pk] = active_phase_types(neighbourhood=neighbourhood)
        return any(t.has_feature(feature, model_label) for t in cache[neighbourhood.pk])

    return rules.predicate(check, name=f"phase_allows:{feature}")


rules.add_perm("trajectories.view_trajectory", rules.always_allow)
rules.add_perm("trajectories.manage_trajectory", is_facilitator | is_organisation_admin)
rules.add_perm("trajectories.view_internal", has_any_role)
