"""Getting to know each other: meeting codes, "I met N", sign-in pairs and icebreakers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

import samen.activities.rules_acquaintances  # noqa: F401
from samen.activities.forms_acquaintances import (
    MeetingCodeForm,
    NewNeighboursForm,
    SignInPairForm,
)
from samen.activities.models import Acquaintance
from samen.activities.selectors_acquaintances import (
    acquaintance_figures,
    acquaintances_of_household,
    acquaintances_recorded_at,
    activity_for_acquaintances,
    households_to_pair,
    icebreaker_pairs,
    new_neighbours_of,
)
from samen.activities.services_acquaintances import (
    acquaintance_by_code,
    acquaintance_record,
    meeting_code_of,
    new_neighbours_set,
)
from samen.core import ratelimit
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.neighbourhoods.selectors import resident_in

RATE_SCOPE = "meeting-code"
MAX_ROUNDS = 50


def _activity(request: HttpRequest, slug: str, pk: int, perm: str):  # type: ignore[no-untyped-def]
    neighbourhood = access_neighbourhood(request, slug=slug, perm=perm)
    organiser = request.user.has_perm("activities.record_acquaintances", neighbourhood)
    activity = activity_for_acquaintances(
        neighbourhood=neighbourhood, pk=pk, include_drafts=organiser
    )
    if activity is None:
        raise Http404
    return neighbourhood, activity, organiser


def _code_post(request: HttpRequest, activity, household, form: MeetingCodeForm):  # type: ignore[no-untyped-def]
    target = str(household.pk)
    if ratelimit.is_blocked(RATE_SCOPE, request, target):
        form.is_valid()
        form.add_error("code", _("Too many wrong codes. Please try again in a quarter of an hour."))
        return None
    if not form.is_valid():
        return None
    try:
        _acquaintance, created = acquaintance_by_code(
            activity=activity,
            household=household,
            code=form.cleaned_data["code"],
            recorded_by=request.user,
        )
    except ValidationError as error:
        if getattr(error, "code", "") != "own":
            ratelimit.record_failure(RATE_SCOPE, request, target)
        add_validation_errors(form, ValidationError({"code": error.messages}))
        return None
    if created:
        return messages.success, _("Nice! Your meeting is written down.")
    return messages.info, _("You already knew each other: your meeting was written down before.")


@login_required
@require_http_methods(["GET", "POST"])
def acquaintances(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A resident's meeting code and meetings; organisers record pairs from the sign-in list."""
    neighbourhood, activity, organiser = _activity(request, slug, pk, "activities.meet_neighbours")
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    household = resident.household if resident else None
    code_form = count_form = pair_form = None
    households = households_to_pair(activity=activity) if organiser else None
    if request.method == "POST":
        action = request.POST.get("action", "")
        done = None
        if action == "code" and household is not None:
            code_form = MeetingCodeForm(request.POST)
            done = _code_post(request, activity, household, code_form)
        elif action == "count" and household is not None:
            count_form = NewNeighboursForm(request.POST)
            if count_form.is_valid():
                try:
                    new_neighbours_set(
                        activity=activity,
                        household=household,
                        count=count_form.cleaned_data["count"],
                    )
                except ValidationError as error:
                    add_validation_errors(count_form, error)
                else:
                    done = messages.success, _("Thank you! Your number is saved.")
        elif action == "sign_in" and organiser:
            pair_form = SignInPairForm(request.POST, households=households)
            if pair_form.is_valid():
                by_pk = {h.pk: h for h in households["came"] + households["others"]}
                try:
                    _acquaintance, created = acquaintance_record(
                        activity=activity,
                        household_a=by_pk[pair_form.cleaned_data["household_a"]],
                        household_b=by_pk[pair_form.cleaned_data["household_b"]],
                        source=Acquaintance.Source.SIGN_IN,
                        recorded_by=request.user,
                    )
                except ValidationError as error:
                    add_validation_errors(pair_form, error)
                else:
                    done = (
                        (messages.success, _("The pair is written down."))
                        if created
                        else (
                            messages.info,
                            _("These households already knew each other; nothing is added."),
                        )
                    )
        else:
            raise Http404
        if done:
            done[0](request, done[1])
            return redirect(request.path)
    context = {
        "neighbourhood": neighbourhood,
        "activity": activity,
        "organiser": organiser,
        "household": household,
        "figures": acquaintance_figures(activity=activity),
    }
    if household is not None:
        counted = new_neighbours_of(activity=activity, household=household)
        context.update(
            {
                "meeting_code": meeting_code_of(household=household),
                "met": acquaintances_of_household(activity=activity, household=household),
                "counted": counted,
                "code_form": code_form or MeetingCodeForm(),
                "count_form": count_form
                or NewNeighboursForm(initial={"count": counted.count} if counted else None),
            }
        )
    if organiser:
        context.update(
            {
                "pair_form": pair_form or SignInPairForm(households=households),
                "recorded": list(acquaintances_recorded_at(activity=activity)),
            }
        )
    return render(request, "activities/acquaintance_list.html", context)


@login_required
@require_GET
def icebreakers(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Suggested pairs of registered households who have not met yet, to print."""
    neighbourhood, activity, _organiser = _activity(
        request, slug, pk, "activities.record_acquaintances"
    )
    try:
        round_no = min(max(int(request.GET.get("round", "1")), 1), MAX_ROUNDS)
    except ValueError:
        round_no = 1
    return render(
        request,
        "activities/acquaintance_icebreakers.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "round": round_no,
            "next_round": round_no % MAX_ROUNDS + 1,
            **icebreaker_pairs(activity=activity, round_no=round_no),
        },
    )
