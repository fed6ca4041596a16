"""The start page, the role-based landing and the error pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from samen.neighbourhoods.selectors import (
    STAFF_ROLES,
    neighbourhoods_public,
    resident_of,
    roles_by_neighbourhood,
)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Show what Samen is and the neighbourhoods that use it."""
    return render(request, "core/home.html", {"neighbourhoods": neighbourhoods_public()[:50]})


@login_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Send a logged-in user to the page that fits their role."""
    roles = roles_by_neighbourhood(request.user)
    if any(r & STAFF_ROLES for r in roles.values()):
        return redirect("neighbourhoods:staff_overview")
    resident = resident_of(user=request.user)
    if resident is not None:
        return redirect("neighbourhoods:home", slug=resident.household.neighbourhood.slug)
    if request.user.is_superuser:
        return redirect(reverse("admin:index"))
    return render(request, "core/no_role.html")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Answer 403 in the user's language."""
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Answer 404 in the user's language."""
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Answer 500 with a self-contained page (no database, no context processors)."""
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({}), status=500)
