"""Forms for managing trajectories."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.core.idempotency import IdempotentFormMixin
from samen.trajectories.blueprints import BLUEPRINTS
from samen.trajectories.registry import phase_types


class BlueprintForm(IdempotentFormMixin, forms.Form):
    blueprint = forms.ChoiceField(
        label=_("Blueprint"),
        widget=forms.RadioSelect,
        choices=[(b.key, b.name) for b in BLUEPRINTS.values()],
        error_messages={"required": _("Choose a blueprint.")},
    )
    starts_on = forms.DateField(
        label=_("Start date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first day of the first phase."),
        error_messages={
            "required": _("Choose a start date."),
            "invalid": _("Type a date like 2021-10-01."),
        },
    )


class TrajectoryForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=160, error_messages={"required": _("Type a title.")}
    )
    question = forms.CharField(
        label=_("The question"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    goals = forms.CharField(
        label=_("Goals"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class PhaseForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=160, error_messages={"required": _("Type a title.")}
    )
    type = forms.ChoiceField(label=_("Type"), choices=())
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    starts_on = forms.DateField(
        label=_("Starts on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Choose a start date."),
            "invalid": _("Type a date like 2021-10-01."),
        },
    )
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Choose an end date."),
            "invalid": _("Type a date like 2022-02-28."),
        },
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = phase_types.choices()

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date must not be before the start date."))
        return data


class TrackForm(IdempotentFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Title of the new track"),
        max_length=160,
        error_messages={"required": _("Type a title.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
