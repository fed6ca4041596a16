"""Demo data of the cohesion app: survey waves in Kapelakker and two smaller neighbourhoods."""

from samen.cohesion import demo_survey
from samen.core.demo import DemoContext


def load(ctx: DemoContext) -> None:
    """Load the survey waves and answers (the figures are computed from them)."""
    demo_survey.load(ctx)
