"""Pages where an organisation's admins make and revoke API keys."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samen.api.forms import ApiKeyForm
from samen.api.selectors import api_key_of, api_keys_of, organisation_by_slug
from samen.api.services import api_key_create, api_key_revoke
from samen.neighbourhoods.models import Organisation

# The new key's secret waits here for exactly one page view (then it is gone for good).
NEW_KEY_SESSION = "samen_api_new_key"
PAGE_SIZE = 50


def access_organisation(request: HttpRequest, *, slug: str) -> Organisation:
    """Return the organisation if the user is one of its admins; else 404."""
    organisation = organisation_by_slug(slug=slug)
    if organisation is None or not request.user.has_perm("api.manage_keys", organisation):
        raise Http404
    return organisation


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def key_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    """List the organisation's keys; make a new one (its secret is shown once)."""
    organisation = access_organisation(request, slug=org_slug)
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key, secret = api_key_create(
            organisation=organisation,
            name=form.cleaned_data["name"],
            actor=request.user,
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
        if secret is not None:
            request.session[NEW_KEY_SESSION] = {"id": key.pk, "secret": secret}
        return redirect("api_keys:list", org_slug=organisation.slug)
    new_key = request.session.pop(NEW_KEY_SESSION, None) if request.method == "GET" else None
    page = Paginator(api_keys_of(organisation=organisation), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "api/apikey_list.html",
        {"organisation": organisation, "page_obj": page, "form": form, "new_key": new_key},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def key_revoke(request: HttpRequest, org_slug: str, pk: int) -> HttpResponse:
    """Revoke a key at once."""
    organisation = access_organisation(request, slug=org_slug)
    key = api_key_of(organisation=organisation, pk=pk)
    if key is None:
        raise Http404
    api_key_revoke(key=key, actor=request.user)
    messages.success(request, _("The key %(name)s is revoked.") % {"name": key.name})
    return redirect("api_keys:list", org_slug=organisation.slug)
