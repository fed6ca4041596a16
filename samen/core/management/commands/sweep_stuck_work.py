"""Mark background work whose worker died as failed, so the page says "start it again".

Run it from cron every few minutes or hourly (see docs/deployment.md); it is safe to run at
any time: only running work without progress for 30 minutes is touched.
"""

from django.core.management.base import BaseCommand

from samen.neighbourhoods.services_import import tenant_imports_fail_stuck
from samen.printing.services import print_jobs_fail_stuck


class Command(BaseCommand):
    help = "Mark print jobs and tenant imports that stopped halfway as failed."

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        jobs = print_jobs_fail_stuck()
        imports = tenant_imports_fail_stuck()
        self.stdout.write(f"{jobs} print job(s) and {imports} import(s) marked as stopped.")
