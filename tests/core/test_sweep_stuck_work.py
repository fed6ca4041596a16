"""Background work whose worker died is marked as stopped, so users can start it again."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from samen.neighbourhoods.models import TenantImport
from samen.printing.models import PrintJob

pytestmark = pytest.mark.django_db


def test_a_print_job_without_progress_for_half_an_hour_is_marked_stopped(neighbourhood):
    old = timezone.now() - datetime.timedelta(minutes=45)
    stuck = PrintJob.objects.create(neighbourhood=neighbourhood, kind="postcards", status="running")
    moving = PrintJob.objects.create(
        neighbourhood=neighbourhood, kind="postcards", status="running"
    )
    queued = PrintJob.objects.create(neighbourhood=neighbourhood, kind="postcards")
    PrintJob.objects.filter(pk__in=[stuck.pk, queued.pk]).update(updated_at=old)

    call_command("sweep_stuck_work", verbosity=0)

    stuck.refresh_from_db()
    moving.refresh_from_db()
    queued.refresh_from_db()
    assert (stuck.status, stuck.error) == ("failed", "stopped")
    assert moving.status == "running"
    assert queued.status == "queued"  # waiting for a worker is not the same as stuck


def test_a_stuck_import_is_marked_stopped_and_explains_nothing_was_saved(neighbourhood):
    stuck = TenantImport.objects.create(
        neighbourhood=neighbourhood, filename="huurders.csv", status="running"
    )
    TenantImport.objects.filter(pk=stuck.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=2)
    )

    call_command("sweep_stuck_work", verbosity=0)

    stuck.refresh_from_db()
    assert stuck.status == "failed"
    assert stuck.summary["error"] == "stopped"
