"""Contest pages: the entries and the vote, taking part, the public share page, moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import samen.activities.rules_contest  # noqa: F401  (the contest permissions exist with the views)
from samen.activities.forms_contest import ContestEntryForm
from samen.activities.models import Moderation
from samen.activities.selectors_contest import (
    contest_entries_shown,
    contest_entry_of,
    contest_entry_shared,
    contest_of,
    contest_results,
    contest_takes_entries,
    entries_for_moderation,
    household_entry,
    household_vote,
    pending_entry_count,
)
from samen.activities.services_contest import (
    AlreadyEntered,
    contest_entry_create,
    contest_entry_moderate,
)
from samen.activities.services_contest import (
    contest_vote as contest_vote_cast,
)
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.neighbourhoods.selectors import resident_in


def _contest(request: HttpRequest, slug: str, pk: int, perm: str):  # type: ignore[no-untyped-def]
    neighbourhood = access_neighbourhood(request, slug=slug, perm=perm)
    organiser = request.user.has_perm("activities.organise", neighbourhood)
    activity = contest_of(neighbourhood=neighbourhood, pk=pk, organiser=organiser)
    if activity is None:
        raise Http404
    return neighbourhood, activity, organiser


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@login_required
@require_GET
def contest(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show the entries; during voting a vote button per entry, afterwards the results."""
    neighbourhood, activity, organiser = _contest(request, slug, pk, "activities.view_activities")
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    state = activity.voting_state()
    my_vote = my_entry = None
    if resident is not None:
        my_vote = household_vote(activity=activity, household=resident.household)
        my_entry = household_entry(activity=activity, household=resident.household)
    closed = state == "closed"
    return render(
        request,
        "activities/contest.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "state": state,
            "entries": [] if closed else contest_entries_shown(activity=activity),
            # The running tally stays hidden during voting, so nobody votes with the crowd.
            "results": contest_results(activity=activity) if closed else [],
            "my_vote": my_vote,
            "my_entry": my_entry,
            "household_id": resident.household_id if resident else None,
            "can_vote": resident is not None and state == "open" and my_vote is None,
            "can_enter": resident is not None and contest_takes_entries(activity),
            "organiser": organiser,
            "pending": pending_entry_count(activity=activity) if organiser else 0,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contest_entry_create_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Enter your pet (a resident, once per household, until voting opens)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="activities.take_part")
    activity = contest_of(neighbourhood=neighbourhood, pk=pk, organiser=False)
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    if activity is None or resident is None:
        raise Http404
    existing = household_entry(activity=activity, household=resident.household)
    form = None
    if existing is None and contest_takes_entries(activity):
        form = ContestEntryForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                contest_entry_create(
                    activity=activity,
                    household=resident.household,
                    title=data["title"],
                    text=data["text"],
                    photo=data["photo"],
                    actor=request.user,
                    idempotency_key=data["idempotency_key"],
                )
            except AlreadyEntered:
                existing = household_entry(activity=activity, household=resident.household)
                form = None
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you! We check your photo first. Then your neighbours see it "
                        "in the contest."
                    ),
                )
                return redirect("activities:contest", slug=slug, pk=activity.pk)
    return render(
        request,
        "activities/contest_entry_form.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "form": form,
            "existing": existing,
            "Moderation": Moderation,
            "photo_lost": form is not None
            and form.is_bound
            and bool(form.errors)
            and bool(request.FILES.get("photo")),
        },
    )


@require_GET
def contest_entry(request: HttpRequest, slug: str, pk: int, entry_pk: int) -> HttpResponse:
    """Show one approved entry on a public page to share (no household data)."""
    neighbourhood = access_neighbourhood(request, slug=slug)
    entry = contest_entry_shared(neighbourhood=neighbourhood, pk=pk, entry_pk=entry_pk)
    if entry is None:
        raise Http404
    share_url = request.build_absolute_uri(
        reverse(
            "activities:contest_entry",
            kwargs={"slug": slug, "pk": pk, "entry_pk": entry.pk},
        )
    )
    return render(
        request,
        "activities/contest_entry.html",
        {
            "neighbourhood": neighbourhood,
            "activity": entry.activity,
            "entry": entry,
            "share_url": share_url,
            "image_url": request.build_absolute_uri(entry.photo.url),
            "member": request.user.is_authenticated
            and request.user.has_perm("activities.view_activities", neighbourhood),
        },
    )


@login_required
@require_POST
def contest_vote(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Cast the household's vote, or say on the contest page why it is not possible."""
    neighbourhood, activity, _organiser = _contest(request, slug, pk, "activities.take_part")
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    if resident is None:
        raise Http404
    entry_pk = _int(request.POST.get("entry"))
    entry = contest_entry_of(activity=activity, pk=entry_pk) if entry_pk else None
    if entry is None:
        messages.error(request, _("Choose the pet you want to vote for."))
    else:
        try:
            contest_vote_cast(entry=entry, household=resident.household, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Thank you! You voted for %(name)s.") % {"name": entry.title}
            )
    return redirect("activities:contest", slug=slug, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def contest_moderate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Check new entries: show them or not (organisers); a choice can be changed later."""
    neighbourhood, activity, _organiser = _contest(request, slug, pk, "activities.organise")
    if not request.user.has_perm("activities.moderate_contest", activity):
        raise Http404
    if request.method == "POST":
        entry_pk = _int(request.POST.get("entry"))
        entry = contest_entry_of(activity=activity, pk=entry_pk) if entry_pk else None
        if entry is None:
            raise Http404
        try:
            contest_entry_moderate(
                entry=entry, status=request.POST.get("status", ""), actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is shown in the contest.") % {"name": entry.title}
                if request.POST.get("status") == Moderation.APPROVED
                else _("%(name)s is not shown.") % {"name": entry.title},
            )
        return redirect("activities:contest_moderate", slug=slug, pk=pk)
    groups = entries_for_moderation(activity=activity)
    return render(
        request,
        "activities/contest_moderate.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "pending": groups[Moderation.PENDING],
            "approved": groups[Moderation.APPROVED],
            "rejected": groups[Moderation.REJECTED],
        },
    )
