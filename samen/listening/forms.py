"""Forms for giving input, entering paper input, themes, answers and volunteers."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samen.core.idempotency import IdempotentFormMixin
from samen.core.images import NOT_A_PHOTO
from samen.listening.models import TEXT_MAX_CHARS, Channel, Kind, Theme, ThemeResponse, Volunteer
from samen.neighbourhoods.models import Household, normalise_join_code

KIND_CHOICES_FOR_RESIDENTS = [
    (Kind.IDEA, _("An idea: I want to do something, or something can be better")),
    (Kind.FRUSTRATION, _("Something bothers me")),
    (Kind.QUESTION, _("A question")),
    (Kind.NEED, _("Something I need or expect")),
]


def text_field(label: str, help_text: str = "") -> forms.CharField:
    """A text box with a clear limit; a longer text is refused with its length, not cut."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write what you want to say."),
            "max_length": _(
                "Your text is too long: at most %(limit_value)d characters, now %(show_value)d. "
                "Make it shorter, or split it in two."
            ),
        },
        max_length=TEXT_MAX_CHARS,
    )


class ContributionForm(IdempotentFormMixin, forms.Form):
    """What a resident says online, in a few taps."""

    kind = forms.ChoiceField(
        label=_("What do you want to say?"),
        choices=KIND_CHOICES_FOR_RESIDENTS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what it is.")},
    )
    text = text_field(_("Tell us"), _("Write in your own language if you like."))
    consent_named = forms.BooleanField(
        label=_("The housing company may see my name with this"),
        required=False,
        help_text=_("If you do not tick this, they only see what you wrote, not who wrote it."),
    )


class PaperContributionForm(IdempotentFormMixin, forms.Form):
    """A card, a chat at the door or a phone call, typed in by a community worker."""

    channel = forms.ChoiceField(
        label=_("Channel"), choices=Channel.choices, initial=Channel.POSTCARD
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind.")},
    )
    text = text_field(_("Text"), _("Type what the resident wrote or said, in their words."))
    household_code = forms.CharField(
        label=_("Household code"),
        required=False,
        max_length=12,
        help_text=_("From the back of the card, if it is there."),
    )
    household = forms.ModelChoiceField(
        label=_("Or choose the address"),
        queryset=Household.objects.none(),
        required=False,
    )
    street = forms.ChoiceField(label=_("Or only the street"), choices=(), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect automatically")), *list(settings.RESIDENT_LANGUAGES)],
    )
    consent_named = forms.BooleanField(
        label=_("The resident agrees that the housing company sees their name"), required=False
    )
    photo = forms.ImageField(
        label=_("Photo of the card"),
        required=False,
        error_messages={"invalid_image": NOT_A_PHOTO},
    )

    def __init__(self, *args, neighbourhood=None, streets=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.neighbourhood = neighbourhood
        if neighbourhood is not None:
            self.fields["household"].queryset = Household.objects.filter(
                neighbourhood=neighbourhood
            )
        self.fields["street"].choices = [("", "–")] + [(s, s) for s in streets]

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        code = data.get("household_code", "").strip()
        if code:
            household = Household.objects.filter(
                neighbourhood=self.neighbourhood, join_code=normalise_join_code(code)
            ).first()
            if household is None:
                self.add_error(
                    "household_code",
                    _(
                        "There is no household with this code here. Check the code, or leave it empty."
                    ),
                )
            else:
                data["household"] = household
        return data


class ContributionEditForm(forms.Form):
    """Correct a contribution."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect)
    text = text_field(_("Text"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.RESIDENT_LANGUAGES)
    household = forms.ModelChoiceField(
        label=_("Address"), queryset=Household.objects.none(), required=False
    )
    street = forms.ChoiceField(label=_("Or only the street"), choices=(), required=False)
    consent_named = forms.BooleanField(
        label=_("The resident agrees that the housing company sees their name"), required=False
    )

    def __init__(self, *args, neighbourhood=None, streets=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if neighbourhood is not None:
            self.fields["household"].queryset = Household.objects.filter(
                neighbourhood=neighbourhood
            )
        self.fields["street"].choices = [("", "–")] + [(s, s) for s in streets]


class ThemeForm(IdempotentFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Name of the theme"),
        max_length=120,
        error_messages={"required": _("Give the theme a name.")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Theme.objects.none(),
        error_messages={"required": _("Choose the theme to merge into.")},
    )

    def __init__(self, *args, theme=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if theme is not None:
            self.fields["target"].queryset = Theme.objects.filter(
                neighbourhood=theme.neighbourhood_id
            ).exclude(pk=theme.pk)


class AssignForm(forms.Form):
    """Put several contributions in one theme."""

    contributions = forms.ModelMultipleChoiceField(
        label=_("Contributions"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one contribution.")},
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.none(),
        error_messages={"required": _("Choose a theme.")},
    )

    def __init__(self, *args, neighbourhood=None, contributions=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = contributions
        if neighbourhood is not None:
            self.fields["theme"].queryset = Theme.objects.filter(neighbourhood=neighbourhood)
        self.fields["contributions"].label_from_instance = lambda c: c.text[:140]


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happens?"),
        choices=ThemeResponse.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens.")},
    )
    text = forms.CharField(
        label=_("Your answer to the residents"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Write simply: what did you do, or what will you do, and when?"),
        error_messages={"required": _("Write your answer.")},
    )
    published = forms.BooleanField(
        label=_("Show this answer to the residents now"), required=False, initial=True
    )


class VolunteerForm(IdempotentFormMixin, forms.Form):
    areas = forms.MultipleChoiceField(
        label=_("I want to help with"),
        choices=Volunteer.Area.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose what you want to help with.")},
    )
    detail = forms.CharField(
        label=_("What would you like to do?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: I can bake, I know plants, I can translate Arabic."),
    )
    contact = forms.CharField(
        label=_("How can we reach you?"),
        required=False,
        max_length=120,
        help_text=_("A phone number or e-mail address. Only the community worker sees it."),
    )


class PaperVolunteerForm(VolunteerForm):
    name = forms.CharField(
        label=_("Name"), max_length=80, error_messages={"required": _("Type a name.")}
    )
    household = forms.ModelChoiceField(
        label=_("Address"), queryset=Household.objects.none(), required=False
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.STAND)

    field_order = ["name", "household", "areas", "detail", "contact", "channel"]

    def __init__(self, *args, neighbourhood=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if neighbourhood is not None:
            self.fields["household"].queryset = Household.objects.filter(
                neighbourhood=neighbourhood
            )


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Your conclusion on engagement"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Is there enough engagement to go on? What did you notice?"),
    )


class ContributionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search in the text"), required=False, max_length=80)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all")), *list(Kind.choices)]
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("all")), *list(Channel.choices)]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("all")),
            ("new", _("new")),
            ("themed", _("in a theme")),
            ("answered", _("answered")),
        ],
    )
