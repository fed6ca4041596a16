"""Pages to import a landlord's tenant list: upload, preview, confirm, follow the progress."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samen.core.access import access_neighbourhood
from samen.neighbourhoods.forms_import import TenantListUploadForm
from samen.neighbourhoods.imports import MAX_ROWS, column_label, row_error_text
from samen.neighbourhoods.models import TenantImport
from samen.neighbourhoods.selectors import tenant_import_of, tenant_imports_of
from samen.neighbourhoods.services_import import (
    FAILURE_MESSAGES,
    tenant_import_cancel,
    tenant_import_confirm,
    tenant_import_preview,
)

PERM = "neighbourhoods.import_households"
PAGE_SIZE = 50
RECENT_IMPORTS = 20


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a tenant list; list the earlier imports."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM)
    # Bound on every POST: a POST with no fields at all must still say "choose a file".
    if request.method == "POST":
        form = TenantListUploadForm(request.POST, request.FILES)
    else:
        form = TenantListUploadForm()
    if form.is_bound and form.is_valid():
        try:
            tenant_import = tenant_import_preview(
                neighbourhood=neighbourhood,
                uploaded_file=form.cleaned_data["file"],
                actor=request.user,  # type: ignore[arg-type]
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect(tenant_import.get_absolute_url())
    return render(
        request,
        "neighbourhoods/tenantimport_start.html",
        {
            "neighbourhood": neighbourhood,
            "form": form,
            "imports": tenant_imports_of(neighbourhood=neighbourhood)[:RECENT_IMPORTS],
            "max_rows": MAX_ROWS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show an import: its preview or errors, its progress, or its result; confirm or cancel it."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM)
    tenant_import = tenant_import_of(neighbourhood=neighbourhood, pk=pk)
    if tenant_import is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                tenant_import_confirm(tenant_import=tenant_import, actor=request.user)  # type: ignore[arg-type]
                messages.success(request, _("The import has started."))
            elif action == "cancel":
                tenant_import_cancel(tenant_import=tenant_import, actor=request.user)  # type: ignore[arg-type]
                messages.success(request, _("The import is cancelled. Nothing was changed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(tenant_import.get_absolute_url())
    return render(
        request,
        "neighbourhoods/tenantimport_detail.html",
        {
            "neighbourhood": neighbourhood,
            "tenant_import": tenant_import,
            **_detail_context(request, tenant_import),
        },
    )


def _changes_text(fields: list[str]) -> str:
    return _("changes: %(fields)s") % {"fields": ", ".join(column_label(name) for name in fields)}


HOUSEHOLD_ACTIONS = {"new": gettext_lazy("new household"), "same": gettext_lazy("no change")}
RESIDENT_ACTIONS = {"new": gettext_lazy("new resident"), "same": gettext_lazy("no change")}


def _action_text(action: str, changes: list[str], texts: dict[str, Any]) -> str:
    if action == "update":
        return _changes_text(changes)
    return str(texts.get(action, ""))


def _describe_row(row: dict[str, Any]) -> dict[str, Any]:
    """Turn a stored row and its plan into what the preview table shows."""
    plan = row.get("plan") or {}
    address = " ".join(part for part in (row.get("street", ""), row.get("number", "")) if part)
    if row.get("box"):
        address += " " + _("box") + " " + row["box"]
    return {
        "row": row.get("row"),
        "address": address,
        "name": row.get("name", ""),
        "household_action": plan.get("household", ""),
        "household_text": _action_text(
            plan.get("household", ""), plan.get("household_changes", []), HOUSEHOLD_ACTIONS
        ),
        "resident_action": plan.get("resident", ""),
        "resident_text": _action_text(
            plan.get("resident", ""), plan.get("resident_changes", []), RESIDENT_ACTIONS
        ),
    }


def _detail_context(request: HttpRequest, tenant_import: TenantImport) -> dict[str, Any]:
    """Page the rows or the errors in Python: the import is one query whatever its size."""
    status = tenant_import.status
    context: dict[str, Any] = {
        "refresh": status in {TenantImport.Status.QUEUED, TenantImport.Status.RUNNING},
        "can_confirm": status == TenantImport.Status.PREVIEW,
        "can_cancel": status
        in {TenantImport.Status.PREVIEW, TenantImport.Status.INVALID, TenantImport.Status.QUEUED},
        "planned": tenant_import.summary.get("planned", {}),
        "columns": [
            (column_label(name), header)
            for name, header in (tenant_import.summary.get("columns") or {}).items()
        ],
        "ignored_columns": tenant_import.summary.get("ignored_columns", []),
        "failure": FAILURE_MESSAGES.get(tenant_import.summary.get("error", "")),
    }
    if tenant_import.errors:
        addresses = {
            row["row"]: " ".join(p for p in (row["street"], row["number"], row["box"]) if p)
            for row in tenant_import.rows
        }
        page = Paginator(tenant_import.errors, PAGE_SIZE).get_page(request.GET.get("page"))
        context["error_page"] = page
        context["error_items"] = [
            {
                "row": error["row"],
                "column": column_label(error["column"]) if error.get("column") else "",
                "address": addresses.get(error["row"], ""),
                "message": row_error_text(error),
            }
            for error in page.object_list
        ]
        context["error_rows"] = len({error["row"] for error in tenant_import.errors})
    elif status == TenantImport.Status.PREVIEW:
        page = Paginator(tenant_import.rows, PAGE_SIZE).get_page(request.GET.get("page"))
        context["row_page"] = page
        context["row_items"] = [_describe_row(row) for row in page.object_list]
    return context
