"""Demo data of the cohesion app: each part's `demo_<part>.py` in order (a part may be missing)."""

import importlib

from samen.core.demo import DemoContext

PARTS = ("demo_survey",)


def load(ctx: DemoContext) -> None:
    """Load Kapelakker's cohesion, part by part."""
    for part in PARTS:
        try:
            module = importlib.import_module(f"samen.cohesion.{part}")
        except ModuleNotFoundError as error:
            if error.name != f"samen.cohesion.{part}":
                raise
            continue
        module.load(ctx)
