"""The postcard (A6): three prompts on the front, the household code and a QR code on the back.

Two pages per household, front then back, so a double-sided print gives one card per
household. Each card speaks its household's language where the interface has it.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samen.core.qr import qr_svg
from samen.neighbourhoods.models import Household, Neighbourhood
from samen.printing.registry import PrintWork

TEMPLATE = "printing/postcard_pdf.html"
RETURN_LINE_MAX = 100
# What the front asks. Dutch: "Wat vind je fijn in de wijk?", "Wat kan beter?", "Wat wil jij doen?"
PROMPTS = (
    _("What do you like in the neighbourhood?"),
    _("What could be better?"),
    _("What do you want to do?"),
)
# On the back when the community worker gave no line of their own.
DEFAULT_RETURN_LINE = _("Give your card to the community worker.")
ONLY_ALL = "all"
# Paper: A6 cards (two pages per household), or A4 sheets with four cards to cut apart.
PAPER_A6 = "a6"
PAPER_A4 = "a4"
PAPERS = (PAPER_A6, PAPER_A4)
CARDS_PER_SHEET = 4
# File names of the PDFs (Dutch: "postkaartjes", "postkaartje").
FILENAME_PREFIX = pgettext_lazy("file name", "postcards")
FILENAME_PREFIX_ONE = pgettext_lazy("file name", "postcard")


def postcard_target_url(household: Household) -> str:
    """Return the address the card's QR code opens: the household's login, then the input form."""
    from urllib.parse import urlencode

    form = reverse("listening:give", kwargs={"slug": household.neighbourhood.slug})
    login = reverse("accounts:code_link", kwargs={"code": household.join_code})
    return f"{settings.SITE_URL}{login}?{urlencode({'next': form})}"


def postcard_typed_url() -> str:
    """Return the address to type the code at, without the scheme (easier to read)."""
    url = settings.SITE_URL + reverse("accounts:code")
    return url.split("://", 1)[-1].rstrip("/")


def households_for_postcards(
    neighbourhood: Neighbourhood, only: str | Iterable[int] | None = None
) -> QuerySet[Household]:
    """Return the households to print a card for, in walking order (street, number).

    `only` is None or "all" for every household, or a list of household ids of this
    neighbourhood. (A selection such as "not reached yet" will be added here.)
    """
    households = Household.objects.filter(neighbourhood=neighbourhood).select_related(
        "neighbourhood"
    )
    if only is None or only == ONLY_ALL:
        pass
    elif isinstance(only, str):
        raise ValueError(f"Unknown household selection: {only!r}")
    else:
        households = households.filter(pk__in=[int(pk) for pk in only])
    return households.order_by("street", "number_sort", "number", "box", "pk")


def postcard_language(household: Household) -> str:
    """Return the language of the household's card: its own if the interface has it, else Dutch."""
    interface = {code for code, _name in settings.LANGUAGES}
    return household.language if household.language in interface else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Card:
    """What one household's card shows."""

    household: Household
    language: str
    qr: str
    target_url: str


def postcard_cards(households: Sequence[Household]) -> list[Card]:
    """Make the cards (with their QR codes) for some households."""
    cards = []
    for household in households:
        url = postcard_target_url(household)
        cards.append(
            Card(
                household=household,
                language=postcard_language(household),
                qr=qr_svg(url, scale=1),
                target_url=url,
            )
        )
    return cards


def postcard_sheets(cards: Sequence[Card]) -> list[dict[str, list[Card | None]]]:
    """Lay cards out four to an A4 sheet: fronts in reading order, backs mirrored left-right.

    Flipped on the long edge, the back of the top-left card is then behind its front.
    """
    sheets = []
    for start in range(0, len(cards), CARDS_PER_SHEET):
        fronts: list[Card | None] = list(cards[start : start + CARDS_PER_SHEET])
        fronts += [None] * (CARDS_PER_SHEET - len(fronts))
        backs = [fronts[1], fronts[0], fronts[3], fronts[2]]
        sheets.append({"fronts": fronts, "backs": backs})
    return sheets


def clean_postcard_params(params: dict[str, Any]) -> dict[str, Any]:
    """Check a postcard job's params: a return line, which households, which paper."""
    line = str(params.get("return_line") or "").strip()
    if len(line) > RETURN_LINE_MAX:
        raise ValidationError(
            _("Keep this line short: at most %(max)d characters."),
            code="too_long",
            params={"max": RETURN_LINE_MAX},
        )
    only = params.get("only", ONLY_ALL) or ONLY_ALL
    if only != ONLY_ALL:
        if not isinstance(only, list | tuple) or not all(
            isinstance(pk, int) and not isinstance(pk, bool) for pk in only
        ):
            raise ValidationError(_("Choose which households get a card."), code="invalid_only")
        only = sorted(set(only))
    paper = params.get("paper") or PAPER_A6
    if paper not in PAPERS:
        raise ValidationError(_("Choose a paper size."), code="invalid_paper")
    return {"return_line": line, "only": only, "paper": paper}


def postcard_context(neighbourhood: Neighbourhood, return_line: str) -> dict[str, Any]:
    """Return what every card of a neighbourhood shares."""
    return {
        "neighbourhood": neighbourhood,
        "prompts": PROMPTS,
        "return_line": return_line,
        "default_return_line": DEFAULT_RETURN_LINE,
        "typed_url_html": format_html('<span class="url">{}</span>', postcard_typed_url()),
    }


def _cards_context(chunk: Sequence[Household]) -> dict[str, Any]:
    return {"cards": postcard_cards(chunk)}


def _sheets_context(chunk: Sequence[Household]) -> dict[str, Any]:
    return {"sheets": postcard_sheets(postcard_cards(chunk))}


def build_postcards_all(*, neighbourhood: Neighbourhood, params: dict[str, Any]) -> PrintWork:
    """Plan the postcards of a neighbourhood: one card (two pages) per household."""
    households = list(households_for_postcards(neighbourhood, only=params.get("only")))
    on_a4 = params.get("paper") == PAPER_A4
    stamp = timezone.localdate().isoformat()
    paper = "-a4" if on_a4 else ""
    filename = f"{slugify(str(FILENAME_PREFIX))}-{neighbourhood.slug}{paper}-{stamp}.pdf"
    return PrintWork(
        template_name=TEMPLATE,
        filename=filename,
        context=postcard_context(neighbourhood, params.get("return_line", "")),
        items=households,
        chunk_context=_sheets_context if on_a4 else _cards_context,
        # Ten cards at a time; on A4 a multiple of four, so only the last sheet has gaps.
        chunk_size=12 if on_a4 else 10,
    )


def postcard_filename(household: Household) -> str:
    """Return the file name of one household's card."""
    address = slugify(f"{household.street} {household.number} {household.box}") or str(household.pk)
    return f"{slugify(str(FILENAME_PREFIX_ONE))}-{address}.pdf"
