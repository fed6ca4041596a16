"""The upload form for a landlord's tenant list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.core.idempotency import IdempotentFormMixin
from samen.neighbourhoods.imports import EXTENSIONS, MAX_FILE_SIZE


class TenantListUploadForm(IdempotentFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Tenant list"),
        help_text=_("A CSV file or an Excel file (.xlsx) of at most 5 MB."),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        error_messages={
            "required": _("Choose the file with the tenant list."),
            "empty": _("This file is empty."),
            "invalid": _("Choose the file with the tenant list."),
            "missing": _("Choose the file with the tenant list."),
        },
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        """Accept only .csv and .xlsx files of at most 5 MB."""
        uploaded = self.cleaned_data["file"]
        name = (uploaded.name or "").lower()
        if name.endswith(".xls"):
            raise forms.ValidationError(
                _("This is an old Excel file (.xls). Save it as .xlsx or .csv and try again."),
                code="old_excel",
            )
        if not name.endswith(EXTENSIONS):
            raise forms.ValidationError(
                _("This is not a CSV or Excel file. Choose a file that ends in .csv or .xlsx."),
                code="wrong_type",
            )
        if uploaded.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("This file is too large. A tenant list may be at most 5 MB."), code="too_large"
            )
        return uploaded
