"""Demo data of the activities app: each part's `demo_<part>.py` in order (a part may be missing)."""

import importlib

from samen.core.demo import DemoContext

PARTS = ("demo_activities", "demo_swap", "demo_contest", "demo_wishes", "demo_acquaintances")


def load(ctx: DemoContext) -> None:
    """Load Kapelakker's activities, part by part."""
    for part in PARTS:
        try:
            module = importlib.import_module(f"samen.activities.{part}")
        except ModuleNotFoundError as error:
            if error.name != f"samen.activities.{part}":
                raise
            continue
        module.load(ctx)
