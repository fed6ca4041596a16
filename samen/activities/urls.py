"""Activity URLs; each part adds its patterns from its own module below."""

from samen.activities.urls_acquaintances import acquaintances_urlpatterns
from samen.activities.urls_activities import activities_urlpatterns
from samen.activities.urls_contest import contest_urlpatterns
from samen.activities.urls_swap import swap_urlpatterns
from samen.activities.urls_wishes import wishes_urlpatterns

app_name = "activities"
urlpatterns: list = []
urlpatterns += activities_urlpatterns
urlpatterns += wishes_urlpatterns
urlpatterns += acquaintances_urlpatterns
urlpatterns += swap_urlpatterns
urlpatterns += contest_urlpatterns
