"""The cohesion figures: a neighbourhood's dashboard, a company's overview, the effect report."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

import samen.cohesion.rules
import samen.cohesion.rules_figures  # noqa: F401 - loads the perms
from samen.cohesion.charts import company_chart, neighbourhood_charts, reference_label
from samen.cohesion.instrument import MIN_GROUP, NATIONAL_REFERENCE, NATIONAL_REFERENCE_YEAR
from samen.cohesion.models import KnownByName
from samen.cohesion.pdf_figures import build_effect_report_pdf
from samen.cohesion.selectors_figures import (
    company_figures,
    neighbourhood_figures,
    organisation_by_slug,
)
from samen.core.access import access_neighbourhood


def _reference() -> dict:
    return {
        "reference": NATIONAL_REFERENCE,
        "reference_year": NATIONAL_REFERENCE_YEAR,
        "reference_label": reference_label(),
        "min_group": MIN_GROUP,
        "band_choices": KnownByName.choices,
    }


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """Show how connected the neighbours feel, how the network grows and who takes part."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="cohesion.view_figures")
    figures = neighbourhood_figures(neighbourhood=neighbourhood)
    return render(
        request,
        "cohesion/dashboard.html",
        {
            "neighbourhood": neighbourhood,
            "figures": figures,
            "charts": neighbourhood_charts(figures),
            "can_print": request.user.has_perm("cohesion.view_effect_report", neighbourhood),
            **_reference(),
        },
    )


@login_required
@require_GET
def company_overview(request: HttpRequest, org: str) -> HttpResponse:
    """Show every neighbourhood of a housing company side by side (its own staff only)."""
    organisation = organisation_by_slug(slug=org)
    if organisation is None or not request.user.has_perm(
        "cohesion.view_company_overview", organisation
    ):
        raise Http404
    rows = company_figures(organisation=organisation)
    return render(
        request,
        "cohesion/company_overview.html",
        {"organisation": organisation, "rows": rows, "chart": company_chart(rows), **_reference()},
    )


@login_required
@require_GET
def effect_report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the effect report of one neighbourhood as an A4 PDF for the housing company's board."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="cohesion.view_effect_report")
    data, filename = build_effect_report_pdf(neighbourhood=neighbourhood)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
