"""Forms for agreements: the text, translations, status changes and evaluations."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samen.agreements.models import Agreement, Evaluation, Responsible, Topic
from samen.core.idempotency import IdempotentFormMixin

TEXT_MAX = 2000
TITLE_MAX = 120


def _too_long(what: str = "text") -> str:
    if what == "title":
        return _(
            "The title is too long: at most %(limit_value)d characters, now %(show_value)d. "
            "Make it shorter."
        )
    return _(
        "The text is too long: at most %(limit_value)d characters, now %(show_value)d. "
        "Make it shorter, or split it in two agreements."
    )


def title_field(required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        required=required,
        help_text=_("Short, for example: “Bins inside on Tuesday evening”."),
        error_messages={"required": _("Write a title."), "max_length": _too_long("title")},
    )


def text_field(required: bool = True) -> forms.CharField:
    # No maxlength attribute: the browser would cut a pasted text without telling.
    field = forms.CharField(
        label=_("What we agree"),
        required=required,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In plain words, a few sentences."),
        error_messages={"required": _("Write what you agree."), "max_length": _too_long()},
        max_length=TEXT_MAX,
    )
    return field


class _NoMaxlengthMixin:
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for name in ("text", "title"):
            field = self.fields.get(name)  # type: ignore[attr-defined]
            if field is not None:
                field.widget.attrs.pop("maxlength", None)


class AgreementForm(_NoMaxlengthMixin, IdempotentFormMixin, forms.Form):
    """Write or change an agreement."""

    title = title_field()
    text = text_field()
    topic = forms.ChoiceField(
        label=_("Topic"), choices=Topic.choices, error_messages={"required": _("Choose a topic.")}
    )
    responsible = forms.ChoiceField(
        label=_("Who does it"),
        choices=Responsible.choices,
        error_messages={"required": _("Choose who does it.")},
    )
    review_on = forms.DateField(
        label=_("Review date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When do we look back at it together? We send a reminder that day."),
        error_messages={"invalid": _("Write the date as day-month-year, for example 15-03-2027.")},
    )


class TranslationForm(_NoMaxlengthMixin, forms.Form):
    """The agreement in one other language; leave both empty to remove it."""

    language = forms.ChoiceField(
        label=_("Language"),
        choices=[(c, n) for c, n in settings.RESIDENT_LANGUAGES if c != "nl"],
    )
    title = title_field(required=False)
    text = text_field(required=False)

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        title, text = data.get("title", ""), data.get("text", "")
        if bool(title) != bool(text) and "title" not in self.errors and "text" not in self.errors:
            raise forms.ValidationError(
                _(
                    "Write both the title and the text, or leave both empty to remove this translation."
                )
            )
        return data


class StatusForm(forms.Form):
    """Move an agreement to another status."""

    status = forms.ChoiceField(choices=Agreement.Status.choices)
    place = forms.CharField(
        label=_("Where (meeting or activity)"),
        required=False,
        max_length=160,
        error_messages={
            "max_length": _(
                "At most %(limit_value)d characters, now %(show_value)d. Make it shorter."
            )
        },
    )


class EvaluationForm(_NoMaxlengthMixin, IdempotentFormMixin, forms.Form):
    """How did the agreement work out, and what now?"""

    outcome = forms.ChoiceField(
        label=_("Did we keep the agreement?"),
        choices=Evaluation.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the agreement was kept.")},
    )
    follow_up = forms.CharField(
        label=_("What happens next"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _too_long()},
    )
    evaluated_on = forms.DateField(
        label=_("Date of the review"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Write the date as day-month-year, for example 15-03-2027.")},
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["follow_up"].widget.attrs.pop("maxlength", None)
