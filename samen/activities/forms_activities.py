"""Forms of the activities core."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samen.activities.models import TITLE_MAX_CHARS, Activity
from samen.core.idempotency import IdempotentFormMixin
from samen.core.images import clean_image

DATETIME_WIDGET = {
    "widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
}


class ActivityForm(IdempotentFormMixin):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_CHARS)
    kind = forms.ChoiceField(label=_("Kind of activity"), choices=Activity.Kind.choices)
    description = forms.CharField(
        label=_("What happens"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Short and simple sentences. Say what people can bring."),
    )
    starts_at = forms.DateTimeField(
        label=_("Starts at"), help_text=_("For example 2026-03-14 19:30"), **DATETIME_WIDGET
    )
    ends_at = forms.DateTimeField(label=_("Ends at"), required=False, **DATETIME_WIDGET)
    place = forms.CharField(label=_("Place"), max_length=200)
    capacity = forms.IntegerField(
        label=_("Places"),
        required=False,
        min_value=1,
        max_value=2000,
        help_text=_("How many people can come. Leave empty when there is no limit."),
    )
    track = forms.ModelChoiceField(
        label=_("Track"), queryset=None, required=False, empty_label=_("no track")
    )
    part_of = forms.ModelChoiceField(
        label=_("Part of the swap"),
        queryset=None,
        required=False,
        empty_label=_("not part of a swap"),
        help_text=_("Only for a workshop: it then shares the swap board."),
    )
    image = forms.ImageField(
        label=_("Image"),
        required=False,
        help_text=_("A JPG or PNG photo of at most 10 MB. It is shown on the page and the flyer."),
    )
    image_alt = forms.CharField(
        label=_("What the image shows"),
        max_length=200,
        required=False,
        help_text=_("For people who cannot see the image. For example: cuttings in small pots."),
    )
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)
    voting_opens_at = forms.DateTimeField(
        label=_("Voting opens"),
        required=False,
        help_text=_("Only for a contest."),
        **DATETIME_WIDGET,
    )
    voting_closes_at = forms.DateTimeField(
        label=_("Voting closes"),
        required=False,
        help_text=_("Only for a contest."),
        **DATETIME_WIDGET,
    )
    published = forms.BooleanField(
        label=_("Show to residents"),
        required=False,
        help_text=_("A draft is only visible to the people who organise activities."),
    )
    cancelled = forms.BooleanField(label=_("This activity is cancelled"), required=False)

    def __init__(self, *args, tracks=None, swaps=None, has_image=False, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = tracks
        self.fields["part_of"].queryset = swaps
        if not has_image:
            del self.fields["remove_image"]
        if not self.is_bound:
            self.initial.setdefault("published", True)

    def clean_image(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return clean_image(upload)

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if data.get("image") and not data.get("image_alt"):
            self.add_error("image_alt", _("Say in a few words what the image shows."))
        if data.get("kind") == Activity.Kind.CONTEST:
            opens, closes = data.get("voting_opens_at"), data.get("voting_closes_at")
            if opens and closes and closes <= opens:
                self.add_error("voting_closes_at", _("Voting must close after it opens."))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


def people_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("How many people come?"),
        min_value=1,
        max_value=10,
        help_text=_("Count yourself too. At most 10."),
        error_messages={
            "required": _("Fill in how many people come."),
            "invalid": _("Fill in a number from 1 to 10."),
            "min_value": _("Fill in a number from 1 to 10."),
            "max_value": _("Fill in a number from 1 to 10."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class RegistrationForm(forms.Form):
    people = people_field()


class RegisterForHouseholdForm(forms.Form):
    household = forms.CharField(
        label=_("Household code or address"),
        max_length=120,
        help_text=_("For example KAPE-AKR3 or Kapelakker 12."),
    )
    people = people_field()
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, neighbourhood=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.neighbourhood = neighbourhood

    def clean_household(self):  # type: ignore[no-untyped-def]
        from samen.activities.selectors_activities import household_find

        text = self.cleaned_data["household"]
        found = household_find(neighbourhood=self.neighbourhood, text=text)
        if not found:
            raise ValidationError(_("No household with this code or address. Check the spelling."))
        if len(found) > 1:
            raise ValidationError(
                _("%(count)s households match. Add the house number.") % {"count": len(found)}
            )
        return found[0]


class AttendanceSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Add a household that did not register"),
        max_length=120,
        required=False,
        help_text=_("Search by street and number, for example Kapelakker 12."),
    )
