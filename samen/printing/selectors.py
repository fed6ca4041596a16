"""Reads of the printing app; each selector owns its query shape."""

from typing import Any

from django.db.models import QuerySet

from samen.neighbourhoods.models import Household, Neighbourhood
from samen.printing.models import PrintJob
from samen.printing.registry import PrintableKind, printables


def printable_kinds_for(*, user: Any, neighbourhood: Neighbourhood) -> list[PrintableKind]:
    """Return the kinds `user` may start from the printing page of `neighbourhood`."""
    return [
        kind
        for kind in printables.all()
        if kind.on_printing_page and user.has_perm(kind.perm, neighbourhood)
    ]


def _kinds_allowed(user: Any, neighbourhood: Neighbourhood) -> list[str]:
    return [kind.key for kind in printables.all() if user.has_perm(kind.perm, neighbourhood)]


def print_jobs_visible_to(*, user: Any, neighbourhood: Neighbourhood) -> QuerySet[PrintJob]:
    """Return the neighbourhood's jobs of the kinds `user` may print, newest first."""
    return (
        PrintJob.objects.filter(
            neighbourhood=neighbourhood, kind__in=_kinds_allowed(user, neighbourhood)
        )
        .select_related("created_by", "neighbourhood")
        .order_by("-created_at", "-id")
    )


def print_job_visible_to(*, user: Any, neighbourhood: Neighbourhood, pk: int) -> PrintJob | None:
    """Return one job of the neighbourhood if `user` may print its kind, else None."""
    return print_jobs_visible_to(user=user, neighbourhood=neighbourhood).filter(pk=pk).first()


def household_for_postcard(*, neighbourhood: Neighbourhood, pk: int) -> Household | None:
    """Return one household of the neighbourhood with its neighbourhood, or None."""
    return (
        Household.objects.filter(neighbourhood=neighbourhood, pk=pk)
        .select_related("neighbourhood")
        .first()
    )


def last_return_line(*, neighbourhood: Neighbourhood) -> str:
    """Return the return line of the neighbourhood's latest postcards job ("" if none)."""
    params = (
        PrintJob.objects.filter(neighbourhood=neighbourhood, kind="postcards_all")
        .order_by("-created_at", "-id")
        .values_list("params", flat=True)
        .first()
    )
    return str((params or {}).get("return_line", "")) if isinstance(params, dict) else ""
