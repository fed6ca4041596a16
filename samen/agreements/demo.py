"""Demo data of the agreements app: the agreements first, then the reports that may cite them."""

from samen.agreements import demo_agreements, demo_reports
from samen.core.demo import DemoContext


def load(ctx: DemoContext) -> None:
    """Load Kapelakker's agreements and reports."""
    demo_agreements.load(ctx)
    demo_reports.load(ctx)
