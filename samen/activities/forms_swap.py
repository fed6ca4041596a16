"""Forms of the swap board: put something on it, filter it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.activities.models import TITLE_MAX_CHARS, SwapItem
from samen.core.idempotency import IdempotentFormMixin
from samen.core.images import NOT_A_PHOTO


class SwapItemForm(IdempotentFormMixin, forms.Form):
    """An offer or a want for the swap board."""

    kind = forms.ChoiceField(
        label=_("Do you offer something or are you looking for something?"),
        choices=SwapItem.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you offer something or look for it.")},
    )
    category = forms.ChoiceField(
        label=_("What kind of thing is it?"),
        choices=SwapItem.Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of thing it is.")},
    )
    title = forms.CharField(
        label=_("What is it?"),
        help_text=_("For example: cuttings of a monstera."),
        max_length=TITLE_MAX_CHARS,
        error_messages={"required": _("Write in a few words what it is.")},
    )
    description = forms.CharField(
        label=_("More about it"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How big, how many, what colour…"),
    )
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("A photo helps. We remove the place and time it was taken."),
        error_messages={"invalid_image": NOT_A_PHOTO},
    )


class SwapFilterForm(forms.Form):
    """Filter the board by offer/want and category (a GET form)."""

    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("offers and wants")), *SwapItem.Kind.choices],
    )
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("all categories")), *SwapItem.Category.choices],
    )
