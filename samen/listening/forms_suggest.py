"""Forms of the theme suggestions page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.core.idempotency import IdempotentFormMixin
from samen.listening.models import Theme

TITLE_MAX = Theme._meta.get_field("title").max_length


class SuggestionRunForm(IdempotentFormMixin, forms.Form):
    """Start a new suggestion run (a double click starts one)."""


class SuggestionAcceptForm(forms.Form):
    """Accept a suggestion, with the title as the worker wants it."""

    title = forms.CharField(
        label=_("Name of the theme"),
        max_length=TITLE_MAX,
        help_text=_("Change the name if you like. A theme with this exact name is used again."),
        error_messages={
            "required": _("Give the theme a name."),
            "max_length": _("The name is too long: at most %(limit_value)d characters."),
        },
    )
