"""Stand mode: one screen for a worker's tablet at a street stand.

Without JavaScript the page is a plain form that stores one entry per submit. With
`stand.js` entries go into a queue on the device and are synced to the API
(`/api/v1/neighbourhoods/<slug>/contributions/sync`) whenever there is a network; a service
worker (`stand-sw.js`, served below the page so its scope covers it) keeps the page
available offline. See docs/api.md.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from samen.api.selectors import stand_entries_today, stand_picker
from samen.core.access import access_neighbourhood
from samen.listening.forms_stand import STAND_KINDS, StandEntryForm
from samen.listening.models import Channel
from samen.listening.services import contribution_create

CHANNEL_SESSION = "samen_stand_channel"


def _texts() -> dict:
    """Return the script's words, translated on the server."""

    def forms_of(singular: str, plural: str) -> list[str]:
        return [ngettext(singular, plural, 1), ngettext(singular, plural, 2)]

    return {
        "waiting": forms_of(
            "%(count)s entry is waiting to be sent.", "%(count)s entries are waiting to be sent."
        ),
        "invalid": forms_of(
            "%(count)s entry needs a correction.", "%(count)s entries need a correction."
        ),
        "none": _("Everything is sent."),
        "kept": _("Kept on this tablet."),
        "offline": _("No network: the entries wait on this tablet."),
        "login": _("Log in again to send the waiting entries."),
        "missing": _("Choose the kind and write what the resident said."),
        "fix": _("Correct"),
        "drop": _("Remove"),
        "confirm_drop": _("Remove this entry for good?"),
        "kinds": {str(value): str(label) for value, label in STAND_KINDS},
    }


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def stand(request: HttpRequest, slug: str) -> HttpResponse:
    """Take entries fast at the stand; each submit stores one entry, once."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.use_stand")
    picker = stand_picker(neighbourhood=neighbourhood)
    channel = request.session.get(CHANNEL_SESSION, Channel.STAND)
    form = StandEntryForm(request.POST or None, picker=picker, initial={"channel": channel})
    if request.method == "POST" and form.is_valid():
        try:
            contribution_create(
                neighbourhood=neighbourhood,
                data=form.contribution_input(),
                entered_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            request.session[CHANNEL_SESSION] = form.cleaned_data["channel"]
            messages.success(request, _("Saved. Take the next one."))
            return redirect("listening:stand", slug=slug)
    return render(
        request,
        "listening/stand.html",
        {
            "neighbourhood": neighbourhood,
            "form": form,
            "today": stand_entries_today(neighbourhood=neighbourhood, user=request.user),
            "sync_url": reverse("api-1:contributions_sync", kwargs={"slug": slug}),
            "sw_url": reverse("listening:stand_sw", kwargs={"slug": slug}),
            "queue_key": f"samen-stand:{neighbourhood.slug}:{request.user.pk}",
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "texts": _texts(),
        },
        status=400 if form.is_bound else 200,
    )


def _service_worker_source() -> bytes:
    path = finders.find("samen/stand-sw.js")
    if not path:
        raise Http404
    with open(path, "rb") as handle:
        return handle.read()


@require_GET
def stand_service_worker(request: HttpRequest, slug: str) -> HttpResponse:
    """Serve the stand's service worker from below the page, so its scope covers the page."""
    access_neighbourhood(request, slug=slug)
    response = HttpResponse(_service_worker_source(), content_type="text/javascript")
    # Browsers look for a new worker at most once a day anyway; never keep an old one longer.
    response["Cache-Control"] = "no-cache"
    return response
