"""Listening switches on submitting contributions and volunteering in the exploration phase."""

from samen.trajectories.registry import phase_types

phase_types.extend(
    "exploration",
    {
        "submit": ("listening.Contribution",),
        "volunteer": ("listening.Volunteer",),
    },
)
# Volunteers are welcome in the follow-up too ("I want to help with…").
phase_types.extend("follow_up", {"volunteer": ("listening.Volunteer",)})
