"""Activities live in the follow-up phase's track "connecting activities".

Registration, voting and wishes are not switched by the phase but by the activity's own dates
(registration until it starts, voting inside its window), so an activity planned outside a
trajectory works too; see docs/decisions.md.
"""

from samen.trajectories.registry import phase_types

phase_types.extend("follow_up", {"activities": ("activities.Activity",)})
