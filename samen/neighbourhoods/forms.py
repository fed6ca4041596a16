"""Forms for staff pages about neighbourhoods and households."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samen.core.idempotency import IdempotentFormMixin
from samen.neighbourhoods.models import Organisation


class HouseholdSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by street, number, name or code"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class HouseholdForm(IdempotentFormMixin, forms.Form):
    street = forms.CharField(
        label=_("Street"), max_length=120, error_messages={"required": _("Type the street.")}
    )
    number = forms.CharField(
        label=_("House number"),
        max_length=12,
        error_messages={"required": _("Type the house number.")},
    )
    box = forms.CharField(label=_("Box"), max_length=12, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=8, required=False)
    language = forms.ChoiceField(
        label=_("Language for letters and cards"), choices=settings.RESIDENT_LANGUAGES, initial="nl"
    )


class NeighbourhoodForm(IdempotentFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Housing company"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Choose the housing company.")},
    )
    name = forms.CharField(
        label=_("Name of the neighbourhood"),
        max_length=120,
        error_messages={"required": _("Type the name of the neighbourhood.")},
    )
    municipality = forms.CharField(
        label=_("Municipality"),
        max_length=80,
        error_messages={"required": _("Type the municipality.")},
    )
    sub_municipality = forms.CharField(label=_("Sub-municipality"), max_length=80, required=False)
    introduction = forms.CharField(
        label=_("Short introduction for the public page"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, organisations=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations


class TeamMemberForm(IdempotentFormMixin, forms.Form):
    """Invite a community worker by e-mail."""

    email = forms.EmailField(
        label=_("E-mail address"),
        error_messages={
            "required": _("Type an e-mail address."),
            "invalid": _("This is not an e-mail address. It looks like name@example.be."),
        },
    )
    display_name = forms.CharField(
        label=_("Name"),
        max_length=80,
        required=False,
        help_text=_("Only needed for a new account."),
    )
