"""Wish-wall pages: the public wall, the check (with paper cards), the screen and the PDFs."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

import samen.activities.rules_wishes  # noqa: F401
from samen.activities.forms_wishes import PaperWishForm, WishForm
from samen.activities.models import Activity, Moderation
from samen.activities.selectors_wishes import (
    SCREEN_SECONDS,
    wish_wall_of,
    wish_writing_closes_at,
    wish_writing_open,
    wishes_approved,
    wishes_for_keepsake,
    wishes_for_screen,
    wishes_handled,
    wishes_pending,
)
from samen.activities.services_wishes import wish_create, wish_enter_paper, wishes_moderate
from samen.core import ratelimit
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.core.qr import qr_svg
from samen.neighbourhoods.selectors import resident_in
from samen.printing.pdf import render_pdf

PAGE_SIZE = 24
PENDING_SHOWN = 50
RATE_SCOPE = "wish-post"


def _wall(request: HttpRequest, slug: str, pk: int, perm: str | None = None):  # type: ignore[no-untyped-def]
    neighbourhood = access_neighbourhood(request, slug=slug, perm=perm)
    organiser = request.user.has_perm("activities.moderate_wishes", neighbourhood)
    activity = wish_wall_of(neighbourhood=neighbourhood, pk=pk, include_drafts=organiser)
    if activity is None:
        raise Http404
    return neighbourhood, activity, organiser


def wall_url(activity: Activity) -> str:
    """Return the full address of the wall, for the screen, the cards and their QR codes."""
    return settings.SITE_URL + reverse(
        "activities:wish_wall", kwargs={"slug": activity.neighbourhood.slug, "pk": activity.pk}
    )


@require_http_methods(["GET", "POST"])
def wish_wall(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The wall: approved wishes, and a form for everyone (guests too) to write one."""
    neighbourhood, activity, organiser = _wall(request, slug, pk)
    writing_open = wish_writing_open(activity=activity)
    form = WishForm(request.POST or None) if writing_open else None
    if request.method == "POST":
        if form is None:
            raise Http404
        anonymous = not request.user.is_authenticated
        if anonymous and ratelimit.is_blocked(RATE_SCOPE, request):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You wrote many wishes in a short time. Please try again in a quarter of an hour."
                ),
            )
        elif form.is_valid():
            resident = (
                None if anonymous else resident_in(user=request.user, neighbourhood=neighbourhood)
            )
            try:
                _wish, created = wish_create(
                    activity=activity,
                    text=form.cleaned_data["text"],
                    signed=form.cleaned_data["signed"],
                    household=resident.household if resident else None,
                    author=request.user,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                if anonymous and created:
                    # Every wish counts: a visitor may write a few, not flood the check.
                    ratelimit.record_failure(RATE_SCOPE, request)
                messages.success(
                    request,
                    _("Thanks! Your wish shows once the community worker has looked at it."),
                )
                return redirect(request.path)
    page = Paginator(wishes_approved(activity=activity), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "activities/wish_wall.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "page_obj": page,
            "form": form,
            "writing_open": writing_open,
            "closes_at": wish_writing_closes_at(activity=activity),
            "organiser": organiser,
            "can_keep": request.user.has_perm("activities.read_wish_keepsake", neighbourhood),
        },
    )


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()][:PENDING_SHOWN]


