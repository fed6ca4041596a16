"""Background tasks of the listening app (django-tasks; `samen worker` runs them)."""

from django_tasks import task

from samen.listening.services_suggest import suggestion_run_execute


@task()
def run_theme_suggestions(run_id: int) -> str:
    """Suggest themes for a queued run; return its final status."""
    return suggestion_run_execute(run_id=run_id).status
