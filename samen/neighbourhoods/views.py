"""Pages about a neighbourhood: public page, residents' home, staff pages for households."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from samen.accounts.forms import ResidentDetailsForm
from samen.activities.selectors_activities import activities_upcoming
from samen.agreements.selectors_agreements import agreements_for_home
from samen.cohesion.selectors_survey import open_wave_for_resident
from samen.committee.selectors_meetings import public_part
from samen.core.access import access_neighbourhood
from samen.core.selectors import audit_events_of
from samen.core.services import audit_record
from samen.neighbourhoods.forms import (
    HouseholdForm,
    HouseholdSearchForm,
    NeighbourhoodForm,
    TeamMemberForm,
)
from samen.neighbourhoods.selectors import (
    household_for_staff,
    households_for_staff,
    housing_companies_administered_by,
    housing_companies_of,
    neighbourhoods_managed_by,
    organisation_staff,
    organisations_administered_by,
    resident_in,
    resident_of,
    residents_listed,
    roles_of,
    team_of,
    team_role_of,
)
from samen.neighbourhoods.services import (
    household_create,
    household_new_join_code,
    neighbourhood_create,
    resident_create,
    role_revoke,
    staff_invite,
)
from samen.trajectories.selectors import timeline_of

PAGE_SIZE = 50


@require_GET
def public(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a neighbourhood's public page: what happens, no personal data."""
    neighbourhood = access_neighbourhood(request, slug=slug)
    return render(
        request,
        "neighbourhoods/neighbourhood_public.html",
        {
            "neighbourhood": neighbourhood,
            "timeline": timeline_of(neighbourhood=neighbourhood),
            "activities": activities_upcoming(neighbourhood=neighbourhood),
        },
    )


