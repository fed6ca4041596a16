"""Background tasks of the printing app (django-tasks; `samen worker` runs them)."""

from django_tasks import task

from samen.printing.services import print_job_run


@task()
def run_print_job(job_id: int) -> str:
    """Make a queued print job's PDF; return its final status."""
    job = print_job_run(job_id=job_id)
    return job.status if job is not None else "skipped"
