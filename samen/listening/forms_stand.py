"""The stand-mode entry form: one entry, fast, with a server-made id against double submits."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.api.selectors import StandPicker
from samen.listening.forms import text_field
from samen.listening.models import Channel, Kind
from samen.listening.services import ContributionInput
from samen.neighbourhoods.models import Household

# Short labels: four large buttons a worker taps many times an hour.
STAND_KINDS = [
    (Kind.QUESTION, _("Question")),
    (Kind.FRUSTRATION, _("Frustration")),
    (Kind.IDEA, _("Idea")),
    (Kind.NEED, _("Need")),
]


class StandEntryForm(forms.Form):
    """What a resident said at the stand, typed in by the community worker."""

    # Made with the empty form (and by the script for offline entries): a second submit of the
    # same form finds the stored entry instead of storing another.
    client_id = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("This form has expired. Please submit it again."),
            "invalid": _("This form has expired. Please submit it again."),
        },
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=Channel.choices,
        initial=Channel.STAND,
        help_text=_("Chosen once; it stays for the next entries."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=STAND_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind.")},
    )
    text = text_field(_("What did the resident say?"))
    street = forms.ChoiceField(label=_("Street"), choices=(), required=False)
    household = forms.ChoiceField(
        label=_("Address"),
        choices=(),
        required=False,
        help_text=_("Only if the resident tells you."),
    )
    consent_named = forms.BooleanField(
        label=_("The resident agrees that the housing company sees their name"), required=False
    )

    def __init__(self, *args, picker: StandPicker, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("client_id", uuid.uuid4())
        self._households: dict[str, Household] = {str(h.pk): h for h in picker.households}
        self.fields["street"].choices = [("", "–")] + [(s, s) for s in picker.streets]
        self.fields["household"].choices = [("", "–")] + [
            (str(h.pk), h.address) for h in picker.households
        ]

    def clean_household(self) -> Household | None:
        """Turn the chosen address into its household."""
        value = self.cleaned_data.get("household") or ""
        return self._households.get(value)

    def contribution_input(self) -> ContributionInput:
        """Return the entry as the contribution service takes it."""
        data = self.cleaned_data
        household = data.get("household")
        return ContributionInput(
            kind=data["kind"],
            text=data["text"],
            channel=data["channel"],
            household=household,
            street="" if household else data.get("street", ""),
            consent_named=data["consent_named"],
            client_id=data["client_id"],
        )
