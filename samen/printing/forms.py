"""Forms of the printing page: one small form per printable kind."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.core.idempotency import IdempotentFormMixin
from samen.printing.postcards import ONLY_ALL, PAPER_A4, PAPER_A6, RETURN_LINE_MAX


class PrintJobForm(IdempotentFormMixin):
    """Start a print job of a kind without settings (just a button)."""

    def params(self) -> dict[str, Any]:
        """Return the job's params from the cleaned data."""
        return {k: v for k, v in self.cleaned_data.items() if k != "idempotency_key"}


class PostcardJobForm(PrintJobForm):
    """Start the postcards of every household, with the line about where to hand them in."""

    return_line = forms.CharField(
        label=_("Where do residents hand in their card?"),
        help_text=_(
            "One short line on the back of every card. For example: "
            "Put it in the letterbox at Kapelstraat 12."
        ),
        required=False,
        max_length=RETURN_LINE_MAX,
    )
    paper = forms.ChoiceField(
        label=_("Paper"),
        choices=[
            (PAPER_A6, _("A6 cards (105 × 148 mm): one card per sheet")),
            (PAPER_A4, _("A4 paper: four cards per sheet, to cut apart")),
        ],
        initial=PAPER_A6,
        widget=forms.RadioSelect,
    )

    def params(self) -> dict[str, Any]:
        """Return the job's params: the line, the paper, and every household."""
        return {
            "return_line": self.cleaned_data["return_line"].strip(),
            "only": ONLY_ALL,
            "paper": self.cleaned_data["paper"],
        }
