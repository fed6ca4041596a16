"""Activity pages: the list, plan and change, the (public) activity page with registration,
the organisers' registrations and attendance, iCal and the flyer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import samen.activities.rules_activities  # noqa: F401
from samen.activities.forms_activities import (
    ActivityForm,
    AttendanceSearchForm,
    RegisterForHouseholdForm,
    RegistrationForm,
)
from samen.activities.ical_activities import calendar_bytes
from samen.activities.models import Activity, Registration
from samen.activities.printables import build_flyer_pdf
from samen.activities.selectors_activities import (
    activities_for_calendar,
    activities_past_of,
    activities_upcoming_of,
    activity_for,
    attendance_of,
    household_find,
    households_by_pks,
    places_left,
    registration_of,
    registrations_of,
    swaps_of,
    tracks_of,
    waiting_position,
)
from samen.activities.services_activities import (
    ACTIVITY_FIELDS,
    RegistrationResult,
    activity_create,
    activity_update,
    attendance_save,
    registration_cancel,
    registration_register,
    registration_register_for,
)
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.neighbourhoods.selectors import resident_in

PAGE_SIZE = 20
UPCOMING_MAX = 50
ORGANISE = "activities.organise"
MANAGE = "activities.manage_registrations"


def _activity(request: HttpRequest, neighbourhood, pk: int, organiser: bool) -> Activity:  # type: ignore[no-untyped-def]
    activity = activity_for(neighbourhood=neighbourhood, pk=pk, organiser=organiser)
    if activity is None:
        raise Http404
    return activity


def _household(request: HttpRequest, neighbourhood):  # type: ignore[no-untyped-def]
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    if resident is None:
        raise Http404
    return resident.household


def _result_message(result: RegistrationResult) -> str:
    registration = result.registration
    if registration.status == Registration.Status.WAITING:
        return _(
            "The activity is full. You are number %(position)s on the waiting list. "
            "We let you know when there is a place."
        ) % {"position": result.position}
    return ngettext(
        "You are registered for %(people)s person.",
        "You are registered for %(people)s people.",
        registration.people,
    ) % {"people": registration.people}


@login_required
@require_GET
def activity_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Upcoming and past activities; organisers also see drafts."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="activities.view_activities")
    organiser = request.user.has_perm(ORGANISE, neighbourhood)
    upcoming = list(
        activities_upcoming_of(neighbourhood=neighbourhood, organiser=organiser)[:UPCOMING_MAX]
    )
    page = Paginator(
        activities_past_of(neighbourhood=neighbourhood, organiser=organiser), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/activity_list.html",
        {
            "neighbourhood": neighbourhood,
            "upcoming": [{"activity": a, "places_left": places_left(a)} for a in upcoming],
            "page_obj": page,
            "organiser": organiser,
        },
    )


def _activity_form(request: HttpRequest, neighbourhood, activity: Activity | None = None):  # type: ignore[no-untyped-def]
    initial = None
    if activity is not None:
        initial = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
    return ActivityForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        tracks=tracks_of(neighbourhood=neighbourhood),
        swaps=swaps_of(neighbourhood=neighbourhood).exclude(
            pk=activity.pk if activity is not None else None
        ),
        has_image=bool(activity is not None and activity.image),
    )


def _fields(form: ActivityForm) -> dict:
    return {name: form.cleaned_data.get(name) for name in ACTIVITY_FIELDS}


@login_required
@require_http_methods(["GET", "POST"])
def activity_create_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Plan a new activity."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=ORGANISE)
    form = _activity_form(request, neighbourhood)
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_create(
                neighbourhood=neighbourhood,
                actor=request.user,
                image=form.cleaned_data.get("image"),
                idempotency_key=form.cleaned_data["idempotency_key"],
                **_fields(form),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The activity is planned."))
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "activities/activity_form.html",
        {"neighbourhood": neighbourhood, "form": form, "activity": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change an activity (also cancel it or make it a draft again)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=ORGANISE)
    activity = _activity(request, neighbourhood, pk, organiser=True)
    form = _activity_form(request, neighbourhood, activity)
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_update(
                activity=activity,
                actor=request.user,
                image=form.cleaned_data.get("image"),
                remove_image=form.cleaned_data.get("remove_image", False),
                **_fields(form),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The activity is changed."))
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "activities/activity_form.html",
        {"neighbourhood": neighbourhood, "form": form, "activity": activity},
    )


def _registration_context(request: HttpRequest, neighbourhood, activity: Activity) -> dict:  # type: ignore[no-untyped-def]
    """The resident's part of the activity page: status and the form."""
    if not request.user.has_perm("activities.register", neighbourhood):
        return {}
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    if resident is None:
        return {}
    registration = registration_of(activity=activity, household=resident.household)
    active = registration is not None and registration.status != Registration.Status.CANCELLED
    return {
        "can_register": True,
        "registration": registration,
        "registration_active": active,
        "position": waiting_position(registration=registration) if active else None,
        "registration_form": RegistrationForm(
            initial={"people": registration.people if active else 1}
        ),
    }


