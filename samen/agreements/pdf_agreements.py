"""PDFs of the agreements: an A4 poster for the neighbourhood and a leaflet per household.

The lead registers the kinds in `samen/agreements/printables.py`:

    from samen.agreements.pdf_agreements import AGREEMENT_LEAFLETS, AGREEMENT_POSTER
    printables.register(AGREEMENT_POSTER)
    printables.register(AGREEMENT_LEAFLETS)
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samen.agreements.models import Responsible
from samen.agreements.selectors_agreements import (
    agreements_in_force,
    households_for_leaflets,
    text_in,
)
from samen.neighbourhoods.models import Household, Neighbourhood
from samen.printing.registry import PrintableKind, PrintWork

RTL_LANGUAGES = frozenset({"ar", "prs", "ps", "fa", "he", "ur"})


@dataclass(frozen=True)
class AgreementText:
    """One agreement as printed: title and text in one language."""

    title: str
    text: str
    responsible: Any  # a lazy label, translated when rendered


@dataclass(frozen=True)
class Leaflet:
    """What one household's leaflet shows."""

    household: Household
    ui_language: str  # the language of the labels (an interface language)
    text_language: str  # the language of the agreements' texts
    direction: str
    agreements: list[AgreementText]


def _interface_language(code: str) -> str:
    interface = {c for c, _name in settings.LANGUAGES}
    return code if code in interface else settings.LANGUAGE_CODE


def build_agreement_poster(*, neighbourhood: Neighbourhood, params: dict[str, Any]) -> PrintWork:
    """Plan the A4 poster: the neighbourhood's agreements in force, in big type (Dutch)."""
    agreements = [
        AgreementText(title=a.title, text=a.text, responsible=Responsible(a.responsible).label)
        for a in agreements_in_force(neighbourhood=neighbourhood)
    ]
    return PrintWork(
        template_name="agreements/agreement_poster_pdf.html",
        filename=f"afspraken-{slugify(neighbourhood.slug)}-{timezone.localdate():%Y-%m-%d}.pdf",
        context={
            "neighbourhood": neighbourhood,
            "agreements": agreements,
            "today": timezone.localdate(),
        },
    )


def leaflets_for(*, neighbourhood: Neighbourhood) -> list[Leaflet]:
    """One leaflet per household, in the household's language where a translation exists."""
    agreements = list(agreements_in_force(neighbourhood=neighbourhood))
    leaflets = []
    for household in households_for_leaflets(neighbourhood=neighbourhood):
        texts = []
        translated = False
        for agreement in agreements:
            title, text, language = text_in(agreement, household.language)
            translated = translated or language != "nl"
            texts.append(
                AgreementText(
                    title=title, text=text, responsible=Responsible(agreement.responsible).label
                )
            )
        text_language = household.language if translated else "nl"
        leaflets.append(
            Leaflet(
                household=household,
                ui_language=_interface_language(text_language),
                text_language=text_language,
                direction="rtl" if text_language in RTL_LANGUAGES else "ltr",
                agreements=texts,
            )
        )
    return leaflets


def build_agreement_leaflets(*, neighbourhood: Neighbourhood, params: dict[str, Any]) -> PrintWork:
    """Plan the leaflets: one A4 page per household, rendered in chunks."""
    return PrintWork(
        template_name="agreements/agreement_leaflet_pdf.html",
        filename=f"afspraken-folders-{slugify(neighbourhood.slug)}-{timezone.localdate():%Y-%m-%d}.pdf",
        context={"neighbourhood": neighbourhood, "today": timezone.localdate()},
        items=leaflets_for(neighbourhood=neighbourhood),
        chunk_context=lambda chunk: {"leaflets": chunk},
        chunk_size=20,
    )


AGREEMENT_POSTER = PrintableKind(
    key="agreement_poster",
    label=_("Poster with our agreements"),
    description=_("An A4 poster with the agreements in force, in big letters, for the hall."),
    perm="agreements.print_agreements",
    build=build_agreement_poster,
)

AGREEMENT_LEAFLETS = PrintableKind(
    key="agreement_leaflets",
    label=_("Leaflet with our agreements for every household"),
    description=_(
        "One page per household with the agreements in force, in the household's language "
        "where there is a translation, with the address for delivery."
    ),
    perm="agreements.print_agreement_leaflets",
    build=build_agreement_leaflets,
    personal_data=True,
)
