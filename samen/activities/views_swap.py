"""Swap board pages: the board with my items and matches, put something on it, mark it done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import samen.activities.rules_swap  # noqa: F401  (the swap permissions exist with the views)
from samen.activities.forms_swap import SwapFilterForm, SwapItemForm
from samen.activities.models import SwapItem
from samen.activities.selectors_swap import (
    swap_board_of,
    swap_item_of,
    swap_items_of_household,
    swap_items_open,
    swap_matches_all,
)
from samen.activities.services_swap import swap_item_create, swap_item_set_status
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.neighbourhoods.selectors import resident_in

PAGE_SIZE = 20


def _board(request: HttpRequest, slug: str, pk: int):  # type: ignore[no-untyped-def]
    neighbourhood = access_neighbourhood(request, slug=slug, perm="activities.view_activities")
    organiser = request.user.has_perm("activities.organise", neighbourhood)
    activity = swap_board_of(neighbourhood=neighbourhood, pk=pk, organiser=organiser)
    if activity is None:
        raise Http404
    return neighbourhood, activity, organiser


@login_required
@require_GET
def swap_board(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show the open offers and wants, my items with their matches, and (organisers) all matches."""
    neighbourhood, activity, organiser = _board(request, slug, pk)
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    filters = SwapFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    page = Paginator(
        swap_items_open(
            activity=activity, kind=data.get("kind", ""), category=data.get("category", "")
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    mine = (
        swap_items_of_household(activity=activity, household=resident.household)
        if resident is not None
        else []
    )
    return render(
        request,
        "activities/swap_board.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "filters": filters,
            "page_obj": page,
            "mine": mine,
            "household_id": resident.household_id if resident else None,
            "can_add": resident is not None and not activity.cancelled,
            "organiser": organiser,
            "all_matches": swap_matches_all(activity=activity) if organiser else [],
            "Status": SwapItem.Status,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def swap_item_create_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Put an offer or a want on the board (a resident, for the household)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="activities.add_swap_item")
    activity = swap_board_of(neighbourhood=neighbourhood, pk=pk, organiser=False)
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    if activity is None or resident is None or activity.cancelled:
        raise Http404
    form = SwapItemForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            swap_item_create(
                activity=activity,
                household=resident.household,
                kind=data["kind"],
                category=data["category"],
                title=data["title"],
                description=data["description"],
                photo=data.get("photo"),
                actor=request.user,
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("Thank you! It is on the swap board now."))
            return redirect("activities:swap_board", slug=slug, pk=activity.pk)
    return render(
        request,
        "activities/swap_item_form.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "form": form,
            # A browser never sends a file back: say so when the form comes back with errors.
            "photo_lost": form.is_bound and bool(form.errors) and bool(request.FILES.get("photo")),
        },
    )


@login_required
@require_POST
def swap_item_status(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Mark an item given or received, take it off the board, or put it back."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="activities.view_activities")
    activity = swap_board_of(
        neighbourhood=neighbourhood,
        pk=pk,
        organiser=request.user.has_perm("activities.organise", neighbourhood),
    )
    item = swap_item_of(activity=activity, pk=item_pk) if activity is not None else None
    if item is None or not request.user.has_perm("activities.change_swap_item", item):
        raise Http404
    status = request.POST.get("status", "")
    if status not in SwapItem.Status.values:
        messages.error(request, _("Choose what happened with this item."))
    else:
        try:
            swap_item_set_status(item=item, status=status)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, STATUS_MESSAGES[status])
    return redirect("activities:swap_board", slug=slug, pk=pk)


STATUS_MESSAGES = {
    SwapItem.Status.DONE: gettext_lazy("Well done! The item is marked as given or received."),
    SwapItem.Status.WITHDRAWN: gettext_lazy("The item is taken off the board."),
    SwapItem.Status.OPEN: gettext_lazy("The item is back on the board."),
}