@login_required
@require_GET
def home(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the residents' neighbourhood home: the trajectory as a timeline."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.view_home")
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    return render(
        request,
        "neighbourhoods/neighbourhood_home.html",
        {
            "neighbourhood": neighbourhood,
            "resident": resident,
            "roles": roles_of(user=request.user, neighbourhood=neighbourhood),
            "timeline": timeline_of(neighbourhood=neighbourhood),
            "can_submit": request.user.has_perm("listening.submit_online", neighbourhood),
            "can_volunteer": request.user.has_perm("listening.volunteer", neighbourhood),
            "agreements_in_force": agreements_for_home(neighbourhood=neighbourhood),
            "committee_meetings": public_part(neighbourhood=neighbourhood),
            "activities": activities_upcoming(neighbourhood=neighbourhood),
            "survey_wave": open_wave_for_resident(
                user=request.user, neighbourhood=neighbourhood, resident=resident
            ),
        },
    )


@login_required
@require_GET
def directory(request: HttpRequest, slug: str) -> HttpResponse:
    """List the neighbours who chose to be listed, by street."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.view_directory")
    page = Paginator(residents_listed(neighbourhood=neighbourhood), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "neighbourhoods/resident_directory.html",
        {"neighbourhood": neighbourhood, "page_obj": page},
    )


@login_required
@require_GET
def staff_overview(request: HttpRequest) -> HttpResponse:
    """Show the neighbourhoods a staff member works in, with what they may do there."""
    page = Paginator(neighbourhoods_managed_by(user=request.user), 24).get_page(
        request.GET.get("page")
    )
    for neighbourhood in page:
        neighbourhood.my_roles = roles_of(user=request.user, neighbourhood=neighbourhood)
    can_create = housing_companies_administered_by(user=request.user).exists()
    if not page.object_list and not can_create:
        resident = resident_of(user=request.user)
        if resident is not None:
            return redirect("neighbourhoods:home", slug=resident.household.neighbourhood.slug)
        raise Http404
    return render(
        request,
        "neighbourhoods/staff_overview.html",
        {
            "page_obj": page,
            "can_create": can_create,
            "admin_organisations": organisations_administered_by(user=request.user),
            "show_company_reports": any("housing_staff" in n.my_roles for n in page),
            "housing_companies": housing_companies_of(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def neighbourhood_create_view(request: HttpRequest) -> HttpResponse:
    """Let an admin of a housing company add a neighbourhood."""
    organisations = housing_companies_administered_by(user=request.user)
    if not organisations.exists():
        raise Http404
    form = NeighbourhoodForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        neighbourhood = neighbourhood_create(
            organisation=data["organisation"],
            name=data["name"],
            municipality=data["municipality"],
            sub_municipality=data["sub_municipality"],
            introduction=data["introduction"],
            idempotency_key=data["idempotency_key"],
        )
        messages.success(
            request, _("The neighbourhood %(name)s is added.") % {"name": neighbourhood.name}
        )
        return redirect("neighbourhoods:household_list", slug=neighbourhood.slug)
    return render(request, "neighbourhoods/neighbourhood_create.html", {"form": form})


@login_required
@require_GET
@vary_on_headers("HX-Request")
def household_list(request: HttpRequest, slug: str) -> HttpResponse:
    """List the households with their codes, searchable and paged."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.view_households")
    search = HouseholdSearchForm(request.GET or None)
    query = search.cleaned_data.get("q", "") if search.is_valid() else ""
    page = Paginator(
        households_for_staff(neighbourhood=neighbourhood, search=query), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    template = "neighbourhoods/household_list.html"
    if request.htmx:
        template += "#rows"
    return render(
        request,
        template,
        {"neighbourhood": neighbourhood, "page_obj": page, "search": search, "query": query},
    )


@login_required
@require_http_methods(["GET", "POST"])
def household_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add one household by hand."""
    neighbourhood = access_neighbourhood(
        request, slug=slug, perm="neighbourhoods.import_households"
    )
    form = HouseholdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            household = household_create(
                neighbourhood=neighbourhood,
                street=data["street"],
                number=data["number"],
                box=data["box"],
                postal_code=data["postal_code"],
                language=data["language"],
            )
        except ValidationError:
            form.add_error(None, _("This address is already in the neighbourhood."))
        else:
            messages.success(request, _("%(address)s is added.") % {"address": household.address})
            return redirect("neighbourhoods:household_detail", slug=slug, pk=household.pk)
    return render(
        request, "neighbourhoods/household_add.html", {"neighbourhood": neighbourhood, "form": form}
    )


@login_required
@require_GET
def household_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show one household with its residents; the look is written to the audit log."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.view_households")
    household = household_for_staff(neighbourhood=neighbourhood, pk=pk)
    if household is None:
        raise Http404
    audit_record(
        actor=request.user,
        action="household.viewed",
        target=household,
        neighbourhood_id=neighbourhood.pk,
    )
    return render(
        request,
        "neighbourhoods/household_detail.html",
        {"neighbourhood": neighbourhood, "household": household, "form": ResidentDetailsForm()},
    )


@login_required
@require_POST
def household_renew_code(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Give a household a new code (when the old one got into the wrong hands)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.view_households")
    household = household_for_staff(neighbourhood=neighbourhood, pk=pk)
    if household is None:
        raise Http404
    household_new_join_code(household=household, actor=request.user)
    messages.success(request, _("The household has a new code. The old code no longer works."))
    return redirect("neighbourhoods:household_detail", slug=slug, pk=pk)


@login_required
@require_http_methods(["POST"])
def household_resident_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Add a resident to a household on their behalf."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.view_households")
    household = household_for_staff(neighbourhood=neighbourhood, pk=pk)
    if household is None:
        raise Http404
    form = ResidentDetailsForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        resident = resident_create(
            household=household,
            display_name=data["display_name"],
            languages=data["languages"],
            email=data["email"],
            phone=data["phone"],
            listed=data["listed"],
            actor=request.user,
            idempotency_key=data["idempotency_key"],
        )
        messages.success(request, _("%(name)s is added.") % {"name": resident.display_name})
        return redirect("neighbourhoods:household_detail", slug=slug, pk=pk)
    return render(
        request,
        "neighbourhoods/household_detail.html",
        {"neighbourhood": neighbourhood, "household": household, "form": form},
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest, slug: str) -> HttpResponse:
    """Show who works in the neighbourhood; an organisation admin invites community workers."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.manage_team")
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assignment = staff_invite(
            neighbourhood=neighbourhood,
            email=data["email"],
            display_name=data["display_name"],
            actor=request.user,
        )
        messages.success(
            request,
            _("%(name)s is now a community worker here.") % {"name": assignment.user.display_name},
        )
        return redirect("neighbourhoods:team", slug=slug)
    return render(
        request,
        "neighbourhoods/team_list.html",
        {
            "neighbourhood": neighbourhood,
            "roles": team_of(neighbourhood=neighbourhood),
            "staff": organisation_staff(neighbourhood=neighbourhood),
            "form": form,
        },
    )


@login_required
@require_POST
def team_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Take a role away."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.manage_team")
    assignment = team_role_of(neighbourhood=neighbourhood, pk=pk)
    if assignment is None:
        raise Http404
    role_revoke(assignment=assignment, actor=request.user)
    messages.success(
        request, _("%(name)s no longer has this role.") % {"name": assignment.user.display_name}
    )
    return redirect("neighbourhoods:team", slug=slug)


@login_required
@require_GET
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    """Show who looked at or changed personal data in the neighbourhood."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="neighbourhoods.view_audit_log")
    page = Paginator(audit_events_of(neighbourhood_id=neighbourhood.pk), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "neighbourhoods/auditevent_list.html",
        {"neighbourhood": neighbourhood, "page_obj": page},
    )