@login_required
@require_http_methods(["GET", "POST"])
def wish_moderate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Check the wishes (one by one or all shown at once) and type paper cards."""
    neighbourhood, activity, _organiser = _wall(request, slug, pk, "activities.moderate_wishes")
    paper_form = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "paper":
            paper_form = PaperWishForm(request.POST)
            if paper_form.is_valid():
                try:
                    wish_enter_paper(
                        activity=activity,
                        text=paper_form.cleaned_data["text"],
                        signed=paper_form.cleaned_data["signed"],
                        actor=request.user,
                        idempotency_key=paper_form.cleaned_data["idempotency_key"],
                    )
                except ValidationError as error:
                    add_validation_errors(paper_form, error)
                else:
                    messages.success(request, _("The wish is on the wall. Type the next one."))
                    return redirect(request.path + "?next=paper#paper")
        elif action in {"approve", "reject", "approve_all"}:
            status = Moderation.REJECTED if action == "reject" else Moderation.APPROVED
            count = wishes_moderate(
                activity=activity,
                wish_ids=_ids(request.POST.getlist("wish")),
                status=status,
                actor=request.user,
            )
            if status == Moderation.APPROVED:
                messages.success(request, _("Shown on the wall: %(count)s.") % {"count": count})
            else:
                messages.success(request, _("Not shown on the wall: %(count)s.") % {"count": count})
            return redirect(request.get_full_path())
        else:
            raise Http404
    pending = list(wishes_pending(activity=activity)[:PENDING_SHOWN])
    handled = Paginator(wishes_handled(activity=activity), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "activities/wish_moderate.html",
        {
            "neighbourhood": neighbourhood,
            "activity": activity,
            "pending": pending,
            "more_pending": len(pending) >= PENDING_SHOWN,
            "page_obj": handled,
            "paper_form": paper_form or PaperWishForm(),
            "paper_focus": request.GET.get("next") == "paper" or paper_form is not None,
            "approved": Moderation.APPROVED,
        },
    )


@login_required
@require_GET
def wish_display(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The full-screen wall for the projector; once started it reloads itself with the next wishes.

    The automatic reload is switched on by the organiser ("?vanzelf=1") and off with one link,
    so the timing stays under the user's control (WCAG 2.2.1) and works without JavaScript.
    """
    _neighbourhood, activity, _organiser = _wall(request, slug, pk, "activities.moderate_wishes")
    url = wall_url(activity)
    running = request.GET.get("vanzelf") == "1"
    return render(
        request,
        "activities/wish_display.html",
        {
            "activity": activity,
            "wall_url": url,
            "qr": qr_svg(url, scale=6, title=_("QR code to the wish wall")),
            "refresh_seconds": SCREEN_SECONDS,
            "running": running,
            **wishes_for_screen(activity=activity),
        },
    )


CARDS_PER_SHEET = 4


def build_cards_pdf(*, activity: Activity, url: str, sheets: int = 2) -> tuple[bytes, str]:
    """Return the blank wish cards as PDF bytes and a file name."""
    data = render_pdf(
        template_name="activities/wish_cards_pdf.html",
        context={
            "activity": activity,
            "url": url,
            "qr": qr_svg(url, scale=1),
            "sheets": range(sheets),
            "cards": range(CARDS_PER_SHEET),
        },
    )
    return data, f"wenskaartjes-{slugify(activity.title)}.pdf"


def build_keepsake_pdf(*, activity: Activity) -> tuple[bytes, str]:
    """Return the keepsake booklet of the shown wishes as PDF bytes and a file name."""
    data = render_pdf(
        template_name="activities/wish_keepsake_pdf.html",
        context={"activity": activity, "wishes": wishes_for_keepsake(activity=activity)},
    )
    day = timezone.localtime(activity.starts_at)
    return data, f"warme-wensen-{slugify(activity.title)}-{day:%Y-%m-%d}.pdf"


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
@require_GET
def wish_cards_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Blank wish cards to print: four A6 cards on an A4 sheet, with the QR code to the wall."""
    _neighbourhood, activity, _organiser = _wall(request, slug, pk, "activities.moderate_wishes")
    return _pdf_response(*build_cards_pdf(activity=activity, url=wall_url(activity)))


@login_required
@require_GET
def wish_keepsake_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """All shown wishes as a keepsake booklet."""
    _neighbourhood, activity, _organiser = _wall(request, slug, pk, "activities.read_wish_keepsake")
    return _pdf_response(*build_keepsake_pdf(activity=activity))
