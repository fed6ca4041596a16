"""Meeting pages: list and create, one meeting (agenda, attendance, minutes, decisions,
tasks), printable agenda and minutes, invitations, iCal, the decision log and the tasks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import samen.committee.rules_meetings  # noqa: F401
from samen.committee.forms_meetings import (
    ATTENDANCE_CHOICES,
    AgendaItemForm,
    DecisionForm,
    MeetingForm,
    TaskForm,
    TaskStatusForm,
)
from samen.committee.ical_meetings import calendar_bytes
from samen.committee.models import Meeting, Task
from samen.committee.pdf_meetings import build_agenda_pdf, build_minutes_pdf
from samen.committee.selectors_meetings import (
    committee_of,
    current_members,
    decision_log,
    is_overdue,
    meeting_detail,
    meetings_past,
    meetings_upcoming,
    tasks_of,
)
from samen.committee.services_meetings import (
    agenda_item_add,
    agenda_item_delete,
    agenda_item_move,
    attendance_set,
    decision_add,
    meeting_create,
    meeting_invite,
    meeting_mark_held,
    meeting_set_shared,
    meetings_committee,
    minutes_save,
    task_add,
    task_set_status,
)
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors

PAGE_SIZE = 20


def _access(request: HttpRequest, slug: str):  # type: ignore[no-untyped-def]
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.view_meetings")
    can_edit = request.user.has_perm("committee.edit_meetings", neighbourhood)
    return neighbourhood, can_edit


def _sees_minutes(request: HttpRequest, neighbourhood, meeting: Meeting, can_edit: bool) -> bool:  # type: ignore[no-untyped-def]
    return can_edit or (
        meeting.shared_with_housing
        and request.user.has_perm("committee.read_shared_minutes", neighbourhood)
    )


def _meeting(request: HttpRequest, neighbourhood, pk: int, can_edit: bool):  # type: ignore[no-untyped-def]
    committee = committee_of(neighbourhood=neighbourhood)
    meeting = meeting_detail(committee=committee, pk=pk, public_only=False)
    if meeting is None:
        raise Http404
    full = _sees_minutes(request, neighbourhood, meeting, can_edit)
    if not full:
        meeting = meeting_detail(committee=committee, pk=pk, public_only=True)
    return meeting, full


@login_required
@require_http_methods(["GET", "POST"])
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Upcoming and past meetings; members and the facilitator plan a new one."""
    neighbourhood, can_edit = _access(request, slug)
    form = None
    if can_edit:
        form = MeetingForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                meeting = meeting_create(
                    committee=meetings_committee(neighbourhood=neighbourhood),
                    title=form.cleaned_data["title"],
                    starts_at=form.cleaned_data["starts_at"],
                    ends_at=form.cleaned_data["ends_at"],
                    place=form.cleaned_data["place"],
                    actor=request.user,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The meeting is planned."))
                return redirect(meeting.get_absolute_url())
    elif request.method == "POST":
        raise Http404
    committee = committee_of(neighbourhood=neighbourhood)
    upcoming = list(meetings_upcoming(committee=committee)[:10])
    page = Paginator(meetings_past(committee=committee), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "committee/meeting_list.html",
        {
            "neighbourhood": neighbourhood,
            "committee": committee,
            "upcoming": upcoming,
            "page_obj": page,
            "form": form,
            "can_edit": can_edit,
        },
    )


def _attendance_rows(meeting: Meeting, members: list) -> list[dict]:
    current = {a.resident_id: a.status for a in meeting.attendance.all()}
    return [
        {
            "resident": member,
            "name": f"att_{member.pk}",
            "value": current.get(member.pk, ""),
            "choices": ATTENDANCE_CHOICES,
        }
        for member in members
    ]


def _handle_post(request: HttpRequest, meeting: Meeting, members: list, forms: dict):  # type: ignore[no-untyped-def]
    action = request.POST.get("action", "")
    agenda = list(meeting.agenda.all())
    items = {item.pk: item for item in agenda}
    if action == "item_add":
        form = AgendaItemForm(request.POST, members=members)
        forms["item_form"] = form
        if form.is_valid():
            try:
                agenda_item_add(
                    meeting=meeting,
                    title=form.cleaned_data["title"],
                    owner=form.cleaned_data["owner"],
                    is_public=form.cleaned_data["is_public"],
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                return _("The point is on the agenda.")
        return None
    if action in {"item_up", "item_down", "item_delete"}:
        item = items.get(_int(request.POST.get("item")))
        if item is None:
            raise Http404
        if action == "item_delete":
            agenda_item_delete(item=item)
            return _("The point is removed from the agenda.")
        agenda_item_move(item=item, up=action == "item_up")
        return _("The agenda order is changed.")
    if action == "attendance":
        statuses = {m.pk: request.POST.get(f"att_{m.pk}", "") for m in members}
        try:
            attendance_set(meeting=meeting, statuses=statuses, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return None
        return _("The attendance is saved.")
    if action == "minutes":
        minutes_save(
            meeting=meeting,
            minutes=request.POST.get("minutes", "")[:20000],
            item_minutes={pk: request.POST.get(f"item_{pk}", "")[:5000] for pk in items},
        )
        return _("The minutes are saved.")
    if action == "decision":
        form = DecisionForm(request.POST, agenda=agenda)
        forms["decision_form"] = form
        if form.is_valid():
            item_pk = form.cleaned_data["agenda_item"]
            try:
                decision_add(
                    meeting=meeting,
                    text=form.cleaned_data["text"],
                    agenda_item=items.get(item_pk) if item_pk else None,
                    is_public=form.cleaned_data["is_public"],
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                return _("The decision is in the decision log.")
        return None
    if action == "task":
        form = TaskForm(request.POST, members=members)
        forms["task_form"] = form
        if form.is_valid():
            try:
                task_add(
                    meeting=meeting,
                    title=form.cleaned_data["title"],
                    owner=form.cleaned_data["owner"],
                    due_on=form.cleaned_data["due_on"],
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                return _("The task is added.")
        return None
    if action == "held":
        meeting_mark_held(meeting=meeting)
        return _("The meeting is marked as held.")
    if action == "share":
        shared = request.POST.get("shared") == "1"
        meeting_set_shared(meeting=meeting, shared=shared, actor=request.user)
        if shared:
            return _("The housing company can now read the minutes.")
        return _("The minutes are no longer shared with the housing company.")
    raise Http404


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One meeting. Editors see and change everything; others see the public part."""
    neighbourhood, can_edit = _access(request, slug)
    meeting, full = _meeting(request, neighbourhood, pk, can_edit)
    members = current_members(committee=meeting.committee) if can_edit else []
    forms: dict = {}
    if request.method == "POST":
        if not can_edit:
            raise Http404
        done = _handle_post(request, meeting, members, forms)
        if done:
            messages.success(request, done)
            return redirect(meeting.get_absolute_url())
        meeting, full = _meeting(request, neighbourhood, pk, can_edit)
    agenda = list(meeting.agenda.all())
    context = {
        "neighbourhood": neighbourhood,
        "meeting": meeting,
        "agenda": agenda,
        "decisions": list(meeting.decisions.all()),
        "tasks": [{"task": t, "overdue": is_overdue(t)} for t in meeting.tasks.all()],
        "full": full,
        "can_edit": can_edit,
    }
    if can_edit:
        context.update(
            {
                "attendance_rows": _attendance_rows(meeting, members),
                "item_form": forms.get("item_form") or AgendaItemForm(members=members),
                "decision_form": forms.get("decision_form") or DecisionForm(agenda=agenda),
                "task_form": forms.get("task_form") or TaskForm(members=members),
            }
        )
    elif full:
        context["attendance"] = list(meeting.attendance.all())
    return render(request, "committee/meeting_detail.html", context)


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
@require_GET
def meeting_agenda_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The printable agenda (the public points for those who only see the public part)."""
    neighbourhood, can_edit = _access(request, slug)
    meeting, _full = _meeting(request, neighbourhood, pk, can_edit)
    return _pdf_response(*build_agenda_pdf(meeting=meeting))


@login_required
@require_GET
def meeting_minutes_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The printable minutes: for the committee, and for housing staff when shared."""
    neighbourhood, can_edit = _access(request, slug)
    meeting, full = _meeting(request, neighbourhood, pk, can_edit)
    if not full:
        raise Http404
    return _pdf_response(*build_minutes_pdf(meeting=meeting))


@login_required
@require_POST
def meeting_invite_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send the invitation by e-mail to every member with an address."""
    neighbourhood, can_edit = _access(request, slug)
    if not can_edit:
        raise Http404
    meeting, _full = _meeting(request, neighbourhood, pk, can_edit)
    count = meeting_invite(meeting=meeting, actor=request.user)
    if count:
        messages.success(
            request,
            _("The invitation is sent to %(count)s members.") % {"count": count},
        )
    else:
        messages.warning(request, _("No member has an e-mail address yet."))
    return redirect(meeting.get_absolute_url())


def _ics_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def meeting_ics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One meeting as an iCal file."""
    neighbourhood, can_edit = _access(request, slug)
    meeting, _full = _meeting(request, neighbourhood, pk, can_edit)
    return _ics_response(calendar_bytes([(meeting, meeting.agenda.all())]), "vergadering.ics")


@login_required
@require_GET
def agenda_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """All upcoming meetings of the committee as an iCal file (public agenda points)."""
    from django.db.models import Prefetch

    from samen.committee.models import AgendaItem

    neighbourhood, _can_edit = _access(request, slug)
    meetings = meetings_upcoming(committee=committee_of(neighbourhood=neighbourhood))[
        :50
    ].prefetch_related(
        Prefetch("agenda", queryset=AgendaItem.objects.filter(is_public=True).order_by("position"))
    )
    return _ics_response(calendar_bytes([(m, m.agenda.all()) for m in meetings]), "buurtcomite.ics")


@login_required
@require_GET
def decision_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The decision log: every decision, newest first, with its meeting."""
    neighbourhood, can_edit = _access(request, slug)
    committee = committee_of(neighbourhood=neighbourhood)
    page = Paginator(
        decision_log(committee=committee, public_only=not can_edit), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "committee/decision_list.html",
        {"neighbourhood": neighbourhood, "page_obj": page, "can_edit": can_edit},
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The committee's tasks, open ones first; overdue ones stand out. Members change status."""
    neighbourhood, can_edit = _access(request, slug)
    if not can_edit:
        raise Http404
    committee = committee_of(neighbourhood=neighbourhood)
    if request.method == "POST":
        task = Task.objects.filter(committee=committee, pk=_int(request.POST.get("task"))).first()
        form = TaskStatusForm(request.POST)
        if task is None:
            raise Http404
        if form.is_valid():
            task_set_status(task=task, status=form.cleaned_data["status"])
            messages.success(request, _("The status of the task is changed."))
        else:
            messages.error(request, _("Choose a status from the list."))
        return redirect(
            request.path
            + (f"?page={_int(request.GET.get('page'))}" if request.GET.get("page") else "")
        )
    page = Paginator(tasks_of(committee=committee), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"task": t, "overdue": is_overdue(t)} for t in page.object_list]
    return render(
        request,
        "committee/task_list.html",
        {
            "neighbourhood": neighbourhood,
            "page_obj": page,
            "rows": rows,
            "statuses": Task.Status.choices,
        },
    )
