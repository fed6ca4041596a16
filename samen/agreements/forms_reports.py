"""Forms for reporting a problem and following it up."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.agreements.models import Agreement, Report
from samen.agreements.services_reports import TEXT_MAX_CHARS
from samen.core.idempotency import IdempotentFormMixin
from samen.core.images import NOT_A_PHOTO
from samen.neighbourhoods.models import Household

KIND_CHOICES_FOR_RESIDENTS = [
    (Report.Kind.HOME_UPKEEP, _("Something in my home is broken")),
    (Report.Kind.COMMON_UPKEEP, _("Something outside or in a shared space is broken or dirty")),
    (Report.Kind.NUISANCE, _("Nuisance from neighbours (noise, smell, waste…)")),
    (Report.Kind.SAFETY, _("Something is not safe")),
    (Report.Kind.OTHER, _("Something else")),
]
PLACE_CHOICES = [
    (Report.Place.HOME, _("In my home")),
    (Report.Place.COMMON_AREA, _("In a shared space (garden, bicycle shed, hall…)")),
    (Report.Place.STREET, _("In the street")),
]
LONG_TEXT = _(
    "Your text is too long: at most %(limit_value)d characters, now %(show_value)d. "
    "Make it shorter."
)


class ReportForm(IdempotentFormMixin, forms.Form):
    """Report a problem in a few steps (a resident, or a community worker on their behalf)."""

    household = forms.ModelChoiceField(
        label=_("Who reports it? (address)"),
        queryset=Household.objects.none(),
        required=False,
        help_text=_("The household you type this in for."),
    )
    kind = forms.ChoiceField(
        label=_("What is the problem?"),
        choices=KIND_CHOICES_FOR_RESIDENTS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of problem it is.")},
    )
    text = forms.CharField(
        label=_("Tell us what is wrong"),
        help_text=_("What did you see, since when, how often?"),
        max_length=TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write what is wrong."), "max_length": LONG_TEXT},
    )
    place = forms.ChoiceField(
        label=_("Where is it?"),
        choices=PLACE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where the problem is.")},
    )
    street = forms.ChoiceField(
        label=_("Street"),
        required=False,
        choices=(),
        error_messages={
            "invalid_choice": _("This street is not in this neighbourhood. Choose one of the list.")
        },
    )
    place_detail = forms.CharField(
        label=_("Where exactly?"),
        required=False,
        max_length=160,
        help_text=_("For example: the bicycle shed behind number 12."),
    )
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("A photo helps. We remove the place and time it was taken."),
        error_messages={"invalid_image": NOT_A_PHOTO},
    )
    agreement = forms.ModelChoiceField(
        label=_("Is it about a neighbourhood agreement?"),
        queryset=Agreement.objects.none(),
        required=False,
        empty_label=_("No, or I do not know"),
    )
    reporter_visible = forms.BooleanField(
        label=_("The housing company may see my name and address"),
        required=False,
        help_text=_(
            "If you do not tick this, they only see the street. For a problem in your home "
            "they need your address to come and fix it."
        ),
    )

    def __init__(  # type: ignore[no-untyped-def]
        self, *args, neighbourhood=None, streets=(), on_behalf=False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["street"].choices = [("", "–")] + [(s, s) for s in streets]
        if neighbourhood is not None:
            self.fields["agreement"].queryset = Agreement.objects.filter(
                neighbourhood=neighbourhood, status=Agreement.Status.ADOPTED
            ).order_by("title")
            self.fields["household"].queryset = Household.objects.filter(
                neighbourhood=neighbourhood
            )
        if on_behalf:
            self.fields["household"].required = True
            self.fields["household"].error_messages["required"] = _(
                "Choose the address of the household that reports it."
            )
            self.fields["reporter_visible"].label = _(
                "The resident agrees that the housing company sees their name and address"
            )
        else:
            del self.fields["household"]


class ReportFilterForm(forms.Form):
    """The filters of the staff queue (a plain GET form)."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("open", _("open")), ("all", _("all")), *Report.Status.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all")), *Report.Kind.choices]
    )
    age = forms.ChoiceField(
        label=_("Age"),
        required=False,
        choices=[
            ("", _("any age")),
            ("7", _("older than 7 days")),
            ("30", _("older than 30 days")),
        ],
    )


class ReportStatusForm(forms.Form):
    """Move a report to one of the statuses its pipeline allows now."""

    to_status = forms.ChoiceField(
        label=_("New status"),
        choices=(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the new status."),
            "invalid_choice": _("This status change is not possible now. Choose one of the list."),
        },
    )
    assigned_to = forms.ModelChoiceField(
        label=_("Assigned to"),
        queryset=None,
        required=False,
        help_text=_("Only for “assigned”. Empty: you."),
    )
    planned_on = forms.DateField(
        label=_("Planned on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Only for “planned”."),
        error_messages={"invalid": _("Type a date like 2026-12-31.")},
    )
    redirect_to = forms.CharField(
        label=_("Where to go instead"),
        required=False,
        max_length=300,
        help_text=_("Only for “not for us”: who can help the resident, and how to reach them."),
    )
    answer = forms.CharField(
        label=_("Answer to the resident"),
        required=False,
        max_length=TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Write simply: what happens, and when? The resident gets an e-mail."),
        error_messages={"max_length": LONG_TEXT},
    )

    def __init__(self, *args, report=None, assignees=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        allowed = Report.PIPELINE.get(report.status, set()) if report is not None else set()
        self.fields["to_status"].choices = [
            (value, label) for value, label in Report.Status.choices if value in allowed
        ]
        self.fields["assigned_to"].queryset = assignees
        self.fields["assigned_to"].label_from_instance = lambda user: user.display_name or str(user)


class ReportAnswerForm(forms.Form):
    """Answer the resident without changing the status."""

    answer = forms.CharField(
        label=_("Your answer"),
        max_length=TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your answer."), "max_length": LONG_TEXT},
    )
