"""The survey's printable: one A4 paper questionnaire per household, with its one-time code.

The QR code opens the public code page (the same for everyone); the code itself is typed by
hand, so it never ends up in a URL, a browser history or a server log.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samen.cohesion.instrument import CBS_ITEMS
from samen.cohesion.models import Agreement5, KnownByName, SurveyCode, SurveyItem, SurveyWave
from samen.cohesion.services_survey import format_survey_code
from samen.core.qr import qr_svg
from samen.neighbourhoods.models import Household, Neighbourhood
from samen.printing.registry import PrintableKind, PrintWork, printables

QUESTIONNAIRE_KIND = "survey_questionnaire"
TEMPLATE = "cohesion/questionnaire_pdf.html"


def survey_url() -> str:
    """Return the absolute address of the public code page."""
    return settings.SITE_URL + reverse("cohesion:survey_code")


def questionnaire_language(household: Household) -> str:
    """Return the household's language if the interface has it, else Dutch."""
    interface = {code for code, _name in settings.LANGUAGES}
    return household.language if household.language in interface else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Questionnaire:
    """What one household's questionnaire shows."""

    household: Household
    code: str
    language: str
    extras: list[str]


def clean_questionnaire_params(params: dict[str, Any]) -> dict[str, Any]:
    """Check a questionnaire job's params: the wave, and every household or some."""
    wave = params.get("wave")
    if not isinstance(wave, int) or isinstance(wave, bool):
        raise ValidationError(_("Choose a survey."), code="invalid_wave")
    only = params.get("only") or "all"
    if only != "all":
        if not isinstance(only, list | tuple) or not all(
            isinstance(pk, int) and not isinstance(pk, bool) for pk in only
        ):
            raise ValidationError(_("Choose a household of this neighbourhood."), code="invalid")
        only = sorted(set(only))
    return {"wave": wave, "only": only}


def build_questionnaires(*, neighbourhood: Neighbourhood, params: dict[str, Any]) -> PrintWork:
    """Plan the questionnaires of a wave: one A4 page per household, in walking order."""
    wave = SurveyWave.objects.get(neighbourhood=neighbourhood, pk=params["wave"])
    households = Household.objects.filter(neighbourhood=neighbourhood).select_related(
        "neighbourhood"
    )
    if params.get("only", "all") != "all":
        households = households.filter(pk__in=params["only"])
    households = households.order_by("street", "number_sort", "number", "box", "pk")
    codes = dict(
        SurveyCode.objects.filter(wave=wave, household__in=households).values_list(
            "household_id", "code"
        )
    )
    items = [h for h in households if h.pk in codes]
    extra_items = list(SurveyItem.objects.filter(wave=wave).order_by("position", "id"))

    def chunk(chunk_items: Sequence[Household]) -> dict[str, Any]:
        result = []
        for household in chunk_items:
            language = questionnaire_language(household)
            result.append(
                Questionnaire(
                    household=household,
                    code=format_survey_code(codes[household.pk]),
                    language=language,
                    extras=[item.text_in(language) for item in extra_items],
                )
            )
        return {"questionnaires": result}

    url = survey_url()
    return PrintWork(
        template_name=TEMPLATE,
        filename=f"vragenlijsten-{neighbourhood.slug}-{slugify(wave.title)}-"
        f"{timezone.localdate():%Y-%m-%d}.pdf",
        context={
            "neighbourhood": neighbourhood,
            "wave": wave,
            "items": CBS_ITEMS,
            "scale": Agreement5.choices,
            "bands": KnownByName.choices,
            "url": url.split("://", 1)[-1],
            "qr": qr_svg(url, scale=1),
        },
        items=items,
        chunk_context=chunk,
        chunk_size=10,
    )


printables.register(
    PrintableKind(
        key=QUESTIONNAIRE_KIND,
        label=_("Survey questionnaires"),
        description=_(
            "One A4 questionnaire per household, with the household's one-time survey code."
        ),
        perm="cohesion.run_survey",
        build=build_questionnaires,
        clean_params=clean_questionnaire_params,
        personal_data=True,
        on_printing_page=False,
    )
)
