"""Background tasks of the activities core (django-tasks; `samen worker` runs them)."""

from django_tasks import task

from samen.activities.services_activities import activity_reminders_send


@task()
def send_activity_reminders() -> int:
    """Remind registered households of the activities of tomorrow."""
    return activity_reminders_send()