@require_GET
def activity_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One activity; public when published (the share link), with registration for residents."""
    neighbourhood = access_neighbourhood(request, slug=slug)
    organiser = request.user.has_perm(ORGANISE, neighbourhood)
    activity = _activity(request, neighbourhood, pk, organiser=organiser)
    context = {
        "neighbourhood": neighbourhood,
        "activity": activity,
        "places_left": places_left(activity),
        "organiser": organiser,
        "member": request.user.has_perm("activities.view_activities", neighbourhood),
        "is_over": activity.is_over(),
        "registration_open": not activity.cancelled
        and activity.published
        and activity.starts_at > timezone.now(),
        "share_url": request.build_absolute_uri(activity.get_absolute_url()),
        "image_url": request.build_absolute_uri(activity.image.url) if activity.image else "",
        "board": activity.board_activity,
        # The lead wires the acquaintance figures in later.
        "acquaintance_figures": None,
    }
    context.update(_registration_context(request, neighbourhood, activity))
    return render(request, "activities/activity_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Register the household, change its number of people, or join the waiting list."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="activities.register")
    activity = _activity(request, neighbourhood, pk, organiser=False)
    household = _household(request, neighbourhood)
    registration = registration_of(activity=activity, household=household)
    active = registration is not None and registration.status != Registration.Status.CANCELLED
    form = RegistrationForm(
        request.POST or None, initial={"people": registration.people if active else 1}
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = registration_register(
                activity=activity,
                household=household,
                people=form.cleaned_data["people"],
                actor=request.user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _result_message(result))
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "activities/registration_form.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "form": form,
            "registration": registration if active else None,
            "places_left": places_left(activity),
        },
    )


@login_required
@require_POST
def registration_cancel_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Cancel the household's registration or its place on the waiting list."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="activities.register")
    activity = _activity(request, neighbourhood, pk, organiser=False)
    household = _household(request, neighbourhood)
    if registration_cancel(activity=activity, household=household, actor=request.user):
        messages.success(
            request, _("Your registration is cancelled. Thank you for letting us know.")
        )
    else:
        messages.info(request, _("You were not registered."))
    return redirect(activity.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def registration_list(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Registered households and the waiting list; register a household on its behalf."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=MANAGE)
    activity = _activity(request, neighbourhood, pk, organiser=True)
    form = RegisterForHouseholdForm(request.POST or None, neighbourhood=neighbourhood)
    if request.method == "POST" and form.is_valid():
        household = form.cleaned_data["household"]
        try:
            result = registration_register_for(
                activity=activity,
                household=household,
                people=form.cleaned_data["people"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            if result.registration.status == Registration.Status.WAITING:
                text = _("%(address)s is on the waiting list as number %(position)s.") % {
                    "address": household.address,
                    "position": result.position,
                }
            else:
                text = _("%(address)s is registered for %(people)s people.") % {
                    "address": household.address,
                    "people": result.registration.people,
                }
            messages.success(request, text)
            return redirect(request.path)
    return render(
        request,
        "activities/registration_list.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "form": form,
            "places_left": places_left(activity),
            **registrations_of(activity=activity),
        },
    )


def _parse_attendance(
    request: HttpRequest,
) -> tuple[dict[int, int | None], dict[int, str], int | None]:
    """Read the attendance form: household → people or None, the typed values, the guests."""
    rows: dict[int, int | None] = {}
    typed: dict[int, str] = {}
    for value in request.POST.getlist("household")[:500]:
        try:
            pk = int(value)
        except ValueError:
            continue
        typed[pk] = request.POST.get(f"people_{pk}", "").strip()
        if request.POST.get(f"came_{pk}"):
            try:
                rows[pk] = int(typed[pk] or "1")
            except ValueError:
                rows[pk] = -1
        else:
            rows[pk] = None
    try:
        guests = int(request.POST.get("guest_count", "0").strip() or "0")
    except ValueError:
        guests = None
    return rows, typed, guests


@login_required
@require_http_methods(["GET", "POST"])
def attendance_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record who came: registered households, others found by address, and guests."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=MANAGE)
    activity = _activity(request, neighbourhood, pk, organiser=True)
    search = AttendanceSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    extra = household_find(neighbourhood=neighbourhood, text=query) if query else []
    error = ""
    typed: dict[int, str] = {}
    ticked: dict[int, bool] = {}
    guests_typed = str(activity.guest_count)
    if request.method == "POST":
        rows, typed, guests = _parse_attendance(request)
        ticked = {pk: people is not None for pk, people in rows.items()}
        guests_typed = request.POST.get("guest_count", "")
        if guests is None or any(p is not None and not 1 <= p <= 50 for p in rows.values()):
            error = _("Fill in a number of people from 1 to 50, and a number of guests.")
        else:
            try:
                attendance_save(
                    activity=activity, rows=rows, guest_count=guests, actor=request.user
                )
            except ValidationError as problem:
                error = " ".join(problem.messages)
            else:
                messages.success(request, _("The attendance is saved."))
                return redirect(request.path)
        if rows:
            extra = households_by_pks(neighbourhood=neighbourhood, pks=list(rows))
    data = attendance_of(activity=activity, extra=extra)
    for row in data["rows"]:
        pk_ = row["household"].pk
        if pk_ in typed:
            row["people"] = typed[pk_]
            row["came"] = ticked.get(pk_, False)
    return render(
        request,
        "activities/attendance_form.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "search": search,
            "query": query,
            "found": extra,
            "error": error,
            "guests_typed": guests_typed,
            **data,
        },
    )


def _ics_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def activities_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The neighbourhood's published activities as an iCal feed to subscribe to (public)."""
    neighbourhood = access_neighbourhood(request, slug=slug)
    name = _("Activities in %(name)s") % {"name": neighbourhood.name}
    return _ics_response(
        calendar_bytes(activities_for_calendar(neighbourhood=neighbourhood), name=name),
        "activiteiten.ics",
    )


@require_GET
def activity_ics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One activity as an iCal file (public when published)."""
    neighbourhood = access_neighbourhood(request, slug=slug)
    organiser = request.user.has_perm(ORGANISE, neighbourhood)
    activity = _activity(request, neighbourhood, pk, organiser=organiser)
    return _ics_response(calendar_bytes([activity]), "activiteit.ics")


@login_required
@require_GET
def flyer_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The A5 flyer with a QR code to the public activity page."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=MANAGE)
    activity = _activity(request, neighbourhood, pk, organiser=True)
    data, filename = build_flyer_pdf(activity=activity)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
