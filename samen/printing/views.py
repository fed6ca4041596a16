"""Pages of the printing app: the printing page, a job's progress, its download, one card."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samen.core.access import access_neighbourhood
from samen.neighbourhoods.models import Neighbourhood
from samen.printing.forms import PrintJobForm
from samen.printing.models import PrintJob
from samen.printing.postcards import postcard_filename
from samen.printing.registry import PrintableKind
from samen.printing.selectors import (
    household_for_postcard,
    last_return_line,
    print_job_visible_to,
    print_jobs_visible_to,
    printable_kinds_for,
)
from samen.printing.services import (
    FAILURE_MESSAGES,
    postcard_render,
    print_job_download,
    print_job_start,
)

PERM_PAGE = "printing.view_printables"
PAGE_SIZE = 20


def access_print_job(request: HttpRequest, *, slug: str, pk: int) -> PrintJob:
    """Return the job if the user may print its kind in this neighbourhood; else 404."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM_PAGE)
    job = print_job_visible_to(user=request.user, neighbourhood=neighbourhood, pk=pk)
    if job is None:
        raise Http404
    return job


def _form_for(kind: PrintableKind, data: Any = None) -> PrintJobForm:
    form_class = kind.form_class or PrintJobForm
    return form_class(data, prefix=kind.key)  # type: ignore[return-value]


def _index(
    request: HttpRequest,
    neighbourhood: Neighbourhood,
    *,
    bound: PrintJobForm | None = None,
    bound_kind: str = "",
    start_error: str = "",
    status: int = 200,
) -> HttpResponse:
    kinds = printable_kinds_for(user=request.user, neighbourhood=neighbourhood)
    page = Paginator(
        print_jobs_visible_to(user=request.user, neighbourhood=neighbourhood), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    printables = [
        {"kind": kind, "form": bound if kind.key == bound_kind and bound else _form_for(kind)}
        for kind in kinds
    ]
    return render(
        request,
        "printing/printjob_list.html",
        {
            "neighbourhood": neighbourhood,
            "printables": printables,
            "page_obj": page,
            "start_error": start_error,
            "can_print_postcards": request.user.has_perm("printing.print_postcards", neighbourhood),
        },
        status=status,
    )


@login_required
@require_GET
def printing_index(request: HttpRequest, slug: str) -> HttpResponse:
    """List what can be printed for a neighbourhood and the PDFs made before."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM_PAGE)
    return _index(request, neighbourhood)


@login_required
@require_POST
def job_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Start a print job of one kind; show its progress page."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM_PAGE)
    key = request.POST.get("kind", "")
    kinds = {
        kind.key: kind
        for kind in printable_kinds_for(user=request.user, neighbourhood=neighbourhood)
    }
    kind = kinds.get(key)
    if kind is None:
        return _index(request, neighbourhood, start_error=_("Choose what to print."), status=400)
    form = _form_for(kind, request.POST)
    if form.is_valid():
        try:
            job = print_job_start(
                neighbourhood=neighbourhood,
                kind=kind.key,
                params=form.params(),
                actor=request.user,  # type: ignore[arg-type]
                idempotency_key=form.cleaned_data.get("idempotency_key") or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(job.get_absolute_url())
    return _index(request, neighbourhood, bound=form, bound_kind=kind.key, status=400)


@login_required
@require_GET
def job_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show a job's progress (the page refreshes itself while it runs), then its download."""
    job = access_print_job(request, slug=slug, pk=pk)
    return render(
        request,
        "printing/printjob_detail.html",
        {
            "neighbourhood": job.neighbourhood,
            "job": job,
            "refresh": job.is_active,
            "failure": FAILURE_MESSAGES.get(job.error, FAILURE_MESSAGES["unexpected"]),
        },
    )


@login_required
@require_GET
def job_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """Send a finished job's PDF as a download."""
    job = access_print_job(request, slug=slug, pk=pk)
    try:
        handle = print_job_download(job=job, actor=request.user)  # type: ignore[arg-type]
    except (ValidationError, FileNotFoundError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=job.filename or f"{job.kind}-{job.pk}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"  # it holds household codes
    return response


@login_required
@require_GET
def household_postcard(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send one household's postcard (front and back), made at once: it is two pages."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="printing.print_postcards")
    household = household_for_postcard(neighbourhood=neighbourhood, pk=pk)
    if household is None:
        raise Http404
    line = request.GET.get("line")
    if line is None:
        line = last_return_line(neighbourhood=neighbourhood)
    try:
        pdf = postcard_render(household=household, actor=request.user, return_line=line)  # type: ignore[arg-type]
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400, content_type="text/plain")
    response = HttpResponse(pdf, content_type="application/pdf")
    # Inline: the browser opens it, ready to print; the name is used when it is saved.
    response["Content-Disposition"] = content_disposition_header(
        False, postcard_filename(household)
    )
    response["Cache-Control"] = "private, no-store"
    return response
