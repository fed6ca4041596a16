from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samen.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Each app says who may see its uploaded files in its own media_access.py.
        autodiscover_modules("media_access")
