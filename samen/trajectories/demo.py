"""Demo data: Kapelakker's two-phase trajectory (Oct 2021 – Dec 2022)."""

import datetime

from django.utils import timezone

from samen.core.demo import DemoContext
from samen.trajectories.models import Phase
from samen.trajectories.services import trajectory_create_from_blueprint


def load(ctx: DemoContext) -> None:
    """Create the trajectory from the blueprint and set the real dates."""
    trajectory = trajectory_create_from_blueprint(
        neighbourhood=ctx.objects["neighbourhood"],
        blueprint="two_phase",
        starts_on=datetime.date(2021, 10, 1),
    )
    trajectory.question = (
        "Alle bewoners van Kapelakker zijn nieuw. Hoe leren we elkaar kennen, en welke "
        "afspraken maken we samen over onderhoud en samenleven?"
    )
    trajectory.save(update_fields=["question", "updated_at"])
    exploration, follow_up = list(trajectory.phases.order_by("starts_on"))
    Phase.objects.filter(pk=exploration.pk).update(
        starts_on=datetime.date(2021, 10, 1), ends_on=datetime.date(2022, 2, 13)
    )
    Phase.objects.filter(pk=follow_up.pk).update(
        starts_on=datetime.date(2022, 2, 14), ends_on=datetime.date(2022, 12, 31)
    )
    ctx.objects.update(trajectory=trajectory, exploration=exploration, follow_up=follow_up)
    # Molenveld started a few weeks ago, so its exploration runs today whatever the date.
    today = timezone.localdate()
    trajectory_create_from_blueprint(
        neighbourhood=ctx.objects["molenveld"],
        blueprint="two_phase",
        starts_on=today.replace(day=1) - datetime.timedelta(days=31),
    )
