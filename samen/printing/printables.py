"""The printable kinds of the printing app itself (other apps add theirs in their printables.py)."""

from django.utils.translation import gettext_lazy as _

from samen.printing.forms import PostcardJobForm
from samen.printing.postcards import build_postcards_all, clean_postcard_params
from samen.printing.registry import PrintableKind, printables

POSTCARDS_ALL = printables.register(
    PrintableKind(
        key="postcards_all",
        label=_("Postcards for every household"),
        description=_(
            "One A6 card per household: three questions on the front, the household code "
            "and a QR code on the back. Print it double-sided."
        ),
        perm="printing.print_postcards",
        build=build_postcards_all,
        clean_params=clean_postcard_params,
        form_class=PostcardJobForm,
        personal_data=True,
    )
)
