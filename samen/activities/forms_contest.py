"""Forms of the contest: enter a pet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.activities.models import ENTRY_TEXT_MAX_CHARS, TITLE_MAX_CHARS
from samen.core.idempotency import IdempotentFormMixin
from samen.core.images import NOT_A_PHOTO


class ContestEntryForm(IdempotentFormMixin, forms.Form):
    """A pet for the contest: its name, a short text and a photo."""

    title = forms.CharField(
        label=_("Your pet's name"),
        max_length=TITLE_MAX_CHARS,
        error_messages={"required": _("Write your pet's name.")},
    )
    text = forms.CharField(
        label=_("A few words about your pet"),
        required=False,
        max_length=ENTRY_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What makes your pet special? At most 500 characters."),
    )
    photo = forms.ImageField(
        label=_("Photo of your pet"),
        help_text=_("We remove the place and time the photo was taken."),
        error_messages={
            "required": _("Choose a photo of your pet."),
            "invalid_image": NOT_A_PHOTO,
        },
    )
