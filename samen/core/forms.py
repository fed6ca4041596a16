"""Helpers shared by forms of every app."""

from django import forms
from django.core.exceptions import ValidationError


def code_input(**extra: object) -> forms.TextInput:
    """The text input for a typed code (household, survey or meeting code): big letters, no
    autocorrect, no autofill."""
    return forms.TextInput(
        attrs={
            "class": "code-input",
            "autocomplete": "off",
            "autocapitalize": "characters",
            "spellcheck": "false",
            "inputmode": "text",
            **extra,
        }
    )


def add_validation_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where it names one, else on top."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
