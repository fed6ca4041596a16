"""Committee URLs; each part adds its patterns from its own module below."""

from samen.committee.urls_meetings import meetings_urlpatterns
from samen.committee.urls_members import members_urlpatterns

app_name = "committee"
urlpatterns: list = []
urlpatterns += meetings_urlpatterns
urlpatterns += members_urlpatterns
