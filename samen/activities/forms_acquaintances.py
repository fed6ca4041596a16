"""Forms of getting to know each other."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.activities.services_acquaintances import NEW_NEIGHBOURS_MAX
from samen.core.forms import code_input


class MeetingCodeForm(forms.Form):
    code = forms.CharField(
        label=_("The meeting code of the neighbour you met"),
        help_text=_("Six letters and numbers, for example KT3M9A."),
        max_length=20,
        widget=code_input(),
    )


class NewNeighboursForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many new neighbours did you meet here?"),
        min_value=0,
        max_value=NEW_NEIGHBOURS_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # The number goes in at request time, in the language of the request.
        self.fields["count"].help_text = _(
            "Neighbours you did not know before. A number from 0 to %(max)s."
        ) % {"max": NEW_NEIGHBOURS_MAX}


class SignInPairForm(forms.Form):
    """Two households from the sign-in list who met, and that both agreed to record it."""

    both_agreed = forms.BooleanField(
        label=_("Both households agreed that we write down that they met"),
        error_messages={"required": _("Tick this box only when both households agreed.")},
    )

    def __init__(self, *args, households: dict | None = None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        households = households or {"came": [], "others": []}
        choices = [
            ("", _("Choose a household")),
            (_("Came to this activity"), [(h.pk, h.address) for h in households["came"]]),
            (_("Other households"), [(h.pk, h.address) for h in households["others"]]),
        ]
        for name, label in (
            ("household_a", _("First household")),
            ("household_b", _("Second household")),
        ):
            self.fields[name] = forms.TypedChoiceField(
                label=label, choices=choices, coerce=int, empty_value=None
            )
        # Keep the checkbox last, after the two households.
        self.order_fields(["household_a", "household_b", "both_agreed"])

    def clean(self) -> dict:
        """Refuse the same household twice."""
        data = super().clean()
        if data.get("household_a") and data.get("household_a") == data.get("household_b"):
            self.add_error("household_b", _("Choose two different households."))
        return data
