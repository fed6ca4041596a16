"""Demo data of the committee app: members and charter (if loaded), then the meetings."""

import importlib

from samen.core.demo import DemoContext


def load(ctx: DemoContext) -> None:
    """Load Kapelakker's committee: its members, charter and news, then four meetings."""
    # Meetings first, so the first charter versions can point at the meeting that adopted them.
    for part in ("demo_meetings", "demo_members"):
        try:
            module = importlib.import_module(f"samen.committee.{part}")
        except ModuleNotFoundError as error:
            if error.name != f"samen.committee.{part}":
                raise
            continue
        module.load(ctx)
