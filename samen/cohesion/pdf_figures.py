"""The effect report of one neighbourhood as an A4 PDF (small: rendered in the request)."""

from django.utils import timezone

from samen.cohesion.charts import neighbourhood_charts, reference_label
from samen.cohesion.instrument import MIN_GROUP, NATIONAL_REFERENCE, NATIONAL_REFERENCE_YEAR
from samen.cohesion.models import KnownByName
from samen.cohesion.selectors_figures import neighbourhood_figures
from samen.neighbourhoods.models import Neighbourhood
from samen.printing.pdf import render_pdf


def build_effect_report_pdf(*, neighbourhood: Neighbourhood) -> tuple[bytes, str]:
    """Return the effect report as PDF bytes and a file name."""
    figures = neighbourhood_figures(neighbourhood=neighbourhood)
    data = render_pdf(
        template_name="cohesion/effect_report_pdf.html",
        context={
            "neighbourhood": neighbourhood,
            "figures": figures,
            "charts": neighbourhood_charts(figures),
            "today": timezone.localdate(),
            "reference": NATIONAL_REFERENCE,
            "reference_year": NATIONAL_REFERENCE_YEAR,
            "reference_label": reference_label(),
            "min_group": MIN_GROUP,
            "band_choices": KnownByName.choices,
            "in_pdf": True,
        },
    )
    return data, f"effectrapport-{neighbourhood.slug}-{timezone.localdate():%Y-%m-%d}.pdf"
