"""Forms for logging in and for a household's own details."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from samen.core import ratelimit
from samen.core.forms import code_input
from samen.core.idempotency import IdempotentFormMixin
from samen.neighbourhoods.models import JOIN_CODE_LENGTH, normalise_join_code

TOO_MANY = _("Too many attempts. Wait a quarter of an hour and try again.")


class StaffLoginForm(AuthenticationForm):
    """E-mail and password, with a limit on failed attempts."""

    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match. Check them and try again."
        ),
        "inactive": _("This account is switched off."),
    }

    def clean(self):  # type: ignore[no-untyped-def]
        email = self.cleaned_data.get("username") or ""
        if self.request is not None and ratelimit.is_blocked("staff-login", self.request, email):
            raise forms.ValidationError(TOO_MANY, code="rate_limited")
        try:
            return super().clean()
        except forms.ValidationError:
            if self.request is not None:
                ratelimit.record_failure("staff-login", self.request, email)
            raise


class JoinCodeForm(forms.Form):
    """The household code from the postcard."""

    code = forms.CharField(
        label=_("Your household code"),
        help_text=_("You find it on the card from the neighbourhood. For example: K7PM-4XQA"),
        max_length=20,
        widget=code_input(),
        error_messages={"required": _("Type the code from your card.")},
    )

    def clean_code(self) -> str:
        code = normalise_join_code(self.cleaned_data["code"])
        if len(code) != JOIN_CODE_LENGTH:
            raise forms.ValidationError(
                _("A code has 8 letters and numbers. Check the code on your card."), code="length"
            )
        return code


class WhoAreYouForm(IdempotentFormMixin, forms.Form):
    """Add yourself to the household with a name (members pick their name with a button)."""

    display_name = forms.CharField(
        label=_("Your name"),
        help_text=_("Your first name is enough."),
        max_length=80,
        error_messages={"required": _("Type your name.")},
    )

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data.get("display_name", "").split())
        if not name:
            raise forms.ValidationError(_("Type your name."))
        return name


class MagicLinkForm(forms.Form):
    """An e-mail address to send a login link to."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Type your e-mail address."),
            "invalid": _("This is not an e-mail address. It looks like name@example.be."),
        },
    )


class ResidentDetailsForm(IdempotentFormMixin, forms.Form):
    """A resident's own details, or those of a new household member."""

    display_name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("A first name is enough."),
        error_messages={"required": _("Type a name.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        choices=settings.RESIDENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Only for messages from the neighbourhood. Nobody else sees it."),
        error_messages={
            "invalid": _("This is not an e-mail address. It looks like name@example.be.")
        },
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=32,
        help_text=_("Only the community worker sees it."),
    )
    listed = forms.BooleanField(
        label=_("Neighbours may see my name in the neighbour list"), required=False
    )

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Type a name."))
        return name

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not all(ch.isdigit() or ch in " +-/.()" for ch in phone):
            raise forms.ValidationError(_("A phone number has only digits, spaces and +."))
        return phone


class StaffPasswordResetForm(PasswordResetForm):
    """Also reaches invited staff who have not chosen a password yet."""

    def get_users(self, email):  # type: ignore[no-untyped-def]
        from samen.accounts.models import User

        return User.objects.filter(email__iexact=email, is_active=True)
