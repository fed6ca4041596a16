from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class TrajectoriesConfig(AppConfig):
    name = "samen.trajectories"
    label = "trajectories"
    verbose_name = _("Trajectories")

    def ready(self) -> None:
        # Each app declares its phase types in its own phases.py, found like admin.py.
        autodiscover_modules("phases")
