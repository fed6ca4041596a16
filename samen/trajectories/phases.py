"""The phase types of the two-phase trajectory; feature apps extend them in their phases.py."""

from django.utils.translation import gettext_lazy as _

from samen.trajectories.registry import PhaseType, phase_types

EXPLORATION = phase_types.register(
    PhaseType(
        key="exploration",
        name=_("Exploration"),
        description=_(
            "We listen to all residents: what do you like, what can be better, "
            "what do you want to do yourself?"
        ),
        features={"feedback": ("trajectories.Phase",)},
    )
)
FOLLOW_UP = phase_types.register(
    PhaseType(
        key="follow_up",
        name=_("Follow-up"),
        description=_(
            "We do things together: activities where neighbours meet, and a stronger "
            "neighbourhood committee."
        ),
        features={"activities": ("trajectories.Track",), "committee": ("trajectories.Track",)},
    )
)
