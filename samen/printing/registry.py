"""The registry of printable kinds: what a print job can make, and how.

An app declares its kinds in its own `printables.py` (found at start-up, like `admin.py`):

    from samen.printing.registry import PrintableKind, PrintWork, printables

    def build_flyer(*, neighbourhood, params):
        activity = ...
        return PrintWork(template_name="activities/flyer_pdf.html",
                         context={"activity": activity}, filename="flyer.pdf")

    printables.register(PrintableKind(key="activity_flyer", label=_("Flyer"),
                                      perm="activities.print_flyer", build=build_flyer))

A job stores only the kind's key and its params (JSON); `build` turns them into a `PrintWork`
when the job runs, so a job always prints the data as it is at that moment. See
docs/printing.md.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _


def _items_as_items(chunk: Sequence[Any]) -> dict[str, Any]:
    return {"items": chunk}


@dataclass
class PrintWork:
    """What a print job renders: one template, a shared context, and the items to spread.

    With `items`, the template is rendered once per chunk of `chunk_size` items, with
    `chunk_context(chunk)` added to the context (by default `{"items": chunk}`), and the
    pages are joined in order; the job's progress counts items. Without `items` (None),
    the template is rendered once, as a whole, and the progress goes from 0 to 1.
    """

    template_name: str
    filename: str
    context: dict[str, Any] = field(default_factory=dict)
    items: Sequence[Any] | None = None
    chunk_context: Callable[[Sequence[Any]], dict[str, Any]] = _items_as_items
    chunk_size: int = 10


def _no_params(params: dict[str, Any]) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class PrintableKind:
    """A kind of PDF that a print job can make."""

    key: str
    label: Any  # a lazy translated string
    perm: str  # checked against the neighbourhood, for starting, seeing and downloading
    build: Callable[..., PrintWork]  # build(*, neighbourhood, params) -> PrintWork
    description: Any = ""
    # Validate and normalise the params a job is started with (raise ValidationError).
    clean_params: Callable[[dict[str, Any]], dict[str, Any]] = _no_params
    # The form on the printing page that asks for the params (an IdempotentFormMixin form).
    form_class: type[forms.Form] | None = None
    # The PDF holds personal data (addresses, household codes): starting it and
    # downloading it are written to the audit log.
    personal_data: bool = False
    # Show the kind on the printing page with a start button (kinds that need an object,
    # such as one activity's flyer, are started from that object's page instead).
    on_printing_page: bool = True


class PrintableRegistry:
    """The kinds, in the order they were registered."""

    def __init__(self) -> None:
        self._kinds: dict[str, PrintableKind] = {}

    def register(self, kind: PrintableKind) -> PrintableKind:
        """Add a kind; a second kind with the same key is a programming error."""
        existing = self._kinds.get(kind.key)
        if existing is not None and existing is not kind:
            raise ImproperlyConfigured(f"A printable kind {kind.key!r} is registered twice.")
        self._kinds[kind.key] = kind
        return kind

    def unregister(self, key: str) -> None:
        """Remove a kind (for tests)."""
        self._kinds.pop(key, None)

    def get(self, key: str) -> PrintableKind:
        """Return the kind with this key, or raise ValidationError."""
        try:
            return self._kinds[key]
        except KeyError:
            raise ValidationError(
                _("We do not know this kind of print."), code="unknown_kind"
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._kinds

    def all(self) -> list[PrintableKind]:
        """Return every kind."""
        return list(self._kinds.values())


printables = PrintableRegistry()
