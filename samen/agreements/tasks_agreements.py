"""Background tasks of the agreements part (django-tasks; `samen worker` runs them)."""

from django_tasks import task

from samen.agreements.services_agreements import agreement_review_reminders_send


@task()
def send_agreement_review_reminders() -> int:
    """Remind facilitators and committee members of agreements due for review."""
    return agreement_review_reminders_send()
