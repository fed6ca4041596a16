"""Forms of the wish wall."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.activities.models import WISH_MAX_CHARS
from samen.core.idempotency import IdempotentFormMixin

SIGNED_MAX_CHARS = 80


class WishForm(IdempotentFormMixin):
    """A wish and who it is from. No maxlength on the inputs: a too long text is refused with
    its length shown, never cut off by the browser (the writer decides what to drop)."""

    text = forms.CharField(
        label=_("Your warm wish for the neighbourhood"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    signed = forms.CharField(
        label=_("From"),
        required=False,
        help_text=_(
            "Your first name, or for example “the Peeters family”. Leave it empty to stay anonymous."
        ),
    )

    text_hint = _("At most %(max)s characters. Write in any language.")

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # The number goes in at request time, in the language of the request.
        self.fields["text"].help_text = str(self.text_hint) % {"max": WISH_MAX_CHARS}

    def clean_text(self) -> str:
        """Refuse a wish that is too long, and say how long it is."""
        text = self.cleaned_data["text"].strip()
        if len(text) > WISH_MAX_CHARS:
            raise forms.ValidationError(
                _(
                    "Your wish has %(count)s characters; at most %(max)s fit. "
                    "Make it a little shorter."
                ),
                params={"count": len(text), "max": WISH_MAX_CHARS},
            )
        return text

    def clean_signed(self) -> str:
        """Refuse a signature that is too long, and say how long it is."""
        signed = self.cleaned_data["signed"].strip()
        if len(signed) > SIGNED_MAX_CHARS:
            raise forms.ValidationError(
                _("This name has %(count)s characters; at most %(max)s fit."),
                params={"count": len(signed), "max": SIGNED_MAX_CHARS},
            )
        return signed


class PaperWishForm(WishForm):
    """A wish typed from a paper card by the community worker."""

    text = forms.CharField(
        label=_("Wish on the card"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    signed = forms.CharField(
        label=_("Signed by"), required=False, help_text=_("As it is written on the card.")
    )
    text_hint = _("At most %(max)s characters.")
