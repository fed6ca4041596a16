"""Forms of the members part."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.committee.models import CommitteeRole, Meeting
from samen.core.idempotency import IdempotentFormMixin
from samen.neighbourhoods.models import Resident


class MembershipStartForm(forms.Form):
    resident = forms.ModelChoiceField(label=_("Resident"), queryset=Resident.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=CommitteeRole.choices)
    starts_on = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )

    def __init__(self, *args, residents=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if residents is not None:
            self.fields["resident"].queryset = residents


class MembershipEndForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )


class RoleDescriptionForm(forms.Form):
    description = forms.CharField(
        label=_("Tasks of this role"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class CharterForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), max_length=10000, widget=forms.Textarea(attrs={"rows": 14})
    )


class CharterAdoptForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    meeting = forms.ModelChoiceField(
        label=_("Adopted at the meeting"), queryset=Meeting.objects.none()
    )

    def __init__(self, *args, meetings=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if meetings is not None:
            self.fields["meeting"].queryset = meetings


class NewsForm(IdempotentFormMixin):
    title = forms.CharField(label=_("Title"), max_length=160)
    text = forms.CharField(
        label=_("Text"), max_length=4000, widget=forms.Textarea(attrs={"rows": 6})
    )


class QuestionForm(IdempotentFormMixin):
    text = forms.CharField(
        label=_("Your question"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
