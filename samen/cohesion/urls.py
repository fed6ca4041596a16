"""Cohesion monitor URLs; each part adds its patterns from its own module below."""

from samen.cohesion.urls_figures import figures_urlpatterns
from samen.cohesion.urls_survey import survey_urlpatterns

app_name = "cohesion"
urlpatterns: list = []
urlpatterns += survey_urlpatterns
urlpatterns += figures_urlpatterns
