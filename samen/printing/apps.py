from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrintingConfig(AppConfig):
    name = "samen.printing"
    label = "printing"
    verbose_name = _("Printing")

    def ready(self) -> None:
        # Each app declares its printable kinds in its own printables.py, found like admin.py.
        autodiscover_modules("printables")
