"""Remind the registered households of tomorrow's activities by e-mail.

Run it once a day from cron, for example at 9:00:

    0 9 * * * cd /srv/samen && .venv/bin/python manage.py remind_activities

With --enqueue it puts the work on the django-tasks queue instead (`samen worker` runs it).
Each registration is reminded once, so running it twice a day does no harm.
"""

from typing import Any

from django.core.management.base import BaseCommand

from samen.activities.services_activities import activity_reminders_send


class Command(BaseCommand):
    help = "E-mail the registered households about the activities of tomorrow."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the work for the task worker."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from samen.activities.tasks_activities import send_activity_reminders

            send_activity_reminders.enqueue()
            self.stdout.write("Queued.")
            return
        count = activity_reminders_send()
        self.stdout.write(f"Reminders sent for {count} registration(s).")
