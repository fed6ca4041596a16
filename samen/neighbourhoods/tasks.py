"""Background tasks of the neighbourhoods app (django-tasks; `samen worker` runs them)."""

from django_tasks import task

from samen.neighbourhoods.services_import import tenant_import_apply


@task()
def apply_tenant_import(tenant_import_id: int) -> str:
    """Apply a confirmed tenant-list import; return its final status."""
    tenant_import = tenant_import_apply(tenant_import_id=tenant_import_id)
    return tenant_import.status if tenant_import is not None else "skipped"
