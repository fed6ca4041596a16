from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohesionConfig(AppConfig):
    name = "samen.cohesion"
    label = "cohesion"
    verbose_name = _("Cohesion monitor")
