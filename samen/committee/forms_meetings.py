"""Forms of the meetings part."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.committee.models import Attendance, Task
from samen.core.idempotency import IdempotentFormMixin


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):  # type: ignore[no-untyped-def]
        return obj.display_name


def _members_field(label: str) -> MemberChoiceField:
    from samen.neighbourhoods.models import Resident

    return MemberChoiceField(
        queryset=Resident.objects.none(), required=False, label=label, empty_label=_("nobody yet")
    )


class MeetingForm(IdempotentFormMixin):
    title = forms.CharField(label=_("Title"), max_length=160)
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        help_text=_("For example 2026-03-14 19:30"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(label=_("Place"), max_length=160)


class AgendaItemForm(IdempotentFormMixin):
    title = forms.CharField(label=_("Agenda point"), max_length=200)
    is_public = forms.BooleanField(label=_("Residents may see this point"), required=False)

    def __init__(self, *args, members=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["owner"] = _members_field(_("Who brings it"))
        self.fields["owner"].queryset = _queryset(members)
        if not self.is_bound:
            self.initial.setdefault("is_public", True)


class DecisionForm(IdempotentFormMixin):
    text = forms.CharField(
        label=_("Decision"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_public = forms.BooleanField(label=_("Residents may see this decision"), required=False)

    def __init__(self, *args, agenda=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"] = forms.TypedChoiceField(
            label=_("Agenda point"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", _("no point"))] + [(item.pk, item.title) for item in agenda],
        )
        if not self.is_bound:
            self.initial.setdefault("is_public", True)


class TaskForm(IdempotentFormMixin):
    title = forms.CharField(label=_("What"), max_length=200)
    due_on = forms.DateField(
        label=_("Due on"),
        required=False,
        help_text=_("For example 2026-04-30"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, members=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["owner"] = _members_field(_("Who"))
        self.fields["owner"].queryset = _queryset(members)


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Task.Status.choices)


ATTENDANCE_CHOICES = [("", _("not filled in")), *Attendance.Status.choices]


def _queryset(members):  # type: ignore[no-untyped-def]
    from samen.neighbourhoods.models import Resident

    return Resident.objects.filter(pk__in=[m.pk for m in members]).order_by("display_name")
