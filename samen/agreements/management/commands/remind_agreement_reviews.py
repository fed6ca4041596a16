"""Remind the community workers and the committee of agreements whose review date has come.

Run it once a day from cron, for example at 8:00:

    0 8 * * * cd /srv/samen && .venv/bin/python manage.py remind_agreement_reviews

With --enqueue it puts the work on the django-tasks queue instead (`samen worker` runs it).
Each agreement is reminded once per review date, so running it twice a day does no harm.
"""

from typing import Any

from django.core.management.base import BaseCommand

from samen.agreements.services_agreements import agreement_review_reminders_send


class Command(BaseCommand):
    help = "E-mail the community workers and the committee about agreements due for review."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the work for the task worker."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from samen.agreements.tasks_agreements import send_agreement_review_reminders

            send_agreement_review_reminders.enqueue()
            self.stdout.write("Queued.")
            return
        count = agreement_review_reminders_send()
        self.stdout.write(f"Reminders sent for {count} agreement(s).")
