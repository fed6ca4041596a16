"""Demo data of the activities app, part by part: later parts read what earlier ones made."""

from samen.activities import (
    demo_acquaintances,
    demo_activities,
    demo_contest,
    demo_swap,
    demo_wishes,
)
from samen.core.demo import DemoContext

PARTS = (demo_activities, demo_swap, demo_contest, demo_wishes, demo_acquaintances)


def load(ctx: DemoContext) -> None:
    """Load Kapelakker's activities: the plant swap, the pet contest, the winter drink."""
    for part in PARTS:
        part.load(ctx)
