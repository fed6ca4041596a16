"""Report pages: residents report a problem and follow it; housing staff answer and move it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

import samen.agreements.rules_reports  # noqa: F401  (the report permissions exist with the views)
from samen.agreements.forms_reports import (
    ReportAnswerForm,
    ReportFilterForm,
    ReportForm,
    ReportStatusForm,
)
from samen.agreements.selectors_reports import (
    ReportFilter,
    company_overview_of,
    duration_text,
    place_label,
    report_aggregates_of,
    report_assignees,
    report_of,
    report_times_of,
    reporter_label,
    reports_of_resident,
    reports_queue,
)
from samen.agreements.services_reports import (
    ReportInput,
    report_answer,
    report_create,
    report_reporter_viewed,
    report_set_status,
)
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.neighbourhoods.models import Role
from samen.neighbourhoods.selectors import resident_in, roles_of, street_names

PAGE_SIZE = 30


def _resident_here(request: HttpRequest, neighbourhood):  # type: ignore[no-untyped-def]
    return resident_in(user=request.user, neighbourhood=neighbourhood)


def _sees_reporter(request: HttpRequest, neighbourhood, report) -> bool:  # type: ignore[no-untyped-def]
    """Community workers see who reported; the housing company only when the reporter chose so."""
    if Role.FACILITATOR in roles_of(user=request.user, neighbourhood=neighbourhood):
        return True
    return report.reporter_visible


@login_required
@require_http_methods(["GET", "POST"])
def report_create_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Report a problem (a resident), or type one in on a resident's behalf (a worker)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.add_report")
    resident = _resident_here(request, neighbourhood)
    on_behalf = resident is None
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        neighbourhood=neighbourhood,
        streets=street_names(neighbourhood=neighbourhood),
        on_behalf=on_behalf,
        initial={"street": resident.household.street if resident else ""},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report_create(
                neighbourhood=neighbourhood,
                data=ReportInput(
                    kind=data["kind"],
                    text=data["text"],
                    place=data["place"],
                    household=data.get("household"),
                    street=data.get("street", ""),
                    place_detail=data.get("place_detail", ""),
                    agreement=data.get("agreement"),
                    reporter_visible=data["reporter_visible"],
                ),
                reporter=resident,
                entered_by=request.user,
                photo=data.get("photo"),
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            if on_behalf:
                messages.success(request, _("The report is saved."))
                return redirect("agreements:report_queue", slug=slug)
            messages.success(request, _("Thank you! The housing company has received your report."))
            return redirect("agreements:report_mine", slug=slug)
    return render(
        request,
        "agreements/report_form.html",
        {"neighbourhood": neighbourhood, "form": form, "on_behalf": on_behalf},
    )


@login_required
@require_GET
def report_mine(request: HttpRequest, slug: str) -> HttpResponse:
    """Show my household's reports with their status and the answers."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.view_own_reports")
    resident = _resident_here(request, neighbourhood)
    if resident is None:
        raise Http404
    page = Paginator(reports_of_resident(resident=resident), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "agreements/report_mine.html",
        {
            "neighbourhood": neighbourhood,
            "page_obj": page,
            "times": report_times_of(neighbourhood=neighbourhood),
        },
    )


@login_required
@require_GET
def report_queue(request: HttpRequest, slug: str) -> HttpResponse:
    """List the reports for the housing company, with filters by status, kind and age."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.view_reports")
    form = ReportFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = ReportFilter(
        status=data.get("status") or "open", kind=data.get("kind", ""), age=data.get("age", "")
    )
    page = Paginator(
        reports_queue(neighbourhood=neighbourhood, filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = [
        {
            "report": report,
            "who": reporter_label(report, full=_sees_reporter(request, neighbourhood, report)),
            "where": place_label(report, full=_sees_reporter(request, neighbourhood, report)),
            "first_answer": duration_text(
                report.first_answer_at - report.created_at if report.first_answer_at else None
            ),
        }
        for report in page
    ]
    return render(
        request,
        "agreements/report_queue.html",
        {
            "neighbourhood": neighbourhood,
            "filter_form": form,
            "page_obj": page,
            "rows": rows,
            "times": report_times_of(neighbourhood=neighbourhood),
            "can_add": request.user.has_perm("agreements.add_report", neighbourhood),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show a report's timeline; the housing company moves it or answers the reporter."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.view_reports")
    report = report_of(neighbourhood=neighbourhood, pk=pk)
    if report is None:
        raise Http404
    can_move = request.user.has_perm("agreements.move_report", neighbourhood)
    if request.method == "POST" and not can_move:
        raise Http404
    assignees = report_assignees(neighbourhood=neighbourhood)
    action = request.POST.get("action") if request.method == "POST" else None
    status_form = ReportStatusForm(
        request.POST if action == "status" else None, report=report, assignees=assignees
    )
    answer_form = ReportAnswerForm(request.POST if action == "answer" else None)
    form = status_form if action == "status" else answer_form
    if action in {"status", "answer"} and form.is_valid():
        data = form.cleaned_data
        try:
            if action == "status":
                report_set_status(
                    report=report,
                    to_status=data["to_status"],
                    actor=request.user,
                    answer=data["answer"],
                    assigned_to=data.get("assigned_to"),
                    planned_on=data.get("planned_on"),
                    redirect_to=data.get("redirect_to", ""),
                )
                messages.success(request, _("The status is changed."))
            else:
                report_answer(report=report, answer=data["answer"], actor=request.user)
                messages.success(request, _("Your answer is sent."))
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            return redirect("agreements:report_detail", slug=slug, pk=pk)
    full = _sees_reporter(request, neighbourhood, report)
    if full and report.reporter_id and request.method == "GET":
        report_reporter_viewed(report=report, actor=request.user)
    return render(
        request,
        "agreements/report_detail.html",
        {
            "neighbourhood": neighbourhood,
            "report": report,
            "who": reporter_label(report, full=full),
            "where": place_label(report, full=full),
            "first_answer": duration_text(
                report.first_answer_at - report.created_at if report.first_answer_at else None
            ),
            "resolution": duration_text(
                report.resolved_at - report.created_at if report.resolved_at else None
            ),
            "can_move": can_move,
            "status_form": status_form,
            "answer_form": answer_form,
        },
    )


@login_required
@require_GET
def report_overview(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the neighbourhood's report figures: per kind and month, open, overdue, medians."""
    neighbourhood = access_neighbourhood(
        request, slug=slug, perm="agreements.view_report_aggregates"
    )
    return render(
        request,
        "agreements/report_overview.html",
        {
            "neighbourhood": neighbourhood,
            "aggregates": report_aggregates_of(neighbourhood=neighbourhood),
            "can_see_queue": request.user.has_perm("agreements.view_reports", neighbourhood),
        },
    )


@login_required
@require_GET
def report_company(request: HttpRequest) -> HttpResponse:
    """Show the housing company's reports across its neighbourhoods: one row each."""
    rows = company_overview_of(user=request.user)
    if not rows:
        raise Http404
    return render(request, "agreements/report_company.html", {"rows": rows})
