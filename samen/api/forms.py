from django import forms
from django.utils.translation import gettext_lazy as _

from samen.core.idempotency import IdempotentFormMixin


class ApiKeyForm(IdempotentFormMixin):
    name = forms.CharField(
        label=_("Name of the key"),
        max_length=80,
        help_text=_("What the key is for, for example: tenant system."),
        error_messages={"required": _("Give the key a name.")},
    )
