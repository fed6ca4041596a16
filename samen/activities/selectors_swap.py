"""Reads of a swap board: the board, open items, my items and the matches between them.

Matching is simple and deterministic, so people can understand why two things are shown
together: an offer and a want (of different households, both still open) match when they
are in the same category, or when their titles and descriptions share a word. Words are
taken in lower case without punctuation or digits; words shorter than three letters and
common Dutch little words ("de", "een", "voor", "zoek"…) are ignored, and a few Dutch
endings are cut off ("stekjes" and "stekje" both become "stek", "planten" becomes "plant").
Matches are ordered by the number of shared words (each counts twice), then the category,
then the newest item.
"""

import re
from dataclasses import dataclass

from django.db.models import QuerySet

from samen.activities.models import Activity, SwapItem
from samen.neighbourhoods.models import Household, Neighbourhood

MATCHES_PER_ITEM = 5
MATCHES_OVERVIEW_MAX = 200
MIN_WORD = 3
STOP_WORDS = frozenset(
    [
        "aan",
        "als",
        "alle",
        "ben",
        "bij",
        "dan",
        "dat",
        "die",
        "dit",
        "door",
        "een",
        "eens",
        "geen",
        "graag",
        "heb",
        "heeft",
        "hebben",
        "het",
        "hier",
        "hij",
        "iemand",
        "iets",
        "ik",
        "jij",
        "jou",
        "jouw",
        "kan",
        "kunnen",
        "maar",
        "mag",
        "meer",
        "met",
        "mijn",
        "mooi",
        "mooie",
        "nog",
        "ons",
        "onze",
        "ook",
        "paar",
        "per",
        "stuk",
        "stuks",
        "tot",
        "uit",
        "van",
        "veel",
        "voor",
        "wat",
        "wel",
        "wie",
        "wil",
        "zijn",
        "zoek",
        "zoeken",
        "zou",
    ]
)
# Longest first, so "stekjes" loses "jes" and not only "s".
ENDINGS = ("jes", "tje", "je", "en", "s")
WORD = re.compile(r"[^\W\d_]+")


def _stem(word: str) -> str:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def swap_words(text: str) -> frozenset[str]:
    """Return the words of a text that count for matching (lower case, stemmed, no stop words)."""
    return frozenset(
        _stem(word)
        for word in WORD.findall((text or "").lower())
        if len(word) >= MIN_WORD and word not in STOP_WORDS
    )


def _item_words(item: SwapItem) -> frozenset[str]:
    cached = getattr(item, "_swap_words", None)
    if cached is None:
        cached = swap_words(f"{item.title} {item.description}")
        item._swap_words = cached  # type: ignore[attr-defined]
    return cached


@dataclass(frozen=True)
class SwapMatch:
    """An offer and a want that may go together, and why."""

    offer: SwapItem
    want: SwapItem
    shared_words: tuple[str, ...]
    same_category: bool

    @property
    def score(self) -> int:
        """Rank: two points per shared word, one for the same category."""
        return 2 * len(self.shared_words) + int(self.same_category)


def swap_match(offer: SwapItem, want: SwapItem) -> SwapMatch | None:
    """Return the match between an offer and a want, or None when they do not match."""
    if offer.household_id == want.household_id:
        return None
    if offer.status != SwapItem.Status.OPEN or want.status != SwapItem.Status.OPEN:
        return None
    shared = tuple(sorted(_item_words(offer) & _item_words(want)))
    same_category = offer.category == want.category
    if not shared and not same_category:
        return None
    return SwapMatch(offer=offer, want=want, shared_words=shared, same_category=same_category)


def _order(matches: list[SwapMatch], *, other: str) -> list[SwapMatch]:
    return sorted(
        matches,
        key=lambda m: (-m.score, -getattr(m, other).created_at.timestamp(), -getattr(m, other).pk),
    )


def swap_board_of(*, neighbourhood: Neighbourhood, pk: int, organiser: bool) -> Activity | None:
    """Return the swap with this id, if it is one and the user may see it (drafts: organisers)."""
    activity = (
        Activity.objects.filter(neighbourhood=neighbourhood, pk=pk, kind=Activity.Kind.SWAP)
        .select_related("neighbourhood")
        .first()
    )
    if activity is None or (not activity.published and not organiser):
        return None
    return activity


def swap_items_open(
    *, activity: Activity, kind: str = "", category: str = ""
) -> QuerySet[SwapItem]:
    """Return the board's open items, newest first, optionally of one kind and category."""
    items = SwapItem.objects.filter(activity=activity, status=SwapItem.Status.OPEN)
    if kind:
        items = items.filter(kind=kind)
    if category:
        items = items.filter(category=category)
    return items.select_related("household").order_by("-created_at", "-id")


def swap_item_of(*, activity: Activity, pk: int) -> SwapItem | None:
    """Return one item of this board, or None."""
    return (
        SwapItem.objects.filter(activity=activity, pk=pk)
        .select_related("activity__neighbourhood")
        .first()
    )


@dataclass
class MyItem:
    """One of my household's items, with the neighbours' items that match it."""

    item: SwapItem
    matches: list[SwapItem]


def swap_items_of_household(*, activity: Activity, household: Household) -> list[MyItem]:
    """Return my household's items on the board, each with its best matches (two queries)."""
    mine = list(SwapItem.objects.filter(activity=activity, household=household))
    others = list(
        SwapItem.objects.filter(activity=activity, status=SwapItem.Status.OPEN).exclude(
            household=household
        )
    )
    result = []
    for item in mine:
        if item.kind == SwapItem.Kind.OFFER:
            found = [swap_match(item, other) for other in others if other.kind == "want"]
            ordered = _order([m for m in found if m], other="want")
            matches = [m.want for m in ordered]
        else:
            found = [swap_match(other, item) for other in others if other.kind == "offer"]
            ordered = _order([m for m in found if m], other="offer")
            matches = [m.offer for m in ordered]
        result.append(MyItem(item=item, matches=matches[:MATCHES_PER_ITEM]))
    return result


def swap_matches_all(*, activity: Activity) -> list[SwapMatch]:
    """Return every match on the board, best first, for the organisers (one query)."""
    items = list(
        SwapItem.objects.filter(activity=activity, status=SwapItem.Status.OPEN).select_related(
            "household"
        )
    )
    offers = [i for i in items if i.kind == SwapItem.Kind.OFFER]
    wants = [i for i in items if i.kind == SwapItem.Kind.WANT]
    matches = [m for offer in offers for want in wants if (m := swap_match(offer, want))]
    matches.sort(key=lambda m: (-m.score, m.want.pk, m.offer.pk))
    return matches[:MATCHES_OVERVIEW_MAX]
