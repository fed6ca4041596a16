"""Forms of the survey: a wave, an extra statement, the code, the answers (online and paper)."""

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samen.cohesion.instrument import CBS_ITEMS, ITEM_FIELDS
from samen.cohesion.models import ITEM_TEXT_MAX_CHARS, Agreement5, KnownByName, SurveyItem
from samen.cohesion.services_survey import normalise_survey_code
from samen.core.forms import code_input
from samen.core.idempotency import IdempotentFormMixin

# The empty choice: every question may be skipped.
SKIP = ("", _("I'd rather not say"))
# On the paper-entry screen the choices are short: the digit as on the questionnaire.
PAPER_SKIP = ("", _("empty"))


class WaveForm(IdempotentFormMixin):
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("For example: Baseline survey 2026"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            ("baseline", _("baseline (at the start)")),
            ("follow_up", _("follow-up")),
            ("other", _("other")),
        ],
        widget=forms.RadioSelect,
        initial="baseline",
    )
    opens_on = forms.DateField(
        label=_("Opens on"),
        help_text=_("For example 2026-03-01"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    closes_on = forms.DateField(
        label=_("Closes on"),
        help_text=_("The last day to answer."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, phases: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.phases = {str(p.pk): p for p in phases}
        self.fields["phase"] = forms.ChoiceField(
            label=_("Phase"),
            required=False,
            choices=[("", _("no phase"))] + [(pk, p.title) for pk, p in self.phases.items()],
        )

    def clean(self) -> dict[str, Any]:
        """Check that the wave closes on or after the day it opens."""
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The survey must close on or after the day it opens."))
        return data

    def phase_object(self) -> Any:
        """Return the chosen phase, or None."""
        return self.phases.get(self.cleaned_data.get("phase") or "")


class SurveyItemForm(IdempotentFormMixin):
    text = forms.CharField(label=_("Statement in Dutch"), max_length=ITEM_TEXT_MAX_CHARS)
    text_fr = forms.CharField(
        label=_("The statement in French"), max_length=ITEM_TEXT_MAX_CHARS, required=False
    )
    text_en = forms.CharField(
        label=_("The statement in English"), max_length=ITEM_TEXT_MAX_CHARS, required=False
    )

    def translations(self) -> dict[str, str]:
        """Return the translations typed, by language."""
        return {"fr": self.cleaned_data["text_fr"], "en": self.cleaned_data["text_en"]}


class SurveyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your survey code"),
        help_text=_("The code on your questionnaire, for example ABCD-EFGH."),
        max_length=20,
        widget=code_input(),
    )

    def clean_code(self) -> str:
        """Return the code in its stored form."""
        return normalise_survey_code(self.cleaned_data["code"])


def _scale_choices(paper: bool) -> list[tuple[Any, Any]]:
    if paper:
        return [(value, str(value)) for value in Agreement5.values] + [PAPER_SKIP]
    return [*Agreement5.choices, SKIP]


class SurveyAnswerForm(forms.Form):
    """The five CBS statements, how many neighbours you know by name, the extra statements."""

    # A random key per filled-in form: a double submit is recognised by it (see the views).
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(
        self,
        *args: Any,
        extra_items: list[SurveyItem] = (),  # type: ignore[assignment]
        paper: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        from samen.core.idempotency import new_key

        if not self.is_bound:
            self.initial.setdefault("nonce", new_key())
        self.paper = paper
        language = get_language() or "nl"
        widget = forms.RadioSelect(attrs={"class": "scale-radio"})
        for item in CBS_ITEMS:
            self.fields[item.field] = forms.TypedChoiceField(
                label=item.text,
                choices=_scale_choices(paper),
                coerce=int,
                empty_value=None,
                required=False,
                widget=widget,
            )
        self.fields["known_by_name"] = forms.ChoiceField(
            label=_("How many neighbours do you know by name?"),
            choices=[*KnownByName.choices, PAPER_SKIP if paper else SKIP],
            required=False,
            widget=widget,
        )
        self.extra_items = list(extra_items)
        for item in self.extra_items:
            self.fields[f"extra_{item.pk}"] = forms.TypedChoiceField(
                label=item.text_in(language),
                choices=_scale_choices(paper),
                coerce=int,
                empty_value=None,
                required=False,
                widget=widget,
            )

    def scale_fields(self) -> list[forms.BoundField]:
        """Return the CBS statements and the extra statements (the questions on the scale)."""
        names = list(ITEM_FIELDS) + [f"extra_{item.pk}" for item in self.extra_items]
        return [self[name] for name in names]

    def answers(self) -> dict[str, Any]:
        """Return the answers in the shape `survey_response_submit` takes."""
        data = self.cleaned_data
        answers: dict[str, Any] = {field: data.get(field) for field in ITEM_FIELDS}
        answers["known_by_name"] = data.get("known_by_name") or ""
        answers["extra"] = {str(item.pk): data.get(f"extra_{item.pk}") for item in self.extra_items}
        return answers


class PaperEntryForm(SurveyAnswerForm):
    """The paper questionnaire typed in by the community worker: the code, then the answers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["paper"] = True
        super().__init__(*args, **kwargs)
        self.fields = {
            "code": forms.CharField(
                label=_("Code on the questionnaire"),
                max_length=20,
                widget=code_input(autofocus=True),
            ),
            **self.fields,
        }

    def clean_code(self) -> str:
        """Return the code in its stored form."""
        return normalise_survey_code(self.cleaned_data["code"])


class QuestionnaireJobForm(IdempotentFormMixin):
    """Which questionnaires to print: every household, or one."""

    def __init__(self, *args: Any, households: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["only"] = forms.ChoiceField(
            label=_("For whom?"),
            choices=[("all", _("every household"))] + [(str(h.pk), h.address) for h in households],
            initial="all",
        )

    def only(self) -> Any:
        """Return "all" or a list with one household id."""
        value = self.cleaned_data["only"]
        return "all" if value == "all" else [int(value)]
